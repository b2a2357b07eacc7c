//! Labelled form fields. Each control's accessible name is its label alone ("Title",
//! "Owner"), which is also how the tests find it; a hint or an error is its description. A
//! text holds at most what a snapshot may (`core::limits`), so nothing typed is refused later.

use super::dom::active_element;
use super::numbers::decimal;
use crate::core::limits;
use crate::core::model::{Board, Id, Person, Status};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use yew::prelude::*;

thread_local! {
    static NEXT_FIELD: Cell<u32> = const { Cell::new(0) };
}

/// Ids of fields, unlikely to clash with a host page's own.
const FIELD_PREFIX: &str = "ab-field-";

/// A document-unique id for a field's control, kept for the component's life.
#[hook]
pub fn use_field_id() -> AttrValue {
    let id = use_state(|| {
        NEXT_FIELD.with(|next| {
            let n = next.get();
            next.set(n.wrapping_add(1));
            AttrValue::from(format!("{FIELD_PREFIX}{n}"))
        })
    });
    (*id).clone()
}

fn value_of(event: &Event) -> String {
    let target = event.target();
    if let Some(input) = target
        .clone()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        return input.value();
    }
    if let Some(area) = target
        .clone()
        .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        return area.value();
    }
    target
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub multiline: bool,
    /// `text`, `date` or `number`.
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub min: Option<AttrValue>,
    #[prop_or_default]
    pub max: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// The most characters the field holds, where it is not a text's usual limit (a
    /// line's `limits::SHORT`, several lines' `limits::LONG`): a name's `limits::NAME`.
    #[prop_or_default]
    pub limit: Option<usize>,
}

