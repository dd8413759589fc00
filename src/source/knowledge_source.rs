use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

use super::flow_walk::walk_flow_files;
use super::hidden_character::find_hidden_character;
use super::{LoadError, SourceFile};
use crate::file_read::{KNOWLEDGE_FILE_LIMIT, KNOWLEDGE_FOLDER_LIMIT, read_bounded};
use crate::printable::{PATH, printable};

/// The text of a knowledge folder, in path order, ready to parse.
#[derive(Debug, Clone)]
pub struct KnowledgeSource {
    pub files: Vec<SourceFile>,
}

/// A folder made in memory from (path, text) pairs, in the order given:
/// generated knowledge for benches and tests.
impl FromIterator<(String, String)> for KnowledgeSource {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(files: I) -> KnowledgeSource {
        KnowledgeSource {
            files: (files.into_iter())
                .map(|(path, text)| SourceFile::new(path, text))
                .collect(),
        }
    }
}

impl KnowledgeSource {
    /// Every `.flow` file under `root` (recursively), in path order, found
    /// by the one folder walker ([`walk_flow_files`]): a file reached through
    /// a link that leaves `root` is refused, and so is one that is not a
    /// regular file or is larger than [`KNOWLEDGE_FILE_LIMIT`], and a folder
    /// whose files hold more than [`KNOWLEDGE_FOLDER_LIMIT`] in all.
    pub fn from_dir(root: &Path) -> Result<KnowledgeSource, LoadError> {
        let found = walk_flow_files(root)?;
        if found.is_empty() {
            return Err(LoadError::NoFlowFiles {
                path: root.to_path_buf(),
            });
        }
        let too_large = || LoadError::FolderTooLarge {
            path: root.to_path_buf(),
            limit: KNOWLEDGE_FOLDER_LIMIT,
        };
        // Asked of the sizes first, so nothing is read in vain (a file too
        // large alone is named by its own read); counted again as read, for
        // files that grow meanwhile.
        let sizes: Vec<u64> = found
            .iter()
            .filter_map(|file| std::fs::metadata(&file.path).ok())
            .map(|metadata| metadata.len())
            .collect();
        let one_too_large = sizes.iter().any(|&size| size > KNOWLEDGE_FILE_LIMIT);
        if !one_too_large && sizes.iter().sum::<u64>() > KNOWLEDGE_FOLDER_LIMIT {
            return Err(too_large());
        }
        let mut total = 0;
        let mut files = Vec::with_capacity(found.len());
        for file in found {
            let bytes = read_bounded(&file.path, KNOWLEDGE_FILE_LIMIT)?;
            total += bytes.len() as u64;
            if total > KNOWLEDGE_FOLDER_LIMIT {
                return Err(too_large());
            }
            let text = String::from_utf8(bytes).map_err(|_| LoadError::NotUtf8 {
                path: file.path.clone(),
            })?;
            // The name is shown in every diagnostic: escaped once, here. Not
            // cut: a long name is still a real one, and its stem a namespace.
            let relative = printable(&file.relative.to_string_lossy(), PATH);
            if let Some((line, column, character)) = find_hidden_character(&text) {
                return Err(LoadError::HiddenCharacter {
                    path: relative,
                    line,
                    column,
                    character,
                });
            }
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
