//! The example board behind "Start from example", as test and tooling code: the builder
//! that `tests/core_example_file.rs` writes `examples/example.alignment.json` from, and
//! that the other tests use as a realistic board. The app never builds it: it loads that
//! file and moves its dates to today (`core::redate`). Test crates include this file with
//! `#[path = "support/example.rs"] mod example;`.
//!
//! The board is a field-service software company of six teams working on five ranked
//! priorities this quarter. It is written to show what the board is for, so it carries the
//! things a leader should notice: an over-committed team, local work, initiatives without
//! an owner, a declined dependency still counted on, an unanswered request, a high risk on
//! work marked on track, and stale check-ins.
//!
//! Every date is an offset from `today`, and the period is today's quarter, so the example
//! always looks current.

use alignment_board::core::model::{
    Board, CheckIn, Decision, DecisionKind, Dependency, DependencyState, Initiative, Person,
    Priority, PriorityStatus, Review, ReviewKind, Risk, Severity, Status, Team,
};
use alignment_board::core::time::{Date, Timestamp};

/// `(id, name, team index)`; the team index is 1-based, 0 for no team.
const PEOPLE: &[(&str, &str, usize)] = &[
    ("p-1", "Dana Ortiz", 1),
    ("p-2", "Sam Whitfield", 1),
    ("p-3", "Priya Raman", 2),
    ("p-4", "Jonas Berg", 2),
    ("p-5", "Mei Chen", 3),
    ("p-6", "Tomás Alvarez", 3),
    ("p-7", "Aisha Bello", 4),
    ("p-8", "Luca Romano", 4),
    ("p-9", "Hannah Kim", 5),
    ("p-10", "Omar Haddad", 5),
    ("p-11", "Freya Lindqvist", 6),
    ("p-12", "Kwame Mensah", 6),
    ("p-13", "Rosa Delgado", 0),
    ("p-14", "Noah Fischer", 2),
    ("p-15", "Inês Duarte", 5),
    ("p-16", "Victor Petrov", 3),
];

/// `(name, lead)`; teams are `t-1` … `t-6` in this order.
const TEAMS: &[(&str, &str)] = &[
    ("Product", "p-1"),
    ("Platform", "p-3"),
    ("Mobile", "p-5"),
    ("Growth", "p-7"),
    ("Customer Success", "p-9"),
    ("Data", "p-11"),
];

/// `(title, description, owner, status, success measure)`; ranks follow the order, ids are
/// `pr-1` … `pr-6`.
const PRIORITIES: &[(&str, &str, &str, PriorityStatus, &str)] = &[
    (
        "Cut time-to-value to one day",
        "A new customer schedules and completes a real job on the day they sign up.",
        "p-1",
        PriorityStatus::Active,
        "Median time from sign-up to first completed job under 1 day",
    ),
    (
        "Keep every customer we have",
        "Find accounts at risk early and give them a reason to renew.",
        "p-9",
        PriorityStatus::Active,
        "Gross revenue retention at or above 92 %",
    ),
    (
        "Offline-first mobile for technicians",
        "Technicians finish jobs in basements and on rooftops without losing work.",
        "p-5",
        PriorityStatus::Active,
        "95 % of jobs complete without a sync error",
    ),
    (
        "Win the mid-market",
        "Land companies with 200+ field staff through self-serve trials and partners.",
        "p-7",
        PriorityStatus::Active,
        "12 new logos over 200 seats this quarter",
    ),
    (
        "Make the platform boringly reliable",
        "Nobody in the company should have to think about uptime.",
        "p-3",
        PriorityStatus::Active,
        "99.95 % monthly uptime; API p95 under 300 ms",
    ),
    (
        "SOC 2 Type II report",
        "The audit larger customers ask for before they sign.",
        "p-3",
        PriorityStatus::Achieved,
        "Clean report issued",
    ),
];

