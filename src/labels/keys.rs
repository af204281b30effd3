//! Numbers for the territories whose name fits nowhere, in [`Screen`] pixels: each in a small
//! round badge at its anchor, keyed to the same number in the list's rows (and the image's key).

use super::outside::DIRECTIONS;
use super::place::{Board, Rect};
use crate::coords::Screen;

/// A number's badge, across, in pixels.
pub const KEY_PX: f64 = 18.0;

/// A number's badge for each anchor given (highest priority first): at the anchor when that is
/// free, else nearby with a leader line, else at the anchor all the same (the territory must be
/// identified, even where badges touch). Returns each badge's centre and leader line.
pub fn keys(anchors: &[(Screen, f64)], board: &mut Board) -> Vec<(Screen, Option<(Screen, Screen)>)> {
    let square = |p: Screen| Rect { x: p.x - KEY_PX / 2.0, y: p.y - KEY_PX / 2.0, w: KEY_PX, h: KEY_PX };
    let priorities: Vec<f64> = anchors.iter().map(|a| a.1).collect();
    let mut out = vec![(Screen::default(), None); anchors.len()];
    for i in crate::rank::largest_first(&priorities) {
        let at = anchors[i].0;
        let nearby = (1..=4).flat_map(|ring| {
            DIRECTIONS
                .iter()
                .map(move |d| Screen { x: at.x + d.0 * 12.0 * ring as f64, y: at.y + d.1 * 12.0 * ring as f64 })
        });
        let spot = std::iter::once(at).chain(nearby).find(|&p| board.free(&square(p)));
        let centre = spot.unwrap_or(at);
        let leader = (centre != at).then(|| (square(centre).nearest(at), at));
        board.taken.push(square(centre));
        out[i] = (centre, leader);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badges_step_aside_from_each_other() {
        let mut board = Board::new(200.0, 100.0, 2.0, &[]);
        let a = Screen { x: 50.0, y: 50.0 };
        let out = keys(&[(a, 2.0), (Screen { x: 52.0, y: 50.0 }, 1.0)], &mut board);
        assert_eq!(out[0], (a, None), "the first at its anchor");
        let (centre, leader) = out[1];
        assert!(centre.distance(a) >= KEY_PX, "{centre:?}");
        assert_eq!(leader.map(|l| l.1), Some(Screen { x: 52.0, y: 50.0 }));
    }
}
