//! On the board's own page the view is kept in the address (`?view=health`; the board
//! without one), with an entry in the browser's history for each view the person goes to:
//! Back shows the view before, as on any site, where it used to leave the board, and a
//! reload or a copied address opens the view it names. An embedded board leaves the
//! address alone: the page around it owns its history.

use super::views_bar::{places_focus, tab_place};
use crate::core::layout::{Filter, OwnerFilter, StatusFilter};
use crate::core::model::{Board, Status};
use crate::ui::page_query::{query, rewrite, TeamShown, TEAM_OF_VIEW};
use crate::ui::state::{AppState, Msg, View};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// With `enabled`, puts `view` in the address (and its name in the page's title) when it
/// changes, and goes to the view the address names when the person goes back or forward to
/// another entry (`on_choose`): focus then goes to the view's tab, as after a click on it (the
/// content it was in is gone), or, back in Health from an item `followed` out of it, to that
/// item, as Health gives it. A dialog open in `root` takes Back as a request to close (as a
/// phone's back gesture is), asking first when that would lose changes, and the view stays;
/// an open menu closes as its view goes.
#[hook]
pub(super) fn use_view_in_address(
    enabled: bool,
    shown: (View, bool),
    root: &NodeRef,
    on_choose: Callback<View>,
    dispatch: UseReducerDispatcher<AppState>,
) -> TeamShown {
    let (view, followed) = shown;
    let team = use_memo((), |_| TeamShown::default());
    let on_back = use_callback(
        (followed, on_choose),
        move |next: View, (followed, on_choose)| {
            on_choose.emit(next);
            if !places_focus(next, *followed) {
                dispatch.dispatch(Msg::Reveal {
                    focus: Some(tab_place(next)),
                    announcement: String::new(),
                });
            }
        },
    );
    let title = use_memo((), |_| page().map(|page| page.title()).unwrap_or_default());
    let root = root.clone();
    let shown_team = (*team).clone();
    use_effect_with((enabled, view, on_back), move |(enabled, view, on_back)| {
        let go_to = move |view: View, replace: bool| go_to(view, replace, &shown_team);
        let window = web_sys::window().filter(|_| *enabled);
        if let Some(page) = page().filter(|_| *enabled) {
            page.set_title(&match view {
                View::Board => (*title).clone(),
                other => format!("{} · {title}", other.label()),
            });
        }
        if let Some(window) = &window {
            // The view that Back shows puts focus where it belongs and brings that into
            // view; the browser's own scrolling back to where the page was would come after
            // it (and, from a shorter view, land short of it).
            if let Ok(history) = window.history() {
                let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
            }
            // `?view=` naming no view (or the board) is put right, in the same entry.
            if in_address() != *view {
                go_to(*view, false);
            } else if named() != (*view != View::Board).then(|| view.key().to_string()) {
                go_to(*view, true);
            }
        }
        let (view, on_back) = (*view, on_back.clone());
        let listener = window.map(|window| {
            EventListener::new(&window, "popstate", move |_| {
                // Another entry of the same view (a fragment changed): nothing to do.
                if in_address() == view {
                    return;
                }
                let root = root.cast::<web_sys::Element>();
                if let Some(dialog) = root.as_ref().and_then(|r| find(r, "dialog[open]")) {
                    go_to(view, false);
                    request_close(&dialog);
                    return;
                }
                // A menu, not the notices' toast, which is a popover always open.
                let menu = root
                    .as_ref()
                    .and_then(|r| find(r, "[popover=auto]:popover-open"));
                if let Some(menu) = menu {
                    let _ = menu.unchecked_into::<web_sys::HtmlElement>().hide_popover();
                }
                on_back.emit(in_address());
            })
        });
        move || drop(listener)
    });
    (*team).clone()
}

