//! One initiative on the board: title, owner, status, progress and effort, and which other
//! priorities it also serves. Draggable, and movable from the keyboard with Alt + arrows.

use crate::core::health::flag_words;
use crate::core::layout::Column;
use crate::core::model::{Board, Id, Initiative, PriorityStatus, Severity, Status};
use crate::ui::dom::{active_element, bring_into_view, on_itself, without_scrolling};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

mod click;
pub use click::{note_open_menu, opened_by_click};

/// A keyboard move of a focused card or priority: one step in a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Left,
    Right,
    Up,
    Down,
}

impl Step {
    /// The step an Alt + arrow key press asks for.
    pub fn from_key(event: &KeyboardEvent) -> Option<Step> {
        if !event.alt_key() || event.ctrl_key() || event.meta_key() {
            return None;
        }
        match event.key().as_str() {
            "ArrowLeft" => Some(Step::Left),
            "ArrowRight" => Some(Step::Right),
            "ArrowUp" => Some(Step::Up),
            "ArrowDown" => Some(Step::Down),
            _ => None,
        }
    }
}

/// The key of a card's place on the board, kept in `data-place` so focus can follow a move.
pub fn place_key(initiative: &str, column: &Column) -> String {
    match column {
        Column::Priority(p) => format!("{initiative}\u{1f}{p}"),
        Column::Local => format!("{initiative}\u{1f}"),
    }
}

#[derive(Properties)]
pub struct InitiativeCardProps {
    pub board: Rc<Board>,
    pub index: usize,
    pub column: Column,
    pub read_only: bool,
    /// Why the health analysis flags this initiative, if it does.
    #[prop_or_default]
    pub attention: Option<Rc<Vec<String>>>,
    /// Whether it changed since the last review.
    #[prop_or_default]
    pub changed: bool,
    #[prop_or_default]
    pub on_check_in: Callback<Id>,
    pub on_edit: Callback<Id>,
    pub on_step: Callback<(Id, Column, Step)>,
    /// A status chosen in the card's status menu.
    pub on_status: Callback<(Id, Column, Status)>,
    pub on_drag_start: Callback<(Id, Column)>,
    pub on_drag_end: Callback<()>,
}

/// Equal when the card would look and act the same: what it shows of its initiative, the
/// owner's name and the other priorities' labels, not the whole board. After an edit the
/// board is new, but only the cards it changed render again (a big board has thousands).
impl PartialEq for InitiativeCardProps {
    fn eq(&self, other: &Self) -> bool {
        let same_rest = self.column == other.column
            && self.read_only == other.read_only
            && self.attention == other.attention
            && self.changed == other.changed
            && self.on_check_in == other.on_check_in
            && self.on_edit == other.on_edit
            && self.on_step == other.on_step
            && self.on_status == other.on_status
            && self.on_drag_start == other.on_drag_start
            && self.on_drag_end == other.on_drag_end;
        if !same_rest {
            return false;
        }
        if Rc::ptr_eq(&self.board, &other.board) {
            return self.index == other.index;
        }
        shows_the_same(&self.board, self.index, &other.board, other.index)
    }
}

/// Whether the card of initiative `a_index` on board `a` shows what the card of `b_index`
/// on `b` shows: the initiative, its owner's name and the labels of the priorities it
/// serves. Lists and initiatives the two boards share are not looked into: after an edit
/// every card but the edited one holds the very initiative it held before.
pub fn shows_the_same(a: &Board, a_index: usize, b: &Board, b_index: usize) -> bool {
    let (Some(first), Some(second)) = (a.initiatives.get(a_index), b.initiatives.get(b_index))
    else {
        return false;
    };
    if !Rc::ptr_eq(first, second) && first != second {
        return false;
    }
    let owner = |board: &Board, initiative: &Initiative| {
        initiative
            .owner_id
            .as_deref()
            .and_then(|o| board.person(o))
            .map(|p| p.name.clone())
    };
    let priority = |board: &Board, id: &str| {
        board
            .priority(id)
            .map(|p| (p.rank, p.status, p.title.clone()))
    };
    a.is_earlier(first) == b.is_earlier(second)
        && (a.people.same(&b.people) || owner(a, first) == owner(b, second))
        && (a.priorities.same(&b.priorities)
            || first
                .priority_ids
                .iter()
                .all(|id| priority(a, id) == priority(b, id)))
}

pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "ab-status--not-started",
        Status::OnTrack => "ab-status--on-track",
        Status::AtRisk => "ab-status--at-risk",
        Status::OffTrack => "ab-status--off-track",
        Status::Done => "ab-status--done",
        Status::Dropped => "ab-status--dropped",
    }
}

#[function_component]
pub fn InitiativeCard(props: &InitiativeCardProps) -> Html {
    // The person's day: a card renders again when it turns.
    let today = super::state::use_day();
    let board = &props.board;
    let Some(initiative) = board.initiatives.get(props.index) else {
        return Html::default();
    };
    let id = initiative.id.clone();
    let owner = initiative
        .owner_id
        .as_deref()
        .and_then(|o| board.person(o))
        .map(|p| p.name.clone());
    let others: Vec<String> = initiative
        .priority_ids
        .iter()
        .filter(|p| props.column.priority_id() != Some(*p))
        .filter_map(|p| board.priority(p))
        .map(|p| {
            if p.is_active() {
                format!("#{} {}", p.rank, p.title)
            } else {
                format!("{} ({})", p.title, PriorityStatus::key(p.status))
            }
        })
        .collect();
    let high_risks = initiative
        .risks
        .iter()
        .filter(|r| r.open && r.severity == Severity::High)
        .count();
    let open_risks = initiative.risks.iter().filter(|r| r.open).count();

    let on_edit = {
        let id = id.clone();
        props.on_edit.reform(move |_: MouseEvent| id.clone())
    };
    // The status menu: a popover, so opening and closing it leaves the rest of the page
    // as it is (a modal dialog makes the whole page inert, then live again, and the
    // browser restyles all of it). Rendered only while open. Set again by the `toggle`
    // event that follows a choice, when it is closed already: no second render of the card.
    let menu = use_state_eq(|| false);
    let menu_ref = use_node_ref();
    {
        // After every render while open, not only when it opens: a render can make the menu's
        // element anew (the health flags that follow an edit on a big board change the
        // card around it), and the browser hides a popover whose element goes, without a
        // `toggle` event.
        let (menu_ref, open) = (menu_ref.clone(), *menu);
        use_effect(move || {
            if open {
                show_menu(&menu_ref);
            }
        });
    }
    // Opens the menu, or shows it again when the card holds it open but it is hidden.
    let open_menu = {
        let (menu, menu_ref) = (menu.clone(), menu_ref.clone());
        Callback::from(move |()| {
            if *menu {
                show_menu(&menu_ref);
            } else {
                menu.set(true);
            }
        })
    };
    let status_menu = menu.then(|| {
        // Closed by Escape or a click elsewhere: back to the card.
        let on_toggle = {
            let menu = menu.clone();
            Callback::from(move |event: Event| {
                let closed = js_sys::Reflect::get(&event, &"newState".into())
                    .ok()
                    .and_then(|state| state.as_string())
                    .is_some_and(|state| state == "closed");
                if closed {
                    // Back to the card only when focus was in the menu or went nowhere: a
                    // click elsewhere (a field, another card's menu) keeps its focus.
                    if let Some(element) = event.target_dyn_into::<web_sys::Element>() {
                        let back = active_element(&element).is_none_or(|active| {
                            element.contains(Some(&active)) || active.tag_name() == "BODY"
                        });
                        if let Some(card) = element.closest(".ab-card").ok().flatten().filter(|_| back) {
                            let _ = card.unchecked_into::<web_sys::HtmlElement>().focus();
                        }
                    }
                    menu.set(false);
                }
            })
        };
        // The choices are reached as in every menu: arrows, Home, End, a status's first letter.
        let on_menu_key = Callback::from(|event: KeyboardEvent| {
            // Keys in the menu are the menu's: not the card's moves and shortcuts.
            event.stop_propagation();
            if let Some(menu) = event.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                crate::ui::menu::follow_key(&event, &menu);
            }
        });
        let choices = Status::ALL.iter().map(|&status| {
            let choose = {
                let (id, column, menu) = (id.clone(), props.column.clone(), menu.clone());
                props.on_status.reform(move |event: MouseEvent| {
                    close_to_card(&event);
                    menu.set(false);
                    (id.clone(), column.clone(), status)
                })
            };
            html! {
                <button type="button" role="menuitemradio" class={classes!("ab-status-menu__item", status_class(status))}
                        aria-checked={(status == initiative.status).to_string()} onclick={choose}>
                    { status.label() }
                </button>
            }
        });
        html! {
            <div ref={menu_ref.clone()} popover="auto" class="ab-status-menu" role="menu" aria-label={format!("Status of {}", initiative.title)}
                 ontoggle={on_toggle} onkeydown={on_menu_key}>
                { for choices }
            </div>
        }
    });
    let on_key = {
        let open_menu = open_menu.clone();
        let (id, column) = (id.clone(), props.column.clone());
        let (on_step, on_edit, on_check_in, read_only) = (
            props.on_step.clone(),
            props.on_edit.clone(),
            props.on_check_in.clone(),
            props.read_only,
        );
        Callback::from(move |event: KeyboardEvent| {
            if let Some(step) = Step::from_key(&event).filter(|_| !read_only) {
                event.prevent_default();
                on_step.emit((id.clone(), column.clone(), step));
            } else if event.key() == "Enter" && is_self(&event) {
                event.prevent_default();
                on_edit.emit(id.clone());
            } else if matches!(event.key().as_str(), "s" | "S")
                && is_self(&event)
                && !read_only
                && !(event.ctrl_key() || event.meta_key() || event.alt_key())
            {
                event.prevent_default();
                open_menu.emit(());
            } else if matches!(event.key().as_str(), "c" | "C")
                && is_self(&event)
                && !read_only
                && !(event.ctrl_key() || event.meta_key() || event.alt_key())
            {
                event.prevent_default();
                on_check_in.emit(id.clone());
            } else if event.key().starts_with("Arrow")
                && is_self(&event)
                && !(event.ctrl_key() || event.meta_key() || event.alt_key() || event.shift_key())
            {
                // An arrow goes to the card beside; where there is none the board scrolls.
                let next = event
                    .target_dyn_into::<web_sys::Element>()
                    .and_then(|card| card_beside(&card, &event.key()));
                if let Some(next) = next {
                    event.prevent_default();
                    let _ = next.focus_with_options(&without_scrolling());
                    bring_into_view(&next);
                }
            }
        })
    };
    let on_drag_start = {
        let (id, column) = (id.clone(), props.column.clone());
        let on_drag_start = props.on_drag_start.clone();
        Callback::from(move |event: DragEvent| {
            if let Some(transfer) = event.data_transfer() {
                transfer.set_effect_allowed("move");
                let _ = transfer.set_data("text/plain", &id);
            }
            on_drag_start.emit((id.clone(), column.clone()));
        })
    };
    let on_drag_end = props.on_drag_end.reform(|_: DragEvent| ());

    let description = [
        Some(initiative.status.label().to_string()),
        Some(format!("{} % done", initiative.progress)),
        Some(format!("effort {} %", initiative.effort)),
        Some(
            owner
                .clone()
                .map_or("no owner".into(), |o| format!("owner {o}")),
        ),
        // What the card shows is what it says: its due date, risks and period too.
        (initiative.due).map(|due| {
            due_fact(due, initiative.status.is_active(), today).replacen("Due", "due", 1)
        }),
        (open_risks > 0).then(|| risks_fact(open_risks, high_risks)),
        board
            .is_earlier(initiative)
            .then(|| "from an earlier period".to_string()),
        (!others.is_empty()).then(|| format!("also serves {}", others.join(", "))),
        props
            .attention
            .as_ref()
            .map(|reasons| format!("needs attention: {}", reasons.join("; "))),
        props
            .changed
            .then(|| "changed since the last review".to_string()),
        Some(String::from(
            "arrow keys go to the card above, below or beside it",
        )),
        (!props.read_only)
            .then(|| "Alt + arrow keys move it, S changes its status, C checks in".to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("; ");

    html! {
        <article class={classes!("ab-card", status_class(initiative.status), (!initiative.status.is_active()).then_some("ab-card--closed"))}
                 tabindex="0" draggable={(!props.read_only).to_string()}
                 data-place={place_key(&id, &props.column)}
                 aria-label={initiative.title.clone()} aria-description={description}
                 onkeydown={on_key} ondragstart={on_drag_start} ondragend={on_drag_end}>
            <button type="button" class="ab-card__title" onclick={on_edit} tabindex="-1"
                    title={if props.read_only { "Show details" } else { "Edit" }}>
                { &initiative.title }
            </button>
            <div class="ab-card__meta">
                if props.read_only {
                    <span class={classes!("ab-status", status_class(initiative.status))}>{ initiative.status.label() }</span>
                } else {
                    <button type="button" tabindex="-1" aria-haspopup="menu" aria-expanded={menu.to_string()}
                            aria-label={["Status: ", initiative.status.label()].concat()}
                            class={classes!("ab-status", status_class(initiative.status), menu.then_some("ab-status--open"))}
                            title="Change the status (S)" onclick={open_menu.reform(|_| ())}>
                        { initiative.status.label() }
                    </button>
                    if let Some(status_menu) = status_menu { { status_menu } }
                }
                <span class="ab-card__owner">{ owner.unwrap_or_else(|| "No owner".into()) }</span>
            </div>
            <div class="ab-card__progress" role="progressbar" aria-label="Progress"
                 aria-valuenow={initiative.progress.to_string()} aria-valuemin="0" aria-valuemax="100">
                // Drawn, not styled: a page whose Content-Security-Policy forbids inline
                // styles still shows it.
                <svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
                    <rect width={initiative.progress.to_string()} height="1" />
                </svg>
            </div>
            <div class="ab-card__facts">
                // No-break spaces: a figure and its "%" stay on one line in a narrow column.
                <span>{ format!("{}\u{a0}% done", initiative.progress) }</span>
                <span title="Share of the team's capacity">{ format!("Effort {}\u{a0}%", initiative.effort) }</span>
                if let Some(due) = initiative.due {
                    <span class={(initiative.status.is_active() && due < today).then_some("ab-card__late")}>{ due_fact(due, initiative.status.is_active(), today) }</span>
                }
            </div>
            if open_risks > 0 {
                <p class={classes!("ab-card__risk", (high_risks > 0).then_some("ab-card__risk--high"))}>
                    { risks_fact(open_risks, high_risks) }
                </p>
            }
            if props.changed {
                <p class="ab-card__changed"><span aria-hidden="true">{ "● " }</span>{ "Changed since review" }</p>
            }
            // Shown with earlier periods' work (the filter), it says it is theirs.
            if board.is_earlier(initiative) {
                <p class="ab-card__earlier">{ "From an earlier period" }</p>
            }
            if let Some(reasons) = &props.attention {
                <p class="ab-card__attention" title={reasons.join("\n")}>
                    <span aria-hidden="true">{ "⚑ " }</span>{ attention_label(reasons) }
                </p>
            }
            if !others.is_empty() {
                <p class="ab-card__also">{ format!("Also serves {}", others.join(" · ")) }</p>
            }
        </article>
    }
}

/// What a card is flagged for, in a few words each: "No owner · Check-in late".
fn attention_label(reasons: &[String]) -> String {
    let mut words: Vec<&str> = Vec::new();
    for reason in reasons {
        let said = flag_words(reason);
        if !words.contains(&said) {
            words.push(said);
        }
    }
    words.join(" · ")
}

/// Whether the key was pressed on the card itself, not on a control inside it.
fn is_self(event: &KeyboardEvent) -> bool {
    on_itself(event, "ab-card")
}

/// Hands focus from the focused element to the board's root around it, without scrolling,
/// and gives back the element it took focus from: called before a change takes the focused
/// element out of the page (a card moving to another cell). Taken out while focused, the
/// element would make the browser find focus a new home, and lay out the whole board to do
/// so, in the middle of the change; after the change, `restore_focus` puts focus on the
/// element in its new place.
pub fn park_focus() -> Option<web_sys::HtmlElement> {
    let active_in = |root: &wasm_bindgen::JsValue| {
        js_sys::Reflect::get(root, &"activeElement".into())
            .ok()
            .and_then(|active| active.dyn_into::<web_sys::Element>().ok())
    };
    let mut active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| active_in(&d))?;
    // Into the shadow roots on the way: the <alignment-board> element holds the board in one.
    while let Some(inner) = js_sys::Reflect::get(&active, &"shadowRoot".into())
        .ok()
        .filter(|root| root.is_object())
        .and_then(|root| active_in(&root))
    {
        active = inner;
    }
    let root = active.closest(".ab-app").ok().flatten()?;
    let _ = root
        .unchecked_into::<web_sys::HtmlElement>()
        .focus_with_options(&without_scrolling());
    active.dyn_into().ok()
}

