//! One step of `backcheck serve` under load (issue 26): the real binary on
//! a loopback port, 100 clients at once, each on its own kept-alive
//! connection posting the same step (the answers field of a walk eleven
//! answers in, and the next answer) as fast as it is answered. Then the
//! same clients fetching the style sheet, a static file the same server
//! returns from memory: the ratio says what a step costs beyond HTTP.
//! Targets: a median of at most 2 ms, a p99 of at most 10 ms, at least
//! 2,000 steps a second; the server's memory is read before and after.
//!
//!   cargo bench --bench serve                  (10 s a phase)
//!   BENCH_SECONDS=300 cargo bench --bench serve  (memory over 5 minutes)
//!
//! Only 127.0.0.1 is reached; every loop ends at its deadline.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

const CLIENTS: usize = 100;

/// The target's steps a second, the load at which a step's time is taken.
const TARGET_RATE: f64 = 2000.0;

/// The first eleven answers of a walk (`man of 34, simple strain`); the
/// step answers the twelfth question, the history screen, "None of these".
const ANSWERS: &str = "opening=self_pain,back_pain=yes,how_old=34,pregnancy=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_symptoms=no,fainting=no,confusion=no,fever=no";

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

fn start() -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_backcheck"))
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("backcheck serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("its output"))
        .read_line(&mut line)
        .expect("it names its address");
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, address }
}

/// The server's resident memory, in KiB.
fn resident_kib(server: &Server) -> u64 {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .unwrap_or(0)
}

/// One request on a kept-alive connection: the status and the body.
fn exchange(
    stream: &mut TcpStream,
    reader: &mut BufReader<TcpStream>,
    request: &[u8],
) -> (u16, Vec<u8>) {
    stream.write_all(request).expect("request sent");
    let mut line = String::new();
    reader.read_line(&mut line).expect("status line");
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line).expect("header");
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().expect("a length");
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("body");
    (status, body)
}

fn connect(address: &str) -> (TcpStream, BufReader<TcpStream>) {
    let stream = TcpStream::connect(address).expect("connects");
    stream.set_nodelay(true).expect("nodelay");
    let reader = BufReader::new(stream.try_clone().expect("a second handle"));
    (stream, reader)
}

/// What one phase measured.
struct Phase {
    latencies: Vec<Duration>,
    /// From when each request was written, not when it was due: a tail
    /// here that the other lacks is the clients waking late, not the server.
    written: Vec<Duration>,
    elapsed: Duration,
}

impl Phase {
    fn at(&self, fraction: f64) -> Duration {
        at(&self.latencies, fraction)
    }
    fn per_second(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }
}

/// `CLIENTS` clients sending `request` until `length` has passed; each
/// answer must be a 200 whose body holds `expect`. With a `rate`, the
/// clients together send that many a second, each on a fixed schedule, and
/// a request's time runs from when it was due (a late one counts its wait);
/// without, each sends again as soon as it is answered.
fn phase(
    address: &str,
    request: &[u8],
    expect: &'static str,
    length: Duration,
    rate: Option<f64>,
) -> Phase {
    let barrier = Arc::new(Barrier::new(CLIENTS + 1));
    let request: Arc<[u8]> = request.into();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (barrier, request, address) =
                (barrier.clone(), request.clone(), address.to_string());
            thread::spawn(move || {
                let (mut stream, mut reader) = connect(&address);
                let mut latencies = Vec::new();
                let mut written = Vec::new();
                let every = rate.map(|rate| Duration::from_secs_f64(CLIENTS as f64 / rate));
                barrier.wait();
                let start = Instant::now();
                let end = start + length;
                // Spread over the first interval, so the clients do not send together.
                let mut due = start + every.unwrap_or_default() * client as u32 / CLIENTS as u32;
                while Instant::now() < end {
                    let sent = match every {
                        Some(every) => {
                            let now = Instant::now();
                            if due > now {
                                thread::sleep(due - now);
                            }
                            let sent = due;
                            due += every;
                            sent
                        }
                        None => Instant::now(),
                    };
                    let writing = Instant::now();
                    let (status, body) = exchange(&mut stream, &mut reader, &request);
                    latencies.push(sent.elapsed());
                    written.push(writing.elapsed());
                    assert_eq!(status, 200);
                    assert!(
                        body.windows(expect.len()).any(|w| w == expect.as_bytes()),
                        "the answer lacks {expect:?}"
                    );
                }
                (latencies, written)
            })
        })
        .collect();
    barrier.wait();
    let started = Instant::now();
    let (mut latencies, mut written): (Vec<Duration>, Vec<Duration>) = (Vec::new(), Vec::new());
    for client in clients {
        let (due, sent) = client.join().expect("a client ran");
        latencies.extend(due);
        written.extend(sent);
    }
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    written.sort_unstable();
    Phase {
        latencies,
        written,
        elapsed,
    }
}

