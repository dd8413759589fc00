//! The one way a file the person asked for is written: a saved session, a
//! report (`save`, `--report`), the line history (`--history`), a formatted
//! `.flow` file (`fmt`).
//!
//! Answers are health data, and a folder may hold links planted by someone
//! else. So the contents go to a uniquely named temporary file created
//! exclusively in the target's folder (never an existing name, never through
//! a link), readable by the owner only (0600), synced to disk, then renamed
//! over the target in one step: the target is whole or untouched, and a
//! failed write leaves nothing behind. A link at the target's name is never
//! followed nor replaced, and an existing file is replaced only when the
//! caller says so (after asking the person, or `--force`), and only when
//! the person could write it (a read-only file is not replaced by a
//! rename), keeping its owner. A folder reached through a link is named by
//! [`folder_link`], for the caller to tell.
//!
//! A stop signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) that comes while a file
//! is written waits until the file is in place or its temporary file is
//! removed: the signals are held back in the writing thread, and the line
//! editor's handler waits for [`finish_writing`]. (SIGKILL cannot wait.)

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Held while a file is written, so a stop signal's handler can wait for it.
static WRITING: Mutex<()> = Mutex::new(());

/// What to do when a file is already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfExists {
    /// Leave it and fail with [`WriteError::Exists`].
    Refuse,
    /// Replace it; the new file is private (0600).
    Replace,
    /// Replace it with the old file's permissions (`fmt` on the author's own files).
    ReplaceKeepingMode,
}

/// Why a file was not written. The messages do not name the file: the
/// caller says which file it was.
#[derive(Debug)]
pub enum WriteError {
    /// A file of that name exists and was not to be replaced.
    Exists,
    /// The name is a link: writing would change the file it points at.
    IsLink,
    /// The name is a folder, a pipe or a device.
    NotAFile,
    /// The name has no file part (`/`, `..`, an empty name).
    NoFileName,
    /// The file is read-only, or not one the person may write: replacing it
    /// by a rename would get round that.
    ReadOnly,
    /// The file belongs to someone else, and a replacement would be the
    /// person's own.
    OtherOwner,
    /// The folder is missing or not writable, the disk is full, ...
    Io(io::Error),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists => write!(f, "a file of that name already exists"),
            WriteError::IsLink => write!(
                f,
                "that name is a link to another file; it is not followed (give another name)"
            ),
            WriteError::NotAFile => write!(f, "that name is a folder or a device, not a file"),
            WriteError::NoFileName => write!(f, "no file name given"),
            WriteError::ReadOnly => write!(
                f,
                "that file is read-only (or not yours to write), so it is not replaced"
            ),
            WriteError::OtherOwner => write!(
                f,
                "that file belongs to another user, so it is not replaced"
            ),
            // In plain words, and without the temporary file's name that
            // tempfile adds to its errors.
            WriteError::Io(error) => match error.kind() {
                io::ErrorKind::NotFound => write!(f, "its folder does not exist"),
                io::ErrorKind::PermissionDenied => {
                    write!(f, "there is no permission to write in that folder")
                }
                io::ErrorKind::NotADirectory => write!(f, "part of the path is not a folder"),
                io::ErrorKind::StorageFull => write!(f, "the disk is full"),
                io::ErrorKind::ReadOnlyFilesystem => write!(f, "the disk is read-only"),
                io::ErrorKind::InvalidFilename => write!(f, "the name is too long or not allowed"),
                kind => write!(f, "{kind}"),
            },
        }
    }
}

impl std::error::Error for WriteError {}

impl From<io::Error> for WriteError {
    fn from(error: io::Error) -> WriteError {
        WriteError::Io(error)
    }
}

