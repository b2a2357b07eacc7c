//! The board as text for meetings and wiki pages: a Markdown status page (copied to the
//! clipboard or downloaded) and the spreadsheet tables (CSV).

use crate::core::health::analyse_board;
use crate::core::model::Board;
use crate::core::outputs::{markdown, markdown_file_name, Separator, Table};
use crate::ui::clock::local_now;
use crate::ui::dialog::Modal;
use crate::ui::files::{copy_then, download_text};
use crate::ui::numbers::csv_separator;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct OutputsProps {
    pub board: Rc<Board>,
    pub on_close: Callback<()>,
}

/// The board's status page in Markdown, as of now.
fn status_page(board: &Board) -> String {
    markdown(board, &analyse_board(board, local_now()))
}

#[function_component]
pub fn Outputs(props: &OutputsProps) -> Html {
    // What the last command did, said in the dialog's live region.
    let said = use_state(String::new);
    let on_copy = {
        let (board, said) = (props.board.clone(), said.clone());
        Callback::from(move |_| {
            let said = said.clone();
            copy_then(
                status_page(&board),
                Box::new(move |copied| {
                    said.set(match copied {
                    Ok(()) => "Copied the status page as Markdown: paste it into a wiki page, an issue or an email.".into(),
                    Err(why) => format!("Could not copy ({why}); download the Markdown file instead."),
                });
                }),
            );
        })
    };
    let download =
        |name: String, text: String, mime: &'static str, said: UseStateHandle<String>| {
            said.set(match download_text(&name, &text, mime) {
                Ok(()) => format!("Downloaded {name}"),
                Err(why) => format!("The download failed: {why}"),
            });
        };
    let on_markdown = {
        let (board, said) = (props.board.clone(), said.clone());
        Callback::from(move |_| {
            let name = markdown_file_name(&board, local_now().today());
            download(
                name,
                status_page(&board),
                "text/markdown;charset=utf-8",
                said.clone(),
            );
        })
    };
    let separator = csv_separator();
    let tables = Table::ALL.iter().map(|&table| {
        let (board, said) = (props.board.clone(), said.clone());
        let onclick = Callback::from(move |_| {
            let name = table.file_name(&board, local_now().today());
            let text = table.csv(&board, separator);
            download(name, text, "text/csv;charset=utf-8", said.clone());
        });
        html! {
            <li><button type="button" class="ab-button" {onclick}>{ format!("{} (CSV)", table.label()) }</button></li>
        }
    });
    html! {
        <Modal title="Markdown and spreadsheets" on_close={props.on_close.clone()}>
            <h3 class="ab-health__heading">{ "A status page in Markdown" }</h3>
            <p class="ab-field__hint">{ "Title, period, the alignment score and its largest costs, each priority with its initiatives, local work, open risks, decisions to revisit, stuck requests and overdue check-ins. Pages that read Markdown (GitHub, GitLab, Notion, Docusaurus, MkDocs, a wiki's Markdown block) show it as it is." }</p>
            <div class="ab-outputs__actions">
                <button type="button" class="ab-button ab-button--primary" data-focus-first="" onclick={on_copy}>{ "Copy as Markdown" }</button>
                <button type="button" class="ab-button" onclick={on_markdown}>{ "Download Markdown" }</button>
            </div>
            <h3 class="ab-health__heading">{ "Tables for a spreadsheet" }</h3>
            <p class="ab-field__hint">
                { "CSV files for Excel, Numbers, LibreOffice or Google Sheets. Text that looks like a formula stays text, so nothing from the board runs in your spreadsheet." }
                if separator == Separator::Semicolon {
                    { " Columns are separated by semicolons, as spreadsheets in your language expect." }
                }
            </p>
            <ul class="ab-outputs__actions" aria-label="Tables">{ for tables }</ul>
            // Said in the foot that stays in sight, beside Done: a button far down the
            // dialog on a phone would leave a message above it out of view.
            <div class="ab-dialog__actions">
                <p class="ab-outputs__said" role="status">{ (*said).clone() }</p>
                <button type="button" class="ab-button" onclick={props.on_close.reform(|_| ())}>{ "Done" }</button>
            </div>
        </Modal>
    }
}
