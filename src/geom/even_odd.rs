//! The even-odd fill rule on rings of integer points (any unit; the canvas renderer's are 10 m
//! in the projected plane): a point is inside when a ray from it crosses the rings an odd number
//! of times. The canvas fills its paths with this rule, and its simplified rings may touch or
//! cross themselves, where `geo`'s polygon test (which assumes valid polygons) can answer
//! otherwise; so the hit-test counts crossings as the canvas does.

/// Whether `p` is inside `rings` under the even-odd rule. Each ring is closed implicitly (last
/// point back to the first), as a path's `z` closes it.
///
/// ```
/// use territoires_map::geom::even_odd::inside;
/// let square: &[(i64, i64)] = &[(0, 0), (10, 0), (10, 10), (0, 10)];
/// let hole: &[(i64, i64)] = &[(4, 4), (6, 4), (6, 6), (4, 6)];
/// assert!(inside([square], (2.0, 2.0)));
/// assert!(!inside([square, hole], (5.0, 5.0)));
/// assert!(!inside([square], (12.0, 5.0)));
/// ```
pub fn inside<'a>(rings: impl IntoIterator<Item = &'a [(i64, i64)]>, p: (f64, f64)) -> bool {
    let mut odd = false;
    for ring in rings {
        let Some(&last) = ring.last() else { continue };
        let mut a = last;
        for &b in ring {
            let (ax, ay, bx, by) = (a.0 as f64, a.1 as f64, b.0 as f64, b.1 as f64);
            // Half-open in y, so a ray through a vertex counts it once.
            if (ay > p.1) != (by > p.1) && p.0 < ax + (p.1 - ay) * (bx - ax) / (by - ay) {
                odd = !odd;
            }
            a = b;
        }
    }
    odd
}

#[cfg(test)]
mod tests {
    use super::inside;

    const SQUARE: &[(i64, i64)] = &[(0, 0), (10, 0), (10, 10), (0, 10)];

    #[test]
    fn a_ray_through_a_vertex_counts_once() {
        // The ray from (5, 10) east meets the corner (10, 10); from (5, 0) the corner (10, 0).
        let diamond: &[(i64, i64)] = &[(5, 0), (10, 5), (5, 10), (0, 5)];
        assert!(inside([diamond], (5.0, 5.0)));
        assert!(inside([diamond], (2.0, 5.0)));
        assert!(!inside([diamond], (-1.0, 5.0)));
        assert!(!inside([diamond], (11.0, 5.0)));
    }

    #[test]
    fn overlapping_rings_cancel_and_a_crossed_ring_has_two_parts() {
        let shifted: &[(i64, i64)] = &[(5, 0), (15, 0), (15, 10), (5, 10)];
        assert!(!inside([SQUARE, shifted], (7.0, 5.0)), "covered twice: even");
        assert!(inside([SQUARE, shifted], (2.0, 5.0)));
        // A bow tie: the two lobes are inside, nothing outside them.
        let bow: &[(i64, i64)] = &[(0, 0), (10, 10), (10, 0), (0, 10)];
        assert!(inside([bow], (2.0, 5.0)));
        assert!(inside([bow], (8.0, 5.0)));
        assert!(!inside([bow], (5.0, 1.0)));
    }

    #[test]
    fn degenerate_rings_cover_nothing() {
        let empty: &[(i64, i64)] = &[];
        let line: &[(i64, i64)] = &[(0, 0), (10, 0)];
        let point: &[(i64, i64)] = &[(3, 3)];
        for rings in [[empty], [line], [point]] {
            assert!(!inside(rings, (3.0, 3.0)));
            assert!(!inside(rings, (5.0, 0.0)));
        }
    }
}
