//! The best few of many, in order, without sorting: suggestions and "did you mean" keep
//! at most 50 of a few thousand names, and a sort would add its 2.4 KB to the wasm
//! (measured: dropping the one `suggest` used paid for `did_you_mean`).

/// Offers `item` to `best`, which holds at most `limit` items, first by `before` and in
/// the order offered among equals.
pub(super) fn keep_best<T>(
    best: &mut Vec<T>,
    item: T,
    limit: usize,
    before: impl Fn(&T, &T) -> bool,
) {
    if best.len() >= limit && best.last().is_none_or(|last| !before(&item, last)) {
        return;
    }
    best.push(item);
    let mut at = best.len() - 1;
    while at > 0 && before(&best[at], &best[at - 1]) {
        best.swap(at, at - 1);
        at -= 1;
    }
    best.truncate(limit);
}

#[cfg(test)]
mod tests {
    use super::keep_best;

    #[test]
    fn the_best_few_are_kept_in_order_and_equals_in_arrival_order() {
        let mut best = Vec::new();
        for item in [(5, 'a'), (1, 'b'), (3, 'c'), (1, 'd'), (9, 'e'), (0, 'f')] {
            keep_best(&mut best, item, 3, |x, y| x.0 < y.0);
        }
        assert_eq!(best, [(0, 'f'), (1, 'b'), (1, 'd')]);
        let mut none: Vec<i32> = Vec::new();
        keep_best(&mut none, 1, 0, |x, y| x < y);
        assert!(none.is_empty());
    }
}
