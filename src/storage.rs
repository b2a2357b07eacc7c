//! Where boards are kept between visits. The browser's localStorage sits behind the small
//! `Store` trait, so tests can use an in-memory store, a full one or a missing one. This
//! module decides what a saved text means (a board, nothing, a corrupt or a newer board)
//! and never destroys a text it cannot read: that is set aside under a backup key first.

#[cfg(target_arch = "wasm32")]
mod browser;
mod display;
mod faulty;
mod keys;
mod old_names;
mod set_aside;
#[cfg(target_arch = "wasm32")]
pub use browser::{is_quota_error, LocalStore};
pub use display::{
    board_print, change_display, display, kept_as_page_gave, page_print, set_display, Display,
};
pub use faulty::FaultyStore;
pub use keys::{BoardKey, KeyError, MAX_KEY_CHARS, PREFIX};
pub use old_names::holds_nothing;
use old_names::move_old_names;
use set_aside::set_aside;
pub use set_aside::{discard_set_aside, set_asides, SetAside, SET_ASIDE_COPIES};

use crate::core::hash;
use crate::core::model::Board;
pub use crate::core::snapshot::Parts;
use crate::core::snapshot::{self, Loaded, ReadError};
use crate::core::time::Timestamp;
use fnv::FnvHashMap;
use std::cell::RefCell;
use std::fmt;

/// Why a store could not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No storage at all (disabled by the browser, a sandboxed frame, private mode rules).
    Unavailable(String),
    /// The browser's quota for this site is used up.
    Full,
    /// Anything else the browser reported.
    Failed(String),
    /// The write was reported done, but reading it back gave something else.
    NotKept,
    /// The board is read-only: it writes nothing (`ReadOnlyStore`).
    ReadOnly,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // What the browser said (a SecurityError's words) helps no one reading the
            // board; it stays in the value for the console.
            StoreError::Unavailable(_) => write!(f, "this browser gives the board no storage here"),
            StoreError::Full => write!(f, "the browser's storage for this site is full"),
            StoreError::Failed(why) => write!(f, "the browser refused to store the board ({why})"),
            StoreError::ReadOnly => write!(f, "the board is read-only"),
            StoreError::NotKept => write!(
                f,
                "the browser said it stored the board, but reading it back found something else"
            ),
        }
    }
}

/// The characters (keys and values) localStorage keeps for a site in Chromium, as the
/// benchmark measures it; Firefox and Safari keep about as much. Browsers do not report it.
pub const LOCAL_STORAGE_QUOTA: usize = 5_242_880;

/// A key–value text store, like localStorage.
pub trait Store {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn write(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// How many characters (keys and values) the store holds at most, when known.
    fn quota(&self) -> Option<usize> {
        None
    }
    /// What is kept here stays with the page (a host that keeps the board itself reads it
    /// from the board's change events): the board says so, not "in this browser".
    fn kept_by_page(&self) -> bool {
        false
    }
    /// Writes `value` and reads it back: a write the store reports done but did not keep
    /// is a failed save, not a lost board found at the next visit.
    fn write_kept(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.write(key, value)?;
        match self.read(key)? {
            Some(kept) if kept == value => Ok(()),
            _ => Err(StoreError::NotKept),
        }
    }
}

/// A store in memory, for boards that must not persist (and for tests).
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<FnvHashMap<String, String>>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.entries.borrow().get(key).cloned()
    }

    /// Every key, in order.
    pub fn all_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.entries.borrow().keys().cloned().collect();
        keys.sort_unstable();
        keys
    }
}

impl Store for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.get(key))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.entries
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.all_keys())
    }

    fn kept_by_page(&self) -> bool {
        true
    }
}

/// A store seen by a read-only board: it reads, and refuses every write, so opening such a
/// board moves, copies and sets aside nothing.
pub struct ReadOnlyStore<'a>(pub &'a dyn Store);

impl Store for ReadOnlyStore<'_> {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.read(key)
    }

    fn write(&self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn remove(&self, _: &str) -> Result<(), StoreError> {
        Err(StoreError::ReadOnly)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.keys()
    }

    fn quota(&self) -> Option<usize> {
        self.0.quota()
    }

    fn kept_by_page(&self) -> bool {
        self.0.kept_by_page()
    }
}

