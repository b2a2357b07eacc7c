//! The query of the standalone page's address (`?view=health&of=t-2&team=t-1`): read, and
//! rewritten in this entry of the history or a new one. What the board keeps there is
//! decided by the views; this module only reads and writes names.

use crate::core::model::{Board, Id};

/// The name of the team whose figures Health or Rhythm shows: `?view=health&of=t-2`.
pub const TEAM_OF_VIEW: &str = "of";

/// The address's query, parsed.
pub fn query() -> Option<web_sys::UrlSearchParams> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// The address with each of `parts` (a name, and its value or none to leave it out; an
/// empty value is written as the name alone, as `?readonly` is) put last and the rest of
/// the query as it was written. A new entry of the history, or this one with `replace`;
/// nothing when the address would not change.
pub fn rewrite(parts: &[(&str, Option<String>)], replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let given = |part: &str| {
        let name = part.split('=').next().unwrap_or_default();
        parts.iter().any(|(n, _)| *n == name)
    };
    let written = parts
        .iter()
        .filter_map(|(name, value)| match value.as_deref() {
            Some("") => Some(name.to_string()),
            Some(value) => Some(format!("{name}={}", encoded(value))),
            None => None,
        });
    let query = search
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty() && !given(part))
        .map(str::to_string)
        .chain(written)
        .collect::<Vec<_>>()
        .join("&");
    let address = format!(
        "{}{}{query}{}",
        location.pathname().unwrap_or_default(),
        if query.is_empty() { "" } else { "?" },
        location.hash().unwrap_or_default(),
    );
    let now = format!(
        "{}{search}{}",
        location.pathname().unwrap_or_default(),
        location.hash().unwrap_or_default()
    );
    if replace && address == now {
        return;
    }
    if let Ok(history) = window.history() {
        let state = wasm_bindgen::JsValue::NULL;
        let _ = match replace {
            true => history.replace_state_with_url(&state, "", Some(&address)),
            false => history.push_state_with_url(&state, "", Some(&address)),
        };
    }
}

/// `value` as a query writes it: ids are letters, digits and `-`, but an address is typed.
fn encoded(value: &str) -> String {
    js_sys::encode_uri_component(value).into()
}

/// The team whose figures the view `view` (`health`, `rhythm`) shows, as the address names
/// it (`?view=health&of=t-2`), when `board` has it: an address is kept and shared, and the
/// team may be gone. Only for the view the address names: a view shown before its entry
/// of the history is made reads the entry of the view before.
pub fn team_of_view(board: &Board, view: &str) -> Option<Id> {
    let query = query()?;
    if query.get("view").as_deref() != Some(view) {
        return None;
    }
    query
        .get(TEAM_OF_VIEW)
        .filter(|id| board.team(id).is_some())
}

/// Puts the team whose figures Health or Rhythm shows in this entry's address; none for the
/// whole board.
pub fn put_team_of_view(team: Option<&Id>) {
    rewrite(&[(TEAM_OF_VIEW, team.cloned())], true);
}

/// Takes out of the address a team that the view `view` names and `board` does not have (a
/// link kept from before the team went, or mistyped), as the board's filters are: the
/// address then says what the view shows, the whole board's figures.
pub fn forget_unknown_team(board: &Board, view: &str) {
    let Some(query) = query() else {
        return;
    };
    let named = query.get("view").as_deref() == Some(view) && query.has(TEAM_OF_VIEW);
    if named && team_of_view(board, view).is_none() {
        rewrite(&[(TEAM_OF_VIEW, None)], true);
    }
}
