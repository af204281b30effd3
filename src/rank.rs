//! Orders things by a weight, largest first: labels by priority, territories by area, markers
//! by area; and indices by any order ([`sort`]: names, scan-line crossings). One non-generic
//! sort, so the WebAssembly module carries one for all of them instead of one copy per call
//! site's closure (three, 3 KB gzip, in the small module before 5 December 2026).

use std::cmp::Ordering;

/// Indices of `weights`, largest weight first; equal weights keep their index order.
///
/// ```
/// assert_eq!(territoires_map::rank::largest_first(&[1.0, 3.0, 2.0, 3.0]), vec![1, 3, 2, 0]);
/// ```
pub fn largest_first(weights: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..weights.len()).collect();
    sort(&mut order, &|a, b| weights[b].total_cmp(&weights[a]));
    order
}

/// Sorts the indices `order` by `cmp`; ties keep their order (a stable sort).
///
/// ```
/// let names = ["b", "a", "c", "a"];
/// let mut order = vec![0, 1, 2, 3];
/// territoires_map::rank::sort(&mut order, &|i, j| names[i].cmp(names[j]));
/// assert_eq!(order, [1, 3, 0, 2]);
/// ```
pub fn sort(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_keep_input_order_and_nan_does_not_panic() {
        assert_eq!(largest_first(&[2.0, 2.0, 5.0, 2.0]), vec![2, 0, 1, 3]);
        assert_eq!(largest_first(&[]), Vec::<usize>::new());
        assert_eq!(largest_first(&[f64::NAN, 1.0]).len(), 2);
    }
}
