//! The menus' commands, run for the app: which a board offers, and what each does.

use crate::storage::{change_display, BoardKey};
use crate::ui::files::choose_file;
use crate::ui::state::{Command, DialogKind, StoreHandle};
use yew::prelude::*;

/// What running the commands needs, as this render of the app has it.
pub struct Commands {
    pub open_dialog: Callback<Option<DialogKind>>,
    pub on_export: Callback<bool>,
    pub on_share: Option<Callback<()>>,
    pub on_print: Callback<()>,
    pub import_input: NodeRef,
    pub merge_input: NodeRef,
    pub compact: UseStateHandle<bool>,
    pub store: StoreHandle,
    pub key: BoardKey,
    pub read_only: bool,
    /// The team the board is filtered to: new work is that team's, and stays in sight.
    pub team: Option<crate::core::model::Id>,
}

impl Commands {
    pub fn runner(self) -> Callback<Command> {
        Callback::from(move |command: Command| self.run(command))
    }

    fn run(&self, command: Command) {
        let open = |kind: DialogKind| self.open_dialog.emit(Some(kind));
        // The help dialog runs commands too: one that opens a dialog takes its place, and
        // the others close it first.
        if !command.opens_dialog() {
            self.open_dialog.emit(None);
        }
        match command {
            Command::AddInitiative => open(DialogKind::Initiative {
                id: None,
                team: self.team.clone(),
                priority: None,
            }),
            Command::AddPriority => open(DialogKind::Priority(None)),
            Command::AddTeam => open(DialogKind::Team(None)),
            Command::People => open(DialogKind::People(None)),
            Command::RecordDecision => open(DialogKind::Decision(None)),
            Command::Settings => open(DialogKind::Settings),
            Command::NewBoard => open(DialogKind::NewBoard),
            Command::Outputs => open(DialogKind::Outputs),
            Command::Help => open(DialogKind::Help),
            Command::Import => choose_file(&self.import_input),
            Command::Merge => choose_file(&self.merge_input),
            // The team the board is filtered to, ticked.
            Command::Slice => open(DialogKind::Slice(self.team.iter().cloned().collect())),
            Command::ExportSnapshot => self.on_export.emit(false),
            Command::ExportPicture => self.on_export.emit(true),
            Command::Print => self.on_print.emit(()),
            Command::Share => {
                if let Some(on_share) = &self.on_share {
                    on_share.emit(());
                }
            }
            Command::CompactCards => {
                let on = !*self.compact;
                self.compact.set(on);
                if !self.read_only {
                    change_display(self.store.0.as_ref(), &self.key, |d| d.compact = on);
                }
            }
        }
    }
}

/// The commands a board offers: none that change a read-only board, and no share link
/// where there is no page to open one.
pub fn offered(read_only: bool, has_share: bool) -> Vec<Command> {
    std::iter::once(Command::AddInitiative)
        .chain(
            Command::MENUS
                .iter()
                .flat_map(|(_, commands)| commands.iter().copied()),
        )
        .filter(|c| !(read_only && c.changes_board()))
        .filter(|c| has_share || *c != Command::Share)
        .collect()
}

/// A callback that never changes and runs the one given at the latest render: what the
/// context holds, so the components that read it do not render again at each edit.
#[hook]
pub fn use_stable(latest: Callback<Command>) -> Callback<Command> {
    let held = use_mut_ref(|| latest.clone());
    *held.borrow_mut() = latest;
    use_callback((), move |command: Command, _| {
        let run = held.borrow().clone();
        run.emit(command);
    })
}
