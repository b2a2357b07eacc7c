//! The board's header: title, purpose and period, how saving goes, undo and redo, adding
//! things, and snapshots in and out.

use super::autosave::SaveStatus;
use super::clock::local_now;
use super::dates::short_date;
use super::files::ImportButton;
use super::state::{use_board, DialogKind, Msg};
use crate::core::history::History;
use crate::core::model::Board;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub board: Rc<Board>,
    pub history: Option<History>,
    pub save_status: SaveStatus,
    /// Exports the snapshot, or (`true`) the board as a picture carrying it.
    pub on_export: Callback<bool>,
    /// Makes a share link; none where the board has no page to open one.
    pub on_share: Option<Callback<()>>,
    pub on_import: Callback<(String, String)>,
    pub on_error: Callback<String>,
    /// Prints the view shown.
    pub on_print: Callback<()>,
}

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
    let open = |kind: DialogKind| context.on_dialog.reform(move |_| Some(kind.clone()));
    let dispatch = context.dispatch.clone();
    let on_undo = Callback::from(move |_| dispatch.dispatch(Msg::Undo));
    let dispatch = context.dispatch.clone();
    let on_redo = Callback::from(move |_| dispatch.dispatch(Msg::Redo));
    let (save_class, save_text) = match &props.save_status {
        SaveStatus::Idle | SaveStatus::Saved | SaveStatus::NearlyFull { .. } => {
            ("ab-save--ok", "Saved in this browser")
        }
        SaveStatus::Pending => ("ab-save--pending", "Saving…"),
        SaveStatus::Failed(_) | SaveStatus::Conflict(_) => ("ab-save--failed", "Not saved"),
        SaveStatus::Off => (
            "ab-save--off",
            if context.read_only {
                "Read-only"
            } else {
                "Not saving"
            },
        ),
    };
    html! {
        <header class="ab-header">
            <div class="ab-header__identity">
                <h1 class="ab-header__title">{ &board.title }</h1>
                <p class="ab-header__meta">
                    if !board.period.label.is_empty() { <span class="ab-pill">{ &board.period.label }</span> }
                    <span class="ab-header__rhythm">
                        { format!("Check-ins every {} days · reviews every {} days", board.rhythm.check_in_days, board.rhythm.review_days) }
                    </span>
                    <span class={classes!("ab-save", save_class)} role="status">{ save_text }</span>
                </p>
                if !board.purpose.is_empty() { <p class="ab-header__purpose">{ &board.purpose }</p> }
                <p class="ab-print-only ab-header__printed">{ format!("Printed {}", short_date(local_now().today())) }</p>
            </div>
            <nav class="ab-toolbar" aria-label="Board actions">
                if !context.read_only {
                    <div class="ab-toolbar__group">
                        <button type="button" class="ab-button ab-button--icon" disabled={undo.is_none()} onclick={on_undo}
                                title={undo.as_ref().map(|d| format!("Undo: {d} (Ctrl+Z)")).unwrap_or_else(|| "Nothing to undo".into())}
                                aria-keyshortcuts="Control+Z Meta+Z">{ "↶ Undo" }</button>
                        <button type="button" class="ab-button ab-button--icon" disabled={redo.is_none()} onclick={on_redo}
                                title={redo.as_ref().map(|d| format!("Redo: {d} (Shift+Ctrl+Z)")).unwrap_or_else(|| "Nothing to redo".into())}
                                aria-keyshortcuts="Shift+Control+Z Shift+Meta+Z">{ "↷ Redo" }</button>
                    </div>
                    <div class="ab-toolbar__group">
                        <button type="button" class="ab-button ab-button--primary" onclick={open(DialogKind::Initiative { id: None, team: None, priority: None })}>{ "Add initiative" }</button>
                        <button type="button" class="ab-button" onclick={open(DialogKind::Priority(None))}>{ "Add priority" }</button>
                        <button type="button" class="ab-button" onclick={open(DialogKind::Team(None))}>{ "Add team" }</button>
                        <button type="button" class="ab-button" onclick={open(DialogKind::People)}>{ "People" }</button>
                    </div>
                }
                <div class="ab-toolbar__group">
                    if !context.read_only {
                        <ImportButton class="ab-button" on_import={props.on_import.clone()} on_error={props.on_error.clone()} />
                    }
                    <button type="button" class="ab-button" onclick={props.on_export.reform(|_| false)}>{ "Export snapshot" }</button>
                    <button type="button" class="ab-button" onclick={props.on_export.reform(|_| true)}>{ "Export picture" }</button>
                    if let Some(on_share) = &props.on_share {
                        <button type="button" class="ab-button" onclick={on_share.reform(|_| ())}>{ "Share link" }</button>
                    }
                    if !context.read_only {
                        <button type="button" class="ab-button" onclick={open(DialogKind::Settings)}>{ "Board settings" }</button>
                    }
                    <button type="button" class="ab-button" onclick={open(DialogKind::Outputs)}>{ "Markdown and CSV…" }</button>
                    <button type="button" class="ab-button" onclick={props.on_print.reform(|_| ())}
                            title="Print this view, landscape, with the board's title, period and today's date">{ "Print…" }</button>
                    <button type="button" class="ab-button" onclick={open(DialogKind::Help)}
                            aria-keyshortcuts="?" title="Keyboard shortcuts and versions (?)">{ "Help" }</button>
                </div>
            </nav>
        </header>
    }
}
