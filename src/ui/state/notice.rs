//! What the board tells the person: a notice above the board (a failure, news the person did
//! not ask for), or the result of a command at the window's foot.

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

/// How a notice is shown. A failure and news the person did not ask for stay above the
/// board until dismissed or replaced; the result of what the person just did ("Exported
/// …") shows at the window's foot without moving the board, and goes by itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoticeKind {
    Error,
    Info,
    Done,
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

    pub fn done(text: String) -> Notice {
        Notice {
            kind: NoticeKind::Done,
            text,
        }
    }

    pub fn is_error(&self) -> bool {
        self.kind == NoticeKind::Error
    }
}
