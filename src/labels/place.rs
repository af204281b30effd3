//! Names inside their territories, in [`Screen`] pixels: each centred on
//! its anchor, the first of its texts that fits, larger territories first; boxes kept `gap`
//! pixels apart, inside the map and out of the reserved boxes (the map's buttons).

use super::Candidate;
use crate::coords::Screen;
use crate::num::within;

/// Where a label went: which text variant, and its box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub variant: usize,
    pub rect: Rect,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// Whether the two boxes share some area.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    /// Whether the box lies within `o`.
    pub fn within(&self, o: &Rect) -> bool {
        self.x >= o.x && self.y >= o.y && self.x + self.w <= o.x + o.w && self.y + self.h <= o.y + o.h
    }

    /// Whether `p` is in the box.
    pub fn contains(&self, p: Screen) -> bool {
        p.x >= self.x && p.x <= self.x + self.w && p.y >= self.y && p.y <= self.y + self.h
    }

    /// The box grown by `by` on every side.
    pub fn grown(&self, by: f64) -> Rect {
        Rect { x: self.x - by, y: self.y - by, w: self.w + 2.0 * by, h: self.h + 2.0 * by }
    }

    /// The point of the box nearest to `p`.
    pub fn nearest(&self, p: Screen) -> Screen {
        Screen { x: within(p.x, self.x, self.x + self.w), y: within(p.y, self.y, self.y + self.h) }
    }

    /// The corners, the middles of the sides and the centre: where a label is checked against
    /// the outline of its territory. A sliver thinner than half the box between two of these can
    /// pass unseen; territories' outlines have none at the zooms where their names are written.
    pub fn probes(&self) -> [Screen; 9] {
        let (x0, x1, x2) = (self.x, self.x + self.w / 2.0, self.x + self.w);
        let (y0, y1, y2) = (self.y, self.y + self.h / 2.0, self.y + self.h);
        [(x0, y0), (x1, y0), (x2, y0), (x0, y1), (x1, y1), (x2, y1), (x0, y2), (x1, y2), (x2, y2)]
            .map(|(x, y)| Screen { x, y })
    }
}

/// What is already on the map: the boxes taken (names, numbers, the map's buttons) and the
/// leader lines drawn, in the `area` labels may use, boxes kept `gap` pixels apart.
#[derive(Clone, Debug)]
pub struct Board {
    pub area: Rect,
    pub gap: f64,
    pub taken: Vec<Rect>,
    pub leaders: Vec<(Screen, Screen)>,
}

impl Board {
    /// An empty `width` × `height` map but for the `reserved` boxes.
    pub fn new(width: f64, height: f64, gap: f64, reserved: &[Rect]) -> Board {
        Board::within(Rect { x: 0.0, y: 0.0, w: width, h: height }, gap, reserved)
    }

    /// An empty map whose labels stay within `area`, but for the `reserved` boxes.
    pub fn within(area: Rect, gap: f64, reserved: &[Rect]) -> Board {
        Board { area, gap, taken: reserved.to_vec(), leaders: Vec::new() }
    }

    /// Whether `r` lies on the map, away from every box and leader line already there.
    pub fn free(&self, r: &Rect) -> bool {
        let padded = r.grown(self.gap);
        r.within(&self.area)
            && !self.taken.iter().any(|t| t.overlaps(&padded))
            && !self.leaders.iter().any(|&(a, b)| crosses(&padded, a, b))
    }

    /// Whether the segment from `a` to `b` stays clear of every box taken.
    pub fn clear(&self, a: Screen, b: Screen) -> bool {
        !self.taken.iter().any(|t| crosses(t, a, b))
    }
}

/// Whether the segment from `a` to `b` meets the box (Liang–Barsky clipping).
pub fn crosses(r: &Rect, a: Screen, b: Screen) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, a.x - r.x), (dx, r.x + r.w - a.x), (-dy, a.y - r.y), (dy, r.y + r.h - a.y)] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    t0 < t1
}

