use std::fmt;
use std::path::PathBuf;

use super::flow_walk::WalkError;
use super::hidden_character::hidden_character_explained;
use crate::file_read::ReadError;

/// A knowledge folder that could not be read at all (as opposed to one that
/// reads but does not compile).
#[derive(Debug)]
pub enum LoadError {
    Unreadable {
        path: PathBuf,
        reason: String,
    },
    NotUtf8 {
        path: PathBuf,
    },
    NoFlowFiles {
        path: PathBuf,
    },
    OutsideRoot {
        path: PathBuf,
    },
    /// A `.flow` name that is a FIFO, a device or a socket.
    NotRegular {
        path: PathBuf,
    },
    /// A file larger than a knowledge file may be.
    TooLarge {
        path: PathBuf,
        limit: u64,
    },
    /// The files of a folder are larger in all than a folder may be.
    FolderTooLarge {
        path: PathBuf,
        limit: u64,
    },
    /// A control or bidirectional-text character in the text.
    HiddenCharacter {
        path: String,
        line: usize,
        column: usize,
        character: char,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Unreadable { path, reason } => {
                write!(f, "cannot read {}: {reason}", path.display())
            }
            LoadError::NotUtf8 { path } => {
                write!(f, "cannot read {}: it is not UTF-8 text", path.display())
            }
            LoadError::NoFlowFiles { path } => {
                write!(f, "no .flow files in {}", path.display())
            }
            LoadError::OutsideRoot { path } => write!(
                f,
                "{} leads outside the knowledge folder (a link pointing elsewhere?)",
                path.display()
            ),
            LoadError::NotRegular { path } => write!(
                f,
                "{} is not a regular file (a pipe or a device?); only files are read",
                path.display()
            ),
            LoadError::TooLarge { path, limit } => write!(
                f,
                "cannot read {}: it is larger than {} MiB, the most a knowledge file may hold",
                path.display(),
                limit >> 20
            ),
            LoadError::FolderTooLarge { path, limit } => write!(
                f,
                "cannot read {}: its .flow files hold more than the {} MiB a knowledge folder may hold in all",
                path.display(),
                limit >> 20
            ),
            LoadError::HiddenCharacter {
                path,
                line,
                column,
                character,
            } => write!(
                f,
                "{path}:{line}:{column}: {}",
                hidden_character_explained(*character)
            ),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<WalkError> for LoadError {
    fn from(error: WalkError) -> LoadError {
        match error {
            WalkError::Unreadable { path, reason } => LoadError::Unreadable { path, reason },
            WalkError::OutsideRoot { path } => LoadError::OutsideRoot { path },
            WalkError::NotRegular { path } => LoadError::NotRegular { path },
        }
    }
}

impl From<ReadError> for LoadError {
    fn from(error: ReadError) -> LoadError {
        match error {
            ReadError::Io { path, error } => LoadError::Unreadable {
                path,
                reason: error.to_string(),
            },
            ReadError::NotRegular { path } => LoadError::NotRegular { path },
            ReadError::TooLarge { path, limit } => LoadError::TooLarge { path, limit },
        }
    }
}
