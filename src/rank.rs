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

/// The length of the runs [`sort`] sorts by insertion before merging them.
const RUN: usize = 8;

/// Sorts the indices `order` by `cmp`; ties keep their order (a stable sort).
///
/// A bottom-up merge sort written here rather than `slice::sort_by`: the standard library's
/// (driftsort, with its small-sort networks and its check that `cmp` is a total order) weighed
/// 1.8 KB gzip of the small module's 57 KB (6 December 2026, docs/performance.md), for lists of
/// 15 to 150 names; this one is O(n log n) too, as fast on the benchmarks' labels (make bench),
/// and an inconsistent `cmp` gives some order rather than a panic.
///
/// ```
/// let names = ["b", "a", "c", "a"];
/// let mut order = vec![0, 1, 2, 3];
/// territoires_map::rank::sort(&mut order, &|i, j| names[i].cmp(names[j]));
/// assert_eq!(order, [1, 3, 0, 2]);
/// ```
pub fn sort(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    let n = order.len();
    if n < 2 {
        return;
    }
    // Runs of `RUN` items sorted in place by insertion (stable: an item passes only the
    // strictly greater), then merged. Fewer passes over long lists (35,000 communes' areas).
    for run in order.chunks_mut(RUN) {
        for k in 1..run.len() {
            let mut j = k;
            while j > 0 && cmp(run[j], run[j - 1]) == Ordering::Less {
                run.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    if n <= RUN {
        return;
    }
    // Passes go from `order` to `buf` and back; `in_order` says where the items are now.
    let (mut buf, mut in_order, mut width) = (vec![0; n], true, RUN);
    while width < n {
        match in_order {
            true => merge_runs(order, &mut buf, width, cmp),
            false => merge_runs(&buf, order, width, cmp),
        }
        in_order = !in_order;
        width *= 2;
    }
    if !in_order {
        order.copy_from_slice(&buf);
    }
}

/// Merges the sorted runs of `width` items of `from`, two by two, into `to`.
fn merge_runs(from: &[usize], to: &mut [usize], width: usize, cmp: &dyn Fn(usize, usize) -> Ordering) {
    let n = from.len();
    for start in (0..n).step_by(2 * width) {
        let (mid, end) = ((start + width).min(n), (start + 2 * width).min(n));
        let (mut i, mut j) = (start, mid);
        for slot in &mut to[start..end] {
            // The left run's item first unless the right's is strictly smaller: stable.
            let left = i < mid && (j >= end || cmp(from[j], from[i]) != Ordering::Less);
            let k = if left { &mut i } else { &mut j };
            *slot = from[*k];
            *k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency for a test).
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        for n in [0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 100, 148, 1000] {
            for (seed, range) in [(1, 3), (2, 10), (3, 1_000_000)] {
                let keys = numbers(seed + n as u64, n, range);
                let mut ours: Vec<usize> = (0..n).collect();
                sort(&mut ours, &|a, b| keys[a].cmp(&keys[b]));
                let mut std: Vec<usize> = (0..n).collect();
                std.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
                assert_eq!(ours, std, "{n} items in 0..{range}");
            }
        }
        let mut sorted: Vec<usize> = (0..50).collect();
        sort(&mut sorted, &|a, b| b.cmp(&a));
        assert_eq!(sorted, (0..50).rev().collect::<Vec<_>>());
    }

    #[test]
    fn an_inconsistent_order_does_not_panic_and_keeps_every_index() {
        let mut order: Vec<usize> = (0..40).collect();
        sort(&mut order, &|a, b| if (a + b) % 3 == 0 { Ordering::Less } else { Ordering::Greater });
        order.sort_unstable();
        assert_eq!(order, (0..40).collect::<Vec<_>>());
    }

    #[test]
    fn ties_keep_input_order_and_nan_does_not_panic() {
        assert_eq!(largest_first(&[2.0, 2.0, 5.0, 2.0]), vec![2, 0, 1, 3]);
        assert_eq!(largest_first(&[]), Vec::<usize>::new());
        assert_eq!(largest_first(&[f64::NAN, 1.0]).len(), 2);
    }
}
