//! Reading back what the path sink wrote at full detail ([`super::SvgPath`]): a pre-rendered
//! map holds its territories' shapes in its HTML, and the module that adopts the page takes them
//! from there rather than download them again (see `crate::hydrate`). Path data in kilometres,
//! y up, read into [`Projected`] metres.

use crate::coords::{Bounds, Projected};
use crate::geom::Shape;
use geo::{Coord, LineString, MultiPolygon, Polygon};

/// How many rings each polygon of `shape` has, written beside its path (`data-rings`): path
/// data alone does not say which rings are the holes of which polygon.
///
/// ```
/// use territoires_map::render::{path_data, read::{read_path, ring_counts}};
/// use geo::{polygon, MultiPolygon};
/// let square = polygon![(x: 0.0, y: 0.0), (x: 9_000.0, y: 0.0), (x: 9_000.0, y: 9_000.0)];
/// let shape = MultiPolygon(vec![square]);
/// assert_eq!(ring_counts(&shape), "1");
/// assert_eq!(read_path(&path_data(&shape), "1"), Some(shape));
/// ```
pub fn ring_counts(shape: &MultiPolygon<f64>) -> String {
    let counts: Vec<String> = shape.iter().map(|p| (1 + p.interiors().len()).to_string()).collect();
    counts.join(" ")
}

/// A territory's label point, written beside its path (`data-at`): `x y` in kilometres to ten
/// metres, as the paths are, so that the module that adopts the page need not project the
/// model's longitude and latitude again, nor look for an interior point (Lambert-93's
/// trigonometry and the scan lines: 5.8 KB gzip of the small module).
///
/// ```
/// use territoires_map::{coords::Projected, render::read::{label_at, read_label_at}};
/// let p = Projected { x: 976_434.0, y: 6_849_471.4 };
/// assert_eq!(label_at(p), "976.43 6849.47");
/// assert_eq!(read_label_at("976.43 6849.47"), Some(Projected { x: 976_430.0, y: 6_849_470.0 }));
/// ```
pub fn label_at(p: Projected) -> String {
    format!("{} {}", crate::num::fixed(p.x / 1000.0, 2), crate::num::fixed(p.y / 1000.0, 2))
}

/// The point [`label_at`] wrote, in metres; `None` unless `at` is two numbers.
pub fn read_label_at(at: &str) -> Option<Projected> {
    let mut parts = at.split_ascii_whitespace().map(number);
    let (x, y) = (parts.next()??, parts.next()??);
    parts.next().is_none().then_some(Projected { x: x * 1000.0, y: y * 1000.0 })
}

/// A territory's bounds and area, written beside its path (`data-box`): `x0 y0 x1 y1` in
/// kilometres to ten metres, as [`label_at`], then the area in square kilometres to a thousandth.
/// What the small module needs of a shape (its marker, the fitted view, keeping it in view)
/// without reading the path, whose hits the browser finds.
///
/// ```
/// use territoires_map::coords::{Bounds, Projected};
/// use territoires_map::{geom::Shape, render::read::{box_of, read_box}};
/// let min = Projected { x: 976_434.0, y: 6_849_471.4 };
/// let s = Shape::summary(Bounds { min, max: Projected { x: 990_000.0, y: 6_860_000.0 } }, 12_345_678.0);
/// assert_eq!(box_of(&s), "976.43 6849.47 990 6860 12.346");
/// let back = read_box("976.43 6849.47 990 6860 12.346").unwrap();
/// assert_eq!(back.bounds.min, Projected { x: 976_430.0, y: 6_849_470.0 });
/// assert_eq!((back.bounds.max.x, back.area), (990_000.0, 12_346_000.0));
/// assert!(read_box("1 2 3").is_none());
/// ```
pub fn box_of(shape: &Shape) -> String {
    let (b, km) = (shape.bounds, |m: f64| crate::num::fixed(m / 1000.0, 2));
    let area = crate::num::fixed(shape.area / 1e6, 3);
    format!("{} {} {} {} {area}", km(b.min.x), km(b.min.y), km(b.max.x), km(b.max.y))
}

