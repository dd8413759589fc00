//! Suggestions: fixes a diagnostic offers that need no judgement, and the
//! did-you-mean (the known name closest to a mistyped one) that makes most
//! of them.

use super::cut_words::cut_long_words;
use super::{Diagnostic, Span};

/// A fix that needs no judgement: `replacement` written in place of the
/// text at `span`. The language server offers it as a quick fix as it is;
/// nothing reads the words to find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The text it replaces, in the diagnostic's file.
    pub span: Span,
    /// What to write there instead; empty to delete the text.
    pub replacement: String,
    /// The fix in words, as the help line says it and the editor offers
    /// it: "did you mean `fever`?".
    pub message: String,
}

impl Suggestion {
    pub fn new(
        span: Span,
        replacement: impl Into<String>,
        message: impl Into<String>,
    ) -> Suggestion {
        Suggestion {
            span,
            replacement: replacement.into(),
            message: cut_long_words(message.into()),
        }
    }

    /// `name` in place of the text at `span`: "did you mean `name`?".
    pub fn did_you_mean(span: Span, name: &str) -> Suggestion {
        Suggestion::new(span, name, did_you_mean_words(name))
    }
}

/// The known name closest to `wanted`, if one is close.
pub fn closest_name<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_lower = wanted.to_lowercase();
    known
        .into_iter()
        .map(|name| {
            (
                strsim::jaro_winkler(&wanted_lower, &name.to_lowercase()),
                name,
            )
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// "did you mean `x`?" for the known name closest to `wanted`, if one is
/// close: for a message that is no diagnostic (an unknown id typed on the
/// command line), where no text can be fixed.
pub fn did_you_mean<'a>(wanted: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest_name(wanted, known).map(did_you_mean_words)
}

/// The closest known name as a fix of the text at `span`, which is `wanted`.
pub fn suggest_name<'a>(
    wanted: &str,
    span: Span,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<Suggestion> {
    closest_name(wanted, known).map(|name| Suggestion::did_you_mean(span, name))
}

impl Diagnostic {
    /// For a name several things have: each full name as a fix of the text
    /// at `span`, and "write one of a.fever, b.fever".
    pub fn with_one_of(self, span: Span, names: &[&str]) -> Diagnostic {
        self.with_hint(Some(format!("write one of {}", names.join(", "))))
            .with_suggestions(
                (names.iter()).map(|name| Suggestion::new(span, *name, format!("write `{name}`"))),
            )
    }
}

fn did_you_mean_words(name: &str) -> String {
    format!("did you mean `{name}`?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_a_close_name() {
        let hint = did_you_mean("saddle_numbnes", ["fever", "saddle_numbness"]);
        assert_eq!(hint.as_deref(), Some("did you mean `saddle_numbness`?"));
        let span = Span::new(0, 4..18);
        assert_eq!(
            suggest_name("saddle_numbnes", span, ["fever", "saddle_numbness"]),
            Some(Suggestion::new(
                span,
                "saddle_numbness",
                "did you mean `saddle_numbness`?"
            ))
        );
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(did_you_mean("xyz", ["saddle_numbness"]), None);
        assert_eq!(
            suggest_name("xyz", Span::default(), ["saddle_numbness"]),
            None
        );
    }
}