/// One initiative of the example. Dates are days from today; `checks` check-ins, a week
/// apart, the latest `last` days ago, with `note` on the latest one.
struct Work {
    title: &'static str,
    description: &'static str,
    team: usize,
    owner: &'static str,
    priorities: &'static [usize],
    effort: u8,
    status: Status,
    progress: u8,
    confidence: Option<u8>,
    due: i64,
    created: i64,
    checks: i64,
    last: i64,
    note: &'static str,
    risks: &'static [(&'static str, Severity, bool)],
}

const fn work(
    title: &'static str,
    team: usize,
    owner: &'static str,
    priorities: &'static [usize],
    effort: u8,
    status: Status,
    progress: u8,
) -> Work {
    Work {
        title,
        description: "",
        team,
        owner,
        priorities,
        effort,
        status,
        progress,
        confidence: None,
        due: 45,
        created: -60,
        checks: 0,
        last: 0,
        note: "",
        risks: &[],
    }
}

impl Work {
    const fn about(mut self, description: &'static str) -> Work {
        self.description = description;
        self
    }

    const fn confidence(mut self, confidence: u8) -> Work {
        self.confidence = Some(confidence);
        self
    }

    const fn dates(mut self, created: i64, due: i64) -> Work {
        self.created = created;
        self.due = due;
        self
    }

    const fn checked(mut self, checks: i64, last: i64, note: &'static str) -> Work {
        self.checks = checks;
        self.last = last;
        self.note = note;
        self
    }

    const fn risks(mut self, risks: &'static [(&'static str, Severity, bool)]) -> Work {
        self.risks = risks;
        self
    }
}

use Severity::{High, Low, Medium};
use Status::{AtRisk, Done, Dropped, NotStarted, OffTrack, OnTrack};

