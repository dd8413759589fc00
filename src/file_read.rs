//! Reading a file named by a person or found in a folder, bounded by kind and
//! by size: only a regular file is opened (a FIFO would wait for a writer, a
//! device like /dev/zero would never end), and no more than a limit is read,
//! so a huge file is a clear message instead of an exhausted memory.

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The most a knowledge file may hold (the 100,000-node test folder is 22 MB
/// in all; a hand-written file is a few kB).
pub const KNOWLEDGE_FILE_LIMIT: u64 = 64 << 20;
/// The most a saved session may hold (one answer per question is a few kB).
pub const SESSION_FILE_LIMIT: u64 = 4 << 20;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Missing, no permission, ...
    Io { path: PathBuf, error: io::Error },
    /// A folder, a FIFO, a device or a socket.
    NotRegular { path: PathBuf },
    /// Larger than the limit for its kind.
    TooLarge { path: PathBuf, limit: u64 },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io { path, error } => write!(f, "cannot read {}: {error}", path.display()),
            ReadError::NotRegular { path } => write!(
                f,
                "cannot read {}: it is not a regular file (a folder, a pipe or a device?)",
                path.display()
            ),
            ReadError::TooLarge { path, limit } => write!(
                f,
                "cannot read {}: it is larger than {} MiB, more than such a file can hold",
                path.display(),
                limit >> 20
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io_error = |error| ReadError::Io {
        path: path.to_path_buf(),
        error,
    };
    // Asked before opening: opening a FIFO waits until someone writes to it.
    let metadata = fs::metadata(path).map_err(io_error)?;
    if !metadata.is_file() {
        return Err(ReadError::NotRegular {
            path: path.to_path_buf(),
        });
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    let file = fs::File::open(path).map_err(io_error)?;
    // Asked again of what was opened, in case the name changed in between.
    if !file.metadata().map_err(io_error)?.is_file() {
        return Err(ReadError::NotRegular {
            path: path.to_path_buf(),
        });
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // A file growing while it is read stops at the limit all the same.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(bytes)
}
