//! Detection of arcs that cross or touch after simplification (Douglas–Peucker on each arc alone
//! does not see its neighbours). Offending arcs are re-simplified more finely by the caller.

use crate::topology::Pt;
use geo::line_intersection::{line_intersection, LineIntersection};
use geo::{Coord, Line};
use std::collections::BTreeSet;

fn line(a: Pt, b: Pt) -> Line<f64> {
    Line::new(Coord { x: a.0 as f64, y: a.1 as f64 }, Coord { x: b.0 as f64, y: b.1 as f64 })
}

fn bbox(points: &[Pt]) -> (Pt, Pt) {
    let mut lo = (i32::MAX, i32::MAX);
    let mut hi = (i32::MIN, i32::MIN);
    for p in points {
        lo = (lo.0.min(p.0), lo.1.min(p.1));
        hi = (hi.0.max(p.0), hi.1.max(p.1));
    }
    (lo, hi)
}

fn boxes_meet(a: &(Pt, Pt), b: &(Pt, Pt)) -> bool {
    a.0 .0 <= b.1 .0 && b.0 .0 <= a.1 .0 && a.0 .1 <= b.1 .1 && b.0 .1 <= a.1 .1
}

/// True when segments a0-a1 and b0-b1 meet anywhere other than at an endpoint they share.
fn segments_conflict(a0: Pt, a1: Pt, b0: Pt, b1: Pt) -> bool {
    let shared = |p: Pt| (p == a0 || p == a1) && (p == b0 || p == b1);
    match line_intersection(line(a0, a1), line(b0, b1)) {
        None => false,
        Some(LineIntersection::SinglePoint { intersection, .. }) => {
            let p = (intersection.x.round() as i32, intersection.y.round() as i32);
            !(shared(p) && intersection.x == p.0 as f64 && intersection.y == p.1 as f64)
        }
        Some(LineIntersection::Collinear { .. }) => true,
    }
}

/// Indices of the arcs that cross, touch or overlap another arc or themselves.
pub fn crossing_arcs(arcs: &[Vec<Pt>]) -> BTreeSet<usize> {
    let boxes: Vec<(Pt, Pt)> = arcs.iter().map(|a| bbox(a)).collect();
    let mut bad = BTreeSet::new();
    for i in 0..arcs.len() {
        for j in i..arcs.len() {
            if !boxes_meet(&boxes[i], &boxes[j]) {
                continue;
            }
            let (a, b) = (&arcs[i], &arcs[j]);
            'outer: for (si, sa) in a.windows(2).enumerate() {
                for (sj, sb) in b.windows(2).enumerate() {
                    if i == j && sj <= si {
                        continue;
                    }
                    if segments_conflict(sa[0], sa[1], sb[0], sb[1]) {
                        bad.insert(i);
                        bad.insert(j);
                        break 'outer;
                    }
                }
            }
        }
    }
    bad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_endpoints_are_fine_crossings_are_not() {
        let a = vec![(0, 0), (10, 0), (20, 0)];
        let b = vec![(20, 0), (20, 10)];
        assert!(crossing_arcs(&[a.clone(), b]).is_empty());
        let c = vec![(5, -5), (5, 5)];
        assert_eq!(crossing_arcs(&[a.clone(), c]).into_iter().collect::<Vec<_>>(), vec![0, 1]);
        // touching in the middle of a segment is a conflict too
        let d = vec![(5, 0), (5, 5)];
        assert_eq!(crossing_arcs(&[a, d]).len(), 2);
        // a closed loop is fine, a self-crossing arc is not
        assert!(crossing_arcs(&[vec![(0, 0), (10, 0), (10, 10), (0, 0)]]).is_empty());
        assert_eq!(crossing_arcs(&[vec![(0, 0), (10, 10), (10, 0), (0, 10)]]).len(), 1);
    }
}
