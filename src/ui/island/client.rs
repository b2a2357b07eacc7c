//! The board's side: an `Island` is an element the views module renders a part into,
//! loading the module the first time one is shown.

use super::subject_from_key;
use crate::core::health::Subject;
use crate::core::model::Board;
use crate::core::snapshot;
use crate::ui::app::{AppState, Msg, Notice};
use crate::ui::dialog::Modal;
use crate::ui::forms::{DialogKind, FormProps};
use crate::ui::{now, Same};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[wasm_bindgen(module = "/src/ui/island.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadViews)]
    fn load_views() -> js_sys::Promise;
    #[wasm_bindgen(catch, js_name = renderIsland)]
    fn render_island(
        element: &web_sys::Element,
        part: &str,
        arg: &str,
        board: &str,
        read_only: bool,
        turn: u32,
        host: &JsValue,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = unmountIsland)]
    fn unmount_island(element: &web_sys::Element);
}

#[derive(Properties, Clone)]
pub struct IslandProps {
    /// What the views module renders: a view's key ("health", "rhythm"…), "dialog" (`arg`
    /// is the dialog's key), "initiative" (an initiative's history; `arg` is its id) or
    /// "priority" (the decisions that name the priority `arg`).
    pub part: AttrValue,
    #[prop_or_default]
    pub arg: AttrValue,
    pub board: Rc<Board>,
    pub read_only: bool,
    pub dispatch: UseReducerDispatcher<AppState>,
    pub on_dialog: Callback<Option<DialogKind>>,
    #[prop_or_default]
    pub on_reveal: Callback<Subject>,
}

impl PartialEq for IslandProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.board, &other.board)
            && (&self.part, &self.arg, self.read_only) == (&other.part, &other.arg, other.read_only)
            && self.dispatch == other.dispatch
            && self.on_dialog == other.on_dialog
            && self.on_reveal == other.on_reveal
    }
}

/// An island inside a form's dialog: `part` of the form's board, about `arg`.
pub fn form_part(part: &'static str, arg: &str, form: &FormProps) -> Html {
    html! {
        <Island part={part} arg={arg.to_string()} board={form.board.clone()} read_only={form.read_only}
                dispatch={form.dispatch.clone()} on_dialog={form.on_dialog.clone()} />
    }
}

#[derive(Clone, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(String),
}

type Host = Closure<dyn Fn(String, String, String, String)>;

#[function_component]
pub fn Island(props: &IslandProps) -> Html {
    let element = use_node_ref();
    let load = use_state(|| Load::Loading);
    let attempt = use_state(|| 0u32);
    let latest = use_mut_ref(|| props.clone());
    *latest.borrow_mut() = props.clone();
    // The board the views module was last given: what its changes are made from.
    let given = use_mut_ref(|| None::<Rc<Board>>);
    // Counts the times the part had to be given the board again (a change of it refused).
    let turn = use_mut_ref(|| 0u32);
    let redraw = use_force_update();
    let host = {
        let (latest, given, turn) = (latest.clone(), given.clone(), turn.clone());
        use_memo((), move |_| -> Host {
            let again: Rc<dyn Fn()> = Rc::new(move || {
                *turn.borrow_mut() += 1;
                redraw.force_update();
            });
            Closure::new(move |kind, a, b, c| answer(&latest, &given, &again, kind, a, b, c))
        })
    };

    {
        let load = load.clone();
        use_effect_with(*attempt, move |_| {
            if *load != Load::Loading {
                load.set(Load::Loading);
            }
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(load_views()).await {
                    Ok(_) => load.set(Load::Ready),
                    Err(error) => load.set(Load::Failed(reason(&error))),
                }
            });
        });
    }
    {
        let element = element.clone();
        let ready = *load == Load::Ready;
        let deps = (
            Same(Some(props.board.clone())),
            props.part.clone(),
            props.arg.clone(),
            props.read_only,
            ready,
            *turn.borrow(),
        );
        let load = load.clone();
        use_effect_with(
            deps,
            move |(Same(board), part, arg, read_only, ready, turn)| {
                let (Some(element), Some(board), true) =
                    (element.cast::<web_sys::Element>(), board, *ready)
                else {
                    return;
                };
                let text = board_text(board);
                let host = host.as_ref().as_ref();
                match render_island(&element, part, arg, &text, *read_only, *turn, host) {
                    Ok(()) => drop(given.replace(Some(board.clone()))),
                    Err(error) => {
                        // What the part shows is not this board: none of its changes is taken.
                        given.replace(None);
                        load.set(Load::Failed(reason(&error)));
                    }
                }
            },
        );
    }
    {
        let element = element.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(element) = element.cast::<web_sys::Element>() {
                    unmount_island(&element);
                }
            }
        });
    }

    let slow = use_state(|| false);
    {
        let slow = slow.clone();
        use_effect_with(*attempt, move |_| {
            let timer = gloo_timers::callback::Timeout::new(300, move || slow.set(true));
            move || drop(timer)
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_| attempt.set(*attempt + 1))
    };
    let dialog = props.part == "dialog";
    let close = props.on_dialog.reform(|()| None);
    let failed = |why: &str| {
        let what = if dialog { "This dialog" } else { "This view" };
        html! {
            <div class="ab-notice ab-notice--error" role="alert">
                <p>{ format!("{what} could not be loaded ({why}). The board itself is unchanged: check the connection and try again, or reload the page.") }</p>
                <button type="button" class="ab-button" onclick={retry.clone()}>{ "Try again" }</button>
            </div>
        }
    };
    let status = match (&*load, dialog) {
        // The live region is there from the start and says "Loading…" only when it takes a
        // moment, so that screen readers announce it and fast loads show nothing.
        (Load::Ready | Load::Loading, false) => html! {
            <p class="ab-island__status" role="status">
                { (*load == Load::Loading && *slow).then_some("Loading…") }
            </p>
        },
        (Load::Ready, true) => Html::default(),
        // A dialog appears at once in most cases: no frame flashes before it.
        (Load::Loading, true) if !*slow => Html::default(),
        (Load::Loading, true) => html! {
            <Modal title="Loading…" on_close={close}>
                <p class="ab-island__status" role="status">{ "Loading…" }</p>
            </Modal>
        },
        (Load::Failed(why), false) => failed(why),
        (Load::Failed(why), true) => html! {
            <Modal title="Could not open this dialog" on_close={close} alert=true>
                { failed(why) }
            </Modal>
        },
    };
    html! {
        <>
            <div class="ab-island" ref={element}></div>
            { status }
        </>
    }
}

