//! Lines from a pipe or a file: no prompts, no line editing.

use std::io::BufRead;

use super::{Input, LineSource};

/// Lines from a pipe or file: no prompts, no escape codes.
pub struct PipedLines<R> {
    reader: R,
    buffer: Vec<u8>,
}

impl<R: BufRead> PipedLines<R> {
    pub fn new(reader: R) -> Self {
        PipedLines {
            reader,
            buffer: Vec::new(),
        }
    }
}

impl<R: BufRead> LineSource for PipedLines<R> {
    fn read(&mut self, _prompt: &str) -> Input {
        self.buffer.clear();
        match self.reader.read_until(b'\n', &mut self.buffer) {
            Ok(0) | Err(_) => Input::Eof,
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
}
