//! The board's lists, shared between the boards of the undo history. Every change makes a
//! new board from the last one; with plain vectors that copied every initiative and all
//! the check-in history on each keystroke. A `List` is a shared vector: cloning a board
//! copies a pointer per list, a change copies only the lists it writes to (the first
//! mutable use copies a shared list), and comparing two boards skips the lists they share.
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
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

/// An item the board finds by its id.
pub trait Identified {
    fn id(&self) -> &str;
}

pub struct List<T>(Rc<Shared<T>>);

struct Shared<T> {
    items: Vec<T>,
    /// Each id's position, once a search has asked for one.
    index: OnceCell<Rc<FnvHashMap<Box<str>, usize>>>,
}

/// A copy has the same items in the same places, so it shares the index.
impl<T: Clone> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared {
            items: self.items.clone(),
            index: self.index.clone(),
        }
    }
}

impl<T> Shared<T> {
    fn new(items: Vec<T>) -> Self {
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
        self.position(id).map(|at| &self.0.items[at])
    }

    /// Where the item with the id `id` is (the first, with a repeated id).
    fn position(&self, id: &str) -> Option<usize> {
        let items = &self.0.items;
        if items.len() < INDEXED_FROM {
            return items.iter().position(|item| item.id() == id);
        }
        let index = self.0.index.get_or_init(|| {
            Rc::new(
                positions(items.iter().map(Identified::id))
                    .into_iter()
                    .map(|(id, at)| (Box::from(id), at))
                    .collect(),
            )
        });
        index.get(id).copied()
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

/// One item of a list, being changed (`List::get_mut`). The list's index by id is kept
/// unless the change gave the item another id.
pub struct ItemMut<'a, T: Identified> {
    shared: &'a mut Shared<T>,
    at: usize,
}

impl<T: Identified> Deref for ItemMut<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.shared.items[self.at]
    }
}

impl<T: Identified> DerefMut for ItemMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.shared.items[self.at]
    }
}

impl<T: Identified> Drop for ItemMut<'_, T> {
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

impl<T> Deref for List<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.0.items
    }
}

impl<T: Clone> DerefMut for List<T> {
    /// The list to change: this board's own copy from now on. Its index is dropped: the
    /// change may move, add or remove any item.
    fn deref_mut(&mut self) -> &mut Vec<T> {
        let shared = Rc::make_mut(&mut self.0);
        shared.index.take();
        &mut shared.items
    }
}

impl<T: PartialEq> PartialEq for List<T> {
    fn eq(&self, other: &Self) -> bool {
        self.same(other) || self.0.items == other.0.items
    }
}

impl<T: Eq> Eq for List<T> {}

impl<T: PartialEq> PartialEq<Vec<T>> for List<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        self.0.items == *other
    }
}

impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.items.fmt(f)
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        List(Rc::new(Shared::new(items)))
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        List::from(items.into_iter().collect::<Vec<T>>())
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.items.iter()
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.items.serialize(s)
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
        assert_eq!(*first, vec![1, 2, 3]);
        assert_eq!(*second, vec![1, 2, 3, 4]);
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
            list[0].0 = "renamed".into();
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
