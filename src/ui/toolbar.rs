//! The board's header: title, purpose and period, how saving goes, undo and redo, adding
//! things, and snapshots in and out.

use super::autosave::SaveStatus;
use super::clock::local_now;
use super::dates::{dated, short_day};
use super::menu::{MenuButton, MenuItem};
use super::state::{use_board, Command, Msg, TITLE_PLACE};
use crate::core::history::History;
use crate::core::model::{Board, Cut};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct ToolbarProps {
    pub board: Rc<Board>,
    pub history: Option<History>,
    pub save_status: SaveStatus,
}

/// The board compared by identity, as the board view's is: a new board is a changed one.
impl PartialEq for ToolbarProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.board, &other.board)
            && self.history == other.history
            && self.save_status == other.save_status
    }
}

/// Undo, Redo and Add initiative as buttons; every other command in the Add, File and
/// Settings menus.
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let context = use_board();
    let board = &props.board;
    let undo = props
        .history
        .as_ref()
        .and_then(|h| h.undo_description().map(str::to_string));
    let redo = props
        .history
        .as_ref()
        .and_then(|h| h.redo_description().map(str::to_string));
    let menus = Command::MENUS.iter().filter_map(|(name, commands)| {
        let items: Vec<MenuItem> = commands
            .iter()
            .filter(|c| context.commands.contains(c))
            .map(|&command| MenuItem {
                label: command.label().into(),
                checked: (command == Command::CompactCards).then_some(context.compact),
                keys: command.keys().map(AttrValue::from),
                on_select: context.on_command.reform(move |()| command),
            })
            .collect();
        (!items.is_empty()).then(|| html! { <MenuButton label={*name} {items} /> })
    });
    let dispatch = context.dispatch.clone();
    let on_undo = Callback::from(move |_| dispatch.dispatch(Msg::Undo));
    let dispatch = context.dispatch.clone();
    let on_redo = Callback::from(move |_| dispatch.dispatch(Msg::Redo));
    let (save_class, save_text) = match &props.save_status {
        SaveStatus::Idle | SaveStatus::Saved | SaveStatus::NearlyFull { .. }
            if context.store.0.kept_by_page() =>
        {
            ("ab-save--ok", "Kept by this page")
        }
        SaveStatus::Idle | SaveStatus::Saved | SaveStatus::NearlyFull { .. } => {
            ("ab-save--ok", "Saved in this browser")
        }
        SaveStatus::Pending => ("ab-save--pending", "Saving…"),
        SaveStatus::Failed(_) | SaveStatus::Conflict(_) | SaveStatus::NoStorage => {
            ("ab-save--failed", "Not saved")
        }
        // Read-only is how the board was given, not a fault: its dot is not red.
        SaveStatus::Off if context.read_only => ("ab-save--read-only", "Read-only"),
        SaveStatus::Off => ("ab-save--off", "Not saving"),
    };
    html! {
        <header class="ab-header">
            { skip_to_content() }
            <div class="ab-header__identity">
                <h1 class="ab-header__title" tabindex="-1" data-place={TITLE_PLACE}
                    title={(board.title.chars().count() > 80).then(|| board.title.clone())}>{ &board.title }</h1>
                <p class="ab-header__meta">
                    if !board.period.label.is_empty() { <span class="ab-pill" title={(board.period.label.chars().count() > 30).then(|| board.period.label.clone())}>{ &board.period.label }</span> }
                    <span class="ab-header__rhythm">
                        { format!("Check-ins every {} days · reviews every {} days", board.rhythm.check_in_days, board.rhythm.review_days) }
                    </span>
                    // Shown, not spoken: "Saving…" and "Saved" after every change would talk over
                    // what the change did; a save that fails says so in an alert of its own.
                    <span class={classes!("ab-save", save_class)} role="status" aria-live="off">{ save_text }</span>
                </p>
                // A purpose is a sentence or two: a long one is cut to three lines here (its
                // tooltip and Board settings hold it whole), and the page lays out no more of
                // it than fits them, however long a file made it.
                if !board.purpose.is_empty() {
                    <p class="ab-header__purpose" title={(board.purpose.len() > 150).then(|| at_most(&board.purpose, 2_000).to_string())}>
                        { at_most(&board.purpose, 600) }
                    </p>
                }
                if let Some(cut) = &board.slice { <p class="ab-header__slice">{ slice_note(board, cut) }</p> }
                <p class="ab-print-only ab-header__printed">{ format!("Printed {}", dated(local_now().today())) }</p>
            </div>
            <nav class="ab-toolbar" aria-label="Board actions">
                if !context.read_only {
                    <div class="ab-toolbar__group">
                        <button type="button" class="ab-button ab-button--icon" disabled={undo.is_none()} onclick={on_undo}
                                title={undo.as_ref().map(|d| format!("Undo: {d} (Ctrl+Z)")).unwrap_or_else(|| "Nothing to undo".into())}
                                aria-keyshortcuts="Control+Z Meta+Z"><span aria-hidden="true">{ "↶ " }</span>{ "Undo" }</button>
                        <button type="button" class="ab-button ab-button--icon" disabled={redo.is_none()} onclick={on_redo}
                                title={redo.as_ref().map(|d| format!("Redo: {d} (Shift+Ctrl+Z)")).unwrap_or_else(|| "Nothing to redo".into())}
                                aria-keyshortcuts="Shift+Control+Z Shift+Meta+Z"><span aria-hidden="true">{ "↷ " }</span>{ "Redo" }</button>
                    </div>
                    <div class="ab-toolbar__group">
                        <button type="button" class="ab-button ab-button--primary"
                                onclick={context.on_command.reform(|_| Command::AddInitiative)}>{ Command::AddInitiative.label() }</button>
                    </div>
                }
                <div class="ab-toolbar__group">{ for menus }</div>
            </nav>
        </header>
    }
}