/// Puts focus in the first field of `form` whose value was refused; whether there is such a
/// field. A person already in a refused field (who pressed Enter in it) stays there, and the
/// refusal is said (`say_refusal`): focus that does not move is not read again.
pub fn focus_first_refused(form: &web_sys::Element) -> bool {
    thread_local! {
        /// Focus was put this turn: the other fields refused with the first leave it there
        /// (read out once).
        static PUT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    let refused = "[aria-invalid=true]";
    let Some(first) = form.query_selector(refused).ok().flatten() else {
        return false;
    };
    if PUT.replace(true) {
        return true;
    }
    gloo_timers::callback::Timeout::new(0, || PUT.set(false)).forget();
    let field = match active_element(form).filter(|a| a.matches(refused).unwrap_or(false)) {
        Some(inside) => {
            say_refusal(&inside);
            return true;
        }
        None => first.unchecked_into::<web_sys::HtmlElement>(),
    };
    let _ = field.focus();
    true
}

/// Says `field`'s label and refusal in its dialog's live region, or the board's for a form
/// outside a dialog (a guided review's step) (`REFUSAL_SAID`). Emptied first, so the same
/// refusal is said again.
fn say_refusal(field: &web_sys::Element) {
    let region = ["dialog", ".ab-app"].into_iter().find_map(|place| {
        let place = field.closest(place).ok().flatten()?;
        place.query_selector(REFUSAL_SAID).ok().flatten()
    });
    let Some(region) = region else {
        return;
    };
    let text = |id: Option<String>| {
        let document = field.owner_document()?;
        let element = document.get_element_by_id(&id?)?;
        Some(
            element
                .text_content()?
                .trim()
                .trim_end_matches('*')
                .trim()
                .to_string(),
        )
    };
    let label = field
        .dyn_ref::<web_sys::HtmlInputElement>()
        .and_then(|input| input.labels())
        .or_else(|| {
            field
                .dyn_ref::<web_sys::HtmlTextAreaElement>()
                .map(|area| area.labels())
        })
        .and_then(|labels| labels.get(0))
        .and_then(|label| label.text_content())
        .map(|label| label.trim().trim_end_matches('*').trim().to_string());
    let note = text(field.get_attribute("aria-describedby"));
    let said = match (label, note) {
        (Some(label), Some(note)) => format!("{label}: {note}"),
        (_, Some(note)) => note,
        _ => return,
    };
    region.set_text_content(None);
    gloo_timers::callback::Timeout::new(100, move || region.set_text_content(Some(&said))).forget();
}

/// The live region of a dialog where a refusal of the field the person is in is said.
pub const REFUSAL_SAID: &str = "[data-refusal-said]";

/// A form refused again for the same reasons renders no change, so no field takes focus by
/// itself (a `TextField` does as its refusal comes): once the form has rendered, its first
/// refused field takes it. For every form of the board, from the app's root.
pub fn refocus_after_submit(event: SubmitEvent) {
    let Some(form) = event.target_dyn_into::<web_sys::Element>() else {
        return;
    };
    gloo_timers::callback::Timeout::new(0, move || {
        if form.is_connected() {
            focus_first_refused(&form);
        }
    })
    .forget();
}

#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let id = use_field_id();
    let note_id: AttrValue = format!("{id}-note").into();
    let control = use_node_ref();
    // A refusal is about what the field held: once the person changes it, the field no
    // longer says that refusal, until the form is sent again. Decided as the field renders:
    // a new refusal shows at once (and takes focus), whatever was typed before.
    let changed_after = use_state_eq(|| None::<AttrValue>);
    {
        // Sent: heard where the form's tree starts (the document, or the board's shadow
        // root), before the board's own handlers, which may refuse the same again.
        let (control, changed_after) = (control.clone(), changed_after.clone());
        use_effect_with((), move |()| {
            let form = control
                .cast::<web_sys::Element>()
                .and_then(|control| control.closest("form").ok().flatten());
            let listener = form.map(|form| {
                let capture = gloo_events::EventListenerOptions::run_in_capture_phase();
                let root = form.get_root_node();
                gloo_events::EventListener::new_with_options(
                    &root,
                    "submit",
                    capture,
                    move |event| {
                        let target = event.target();
                        if target.as_ref().and_then(|t| t.dyn_ref::<web_sys::Node>()) == Some(&form)
                        {
                            changed_after.set(None);
                        }
                    },
                )
            });
            move || drop(listener)
        });
    }
    let on_change = {
        let (on_change, changed_after, refused) = (
            props.on_change.clone(),
            changed_after.clone(),
            props.error.clone(),
        );
        Callback::from(move |value: String| {
            if refused.is_some() {
                changed_after.set(refused.clone());
            }
            on_change.emit(value);
        })
    };
    let on_input = on_change.reform(|event: InputEvent| value_of(&event));
    // A date field whose date is begun but not finished has an empty value, and says so
    // only in its validity, with no input event: each key and leaving the field check it.
    let date = props.kind == "date";
    let on_date_check = {
        let (on_change, value) = (on_change.clone(), props.value.clone());
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                let now = if input.validity().bad_input() {
                    INCOMPLETE_DATE.to_string()
                } else {
                    input.value()
                };
                if now != value.as_str() {
                    on_change.emit(now);
                }
            }
        })
    };
    // Shown, the marker is the empty value the field has: what the person has typed so
    // far stays as it is.
    let value = if date && props.value == INCOMPLETE_DATE {
        AttrValue::Static("")
    } else {
        props.value.clone()
    };
    let error = props
        .error
        .as_ref()
        .filter(|e| changed_after.as_ref() != Some(e));
    let invalid = error.is_some();
    // A text at its limit says so: a paste longer than it is cut by the browser unsaid.
    // (The browser counts a text's UTF-16 units, as this does.)
    let limit = match (props.multiline, props.kind.as_str()) {
        (true, _) => Some(props.limit.unwrap_or(limits::LONG)),
        (false, "text") => Some(props.limit.unwrap_or(limits::SHORT)),
        _ => None,
    };
    let full = limit
        .filter(|&limit| props.value.len() >= limit && props.value.encode_utf16().count() >= limit)
        .map(|limit| AttrValue::from(format!("At most {} characters.", decimal(limit as f64, 0))));
    let note = error.or(full.as_ref()).or(props.hint.as_ref());
    let described = note.map(|_| note_id.clone());
    // A form that refuses what was typed puts the person in the first field it names: its
    // error, read out as the field's description, says what to change. (Each field that
    // is newly refused asks for the form's first refused one, so the last does not win.)
    {
        let control = control.clone();
        let mounted = use_mut_ref(|| false);
        use_effect_with(props.error.clone(), move |error| {
            if error.is_some() && *mounted.borrow() {
                if let Some(control) = control.cast::<web_sys::HtmlElement>() {
                    let form = control.closest("form").ok().flatten();
                    if !form.is_some_and(|form| focus_first_refused(&form)) {
                        let _ = control.focus();
                    }
                }
            }
            *mounted.borrow_mut() = true;
        });
    }
    html! {
        <div class="ab-field">
            <label class="ab-field__label" for={id.clone()}>
                { &props.label }
                if props.required { <span class="ab-field__required" aria-hidden="true">{ " *" }</span> }
            </label>
            if props.multiline {
                <textarea ref={control} class="ab-input" {id} rows="3" value={props.value.clone()} oninput={on_input}
                          maxlength={limit.map(|limit| limit.to_string())}
                          aria-invalid={invalid.to_string()} aria-describedby={described} />
            } else {
                <input ref={control} class="ab-input" {id} type={props.kind.clone()} {value}
                       oninput={if date { on_date_check.reform(|e: InputEvent| e.into()) } else { on_input }}
                       onkeyup={date.then(|| on_date_check.reform(|e: KeyboardEvent| e.into()))}
                       onblur={date.then(|| on_date_check.reform(|e: FocusEvent| e.into()))}
                       required={props.required} min={props.min.clone()} max={props.max.clone()}
                       maxlength={limit.map(|limit| limit.to_string())}
                       aria-invalid={invalid.to_string()} aria-describedby={described} />
            }
            if let Some(note) = note {
                <span id={note_id} class={if invalid { "ab-field__error" } else { "ab-field__hint" }}>{ note }</span>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub label: AttrValue,
    pub value: AttrValue,
    /// `(value, label)` pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub on_change: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub compact: bool,
    /// Groups of the options: each group's label and the place of its first option; the
    /// options before the first group stand alone.
    #[prop_or_default]
    pub groups: Vec<(AttrValue, usize)>,
}

#[function_component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let id = use_field_id();
    let note_id: AttrValue = format!("{id}-note").into();
    let on_change = props.on_change.reform(|event: Event| value_of(&event));
    let described = props.hint.as_ref().map(|_| note_id.clone());
    html! {
        <div class={classes!("ab-field", props.compact.then_some("ab-field--compact"))}>
            <label class="ab-field__label" for={id.clone()}>{ &props.label }</label>
            <select class="ab-input" {id} onchange={on_change} aria-describedby={described}>
                { options(props, 0, props.groups.first().map_or(props.options.len(), |g| g.1)) }
                { for props.groups.iter().enumerate().map(|(n, (label, start))| {
                    let end = props.groups.get(n + 1).map_or(props.options.len(), |g| g.1);
                    html! { <optgroup key={label.as_str()} label={label.clone()}>{ options(props, *start, end) }</optgroup> }
                }) }
            </select>
            if let Some(hint) = &props.hint { <span id={note_id} class="ab-field__hint">{ hint }</span> }
        </div>
    }
}

