//! The parts of the alignment score about how the work is delivered (accountability,
//! capacity, rhythm, dependencies, honest status), one function each, with the formula it
//! implements in its doc comment (and in `docs/health.md`). The parts about what the work
//! serves are in `parts.rs`.

use super::*;

/// Accountability = 1 − problems ÷ items, where the items are the active priorities
/// (board-wide only) and active initiatives in scope, and the problems are each item
/// without an owner plus, for each owner of in-scope work carrying more than
/// `OWNER_LOAD_LIMIT` active initiatives board-wide, the initiatives over the limit.
pub(super) fn accountability(facts: &Facts, scope: Scope) -> Part {
    let kind = PartKind::Accountability;
    let active = facts.active(scope);
    let priorities: Vec<&Priority> = match scope {
        Scope::Board => facts.ranked.clone(),
        Scope::Team(_) => Vec::new(),
    };
    let items = active.len() + priorities.len();
    if items == 0 {
        return not_applicable(kind, "No active priorities or initiatives.");
    }
    let mut findings = Vec::new();
    for (position, priority) in priorities.iter().enumerate() {
        if priority.owner_id.is_none() {
            findings.push(Finding {
                subject: Subject::Priority(priority.id.clone()),
                reason: format!("Rank {}: priority without an owner", position + 1),
            });
        }
    }
    for initiative in &active {
        if initiative.owner_id.is_none() {
            findings.push(Finding {
                subject: Subject::Initiative(initiative.id.clone()),
                reason: "No owner".into(),
            });
        }
    }
    let unowned = findings.len();
    let mut overloaded: Vec<(&str, usize)> = Vec::new();
    for initiative in &active {
        let Some(owner) = initiative.owner_id.as_deref() else {
            continue;
        };
        let load = facts
            .person_index
            .get(owner)
            .map_or(0, |&at| facts.owner_load[at]);
        if load > OWNER_LOAD_LIMIT && !overloaded.iter().any(|(id, _)| *id == owner) {
            overloaded.push((owner, load));
        }
    }
    // The most loaded first; equally loaded owners by id.
    // Sorts are stable: by id first, then by load keeps equal loads in id order.
    overloaded.sort_by_cached_key(|&(owner, _)| owner);
    overloaded.sort_by_cached_key(|&(_, load)| -(load as i64));
    let excess: usize = overloaded
        .iter()
        .map(|(_, load)| load - OWNER_LOAD_LIMIT)
        .sum();
    for (owner, load) in &overloaded {
        findings.push(Finding {
            subject: Subject::Person((*owner).to_string()),
            reason: format!(
                "{} owns {load} active initiatives (more than {OWNER_LOAD_LIMIT})",
                facts.person_name(owner)
            ),
        });
    }
    let problems = (unowned + excess).min(items);
    Part {
        kind,
        score: Some(percent(1.0 - problems as f64 / items as f64)),
        summary: format!(
            "{unowned} of {} {} no owner; {} more than {OWNER_LOAD_LIMIT} active initiatives.",
            plural(
                items,
                "active priority or initiative",
                "active priorities and initiatives"
            ),
            verb(unowned, "has", "have"),
            match overloaded.len() {
                0 => "nobody owns".to_string(),
                1 => "1 person owns".to_string(),
                n => format!("{n} people own"),
            }
        ),
        findings,
    }
}

