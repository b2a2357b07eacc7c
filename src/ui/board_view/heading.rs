//! A priority's column heading on the board: rank, title, owner and measure, re-ranked by
//! dragging, by its arrow buttons or by Alt + ←/→. A component of its own, so an edit that
//! leaves the priority and its owner as they were renders no heading again.

use super::super::card::Step;
use super::super::state::{AppState, DialogKind, Msg};
use super::Drag;
use crate::core::action::Action;
use crate::core::model::{Board, Id, Priority};
use crate::ui::dom::on_itself;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct PriorityHeaderProps {
    pub board: Rc<Board>,
    pub id: Id,
    /// How many priorities are active (the last of them cannot go lower).
    pub active_count: u32,
    pub read_only: bool,
    pub dispatch: UseReducerDispatcher<AppState>,
    pub on_dialog: Callback<Option<DialogKind>>,
    pub drag: Rc<std::cell::RefCell<Option<Drag>>>,
}

/// Equal when the heading shows the same: its priority and its owner's name, compared in
/// the two boards, so an edit of an initiative renders no heading again.
impl PartialEq for PriorityHeaderProps {
    fn eq(&self, other: &Self) -> bool {
        fn shown(props: &PriorityHeaderProps) -> (Option<&Priority>, Option<&String>) {
            let priority = props.board.priority(&props.id);
            let owner = (priority.and_then(|p| p.owner_id.as_deref()))
                .and_then(|id| props.board.person(id));
            (priority, owner.map(|person| &person.name))
        }
        self.id == other.id
            && self.active_count == other.active_count
            && self.read_only == other.read_only
            && self.dispatch == other.dispatch
            && self.on_dialog == other.on_dialog
            && Rc::ptr_eq(&self.drag, &other.drag)
            && (Rc::ptr_eq(&self.board, &other.board) || shown(self) == shown(other))
    }
}

