//! Signals while a person is at the line editor.
//!
//! - Ctrl-C (SIGINT): while a line is read, the editor turns it into
//!   "line cleared"; between reads it would end the process and lose the
//!   answers, so it is caught and does nothing.
//! - SIGTERM and SIGHUP (the terminal closed, `kill`): the editor holds the
//!   terminal in raw mode, and ending without handing it back leaves the
//!   shell unusable. The terminal settings from before the editor are put
//!   back, the person is told what was saved (the note the reader last set
//!   with [`set_stop_note`]; "Nothing was saved." until then), and the
//!   process ends with the status of one ended by that signal (128 + its
//!   number). A file being written is finished first.

use std::sync::{Mutex, Once, PoisonError};

/// What a stop says was saved, when something was.
static STOP_NOTE: Mutex<Option<String>> = Mutex::new(None);

/// What to say was saved if a stop signal ends the process from now on
/// (the conversation after a save, the rehearsal after recording a round).
pub fn set_stop_note(note: String) {
    *STOP_NOTE.lock().unwrap_or_else(PoisonError::into_inner) = Some(note);
}

fn stop_note() -> String {
    STOP_NOTE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
        .unwrap_or_else(|| "Nothing was saved.".to_string())
}

/// Installs the handlers, once per process; later calls do nothing.
pub fn catch_stop_signals() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(install);
}

#[cfg(unix)]
fn install() {
    use std::io::Write;
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    use nix::sys::termios::{SetArg, tcgetattr, tcsetattr};
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    // Any handler replaces the default action (end the process).
    let _ = signal_hook::flag::register(SIGINT, Arc::new(AtomicBool::new(false)));
    let original = tcgetattr(std::io::stdin()).ok();
    let Ok(mut signals) = Signals::new([SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // A save under way is finished first: no temporary file is left.
            crate::file_write::finish_writing();
            if let Some(settings) = &original {
                let _ = tcsetattr(std::io::stdin(), SetArg::TCSANOW, settings);
            }
            let name = if signal == SIGHUP {
                "SIGHUP"
            } else {
                "SIGTERM"
            };
            // stderr: the conversation holds stdout's lock while it talks.
            // stderr is unbuffered, so the message is made whole first and
            // written at once: the conversation may still print (a save just
            // finished says so), and must not land inside it.
            let message = format!(
                // Bracketed paste off, as the editor would on leaving.
                "\x1b[?2004l\r\nStopped by {name}. {}\r\n",
                stop_note()
            );
            let mut out = std::io::stderr().lock();
            let _ = out.write_all(message.as_bytes());
            let _ = out.flush();
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn install() {}
