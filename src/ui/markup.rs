//! Long read-only lists written as one HTML string, with every text escaped, and one
//! delegated click handler for the whole list. A `html!` tree costs code per element in
//! the WebAssembly bundle and a virtual node per element at run time; a list of findings
//! or changes needs neither.

use crate::core::health::Subject;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use crate::core::picture::escape;

/// An element with escaped text content: `<tag class="…">text</tag>`.
pub fn element(out: &mut String, tag: &str, class: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    if !class.is_empty() {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push('>');
    escape(out, text);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// A button that the list's click handler answers: `data-act` names what to do with
/// `data-id`. `label`, when given, is its accessible name.
pub fn button(out: &mut String, class: &str, act: &str, id: &str, label: Option<&str>, text: &str) {
    out.push_str("<button type=\"button\" class=\"");
    out.push_str(class);
    out.push_str("\" data-act=\"");
    out.push_str(act);
    out.push_str("\" data-id=\"");
    escape(out, id);
    out.push('"');
    if let Some(label) = label {
        out.push_str(" aria-label=\"");
        escape(out, label);
        out.push('"');
    }
    out.push('>');
    escape(out, text);
    out.push_str("</button>");
}

/// The link to a subject on the board, as a button, or its name as plain text.
pub fn subject(out: &mut String, subject: Option<&Subject>, name: &str) {
    let (act, id) = match subject {
        Some(Subject::Initiative(id)) => ("initiative", id.as_str()),
        Some(Subject::Priority(id)) => ("priority", id.as_str()),
        Some(Subject::Team(id)) => ("team", id.as_str()),
        Some(Subject::Person(id)) => ("person", id.as_str()),
        Some(Subject::Dependency(id)) => ("dependency", id.as_str()),
        Some(Subject::Board) | None => return element(out, "span", "ab-finding__name", name),
    };
    button(out, "ab-finding__name", act, id, None, name);
}

/// Reads a click on a list written here: what to do, and with which id.
pub fn action(event: &MouseEvent) -> Option<(String, String)> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let button = target.closest("[data-act]").ok()??;
    Some((
        button.get_attribute("data-act")?,
        button.get_attribute("data-id")?,
    ))
}

/// The subject a list action names, if it is one.
pub fn subject_of(act: &str, id: String) -> Option<Subject> {
    Some(match act {
        "initiative" => Subject::Initiative(id),
        "priority" => Subject::Priority(id),
        "team" => Subject::Team(id),
        "person" => Subject::Person(id),
        "dependency" => Subject::Dependency(id),
        _ => return None,
    })
}

/// The markup as nodes.
pub fn raw(markup: String) -> Html {
    Html::from_html_unchecked(AttrValue::from(markup))
}
