//! What a typed line means: a command, or an answer to the question. Every
//! chat command is one row of [`CHAT_COMMANDS`]; reading a line, Tab
//! completion and the `help` text are all made from that table, so a command
//! is added (or renamed) in one place.

/// One line of input, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Help,
    Why,
    How,
    Back,
    Restart,
    Summary,
    Quit,
    /// `whatif QUESTION=ANSWER`: another answer's result, the session untouched.
    WhatIf(String),
    /// `save [FILE]`: the session (`.json`) or a report (`.md`, `.txt`, `.html`).
    Save(Option<String>),
    /// `change QUESTION [ANSWER]`: the question by its number or its words,
    /// as typed; the engine tells the two apart.
    Change(String),
    /// Anything else: an answer to the current question.
    Answer(String),
}

/// What may follow a command's word on the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// Nothing: with more words the line is an answer (`why not`).
    Nothing,
    /// An answered question and perhaps a new answer: the rest of the line
    /// as typed, possibly empty. Tab offers the answered questions' numbers,
    /// then that question's answers.
    AnsweredQuestion,
    /// Perhaps a file name: the words after the command, joined by one space.
    File,
}

/// One chat command: how it is typed, what it takes, and what `help` says.
#[derive(Debug, Clone, Copy)]
pub struct CommandRow {
    /// The word Tab offers and `help` shows.
    pub name: &'static str,
    /// Other words for it, in any case like the name.
    pub aliases: &'static [&'static str],
    pub takes: Takes,
    /// How `help` shows it typed, in the first column (`change N A`).
    pub usage: &'static str,
    /// What `help` says of it, a line each, exactly as shown. Empty for
    /// `help` itself, which is the whole text.
    pub help: &'static [&'static str],
    /// The command, given what followed the word (`None`: nothing did, or
    /// the command takes nothing).
    make: fn(Option<String>) -> Command,
}

impl CommandRow {
    /// Whether `word` (in lower case) calls this command.
    fn is_called(&self, word: &str) -> bool {
        self.name == word || self.aliases.contains(&word)
    }
}

/// Every chat command, in the order `help` lists them.
pub const CHAT_COMMANDS: &[CommandRow] = &[
    CommandRow {
        name: "help",
        aliases: &["h"],
        takes: Takes::Nothing,
        usage: "help",
        help: &[],
        make: |_| Command::Help,
    },
    CommandRow {
        name: "why",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "why",
        help: &["why this question is asked, and its source"],
        make: |_| Command::Why,
    },
    CommandRow {
        name: "how",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "how",
        help: &["how your answers so far led here"],
        make: |_| Command::How,
    },
    CommandRow {
        name: "summary",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "summary",
        help: &["your answers so far, with their question numbers"],
        make: |_| Command::Summary,
    },
    CommandRow {
        name: "back",
        aliases: &["undo"],
        takes: Takes::Nothing,
        usage: "back",
        help: &["undo your last answer"],
        make: |_| Command::Back,
    },
    // The examples in backticks are run by a test on the shipped knowledge
    // (tests/cli_chat.rs), with question 4 an answered yes/no question.
    CommandRow {
        name: "change",
        aliases: &[],
        takes: Takes::AnsweredQuestion,
        usage: "change N A",
        help: &[
            "give question N a new answer (e.g. `change 4 no`)",
            "or name it by its words (e.g. `change numb no`)",
        ],
        make: |rest| Command::Change(rest.unwrap_or_default()),
    },
    CommandRow {
        name: "whatif",
        aliases: &[],
        takes: Takes::AnsweredQuestion,
        usage: "whatif N=A",
        help: &[
            "what another answer to question N would lead to, without",
            "changing anything (e.g. `whatif 4=yes`)",
        ],
        make: |rest| Command::WhatIf(rest.unwrap_or_default()),
    },
    CommandRow {
        name: "save",
        aliases: &[],
        takes: Takes::File,
        usage: "save [FILE]",
        help: &[
            "save your answers (FILE.json, to resume later)",
            "or a report to read (`save my-report.md`, or .txt or .html)",
        ],
        make: Command::Save,
    },
    CommandRow {
        name: "restart",
        aliases: &[],
        takes: Takes::Nothing,
        usage: "restart",
        help: &["start again"],
        make: |_| Command::Restart,
    },
    CommandRow {
        name: "quit",
        aliases: &["exit", "q"],
        takes: Takes::Nothing,
        usage: "quit",
        help: &["leave (offering to save answers not saved yet)"],
        make: |_| Command::Quit,
    },
];

impl Command {
    pub fn parse(line: &str) -> Command {
        let trimmed = line.trim();
        let lower = trimmed.to_lowercase();
        let mut words = lower.split_whitespace();
        let (Some(word), more) = (words.next(), words.next().is_some()) else {
            return Command::Answer(trimmed.to_string());
        };
        let Some(row) = CHAT_COMMANDS.iter().find(|row| row.is_called(word)) else {
            return Command::Answer(trimmed.to_string());
        };
        let rest = match row.takes {
            Takes::Nothing if more => return Command::Answer(trimmed.to_string()),
            Takes::Nothing => None,
            Takes::AnsweredQuestion => Some(
                trimmed
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, rest)| rest)
                    .trim()
                    .to_string(),
            ),
            Takes::File if !more => None,
            Takes::File => Some(
                trimmed
                    .split_whitespace()
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        };
        (row.make)(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_whole_lines() {
        assert_eq!(Command::parse("  WHY "), Command::Why);
        assert_eq!(Command::parse("back"), Command::Back);
        assert_eq!(Command::parse("why not"), Command::Answer("why not".into()));
    }

    #[test]
    fn save_takes_an_optional_file() {
        assert_eq!(Command::parse("save"), Command::Save(None));
        assert_eq!(
            Command::parse("save My Report.md"),
            Command::Save(Some("My Report.md".into()))
        );
    }

    #[test]
    fn change_takes_the_rest_of_the_line() {
        assert_eq!(
            Command::parse("change 4   below knee"),
            Command::Change("4   below knee".into())
        );
        assert_eq!(Command::parse("change"), Command::Change(String::new()));
        assert_eq!(Command::parse("changes"), Command::Answer("changes".into()));
    }

    #[test]
    fn every_name_and_alias_calls_its_own_row() {
        for row in CHAT_COMMANDS {
            for word in std::iter::once(&row.name).chain(row.aliases) {
                let typed = word.to_uppercase();
                assert_eq!(Command::parse(&typed), (row.make)(None), "{typed}");
                let others = CHAT_COMMANDS
                    .iter()
                    .filter(|other| other.is_called(word))
                    .count();
                assert_eq!(others, 1, "`{word}` calls more than one command");
            }
        }
    }
}
