//! The board: ranked priorities as columns plus "Local work", teams as lanes, initiatives
//! as cards. Cards and priorities move by drag and drop or by Alt + arrow keys; both end
//! in the same `Action`s.

use super::card::{note_open_menu, opened_by_click, park_focus, place_key, Step};
use super::dom::without_scrolling;
use super::state::{use_board, DialogKind, Msg};
use crate::core::action::Action;
use crate::core::layout::{Column, Layout};
use crate::core::model::{Board, Id, Status};
use crate::core::rhythm::{changed_since, last_review};
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

mod heading;
mod lane;
mod lanes;
mod phone;
mod sticky;
use heading::PriorityHeader;
use lane::{Handlers, Heading, Lane};
use lanes::{LaneWatch, Shown, EAGER_CARDS, FIRST_CARDS};
use phone::PhoneBoard;
use sticky::{HeadHeight, Heads};

/// Why each initiative needs attention (from the health analysis), by initiative id.
/// Equal when it is the same map: it is rebuilt only when the board changes.
/// Also knows which initiatives changed since the last review.
#[derive(Clone, Default)]
pub struct Attention(Rc<HashMap<Id, Rc<Vec<String>>>>, Rc<Vec<Id>>);

impl Attention {
    pub fn new(reasons: HashMap<Id, Vec<String>>, board: &Board) -> Attention {
        let mut changed: Vec<Id> = match last_review(board) {
            Some(at) => changed_since(board, at)
                .into_iter()
                .map(|initiative| board.initiatives[initiative].id.clone())
                .collect(),
            None => Vec::new(),
        };
        changed.sort_unstable();
        Attention(
            Rc::new(
                reasons
                    .into_iter()
                    .map(|(id, reasons)| (id, Rc::new(reasons)))
                    .collect(),
            ),
            Rc::new(changed),
        )
    }

    /// Whether the initiative changed since the last review.
    pub fn changed(&self, initiative: &str) -> bool {
        self.1
            .binary_search_by(|id| id.as_str().cmp(initiative))
            .is_ok()
    }

    pub fn of(&self, initiative: &str) -> Option<Rc<Vec<String>>> {
        self.0.get(initiative).cloned()
    }
}

impl PartialEq for Attention {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The `data-place` of a team's lane heading.
pub fn lane_place(team: &str) -> String {
    format!("team\u{1f}{team}")
}

/// A column's key among the columns of a row: a priority's id after a prefix that the
/// Local column's key does not start with, so no id can take another column's key.
pub fn column_key(column: &Column) -> String {
    match column {
        Column::Priority(id) => format!("p\u{1f}{id}"),
        Column::Local => "local".to_string(),
    }
}

#[derive(Properties)]
pub struct BoardViewProps {
    pub board: Rc<Board>,
    pub layout: Rc<Layout>,
    #[prop_or_default]
    pub attention: Attention,
    /// The `data-place` about to be focused: its lane is rendered even when out of sight.
    #[prop_or_default]
    pub focus: Option<String>,
    /// Printing: every lane is rendered, in sight or not.
    #[prop_or_default]
    pub printing: bool,
}

/// The board and layout compared by identity: the app makes a new board only for a change,
/// and a new layout only for a new board, filter or analysis. Compared by content, a big
/// board's two lists of initiatives were walked on every edit, to find the change that
/// made the board new.
impl PartialEq for BoardViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.board, &other.board)
            && Rc::ptr_eq(&self.layout, &other.layout)
            && self.attention == other.attention
            && self.focus == other.focus
            && self.printing == other.printing
    }
}

/// Printed, a lane is cut into rows of at most this many cards a cell: a row of them fits
/// a landscape page.
const PRINT_CARDS: usize = 4;

/// What is being dragged.
#[derive(Clone, Debug, PartialEq)]
pub enum Drag {
    Card { id: Id, from: Column },
    Priority(Id),
}

