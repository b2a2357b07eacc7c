//! How the health analysis is named on screen, wherever a score or a finding shows.

use crate::core::health::Subject;
use crate::core::model::Board;

/// A CSS class for a score's band: good (80+), fair (60–79), poor (below 60).
pub fn band(score: Option<u8>) -> &'static str {
    match score {
        None => "ab-band--none",
        Some(80..) => "ab-band--good",
        Some(60..=79) => "ab-band--fair",
        Some(_) => "ab-band--poor",
    }
}

/// What a subject is and what it is called.
pub fn subject_name(board: &Board, subject: &Subject) -> (&'static str, String) {
    match subject {
        Subject::Initiative(id) => (
            "initiative",
            board.initiative(id).map_or(id.clone(), |i| i.title.clone()),
        ),
        Subject::Priority(id) => (
            "priority",
            board.priority(id).map_or(id.clone(), |p| p.title.clone()),
        ),
        Subject::Team(id) => (
            "team",
            board.team(id).map_or(id.clone(), |t| t.name.clone()),
        ),
        Subject::Person(id) => (
            "person",
            board.person(id).map_or(id.clone(), |p| p.name.clone()),
        ),
        Subject::Dependency(id) => (
            "dependency",
            board
                .dependencies
                .iter()
                .find(|d| &d.id == id)
                .map_or(id.clone(), |d| d.need.clone()),
        ),
        Subject::Board => ("board", "Review rhythm".into()),
    }
}
