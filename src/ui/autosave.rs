//! Saving the board as it changes: debounced (never on every keystroke), flushed at once
//! when the page is hidden or closed, and honest about failure. A failed save keeps the
//! board pending, so the next change or the next flush tries again.

use super::clock::now;
use super::state::Same;
use super::state::{StoreHandle, Synced};
use crate::core::merge::merge;
use crate::core::model::Board;
use crate::storage::{self, BoardKey, Opened, StoreError};
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Quiet time after the last change before the board is written.
pub const DEBOUNCE_MS: u32 = 400;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing changed since the board was opened.
    Idle,
    Pending,
    Saved,
    /// Saved, but the board takes 80 % or more of what the browser keeps for the site.
    NearlyFull {
        size: usize,
        quota: usize,
    },
    Failed(String),
    /// The browser gives the board no storage (a private window, a frame of another site
    /// whose storage the browser blocks): nothing is kept after the tab closes.
    NoStorage,
    /// Saving is off (read-only board, or a board written by a newer version).
    Off,
    /// Another tab changed what this one changed too (`items`, in words): saving waits
    /// for the person to choose which board to keep.
    Conflict(Vec<String>),
}

impl SaveStatus {
    /// The banner that says what saving could not do, and offers what to do about it:
    /// export (`on_export`), or keep this tab's board or the other tab's (`resolve`).
    pub fn banner(
        &self,
        has_board: bool,
        on_export: &Callback<bool>,
        resolve: &Callback<bool>,
    ) -> Option<Html> {
        match self {
            SaveStatus::Failed(message) => Some(html! {
                <div class="ab-notice ab-notice--error" role="alert">
                    <p>{ format!("Your latest changes are not saved: {message}. The board keeps working in this tab; export a snapshot to keep them.") }</p>
                    <button type="button" class="ab-button" onclick={on_export.reform(|_| false)}>{ "Export snapshot" }</button>
                </div>
            }),
            SaveStatus::NoStorage => Some(html! {
                <div class="ab-notice ab-notice--error" role="alert">
                    <p>{ "Nothing will be kept after this tab closes: this browser gives the board no storage here. Export a snapshot to keep your work." }</p>
                    if has_board {
                        <button type="button" class="ab-button" onclick={on_export.reform(|_| false)}>{ "Export snapshot" }</button>
                    }
                </div>
            }),
            SaveStatus::Conflict(items) => Some(html! {
                <div class="ab-notice ab-notice--error" role="alert">
                    <p>{ format!("Another tab changed {} too. Which board do you keep? What only one tab changed is kept either way.", items.join(", ")) }</p>
                    <button type="button" class="ab-button" onclick={resolve.reform(|_| true)}>{ "Keep this tab’s" }</button>
                    <button type="button" class="ab-button" onclick={resolve.reform(|_| false)}>{ "Take the other tab’s" }</button>
                </div>
            }),
            SaveStatus::NearlyFull { size, quota } => Some(html! {
                <div class="ab-notice ab-notice--warning" role="status">
                    <p>{ format!(
                        "This board takes {} of the {} this browser keeps for the site ({} %). When it is full, changes stay in this tab only: export a snapshot to keep a copy, and start a new period to leave old work behind.",
                        crate::core::snapshot::megabytes(*size),
                        crate::core::snapshot::megabytes(*quota),
                        size * 100 / quota.max(&1)
                    ) }</p>
                    <button type="button" class="ab-button" onclick={on_export.reform(|_| false)}>{ "Export snapshot" }</button>
                </div>
            }),
            _ => None,
        }
    }
}

