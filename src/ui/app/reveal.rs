//! Showing an item where it is seen, from the lists of Health, Allocation, Rhythm and
//! Coordination: a card, a priority's heading or a team's lane on the unfiltered board; a
//! person's initiatives, filtered; a request between teams in Coordination, in the list of
//! the team it asks. Health's items also note where in Health they were followed from.

use crate::core::coordination::listed;
use crate::core::health::Subject;
use crate::core::layout::{Filter, OwnerFilter};
use crate::core::model::{Board, Id, Initiative};
use crate::ui::coordination_view::request_place;
use crate::ui::focus::reveal_place;
use crate::ui::health_view::HealthPlace;
use crate::ui::score::subject_name;
use crate::ui::state::{AppState, Msg, Same, View};
use std::rc::Rc;
use yew::prelude::*;

/// The callbacks that show an item, and what they leave for the views they open.
pub(super) struct Reveal {
    pub on_reveal: Callback<Subject>,
    pub on_follow: Callback<HealthPlace>,
    /// The request an item asked to see: Coordination opens on it.
    pub shown_request: UseStateHandle<Option<Id>>,
    /// Where in Health the person last followed an item from: Health opens there again.
    pub health_place: UseStateHandle<Option<HealthPlace>>,
    /// A view the person goes to, by its tab or by Back: what an item asked Coordination to
    /// show is done with, and so is where Health was left, when Health is left.
    pub on_choose: Callback<View>,
}

#[hook]
pub(super) fn use_reveal(
    board: Option<Rc<Board>>,
    dispatch: UseReducerDispatcher<AppState>,
    filter: UseStateHandle<Filter>,
    view: UseStateHandle<View>,
) -> Reveal {
    let shown_request = use_state(|| None::<Id>);
    let health_place = use_state(|| None::<HealthPlace>);
    let on_choose = {
        let (view, shown_request) = (view.clone(), shown_request.clone());
        let health_place = health_place.clone();
        use_callback(*view, move |next: View, &current| {
            shown_request.set(None);
            if current == View::Health && next != View::Health {
                health_place.set(None);
            }
            view.set(next);
        })
    };
    let on_reveal = {
        let shown_request = shown_request.clone();
        // The filters in use are a dependency: the callback tells whether it sets any aside.
        let current = (*filter).clone();
        use_callback(
            (Same(board), current),
            move |subject: Subject, (Same(board), current)| {
                let Some(board) = board else { return };
                let (kind, name) = subject_name(board, &subject);
                let (focus, said, next_filter) = match &subject {
                    Subject::Person(id) => (
                        None,
                        format!("Showing the initiatives {name} owns"),
                        Filter {
                            owner: OwnerFilter::Person(id.clone()),
                            ..Filter::default()
                        },
                    ),
                    // A request is answered in Coordination, in the list of the team it asks; one
                    // that is not listed there (delivered) shows its asking card on the board.
                    Subject::Dependency(id) if listed(board, id) => {
                        shown_request.set(Some(id.clone()));
                        view.set(View::Coordination);
                        dispatch.dispatch(Msg::Reveal {
                            focus: Some(request_place(id)),
                            announcement: format!("Showing the request {name} in Coordination"),
                        });
                        return;
                    }
                    other => (
                        reveal_place(board, other),
                        format!("Showing {kind} {name} on the board"),
                        // Filters that let its card through stay as the person set them.
                        if card_of(board, other)
                            .is_some_and(|i| current.lets_through(board, i, false))
                        {
                            current.clone()
                        } else {
                            Filter {
                                // An earlier period's card (or the card asking a request) is
                                // shown with that period's work; shown already, it stays.
                                earlier: current.earlier || shows_earlier(board, other),
                                ..Filter::default()
                            }
                        },
                    ),
                };
                view.set(View::Board);
                // Filters the person set are put aside where they can see it said, not
                // silently: the notice is read out, and the board's region stays quiet.
                let announcement = if current.is_active() && *current != next_filter {
                    dispatch.dispatch(Msg::Done(format!(
                        "{said}: the filters set before are cleared so that nothing hides it."
                    )));
                    String::new()
                } else {
                    said
                };
                filter.set(next_filter);
                dispatch.dispatch(Msg::Reveal {
                    focus,
                    announcement,
                });
            },
        )
    };
    let on_follow = {
        let health_place = health_place.clone();
        use_callback(on_reveal.clone(), move |place: HealthPlace, on_reveal| {
            let subject = place.subject.clone();
            health_place.set(Some(place));
            on_reveal.emit(subject);
        })
    };
    Reveal {
        on_reveal,
        on_follow,
        shown_request,
        health_place,
        on_choose,
    }
}

/// The initiative whose card shows `subject`, if a card does (a request's is the asking one).
fn card_of<'a>(board: &'a Board, subject: &Subject) -> Option<&'a Initiative> {
    let id = match subject {
        Subject::Initiative(id) => Some(id),
        Subject::Dependency(id) => board
            .dependencies
            .iter()
            .find(|d| &d.id == id)
            .map(|d| &d.from_initiative_id),
        _ => None,
    };
    id.and_then(|id| board.initiative(id))
}

/// Whether the card that shows `subject` is an earlier period's work (`Board::is_earlier`).
fn shows_earlier(board: &Board, subject: &Subject) -> bool {
    card_of(board, subject).is_some_and(|i| board.is_earlier(i))
}
