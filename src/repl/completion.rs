//! Tab completion: commands and the current question's answers; after a
//! command that names an answered question (`change `, `whatif `), the
//! numbers of the questions answered so far, and after the number, that
//! question's answers.

use super::command::{CHAT_COMMANDS, Takes};
use crate::terminal::{Candidate, Complete};

/// What Tab can offer before the next line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completions {
    /// Commands and the words of the current question's answers.
    pub words: Vec<String>,
    /// Per answered question: its number, its text, and its answers' words.
    pub answered: Vec<AnsweredQuestion>,
}

/// A question answered so far, as Tab offers it after `change ` or `whatif `.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnsweredQuestion {
    pub number: usize,
    pub ask: String,
    pub answers: Vec<String>,
}

impl Complete for Completions {
    fn complete(&self, typed: &str) -> (usize, Vec<Candidate>) {
        let lower = typed.to_lowercase();
        let navigation = CHAT_COMMANDS
            .iter()
            .filter(|command| command.takes == Takes::AnsweredQuestion)
            .map(|command| format!("{} ", command.name))
            .find(|command| lower.trim_start().starts_with(command.as_str()));
        let Some(command) = navigation else {
            return (0, by_prefix(&self.words, &lower));
        };
        let start = lower.find(&command).unwrap_or(0) + command.len();
        let rest = &lower[start..];
        let question_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .filter(|&at| rest[..at].parse::<usize>().is_ok());
        match question_end {
            None => {
                let candidates = self
                    .answered
                    .iter()
                    .filter(|q| q.number.to_string().starts_with(rest.trim()))
                    .map(|q| Candidate {
                        display: format!("{}  {}", q.number, shortened(&q.ask)),
                        replacement: format!("{} ", q.number),
                    })
                    .collect();
                (start, candidates)
            }
            Some(at) => {
                let number: usize = rest[..at].parse().unwrap_or_default();
                let answer_start = start + at + 1;
                let answers = self
                    .answered
                    .iter()
                    .find(|q| q.number == number)
                    .map(|q| q.answers.as_slice())
                    .unwrap_or_default();
                (answer_start, by_prefix(answers, &lower[answer_start..]))
            }
        }
    }
}

fn by_prefix(words: &[String], prefix: &str) -> Vec<Candidate> {
    words
        .iter()
        .filter(|word| word.to_lowercase().starts_with(prefix))
        .map(|word| Candidate {
            display: word.clone(),
            replacement: word.clone(),
        })
        .collect()
}

/// A question's text cut to fit beside its number in a list.
fn shortened(ask: &str) -> String {
    const MAX: usize = 60;
    match ask.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &ask[..at]),
        None => ask.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn completions() -> Completions {
        Completions {
            words: vec!["why".into(), "below the knee".into(), "back".into()],
            answered: vec![
                AnsweredQuestion {
                    number: 1,
                    ask: "Numbness around your bottom?".into(),
                    answers: vec!["yes".into(), "no".into(), "not sure".into()],
                },
                AnsweredQuestion {
                    number: 12,
                    ask: "Does the pain spread?".into(),
                    answers: vec!["no, it stays in my back".into(), "down the thigh".into()],
                },
            ],
        }
    }

    fn replacements(found: Vec<Candidate>) -> Vec<String> {
        found.into_iter().map(|p| p.replacement).collect()
    }

    #[test]
    fn completes_commands_and_answers_by_prefix() {
        let (start, found) = completions().complete("b");
        assert_eq!(start, 0);
        assert_eq!(replacements(found), vec!["below the knee", "back"]);
    }

    #[test]
    fn completes_question_numbers_after_change() {
        let (start, found) = completions().complete("change 1");
        assert_eq!(start, 7);
        let shown: Vec<String> = found.iter().map(|p| p.display.clone()).collect();
        assert_eq!(
            shown,
            vec![
                "1  Numbness around your bottom?",
                "12  Does the pain spread?"
            ]
        );
        assert_eq!(replacements(found), vec!["1 ", "12 "]);
    }

    #[test]
    fn completes_that_questions_answers_after_the_number() {
        let (start, found) = completions().complete("change 1 n");
        assert_eq!(start, 9);
        assert_eq!(replacements(found), vec!["no", "not sure"]);
        let (start, found) = completions().complete("whatif 12=d");
        assert_eq!(start, 10);
        assert_eq!(replacements(found), vec!["down the thigh"]);
    }
}
