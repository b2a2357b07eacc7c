//! The board's lists, shared between the boards of the undo history. Every change makes a
//! new board from the last one; with plain vectors that copied every initiative and all
//! the check-in history on each keystroke. A `List` is a shared vector of shared items:
//! cloning a board copies a pointer per list, a change copies only the lists it writes to,
//! and of those only the pointers to their items and the items it changes (a status
//! changed on a 2,000-initiative board copies one initiative, not 2,000, and a hundred
//! undo steps hold one copy of the others). Comparing two boards skips what they share.
//!
//! A list also finds its items by id (`find`): the board looks up a team, a person or an
//! initiative for every card and check-in, and a search of the whole list each time made a
//! big board's rendering grow with the square of its size. The index is built at the first
//! search and dropped at the first change, so it can never be out of date. A change of one
//! item that keeps its id (`get_mut`) keeps the index too, shared with the version before:
//! a status change or a move on a 2,000-initiative board no longer builds it again.

use super::index::positions;
use fnv::FnvHashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::OnceCell;
use std::fmt;
use std::ops::{Deref, DerefMut, Index, IndexMut};
use std::rc::Rc;

/// An item the board finds by its id.
pub trait Identified {
    fn id(&self) -> &str;
}

pub struct List<T>(Rc<Shared<T>>);

struct Shared<T> {
    items: Vec<Rc<T>>,
    /// Each id's position, once a search has asked for one.
    index: OnceCell<Rc<FnvHashMap<Box<str>, usize>>>,
}

/// A copy has the same items in the same places, so it shares the items and the index.
impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared {
            items: self.items.clone(),
            index: self.index.clone(),
        }
    }
}

impl<T> Shared<T> {
    fn new(items: Vec<Rc<T>>) -> Self {
        Shared {
            items,
            index: OnceCell::new(),
        }
    }
}

/// Below this many items a search is quicker than building an index.
const INDEXED_FROM: usize = 16;

impl<T> List<T> {
    /// Whether both are the same shared list (not merely equal ones).
    pub fn same(&self, other: &List<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: Identified> List<T> {
    /// The item with the id `id`; with a repeated id (a board that failed validation), the
    /// first, as a search from the start would find.
    pub fn find(&self, id: &str) -> Option<&T> {
        self.position(id).map(|at| &*self.0.items[at])
    }

    /// Where the item with the id `id` is (the first, with a repeated id).
    fn position(&self, id: &str) -> Option<usize> {
        match self.index() {
            Some(index) => index.get(id).copied(),
            None => self.0.items.iter().position(|item| item.id() == id),
        }
    }

    /// Each id's position, built at the first call; none for a short list.
    fn index(&self) -> Option<&FnvHashMap<Box<str>, usize>> {
        let items = &self.0.items;
        (items.len() >= INDEXED_FROM).then(|| {
            &**self.0.index.get_or_init(|| {
                Rc::new(
                    positions(items.iter().map(|item| item.id()))
                        .into_iter()
                        .map(|(id, at)| (Box::from(id), at))
                        .collect(),
                )
            })
        })
    }

    /// This list with `other`'s copy of each item equal to its own, and `other` itself when
    /// they are equal: a board read apart (another tab's save) then shares what did not
    /// change with the boards of the undo history, instead of holding a copy of it.
    pub fn sharing(&self, other: &List<T>) -> List<T>
    where
        T: PartialEq,
    {
        let theirs = |item: &Rc<T>| {
            let at = other.position(item.id())?;
            let theirs = &other.0.items[at];
            (Rc::ptr_eq(theirs, item) || **theirs == **item).then(|| theirs.clone())
        };
        let items: Vec<_> = (self.0.items.iter())
            .map(|item| theirs(item).unwrap_or_else(|| item.clone()))
            .collect();
        // Every item `other`'s, in its places: `other` itself, with its index.
        let whole = items.len() == other.len()
            && (items.iter().zip(other.0.items.iter())).all(|(a, b)| Rc::ptr_eq(a, b));
        match whole {
            true => other.clone(),
            false => List::of_shared(items),
        }
    }

    /// Builds the index by id now, at a time nothing waits for it, instead of at the first
    /// search: on a big board that is the first edit's.
    pub fn build_index(&self) {
        self.index();
    }
}

impl<T: Identified + Clone> List<T> {
    /// The item with the id `id`, to change in place, or `None` when no item has that id.
    /// The list is copied first if it is shared.
    pub fn get_mut(&mut self, id: &str) -> Option<ItemMut<'_, T>> {
        let at = self.position(id)?;
        Some(ItemMut {
            shared: Rc::make_mut(&mut self.0),
            at,
        })
    }
}

/// One item of a list, being changed (`List::get_mut`): the item is copied at the first
/// change if another version of the list shares it. The list's index by id is kept unless
/// the change gave the item another id.
pub struct ItemMut<'a, T: Identified + Clone> {
    shared: &'a mut Shared<T>,
    at: usize,
}

