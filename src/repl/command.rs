//! What a typed line means: a command, or an answer to the question.

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
    /// `save [FILE]`: the session (`.json`) or a report (`.md`).
    Save(Option<String>),
    /// `change QUESTION [ANSWER]`: the question by its number or its words,
    /// as typed; the engine tells the two apart.
    Change(String),
    /// Anything else: an answer to the current question.
    Answer(String),
}

/// The command words, for help and tab completion.
pub const COMMANDS: &[&str] = &[
    "help", "why", "how", "back", "change", "restart", "summary", "save", "whatif", "quit",
];

impl Command {
    pub fn parse(line: &str) -> Command {
        let trimmed = line.trim();
        let lower = trimmed.to_lowercase();
        let mut words = lower.split_whitespace();
        match (words.next(), words.next()) {
            (Some("help" | "h"), None) => Command::Help,
            (Some("why"), None) => Command::Why,
            (Some("how"), None) => Command::How,
            (Some("back" | "undo"), None) => Command::Back,
            (Some("restart"), None) => Command::Restart,
            (Some("summary"), None) => Command::Summary,
            (Some("quit" | "exit" | "q"), None) => Command::Quit,
            (Some("whatif"), _) => Command::WhatIf(
                trimmed
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, r)| r)
                    .trim()
                    .to_string(),
            ),
            (Some("save"), None) => Command::Save(None),
            (Some("save"), Some(_)) => {
                let file = trimmed
                    .split_whitespace()
                    .skip(1)
                    .collect::<Vec<_>>()
                    .join(" ");
                Command::Save(Some(file))
            }
            (Some("change"), _) => Command::Change(
                trimmed
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, rest)| rest)
                    .trim()
                    .to_string(),
            ),
            _ => Command::Answer(trimmed.to_string()),
        }
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
}