struct Saver {
    store: StoreHandle,
    key: BoardKey,
    pending: Option<Rc<Board>>,
    /// The board the app showed when it last rendered.
    seen: Option<Rc<Board>>,
    timer: Option<Timeout>,
    /// The history parts of the last save, so unchanged ones are not written out again.
    known: storage::Parts,
    report: UseStateSetter<SaveStatus>,
    /// What the store holds as far as this tab knows (what it opened, last wrote or took
    /// from another tab): the base of a merge with another tab's changes.
    base: Option<Rc<Board>>,
    /// The store's revision when this tab last read or wrote the board.
    revision: String,
    /// While the person chooses: the base before the other tab's board, and that board.
    conflict: Option<(Option<Rc<Board>>, Rc<Board>)>,
    /// Saving stopped for good (a newer version wrote the board, or there is no storage).
    stopped: bool,
    /// What the status says when nothing is waiting: saved, or saved but nearly full.
    clean: SaveStatus,
    on_synced: Callback<Synced>,
}

impl Saver {
    /// Takes the board the app shows. It is called while the app renders, so that a flush
    /// or another tab's save arriving before the render's effects run (the scheduler may
    /// give the browser a turn in between) still finds this change.
    fn note(this: &Rc<RefCell<Saver>>, board: &Rc<Board>) {
        let Ok(mut saver) = this.try_borrow_mut() else {
            return;
        };
        if saver
            .seen
            .as_ref()
            .is_some_and(|seen| Rc::ptr_eq(seen, board))
        {
            return;
        }
        saver.hold(board);
    }

    /// Makes `board` the one this tab shows, and the one to write unless the store holds it.
    fn hold(&mut self, board: &Rc<Board>) {
        self.seen = Some(board.clone());
        if self
            .base
            .as_ref()
            .is_some_and(|base| Rc::ptr_eq(base, board))
        {
            // What the store holds already (the board another tab saved, or this one's
            // after an undo): nothing to write.
            self.pending = None;
            self.timer = None;
        } else {
            self.pending = Some(board.clone());
        }
    }

    /// After a render: says what saving will do with the board noted, and starts the quiet
    /// time before a pending board is written.
    fn schedule(this: &Rc<RefCell<Saver>>, board: &Rc<Board>) {
        Saver::note(this, board);
        Saver::arm(this);
    }

    /// Says what saving will do, and starts the quiet time before a pending board is written.
    fn arm(this: &Rc<RefCell<Saver>>) {
        let weak = Rc::downgrade(this);
        let mut saver = this.borrow_mut();
        if saver.stopped || saver.conflict.is_some() {
            return;
        }
        if saver.pending.is_none() {
            saver.timer = None;
            let clean = saver.clean.clone();
            saver.report.set(clean);
            return;
        }
        saver.report.set(SaveStatus::Pending);
        saver.timer = Some(Timeout::new(DEBOUNCE_MS, move || {
            if let Some(this) = weak.upgrade() {
                Saver::flush(&this);
            }
        }));
    }

    /// The store's revision when the board this tab shows is the one saved there, with
    /// room to spare: nothing waiting, failed or in conflict, and no other tab's save since.
    fn settled(this: &Rc<RefCell<Saver>>) -> Option<String> {
        let saver = this.try_borrow().ok()?;
        // What shows is what the store holds: not a board another tab saved or a merge made
        // as the page hid, before the page has shown it.
        let shown = (saver.seen.as_ref())
            .zip(saver.base.as_ref())
            .is_some_and(|(seen, base)| Rc::ptr_eq(seen, base));
        let quiet = shown
            && saver.pending.is_none()
            && !saver.stopped
            && saver.conflict.is_none()
            && saver.clean == SaveStatus::Saved
            && !super::crash::crashed();
        let stored = storage::revision(saver.store.0.as_ref(), &saver.key).ok()?;
        (quiet && !stored.is_empty() && stored == saver.revision).then_some(stored)
    }

