//! The one way a folder of `.flow` files is listed: by `check` and every
//! command that loads knowledge, by `fmt`, by build.rs and by the tests.
//!
//! Confined to the folder: a link is followed only when it stays inside it,
//! and a `.flow` file or a folder reached through a link that leaves it is
//! an error (the folder is someone else's, the files it leads to are not).
//! Loop-safe: each real folder is listed once, each real file returned once.
//! Regular files only: a FIFO or a device named `x.flow` is an error, never
//! opened (reading one would wait or never end). Other names (`notes.txt`,
//! a dangling link beside the knowledge) are not looked at.
//!
//! This file uses only `std`: build.rs includes it with `#[path]`.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// One `.flow` file found under the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowFile {
    /// Where the file really is (links resolved): the path to read or write.
    pub path: PathBuf,
    /// `path` relative to the folder: the name shown to authors.
    pub relative: PathBuf,
}

/// Why a folder could not be listed.
#[derive(Debug)]
pub enum WalkError {
    /// The folder or an entry in it could not be read (missing, no
    /// permission, a `.flow` link to nothing).
    Unreadable { path: PathBuf, reason: String },
    /// A `.flow` file or a folder reached through a link out of the folder.
    OutsideRoot { path: PathBuf },
    /// A `.flow` name that is not a regular file (a FIFO, a device, a socket).
    NotRegular { path: PathBuf },
}

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WalkError::Unreadable { path, reason } => {
                write!(f, "cannot read {}: {reason}", path.display())
            }
            WalkError::OutsideRoot { path } => write!(
                f,
                "{} leads outside the knowledge folder (a link pointing elsewhere?)",
                path.display()
            ),
            WalkError::NotRegular { path } => write!(
                f,
                "{} is not a regular file (a pipe or a device?); only files are read",
                path.display()
            ),
        }
    }
}

impl std::error::Error for WalkError {}

/// Every `.flow` file under `root`, in order of their paths relative to it.
pub fn walk_flow_files(root: &Path) -> Result<Vec<FlowFile>, WalkError> {
    let unreadable = |path: &Path, error: std::io::Error| WalkError::Unreadable {
        path: path.to_path_buf(),
        reason: error.to_string(),
    };
    let real_root = fs::canonicalize(root).map_err(|e| unreadable(root, e))?;
    if !real_root.is_dir() {
        return Err(WalkError::Unreadable {
            path: root.to_path_buf(),
            reason: "not a folder".into(),
        });
    }
    let mut found = Vec::new();
    let mut listed = HashSet::new();
    // (real folder, the same folder as reached, for messages)
    let mut waiting = vec![(real_root.clone(), root.to_path_buf())];
    while let Some((dir, shown_dir)) = waiting.pop() {
        // A link back to a folder already listed (`loop -> ..`) would
        // otherwise be listed again and again.
        if !listed.insert(dir.clone()) {
            continue;
        }
        let entries = fs::read_dir(&dir).map_err(|e| unreadable(&shown_dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| unreadable(&shown_dir, e))?;
            let shown = shown_dir.join(entry.file_name());
            let is_flow = Path::new(&entry.file_name())
                .extension()
                .is_some_and(|ext| ext == "flow");
            let kind = entry.file_type().map_err(|e| unreadable(&shown, e))?;
            if kind.is_dir() {
                waiting.push((dir.join(entry.file_name()), shown));
            } else if kind.is_symlink() {
                let Ok(target) = fs::canonicalize(entry.path()) else {
                    if is_flow {
                        let error = fs::metadata(entry.path()).err();
                        let reason = error.map_or("a link to nothing".into(), |e| e.to_string());
                        return Err(WalkError::Unreadable {
                            path: shown,
                            reason,
                        });
                    }
                    // A dangling link that is not knowledge is none of our business.
                    continue;
                };
                let is_dir = target.is_dir();
                if !is_dir && !is_flow {
                    continue;
                }
                if !target.starts_with(&real_root) {
                    return Err(WalkError::OutsideRoot { path: shown });
                }
                if is_dir {
                    waiting.push((target, shown));
                } else if target.is_file() {
                    found.push(target);
                } else {
                    return Err(WalkError::NotRegular { path: shown });
                }
            } else if is_flow {
                if !kind.is_file() {
                    return Err(WalkError::NotRegular { path: shown });
                }
                found.push(dir.join(entry.file_name()));
            }
        }
    }
    found.sort();
    // Two links to one file would read it twice.
    found.dedup();
    Ok(found
        .into_iter()
        .map(|path| FlowFile {
            relative: path.strip_prefix(&real_root).unwrap_or(&path).to_path_buf(),
            path,
        })
        .collect())
}
