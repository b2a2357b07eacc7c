//! The query of the standalone page's address (`?view=health&of=t-2&team=t-1`): read, and
//! rewritten in this entry of the history or a new one. What the board keeps there is
//! decided by the views; this module only reads and writes names.

use crate::core::model::{Board, Id};
use std::cell::RefCell;
use std::rc::Rc;

/// The name of the team whose figures Health or Rhythm shows, or whose requests Coordination
/// shows: `?view=health&of=t-2`.
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

/// The team the view `view` (`health`, `rhythm`, `coordination`) shows, as the address names
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

/// The team a view shows (Health's or Rhythm's figures, Coordination's requests), as the
/// view last said it, on the board's own page: the view writes it into its entry's address,
/// and the app into a new entry it makes for the view (a view can show a team before its entry exists: one it was followed
/// from, a guided review's). Equal when it is the same cell.
#[derive(Clone, Default)]
pub struct TeamShown(Rc<RefCell<Option<Id>>>);

impl PartialEq for TeamShown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl TeamShown {
    /// Notes that the view `view` shows `team` (none for the whole board), and puts it in
    /// the address when the address names that view: a team the board does not have leaves
    /// it then, as the filters' do.
    pub fn show(&self, team: Option<&Id>, view: &str) {
        self.0.replace(team.cloned());
        let named = query().and_then(|q| q.get("view"));
        if named.as_deref() == Some(view) {
            rewrite(&[(TEAM_OF_VIEW, team.cloned())], true);
        }
    }

    /// The team the view shows, for the address of an entry made for it.
    pub fn get(&self) -> Option<Id> {
        self.0.borrow().clone()
    }
}

/// The team a view showed last (none for the whole board), kept by the app while another
/// view shows: the view opens on it again. Equal only to itself: the app makes one for
/// each view of each board.
#[derive(Clone, Default)]
pub struct KeptTeam {
    shown: Rc<RefCell<Option<Id>>>,
    /// The team the board is filtered to, shared by the views' `KeptTeam`s.
    filtered: Rc<RefCell<Option<Id>>>,
}

impl PartialEq for KeptTeam {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shown, &other.shown)
    }
}

impl KeptTeam {
    /// The team kept, if `board` still has it; for one since deleted, the team the board
    /// is filtered to.
    pub fn get(&self, board: &Board) -> Option<Id> {
        let known = |id: &Option<Id>| id.clone().filter(|id| board.team(id).is_some());
        match &*self.shown.borrow() {
            None => None,
            Some(id) if board.team(id).is_some() => Some(id.clone()),
            Some(_) => known(&self.filtered.borrow()),
        }
    }

    pub fn keep(&self, team: Option<Id>) {
        self.shown.replace(team);
    }
}

/// The teams Health, Rhythm and Coordination showed last, and the team the board was last
/// filtered to, which they follow: a team lead who filters the board to their team finds
/// it in every view, unless a view was turned to another team since.
#[derive(Clone, PartialEq)]
pub struct KeptTeams {
    pub health: KeptTeam,
    pub rhythm: KeptTeam,
    pub coordination: KeptTeam,
}

impl Default for KeptTeams {
    fn default() -> KeptTeams {
        let filtered = Rc::new(RefCell::new(None));
        let view = || KeptTeam {
            shown: Rc::default(),
            filtered: filtered.clone(),
        };
        KeptTeams {
            health: view(),
            rhythm: view(),
            coordination: view(),
        }
    }
}

impl KeptTeams {
    /// The board filtered to `team` (or to every team): a view that showed the team the
    /// board was filtered to before (or the whole board) shows this one. Coordination
    /// always shows a team, and keeps its own when the filter is cleared.
    pub fn follow(&self, team: Option<Id>) {
        let before = self.health.filtered.replace(team.clone());
        for view in [&self.health, &self.rhythm, &self.coordination] {
            let shown = view.shown.borrow().clone();
            let follows = shown.is_none() || shown == before;
            if follows && (team.is_some() || view != &self.coordination) {
                view.keep(team.clone());
            }
        }
    }
}

/// The app's `KeptTeams`, made anew with each board (`turn`), following the board's
/// team filter.
#[yew::hook]
pub fn use_kept_teams(turn: u32, filtered: Option<Id>) -> Rc<KeptTeams> {
    // Following from the start, before a view first renders (an address naming a team
    // filter and a view).
    let kept = yew::use_memo(turn, |_| {
        let kept = KeptTeams::default();
        kept.follow(filtered.clone());
        kept
    });
    yew::use_effect_with((filtered, (*kept).clone()), |(team, kept)| {
        kept.follow(team.clone())
    });
    kept
}
