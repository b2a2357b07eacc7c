//! The merge preview: what merging snapshot files would do to the board, file by file and
//! kind by kind, before anything changes. The person keeps apart what matched, matches by
//! hand what did not, and settles each conflict; "Merge" then makes it one undo step. The
//! rules are `core::combine`'s: this dialog shows its plan and hands it the choices.

use super::form::count as in_words;
use crate::core::action::Action;
use crate::core::combine::{
    self, Choice, Counts, Difference, FileMerge, Item, ItemRef, Kind, Matched, MergePlan, Side,
    SinceCut, Verdict,
};
use crate::core::model::Board;
use crate::core::time::{Date, Timestamp};
use crate::ui::dates::{date_time, short_date, short_day};
use crate::ui::dialog::Modal;
use crate::ui::selector::css_escape;
use crate::ui::state::{capitalise, use_board, MergeFiles, Msg};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

mod view;
use view::{brings, conflicts_in_words, files_in_words, View};

#[derive(Properties, PartialEq)]
pub struct MergePreviewProps {
    pub board: Rc<Board>,
    pub files: MergeFiles,
    pub on_close: Callback<()>,
}

/// The plan shown, the board it was made for, and what the person has open.
#[derive(Clone)]
struct Preview {
    board: Rc<Board>,
    plan: Rc<MergePlan>,
    /// A choice the plan refused (which the preview's controls should not allow).
    error: Option<String>,
    /// The lists shown, by file and kind: a closed list is not rendered, so a big file's
    /// thousands of check-ins cost nothing until asked for.
    open: Rc<HashSet<(usize, Kind)>>,
    /// The new item being matched by hand.
    matching: Option<ItemRef>,
    /// The item to focus after the next render (it moved to another list).
    focus: Option<String>,
}

impl Preview {
    fn new(board: Rc<Board>, files: &MergeFiles) -> Preview {
        Preview {
            plan: Rc::new(combine::plan(&board, &files.0)),
            board,
            error: None,
            open: Rc::default(),
            matching: None,
            focus: None,
        }
    }

    /// With one more choice, planned again.
    fn choose(&self, choice: Choice) -> Preview {
        let mut next = self.clone();
        let mut choices = self.plan.choices().clone();
        let item = match &choice {
            Choice::Unmatch(item) | Choice::MatchTo(item, _) => Some(item.clone()),
            Choice::Pick(..) => None,
        };
        choices.add(choice);
        match combine::replan(&self.board, &self.plan, &choices) {
            Ok(plan) => {
                next.plan = Rc::new(plan);
                next.error = None;
            }
            Err(error) => next.error = Some(format!("That choice could not be made: {error}.")),
        }
        next.matching = None;
        // An item matched or kept apart moves to another list: open it, and keep focus on it.
        if let Some(item) = item {
            let mut open = (*self.open).clone();
            open.insert((item.file, item.kind));
            next.open = Rc::new(open);
            next.focus = Some(item_key(&item));
        }
        next
    }
}

/// The value of an item's `data-merge-item`, to find it again.
fn item_key(item: &ItemRef) -> String {
    format!("{}:{}:{}", item.file, item.kind.label(), item.id)
}

