//! The health analysis the app shows, kept as of the board it was made for. A big board's
//! analysis takes several milliseconds; after an edit it follows in a task of its own, once
//! the browser has painted the edit, so the edit itself shows at once and the figures and
//! flags catch up a moment later. A small board's analysis is made with the board, before
//! anything renders. The idle time after a board shows also builds its initiatives' index
//! by id, which the first edit would otherwise wait for.

use crate::core::health::{analyse_board, Analysis};
use crate::core::model::Board;
use crate::core::time::Date;
use crate::ui::clock::local_now;
use crate::ui::state::Same;
use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Boards with more initiatives than this have their analysis after an edit follows it.
pub const IMMEDIATE_UP_TO: usize = 300;

/// Whether `after` was made from `before` by edits: they still share a list. No single
/// action changes all four of these (when one did, the analysis would simply not wait).
fn edited(before: &Board, after: &Board) -> bool {
    before.people.same(&after.people)
        || before.priorities.same(&after.priorities)
        || before.dependencies.same(&after.dependencies)
        || before.reviews.same(&after.reviews)
}

/// The analysis of `board` on the person's `today`, or, for a big board just changed, that
/// of the board before it until the new one is made. A new day makes it anew: what is due
/// and overdue counts from the day.
#[hook]
pub fn use_analysis(board: Option<Rc<Board>>, today: Date) -> Option<Rc<Analysis>> {
    // The analysis, with the board and the day it was made for.
    let made = use_mut_ref(|| None::<(Rc<Board>, Date, Rc<Analysis>)>);
    let redraw = use_force_update();
    let current = match (&board, &*made.borrow()) {
        (Some(board), Some((of, day, _))) => Rc::ptr_eq(board, of) && *day == today,
        (None, _) => true,
        _ => false,
    };
    // Only an edit of a big board waits for its analysis: a board replaced by another (an
    // import, a new start) shares no list with the one analysed, and has nothing to show yet.
    let later = !current
        && match (&board, &*made.borrow()) {
            (Some(board), Some((before, _, _))) => {
                board.initiatives.len() > IMMEDIATE_UP_TO && edited(before, board)
            }
            _ => false,
        };
    if let Some(board) = board.as_ref().filter(|_| !current && !later) {
        let analysis = Rc::new(analyse_board(board, local_now()));
        made.replace(Some((board.clone(), today, analysis)));
    }
    {
        let made = made.clone();
        use_effect_with(
            (Same(board.clone()), later, today),
            move |&(Same(ref board), later, today)| {
                // Made once the browser is idle after painting the edit: a task of its
                // own made before that frame would hold back the painting by as long as it
                // takes. The same idle time builds the initiatives' index by id, for every
                // board shown: the first edit of a big board would otherwise wait for it (the
                // edited card is found by id).
                let pending = board.clone().map(|board| {
                    after_paint(move || {
                        board.initiatives.build_index();
                        if later {
                            let analysis = Rc::new(analyse_board(&board, local_now()));
                            made.replace(Some((board, today, analysis)));
                            redraw.force_update();
                        }
                    })
                });
                // A newer board cancels the analysis of this one.
                move || drop(pending)
            },
        );
    }
    let analysis = made.borrow().as_ref().map(|(_, _, a)| a.clone());
    board.and(analysis)
}

/// A task to run once the browser is idle after its next frame; dropped before it runs, it
/// does not run.
enum AfterPaint {
    /// Waiting for `requestIdleCallback`.
    Idle {
        window: web_sys::Window,
        handle: u32,
        _task: Closure<dyn FnMut()>,
    },
    /// Where there is no `requestIdleCallback` (Safari): the first task after the next frame.
    Frame {
        _frame: AnimationFrame,
        _task: Rc<RefCell<Option<Timeout>>>,
    },
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        if let AfterPaint::Idle { window, handle, .. } = self {
            window.cancel_idle_callback(*handle);
        }
    }
}

/// Runs `task` once the browser is idle after painting, and at the latest a fifth of a
/// second later (a busy page still sees it soon); where there is no `requestIdleCallback`,
/// in the first task after the next frame (a hidden page has none until it shows again).
fn after_paint(task: impl FnOnce() + 'static) -> AfterPaint {
    let task = Rc::new(RefCell::new(Some(task)));
    let run = move || {
        let task = task.borrow_mut().take();
        if let Some(task) = task {
            task();
        }
    };
    let window = web_sys::window().filter(|w| {
        js_sys::Reflect::get(w, &"requestIdleCallback".into()).is_ok_and(|f| f.is_function())
    });
    if let Some(window) = window {
        let idle = Closure::<dyn FnMut()>::new({
            let run = run.clone();
            move || run()
        });
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(200);
        if let Ok(handle) =
            window.request_idle_callback_with_options(idle.as_ref().unchecked_ref(), &options)
        {
            return AfterPaint::Idle {
                window,
                handle,
                _task: idle,
            };
        }
    }
    let after = Rc::new(RefCell::new(None));
    let later = after.clone();
    let frame = request_animation_frame(move |_| {
        later.replace(Some(Timeout::new(0, run)));
    });
    AfterPaint::Frame {
        _frame: frame,
        _task: after,
    }
}
