//! What is due for a check-in, team by team and by owner, each row with its Check in button.

use super::*;
use crate::core::days::ago;

/// The initiatives of the list of what is due.
pub(super) const DUE_ROWS: &str = ".ab-due-list .ab-due";

/// Due initiatives in the order the list of what is due shows them: team by team in board
/// order, by owner inside a team (nobody's work last), the longest waiting first.
pub(super) fn review_queue(board: &Board, items: &[crate::core::rhythm::DueItem]) -> Vec<Id> {
    let team_order = |i: usize| {
        board
            .teams
            .iter()
            .position(|t| t.id == board.initiatives[i].team_id)
            .unwrap_or(usize::MAX) as i64
    };
    // `items` are already longest-waiting first; stable sorts keep that order, and the
    // sort by team, last, keeps the owners' order inside each team.
    let mut items = items.to_vec();
    items.sort_by_cached_key(|item| owner_order(board, item.initiative));
    items.sort_by_cached_key(|item| team_order(item.initiative));
    items
        .into_iter()
        .map(|item| board.initiatives[item.initiative].id.clone())
        .collect()
}

/// Where an initiative's owner puts it among its team's due work: by name, nobody's last.
fn owner_order(board: &Board, initiative: usize) -> &str {
    board.initiatives[initiative]
        .owner_id
        .as_deref()
        .and_then(|o| board.person(o))
        .map_or("\u{10ffff}", |p| p.name.as_str())
}

pub(super) fn due_list(
    props: &RhythmViewProps,
    context: &BoardContext,
    items: &[crate::core::rhythm::DueItem],
    on_check_in: &Callback<Id>,
    team: Option<(&str, bool)>,
) -> Html {
    let board = &props.board;
    if let (true, Some((team, active))) = (items.is_empty(), team) {
        let hint = if active {
            format!("Nothing is due in {team}: all its active work was checked in on, or added, within the rhythm.")
        } else {
            format!("Nothing is due in {team}: it has no work in progress.")
        };
        return html! { <p class="ab-empty-hint" tabindex="-1" data-focus-empty="">{ hint }</p> };
    }
    if items.is_empty() {
        let hint = if board.initiatives.is_empty() {
            "Nothing is due yet: check-ins and reviews fall due once work is on the board."
        } else if board.initiatives.iter().any(|i| i.status.is_active()) {
            "Nothing is due: all active work was checked in on, or added, within the rhythm."
        } else {
            "No check-in is due: no initiative is in progress."
        };
        return html! { <p class="ab-empty-hint" tabindex="-1" data-focus-empty="">{ hint }</p> };
    }
    let person = |id: &Option<Id>| {
        id.as_deref()
            .and_then(|o| board.person(o))
            .map(|p| p.name.as_str())
    };
    let teams = board.teams.iter().filter_map(|team| {
        let rows: Vec<&crate::core::rhythm::DueItem> = items
            .iter()
            .filter(|d| board.initiatives[d.initiative].team_id == team.id)
            .collect();
        if rows.is_empty() {
            return None;
        }
        // Grouped by owner inside the team; nobody's work last.
        let mut rows = rows;
        rows.sort_by_cached_key(|d| owner_order(board, d.initiative));
        let count = rows.len();
        let rows = rows.into_iter().map(|d| {
            let initiative = &board.initiatives[d.initiative];
            let last = match d.from {
                CountedFrom::CheckIn => format!("last check-in {}", ago(d.days_since)),
                CountedFrom::Added => format!("no check-in yet, added {}", ago(d.days_since)),
                CountedFrom::PeriodStart => {
                    format!("no check-in yet, the period started {}", ago(d.days_since))
                }
            };
            let late = crate::ui::forms::count(d.days_late as usize, "day", "days");
            html! {
                <DueRow key={initiative.id.as_str()} id={initiative.id.clone()} title={initiative.title.clone()}
                    owner={person(&initiative.owner_id).unwrap_or("No owner").to_string()}
                    reason={format!("{last}, {late} late")} can_check_in={!context.read_only}
                    on_reveal={props.on_reveal.clone()} on_check_in={on_check_in.clone()} />
            }
        });
        Some(html! {
            <section key={team.id.as_str()} class="ab-due__team" aria-label={format!("Due in {}", team.name)}>
                <h4>{ format!("{} · {count}", team.name) }</h4>
                <ul class="ab-findings">{ for rows }</ul>
            </section>
        })
    });
    html! { <div class="ab-due-list">{ for teams }</div> }
}

/// One initiative due for a check-in: its name, owner, how late it is, and the button that
/// opens the check-in.
#[derive(Properties, PartialEq)]
struct DueRowProps {
    id: AttrValue,
    title: AttrValue,
    owner: AttrValue,
    reason: AttrValue,
    /// Whether the check-in button shows (not on a read-only board).
    can_check_in: bool,
    on_reveal: Callback<Subject>,
    /// Opens the check-in on the initiative with this id.
    on_check_in: Callback<Id>,
}

#[function_component]
fn DueRow(props: &DueRowProps) -> Html {
    let subject = Subject::Initiative(props.id.to_string());
    let id = props.id.to_string();
    html! {
        <li class="ab-finding ab-due">
            { subject_link(Some(subject), &props.title, &props.on_reveal) }
            <span class="ab-finding__kind">{ &props.owner }</span>
            <span class="ab-finding__reason">{ &props.reason }</span>
            if props.can_check_in {
                <button type="button" class="ab-button ab-button--small"
                        aria-label={format!("Check in on {}", props.title)}
                        data-check-in="" onclick={props.on_check_in.reform(move |_| id.clone())}>{ "Check in" }</button>
            }
        </li>
    }
}
