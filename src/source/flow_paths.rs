//! The .flow files named on a command line (`backcheck fmt a.flow knowledge/`):
//! files as given, folders searched for .flow files, in path order.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Every file in `roots`, and every .flow file under each folder in `roots`.
pub fn flow_paths(roots: &[PathBuf]) -> io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for root in roots {
        let metadata = fs::metadata(root).map_err(|error| {
            io::Error::new(error.kind(), format!("{}: {error}", root.display()))
        })?;
        if metadata.is_dir() {
            let mut inside = Vec::new();
            collect(root, &mut inside)?;
            inside.sort();
            found.extend(inside);
        } else {
            found.push(root.clone());
        }
    }
    Ok(found)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "flow") {
            out.push(path);
        }
    }
    Ok(())
}