/// Initiatives `i-1` … in this order. Team and priority numbers are 1-based.
#[rustfmt::skip]
const WORK: &[Work] = &[
    // Product
    work("Guided setup wizard", 1, "p-2", &[1], 35, OnTrack, 55)
        .about("Walks a new admin from sign-up to a first scheduled job in under ten minutes.")
        .confidence(7).dates(-50, 21)
        .checked(4, 2, "Wizard beta live with three customers; two finished setup in one sitting.")
        .risks(&[("Needs Auth API v2 from Platform", Medium, true)]),
    work("Sample data for new workspaces", 1, "p-2", &[1], 15, Done, 100)
        .confidence(9).dates(-70, -20)
        .checked(3, 18, "Shipped. New workspaces open with a demo crew and three jobs."),
    work("Job templates library", 1, "p-1", &[1, 4], 25, AtRisk, 30)
        .about("Ready-made job types for HVAC, plumbing and electrical crews.")
        .confidence(5).dates(-45, 14)
        .checked(3, 5, "Template format still not agreed with Mobile; content is ready.")
        .risks(&[("Template format not agreed with Mobile", High, true)]),
    work("Pricing page redesign", 1, "", &[4], 10, NotStarted, 0).dates(-20, 60),
    work("Design system clean-up", 1, "p-1", &[], 10, OnTrack, 40)
        .confidence(7)
        .checked(2, 6, "Buttons and forms migrated; tables next."),
    // Platform
    work("Auth API v2", 2, "p-4", &[1, 5], 30, AtRisk, 45)
        .about("Token-based auth that the wizard, mobile sync and SSO all build on.")
        .confidence(5).dates(-55, 10)
        .checked(4, 3, "Staging slipped a week: key rotation design needs another review.")
        .risks(&[
            ("Key rotation design not reviewed by security", High, true),
            ("Load test environment shared with Data", Low, false),
        ]),
    work("Multi-region failover", 2, "p-14", &[5], 35, OnTrack, 60)
        .confidence(8).dates(-80, 35)
        .checked(5, 4, "Failover drill passed in 4 minutes; target is 2."),
    work("Query performance budget", 2, "p-4", &[5], 20, OffTrack, 20)
        .about("Every API endpoint under 300 ms at p95, checked in CI.")
        .confidence(3).dates(-60, -5)
        .checked(3, 12, "Two slow report queries need a schema change nobody owns.")
        .risks(&[("Schema change on the reports tables has no owner", Medium, true)]),
    work("Sync protocol v3 (server)", 2, "p-3", &[3], 25, OnTrack, 50)
        .confidence(7).dates(-50, 28)
        .checked(3, 5, "Delta sync endpoints done; conflict metadata in review."),
    work("Move CI to faster runners", 2, "p-14", &[], 15, OnTrack, 70)
        .confidence(8)
        .checked(2, 9, "Build time down from 22 to 9 minutes."),
    work("SAML single sign-on", 2, "", &[4], 10, NotStarted, 0)
        .about("Asked for by four mid-market prospects.")
        .dates(-30, 80),
    work("SOC 2 evidence automation", 2, "p-3", &[6], 10, Done, 100)
        .confidence(10).dates(-120, -40)
        .checked(2, 40, "Auditor accepted the automated evidence."),
    // Mobile
    work("Offline job queue", 3, "p-5", &[3], 40, OnTrack, 65)
        .about("Jobs, notes and photos are saved on the phone and sent when a signal returns.")
        .confidence(8).dates(-75, 30)
        .checked(5, 1, "Queue survives app restarts; pilot build goes to field crews next week.")
        .risks(&[("Older Android devices run out of storage", Low, true)]),
    work("Conflict resolution screens", 3, "p-16", &[3], 25, AtRisk, 25)
        .confidence(4).dates(-40, 30)
        .checked(3, 6, "Edge cases keep appearing; we need the field pilot to see real ones.")
        .risks(&[("Edge cases unknown until the field pilot", High, true)]),
    work("Photo compression", 3, "p-6", &[3, 2], 15, Done, 100)
        .confidence(9).dates(-70, -25)
        .checked(3, 24, "Photos are 80 % smaller; upload failures down by half."),
    work("Mobile onboarding tour", 3, "p-6", &[1], 10, NotStarted, 0).dates(-10, 40),
    work("Upgrade the mobile build tools", 3, "p-16", &[], 10, OnTrack, 50)
        .confidence(6)
        .checked(2, 8, "iOS done, Android after the pilot build."),
    // Growth
    work("Self-serve trial to paid", 4, "p-7", &[4, 1], 30, OnTrack, 40)
        .about("A trial account upgrades with a card, no sales call needed.")
        .confidence(6).dates(-50, 35)
        .checked(3, 4, "Checkout works end to end; waiting on funnel events from Data."),
    work("Mid-market case studies", 4, "p-8", &[4], 15, OnTrack, 60)
        .confidence(7)
        .checked(3, 3, "Three of five interviews done; first story published."),
    work("Partner referral programme", 4, "p-8", &[4], 20, OffTrack, 10)
        .confidence(3).dates(-45, 20)
        .checked(3, 10, "Product declined the in-app referral links; contracts still in legal.")
        .risks(&[("Partner contracts stuck in legal review", Medium, true)]),
    work("Brand webinar series", 4, "p-7", &[], 15, AtRisk, 20)
        .confidence(5)
        .checked(2, 5, "Speakers confirmed for one of four sessions."),
    work("Partner portal", 4, "p-8", &[4], 20, Dropped, 15)
        .about("Paused by decision: the engineers moved to onboarding.")
        .dates(-80, 30)
        .checked(1, 30, "Stopped; see the decision log."),
    work("Lifecycle emails for trials", 4, "p-7", &[1], 10, OnTrack, 50)
        .confidence(7).dates(-30, 25)
        .checked(2, 4, "Day 1 and day 3 emails live.")
        .risks(&[("New sending domain not warmed up: emails may land in spam", High, true)]),
    // Customer Success
    work("Health score for every account", 5, "p-9", &[2], 25, OnTrack, 45)
        .about("One number per account from usage, tickets and payment history.")
        .confidence(7).dates(-50, 30)
        .checked(3, 4, "Usage and ticket signals in; waiting on churn risk from Data."),
    work("Renewal playbook for the top 50", 5, "p-10", &[2], 20, OnTrack, 70)
        .confidence(8)
        .checked(4, 2, "31 of 50 accounts reviewed; two saves already."),
    work("Onboarding office hours", 5, "p-15", &[1, 2], 15, Done, 100)
        .confidence(9).dates(-65, -15)
        .checked(3, 14, "Running twice a week; new accounts attend in their first week."),
    work("Move help centre content", 5, "p-15", &[], 15, NotStarted, 0).dates(-15, 50),
    work("Churn interviews", 5, "", &[2], 10, AtRisk, 15)
        .confidence(4)
        .checked(2, 16, "Only two interviews booked; nobody has picked this up."),
    work("Customer advisory board", 5, "p-9", &[2], 10, NotStarted, 0).dates(-10, 70),
    // Data
    work("Time-to-value dashboard", 6, "p-11", &[1], 20, OnTrack, 75)
        .confidence(8).dates(-60, 14)
        .checked(4, 3, "Live for leadership; median is 3.2 days, down from 6."),
    work("Churn prediction model", 6, "p-12", &[2], 30, AtRisk, 35)
        .confidence(4).dates(-55, 30)
        .checked(3, 5, "Too few labelled churn events; trying a simpler rules model first.")
        .risks(&[("Not enough labelled churn events to train on", Medium, true)]),
    work("Mobile event tracking", 6, "p-12", &[3, 1], 15, OffTrack, 20)
        .confidence(3).dates(-40, -3)
        .checked(2, 11, "Blocked: Mobile has not answered our SDK request."),
    work("Warehouse cost reduction", 6, "p-11", &[], 15, OnTrack, 50)
        .confidence(7)
        .checked(2, 7, "Monthly bill down 18 % after clustering the big tables."),
    work("Self-serve reports for customers", 6, "p-11", &[4], 20, NotStarted, 0).dates(-20, 75),
];

