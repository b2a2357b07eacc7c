//! The commands of the board's menus: their names, the menus that hold them, and what
//! kind of command each is.

/// A command of the board's menus, which the help dialog lists too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    AddInitiative,
    AddPriority,
    AddTeam,
    People,
    RecordDecision,
    NewBoard,
    Import,
    Merge,
    ExportSnapshot,
    Slice,
    ExportPicture,
    Outputs,
    Print,
    Share,
    Settings,
    CompactCards,
    Help,
}

impl Command {
    /// The menus, each with its name and commands, in the order the toolbar shows them.
    /// Add initiative, the main action, has a button of its own.
    pub const MENUS: &'static [(&'static str, &'static [Command])] = &[
        (
            "Add",
            &[
                Command::AddPriority,
                Command::AddTeam,
                Command::People,
                Command::RecordDecision,
            ],
        ),
        (
            "File",
            &[
                Command::Import,
                Command::Merge,
                Command::ExportSnapshot,
                Command::Slice,
                Command::ExportPicture,
                Command::Outputs,
                Command::Print,
                Command::Share,
                Command::NewBoard,
            ],
        ),
        (
            "Settings",
            &[Command::Settings, Command::CompactCards, Command::Help],
        ),
    ];

    pub fn label(self) -> &'static str {
        match self {
            Command::AddInitiative => "Add initiative",
            Command::AddPriority => "Add priority…",
            Command::AddTeam => "Add team…",
            Command::People => "People…",
            Command::RecordDecision => "Record decision…",
            Command::NewBoard => "New board…",
            Command::Import => "Import snapshot…",
            Command::Merge => "Merge team snapshots…",
            Command::ExportSnapshot => "Export snapshot",
            Command::Slice => "Export team slice…",
            Command::ExportPicture => "Export picture",
            Command::Outputs => "Markdown and CSV…",
            Command::Print => "Print…",
            Command::Share => "Share link…",
            Command::Settings => "Board settings…",
            Command::CompactCards => "Compact cards",
            Command::Help => "Help and keyboard shortcuts…",
        }
    }

    /// The keys that also run it, as `aria-keyshortcuts` writes them.
    pub fn keys(self) -> Option<&'static str> {
        match self {
            Command::Help => Some("?"),
            _ => None,
        }
    }

    /// Whether it opens a dialog of the board's.
    pub fn opens_dialog(self) -> bool {
        matches!(
            self,
            Command::AddInitiative
                | Command::AddPriority
                | Command::AddTeam
                | Command::People
                | Command::RecordDecision
                | Command::NewBoard
                | Command::Settings
                | Command::Outputs
                | Command::Slice
                | Command::Help
        )
    }

    /// Whether it changes the board, so a read-only board leaves it out.
    pub fn changes_board(self) -> bool {
        matches!(
            self,
            Command::AddInitiative
                | Command::AddPriority
                | Command::AddTeam
                | Command::People
                | Command::RecordDecision
                | Command::NewBoard
                | Command::Import
                | Command::Merge
                | Command::Settings
        )
    }
}
