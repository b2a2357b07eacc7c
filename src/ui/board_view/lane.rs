//! One team's lane: its heading and a cell per column, holding the team's cards. A lane is
//! its own component so that a change renders again only the lanes it touches: moving a
//! card on a 40-team board renders two lanes, not forty.

use super::super::card::{place_key, shows_the_same, InitiativeCard, Step};
use super::{column_key, lane_place, Attention, Drag};
use crate::core::action::Action;
use crate::core::layout::{Column, Layout};
use crate::core::model::{Board, Id, Status};
use crate::ui::state::DialogKind;
use crate::ui::state::{AppState, Msg};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What a lane's heading shows.
#[derive(Clone, PartialEq)]
pub struct Heading {
    pub team: Id,
    pub name: String,
    pub lead: Option<String>,
    /// The summed effort of the team's active initiatives.
    pub effort: u32,
}

/// The callbacks every card and cell of the board shares; they stay the same from one
/// render to the next.
#[derive(Clone, PartialEq)]
pub struct Handlers {
    pub dispatch: UseReducerDispatcher<AppState>,
    pub on_dialog: Callback<Option<DialogKind>>,
    pub on_edit: Callback<Id>,
    pub on_check_in: Callback<Id>,
    pub on_step: Callback<(Id, Column, Step)>,
    pub on_status: Callback<(Id, Column, Status)>,
    pub on_drag_start: Callback<(Id, Column)>,
    pub on_drag_end: Callback<()>,
    /// The cell a dragged card is over, as (lane, column).
    pub on_over: Callback<Option<(usize, usize)>>,
    pub drag: Rc<RefCell<Option<Drag>>>,
}

#[derive(Properties)]
pub struct LaneProps {
    pub board: Rc<Board>,
    pub layout: Rc<Layout>,
    /// Its row among the lanes (0 is the first lane).
    pub lane: usize,
    pub heading: Heading,
    /// Each column's title, for the cells' labels.
    pub titles: Rc<Vec<String>>,
    /// Whether its cards are rendered; a big board's lane out of view shows a placeholder.
    pub shown: bool,
    /// The lane's height when it was last rendered, in pixels, for its placeholder.
    pub height: Option<u32>,
    pub read_only: bool,
    pub attention: Attention,
    /// The column a dragged card is over, in this lane.
    pub over: Option<usize>,
    pub handlers: Handlers,
    /// Printing: the part of the lane this row shows, as the cards from `first` to
    /// `first + count` of each cell; a part after the first repeats the lane's heading, so
    /// every printed page that holds the lane names it.
    pub part: Option<(usize, usize)>,
}

/// Equal when the lane would look and act the same: its heading, columns and, card by
/// card, what each shows. A new board after an edit leaves most lanes equal.
impl PartialEq for LaneProps {
    fn eq(&self, other: &Self) -> bool {
        let same_rest = self.lane == other.lane
            && self.part == other.part
            && self.heading == other.heading
            && self.titles == other.titles
            && self.shown == other.shown
            && self.height == other.height
            && self.read_only == other.read_only
            && self.over == other.over
            && self.handlers == other.handlers;
        if !same_rest {
            return false;
        }
        let (a, b) = (&self.layout, &other.layout);
        if Rc::ptr_eq(&self.board, &other.board)
            && Rc::ptr_eq(a, b)
            && self.attention == other.attention
        {
            return true;
        }
        if !self.shown {
            return a.lanes.get(self.lane) == b.lanes.get(other.lane)
                && cards_in(a, self.lane) == cards_in(b, other.lane)
                && tallest(a, self.lane) == tallest(b, other.lane);
        }
        let (Some(a_cells), Some(b_cells)) = (a.cells.get(self.lane), b.cells.get(other.lane))
        else {
            return false;
        };
        a.columns == b.columns
            && a_cells.len() == b_cells.len()
            && a_cells.iter().zip(b_cells).all(|(a_cards, b_cards)| {
                a_cards.len() == b_cards.len()
                    && a_cards.iter().zip(b_cards).all(|(&i, &j)| {
                        let id = &self.board.initiatives[i].id;
                        *id == other.board.initiatives[j].id
                            && shows_the_same(&self.board, i, &other.board, j)
                            && self.attention.of(id) == other.attention.of(id)
                            && self.attention.changed(id) == other.attention.changed(id)
                    })
            })
    }
}

fn cards_in(layout: &Layout, lane: usize) -> usize {
    layout
        .cells
        .get(lane)
        .map_or(0, |cells| cells.iter().map(Vec::len).sum())
}

/// The most cards in one of the lane's cells.
fn tallest(layout: &Layout, lane: usize) -> usize {
    layout
        .cells
        .get(lane)
        .map_or(0, |cells| cells.iter().map(Vec::len).max().unwrap_or(0))
}

