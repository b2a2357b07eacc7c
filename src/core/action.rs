//! Every change to a board is an `Action`, applied by `reduce`. Undo, the UI, tests and
//! the JavaScript API all go through this one door, so the invariants are kept in one
//! place: a change that would break one is refused with the reason, and the board stays
//! as it was. A change that changes nothing returns the same `Rc`, so views skip a render.

use super::coordination::{transition, Step};
use super::list::{Identified, ItemMut, List};
use super::model::{
    Board, CheckIn, Decision, DecisionKind, Dependency, DependencyState, Id, Initiative, Period,
    Person, Priority, PriorityStatus, Review, Rhythm, Status, Team,
};
use super::snapshot::quoted;
use super::time::{Date, Timestamp};
use super::validate;
use std::fmt;
use std::rc::Rc;

mod steps;
mod words;
use steps::{asks_another_team, delete_initiative, find, lead_joins, remove, renumber};
pub use words::{change_words, past};

/// The board's title, purpose, period and rhythm, edited together in one form.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub title: String,
    pub purpose: String,
    pub period: Period,
    pub rhythm: Rhythm,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Replace the whole board (start from the example or blank, import a snapshot).
    ReplaceBoard(Rc<Board>),
    /// Take the board another tab saved under the same key (merged with this tab's
    /// unsaved changes where it had any), once checked. It is taken as it is, the same
    /// `Rc`, so that the saver recognises it as what the store already holds and writes
    /// nothing back: an echo would wake the other tab in turn.
    TakeSaved(Rc<Board>),
    /// Take the board a merge of snapshot files made (`combine::apply`), once checked;
    /// `description` says what came from which file.
    Merge {
        board: Rc<Board>,
        description: String,
    },
    UpdateSettings(Settings),
    AddPerson(Person),
    UpdatePerson(Person),
    /// Removes the person; whatever they owned or led is left without an owner.
    DeletePerson(Id),
    AddTeam(Team),
    UpdateTeam(Team),
    /// Removes the team; its initiatives move to `move_initiatives_to`, or are deleted with
    /// their check-ins and dependencies when it is `None`.
    DeleteTeam {
        id: Id,
        move_initiatives_to: Option<Id>,
    },
    /// Adds a priority at its rank, moving lower-ranked ones down.
    AddPriority(Priority),
    UpdatePriority(Priority),
    /// Removes the priority; initiatives stop serving it (those that served only it become
    /// local work) and decisions stop naming it.
    DeletePriority(Id),
    /// Moves an active priority to `rank` (1 = most important), shifting the others.
    RankPriority {
        id: Id,
        rank: u32,
    },
    AddInitiative(Initiative),
    UpdateInitiative(Initiative),
    /// Removes the initiative with its check-ins and the dependencies it asked for.
    DeleteInitiative(Id),
    /// Moves a card between cells: from the column of `from_priority` (`None`: local work)
    /// to that of `to_priority`, and into the lane of `to_team`.
    MoveInitiative {
        id: Id,
        from_priority: Option<Id>,
        to_priority: Option<Id>,
        to_team: Id,
    },
    /// Records a check-in and sets the initiative's status, progress and confidence to
    /// what it says; a check-in of the same id and initiative is replaced.
    CheckIn(CheckIn),
    /// Records a completed check-in round, review or planning session.
    RecordReview(Review),
    /// Starts a new period. `priorities` gives each active priority its status from now
    /// on (`Active` carries it over); active initiatives not in `carry_initiatives` are
    /// marked dropped. Nothing is deleted: check-ins, decisions and reviews stay as history.
    StartPeriod {
        period: Period,
        priorities: Vec<(Id, PriorityStatus)>,
        carry_initiatives: Vec<Id>,
        /// Carried initiatives due before the period starts are due on this date from now on
        /// (the form offers the period's end), so the new period does not open with them
        /// overdue; `None` leaves every due date as it is.
        carried_due: Option<Date>,
        /// The planning session that started it, recorded with the score at that moment.
        review: Review,
    },
    /// One team's initiative asks another team for something; it starts `requested`.
    AskDependency(Dependency),
    /// Changes what is asked or by when, and, while unanswered, of which team (not who asks,
    /// nor its state: that moves by `AnswerDependency`).
    UpdateDependency(Dependency),
    /// A step of the handshake, with what the providing team says.
    AnswerDependency {
        id: Id,
        step: Step,
        note: String,
        /// Accepting, or reopening a delivery: the date the providing team can deliver by,
        /// when it is not the date asked for (`None`: as asked).
        promised: Option<Date>,
    },
    DeleteDependency(Id),
    /// Records a decision; a `stop` decision can drop the initiatives it stops in the same
    /// step (`drop_initiatives`), so undo takes both back together.
    RecordDecision {
        decision: Decision,
        drop_initiatives: Vec<Id>,
    },
    UpdateDecision(Decision),
    DeleteDecision(Id),
}

