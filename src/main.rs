//! The `backcheck` command line: parses arguments, loads the knowledge and
//! hands over to the library. One subcommand, one small function.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use backcheck::check::run_cases;
use backcheck::compile::Difficulty;
use backcheck::compile::{AnswerValue, Flow, NodeId, compile};
use backcheck::diagnostic::{did_you_mean, render_all};
use backcheck::engine::{Current, SavedSession, Session, understand};
use backcheck::file_read::{ReadError, SESSION_FILE_LIMIT, read_bounded};
use backcheck::file_write::{IfExists, check_writable, write_file};
use backcheck::printable::{NAME, PATH, SENTENCE, printable, printable_list};
use backcheck::rehearse::{
    History, HistoryError, MAX_DRILL_ITEMS, RehearseOptions, Topic, VignetteFilter, listing,
    missed_vignettes, read_lines, rehearse as rehearse_rounds, review_text,
};
use backcheck::repl::{ChatOptions, Conversation};
use backcheck::report::{Audience, RunJson, markdown_report, outcome_text};
use backcheck::source::KnowledgeSource;
use backcheck::terminal::{EditorLines, LineSource, PipedLines};

/// Exit codes (README.md, docs/architecture.md): the knowledge has errors, a case failed.
const FAILED: u8 = 1;
/// Usage or input error: unknown id, invalid answer, unreadable file.
const BAD_INPUT: u8 = 2;
/// `run` was given too few answers.
const INCOMPLETE: u8 = 3;
/// The output was closed before everything was written (e.g. piped into
/// `head`): the status of a program ended by SIGPIPE, as the shell reports it.
const CLOSED_OUTPUT: u8 = 128 + 13;

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
    /// Therapist practice: client vignettes, scored reasoning, a nerve-root drill.
    Rehearse(RehearseArgs),
    /// One assessment from answers given up front, no prompts.
    Run {
        /// `id=value` pairs separated by commas: yes/no/unsure, an answer id,
        /// `a+b` for several choices, a number.
        #[arg(long, value_name = "ID=VALUE,...")]
        answers: String,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        knowledge: KnowledgeArg,
        /// Also write a Markdown report of the assessment here.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Replace the --report file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Parse and compile a knowledge folder; report every error.
    Check {
        #[command(flatten)]
        folder: FolderArg,
        /// Fail (exit 1) when there are warnings.
        #[arg(long)]
        deny_warnings: bool,
        /// How to write the diagnostics: for people, or one JSON document for tools.
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
    },
    /// An author's whole loop in one: check, verify, test and fmt --check,
    /// with one exit code (0 only when all four pass).
    Author {
        #[command(flatten)]
        folder: FolderArg,
    },
    /// Prove every invariant on every path, or show a counter-example.
    Verify {
        #[command(flatten)]
        folder: FolderArg,
    },
    /// Run the cases written in a knowledge folder.
    Test {
        #[command(flatten)]
        folder: FolderArg,
    },
    /// Plant every safety-relevant slip (an urgency lowered, a red flag
    /// rerouted, a `set` dropped, a comparison flipped, decide arms swapped)
    /// one at a time, and report the ones check, verify and test all miss.
    Mutate {
        #[command(flatten)]
        folder: FolderArg,
    },
    /// Print the question graph: DOT, Mermaid or JSON (docs/graph-json.md).
    ///
    /// For a picture, Graphviz draws the DOT export with sections as boxes:
    /// `backcheck graph | dot -Tsvg > graph.svg`.
    Graph {
        /// The language to draw in.
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
        #[command(flatten)]
        knowledge: KnowledgeArg,
    },
    /// A language server on stdin and stdout, for editors (editors/README.md).
    Lsp {
        /// The knowledge folder of the files under it (default: the folder
        /// each file is in).
        #[arg(long, value_name = "DIR")]
        knowledge: Option<PathBuf>,
        /// Accepted and ignored: editors pass it to say the channel.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Lay out .flow files in the one canonical style, in place.
    Fmt {
        /// Change nothing; list the files that would change and exit 1 if any.
        #[arg(long)]
        check: bool,
        /// Every .flow file of this knowledge folder (as if named in PATHS).
        #[arg(long, value_name = "DIR")]
        knowledge: Option<PathBuf>,
        /// Files or folders (default: every .flow file under ./knowledge).
        paths: Vec<PathBuf>,
    },
}

/// `--knowledge DIR`: the one way every command names a knowledge folder.
#[derive(clap::Args, Default)]
struct KnowledgeArg {
    /// A knowledge folder to use instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    knowledge: Option<PathBuf>,
}

impl KnowledgeArg {
    fn dir(&self) -> Option<&Path> {
        self.knowledge.as_deref()
    }
}

/// `--knowledge DIR`, or the folder written alone as check, verify and
/// test have always taken it (`backcheck check DIR`).
#[derive(clap::Args)]
struct FolderArg {
    /// A knowledge folder to use instead of the built-in one.
    #[arg(long, value_name = "DIR")]
    knowledge: Option<PathBuf>,
    /// The same as --knowledge DIR.
    #[arg(value_name = "DIR", conflicts_with = "knowledge")]
    dir: Option<PathBuf>,
}

impl FolderArg {
    fn dir(&self) -> Option<&Path> {
        self.knowledge.as_deref().or(self.dir.as_deref())
    }
}

/// `rehearse --difficulty`.
#[derive(Clone, Copy, ValueEnum)]
enum DifficultyArg {
    Easy,
    Medium,
    Hard,
}

impl From<DifficultyArg> for Difficulty {
    fn from(arg: DifficultyArg) -> Difficulty {
        match arg {
            DifficultyArg::Easy => Difficulty::Easy,
            DifficultyArg::Medium => Difficulty::Medium,
            DifficultyArg::Hard => Difficulty::Hard,
        }
    }
}

/// `check --format`: diagnostics for people or for tools.
#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Quoted source lines with a caret, on stderr.
    Text,
    /// One JSON document on stdout: `{"ok", "errors", "warnings", "diagnostics": [...]}`.
    Json,
}

