//! The board's lists, shared between the boards of the undo history. Every change makes a
//! new board from the last one; with plain vectors that copied every initiative and all
//! the check-in history on each keystroke. A `List` is a shared vector: cloning a board
//! copies a pointer per list, a change copies only the lists it writes to (the first
//! mutable use copies a shared list), and comparing two boards skips the lists they share.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

pub struct List<T>(Rc<Vec<T>>);

impl<T> List<T> {
    /// Whether both are the same shared list (not merely equal ones).
    pub fn same(&self, other: &List<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        List(Rc::clone(&self.0))
    }
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Rc::new(Vec::new()))
    }
}

impl<T> Deref for List<T> {
    type Target = Vec<T>;

    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T: Clone> DerefMut for List<T> {
    /// The list to change: this board's own copy from now on.
    fn deref_mut(&mut self) -> &mut Vec<T> {
        Rc::make_mut(&mut self.0)
    }
}

impl<T: PartialEq> PartialEq for List<T> {
    fn eq(&self, other: &Self) -> bool {
        self.same(other) || *self.0 == *other.0
    }
}

impl<T: Eq> Eq for List<T> {}

impl<T: PartialEq> PartialEq<Vec<T>> for List<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        *self.0 == *other
    }
}

impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(items: Vec<T>) -> Self {
        List(Rc::new(items))
    }
}

impl<T> FromIterator<T> for List<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        List(Rc::new(items.into_iter().collect()))
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Serialize> Serialize for List<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
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
}
