//! The SVG path sink: `d` strings in kilometres (y up) with 10 m precision, relative commands to
//! keep them short, and points that round to the previous one skipped.

use super::PathSink;
use std::fmt::Write;

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
}

/// Metres → units of 10 m; written as kilometres with two decimals.
fn units(v: f64) -> i64 {
    (v / 10.0).round() as i64
}

fn write_units(d: &mut String, v: i64) {
    let sign = if v < 0 { "-" } else { "" };
    let (whole, frac) = (v.unsigned_abs() / 100, v.unsigned_abs() % 100);
    let _ = match frac {
        0 => write!(d, "{sign}{whole}"),
        f if f % 10 == 0 => write!(d, "{sign}{whole}.{}", f / 10),
        f => write!(d, "{sign}{whole}.{f:02}"),
    };
}

impl SvgPath {
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
        let (x, y) = (units(x), units(y));
        self.d.push('M');
        self.pair(x, y);
        self.last = (x, y);
    }

    fn line_to(&mut self, x: f64, y: f64) {
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
        self.d.push('z');
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
}