/// What was found under a board's key when the board was opened.
#[derive(Debug)]
pub enum Opened {
    /// Nothing saved yet: offer the example or a blank board.
    Empty,
    Board(Box<Loaded>),
    /// Saved by an older version and migrated. The text as it was saved is kept under
    /// `original_key` (when the store allowed); the next save writes the new version.
    Migrated {
        loaded: Box<Loaded>,
        original_key: Option<String>,
    },
    /// The saved text could not be read. It was set aside under `backup_key` (when the
    /// store allowed), and nothing is loaded; the text is kept here to offer as a download.
    Corrupt {
        raw: String,
        error: ReadError,
        backup_key: Option<String>,
    },
    /// Saved by a newer version of the board: it must not be overwritten. `board` is what
    /// this version can read of it, to show read-only.
    TooNew {
        raw: String,
        error: ReadError,
        board: Option<Box<Loaded>>,
    },
    /// The store could not be read at all.
    Unavailable(StoreError),
    /// The board is kept under the names of an earlier version and could not be moved to
    /// its new ones (the store is full, say); it is left whole where it was. `board` is
    /// what could be read of it there, to show read-only.
    NotMoved {
        error: StoreError,
        board: Option<Box<Loaded>>,
    },
}

/// The board's revision in the store, `<count>-<hash of the head>`: "" before its first
/// save. The count rises with every save, so a tab can tell that another one (or another
/// board on the page with the same key) saved since it looked; the hash makes two tabs'
/// saves of the same count differ, so each is seen (the browser announces a change of
/// value only).
pub fn revision(store: &dyn Store, key: &BoardKey) -> Result<String, StoreError> {
    Ok(store.read(&key.revision())?.unwrap_or_default())
}

/// How many saves a revision counts.
pub fn revision_count(revision: &str) -> u64 {
    revision
        .split('-')
        .next()
        .and_then(|count| count.parse().ok())
        .unwrap_or(0)
}

/// Opens the board saved under `key`.
pub fn open(store: &dyn Store, key: &BoardKey, now: Timestamp) -> Opened {
    open_known(store, key, now, &mut Parts::default())
}

/// Opens the board as `open` does, and sets `known` to the parts its history was read from
/// when `save` can take them as its own (`snapshot::read_stored_known`): the first save
/// after opening a big board then names and writes out only what changed.
pub fn open_known(store: &dyn Store, key: &BoardKey, now: Timestamp, known: &mut Parts) -> Opened {
    // Where the board's texts are: under its names, or (a read-only board, which moves
    // nothing) under the names an earlier version used.
    let mut old_names = false;
    let raw = match store.read(&key.head()) {
        Ok(Some(raw)) => raw,
        Ok(None) => match move_old_names(store, key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return Opened::Empty,
            Err(StoreError::ReadOnly) => {
                old_names = true;
                store.read(key.as_str()).ok().flatten().unwrap_or_default()
            }
            Err(error) => {
                let old = store.read(key.as_str()).ok().flatten().unwrap_or_default();
                // A part is under its old name, or under its new one if it could not go back.
                let part = |name: &str| {
                    (store.read(&format!("{key}.part.{name}")).ok().flatten())
                        .or_else(|| store.read(&key.part(name)).ok().flatten())
                };
                return Opened::NotMoved {
                    error,
                    board: snapshot::read_stored(&old, &part).ok().map(Box::new),
                };
            }
        },
        Err(error) => return Opened::Unavailable(error),
    };
    let part = |name: &str| match old_names {
        true => store.read(&format!("{key}.part.{name}")).ok().flatten(),
        false => store.read(&key.part(name)).ok().flatten(),
    };
    match snapshot::read_stored_known(&raw, &part) {
        Ok((loaded, parts)) => match loaded.migrated_from {
            None => {
                *known = parts;
                Opened::Board(Box::new(loaded))
            }
            Some(version) => {
                // The first copy is the original: a later visit before any save finds
                // the old text again and must not replace the copy with anything else.
                let original = key.original(version);
                let kept = match store.read(&original) {
                    Ok(Some(_)) => true,
                    _ => store.write(&original, &raw).is_ok(),
                };
                Opened::Migrated {
                    loaded: Box::new(loaded),
                    original_key: kept.then_some(original),
                }
            }
        },
        Err(error @ ReadError::TooNew { .. }) => Opened::TooNew {
            board: snapshot::read_stored_newer(&raw, &part).map(Box::new),
            raw,
            error,
        },
        Err(error) => Opened::Corrupt {
            backup_key: set_aside(store, key, &raw, now).ok(),
            raw,
            error,
        },
    }
}

/// Removes the last screen every board keeps in `store` (`ui::screen`): a board that needs
/// the room takes it from these pictures first. Whether there was any.
pub fn drop_screens(store: &dyn Store) -> bool {
    let screens: Vec<String> = (store.keys().unwrap_or_default().into_iter())
        .filter(|name| BoardKey::is_screen(name))
        .collect();
    for name in &screens {
        let _ = store.remove(name);
    }
    !screens.is_empty()
}