/// `graph --format`: the picture's language.
#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// The stable export of docs/graph-json.md.
    Json,
    /// No longer drawn by backcheck: says how to get it from the DOT export.
    #[value(hide = true)]
    Svg,
}

/// `backcheck rehearse`: practice rounds on the vignettes, or the root drill.
#[derive(clap::Args)]
#[command(after_help = backcheck::rehearse::SCORING_HELP)]
struct RehearseArgs {
    /// List the vignettes (id, title, difficulty, topic), sorted by difficulty
    /// (easy first) then id, and stop. With --json, a JSON array of objects.
    #[arg(long, conflicts_with_all = ["history", "review", "drill", "vignette"])]
    list: bool,
    /// Play only this vignette.
    #[arg(long, value_name = "ID")]
    vignette: Option<String>,
    /// Shuffle the vignettes (or drill items) reproducibly with this seed.
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Print a JSON score summary on stdout (the conversation goes to stderr);
    /// with --list, the list as JSON.
    #[arg(long)]
    json: bool,
    /// The nerve-root drill (L4, L5, S1) instead of vignettes, with this many
    /// items: generated from 001's root table (single findings, findings that
    /// agree, findings that conflict, a root to match with its finding),
    /// options shuffled per --seed.
    #[arg(long, value_name = "ITEMS", num_args = 0..=1, default_missing_value = "6")]
    drill: Option<usize>,
    /// Only vignettes of this difficulty (also for --list and --review).
    #[arg(long, value_enum)]
    difficulty: Option<DifficultyArg>,
    /// Only vignettes on this topic (also for --list and --review). The topic
    /// is the kind of outcome the graph reaches with the client's answers; a
    /// routine referral reached from the nerve checks is `nerve-root`.
    #[arg(long, value_enum)]
    topic: Option<Topic>,
    /// Record every round in this file, one JSON line each (off by default:
    /// nothing is written unless asked). An existing history is added to; a
    /// file that is not one is refused. Private (0600), links not followed.
    #[arg(long, value_name = "FILE")]
    history: Option<PathBuf>,
    /// Show the progress recorded in --history (means per week, per ten rounds, per
    /// difficulty and topic, the costliest mistakes), then play again every
    /// vignette whose latest round scored below full marks.
    #[arg(long, requires = "history", conflicts_with_all = ["drill", "vignette"])]
    review: bool,
    #[command(flatten)]
    knowledge: KnowledgeArg,
}

#[derive(clap::Args, Default)]
struct ChatArgs {
    /// Who is reading: plain words, or clinical wording and findings.
    #[arg(long, value_enum, default_value_t = Audience::Lay)]
    audience: Audience,
    #[command(flatten)]
    knowledge: KnowledgeArg,
    /// Continue a session saved with `save FILE`.
    #[arg(long, value_name = "FILE")]
    resume: Option<PathBuf>,
    /// With --resume: replay a session saved with other knowledge, stopping at
    /// the first answer that no longer fits. With --report: replace that file
    /// if it exists.
    #[arg(long)]
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

/// Writing to the output failed. A closed output (piped into `head`, a
/// closed terminal) ends the command quietly with [`CLOSED_OUTPUT`].
impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        if error.kind() == io::ErrorKind::BrokenPipe {
            Failure::new(CLOSED_OUTPUT, "")
        } else {
            Failure::new(BAD_INPUT, format!("error: {error}"))
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Plain text also when the input is piped: a script is talking, not a person.
    if !colour_on(&io::stdout()) || !io::stdin().is_terminal() {
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
            force,
        }) => run(&answers, json, knowledge.dir(), report.as_deref(), force),
        Some(Command::Check {
            folder,
            deny_warnings,
            format: CheckFormat::Text,
        }) => check(folder.dir(), deny_warnings),
        Some(Command::Check {
            folder,
            deny_warnings,
            format: CheckFormat::Json,
        }) => check_json(folder.dir(), deny_warnings),
        Some(Command::Author { folder }) => author(folder.dir()),
        Some(Command::Verify { folder }) => verify(folder.dir()),
        Some(Command::Test { folder }) => test(folder.dir()),
        Some(Command::Mutate { folder }) => mutate(folder.dir()),
        Some(Command::Graph { format, knowledge }) => graph(format, knowledge.dir()),
        Some(Command::Fmt {
            check,
            knowledge,
            mut paths,
        }) => {
            paths.extend(knowledge);
            fmt(check, &paths)
        }
        Some(Command::Rehearse(args)) => rehearse(&args),
        Some(Command::Lsp { knowledge, .. }) => backcheck::lsp::run_stdio(knowledge)
            .map(|()| 0)
            .map_err(|error| Failure::new(FAILED, format!("error: {error}"))),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            if !failure.message.is_empty() {
                // A closed stderr leaves only the exit code to tell.
                let _ = writeln!(io::stderr(), "{}", failure.message.trim_end());
            }
            ExitCode::from(failure.code)
        }
    }
}

