//! Showing an item where it is seen, from the lists of Health, Allocation, Rhythm and
//! Coordination: a card, a priority's heading or a team's lane on the unfiltered board; a
//! person's initiatives, filtered; a request between teams in Coordination, in the list of
//! the team it asks. Health's items also note where in Health they were followed from.

use crate::core::coordination::listed;
use crate::core::health::Subject;
use crate::core::layout::{Filter, OwnerFilter};
use crate::core::model::{Board, Id};
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
        // The filters in use are a dependency: the callback tells whether it clears any.
        let filtered = *filter != Filter::default();
        use_callback(
            (Same(board), filtered),
            move |subject: Subject, (Same(board), filtered)| {
                let Some(board) = board else { return };
                let (kind, name) = subject_name(board, &subject);
                let (focus, announcement) = match &subject {
                    Subject::Person(id) => {
                        filter.set(Filter {
                            owner: OwnerFilter::Person(id.clone()),
                            ..Filter::default()
                        });
                        view.set(View::Board);
                        (None, format!("Showing the initiatives {name} owns"))
                    }
                    // A request is answered in Coordination, in the list of the team it asks; one
                    // that is not listed there (delivered) shows its asking card on the board.
                    Subject::Dependency(id) if listed(board, id) => {
                        shown_request.set(Some(id.clone()));
                        view.set(View::Coordination);
                        (
                            Some(request_place(id)),
                            format!("Showing the request {name} in Coordination"),
                        )
                    }
                    other => {
                        let said = format!("Showing {kind} {name} on the board");
                        view.set(View::Board);
                        if !*filtered {
                            (reveal_place(board, other), said)
                        } else {
                            // Filters the person set are put aside where they can see it said,
                            // not silently: the notice is read out, the board's region stays quiet.
                            filter.set(Filter::default());
                            dispatch.dispatch(Msg::Done(format!(
                                "{said}: the filters are cleared so that nothing hides it."
                            )));
                            (reveal_place(board, other), String::new())
                        }
                    }
                };
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