    /// Writes the pending board now, if there is one. When another tab saved since this
    /// one looked, its board is merged in first.
    fn flush(this: &Rc<RefCell<Saver>>) {
        for _ in 0..2 {
            let stale = {
                let mut saver = this.borrow_mut();
                saver.timer = None;
                // After a crash the board's state may be half changed: nothing more is
                // written (what was saved before stays).
                if saver.pending.is_none()
                    || saver.stopped
                    || saver.conflict.is_some()
                    || super::crash::crashed()
                {
                    return;
                }
                storage::revision(saver.store.0.as_ref(), &saver.key)
                    .is_ok_and(|revision| revision != saver.revision)
            };
            if !stale {
                break;
            }
            Saver::sync(this);
        }
        let mut saver = this.borrow_mut();
        if saver.stopped || saver.conflict.is_some() {
            return;
        }
        let Some(board) = saver.pending.take() else {
            return;
        };
        let mut saver_borrow = saver;
        let saver = &mut *saver_borrow;
        let store = saver.store.0.clone();
        let mut saved = storage::save(store.as_ref(), &saver.key, &board, now(), &mut saver.known);
        // Out of room: the boards' last screens are only pictures, and go first.
        if matches!(saved, Err(StoreError::Full)) && storage::drop_screens(store.as_ref()) {
            saved = storage::save(store.as_ref(), &saver.key, &board, now(), &mut saver.known);
        }
        match saved {
            Ok(saved) => {
                saver.revision = saved.revision.clone();
                saver.base = Some(board);
                saver.clean = match saver.store.0.quota() {
                    Some(quota) if saved.nearly_full(Some(quota)) => {
                        // The board needs the room more than its last screen does.
                        let _ = saver.store.0.remove(&saver.key.screen());
                        SaveStatus::NearlyFull {
                            size: saved.size,
                            quota,
                        }
                    }
                    _ => SaveStatus::Saved,
                };
                saver.report.set(saver.clean.clone());
            }
            Err(StoreError::Unavailable(why)) => {
                // It will not come back while the page is open: saving stops, said once.
                web_sys::console::warn_1(&format!("Alignment Board: no storage: {why}").into());
                saver.stopped = true;
                saver.timer = None;
                saver.report.set(SaveStatus::NoStorage);
                return;
            }
            Err(error) => {
                saver.report.set(SaveStatus::Failed(error.to_string()));
                saver.pending = Some(board);
                return;
            }
        }
        // With the borrow released: the event reaches this board's own listener too.
        let key = saver.key.clone();
        drop(saver_borrow);
        announce_saved(&key);
    }

    /// Takes what another tab saved, if it saved since this tab looked: as it is when
    /// this tab has nothing unsaved, merged with this tab's changes otherwise.
    fn sync(this: &Rc<RefCell<Saver>>) {
        let synced = {
            // A save under way (whose own event this may be) has nothing to take.
            let Ok(mut saver) = this.try_borrow_mut() else {
                return;
            };
            let store = saver.store.0.clone();
            let revision = match storage::revision(store.as_ref(), &saver.key) {
                Ok(revision) if revision != saver.revision && !saver.stopped => revision,
                _ => return,
            };
            let mut read = storage::Parts::default();
            let theirs = match storage::open_known(store.as_ref(), &saver.key, now(), &mut read) {
                Opened::Board(loaded) | Opened::Migrated { loaded, .. } => Rc::new(loaded.board),
                Opened::TooNew { error, .. } => {
                    saver.stopped = true;
                    saver.timer = None;
                    // It stops writing so that it cannot overwrite what it cannot read.
                    saver.report.set(SaveStatus::Failed(format!(
                        "another tab saved this board with a newer version ({error}); this tab \
                         stops saving so as not to overwrite it, reload to use the newer version"
                    )));
                    return;
                }
                // Nothing readable: this tab's next save writes its board.
                _ => return,
            };
            saver.revision = revision;
            // Read apart, it shares what it has in common with the board this tab knew, as
            // the boards of the undo history share theirs.
            let theirs = match &saver.base {
                Some(known) => Rc::new(theirs.sharing(known)),
                None => theirs,
            };
            // While the person is choosing, this tab's changes still stand on the base
            // they were made on, whatever the other tab saved since.
            let before = saver.base.replace(theirs.clone());
            let base = match saver.conflict.take() {
                Some((base, _)) => base,
                None => before,
            };
            // The parts their board was read from, for the next save.
            saver.known = read;
            match saver.pending.take() {
                None => Synced {
                    board: theirs,
                    merged: false,
                },
                Some(mine) => {
                    let merged = base.as_ref().map(|base| merge(base, &mine, &theirs));
                    match merged {
                        Some(merged) if merged.conflicts.is_empty() => {
                            let board = Rc::new(merged.board);
                            saver.pending = Some(board.clone());
                            Synced {
                                board,
                                merged: true,
                            }
                        }
                        _ => {
                            let items = merged.map_or_else(
                                || vec!["the whole board".to_string()],
                                |m| m.conflicts,
                            );
                            saver.pending = Some(mine);
                            saver.conflict = Some((base, theirs));
                            saver.timer = None;
                            saver.report.set(SaveStatus::Conflict(items));
                            return;
                        }
                    }
                }
            }
        };
        // Outside the borrow: the app's update may schedule a save at once.
        let on_synced = this.borrow().on_synced.clone();
        on_synced.emit(synced);
    }