/// Whether text for `stream` gets colour: only on a terminal, and never
/// when NO_COLOR is set (no-color.org). The one place this is decided.
fn colour_on(stream: &impl IsTerminal) -> bool {
    std::env::var_os("NO_COLOR").is_none() && stream.is_terminal()
}

/// Reads and compiles the knowledge (the folder given, or the text built
/// into the binary); diagnostics go to stderr.
///
/// The graph lives as long as the process, so it is never freed: taking it
/// apart node by node at exit would cost a short run more than answering.
fn load(dir: Option<&Path>) -> Result<&'static Flow, Failure> {
    let source = knowledge_source(dir)?;
    let flow = compile(&source).map_err(|errors| {
        let color = colour_on(&io::stderr());
        let count = errors.len();
        let plural = if count == 1 { "" } else { "s" };
        Failure::new(
            FAILED,
            format!(
                "{}\nerror: the knowledge has {count} error{plural}",
                render_all(&errors, &source.files, color)
            ),
        )
    })?;
    Ok(Box::leak(Box::new(flow)))
}

/// The folder's files, or the text built into the binary.
fn knowledge_source(dir: Option<&Path>) -> Result<KnowledgeSource, Failure> {
    Ok(match dir {
        Some(dir) => KnowledgeSource::from_dir(dir).map_err(|error| {
            Failure::new(
                BAD_INPUT,
                format!("error: {}", printable(&error.to_string(), SENTENCE)),
            )
        })?,
        None => KnowledgeSource::embedded(),
    })
}

fn chat(args: &ChatArgs) -> Result<u8, Failure> {
    if args.force && args.resume.is_none() && args.report.is_none() {
        return Err(Failure::new(
            BAD_INPUT,
            "error: --force applies to --resume or --report; neither was given",
        ));
    }
    // Found out now, not after the whole conversation.
    if let Some(file) = &args.report {
        report_writable(file, args.force)?;
    }
    let flow = load(args.knowledge.dir())?;
    let options = ChatOptions {
        audience: args.audience,
        ..ChatOptions::default()
    };
    let session = match &args.resume {
        Some(file) => resume(flow, file, args.force)?,
        None => Session::new(flow),
    };
    let stdout = io::stdout();
    let mut conversation = Conversation::resume(session, options, stdout.lock());
    let result = if io::stdin().is_terminal() {
        let mut lines = EditorLines::new(args.history.as_deref()).map_err(|error| {
            Failure::new(BAD_INPUT, format!("error: {}", printable(&error, SENTENCE)))
        })?;
        let result = conversation.run(&mut lines);
        if let Err(error) = lines.save_history() {
            let _ = writeln!(io::stderr(), "{}", printable(&error, SENTENCE));
        }
        result
    } else {
        conversation.run(&mut PipedLines::new(io::stdin().lock()))
    };
    if let Some(file) = &args.report {
        write_report(conversation.session(), options.audience, file, args.force)?;
    }
    result?;
    Ok(0)
}

/// Reads a saved session and replays it. The file is only read, never changed.
fn resume<'f>(flow: &'f Flow, file: &Path, force: bool) -> Result<Session<'f>, Failure> {
    let shown = printable(&file.display().to_string(), PATH);
    let cannot = |reason: String| {
        Failure::new(
            BAD_INPUT,
            format!(
                "error: cannot resume {shown}: {}",
                printable(&reason, SENTENCE)
            ),
        )
    };
    let text = read_bounded(file, SESSION_FILE_LIMIT).map_err(|error| match error {
        ReadError::Io { error, .. } => cannot(error.to_string()),
        ReadError::NotRegular { .. } => {
            cannot("it is not a regular file (a folder, a pipe or a device?)".into())
        }
        ReadError::TooLarge { limit, .. } => cannot(format!(
            "it is larger than {} MiB, more than a saved session holds",
            limit >> 20
        )),
    })?;
    let saved: SavedSession = serde_json::from_slice(&text).map_err(|error| {
        // serde's own words ("invalid type: integer, expected a string")
        // are for programmers; the place is what helps.
        cannot(format!(
            "it is not a backcheck session file (unexpected content at line {}, column {})",
            error.line(),
            error.column()
        ))
    })?;
    let (session, not_replayed) = saved
        .resume(flow, force)
        .map_err(|error| cannot(error.to_string()))?;
    let mut err = io::stderr().lock();
    writeln!(
        err,
        "Resumed {} answer(s) from {shown}.",
        session.answered()
    )?;
    if !not_replayed.is_empty() {
        let names: Vec<String> = not_replayed
            .iter()
            .map(|a| format!("{}={}", a.question, a.answer))
            .collect();
        writeln!(
            err,
            "These saved answers no longer fit the knowledge and were not used: {}",
            printable_list(names.iter().map(String::as_str), 10)
        )?;
    }
    Ok(session)
}

