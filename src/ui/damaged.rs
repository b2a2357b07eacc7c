//! The damaged copies of a board kept in this browser: where each is, and a way to
//! download or discard it. A board that could not be read is set aside, never deleted;
//! this list is how the person gets it back or lets it go.

use super::dates::date_time;
use super::files::download_text;
use super::state::StoreHandle;
use crate::core::snapshot::megabytes;
use crate::storage::{self, BoardKey, SetAside};
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct DamagedCopiesProps {
    pub store: StoreHandle,
    pub storage_key: BoardKey,
}

/// A damaged copy as one file: each of its texts (the board's head, then the parts of its
/// check-in history) under the name it is kept by, so nothing of it is left behind.
fn with_parts(store: &dyn crate::storage::Store, copy: &str) -> String {
    let parts = BoardKey::set_aside_part(copy, "");
    let texts: std::collections::BTreeMap<String, String> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|name| name == copy || name.starts_with(&parts))
        .filter_map(|name| store.read(&name).ok().flatten().map(|text| (name, text)))
        .collect();
    serde_json::to_string(&texts).unwrap_or_default()
}

#[function_component]
pub fn DamagedCopies(props: &DamagedCopiesProps) -> Html {
    let copies = use_state(|| storage::set_asides(props.store.0.as_ref(), &props.storage_key));
    // The copy whose discarding waits for the person's confirmation.
    let confirming = use_state(|| None::<String>);
    let message = use_state(String::new);
    if copies.is_empty() && message.is_empty() {
        return Html::default();
    }
    let rows = copies.iter().map(|copy| {
        let SetAside { name, at, size } = copy.clone();
        let on_download = {
            let (store, message, name) = (props.store.clone(), message.clone(), name.clone());
            Callback::from(move |_| {
                let text = with_parts(store.0.as_ref(), &name);
                let file = format!("damaged-board-{}.json", at.unix_seconds());
                message.set(match download_text(&file, &text, "application/json") {
                    Ok(()) => format!("Downloaded {file}"),
                    Err(error) => format!("The download failed: {error}"),
                });
            })
        };
        let on_ask = {
            let (confirming, name) = (confirming.clone(), name.clone());
            Callback::from(move |_| confirming.set(Some(name.clone())))
        };
        let on_keep = {
            let confirming = confirming.clone();
            Callback::from(move |_| confirming.set(None))
        };
        let on_discard = {
            let (store, key, copies, confirming, message, name) = (
                props.store.clone(),
                props.storage_key.clone(),
                copies.clone(),
                confirming.clone(),
                message.clone(),
                name.clone(),
            );
            Callback::from(move |_| {
                let result = storage::discard_set_aside(store.0.as_ref(), &name);
                confirming.set(None);
                copies.set(storage::set_asides(store.0.as_ref(), &key));
                message.set(match result {
                    Ok(()) => "The damaged copy is discarded.".to_string(),
                    Err(error) => format!("The copy could not be discarded: {error}"),
                });
            })
        };
        let when = date_time(at);
        html! {
            <li class="ab-damaged__copy">
                <span>
                    { format!("Set aside {when} ({})", megabytes(size)) }
                    <code class="ab-damaged__name">{ name.clone() }</code>
                </span>
                if confirming.as_deref() == Some(name.as_str()) {
                    <span role="group" aria-label={format!("Discard the copy set aside {when}?")}>
                        { "Discard it for good? " }
                        <button type="button" class="ab-button ab-button--danger" onclick={on_discard}>{ "Discard" }</button>
                        <button type="button" class="ab-button ab-button--quiet" onclick={on_keep}>{ "Keep" }</button>
                    </span>
                } else {
                    <span>
                        <button type="button" class="ab-button" onclick={on_download}
                                aria-label={format!("Download the copy set aside {when}")}>{ "Download" }</button>
                        <button type="button" class="ab-button ab-button--quiet" onclick={on_ask}
                                aria-label={format!("Discard the copy set aside {when}")}>{ "Discard…" }</button>
                    </span>
                }
            </li>
        }
    });
    html! {
        <section class="ab-damaged" aria-label="Damaged copies kept in this browser">
            <h2>{ "Damaged copies kept in this browser" }</h2>
            <p>{ format!(
                "A saved board that could not be read is set aside here, never deleted; the newest {} are kept. \
                 Download one (its text and its check-in history, in one file) to look at it or to send it for repair, \
                 or discard it to free the space.",
                storage::SET_ASIDE_COPIES
            ) }</p>
            <ul>{ for rows }</ul>
            if !message.is_empty() {
                <p role="status">{ (*message).clone() }</p>
            }
        </section>
    }
}
