//! Undo and redo over whole boards. Each step keeps the board as it was before a change and
//! the board the change made; boards share their lists and items, so a step costs what it
//! changed, and the limit keeps memory bounded on long sessions. Pure: `now` comes from the
//! caller.
//!
//! Another tab may save the same board between a change and its undo (`take`): the step is
//! then taken back as a three-way merge (`merge`), which changes back what the step changed
//! and keeps what the other tab did. Where the other tab changed the same thing since, or
//! the two do not fit together, the step cannot be taken back without losing its work: undo
//! refuses and says why. A board taken from another tab shares what did not change with
//! this tab's boards (`Board::sharing`), so the steps still cost little.

use super::action::{reduce, Action, Refused};
use super::merge::merge;
use super::model::Board;
use super::time::Timestamp;
use std::fmt;
use std::rc::Rc;

/// How many steps can be undone.
pub const LIMIT: usize = 100;

#[derive(Clone, Debug, PartialEq)]
struct Step {
    /// The board before the change.
    before: Rc<Board>,
    /// The board the change made.
    after: Rc<Board>,
    /// What the change did ("move “Guided setup”").
    description: String,
}

impl Step {
    /// The board with the step taken back from `present`.
    fn undone(&self, present: &Rc<Board>) -> Result<Rc<Board>, Blocked> {
        replay(&self.after, &self.before, present)
    }

    /// The board with the step made again on `present`.
    fn redone(&self, present: &Rc<Board>) -> Result<Rc<Board>, Blocked> {
        replay(&self.before, &self.after, present)
    }
}

/// `present` moved as from `from` to `to`: `to` itself when nothing else changed the board
/// since `from`, otherwise the merge of the two moves.
fn replay(from: &Rc<Board>, to: &Rc<Board>, present: &Rc<Board>) -> Result<Rc<Board>, Blocked> {
    if Rc::ptr_eq(from, present) {
        return Ok(to.clone());
    }
    if from.id != to.id {
        return Err(Blocked::Replaced);
    }
    // The present on this tab's side of the merge: a conflict is named as the person
    // sees it now.
    let merged = merge(from, present, to);
    match (merged.conflicts.is_empty(), merged.whole) {
        (true, _) => Ok(Rc::new(merged.board)),
        (false, true) => Err(Blocked::Unfitting),
        (false, false) => Err(Blocked::Changed(merged.conflicts)),
    }
}

/// Why a step cannot be undone or redone once another tab has saved the board since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Blocked {
    /// The other tab changed what the step changed: the things, in words
    /// (`initiative “Onboarding”`).
    Changed(Vec<String>),
    /// What the step changed and what the other tab changed do not fit together (work
    /// brought back to a team the other tab deleted).
    Unfitting,
    /// The step replaced the whole board (an import, a fresh start).
    Replaced,
}

impl fmt::Display for Blocked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Blocked::Changed(things) => {
                let things = match things.as_slice() {
                    [] => String::new(),
                    [one] => one.clone(),
                    [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                };
                write!(
                    f,
                    "Another tab has since changed {things}; change it by hand if it should be"
                )
            }
            Blocked::Unfitting => f.write_str(
                "It does not fit with what another tab has changed since; change it by hand if it should be",
            ),
            Blocked::Replaced => f.write_str(
                "It replaced the whole board, and another tab has changed that board since",
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct History {
    present: Rc<Board>,
    past: Vec<Step>,
    future: Vec<Step>,
}

impl History {
    pub fn new(board: Rc<Board>) -> History {
        History {
            present: board,
            past: Vec::new(),
            future: Vec::new(),
        }
    }

    pub fn board(&self) -> &Rc<Board> {
        &self.present
    }

    /// Applies an action; `Ok(false)` when it changed nothing (no undo step is added).
    pub fn apply(&mut self, action: Action, now: Timestamp) -> Result<bool, Refused> {
        let description = action.describe(&self.present);
        let next = reduce(&self.present, action, now)?;
        if Rc::ptr_eq(&next, &self.present) {
            return Ok(false);
        }
        self.push(next, description);
        Ok(true)
    }

    /// Records `next`, which `action` made from `from` (a form checks an action by
    /// applying it before it closes): kept as is when `from` is still the present board,
    /// applied again otherwise. `Ok(false)` when it changed nothing.
    pub fn apply_made(
        &mut self,
        action: Action,
        from: &Rc<Board>,
        next: Rc<Board>,
        now: Timestamp,
    ) -> Result<bool, Refused> {
        if !Rc::ptr_eq(from, &self.present) {
            return self.apply(action, now);
        }
        if Rc::ptr_eq(&next, &self.present) {
            return Ok(false);
        }
        let description = action.describe(&self.present);
        self.push(next, description);
        Ok(true)
    }

    /// Takes `board`, which another tab saved (this tab's unsaved changes merged in),
    /// without a step of its own: undo and redo then take this tab's steps back, or make
    /// them again, around the other tab's changes. A board of another id (the other tab
    /// imported or started afresh) has none of this tab's steps in it: they are dropped.
    pub fn take(&mut self, board: Rc<Board>) {
        if board.id != self.present.id {
            self.past.clear();
            self.future.clear();
        }
        self.present = board;
    }

    fn push(&mut self, next: Rc<Board>, description: String) {
        let before = std::mem::replace(&mut self.present, next);
        self.past.push(Step {
            before,
            after: self.present.clone(),
            description,
        });
        if self.past.len() > LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Takes the last step back: `Ok(false)` when there is none, `Err` when it cannot be
    /// taken back around what another tab changed since (`Blocked`; the step stays and the
    /// board is left as it is).
    pub fn undo(&mut self) -> Result<bool, Blocked> {
        let Some(step) = self.past.last() else {
            return Ok(false);
        };
        self.present = step.undone(&self.present)?;
        self.future.extend(self.past.pop());
        Ok(true)
    }

    /// Makes the last undone step again; `Ok(false)` and `Err` as for `undo`.
    pub fn redo(&mut self) -> Result<bool, Blocked> {
        let Some(step) = self.future.last() else {
            return Ok(false);
        };
        self.present = step.redone(&self.present)?;
        self.past.extend(self.future.pop());
        Ok(true)
    }

    /// What "Undo" would undo, if anything.
    pub fn undo_description(&self) -> Option<&str> {
        self.past.last().map(|s| s.description.as_str())
    }

    /// What "Redo" would redo, if anything.
    pub fn redo_description(&self) -> Option<&str> {
        self.future.last().map(|s| s.description.as_str())
    }
}
