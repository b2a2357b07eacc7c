//! Filtering the board by team, owner and status. On a phone the filters fold behind one
//! "Filter" button that says how many are on: the stylesheet's phone section shows the
//! button and folds the fields; elsewhere the button is not shown and the fields always are.

use super::fields::{use_field_id, SelectField};
use super::state::{use_board, Command};
use crate::core::layout::{Filter, OwnerFilter, StatusFilter};
use crate::core::model::{Board, Person, Status};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct FilterBarProps {
    pub board: Rc<Board>,
    pub filter: Filter,
    pub on_change: Callback<Filter>,
    /// How many initiatives the filter lets through, of how many.
    pub shown: usize,
    /// How many initiatives the health analysis flags as needing attention, of those the
    /// other filters let through.
    pub flagged: usize,
    /// How many initiatives an earlier period finished (`Board::earlier_count`).
    pub earlier: usize,
}

/// Equal when what the filters show is: the same teams and people (the lists by identity,
/// so an edit of an initiative, which shares them with the board before, renders no
/// filter again), as many initiatives, the same filter and figures.
impl PartialEq for FilterBarProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.board, &other.board);
        (Rc::ptr_eq(a, b)
            || (a.teams.same(&b.teams)
                && a.people.same(&b.people)
                && a.initiatives.len() == b.initiatives.len()))
            && self.filter == other.filter
            && self.on_change == other.on_change
            && self.shown == other.shown
            && self.flagged == other.flagged
            && self.earlier == other.earlier
    }
}

const ALL: &str = "";
const NOBODY: &str = "\u{0}nobody";
const UNFINISHED: &str = "\u{0}unfinished";

pub fn filter_bar(props: &FilterBarProps) -> Html {
    // A board with no initiatives has nothing to filter: its empty state speaks alone.
    if props.board.initiatives.is_empty() && active_count(&props.filter) == 0 {
        return Html::default();
    }
    html! {
        <Filters board={props.board.clone()} filter={props.filter.clone()} on_change={props.on_change.clone()}
                 shown={props.shown} flagged={props.flagged} earlier={props.earlier} />
    }
}

/// How many of the filters are on.
fn active_count(filter: &Filter) -> usize {
    [
        filter.team.is_some(),
        filter.owner != OwnerFilter::Anyone,
        filter.status != StatusFilter::Any,
        filter.attention,
        filter.earlier,
    ]
    .into_iter()
    .filter(|on| *on)
    .count()
}

