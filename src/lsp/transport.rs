//! The messages on stdin and stdout, framed with `Content-Length`. Unlike
//! lsp-server's own stdio transport, whose reader stops at the first
//! message it cannot read (and the server with it), a body that is not JSON
//! is answered with `-32700` (parse error) and one that is JSON but no
//! message with `-32600` (invalid request), as JSON-RPC says, and the next
//! message is read as usual.

use std::io::{self, BufRead, Write};
use std::thread::{self, JoinHandle};

use crossbeam_channel::{Receiver, Sender, bounded};
use lsp_server::{Connection, Message};
use serde_json::{Value, json};

/// JSON-RPC's code for a body that is not JSON.
pub const PARSE_ERROR: i32 = -32700;
/// JSON-RPC's code for JSON that is not a request, response or notification.
pub const INVALID_REQUEST: i32 = -32600;

/// The threads that read stdin and write stdout.
pub struct Threads {
    reader: JoinHandle<()>,
    writer: JoinHandle<io::Result<()>>,
}

impl Threads {
    /// Waits for everything sent to be written. The reader is waited for
    /// only if it has stopped: after `exit` it has, but when the server
    /// stops for another reason it may still be waiting for input that
    /// never comes.
    pub fn join(self) -> Result<(), String> {
        let written = self
            .writer
            .join()
            .map_err(|_| "the writer thread stopped".to_string())?;
        if self.reader.is_finished() {
            let _ = self.reader.join();
        }
        written.map_err(|error| error.to_string())
    }
}

/// A connection over stdin and stdout.
pub fn stdio() -> (Connection, Threads) {
    let (outgoing, to_write) = bounded::<Message>(0);
    let writer = thread::Builder::new()
        .name("backcheck-lsp-writer".into())
        .spawn(move || write_all(&to_write))
        .expect("start the writer thread");
    let (incoming, received) = bounded::<Message>(0);
    let reader = thread::Builder::new()
        .name("backcheck-lsp-reader".into())
        .spawn(move || read_all(&mut io::stdin().lock(), &incoming, &mut io::stdout()))
        .expect("start the reader thread");
    (
        Connection {
            sender: outgoing,
            receiver: received,
        },
        Threads { reader, writer },
    )
}

fn write_all(to_write: &Receiver<Message>) -> io::Result<()> {
    for message in to_write {
        let mut out = io::stdout().lock();
        message.write(&mut out)?;
    }
    Ok(())
}

/// Reads messages from `input` and hands them on until the input ends or
/// after `exit`; answers the ones it cannot read on `errors_to` itself.
pub fn read_all(input: &mut impl BufRead, incoming: &Sender<Message>, errors_to: &mut dyn Write) {
    loop {
        let message = match read_frame(input) {
            Ok(None) => return,
            Ok(Some(body)) => read_message(&body),
            Err(error) => Err(error_answer(
                Value::Null,
                PARSE_ERROR,
                &format!("not a framed message: {error}"),
            )),
        };
        match message {
            Ok(message) => {
                let is_exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if incoming.send(message).is_err() || is_exit {
                    return;
                }
            }
            Err(answer) => {
                // One write, so that stdout's lock keeps it whole beside
                // the writer thread's messages.
                let text = answer.to_string();
                let frame = format!("Content-Length: {}\r\n\r\n{text}", text.len());
                if errors_to
                    .write_all(frame.as_bytes())
                    .and_then(|()| errors_to.flush())
                    .is_err()
                {
                    return;
                }
            }
        }
    }
}

/// The message in `body`, or the error answer to send back.
fn read_message(body: &[u8]) -> Result<Message, Value> {
    let value: Value = serde_json::from_slice(body)
        .map_err(|error| error_answer(Value::Null, PARSE_ERROR, &format!("not JSON: {error}")))?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    // serde would read an array as a message's fields in order.
    if !value.is_object() {
        return Err(error_answer(
            id,
            INVALID_REQUEST,
            "not a request, response or notification: a message is a JSON object",
        ));
    }
    serde_json::from_value(value).map_err(|error| {
        error_answer(
            id,
            INVALID_REQUEST,
            &format!("not a request, response or notification: {error}"),
        )
    })
}

fn error_answer(id: Value, code: i32, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// The body of the next message; `None` at the end of the input. A header
/// that cannot be read is an error, and the body after it (if any) is skipped.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut line = String::new();
    let mut read_any = false;
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return if read_any {
                Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the input ended in a header",
                ))
            } else {
                Ok(None)
            };
        }
        read_any = true;
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("Content-Length")
        {
            length = Some(value.trim().parse().map_err(|_| header.to_string()));
        }
    }
    let length = match length {
        Some(Ok(length)) => length,
        Some(Err(header)) => return Err(invalid(format!("a bad header: {header:?}"))),
        None => return Err(invalid("no Content-Length header".to_string())),
    };
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(body))
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    /// What `read_all` hands on and answers for `input`.
    fn read(input: &str) -> (Vec<Message>, Vec<Value>) {
        let (incoming, received) = crossbeam_channel::unbounded();
        let mut answers: Vec<u8> = Vec::new();
        read_all(&mut input.as_bytes(), &incoming, &mut answers);
        drop(incoming);
        let mut replies = Vec::new();
        let mut rest = &answers[..];
        while let Ok(Some(body)) = read_frame(&mut rest) {
            replies.push(serde_json::from_slice(&body).expect("an answer is JSON"));
        }
        (received.into_iter().collect(), replies)
    }

    const HOVER: &str = r#"{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{}}"#;

    #[test]
    fn a_body_that_is_not_json_is_answered_and_the_next_read() {
        let input = framed("{\"jsonrpc\": \"2.0\", \"id\": 1, ") + &framed(HOVER);
        let (messages, answers) = read(&input);
        assert_eq!(answers.len(), 1, "{answers:?}");
        assert_eq!(answers[0]["error"]["code"], json!(PARSE_ERROR));
        assert_eq!(answers[0]["id"], Value::Null);
        assert_eq!(messages.len(), 1);
        assert!(matches!(&messages[0], Message::Request(r) if r.method == "textDocument/hover"));
    }

    #[test]
    fn json_that_is_no_message_is_an_invalid_request() {
        let input = framed("[1, 2]") + &framed("\"hello\"") + &framed(HOVER);
        let (messages, answers) = read(&input);
        assert_eq!(answers.len(), 2, "{answers:?}");
        for answer in &answers {
            assert_eq!(answer["error"]["code"], json!(INVALID_REQUEST));
            assert_eq!(answer["id"], Value::Null);
        }
        assert_eq!(messages.len(), 1);
    }

    #[test]
    fn a_bad_header_is_answered_and_the_next_read() {
        let input = "Content-Length: lots\r\n\r\n".to_string() + &framed(HOVER);
        let (messages, answers) = read(&input);
        assert_eq!(answers[0]["error"]["code"], json!(PARSE_ERROR));
        assert_eq!(messages.len(), 1);
    }

    #[test]
    fn nothing_is_read_after_exit() {
        let input = framed(r#"{"jsonrpc":"2.0","method":"exit"}"#) + &framed(HOVER);
        let (messages, answers) = read(&input);
        assert!(answers.is_empty());
        assert_eq!(messages.len(), 1);
    }
}
