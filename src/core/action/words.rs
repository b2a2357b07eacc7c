//! An action in words: what it does ("Undo …" hints), what it did (the board's live
//! region, in the past tense), and where a moved card went or is now.

use super::Action;
use crate::core::model::{Board, Id, Initiative};

impl Action {
    /// What a move or a status change did, in the words the card shows, for the board's
    /// live region: where the card went (its priority and team), or its new status (and
    /// its progress, when that changed with it: Done fills it). `None`
    /// for every other change, which `describe` names.
    pub fn outcome(&self, before: &Board, after: &Board) -> Option<String> {
        match self {
            Action::MoveInitiative {
                id,
                to_priority,
                to_team,
                ..
            } => {
                let initiative = after.initiative(id)?;
                let place = place_words(after, to_priority.as_deref(), to_team);
                Some(format!("“{}” moved to {place}", initiative.title))
            }
            Action::UpdateInitiative(updated) => {
                let was = before.initiative(&updated.id)?;
                // Done fills the progress: said too, as the card now shows it.
                let filled = match was.progress == updated.progress {
                    true => String::new(),
                    false => format!(", {} % done", updated.progress),
                };
                (was.status != updated.status).then(|| {
                    let status = updated.status.label();
                    format!("“{}” is now {status}{filled}", updated.title)
                })
            }
            _ => None,
        }
    }

    /// What the action did, in words, as the board announces it once done: `describe`'s
    /// words with the verb in the past ("Deleted “Guided setup wizard”").
    pub fn done(&self, board: &Board) -> String {
        past(&self.describe(board))
    }

    /// What the action does, in words, for "Undo …" hints and announcements.
    pub fn describe(&self, board: &Board) -> String {
        let initiative = |id: &str| {
            board
                .initiative(id)
                .map(|i| i.title.clone())
                .unwrap_or_else(|| id.to_string())
        };
        match self {
            Action::ReplaceBoard(_) => "replace the board".into(),
            Action::TakeSaved(_) => "take the board saved in another tab".into(),
            Action::Merge { description, .. } => description.clone(),
            Action::UpdateSettings(_) => "edit board settings".into(),
            Action::AddPerson(p) => format!("add {}", p.name),
            Action::UpdatePerson(p) => format!("edit {}", p.name),
            Action::DeletePerson(id) => {
                format!(
                    "delete {}",
                    board.person(id).map_or(id.as_str(), |p| &p.name)
                )
            }
            Action::AddTeam(t) => format!("add team {}", t.name),
            Action::UpdateTeam(t) => format!("edit team {}", t.name),
            Action::DeleteTeam { id, .. } => {
                format!(
                    "delete team {}",
                    board.team(id).map_or(id.as_str(), |t| &t.name)
                )
            }
            Action::AddPriority(p) => format!("add priority “{}”", p.title),
            Action::UpdatePriority(p) => format!("edit priority “{}”", p.title),
            Action::DeletePriority(id) => {
                format!(
                    "delete priority “{}”",
                    board.priority(id).map_or(id.as_str(), |p| &p.title)
                )
            }
            Action::RankPriority { id, rank } => format!(
                "move “{}” to rank {rank}",
                board.priority(id).map_or(id.as_str(), |p| &p.title)
            ),
            Action::AddInitiative(i) => format!("add “{}”", i.title),
            Action::UpdateInitiative(i) => {
                match board.initiative(&i.id).and_then(|was| closed_risk(was, i)) {
                    Some(risk) => format!("close the risk “{}” on “{}”", risk, i.title),
                    None => format!("edit “{}”", i.title),
                }
            }
            Action::DeleteInitiative(id) => format!("delete “{}”", initiative(id)),
            Action::MoveInitiative { id, .. } => format!("move “{}”", initiative(id)),
            Action::CheckIn(c) => format!("check in on “{}”", initiative(&c.initiative_id)),
            Action::RecordReview(_) => "record the review".into(),
            Action::StartPeriod { period, .. } => format!("start {}", period.label),
            Action::AskDependency(d) => format!(
                "ask {} for “{}”",
                board.team(&d.to_team_id).map_or("a team", |t| &t.name),
                d.need
            ),
            Action::UpdateDependency(d) => format!("edit the request “{}”", d.need),
            Action::AnswerDependency { id, step, .. } => {
                let need = board
                    .dependencies
                    .iter()
                    .find(|d| &d.id == id)
                    .map_or(id.as_str(), |d| d.need.as_str());
                format!("{} “{need}”", step.label().to_ascii_lowercase())
            }
            Action::DeleteDependency(id) => format!(
                "delete the request “{}”",
                board
                    .dependencies
                    .iter()
                    .find(|d| &d.id == id)
                    .map_or(id.as_str(), |d| d.need.as_str())
            ),
            Action::RecordDecision { decision, .. } => format!("record “{}”", decision.title),
            Action::UpdateDecision(d) => format!("edit “{}”", d.title),
            Action::DeleteDecision(id) => format!(
                "delete “{}”",
                board
                    .decisions
                    .iter()
                    .find(|d| &d.id == id)
                    .map_or(id.as_str(), |d| d.title.as_str())
            ),
        }
    }
}

