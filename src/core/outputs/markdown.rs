//! The board as a status page in Markdown: CommonMark with GitHub's tables, which
//! Confluence, MediaWiki (through its Markdown paste), GitLab, GitHub, Notion and Docusaurus
//! all take. Board text only ever goes through `escape_markdown`, and never starts a line,
//! so it stays text wherever the page is pasted.

use crate::core::coordination::{decisions, open_risks, stuck, DecisionFilter, Flag};
use crate::core::health::{Analysis, PartKind, Subject};
use crate::core::index::positions;
use crate::core::model::{Board, Id, Initiative, PriorityStatus};
use crate::core::rhythm::{due, last_review};
use crate::core::time::{Date, Now};
use std::fmt::Write;

mod escape;
pub use escape::{escape_markdown, MARKDOWN_TEXT_LIMIT};

/// The status page of `board`, from `analysis` (its health at `analysis.now`, which also
/// dates the page and says what is overdue and stuck): title, period and purpose; the
/// alignment score with its three largest costs; each active priority by rank with a table
/// of the initiatives serving it (team, owner, status, progress, confidence, due date), in
/// lane order; local work apart; open risks, the most severe first; the decisions made since
/// the period began (in the last review cycle when it has no start), with why (a stop first
/// naming the work it stopped); decisions due
/// for a revisit; requests between teams that are stuck; and what is overdue for a check-in. A
/// section with nothing to show says so in one line. Dates are `YYYY-MM-DD`.
pub fn markdown(board: &Board, analysis: &Analysis) -> String {
    let mut page = Page {
        out: String::with_capacity(4096 + board.initiatives.len() * 320),
        board,
        now: analysis.now,
        today: analysis.now.today(),
        lanes: positions(board.teams.iter().map(|t| t.id.as_str())),
    };
    page.heading();
    page.score(analysis);
    page.priorities();
    page.risks();
    page.decisions_made();
    page.decisions();
    page.stuck();
    page.overdue(analysis);
    page.out
}

struct Page<'a> {
    out: String,
    board: &'a Board,
    now: Now,
    today: Date,
    /// Each team's place among the lanes.
    lanes: fnv::FnvHashMap<&'a str, usize>,
}