/// `(from initiative, to team, to initiative, need, due, state, requested, answered)`;
/// numbers are 1-based, 0 for none; days are from today.
type Need = (
    usize,
    usize,
    usize,
    &'static str,
    i64,
    DependencyState,
    i64,
    i64,
);

#[rustfmt::skip]
const NEEDS: &[Need] = &[
    (1, 2, 6, "Auth API v2 in staging", 7, DependencyState::Accepted, -30, -28),
    (13, 2, 9, "Sync protocol v3 endpoints", 14, DependencyState::Accepted, -40, -37),
    (18, 6, 0, "Trial funnel events in the warehouse", 10, DependencyState::Requested, -12, 0),
    (24, 6, 31, "A churn risk signal per account", 25, DependencyState::Accepted, -20, -18),
    (20, 1, 0, "Referral links inside the app", -3, DependencyState::Declined, -25, -10),
    (32, 3, 0, "Analytics SDK in the mobile app", -7, DependencyState::Requested, -15, 0),
    (15, 2, 7, "Photo bucket in both regions", -20, DependencyState::Delivered, -45, -43),
    (3, 3, 13, "Agree the template format for offline jobs", -2, DependencyState::Accepted, -21, -19),
];

/// `(title, rationale, kind, decided, owner, priorities, teams, revisit)`.
type Call = (
    &'static str,
    &'static str,
    DecisionKind,
    i64,
    &'static str,
    &'static [usize],
    &'static [usize],
    Option<i64>,
);

