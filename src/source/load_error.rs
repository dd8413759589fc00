use std::fmt;
use std::path::PathBuf;

/// A knowledge folder that could not be read at all (as opposed to one that
/// reads but does not compile).
#[derive(Debug)]
pub enum LoadError {
    Unreadable { path: PathBuf, reason: String },
    NotUtf8 { path: PathBuf },
    NoFlowFiles { path: PathBuf },
    OutsideRoot { path: PathBuf },
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
        }
    }
}

impl std::error::Error for LoadError {}
