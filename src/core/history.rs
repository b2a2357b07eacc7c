//! Undo and redo over whole boards. Each step keeps the board as it was before a change;
//! boards are shared `Rc`s, so a step costs one board, and the limit keeps memory bounded
//! on long sessions. Pure: `now` comes from the caller.

use super::action::{reduce, Action, Refused};
use super::model::Board;
use super::time::Timestamp;
use std::rc::Rc;

/// How many steps can be undone.
pub const LIMIT: usize = 100;

#[derive(Clone, Debug, PartialEq)]
struct Step {
    board: Rc<Board>,
    /// What the change that left this state did ("move “Guided setup”").
    description: String,
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

    fn push(&mut self, next: Rc<Board>, description: String) {
        let previous = std::mem::replace(&mut self.present, next);
        self.past.push(Step {
            board: previous,
            description,
        });
        if self.past.len() > LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    pub fn undo(&mut self) -> bool {
        let Some(step) = self.past.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.present, step.board);
        self.future.push(Step {
            board: current,
            description: step.description,
        });
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(step) = self.future.pop() else {
            return false;
        };
        let current = std::mem::replace(&mut self.present, step.board);
        self.past.push(Step {
            board: current,
            description: step.description,
        });
        true
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
