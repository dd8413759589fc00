//! What a line typed in a rehearsal round means. A round has two phases, each
//! with one table of commands: [`ROUND_COMMANDS`] while the therapist asks
//! the client and commits, [`REVEAL_COMMANDS`] once the score is shown. A line
//! is read, and the phase's help written, from its table alone.

/// What may follow a command's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// Nothing. While asking, words after it are ignored (`quit now` quits);
    /// after the score, the word must be the whole line.
    Nothing,
    /// A question, by its number in `list` or its id.
    Question,
    /// A verdict, an urgency, a root, changes and reasons (`commit ...`).
    Commitment,
    /// An answered question and another answer (`whatif 3=yes`).
    QuestionAndAnswer,
}

/// One command of a phase: how it is typed and what the phase's help says
/// of it.
#[derive(Debug, Clone, Copy)]
pub struct CommandRow<C: 'static> {
    /// The word, as the help shows it.
    pub name: &'static str,
    /// Other words for it. Any case is understood.
    pub aliases: &'static [&'static str],
    pub takes: Takes,
    /// How the help shows it typed (`why QUESTION`).
    pub usage: &'static str,
    /// Its part of the phase's help, exactly as shown: the parts of a table,
    /// one after another, are the help. Empty for `help` itself.
    pub help: &'static str,
    /// The command, given the rest of the line after the word.
    make: fn(String) -> C,
}

impl<C> CommandRow<C> {
    /// The name, then the aliases.
    fn words(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }
}

/// A line while the therapist asks the client and commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundCommand {
    /// An empty line.
    Nothing,
    Quit,
    Skip,
    Help,
    Story,
    List,
    /// The changes a modify may name: the knowledge's vocabulary.
    Changes,
    /// `why QUESTION`: what follows `why`.
    Why(String),
    /// `commit ...`: what follows `commit`, as typed.
    Commit(String),
    /// `ask N`, or a line that is no command: the question asked.
    Ask(String),
}

/// A line once the score is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevealCommand {
    /// An empty line.
    Nothing,
    Next,
    Quit,
    /// The questions with their numbers, as while asking.
    List,
    How,
    /// `why QUESTION`: what follows `why`.
    Why(String),
    /// `whatif N=ANSWER,N=ANSWER`: what follows `whatif`.
    WhatIf(String),
    /// Anything else: the phase's commands are listed.
    Other,
}

/// The commands while asking and committing, in the order the help names
/// them.
pub const ROUND_COMMANDS: &[CommandRow<RoundCommand>] = &[
    CommandRow {
        name: "ask",
        aliases: &[],
        takes: Takes::Question,
        usage: "ask N",
        help: "Ask the client with `ask N` or just the question's number or id ",
        make: RoundCommand::Ask,
    },
    CommandRow {
        name: "list",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "list",
        help: "(`list` shows them).\n",
        make: |_| RoundCommand::List,
    },
    CommandRow {
        name: "commit",
        aliases: &[],
        takes: Takes::Commitment,
        usage: "commit VERDICT [URGENCY] [ROOT] [because Q Q ...]",
        help: "When ready: `commit VERDICT [URGENCY] [ROOT] [because Q Q ...]`, e.g. `commit refer routine L5 because numb_where`;\n\
               for modify name the changes, each hyphenated or all separated by commas:\n\
               `commit modify side-lying-with-bolsters avoid-face-down gentle-pressure because pregnancy`.\n",
        make: RoundCommand::Commit,
    },
    CommandRow {
        name: "changes",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "changes",
        help: "`changes` lists the changes a modify may name, ",
        make: |_| RoundCommand::Changes,
    },
    CommandRow {
        name: "why",
        aliases: &[],
        takes: Takes::Question,
        usage: "why QUESTION",
        help: "`why QUESTION` explains a question, ",
        make: RoundCommand::Why,
    },
    CommandRow {
        name: "story",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "story",
        help: "`story` shows the story again, ",
        make: |_| RoundCommand::Story,
    },
    CommandRow {
        name: "skip",
        aliases: &["next"],
        takes: Takes::Nothing,
        usage: "skip",
        help: "`skip` moves on unscored, ",
        make: |_| RoundCommand::Skip,
    },
    CommandRow {
        name: "quit",
        aliases: &["exit"],
        takes: Takes::Nothing,
        usage: "quit",
        help: "`quit` stops.",
        make: |_| RoundCommand::Quit,
    },
    CommandRow {
        name: "help",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "help",
        help: "",
        make: |_| RoundCommand::Help,
    },
];

