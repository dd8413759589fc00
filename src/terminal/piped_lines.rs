//! Lines from a pipe or a file: no prompts, no line editing.

use std::io::{BufRead, Read};

use super::{Input, LineSource};

/// The longest line read, in bytes: an answer or a command is a few words,
/// and a longer line is refused rather than held (`backcheck </dev/zero`).
pub const MAX_LINE: usize = 4096;

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

    /// Skips the rest of an over-long line, holding none of it, however
    /// long it is: the lines after it are still read. Only bytes that are
    /// not text (a NUL: /dev/zero, which has no end of line) end the input.
    fn skip_line(&mut self) {
        if self.buffer.contains(&0) {
            self.ended = true;
            return;
        }
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
            let binary = available.contains(&0);
            let length = available.len();
            self.reader.consume(length);
            if binary {
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
    fn a_line_over_a_mebibyte_is_skipped_and_the_rest_read() {
        let mut bytes = b"yes\n".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', 3 << 20));
        bytes.extend_from_slice(b"\nno\n");
        let mut lines = PipedLines::new(std::io::BufReader::new(&bytes[..]));
        assert_eq!(lines.read(""), Input::Line("yes".into()));
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
