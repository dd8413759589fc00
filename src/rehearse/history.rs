//! The rehearsal record (`rehearse --history FILE`): one JSON object per line,
//! one line per round played, so progress can be reviewed later.
//!
//! Opt-in only: nothing is written unless the person names the file. Every
//! write goes through `file_write` (a private 0600 file, never through a
//! link): the lines already there are read back, checked, and written again
//! with the new one after them, so a history is only ever appended to. A file
//! that is not a history (any other text, a saved session) is refused, never
//! overwritten.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::danger::{FULL_MARKS, MistakeClass};
use crate::file_read::{ReadError, read_tail};
use crate::file_write::{IfExists, WriteError, check_writable, is_regular_file, write_file};

/// The most a history may hold: a line is about 300 bytes, so some 25,000
/// rounds; past it, the oldest rounds make room for the new.
pub const HISTORY_FILE_LIMIT: u64 = 8 << 20;

/// The value of every line's `format` field: what marks a file as a history.
pub const HISTORY_FORMAT: &str = "backcheck-rehearse-history-1";

/// One round as the history keeps it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HistoryLine {
    /// Always [`HISTORY_FORMAT`].
    pub format: String,
    /// When the round was scored, RFC 3339 in UTC (`2026-12-03T00:24:21Z`).
    pub at: String,
    /// `vignette` or `drill`.
    pub kind: String,
    /// The vignette's id, or the drill item's.
    pub id: String,
    /// `easy`, `medium` or `hard`; none for a drill item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<String>,
    /// The vignette's topic (see `Topic`), or `drill`.
    pub topic: String,
    /// What the therapist committed (`refer urgent`, or a root in the drill).
    pub committed: String,
    /// What the graph (or the root table) has; none when the answers reach no outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    pub points: u32,
    pub max: u32,
    /// The worst mistake's class; none for full marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mistake: Option<MistakeClass>,
    /// Who practised (`--student NAME`); older lines have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student: Option<String>,
    /// The root committed (`L4`, `L5`, `S1`); none when none was named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<String>,
    /// The root the findings point to; none without findings or when they disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_root: Option<String>,
    /// The red flags the client had (vignettes), by question id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub red_flags: Vec<String>,
    /// Those of them not asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missed_red_flags: Vec<String>,
    /// The time the round or item took, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<f64>,
}

impl HistoryLine {
    pub fn is_vignette(&self) -> bool {
        self.kind == "vignette"
    }

    /// Whether the values are ones a round can have: a known kind with its
    /// own maximum, points within it, a known difficulty (vignettes only).
    /// A hand-edited `points` past `max` would skew every mean of the review.
    fn in_range(&self) -> bool {
        let (max, difficulty_fits) = match self.kind.as_str() {
            "vignette" => (
                FULL_MARKS.unsigned_abs(),
                matches!(
                    self.difficulty.as_deref(),
                    None | Some("easy" | "medium" | "hard")
                ),
            ),
            "drill" => (1, self.difficulty.is_none()),
            _ => return false,
        };
        self.max == max && self.points <= max && difficulty_fits
    }
}

/// Why the history could not be kept or read. The messages do not name the
/// file: the caller says which file it was.
#[derive(Debug)]
pub enum HistoryError {
    Write(WriteError),
    Read(ReadError),
    /// The file holds something else; `line` is the first line that is not a round.
    NotAHistory {
        line: usize,
    },
    /// `--review` of a file that does not exist.
    Missing,
}

impl fmt::Display for HistoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HistoryError::Write(error) => write!(f, "{error}"),
            HistoryError::Read(ReadError::TooLarge { limit, .. }) => write!(
                f,
                "it is larger than {} MiB; start a new history in another file",
                limit >> 20
            ),
            HistoryError::Read(ReadError::NotRegular { .. }) => {
                write!(f, "that name is a folder or a device, not a file")
            }
            HistoryError::Read(ReadError::Io { error, .. }) => write!(f, "{error}"),
            HistoryError::NotAHistory { line } => write!(
                f,
                "it is not a backcheck rehearsal history (line {line} is not a recorded round); it was left as it is"
            ),
            HistoryError::Missing => write!(
                f,
                "there is no such file; rounds are recorded with `rehearse --history FILE`"
            ),
        }
    }
}

impl std::error::Error for HistoryError {}

/// A history file that was checked before the first round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct History {
    path: PathBuf,
    /// The most the file may hold; the oldest rounds make room for a new one.
    limit: u64,
}

