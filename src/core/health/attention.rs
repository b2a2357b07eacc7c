//! Why a card needs attention: work its team reports off track, unfinished work past its
//! due date, and the board-wide findings about it and the requests it made.

use super::*;
use std::collections::HashMap;

impl Analysis {
    /// Why each initiative needs attention: active work its team reports off track, and
    /// active work past its due date (in the person's days), then the board-wide findings:
    /// its own, and those about the dependencies it asked for. Keyed by initiative id.
    pub fn attention(&self, board: &Board) -> HashMap<Id, Vec<String>> {
        let mut reasons: HashMap<Id, Vec<String>> = HashMap::new();
        let today = self.now.today();
        for initiative in board.initiatives.iter() {
            let mut says = |reason: String| {
                reasons
                    .entry(initiative.id.clone())
                    .or_default()
                    .push(reason)
            };
            if initiative.status == Status::OffTrack {
                says("Off track: reported by its team".to_string());
            }
            let late = initiative.due.filter(|due| *due < today);
            if let (true, Some(due)) = (initiative.status.is_active(), late) {
                says(format!(
                    "Overdue: due {}",
                    crate::core::days::relative(due, today)
                ));
            }
        }
        for part in &self.board.parts {
            for finding in &part.findings {
                let initiative = match &finding.subject {
                    Subject::Initiative(id) => Some(id.clone()),
                    Subject::Dependency(id) => board
                        .dependencies
                        .iter()
                        .find(|d| &d.id == id)
                        .map(|d| d.from_initiative_id.clone()),
                    _ => None,
                };
                if let Some(id) = initiative {
                    reasons.entry(id).or_default().push(format!(
                        "{}: {}",
                        part.kind.label(),
                        finding.reason
                    ));
                }
            }
        }
        reasons
    }
}

/// The few words a card shows for one of its reasons (written `Part: reason`): the reason's
/// own name for work off track or overdue, the part's words about the work otherwise
/// ("Accountability: No owner" → "No owner"). The whole reason is the card's to tell too.
pub fn flag_words(reason: &str) -> &str {
    let part = reason.split(": ").next().unwrap_or(reason);
    PartKind::ALL
        .into_iter()
        .find(|kind| kind.label() == part)
        .map_or(part, |kind| kind.on_card())
}
