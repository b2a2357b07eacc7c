//! The board on a phone: one column read top to bottom. Each priority in rank order (then
//! the inactive ones that still show cards, then "Local work") heads its initiatives,
//! grouped by team. It reads the same layout as the grid, so filters apply alike, and it
//! shows the same cards with their status menu, editing and Alt + arrow moves. It offers
//! no drop targets: dragging is for the grid. A big board's groups render their cards
//! while they are near the screen, as the grid's lanes do; the headings are always there.

use super::super::card::{place_key, InitiativeCard};
use super::lane::Handlers;
use super::lanes::{LaneWatch, Shown, EAGER_CARDS};
use super::sticky::{HeadHeight, Heads};
use super::{column_key, lane_place, Attention};
use crate::core::layout::{Column, Layout};
use crate::core::model::{Board, Id, PriorityStatus};
use crate::ui::state::DialogKind;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct PhoneBoardProps {
    pub board: Rc<Board>,
    pub layout: Rc<Layout>,
    pub attention: Attention,
    pub read_only: bool,
    pub handlers: Handlers,
    /// The team of the card about to be focused: its groups are built even out of sight.
    pub focused_team: Option<Id>,
}

/// Equal for the same board, layout and flags: the list is rebuilt after each change, and
/// the cards in it render again only when what they show changed.
impl PartialEq for PhoneBoardProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.board, &other.board)
            && Rc::ptr_eq(&self.layout, &other.layout)
            && self.attention == other.attention
            && self.read_only == other.read_only
            && self.handlers == other.handlers
            && self.focused_team == other.focused_team
    }
}

/// How many cards a big board's list builds at first (whole groups, at least one): about
/// three screens of a phone, as far as a group stays built once scrolled past.
const FIRST_CARDS: usize = 24;

/// What names a group of the list: its priority (or local work) and its team.
fn group_key(column: &Column, team: &str) -> String {
    format!(
        "{}\u{1f}{team}",
        column.priority_id().map_or("", |id| id.as_str())
    )
}

/// The team a group's name names.
fn group_team(key: &str) -> &str {
    key.split_once('\u{1f}').map_or(key, |(_, team)| team)
}

#[function_component]
pub fn PhoneBoard(props: &PhoneBoardProps) -> Html {
    let layout = &props.layout;
    let shown = use_mut_ref(Shown::default);
    let redraw = use_force_update();
    let list = use_node_ref();
    let cards_in = |lane: usize, col: usize| layout.cells[lane][col].len();
    let all_cards: usize = layout.cells.iter().flatten().map(Vec::len).sum();
    let lazy = all_cards > EAGER_CARDS;
    if lazy {
        let mut shown = shown.borrow_mut();
        if !shown.started {
            // The first screen: the first groups, in the list's order.
            shown.started = true;
            let mut cards = 0;
            'groups: for (col, column) in layout.columns.iter().enumerate() {
                for (lane, team) in layout.lanes.iter().enumerate() {
                    let count = cards_in(lane, col);
                    if count == 0 {
                        continue;
                    }
                    if cards > 0 && cards + count > FIRST_CARDS {
                        break 'groups;
                    }
                    cards += count;
                    shown.show(&group_key(column, team));
                }
            }
        }
        if let Some(lane) = props
            .focused_team
            .as_ref()
            .and_then(|team| layout.lanes.iter().position(|t| t == team))
        {
            for (col, column) in layout.columns.iter().enumerate() {
                if cards_in(lane, col) > 0 {
                    shown.show(&group_key(column, &layout.lanes[lane]));
                }
            }
        }
    }
    let watch = use_mut_ref(LaneWatch::default);
    // Each priority's heading stays at the top while its initiatives scroll by, and each
    // team's name just under it: the headings' heights are watched.
    let head_height = use_mut_ref(HeadHeight::default);
    {
        let (shown, redraw, list, focused_team) = (
            shown.clone(),
            redraw.clone(),
            list.clone(),
            props.focused_team.clone(),
        );
        use_effect(move || {
            let asked = (false, focused_team.clone());
            let keep: Rc<dyn Fn(&str) -> bool> =
                Rc::new(move |key| focused_team.as_deref() == Some(group_team(key)));
            head_height.borrow_mut().update(&list, Heads::EachSection);
            let mut watch = watch.borrow_mut();
            if lazy {
                watch.update(&list, "data-group", false, &shown, (keep, asked), &redraw);
            } else {
                watch.stop();
            }
        });
    }
    // A team's first heading in the list carries its place, so showing the team from
    // another view lands there.
    let mut placed: Vec<&str> = Vec::new();
    let sections = layout.columns.iter().enumerate().map(|(col, column)| {
        let teams: Vec<Html> = layout
            .lanes
            .iter()
            .enumerate()
            .filter(|(lane, _)| cards_in(*lane, col) > 0)
            .map(|(lane, team_id)| {
                let first = !placed.contains(&team_id.as_str());
                if first {
                    placed.push(team_id);
                }
                let group = lazy.then(|| {
                    let key = group_key(column, team_id);
                    let shown = shown.borrow();
                    Group {
                        shown: shown.has(&key),
                        height: shown.height(&key),
                        key,
                    }
                });
                team_group(props, col, lane, first, group)
            })
            .collect();
        let count: usize = (0..layout.lanes.len())
            .map(|lane| cards_in(lane, col))
            .sum();
        html! {
            <div key={column_key(column)}
                 class="ab-phone__priority">
                { priority_head(props, column, count) }
                // One keyed list beside the heading, so a team's group that comes or goes
                // leaves the others in place.
                { teams.into_iter().collect::<Html>() }
            </div>
        }
    });
    html! {
        <div class="ab-phone" ref={list}>
            { for sections }
            { teams_list(props) }
        </div>
    }
}

