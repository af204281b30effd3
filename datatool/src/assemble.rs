//! Reassembly of dissolved outlines (territories, départements, region) from simplified arcs:
//! arcs separating two different groups are chained into rings, and the rings are filled with
//! the even-odd rule by geo's BooleanOps (which also resolves rings touching at a vertex).

use crate::topology::{signed_area2, Arc, Pt, SCALE};
use anyhow::{bail, Result};
use geo::bool_ops::{BooleanOps, FillRule, OpType};
use geo::orient::{Direction, Orient};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use std::collections::BTreeMap;

/// Clockwise angle from the direction `v→back` to `v→next`, in (0, 2π]: smallest is the
/// sharpest left turn.
fn left_turn_rank(back: Pt, v: Pt, next: Pt) -> f64 {
    let a_back = ((back.1 - v.1) as f64).atan2((back.0 - v.0) as f64);
    let a_next = ((next.1 - v.1) as f64).atan2((next.0 - v.0) as f64);
    let d = (a_back - a_next).rem_euclid(std::f64::consts::TAU);
    if d == 0.0 {
        std::f64::consts::TAU
    } else {
        d
    }
}

/// Chains directed pieces (each a point sequence) into closed rings. Where several pieces leave
/// the same vertex, `sharpest_left` takes the sharpest left turn (face tracing: rings touching
/// at a vertex stay separate); otherwise the sharpest right turn (envelope tracing: the outer
/// outline goes round, and slivers enclosed by overlapping pieces come out as separate rings).
pub fn chain_rings(pieces: Vec<Vec<Pt>>, sharpest_left: bool) -> Result<Vec<Vec<Pt>>> {
    let mut by_start: BTreeMap<Pt, Vec<usize>> = BTreeMap::new();
    for (i, p) in pieces.iter().enumerate().rev() {
        by_start.entry(p[0]).or_default().push(i);
    }
    let mut used = vec![false; pieces.len()];
    let mut rings = Vec::new();
    for i in 0..pieces.len() {
        if used[i] {
            continue;
        }
        used[i] = true;
        if let Some(v) = by_start.get_mut(&pieces[i][0]) {
            v.retain(|j| *j != i);
        }
        let mut ring = pieces[i].clone();
        while ring.last() != ring.first() {
            let end = ring[ring.len() - 1];
            let back = ring[ring.len() - 2];
            let Some(candidates) = by_start.get_mut(&end).filter(|v| !v.is_empty()) else {
                bail!("open ring: no piece continues at {end:?}");
            };
            let k = (0..candidates.len())
                .min_by(|a, b| {
                    let ta = left_turn_rank(back, end, pieces[candidates[*a]][1]);
                    let tb = left_turn_rank(back, end, pieces[candidates[*b]][1]);
                    let o = if sharpest_left { ta.total_cmp(&tb) } else { tb.total_cmp(&ta) };
                    o.then(candidates[*a].cmp(&candidates[*b]))
                })
                .unwrap_or(0);
            let j = candidates.remove(k);
            used[j] = true;
            ring.extend_from_slice(&pieces[j][1..]);
        }
        rings.push(ring);
    }
    Ok(rings)
}

/// Converts a quantized ring to a geo ring (degrees).
pub fn ring_to_geo(r: &[Pt]) -> LineString<f64> {
    LineString::new(r.iter().map(|p| Coord { x: p.0 as f64 / SCALE, y: p.1 as f64 / SCALE }).collect())
}

/// Even-odd fill of rings that do not cross, as a MultiPolygon with RFC 7946 winding.
pub fn fill_rings(rings: &[Vec<Pt>]) -> MultiPolygon<f64> {
    let polys: Vec<Polygon<f64>> = rings
        .iter()
        .filter(|r| r.len() >= 4 && signed_area2(r) != 0)
        .map(|r| Polygon::new(ring_to_geo(r), vec![]))
        .collect();
    let subject = MultiPolygon::new(polys);
    let filled = subject.boolean_op_with_fill_rule(&MultiPolygon::new(vec![]), OpType::Union, FillRule::EvenOdd);
    filled.orient(Direction::Default)
}

/// Outlines of the groups of faces: `group(face)` gives the group of a face (None for faces
/// outside every group). Simplified arcs (`simplified[i]` for `arcs[i]`) are used as they are.
pub fn assemble<G: Ord + Clone>(
    arcs: &[Arc],
    simplified: &[Vec<Pt>],
    group: impl Fn(u32) -> Option<G>,
) -> Result<BTreeMap<G, MultiPolygon<f64>>> {
    let mut pieces: BTreeMap<G, Vec<Vec<Pt>>> = BTreeMap::new();
    for (arc, pts) in arcs.iter().zip(simplified) {
        let (gl, gr) = (group(arc.left), group(arc.right));
        if gl == gr {
            continue;
        }
        if let Some(g) = gl {
            pieces.entry(g).or_default().push(pts.clone());
        }
        if let Some(g) = gr {
            pieces.entry(g).or_default().push(pts.iter().rev().copied().collect());
        }
    }
    let mut out = BTreeMap::new();
    for (g, p) in pieces {
        out.insert(g, fill_rings(&chain_rings(p, true)?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Area, Winding};

    #[test]
    fn chains_pieces_into_a_ring() {
        let rings =
            chain_rings(vec![vec![(0, 0), (10, 0)], vec![(10, 10), (0, 0)], vec![(10, 0), (10, 10)]], true).unwrap();
        assert_eq!(rings.len(), 1);
        assert_eq!(rings[0].len(), 4);
        assert!(chain_rings(vec![vec![(0, 0), (10, 0)]], true).is_err());
        // two squares touching at (0,0) give two rings, whatever the piece order
        let a = vec![vec![(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]];
        let b = vec![vec![(0, 0), (-1, 0), (-1, -1), (0, -1), (0, 0)]];
        let split = |p: &Vec<Vec<Pt>>| p[0].windows(2).map(|w| w.to_vec()).collect::<Vec<_>>();
        let mut pieces = split(&a);
        pieces.extend(split(&b));
        pieces.rotate_left(3);
        assert_eq!(chain_rings(pieces.clone(), true).unwrap().len(), 2);
        assert_eq!(chain_rings(pieces, false).unwrap().len(), 1);
    }

    #[test]
    fn even_odd_fill_keeps_island_in_hole() {
        let sq = |a: i32, b: i32| vec![(a, a), (b, a), (b, b), (a, b), (a, a)];
        let mut hole = sq(20, 80);
        hole.reverse();
        let mp = fill_rings(&[sq(0, 100), hole, sq(40, 60)]);
        let area = mp.unsigned_area() * SCALE * SCALE;
        assert!((area - (10000.0 - 3600.0 + 400.0)).abs() < 1e-3, "{area}");
        assert_eq!(mp.0.len(), 2);
        assert!(mp.0.iter().all(|p| p.exterior().is_ccw()));
    }
}
