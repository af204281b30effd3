//! Planar topology of the commune mesh: coordinates are quantized to a 1e-5° grid, communes are
//! dissolved into faces (one face per département × territory) by cancelling shared edges, and
//! the face boundaries are cut at junctions into arcs, each shared by at most two faces
//! (as TopoJSON does).

use anyhow::{bail, Result};
use geo::{LineString, MultiPolygon};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A quantized point: (longitude, latitude) × [`SCALE`], rounded.
pub type Pt = (i32, i32);
/// Grid resolution: 1e-5 degree (about 1.1 m × 0.7 m here).
pub const SCALE: f64 = 1e5;
/// Face id of everything outside the mesh.
pub const OUTSIDE: u32 = u32::MAX;

/// A boundary arc between two junctions, with the faces on its left and right.
#[derive(Debug, Clone, PartialEq)]
pub struct Arc {
    /// Points from start to end (a closed loop repeats its first point).
    pub points: Vec<Pt>,
    /// Face on the left of the direction of travel.
    pub left: u32,
    /// Face on the right.
    pub right: u32,
}

/// Quantizes one coordinate.
pub fn quantize(x: f64, y: f64) -> Pt {
    ((x * SCALE).round() as i32, (y * SCALE).round() as i32)
}

/// Twice the signed area of a closed ring (positive when counter-clockwise).
pub fn signed_area2(ring: &[Pt]) -> i128 {
    ring.windows(2).map(|w| w[0].0 as i128 * w[1].1 as i128 - w[1].0 as i128 * w[0].1 as i128).sum()
}

/// Quantizes a ring, drops repeated points, and orients it counter-clockwise when `ccw`
/// (exteriors) or clockwise otherwise (holes). Returns None for degenerate rings.
pub fn quantize_ring(ls: &LineString<f64>, ccw: bool) -> Option<Vec<Pt>> {
    let mut r: Vec<Pt> = Vec::with_capacity(ls.0.len());
    for c in &ls.0 {
        let p = quantize(c.x, c.y);
        if r.last() != Some(&p) {
            r.push(p);
        }
    }
    if r.first() != r.last() {
        r.push(r[0]);
    }
    let a = signed_area2(&r);
    if r.len() < 4 || a == 0 {
        return None;
    }
    if (a > 0) != ccw {
        r.reverse();
    }
    Some(r)
}

/// Quantized, oriented rings of a MultiPolygon (exteriors counter-clockwise, holes clockwise).
pub fn polygon_rings(mp: &MultiPolygon<f64>) -> Vec<Vec<Pt>> {
    let mut out = Vec::new();
    for poly in &mp.0 {
        out.extend(quantize_ring(poly.exterior(), true));
        out.extend(poly.interiors().iter().filter_map(|r| quantize_ring(r, false)));
    }
    out
}

/// Directed boundary edges of one face: edges of its rings that are not cancelled by the
/// reverse edge of another ring of the same face.
pub fn face_edges<'a>(rings: impl IntoIterator<Item = &'a Vec<Pt>>) -> Vec<(Pt, Pt)> {
    let mut count: HashMap<(Pt, Pt), i32> = HashMap::new();
    for r in rings {
        for w in r.windows(2) {
            let rev = (w[1], w[0]);
            match count.get_mut(&rev) {
                Some(n) if *n > 0 => *n -= 1,
                _ => *count.entry((w[0], w[1])).or_insert(0) += 1,
            }
        }
    }
    let mut edges: Vec<(Pt, Pt)> = count.into_iter().filter(|(_, n)| *n > 0).map(|(e, _)| e).collect();
    edges.sort_unstable();
    edges
}