/// What the views module says, acted on after its own event handling has finished: the
/// board renders again from here, and that renders the islands.
fn answer(
    latest: &RefCell<IslandProps>,
    given: &RefCell<Option<Rc<Board>>>,
    again: &Rc<dyn Fn()>,
    kind: String,
    a: String,
    b: String,
    c: String,
) {
    let props = latest.borrow().clone();
    let from = given.borrow().clone();
    let again = again.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let some = |text: String| (!text.is_empty()).then_some(text);
        let dispatch = &props.dispatch;
        match kind.as_str() {
            // Made from another board than the board's (it changed meanwhile): refused, and
            // the part is given the board again, so that it shows what the board holds.
            "change"
                if !from
                    .as_ref()
                    .is_some_and(|from| Rc::ptr_eq(from, &props.board)) =>
            {
                dispatch.dispatch(Msg::Notify(Notice::changed_meanwhile(&b)));
                again();
            }
            "change" => match snapshot::read(&a) {
                Ok(loaded) => dispatch.dispatch(Msg::Changed {
                    from,
                    next: loaded.board,
                    description: b,
                    focus: some(c),
                }),
                Err(error) => dispatch.dispatch(Msg::Notify(Notice {
                    error: true,
                    text: format!("Could not {b}: the change could not be read ({error})."),
                })),
            },
            "notify" => dispatch.dispatch(Msg::Notify(Notice {
                error: b == "error",
                text: a,
            })),
            "reveal" => dispatch.dispatch(Msg::Reveal {
                focus: some(a),
                announcement: b,
            }),
            "subject" => {
                if let Some(subject) = subject_from_key(&a) {
                    props.on_reveal.emit(subject);
                }
            }
            "dialog" => props.on_dialog.emit(DialogKind::from_key(&a)),
            _ => {}
        }
    });
}

thread_local! {
    /// The last board written for the views module, with its text: islands shown together
    /// share it.
    static WRITTEN: RefCell<Option<(Rc<Board>, Rc<str>)>> = const { RefCell::new(None) };
}

fn board_text(board: &Rc<Board>) -> Rc<str> {
    WRITTEN.with_borrow_mut(|written| match written {
        Some((last, text)) if Rc::ptr_eq(last, board) => text.clone(),
        _ => {
            let text: Rc<str> = snapshot::write_compact(board, now()).into();
            *written = Some((board.clone(), text.clone()));
            text
        }
    })
}

fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "the browser did not say why".into())
}
