//! Tab completion of commands and of the current question's answers.

use rustyline::completion::{Completer, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

#[derive(Default)]
pub struct ReplHelper {
    /// Commands and the words of the current answers.
    pub words: Vec<String>,
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let typed = &line[..pos];
        let start = if typed.trim_start().starts_with("change ") {
            typed.rfind(' ').map_or(0, |i| i + 1)
        } else {
            0
        };
        let prefix = typed[start..].to_lowercase();
        let candidates = self
            .words
            .iter()
            .filter(|word| word.to_lowercase().starts_with(&prefix))
            .map(|word| Pair {
                display: word.clone(),
                replacement: word.clone(),
            })
            .collect();
        Ok((start, candidates))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

#[cfg(test)]
mod tests {
    use super::*;
    use rustyline::history::DefaultHistory;

    #[test]
    fn completes_by_prefix() {
        let helper = ReplHelper {
            words: vec!["why".into(), "below_knee".into(), "back".into()],
        };
        let history = DefaultHistory::new();
        let context = Context::new(&history);
        let (start, found) = helper.complete("b", 1, &context).unwrap();
        assert_eq!(start, 0);
        let found: Vec<_> = found.into_iter().map(|p| p.replacement).collect();
        assert_eq!(found, vec!["below_knee", "back"]);
    }
}