/// Places labels of `line_height` pixels on `board`, each centred on its anchor, the first of
/// its texts that is free there and that `fits(i, rect)` (within its territory), the highest
/// priority first. Returns, for each candidate in input order, where it went or `None`.
pub fn place(
    cands: &[Candidate],
    line_height: f64,
    board: &mut Board,
    fits: impl Fn(usize, &Rect) -> bool,
) -> Vec<Option<Placed>> {
    let priorities: Vec<f64> = cands.iter().map(|c| c.priority).collect();
    let mut out = vec![None; cands.len()];
    for i in crate::rank::largest_first(&priorities) {
        let c = &cands[i];
        for (variant, &(w, lines)) in c.widths.iter().enumerate() {
            let h = line_height * lines as f64;
            let rect = Rect { x: c.anchor.x - w / 2.0, y: c.anchor.y - h / 2.0, w, h };
            if board.free(&rect) && fits(i, &rect) {
                board.taken.push(rect);
                out[i] = Some(Placed { variant, rect });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Screen;

    fn cand(x: f64, y: f64, widths: &[f64], priority: f64) -> Candidate {
        Candidate { anchor: Screen { x, y }, widths: widths.iter().map(|&w| (w, 1)).collect(), priority }
    }

    fn anywhere(_: usize, _: &Rect) -> bool {
        true
    }

    #[test]
    fn a_name_wider_than_its_territory_is_shortened_then_dropped() {
        // Territory 0 spans x 60..140, territory 1 x 200..230 (both the map's full height).
        let spans = [(60.0, 140.0), (200.0, 230.0)];
        let fits = |i: usize, r: &Rect| r.probes().iter().all(|p| p.x >= spans[i].0 && p.x <= spans[i].1);
        let long = cand(100.0, 50.0, &[120.0, 50.0], 2.0);
        let narrow = cand(215.0, 50.0, &[60.0, 40.0], 1.0);
        let r = place(&[long, narrow], 12.0, &mut Board::new(400.0, 100.0, 2.0, &[]), fits);
        assert_eq!(r[0].unwrap().variant, 1, "the short name fits inside");
        assert_eq!(r[1], None, "neither name fits: no label crossing the border");
    }

    #[test]
    fn a_name_on_two_lines_is_narrower_and_twice_as_tall() {
        // 20 px wide, the map's full height: one line of 60 px does not fit, two of 30 px don't
        // either, two lines of 18 px do.
        let fits = |_: usize, r: &Rect| r.x >= 90.0 && r.x + r.w <= 110.0;
        let c = Candidate { anchor: Screen { x: 100.0, y: 50.0 }, widths: vec![(60.0, 1), (18.0, 2)], priority: 1.0 };
        let r = place(&[c], 12.0, &mut Board::new(400.0, 100.0, 2.0, &[]), fits);
        assert_eq!(r[0].unwrap().variant, 1);
        assert_eq!(r[0].unwrap().rect.h, 24.0);
    }

    #[test]
    fn probes_cover_the_corners_and_the_centre() {
        let p = Rect { x: 10.0, y: 20.0, w: 40.0, h: 10.0 }.probes();
        assert_eq!(p[0], Screen { x: 10.0, y: 20.0 });
        assert_eq!(p[4], Screen { x: 30.0, y: 25.0 });
        assert_eq!(p[8], Screen { x: 50.0, y: 30.0 });
    }

    #[test]
    fn far_apart_labels_all_fit() {
        let r = place(
            &[cand(50.0, 50.0, &[40.0], 1.0), cand(200.0, 50.0, &[40.0], 2.0)],
            12.0,
            &mut Board::new(300.0, 100.0, 2.0, &[]),
            anywhere,
        );
        assert!(r.iter().all(|p| p.map(|p| p.variant) == Some(0)));
    }

    #[test]
    fn overlapping_label_is_shortened_then_dropped() {
        let big = cand(100.0, 50.0, &[80.0], 10.0);
        // Full name would overlap the big label; the short one fits to its right.
        let shortened = cand(170.0, 50.0, &[80.0, 30.0], 5.0);
        // Nothing fits here: dropped.
        let dropped = cand(100.0, 55.0, &[60.0, 20.0], 1.0);
        let r = place(&[dropped, big, shortened], 12.0, &mut Board::new(400.0, 100.0, 2.0, &[]), anywhere);
        assert_eq!(r[0], None);
        assert_eq!(r[1].unwrap().variant, 0);
        assert_eq!(r[2].unwrap().variant, 1);
    }

    #[test]
    fn labels_stay_inside_the_map() {
        let r = place(&[cand(5.0, 50.0, &[40.0], 1.0)], 12.0, &mut Board::new(300.0, 100.0, 2.0, &[]), anywhere);
        assert_eq!(r[0], None);
    }
}
