//! Defects of the commune mesh: gaps (small areas inside Grand Est covered by no commune) and
//! overlaps (slivers covered by two communes whose common border is traced twice). Both show up
//! as extra rings of the dissolved region; each is fixed by adding the reversed ring to the face
//! that owns most of its edges, which cancels those edges and leaves a clean shared border.

use crate::assemble::chain_rings;
use crate::topology::{face_edges, signed_area2, Pt};
use std::collections::{BTreeMap, HashMap};

/// Positive rings at least this large (grid units², 1e-10 deg²; ≈ 1 km²) are real parts of the
/// region; smaller ones are overlap slivers.
pub const MIN_REAL_PART: i128 = 1_200_000;

/// A defect and its fix.
#[derive(Debug, Clone)]
pub struct Defect {
    /// Face that receives the corrective ring.
    pub face: u32,
    /// Corrective ring (the defect's ring reversed).
    pub ring: Vec<Pt>,
    /// Signed area of the defect's ring in grid units²: negative for a gap, positive for an
    /// overlap.
    pub area2: i128,
}

/// Finds the defects of the mesh formed by the (face, ring) pairs.
pub fn find_defects(faces: &[(u32, Vec<Pt>)]) -> Vec<Defect> {
    let region_edges = face_edges(faces.iter().map(|(_, r)| r));
    let pieces: Vec<Vec<Pt>> = region_edges.iter().map(|(a, b)| vec![*a, *b]).collect();
    let Ok(rings) = chain_rings(pieces, false) else { return Vec::new() };
    let mut face_of_edge: HashMap<(Pt, Pt), u32> = HashMap::new();
    for (f, r) in faces {
        for w in r.windows(2) {
            face_of_edge.insert((w[0], w[1]), *f);
        }
    }
    let mut defects = Vec::new();
    for ring in rings {
        let area2 = signed_area2(&ring);
        if area2 >= MIN_REAL_PART * 2 {
            continue;
        }
        let mut border: BTreeMap<u32, usize> = BTreeMap::new();
        for w in ring.windows(2) {
            if let Some(f) = face_of_edge.get(&(w[0], w[1])) {
                *border.entry(*f).or_insert(0) += 1;
            }
        }
        let Some((face, _)) = border.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else { continue };
        let mut fix = ring;
        fix.reverse();
        defects.push(Defect { face: *face, ring: fix, area2 });
    }
    defects
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::topology::build_arcs;

    /// Ring in units of 1000 grid steps (real parts must exceed MIN_REAL_PART).
    fn ring(pts: &[(i32, i32)]) -> Vec<Pt> {
        pts.iter().map(|(x, y)| (x * 1000, y * 1000)).collect()
    }

    #[test]
    fn gap_between_two_faces_is_filled() {
        // two faces side by side; their borders x=10 and x=11 leave a 1-wide gap
        let a = ring(&[(0, 0), (10, 0), (10, 100), (0, 100), (0, 0)]);
        let b = ring(&[(11, 0), (20, 0), (20, 100), (11, 100), (11, 0)]);
        let below = ring(&[(0, 0), (0, -50), (20, -50), (20, 0), (11, 0), (10, 0), (0, 0)]);
        let above = ring(&[(0, 100), (10, 100), (11, 100), (20, 100), (20, 150), (0, 150), (0, 100)]);
        let faces = vec![(0, a), (1, b), (2, below), (2, above)];
        let d = find_defects(&faces);
        assert_eq!(d.len(), 1);
        assert!(d[0].area2 < 0);
        let mut all = faces.clone();
        all.extend(d.iter().map(|d| (d.face, d.ring.clone())));
        let arcs = build_arcs(&all).unwrap();
        assert!(arcs.iter().all(|a| a.left != a.right));
    }

    #[test]
    fn overlap_sliver_is_removed_from_one_face() {
        // face 0 bulges into face 1 between (10,0) and (10,100)
        let a = vec![(0, 0), (10_000, 0), (10_010, 50_000), (10_000, 100_000), (0, 100_000), (0, 0)];
        let b = vec![(10_000, 0), (20_000, 0), (20_000, 100_000), (10_000, 100_000), (10_000, 0)];
        let faces = vec![(0, a), (1, b)];
        let d = find_defects(&faces);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].area2 > 0);
        let mut all = faces.clone();
        all.extend(d.iter().map(|d| (d.face, d.ring.clone())));
        let arcs = build_arcs(&all).unwrap();
        // after the fix the two faces share exactly one arc
        assert_eq!(
            arcs.iter().filter(|a| a.left != crate::topology::OUTSIDE && a.right != crate::topology::OUTSIDE).count(),
            1
        );
    }
}
