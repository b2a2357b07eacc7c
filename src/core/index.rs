//! Where a board's items are, by id. Analyses look up an initiative or a person for every
//! check-in, dependency and owner, so a list is indexed once instead of searched each time.

use fnv::FnvHashMap;

/// Each id's position in `ids`. With a repeated id (a board that failed validation) the
/// first position is kept, as a search from the start would find it.
pub fn positions<'a>(ids: impl Iterator<Item = &'a str>) -> FnvHashMap<&'a str, usize> {
    let mut positions = FnvHashMap::default();
    for (at, id) in ids.enumerate() {
        positions.entry(id).or_insert(at);
    }
    positions
}

#[cfg(test)]
mod tests {
    use super::positions;

    #[test]
    fn positions_are_found_by_id_and_the_first_duplicate_is_kept() {
        let index = positions(["i-2", "i-10", "i-1", "i-2"].into_iter());
        assert_eq!(index.get("i-1"), Some(&2));
        assert_eq!(index.get("i-2"), Some(&0));
        assert_eq!(index.get("i-10"), Some(&1));
        assert_eq!(index.get("i-3"), None);
        assert_eq!(positions(std::iter::empty()).get("x"), None);
    }
}