/// The commands once the score is shown, in the order the help names them.
pub const REVEAL_COMMANDS: &[CommandRow<RevealCommand>] = &[
    CommandRow {
        name: "whatif",
        aliases: &["what if"],
        takes: Takes::QuestionAndAnswer,
        usage: "whatif N=ANSWER,N=ANSWER",
        help: "`whatif N=ANSWER,N=ANSWER` explores other answers (numbered as `list` shows), ",
        make: RevealCommand::WhatIf,
    },
    CommandRow {
        name: "why",
        aliases: &[],
        takes: Takes::Question,
        usage: "why QUESTION",
        help: "`why QUESTION` explains one, ",
        make: RevealCommand::Why,
    },
    CommandRow {
        name: "list",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "list",
        help: "",
        make: |_| RevealCommand::List,
    },
    CommandRow {
        name: "how",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "how",
        help: "`how` shows the walk; ",
        make: |_| RevealCommand::How,
    },
    CommandRow {
        name: "next",
        aliases: &["skip"],
        takes: Takes::Nothing,
        usage: "next",
        help: "`next` goes on, ",
        make: |_| RevealCommand::Next,
    },
    CommandRow {
        name: "quit",
        aliases: &["exit"],
        takes: Takes::Nothing,
        usage: "quit",
        help: "`quit` stops.",
        make: |_| RevealCommand::Quit,
    },
];

impl RoundCommand {
    /// The first word (up to a space), in any case, names the command; a
    /// line that names none asks the question it names.
    pub fn parse(line: &str) -> RoundCommand {
        let line = line.trim();
        if line.is_empty() {
            return RoundCommand::Nothing;
        }
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        let word = word.to_lowercase();
        match ROUND_COMMANDS
            .iter()
            .find(|row| row.words().any(|w| w == word))
        {
            Some(row) => (row.make)(rest.to_string()),
            None => RoundCommand::Ask(line.to_string()),
        }
    }
}

impl RevealCommand {
    /// A command that takes nothing is the whole line, in any case; one that
    /// takes a question begins it (`WHY 3`, `why3`, `whatif 3=yes`).
    pub fn parse(line: &str) -> RevealCommand {
        let line = line.trim();
        let lower = line.to_lowercase();
        if lower.is_empty() {
            return RevealCommand::Nothing;
        }
        for row in REVEAL_COMMANDS {
            for word in row.words() {
                let rest = match row.takes {
                    Takes::Nothing => (lower == word).then_some(""),
                    // As it has always been read: `whatif` only in lower case.
                    Takes::QuestionAndAnswer => line.strip_prefix(word),
                    _ if lower.starts_with(word) => line.get(word.len()..),
                    _ => None,
                };
                if let Some(rest) = rest {
                    return (row.make)(rest.to_string());
                }
            }
        }
        RevealCommand::Other
    }
}

/// The help while asking and committing (at the start of a round and on
/// `help`).
pub fn round_help() -> String {
    ROUND_COMMANDS.iter().map(|row| row.help).collect()
}

/// The help once the score is shown: what each command does.
pub fn reveal_help() -> String {
    REVEAL_COMMANDS.iter().map(|row| row.help).collect()
}