impl History {
    /// Checks that `path` can hold a history: an existing file must be a
    /// history (or empty) and replaceable, a new one creatable. Nothing is written.
    pub fn open(path: &Path) -> Result<History, HistoryError> {
        // Not while another run appends (it may be creating the file).
        let _lock = lock_folder(path)?;
        if is_regular_file(path) {
            read_checked(path, HISTORY_FILE_LIMIT)?;
            check_writable(path, IfExists::Replace).map_err(HistoryError::Write)?;
        } else {
            check_writable(path, IfExists::Refuse).map_err(HistoryError::Write)?;
        }
        Ok(History {
            path: path.to_path_buf(),
            limit: HISTORY_FILE_LIMIT,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Adds `line` after the rounds already recorded, dropping the oldest
    /// rounds when the file would grow past its limit (a history is never
    /// refused for its size). Runs that share the file wait for each other:
    /// the folder is locked from reading the rounds to the rename.
    pub fn append(&self, line: &HistoryLine) -> Result<(), HistoryError> {
        let json = serde_json::to_string(line).map_err(|e| {
            HistoryError::Write(WriteError::Io(std::io::Error::other(e.to_string())))
        })?;
        let _lock = lock_folder(&self.path)?;
        let (mut text, if_exists) = if is_regular_file(&self.path) {
            let bytes = read_checked(&self.path, self.limit)?;
            (bytes, IfExists::Replace)
        } else {
            (Vec::new(), IfExists::Refuse)
        };
        if !text.is_empty() && !text.ends_with(b"\n") {
            text.push(b'\n');
        }
        text.extend_from_slice(json.as_bytes());
        text.push(b'\n');
        let limit = usize::try_from(self.limit).unwrap_or(usize::MAX);
        if text.len() > limit {
            // Whole lines from the oldest, until the rest fits.
            let from = text.len() - limit - 1;
            let cut = text[from..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |end| from + end + 1);
            text.drain(..cut);
        }
        write_file(&self.path, &text, if_exists).map_err(HistoryError::Write)
    }
}

/// An exclusive lock on the folder of `path`, held until the handle is
/// dropped: the file itself is replaced by a rename at every append, so a
/// lock on it would not be seen by the next run, while the folder stays.
fn lock_folder(path: &Path) -> Result<std::fs::File, HistoryError> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let handle = std::fs::File::open(folder).map_err(|e| HistoryError::Write(WriteError::Io(e)))?;
    match handle.lock() {
        Ok(()) => Ok(handle),
        // A file system without locks (some network ones): appended as before.
        Err(error) if error.kind() == std::io::ErrorKind::Unsupported => Ok(handle),
        Err(error) => Err(HistoryError::Write(WriteError::Io(error))),
    }
}

/// The rounds recorded in `path`, oldest first (the newest that fit in the
/// limit, for a file grown past it).
pub fn read_lines(path: &Path) -> Result<Vec<HistoryLine>, HistoryError> {
    if std::fs::symlink_metadata(path).is_err() {
        return Err(HistoryError::Missing);
    }
    parse(&read_checked(path, HISTORY_FILE_LIMIT)?)
}

/// The bytes of an existing history (its newest `limit` bytes of whole
/// lines), refused when they are not one.
fn read_checked(path: &Path, limit: u64) -> Result<Vec<u8>, HistoryError> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(HistoryError::Write(WriteError::IsLink));
    }
    let bytes = read_tail(path, limit).map_err(HistoryError::Read)?;
    parse(&bytes)?;
    Ok(bytes)
}

/// Every line a recorded round; blank lines are allowed, nothing else.
pub fn parse(bytes: &[u8]) -> Result<Vec<HistoryLine>, HistoryError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let line = bytes[..error.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        HistoryError::NotAHistory { line }
    })?;
    let mut rounds = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<HistoryLine>(line) {
            Ok(round) if round.format == HISTORY_FORMAT && round.in_range() => rounds.push(round),
            _ => return Err(HistoryError::NotAHistory { line: n + 1 }),
        }
    }
    Ok(rounds)
}