#[function_component]
pub fn Lane(props: &LaneProps) -> Html {
    let board = &props.board;
    let layout = &props.layout;
    let lane = props.lane;
    let heading = &props.heading;
    let handlers = &props.handlers;
    let team_id = &heading.team;
    let on_edit_team = {
        let id = team_id.clone();
        handlers
            .on_dialog
            .reform(move |_| Some(DialogKind::Team(Some(id.clone()))))
    };
    let on_slice = {
        let id = team_id.clone();
        handlers
            .on_dialog
            .reform(move |_| Some(DialogKind::Slice(vec![id.clone()])))
    };
    let placeholder = (!props.shown).then(|| {
        let count = cards_in(layout, lane);
        html! {
            <div class="ab-grid__cell ab-lane-placeholder" role="cell">
                // Its height from an attribute, not a style: see the card's progress bar.
                <svg width="1" aria-hidden="true"
                     height={props.height.unwrap_or(32 + tallest(layout, lane) as u32 * 96).to_string()} />
                { format!("{count} initiative{}", if count == 1 { "" } else { "s" }) }
            </div>
        }
    });
    // Keyed, as the cards in a cell are: a priority that changes rank moves its cells, and
    // a card that leaves a cell leaves the others' components in place.
    let cells = props.shown.then(|| layout.columns.iter().enumerate().map(|(col, column)| {
        let cards = &layout.cells[lane][col];
        let (skip, take) = props.part.unwrap_or((0, usize::MAX));
        let is_over = props.over == Some(col);
        let label = format!("{} · {}", heading.name, props.titles[col]);
        let on_drag_over = {
            let (drag, on_over) = (handlers.drag.clone(), handlers.on_over.clone());
            Callback::from(move |event: DragEvent| {
                if matches!(*drag.borrow(), Some(Drag::Card { .. })) {
                    event.prevent_default();
                    if let Some(transfer) = event.data_transfer() {
                        transfer.set_drop_effect("move");
                    }
                    if !is_over {
                        on_over.emit(Some((lane, col)));
                    }
                }
            })
        };
        let on_drop = {
            let (drag, on_over, dispatch) = (handlers.drag.clone(), handlers.on_over.clone(), handlers.dispatch.clone());
            let (team, to) = (team_id.clone(), column.clone());
            Callback::from(move |event: DragEvent| {
                let Some(Drag::Card { id, from }) = drag.borrow_mut().take() else { return };
                event.prevent_default();
                event.stop_propagation();
                on_over.emit(None);
                dispatch.dispatch(Msg::Do {
                    action: Action::MoveInitiative {
                        id: id.clone(),
                        from_priority: from.priority_id().cloned(),
                        to_priority: to.priority_id().cloned(),
                        to_team: team.clone(),
                    },
                    focus: Some(place_key(&id, &to)),
                });
            })
        };
        let on_add = {
            let (team, priority) = (team_id.clone(), column.priority_id().cloned());
            handlers.on_dialog.reform(move |_| {
                Some(DialogKind::Initiative { id: None, team: Some(team.clone()), priority: priority.clone() })
            })
        };
        html! {
            <div key={column_key(column)} class="ab-grid__cell" role="cell">
            <div class={classes!("ab-cell", is_over.then_some("ab-cell--over"), matches!(column, Column::Local).then_some("ab-cell--local"),
                                 (cards.len() <= skip).then_some("ab-cell--empty"))}
                 role="group" aria-label={label.clone()} ondragover={on_drag_over} ondrop={on_drop}>
                { cards.iter().skip(skip).take(take).map(|&index| {
                    let id = &board.initiatives[index].id;
                    html! {
                        <InitiativeCard key={place_key(id, column)} board={board.clone()} index={index} column={column.clone()}
                            attention={props.attention.of(id)} changed={props.attention.changed(id)}
                            read_only={props.read_only} on_edit={handlers.on_edit.clone()} on_step={handlers.on_step.clone()} on_status={handlers.on_status.clone()}
                            on_check_in={handlers.on_check_in.clone()}
                            on_drag_start={handlers.on_drag_start.clone()} on_drag_end={handlers.on_drag_end.clone()} />
                    }
                }).collect::<Html>() }
                if !props.read_only {
                    <button type="button" class="ab-cell__add" onclick={on_add}
                            aria-label={format!("Add initiative to {label}")}>{ "+" }</button>
                }
            </div>
            </div>
        }
    }).collect::<Html>());
    let effort = heading.effort;
    html! {
        <div class="ab-grid__row" role="row" data-lane={team_id.clone()}>
            <div class="ab-lane-head" role="rowheader"
                 tabindex="-1" data-place={lane_place(team_id)}>
                <div class="ab-lane-head__inner">
                    <h2 class="ab-lane-head__name">
                        { &heading.name }
                        if props.part.is_some_and(|(first, _)| first > 0) {
                            { " " }<span class="ab-lane-head__continued">{ "(continued)" }</span>
                        }
                    </h2>
                    <p class="ab-lane-head__lead">{ heading.lead.as_ref().map_or("No lead".into(), |l| format!("Lead: {l}")) }</p>
                    <p class={classes!("ab-lane-head__effort", (effort > 100).then_some("ab-lane-head__effort--over"))}
                       title="Sum of the effort of the team's active initiatives">
                        // A no-break space: on paper the lane is narrow, and a lone "%" is no figure.
                        { format!("Committed {effort}\u{a0}%") }
                        if effort > 100 { { " · over capacity" } }
                    </p>
                    if !props.read_only {
                        <div class="ab-lane-head__actions">
                            <button type="button" class="ab-button ab-button--quiet ab-button--small" onclick={on_edit_team}
                                    aria-label={format!("Edit team {}", heading.name)}>{ "Edit" }</button>
                            <button type="button" class="ab-button ab-button--quiet ab-button--small" onclick={on_slice}
                                    aria-label={format!("Export slice of team {}", heading.name)}>{ "Export slice" }</button>
                        </div>
                    }
                </div>
            </div>
            if let Some(cells) = cells { { cells } }
            if let Some(placeholder) = placeholder { { placeholder } }
        </div>
    }
}
