//! The first screen of a board with nothing saved: start from the example, start blank,
//! or import a snapshot.

use super::card::park_focus;
use super::files::ImportButton;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    /// `true` for the example board, `false` for a blank one.
    pub on_start: Callback<bool>,
    pub on_import: Callback<(String, String)>,
    pub on_error: Callback<String>,
    #[prop_or_default]
    pub read_only: bool,
    /// The page keeps the board (`Store::kept_by_page`), not this browser.
    #[prop_or_default]
    pub kept_by_page: bool,
}

pub fn welcome(props: &WelcomeProps) -> Html {
    if props.read_only {
        return html! {
            <section class="ab-welcome" aria-labelledby="ab-welcome-title">
                <h1 id="ab-welcome-title" class="ab-welcome__title">{ "No board to show" }</h1>
                <p class="ab-welcome__lead">{ "This board is read-only and has nothing saved yet." }</p>
            </section>
        };
    }
    // The board takes this screen's place, and the button the person used with it: focus
    // goes to the board first, or it would fall out of the page and the board's keyboard
    // shortcuts with it. (An import does so only once the file is read: a refused one
    // leaves the person on the button they used.)
    let start = |example: bool| {
        props.on_start.reform(move |_: MouseEvent| {
            park_focus();
            example
        })
    };
    let on_import = props.on_import.clone();
    html! {
        <section class="ab-welcome" aria-labelledby="ab-welcome-title">
            <p class="ab-welcome__eyebrow">{ "Alignment Board" }</p>
            <h1 id="ab-welcome-title" class="ab-welcome__title">{ "See whether the work serves what matters" }</h1>
            <p class="ab-welcome__lead">
                { "Rank your strategic priorities, lay out the teams and the initiatives that serve them, \
                   and spot the local work and drift at a glance. " }
                { if props.kept_by_page { "Everything stays in this page." } else { "Everything stays in this browser." } }
            </p>
            // Each choice is named by its title and described by the line under it.
            <div class="ab-welcome__choices">
                <button type="button" class="ab-choice ab-choice--primary" aria-label="Start from example" aria-describedby="ab-welcome-example" onclick={start(true)}>
                    <span class="ab-choice__title">{ "Start from example" }</span>
                    <span id="ab-welcome-example" class="ab-choice__text">{ "A company with six teams, five active priorities and a quarter of work in flight." }</span>
                </button>
                <button type="button" class="ab-choice" aria-label="Start blank" aria-describedby="ab-welcome-blank" onclick={start(false)}>
                    <span class="ab-choice__title">{ "Start blank" }</span>
                    <span id="ab-welcome-blank" class="ab-choice__text">{ "An empty board for this quarter: add your priorities and teams." }</span>
                </button>
            </div>
            <p class="ab-welcome__import">
                { "Have a snapshot file? " }
                <ImportButton class="ab-link-button" {on_import} on_error={props.on_error.clone()} />
                // A touch screen drops no file.
                <span class="ab-hover-only">{ " or drop it here." }</span>
            </p>
        </section>
    }
}