/// A select's options from `start` to before `end`. Grouped options change places as their
/// groups do (a team's people first): keyed by value, each keeps its element, so the one
/// the person picked stays picked; reused in place, an element the person picked would not
/// take its new `selected`.
fn options(props: &SelectFieldProps, start: usize, end: usize) -> Html {
    let keyed = !props.groups.is_empty();
    props.options[start..end.max(start)]
        .iter()
        .map(|(value, label)| {
            let selected = *value == props.value;
            match keyed {
                true => html! { <option key={value.as_str()} value={value.clone()} {selected}>{ label }</option> },
                false => html! { <option value={value.clone()} {selected}>{ label }</option> },
            }
        })
        .collect()
}

/// Reads a whole number typed into a field, within `0..=max`.
pub fn parse_whole(text: &str, max: u32) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if n <= max => Ok(n),
        Ok(_) => Err(format!("At most {max}")),
        Err(_) if text.trim().is_empty() => Err("Required".into()),
        Err(_) => Err(format!("A whole number from 0 to {max}")),
    }
}

/// Reads an optional date field: `Ok(None)` when empty, else as `parse_date`.
pub fn parse_optional_date(
    text: &str,
    like: &str,
) -> Result<Option<crate::core::time::Date>, String> {
    match text.trim() {
        "" => Ok(None),
        text => parse_date(text, like).map(Some),
    }
}

