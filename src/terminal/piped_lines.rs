//! Lines from a pipe or a file: no prompts, no line editing.

use std::io::{BufRead, Read};

use super::{Input, LineSource};

/// The longest line read, in bytes: an answer or a command is a few words,
/// and a longer line is refused rather than held (`backcheck </dev/zero`).
pub const MAX_LINE: usize = 4096;
/// How much of one over-long line is skipped, looking for its end, before
/// the input is taken as ended: /dev/zero has no end of line.
const MAX_SKIPPED: usize = 1 << 20;

/// Lines from a pipe or file: no prompts, no escape codes.
pub struct PipedLines<R> {
    reader: R,
    buffer: Vec<u8>,
    /// A line without end was found: nothing more is read.
    ended: bool,
}

impl<R: BufRead> PipedLines<R> {
    pub fn new(reader: R) -> Self {
        PipedLines {
            reader,
            buffer: Vec::new(),
            ended: false,
        }
    }

    /// Skips the rest of an over-long line, holding none of it.
    fn skip_line(&mut self) {
        let mut skipped = 0;
        loop {
            let Ok(available) = self.reader.fill_buf() else {
                self.ended = true;
                return;
            };
            if available.is_empty() {
                return;
            }
            if let Some(end) = available.iter().position(|&b| b == b'\n') {
                self.reader.consume(end + 1);
                return;
            }
            let length = available.len();
            self.reader.consume(length);
            skipped += length;
            if skipped > MAX_SKIPPED {
                self.ended = true;
                return;
            }
        }
    }
}

impl<R: BufRead> LineSource for PipedLines<R> {
    fn read(&mut self, _prompt: &str) -> Input {
        if self.ended {
            return Input::Eof;
        }
        self.buffer.clear();
        let mut limited = (&mut self.reader).take(MAX_LINE as u64 + 1);
        match limited.read_until(b'\n', &mut self.buffer) {
            Ok(0) | Err(_) => Input::Eof,
            Ok(_) if self.buffer.len() > MAX_LINE && self.buffer.last() != Some(&b'\n') => {
                self.skip_line();
                Input::TooLong
            }
            Ok(_) => match std::str::from_utf8(&self.buffer) {
                Ok(text) => Input::Line(text.trim_end_matches(['\n', '\r']).to_string()),
                Err(_) => Input::Unreadable,
            },
        }
    }

    fn is_interactive(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn piped_lines_survive_garbage() {
        let bytes: &[u8] = b"yes\n\xff\xfe\x00\nno\r\n";
        let mut lines = PipedLines::new(bytes);
        assert_eq!(lines.read(""), Input::Line("yes".into()));
        assert_eq!(lines.read(""), Input::Unreadable);
        assert_eq!(lines.read(""), Input::Line("no".into()));
        assert_eq!(lines.read(""), Input::Eof);
    }

    #[test]
    fn an_over_long_line_is_refused_and_the_next_one_read() {
        let mut bytes = vec![b'x'; MAX_LINE * 3];
        bytes.extend_from_slice(b"\nno\n");
        let mut lines = PipedLines::new(&bytes[..]);
        assert_eq!(lines.read(""), Input::TooLong);
        assert_eq!(lines.read(""), Input::Line("no".into()));
        assert_eq!(lines.read(""), Input::Eof);
    }

    #[test]
    fn a_line_without_end_ends_the_input() {
        let mut lines = PipedLines::new(std::io::BufReader::new(std::io::repeat(0)));
        assert_eq!(lines.read(""), Input::TooLong);
        assert_eq!(lines.read(""), Input::Eof);
    }
}
