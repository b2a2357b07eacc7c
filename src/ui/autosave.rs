//! Saving the board as it changes: debounced (never on every keystroke), flushed at once
//! when the page is hidden or closed, and honest about failure. A failed save keeps the
//! board pending, so the next change or the next flush tries again.

use super::app::StoreHandle;
use super::now;
use super::Same;
use crate::core::model::Board;
use crate::storage;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
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
    /// Saving is off (read-only board, or a board written by a newer version).
    Off,
}

struct Saver {
    store: StoreHandle,
    key: String,
    pending: Option<Rc<Board>>,
    timer: Option<Timeout>,
    /// The history parts of the last save, so unchanged ones are not written out again.
    known: storage::Parts,
    report: UseStateSetter<SaveStatus>,
}

impl Saver {
    fn schedule(this: &Rc<RefCell<Saver>>, board: Rc<Board>) {
        let weak = Rc::downgrade(this);
        let mut saver = this.borrow_mut();
        saver.pending = Some(board);
        saver.report.set(SaveStatus::Pending);
        saver.timer = Some(Timeout::new(DEBOUNCE_MS, move || {
            if let Some(this) = weak.upgrade() {
                Saver::flush(&this);
            }
        }));
    }

    /// Writes the pending board now, if there is one.
    fn flush(this: &Rc<RefCell<Saver>>) {
        let mut saver = this.borrow_mut();
        saver.timer = None;
        let Some(board) = saver.pending.take() else {
            return;
        };
        let saver = &mut *saver;
        match storage::save(
            saver.store.0.as_ref(),
            &saver.key,
            &board,
            now(),
            &mut saver.known,
        ) {
            Ok(saved) => saver.report.set(match saver.store.0.quota() {
                Some(quota) if saved.nearly_full(Some(quota)) => SaveStatus::NearlyFull {
                    size: saved.size,
                    quota,
                },
                _ => SaveStatus::Saved,
            }),
            Err(error) => {
                saver.report.set(SaveStatus::Failed(error.to_string()));
                saver.pending = Some(board);
            }
        }
    }
}

/// Keeps `board` saved under `key` while `enabled`; returns how saving goes.
#[hook]
pub fn use_autosave(
    store: StoreHandle,
    key: String,
    board: Option<Rc<Board>>,
    enabled: bool,
) -> SaveStatus {
    let status = use_state(|| {
        if enabled {
            SaveStatus::Idle
        } else {
            SaveStatus::Off
        }
    });
    let saver = use_memo((store.clone(), key.clone()), {
        let report = status.setter();
        move |(store, key)| {
            Rc::new(RefCell::new(Saver {
                store: store.clone(),
                key: key.clone(),
                pending: None,
                timer: None,
                known: storage::Parts::default(),
                report,
            }))
        }
    });
    // The board as opened is already what the store holds: only later boards are saved.
    let opened = use_mut_ref(|| board.clone());

    {
        let saver = (*saver).clone();
        use_effect_with((Same(board), enabled), move |(Same(board), enabled)| {
            let unchanged = match (&*opened.borrow(), board) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            };
            if *enabled && !unchanged {
                if let Some(board) = board {
                    opened.replace(None);
                    Saver::schedule(&saver, board.clone());
                }
            }
        });
    }
    {
        let saver = (*saver).clone();
        use_effect_with((store, key), move |_| {
            let window = web_sys::window();
            let document = window.as_ref().and_then(|w| w.document());
            let on_hide = {
                let saver = saver.clone();
                move |_: &web_sys::Event| Saver::flush(&saver)
            };
            let listeners: Vec<EventListener> = [
                window.map(|w| EventListener::new(&w, "pagehide", on_hide.clone())),
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
    (*status).clone()
}