/// The shape summary [`box_of`] wrote; `None` unless `b` is five numbers.
pub fn read_box(b: &str) -> Option<Shape> {
    let mut n = b.split_ascii_whitespace().map(number);
    let [x0, y0, x1, y1, area] = [(); 5].map(|_| n.next().flatten());
    let (Some(x0), Some(y0), Some(x1), Some(y1), Some(area), None) = (x0, y0, x1, y1, area, n.next()) else {
        return None;
    };
    let bounds =
        Bounds { min: Projected { x: x0 * 1000.0, y: y0 * 1000.0 }, max: Projected { x: x1 * 1000.0, y: y1 * 1000.0 } };
    Some(Shape::summary(bounds, area * 1e6))
}

/// The shape `d` draws, its rings grouped into polygons as `rings` counts them (see
/// [`ring_counts`]). `None` when `d` is not path data of moves, lines and closes, or when it has
/// not as many rings as `rings` counts.
pub fn read_path(d: &str, rings: &str) -> Option<MultiPolygon<f64>> {
    let mut all = read_rings(d)?.into_iter();
    let mut polygons = Vec::new();
    for count in rings.split_ascii_whitespace() {
        let count: usize = count.parse().ok().filter(|&c| c > 0)?;
        let exterior = all.next()?;
        let holes = (1..count).map(|_| all.next()).collect::<Option<Vec<_>>>()?;
        polygons.push(Polygon::new(exterior, holes));
    }
    all.next().is_none().then_some(MultiPolygon(polygons))
}

/// The rings `d` draws, in metres.
fn read_rings(d: &str) -> Option<Vec<LineString<f64>>> {
    let mut rings = Vec::new();
    let mut ring: Vec<Coord<f64>> = Vec::new();
    let (mut at, mut start) = ((0.0, 0.0), (0.0, 0.0));
    let mut command = None;
    let mut rest = d;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        let Some(c) = rest.chars().next() else { break };
        if c.is_ascii_alphabetic() {
            rest = rest.get(1..)?;
            match c {
                'M' | 'm' | 'L' | 'l' => command = Some(c),
                'Z' | 'z' => {
                    rings.extend(close(&mut ring));
                    at = start;
                    command = None;
                }
                _ => return None,
            }
            continue;
        }
        let (x, after) = leading_number(rest)?;
        let (y, after) = leading_number(after.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ','))?;
        rest = after;
        // Path data starts with a move.
        if rings.is_empty() && ring.is_empty() && !matches!(command, Some('M' | 'm')) {
            return None;
        }
        match command? {
            'M' | 'm' => {
                rings.extend(close(&mut ring));
                at = if command == Some('m') { (at.0 + x, at.1 + y) } else { (x, y) };
                start = at;
                // Pairs after a move are lines, relative after a relative move.
                command = Some(if command == Some('m') { 'l' } else { 'L' });
            }
            'l' => at = (at.0 + x, at.1 + y),
            _ => at = (x, y),
        }
        ring.push(Coord { x: at.0 * 1000.0, y: at.1 * 1000.0 });
    }
    rings.extend(close(&mut ring));
    Some(rings)
}

/// The ring drawn so far, if any, ended.
fn close(ring: &mut Vec<Coord<f64>>) -> Option<LineString<f64>> {
    (!ring.is_empty()).then(|| LineString(std::mem::take(ring)))
}

/// The number at the start of `s`, and what follows it.
fn leading_number(s: &str) -> Option<(f64, &str)> {
    let b = s.as_bytes();
    let mut end = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let mut exponent = false;
    while let Some(&c) = b.get(end) {
        let sign_of_exponent = matches!(c, b'-' | b'+') && exponent && matches!(b[end - 1], b'e' | b'E');
        if c.is_ascii_digit() || c == b'.' || sign_of_exponent {
            end += 1;
        } else if matches!(c, b'e' | b'E') && !exponent {
            exponent = true;
            end += 1;
        } else {
            break;
        }
    }
    Some((number(s.get(..end)?)?, s.get(end..)?))
}

