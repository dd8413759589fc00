//! The .flow files named on a command line (`backcheck fmt a.flow knowledge/`):
//! files as given, folders listed by the one walker, each file once.

use std::fs;
use std::io;
use std::path::PathBuf;

use super::flow_walk::walk_flow_files;

/// Every file in `roots`, and every .flow file under each folder in `roots`
/// (confined to that folder: see [`walk_flow_files`]). A file named twice,
/// or reached twice, is listed once.
pub fn flow_paths(roots: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = Vec::new();
    for root in roots {
        let metadata = fs::metadata(root).map_err(|error| {
            io::Error::new(error.kind(), format!("{}: {error}", root.display()))
        })?;
        if metadata.is_dir() {
            let inside = walk_flow_files(root).map_err(io::Error::other)?;
            found.extend(inside.into_iter().map(|file| root.join(file.relative)));
        } else if metadata.is_file() {
            found.push(root.clone());
        } else {
            return Err(io::Error::other(format!(
                "{} is not a regular file (a pipe or a device?); only files are formatted",
                root.display()
            )));
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|path| seen.insert(fs::canonicalize(path).unwrap_or_else(|_| path.clone())));
    Ok(found)
}
