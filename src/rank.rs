//! Orders things by a weight, largest first: labels by priority, territories by area, markers
//! by area. One non-generic function, so the WebAssembly module carries one sort for all of them
//! instead of one copy per call site's closure.

/// Indices of `weights`, largest weight first; equal weights keep their index order.
///
/// ```
/// assert_eq!(territoires_map::rank::largest_first(&[1.0, 3.0, 2.0, 3.0]), vec![1, 3, 2, 0]);
/// ```
pub fn largest_first(weights: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]));
    order
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