/// Capacity: each team scores 100 while its active effort adds up to 100 % or less, and
/// loses a point per percent above (200 % or more scores 0). The board's figure is the
/// mean over its teams.
pub(super) fn capacity(facts: &Facts, scope: Scope) -> Part {
    let kind = PartKind::Capacity;
    let teams: Vec<&Id> = match scope {
        Scope::Board => facts.board.teams.iter().map(|t| &t.id).collect(),
        Scope::Team(_) => facts
            .board
            .teams
            .iter()
            .map(|t| &t.id)
            .filter(|id| scope.holds_team(id))
            .collect(),
    };
    if teams.is_empty() {
        return not_applicable(kind, "No teams.");
    }
    let mut total = 0.0;
    let mut over: Vec<(u32, Finding)> = Vec::new();
    for team in &teams {
        let load = facts.team_effort(team);
        total += (200.0 - f64::from(load)).clamp(0.0, 100.0);
        if load > 100 {
            over.push((
                load,
                Finding {
                    subject: Subject::Team((*team).clone()),
                    reason: format!(
                        "{} has committed {load} % of its capacity",
                        facts.team_name(team)
                    ),
                },
            ));
        }
    }
    over.sort_by_cached_key(|o| -i64::from(o.0));
    let summary = match scope {
        Scope::Board => format!(
            "{} of {} {} over capacity.",
            over.len(),
            plural(teams.len(), "team", "teams"),
            if over.len() == 1 { "is" } else { "are" }
        ),
        Scope::Team(team) => format!("{} % of capacity committed.", facts.team_effort(team)),
    };
    Part {
        kind,
        score: Some(percent(total / teams.len() as f64 / 100.0)),
        summary,
        findings: over.into_iter().map(|(_, f)| f).collect(),
    }
}

impl Scope<'_> {
    fn holds_team(self, id: &str) -> bool {
        match self {
            Scope::Board => true,
            Scope::Team(team) => team == id,
        }
    }
}

/// Rhythm = 0.8 × check-in freshness + 0.2 × review punctuality (board-wide; a team's
/// rhythm is its freshness alone). Freshness = 1 − late ÷ active initiatives, where an
/// initiative is late when more than `checkInDays` of the person's calendar days have passed
/// since the day of its latest check-in (or, with none, since it was created, or since the
/// period started when it was added before that: `rhythm::waiting`). Punctuality = 1 − days late ÷
/// `reviewDays`, where the days late are those past `reviewDays` since the latest review
/// or planning session (or, with none, since the period started or the board's first
/// initiative was added, whichever is later: a board started in the middle of a period is
/// not late from its first day).
pub(super) fn rhythm(facts: &Facts, scope: Scope) -> Part {
    let kind = PartKind::Rhythm;
    let every = i64::from(facts.board.rhythm.check_in_days);
    let mut active = facts.active(scope);
    // A team's slice holds other teams' work without its check-ins: not late, not here.
    if facts.board.slice.is_some() {
        active.retain(|i| facts.board.holds_whole(&i.team_id));
    }
    let mut late: Vec<(i64, Finding)> = Vec::new();
    for initiative in &active {
        let latest = facts
            .initiative_index
            .get(initiative.id.as_str())
            .and_then(|&at| facts.last_check_in[at]);
        let (days, from) =
            crate::core::rhythm::waiting(facts.board, initiative.created_at, latest, facts.now);
        if days > every {
            use crate::core::rhythm::CountedFrom;
            let reason = match from {
                CountedFrom::CheckIn => {
                    format!("Last check-in {days} days ago (due every {every})")
                }
                CountedFrom::Added => {
                    format!("No check-in since it was created {days} days ago (due every {every})")
                }
                CountedFrom::PeriodStart => format!(
                    "No check-in since the period started {days} days ago (due every {every})"
                ),
            };
            late.push((
                days,
                Finding {
                    subject: Subject::Initiative(initiative.id.clone()),
                    reason,
                },
            ));
        }
    }
    late.sort_by_cached_key(|l| -l.0);
    let freshness = (!active.is_empty()).then(|| 1.0 - late.len() as f64 / active.len() as f64);

    let mut findings: Vec<Finding> = Vec::new();
    let review = match scope {
        Scope::Team(_) => None,
        Scope::Board => review_punctuality(facts),
    };
    let mut summary = match freshness {
        Some(_) => format!(
            "{} of {} {} late for a check-in",
            late.len(),
            plural(active.len(), "active initiative", "active initiatives"),
            verb(late.len(), "is", "are")
        ),
        None => match scope {
            Scope::Team(team) if !facts.board.holds_whole(team) => {
                "Its check-ins are kept on the whole board".to_string()
            }
            _ => "No active initiatives to check in".to_string(),
        },
    };
    let mut punctuality = None;
    if let Some((ratio, finding, phrase)) = review {
        summary.push_str(&format!("; {phrase}"));
        findings.extend(finding);
        punctuality = Some(ratio);
    }
    summary.push('.');
    findings.extend(late.into_iter().map(|(_, f)| f));
    let score = match (freshness, punctuality) {
        (Some(f), Some(p)) => Some(percent(0.8 * f + 0.2 * p)),
        (Some(f), None) => Some(percent(f)),
        (None, Some(p)) => Some(percent(p)),
        (None, None) => None,
    };
    Part {
        kind,
        score,
        summary,
        findings,
    }
}

