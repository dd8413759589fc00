//! Reading a file named by a person or found in a folder, bounded by kind and
//! by size: only a regular file is opened (a FIFO would wait for a writer, a
//! device like /dev/zero would never end), and no more than a limit is read,
//! so a huge file is a clear message instead of an exhausted memory.

use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// The most a knowledge file may hold (the 100,000-node test folder is 22 MB
/// in all; a hand-written file is a few kB).
pub const KNOWLEDGE_FILE_LIMIT: u64 = 64 << 20;
/// The most a knowledge folder may hold in all: as much as one file, so
/// many files cannot add up to what no single file may be.
pub const KNOWLEDGE_FOLDER_LIMIT: u64 = 64 << 20;
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
    let (file, length) = open_regular(path)?;
    if length > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(length as usize);
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

/// The newest whole lines of the regular file at `path` that fit in
/// `limit` bytes: all of it when it is no larger, otherwise the lines that
/// end in its last `limit` bytes (a file that is only ever appended to,
/// read from its newest end). The first line of the file is not among them
/// then; [`read_first_line`] reads it.
pub fn read_tail(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let io_error = |error| ReadError::Io {
        path: path.to_path_buf(),
        error,
    };
    let (mut file, length) = open_regular(path)?;
    let start = length.saturating_sub(limit);
    file.seek(SeekFrom::Start(start)).map_err(io_error)?;
    let mut bytes = Vec::with_capacity(length.min(limit) as usize);
    file.take(limit).read_to_end(&mut bytes).map_err(io_error)?;
    if start > 0 {
        // Begun inside a line: the part of it is not a line.
        let first_end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |end| end + 1);
        bytes.drain(..first_end);
    }
    Ok(bytes)
}

/// The first line of the regular file at `path`, without its end, when it
/// is at most `limit` bytes long (`None` when it is longer).
pub fn read_first_line(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, ReadError> {
    let (file, _) = open_regular(path)?;
    let mut line = Vec::new();
    io::BufReader::new(file.take(limit + 1))
        .read_until(b'\n', &mut line)
        .map_err(|error| ReadError::Io {
            path: path.to_path_buf(),
            error,
        })?;
    if line.last() == Some(&b'\n') {
        line.pop();
    }
    Ok((line.len() as u64 <= limit).then_some(line))
}

/// The regular file at `path`, opened for reading, and its length.
fn open_regular(path: &Path) -> Result<(fs::File, u64), ReadError> {
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
    let file = fs::File::open(path).map_err(io_error)?;
    // Asked again of what was opened, in case the name changed in between.
    let opened = file.metadata().map_err(io_error)?;
    if !opened.is_file() {
        return Err(ReadError::NotRegular {
            path: path.to_path_buf(),
        });
    }
    Ok((file, opened.len()))
}