/// The board's teams after its priorities, each opening its form (name, lead, deletion),
/// with Add team: on a phone the lanes' headings that do so in the grid are not shown, and a
/// team with no work appears nowhere else.
fn teams_list(props: &PhoneBoardProps) -> Html {
    let board = &props.board;
    if board.teams.is_empty() {
        return Html::default();
    }
    let rows = board.teams.iter().map(|team| {
        let lead = team
            .lead_id
            .as_deref()
            .and_then(|id| board.person(id))
            .map_or("No lead".to_string(), |p| format!("Lead: {}", p.name));
        let work = board
            .initiatives
            .iter()
            .filter(|i| i.team_id == team.id)
            .count();
        let sub = format!(
            "{lead} · {work} initiative{}",
            if work == 1 { "" } else { "s" }
        );
        let name = match props.read_only {
            true => html! { <span class="ab-phone__team-row-name">{ &team.name }</span> },
            false => {
                let id = team.id.clone();
                let on_edit = props
                    .handlers
                    .on_dialog
                    .reform(move |_| Some(DialogKind::Team(Some(id.clone()))));
                html! {
                    <button type="button" class="ab-phone__edit ab-phone__team-row-name" onclick={on_edit}
                            aria-label={format!("Edit team: {}", team.name)}>{ &team.name }</button>
                }
            }
        };
        // A team's slice, as its lane on a wider screen offers.
        let slice = (!props.read_only).then(|| {
            let id = team.id.clone();
            let on_slice = props
                .handlers
                .on_dialog
                .reform(move |_| Some(DialogKind::Slice(vec![id.clone()])));
            html! {
                <button type="button" class="ab-button ab-button--quiet ab-button--small" onclick={on_slice}
                        aria-label={format!("Export slice of team {}", team.name)}>{ "Export slice" }</button>
            }
        });
        html! {
            <li key={team.id.clone()} class="ab-phone__team-row">
                <div class="ab-phone__team-row-text">
                    { name }
                    <span class="ab-phone__sub">{ sub }</span>
                </div>
                { slice.unwrap_or_default() }
            </li>
        }
    });
    html! {
        <section class="ab-phone__teams" aria-labelledby="ab-phone-teams">
            <h2 id="ab-phone-teams" class="ab-phone__title">{ "Teams" }</h2>
            <ul>{ for rows }</ul>
            if !props.read_only {
                <button type="button" class="ab-button" onclick={props.handlers.on_dialog.reform(|_| Some(DialogKind::Team(None)))}>{ "Add team" }</button>
            }
        </section>
    }
}

/// A big board's group: its name for the observers, whether its cards are rendered, and its
/// height when they last were.
struct Group {
    key: String,
    shown: bool,
    height: Option<u32>,
}

