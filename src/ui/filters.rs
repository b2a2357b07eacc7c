//! Filtering the board by team, owner and status.

use super::fields::SelectField;
use crate::core::layout::{Filter, OwnerFilter};
use crate::core::model::{Board, Person, Status};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    pub board: Rc<Board>,
    pub filter: Filter,
    pub on_change: Callback<Filter>,
    /// How many initiatives the filter lets through, of how many.
    pub shown: usize,
    /// How many initiatives the health analysis flags as needing attention.
    pub flagged: usize,
}

const ALL: &str = "";
const NOBODY: &str = "\u{0}nobody";

pub fn filter_bar(props: &FilterBarProps) -> Html {
    let board = &props.board;
    let filter = &props.filter;

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
    let mut statuses: Vec<(AttrValue, AttrValue)> = vec![(ALL.into(), "Any status".into())];
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
    let total = board.initiatives.len();
    html! {
        <section class="ab-filters" aria-label="Filters">
            <SelectField compact=true label="Team" value={filter.team.clone().unwrap_or_default()} options={teams}
                on_change={change(|f, v| f.team = (!v.is_empty()).then_some(v))} />
            <SelectField compact=true label="Owner" value={owner_value} options={owners}
                on_change={change(|f, v| f.owner = match v.as_str() {
                    ALL => OwnerFilter::Anyone,
                    NOBODY => OwnerFilter::Nobody,
                    _ => OwnerFilter::Person(v),
                })} />
            <SelectField compact=true label="Status" value={filter.status.map(|s| s.key()).unwrap_or(ALL)} options={statuses}
                on_change={change(|f, v| f.status = Status::from_key(&v))} />
            <label class="ab-check ab-filters__attention">
                <input type="checkbox" checked={filter.attention}
                       onchange={let filter = filter.clone(); props.on_change.reform(move |_| Filter { attention: !filter.attention, ..filter.clone() })} />
                { format!("Needs attention ({})", props.flagged) }
            </label>
            <p class="ab-filters__count" aria-live="polite">
                if filter.is_active() {
                    { format!("Showing {} of {total} initiatives", props.shown) }
                } else {
                    { format!("{total} initiatives") }
                }
            </p>
            if filter.is_active() {
                <button type="button" class="ab-button ab-button--quiet" onclick={props.on_change.reform(|_| Filter::default())}>
                    { "Clear filters" }
                </button>
            }
        </section>
    }
}
