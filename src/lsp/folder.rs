//! One knowledge folder as the editor sees it: every `.flow` file under it,
//! read from disk once, with the text of the files open in the editor in
//! place of what is saved. Files are found by the one folder walker, so the
//! server reads exactly what `check` would.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::file_read::{KNOWLEDGE_FILE_LIMIT, read_bounded};
use crate::source::{KnowledgeSource, SourceFile, walk_flow_files};

/// One file of the folder.
#[derive(Debug, Clone)]
pub struct FolderFile {
    /// Where it is on disk (or would be, for a new file not yet saved).
    pub path: PathBuf,
    pub source: SourceFile,
    /// Open in the editor: its text comes from there, not from disk.
    pub open: bool,
    /// The text on disk, as last read or saved; `None` for a file never saved.
    pub saved: Option<Arc<str>>,
}

#[derive(Debug)]
pub struct Folder {
    pub root: PathBuf,
    /// In path order, as `KnowledgeSource::from_dir` lists them.
    pub files: Vec<FolderFile>,
}

impl Folder {
    /// Reads every `.flow` file under `root`. A file that cannot be read
    /// is left out (the editor shows it when opened); a folder that cannot
    /// be listed is empty.
    pub fn load(root: &Path) -> Folder {
        let mut folder = Folder {
            root: root.to_path_buf(),
            files: Vec::new(),
        };
        for file in walk_flow_files(root).unwrap_or_default() {
            let Ok(bytes) = read_bounded(&file.path, KNOWLEDGE_FILE_LIMIT) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let source = SourceFile::new(file.relative.to_string_lossy(), text);
            folder.files.push(FolderFile {
                path: root.join(&file.relative),
                saved: Some(source.text.clone()),
                source,
                open: false,
            });
        }
        folder
    }

    /// The index of the file at `path`, if it belongs to the folder.
    pub fn file(&self, path: &Path) -> Option<usize> {
        self.files.iter().position(|f| f.path == path)
    }

    /// Puts the editor's text of `path` in place of the saved one (adding
    /// the file if it is new). Returns its index.
    pub fn set_text(&mut self, path: &Path, text: String) -> usize {
        if let Some(i) = self.file(path) {
            let file = &mut self.files[i];
            // A new SourceFile: its line index is of the old text.
            file.source = SourceFile::new(file.source.path.clone(), text);
            file.open = true;
            return i;
        }
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let relative = relative.to_string_lossy().into_owned();
        let at = self
            .files
            .partition_point(|f| f.source.path.as_str() < relative.as_str());
        let saved = read_bounded(path, KNOWLEDGE_FILE_LIMIT)
            .ok()
            .map(|bytes| Arc::from(String::from_utf8_lossy(&bytes).into_owned()));
        self.files.insert(
            at,
            FolderFile {
                path: path.to_path_buf(),
                source: SourceFile::new(relative, text),
                open: true,
                saved,
            },
        );
        at
    }

    /// The editor saved `path`: its text is what is on disk now.
    pub fn saved(&mut self, path: &Path) {
        if let Some(i) = self.file(path) {
            let file = &mut self.files[i];
            file.saved = Some(file.source.text.clone());
        }
    }

    /// The folder as saved, when the editor has unsaved text in it: what an
    /// unsaved edit is compared with. Files never saved are not in it.
    pub fn saved_source(&self) -> Option<KnowledgeSource> {
        // The same text is most often the same allocation: no need to read it.
        let unsaved = (self.files.iter()).any(|f| match &f.saved {
            Some(saved) => !Arc::ptr_eq(saved, &f.source.text) && **saved != *f.source.text,
            None => true,
        });
        unsaved.then(|| KnowledgeSource {
            files: (self.files.iter())
                .filter_map(|f| {
                    let text = f.saved.clone()?;
                    Some(SourceFile::new(f.source.path.clone(), text))
                })
                .collect(),
        })
    }

    /// The editor closed `path`: what is on disk counts again.
    pub fn close(&mut self, path: &Path) {
        let Some(i) = self.file(path) else {
            return;
        };
        match read_bounded(path, KNOWLEDGE_FILE_LIMIT) {
            Ok(bytes) => {
                let file = &mut self.files[i];
                let text = String::from_utf8_lossy(&bytes).into_owned();
                file.source = SourceFile::new(file.source.path.clone(), text);
                file.saved = Some(file.source.text.clone());
                file.open = false;
            }
            // Never saved: it is not part of the folder.
            Err(_) => {
                self.files.remove(i);
            }
        }
    }

    /// The text to compile: shared, not copied.
    pub fn source(&self) -> KnowledgeSource {
        KnowledgeSource {
            files: self.files.iter().map(|f| f.source.clone()).collect(),
        }
    }
}

/// The knowledge folder a file at `path` belongs to: the highest folder
/// above it that, like each folder between, holds `.flow` files itself
/// (so `lower_back/vignettes/a.flow` belongs to `lower_back`).
pub fn folder_of(path: &Path) -> PathBuf {
    let mut folder = path.parent().unwrap_or(Path::new("/")).to_path_buf();
    while let Some(parent) = folder.parent() {
        if !holds_flow_files(parent) {
            break;
        }
        folder = parent.to_path_buf();
    }
    folder
}

fn holds_flow_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "flow"))
    })
}