/// Builds the arcs of the faces given as (face id, ring) pairs (rings from [`polygon_rings`]).
/// Fails if two faces claim the same directed edge (overlapping input).
pub fn build_arcs(faces: &[(u32, Vec<Pt>)]) -> Result<Vec<Arc>> {
    let mut by_face: BTreeMap<u32, Vec<&Vec<Pt>>> = BTreeMap::new();
    for (f, r) in faces {
        by_face.entry(*f).or_default().push(r);
    }
    let mut left_of: HashMap<(Pt, Pt), u32> = HashMap::new();
    let mut adjacency: BTreeMap<Pt, BTreeSet<Pt>> = BTreeMap::new();
    for (face, polys) in &by_face {
        for (a, b) in face_edges(polys.iter().copied()) {
            if let Some(other) = left_of.insert((a, b), *face) {
                bail!("faces {other} and {face} overlap along edge {a:?}-{b:?}");
            }
            adjacency.entry(a).or_default().insert(b);
            adjacency.entry(b).or_default().insert(a);
        }
    }
    let junctions: Vec<Pt> = adjacency.iter().filter(|(_, n)| n.len() != 2).map(|(p, _)| *p).collect();
    let is_junction: BTreeSet<Pt> = junctions.iter().copied().collect();
    let mut visited: BTreeSet<(Pt, Pt)> = BTreeSet::new();
    let key = |a: Pt, b: Pt| if a < b { (a, b) } else { (b, a) };
    let mut arcs = Vec::new();
    let walk = |start: Pt, first: Pt, stop_at_junction: bool, visited: &mut BTreeSet<(Pt, Pt)>| {
        let mut pts = vec![start, first];
        visited.insert(key(start, first));
        let (mut prev, mut cur) = (start, first);
        while cur != start && !(stop_at_junction && is_junction.contains(&cur)) {
            let next = adjacency[&cur].iter().copied().find(|n| *n != prev && !visited.contains(&key(cur, *n)));
            let Some(next) = next else { break };
            visited.insert(key(cur, next));
            pts.push(next);
            prev = cur;
            cur = next;
        }
        let left = left_of.get(&(start, first)).copied().unwrap_or(OUTSIDE);
        let right = left_of.get(&(first, start)).copied().unwrap_or(OUTSIDE);
        Arc { points: pts, left, right }
    };
    for j in &junctions {
        for n in &adjacency[j] {
            if !visited.contains(&key(*j, *n)) {
                arcs.push(walk(*j, *n, true, &mut visited));
            }
        }
    }
    // closed loops without junction (islands, enclaves)
    let starts: Vec<(Pt, Pt)> = adjacency.iter().flat_map(|(p, ns)| ns.iter().map(move |n| (*p, *n))).collect();
    for (p, n) in starts {
        if !visited.contains(&key(p, n)) {
            arcs.push(walk(p, n, false, &mut visited));
        }
    }
    for a in &arcs {
        if a.left == a.right {
            bail!("arc at {:?} has the same face on both sides", a.points[0]);
        }
    }
    Ok(arcs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    fn sq(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<Pt> {
        let mp = MultiPolygon::new(vec![polygon![(x: x0, y: y0), (x: x1, y: y0), (x: x1, y: y1), (x: x0, y: y1)]]);
        polygon_rings(&mp).remove(0)
    }

    #[test]
    fn two_faces_of_three_squares_share_one_arc() {
        let (a, b, c) = (sq(0.0, 0.0, 1.0, 1.0), sq(1.0, 0.0, 2.0, 1.0), sq(2.0, 0.0, 3.0, 1.0));
        // a is face 0; b and c dissolve into face 1
        let arcs = build_arcs(&[(0, a), (1, b), (1, c)]).unwrap();
        assert_eq!(arcs.len(), 3, "{arcs:?}");
        let shared: Vec<&Arc> = arcs.iter().filter(|a| a.left != OUTSIDE && a.right != OUTSIDE).collect();
        assert_eq!(shared.len(), 1);
        assert_eq!(shared[0].points.len(), 2);
        // the edge x=2 between b and c is dissolved: 3 + 1 + 5 edges remain
        assert_eq!(arcs.iter().map(|a| a.points.len() - 1).sum::<usize>(), 9);
    }

    #[test]
    fn island_is_one_closed_arc_and_orientation_is_fixed() {
        let a = sq(0.0, 0.0, 1.0, 1.0);
        let arcs = build_arcs(&[(7, a)]).unwrap();
        assert_eq!(arcs.len(), 1);
        let ar = &arcs[0];
        assert_eq!(ar.points.first(), ar.points.last());
        let face_left = if ar.left == 7 { signed_area2(&ar.points) > 0 } else { signed_area2(&ar.points) < 0 };
        assert!(face_left, "the face must be on the left of a counter-clockwise ring");
    }

    #[test]
    fn overlapping_faces_are_rejected() {
        let a = sq(0.0, 0.0, 1.0, 1.0);
        assert!(build_arcs(&[(0, a.clone()), (1, a)]).is_err());
    }
}
