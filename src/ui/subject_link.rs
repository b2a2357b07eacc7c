//! The name that opens a row of the rhythm and coordination lists: a button that shows its
//! subject on the board, or plain text when there is nothing on the board to show. What
//! showing means is the caller's `on_reveal`; this module only draws the name.

use crate::core::health::Subject;
use yew::prelude::*;

/// `name` as a button that reveals `subject`, or as text for no subject (or the board as a
/// whole). It makes its click callback as it renders, so call it from a row component,
/// which renders again only when the row's props change.
pub fn subject_link(
    subject: Option<Subject>,
    name: &AttrValue,
    on_reveal: &Callback<Subject>,
) -> Html {
    subject_link_saying(subject, name, None, on_reveal)
}

/// `subject_link` with `says`, what the button does when its name does not tell (a request
/// named by its need shows the work that asks for it): its tooltip and description.
pub fn subject_link_saying(
    subject: Option<Subject>,
    name: &AttrValue,
    says: Option<&'static str>,
    on_reveal: &Callback<Subject>,
) -> Html {
    // A long name is cut to three lines (`.ab-finding__name`); its tooltip holds it whole.
    let whole = (name.chars().count() > 120).then(|| name.clone());
    match subject {
        Some(Subject::Board) | None => html! {
            <span class="ab-finding__name" title={whole}>{ name }</span>
        },
        Some(subject) => html! {
            <button type="button" class="ab-finding__name" title={says.map(AttrValue::from).or(whole)}
                    onclick={on_reveal.reform(move |_| subject.clone())}>{ name }</button>
        },
    }
}