/// A priority's column heading: rank, title, owner, measure; re-ranked by dragging it onto
/// another heading, by its arrow buttons, or by Alt + ←/→.
#[function_component]
pub fn PriorityHeader(props: &PriorityHeaderProps) -> Html {
    let Some(priority) = props.board.priority(&props.id) else {
        return Html::default();
    };
    let active_count = props.active_count;
    let owner = priority
        .owner_id
        .as_deref()
        .and_then(|o| props.board.person(o))
        .map(|p| p.name.clone());
    // Focus stays where the move was asked from: the heading (Alt + arrows), or the arrow
    // button, or the other one where the move leaves it disabled (at the first or last rank).
    let rank_to = |rank: u32, place: String| {
        let (dispatch, id) = (props.dispatch.clone(), priority.id.clone());
        Callback::from(move |_: ()| {
            dispatch.dispatch(Msg::Do {
                action: Action::RankPriority {
                    id: id.clone(),
                    rank,
                },
                focus: Some(place.clone()),
            })
        })
    };
    let rank = priority.rank;
    let (higher, lower) = (rank.saturating_sub(1).max(1), rank + 1);
    let heading = format!("priority\u{1f}{}", priority.id);
    let (raise_place, lower_place) = (
        format!("priority-raise\u{1f}{}", priority.id),
        format!("priority-lower\u{1f}{}", priority.id),
    );
    let (up, down) = (rank_to(higher, heading.clone()), rank_to(lower, heading));
    let raise = rank_to(
        higher,
        if higher <= 1 {
            lower_place.clone()
        } else {
            raise_place.clone()
        },
    );
    let lower_button = rank_to(
        lower,
        if lower >= active_count {
            raise_place.clone()
        } else {
            lower_place.clone()
        },
    );
    let on_edit = {
        let id = priority.id.clone();
        props
            .on_dialog
            .reform(move |_| Some(DialogKind::Priority(Some(id.clone()))))
    };
    let on_key = {
        let (up, down, edit, active, read_only) = (
            up.clone(),
            down.clone(),
            on_edit.clone(),
            priority.is_active(),
            props.read_only,
        );
        Callback::from(move |event: KeyboardEvent| match Step::from_key(&event) {
            Some(Step::Left) if active && !read_only => {
                event.prevent_default();
                up.emit(());
            }
            Some(Step::Right) if active && !read_only => {
                event.prevent_default();
                down.emit(());
            }
            // Enter on the heading itself (its title's button is out of the tab order, so
            // that Tab goes from heading to heading), as on a card.
            None if event.key() == "Enter" && !read_only && on_itself(&event, "ab-column-head") => {
                event.prevent_default();
                edit.emit(());
            }
            _ => {}
        })
    };
    let on_drag_start = {
        let (drag, id) = (props.drag.clone(), priority.id.clone());
        Callback::from(move |event: DragEvent| {
            if let Some(transfer) = event.data_transfer() {
                transfer.set_effect_allowed("move");
                let _ = transfer.set_data("text/plain", &id);
            }
            *drag.borrow_mut() = Some(Drag::Priority(id.clone()));
        })
    };
    let on_drag_over = {
        let drag = props.drag.clone();
        let active = priority.is_active();
        Callback::from(move |event: DragEvent| {
            if active && matches!(*drag.borrow(), Some(Drag::Priority(_))) {
                event.prevent_default();
            }
        })
    };
    let on_drop = {
        let (drag, dispatch, target_rank) =
            (props.drag.clone(), props.dispatch.clone(), priority.rank);
        Callback::from(move |event: DragEvent| {
            let Some(Drag::Priority(id)) = drag.borrow_mut().take() else {
                return;
            };
            event.prevent_default();
            dispatch.dispatch(Msg::Do {
                action: Action::RankPriority {
                    id: id.clone(),
                    rank: target_rank,
                },
                focus: Some(format!("priority\u{1f}{id}")),
            });
        })
    };
    let on_drag_end = {
        let drag = props.drag.clone();
        Callback::from(move |_: DragEvent| {
            drag.borrow_mut().take();
        })
    };
    let on_edit = on_edit.reform(|_: MouseEvent| ());
    let active = priority.is_active();
    let status = match priority.status {
        crate::core::model::PriorityStatus::Active => None,
        crate::core::model::PriorityStatus::Achieved => Some("Achieved"),
        crate::core::model::PriorityStatus::Dropped => Some("Dropped"),
    };
    html! {
        <div class={classes!("ab-column-head", (!active).then_some("ab-column-head--inactive"))} role="columnheader"
             tabindex="0" data-place={format!("priority\u{1f}{}", priority.id)}
             draggable={(active && !props.read_only).to_string()}
             aria-label={match status {
                 None => format!("Priority {}: {}", priority.rank, priority.title),
                 Some(s) => format!("{s} priority: {}", priority.title),
             }}
             aria-description={(!props.read_only).then_some(if active { "Enter edits it; Alt + left or right arrow changes its rank" } else { "Enter edits it" })}
             onkeydown={on_key} ondragstart={on_drag_start} ondragover={on_drag_over} ondrop={on_drop} ondragend={on_drag_end}>
            <span class="ab-column-head__rank" aria-hidden="true">
                { if active { format!("#{}", priority.rank) } else { priority.status.mark().into() } }
            </span>
            <div class="ab-column-head__text">
                <h2 class="ab-column-head__title">
                    if props.read_only {
                        <span class="ab-clamp" title={priority.title.clone()}>{ &priority.title }</span>
                    } else {
                        <button type="button" class="ab-column-head__edit" onclick={on_edit} tabindex="-1" title="Edit priority">
                            <span class="ab-clamp">{ &priority.title }</span>
                        </button>
                        // A printed page repeats the priorities' heading row on every page,
                        // and draws no form control in the repeats: there the title is text.
                        <span class="ab-print-only" aria-hidden="true">{ &priority.title }</span>
                    }
                </h2>
                if let Some(status) = status { <p class="ab-column-head__status">{ status }</p> }
                <p class="ab-column-head__owner">{ owner.unwrap_or_else(|| "No owner".into()) }</p>
                if !priority.success_measure.is_empty() {
                    <p class="ab-column-head__measure" title="Success measure">{ &priority.success_measure }</p>
                }
            </div>
            if active && !props.read_only {
                <div class="ab-column-head__moves">
                    <button type="button" class="ab-icon-button" disabled={rank <= 1} onclick={raise.reform(|_| ())}
                            data-place={raise_place}
                            aria-label={match rank <= 1 {
                                true => format!("“{}” is ranked first", priority.title),
                                false => format!("Raise “{}” to rank {}", priority.title, higher),
                            }}>{ "←" }</button>
                    <button type="button" class="ab-icon-button" disabled={rank >= active_count} onclick={lower_button.reform(|_| ())}
                            data-place={lower_place}
                            aria-label={match rank >= active_count {
                                true => format!("“{}” is ranked last", priority.title),
                                false => format!("Lower “{}” to rank {}", priority.title, lower),
                            }}>{ "→" }</button>
                </div>
            }
        </div>
    }
}