/// A decimal as the pre-render writes them (`-2.5`, `12`, `242.60`): an optional minus, digits,
/// an optional fraction, 15 digits at most in all; `None` for anything else (`+1`, `.5`, `1e3`).
/// Hand-written because it is the module's only number reader: serde_json's, which served here
/// while the module also read GeoJSON, would keep a JSON parser in the small module, and the
/// standard library's adds 13.5 KB gzip (docs/performance.md, 4 December). Exact all the same:
/// the digits' integer and the power of ten are exact doubles, and their quotient is rounded
/// once, as a full parser rounds the decimal.
///
/// ```
/// use territoires_map::render::read::number;
/// assert_eq!(number("-242.60"), Some(-242.6));
/// assert_eq!(number("0.1"), Some(0.1));
/// assert_eq!(number("1e3"), None);
/// ```
pub fn number(s: &str) -> Option<f64> {
    const TEN: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    let (minus, digits) = s.strip_prefix('-').map_or((false, s), |rest| (true, rest));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    if whole.is_empty() || fraction.is_empty() || whole.len() + fraction.len() > 15 {
        return None;
    }
    let mut n = 0u64;
    for b in whole.bytes().chain(fraction.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
    }
    let v = n as f64 / TEN[fraction.len()];
    Some(if minus { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::path_data;
    use geo::polygon;

    fn shape() -> MultiPolygon<f64> {
        let with_hole = polygon!(
            exterior: [(x: 800_000.0, y: 6_800_000.0), (x: 820_000.0, y: 6_800_000.0), (x: 820_000.0, y: 6_820_000.0), (x: 800_000.0, y: 6_820_000.0)],
            interiors: [[(x: 805_000.0, y: 6_805_000.0), (x: 806_000.0, y: 6_805_000.0), (x: 806_000.0, y: 6_806_000.0)]],
        );
        let island =
            polygon![(x: 900_000.0, y: 6_700_000.0), (x: 900_010.0, y: 6_700_000.0), (x: 900_000.0, y: 6_700_020.0)];
        MultiPolygon(vec![with_hole, island])
    }

    #[test]
    fn reads_back_what_the_sink_wrote_holes_and_islands_included() {
        let s = shape();
        assert_eq!(ring_counts(&s), "2 1");
        assert_eq!(read_path(&path_data(&s), &ring_counts(&s)), Some(s));
    }

    #[test]
    fn rounds_to_the_ten_metres_the_sink_keeps() {
        let s = MultiPolygon(vec![polygon![(x: 1_234.0, y: -5_678.0), (x: 2_000.4, y: 0.0), (x: 0.0, y: 3_000.0)]]);
        let back = read_path(&path_data(&s), "1").unwrap();
        let first = back.0[0].exterior().0[0];
        assert_eq!((first.x, first.y), (1_230.0, -5_680.0));
    }

    #[test]
    fn reads_other_writers_path_data_too() {
        let back = read_path("M1,2 L3,2 3-4 Z m1 1 l1 0 0 1z", "1 1").unwrap();
        assert_eq!(read_path("M.5 1l1 0 0 1z", "1"), None, "a number the pre-render does not write");
        assert_eq!(read_path("M1 2l1 0 0 1e0z", "1"), None, "nor an exponent");
        assert_eq!(back.0[0].exterior().0[2], Coord { x: 3_000.0, y: -4_000.0 });
        assert_eq!(back.0[1].exterior().0[0], Coord { x: 2_000.0, y: 3_000.0 }, "relative to where z left the pen");
    }

    #[test]
    fn numbers_read_as_a_full_parser_reads_them() {
        for s in
            ["0", "-0", "12", "-2.5", "0.01", "242.60", "6820.01", "-1049.99", "123456789012.345", "0.00000000000001"]
        {
            assert_eq!(number(s), s.parse::<f64>().ok(), "{s}");
        }
        for s in ["", "-", ".5", "5.", "+1", "1e3", "1.2.3", "1 ", "--1", "1234567890123456", "NaN", "inf"] {
            assert_eq!(number(s), None, "{s:?}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read_or_group() {
        for (d, rings) in [
            ("M1 2 C3 4 5 6 7 8z", "1"),
            ("M1 2l3z", "1"),
            ("l1 1z", "1"),
            ("M1 2l1 0z", "2"),
            ("M1 2l1 0z", "0"),
            ("M1 2l1 0zM3 3l1 0z", "1"),
            ("M1 2l1 0z", "x"),
        ] {
            assert_eq!(read_path(d, rings), None, "{d} / {rings}");
        }
        assert_eq!(read_path("", ""), Some(MultiPolygon(vec![])));
    }
}