/// What a team's slice says of itself: whose part of the board it is, since when, and
/// that the other teams in it are not whole.
fn slice_note(board: &Board, cut: &Cut) -> String {
    let names: Vec<&str> = board
        .teams
        .iter()
        .filter(|t| cut.team_ids.contains(&t.id))
        .map(|t| t.name.as_str())
        .collect();
    let whose = match names.as_slice() {
        [] => "A team’s slice".to_string(),
        [one] => format!("{one}’s slice"),
        [first @ .., last] => format!("{} and {last}’s slice", first.join(", ")),
    };
    format!(
        "{whose} of the board, cut {}: other teams show only the work that meets theirs, so \
         their lanes and the board’s figures here are partial. To send it back, File › Export \
         snapshot.",
        short_day(cut.cut_at)
    )
}

/// A keyboard's first stop, shown only while it has focus: past the toolbar, the views and
/// the filters (thirty presses of Tab on the example board) to the first card, or to the open
/// view's heading where it has no cards.
fn skip_to_content() -> Html {
    let onclick = Callback::from(|event: MouseEvent| {
        let app = event
            .target_dyn_into::<web_sys::Element>()
            .and_then(|button| button.closest(".ab-app").ok().flatten());
        let card = app
            .as_ref()
            .and_then(|app| app.query_selector(".ab-main .ab-card").ok().flatten());
        let target = card.or_else(|| {
            let heading = app?.query_selector(".ab-main h2").ok().flatten()?;
            let _ = heading.set_attribute("tabindex", "-1");
            Some(heading)
        });
        if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = target.focus();
        }
    });
    html! { <button type="button" class="ab-button ab-skip" {onclick}>{ "Skip to content" }</button> }
}

/// The first `count` characters of `text`: three lines of 72 characters need no more than
/// 600, and laying out megabytes of one paragraph took the page half a minute.
fn at_most(text: &str, count: usize) -> &str {
    text.char_indices()
        .nth(count)
        .map_or(text, |(end, _)| &text[..end])
}