impl<T: Identified + Clone> Deref for ItemMut<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.shared.items[self.at]
    }
}

impl<T: Identified + Clone> DerefMut for ItemMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        Rc::make_mut(&mut self.shared.items[self.at])
    }
}

impl<T: Identified + Clone> Drop for ItemMut<'_, T> {
    fn drop(&mut self) {
        let id = self.shared.items[self.at].id();
        let moved = (self.shared.index.get()).is_some_and(|index| index.get(id) != Some(&self.at));
        if moved {
            self.shared.index.take();
        }
    }
}

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        List(Rc::clone(&self.0))
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List::from(Vec::new())
    }
}

/// The items, each shared with the other versions of the list that hold it; `iter` gives
/// the items themselves.
impl<T> Deref for List<T> {
    type Target = [Rc<T>];

    fn deref(&self) -> &[Rc<T>] {
        &self.0.items
    }
}

impl<T> List<T> {
    /// The items in order.
    pub fn iter(&self) -> Iter<'_, T> {
        Iter(self.0.items.iter())
    }

    /// A list of items shared with the lists they come from.
    pub fn of_shared(items: Vec<Rc<T>>) -> List<T> {
        List(Rc::new(Shared::new(items)))
    }

    /// A list of the items `keep` holds to, sharing them with this one.
    pub fn filtered(&self, mut keep: impl FnMut(&T) -> bool) -> List<T> {
        let items = self.0.items.iter().filter(|item| keep(item)).cloned();
        List(Rc::new(Shared::new(items.collect())))
    }
}

/// Changing a list: each change makes the list this board's own (copying the pointers to
/// its items if another version shares them) and copies only the items it writes to.
impl<T: Clone> List<T> {
    /// The vector of items to change, its index by id dropped: the change may move, add or
    /// remove any item.
    fn items_mut(&mut self) -> &mut Vec<Rc<T>> {
        let shared = Rc::make_mut(&mut self.0);
        shared.index.take();
        &mut shared.items
    }

    pub fn push(&mut self, item: T) {
        self.items_mut().push(Rc::new(item));
    }

    pub fn insert(&mut self, at: usize, item: T) {
        self.items_mut().insert(at, Rc::new(item));
    }

    pub fn remove(&mut self, at: usize) -> T {
        Rc::unwrap_or_clone(self.items_mut().remove(at))
    }

    /// Keeps the items `keep` holds to; a list that keeps them all is not copied. `keep` may
    /// be asked twice about an item, so it is a `Fn`.
    pub fn retain(&mut self, keep: impl Fn(&T) -> bool) {
        if self.iter().all(&keep) {
            return;
        }
        self.items_mut().retain(|item| keep(item));
    }

    /// The item at `at`, to change.
    pub fn at_mut(&mut self, at: usize) -> &mut T {
        Rc::make_mut(&mut self.items_mut()[at])
    }

    /// Changes every item `pick` chooses with `change`; the others are not copied. `pick`
    /// may be asked twice about an item, so it is a `Fn`.
    pub fn update_where(&mut self, pick: impl Fn(&T) -> bool, mut change: impl FnMut(&mut T)) {
        if !self.iter().any(&pick) {
            return;
        }
        for item in self.items_mut().iter_mut().filter(|item| pick(item)) {
            change(Rc::make_mut(item));
        }
    }

    /// Every item, to change: each is copied if another version of the list shares it.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.items_mut().iter_mut().map(Rc::make_mut)
    }

    pub fn extend(&mut self, items: impl IntoIterator<Item = T>) {
        self.items_mut().extend(items.into_iter().map(Rc::new));
    }

    pub fn truncate(&mut self, len: usize) {
        if len < self.len() {
            self.items_mut().truncate(len);
        }
    }

    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Reorders the items.
    pub fn sort_by(&mut self, mut order: impl FnMut(&T, &T) -> std::cmp::Ordering) {
        self.items_mut().sort_by(|a, b| order(a, b));
    }
}

/// The item at a place (not the pointer the list shares it by).
impl<T> Index<usize> for List<T> {
    type Output = T;

    fn index(&self, at: usize) -> &T {
        &self.0.items[at]
    }
}

/// The item at a place, to change (`List::at_mut`).
impl<T: Clone> IndexMut<usize> for List<T> {
    fn index_mut(&mut self, at: usize) -> &mut T {
        self.at_mut(at)
    }
}