/// A word under a date field whose date falls outside the board's period, which the date
/// is still taken with: work due after the period, or a date typed in the wrong year.
pub fn outside_period(period: &crate::core::model::Period, text: &str) -> Option<AttrValue> {
    let date = parse_date(text.trim(), "").ok()?;
    let (side, day) = match period.outside(date)? {
        std::cmp::Ordering::Less => ("Before the period starts", period.start?),
        _ => ("After the period ends", period.end?),
    };
    Some(format!("{side} ({}).", super::dates::short_date(day)).into())
}

/// A date field's value (`YYYY-MM-DD`), or why it is refused: `like` (an example) when it
/// is no date, and plainer words when the field holds a date begun but not finished
/// (`INCOMPLETE_DATE`) or a year typed short ("26" is the year 26 to a date field: no year
/// of fewer than four digits is taken).
pub fn parse_date(text: &str, like: &str) -> Result<crate::core::time::Date, String> {
    if text == INCOMPLETE_DATE {
        return Err("This date is not complete: give its day, month and year, or clear it".into());
    }
    let date = crate::core::time::Date::parse(text.trim()).ok_or_else(|| like.to_string())?;
    match date.year() {
        year if year < 1000 => Err(format!(
            "The year {year} looks cut short: give all four of its digits"
        )),
        _ => Ok(date),
    }
}

/// What a date field holds while a date is begun in it but not finished (its value is
/// then empty, as if it were cleared): its form refuses it rather than drop the date.
pub const INCOMPLETE_DATE: &str = "incomplete";

/// A progress field's text once the status `to` is chosen over `from`: choosing Done fills in
/// 100 and keeps what the field held in `kept`; choosing another status gives it back while
/// the field still says 100 (Done arrowed past in a closed select, or chosen by mistake).
pub fn progress_on_status(
    from: Status,
    to: Status,
    progress: &mut String,
    kept: &mut Option<String>,
) {
    let done = Status::Done.progress_from(0).to_string();
    if to == Status::Done && from != Status::Done {
        *kept = Some(std::mem::replace(progress, done));
    } else if to != Status::Done {
        if let Some(before) = kept.take().filter(|_| *progress == done) {
            *progress = before;
        }
    }
}

/// A callback that sets a state to the value it receives: the state's own setter, the same
/// from one render to the next, so what it is given to (the board's filters, a form's
/// fields) renders again only when what it shows changes, not on every edit of the board.
pub fn set_to<T: 'static>(state: &UseStateHandle<T>) -> Callback<T> {
    state.setter().into()
}

/// The options of an "Owner" / "Lead" select: nobody, then people by name.
pub fn people_options(board: &Board, none_label: &'static str) -> Vec<(AttrValue, AttrValue)> {
    people_choice(board, none_label, "").options
}

/// A person select's options and their groups (`SelectFieldProps`).
pub struct Choice {
    pub options: Vec<(AttrValue, AttrValue)>,
    pub groups: Vec<(AttrValue, usize)>,
}

