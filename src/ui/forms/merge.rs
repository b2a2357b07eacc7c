//! The merge preview: what merging snapshot files would do to the board, file by file and
//! kind by kind, before anything changes. The person keeps apart what matched, matches by
//! hand what did not, and settles each conflict; "Merge" then makes it one undo step. The
//! rules are `core::combine`'s: this dialog shows its plan and hands it the choices.

use super::form::count as in_words;
use crate::core::action::Action;
use crate::core::combine::{
    self, Choice, Counts, Difference, FileMerge, Item, ItemRef, Kind, Matched, MergePlan, Side,
    Verdict,
};
use crate::core::model::Board;
use crate::core::time::{Date, Timestamp};
use crate::ui::dates::{date_time, short_date};
use crate::ui::dialog::Modal;
use crate::ui::selector::css_escape;
use crate::ui::state::{capitalise, use_board, MergeFiles, Msg, Notice};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

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
                    let text = format!(
                        "{}. Undo brings the board back as it was.",
                        capitalise(&applied.description)
                    );
                    dispatch.dispatch(Msg::Do {
                        action: Action::Merge {
                            board: applied.board,
                            description: applied.description,
                        },
                        focus: None,
                    });
                    dispatch.dispatch(Msg::Notify(Notice { error: false, text }));
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
    let refused = plan.files.len() - merging.len();
    let lead = if merging.is_empty() {
        html! {
            <p class="ab-merge__empty" role="status">
                { if plan.files.len() == 1 { "This file cannot be merged: the board stays as it is." } else { "None of these files can be merged: the board stays as it is." } }
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

/// What the preview's parts render with.
struct View<'a> {
    board: &'a Board,
    preview: &'a Preview,
    on_choice: &'a Callback<Choice>,
    on_toggle: &'a Callback<(usize, Kind, bool)>,
    on_matching: &'a Callback<Option<ItemRef>>,
}

impl View<'_> {
    /// A readable file: where it comes from, its conflicts, and a list per kind.
    fn file(&self, at: usize, name: &str, merge: &FileMerge) -> Html {
        let counts = merge.counts();
        let source = if merge.family {
            format!(
                "A copy or slice of this board (“{}”): items match by id.",
                merge.title
            )
        } else {
            format!(
                "From another board, “{}”: items match by name or title.",
                merge.title
            )
        };
        let conflicts: Vec<&Item> = merge
            .items
            .iter()
            .filter(|i| matches!(i.verdict, Verdict::Conflict(_)))
            .collect();
        let kinds = Kind::ALL.iter().filter_map(|&kind| {
            let items: Vec<&Item> = merge.of(kind).collect();
            (!items.is_empty()).then(|| self.kind(at, kind, &items))
        });
        html! {
            <section class="ab-merge__file" key={at}>
                <h3 class="ab-merge__name">{ name }</h3>
                <p class="ab-merge__source">{ source }</p>
                <p class="ab-merge__summary">{ summary(&counts) }</p>
                if !conflicts.is_empty() {
                    <div class="ab-merge__decide">
                        <h4 class="ab-merge__heading">{ format!("To decide ({})", conflicts.len()) }</h4>
                        <ul class="ab-merge__items">
                            { for conflicts.iter().map(|item| self.item(at, item, true)) }
                        </ul>
                    </div>
                }
                <div class="ab-merge__kinds">{ for kinds }</div>
            </section>
        }
    }

    /// One kind's items, in a list that opens.
    fn kind(&self, at: usize, kind: Kind, items: &[&Item]) -> Html {
        let counts = count(items.iter().copied());
        let open = self.preview.open.contains(&(at, kind));
        let ontoggle = {
            let on_toggle = self.on_toggle.clone();
            Callback::from(move |event: Event| {
                if let Some(details) = event.target_dyn_into::<web_sys::Element>() {
                    on_toggle.emit((at, kind, details.has_attribute("open")));
                }
            })
        };
        let group = |title: &str, pick: fn(&Verdict) -> bool| {
            let chosen: Vec<&&Item> = items.iter().filter(|i| pick(&i.verdict)).collect();
            (!chosen.is_empty()).then(|| {
                html! {
                    <>
                        <h4 class="ab-merge__heading">{ format!("{title} ({})", chosen.len()) }</h4>
                        <ul class="ab-merge__items">
                            { for chosen.iter().map(|item| self.item(at, item, false)) }
                        </ul>
                    </>
                }
            })
        };
        let plural = kind.plural();
        html! {
            <details class="ab-merge__kind" {open} {ontoggle}>
                <summary>
                    <span class="ab-merge__kind-name">{ capitalise(plural) }</span>
                    <span class="ab-merge__kind-counts">{ counts_in_words(&counts) }</span>
                </summary>
                if open {
                    <div class="ab-merge__lists">
                        if let Some(list) = group("New", |v| matches!(v, Verdict::New { .. })) { { list } }
                        if let Some(list) = group("In conflict", |v| matches!(v, Verdict::Conflict(_))) { { list } }
                        if let Some(list) = group("Changed", |v| matches!(v, Verdict::Changed(_))) { { list } }
                        if let Some(list) = group("Already on the board", |v| matches!(v, Verdict::Same)) { { list } }
                    </div>
                }
            </details>
        }
    }

    /// One item: its name, how it matched, and what the person can do with it. A conflict
    /// shows its fields and the sides to pick from in the "To decide" list (`deciding`).
    fn item(&self, at: usize, item: &Item, deciding: bool) -> Html {
        let reference = item.reference(at);
        let key = item_key(&reference);
        let what = item.kind.label();
        let note = match (&item.verdict, item.matched) {
            (Verdict::New { .. }, Matched::Undone) => Some("kept apart: added as new".into()),
            (Verdict::New { renamed: true }, _) => {
                Some("new; its id was taken here, so it gets a new one".to_string())
            }
            (Verdict::New { .. }, _) => None,
            (_, Matched::ById) => Some("matched by id".into()),
            (_, Matched::ByName) => Some("matched by name".into()),
            (_, Matched::ByHand) => Some("matched by hand".into()),
            _ => None,
        };
        let keep_apart = (!matches!(item.verdict, Verdict::New { .. })).then(|| {
            let on_choice = self.on_choice.clone();
            let reference = reference.clone();
            html! {
                <button type="button" class="ab-button ab-button--quiet ab-button--small"
                        aria-label={format!("Keep apart: {what} {}", item.name)}
                        onclick={Callback::from(move |_| on_choice.emit(Choice::Unmatch(reference.clone())))}>
                    { "Keep apart" }
                </button>
            }
        });
        let match_by_hand = matches!(item.verdict, Verdict::New { .. })
            .then(|| self.match_by_hand(item, &reference))
            .flatten();
        let difference = match &item.verdict {
            Verdict::Conflict(d) if deciding => Some(self.difference(item, &reference, d)),
            Verdict::Changed(d) => Some(self.difference(item, &reference, d)),
            Verdict::Conflict(_) => Some(html! {
                <p class="ab-merge__note">{ "Decide it under “To decide” above." }</p>
            }),
            _ => None,
        };
        html! {
            <li class="ab-merge__item" key={key.clone()} data-merge-item={key} tabindex="-1">
                <div class="ab-merge__line">
                    <span class="ab-merge__item-name">
                        if deciding { <span class="ab-merge__kind-tag">{ what }</span> }
                        { &item.name }
                    </span>
                    if let Some(note) = note { <span class="ab-merge__note">{ note }</span> }
                    <span class="ab-spacer"></span>
                    if let Some(keep_apart) = keep_apart { { keep_apart } }
                    if let Some(match_by_hand) = match_by_hand { { match_by_hand } }
                </div>
                if let Some(difference) = difference { { difference } }
            </li>
        }
    }

    /// "Match by hand…" for a new item of a kind a person names (not history), or the
    /// picker of the board's items of its kind once asked for.
    fn match_by_hand(&self, item: &Item, reference: &ItemRef) -> Option<Html> {
        let board = self.board;
        let options: Vec<(String, String)> = match item.kind {
            Kind::Team => board
                .teams
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect(),
            Kind::Person => board
                .people
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect(),
            Kind::Priority => board
                .priorities
                .iter()
                .map(|p| (p.id.clone(), p.title.clone()))
                .collect(),
            Kind::Initiative => board
                .initiatives
                .iter()
                .map(|i| {
                    let team = board.team(&i.team_id).map_or("", |t| t.name.as_str());
                    (i.id.clone(), format!("{} ({team})", i.title))
                })
                .collect(),
            _ => return None,
        };
        if options.is_empty() {
            return None;
        }
        let what = item.kind.label();
        if self.preview.matching.as_ref() != Some(reference) {
            let on_matching = self.on_matching.clone();
            let reference = reference.clone();
            return Some(html! {
                <button type="button" class="ab-button ab-button--quiet ab-button--small"
                        aria-label={format!("Match by hand: {what} {}", item.name)}
                        onclick={Callback::from(move |_| on_matching.emit(Some(reference.clone())))}>
                    { "Match by hand…" }
                </button>
            });
        }
        let select = NodeRef::default();
        let on_match = {
            let (select, on_choice, reference) =
                (select.clone(), self.on_choice.clone(), reference.clone());
            Callback::from(move |_| {
                if let Some(select) = select.cast::<web_sys::HtmlSelectElement>() {
                    on_choice.emit(Choice::MatchTo(reference.clone(), select.value()));
                }
            })
        };
        let label = format!("Match the file’s {what} “{}” to", item.name);
        Some(html! {
            <span class="ab-merge__match">
                <select ref={select} class="ab-input ab-merge__select" aria-label={label} data-merge-match="">
                    { for options.into_iter().map(|(id, name)| html! { <option value={id}>{ name }</option> }) }
                </select>
                <button type="button" class="ab-button ab-button--small" onclick={on_match}>{ "Match" }</button>
                <button type="button" class="ab-button ab-button--quiet ab-button--small"
                        onclick={self.on_matching.reform(|_| None)}>{ "Cancel" }</button>
            </span>
        })
    }

    /// Both values of each field that differs, and the side to keep.
    fn difference(&self, item: &Item, reference: &ItemRef, d: &Difference) -> Html {
        let name = format!(
            "ab-merge-{}-{}-{}",
            reference.file,
            item.kind.label(),
            item.id
        );
        let side = |side: Side, label: &'static str| {
            let (on_choice, reference) = (self.on_choice.clone(), reference.clone());
            let onchange =
                Callback::from(move |_| on_choice.emit(Choice::Pick(reference.clone(), side)));
            html! {
                <label class="ab-check">
                    <input type="radio" name={name.clone()} checked={d.chosen == side} {onchange} />
                    { label }
                    if d.default == side { <span class="ab-merge__note">{ " (the default)" }</span> }
                </label>
            }
        };
        html! {
            <div class="ab-merge__difference">
                <table class="ab-table ab-merge__table">
                    <caption class="ab-visually-hidden">{ format!("How the {} “{}” differs", item.kind.label(), item.name) }</caption>
                    <thead>
                        <tr><th scope="col">{ "Field" }</th><th scope="col">{ "This board" }</th><th scope="col">{ "The file" }</th></tr>
                    </thead>
                    <tbody>
                        { for d.fields.iter().map(|field| html! {
                            <tr class={classes!(field.decisive.then_some("ab-merge__decisive"))}>
                                <th scope="row">{ field.name }</th>
                                <td>{ shown(field.name, &field.board) }</td>
                                <td>{ shown(field.name, &field.file) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <fieldset class="ab-merge__sides">
                    <legend class="ab-visually-hidden">{ format!("Which {} “{}” to keep", item.kind.label(), item.name) }</legend>
                    { side(Side::Board, "Keep this board’s") }
                    { side(Side::File, "Take the file’s") }
                </fieldset>
            </div>
        }
    }
}

/// A field's value as the board writes it elsewhere: times and dates in the person's
/// locale and time zone, and `none` for nothing (as the plan writes a missing value).
fn shown(field: &str, value: &str) -> String {
    if value.is_empty() {
        return "none".into();
    }
    if let Some(at) = Timestamp::parse(value) {
        return date_time(at);
    }
    match Date::parse(value) {
        Some(date) if matches!(field, "due" | "revisit on") => short_date(date),
        _ => value.to_string(),
    }
}

/// The verdicts of `items`.
fn count<'a>(items: impl Iterator<Item = &'a Item>) -> Counts {
    let mut counts = Counts::default();
    for item in items {
        match &item.verdict {
            Verdict::New { .. } => counts.new += 1,
            Verdict::Same => counts.same += 1,
            Verdict::Changed(_) => counts.changed += 1,
            Verdict::Conflict(_) => counts.conflicts += 1,
        }
    }
    counts
}

/// `2 new · 1 changed · 1 in conflict · 20 already on the board`.
fn counts_in_words(counts: &Counts) -> String {
    let parts: Vec<String> = [
        (counts.new, "new"),
        (counts.changed, "changed"),
        (counts.conflicts, "in conflict"),
        (counts.same, "already on the board"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    parts.join(" · ")
}

/// A file's line: what it brings, or that it brings nothing.
fn summary(counts: &Counts) -> String {
    if counts.new == 0 && counts.changed == 0 && counts.conflicts == 0 {
        return format!(
            "Nothing new: all {} already on the board.",
            in_words(counts.same, "item", "items")
        );
    }
    format!("{}.", capitalise(&counts_in_words(counts)))
}

/// What the merge brings in all: `5 new items and 2 changes.`
fn brings(total: &Counts) -> String {
    match (total.new, total.taken) {
        (0, taken) => format!("{}.", in_words(taken, "change", "changes")),
        (new, 0) => format!("{}.", in_words(new, "new item", "new items")),
        (new, taken) => format!(
            "{} and {}.",
            in_words(new, "new item", "new items"),
            in_words(taken, "change", "changes")
        ),
    }
}

fn files_in_words(n: usize) -> String {
    match n {
        1 => "this file".into(),
        n => format!("{n} files"),
    }
}

fn conflicts_in_words(n: usize) -> String {
    match n {
        1 => "One conflict below has a default side".into(),
        n => format!("{n} conflicts below have a default side"),
    }
}
