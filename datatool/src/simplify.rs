//! Simplification of each arc once (Douglas–Peucker from `geo`, in a local metric projection),
//! keeping arc endpoints so that neighbouring faces keep sharing their borders exactly.

use crate::topology::{Arc, Pt, SCALE};
use geo::{Coord, LineString, SimplifyIdx};
use std::collections::BTreeMap;

/// Reference latitude of the Grand Est's local equirectangular projection, for the maps built
/// without a region's own ([`crate::region::reference_latitude`] gives each region's).
pub const LAT0: f64 = 48.7;
const M_PER_DEG_LAT: f64 = 111_132.0;

/// Projects a quantized point to metres (x east, y north) around latitude `lat0`.
pub fn to_metres(p: Pt, lat0: f64) -> Coord<f64> {
    let k = lat0.to_radians().cos() * 111_320.0;
    Coord { x: p.0 as f64 / SCALE * k, y: p.1 as f64 / SCALE * M_PER_DEG_LAT }
}

fn dp(points: &[Pt], tolerance_m: f64, lat0: f64) -> Vec<usize> {
    let ls = LineString::new(points.iter().map(|p| to_metres(*p, lat0)).collect());
    ls.simplify_idx(tolerance_m)
}

fn dist2(a: Coord<f64>, b: Coord<f64>) -> f64 {
    (a.x - b.x).powi(2) + (a.y - b.y).powi(2)
}

/// Simplifies one arc; `keep_interior` forces at least one interior point (used when several
/// arcs join the same two endpoints, so that they cannot collapse onto each other). Metres are
/// taken around latitude `lat0`.
pub fn simplify_arc(points: &[Pt], tolerance_m: f64, keep_interior: bool, lat0: f64) -> Vec<Pt> {
    let to_metres = |p: Pt| to_metres(p, lat0);
    let n = points.len();
    if n <= 2 {
        return points.to_vec();
    }
    if points[0] == points[n - 1] {
        // closed loop: split at the point farthest from the start and simplify both halves
        let s = to_metres(points[0]);
        let far = (1..n - 1)
            .max_by(|a, b| dist2(to_metres(points[*a]), s).total_cmp(&dist2(to_metres(points[*b]), s)))
            .unwrap_or(1);
        let mut first = simplify_arc(&points[..=far], tolerance_m, true, lat0);
        let second = simplify_arc(&points[far..], tolerance_m, true, lat0);
        first.extend_from_slice(&second[1..]);
        return first;
    }
    let idx = dp(points, tolerance_m, lat0);
    let mut out: Vec<Pt> = idx.iter().map(|i| points[*i]).collect();
    if keep_interior && out.len() == 2 {
        // keep the interior point farthest from the chord
        let (a, b) = (to_metres(points[0]), to_metres(points[n - 1]));
        let off = |p: Coord<f64>| ((b.x - a.x) * (a.y - p.y) - (a.x - p.x) * (b.y - a.y)).abs();
        let far =
            (1..n - 1).max_by(|i, j| off(to_metres(points[*i])).total_cmp(&off(to_metres(points[*j])))).unwrap_or(1);
        out.insert(1, points[far]);
    }
    out
}

/// Simplifies every arc once. Arcs sharing both endpoints with another arc keep an interior
/// point. Arcs that then cross or touch another arc (or themselves) are simplified again with
/// half the tolerance, until no arc conflicts (at worst they keep all their points).
pub fn simplify_arcs(arcs: &[Arc], tolerance_m: f64, lat0: f64) -> Vec<Vec<Pt>> {
    let ends = |a: &Arc| {
        let (s, e) = (a.points[0], a.points[a.points.len() - 1]);
        if s < e {
            (s, e)
        } else {
            (e, s)
        }
    };
    let mut pairs: BTreeMap<(Pt, Pt), usize> = BTreeMap::new();
    for a in arcs {
        *pairs.entry(ends(a)).or_insert(0) += 1;
    }
    let mut tol = vec![tolerance_m; arcs.len()];
    let mut out: Vec<Vec<Pt>> =
        arcs.iter().map(|a| simplify_arc(&a.points, tolerance_m, pairs[&ends(a)] > 1, lat0)).collect();
    loop {
        let bad: Vec<usize> = crate::crossings::crossing_arcs(&out)
            .into_iter()
            .filter(|i| out[*i].len() < arcs[*i].points.len())
            .collect();
        if bad.is_empty() {
            return out;
        }
        for i in bad {
            tol[i] /= 2.0;
            out[i] = if tol[i] < 1.0 {
                arcs[i].points.clone()
            } else {
                simplify_arc(&arcs[i].points, tol[i], pairs[&ends(&arcs[i])] > 1, lat0)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_endpoints_and_drops_near_collinear_points() {
        let pts: Vec<Pt> = (0..=100).map(|i| (i * 100, if i == 50 { 1 } else { 0 })).collect();
        let s = simplify_arc(&pts, 10.0, false, LAT0);
        assert_eq!(s, vec![(0, 0), (10000, 0)]);
        let s = simplify_arc(&pts, 10.0, true, LAT0);
        assert_eq!(s, vec![(0, 0), (5000, 1), (10000, 0)]);
    }

    #[test]
    fn closed_loop_stays_a_ring() {
        let pts: Vec<Pt> = vec![(0, 0), (1000, 0), (1000, 1000), (0, 1000), (0, 0)];
        let s = simplify_arc(&pts, 100_000.0, false, LAT0);
        assert_eq!(s.first(), s.last());
        assert!(s.len() >= 4, "{s:?}");
    }
}
