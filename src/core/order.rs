//! Sorting through two shared routines. Every `sort_by` with its own closure is a separate
//! copy of the standard library's sort in the WebAssembly bundle (about 4 KB each); sorting
//! `(key, index)` pairs instead keeps one copy for numeric keys and one for text.

/// The indexes of `keys` in ascending key order; equal keys keep their order.
pub fn ascending(keys: Vec<i64>) -> Vec<usize> {
    let mut pairs: Vec<(i64, usize)> = keys.into_iter().zip(0..).collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, index)| index).collect()
}

/// The indexes of `keys` in ascending (byte-wise) text order; equal keys keep their order.
pub fn ascending_text(keys: Vec<&str>) -> Vec<usize> {
    let mut pairs: Vec<(&str, usize)> = keys.into_iter().zip(0..).collect();
    pairs.sort_unstable();
    pairs.into_iter().map(|(_, index)| index).collect()
}

/// `items` in the order `order` gives (a permutation of their indexes).
pub fn arrange<T>(items: Vec<T>, order: Vec<usize>) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|index| slots.get_mut(index).and_then(Option::take))
        .collect()
}

/// `items` sorted by the key each gives, ascending and stable.
pub fn sorted_by_key<T>(items: Vec<T>, key: impl Fn(&T) -> i64) -> Vec<T> {
    let keys = items.iter().map(key).collect();
    arrange(items, ascending(keys))
}

/// `items` sorted by the text each gives, ascending and stable.
pub fn sorted_by_text<T>(items: Vec<T>, key: impl Fn(&T) -> &str) -> Vec<T> {
    let order = ascending_text(items.iter().map(&key).collect());
    arrange(items, order)
}

/// Finds items by id in O(log n) without a hash map (one more hash map type is kilobytes
/// of WebAssembly): the ids' hashes sorted once with their positions, so a lookup compares
/// numbers and then at most the few texts that share a hash.
#[derive(Clone, Debug, Default)]
pub struct IdIndex<'a> {
    sorted: Vec<(i64, &'a str, usize)>,
}

impl<'a> IdIndex<'a> {
    /// Indexes ids by their position in the iteration; with duplicates, the first wins.
    pub fn new(ids: impl Iterator<Item = &'a str>) -> IdIndex<'a> {
        let ids: Vec<&str> = ids.collect();
        let keys: Vec<i64> = ids.iter().map(|id| key(id)).collect();
        let order = ascending(keys.clone());
        IdIndex {
            sorted: order.into_iter().map(|i| (keys[i], ids[i], i)).collect(),
        }
    }

    /// The position of `id`, if it is there.
    pub fn get(&self, id: &str) -> Option<usize> {
        let key = key(id);
        let at = self.sorted.partition_point(|(k, _, _)| *k < key);
        self.sorted[at..]
            .iter()
            .take_while(|(k, _, _)| *k == key)
            .find(|(_, text, _)| *text == id)
            .map(|(_, _, index)| *index)
    }
}

fn key(id: &str) -> i64 {
    super::hash::fnv1a(id.as_bytes()) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_number_and_by_text() {
        let items = vec![("b", 2), ("a", 1), ("c", 2), ("d", 0)];
        let by_number = sorted_by_key(items.clone(), |i| i.1);
        assert_eq!(by_number, vec![("d", 0), ("a", 1), ("b", 2), ("c", 2)]);
        let by_text = sorted_by_text(items, |i| i.0);
        assert_eq!(by_text, vec![("a", 1), ("b", 2), ("c", 2), ("d", 0)]);
        let descending = sorted_by_key(vec![1, 3, 2, 3], |n| -i64::from(*n));
        assert_eq!(descending, vec![3, 3, 2, 1]);
    }

    #[test]
    fn an_id_index_finds_positions_and_keeps_the_first_duplicate() {
        let index = IdIndex::new(["i-2", "i-10", "i-1", "i-2"].into_iter());
        assert_eq!(index.get("i-1"), Some(2));
        assert_eq!(index.get("i-2"), Some(0));
        assert_eq!(index.get("i-10"), Some(1));
        assert_eq!(index.get("i-3"), None);
        assert_eq!(IdIndex::new(std::iter::empty()).get("x"), None);
    }
}
