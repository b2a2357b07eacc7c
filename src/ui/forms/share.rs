//! The share link dialog: the link, one click from the clipboard, and what it carries.

use crate::ui::dialog::Modal;
use crate::ui::files::copy_then;
use crate::ui::numbers::decimal;
use crate::ui::share::LONG_LINK;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct ShareLinkProps {
    pub link: String,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn ShareLink(props: &ShareLinkProps) -> Html {
    // What Copy link did, said in the dialog's live region.
    let said = use_state(String::new);
    let field = use_node_ref();
    let length = props.link.len();
    let on_copy = {
        let (link, said, field) = (props.link.clone(), said.clone(), field.clone());
        Callback::from(move |_| {
            let (long, said, field) = (link.len() > LONG_LINK, said.clone(), field.clone());
            copy_then(
                link.clone(),
                Box::new(move |copied| {
                    said.set(match copied {
                    Ok(()) if long => "Copied the link. Where links are cut short, share an exported snapshot instead.".into(),
                    Ok(()) => "Copied the link: paste it into a chat, an email or a wiki page.".into(),
                    Err(why) => {
                        // Focusing the link selects it: one keystroke copies it instead.
                        if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                            let _ = input.focus();
                        }
                        format!("Could not copy: {why}. The link is selected: copy it with Ctrl+C (⌘C on a Mac).")
                    }
                });
                }),
            );
        })
    };
    // Selecting the whole link on focus leaves it one keystroke from the clipboard too.
    let on_focus = Callback::from(|event: FocusEvent| {
        if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <Modal title="Share link" on_close={props.on_close.clone()}>
            <p>{ "Anyone who opens this link sees a read-only copy of the board as it is now. The board travels inside the link, after the #, which browsers never send to a server." }</p>
            <input ref={field} class="ab-input" readonly=true value={props.link.clone()} aria-label="Share link" onfocus={on_focus} />
            // Figures in the person's locale; a link too long for some places says so in sight.
            <p class={classes!("ab-field__hint", (length > LONG_LINK).then_some("ab-field__hint--warn"))}>
                { format!("{} characters.", decimal(length as f64, 0)) }
                if length > LONG_LINK {
                    { format!(" Some places cut links longer than about {} characters (chat tools, older mail clients, some wikis): there, share an exported snapshot or picture instead.", decimal(LONG_LINK as f64, 0)) }
                }
            </p>
            <p class="ab-outputs__said" role="status">{ (*said).clone() }</p>
            <div class="ab-dialog__actions">
                <span class="ab-spacer"></span>
                <button type="button" class="ab-button" onclick={props.on_close.reform(|_| ())}>{ "Done" }</button>
                <button type="button" class="ab-button ab-button--primary" data-focus-first="" onclick={on_copy}>{ "Copy link" }</button>
            </div>
        </Modal>
    }
}