    /// The person's choice in a conflict: this tab's board (with the other tab's changes
    /// that do not collide merged in) or the other tab's.
    fn resolve(this: &Rc<RefCell<Saver>>, keep_mine: bool) {
        let synced = {
            let mut saver = this.borrow_mut();
            let Some((base, theirs)) = saver.conflict.take() else {
                return;
            };
            // The merge takes the first board's side where both changed something: this
            // tab's, or the other's; what only one of them changed is kept either way.
            let mine = saver.pending.take();
            let (first, second) = match keep_mine {
                true => (mine, Some(theirs.clone())),
                false => (Some(theirs.clone()), mine),
            };
            let board = match (base, first, second) {
                (Some(base), Some(first), Some(second)) => {
                    Rc::new(merge(&base, &first, &second).board)
                }
                (_, first, _) => first.unwrap_or(theirs),
            };
            // Pending at once, not at the next render: a tab closed before it still
            // saves the person's choice.
            saver.hold(&board);
            Synced {
                board,
                merged: true,
            }
        };
        let on_synced = this.borrow().on_synced.clone();
        on_synced.emit(synced);
        Saver::arm(this);
    }
}

/// Tells the other boards on this page that use `key` that it was saved: the browser's
/// `storage` event reaches other tabs only.
fn announce_saved(key: &BoardKey) {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&key.revision()));
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        web_sys::StorageEvent::new_with_event_init_dict("storage", &init),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// What saving does, and the person's answer to a conflict with another tab.
pub struct Autosave {
    pub status: SaveStatus,
    /// `true`: keep this tab's board; `false`: take the other tab's.
    pub resolve: Callback<bool>,
}

/// Whom saving tells of what it learns.
pub struct Told {
    /// Another tab's board, when this tab should show it.
    pub synced: Callback<Synced>,
    /// As the page hides, once the board is saved: the store's revision when what shows is
    /// what the store holds.
    pub hidden: Callback<Option<String>>,
}

