//! What the board tells the person: a notice above the board (a failure, news the person did
//! not ask for), or what a command did, told at the window's foot (`Done`).

use yew::AttrValue;

/// Something the board tells the person, until dismissed or replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

/// What a command did ("Exported …"), numbered so that the same text told twice is told
/// anew, and a toast's timer takes away only the notice it was set for.
#[derive(Clone, Debug, PartialEq)]
pub struct Done {
    pub turn: u32,
    pub text: AttrValue,
}

/// How a notice above the board is shown: a failure, or news the person did not ask for
/// (another tab's changes merged). Both stay until dismissed or replaced. The result of what
/// the person just did is not a notice but `Msg::Done`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoticeKind {
    Error,
    /// A command that did its work with a failure in it the person should act on (a file
    /// exported that a board would not open): shown as a failure, with no offer to export.
    Warning,
    Info,
}

impl Notice {
    pub fn error(text: String) -> Notice {
        Notice {
            kind: NoticeKind::Error,
            text,
        }
    }

    pub fn info(text: String) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            text,
        }
    }

    pub fn warning(text: String) -> Notice {
        Notice {
            kind: NoticeKind::Warning,
            text,
        }
    }

    pub fn is_error(&self) -> bool {
        self.kind != NoticeKind::Info
    }

    /// The notice's look: a failure's, a warning's, or news's (none).
    pub fn modifier(&self) -> Option<&'static str> {
        match self.kind {
            NoticeKind::Error => Some("ab-notice--error"),
            NoticeKind::Warning => Some("ab-notice--warning"),
            NoticeKind::Info => None,
        }
    }

    /// Whether the notice offers to export the board: a failure might cost it.
    pub fn offers_export(&self) -> bool {
        self.kind == NoticeKind::Error
    }
}
