//! A share link the board's own page was opened with (the shared copy's "open it as your
//! board"): its board is offered as the person's, always asking first, since a link may come
//! from anywhere; a board that cannot change here does not take it, and says so.

use crate::core::snapshot;
use crate::ui::state::{AppState, DialogKind, Msg, Notice};
use std::rc::Rc;
use yew::prelude::*;

/// Once, as the app first shows: `link` (the snapshot's text the link carried, or why it
/// cannot be opened) asked about in the replace question, or said in a notice. Shared, not
/// copied: the app renders again after every change, and the text can be megabytes.
#[hook]
pub fn use_opened_link(
    link: Option<Rc<Result<String, String>>>,
    read_only: bool,
    dispatch: UseReducerDispatcher<AppState>,
    dialog: UseStateSetter<Option<DialogKind>>,
) {
    use_effect_with((), move |_| {
        let opened = match link.as_deref() {
            None => return,
            Some(_) if read_only => {
                Err("This board cannot be changed here, so the share link was not opened.".into())
            }
            Some(Ok(text)) => snapshot::read(text).map_err(|error| {
                format!("This share link cannot be opened: its board is not readable ({error}).")
            }),
            Some(Err(text)) => Err(text.clone()),
        };
        match opened {
            Ok(loaded) => dialog.set(Some(DialogKind::ConfirmImport {
                file: "the share link".into(),
                board: Rc::new(loaded.board),
                from_link: true,
            })),
            Err(text) => dispatch.dispatch(Msg::Notify(Notice::error(text))),
        }
    });
}