fn page() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn find(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Asks `dialog` to close as Escape or a phone's back gesture does: its cancel event, which
/// the dialog may refuse (to ask about changes first).
fn request_close(dialog: &web_sys::Element) {
    let init = web_sys::EventInit::new();
    init.set_cancelable(true);
    if let Ok(cancel) = web_sys::Event::new_with_event_init_dict("cancel", &init) {
        let _ = dialog.dispatch_event(&cancel);
    }
}

/// The view the address names; the board when it names none (or one that is not a view).
fn in_address() -> View {
    named()
        .and_then(|key| View::from_key(&key))
        .unwrap_or_default()
}

/// What the address's `?view=` says, if anything.
fn named() -> Option<String> {
    query()?.get("view")
}

/// A new entry in the history (or, with `replace`, this one) whose address names `view`,
/// the rest of it kept (`?key=`, `?readonly`, `?theme=`, the filters). Where the browser
/// refuses (a page opened from disk, in some browsers), the view changes all the same.
fn go_to(view: View, replace: bool, team: &TeamShown) {
    let view_part = (view != View::Board).then(|| view.key().to_string());
    // The team whose figures Health or Rhythm shows, or whose requests Coordination does
    // (`?of=`), is its view's: a new entry names the team the view shows, if it is one of
    // them, and the entry before keeps its own.
    let team = matches!(view, View::Health | View::Rhythm | View::Coordination)
        .then(|| team.get())
        .flatten();
    match replace {
        true => rewrite(&[("view", view_part)], true),
        false => rewrite(&[("view", view_part), (TEAM_OF_VIEW, team)], false),
    }
}

/// The names of the board's filters in the address, in the order it writes them.
const FILTERS: [&str; 5] = ["team", "owner", "status", "attention", "earlier"];

/// The filters the address names (`?team=t-2&owner=none&status=atRisk&attention&earlier`),
/// each only where `board` has what it names: an address is pasted, kept and shared, and
/// what it names may be gone. What is not kept is left out of the address again once the
/// board puts its filters there.
pub(super) fn filter_in_address(board: Option<&Board>) -> Filter {
    let (Some(params), Some(board)) = (query(), board) else {
        return Filter::default();
    };
    let owner = match params.get("owner") {
        Some(none) if none == "none" => OwnerFilter::Nobody,
        Some(id) if board.person(&id).is_some() => OwnerFilter::Person(id),
        _ => OwnerFilter::Anyone,
    };
    let status = match params.get("status") {
        Some(unfinished) if unfinished == "unfinished" => StatusFilter::Unfinished,
        Some(key) => Status::from_key(&key).map_or(StatusFilter::Any, StatusFilter::Is),
        None => StatusFilter::Any,
    };
    Filter {
        team: params.get("team").filter(|id| board.team(id).is_some()),
        owner,
        status,
        attention: params.has("attention"),
        earlier: params.has("earlier"),
    }
}

/// Puts `filter` in the address of this entry of the history, as the filters' names
/// (`FILTERS`) with their values; an unfiltered board names none.
pub(super) fn put_filter(filter: &Filter) {
    let flag = |on: bool| on.then(String::new);
    let parts = [
        filter.team.clone(),
        match &filter.owner {
            OwnerFilter::Anyone => None,
            OwnerFilter::Nobody => Some("none".to_string()),
            OwnerFilter::Person(id) => Some(id.clone()),
        },
        match filter.status {
            StatusFilter::Any => None,
            StatusFilter::Unfinished => Some("unfinished".to_string()),
            StatusFilter::Is(status) => Some(status.key().to_string()),
        },
        flag(filter.attention),
        flag(filter.earlier),
    ];
    let named: Vec<(&str, Option<String>)> = FILTERS.into_iter().zip(parts).collect();
    rewrite(&named, true);
}

/// With `enabled`, keeps `filter` in the address: a reload, or the address copied to a
/// colleague, opens the board filtered as it was. Filters change the entry of the history
/// they are in (Back goes to the view before, not to the filter before), and the entry
/// Back or Forward comes to takes the filters shown.
#[hook]
pub(super) fn use_filter_in_address(enabled: bool, filter: &Filter) {
    let shown = use_mut_ref(Filter::default);
    shown.replace(filter.clone());
    use_effect_with((enabled, filter.clone()), |(enabled, filter)| {
        if *enabled {
            put_filter(filter);
        }
    });
    use_effect_with(enabled, move |enabled| {
        let listener = web_sys::window().filter(|_| *enabled).map(|window| {
            EventListener::new(&window, "popstate", move |_| put_filter(&shown.borrow()))
        });
        move || drop(listener)
    });
}