/// Why an action was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub String);

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Applies `action` at time `now`. Returns the same `Rc` when nothing changed.
pub fn reduce(board: &Rc<Board>, action: Action, now: Timestamp) -> Result<Rc<Board>, Refused> {
    let mut next = (**board).clone();
    // Set where the change is known to have made the board another, so the whole board need
    // not be compared with the one before (a big board's 2,000 initiatives, on every status
    // change and move).
    let mut changed = false;
    match action {
        Action::ReplaceBoard(replacement) => {
            return check(replacement).map(|b| if b == *board { board.clone() } else { b })
        }
        Action::TakeSaved(saved) => return check(saved),
        Action::Merge { board: merged, .. } => {
            if merged.id != board.id {
                return Err(Refused("a merge keeps the board's id".into()));
            }
            if *merged == **board {
                return Ok(board.clone());
            }
            // The board before was sound: only the lists the merge changed need checking.
            return match validate::problems_since(board, &merged).into_iter().next() {
                None => Ok(merged),
                Some(problem) => Err(Refused(problem.to_string())),
            };
        }
        Action::UpdateSettings(settings) => {
            next.title = settings.title;
            next.purpose = settings.purpose;
            // When the period was started is the board's record, not a setting.
            let started_at = next.period.started_at;
            next.period = Period {
                started_at,
                ..settings.period
            };
            next.rhythm = settings.rhythm;
        }
        Action::AddPerson(person) => next.people.push(person),
        Action::UpdatePerson(person) => {
            let id = person.id.clone();
            *find(&mut next.people, &id)? = person;
        }
        Action::DeletePerson(id) => {
            remove(&mut next.people, &id)?;
            let theirs = |owner: &Option<Id>| owner.as_deref() == Some(id.as_str());
            (next.teams).update_where(|t| theirs(&t.lead_id), |t| t.lead_id = None);
            (next.priorities).update_where(|p| theirs(&p.owner_id), |p| p.owner_id = None);
            (next.initiatives).update_where(|i| theirs(&i.owner_id), |i| i.owner_id = None);
            (next.check_ins).update_where(|c| theirs(&c.author_id), |c| c.author_id = None);
            (next.decisions).update_where(|d| theirs(&d.owner_id), |d| d.owner_id = None);
        }
        Action::AddTeam(team) => {
            lead_joins(&mut next, &team);
            next.teams.push(team);
        }
        Action::UpdateTeam(team) => {
            let id = team.id.clone();
            let was = find(&mut next.teams, &id)?.lead_id.clone();
            // Only a lead newly chosen: one kept in no team on purpose stays there.
            if was != team.lead_id {
                lead_joins(&mut next, &team);
            }
            *find(&mut next.teams, &id)? = team;
        }
        Action::DeleteTeam {
            id,
            move_initiatives_to,
        } => {
            remove(&mut next.teams, &id)?;
            let period = next.period.clone();
            match move_initiatives_to {
                Some(to) => next.initiatives.update_where(
                    |i| i.team_id == id,
                    |initiative| {
                        initiative.team_id = to.clone();
                        period.restamp(initiative, now);
                    },
                ),
                None => {
                    let doomed: Vec<Id> = next
                        .initiatives
                        .iter()
                        .filter(|i| i.team_id == id)
                        .map(|i| i.id.clone())
                        .collect();
                    doomed.iter().for_each(|i| delete_initiative(&mut next, i));
                }
            }
            next.people.update_where(
                |p| p.team_id.as_deref() == Some(&id),
                |person| person.team_id = None,
            );
            next.dependencies.retain(|d| d.to_team_id != id);
            next.decisions.update_where(
                |d| d.team_ids.contains(&id),
                |d| d.team_ids.retain(|t| *t != id),
            );
            // Its check-in rounds stay in the history, as rounds of no team now.
            next.reviews
                .update_where(|r| r.team_id.as_ref() == Some(&id), |r| r.team_id = None);
        }
        Action::AddPriority(mut priority) => {
            priority.created_at = now;
            let anchor = priority.id.clone();
            next.priorities.push(priority);
            renumber(&mut next, Some(&anchor));
        }
        Action::UpdatePriority(priority) => {
            let anchor = priority.id.clone();
            let mut slot = find(&mut next.priorities, &priority.id)?;
            *slot = Priority {
                created_at: slot.created_at,
                ..priority
            };
            drop(slot);
            renumber(&mut next, Some(&anchor));
        }
        Action::DeletePriority(id) => {
            remove(&mut next.priorities, &id)?;
            let period = next.period.clone();
            next.initiatives.update_where(
                |i| i.priority_ids.contains(&id),
                |initiative| {
                    initiative.priority_ids.retain(|p| *p != id);
                    period.restamp(initiative, now);
                },
            );
            next.decisions.update_where(
                |d| d.priority_ids.contains(&id),
                |d| d.priority_ids.retain(|p| *p != id),
            );
            renumber(&mut next, None);
        }
        Action::RankPriority { id, rank } => {
            let mut priority = find(&mut next.priorities, &id)?;
            if !priority.is_active() {
                return Err(Refused(format!(
                    "“{}” is not active, so it has no rank",
                    priority.title
                )));
            }
            priority.rank = rank.max(1);
            drop(priority);
            renumber(&mut next, Some(&id));
        }
        Action::AddInitiative(mut initiative) => {
            initiative.created_at = now;
            initiative.updated_at = now;
            next.initiatives.push(initiative);
        }
        Action::UpdateInitiative(initiative) => {
            let mut slot = find(&mut next.initiatives, &initiative.id)?;
            if *slot == initiative {
                return Ok(board.clone());
            }
            let updated = Initiative {
                created_at: slot.created_at,
                updated_at: now,
                ..initiative
            };
            // It differed only in its times, which are the board's to keep.
            if *slot == updated {
                return Ok(board.clone());
            }
            *slot = updated;
            changed = true;
        }
        Action::DeleteInitiative(id) => {
            find(&mut next.initiatives, &id)?;
            delete_initiative(&mut next, &id);
        }
        Action::MoveInitiative {
            id,
            from_priority,
            to_priority,
            to_team,
        } => {
            let mut initiative = find(&mut next.initiatives, &id)?;
            let mut links = initiative.priority_ids.clone();
            match (&from_priority, &to_priority) {
                (_, None) => links.clear(),
                (Some(from), Some(to)) => {
                    if let Some(slot) = links.iter_mut().find(|p| *p == from) {
                        slot.clone_from(to);
                    } else if !links.contains(to) {
                        links.push(to.clone());
                    }
                    let mut seen = Vec::with_capacity(links.len());
                    links.retain(|p| {
                        !seen.contains(p) && {
                            seen.push(p.clone());
                            true
                        }
                    });
                }
                (None, Some(to)) => {
                    if !links.contains(to) {
                        links.push(to.clone());
                    }
                }
            }
            if links == initiative.priority_ids && initiative.team_id == to_team {
                return Ok(board.clone());
            }
            initiative.priority_ids = links;
            initiative.team_id = to_team;
            initiative.updated_at = now;
            changed = true;
        }
        Action::CheckIn(check_in) => {
            let mut initiative = find(&mut next.initiatives, &check_in.initiative_id)?;
            initiative.status = check_in.status;
            initiative.progress = check_in.progress;
            initiative.confidence = check_in.confidence;
            initiative.updated_at = now;
            // One with the id of a check-in already made replaces it: a guided review's step
            // saved again corrects what it said, rather than saying it twice.
            let made =
                |c: &CheckIn| c.id == check_in.id && c.initiative_id == check_in.initiative_id;
            match next.check_ins.iter().position(made) {
                Some(at) => *next.check_ins.at_mut(at) = check_in,
                None => next.check_ins.push(check_in),
            }
        }
        Action::RecordReview(review) => next.reviews.push(review),
        Action::StartPeriod {
            period,
            priorities,
            carry_initiatives,
            carried_due,
            review,
        } => {
            for (id, status) in priorities {
                let mut priority = find(&mut next.priorities, &id)?;
                if priority.is_active() {
                    priority.status = status;
                }
            }
            next.initiatives.update_where(
                |i| i.status.is_active() && !carry_initiatives.contains(&i.id),
                |initiative| {
                    initiative.status = Status::Dropped;
                    initiative.updated_at = now;
                },
            );
            if let (Some(due), Some(start)) = (carried_due, period.start) {
                next.initiatives.update_where(
                    |i| {
                        i.status.is_active()
                            && i.due.is_some_and(|was| was < start)
                            && carry_initiatives.contains(&i.id)
                    },
                    |initiative| {
                        initiative.due = Some(due);
                        initiative.updated_at = now;
                    },
                );
            }
            next.period = Period {
                started_at: Some(now),
                ..period
            };
            next.reviews.push(review);
            renumber(&mut next, None);
        }
        Action::AskDependency(dependency) => {
            if dependency.state != DependencyState::Requested
                || dependency.answered_at.is_some()
                || dependency.delivered_at.is_some()
            {
                return Err(Refused("a new request starts unanswered".into()));
            }
            asks_another_team(
                &mut next,
                &dependency.from_initiative_id,
                &dependency.to_team_id,
            )?;
            next.dependencies.push(dependency);
        }
        Action::UpdateDependency(dependency) => {
            let was = find(&mut next.dependencies, &dependency.id)?.clone();
            // Asked of another team, the request starts again there: unanswered since now,
            // naming none of the first team's work.
            let (requested_at, to_initiative_id) = if dependency.to_team_id == was.to_team_id {
                (was.requested_at, dependency.to_initiative_id)
            } else {
                if was.state != DependencyState::Requested {
                    return Err(Refused(
                        "the request was answered by the team it asked: to ask another team, delete it and ask anew".into(),
                    ));
                }
                asks_another_team(&mut next, &was.from_initiative_id, &dependency.to_team_id)?;
                (now, None)
            };
            // Who asks, and where the handshake stands, stay: answers move the state.
            let id = dependency.id.clone();
            *find(&mut next.dependencies, &id)? = Dependency {
                from_initiative_id: was.from_initiative_id,
                to_initiative_id,
                state: was.state,
                requested_at,
                answered_at: was.answered_at,
                answer_note: was.answer_note,
                delivered_at: was.delivered_at,
                ..dependency
            };
        }
        Action::AnswerDependency {
            id,
            step,
            note,
            promised,
        } => {
            let mut dependency = find(&mut next.dependencies, &id)?;
            dependency.state = transition(dependency.state, step).map_err(Refused)?;
            match step {
                Step::Accept | Step::Decline => {
                    dependency.answered_at = Some(now);
                    dependency.answer_note = note;
                    if step == Step::Accept {
                        dependency.promised = promised.filter(|p| Some(*p) != dependency.due);
                    }
                }
                // Asking again clears the old answer and promise: the request is asked
                // anew, unanswered since now (a stamp a slice sent back is judged by).
                Step::Reopen if dependency.state == DependencyState::Requested => {
                    dependency.requested_at = now;
                    dependency.answered_at = None;
                    dependency.delivered_at = None;
                    dependency.answer_note.clear();
                    dependency.promised = None;
                }
                // Reopening a delivery that fell short keeps the answer, unless it says what
                // is still missing, and takes the date it can now deliver by.
                // It is answered again, now: the stamp moves on as the delivery goes.
                Step::Reopen => {
                    dependency.answered_at = Some(now);
                    dependency.delivered_at = None;
                    if !note.is_empty() {
                        dependency.answer_note = note;
                    }
                    dependency.promised = promised.filter(|p| Some(*p) != dependency.due);
                }
                Step::Deliver => dependency.delivered_at = Some(now),
            }
        }
        Action::DeleteDependency(id) => {
            remove(&mut next.dependencies, &id)?;
        }
        Action::RecordDecision {
            mut decision,
            drop_initiatives,
        } => {
            // The decision keeps the work it stopped: what was still active.
            decision.initiative_ids.clear();
            for id in &drop_initiatives {
                let mut initiative = find(&mut next.initiatives, id)?;
                if initiative.status.is_active() {
                    initiative.status = Status::Dropped;
                    initiative.updated_at = now;
                    decision.initiative_ids.push(id.clone());
                }
            }
            next.decisions.push(decision);
        }
        Action::UpdateDecision(mut decision) => {
            let id = decision.id.clone();
            let mut slot = find(&mut next.decisions, &id)?;
            // What a stop stopped is its record, not the edit's: kept as the board holds
            // it (work deleted since has left it), and dropped with the kind, should the
            // decision turn out not to be a stop.
            decision.initiative_ids = match decision.kind {
                DecisionKind::Stop => slot.initiative_ids.clone(),
                _ => Vec::new(),
            };
            *slot = decision;
        }
        Action::DeleteDecision(id) => {
            remove(&mut next.decisions, &id)?;
        }
    }
    if !changed && next == **board {
        return Ok(board.clone());
    }
    // The board before was sound: only what the change touched needs checking.
    match validate::problems_since(board, &next).into_iter().next() {
        None => Ok(Rc::new(next)),
        Some(problem) => Err(Refused(problem.to_string())),
    }
}

fn check(board: Rc<Board>) -> Result<Rc<Board>, Refused> {
    match validate::problems(&board).into_iter().next() {
        None => Ok(board),
        Some(problem) => Err(Refused(problem.to_string())),
    }
}
