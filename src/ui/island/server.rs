//! The views module's side: `render` puts a part into an island element and updates it
//! when the board changes; `unmount` removes it. Each part keeps its own state (a guided
//! review in progress survives the board changing under it) and reports what its views do
//! to the board through the `host` function it was given.

use super::subject_key;
use crate::core::health::{analyse_board, Subject};
use crate::core::history::History;
use crate::core::model::Board;
use crate::core::snapshot;
use crate::ui::allocation_view::AllocationView;
use crate::ui::app::{AppState, Msg};
use crate::ui::coordination_view::CoordinationView;
use crate::ui::forms::{initiative_history, views_dialog, DialogKind, DialogsProps, FormProps};
use crate::ui::health_view::HealthView;
use crate::ui::rhythm_view::RhythmView;
use crate::ui::{now, Same};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[derive(Properties, Clone)]
struct PartProps {
    part: AttrValue,
    arg: AttrValue,
    board: Rc<Board>,
    read_only: bool,
    /// Counts the times the board gave this part its board again (after refusing a change).
    turn: u32,
    host: js_sys::Function,
}

impl PartialEq for PartProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.board, &other.board)
            && (&self.part, &self.arg, self.read_only, self.turn)
                == (&other.part, &other.arg, other.read_only, other.turn)
            && self.host == other.host
    }
}

thread_local! {
    static PARTS: RefCell<Vec<(web_sys::Element, yew::AppHandle<Part>)>> = const { RefCell::new(Vec::new()) };
    /// The last board read, with its text: parts shown together share it.
    static READ: RefCell<Option<(String, Rc<Board>)>> = const { RefCell::new(None) };
}

/// Renders `part` of `board` (a snapshot's text) into `element`, or updates the part
/// already there.
#[wasm_bindgen]
pub fn render(
    element: web_sys::Element,
    part: String,
    arg: String,
    board: String,
    read_only: bool,
    turn: u32,
    host: js_sys::Function,
) -> Result<(), JsValue> {
    report_crashes();
    let board = read(board)?;
    let props = PartProps {
        part: part.into(),
        arg: arg.into(),
        board,
        read_only,
        turn,
        host,
    };
    let existing = PARTS.with_borrow_mut(|parts| {
        let at = parts.iter().position(|(e, _)| *e == element)?;
        Some(parts.swap_remove(at))
    });
    let handle = match existing {
        Some((_, mut handle)) => {
            handle.update(props);
            handle
        }
        None => {
            skip_numbers_around(&element);
            yew::Renderer::<Part>::with_root_and_props(element.clone(), props).render()
        }
    };
    PARTS.with_borrow_mut(|parts| parts.push((element, handle)));
    Ok(())
}

/// Removes the part rendered into `element`, if any.
#[wasm_bindgen]
pub fn unmount(element: web_sys::Element) {
    let found = PARTS.with_borrow_mut(|parts| {
        let at = parts.iter().position(|(e, _)| *e == element)?;
        Some(parts.swap_remove(at))
    });
    if let Some((_, handle)) = found {
        handle.destroy();
    }
}

/// Yew marks the element an app renders into with the app's number, and gives an event to
/// the app whose number the nearest marked element around its target carries. The board's
/// copy of Yew numbers its apps as this one does, from 1: a part numbered as the board
/// around it would have its events handled by the board's code. So numbers are used up on
/// empty apps until the next is above every number around `element`.
fn skip_numbers_around(element: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let number = |node: &JsValue| {
        js_sys::Reflect::get(node, &JsValue::from_str("__yew_subtree_id"))
            .ok()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0)
    };
    let mut highest = 0.0f64;
    let mut at = Some(element.clone());
    while let Some(node) = at {
        highest = highest.max(number(&node));
        at = node.parent_element().or_else(|| {
            node.parent_node()
                .and_then(|n| n.dyn_into::<web_sys::ShadowRoot>().ok())
                .map(|root| root.host())
        });
    }
    let Some(document) = element.owner_document() else {
        return;
    };
    // Bounded: a page holds a handful of boards, each numbered once.
    for _ in 0..10_000 {
        let Ok(probe) = document.create_element("div") else {
            return;
        };
        let app = yew::Renderer::<Nothing>::with_root(probe.clone()).render();
        let used = number(&probe);
        app.destroy();
        if used == 0.0 || used >= highest {
            return;
        }
    }
}

#[function_component]
fn Nothing() -> Html {
    Html::default()
}

fn read(text: String) -> Result<Rc<Board>, JsValue> {
    READ.with_borrow_mut(|read| {
        if let Some((last, board)) = read.as_ref() {
            if *last == text {
                return Ok(board.clone());
            }
        }
        let board = Rc::new(
            snapshot::read(&text)
                .map_err(|e| js_sys::Error::new(&e.to_string()))?
                .board,
        );
        *read = Some((text, board.clone()));
        Ok(board)
    })
}

