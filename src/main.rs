//! The `backcheck` command line: parses the arguments and hands each command
//! to the library (`backcheck::cli`) with the process's streams; the exit
//! code is the command's.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

use backcheck::cli::{self, ChatArgs, CheckFormat, Command, Exit, Failure, Input, Streams};

/// Should I massage this lower back? A rule-based screening assistant.
///
/// Not a diagnosis. With no subcommand it starts the conversation on the
/// built-in knowledge.
#[derive(Parser)]
#[command(name = "backcheck", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// With no subcommand, the options of `chat` (`backcheck --resume FILE`).
    #[command(flatten)]
    chat: ChatArgs,
}

fn main() -> ExitCode {
    let Cli { command, chat } = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error)
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            return ended(help_or_version(&error));
        }
        // Usage errors go to stderr, exit 2: clap's own way.
        Err(error) => error.exit(),
    };
    // Plain text also when the input is piped: a script is talking, not a person.
    if !colour_on(&io::stdout()) || !io::stdin().is_terminal() {
        colored::control::set_override(false);
    }
    let (mut out, mut err) = (io::stdout(), io::stderr());
    let io = &mut Streams {
        out: &mut out,
        err: &mut err,
        colour: colour_on(&io::stderr()),
    };
    let result = match command {
        None => with_input(|input| cli::chat(&chat, io, input)),
        Some(Command::Chat(args)) => with_input(|input| cli::chat(&args, io, input)),
        Some(Command::Run {
            answers,
            json,
            knowledge,
            report,
            force,
        }) => cli::run(
            &answers,
            json,
            knowledge.dir(),
            report.as_deref(),
            force,
            io,
        ),
        Some(Command::Serve {
            bind,
            knowledge,
            audience,
        }) => cli::serve(bind, knowledge.dir(), audience, io),
        Some(Command::Check {
            folder,
            deny_warnings,
            format: CheckFormat::Text,
        }) => cli::check(folder.dir(), deny_warnings, io),
        Some(Command::Check {
            folder,
            deny_warnings,
            format: CheckFormat::Json,
        }) => cli::check_json(folder.dir(), deny_warnings, io),
        Some(Command::Author { folder }) => cli::author(folder.dir(), io),
        Some(Command::Verify { folder }) => cli::verify(folder.dir(), io),
        Some(Command::Test { folder }) => cli::test(folder.dir(), io),
        Some(Command::Mutate { folder }) => cli::mutate(folder.dir(), io),
        Some(Command::Diff { old, new, format }) => cli::diff(&old, &new, format, io),
        Some(Command::Graph {
            format,
            knowledge,
            part,
        }) => cli::graph(format, knowledge.dir(), &part, io),
        Some(Command::Fmt {
            check,
            knowledge,
            mut paths,
        }) => {
            paths.extend(knowledge);
            cli::fmt(check, &paths, io)
        }
        Some(Command::Rehearse(args)) => with_input(|input| cli::rehearse(&args, io, input)),
        Some(Command::Lsp { knowledge, .. }) => backcheck::lsp::run_stdio(knowledge)
            .map(|()| Exit::Success)
            .map_err(|error| Failure::new(Exit::Failed, format!("error: {error}"))),
    };
    ended(result)
}

/// `--help` or `--version`, written as any command writes its output: a
/// closed pipe or a full disk is an error, not a silent success.
fn help_or_version(shown: &clap::Error) -> Result<Exit, Failure> {
    let rendered = shown.render();
    let text = if colour_on(&io::stdout()) {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Exit::Success)
}

/// The exit code of a command's outcome, its failure's message on stderr.
fn ended(result: Result<Exit, Failure>) -> ExitCode {
    match result {
        Ok(exit) => ExitCode::from(exit.code()),
        Err(failure) => {
            if !failure.message.is_empty() {
                // A closed stderr leaves only the exit code to tell.
                let _ = writeln!(io::stderr(), "{}", failure.message.trim_end());
            }
            ExitCode::from(failure.exit.code())
        }
    }
}

/// Whether text for `stream` gets colour: only on a terminal, and never
/// when NO_COLOR is set (no-color.org). The one place this is decided.
fn colour_on(stream: &impl IsTerminal) -> bool {
    std::env::var_os("NO_COLOR").is_none() && stream.is_terminal()
}

/// Runs `body` with the person at the terminal, or with the lines piped in.
fn with_input<T>(body: impl FnOnce(Input) -> T) -> T {
    if io::stdin().is_terminal() {
        body(Input::Terminal)
    } else {
        body(Input::Piped(&mut io::stdin().lock()))
    }
}
