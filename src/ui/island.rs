//! Islands: parts of the board's page that another wasm module renders. The first download
//! holds the board itself; the health, allocation, rhythm and coordination views, their
//! dialogs and an initiative's history come from the views module when one is first opened
//! (the cargo feature `views-module`; the feature `views` renders them in place instead).
//!
//! The two modules share no memory, so what crosses is text: the board goes to the views
//! module as a snapshot, and what the views do comes back as a changed board with its
//! description (recorded as one undo step), a dialog to open, something to reveal on the
//! board, or a message. This module holds both sides of that conversation.
#![cfg_attr(
    all(feature = "views", not(feature = "views-module")),
    allow(dead_code)
)]

use super::forms::DialogKind;
use crate::core::coordination::Step;
use crate::core::health::Subject;

#[cfg(not(feature = "views"))]
mod client;
#[cfg(not(feature = "views"))]
pub use client::{form_part, Island};
#[cfg(feature = "views-module")]
mod server;

/// Separates the fields of a key; no id or name of the board holds it.
const SEP: char = '\u{1f}';

fn join(parts: &[&str]) -> String {
    parts.join(&SEP.to_string())
}

fn optional(id: &str) -> Option<String> {
    (!id.is_empty()).then(|| id.to_string())
}

impl DialogKind {
    /// The dialog as text for the other module; `None` for the dialogs that carry a file
    /// or a link, which only the board opens.
    pub fn key(&self) -> Option<String> {
        let id = |id: &Option<String>| id.clone().unwrap_or_default();
        Some(match self {
            DialogKind::Initiative {
                id: i,
                team,
                priority,
            } => join(&["initiative", &id(i), &id(team), &id(priority)]),
            DialogKind::Priority(i) => join(&["priority", &id(i)]),
            DialogKind::Team(i) => join(&["team", &id(i)]),
            DialogKind::People => "people".into(),
            DialogKind::Person(i) => join(&["person", &id(i)]),
            DialogKind::Settings => "settings".into(),
            DialogKind::CheckIn(i) => join(&["check-in", i]),
            DialogKind::Ask(i) => join(&["ask", i]),
            DialogKind::Answer { id, step } => join(&["answer", id, step.key()]),
            DialogKind::Decision => "decision".into(),
            DialogKind::NewPeriod => "new-period".into(),
            DialogKind::ConfirmImport { .. }
            | DialogKind::ImportFailed { .. }
            | DialogKind::Share(_) => return None,
        })
    }

    pub fn from_key(key: &str) -> Option<DialogKind> {
        let mut parts = key.split(SEP);
        let kind = parts.next()?;
        let mut next = || parts.next().unwrap_or_default();
        Some(match kind {
            "initiative" => DialogKind::Initiative {
                id: optional(next()),
                team: optional(next()),
                priority: optional(next()),
            },
            "priority" => DialogKind::Priority(optional(next())),
            "team" => DialogKind::Team(optional(next())),
            "people" => DialogKind::People,
            "person" => DialogKind::Person(optional(next())),
            "settings" => DialogKind::Settings,
            "check-in" => DialogKind::CheckIn(optional(next())?),
            "ask" => DialogKind::Ask(optional(next())?),
            "answer" => {
                let id = optional(next())?;
                let step = next();
                let step = Step::ALL.into_iter().find(|s| s.key() == step)?;
                DialogKind::Answer { id, step }
            }
            "decision" => DialogKind::Decision,
            "new-period" => DialogKind::NewPeriod,
            _ => return None,
        })
    }
}

/// A subject of the health analysis as text for the other module.
pub fn subject_key(subject: &Subject) -> String {
    match subject {
        Subject::Initiative(id) => join(&["initiative", id]),
        Subject::Priority(id) => join(&["priority", id]),
        Subject::Team(id) => join(&["team", id]),
        Subject::Person(id) => join(&["person", id]),
        Subject::Dependency(id) => join(&["dependency", id]),
        Subject::Board => "board".into(),
    }
}

pub fn subject_from_key(key: &str) -> Option<Subject> {
    let (kind, id) = key.split_once(SEP).unwrap_or((key, ""));
    let id = id.to_string();
    Some(match kind {
        "initiative" => Subject::Initiative(id),
        "priority" => Subject::Priority(id),
        "team" => Subject::Team(id),
        "person" => Subject::Person(id),
        "dependency" => Subject::Dependency(id),
        "board" => Subject::Board,
        _ => return None,
    })
}