const DECISIONS: &[Call] = &[
    (
        "Onboarding is the first priority this quarter",
        "Trials that do not complete a job in the first day rarely convert; every team gives it first call.",
        DecisionKind::Commit,
        -55,
        "p-13",
        &[1],
        &[1, 2, 5],
        None,
    ),
    (
        "Measure retention by revenue, not logo count",
        "Losing one 500-seat account matters more than ten small ones.",
        DecisionKind::Change,
        -40,
        "p-9",
        &[2],
        &[5, 6],
        None,
    ),
    (
        "Pause the partner portal",
        "Frees two engineers for the setup wizard; revisit when referrals prove demand.",
        DecisionKind::Stop,
        -30,
        "p-13",
        &[4],
        &[4],
        Some(45),
    ),
    (
        "Defer SAML single sign-on until Auth API v2 ships",
        "Building SSO on the old auth would be thrown away in a quarter.",
        DecisionKind::Defer,
        -14,
        "p-3",
        &[4, 5],
        &[2],
        Some(30),
    ),
    (
        "Ship offline mode to three pilot customers first",
        "Real field conditions will surface the sync conflicts we cannot imagine.",
        DecisionKind::Commit,
        -8,
        "p-5",
        &[3],
        &[3, 2],
        Some(20),
    ),
];

/// `(days from today, kind, summary, score)`.
const REVIEWS: &[(i64, ReviewKind, &str, u8)] = &[
    (
        -84,
        ReviewKind::Planning,
        "Quarter planned: five priorities agreed, SOC 2 closed.",
        64,
    ),
    (
        -56,
        ReviewKind::Review,
        "Onboarding work staffed; Platform over-committed.",
        71,
    ),
    (
        -28,
        ReviewKind::Review,
        "Partner portal paused; focus on the wizard.",
        78,
    ),
    (
        -7,
        ReviewKind::CheckIn,
        "Auth API v2 slipping; two dependencies unanswered.",
        80,
    ),
];

/// A working hour on the given day: spreads times across the morning so lists read well.
fn at(today: Date, days: i64, hour: i64) -> Timestamp {
    today.add_days(days).start().add_seconds(hour * 3600)
}

fn numbered(prefix: &str, index: usize) -> String {
    format!("{prefix}-{index}")
}

fn person(id: &str) -> Option<String> {
    (!id.is_empty()).then(|| id.to_string())
}

fn priority_ids(numbers: &[usize]) -> Vec<String> {
    numbers.iter().map(|&n| numbered("pr", n)).collect()
}

fn team_ids(numbers: &[usize]) -> Vec<String> {
    numbers.iter().map(|&n| numbered("t", n)).collect()
}