/// What a save did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// Characters written by this save.
    pub written: usize,
    /// Characters the board takes in the store, keys included.
    pub size: usize,
    /// The board's revision after this save.
    pub revision: String,
}

impl Saved {
    /// Whether the board takes 80 % or more of `quota`: time to warn, before it is full.
    pub fn nearly_full(&self, quota: Option<usize>) -> bool {
        quota.is_some_and(|quota| self.size * 5 >= quota * 4)
    }
}

/// Saves `board` under `key`; returns what it wrote and the board's size. `known` carries
/// what one save learnt to the next (a fresh one works, and writes what is missing).
///
/// The head goes under the key's head name and each part of the check-in history under a
/// name made of its content. Parts already in the store are not written again, so an edit
/// writes the head and at most the part that changed. The head is written after its parts
/// and the parts it no longer names are removed after it, so whatever moment the tab is
/// closed, the head names parts that are there. The revision is raised last.
pub fn save(
    store: &dyn Store,
    key: &BoardKey,
    board: &Board,
    now: Timestamp,
    known: &mut Parts,
) -> Result<Saved, StoreError> {
    let stored = snapshot::write_stored(board, now, known);
    let prefix = key.parts();
    let present: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(&prefix))
        .collect();
    let mut written = 0;
    for (name, text) in &stored.parts {
        let part = key.part(name);
        if !present.contains(&part) {
            store.write_kept(&part, text)?;
            written += text.len();
        }
    }
    let head = key.head();
    store.write_kept(&head, &stored.head)?;
    written += stored.head.len();
    let count = revision_count(&revision(store, key)?) + 1;
    let revision = format!("{count}-{}", hash::hash_long(stored.head.as_bytes()));
    let counter = key.revision();
    store.write_kept(&counter, &revision)?;
    let size = head.len()
        + stored.head.len()
        + counter.len()
        + revision.len()
        + stored
            .parts
            .iter()
            .map(|(name, text)| prefix.len() + name.len() + text.len())
            .sum::<usize>();
    for old in present {
        let name = &old[prefix.len()..];
        if !stored.parts.iter().any(|(n, _)| n == name) {
            // A part left behind only costs space; the next save tries again.
            let _ = store.remove(&old);
        }
    }
    Ok(Saved {
        written,
        size,
        revision,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::time::Date;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-24T10:00:00Z").unwrap()
    }

    fn k() -> BoardKey {
        BoardKey::new("k").unwrap()
    }

    const HEAD: &str = "alignment-board:k";

    fn board() -> Board {
        Board::blank("b-1".into(), Date::parse("2026-11-24").unwrap())
    }

    #[test]
    fn a_board_out_of_room_drops_every_board_s_screen_and_nothing_else() {
        let store = FaultyStore::new();
        save(&store, &k(), &board(), now(), &mut Parts::default()).unwrap();
        let named = BoardKey::new("screen").unwrap();
        save(&store, &named, &board(), now(), &mut Parts::default()).unwrap();
        for key in [k(), named.clone(), BoardKey::new("other").unwrap()] {
            store.write(&key.screen(), "{}").unwrap();
        }
        store.write("someone-else:screen", "theirs").unwrap();
        let before = store.keys().unwrap();
        assert!(drop_screens(&store));
        let after = store.keys().unwrap();
        assert_eq!(before.len() - after.len(), 3);
        assert!(after.iter().all(|name| !BoardKey::is_screen(name)));
        assert!(after.contains(&named.head()) && after.contains(&"someone-else:screen".into()));
        assert!(matches!(open(&store, &named, now()), Opened::Board(_)));
        assert!(!drop_screens(&store));
    }

    #[test]
    fn a_saved_board_opens_again() {
        let store = FaultyStore::new();
        save(&store, &k(), &board(), now(), &mut Parts::default()).unwrap();
        match open(&store, &k(), now()) {
            Opened::Board(loaded) => assert_eq!(loaded.board, board()),
            other => panic!("expected the board, got {other:?}"),
        }
        assert!(matches!(
            open(&store, &BoardKey::new("other").unwrap(), now()),
            Opened::Empty
        ));
        let first = revision(&store, &k()).unwrap();
        assert_eq!(revision_count(&first), 1);
        let saved = save(&store, &k(), &board(), now(), &mut Parts::default()).unwrap();
        assert_eq!(revision(&store, &k()).as_ref(), Ok(&saved.revision));
        assert_eq!(revision_count(&saved.revision), 2);
        let mut renamed = board();
        renamed.title = "Renamed".into();
        let other = save(&store, &k(), &renamed, now(), &mut Parts::default()).unwrap();
        assert_eq!(revision_count(&other.revision), 3);
        assert_ne!(
            other.revision.split('-').nth(1),
            saved.revision.split('-').nth(1),
            "two boards saved at the same count still differ"
        );
        assert_eq!(
            revision(&store, &BoardKey::new("other").unwrap()).as_deref(),
            Ok("")
        );
    }

    #[test]
    fn a_corrupt_board_is_set_aside_and_kept() {
        let store = FaultyStore::new();
        store
            .write(
                HEAD,
                "{\"format\":\"alignment-board\",\"version\":1,\"board\":{",
            )
            .unwrap();
        let Opened::Corrupt {
            raw, backup_key, ..
        } = open(&store, &k(), now())
        else {
            panic!("expected corrupt")
        };
        let backup_key = backup_key.expect("backup written");
        assert_eq!(store.get(&backup_key), Some(raw.clone()));
        save(&store, &k(), &board(), now(), &mut Parts::default()).unwrap();
        assert_eq!(
            store.get(&backup_key),
            Some(raw),
            "saving never touches the backup"
        );
    }

    #[test]
    fn a_newer_board_is_reported_not_loaded() {
        let store = FaultyStore::new();
        store
            .write(
                HEAD,
                r#"{"format":"alignment-board","version":7,"board":{}}"#,
            )
            .unwrap();
        let Opened::TooNew { error, .. } = open(&store, &k(), now()) else {
            panic!("expected too new")
        };
        assert!(error.to_string().contains("version 7"), "{error}");
        assert_eq!(
            store.all_keys(),
            vec![HEAD.to_string()],
            "no backup needed: nothing is overwritten"
        );
    }

    #[test]
    fn a_board_saved_by_an_older_version_is_migrated_and_its_original_kept() {
        let store = FaultyStore::new();
        let v0 = r#"{"format":"alignment-board","version":0,"board":{"id":"b-1","title":"Old"}}"#;
        store.write(HEAD, v0).unwrap();
        let Opened::Migrated {
            loaded,
            original_key,
        } = open(&store, &k(), now())
        else {
            panic!("expected a migrated board")
        };
        assert_eq!(loaded.migrated_from, Some(0));
        assert_eq!(loaded.board.title, "Old");
        assert_eq!(original_key.as_deref(), Some("alignment-board:k:version-0"));
        assert_eq!(
            store.get("alignment-board:k:version-0").as_deref(),
            Some(v0)
        );
        save(&store, &k(), &loaded.board, now(), &mut Parts::default()).unwrap();
        assert!(matches!(open(&store, &k(), now()), Opened::Board(_)));
        assert_eq!(
            store.get("alignment-board:k:version-0").as_deref(),
            Some(v0),
            "saving the new version keeps the original"
        );
    }

    #[test]
    fn a_newer_board_this_version_can_read_is_offered_read_only() {
        let store = FaultyStore::new();
        let newer = r#"{"format":"alignment-board","version":2,"board":{"id":"b-1","title":"New","future":[1]}}"#;
        store.write(HEAD, newer).unwrap();
        let Opened::TooNew { board, error, .. } = open(&store, &k(), now()) else {
            panic!("expected too new")
        };
        assert_eq!(board.expect("readable").board.title, "New");
        assert!(error.to_string().contains("up to 1"), "{error}");
        store
            .write(
                HEAD,
                r#"{"format":"alignment-board","version":2,"board":{"id":"b-1"}}"#,
            )
            .unwrap();
        let Opened::TooNew { board, .. } = open(&store, &k(), now()) else {
            panic!("expected too new")
        };
        assert!(board.is_none(), "a board without a title cannot be shown");
    }

    #[test]
    fn a_full_store_reports_full_and_keeps_the_old_text() {
        let store = FaultyStore::with_capacity(50);
        assert_eq!(
            save(&store, &k(), &board(), now(), &mut Parts::default()),
            Err(StoreError::Full)
        );
        assert_eq!(store.get(HEAD), None);
        let store = FaultyStore::unavailable();
        assert!(matches!(open(&store, &k(), now()), Opened::Unavailable(_)));
        assert!(matches!(
            save(&store, &k(), &board(), now(), &mut Parts::default()),
            Err(StoreError::Unavailable(_))
        ));
    }
}