/// Now, as the history writes it.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(id: &str, points: u32) -> HistoryLine {
        HistoryLine {
            format: HISTORY_FORMAT.to_string(),
            at: "2026-12-03T00:00:00Z".to_string(),
            kind: "vignette".to_string(),
            id: id.to_string(),
            difficulty: Some("easy".to_string()),
            topic: "treat".to_string(),
            committed: "treat".to_string(),
            expected: Some("treat".to_string()),
            points,
            max: 10,
            mistake: None,
            ..HistoryLine::default()
        }
    }

    #[test]
    fn rounds_are_appended_never_truncated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        let history = History::open(&path).unwrap();
        assert!(!path.exists(), "nothing written before a round");
        history.append(&round("a", 10)).unwrap();
        let again = History::open(&path).unwrap();
        again.append(&round("b", 4)).unwrap();
        let rounds = read_lines(&path).unwrap();
        assert_eq!(
            rounds.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
    }

    #[test]
    fn a_full_history_drops_its_oldest_rounds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        let mut history = History::open(&path).unwrap();
        history.limit = 2000;
        for n in 0..30 {
            history.append(&round(&format!("r{n}"), 5)).unwrap();
            let size = std::fs::metadata(&path).unwrap().len();
            assert!(size <= 2000, "{size} bytes after round {n}");
        }
        let ids: Vec<String> = read_lines(&path)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids.last().map(String::as_str), Some("r29"));
        assert!(!ids.contains(&"r0".to_string()), "{ids:?}");
        assert!(ids.len() > 3, "{ids:?}");
    }

    #[test]
    fn a_history_over_its_limit_is_read_from_its_newest_rounds() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        let mut text = String::new();
        let mut n = 0;
        while text.len() as u64 <= HISTORY_FILE_LIMIT {
            text.push_str(&serde_json::to_string(&round(&format!("r{n}"), 5)).unwrap());
            text.push('\n');
            n += 1;
        }
        std::fs::write(&path, &text).unwrap();
        let rounds = read_lines(&path).unwrap();
        assert_eq!(rounds.last().unwrap().id, format!("r{}", n - 1));
        assert_ne!(rounds[0].id, "r0");
        History::open(&path)
            .unwrap()
            .append(&round("new", 1))
            .unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() <= HISTORY_FILE_LIMIT);
        assert_eq!(read_lines(&path).unwrap().last().unwrap().id, "new");
    }

    #[test]
    fn parallel_appends_lose_no_round() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.jsonl");
        std::thread::scope(|scope| {
            for thread in 0..8 {
                let path = &path;
                scope.spawn(move || {
                    let history = History::open(path).unwrap();
                    for n in 0..25 {
                        history
                            .append(&round(&format!("t{thread}-{n}"), 5))
                            .unwrap();
                    }
                });
            }
        });
        assert_eq!(read_lines(&path).unwrap().len(), 200);
    }

    #[test]
    fn a_line_with_values_out_of_range_is_not_a_round() {
        let good = round("a", 10);
        let drill = HistoryLine {
            kind: "drill".to_string(),
            difficulty: None,
            max: 1,
            points: 1,
            ..round("d", 1)
        };
        for line in [&good, &drill] {
            let json = serde_json::to_string(line).unwrap() + "\n";
            assert_eq!(parse(json.as_bytes()).unwrap().len(), 1, "{json}");
        }
        for bad in [
            HistoryLine {
                points: 4_294_967_295,
                ..good.clone()
            },
            HistoryLine {
                points: 11,
                max: 11,
                ..good.clone()
            },
            HistoryLine {
                points: 2,
                max: 2,
                ..drill.clone()
            },
            HistoryLine {
                kind: "other".into(),
                ..good.clone()
            },
            HistoryLine {
                difficulty: Some("brutal".into()),
                ..good.clone()
            },
            HistoryLine {
                difficulty: Some("easy".into()),
                ..drill.clone()
            },
        ] {
            let json = serde_json::to_string(&good).unwrap()
                + "\n"
                + &serde_json::to_string(&bad).unwrap()
                + "\n";
            let error = parse(json.as_bytes()).unwrap_err();
            assert!(
                matches!(error, HistoryError::NotAHistory { line: 2 }),
                "{json}"
            );
        }
    }

    #[test]
    fn other_files_are_refused_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        for text in [
            "my notes\n",
            "{\n  \"answers\": {}\n}\n",
            "{\"format\":\"something-else\"}\n",
        ] {
            let path = dir.path().join("other");
            std::fs::write(&path, text).unwrap();
            let error = History::open(&path).unwrap_err();
            assert!(
                matches!(error, HistoryError::NotAHistory { line: 1 }),
                "{error}"
            );
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        }
    }

    #[test]
    fn an_empty_file_is_an_empty_history() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h");
        std::fs::write(&path, "").unwrap();
        History::open(&path)
            .unwrap()
            .append(&round("a", 3))
            .unwrap();
        assert_eq!(read_lines(&path).unwrap().len(), 1);
    }

    #[test]
    fn a_missing_history_is_missing() {
        let error = read_lines(Path::new("/no/such/history")).unwrap_err();
        assert!(matches!(error, HistoryError::Missing));
        assert!(History::open(Path::new("/no/such/dir/history")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(History::open(&link).is_err());
    }
}