/// The example board, dated around `today`.
pub fn example_board(today: Date) -> Board {
    let mut board = Board::blank("b-example".into(), today);
    board.title = "Fieldnote leadership board".into();
    board.purpose =
        "Become the field-service platform mid-market teams switch to, and stay on.".into();

    board.people = PEOPLE
        .iter()
        .map(|&(id, name, team)| Person {
            id: id.into(),
            name: name.into(),
            team_id: (team > 0).then(|| numbered("t", team)),
        })
        .collect();
    board.teams = TEAMS
        .iter()
        .enumerate()
        .map(|(index, &(name, lead))| Team {
            id: numbered("t", index + 1),
            name: name.into(),
            lead_id: person(lead),
        })
        .collect();
    board.priorities = PRIORITIES
        .iter()
        .enumerate()
        .map(
            |(index, &(title, description, owner, status, measure))| Priority {
                id: numbered("pr", index + 1),
                title: title.into(),
                description: description.into(),
                rank: index as u32 + 1,
                owner_id: person(owner),
                status,
                success_measure: measure.into(),
                created_at: at(today, -90, 8),
            },
        )
        .collect();

    let mut risk_number = 0;
    for (index, work) in WORK.iter().enumerate() {
        let id = numbered("i", index + 1);
        let created_at = at(today, work.created, 9);
        let mut updated_at = created_at;
        for check in 0..work.checks {
            // Oldest first; the latest carries the initiative's current state.
            let step = work.checks - 1 - check;
            let when = at(today, -(work.last + 7 * step), 16);
            let latest = step == 0;
            let share = (check + 1) as u32 * 100 / work.checks as u32;
            let progress = (u32::from(work.progress) * share / 100) as u8;
            let (status, confidence) = if latest || !matches!(work.status, AtRisk | OffTrack) {
                (
                    if matches!(work.status, Done | Dropped) && !latest {
                        OnTrack
                    } else {
                        work.status
                    },
                    work.confidence,
                )
            } else {
                // Trouble shows up in the later check-ins: earlier ones were on track.
                (OnTrack, work.confidence.map(|c| (c + 2).min(10)))
            };
            board.check_ins.push(CheckIn {
                id: String::new(),
                initiative_id: id.clone(),
                at: when,
                status,
                progress,
                confidence,
                note: if latest {
                    work.note.into()
                } else {
                    String::new()
                },
                author_id: person(work.owner)
                    .or_else(|| TEAMS.get(work.team - 1).and_then(|&(_, lead)| person(lead))),
            });
            updated_at = updated_at.max(when);
        }
        board.initiatives.push(Initiative {
            id,
            title: work.title.into(),
            description: work.description.into(),
            team_id: numbered("t", work.team),
            owner_id: person(work.owner),
            priority_ids: priority_ids(work.priorities),
            effort: work.effort,
            status: work.status,
            progress: work.progress,
            confidence: work.confidence,
            due: Some(today.add_days(work.due)),
            created_at,
            updated_at,
            risks: work
                .risks
                .iter()
                .map(|&(text, severity, open)| {
                    risk_number += 1;
                    Risk {
                        id: numbered("r", risk_number),
                        text: text.into(),
                        severity,
                        open,
                    }
                })
                .collect(),
        });
    }
    board
        .check_ins
        .sort_by(|a, b| a.at.unix_seconds().cmp(&b.at.unix_seconds()));
    for (index, check_in) in board.check_ins.iter_mut().enumerate() {
        check_in.id = numbered("c", index + 1);
    }

    board.dependencies = NEEDS
        .iter()
        .enumerate()
        .map(
            |(index, &(from, team, to, need, due, state, requested, answered))| Dependency {
                id: numbered("d", index + 1),
                from_initiative_id: numbered("i", from),
                to_team_id: numbered("t", team),
                to_initiative_id: (to > 0).then(|| numbered("i", to)),
                need: need.into(),
                due: Some(today.add_days(due)),
                promised: None,
                state,
                requested_at: at(today, requested, 10),
                answered_at: (state != DependencyState::Requested).then(|| at(today, answered, 11)),
                answer_note: match state {
                    DependencyState::Declined => {
                        "Not this quarter: our capacity is on the setup wizard.".into()
                    }
                    DependencyState::Accepted => "Yes, in the next sprint.".into(),
                    _ => String::new(),
                },
                // Delivered two days before the day it was needed.
                delivered_at: (state == DependencyState::Delivered).then(|| at(today, due - 2, 16)),
            },
        )
        .collect();

    board.decisions = DECISIONS
        .iter()
        .enumerate()
        .map(
            |(index, &(title, rationale, kind, decided, owner, priorities, teams, revisit))| {
                Decision {
                    id: numbered("x", index + 1),
                    title: title.into(),
                    rationale: rationale.into(),
                    kind,
                    decided_at: at(today, decided, 15),
                    owner_id: person(owner),
                    priority_ids: priority_ids(priorities),
                    team_ids: team_ids(teams),
                    revisit_on: revisit.map(|days| today.add_days(days)),
                    initiative_ids: Vec::new(),
                }
            },
        )
        .collect();
    // Pausing the partner portal stopped its work: the decision names it.
    let portal = (board.initiatives.iter())
        .find(|i| i.title == "Partner portal")
        .map(|i| i.id.clone());
    board.decisions.update_where(
        |d| d.kind == DecisionKind::Stop,
        |d| d.initiative_ids.extend(portal.clone()),
    );

    board.reviews = REVIEWS
        .iter()
        .enumerate()
        .map(|(index, &(days, kind, summary, score))| Review {
            id: numbered("v", index + 1),
            at: at(today, days, 17),
            kind,
            summary: summary.into(),
            score: Some(score),
            team_id: None,
        })
        .collect();
    board
}
