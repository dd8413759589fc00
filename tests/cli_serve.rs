//! `backcheck serve` as a process: its help, a real socket on loopback
//! (a tiny HTTP/1.1 client over `TcpStream`, no network beyond 127.0.0.1),
//! nothing of the answers on its output, and an address already taken.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};

fn backcheck() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_backcheck"));
    command.env("NO_COLOR", "1");
    command
}

#[test]
fn serve_help_names_its_options_and_the_loopback_default() {
    let output = backcheck().args(["serve", "--help"]).output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for part in [
        "--bind",
        "127.0.0.1:8080",
        "--knowledge",
        "--audience",
        "therapist",
    ] {
        assert!(help.contains(part), "{part}: {help}");
    }
    let top = backcheck().arg("--help").output().unwrap();
    assert!(String::from_utf8(top.stdout).unwrap().contains("serve"));
}

/// The server, ended when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> (Server, BufReader<std::process::ChildStdout>) {
    let mut child = backcheck()
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (Server { child, address }, out)
}

/// One request on a fresh connection; the whole response.
fn exchange(address: &str, request: &str) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn a_real_socket_serves_pages_and_says_nothing_of_the_answers() {
    let (server, mut out) = start();
    let health = exchange(
        &server.address,
        "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    );
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.ends_with("\r\n\r\nok"), "{health}");
    assert!(
        health.contains("content-security-policy: default-src 'none'"),
        "{health}"
    );
    let first = exchange(
        &server.address,
        "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    );
    let start = first.find("name=\"state\" value=\"").unwrap() + 20;
    let state = &first[start..start + first[start..].find('"').unwrap()];
    let body = format!("state={}&choice=self_pain", state.replace('|', "%7C"));
    let second = exchange(
        &server.address,
        &format!(
            "POST /step HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(second.starts_with("HTTP/1.1 200"), "{second}");
    assert!(second.contains("<h1>Question 2</h1>"), "{second}");
    assert!(second.contains("opening=self_pain"), "{second}");
    drop(server);
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    assert!(!rest.contains("self_pain"), "{rest}");
    assert!(rest.trim().is_empty(), "only the address is said: {rest}");
}

#[test]
fn an_address_in_use_is_an_error() {
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let output = backcheck()
        .args(["serve", "--bind", &address])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(
        err.contains(&format!("cannot listen on {address}")),
        "{err}"
    );
}
