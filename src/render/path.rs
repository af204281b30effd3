//! The path sink: path data (SVG syntax, which `Path2D` also reads) in kilometres (y up) with
//! 10 m precision, from [`Projected`](crate::coords::Projected) metres; relative commands keep it
//! short, and points that round to the previous one are skipped. With a coarser grid
//! ([`SvgPath::with_grid`]) this is the level of detail of the canvas renderer: points closer
//! than a grid step to the last one kept are dropped (the radial-distance pass Leaflet runs
//! before Douglas–Peucker), and those kept are snapped to the grid (as TopoJSON quantizes). One
//! pass, far cheaper than Douglas–Peucker on the communes of France (docs/performance.md,
//! "Mesures citées par le code").

use super::PathSink;

/// Builds the `d` attribute of an SVG `<path>`.
///
/// ```
/// use territoires_map::render::{PathSink, SvgPath};
/// let mut p = SvgPath::default();
/// p.move_to(100_000.0, 200_000.0);
/// p.line_to(150_000.0, 200_000.0);
/// p.line_to(150_000.0, 225_000.0);
/// p.close();
/// assert_eq!(p.finish(), "M100 200l50 0l0 25z");
/// ```
#[derive(Default)]
pub struct SvgPath {
    d: String,
    /// Last written point, in units of 10 m.
    last: (i64, i64),
    /// Grid step in units of 10 m (0 or 1: no coarser than 10 m).
    grid: i64,
    /// The ring being streamed, in metres, when the grid is coarse: a ring that snaps to fewer
    /// than three points is written at 10 m instead, so small shapes never leave a hole.
    ring: Vec<(f64, f64)>,
    /// The points of `ring` kept by the radial-distance pass.
    kept: Vec<(f64, f64)>,
    /// Those points snapped, in units of 10 m.
    points: Vec<(i64, i64)>,
}

/// Metres → units of 10 m; written as kilometres with two decimals.
fn units(v: f64) -> i64 {
    (v / 10.0).round() as i64
}

/// Metres → units of 10 m, snapped to a grid of `grid` units.
fn snapped(v: f64, grid: i64) -> i64 {
    if grid <= 1 {
        units(v)
    } else {
        (v / (10.0 * grid as f64)).round() as i64 * grid
    }
}

/// Writes `v` hundredths: `-2.5`, `0.01`, `12`. With `itoa` ([`crate::num::push_units`]), as
/// serde_json does: the paths of 35,000 communes are millions of numbers, too many for
/// `core::fmt` (docs/performance.md).
fn write_units(d: &mut String, v: i64) {
    crate::num::push_units(d, v, 2);
}

impl SvgPath {
    /// A sink that keeps points at least `grid × 10` metres apart, snapped to a grid of that
    /// step.
    ///
    /// ```
    /// use territoires_map::render::{PathSink, SvgPath};
    /// let mut p = SvgPath::with_grid(100); // 1 km
    /// p.move_to(0.0, 0.0);
    /// p.line_to(300.0, 0.0); // snaps back onto the first point: dropped
    /// p.line_to(10_000.0, 0.0);
    /// p.line_to(10_000.0, 10_000.0);
    /// p.close();
    /// assert_eq!(p.finish(), "M0 0l10 0l0 10z");
    /// ```
    pub fn with_grid(grid: i64) -> SvgPath {
        SvgPath { grid, ..SvgPath::default() }
    }

    fn coarse(&self) -> bool {
        self.grid > 1
    }

    /// Writes a ring already in units of 10 m.
    fn write_points(&mut self, points: &[(i64, i64)]) {
        let Some((&(x, y), rest)) = points.split_first() else { return };
        self.d.push('M');
        self.pair(x, y);
        self.last = (x, y);
        for &(x, y) in rest {
            self.d.push('l');
            let (lx, ly) = self.last;
            self.pair(x - lx, y - ly);
            self.last = (x, y);
        }
        self.d.push('z');
    }

    fn pair(&mut self, x: i64, y: i64) {
        write_units(&mut self.d, x);
        self.d.push(' ');
        write_units(&mut self.d, y);
    }

    /// The finished `d` string.
    pub fn finish(self) -> String {
        self.d
    }
}

