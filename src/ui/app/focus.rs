//! Where focus goes: to the element that shows a subject on the board, or back into the
//! board after a change, found by its `data-place`.

use crate::core::health::Subject;
use crate::core::layout::{Column, Filter, Layout};
use crate::core::model::Board;
use crate::ui::board_view::lane_place;
use crate::ui::card::place_key;
use crate::ui::selector::css_escape;

/// The `data-place` of the element that shows a subject on the unfiltered board: an
/// initiative's card in its first column, a priority's heading, a team's lane.
pub fn reveal_place(board: &Board, subject: &Subject) -> Option<String> {
    let initiative_place = |id: &str| {
        let initiative = board.initiative(id)?;
        let columns = Layout::compute(board, &Filter::default()).columns;
        let column = columns
            .into_iter()
            .find(|c| {
                c.priority_id()
                    .is_some_and(|p| initiative.priority_ids.contains(p))
            })
            .unwrap_or(Column::Local);
        Some(place_key(id, &column))
    };
    match subject {
        Subject::Initiative(id) => initiative_place(id),
        Subject::Dependency(id) => board
            .dependencies
            .iter()
            .find(|d| &d.id == id)
            .and_then(|d| initiative_place(&d.from_initiative_id)),
        Subject::Priority(id) => Some(format!("priority\u{1f}{id}")),
        Subject::Team(id) => Some(lane_place(id)),
        Subject::Person(_) | Subject::Board => None,
    }
}

/// Focuses the element whose `data-place` is `place` (a card or a priority heading); if
/// there is none, or no place was asked for and focus fell out of the board (its element
/// was removed or disabled by the change), focuses the board's root.
pub fn restore_focus(root: &web_sys::HtmlElement, place: Option<&str>) {
    use wasm_bindgen::JsCast;
    if let Some(place) = place {
        let selector = format!("[data-place=\"{}\"]", css_escape(place));
        if let Some(element) = root
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
            return;
        }
    }
    // The focused element as the board's own root sees it: in a shadow root (the
    // <alignment-board> element) the document's `activeElement` is only the host.
    let active = js_sys::Reflect::get(&root.get_root_node(), &"activeElement".into())
        .ok()
        .and_then(|active| active.dyn_into::<web_sys::Element>().ok());
    let lost = active
        .or_else(|| root.owner_document().and_then(|d| d.active_element()))
        .is_none_or(|active| {
            // A focused button that the change disabled (Undo with nothing left to undo)
            // loses focus at the next frame: treat it as lost already.
            (!root.contains(Some(&active)) && active.tag_name() == "BODY")
                || active.matches(":disabled").unwrap_or(false)
        });
    if lost {
        let _ = root.focus();
    }
}
