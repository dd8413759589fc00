//! How a command ends: an exit code, or a failure with its message.

use std::io;

/// The exit codes (README.md, docs/architecture.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success,
    /// The knowledge has errors, a case failed.
    Failed,
    /// Usage or input error: unknown id, invalid answer, unreadable file.
    BadInput,
    /// `run` was given too few answers.
    Incomplete,
    /// The output was closed before everything was written (e.g. piped into
    /// `head`): the status of a program ended by SIGPIPE, as the shell reports it.
    ClosedOutput,
}

impl Exit {
    /// The process's exit status.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Failed => 1,
            Exit::BadInput => 2,
            Exit::Incomplete => 3,
            Exit::ClosedOutput => 128 + 13,
        }
    }
}

/// Why the command stopped: a message for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    /// Empty when there is nothing to say (a closed output).
    pub message: String,
    /// The command's own streams failed (a full disk, a closed pipe): no
    /// later step can say anything either.
    streams_failed: bool,
}

impl Failure {
    pub fn new(exit: Exit, message: impl Into<String>) -> Failure {
        Failure {
            exit,
            message: message.into(),
            streams_failed: false,
        }
    }

    /// Whether the command's own streams failed (a full disk, a closed
    /// pipe), rather than the work: a command of several steps stops.
    pub fn streams_failed(&self) -> bool {
        self.streams_failed
    }
}

/// Writing to the output failed. A closed output (piped into `head`, a
/// closed terminal) ends the command quietly with [`Exit::ClosedOutput`].
impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        let failure = if error.kind() == io::ErrorKind::BrokenPipe {
            Failure::new(Exit::ClosedOutput, "")
        } else {
            Failure::new(Exit::BadInput, format!("error: {error}"))
        };
        Failure {
            streams_failed: true,
            ..failure
        }
    }
}

/// What a command comes to.
pub type Outcome = Result<Exit, Failure>;
