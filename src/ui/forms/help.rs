//! The keyboard shortcuts, grouped by where they work, and which version of the board and
//! of the snapshot format this is: what a person looks for under Help.

use crate::core::snapshot;
use crate::ui::dialog::Modal;
use crate::ui::state::{use_board, Command};
use yew::prelude::*;

/// Where a group of shortcuts works, and each shortcut's keys and what it does.
pub const SHORTCUTS: &[(&str, &[(&str, &str)])] = &[
    (
        "Anywhere on the board (outside a text field)",
        &[
            ("Ctrl + Z (⌘ Z)", "Undo the last change"),
            ("Shift + Ctrl + Z (⇧ ⌘ Z), Ctrl + Y", "Redo"),
            ("?", "Show this help"),
            (
                "1 / 2 / 3 / 4 / 5",
                "Go to Board, Health, Allocation, Rhythm or Coordination",
            ),
        ],
    ),
    (
        "On a card (focus it with Tab)",
        &[
            ("Enter", "Edit the initiative"),
            ("↑ / ↓ / ← / →", "Go to the card above, below or beside it"),
            ("S", "Change its status"),
            ("C", "Check in on it"),
            (
                "Alt + ← / →",
                "Move it to the priority to the left or right",
            ),
            ("Alt + ↑ / ↓", "Move it to the team above or below"),
        ],
    ),
    (
        "On a priority's title",
        &[
            ("Enter", "Edit the priority"),
            ("Alt + ← / →", "Rank it one higher or one lower"),
        ],
    ),
    (
        "In a card's status menu",
        &[
            ("↑ / ↓", "Go to the previous or next status"),
            ("Home / End", "Go to the first or last status"),
            ("A letter", "Go to the next status that begins with it"),
            ("Enter", "Choose the status"),
            ("Escape", "Close the menu"),
        ],
    ),
    (
        "In a check-in and in a guided review",
        &[
            (
                "Ctrl + Enter (⌘ Enter)",
                "Save the check-in (and go on to the next)",
            ),
            ("Alt + →", "Guided review: skip to the next initiative"),
            ("Alt + ←", "Guided review: back to the previous one"),
            ("Escape", "Guided review: end it (it asks first)"),
        ],
    ),
    (
        "In a dialog",
        &[
            ("Escape", "Close it; asks first when changes would be lost"),
            ("Ctrl + Enter (⌘ Enter)", "Save its form, from any field"),
        ],
    ),
];

/// A shortcut's keys, broken across lines only between its ways of pressing them (after a
/// comma, before a parenthesis): "Shift + Ctrl + Z" stays on one line.
fn unbroken(keys: &str) -> Html {
    let mut parts = Vec::new();
    let mut from = 0;
    for (at, _) in keys.match_indices(' ') {
        if keys[..at].ends_with(',') || keys[at + 1..].starts_with('(') {
            parts.push(&keys[from..at]);
            from = at + 1;
        }
    }
    parts.push(&keys[from..]);
    let last = parts.len() - 1;
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| html! { <><span class="ab-help__keys">{ part }</span>{ if i < last { " " } else { "" } }</> })
        .collect()
}

#[derive(Properties, Clone, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<()>,
}

#[function_component]
pub fn Help(props: &HelpProps) -> Html {
    let context = use_board();
    // Every command of the menus, for a person who looks here first; Add initiative, a
    // button of its own on the toolbar, leads the Add menu's (the heading says "Add", not
    // "Add menu", for that reason). Help itself is here already.
    let menus = Command::MENUS.iter().filter_map(|(name, commands)| {
        let main = (*name == "Add").then_some(Command::AddInitiative);
        let buttons: Vec<Html> = main
            .into_iter()
            .chain(commands.iter().copied())
            .filter(|c| context.commands.contains(c) && *c != Command::Help)
            .map(|command| {
                let pressed = (command == Command::CompactCards).then(|| context.compact.to_string());
                html! {
                    <li>
                        <button type="button" class="ab-button ab-button--quiet" aria-pressed={pressed}
                                onclick={context.on_command.reform(move |_| command)}>{ command.label() }</button>
                    </li>
                }
            })
            .collect();
        let heading = if *name == "Add" { "Add".to_string() } else { format!("{name} menu") };
        (!buttons.is_empty()).then(|| html! {
            <section class="ab-help__menu" aria-label={heading.clone()}>
                <h4 class="ab-help__menu-name">{ heading }</h4>
                <ul class="ab-help__commands">{ for buttons }</ul>
            </section>
        })
    });
    let groups = SHORTCUTS.iter().map(|(place, keys)| {
        let rows = keys.iter().map(|(keys, action)| {
            html! { <tr><th scope="row"><kbd>{ unbroken(keys) }</kbd></th><td>{ *action }</td></tr> }
        });
        html! {
            <table class="ab-help__table">
                <caption>{ *place }</caption>
                <thead><tr><th scope="col">{ "Keys" }</th><th scope="col">{ "What they do" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    });
    html! {
        <Modal title="Help" on_close={props.on_close.clone()} wide=true>
            <h3 class="ab-health__heading">{ "Commands" }</h3>
            <div class="ab-help">{ for menus }</div>
            <h3 class="ab-health__heading">{ "Keyboard shortcuts" }</h3>
            <div class="ab-help">{ for groups }</div>
            <p class="ab-field__hint">
                { format!(
                    "Alignment Board {}, reading and writing snapshots of format version {}.",
                    env!("CARGO_PKG_VERSION"),
                    snapshot::VERSION
                ) }
            </p>
        </Modal>
    }
}
