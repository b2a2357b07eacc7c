//! The health analysis the app shows, kept as of the board it was made for. A big board's
//! analysis takes several milliseconds; after an edit it follows in a task of its own, so
//! the edit itself shows at once and the figures and flags catch up a moment later. A
//! small board's analysis is made with the board, before anything renders.

use crate::core::health::{analyse_board, Analysis};
use crate::core::model::Board;
use crate::core::time::Date;
use crate::ui::clock::local_now;
use crate::ui::state::Same;
use gloo_timers::callback::Timeout;
use std::rc::Rc;
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
                let timeout = board.clone().filter(|_| later).map(|board| {
                    Timeout::new(0, move || {
                        let analysis = Rc::new(analyse_board(&board, local_now()));
                        made.replace(Some((board, today, analysis)));
                        redraw.force_update();
                    })
                });
                // A newer board cancels the analysis of this one.
                move || drop(timeout)
            },
        );
    }
    let analysis = made.borrow().as_ref().map(|(_, _, a)| a.clone());
    board.and(analysis)
}
