//! Which parts of the screen some shape covers, on a grid of square cells: where a name placed
//! outside its territory may go (over the neighbouring countries, the margins, the land in no
//! territory) without hiding another territory. Built in [`Screen`] pixels from shapes in
//! [`Projected`](crate::coords::Projected) metres through a [`View`], by scanlines (even–odd, each
//! ring's crossings of each row's middle) and along the outlines, then grown by one cell so that a cell a thin part
//! only grazes counts too; a summed-area table answers "is any cell of this box covered" in
//! constant time.

use crate::coords::Screen;
use crate::geom::Shape;
use crate::view::View;

/// The cells covered by some shape.
#[derive(Clone, Debug)]
pub struct Coverage {
    cell: f64,
    /// Where the grid starts, in screen pixels: on a multiple of `cell` from the map's origin,
    /// not the screen's, so that a pan moves the cells with the map and the same boxes are free
    /// after it (names do not jump from one spot to another as the map is dragged).
    origin: Screen,
    cols: usize,
    rows: usize,
    /// Covered cells in the box `[0, x) × [0, y)`, `(cols + 1) × (rows + 1)` entries.
    sums: Vec<u32>,
}

impl Coverage {
    /// The cells of `cell` pixels covered by `shapes` in view `v`.
    pub fn new<'a>(shapes: impl IntoIterator<Item = &'a Shape>, v: &View, cell: f64) -> Coverage {
        let cell = cell.max(1.0);
        // A remainder by hand: f64::rem_euclid links libm's fmod into the module (1.5 KB).
        let below = |t: f64| t - cell * (t / cell).floor() - cell;
        let origin = Screen { x: below(v.tx), y: below(v.ty) };
        let (width, height) = (v.width - origin.x, v.height - origin.y);
        let (cols, rows) = ((width / cell).ceil().max(1.0) as usize, (height / cell).ceil().max(1.0) as usize);
        let mut crossings: Vec<Vec<f64>> = vec![Vec::new(); rows];
        let mut covered = vec![false; cols * rows];
        let row_of = |y: f64| (y / cell - 0.5).ceil();
        for shape in shapes {
            for polygon in &shape.geometry {
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    for line in ring.lines() {
                        let at = |c: geo::Coord<f64>| {
                            let p = v.to_screen(crate::coords::Projected { x: c.x, y: c.y });
                            Screen { x: p.x - origin.x, y: p.y - origin.y }
                        };
                        let (a, b) = (at(line.start), at(line.end));
                        mark_segment(&mut covered, (cols, rows), cell, a, b);
                        let (lo, hi) = if a.y < b.y { (a, b) } else { (b, a) };
                        // Rows whose middle is in [lo.y, hi.y): each crossing counted once.
                        let first = row_of(lo.y).max(0.0);
                        let last = row_of(hi.y).min(rows as f64);
                        let mut r = first;
                        while r < last {
                            let y = (r + 0.5) * cell;
                            crossings[r as usize].push(lo.x + (y - lo.y) * (hi.x - lo.x) / (hi.y - lo.y));
                            r += 1.0;
                        }
                    }
                }
            }
        }
        for (r, xs) in crossings.iter().enumerate() {
            // The module's one sort (crate::rank), rather than a second one for floats.
            let xs: Vec<f64> = crate::rank::largest_first(xs).into_iter().rev().map(|k| xs[k]).collect();
            for pair in xs.chunks_exact(2) {
                let from = ((pair[0] / cell - 0.5).ceil().max(0.0)) as usize;
                let to = crate::num::within((pair[1] / cell - 0.5).ceil(), 0.0, cols as f64) as usize;
                covered[r * cols..r * cols + cols][from.min(cols)..to].iter_mut().for_each(|c| *c = true);
            }
        }
        let grown = grow(&covered, cols, rows);
        Coverage { cell, origin, cols, rows, sums: sums(&grown, cols, rows) }
    }

    /// Whether any covered cell meets the box from `min` to `max` (pixels); outside the grid
    /// counts as free.
    pub fn any(&self, min: Screen, max: Screen) -> bool {
        let o = self.origin;
        let (min, max) = (Screen { x: min.x - o.x, y: min.y - o.y }, Screen { x: max.x - o.x, y: max.y - o.y });
        let col = |x: f64| ((x / self.cell).floor().max(0.0) as usize).min(self.cols);
        let row = |y: f64| ((y / self.cell).floor().max(0.0) as usize).min(self.rows);
        let (x0, x1) = (col(min.x), ((max.x / self.cell).ceil().max(0.0) as usize).min(self.cols));
        let (y0, y1) = (row(min.y), ((max.y / self.cell).ceil().max(0.0) as usize).min(self.rows));
        if x0 >= x1 || y0 >= y1 {
            return false;
        }
        let at = |x: usize, y: usize| self.sums[y * (self.cols + 1) + x];
        at(x1, y1) + at(x0, y0) > at(x0, y1) + at(x1, y0)
    }
}