/// The options of a select of a person for `team`'s work: nobody, then the team's lead
/// (who may belong to another team) and its people by name, then everyone else by name,
/// each in a group of its own when there are both; for no team (`""`), nobody and then
/// everyone by name.
pub fn people_choice(board: &Board, none_label: &'static str, team: &str) -> Choice {
    let mut people: Vec<&Person> = board.people.iter().collect();
    let lead = board.team(team).and_then(|t| t.lead_id.as_deref());
    let is_lead = |p: &Person| lead == Some(p.id.as_str());
    let is_team =
        |p: &Person| !team.is_empty() && (p.team_id.as_deref() == Some(team) || is_lead(p));
    people.sort_by_cached_key(|&p| (!is_team(p), !is_lead(p), p.name.as_str()));
    let own = people.iter().filter(|p| is_team(p)).count();
    let groups = match board.team(team) {
        Some(t) if own > 0 && own < people.len() => vec![
            (t.name.clone().into(), 1),
            (AttrValue::Static("Everyone else"), 1 + own),
        ],
        _ => Vec::new(),
    };
    let options = std::iter::once((AttrValue::Static(""), AttrValue::Static(none_label)))
        .chain(
            people
                .into_iter()
                .map(|p| (p.id.clone().into(), p.name.clone().into())),
        )
        .collect();
    Choice { options, groups }
}

/// `""` for nothing, the id otherwise (the value of a select).
pub fn optional_id(value: &str) -> Option<Id> {
    (!value.is_empty()).then(|| value.to_string())
}

/// A group of chips that chooses the whole board (`None`, named `all`) or one of its teams,
/// the chosen one pressed: the scope of a view's figures or lists.
pub fn team_chips(
    board: &Board,
    label: &'static str,
    all: &'static str,
    current: &Option<Id>,
    on_select: &Callback<Option<Id>>,
) -> Html {
    let chip = |name: &str, value: Option<Id>| {
        let pressed = value == *current;
        html! {
            <button type="button" class={classes!("ab-chip", pressed.then_some("ab-chip--on"))}
                    aria-pressed={pressed.to_string()} onclick={on_select.reform(move |_| value.clone())}
                    title={long_name(name)}>
                { name }
            </button>
        }
    };
    html! {
        <div class="ab-scope" role="group" aria-label={label}>
            { chip(all, None) }
            // A team's slice holds the others' work only where it meets its own: theirs is
            // not whole here to be looked at alone.
            { for board.teams.iter().filter(|t| board.holds_whole(&t.id)).map(|team| chip(&team.name, Some(team.id.clone()))) }
        </div>
    }
}

/// Brings the pressed chip of each row of chips in `root` whole into sight, clear of the
/// fade at the row's right edge (on a phone a row scrolls sideways): a view opened on a
/// team far along the row shows it chosen.
pub fn reveal_pressed_chips(root: &NodeRef) {
    /// The fade's width (`ab-more-chips`), and a little more.
    const FADE: f64 = 48.0;
    let chips = root.cast::<web_sys::Element>().and_then(|root| {
        root.query_selector_all(".ab-scope [aria-pressed=true]")
            .ok()
    });
    let Some(chips) = chips else {
        return;
    };
    for chip in (0..chips.length()).filter_map(|i| chips.item(i)) {
        let Some(chip) = chip.dyn_ref::<web_sys::Element>() else {
            continue;
        };
        let Some(row) = chip.parent_element() else {
            continue;
        };
        let (at, rect) = (
            row.get_bounding_client_rect(),
            chip.get_bounding_client_rect(),
        );
        let scrolled = f64::from(row.scroll_left());
        let (left, right) = (
            rect.left() - at.left() + scrolled,
            rect.right() - at.left() + scrolled,
        );
        let width = f64::from(row.client_width());
        if right > scrolled + width - FADE {
            row.set_scroll_left((right - width + FADE) as i32);
        } else if left < scrolled {
            row.set_scroll_left(left as i32);
        }
    }
}

/// A name's tooltip where a chip or a table's row may cut it (`.ab-chip`, `.ab-one-line`):
/// one that could be longer than they show.
pub fn long_name(name: &str) -> Option<AttrValue> {
    (name.chars().count() > 30).then(|| AttrValue::from(name.to_string()))
}

/// How much of a note or a rationale a list shows beside what it says of its item: a few
/// lines. The item's form holds it whole.
pub const EXCERPT: usize = 280;

/// `text` cut to `count` characters, ending "…" where it was cut: a note of paragraphs in
/// a list's row would push the row's name and buttons a screen away from each other.
pub fn excerpt(text: &str, count: usize) -> String {
    limits::cut(text, count).into_owned()
}