/// How punctual the review rhythm is (0–1), the finding when it is late, and a phrase for
/// the summary; `None` when there is neither a review nor a started period with work in it
/// to measure from.
fn review_punctuality(facts: &Facts) -> Option<(f64, Option<Finding>, String)> {
    let every = i64::from(facts.board.rhythm.review_days.max(1));
    let last_review = facts
        .board
        .reviews
        .iter()
        .filter(|r| matches!(r.kind, ReviewKind::Review | ReviewKind::Planning))
        .map(|r| r.at)
        .max();
    // A team's slice holds no reviews: they are the whole board's, counted there.
    if facts.board.slice.is_some() && last_review.is_none() {
        return None;
    }
    let first_work = facts.board.initiatives.iter().map(|i| i.created_at).min();
    let (since, from) = match (last_review, facts.board.period.start, first_work) {
        (Some(at), _, _) => (at, "last review"),
        (None, Some(start), Some(first)) if start <= facts.today => {
            let start = facts.now.start_of(start);
            match first > start {
                true => (first, "no review since the first initiative was added"),
                false => (start, "no review since the period started"),
            }
        }
        _ => return None,
    };
    let days = facts.days_since(since);
    let days_late = (days - every).max(0);
    let punctuality = 1.0 - days_late as f64 / every as f64;
    let what = format!("{from} {}", crate::core::days::ago(days));
    let finding = (days_late > 0).then(|| Finding {
        subject: Subject::Board,
        reason: format!(
            "{}: {} late (due every {})",
            capitalised(&what),
            plural_days(days_late),
            plural_days(every)
        ),
    });
    let phrase = if days_late > 0 {
        format!("{what}, {} late", plural_days(days_late))
    } else {
        what
    };
    Some((punctuality.max(0.0), finding, phrase))
}

