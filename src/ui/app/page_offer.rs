//! A page that gives its board a snapshot under a storage key, and has changed that snapshot
//! since this browser's board started from it (a wiki page edited by its author): the
//! page's board is offered, never taken unasked, since the board kept here holds the
//! person's own changes (one nobody changed here, saved or open, takes it at once:
//! `mount::follow_page`).
//! Either answer is remembered for this version of the page.

use crate::core::model::Board;
use crate::storage;
use crate::ui::state::{use_board, Msg, Same};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The page's board, and the print of the snapshot it was read from (`storage::page_print`).
#[derive(Clone)]
pub struct Offered {
    pub board: Rc<Board>,
    pub print: String,
    /// Its reader kept their own board in place of this one (or kept one before pages were
    /// followed): it is recalled, while the board differs from it, not asked about again.
    pub kept: bool,
}

impl PartialEq for Offered {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.board, &other.board)
    }
}

#[derive(Properties, PartialEq)]
pub struct PageOfferProps {
    pub offered: Offered,
    /// The board shown: with each new one (another board of the page under the key took
    /// the page's and this one followed), whether the offer stands is asked again.
    pub shown: Same,
}

#[function_component]
pub fn PageOffer(props: &PageOfferProps) -> Html {
    let context = use_board();
    let answered = use_state(|| false);
    // A kept board is recalled only while it is not the page's, as it opened: asked once
    // the board has shown (printing two boards takes a big board's milliseconds). One that
    // is the page's is recorded as such, so it is not asked again and follows the page.
    let same = use_state(|| props.offered.kept);
    {
        let (same, context, offered) = (same.setter(), context.clone(), props.offered.clone());
        let shown = props.shown.0.clone();
        use_effect_with((), move |_| {
            if let (Some(shown), true) = (shown, offered.kept) {
                let page = storage::board_print(&offered.board);
                let is_page = storage::board_print(&shown) == page;
                if is_page {
                    let store = context.store.0.as_ref();
                    storage::change_display(store, &context.storage_key, |display| {
                        display.page_board = Some(page)
                    });
                }
                same.set(is_page);
            }
        });
    }
    // Answered here, or in another board of the page under the same key (whose board this
    // one then follows): the question is for this version of the page, and a recalled board
    // goes once the page's is taken.
    let taken = || {
        let display = storage::display(context.store.0.as_ref(), &context.storage_key);
        match props.offered.kept {
            true => display.page_board.is_some(),
            false => display.page_snapshot.as_ref() == Some(&props.offered.print),
        }
    };
    if *answered || context.read_only || *same || taken() {
        return Html::default();
    }
    let answer = |take: bool| {
        let (context, answered, offered) =
            (context.clone(), answered.clone(), props.offered.clone());
        Callback::from(move |event: MouseEvent| {
            let print = offered.print.clone();
            // Taken, the board is the page's until it is changed here; kept, the reader
            // chose their own, and the page's later boards are offered too.
            let page_board = take.then(|| storage::board_print(&offered.board));
            storage::change_display(context.store.0.as_ref(), &context.storage_key, |display| {
                display.page_snapshot = Some(print);
                display.page_board = page_board;
            });
            if take {
                context.dispatch.dispatch(Msg::Load(offered.board.clone()));
            }
            // The banner goes with its buttons: focus stays with the board.
            let app = (event.target_dyn_into::<web_sys::Element>())
                .and_then(|button| button.closest(".ab-app").ok().flatten());
            if let Some(app) = app.and_then(|app| app.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = app.focus();
            }
            answered.set(true);
        })
    };
    if props.offered.kept {
        return html! {
            <div class="ab-notice ab-notice--quiet" role="note">
                <p>{ format!(
                    "This browser keeps its own copy of this board, not the one the page gives (“{}”).",
                    props.offered.board.title
                ) }</p>
                <button type="button" class="ab-button ab-button--quiet" onclick={answer(true)}>{ "Take the page's board" }</button>
            </div>
        };
    }
    html! {
        <div class="ab-notice" role="status">
            <p>{ format!(
                "This page's board has changed since this browser began keeping its own copy: the page now gives “{}”. Take it in place of the copy kept here? Undo brings the copy back.",
                props.offered.board.title
            ) }</p>
            <button type="button" class="ab-button" onclick={answer(true)}>{ "Take the page's board" }</button>
            <button type="button" class="ab-button ab-button--quiet" onclick={answer(false)}>{ "Keep this browser's" }</button>
        </div>
    }
}
