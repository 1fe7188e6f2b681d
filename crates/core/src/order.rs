//! Sorting through one compiled sort.
//!
//! Each `sort_by` of another element type or comparator compiles its own copy of the standard
//! library's sort, about 4 KB of wasm each; the app had 23 of them, some 80 KB before
//! compression. These functions sort a list of positions with a comparator behind a reference,
//! so the whole app shares one copy, and then move the elements into place. Like the standard
//! `sort_by`, they are stable: elements that compare equal keep their order.
//!
//! Hot loops over plain numbers (the rasterizer's crossings) keep the standard sort.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = positions_in_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each, stably. The key is computed for each comparison;
/// for costly keys use [`sort_by_cached_key`].
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by a key computed once per element, stably.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = positions_in_order(items.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// The positions `0..len` in the order `compare` gives them, ties by position. Not generic:
/// this is the one sort the program contains.
#[inline(never)]
fn positions_in_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Puts `items[order[k]]` at position `k`, in place, by following each cycle of the
/// permutation. `order` is used up as the record of positions done.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut k = start;
        while order[k] != k {
            let from = order[k];
            order[k] = k;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so failures repeat.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for (seed, n, range) in [
            (1, 0, 5),
            (2, 1, 5),
            (3, 2, 2),
            (4, 17, 3),
            (5, 1000, 50),
            (6, 5000, 100_000),
        ] {
            // Pairs of (key, original position): a stable sort keeps positions ascending
            // within a key, so comparing with std's stable sort checks stability too.
            let items: Vec<(u64, usize)> = numbers(seed, n, range)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);

            let mut by = items.clone();
            sort_by(&mut by, |a, b| a.0.cmp(&b.0));
            assert_eq!(by, expected, "sort_by, seed {seed}");

            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |&(k, _)| k);
            assert_eq!(by_key, expected, "sort_by_key, seed {seed}");

            let mut cached = items;
            sort_by_cached_key(&mut cached, |&(k, _)| k);
            assert_eq!(cached, expected, "sort_by_cached_key, seed {seed}");
        }
    }

    #[test]
    fn moves_owned_values_without_losing_or_duplicating_any() {
        let mut names: Vec<String> = [
            "Tú Mịch",
            "Cẩm Lý",
            "Bắc Sơn",
            "An Hà",
            "Cẩm Lý",
            "Xuân Dương",
        ]
        .map(String::from)
        .to_vec();
        sort_by(&mut names, |a, b| b.cmp(a));
        assert_eq!(
            names,
            [
                "Xuân Dương",
                "Tú Mịch",
                "Cẩm Lý",
                "Cẩm Lý",
                "Bắc Sơn",
                "An Hà"
            ]
        );
    }

    #[test]
    fn reverses_and_rotates() {
        let mut v: Vec<u32> = (0..10).collect();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
        let mut w = vec![3, 4, 5, 6, 0, 1, 2];
        sort_by_key(&mut w, |&x| x);
        assert_eq!(w, [0, 1, 2, 3, 4, 5, 6]);
    }
}
