//! On a phone the views scroll in their bar when they do not fit: the current one is kept in
//! sight, also when something else than its tab chose it. When the app first shows, the bar
//! is not scrolled, so its first view is in sight: the first render is not made to wait for a
//! layout of the page to find that out.

use crate::ui::state::{AppState, Msg, View};
use yew::prelude::*;

/// The view shown: the one the page asks for as the board starts, and again whenever the
/// page asks for another (a host's `setOptions`, an element's `view` attribute). Between
/// the page's asks the person chooses.
#[hook]
pub fn use_asked_view(asked: View) -> UseStateHandle<View> {
    let view = use_state(|| asked);
    {
        let view = view.clone();
        use_effect_with(asked, move |&asked| {
            if *view != asked {
                view.set(asked);
            }
        });
    }
    view
}

/// The bar of views, with the current view's tab kept in sight; `has_board` tells a board
/// just started (the bar then appears) from the welcome screen.
#[hook]
pub fn use_views_bar(view: View, has_board: bool) -> NodeRef {
    let bar = use_node_ref();
    let first = use_mut_ref(|| true);
    {
        let nav = bar.clone();
        use_effect_with((view, has_board), move |(view, _)| {
            let just_shown = std::mem::replace(&mut *first.borrow_mut(), false);
            if just_shown && *view == View::ALL[0] {
                return;
            }
            let Some(nav) = nav.cast::<web_sys::Element>() else {
                return;
            };
            if let Ok(Some(tab)) = nav.query_selector(".ab-views__tab--current") {
                let (bar, tab) = (
                    nav.get_bounding_client_rect(),
                    tab.get_bounding_client_rect(),
                );
                if tab.left() < bar.left() || tab.right() > bar.right() {
                    let middle = (tab.left() + tab.right() - bar.left() - bar.right()) / 2.0;
                    nav.set_scroll_left(nav.scroll_left() + middle as i32);
                }
            }
        });
    }
    bar
}

/// The `data-place` of a view's tab, for focus to go to.
pub(super) fn tab_place(view: View) -> String {
    format!("view-{}", view.key())
}

/// Whether `view`, gone to, puts focus itself rather than on its tab: Health, back from an
/// item `followed` out of it, gives focus to that item.
pub(super) fn places_focus(view: View, followed: bool) -> bool {
    view == View::Health && followed
}

/// Goes to a view chosen by its digit (`current` is the one shown, which stays as it is):
/// its tab takes focus, so Tab goes on into the view; back in Health from an item
/// `followed` out of it, that item does.
pub(super) fn by_digit(
    current: View,
    followed: bool,
    on_choose: Callback<View>,
    dispatch: UseReducerDispatcher<AppState>,
) -> Callback<View> {
    Callback::from(move |view: View| {
        if view == current {
            return;
        }
        on_choose.emit(view);
        // As after a click on its tab or Back.
        let announcement = format!("{} view", view.label());
        dispatch.dispatch(match places_focus(view, followed) {
            true => Msg::Say(announcement),
            false => Msg::Reveal {
                focus: Some(tab_place(view)),
                announcement,
            },
        });
    })
}

/// Goes to a view chosen by its tab (`shown` when it is the one shown), and says so as the
/// digits do; focus stays on the tab.
pub(super) fn by_tab(
    view: View,
    shown: bool,
    on_choose: &Callback<View>,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Callback<MouseEvent> {
    let (on_choose, dispatch) = (on_choose.clone(), dispatch.clone());
    Callback::from(move |_: MouseEvent| {
        on_choose.emit(view);
        if !shown {
            dispatch.dispatch(Msg::Say(format!("{} view", view.label())));
        }
    })
}