/// Writes `contents` to `path` as the module doc says.
pub fn write_file(path: &Path, contents: &[u8], if_exists: IfExists) -> Result<(), WriteError> {
    // Dropped last, after the temporary file (declared below them).
    let _writing = writing();
    let _held = StopsHeld::now();
    let (folder, existing) = inspect(path, if_exists)?;
    let mut temporary = temporary_for(folder, existing.as_ref())?;
    temporary.write_all(contents)?;
    // Lets a test stop the process half-way through a save (tests/hostile.rs).
    #[cfg(debug_assertions)]
    if let Some(pause) = std::env::var("BACKCHECK_TEST_SLOW_WRITE_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(pause));
    }
    if let (IfExists::ReplaceKeepingMode, Some(existing)) = (if_exists, existing) {
        temporary
            .as_file()
            .set_permissions(existing.permissions())?;
    }
    temporary.as_file().sync_all()?;
    let persisted = match if_exists {
        // Atomic too: no other file can take the name between a check and the rename.
        IfExists::Refuse => temporary.persist_noclobber(path),
        IfExists::Replace | IfExists::ReplaceKeepingMode => temporary.persist(path),
    };
    // On failure the temporary file comes back inside the error and is
    // removed when that is dropped.
    persisted.map_err(|error| match error.error.kind() {
        io::ErrorKind::AlreadyExists => WriteError::Exists,
        _ => WriteError::Io(error.error),
    })?;
    // The rename is durable only once the folder is synced.
    if let Ok(folder) = fs::File::open(folder) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Whether [`write_file`] could write `path`, asked before a long task
/// whose result goes there (`chat --report FILE` fails before the
/// conversation, not after it). Nothing is left behind.
pub fn check_writable(path: &Path, if_exists: IfExists) -> Result<(), WriteError> {
    let _writing = writing();
    let _held = StopsHeld::now();
    let (folder, existing) = inspect(path, if_exists)?;
    temporary_for(folder, existing.as_ref())?;
    Ok(())
}

/// Waits until a file being written is in place (or its temporary file
/// removed), and keeps any other write from starting: for a stop signal's
/// handler, just before it ends the process.
pub fn finish_writing() {
    std::mem::forget(writing());
}

fn writing() -> MutexGuard<'static, ()> {
    WRITING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Stop signals held back in this thread until dropped; one that came
/// meanwhile is acted on then, when no temporary file is left.
struct StopsHeld {
    #[cfg(unix)]
    before: Option<nix::sys::signal::SigSet>,
}

impl StopsHeld {
    fn now() -> StopsHeld {
        #[cfg(unix)]
        {
            use nix::sys::signal::{SigSet, SigmaskHow, Signal, pthread_sigmask};
            let mut stops = SigSet::empty();
            for signal in [
                Signal::SIGTERM,
                Signal::SIGHUP,
                Signal::SIGINT,
                Signal::SIGQUIT,
            ] {
                stops.add(signal);
            }
            let mut before = SigSet::empty();
            let held = pthread_sigmask(SigmaskHow::SIG_BLOCK, Some(&stops), Some(&mut before));
            StopsHeld {
                before: held.ok().map(|()| before),
            }
        }
        #[cfg(not(unix))]
        StopsHeld {}
    }
}

impl Drop for StopsHeld {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(before) = &self.before {
            use nix::sys::signal::{SigmaskHow, pthread_sigmask};
            let _ = pthread_sigmask(SigmaskHow::SIG_SETMASK, Some(before), None);
        }
    }
}

/// Whether `path` names a regular file (not through a link): one that
/// [`IfExists::Replace`] would replace.
pub fn is_regular_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_file())
}

/// The folder to write in, and what is known of the file being replaced.
fn inspect(path: &Path, if_exists: IfExists) -> Result<(&Path, Option<fs::Metadata>), WriteError> {
    if path.file_name().is_none() {
        return Err(WriteError::NoFileName);
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let existing = match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => return Err(WriteError::IsLink),
        Ok(metadata) if !metadata.is_file() => return Err(WriteError::NotAFile),
        Ok(_) if if_exists == IfExists::Refuse => return Err(WriteError::Exists),
        // A rename needs only the folder's permission: a file the person
        // marked read-only, or may not write, is not replaced behind its back.
        Ok(metadata) if metadata.permissions().readonly() || !writable(path) => {
            return Err(WriteError::ReadOnly);
        }
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(WriteError::Io(error)),
    };
    Ok((folder, existing))
}