/// Keeps `board` saved under `key` while `enabled`, and follows what other tabs save
/// under the same key (`told`). `known`: the stored parts the board as opened was read from
/// (`storage::open_known`), taken at the first render.
#[hook]
pub fn use_autosave(
    store: StoreHandle,
    key: BoardKey,
    board: Option<Rc<Board>>,
    known: Option<storage::Parts>,
    enabled: bool,
    told: Told,
) -> Autosave {
    let Told {
        synced: on_synced,
        hidden: on_hidden,
    } = told;
    let status = use_state(|| {
        if !enabled {
            SaveStatus::Off
        } else if matches!(
            // The revision, a few characters: the head can be megabytes.
            storage::revision(store.0.as_ref(), &key),
            Err(StoreError::Unavailable(_))
        ) {
            SaveStatus::NoStorage
        } else {
            SaveStatus::Idle
        }
    });
    let saver = use_memo((store.clone(), key.clone()), {
        let report = status.setter();
        // The board as opened is already what the store holds: only later boards are saved.
        let base = board.clone();
        move |(store, key)| {
            let revision = storage::revision(store.0.as_ref(), key);
            Rc::new(RefCell::new(Saver {
                // With no storage there is nothing to write to: saving never starts.
                stopped: matches!(revision, Err(StoreError::Unavailable(_))),
                revision: revision.unwrap_or_default(),
                store: store.clone(),
                key: key.clone(),
                pending: None,
                seen: base.clone(),
                timer: None,
                known: known.unwrap_or_default(),
                report,
                base,
                conflict: None,
                clean: SaveStatus::Saved,
                on_synced,
            }))
        }
    });
    if let (true, Some(board)) = (enabled, &board) {
        Saver::note(&saver, board);
    }
    {
        let saver = (*saver).clone();
        use_effect_with((Same(board), enabled), move |(Same(board), enabled)| {
            if let (true, Some(board)) = (*enabled, board) {
                Saver::schedule(&saver, board);
            }
        });
    }
    {
        let saver = (*saver).clone();
        use_effect_with((store, key), move |(_, key)| {
            let window = web_sys::window();
            let document = window.as_ref().and_then(|w| w.document());
            // Saved first, then told whether what shows is what is saved (its screen).
            let on_hide = {
                let saver = saver.clone();
                move |_: &web_sys::Event| {
                    Saver::flush(&saver);
                    on_hidden.emit(Saver::settled(&saver));
                }
            };
            let counter = key.revision();
            let on_storage = {
                let saver = saver.clone();
                move |event: &web_sys::Event| {
                    let key = event
                        .dyn_ref::<web_sys::StorageEvent>()
                        .and_then(|e| e.key());
                    if key.as_deref() == Some(counter.as_str()) {
                        Saver::sync(&saver);
                    }
                }
            };
            let listeners: Vec<EventListener> = [
                window
                    .as_ref()
                    .map(|w| EventListener::new(w, "pagehide", on_hide.clone())),
                window.map(|w| EventListener::new(&w, "storage", on_storage)),
                document.map(|d| {
                    let hidden = d.clone();
                    let on_hide = on_hide.clone();
                    EventListener::new(&d, "visibilitychange", move |event| {
                        if hidden.hidden() {
                            on_hide(event);
                        }
                    })
                }),
            ]
            .into_iter()
            .flatten()
            .collect();
            move || {
                drop(listeners);
                Saver::flush(&saver);
            }
        });
    }
    let resolve = {
        let saver = (*saver).clone();
        Callback::from(move |keep_mine| Saver::resolve(&saver, keep_mine))
    };
    // A board noted in this render and not written yet is waiting, also before the
    // render's effects say so: a new board never says "Saved" for a moment first.
    let waiting = saver
        .try_borrow()
        .is_ok_and(|saver| saver.pending.is_some());
    let status = match &*status {
        // Made read-only after it opened (a host's setOptions), it saves nothing more; a
        // board with no storage still says so.
        SaveStatus::NoStorage => SaveStatus::NoStorage,
        _ if !enabled => SaveStatus::Off,
        SaveStatus::Idle | SaveStatus::Saved | SaveStatus::NearlyFull { .. } if waiting => {
            SaveStatus::Pending
        }
        status => status.clone(),
    };
    // A board this tab could not save (another tab's changes to choose between, a write
    // that failed) would go with the page: leaving it asks first.
    let unsaved = matches!(status, SaveStatus::Conflict(_) | SaveStatus::Failed(_));
    use_effect_with(unsaved, |&unsaved| {
        let asking = unsaved
            .then(|| super::dom::ask_before_leaving(|| true))
            .flatten();
        move || drop(asking)
    });
    Autosave { status, resolve }
}
