//! The `backcheck` command line: parses arguments, loads the knowledge and
//! hands over to the library. One subcommand, one small function.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use backcheck::check::run_cases;
use backcheck::compile::{AnswerValue, Flow, compile};
use backcheck::diagnostic::{did_you_mean, render_all};
use backcheck::engine::{Current, SavedSession, Session};
use backcheck::repl::{ChatOptions, Conversation, EditorLines, PipedLines, write_atomic};
use backcheck::report::{Audience, RunJson, markdown_report, outcome_text};
use backcheck::source::KnowledgeSource;

/// Exit codes (DESIGN.md): the knowledge has errors, a case failed.
const FAILED: u8 = 1;
/// Usage or input error: unknown id, invalid answer, unreadable file.
const BAD_INPUT: u8 = 2;
/// `run` was given too few answers.
const INCOMPLETE: u8 = 3;

/// Should I massage this lower back? A rule-based screening assistant.
///
/// Not a diagnosis. With no subcommand it starts the conversation on the
/// built-in knowledge.
#[derive(Parser)]
#[command(name = "backcheck", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Talk through an assessment, one question at a time (the default).
    Chat(ChatArgs),
    /// One assessment from answers given up front, no prompts.
    Run {
        /// `id=value` pairs separated by commas: yes/no/unsure, an answer id,
        /// `a+b` for several choices, a number.
        #[arg(long, value_name = "ID=VALUE,...")]
        answers: String,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        #[arg(long, value_name = "DIR")]
        knowledge: Option<PathBuf>,
        /// Also write a Markdown report of the assessment here.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
    /// Parse and compile a knowledge folder; report every error.
    Check {
        /// The folder (default: the built-in knowledge).
        dir: Option<PathBuf>,
    },
    /// Run the cases written in a knowledge folder.
    Test {
        /// The folder (default: the built-in knowledge).
        dir: Option<PathBuf>,
    },
}

#[derive(clap::Args, Default)]
struct ChatArgs {
    /// Who is reading: plain words, or clinical wording and findings.
    #[arg(long, default_value = "lay", value_parser = ["lay", "therapist"])]
    audience: String,
    /// A knowledge folder to use instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    knowledge: Option<PathBuf>,
    /// Continue a session saved with `save FILE`.
    #[arg(long, value_name = "FILE")]
    resume: Option<PathBuf>,
    /// With --resume: replay a session saved with other knowledge, stopping at
    /// the first answer that no longer fits.
    #[arg(long, requires = "resume")]
    force: bool,
    /// Write a Markdown report of the session here when it ends.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// Keep the line-editor history in this file (off by default: answers are health data).
    #[arg(long, value_name = "FILE")]
    history: Option<PathBuf>,
}

/// Why the command stopped: a message for stderr and the exit code.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn new(code: u8, message: impl Into<String>) -> Failure {
        Failure {
            code,
            message: message.into(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if std::env::var_os("NO_COLOR").is_some() || !io::stdout().is_terminal() {
        colored::control::set_override(false);
    }
    let result = match cli.command {
        None => chat(&ChatArgs::default()),
        Some(Command::Chat(args)) => chat(&args),
        Some(Command::Run {
            answers,
            json,
            knowledge,
            report,
        }) => run(&answers, json, knowledge.as_deref(), report.as_deref()),
        Some(Command::Check { dir }) => check(dir.as_deref()),
        Some(Command::Test { dir }) => test(dir.as_deref()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("{}", failure.message.trim_end());
            }
            ExitCode::from(failure.code)
        }
    }
}

/// Reads and compiles the knowledge; diagnostics go to stderr.
fn load(dir: Option<&Path>) -> Result<Flow, Failure> {
    let source = match dir {
        Some(dir) => KnowledgeSource::from_dir(dir)
            .map_err(|error| Failure::new(BAD_INPUT, format!("error: {error}")))?,
        None => KnowledgeSource::embedded(),
    };
    compile(&source).map_err(|errors| {
        let color = io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let count = errors.len();
        let plural = if count == 1 { "" } else { "s" };
        Failure::new(
            FAILED,
            format!(
                "{}\nerror: the knowledge has {count} error{plural}",
                render_all(&errors, &source.files, color)
            ),
        )
    })
}

fn chat(args: &ChatArgs) -> Result<u8, Failure> {
    let flow = load(args.knowledge.as_deref())?;
    let options = ChatOptions {
        audience: args.audience.parse().unwrap_or_default(),
    };
    let session = match &args.resume {
        Some(file) => resume(&flow, file, args.force)?,
        None => Session::new(&flow),
    };
    let stdout = io::stdout();
    let mut conversation = Conversation::resume(session, options, stdout.lock());
    let result = if io::stdin().is_terminal() {
        let mut lines = EditorLines::new(args.history.as_deref()).map_err(|error| {
            Failure::new(
                BAD_INPUT,
                format!("error: cannot use the terminal: {error}"),
            )
        })?;
        let result = conversation.run(&mut lines);
        lines.save_history();
        result
    } else {
        conversation.run(&mut PipedLines::new(io::stdin().lock()))
    };
    if let Some(file) = &args.report {
        write_report(conversation.session(), options.audience, file)?;
    }
    match result {
        Ok(()) => Ok(0),
        // A closed stdout (e.g. piped into `head`) is a normal way to stop.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(0),
        Err(error) => Err(Failure::new(BAD_INPUT, format!("error: {error}"))),
    }
}

