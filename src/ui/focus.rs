//! Where focus goes: to the element that shows a subject on the board, or back into the
//! board after a change, found by its `data-place`.

use crate::core::health::Subject;
use crate::core::layout::{Column, Filter, Layout};
use crate::core::model::{Board, Id};
use crate::ui::board_view::lane_place;
use crate::ui::card::place_key;
use crate::ui::dom::{active_element, bring_into_view, without_scrolling};
use crate::ui::selector::css_escape;
use crate::ui::state::{AppState, Msg, View};
use gloo_events::EventListener;
use gloo_render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Puts focus in place after each change (`turn` counts them, with the place the change asked
/// for and the initiative an undo or redo changed): the place asked for, once it exists; else
/// that initiative's card, unless the person is on a toolbar button that still works (Undo,
/// pressed again and again); else, when the change took focus away, the element it was on
/// if that is back (a heading an undo put back in its place), or what stood beside it (the
/// next card when the filters now hide the one changed: the window's foot says so, through
/// `dispatch`, while the `scene` is the board's view filtered), else the board itself, so
/// its shortcuts keep working. Gives the card's place, worked out once per change, which
/// the board view renders even out of sight.
#[hook]
pub fn use_focus_after_change(
    root: &NodeRef,
    turn: (u32, Option<String>, Option<Id>),
    board: Option<Rc<Board>>,
    scene: Scene,
    dispatch: UseReducerDispatcher<AppState>,
) -> Rc<Option<String>> {
    let filtered = scene.filtered;
    let (count, focus, card) = turn;
    // A change that took a card off the board while filters are on (its new status not the
    // one filtered for) says so where it can be seen, not only to a screen reader.
    let on_hidden = {
        let board = board.clone();
        Callback::from(move |id: Id| {
            if let Some(initiative) = board.as_ref().and_then(|b| b.initiative(&id)) {
                dispatch.dispatch(Msg::Also(format!(
                    "“{}” no longer matches the filters, so it is hidden. Clear filters to see it.",
                    initiative.title
                )));
            }
        })
    };
    let card_place = use_memo((count, card), move |(_, card)| {
        card.clone()
            .zip(board)
            .and_then(|(id, board)| reveal_place(&board, &Subject::Initiative(id)))
    });
    let beside: Rc<RefCell<Beside>> = use_mut_ref(Beside::default);
    {
        // Another view or other filters: what focus was beside no longer stands there.
        let beside = beside.clone();
        use_effect_with(scene, move |_| {
            *beside.borrow_mut() = Beside::default();
        });
    }
    {
        // Where focus is in the board, noted as it moves.
        let (root, beside) = (root.clone(), beside.clone());
        use_effect_with(root.clone(), move |_| {
            let listener = root.cast::<web_sys::Element>().map(|element| {
                EventListener::new(&element, "focusin", move |event| {
                    use wasm_bindgen::JsCast;
                    if let Some(target) = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        beside.borrow_mut().note(&target);
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let (root, card_place) = (root.clone(), card_place.clone());
        use_effect_with((count, focus), move |&(count, ref focus)| {
            // Nothing has changed yet as the board first shows: focus stays where the page
            // has it (a board embedded below the fold would scroll the page to itself).
            let root = root.cast::<web_sys::HtmlElement>().filter(|_| count > 0);
            let reveal = root.and_then(|root| {
                let on_toolbar = active_element(&root).is_some_and(|active| {
                    active.matches(".ab-header button:enabled").unwrap_or(false)
                });
                let card = (*card_place).clone().filter(|_| !on_toolbar);
                // A copy: the focus given below is noted in `beside` as it is given.
                let noted = beside.borrow().clone();
                let (reveal, hidden) =
                    restore_focus(&root, focus.clone().or(card).as_deref(), &noted);
                // Given back to the board itself, focus is beside nothing any more.
                if active_element(&root).is_some_and(|a| root.is_same_node(Some(&a))) {
                    *beside.borrow_mut() = Beside::default();
                }
                if let Some(id) = hidden.filter(|_| filtered) {
                    on_hidden.emit(id);
                }
                reveal
            });
            move || drop(reveal)
        });
    }
    card_place
}

/// What the board shows, as far as focus after a change goes: the view and its filters,
/// and whether they hide cards on the board's view.
#[derive(Clone, PartialEq)]
pub struct Scene {
    pub view: View,
    pub filter: Filter,
    /// The board's view is shown with filters on: a card a change takes out is hidden.
    pub filtered: bool,
}

impl Scene {
    pub fn new(view: View, filter: &Filter) -> Scene {
        Scene {
            view,
            filter: filter.clone(),
            filtered: filter.is_active() && view == View::Board,
        }
    }
}

/// The element with a `data-place` that focus was last on in the board (a card, a heading),
/// and the elements beside it when it was focused.
#[derive(Clone, Default)]
pub struct Beside {
    place: Option<String>,
    /// The initiative, when it is a card.
    card: Option<Id>,
    next: Option<web_sys::HtmlElement>,
    previous: Option<web_sys::HtmlElement>,
    /// Its lane's heading.
    lane: Option<String>,
    /// Focused in a list's row that has no place (a request's steps in Coordination, a due
    /// initiative's Check in in Rhythm): the row, then the rows after and before it.
    rows: [Option<web_sys::Element>; 3],
}

impl Beside {
    /// Notes the element with a place that `focused` is (a card) or is inside (a card's
    /// title or status, clicked); focus in a dialog or a menu keeps the note of the card it
    /// was opened from, and focus anywhere else leaves no note.
    fn note(&mut self, focused: &web_sys::HtmlElement) {
        use wasm_bindgen::JsCast;
        if focused
            .closest("dialog, [role=\"menu\"]")
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        let Some((element, place)) = focused
            .closest("[data-place]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .and_then(|e| e.get_attribute("data-place").map(|place| (e, place)))
        else {
            let row = focused.closest("li").ok().flatten();
            let (next, previous) = row.as_ref().map_or((None, None), |row| {
                (row.next_element_sibling(), row.previous_element_sibling())
            });
            *self = Beside {
                rows: [row, next, previous],
                ..Beside::default()
            };
            return;
        };
        let focusable = |sibling: Option<web_sys::Element>| {
            sibling
                .filter(|s| s.has_attribute("tabindex") || s.tag_name() == "BUTTON")
                .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
        };
        *self = Beside {
            card: element
                .class_list()
                .contains("ab-card")
                .then(|| place.split('\u{1f}').next().map(Id::from))
                .flatten(),
            place: Some(place),
            next: focusable(element.next_element_sibling()),
            previous: focusable(element.previous_element_sibling()),
            rows: Default::default(),
            lane: element
                .closest("[role=\"row\"]")
                .ok()
                .flatten()
                .and_then(|row| row.query_selector("[role=\"rowheader\"]").ok().flatten())
                .and_then(|head| head.get_attribute("data-place")),
        };
    }
}

/// The `data-place` of the element that shows a subject on the unfiltered board: an
/// initiative's card in its first column, a priority's heading, a team's lane. An earlier
/// period's card is where it shows with that period's work (`Filter::earlier`).
pub fn reveal_place(board: &Board, subject: &Subject) -> Option<String> {
    let initiative_place = |id: &str| {
        let initiative = board.initiative(id)?;
        let filter = Filter {
            earlier: board.is_earlier(initiative),
            ..Filter::default()
        };
        let columns = Layout::compute(board, &filter).columns;
        let column = columns
            .into_iter()
            .find(|c| {
                c.priority_id()
                    .is_some_and(|p| initiative.priority_ids.contains(p))
            })
            .unwrap_or(Column::Local);
        Some(place_key(id, &column))
    };
    match subject {
        Subject::Initiative(id) => initiative_place(id),
        Subject::Dependency(id) => board
            .dependencies
            .iter()
            .find(|d| &d.id == id)
            .and_then(|d| initiative_place(&d.from_initiative_id)),
        Subject::Priority(id) => Some(format!("priority\u{1f}{id}")),
        Subject::Team(id) => Some(lane_place(id)),
        Subject::Person(_) | Subject::Board => None,
    }
}

/// The `data-place` of what takes a deleted initiative's place on the unfiltered board: the
/// card after it in its cell (its first, as `reveal_place` finds it), else the one before,
/// else its team's lane.
pub fn place_after_delete(before: &Board, next: &Board, id: &str) -> Option<String> {
    let index = before.initiatives.iter().position(|i| i.id == id)?;
    // An earlier period's card is deleted where it shows with that period's work; else the
    // cards that take its place are this period's.
    let earlier = before.is_earlier(&before.initiatives[index]);
    let filter = Filter {
        earlier,
        ..Filter::default()
    };
    let layout = Layout::compute(before, &filter);
    let (lane, column, at) = layout.cells.iter().enumerate().find_map(|(lane, row)| {
        row.iter().enumerate().find_map(|(column, cell)| {
            let at = cell.iter().position(|&i| i == index)?;
            Some((lane, column, at))
        })
    })?;
    let (team, column) = (&layout.lanes[lane], &layout.columns[column]);
    let mates: Vec<&Id> = next
        .initiatives
        .iter()
        .filter(|i| {
            &i.team_id == team
                && (earlier || !next.is_earlier(i))
                && match column {
                    Column::Priority(p) => i.priority_ids.contains(p),
                    Column::Local => i.priority_ids.is_empty(),
                }
        })
        .map(|i| &i.id)
        .collect();
    let neighbour = mates
        .get(at)
        .or_else(|| at.checked_sub(1).and_then(|before| mates.get(before)));
    Some(neighbour.map_or_else(|| lane_place(team), |id| place_key(id, column)))
}

/// The priority whose heading takes a deleted priority's place on the unfiltered board: the
/// column now where its column was, else the one before. An achieved or dropped priority is
/// a column while it still has cards, after the active ones.
pub fn priority_after_delete(before: &Board, next: &Board, id: &str) -> Option<Subject> {
    let columns = |board: &Board| Layout::compute(board, &Filter::default()).columns;
    let at = columns(before)
        .iter()
        .position(|c| c.priority_id().is_some_and(|p| p == id))?;
    let after = columns(next);
    [Some(at), at.checked_sub(1)]
        .into_iter()
        .flatten()
        .find_map(|at| after.get(at).and_then(Column::priority_id))
        .map(|p| Subject::Priority(p.clone()))
}

/// Focuses the element whose `data-place` is `place` (a card or a priority heading); if
/// there is none, or no place was asked for, and focus fell out of the board (its element
/// was removed or disabled by the change), focuses what `beside` noted: the element it was
/// on, found by its place again, else what stood beside it, else the board's root. Gives,
/// besides, the initiative whose card focus was on when the change took it off the board.
///
/// The element is focused at once, without scrolling, and brought into view at the next
/// frame (while the returned handle lives): scrolling to it now would make the browser lay
/// out the changed board in the middle of the change, and again for the frame.
pub fn restore_focus(
    root: &web_sys::HtmlElement,
    place: Option<&str>,
    beside: &Beside,
) -> (Option<AnimationFrame>, Option<Id>) {
    let active = active_element(root);
    // On the page around the board (a wiki's field, while the example board was fetched):
    // focus stays where the person put it.
    if active
        .as_ref()
        .is_some_and(|a| a.tag_name() != "BODY" && !root.contains(Some(a)))
    {
        return (None, None);
    }
    if let Some(place) = place {
        // Still focused where it is (a card whose status was chosen in its menu): nothing to do.
        if active
            .as_ref()
            .is_some_and(|a| a.get_attribute("data-place").as_deref() == Some(place))
        {
            return (None, None);
        }
        if let Some(element) = placed(root, place) {
            return (Some(focus_in_view(element)), None);
        }
    }
    let lost = active.as_ref().is_none_or(|active| {
        // A focused button that the change disabled (Undo with nothing left to undo)
        // loses focus at the next frame: treat it as lost already. The root itself is
        // where a dialog gives focus back when what opened it is gone.
        (!root.contains(Some(active)) && active.tag_name() == "BODY")
            || active.matches(":disabled").unwrap_or(false)
            || root.is_same_node(Some(active))
    });
    if !lost {
        return (None, None);
    }
    if let Some(element) = beside.place.as_deref().and_then(|p| placed(root, p)) {
        return (Some(focus_in_view(element)), None);
    }
    use wasm_bindgen::JsCast;
    // Undo or Redo pressed until there is nothing more to take back or do again: the other
    // one, which the change made possible.
    let other_step = active
        .as_ref()
        .filter(|a| {
            a.matches(".ab-toolbar__group button:disabled")
                .unwrap_or(false)
        })
        .and_then(|a| a.parent_element())
        .and_then(|group| group.query_selector("button:enabled").ok().flatten());
    // In a list's row: its first control again (a request's steps after its answer was
    // undone), else the first of the row after or before it (the row left the list).
    let in_rows = || {
        // Rows of the board's own lists: a board mounted in a host page's list item is
        // itself in a row that is not the board's.
        beside.rows.iter().flatten().find_map(|row| {
            (row.is_connected() && root.contains(Some(row)) && !row.contains(Some(root)))
                .then(|| {
                    row.query_selector("button:enabled, a[href], [tabindex]")
                        .ok()
                })
                .flatten()
                .flatten()
        })
    };
    let control = other_step
        .or_else(in_rows)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = control {
        return (Some(focus_in_view(element)), None);
    }
    let standing = [&beside.next, &beside.previous]
        .into_iter()
        .flatten()
        .find(|element| element.is_connected())
        .cloned()
        .or_else(|| beside.lane.as_deref().and_then(|p| placed(root, p)));
    let hidden = beside.card.clone();
    match standing {
        Some(element) => (Some(focus_in_view(element)), hidden),
        None => {
            let _ = root.focus_with_options(&without_scrolling());
            (None, hidden)
        }
    }
}

/// The element of the board whose `data-place` is `place`.
fn placed(root: &web_sys::HtmlElement, place: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let selector = format!("[data-place=\"{}\"]", css_escape(place));
    root.query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Focuses `element` without scrolling, and brings it into view at the next frame.
fn focus_in_view(element: web_sys::HtmlElement) -> AnimationFrame {
    let _ = element.focus_with_options(&without_scrolling());
    request_animation_frame(move |_| bring_into_view(&element))
}

/// For a list whose rows a change takes away or changes (a due initiative leaves what is due
/// with its Check in; a request's step takes its button away): the returned callback notes
/// the row (`rows`, under `root`) of the focused control as the person uses it. Once that
/// control has left the page and focus with it (given back to the board by a dialog, or
/// lost), focus goes to the `control` of the row now at its place, or of the last row when
/// the list got shorter. Where the row itself left and `name` is given, focus goes to that
/// row's `name` instead: its control would act on another item at one more Enter (mark a
/// second request delivered, close a second risk). With no row left, focus goes to what says
/// the list is empty (`data-focus-empty`), not to the board's top. While a dialog holds focus, or the
/// control is still focused, it waits for the next render or for focus to come back to the
/// board, whichever is first.
#[hook]
pub fn use_successor_focus(
    root: &NodeRef,
    rows: &'static str,
    control: &'static str,
    name: Option<&'static str>,
) -> Callback<()> {
    let used: Rc<RefCell<Option<Used>>> = use_mut_ref(|| None);
    let note = {
        let (root, used) = (root.clone(), used.clone());
        use_callback((), move |(), _| {
            *used.borrow_mut() = root.cast::<web_sys::Element>().and_then(|root| {
                let control = active_element(&root)?;
                let row = control.closest(rows).ok()??;
                let all = root.query_selector_all(rows).ok()?;
                let at = (0..all.length())
                    .find(|&i| all.item(i).is_some_and(|r| row.is_same_node(Some(&r))))?;
                Some(Used { control, row, at })
            });
        })
    };
    let root = root.clone();
    use_effect(move || {
        let waiting = root.cast::<web_sys::Element>().and_then(|root| {
            if hand_on(&root, &used, rows, control, name) {
                return None;
            }
            let board = root.closest(".ab-app").ok().flatten()?;
            Some(EventListener::new(&board, "focusin", move |_| {
                // Once the focus that woke it is given: focusing from inside this listener
                // would call it again while it runs.
                let (root, used) = (root.clone(), used.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    hand_on(&root, &used, rows, control, name);
                });
            }))
        });
        move || drop(waiting)
    });
    note
}

/// The control a person used in a list, and the place of its row.
struct Used {
    control: web_sys::Element,
    row: web_sys::Element,
    at: u32,
}

/// Hands focus on from the control `used` notes (see `use_successor_focus`); whether that is
/// settled: nothing noted, focus handed on or left where the person put it.
fn hand_on(
    root: &web_sys::Element,
    used: &RefCell<Option<Used>>,
    rows: &str,
    control: &str,
    name: Option<&str>,
) -> bool {
    use wasm_bindgen::JsCast;
    let Some(Used {
        control: was,
        row: was_row,
        at,
    }) = used.borrow_mut().take()
    else {
        return true;
    };
    let active = active_element(root);
    let waiting = active.as_ref().is_some_and(|active| {
        active.closest("dialog").ok().flatten().is_some() || active.is_same_node(Some(&was))
    });
    if waiting && was.is_connected() {
        *used.borrow_mut() = Some(Used {
            control: was,
            row: was_row,
            at,
        });
        return false;
    }
    let control = match name {
        Some(name) if !was_row.is_connected() => name,
        _ => control,
    };
    let lost = active
        .is_none_or(|active| active.tag_name() == "BODY" || active.class_list().contains("ab-app"));
    let next = root
        .query_selector_all(rows)
        .ok()
        .and_then(|all| all.item(at.min(all.length().checked_sub(1)?)))
        .and_then(|row| {
            row.unchecked_into::<web_sys::Element>()
                .query_selector(control)
                .ok()?
        });
    // The list emptied: its message that nothing is left there (`data-focus-empty`).
    let next = next.or_else(|| root.query_selector("[data-focus-empty]").ok()?);
    if let (true, Some(next)) = (lost && !was.is_connected(), next) {
        let _ = next.unchecked_into::<web_sys::HtmlElement>().focus();
    }
    true
}