/// Whether the report can be written, asked before the work that makes it.
fn report_writable(file: &Path, force: bool) -> Result<(), Failure> {
    let if_exists = if force {
        IfExists::Replace
    } else {
        IfExists::Refuse
    };
    check_writable(file, if_exists).map_err(|error| report_failure(file, &error))
}

fn report_failure(file: &Path, error: &backcheck::file_write::WriteError) -> Failure {
    let hint = match error {
        backcheck::file_write::WriteError::Exists => " (--force replaces it)",
        _ => "",
    };
    Failure::new(
        BAD_INPUT,
        format!(
            "error: cannot write the report to {}: {}{hint}",
            printable(&file.display().to_string(), PATH),
            printable(&error.to_string(), SENTENCE)
        ),
    )
}

fn write_report(
    session: &Session,
    audience: Audience,
    file: &Path,
    force: bool,
) -> Result<(), Failure> {
    let report = markdown_report(session, audience, std::time::SystemTime::now());
    let if_exists = if force {
        IfExists::Replace
    } else {
        IfExists::Refuse
    };
    write_file(file, report.as_bytes(), if_exists).map_err(|error| report_failure(file, &error))
}

fn run(
    answers: &str,
    json: bool,
    knowledge: Option<&Path>,
    report: Option<&Path>,
    force: bool,
) -> Result<u8, Failure> {
    if let Some(file) = report {
        report_writable(file, force)?;
    }
    let flow = load(knowledge)?;
    let given = parse_answers(flow, answers)?;
    // Answers the walk does not reach are kept: a warning sign told there is
    // still shown with the result.
    let session = Session::from_answers(flow, &given);
    report_unused(flow, &session, &given)?;
    if let Some(file) = report {
        write_report(&session, Audience::Lay, file, force)?;
    }
    let mut out = io::stdout().lock();
    let code = if session.is_complete() { 0 } else { INCOMPLETE };
    if json {
        let text = serde_json::to_string_pretty(&RunJson::of(&session))
            .map_err(|error| Failure::new(BAD_INPUT, format!("error: {error}")))?;
        writeln!(out, "{text}")?;
        return Ok(code);
    }
    match session.current() {
        Current::Outcome { .. } => {
            write!(out, "{}", outcome_text(&session, Audience::Lay))?;
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
fn parse_answers(flow: &Flow, text: &str) -> Result<HashMap<NodeId, AnswerValue>, Failure> {
    let mut given = HashMap::new();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let not_a_pair = || {
            Failure::new(
                BAD_INPUT,
                format!(
                    "error: `{}` is not of the form id=value",
                    printable(pair, NAME)
                ),
            )
        };
        let Some((id, value)) = pair.split_once('=') else {
            return Err(not_a_pair());
        };
        let id = id.trim();
        if id.is_empty() {
            return Err(not_a_pair());
        }
        let shown = printable(id, NAME);
        let Some(index) = flow.find(id) else {
            return Err(Failure::new(
                BAD_INPUT,
                format!("error: {}", unknown_question(flow, id)),
            ));
        };
        let Some(question) = flow.question(index) else {
            return Err(Failure::new(
                BAD_INPUT,
                format!("error: `{shown}` is not a question"),
            ));
        };
        // Read as the chat reads it, so `run` and the chat agree on every answer.
        let value = understand(flow.node(index), question, value)
            .map_err(|error| {
                // A script names answers by id: list them after the words.
                Failure::new(
                    BAD_INPUT,
                    format!(
                        "error: {shown}={}: {}\nanswer ids: {}",
                        printable(value, NAME),
                        printable(&error.to_string(), SENTENCE),
                        question.valid_answers().join(", ")
                    ),
                )
            })?
            .into_value();
        if given.insert(index, value).is_some() {
            return Err(Failure::new(
                BAD_INPUT,
                format!("error: `{shown}` is answered twice; give each question one answer"),
            ));
        }
    }
    Ok(given)
}

/// Why `id` names no node: unknown (with a close name, if any), or a short
/// id that several files use (then the full ids, never itself as a hint).
fn unknown_question(flow: &Flow, id: &str) -> String {
    let shown = printable(id, NAME);
    let same_local: Vec<&str> = flow
        .nodes
        .iter()
        .filter(|node| node.local() == id)
        .map(|node| node.id.as_str())
        .collect();
    if same_local.len() > 1 {
        return format!(
            "`{shown}` is ambiguous: it could be {}; give the full id",
            printable_list(same_local, 10)
        );
    }
    let hint = did_you_mean(id, flow.ids().filter(|known| *known != id))
        .map(|h| format!(" ({})", printable(&h, SENTENCE)))
        .unwrap_or_default();
    format!("unknown question `{shown}`{hint}")
}

/// Answers given for questions the walk did not reach are not silently
/// dropped: they are named on stderr (the result stands without them).
fn report_unused(
    flow: &Flow,
    session: &Session,
    given: &HashMap<NodeId, AnswerValue>,
) -> Result<(), Failure> {
    let used: std::collections::HashSet<NodeId> = session.answers().map(|(q, _)| q).collect();
    let mut unused: Vec<NodeId> = given
        .keys()
        .copied()
        .filter(|q| !used.contains(q))
        .collect();
    if unused.is_empty() {
        return Ok(());
    }
    unused.sort_unstable();
    let names: Vec<&str> = unused.iter().map(|&q| flow.short_id(q)).collect();
    let count = names.len();
    writeln!(
        io::stderr(),
        "note: {count} answer{} not used, as {} not on this path: {}",
        if count == 1 { " was" } else { "s were" },
        if count == 1 {
            "its question is"
        } else {
            "their questions are"
        },
        printable_list(names, 10)
    )?;
    Ok(())
}

fn check(dir: Option<&Path>, deny_warnings: bool) -> Result<u8, Failure> {
    let flow = load(dir)?;
    audit(flow, backcheck::check::audit(flow))?;
    warn(flow, deny_warnings)?;
    let count = |want: fn(&backcheck::compile::NodeKind) -> bool| {
        flow.nodes.iter().filter(|n| want(&n.kind)).count()
    };
    use backcheck::compile::NodeKind;
    writeln!(
        io::stdout(),
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
    )?;
    Ok(0)
}

/// `check --format json`: every diagnostic (compile errors, or the errors
/// analysis finds and the lints) as one JSON document on stdout.
fn check_json(dir: Option<&Path>, deny_warnings: bool) -> Result<u8, Failure> {
    let source = knowledge_source(dir)?;
    let (diagnostics, files) = match compile(&source) {
        Err(errors) => (errors, source.files.clone()),
        Ok(flow) => {
            let mut all = backcheck::check::audit(&flow);
            all.extend(backcheck::check::lint(&flow));
            (all, flow.files.clone())
        }
    };
    writeln!(
        io::stdout(),
        "{}",
        backcheck::diagnostic::diagnostics_json(&diagnostics, &files)
    )?;
    let failed = diagnostics.iter().any(|d| d.is_error() || deny_warnings);
    Ok(if failed { FAILED } else { 0 })
}

/// `author`: check, verify, test and fmt --check, each reported, with one
/// exit code. Each step runs even when an earlier one failed, so one run
/// shows everything to fix; only knowledge that does not compile stops it.
fn author(dir: Option<&Path>) -> Result<u8, Failure> {
    let step = |name: &str, result: Result<u8, Failure>| -> Result<bool, Failure> {
        let passed = match result {
            Ok(0) => true,
            Ok(_) => false,
            Err(failure) if failure.code == CLOSED_OUTPUT => return Err(failure),
            Err(failure) => {
                if !failure.message.is_empty() {
                    let _ = writeln!(io::stderr(), "{}", failure.message);
                }
                false
            }
        };
        writeln!(
            io::stdout(),
            "{} {name}",
            if passed { "ok  " } else { "FAIL" }
        )?;
        Ok(passed)
    };
    let flow = load(dir)?;
    let checked = step("check", check(dir, false))?;
    let verified = step("verify", verify(dir))?;
    let tested = step("test", test(dir))?;
    let formatted = step("fmt --check", fmt_check_files(&flow.files))?;
    let all = checked && verified && tested && formatted;
    writeln!(
        io::stdout(),
        "{}",
        if all {
            "author: check, verify, test and fmt all pass"
        } else {
            "author: not ready; see FAIL above"
        }
    )?;
    Ok(if all { 0 } else { FAILED })
}

/// Lists the knowledge files the canonical layout would change.
fn fmt_check_files(files: &[backcheck::source::SourceFile]) -> Result<u8, Failure> {
    let mut out = io::stdout().lock();
    let mut failed = false;
    for file in files {
        match backcheck::syntax::format(&file.text) {
            Ok(formatted) if formatted == *file.text => {}
            Ok(_) => {
                writeln!(
                    out,
                    "{} is not laid out canonically: run `backcheck fmt`",
                    file.path
                )?;
                failed = true;
            }
            Err(_) => failed = true,
        }
    }
    Ok(if failed { FAILED } else { 0 })
}

/// The errors analysis finds beside the compiler's (a red flag nothing
/// guards, `check`; an invariant that proves nothing or a red flag's
/// urgency tag where its `yes` does not lead, `verify`): any fails.
fn audit(flow: &Flow, errors: Vec<backcheck::diagnostic::Diagnostic>) -> Result<(), Failure> {
    if errors.is_empty() {
        return Ok(());
    }
    let color = colour_on(&io::stderr());
    let count = errors.len();
    let plural = if count == 1 { "" } else { "s" };
    Err(Failure::new(
        FAILED,
        format!(
            "{}\nerror: the knowledge has {count} error{plural}",
            render_all(&errors, &flow.files, color)
        ),
    ))
}

/// Prints the lints; with `deny`, any warning fails the check.
fn warn(flow: &Flow, deny: bool) -> Result<(), Failure> {
    let warnings = backcheck::check::lint(flow);
    if warnings.is_empty() {
        return Ok(());
    }
    let color = colour_on(&io::stderr());
    let mut err = io::stderr().lock();
    // A closed stderr does not stop the check: its result is the exit code.
    let _ = writeln!(
        err,
        "{}",
        render_all(&warnings, &flow.files, color).trim_end()
    );
    let count = warnings.len();
    let plural = if count == 1 { "" } else { "s" };
    if deny {
        return Err(Failure::new(
            FAILED,
            format!("error: {count} warning{plural}, denied by --deny-warnings"),
        ));
    }
    let _ = writeln!(err, "warning: {count} warning{plural}");
    Ok(())
}

/// Proves every invariant on every path, without enumerating them.
fn verify(dir: Option<&Path>) -> Result<u8, Failure> {
    let flow = load(dir)?;
    let started = std::time::Instant::now();
    // The urgency tags first: a red flag tagged wrongly makes its order proof
    // mean something else. Vacuity (E024) is in each invariant's result.
    let tags = backcheck::check::tag_errors(flow)
        .map_err(|e| Failure::new(FAILED, format!("error: {e}")))?;
    let tags_failed = !tags.is_empty();
    if let Err(failure) = audit(flow, tags) {
        writeln!(io::stderr(), "{}", failure.message)?;
    }
    let verification =
        backcheck::check::verify(flow).map_err(|e| Failure::new(FAILED, format!("error: {e}")))?;
    let elapsed = started.elapsed();
    let mut out = io::stdout().lock();
    write!(out, "{}", verification.text(flow))?;
    let total = verification.invariants.len();
    let failed = verification
        .invariants
        .iter()
        .filter(|i| !i.passed())
        .count();
    writeln!(
        out,
        "{total} invariant{} over {} paths: {} held, {failed} failed in {:.1} ms",
        if total == 1 { "" } else { "s" },
        verification.paths,
        total - failed,
        elapsed.as_secs_f64() * 1000.0
    )?;
    let orders = verification.orders.len();
    let out_of_order = verification.orders.iter().filter(|o| !o.passed()).count();
    if orders > 0 {
        writeln!(
            out,
            "{orders} red flag{} in order: {} asked before every exit of lower urgency, {out_of_order} not",
            if orders == 1 { "" } else { "s" },
            orders - out_of_order
        )?;
    }
    let failed = failed + out_of_order;
    Ok(if failed == 0 && !tags_failed {
        0
    } else {
        FAILED
    })
}

fn test(dir: Option<&Path>) -> Result<u8, Failure> {
    let flow = load(dir)?;
    let results = run_cases(flow);
    let failed = results.iter().filter(|r| !r.passed()).count();
    let mut out = io::stdout().lock();
    for result in &results {
        if result.passed() {
            writeln!(out, "ok   {}", result.name)?;
        } else {
            writeln!(out, "FAIL {}: {}", location(flow, result.span), result.name)?;
            for failure in &result.failures {
                writeln!(out, "     {failure}")?;
            }
            writeln!(out, "     path: {}", result.path.join(","))?;
        }
    }
    writeln!(out, "{} passed, {failed} failed", results.len() - failed)?;
    Ok(if failed == 0 { 0 } else { FAILED })
}

/// Mutation testing: the score, then every survivor with its place.
fn mutate(dir: Option<&Path>) -> Result<u8, Failure> {
    let flow = load(dir)?;
    // Mutants of knowledge that already fails say nothing.
    let mut errors = backcheck::check::audit(flow);
    errors.extend(
        backcheck::check::proof_audit(flow)
            .map_err(|e| Failure::new(FAILED, format!("error: {e}")))?,
    );
    audit(flow, errors)?;
    let report = backcheck::check::mutate(flow);
    let mut out = io::stdout().lock();
    for (description, span) in &report.survivors {
        writeln!(out, "SURVIVED {}: {description}", location(flow, *span))?;
    }
    for (description, span, why) in &report.harmless {
        let why = match why {
            backcheck::check::Harmless::Equivalent => "equivalent: every outcome as before",
            backcheck::check::Harmless::SameVerdicts => {
                "not safety-relevant: every verdict as before"
            }
        };
        writeln!(
            out,
            "harmless {} ({why}): {description}",
            location(flow, *span)
        )?;
    }
    writeln!(
        out,
        "{} mutants, {} safety-relevant: {} killed, {} survived (score {:.1}%), {} harmless, in {:.1} s",
        report.mutants,
        report.relevant(),
        report.killed,
        report.survivors.len(),
        report.score(),
        report.harmless.len(),
        report.elapsed.as_secs_f64()
    )?;
    Ok(if report.survivors.is_empty() {
        0
    } else {
        FAILED
    })
}

/// `file:line:col` of a place in the knowledge, as diagnostics show it.
fn location(flow: &Flow, span: backcheck::diagnostic::Span) -> String {
    match flow.files.get(span.file()) {
        Some(file) => {
            let (line, col) = file.line_col(span.start());
            format!("{}:{line}:{col}", file.path)
        }
        None => "?".into(),
    }
}
/// Why `--format svg` is gone, and how to get the picture.
const NO_SVG: &str = "error: backcheck no longer draws SVG itself: its layout could not show \
sections or question text.\nGraphviz draws the DOT export with both: \
backcheck graph --format dot | dot -Tsvg > graph.svg";

fn graph(format: GraphFormat, knowledge: Option<&Path>) -> Result<u8, Failure> {
    use backcheck::report::{GraphJson, graph_dot, graph_mermaid};
    // Said before the knowledge is read: nothing it holds would change it.
    if matches!(format, GraphFormat::Svg) {
        return Err(Failure::new(BAD_INPUT, NO_SVG));
    }
    let flow = load(knowledge)?;
    let text = match format {
        GraphFormat::Dot => graph_dot(flow),
        GraphFormat::Mermaid => graph_mermaid(flow),
        GraphFormat::Json => serde_json::to_string_pretty(&GraphJson::of(flow))
            .map_err(|error| Failure::new(FAILED, format!("error: {error}")))?,
        GraphFormat::Svg => return Err(Failure::new(BAD_INPUT, NO_SVG)),
    };
    writeln!(io::stdout().lock(), "{}", text.trim_end())?;
    Ok(0)
}

/// Formats each file; with `check`, only lists those that would change.
fn fmt(check: bool, paths: &[PathBuf]) -> Result<u8, Failure> {
    use backcheck::file_read::KNOWLEDGE_FILE_LIMIT;
    use backcheck::source::flow_paths;
    use backcheck::syntax::format;
    let defaults = [PathBuf::from("knowledge")];
    let roots = if paths.is_empty() {
        &defaults[..]
    } else {
        paths
    };
    let files = flow_paths(roots).map_err(|error| {
        Failure::new(
            BAD_INPUT,
            format!("error: {}", printable(&error.to_string(), SENTENCE)),
        )
    })?;
    let color = colour_on(&io::stderr());
    let mut out = io::stdout().lock();
    let mut failed = false;
    for path in files {
        let shown = printable(&path.display().to_string(), PATH);
        let bytes = read_bounded(&path, KNOWLEDGE_FILE_LIMIT).map_err(|error| {
            Failure::new(
                BAD_INPUT,
                format!("error: {}", printable(&error.to_string(), SENTENCE)),
            )
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Failure::new(
                BAD_INPUT,
                format!("error: cannot read {shown}: it is not UTF-8 text"),
            )
        })?;
        if let Some((line, column, character)) = backcheck::source::find_hidden_character(&text) {
            return Err(Failure::new(
                BAD_INPUT,
                format!(
                    "error: {shown}:{line}:{column}: the invisible character U+{:04X} is not allowed in knowledge text; delete it",
                    u32::from(character)
                ),
            ));
        }
        let formatted = match format(&text) {
            Ok(formatted) => formatted,
            Err(diagnostic) => {
                let file = backcheck::source::SourceFile::new(shown.clone(), text);
                let _ = writeln!(
                    io::stderr(),
                    "{}",
                    render_all(&[diagnostic], &[file], color).trim_end()
                );
                failed = true;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        if check {
            writeln!(out, "{shown}")?;
            failed = true;
        } else {
            write_file(&path, formatted.as_bytes(), IfExists::ReplaceKeepingMode).map_err(
                |error| {
                    Failure::new(
                        BAD_INPUT,
                        format!(
                            "error: cannot write {shown}: {}",
                            printable(&error.to_string(), SENTENCE)
                        ),
                    )
                },
            )?;
            writeln!(out, "formatted {shown}")?;
        }
    }
    Ok(if failed { FAILED } else { 0 })
}

fn rehearse(args: &RehearseArgs) -> Result<u8, Failure> {
    let flow = load(args.knowledge.dir())?;
    if let Some(count) = args.drill
        && !(1..=MAX_DRILL_ITEMS).contains(&count)
    {
        return Err(Failure::new(
            BAD_INPUT,
            format!("error: --drill takes from 1 to {MAX_DRILL_ITEMS} items, not {count}"),
        ));
    }
    let filter = VignetteFilter {
        difficulty: args.difficulty.map(Difficulty::from),
        topic: args.topic,
    };
    if args.list {
        let listed = listing(flow, &filter);
        let mut out = io::stdout().lock();
        if args.json {
            let json = serde_json::to_string_pretty(&listed)
                .map_err(|error| Failure::new(BAD_INPUT, format!("error: {error}")))?;
            writeln!(out, "{json}")?;
        } else {
            for vignette in &listed {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    vignette.id, vignette.title, vignette.difficulty, vignette.topic
                )?;
            }
        }
        return Ok(0);
    }
    if let Some(id) = &args.vignette
        && !flow.vignettes.iter().any(|v| &v.id == id)
    {
        let hint = did_you_mean(id, flow.vignettes.iter().map(|v| v.id.as_str()))
            .map(|h| format!(" ({})", printable(&h, SENTENCE)))
            .unwrap_or_default();
        return Err(Failure::new(
            BAD_INPUT,
            format!(
                "error: no vignette `{}`{hint}; see `backcheck rehearse --list`",
                printable(id, NAME)
            ),
        ));
    }
    // A review needs rounds to review: a missing history is said first.
    let recorded = match (args.review, &args.history) {
        (true, Some(file)) => read_lines(file).map_err(|error| history_failure(file, &error))?,
        _ => Vec::new(),
    };
    // Checked before the first round: a bad name fails now, not after an hour of practice.
    let history = match &args.history {
        Some(file) => Some(History::open(file).map_err(|error| history_failure(file, &error))?),
        None => None,
    };
    let mut replay = None;
    if args.review {
        let rounds: Vec<_> = recorded
            .into_iter()
            .filter(|r| filter.keeps_recorded(r.difficulty.as_deref(), &r.topic))
            .collect();
        let missed: Vec<String> = missed_vignettes(&rounds)
            .into_iter()
            .filter(|id| flow.vignettes.iter().any(|v| &v.id == id))
            .collect();
        let mut text = review_text(&rounds);
        if rounds.is_empty() {
            text.push_str("\nNothing to replay yet: play some rounds with --history first.\n");
        } else if missed.is_empty() {
            text.push_str(
                "\nNothing to replay: no vignette's latest round is below full marks. Well done; try `--seed N` for a fresh order, or the drill.\n",
            );
        } else {
            text.push_str(&format!(
                "\nReplaying the {} missed vignette{}: {}\n",
                missed.len(),
                if missed.len() == 1 { "" } else { "s" },
                missed.join(", ")
            ));
        }
        if args.json {
            write!(io::stderr().lock(), "{text}")?;
        } else {
            write!(io::stdout().lock(), "{text}")?;
        }
        if missed.is_empty() {
            if args.json {
                writeln!(io::stdout().lock(), "[]")?;
            }
            return Ok(0);
        }
        replay = Some(missed);
    } else if args.drill.is_none() && !flow.vignettes.iter().any(|v| filter.keeps(flow, v)) {
        return Err(Failure::new(
            BAD_INPUT,
            "error: no vignette has that difficulty and topic; see `backcheck rehearse --list`",
        ));
    }
    let options = RehearseOptions {
        vignette: args.vignette.clone(),
        seed: args.seed,
        drill: args.drill,
        filter,
        replay,
        history,
    };
    // Wrapped at words for a person at a terminal; piped lines stay whole.
    let width = if io::stdin().is_terminal() {
        backcheck::repl::Width::Terminal
    } else {
        backcheck::repl::Width::Unwrapped
    };
    let played = if args.json {
        let mut out = backcheck::repl::Wrapped::new(io::stderr().lock(), width);
        talk(|lines| rehearse_rounds(flow, &options, lines, &mut out))
    } else {
        let mut out = backcheck::repl::Wrapped::new(io::stdout().lock(), width);
        talk(|lines| rehearse_rounds(flow, &options, lines, &mut out))
    };
    let rounds = played?;
    if args.json {
        let json = serde_json::to_string_pretty(&rounds)
            .map_err(|error| Failure::new(BAD_INPUT, format!("error: {error}")))?;
        writeln!(io::stdout().lock(), "{json}")?;
    }
    Ok(0)
}

fn history_failure(file: &Path, error: &HistoryError) -> Failure {
    Failure::new(
        BAD_INPUT,
        format!(
            "error: cannot keep the rehearsal history in {}: {}",
            printable(&file.display().to_string(), PATH),
            printable(&error.to_string(), SENTENCE)
        ),
    )
}

/// Runs `body` on the terminal's line editor, or on piped lines.
fn talk<T>(body: impl FnOnce(&mut dyn LineSource) -> io::Result<T>) -> io::Result<T> {
    if io::stdin().is_terminal() {
        let mut lines = EditorLines::new(None).map_err(io::Error::other)?;
        body(&mut lines)
    } else {
        body(&mut PipedLines::new(io::stdin().lock()))
    }
}