/// A crash inside the views module stops its parts, not the board: each part says so in
/// place (no code of the module can run after it), and the board keeps working.
fn report_crashes() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("Alignment Board's views stopped: {info}").into());
            let _ = PARTS.try_with(|parts| {
                let Ok(parts) = parts.try_borrow() else {
                    return;
                };
                for (element, _) in parts.iter() {
                    element.set_inner_html(
                        "<div class=\"ab-notice ab-notice--error\" role=alert><p><strong>This \
                         view stopped working.</strong> Something went wrong inside it. The board \
                         and what it saved are unaffected; reload the page to open the view \
                         again.</p></div>",
                    );
                }
            });
        }));
    });
}

fn tell(host: &js_sys::Function, kind: &str, a: &str, b: &str, c: &str) {
    let args = js_sys::Array::of4(&kind.into(), &a.into(), &b.into(), &c.into());
    let _ = host.apply(&JsValue::NULL, &args);
}

fn started(board: Rc<Board>) -> AppState {
    AppState {
        history: Some(History::new(board)),
        notice: None,
        announcement: String::new(),
        focus: None,
        focus_turn: 0,
    }
}

#[function_component]
fn Part(props: &PartProps) -> Html {
    let state = use_reducer(|| started(props.board.clone()));
    let dispatch = state.dispatcher();
    // A board from the board's side (after a change, or another tab's) replaces this
    // part's own; what the part keeps for itself stays.
    {
        let dispatch = dispatch.clone();
        let first = use_mut_ref(|| true);
        let given = (Same(Some(props.board.clone())), props.turn);
        use_effect_with(given, move |(Same(board), _)| {
            if !first.replace(false) {
                if let Some(board) = board {
                    dispatch.dispatch(Msg::Start(board.clone(), String::new()));
                }
            }
        });
    }
    // What the part's views did, told to the board.
    {
        let seen = use_mut_ref(|| (*state).clone());
        let (given, host) = (props.board.clone(), props.host.clone());
        let dispatch = dispatch.clone();
        use_effect_with(state.clone(), move |state| {
            let before = seen.replace((**state).clone());
            let board = |s: &AppState| s.history.as_ref().map(|h| h.board().clone());
            let (now_board, then_board) = (board(state), board(&before));
            let changed = match (&now_board, &then_board) {
                (Some(b), Some(t)) => !Rc::ptr_eq(b, t) && !Rc::ptr_eq(b, &given),
                _ => false,
            };
            if changed {
                let board = now_board.expect("checked above");
                let description = state
                    .history
                    .as_ref()
                    .and_then(|h| h.undo_description())
                    .unwrap_or_default();
                let text = snapshot::write_compact(&board, now());
                let focus = state.focus.clone().unwrap_or_default();
                tell(&host, "change", &text, description, &focus);
            } else if state.focus_turn != before.focus_turn {
                let focus = state.focus.clone().unwrap_or_default();
                tell(&host, "reveal", &focus, &state.announcement, "");
            }
            // After the change it follows ("Review recorded…"), which would clear it.
            if let (Some(notice), true) = (&state.notice, state.notice != before.notice) {
                let kind = if notice.error { "error" } else { "info" };
                tell(&host, "notify", &notice.text, kind, "");
                // The board shows it now; the same notice again is news again.
                dispatch.dispatch(Msg::Dismiss);
            }
        });
    }

    let host = props.host.clone();
    let on_dialog = Callback::from(move |kind: Option<DialogKind>| {
        let key = kind.and_then(|k| k.key()).unwrap_or_default();
        tell(&host, "dialog", &key, "", "");
    });
    let host = props.host.clone();
    let on_reveal = Callback::from(move |subject: Subject| {
        tell(&host, "subject", &subject_key(&subject), "", "");
    });
    let host = props.host.clone();
    let on_error = Callback::from(move |text: String| tell(&host, "notify", &text, "error", ""));

    let board = state
        .history
        .as_ref()
        .map_or_else(|| props.board.clone(), |h| h.board().clone());
    let analysis = {
        let of = board.clone();
        use_memo(Same(Some(board.clone())), move |_| {
            analyse_board(&of, crate::ui::local_now())
        })
    };
    let read_only = props.read_only;
    match props.part.as_str() {
        "health" => html! { <HealthView {board} {analysis} {on_reveal} /> },
        "allocation" => html! { <AllocationView {board} {analysis} {on_reveal} /> },
        "rhythm" => html! {
            <RhythmView {board} {analysis} {read_only} {dispatch} {on_dialog} {on_reveal} {on_error} />
        },
        "coordination" => html! {
            <CoordinationView {board} {read_only} {dispatch} {on_dialog} {on_reveal} />
        },
        "dialog" => match DialogKind::from_key(&props.arg) {
            Some(kind) => views_dialog(&DialogsProps {
                kind,
                board: Some(board),
                read_only,
                dispatch,
                on_dialog,
                on_export: Callback::noop(),
            }),
            None => Html::default(),
        },
        "initiative" => initiative_history(
            &FormProps {
                board,
                id: Some(props.arg.to_string()),
                read_only,
                dispatch,
                on_dialog,
                team: None,
                priority: None,
            },
            &props.arg,
        ),
        "priority" => crate::ui::coordination_view::priority_decisions(&board, &props.arg),
        _ => Html::default(),
    }
}