/// The items of a list, in order.
pub struct Iter<'a, T>(std::slice::Iter<'a, Rc<T>>);

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        self.0.next().map(|item| &**item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }

    fn nth(&mut self, n: usize) -> Option<&'a T> {
        self.0.nth(n).map(|item| &**item)
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|item| &**item)
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}

impl<T> Clone for Iter<'_, T> {
    fn clone(&self) -> Self {
        Iter(self.0.clone())
    }
}

impl<T: PartialEq> PartialEq for List<T> {
    /// Items shared by both lists are equal without being compared.
    fn eq(&self, other: &Self) -> bool {
        self.same(other)
            || (self.len() == other.len()
                && (self.0.items.iter().zip(&other.0.items))
                    .all(|(a, b)| Rc::ptr_eq(a, b) || **a == **b))
    }
}

impl<T: Eq> Eq for List<T> {}

impl<T: PartialEq> PartialEq<Vec<T>> for List<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        self.len() == other.len() && self.iter().eq(other)
    }
}

impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        items.into_iter().collect()
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        List(Rc::new(Shared::new(
            items.into_iter().map(Rc::new).collect(),
        )))
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::deserialize(d).map(List::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_shares_the_list_until_one_side_changes_it() {
        let first: List<u32> = vec![1, 2, 3].into();
        let mut second = first.clone();
        assert!(second.same(&first));
        second.push(4);
        assert!(!second.same(&first));
        assert_eq!(first, vec![1, 2, 3]);
        assert_eq!(second, vec![1, 2, 3, 4]);
    }

    #[test]
    fn lists_are_equal_when_shared_or_when_their_items_are() {
        let first: List<u32> = vec![1, 2].into();
        assert_eq!(first, first.clone());
        assert_eq!(first, List::from(vec![1, 2]));
        assert_ne!(first, List::from(vec![2, 1]));
    }

    #[derive(Clone, Debug, PartialEq)]
    struct Item(String, u32);

    impl Identified for Item {
        fn id(&self) -> &str {
            &self.0
        }
    }

    #[test]
    fn items_are_found_by_id_and_a_change_is_seen_at_once() {
        for size in [3, 40] {
            let mut list: List<Item> = (0..size).map(|n| Item(format!("x-{n}"), n)).collect();
            assert_eq!(list.find("x-2").map(|i| i.1), Some(2));
            assert_eq!(list.find("x-99"), None);
            let shared = list.clone();
            list.remove(0);
            list.push(Item("x-99".into(), 99));
            list.at_mut(0).0 = "renamed".into();
            assert_eq!(
                list.find("x-2").map(|i| i.1),
                Some(2),
                "{size}: moved up one"
            );
            assert_eq!(list.find("x-99").map(|i| i.1), Some(99), "{size}: added");
            assert_eq!(list.find("x-0"), None, "{size}: removed");
            assert_eq!(list.find("x-1"), None, "{size}: renamed");
            assert_eq!(list.find("renamed").map(|i| i.1), Some(1));
            assert_eq!(
                shared.find("x-0").map(|i| i.1),
                Some(0),
                "{size}: the shared copy is as it was"
            );
        }
        let repeated: List<Item> = (0..20).map(|n| Item("same".into(), n)).collect();
        assert_eq!(
            repeated.find("same").map(|i| i.1),
            Some(0),
            "the first of repeated ids"
        );
    }

    #[test]
    fn an_item_updated_in_place_keeps_the_index_and_leaves_the_shared_copy_alone() {
        for size in [3, 40] {
            let mut list: List<Item> = (0..size).map(|n| Item(format!("x-{n}"), n)).collect();
            assert_eq!(list.find("x-2").map(|i| i.1), Some(2));
            let before = list.clone();
            list.get_mut("x-2").expect("x-2 is there").1 = 200;
            assert!(list.get_mut("x-missing").is_none());
            assert!(!list.same(&before), "{size}: the shared list was copied");
            assert_eq!(list.find("x-2").map(|i| i.1), Some(200), "{size}: changed");
            assert_eq!(
                before.find("x-2").map(|i| i.1),
                Some(2),
                "{size}: the copy before"
            );
            assert_eq!(list.len(), before.len());
            // A change of id is seen at once: the index is dropped and built anew.
            list.get_mut("x-1").expect("x-1 is there").0 = "renamed".into();
            assert_eq!(list.find("x-1"), None, "{size}: renamed away");
            assert_eq!(
                list.find("renamed").map(|i| i.1),
                Some(1),
                "{size}: renamed"
            );
            assert_eq!(
                list.find("x-2").map(|i| i.1),
                Some(200),
                "{size}: the others"
            );
        }
        let mut repeated: List<Item> = (0..20).map(|n| Item("same".into(), n)).collect();
        repeated.get_mut("same").expect("an item with the id").1 = 99;
        assert_eq!(
            repeated[0].1, 99,
            "the first of repeated ids, as find sees it"
        );
        assert_eq!(repeated[1].1, 1);
    }

    #[test]
    fn a_change_copies_the_items_it_writes_to_and_shares_the_others() {
        let before: List<Item> = (0..40).map(|n| Item(format!("x-{n}"), n)).collect();
        let shared = |a: &List<Item>, b: &List<Item>, at: usize| Rc::ptr_eq(&(**a)[at], &(**b)[at]);
        let mut after = before.clone();
        after.get_mut("x-5").expect("x-5 is there").1 = 500;
        assert!(!after.same(&before));
        assert!(!shared(&after, &before, 5), "the changed item is a copy");
        assert!((0..40)
            .filter(|&n| n != 5)
            .all(|n| shared(&after, &before, n)));
        assert_eq!(before[5].1, 5, "the version before keeps its item");
        assert_ne!(after, before);

        let mut pushed = after.clone();
        pushed.push(Item("x-new".into(), 99));
        assert!(
            (0..40).all(|n| shared(&pushed, &after, n)),
            "a push copies no item"
        );

        let mut updated = pushed.clone();
        updated.update_where(|item| item.1 % 10 == 0, |item| item.1 += 1);
        let copied: Vec<usize> = (0..41).filter(|&n| !shared(&updated, &pushed, n)).collect();
        assert_eq!(
            copied,
            vec![0, 5, 10, 20, 30],
            "only the items it picked (5 is 500)"
        );
        assert_eq!(updated[10].1, 11);

        let mut kept = updated.clone();
        kept.retain(|_| true);
        assert!(
            kept.same(&updated),
            "a retain that keeps all copies nothing"
        );
        kept.retain(|item| item.0 != "x-0");
        assert_eq!(kept.len(), 40);
        assert!((0..40).all(|n| Rc::ptr_eq(&(*kept)[n], &(*updated)[n + 1])));

        let mut untouched = kept.clone();
        untouched.update_where(|_| false, |item| item.1 = 0);
        assert!(
            untouched.same(&kept),
            "an update that picks nothing copies nothing"
        );
    }

    #[test]
    fn an_update_that_keeps_the_id_reads_no_id_again() {
        let mut list: List<Counted> = (0..10_000).map(|n| Counted(format!("i-{n}"))).collect();
        assert!(list.find("i-0").is_some());
        let before = list.clone();
        IDS_READ.with(|n| n.set(0));
        drop(list.get_mut("i-5000"));
        for n in 0..100 {
            assert!(list.find(&format!("i-{n}")).is_some());
            assert!(before.find(&format!("i-{n}")).is_some());
        }
        // Building the index again would read all 10,000 ids; the update reads its item's.
        assert_eq!(IDS_READ.with(std::cell::Cell::get), 1);
    }

    thread_local!(static IDS_READ: std::cell::Cell<usize> = const { std::cell::Cell::new(0) });

    #[derive(Clone)]
    struct Counted(String);

    impl Identified for Counted {
        fn id(&self) -> &str {
            IDS_READ.with(|n| n.set(n.get() + 1));
            &self.0
        }
    }

    #[test]
    fn an_index_built_ahead_serves_the_searches_and_the_copies_after_it() {
        let list: List<Counted> = (0..1_000).map(|n| Counted(format!("i-{n}"))).collect();
        IDS_READ.with(|n| n.set(0));
        list.build_index();
        assert_eq!(IDS_READ.with(std::cell::Cell::get), 1_000);
        let mut copy = list.clone();
        drop(copy.get_mut("i-7"));
        assert!(list.find("i-999").is_some() && copy.find("i-0").is_some());
        // The searches and the copy's change read no id again, but the changed item's.
        assert_eq!(IDS_READ.with(std::cell::Cell::get), 1_001);
    }

    #[test]
    fn looking_up_every_item_of_a_long_list_reads_each_id_once_not_once_per_lookup() {
        let list: List<Counted> = (0..10_000).map(|n| Counted(format!("i-{n}"))).collect();
        IDS_READ.with(|n| n.set(0));
        for n in 0..10_000 {
            assert!(list.find(&format!("i-{n}")).is_some());
        }
        // A search of the list for each would read about 50 million ids.
        assert_eq!(IDS_READ.with(std::cell::Cell::get), 10_000);
    }
}