/// Reads a saved session and replays it. The file is only read, never changed.
fn resume<'f>(flow: &'f Flow, file: &Path, force: bool) -> Result<Session<'f>, Failure> {
    let cannot = |reason: String| {
        Failure::new(
            BAD_INPUT,
            format!("error: cannot resume {}: {reason}", file.display()),
        )
    };
    let text = std::fs::read(file).map_err(|error| cannot(error.to_string()))?;
    let saved: SavedSession = serde_json::from_slice(&text)
        .map_err(|error| cannot(format!("it is not a backcheck session file ({error})")))?;
    let (session, not_replayed) = saved
        .resume(flow, force)
        .map_err(|error| cannot(error.to_string()))?;
    eprintln!(
        "Resumed {} answer(s) from {}.",
        session.answered(),
        file.display()
    );
    if !not_replayed.is_empty() {
        let names: Vec<String> = not_replayed
            .iter()
            .map(|a| format!("{}={}", a.question, a.answer))
            .collect();
        eprintln!(
            "These saved answers no longer fit the knowledge and were not used: {}",
            names.join(", ")
        );
    }
    Ok(session)
}

fn write_report(session: &Session, audience: Audience, file: &Path) -> Result<(), Failure> {
    let report = markdown_report(session, audience, std::time::SystemTime::now());
    write_atomic(file, report.as_bytes()).map_err(|error| {
        Failure::new(
            BAD_INPUT,
            format!(
                "error: cannot write the report to {}: {error}",
                file.display()
            ),
        )
    })
}

fn run(
    answers: &str,
    json: bool,
    knowledge: Option<&Path>,
    report: Option<&Path>,
) -> Result<u8, Failure> {
    let flow = load(knowledge)?;
    let given = parse_answers(&flow, answers)?;
    let session = Session::replay(&flow, &given);
    if let Some(file) = report {
        write_report(&session, Audience::Lay, file)?;
    }
    let mut out = io::stdout().lock();
    let code = if session.is_complete() { 0 } else { INCOMPLETE };
    if json {
        let text = serde_json::to_string_pretty(&RunJson::of(&session))
            .map_err(|error| Failure::new(BAD_INPUT, format!("error: {error}")))?;
        let _ = writeln!(out, "{text}");
        return Ok(code);
    }
    match session.current() {
        Current::Outcome { .. } => {
            let _ = write!(out, "{}", outcome_text(&session, Audience::Lay));
            Ok(0)
        }
        Current::Question {
            index, question, ..
        } => Err(Failure::new(
            INCOMPLETE,
            format!(
                "incomplete: the next question is `{}`: {}\nvalid answers: {}",
                flow.short_id(index),
                question.ask,
                question.valid_answers().join(", ")
            ),
        )),
    }
}

/// `id=value,id=a+b,...` -> answers by question.
fn parse_answers(flow: &Flow, text: &str) -> Result<HashMap<usize, AnswerValue>, Failure> {
    let mut given = HashMap::new();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((id, value)) = pair.split_once('=') else {
            return Err(Failure::new(
                BAD_INPUT,
                format!("error: `{pair}` is not of the form id=value"),
            ));
        };
        let id = id.trim();
        let Some(index) = flow.find(id) else {
            let hint = did_you_mean(id, flow.ids())
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            return Err(Failure::new(
                BAD_INPUT,
                format!("error: unknown question `{id}`{hint}"),
            ));
        };
        let Some(question) = flow.question(index) else {
            return Err(Failure::new(
                BAD_INPUT,
                format!("error: `{id}` is not a question"),
            ));
        };
        let value = question
            .interpret(&value.replace('+', ","))
            .map_err(|error| Failure::new(BAD_INPUT, format!("error: {id}={value}: {error}")))?;
        given.insert(index, value);
    }
    Ok(given)
}

fn check(dir: Option<&Path>) -> Result<u8, Failure> {
    let flow = load(dir)?;
    let count = |want: fn(&backcheck::compile::NodeKind) -> bool| {
        flow.nodes.iter().filter(|n| want(&n.kind)).count()
    };
    use backcheck::compile::NodeKind;
    println!(
        "ok: {} {} ({}): {} questions, {} decide nodes, {} outcomes, {} facts, {} invariants, {} cases",
        flow.meta.name,
        flow.meta.version,
        flow.meta.hash,
        count(|k| matches!(k, NodeKind::Question(_))),
        count(|k| matches!(k, NodeKind::Decide(_))),
        count(|k| matches!(k, NodeKind::Outcome(_))),
        flow.facts.len(),
        flow.invariants.len(),
        flow.cases.len()
    );
    Ok(0)
}

fn test(dir: Option<&Path>) -> Result<u8, Failure> {
    let flow = load(dir)?;
    let results = run_cases(&flow);
    let failed = results.iter().filter(|r| !r.passed()).count();
    for result in &results {
        if result.passed() {
            println!("ok   {}", result.name);
        } else {
            println!("FAIL {}", result.name);
            for failure in &result.failures {
                println!("     {failure}");
            }
            println!("     path: {}", result.path.join(","));
        }
    }
    println!("{} passed, {failed} failed", results.len() - failed);
    Ok(if failed == 0 { 0 } else { FAILED })
}
