use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

use super::{LoadError, SourceFile};

/// The text of a knowledge folder, in path order, ready to parse.
#[derive(Debug, Clone)]
pub struct KnowledgeSource {
    pub files: Vec<SourceFile>,
}

impl KnowledgeSource {
    /// Every `.flow` file under `root` (recursively), in path order. A file
    /// reached through a link that leaves `root` is refused.
    pub fn from_dir(root: &Path) -> Result<KnowledgeSource, LoadError> {
        let unreadable = |path: &Path, error: std::io::Error| LoadError::Unreadable {
            path: path.to_path_buf(),
            reason: error.to_string(),
        };
        let canonical_root = fs::canonicalize(root).map_err(|e| unreadable(root, e))?;
        if !canonical_root.is_dir() {
            return Err(LoadError::Unreadable {
                path: root.to_path_buf(),
                reason: "not a folder".into(),
            });
        }
        let mut paths = Vec::new();
        let mut visited = HashSet::new();
        collect_flow_files(&canonical_root, &canonical_root, &mut visited, &mut paths)?;
        paths.sort();
        // Two links to one file would read it twice.
        paths.dedup();
        if paths.is_empty() {
            return Err(LoadError::NoFlowFiles {
                path: root.to_path_buf(),
            });
        }
        let mut files = Vec::with_capacity(paths.len());
        for path in paths {
            let bytes = fs::read(&path).map_err(|e| unreadable(&path, e))?;
            let text =
                String::from_utf8(bytes).map_err(|_| LoadError::NotUtf8 { path: path.clone() })?;
            let relative = path
                .strip_prefix(&canonical_root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            files.push(SourceFile::new(relative, text));
        }
        Ok(KnowledgeSource { files })
    }

    /// A short, stable hash of the whole folder: paths and texts. It only
    /// tells one version of the knowledge from another (for saved sessions),
    /// so it need not resist forgery: XXH3's 64-bit hash is a fixed, specified
    /// algorithm of good quality, and about a hundred times faster than SHA-256.
    pub fn content_hash(&self) -> String {
        let mut hasher = Xxh3::new();
        for file in &self.files {
            hasher.update(file.path.as_bytes());
            hasher.update(&[0]);
            hasher.update(file.text.as_bytes());
            hasher.update(&[0]);
        }
        format!("{:016x}", hasher.digest())
    }
}

fn collect_flow_files(
    root: &Path,
    dir: &Path,
    visited: &mut HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
) -> Result<(), LoadError> {
    // A link back to a folder already read (`loop -> ..`) would recurse forever.
    if !visited.insert(dir.to_path_buf()) {
        return Ok(());
    }
    let entries = fs::read_dir(dir).map_err(|e| LoadError::Unreadable {
        path: dir.to_path_buf(),
        reason: e.to_string(),
    })?;
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::Unreadable {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        let path = entry.path();
        let resolved = fs::canonicalize(&path).map_err(|e| LoadError::Unreadable {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        if !resolved.starts_with(root) {
            return Err(LoadError::OutsideRoot { path });
        }
        if resolved.is_dir() {
            collect_flow_files(root, &resolved, visited, out)?;
        } else if path.extension().is_some_and(|ext| ext == "flow") {
            out.push(resolved);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_changes_with_text() {
        let a = KnowledgeSource {
            files: vec![SourceFile::new("a.flow", "x")],
        };
        let b = KnowledgeSource {
            files: vec![SourceFile::new("a.flow", "y")],
        };
        assert_ne!(a.content_hash(), b.content_hash());
        assert_eq!(a.content_hash().len(), 16);
    }

    #[test]
    fn missing_folder_is_an_error() {
        let error = KnowledgeSource::from_dir(Path::new("/no/such/folder")).unwrap_err();
        assert!(error.to_string().contains("/no/such/folder"));
    }
}