/// A priority's heading in the list: rank, title (which opens the priority for editing),
/// owner and success measure; or the heading of local work.
fn priority_head(props: &PhoneBoardProps, column: &Column, count: usize) -> Html {
    let board = &props.board;
    // With a filter on, the count is of what it shows: "no initiatives" under a priority
    // that has some for other teams would say it has none.
    let initiatives = match (count, props.layout.filtered) {
        (0, false) => "no initiatives".to_string(),
        (0, true) => "none shown".to_string(),
        (1, false) => "1 initiative".to_string(),
        (1, true) => "1 initiative shown".to_string(),
        (_, false) => format!("{count} initiatives"),
        (_, true) => format!("{count} initiatives shown"),
    };
    let priority = column.priority_id().and_then(|id| board.priority(id));
    let status = priority.and_then(|p| match p.status {
        PriorityStatus::Active => None,
        PriorityStatus::Achieved => Some("Achieved"),
        PriorityStatus::Dropped => Some("Dropped"),
    });
    let title = priority.map_or("Local work", |p| p.title.as_str());
    let (rank, spoken, sub) = match priority {
        None => (
            "—".to_string(),
            String::new(),
            format!("Serves no shared priority · {initiatives}"),
        ),
        Some(p) => {
            // Named as the priority's, as a team's lead is: under an owner filter a bare
            // name beside "1 initiative shown" would read as the filter's.
            let owner = p
                .owner_id
                .as_deref()
                .and_then(|o| board.person(o))
                .map_or("No owner".to_string(), |p| format!("Owner: {}", p.name));
            match status {
                None => (
                    format!("#{}", p.rank),
                    format!("Priority {}: ", p.rank),
                    format!("{owner} · {initiatives}"),
                ),
                Some(s) => (
                    p.status.mark().to_string(),
                    format!("{s} priority: "),
                    format!("{s} · {owner} · {initiatives}"),
                ),
            }
        }
    };
    let on_edit = priority.filter(|_| !props.read_only).map(|p| {
        let id = p.id.clone();
        props
            .handlers
            .on_dialog
            .reform(move |_| Some(DialogKind::Priority(Some(id.clone()))))
    });
    let on_add = (!props.read_only).then(|| {
        let priority = column.priority_id().cloned();
        props.handlers.on_dialog.reform(move |_| {
            Some(DialogKind::Initiative {
                id: None,
                team: None,
                priority: priority.clone(),
            })
        })
    });
    let measure = priority
        .map(|p| p.success_measure.as_str())
        .filter(|m| !m.is_empty());
    html! {
        <div class={classes!("ab-phone__head", priority.is_none().then_some("ab-phone__head--local"),
                             status.is_some().then_some("ab-phone__head--inactive"),
                             (count == 0 && props.layout.filtered).then_some("ab-phone__head--none-shown"))}
             tabindex={priority.map(|_| "-1")} data-place={priority.map(|p| format!("priority\u{1f}{}", p.id))}>
            <span class="ab-phone__rank" aria-hidden="true">{ rank }</span>
            <div class="ab-phone__heading">
                <h2 class="ab-phone__title">
                    if !spoken.is_empty() { <span class="ab-visually-hidden">{ spoken }</span> }
                    if let Some(on_edit) = on_edit {
                        <button type="button" class="ab-phone__edit" onclick={on_edit} title="Edit priority">
                            <span class="ab-clamp">{ title }</span>
                        </button>
                    } else { <span class="ab-clamp" title={title.to_string()}>{ title }</span> }
                </h2>
                <p class="ab-phone__sub">{ sub }</p>
                if let Some(measure) = measure {
                    <p class="ab-phone__measure" title="Success measure">{ measure }</p>
                }
            </div>
            if let Some(on_add) = on_add {
                <button type="button" class="ab-phone__add" onclick={on_add}
                        aria-label={format!("Add initiative to {title}")}>{ "+" }</button>
            }
        </div>
    }
}

/// One team's cards under a priority, headed by the team's name. A big board's group far
/// from the screen holds a placeholder of about its height that says what it holds.
fn team_group(
    props: &PhoneBoardProps,
    col: usize,
    lane: usize,
    first: bool,
    group: Option<Group>,
) -> Html {
    let (board, layout, handlers) = (&props.board, &props.layout, &props.handlers);
    let column = &layout.columns[col];
    let team_id = &layout.lanes[lane];
    let name = board.team(team_id).map_or("", |t| t.name.as_str());
    let title = column
        .priority_id()
        .and_then(|p| board.priority(p))
        .map_or("Local work", |p| p.title.as_str());
    let in_group = &layout.cells[lane][col];
    let content = match &group {
        Some(group) if !group.shown => {
            let count = in_group.len();
            html! {
                <div class="ab-phone__placeholder">
                    // Its height from an attribute, not a style: see the card's progress bar.
                    // Until the group has been built, about 140 px a card (a card on a phone
                    // with its gap, measured on the generated big board).
                    <svg width="1" aria-hidden="true"
                         height={group.height.unwrap_or(count as u32 * 140).to_string()} />
                    { format!("{count} initiative{}", if count == 1 { "" } else { "s" }) }
                </div>
            }
        }
        _ => in_group
            .iter()
            .map(|&index| {
                let id = &board.initiatives[index].id;
                html! {
                    <InitiativeCard key={place_key(id, column)} board={board.clone()} {index} column={column.clone()}
                        attention={props.attention.of(id)} changed={props.attention.changed(id)}
                        read_only={props.read_only} on_edit={handlers.on_edit.clone()} on_step={handlers.on_step.clone()}
                        on_status={handlers.on_status.clone()} on_check_in={handlers.on_check_in.clone()}
                        on_drag_start={handlers.on_drag_start.clone()} on_drag_end={handlers.on_drag_end.clone()} />
                }
            })
            .collect(),
    };
    html! {
        <div key={team_id.clone()} class="ab-phone__team">
            <h3 class="ab-phone__team-name" tabindex={first.then_some("-1")}
                data-place={first.then(|| lane_place(team_id))}>{ name }</h3>
            <div class="ab-phone__cards" role="group" aria-label={format!("{name} · {title}")}
                 data-group={group.map(|g| g.key)}>
                { content }
            </div>
        </div>
    }
}