impl PathSink for SvgPath {
    fn move_to(&mut self, x: f64, y: f64) {
        if self.coarse() {
            self.ring.clear();
            self.ring.push((x, y));
            return;
        }
        let (x, y) = (units(x), units(y));
        self.d.push('M');
        self.pair(x, y);
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f64, y: f64) {
        if self.coarse() {
            self.ring.push((x, y));
            return;
        }
        let (x, y) = (units(x), units(y));
        if (x, y) == self.last {
            return;
        }
        self.d.push('l');
        let (lx, ly) = self.last;
        self.pair(x - lx, y - ly);
        self.last = (x, y);
    }

    fn close(&mut self) {
        if !self.coarse() {
            self.d.push('z');
            return;
        }
        let ring = std::mem::take(&mut self.ring);
        let mut points = std::mem::take(&mut self.points);
        snap_ring(&ring, self.grid, &mut self.kept, &mut points);
        self.write_points(&points);
        self.ring = ring;
        self.points = points;
    }
}

/// A ring as a sink with grid `grid` (units of 10 m; see [`SvgPath::with_grid`]) draws it, in
/// units of 10 m, into `out`: the points the radial-distance pass keeps, snapped, without
/// repeats; a ring that would keep fewer than three is snapped at 10 m instead. At grid 1 or
/// less, every point rounded to 10 m, without repeats. The canvas hit-tests what this returns,
/// so that the pointer finds exactly the shapes painted (`render::canvas::painted_at`).
pub(crate) fn snap_ring(ring: &[(f64, f64)], grid: i64, kept: &mut Vec<(f64, f64)>, out: &mut Vec<(i64, i64)>) {
    out.clear();
    if grid <= 1 {
        push_snapped(ring, 1, out);
        return;
    }
    let step = 10.0 * grid as f64;
    kept.clear();
    for &p in ring {
        if kept.last().is_none_or(|q: &(f64, f64)| (p.0 - q.0).powi(2) + (p.1 - q.1).powi(2) >= step * step) {
            kept.push(p);
        }
    }
    push_snapped(kept, grid, out);
    if out.len() < 3 {
        out.clear();
        push_snapped(ring, 1, out);
    }
}

/// Appends `ring`'s points snapped to `grid`, skipping those equal to the previous one.
fn push_snapped(ring: &[(f64, f64)], grid: i64, out: &mut Vec<(i64, i64)>) {
    for &(x, y) in ring {
        let p = (snapped(x, grid), snapped(y, grid));
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::stream;
    use geo::{polygon, MultiPolygon};

    #[test]
    fn streams_rings_with_holes_and_negative_steps() {
        let p = polygon!(
            exterior: [(x: 0.0, y: 0.0), (x: 1000.0, y: 0.0), (x: 1000.0, y: 1000.0), (x: 0.0, y: 0.0)],
            interiors: [[(x: 100.0, y: 100.0), (x: 105.0, y: 100.0), (x: 200.0, y: 150.0), (x: 100.0, y: 100.0)]],
        );
        let mut sink = SvgPath::default();
        stream(&MultiPolygon(vec![p]), &mut sink);
        // 105 m rounds to 10.5 → 11 units (0.11 km), then -1 unit back; nothing repeats.
        assert_eq!(sink.finish(), "M0 0l1 0l0 1zM0.1 0.1l0.01 0l0.09 0.05z");
    }

    #[test]
    fn skips_points_that_round_together() {
        let mut s = SvgPath::default();
        s.move_to(0.0, 0.0);
        s.line_to(2.0, 1.0);
        s.line_to(-2500.0, -1230.0);
        assert_eq!(s.finish(), "M0 0l-2.5 -1.23");
    }

    #[test]
    fn a_coarse_grid_keeps_rings_that_would_vanish() {
        let mut s = SvgPath::with_grid(64); // 640 m
                                            // A 10 km square keeps its corners; a 100 m square would snap to one point: kept at 10 m.
        for ring in [
            [(0.0, 0.0), (10_000.0, 0.0), (10_000.0, 10_000.0), (0.0, 10_000.0)],
            [(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)],
        ] {
            s.move_to(ring[0].0, ring[0].1);
            for &(x, y) in &ring[1..] {
                s.line_to(x, y);
            }
            s.close();
        }
        // 10 km = 15.625 grid steps → 16 × 640 m = 10.24 km.
        assert_eq!(s.finish(), "M0 0l10.24 0l0 10.24l-10.24 0zM0 0l0.1 0l0 0.1l-0.1 0z");
    }
}