/// After a choice in the status menu: focus back on the card, then the menu hidden, before
/// the card renders without it. Hidden while it holds focus, or taken out of the page while
/// open, the menu would make the browser find focus a new home and lay out the whole board
/// to do so, in the middle of the edit. The card is where the person just clicked, so the
/// focus does not scroll to it: scrolling would make the browser lay out the board first.
fn close_to_card(event: &MouseEvent) {
    let Some(item) = event.target_dyn_into::<web_sys::Element>() else {
        return;
    };
    if let Ok(Some(card)) = item.closest(".ab-card") {
        let _ = card
            .unchecked_into::<web_sys::HtmlElement>()
            .focus_with_options(&without_scrolling());
    }
    if let Ok(Some(menu)) = item.closest("[popover]") {
        let _ = menu.unchecked_into::<web_sys::HtmlElement>().hide_popover();
    }
}

/// Shows the status menu unless it is showing, and puts focus on the current status unless
/// focus is in the menu already.
fn show_menu(menu_ref: &NodeRef) {
    let Some(menu) = menu_ref.cast::<web_sys::HtmlElement>() else {
        return;
    };
    if menu.matches(":popover-open").unwrap_or(true) {
        return;
    }
    let _ = menu.show_popover();
    let focused = active_element(&menu).is_some_and(|active| menu.contains(Some(&active)));
    if !focused {
        if let Ok(Some(current)) = menu.query_selector("[aria-checked=true]") {
            let _ = current.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
}

/// `1 open risk`, `2 open risks · high` when any is of high severity.
fn risks_fact(open: usize, high: usize) -> String {
    let count = if open == 1 {
        "1 open risk".to_string()
    } else {
        format!("{open} open risks")
    };
    if high > 0 {
        format!("{count} · high")
    } else {
        count
    }
}

/// `Due Dec 15 (in 3 days)`, counted in the person's days from `today`; finished work has
/// no days left.
fn due_fact(due: crate::core::time::Date, active: bool, today: crate::core::time::Date) -> String {
    let date = super::dates::short_date(due);
    if active {
        format!("Due {date} ({})", crate::core::days::due(due, today))
    } else {
        format!("Due {date}")
    }
}

/// The card an arrow key (`key`) goes to from `card`: the nearest below or above it in its
/// column (past the end of its cell, the next lane's), or the nearest in the next column to
/// the left or right, in its own lane while there is one that way, the closest in height
/// first. Found by where the cards are on screen, so the grid and the phone's list go alike;
/// none where there is no card that way (or it is not drawn yet, on a big board: the board
/// scrolls instead, and draws it).
pub fn card_beside(card: &web_sys::Element, key: &str) -> Option<web_sys::HtmlElement> {
    let view = card.closest(".ab-main").ok()??;
    let cards = view.query_selector_all(".ab-card").ok()?;
    let from = card.get_bounding_client_rect();
    let middle = |r: &web_sys::DomRect| r.top() + r.height() / 2.0;
    // Left and right keep to the card's lane while it has a card that way.
    let lane = card
        .closest(".ab-grid__row")
        .ok()
        .flatten()
        .map(|row| row.get_bounding_client_rect());
    let outside_lane = |r: &web_sys::DomRect| {
        lane.as_ref()
            .is_some_and(|lane| middle(r) < lane.top() || middle(r) > lane.bottom())
    };
    let mut best: Option<(f64, web_sys::HtmlElement)> = None;
    for at in 0..cards.length() {
        let Some(other) = cards
            .item(at)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let to = other.get_bounding_client_rect();
        let same_column = to.left() < from.right() && to.right() > from.left();
        let height =
            (middle(&to) - middle(&from)).abs() + if outside_lane(&to) { 1e6 } else { 0.0 };
        // Columns sit a few pixels apart: a column's width counts far more than a card's height.
        let distance = match key {
            "ArrowDown" if same_column && to.top() >= from.bottom() - 1.0 => {
                to.top() - from.bottom()
            }
            "ArrowUp" if same_column && to.bottom() <= from.top() + 1.0 => from.top() - to.bottom(),
            "ArrowRight" if to.left() >= from.right() - 1.0 => {
                (to.left() - from.right()) * 4.0 + height
            }
            "ArrowLeft" if to.right() <= from.left() + 1.0 => {
                (from.left() - to.right()) * 4.0 + height
            }
            _ => continue,
        };
        if best.as_ref().is_none_or(|(nearest, _)| distance < *nearest) {
            best = Some((distance, other));
        }
    }
    best.map(|(_, card)| card)
}