#[function_component]
pub fn BoardView(props: &BoardViewProps) -> Html {
    let context = use_board();
    let board = &props.board;
    let layout = &props.layout;
    let drag = use_mut_ref(|| None::<Drag>);
    let over = use_state(|| None::<(usize, usize)>);
    let shown = use_mut_ref(Shown::default);
    let redraw = use_force_update();
    let grid = use_node_ref();
    let section = use_node_ref();
    // As narrow as a phone the board is a list; printed, it is the grid whatever its width.
    let phone = super::narrow::use_narrow(&section) && !props.printing;
    let cards_in = |lane: usize| layout.cells[lane].iter().map(Vec::len).sum::<usize>();
    let all_cards: usize = (0..layout.lanes.len()).map(cards_in).sum();
    let virtual_lanes = all_cards > EAGER_CARDS && !props.printing && !phone;
    // The lane of the card about to be focused (after a move, or shown from another view) is
    // built even when out of sight, and stays built while the focus asks for it.
    let focused_team = props
        .focus
        .as_deref()
        .and_then(|place| place.split('\u{1f}').next())
        .and_then(|id| board.initiative(id))
        .map(|i| i.team_id.clone());
    if virtual_lanes {
        let mut shown = shown.borrow_mut();
        if !shown.started {
            shown.started = true;
            let mut cards = 0;
            for (lane, team) in layout.lanes.iter().enumerate() {
                if cards > 0 && cards + cards_in(lane) > FIRST_CARDS {
                    break;
                }
                cards += cards_in(lane);
                shown.show(team);
            }
        }
        if let Some(team) = &focused_team {
            shown.show(team);
        }
    }
    // Lanes that come near the screen render, those far from it wait as placeholders:
    // looked at after every render, since each render may add or replace lanes.
    let watch = use_mut_ref(LaneWatch::default);
    // The lanes' names stay in view under the priorities' heads, whose height is watched.
    let head_height = use_mut_ref(HeadHeight::default);
    {
        let (shown, redraw, grid, drag, focused_team) = (
            shown.clone(),
            redraw.clone(),
            grid.clone(),
            drag.clone(),
            focused_team.clone(),
        );
        use_effect(move || {
            let asked = (drag.borrow().is_some(), focused_team.clone());
            let keep: Rc<dyn Fn(&str) -> bool> = Rc::new(move |team| {
                drag.borrow().is_some() || focused_team.as_deref() == Some(team)
            });
            head_height.borrow_mut().update(&grid, Heads::FirstRow);
            let mut watch = watch.borrow_mut();
            if virtual_lanes {
                watch.update(&grid, "data-lane", true, &shown, (keep, asked), &redraw);
            } else {
                watch.stop();
            }
        });
    }
    let on_edit = use_callback(context.on_dialog.clone(), |id: Id, on_dialog| {
        on_dialog.emit(Some(DialogKind::Initiative {
            id: Some(id),
            team: None,
            priority: None,
        }))
    });
    let on_check_in = use_callback(context.on_dialog.clone(), |id: Id, on_dialog| {
        on_dialog.emit(Some(DialogKind::CheckIn(id)))
    });
    // The cards' callbacks stay the same from one board to the next, so a card whose
    // initiative did not change is not rendered again; a move reads the board and layout
    // of the latest render from here.
    let current = use_mut_ref(|| (props.board.clone(), props.layout.clone()));
    *current.borrow_mut() = (props.board.clone(), props.layout.clone());
    let on_step = {
        let (current, shown_for_step) = (current.clone(), shown.clone());
        use_callback(
            context.dispatch.clone(),
            move |(id, column, step): (Id, Column, Step), dispatch| {
                let (board, layout) = current.borrow().clone();
                let Some(initiative) = board.initiative(&id) else {
                    return;
                };
                let Some(col) = layout.columns.iter().position(|c| *c == column) else {
                    return;
                };
                let Some(lane) = layout.lanes.iter().position(|t| *t == initiative.team_id) else {
                    return;
                };
                // A closed priority's column holds work still active, but none moves in.
                let open = |c: &usize| match &layout.columns[*c] {
                    Column::Priority(id) => board.priority(id).is_some_and(|p| p.is_active()),
                    Column::Local => true,
                };
                let (col, lane) = match step {
                    Step::Left => ((0..col).rev().find(open), Some(lane)),
                    Step::Right => ((col + 1..layout.columns.len()).find(open), Some(lane)),
                    Step::Up => (Some(col), lane.checked_sub(1)),
                    Step::Down => (
                        Some(col),
                        Some(lane + 1).filter(|l| *l < layout.lanes.len()),
                    ),
                };
                let (Some(col), Some(lane)) = (col, lane) else {
                    // Said, not silent: a person moving by keyboard hears why nothing moved.
                    let edge = match step {
                        Step::Left => "it is under the first priority",
                        Step::Right if column == Column::Local => "it is in local work",
                        Step::Right => "it is under the last priority",
                        Step::Up => "it is in the first team",
                        Step::Down => "it is in the last team",
                    };
                    let hidden = matches!(step, Step::Up | Step::Down)
                        && layout.lanes.len() < board.teams.len();
                    // Shown too, at the window's foot: a sighted person moving by keyboard
                    // sees why nothing moved. Focus stays on the card.
                    dispatch.dispatch(Msg::Done(format!(
                        "“{}” cannot move there: {edge}{}",
                        initiative.title,
                        if hidden {
                            " shown; a filter hides other teams"
                        } else {
                            ""
                        }
                    )));
                    return;
                };
                let to = layout.columns[col].clone();
                shown_for_step.borrow_mut().show(&layout.lanes[lane]);
                // The card leaves its cell: focus waits on the board until it is in the new one.
                let parked = park_focus();
                dispatch.dispatch(Msg::Do {
                    action: Action::MoveInitiative {
                        id: id.clone(),
                        from_priority: column.priority_id().cloned(),
                        to_priority: to.priority_id().cloned(),
                        to_team: layout.lanes[lane].clone(),
                    },
                    focus: Some(place_key(&id, &to)),
                });
                // Once the board has rendered the change (its render was queued first): a move
                // the board refused left the card in its cell, and focus goes back to it.
                if let Some(card) = parked {
                    wasm_bindgen_futures::spawn_local(async move {
                        if card.is_connected() {
                            let _ = card.focus_with_options(&without_scrolling());
                        }
                    });
                }
            },
        )
    };
    // A status chosen in a card's status menu.
    let on_status = {
        let current = current.clone();
        use_callback(
            context.dispatch.clone(),
            move |(id, column, status): (Id, Column, Status), dispatch| {
                let board = current.borrow().0.clone();
                let Some(mut updated) = board.initiative(&id).cloned() else {
                    return;
                };
                updated.status = status;
                updated.progress = status.progress_from(updated.progress);
                dispatch.dispatch(Msg::Do {
                    action: Action::UpdateInitiative(updated),
                    focus: Some(place_key(&id, &column)),
                });
            },
        )
    };
    let on_drag_start = {
        let drag = drag.clone();
        use_callback((), move |(id, from): (Id, Column), _| {
            *drag.borrow_mut() = Some(Drag::Card { id, from });
        })
    };
    let on_drag_end = {
        let (drag, over) = (drag.clone(), over.setter());
        use_callback((), move |(), _| {
            drag.borrow_mut().take();
            over.set(None);
        })
    };
    let on_over = use_callback(over.setter(), |cell: Option<(usize, usize)>, over| {
        over.set(cell)
    });

    if board.teams.is_empty() && board.priorities.is_empty() {
        return getting_started(&GettingStartedProps {
            read_only: context.read_only,
            on_dialog: context.on_dialog.clone(),
        });
    }

    let active_count = board.ranked_priorities().len() as u32;
    let headers = layout.columns.iter().map(|column| {
        let header = match column {
            Column::Priority(id) => html! {
                <PriorityHeader board={board.clone()} id={id.clone()} {active_count} read_only={context.read_only}
                    dispatch={context.dispatch.clone()} on_dialog={context.on_dialog.clone()} drag={drag.clone()} />
            },
            Column::Local => html! {
                <div key="local" class="ab-column-head ab-column-head--local" role="columnheader">
                    <span class="ab-column-head__rank" aria-hidden="true">{ "—" }</span>
                    <div class="ab-column-head__text">
                        <h2 class="ab-column-head__title">{ "Local work" }</h2>
                        <p class="ab-column-head__measure">{ "Serves no shared priority" }</p>
                    </div>
                </div>
            },
        };
        html! { <div key={column_key(column)} class="ab-grid__head">{ header }</div> }
    })
    .collect::<Html>();

    // What each lane shows besides its cards, gathered in one pass over the board.
    let efforts = board.team_efforts(&layout.lanes);
    let titles = Rc::new(
        layout
            .columns
            .iter()
            .map(|column| {
                column
                    .priority_id()
                    .and_then(|p| board.priority(p))
                    .map_or("Local work".to_string(), |p| p.title.clone())
            })
            .collect::<Vec<_>>(),
    );
    let on_card_click = {
        let on_edit = on_edit.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(id) = opened_by_click(&event) {
                on_edit.emit(id);
            }
        })
    };
    let handlers = Handlers {
        dispatch: context.dispatch.clone(),
        on_dialog: context.on_dialog.clone(),
        on_edit,
        on_check_in,
        on_step,
        on_status,
        on_drag_start,
        on_drag_end,
        on_over,
        drag: drag.clone(),
    };
    // Keyed lists, each one child of the row or grid that holds it: a column or lane that
    // comes or goes (a filter, a new priority) leaves the others' components in place.
    let lanes = layout.lanes.iter().enumerate().filter_map(|(lane, team_id)| {
        let team = board.team(team_id)?;
        let heading = Heading {
            team: team_id.clone(),
            name: team.name.clone(),
            lead: team.lead_id.as_deref().and_then(|l| board.person(l)).map(|p| p.name.clone()),
            effort: efforts[lane],
        };
        // Printed, a lane is cut into rows of at most PRINT_CARDS cards a cell, each short
        // enough for a page and each headed by the lane's name.
        let parts: Vec<Option<(usize, usize)>> = match props.printing {
            false => vec![None],
            true => {
                let tallest = layout.cells[lane].iter().map(Vec::len).max().unwrap_or(0);
                (0..tallest.div_ceil(PRINT_CARDS).max(1))
                    .map(|part| Some((part * PRINT_CARDS, PRINT_CARDS)))
                    .collect()
            }
        };
        Some(parts.into_iter().map(|part| html! {
            <Lane key={format!("{team_id}\u{1f}{}", part.map_or(0, |(first, _)| first))} board={board.clone()} layout={layout.clone()} {lane} heading={heading.clone()}
                  titles={titles.clone()} shown={!virtual_lanes || shown.borrow().has(team_id)}
                  height={shown.borrow().height(team_id)}
                  read_only={context.read_only} attention={props.attention.clone()}
                  over={over.filter(|(l, _)| *l == lane).map(|(_, col)| col)}
                  handlers={handlers.clone()} {part} />
        }).collect::<Vec<_>>())
    })
    .flatten()
    .collect::<Html>();

    html! {
        <section ref={section} class={classes!("ab-board", context.compact.then_some("ab-board--compact"))} aria-label="Board"
                 onpointerdown={note_open_menu} onclick={on_card_click}>
            if board.teams.is_empty() {
                <div class="ab-empty-hint">
                    <p>{ "Teams are the board's rows. Add one to start placing initiatives." }</p>
                    if !context.read_only {
                        <button type="button" class="ab-button ab-button--primary"
                                onclick={context.on_dialog.reform(|_| Some(DialogKind::Team(None)))}>{ "Add team" }</button>
                    }
                </div>
            }
            if board.ranked_priorities().is_empty() {
                <div class="ab-empty-hint">
                    <p>{ "No active priorities yet: all work counts as local work until you add what matters most." }</p>
                    if !context.read_only {
                        <button type="button" class="ab-button ab-button--primary"
                                onclick={context.on_dialog.reform(|_| Some(DialogKind::Priority(None)))}>{ "Add priority" }</button>
                    }
                </div>
            }
            if phone {
                <PhoneBoard board={board.clone()} layout={layout.clone()} attention={props.attention.clone()}
                            read_only={context.read_only} handlers={handlers.clone()}
                            focused_team={focused_team.clone()} />
            } else {
                <div class="ab-grid" role="table" aria-label="Initiatives by team and priority" ref={grid}
                     ~style={grid_columns(board, layout)}>
                    <div class="ab-grid__row ab-grid__row--head" role="row">
                        <div class="ab-grid__corner" role="columnheader">
                            <span aria-hidden="true">{ "Priorities →" }</span><span>{ "Teams" }<span aria-hidden="true">{ " ↓" }</span></span>
                        </div>
                        { headers }
                    </div>
                    { lanes }
                </div>
                if !context.read_only {
                    <p class="ab-board__hint">{ "Tip: drag cards between cells, or focus a card and press Alt + arrow keys. Alt + ←/→ on a priority changes its rank." }</p>
                }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct GettingStartedProps {
    read_only: bool,
    on_dialog: Callback<Option<DialogKind>>,
}

/// A blank board: say what to do first.
fn getting_started(props: &GettingStartedProps) -> Html {
    html! {
        <section class="ab-getting-started" aria-labelledby="ab-gs-title">
            <h2 id="ab-gs-title">{ "An empty board" }</h2>
            if props.read_only {
                <p>{ "Nothing is on this board yet: no priorities, teams or initiatives." }</p>
            } else {
                <ol>
                    <li>{ "Add your strategic priorities, most important first: the board is laid out by them." }</li>
                    <li>{ "Add the teams of your team of teams: each team's work is kept together under each priority." }</li>
                    <li>{ "Add initiatives and link each to the priorities it serves; work that serves none shows as local work." }</li>
                </ol>
                <div class="ab-getting-started__actions">
                    <button type="button" class="ab-button ab-button--primary"
                            onclick={props.on_dialog.reform(|_| Some(DialogKind::Priority(None)))}>{ "Add priority" }</button>
                    <button type="button" class="ab-button"
                            onclick={props.on_dialog.reform(|_| Some(DialogKind::Team(None)))}>{ "Add team" }</button>
                    <button type="button" class="ab-button"
                            onclick={props.on_dialog.reform(|_| Some(DialogKind::People(None)))}>{ "People" }</button>
                </div>
            }
        </section>
    }
}

/// The grid's columns, for its `style` property. Given as a property, the text goes to the
/// style object (CSSOM), which a page's Content-Security-Policy allows where it forbids a
/// style attribute; and it is there as the grid is made, so the first frame the browser
/// paints already has the board's columns (set after the render, the board showed one
/// frame of full-width cards before they jumped into their columns). A column with no card
/// in any lane (often, with a filter on) is narrow, and the lanes' headings are as wide as
/// their text needs.
fn grid_columns(board: &Board, layout: &Layout) -> String {
    format!(
        "--ab-template: {}; --ab-lane-width: {}",
        column_template(board, layout),
        lane_width(board, layout)
    )
}

/// The grid's column tracks after the lanes' headings: a full card's width for a column
/// with cards, a narrow one for a column with none in any lane (a priority just added), yet
/// wide enough for the longest word of its heading's title on a line of its own beside the
/// rank and the arrows, within bounds.
fn column_template(board: &Board, layout: &Layout) -> String {
    let tracks: Vec<String> = layout
        .columns
        .iter()
        .enumerate()
        .map(|(col, column)| {
            if layout.cells.iter().any(|lane| !lane[col].is_empty()) {
                "minmax(var(--ab-column-width), 1fr)".to_string()
            } else {
                let word = column
                    .priority_id()
                    .and_then(|id| board.priority(id))
                    .map_or(0, |priority| longest_word(&priority.title))
                    .clamp(5, 12);
                format!(
                    "minmax(max(var(--ab-empty-column-width), calc({word}ch * 1.2 + 100px)), 0.5fr)"
                )
            }
        })
        .collect();
    tracks.join(" ")
}

/// The characters of the longest word of `text`, a hyphenated word counted by its parts
/// (a line may end after a hyphen).
fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .flat_map(|word| word.split_inclusive('-'))
        .map(|part| part.chars().count())
        .max()
        .unwrap_or(0)
}

/// How wide the lanes' headings are: room for the longest team name on two lines (its
/// longest word on one) beside the Edit button, within bounds, in the font's own
/// character widths.
fn lane_width(board: &Board, layout: &Layout) -> String {
    let chars = layout
        .lanes
        .iter()
        .filter_map(|id| board.team(id))
        .map(|team| {
            let name = team.name.chars().count();
            longest_word(&team.name).max(name.div_ceil(2))
        })
        .max()
        .unwrap_or(0)
        .clamp(8, 16);
    format!("calc({chars}ch * 1.2 + 76px)")
}
