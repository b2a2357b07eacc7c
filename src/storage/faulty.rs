//! A store that fails the ways a browser's storage does, for the tests of saving.

use super::{MemoryStore, Store, StoreError};
use std::cell::Cell;

/// A store in memory that fails the ways a browser's storage does, for tests: full at a
/// quota, missing altogether, or forgetting writes it reports done. The board itself never
/// makes one, so release builds leave it out.
#[derive(Debug, Default)]
pub struct FaultyStore {
    memory: MemoryStore,
    /// Total characters (keys and values) it accepts, like a browser quota.
    capacity: Cell<Option<usize>>,
    unavailable: bool,
    /// Writes report success but keep nothing, as a failing disk or a buggy browser might.
    forgetful: Cell<bool>,
}

impl FaultyStore {
    /// A store that fails in none of these ways until told to.
    pub fn new() -> FaultyStore {
        FaultyStore::default()
    }

    /// A store that reports `Full` once it would hold more than `capacity` characters.
    pub fn with_capacity(capacity: usize) -> FaultyStore {
        let store = FaultyStore::default();
        store.set_capacity(Some(capacity));
        store
    }

    /// A store that fails every call, as localStorage does in a sandboxed frame.
    pub fn unavailable() -> FaultyStore {
        FaultyStore {
            unavailable: true,
            ..FaultyStore::default()
        }
    }

    /// Changes the quota, as when a person frees space for the site.
    pub fn set_capacity(&self, capacity: Option<usize>) {
        self.capacity.set(capacity);
    }

    /// Makes writes report success without keeping anything (or stop doing so).
    pub fn set_forgetful(&self, forgetful: bool) {
        self.forgetful.set(forgetful);
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.memory.get(key)
    }

    pub fn all_keys(&self) -> Vec<String> {
        self.memory.all_keys()
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.unavailable {
            return Err(StoreError::Unavailable("storage is disabled".into()));
        }
        Ok(())
    }
}

impl Store for FaultyStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        self.memory.read(key)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        if let Some(capacity) = self.capacity.get() {
            let others: usize = self
                .all_keys()
                .iter()
                .filter(|k| *k != key)
                .map(|k| k.len() + self.get(k).map_or(0, |v| v.len()))
                .sum();
            if others + key.len() + value.len() > capacity {
                return Err(StoreError::Full);
            }
        }
        if self.forgetful.get() {
            return Ok(());
        }
        self.memory.write(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        self.memory.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        self.memory.keys()
    }

    fn quota(&self) -> Option<usize> {
        self.capacity.get()
    }
}