/// The commands once the score is shown, as a reply to a line that is none
/// of them.
pub fn reveal_commands() -> String {
    let usages: Vec<String> = REVEAL_COMMANDS
        .iter()
        .map(|row| format!("`{}`", row.usage))
        .collect();
    match usages.split_last() {
        Some((last, [])) => format!("Type {last}."),
        Some((last, others)) => format!("Type {} or {last}.", others.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::mem::discriminant;

    use super::*;

    /// Everything a help quotes in backticks: commands and examples.
    fn quoted(help: &str) -> Vec<&str> {
        help.split('`').skip(1).step_by(2).collect()
    }

    #[test]
    fn the_helps_read_as_they_always_have() {
        assert_eq!(
            round_help(),
            "Ask the client with `ask N` or just the question's number or id (`list` shows them).\n\
             When ready: `commit VERDICT [URGENCY] [ROOT] [because Q Q ...]`, e.g. `commit refer routine L5 because numb_where`;\n\
             for modify name the changes, each hyphenated or all separated by commas:\n\
             `commit modify side-lying-with-bolsters avoid-face-down gentle-pressure because pregnancy`.\n\
             `changes` lists the changes a modify may name, `why QUESTION` explains a question, `story` shows the story again, `skip` moves on unscored, `quit` stops."
        );
        assert_eq!(
            reveal_help(),
            "`whatif N=ANSWER,N=ANSWER` explores other answers (numbered as `list` shows), `why QUESTION` explains one, `how` shows the walk; `next` goes on, `quit` stops."
        );
        assert_eq!(
            reveal_commands(),
            "Type `whatif N=ANSWER,N=ANSWER`, `why QUESTION`, `list`, `how`, `next` or `quit`."
        );
    }

    #[test]
    fn everything_the_round_help_shows_parses_as_a_command() {
        let help = round_help();
        let quotes = quoted(&help);
        assert_eq!(quotes.len(), 10, "{help}");
        for typed in quotes {
            // A line that is no command asks the question it names, whole.
            assert_ne!(
                RoundCommand::parse(typed),
                RoundCommand::Ask(typed.to_string()),
                "the help shows `{typed}`, which is no command"
            );
        }
    }

    #[test]
    fn every_round_command_is_in_the_round_help() {
        let help = round_help();
        let quotes = quoted(&help);
        for row in ROUND_COMMANDS {
            let command = (row.make)(String::new());
            for word in row.words() {
                assert_eq!(
                    discriminant(&RoundCommand::parse(&word.to_uppercase())),
                    discriminant(&command),
                    "{word}"
                );
            }
            if row.help.is_empty() {
                // Only `help` goes without words of its own: it is the whole text.
                assert_eq!(command, RoundCommand::Help, "`{}` is not in help", row.name);
                continue;
            }
            assert!(quotes.contains(&row.usage), "`{}` is not in help", row.name);
        }
    }

    #[test]
    fn everything_the_reveal_help_shows_parses_as_a_command() {
        for help in [reveal_help(), reveal_commands()] {
            let quotes = quoted(&help);
            assert_eq!(quotes.len(), 6, "{help}");
            for typed in quotes {
                assert_ne!(
                    RevealCommand::parse(typed),
                    RevealCommand::Other,
                    "the help shows `{typed}`, which is no command"
                );
            }
        }
    }

    #[test]
    fn every_reveal_command_is_in_the_reveal_help() {
        let (help, commands) = (reveal_help(), reveal_commands());
        for row in REVEAL_COMMANDS {
            assert!(quoted(&help).contains(&row.usage), "{}", row.name);
            assert!(quoted(&commands).contains(&row.usage), "{}", row.name);
            let command = (row.make)(String::new());
            for word in row.words() {
                let typed = match row.takes {
                    Takes::QuestionAndAnswer => word.to_string(),
                    _ => word.to_uppercase(),
                };
                assert_eq!(RevealCommand::parse(&typed), command, "{word}");
            }
        }
    }

    #[test]
    fn a_round_line_is_read_as_before() {
        assert_eq!(RoundCommand::parse("quit now"), RoundCommand::Quit);
        assert_eq!(RoundCommand::parse("Why 3"), RoundCommand::Why("3".into()));
        assert_eq!(
            RoundCommand::parse("commit  refer urgent"),
            RoundCommand::Commit(" refer urgent".into())
        );
        assert_eq!(RoundCommand::parse("ASK 4"), RoundCommand::Ask("4".into()));
        assert_eq!(
            RoundCommand::parse("saddle_numbness"),
            RoundCommand::Ask("saddle_numbness".into())
        );
        assert_eq!(RoundCommand::parse("  "), RoundCommand::Nothing);
    }

    #[test]
    fn a_reveal_line_is_read_as_before() {
        assert_eq!(RevealCommand::parse("how now"), RevealCommand::Other);
        assert_eq!(
            RevealCommand::parse("whyfever"),
            RevealCommand::Why("fever".into())
        );
        assert_eq!(
            RevealCommand::parse("what if 3=yes"),
            RevealCommand::WhatIf(" 3=yes".into())
        );
        assert_eq!(RevealCommand::parse("help"), RevealCommand::Other);
        assert_eq!(RevealCommand::parse("WhatIf 1=no"), RevealCommand::Other);
        assert_eq!(RevealCommand::parse(""), RevealCommand::Nothing);
    }
}