/// A table's column: its heading and whether its figures align right.
type Column = (&'static str, bool);

const WORK: [Column; 7] = [
    ("Initiative", false),
    ("Team", false),
    ("Owner", false),
    ("Status", false),
    ("Progress", true),
    ("Confidence", true),
    ("Due", false),
];

impl<'a> Page<'a> {
    fn text(&mut self, text: &str) {
        escape_markdown(&mut self.out, text);
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    fn section(&mut self, title: &str) {
        self.out.push_str("## ");
        self.line(title);
    }

    fn table(&mut self, columns: &[Column]) {
        for (name, _) in columns {
            self.out.push_str("| ");
            self.out.push_str(name);
            self.out.push(' ');
        }
        self.out.push_str("|\n");
        for (_, right) in columns {
            self.out.push_str(if *right { "| ---: " } else { "| --- " });
        }
        self.out.push_str("|\n");
    }

    /// One table row: each cell is escaped board text or words of the page.
    fn row(&mut self, cells: &[&str]) {
        for cell in cells {
            self.out.push_str("| ");
            self.text(cell);
            self.out.push(' ');
        }
        self.out.push_str("|\n");
    }

    fn end_table(&mut self) {
        self.out.push('\n');
    }

    fn team(&self, id: &'a str) -> &'a str {
        self.board.team(id).map_or(id, |t| t.name.as_str())
    }

    fn person(&self, id: Option<&'a Id>) -> &'a str {
        id.map_or("No owner", |id| {
            self.board
                .person(id)
                .map_or(id.as_str(), |p| p.name.as_str())
        })
    }

    /// The title, then the period, purpose and date as a list (each left out when empty).
    fn heading(&mut self) {
        let board = self.board;
        let escaped = |text: &str| {
            let mut out = String::new();
            escape_markdown(&mut out, text);
            out
        };
        let title = escaped(&board.title);
        let _ = write!(
            self.out,
            "# {}\n\n",
            if title.is_empty() {
                "Alignment board"
            } else {
                &title
            }
        );
        let label = escaped(&board.period.label);
        let span = match (board.period.start, board.period.end) {
            (Some(start), Some(end)) => format!("{start} to {end}"),
            (Some(start), None) => format!("from {start}"),
            (None, Some(end)) => format!("until {end}"),
            (None, None) => String::new(),
        };
        let period = match (label.is_empty(), span.is_empty()) {
            (false, false) => format!("{label} ({span})"),
            (false, true) => label,
            (true, _) => span,
        };
        if !period.is_empty() {
            let _ = writeln!(self.out, "- **Period:** {period}");
        }
        let purpose = escaped(&board.purpose);
        if !purpose.is_empty() {
            let _ = writeln!(self.out, "- **Purpose:** {purpose}");
        }
        let _ = writeln!(
            self.out,
            "- **As of:** {} (dates are year-month-day)\n",
            self.today
        );
    }

    fn score(&mut self, analysis: &Analysis) {
        let health = &analysis.board;
        let Some(score) = health.score else {
            self.section("Alignment score");
            self.line("No score: no initiative is active to measure.");
            return;
        };
        let _ = write!(self.out, "## Alignment score: {score} of 100\n\n");
        let costs: Vec<_> = health
            .by_attention()
            .into_iter()
            .filter(|p| health.cost(p) >= 0.05)
            .take(3)
            .collect();
        if costs.is_empty() {
            self.line("Nothing costs points.");
            return;
        }
        self.line(match costs.len() {
            1 => "What costs points:",
            2 => "The two largest costs:",
            _ => "The three largest costs:",
        });
        for (n, part) in costs.iter().enumerate() {
            // Rounded to tenths as the Health view shows them, a whole number without
            // its ".0" ("−5 points", not "−5.0").
            let lost = (health.cost(part) * 10.0).round() / 10.0;
            let _ = write!(
                self.out,
                "{}. **{}**, −{lost} points (scores {} of 100): ",
                n + 1,
                part.kind.label(),
                part.score.unwrap_or(0)
            );
            self.text(&part.summary);
            self.out.push('\n');
        }
        self.out.push('\n');
    }

    fn priorities(&mut self) {
        let board = self.board;
        let ranked = board.ranked_priorities();
        let column = positions(ranked.iter().map(|p| p.id.as_str()));
        let mut served: Vec<Vec<usize>> = vec![Vec::new(); ranked.len()];
        let mut local = Vec::new();
        let mut earlier = 0;
        for (index, initiative) in board.initiatives.iter().enumerate() {
            // An earlier period's finished work is history, as on the board.
            if board.is_earlier(initiative) {
                earlier += 1;
                continue;
            }
            let mut serves = false;
            for id in &initiative.priority_ids {
                if let Some(&at) = column.get(id.as_str()) {
                    if served[at].last() != Some(&index) {
                        served[at].push(index);
                    }
                    serves = true;
                }
            }
            if !serves {
                local.push(index);
            }
        }
        self.section("Priorities");
        if earlier > 0 {
            let noun = if earlier == 1 {
                "initiative"
            } else {
                "initiatives"
            };
            let _ = write!(
                self.out,
                "Not listed: {earlier} {noun} done or dropped before "
            );
            match board.period.label.trim() {
                "" => self.out.push_str("this period"),
                label => self.text(label),
            }
            self.line(" began.");
        }
        if ranked.is_empty() {
            self.line("No active priorities.");
        }
        for (position, priority) in ranked.iter().enumerate() {
            let _ = write!(self.out, "### {}. ", position + 1);
            self.text(&priority.title);
            self.out.push_str("\n\n**Owner:** ");
            let owner = self.person(priority.owner_id.as_ref());
            self.text(owner);
            if !priority.success_measure.trim().is_empty() {
                self.out.push_str(" · **Success measure:** ");
                self.text(&priority.success_measure);
            }
            self.out.push_str("\n\n");
            let mut rows = std::mem::take(&mut served[position]);
            if rows.is_empty() {
                self.line("No initiative serves this priority.");
                continue;
            }
            self.by_lane(&mut rows);
            self.table(&WORK);
            for index in rows {
                self.work_row(&board.initiatives[index], "");
            }
            self.end_table();
        }

        self.section("Local work");
        if local.is_empty() {
            self.line("None: every initiative serves an active priority.");
            return;
        }
        self.line("Initiatives that serve no active priority.");
        self.by_lane(&mut local);
        self.table(&WORK);
        let mut note = String::new();
        for index in local {
            let initiative = &board.initiatives[index];
            note.clear();
            for priority in initiative
                .priority_ids
                .iter()
                .filter_map(|id| board.priority(id))
            {
                note.push_str(if note.is_empty() { " (served " } else { ", " });
                let status = match priority.status {
                    PriorityStatus::Achieved => "achieved",
                    _ => "dropped",
                };
                let _ = write!(note, "“{}”, {status}", priority.title);
            }
            if !note.is_empty() {
                note.push(')');
            }
            self.work_row(initiative, &note);
        }
        self.end_table();
    }

    /// `rows` (indexes into the initiatives) in lane order, board order within a lane.
    fn by_lane(&self, rows: &mut [usize]) {
        let board = self.board;
        rows.sort_by_cached_key(|&i| {
            let lane = self.lanes.get(board.initiatives[i].team_id.as_str());
            lane.map_or(i64::MAX, |&lane| lane as i64)
        });
    }

    /// An initiative's row in a `WORK` table, with `note` after its title.
    fn work_row(&mut self, initiative: &'a Initiative, note: &str) {
        let titled;
        let title = if note.is_empty() {
            &initiative.title
        } else {
            titled = format!("{}{note}", initiative.title);
            &titled
        };
        let confidence = initiative
            .confidence
            .map_or("—".to_string(), |c| format!("{c}/10"));
        let due = match initiative.due {
            None => "—".to_string(),
            Some(due) if initiative.status.is_active() && due < self.today => {
                format!("{due} (overdue)")
            }
            Some(due) => due.to_string(),
        };
        self.row(&[
            title,
            self.team(&initiative.team_id),
            self.person(initiative.owner_id.as_ref()),
            initiative.status.label(),
            &format!("{} %", initiative.progress),
            &confidence,
            &due,
        ]);
    }

    fn risks(&mut self) {
        let board = self.board;
        self.section("Open risks");
        let risks = open_risks(board);
        if risks.is_empty() {
            self.line("No open risks.");
            return;
        }
        self.table(&[
            ("Severity", false),
            ("Risk", false),
            ("Initiative", false),
            ("Team", false),
            ("Owner", false),
        ]);
        for (i, r) in risks {
            let initiative = &board.initiatives[i];
            let risk = &initiative.risks[r];
            self.row(&[
                risk.severity.label(),
                &risk.text,
                &initiative.title,
                self.team(&initiative.team_id),
                self.person(initiative.owner_id.as_ref()),
            ]);
        }
        self.end_table();
    }

    /// The decisions made since the period began, the latest first, each with its reason: a
    /// status page is often read by those who were not in the room.
    fn decisions_made(&mut self) {
        let board = self.board;
        let since = match board.period.start {
            Some(start) => {
                self.section("Decisions this period");
                // A period started ahead of its first day has its decisions from then on; one
                // planned ahead and not begun, those of the last review interval.
                let started = board.period.started_at.map(|at| self.now.day_of(at));
                let since = started.map_or(start, |day| day.min(start));
                let interval = i64::from(board.rhythm.review_days);
                match since > self.today {
                    true => self.today.add_days(1 - interval),
                    false => since,
                }
            }
            None => {
                let days = board.rhythm.review_days;
                self.section(&format!("Decisions of the last {days} days"));
                self.today.add_days(1 - i64::from(days))
            }
        };
        let made: Vec<usize> = decisions(board, &DecisionFilter::default(), self.today)
            .into_iter()
            .filter(|&d| self.now.day_of(board.decisions[d].decided_at) >= since)
            .collect();
        if made.is_empty() {
            self.line(&format!("No decision was recorded since {since}."));
            return;
        }
        self.table(&[
            ("Decision", false),
            ("Kind", false),
            ("Decided", false),
            ("Owner", false),
            ("Why", false),
        ]);
        for d in made {
            let decision = &board.decisions[d];
            // A stop says first what it stopped.
            let stopped: Vec<String> = (decision.stopped(board))
                .map(|i| format!("“{}”", i.title))
                .collect();
            let why = match stopped.is_empty() {
                true => decision.rationale.clone(),
                false => format!("Stopped {}. {}", stopped.join(", "), decision.rationale),
            };
            self.row(&[
                &decision.title,
                decision.kind.key(),
                &self.now.day_of(decision.decided_at).to_string(),
                self.person(decision.owner_id.as_ref()),
                why.trim_end(),
            ]);
        }
        self.end_table();
    }

    fn decisions(&mut self) {
        let board = self.board;
        self.section("Decisions due for a revisit");
        let filter = DecisionFilter {
            revisit_due: true,
            ..DecisionFilter::default()
        };
        let due = decisions(board, &filter, self.today);
        if due.is_empty() {
            self.line("No decision is due for a revisit.");
            return;
        }
        self.table(&[
            ("Decision", false),
            ("Kind", false),
            ("Decided", false),
            ("Revisit on", false),
            ("Owner", false),
        ]);
        for d in due {
            let decision = &board.decisions[d];
            let revisit = decision.revisit_on.map_or(String::new(), |d| d.to_string());
            self.row(&[
                &decision.title,
                decision.kind.key(),
                &self.now.day_of(decision.decided_at).to_string(),
                &revisit,
                self.person(decision.owner_id.as_ref()),
            ]);
        }
        self.end_table();
    }

    fn stuck(&mut self) {
        let board = self.board;
        self.section("Stuck requests between teams");
        let mut rows: Vec<(usize, Vec<Flag>)> = Vec::new();
        for (d, dependency) in board.dependencies.iter().enumerate() {
            let Some(asking) = board.initiative(&dependency.from_initiative_id) else {
                continue;
            };
            let flags = stuck(board, asking, dependency, self.now);
            if !flags.is_empty() {
                rows.push((d, flags));
            }
        }
        if rows.is_empty() {
            self.line("No request between teams is stuck.");
            return;
        }
        rows.sort_by_cached_key(|(d, _)| board.dependencies[*d].requested_at.unix_seconds());
        self.table(&[
            ("Need", false),
            ("Asking team", false),
            ("For initiative", false),
            ("Asked of", false),
            ("Why", false),
            ("Due", false),
        ]);
        for (d, flags) in rows {
            let dependency = &board.dependencies[d];
            let asking = board.initiative(&dependency.from_initiative_id);
            let why: Vec<String> = flags.iter().map(|f| f.describe(self.today)).collect();
            let due = match (dependency.due, dependency.promised) {
                (due, Some(promised)) => format!(
                    "{}, promised {promised}",
                    due.map_or("—".to_string(), |d| d.to_string())
                ),
                (due, None) => due.map_or("—".to_string(), |d| d.to_string()),
            };
            self.row(&[
                &dependency.need,
                asking.map_or("", |i| self.team(&i.team_id)),
                asking.map_or("", |i| i.title.as_str()),
                self.team(&dependency.to_team_id),
                &why.join("; "),
                &due,
            ]);
        }
        self.end_table();
    }

    fn overdue(&mut self, analysis: &Analysis) {
        let board = self.board;
        self.section("Overdue check-ins");
        let due = due(board, self.now);
        // A team's slice: its own teams' work, and no review or planning dates it does not
        // hold the reviews of.
        let mut due = match board.own_teams() {
            Some(teams) => due.of_teams(board, &teams),
            None => due,
        };
        if board.slice.is_some() && last_review(board).is_none() {
            (due.next_review, due.next_planning) = (None, None);
        }
        let _ = write!(
            self.out,
            "Check-ins are due every {} days.",
            board.rhythm.check_in_days
        );
        if let Some(review) = due.next_review {
            let _ = write!(self.out, " Next review: {review}.");
        }
        if let Some(planning) = due.next_planning {
            let _ = write!(self.out, " Next planning: {planning}.");
        }
        let late_review = analysis
            .board
            .part(PartKind::Rhythm)
            .findings
            .iter()
            .find(|f| f.subject == Subject::Board);
        if let Some(finding) = late_review {
            self.out.push(' ');
            self.text(&finding.reason);
            self.out.push('.');
        }
        self.out.push_str("\n\n");
        if due.items.is_empty() {
            self.line("No active initiative is overdue for a check-in.");
            return;
        }
        self.table(&[
            ("Initiative", false),
            ("Team", false),
            ("Owner", false),
            ("Last check-in", false),
            ("Days late", true),
        ]);
        for item in &due.items {
            let initiative = &board.initiatives[item.initiative];
            let last = match item.last_check_in {
                Some(at) => self.now.day_of(at).to_string(),
                None => format!("never (created {})", self.now.day_of(initiative.created_at)),
            };
            self.row(&[
                &initiative.title,
                self.team(&initiative.team_id),
                self.person(initiative.owner_id.as_ref()),
                &last,
                &item.days_late.to_string(),
            ]);
        }
        self.end_table();
    }
}