/// A column and a lane in words, as a move announces them: "#1 Cut time-to-value, Product",
/// "Local work, Data".
fn place_words(board: &Board, priority: Option<&str>, team: &str) -> String {
    let column = match priority.and_then(|p| board.priority(p)) {
        Some(priority) if priority.is_active() => format!("#{} {}", priority.rank, priority.title),
        Some(priority) => priority.title.clone(),
        None => "Local work".into(),
    };
    let team = board.team(team).map_or(team, |t| &t.name);
    format!("{column}, {team}")
}

/// What an undo or redo did to the initiative `id` that it changed, in the words a move or a
/// status change announces: where its card is now, if it moved, or its status, if that
/// changed. `None` when neither changed.
pub fn change_words(before: &Board, after: &Board, id: &str) -> Option<String> {
    let (was, now) = (before.initiative(id)?, after.initiative(id)?);
    if was.team_id != now.team_id || was.priority_ids != now.priority_ids {
        // The priority it came to, else (moved to another team only) its first.
        let priority = now
            .priority_ids
            .iter()
            .find(|p| !was.priority_ids.contains(p))
            .or(now.priority_ids.first());
        let place = place_words(after, priority.map(Id::as_str), &now.team_id);
        Some(format!("“{}” is now in {place}", now.title))
    } else {
        (was.status != now.status).then(|| format!("“{}” is now {}", now.title, now.status.label()))
    }
}

/// The text of the one risk an edit closes, when closing it is all the edit does (the
/// Close of the open risks' list): named as such rather than as an edit of the initiative.
fn closed_risk<'a>(was: &Initiative, updated: &'a Initiative) -> Option<&'a str> {
    let mut closed = updated.risks.iter().filter(|risk| {
        !risk.open
            && was
                .risks
                .iter()
                .any(|before| before.id == risk.id && before.open)
    });
    let risk = closed.next().filter(|_| closed.next().is_none())?;
    let mut expected = was.clone();
    for before in &mut expected.risks {
        if before.id == risk.id {
            before.open = false;
        }
    }
    expected.updated_at = updated.updated_at;
    (expected == *updated).then_some(risk.text.as_str())
}

/// A description of `Action::describe` with its verb in the past: "add team Data" becomes
/// "Added team Data" ("mark delivered “X”", "Marked “X” delivered"). A description that
/// starts with no known verb keeps its words, capitalised.
pub fn past(description: &str) -> String {
    if let Some(need) = description.strip_prefix("mark delivered ") {
        return format!("Marked {need} delivered");
    }
    const VERBS: [(&str, &str); 15] = [
        ("add ", "Added "),
        ("close ", "Closed "),
        ("edit ", "Edited "),
        ("delete ", "Deleted "),
        ("move ", "Moved "),
        ("check in on ", "Checked in on "),
        ("record ", "Recorded "),
        ("start ", "Started "),
        ("ask ", "Asked "),
        ("replace ", "Replaced "),
        ("take ", "Took "),
        ("merge ", "Merged "),
        ("accept ", "Accepted "),
        ("decline ", "Declined "),
        ("reopen ", "Reopened "),
    ];
    VERBS
        .iter()
        .find_map(|(verb, done)| {
            description
                .strip_prefix(verb)
                .map(|rest| format!("{done}{rest}"))
        })
        .unwrap_or_else(|| {
            let mut words = description.to_string();
            if let Some(first) = words.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            words
        })
}