/// The cells a segment passes through, sampled every half cell: the outline itself, which the
/// scanlines miss where a part is thinner than a cell.
fn mark_segment(covered: &mut [bool], (cols, rows): (usize, usize), cell: f64, a: Screen, b: Screen) {
    let steps = (a.distance(b) / (cell / 2.0)).ceil().min(1e6) as usize;
    for k in 0..=steps {
        let t = if steps == 0 { 0.0 } else { k as f64 / steps as f64 };
        let (x, y) = ((a.x + (b.x - a.x) * t) / cell, (a.y + (b.y - a.y) * t) / cell);
        if x >= 0.0 && y >= 0.0 && (x as usize) < cols && (y as usize) < rows {
            covered[y as usize * cols + x as usize] = true;
        }
    }
}

/// Each covered cell and its eight neighbours.
fn grow(covered: &[bool], cols: usize, rows: usize) -> Vec<bool> {
    let mut out = vec![false; covered.len()];
    for r in 0..rows {
        for c in 0..cols {
            if covered[r * cols + c] {
                for rr in r.saturating_sub(1)..(r + 2).min(rows) {
                    out[rr * cols + c.saturating_sub(1)..rr * cols + (c + 2).min(cols)].fill(true);
                }
            }
        }
    }
    out
}

fn sums(covered: &[bool], cols: usize, rows: usize) -> Vec<u32> {
    let w = cols + 1;
    let mut s = vec![0u32; w * (rows + 1)];
    for r in 0..rows {
        let mut line = 0;
        for c in 0..cols {
            line += u32::from(covered[r * cols + c]);
            s[(r + 1) * w + c + 1] = s[r * w + c + 1] + line;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coords::{Bounds, Projected};
    use geo::{polygon, MultiPolygon};

    /// A 100 × 100 px view of the square 0..100 m (1 px a metre, y up).
    fn view() -> View {
        let b = Bounds { min: Projected { x: 0.0, y: 0.0 }, max: Projected { x: 100.0, y: 100.0 } };
        View::fit(b, 100.0, 100.0, 0.0)
    }

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> Shape {
        Shape::new(MultiPolygon(vec![polygon![(x: x0, y: y0), (x: x1, y: y0), (x: x1, y: y1), (x: x0, y: y1)]]))
    }

    fn at(x0: f64, y0: f64, x1: f64, y1: f64) -> (Screen, Screen) {
        (Screen { x: x0, y: y0 }, Screen { x: x1, y: y1 })
    }

    #[test]
    fn a_square_covers_its_cells_and_one_more_around() {
        // Metres 20..40 × 60..80 are screen pixels 20..40 × 20..40.
        let c = Coverage::new([&square(20.0, 60.0, 40.0, 80.0)], &view(), 4.0);
        let (a, b) = at(28.0, 28.0, 30.0, 30.0);
        assert!(c.any(a, b));
        let (a, b) = at(41.0, 20.0, 43.0, 30.0);
        assert!(c.any(a, b), "the grown ring of cells");
        let (a, b) = at(50.0, 20.0, 90.0, 90.0);
        assert!(!c.any(a, b));
        let (a, b) = at(-50.0, -50.0, 12.0, 12.0);
        assert!(!c.any(a, b), "off the grid is free");
    }

    #[test]
    fn a_hole_is_free_and_a_sliver_is_seen() {
        let ring = polygon!(
            exterior: [(x: 10.0, y: 10.0), (x: 90.0, y: 10.0), (x: 90.0, y: 90.0), (x: 10.0, y: 90.0)],
            interiors: [[(x: 30.0, y: 30.0), (x: 70.0, y: 30.0), (x: 70.0, y: 70.0), (x: 30.0, y: 70.0)]],
        );
        let c = Coverage::new([&Shape::new(MultiPolygon(vec![ring]))], &view(), 4.0);
        let (a, b) = at(40.0, 40.0, 60.0, 60.0);
        assert!(!c.any(a, b), "inside the hole");
        let thin = square(0.0, 50.0, 100.0, 50.5);
        let c = Coverage::new([&thin], &view(), 4.0);
        let (a, b) = at(10.0, 40.0, 20.0, 48.0);
        assert!(c.any(a, b), "half a pixel thick, still covered");
    }

    #[test]
    fn the_grid_moves_with_the_map() {
        let square = square(20.0, 60.0, 40.0, 80.0);
        let mut v = view();
        let c = Coverage::new([&square], &v, 4.0);
        v.pan(2.5, 1.0);
        let moved = Coverage::new([&square], &v, 4.0);
        for (x, y) in [(41.0, 20.0), (44.0, 30.0), (47.0, 25.0), (10.0, 10.0), (18.0, 18.0)] {
            let (a, b) = at(x, y, x + 3.0, y + 3.0);
            let (ma, mb) = at(x + 2.5, y + 1.0, x + 5.5, y + 4.0);
            assert_eq!(c.any(a, b), moved.any(ma, mb), "({x}, {y})");
        }
    }

    #[test]
    fn an_empty_scene_covers_nothing() {
        let c = Coverage::new(std::iter::empty::<&Shape>(), &view(), 4.0);
        let (a, b) = at(0.0, 0.0, 100.0, 100.0);
        assert!(!c.any(a, b));
    }
}