/// The first folder on the way to `path` that is a link, and the real
/// folder the file goes in, when there is one: the file is not written
/// through a link, but its folder may be reached through one, and the
/// person is told where the file really went.
pub fn folder_link(path: &Path) -> Option<(std::path::PathBuf, std::path::PathBuf)> {
    let folder = path.parent()?;
    let mut walked = std::path::PathBuf::new();
    for part in folder.components() {
        walked.push(part);
        if fs::symlink_metadata(&walked).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some((walked, fs::canonicalize(folder).ok()?));
        }
    }
    None
}

/// Whether the file at `path` may be opened for writing (nothing is written).
fn writable(path: &Path) -> bool {
    fs::OpenOptions::new().write(true).open(path).is_ok()
}

/// The temporary file to write, owned as the file it replaces is (if any).
fn temporary_for(
    folder: &Path,
    existing: Option<&fs::Metadata>,
) -> Result<tempfile::NamedTempFile, WriteError> {
    let temporary = temporary_in(folder)?;
    #[cfg(unix)]
    if let Some(existing) = existing {
        use std::os::unix::fs::{MetadataExt, fchown};
        let mine = temporary.as_file().metadata()?;
        if mine.uid() != existing.uid() {
            // Only root can give a file away; anyone else would take it over.
            fchown(
                temporary.as_file(),
                Some(existing.uid()),
                Some(existing.gid()),
            )
            .map_err(|_| WriteError::OtherOwner)?;
        } else if mine.gid() != existing.gid() {
            // The group, where the person may keep it (a member of it).
            let _ = fchown(temporary.as_file(), None, Some(existing.gid()));
        }
    }
    #[cfg(not(unix))]
    let _ = existing;
    Ok(temporary)
}

/// A new, empty, private file with a random name in `folder`, removed when
/// dropped unless persisted.
fn temporary_in(folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(".backcheck-")
        .suffix(".tmp")
        .tempfile_in(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces_leaving_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        write_file(&path, b"one", IfExists::Refuse).unwrap();
        write_file(&path, b"two", IfExists::Replace).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn an_existing_file_is_kept_unless_replacing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        fs::write(&path, b"mine").unwrap();
        let error = write_file(&path, b"new", IfExists::Refuse).unwrap_err();
        assert!(matches!(error, WriteError::Exists), "{error}");
        assert_eq!(fs::read(&path).unwrap(), b"mine");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let error = write_file(Path::new("/no/such/folder/s.json"), b"x", IfExists::Refuse);
        assert!(matches!(error, Err(WriteError::Io(_))));
        assert!(check_writable(Path::new("/no/such/folder/s.json"), IfExists::Refuse).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private_and_links_are_not_followed() {
        use std::os::unix::fs::{PermissionsExt, symlink};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        write_file(&path, b"x", IfExists::Refuse).unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let victim = dir.path().join("victim");
        fs::write(&victim, b"keep").unwrap();
        let link = dir.path().join("link.json");
        symlink(&victim, &link).unwrap();
        for if_exists in [IfExists::Refuse, IfExists::Replace] {
            let error = write_file(&link, b"evil", if_exists).unwrap_err();
            assert!(matches!(error, WriteError::IsLink), "{error}");
        }
        assert_eq!(fs::read(&victim).unwrap(), b"keep");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_not_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.md");
        fs::write(&path, b"keep").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        for if_exists in [IfExists::Replace, IfExists::ReplaceKeepingMode] {
            let error = write_file(&path, b"new", if_exists).unwrap_err();
            assert!(matches!(error, WriteError::ReadOnly), "{error}");
            assert!(check_writable(&path, if_exists).is_err());
        }
        assert_eq!(fs::read(&path).unwrap(), b"keep");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Only root can give a file to someone else, so only root can see a
    /// replacement keep (or lose) another owner.
    #[cfg(unix)]
    #[test]
    fn replacing_keeps_the_owner() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        fs::write(&path, b"old").unwrap();
        if std::os::unix::fs::chown(&path, Some(4321), Some(4321)).is_err() {
            return;
        }
        write_file(&path, b"new", IfExists::Replace).unwrap();
        let metadata = fs::metadata(&path).unwrap();
        assert_eq!((metadata.uid(), metadata.gid()), (4321, 4321));
        assert_eq!(fs::read(&path).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn formatting_keeps_the_files_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.flow");
        fs::write(&path, b"old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_file(&path, b"new", IfExists::ReplaceKeepingMode).unwrap();
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
}
