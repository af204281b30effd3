//! Names that do not fit inside their territory, in [`Screen`] pixels: written outside, where no
//! territory is ([`Coverage`]: the neighbouring countries, the margins, land in no territory),
//! joined by a leader line to a point inside the territory by its border (where even that
//! fails: a number, [`super::keys`]).
//!
//! Positions are tried on rings around the anchor, so that a leader line is as short as the map
//! allows; a leader line crosses no name, number or other leader.

use super::place::{Board, Placed, Rect};
use super::Candidate;
use crate::coords::Screen;
use crate::geom::coverage::Coverage;

/// A name with at least this many free spots is not short of room (see [`outside`]).
const FEW: usize = 12;

/// Rings are tried this many pixels apart, out to [`reach`].
const STEP: f64 = 8.0;

/// The longest leader line in a map showing `area`, in pixels: a quarter of its short side.
/// Further away, a name no longer reads as the territory's, and on a phone long lines across the
/// map would hide more than numbers do.
pub fn reach(area: &Rect) -> f64 {
    area.w.min(area.h) / 4.0
}
/// Directions tried on each ring, best first: beside the anchor (text reads along the line),
/// then diagonally, then above and below. Unit vectors, y down.
pub const DIRECTIONS: [(f64, f64); 12] = [
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.866, -0.5),
    (-0.866, -0.5),
    (0.866, 0.5),
    (-0.866, 0.5),
    (0.5, -0.866),
    (-0.5, -0.866),
    (0.5, 0.866),
    (-0.5, 0.866),
    (0.0, -1.0),
    (0.0, 1.0),
];

/// A box of `w` × `h` whose side or corner faces the anchor from point `p` in direction `d`.
fn facing(p: Screen, d: (f64, f64), w: f64, h: f64) -> Rect {
    // Along one axis: the box starts at `at`, ends there, or is centred on it.
    let side = |at: f64, toward: f64, size: f64| {
        at - size
            * if toward > 0.3 {
                0.0
            } else if toward < -0.3 {
                1.0
            } else {
                0.5
            }
    };
    Rect { x: side(p.x, d.0, w), y: side(p.y, d.1, h), w, h }
}