fn capitalised(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Dependencies = 1 − stuck ÷ dependencies of active initiatives in scope (asked by the
/// scope's initiatives or of the scope's team). Stuck: requested and unanswered for more
/// than `checkInDays` days; declined while the asking initiative still counts on it (it
/// is active); accepted, past its due date and not delivered.
pub(super) fn dependencies(facts: &Facts, scope: Scope) -> Part {
    let kind = PartKind::Dependencies;
    let mut considered = 0usize;
    let mut findings = Vec::new();
    for dependency in &facts.board.dependencies {
        let Some(from) = facts
            .initiative_index
            .get(dependency.from_initiative_id.as_str())
            .map(|&at| &facts.board.initiatives[at])
        else {
            continue;
        };
        if !from.status.is_active()
            || !(scope.holds(from) || scope.holds_team(&dependency.to_team_id))
        {
            continue;
        }
        considered += 1;
        // The coordination rules decide what is stuck; this part words it.
        let provider = facts.team_name(&dependency.to_team_id);
        let reason = stuck(facts.board, from, dependency, facts.now)
            .into_iter()
            .find_map(|flag| match flag {
                Flag::Unanswered { days } => Some(format!(
                    "Asked of {provider} {days} days ago for “{}”, still unanswered",
                    dependency.need
                )),
                Flag::DeclinedButCounted => Some(format!(
                    "{provider} declined “{}”, but “{}” still counts on it",
                    dependency.need, from.title
                )),
                Flag::Late { due } => Some(format!(
                    "{provider} accepted “{}”, {}, not delivered",
                    dependency.need,
                    crate::core::days::due(due, facts.today)
                )),
                // Misalignment is a question for the leads, not stuck work.
                Flag::Misaligned => None,
            });
        if let Some(reason) = reason {
            findings.push(Finding {
                subject: Subject::Dependency(dependency.id.clone()),
                reason,
            });
        }
    }
    if considered == 0 {
        return not_applicable(kind, "No dependencies on active work.");
    }
    Part {
        kind,
        score: Some(percent(1.0 - findings.len() as f64 / considered as f64)),
        summary: format!(
            "{} of {} {} attention.",
            findings.len(),
            plural(considered, "dependency", "dependencies"),
            verb(findings.len(), "needs", "need")
        ),
        findings,
    }
}

/// The progress (0–100) the straight line from an initiative's creation to the end of
/// its due date expects today, counting the person's days; `None` without a due date.
pub fn expected_progress(initiative: &Initiative, now: Now) -> Option<f64> {
    let due = initiative.due?;
    let today = now.today();
    let start = now.day_of(initiative.created_at);
    let span = start.days_until(due) + 1;
    if span <= 0 {
        return Some(100.0);
    }
    let elapsed = start.days_until(today) as f64;
    Some((elapsed / span as f64 * 100.0).clamp(0.0, 100.0))
}

/// Honest status = 1 − flagged ÷ active initiatives in scope. Flagged: marked on track
/// with progress more than `PACE_TOLERANCE` points behind `expected_progress`; marked at
/// risk or off track while that far ahead of it; marked on track with an open
/// high-severity risk.
pub(super) fn honest_status(facts: &Facts, scope: Scope) -> Part {
    let kind = PartKind::HonestStatus;
    let active = facts.active(scope);
    if active.is_empty() {
        return not_applicable(kind, "No active initiatives.");
    }
    let mut findings = Vec::new();
    for initiative in &active {
        let mut reasons = Vec::new();
        if let Some(expected) = expected_progress(initiative, facts.now) {
            let progress = f64::from(initiative.progress);
            let due = initiative.due.expect("expected progress needs a due date");
            if initiative.status == Status::OnTrack && progress + PACE_TOLERANCE < expected {
                // Past its due date the pace asks for all of it: said as the card says it.
                reasons.push(if due < facts.today {
                    format!(
                        "On track, but {} % done and {}",
                        initiative.progress,
                        crate::core::days::due(due, facts.today),
                    )
                } else {
                    format!(
                        "On track, but {} % done where a steady pace to its due date {} would be at {expected:.0} %",
                        initiative.progress,
                        crate::core::days::relative(due, facts.today),
                    )
                });
            }
            if matches!(initiative.status, Status::AtRisk | Status::OffTrack)
                && progress > expected + PACE_TOLERANCE
            {
                reasons.push(format!(
                    "{}, yet {} % done, ahead of a steady pace to its due date {} ({expected:.0} %)",
                    initiative.status.label(),
                    initiative.progress,
                    crate::core::days::relative(due, facts.today),
                ));
            }
        }
        // Work that says it has not started cannot be part done: one or the other is stale.
        if initiative.status == Status::NotStarted && initiative.progress > 0 {
            reasons.push(format!("Not started, yet {} % done", initiative.progress));
        }
        if initiative.status == Status::OnTrack {
            for risk in initiative
                .risks
                .iter()
                .filter(|r| r.open && r.severity == Severity::High)
            {
                reasons.push(format!("On track with an open high risk: {}", risk.text));
            }
        }
        if !reasons.is_empty() {
            findings.push(Finding {
                subject: Subject::Initiative(initiative.id.clone()),
                reason: reasons.join("; "),
            });
        }
    }
    Part {
        kind,
        score: Some(percent(1.0 - findings.len() as f64 / active.len() as f64)),
        summary: format!(
            "{} of {} {} a status {} pace or risks contradict.",
            findings.len(),
            plural(active.len(), "active initiative", "active initiatives"),
            verb(findings.len(), "has", "have"),
            verb(findings.len(), "its", "their")
        ),
        findings,
    }
}