/// The latency at `fraction` of the way through `sorted`.
fn at(sorted: &[Duration], fraction: f64) -> Duration {
    let last = sorted.len() - 1;
    sorted[((last as f64) * fraction).round() as usize]
}

fn report(name: &str, phase: &Phase) {
    println!(
        "  {name:<7} {:>8} requests  median {:>7.3} ms  p99 {:>7.3} ms  max {:>7.3} ms  {:>8.0} /s",
        phase.latencies.len(),
        phase.at(0.5).as_secs_f64() * 1e3,
        phase.at(0.99).as_secs_f64() * 1e3,
        phase
            .latencies
            .last()
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
            * 1e3,
        phase.per_second(),
    );
}

fn main() {
    // `cargo test --benches` runs it with `--test`: building it is enough.
    if std::env::args().any(|a| a == "--test") {
        return;
    }
    let seconds: u64 = std::env::var("BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let length = Duration::from_secs(seconds);
    let server = start();
    let address = server.address.clone();

    // The knowledge's hash, from the first page's answers field.
    let (mut stream, mut reader) = connect(&address);
    let first = b"GET / HTTP/1.1\r\nHost: bench\r\n\r\n";
    let (_, page) = exchange(&mut stream, &mut reader, first);
    let page = String::from_utf8(page).expect("a page");
    let field = page.find("name=\"state\" value=\"").expect("a field") + 20;
    let hash = &page[field..field + page[field..].find('|').expect("a hash")];
    let body = format!(
        "state={hash}%7C{}&many=none&multiple=1",
        ANSWERS.replace(',', "%2C")
    );
    let step = format!(
        "POST /step HTTP/1.1\r\nHost: bench\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let (status, answer) = exchange(&mut stream, &mut reader, step.as_bytes());
    let answer = String::from_utf8(answer).expect("a page");
    assert_eq!(status, 200, "{answer}");
    assert!(answer.contains("<h1>Question 13</h1>"), "{answer}");
    let style = b"GET /style.css HTTP/1.1\r\nHost: bench\r\n\r\n";
    drop((stream, reader));

    println!(
        "backcheck serve, {CLIENTS} clients on loopback, {seconds} s a phase (one step: {} bytes in, {} bytes out)",
        step.len(),
        answer.len()
    );
    let step = step.as_bytes();
    let page = "<h1>Question 13</h1>";
    let before = resident_kib(&server);
    phase(&address, step, page, Duration::from_secs(1), None);
    let warm = resident_kib(&server);
    // As fast as the server answers: the most steps a second.
    let most = phase(&address, step, page, length, None);
    let files = phase(&address, style, "box-sizing", length, None);
    // At the target's load: the time one step takes.
    let paced = phase(&address, step, page, length, Some(TARGET_RATE));
    let paced_files = phase(&address, style, "box-sizing", length, Some(TARGET_RATE));
    let after = resident_kib(&server);
    println!("as fast as answered (each client sends again at once):");
    report("step", &most);
    report("static", &files);
    println!(
        "  static/step throughput {:.2}",
        files.per_second() / most.per_second()
    );
    println!("at {TARGET_RATE} requests a second in all (each client every 50 ms):");
    report("step", &paced);
    report("static", &paced_files);
    println!(
        "  from when written, not when due: step p99 {:.3} ms, static p99 {:.3} ms",
        at(&paced.written, 0.99).as_secs_f64() * 1e3,
        at(&paced_files.written, 0.99).as_secs_f64() * 1e3,
    );
    println!(
        "  step/static: median {:.2}, p99 {:.2}",
        paced.at(0.5).as_secs_f64() / paced_files.at(0.5).as_secs_f64(),
        paced.at(0.99).as_secs_f64() / paced_files.at(0.99).as_secs_f64(),
    );
    println!(
        "server memory (RSS): {before} KiB at start, {warm} KiB after 1 s of warm-up, {after} KiB after {} s more",
        seconds * 4
    );
    let verdict = |ok: bool| if ok { "pass" } else { "MISS" };
    println!(
        "targets: median <= 2 ms {}, p99 <= 10 ms {}, >= 2000 steps/s {}",
        verdict(paced.at(0.5) <= Duration::from_millis(2)),
        verdict(paced.at(0.99) <= Duration::from_millis(10)),
        verdict(most.per_second() >= TARGET_RATE),
    );
}
