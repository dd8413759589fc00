//! Output wrapped at words to the terminal's width, so no word is cut at the
//! right edge. A line that starts a list item ("  - ", "  2) ", "3. ") keeps
//! its text lined up under the first word when it wraps. Piped output is not
//! wrapped: a program reading it gets one line per line written.

use std::io::{self, Write};

/// How wide the text may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Width {
    /// The terminal's width, read at every line (it can be resized), when
    /// a person is typing; no wrapping when the input is piped.
    #[default]
    Terminal,
    /// A fixed number of columns.
    Columns(usize),
    /// Lines as written.
    Unwrapped,
}

impl Width {
    fn columns(self) -> Option<usize> {
        match self {
            Width::Terminal => Some(textwrap::termwidth()),
            Width::Columns(columns) => Some(columns),
            Width::Unwrapped => None,
        }
    }
}

/// A writer that wraps each complete line before passing it on.
pub struct Wrapped<W: Write> {
    inner: W,
    width: Width,
    pending: Vec<u8>,
}

impl<W: Write> Wrapped<W> {
    /// Wraps what is written to `inner` at `width`.
    pub fn new(inner: W, width: Width) -> Self {
        Wrapped {
            inner,
            width,
            pending: Vec::new(),
        }
    }

    /// Changes the width for the lines still to come.
    pub fn set_width(&mut self, width: Width) {
        self.width = width;
    }

    fn write_line(&mut self, line: &[u8]) -> io::Result<()> {
        let text = String::from_utf8_lossy(line);
        match self.width.columns() {
            Some(columns) => self.inner.write_all(wrap_line(&text, columns).as_bytes()),
            None => self.inner.write_all(line),
        }
    }
}

impl<W: Write> Write for Wrapped<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        while let Some(end) = self.pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..end).collect();
            self.pending.drain(..1);
            self.write_line(&line)?;
            self.inner.write_all(b"\n")?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let line = std::mem::take(&mut self.pending);
            self.write_line(&line)?;
        }
        self.inner.flush()
    }
}

/// One line wrapped to `columns`, continuation lines indented under the
/// text of a list item. Words longer than a line are left whole.
pub fn wrap_line(line: &str, columns: usize) -> String {
    let plain = without_escapes(line);
    if textwrap::core::display_width(&plain) <= columns {
        return line.to_string();
    }
    let indent = " ".repeat(hanging_indent(&plain).min(columns / 2));
    // Not at hyphens either: a file name (`backcheck-session.json`) or an
    // option (`--resume`) broken across lines cannot be typed as shown.
    let options = textwrap::Options::new(columns)
        .subsequent_indent(&indent)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::fill(line, options)
}

/// Where the text of a list item starts: after leading spaces and a marker
/// such as `-`, `*`, `12)`, `3.` or `a)`.
fn hanging_indent(line: &str) -> usize {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[spaces..];
    let marker = rest.split_once(' ').map_or("", |(first, _)| first);
    let is_marker = matches!(marker, "-" | "*")
        || (marker.len() >= 2 && (marker.ends_with(')') || marker.ends_with('.')) && {
            let body = &marker[..marker.len() - 1];
            body.chars().all(|c| c.is_ascii_digit())
                || (body.len() == 1 && body.chars().all(|c| c.is_ascii_lowercase()))
        });
    if is_marker {
        let after = &rest[marker.len()..];
        spaces + marker.len() + (after.len() - after.trim_start_matches(' ').len())
    } else {
        spaces
    }
}

/// The text without terminal colour codes (`ESC [ ... m`).
fn without_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for end in chars.by_ref() {
                if end.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_keeps_short_lines() {
        let text = "Is the skin around your bottom numb or tingly? This is the part that would touch a bike saddle.";
        let wrapped = wrap_line(text, 40);
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 40, "{wrapped}");
        }
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>().join(" "),
            text
        );
        assert_eq!(wrap_line("short", 40), "short");
    }

    #[test]
    fn a_file_name_is_never_broken_at_its_hyphen() {
        let offer = "Save your answers before leaving? Type a file name (e.g. backcheck-session.json), or press Enter to leave without saving.";
        for columns in 60..100 {
            let wrapped = wrap_line(offer, columns);
            assert!(wrapped.contains("backcheck-session.json"), "{wrapped}");
        }
    }

    #[test]
    fn list_items_hang_under_their_text() {
        let wrapped = wrap_line(
            "  - Call emergency services now, or go straight to an emergency department.",
            40,
        );
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        assert!(lines[0].starts_with("  - Call"), "{wrapped}");
        assert!(
            lines[1].starts_with("    ") && !lines[1].starts_with("     "),
            "{wrapped}"
        );
        let numbered = wrap_line(
            "  12) It is 38 °C (100.4 °F) or higher, or I have shivers",
            30,
        );
        assert!(
            numbered
                .lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("      ") && !l.starts_with("       ")),
            "{numbered}"
        );
    }

    #[test]
    fn colour_codes_take_no_room() {
        let coloured = "  \u{1b}[36m1\u{1b}[0m) Yes";
        assert_eq!(wrap_line(coloured, 10), coloured);
    }

    #[test]
    fn the_writer_wraps_whole_lines_and_holds_a_partial_one() {
        let mut out = Wrapped::new(Vec::new(), Width::Columns(12));
        write!(out, "one two three four\nfive").unwrap();
        assert_eq!(String::from_utf8_lossy(&out.inner), "one two\nthree four\n");
        out.flush().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.inner),
            "one two\nthree four\nfive"
        );
        let mut piped = Wrapped::new(Vec::new(), Width::Unwrapped);
        writeln!(piped, "one two three four").unwrap();
        assert_eq!(
            String::from_utf8_lossy(&piped.inner),
            "one two three four\n"
        );
    }
}