/// Whether segments `a`–`b` and `c`–`d` cross.
fn segments_cross(a: Screen, b: Screen, c: Screen, d: Screen) -> bool {
    let side = |p: Screen, q: Screen, r: Screen| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let (d1, d2) = (side(c, d, a), side(c, d, b));
    let (d3, d4) = (side(a, b, c), side(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// Whether a leader from `a` to `b` may be drawn: clear of every box and of the other leaders.
fn leader_clear(board: &Board, a: Screen, b: Screen) -> bool {
    board.clear(a, b) && !board.leaders.iter().any(|&(c, d)| segments_cross(a, b, c, d))
}

/// Places, for each candidate still `None` in `placed`, one of its texts outside every
/// territory, its leader line at most `reach` pixels long, from the box to the nearest of the
/// candidate's `ends` (points inside its territory, by its border: see [`ends`]). The names
/// with the fewest places to go choose first (on an empty map), each the place with the shortest
/// line still free at its turn, so that a name with one way out is not shut in by one that had
/// many. Fills `placed` and returns each one's leader line.
pub fn outside(
    cands: &[Candidate],
    ends: &[Vec<Screen>],
    line_height: f64,
    board: &mut Board,
    covered: &Coverage,
    placed: &mut [Option<Placed>],
    reach: f64,
) -> Vec<Option<(Screen, Screen)>> {
    let mut leaders = vec![None; cands.len()];
    let look = |i: usize, board: &Board| {
        let ends = ends.get(i).map_or(&[][..], Vec::as_slice);
        find(&cands[i], ends, line_height, board, covered, reach)
    };
    let first: Vec<(Option<Spot>, usize)> =
        (0..cands.len()).map(|i| if placed[i].is_some() { (None, 0) } else { look(i, board) }).collect();
    // Counted up to a few: beyond, a name has room enough, and counting every spot would let a
    // pan (which moves spots across the map's edges) reorder names far from any edge. Ties keep
    // the input order: the candidates come largest first.
    let options: Vec<f64> = first.iter().map(|(_, seen)| -(*seen.min(&FEW) as f64)).collect();
    for i in crate::rank::largest_first(&options) {
        if placed[i].is_some() {
            continue;
        }
        // The spot found on the empty map, unless a name placed since took it.
        let kept = first[i].0.filter(|s| board.free(&s.rect) && leader_clear(board, s.leader.0, s.leader.1));
        let Some(spot) = kept.or_else(|| look(i, board).0) else { continue };
        board.taken.push(spot.rect);
        board.leaders.push(spot.leader);
        placed[i] = Some(Placed { variant: spot.variant, rect: spot.rect });
        leaders[i] = Some(spot.leader);
    }
    leaders
}

/// Where a name can go outside: which text, its box, its leader line and how good that is (the
/// line's length, and a little more for a shorter text).
#[derive(Clone, Copy, Debug)]
struct Spot {
    variant: usize,
    rect: Rect,
    leader: (Screen, Screen),
    score: f64,
}

/// The best spot for `c`'s name outside, trying boxes on rings around its anchor out to where no
/// nearer line can be found, and how many free spots were seen on the way.
fn find(
    c: &Candidate,
    ends: &[Screen],
    line_height: f64,
    board: &Board,
    covered: &Coverage,
    reach: f64,
) -> (Option<Spot>, usize) {
    let ends = if ends.is_empty() { std::slice::from_ref(&c.anchor) } else { ends };
    let spread = ends.iter().map(|e| e.distance(c.anchor)).fold(0.0, f64::max);
    let (mut best, mut seen): (Option<Spot>, usize) = (None, 0);
    for ring in 1..=((spread + reach) / STEP).ceil() as usize {
        let r = ring as f64 * STEP;
        if best.is_some_and(|b| r - spread > b.score + STEP) {
            break;
        }
        for (variant, &(w, lines)) in c.widths.iter().enumerate() {
            for d in DIRECTIONS {
                let p = Screen { x: c.anchor.x + d.0 * r, y: c.anchor.y + d.1 * r };
                let rect = facing(p, d, w, line_height * lines as f64);
                let min = Screen { x: rect.x, y: rect.y };
                if !board.free(&rect) || covered.any(min, Screen { x: rect.x + rect.w, y: rect.y + rect.h }) {
                    continue;
                }
                let Some(leader) = ends
                    .iter()
                    .map(|&e| (rect.nearest(e), e))
                    .min_by(|a, b| a.0.distance(a.1).total_cmp(&b.0.distance(b.1)))
                else {
                    continue;
                };
                let length = leader.0.distance(leader.1);
                let score = length + 12.0 * variant as f64;
                if length <= reach && leader_clear(board, leader.0, leader.1) {
                    seen += 1;
                    if best.is_none_or(|b| score < b.score) {
                        best = Some(Spot { variant, rect, leader, score });
                    }
                }
            }
        }
    }
    (best, seen)
}

/// Points inside a territory by its border, where a leader line may end: along each of the
/// twelve directions from `anchor` (inside it), where the ray first meets one of the territory's
/// `edges`, `inset` pixels back; with `anchor` itself. No farther than `limit`.
pub fn ends(anchor: Screen, edges: &[(Screen, Screen)], inset: f64, limit: f64) -> Vec<Screen> {
    let mut out = vec![anchor];
    for d in DIRECTIONS {
        // Ray anchor + t·d against segment a + u·(b − a), 0 ≤ u ≤ 1: the nearest t > 0.
        let hit = edges.iter().filter_map(|&(a, b)| {
            let (ex, ey) = (b.x - a.x, b.y - a.y);
            let den = d.0 * ey - d.1 * ex;
            if den.abs() < 1e-12 {
                return None;
            }
            let (wx, wy) = (a.x - anchor.x, a.y - anchor.y);
            let t = (wx * ey - wy * ex) / den;
            let u = (wx * d.1 - wy * d.0) / den;
            (t > 0.0 && (0.0..=1.0).contains(&u)).then_some(t)
        });
        let t = hit.fold(limit, f64::min);
        if t > inset {
            out.push(Screen { x: anchor.x + d.0 * (t - inset), y: anchor.y + d.1 * (t - inset) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coords::{Bounds, Projected};
    use crate::geom::Shape;
    use crate::labels::place::crosses;
    use crate::view::View;
    use geo::{polygon, MultiPolygon};

    /// A 200 × 100 px view where one pixel is one metre, y flipped.
    fn view() -> View {
        let b = Bounds { min: Projected { x: 0.0, y: 0.0 }, max: Projected { x: 200.0, y: 100.0 } };
        View::fit(b, 200.0, 100.0, 0.0)
    }

    fn cand(x: f64, y: f64, w: f64) -> Candidate {
        Candidate { anchor: Screen { x, y }, widths: vec![(w, 1)], priority: 1.0 }
    }

    /// A territory covering pixels 0..100 × 0..100 (the left half of the map).
    fn left_half() -> Coverage {
        let s = Shape::new(MultiPolygon(vec![
            polygon![(x: 0.0, y: 0.0), (x: 100.0, y: 0.0), (x: 100.0, y: 100.0), (x: 0.0, y: 100.0)],
        ]));
        Coverage::new([&s], &view(), 4.0)
    }

    #[test]
    fn a_name_goes_to_the_free_side_with_a_leader_to_its_anchor() {
        let mut board = Board::new(200.0, 100.0, 2.0, &[]);
        let mut placed = vec![None];
        let leaders = outside(&[cand(90.0, 50.0, 40.0)], &[], 14.0, &mut board, &left_half(), &mut placed, 160.0);
        let rect = placed[0].expect("placed").rect;
        assert!(rect.x >= 100.0, "right of the territory: {rect:?}");
        let (from, to) = leaders[0].expect("a leader");
        assert_eq!(to, Screen { x: 90.0, y: 50.0 });
        assert_eq!(from, rect.nearest(to));
    }

    #[test]
    fn no_room_outside_leaves_the_name_out() {
        let mut board = Board::new(100.0, 100.0, 2.0, &[]);
        let mut placed = vec![None];
        outside(&[cand(50.0, 50.0, 40.0)], &[], 14.0, &mut board, &left_half(), &mut placed, 160.0);
        assert_eq!(placed[0], None);
    }

    #[test]
    fn two_names_outside_neither_overlap_nor_cross() {
        let mut board = Board::new(200.0, 100.0, 2.0, &[]);
        let mut placed = vec![None, None];
        let leaders = outside(
            &[cand(90.0, 50.0, 60.0), cand(90.0, 52.0, 60.0)],
            &[],
            14.0,
            &mut board,
            &left_half(),
            &mut placed,
            160.0,
        );
        let (a, b) = (placed[0].unwrap().rect, placed[1].unwrap().rect);
        assert!(!a.overlaps(&b));
        let (l0, l1) = (leaders[0].unwrap(), leaders[1].unwrap());
        assert!(!segments_cross(l0.0, l0.1, l1.0, l1.1));
        assert!(!crosses(&a, l1.0, l1.1) && !crosses(&b, l0.0, l0.1));
    }

    #[test]
    fn reserved_boxes_are_avoided() {
        let mut board = Board::new(200.0, 100.0, 2.0, &[Rect { x: 100.0, y: 0.0, w: 100.0, h: 100.0 }]);
        let mut placed = vec![None];
        outside(&[cand(90.0, 50.0, 40.0)], &[], 14.0, &mut board, &left_half(), &mut placed, 160.0);
        assert_eq!(placed[0], None, "the only free side is the buttons'");
    }

    #[test]
    fn a_line_ends_inside_by_the_border_in_each_direction() {
        // A 40 × 20 box around the anchor (20, 10).
        let c = [(0.0, 0.0), (40.0, 0.0), (40.0, 20.0), (0.0, 20.0)].map(|(x, y)| Screen { x, y });
        let edges: Vec<(Screen, Screen)> = (0..4).map(|k| (c[k], c[(k + 1) % 4])).collect();
        let e = ends(Screen { x: 20.0, y: 10.0 }, &edges, 3.0, 100.0);
        assert_eq!(e.len(), 1 + DIRECTIONS.len());
        assert_eq!(e[1], Screen { x: 37.0, y: 10.0 }, "right, 3 px in");
        assert!(e.iter().all(|p| p.x > 0.0 && p.x < 40.0 && p.y > 0.0 && p.y < 20.0), "{e:?}");
        assert_eq!(ends(Screen { x: 20.0, y: 10.0 }, &edges, 12.0, 100.0).len(), 7, "up and down too short");
    }

    #[test]
    fn segments_that_touch_at_an_end_do_not_cross() {
        let (a, b, c) = (Screen { x: 0.0, y: 0.0 }, Screen { x: 10.0, y: 10.0 }, Screen { x: 10.0, y: 0.0 });
        assert!(!segments_cross(a, b, b, c));
        assert!(segments_cross(a, b, Screen { x: 0.0, y: 10.0 }, c));
    }
}