#[function_component]
fn Filters(props: &FilterBarProps) -> Html {
    let context = use_board();
    let open = use_state(|| false);
    let panel_id = use_field_id();
    let board = &props.board;
    let filter = &props.filter;

    // Work an earlier period finished that the other filters would show (a board filtered
    // to Done once a new period started showed nothing, unexplained): counted, and shown
    // at a click.
    let with_earlier = Filter {
        earlier: true,
        ..filter.clone()
    };
    let earlier_matching = match filter.is_active() && !filter.earlier && props.earlier > 0 {
        true => (board.initiatives.iter())
            .filter(|i| {
                with_earlier.lets_through(board, i, false) && !filter.lets_through(board, i, false)
            })
            .count(),
        false => 0,
    };
    let show_earlier = props.on_change.reform(move |_| with_earlier.clone());
    let mut teams: Vec<(AttrValue, AttrValue)> = vec![(ALL.into(), "All teams".into())];
    teams.extend(
        board
            .teams
            .iter()
            .map(|t| (t.id.clone().into(), t.name.clone().into())),
    );
    let mut owners: Vec<(AttrValue, AttrValue)> = vec![
        (ALL.into(), "Anyone".into()),
        (NOBODY.into(), "No owner".into()),
    ];
    let mut people: Vec<&Person> = board.people.iter().collect();
    people.sort_by_cached_key(|&p| p.name.as_str());
    owners.extend(
        people
            .into_iter()
            .map(|p| (p.id.clone().into(), p.name.clone().into())),
    );
    let mut statuses: Vec<(AttrValue, AttrValue)> = vec![
        (ALL.into(), "Any status".into()),
        (UNFINISHED.into(), "Unfinished".into()),
    ];
    statuses.extend(
        Status::ALL
            .iter()
            .map(|s| (s.key().into(), s.label().into())),
    );

    let change = |update: fn(&mut Filter, String)| {
        let filter = filter.clone();
        props.on_change.reform(move |value: String| {
            let mut next = filter.clone();
            update(&mut next, value);
            next
        })
    };
    let owner_value = match &filter.owner {
        OwnerFilter::Anyone => ALL.to_string(),
        OwnerFilter::Nobody => NOBODY.to_string(),
        OwnerFilter::Person(id) => id.clone(),
    };
    let status_value = match filter.status {
        StatusFilter::Any => ALL,
        StatusFilter::Unfinished => UNFINISHED,
        StatusFilter::Is(status) => status.key(),
    };
    // Of the work the board holds for this period, unless earlier periods' is asked for.
    let total = board.initiatives.len() - if filter.earlier { 0 } else { props.earlier };
    let on = active_count(filter);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let toggle_ref = use_node_ref();
    let panel_ref = use_node_ref();
    // Escape closes an open panel and gives focus back to its button, as a menu does.
    let on_key = {
        let (open, toggle_ref) = (open.clone(), toggle_ref.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" && *open {
                event.stop_propagation();
                open.set(false);
                if let Some(button) = toggle_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        })
    };
    // Clear filters goes with the filters: focus goes to the first of them (to the panel's
    // button where it is folded away), not out of the board.
    let on_clear = {
        let (on_change, panel_ref, toggle_ref) = (
            props.on_change.clone(),
            panel_ref.clone(),
            toggle_ref.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            on_change.emit(Filter::default());
            let first = panel_ref
                .cast::<web_sys::Element>()
                .and_then(|panel| panel.query_selector("select").ok().flatten())
                .and_then(|select| select.dyn_into::<web_sys::HtmlElement>().ok())
                .filter(|select| select.offset_parent().is_some());
            if let Some(target) = first.or_else(|| toggle_ref.cast::<web_sys::HtmlElement>()) {
                let _ = target.focus();
            }
        })
    };
    html! {
        <section class="ab-filters ab-filters--board" aria-label="Filters" onkeydown={on_key}>
            <button type="button" ref={toggle_ref} class={classes!("ab-button", "ab-filters__toggle", (on > 0).then_some("ab-filters__toggle--on"))}
                    aria-expanded={open.to_string()} aria-controls={panel_id.clone()} onclick={toggle}
                    aria-label={if on > 0 { format!("Filter ({on})") } else { "Filter".to_string() }}>
                <svg class="ab-filters__icon" viewBox="0 0 16 16" aria-hidden="true">
                    <path d="M2 3h12l-4.5 5.5V13l-3 1.5V8.5z" />
                </svg>
                { "Filter" }
                if on > 0 { <span class="ab-filters__on" aria-hidden="true">{ on }</span> }
            </button>
            <div id={panel_id} ref={panel_ref} class={classes!("ab-filters__panel", (!*open).then_some("ab-filters__panel--closed"))}>
                <SelectField compact=true label="Team" value={filter.team.clone().unwrap_or_default()} options={teams}
                    on_change={change(|f, v| f.team = (!v.is_empty()).then_some(v))} />
                <SelectField compact=true label="Owner" value={owner_value} options={owners}
                    on_change={change(|f, v| f.owner = match v.as_str() {
                        ALL => OwnerFilter::Anyone,
                        NOBODY => OwnerFilter::Nobody,
                        _ => OwnerFilter::Person(v),
                    })} />
                <SelectField compact=true label="Status" value={status_value} options={statuses}
                    on_change={change(|f, v| f.status = match v.as_str() {
                        UNFINISHED => StatusFilter::Unfinished,
                        _ => Status::from_key(&v).map_or(StatusFilter::Any, StatusFilter::Is),
                    })} />
                <label class="ab-check ab-filters__attention">
                    <input type="checkbox" checked={filter.attention}
                           onchange={let filter = filter.clone(); props.on_change.reform(move |_| Filter { attention: !filter.attention, ..filter.clone() })} />
                    { format!("Needs attention ({})", props.flagged) }
                </label>
                // Once the board has started a new period, what earlier ones finished is left
                // out; asked for, it comes back in its place.
                if props.earlier > 0 || filter.earlier {
                    <label class="ab-check ab-filters__attention" title="Work done or dropped before this period began">
                        <input type="checkbox" checked={filter.earlier}
                               onchange={let filter = filter.clone(); props.on_change.reform(move |_| Filter { earlier: !filter.earlier, ..filter.clone() })} />
                        { format!("Earlier periods' work ({})", props.earlier) }
                    </label>
                }
            </div>
            <p class="ab-filters__count" aria-live="polite">
                if filter.is_active() {
                    { format!("Showing {} of {total}", props.shown) }
                    if earlier_matching > 0 {
                        { " · " }
                        <button type="button" class="ab-link-button" onclick={show_earlier}>
                            { format!("{earlier_matching} more from earlier periods") }
                        </button>
                    }
                } else {
                    { initiatives(total) }
                    if props.earlier > 0 {
                        { format!(" ({} from earlier periods not shown)", props.earlier) }
                    }
                }
            </p>
            if filter.is_active() {
                <button type="button" class="ab-button ab-button--quiet ab-filters__clear" onclick={on_clear}>
                    { "Clear filters" }
                </button>
            }
            // The board's density beside what it shows (also in the Settings menu): on a
            // laptop's screen compact cards show a whole lane where full ones show two.
            <label class="ab-check ab-filters__compact" title="Title, status and owner only">
                <input type="checkbox" checked={context.compact}
                       onchange={context.on_command.reform(|_| Command::CompactCards)} />
                { "Compact cards" }
            </label>
        </section>
    }
}

/// "1 initiative", "29 initiatives".
fn initiatives(n: usize) -> String {
    match n {
        1 => "1 initiative".to_string(),
        n => format!("{n} initiatives"),
    }
}