#[function_component]
pub fn MergePreview(props: &MergePreviewProps) -> Html {
    let context = use_board();
    let preview = use_state(|| Preview::new(props.board.clone(), &props.files));
    // Another tab's save may change the board under the preview: plan again for the new
    // board, keeping the choices that still fit it.
    {
        let preview = preview.clone();
        use_effect_with(
            (props.board.clone(), props.files.clone()),
            move |(board, files)| {
                if !Rc::ptr_eq(&preview.board, board) {
                    let mut fresh = Preview::new(board.clone(), files);
                    if let Ok(plan) = combine::replan(board, &fresh.plan, preview.plan.choices()) {
                        fresh.plan = Rc::new(plan);
                    }
                    fresh.open = preview.open.clone();
                    preview.set(fresh);
                }
            },
        );
    }
    let body = use_node_ref();
    {
        let (body, focus) = (body.clone(), preview.focus.clone());
        let matching = preview.matching.clone();
        use_effect_with((focus, matching), move |(focus, matching)| {
            let Some(body) = body.cast::<web_sys::Element>() else {
                return;
            };
            let selector = match (focus, matching) {
                (_, Some(_)) => "select[data-merge-match]".to_string(),
                (Some(key), None) => format!("[data-merge-item=\"{}\"]", css_escape(key)),
                (None, None) => return,
            };
            if let Some(element) = body
                .query_selector(&selector)
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
        });
    }

    let on_choice = {
        let preview = preview.clone();
        Callback::from(move |choice: Choice| preview.set(preview.choose(choice)))
    };
    let on_toggle = {
        let preview = preview.clone();
        Callback::from(move |(at, kind, open): (usize, Kind, bool)| {
            if preview.open.contains(&(at, kind)) == open {
                return;
            }
            let mut next = (*preview).clone();
            let mut set = (*preview.open).clone();
            if open {
                set.insert((at, kind));
            } else {
                set.remove(&(at, kind));
            }
            next.open = Rc::new(set);
            next.focus = None;
            preview.set(next);
        })
    };
    let on_matching = {
        let preview = preview.clone();
        Callback::from(move |item: Option<ItemRef>| {
            let mut next = (*preview).clone();
            next.focus = item
                .is_none()
                .then(|| preview.matching.as_ref().map(item_key))
                .flatten();
            next.matching = item;
            preview.set(next);
        })
    };
    let on_merge = {
        let (preview, dispatch, on_close) = (
            preview.clone(),
            context.dispatch.clone(),
            props.on_close.clone(),
        );
        Callback::from(move |_| {
            match combine::apply(&preview.board, &preview.plan, preview.plan.choices()) {
                Ok(applied) => {
                    let action = Action::Merge {
                        board: applied.board,
                        description: applied.description,
                    };
                    let text = format!(
                        "{}. Undo brings the board back as it was.",
                        action.done(&preview.board)
                    );
                    dispatch.dispatch(Msg::Do {
                        action,
                        focus: None,
                    });
                    dispatch.dispatch(Msg::Done(text));
                    on_close.emit(());
                }
                Err(error) => {
                    let mut next = (*preview).clone();
                    next.error = Some(format!("The merge could not be made: {error}."));
                    preview.set(next);
                }
            }
        })
    };

    let plan = &preview.plan;
    let merging: Vec<&FileMerge> = plan
        .files
        .iter()
        .filter_map(|f| f.outcome.as_ref().ok())
        .collect();
    let total = merging.iter().fold(Counts::default(), |sum, file| {
        let c = file.counts();
        Counts {
            new: sum.new + c.new,
            same: sum.same + c.same,
            changed: sum.changed + c.changed,
            conflicts: sum.conflicts + c.conflicts,
            taken: sum.taken + c.taken,
        }
    });
    let changes = total.new > 0 || total.taken > 0;
    // Differences whose board side stands, as the plan is.
    let kept = total.changed + total.conflicts - total.taken;
    let refused = plan.files.len() - merging.len();
    let lead = if merging.is_empty() {
        html! {
            <p class="ab-merge__empty" role="status">
                { if plan.files.len() == 1 { "This file cannot be merged: the board stays as it is." } else { "None of these files can be merged: the board stays as it is." } }
            </p>
        }
    } else if !changes && kept > 0 {
        html! {
            <p class="ab-merge__lead" role="status">
                { format!("As it stands nothing changes: {} below {} this board’s side. Take the file’s where it is right, then choose Merge.",
                    in_words(kept, "difference", "differences"), if kept == 1 { "keeps" } else { "keep" }) }
            </p>
        }
    } else if !changes {
        html! {
            <p class="ab-merge__empty" role="status">
                { if merging.len() == 1 { "Nothing new: this file holds nothing this board lacks." } else { "Nothing new: these files hold nothing this board lacks." } }
            </p>
        }
    } else {
        html! {
            <p class="ab-merge__lead">
                { format!("Merging {} brings {}", files_in_words(merging.len()), brings(&total)) }
                if kept > 0 {
                    { format!(" {} {} this board’s side.", in_words(kept, "other difference", "other differences"), if kept == 1 { "keeps" } else { "keep" }) }
                }
                if total.conflicts > 0 {
                    { format!(" {}: pick the other where it is wrong.", conflicts_in_words(total.conflicts)) }
                }
                if refused > 0 {
                    { format!(" {} cannot be merged; the others can.", if refused == 1 { "One file".to_string() } else { format!("{refused} files") }) }
                }
                { " Nothing changes until you choose Merge." }
            </p>
        }
    };
    let view = View {
        board: &preview.board,
        preview: &preview,
        on_choice: &on_choice,
        on_toggle: &on_toggle,
        on_matching: &on_matching,
    };
    let files = plan
        .files
        .iter()
        .enumerate()
        .map(|(at, file)| match &file.outcome {
            Err(refusal) => html! {
                <section class="ab-merge__file ab-merge__file--refused" key={at}>
                    <h3 class="ab-merge__name">{ &file.name }</h3>
                    <p class="ab-dialog__error">{ format!("Refused: {}", refusal.message) }</p>
                    if !refusal.path.is_empty() {
                        <p class="ab-merge__path">{ "Where: " }<code>{ &refusal.path }</code></p>
                    }
                    <p class="ab-merge__source">{ "Nothing from this file is merged." }</p>
                </section>
            },
            Ok(merge) => view.file(at, &file.name, merge),
        });
    html! {
        <Modal title="Merge team snapshots" on_close={props.on_close.clone()} wide=true>
            <div ref={body} class="ab-merge">
                { lead }
                if let Some(error) = &preview.error {
                    <p class="ab-dialog__error" role="alert">{ error }</p>
                }
                { files.collect::<Html>() }
            </div>
            <div class="ab-dialog__actions">
                <span class="ab-spacer"></span>
                if changes {
                    <button type="button" class="ab-button" onclick={props.on_close.reform(|_| ())}>{ "Cancel" }</button>
                    <button type="button" class="ab-button ab-button--primary" onclick={on_merge}>{ "Merge" }</button>
                } else {
                    <button type="button" class="ab-button ab-button--primary" onclick={props.on_close.reform(|_| ())}>{ "Close" }</button>
                }
            </div>
        </Modal>
    }
}
