//! What a diagnostic is about, one kind per code. The message at each place
//! says the particulars ("unknown id `fevr`"); the kind says which rule was
//! broken, gives the stable code authors search for, and whether it stops the
//! knowledge from loading. grammar/README.md lists every code with an example.

use super::Severity;

/// Every rule a knowledge folder can break. Errors stop it from loading;
/// warnings (lints) do not, unless `check --deny-warnings`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DiagnosticKind {
    /// backcheck could not handle text it should have: a bug, not the author's mistake.
    Internal,
    /// The text does not follow the grammar.
    Syntax,
    /// A name that no node has.
    UnknownId,
    /// The same name declared twice: a node, a fact, a vignette, an answer.
    Duplicate,
    /// An answer, `then` or `next` that leads nowhere.
    NoWayOn,
    /// A condition or `set` names a fact or question that is not declared.
    UndeclaredName,
    /// A value that is not in the fact's or question's domain.
    NotInDomain,
    /// A question's parts do not fit its kind.
    QuestionShape,
    /// A `decide` without `otherwise`.
    NoOtherwise,
    /// Nodes that lead back to each other.
    Cycle,
    /// A question or outcome that no path from `start` reaches.
    Unreachable,
    /// Not exactly one `flow` header, or one without `start`.
    Header,
    /// A `refer` without an urgency.
    ReferWithoutUrgency,
    /// A case or vignette answers something that is not a question, or with
    /// an answer the question does not have.
    NotAnAnswer,
    /// `not` and brackets nested too deep to read.
    TooDeep,
    /// A number too large for the language.
    NumberTooLarge,
    /// A range whose end is below its start.
    EmptyRange,
    /// A yes/no question without `yes` or `no`, or a question without answers.
    MissingAnswer,
    /// A fact or question used as what it is not (a word as yes/no, words
    /// compared with `<`, a number stored in a word fact).
    WrongType,
    /// A required part missing: a question's `ask`, an outcome's `verdict`
    /// or `title`, a vignette's `expect`.
    MissingPart,
    /// `treat` or `modify` given an urgency.
    UrgencyWithoutReferral,
    /// An id without its file name that several files have.
    AmbiguousId,
    /// `any tagged` a tag no question has.
    UnknownTag,
    /// A `within` span that cannot be used: on a multiple-choice answer,
    /// backwards, a negative length of time, or overlapping or mixing kinds
    /// with another answer's span.
    BadSpan,
    /// Lint: an arm, question or node that no walk can take, ask or reach.
    DeadEnd,
    /// Lint: a fact no condition reads.
    UnreadFact,
    /// Lint: a condition reads a fact no path to it has set.
    UnsetFact,
    /// Lint: a question whose answer cannot change anything.
    PointlessQuestion,
    /// Lint: a question without `why`.
    NoWhy,
    /// Lint: a question without `source`.
    QuestionWithoutSource,
    /// Lint: an outcome without `source`.
    OutcomeWithoutSource,
    /// Lint: two questions asking the same thing in the same words.
    SameWording,
    /// Lint: a red-flag question whose `unsure` is missing or does not route like `yes`.
    RedFlagUnsure,
    /// Lint: a question asked after "not sure" that takes the symptom for granted.
    PresumingFollowUp,
    /// Lint: a numbered list inside a question whose answers are numbered too.
    NumberedListInQuestion,
}

impl DiagnosticKind {
    /// Every kind, for the reference list and its test.
    pub const ALL: [DiagnosticKind; 35] = [
        DiagnosticKind::Internal,
        DiagnosticKind::Syntax,
        DiagnosticKind::UnknownId,
        DiagnosticKind::Duplicate,
        DiagnosticKind::NoWayOn,
        DiagnosticKind::UndeclaredName,
        DiagnosticKind::NotInDomain,
        DiagnosticKind::QuestionShape,
        DiagnosticKind::NoOtherwise,
        DiagnosticKind::Cycle,
        DiagnosticKind::Unreachable,
        DiagnosticKind::Header,
        DiagnosticKind::ReferWithoutUrgency,
        DiagnosticKind::NotAnAnswer,
        DiagnosticKind::TooDeep,
        DiagnosticKind::NumberTooLarge,
        DiagnosticKind::EmptyRange,
        DiagnosticKind::MissingAnswer,
        DiagnosticKind::WrongType,
        DiagnosticKind::MissingPart,
        DiagnosticKind::UrgencyWithoutReferral,
        DiagnosticKind::AmbiguousId,
        DiagnosticKind::UnknownTag,
        DiagnosticKind::BadSpan,
        DiagnosticKind::DeadEnd,
        DiagnosticKind::UnreadFact,
        DiagnosticKind::UnsetFact,
        DiagnosticKind::PointlessQuestion,
        DiagnosticKind::NoWhy,
        DiagnosticKind::QuestionWithoutSource,
        DiagnosticKind::OutcomeWithoutSource,
        DiagnosticKind::SameWording,
        DiagnosticKind::RedFlagUnsure,
        DiagnosticKind::PresumingFollowUp,
        DiagnosticKind::NumberedListInQuestion,
    ];

    /// The stable code authors can search for: `E…` for errors, `W…` for lints.
    /// A code never changes meaning; a new rule gets a new code.
    pub fn code(self) -> &'static str {
        match self {
            DiagnosticKind::Internal => "E000",
            DiagnosticKind::Syntax => "E001",
            DiagnosticKind::UnknownId => "E002",
            DiagnosticKind::Duplicate => "E003",
            DiagnosticKind::NoWayOn => "E004",
            DiagnosticKind::UndeclaredName => "E005",
            DiagnosticKind::NotInDomain => "E006",
            DiagnosticKind::QuestionShape => "E007",
            DiagnosticKind::NoOtherwise => "E008",
            DiagnosticKind::Cycle => "E009",
            DiagnosticKind::Unreachable => "E010",
            DiagnosticKind::Header => "E011",
            DiagnosticKind::ReferWithoutUrgency => "E012",
            DiagnosticKind::NotAnAnswer => "E013",
            DiagnosticKind::TooDeep => "E014",
            DiagnosticKind::NumberTooLarge => "E015",
            DiagnosticKind::EmptyRange => "E016",
            DiagnosticKind::MissingAnswer => "E017",
            DiagnosticKind::WrongType => "E018",
            DiagnosticKind::MissingPart => "E019",
            DiagnosticKind::UrgencyWithoutReferral => "E020",
            DiagnosticKind::AmbiguousId => "E021",
            DiagnosticKind::UnknownTag => "E022",
            DiagnosticKind::BadSpan => "E023",
            DiagnosticKind::DeadEnd => "W001",
            DiagnosticKind::UnreadFact => "W002",
            DiagnosticKind::UnsetFact => "W003",
            DiagnosticKind::PointlessQuestion => "W004",
            DiagnosticKind::NoWhy => "W005",
            DiagnosticKind::QuestionWithoutSource => "W006",
            DiagnosticKind::OutcomeWithoutSource => "W007",
            DiagnosticKind::SameWording => "W008",
            DiagnosticKind::RedFlagUnsure => "W009",
            DiagnosticKind::PresumingFollowUp => "W010",
            DiagnosticKind::NumberedListInQuestion => "W011",
        }
    }

    /// Lints warn; everything else is an error.
    pub fn severity(self) -> Severity {
        match self {
            DiagnosticKind::DeadEnd
            | DiagnosticKind::UnreadFact
            | DiagnosticKind::UnsetFact
            | DiagnosticKind::PointlessQuestion
            | DiagnosticKind::NoWhy
            | DiagnosticKind::QuestionWithoutSource
            | DiagnosticKind::OutcomeWithoutSource
            | DiagnosticKind::SameWording
            | DiagnosticKind::RedFlagUnsure
            | DiagnosticKind::PresumingFollowUp
            | DiagnosticKind::NumberedListInQuestion => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// Made while reading a file's text: the file then declares nothing.
    pub fn stops_the_file(self) -> bool {
        matches!(
            self,
            DiagnosticKind::Internal
                | DiagnosticKind::Syntax
                | DiagnosticKind::TooDeep
                | DiagnosticKind::NumberTooLarge
                | DiagnosticKind::EmptyRange
        )
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_kind_has_its_own_code() {
        let codes: HashSet<&str> = DiagnosticKind::ALL.iter().map(|k| k.code()).collect();
        assert_eq!(codes.len(), DiagnosticKind::ALL.len());
    }

    #[test]
    fn errors_are_e_codes_and_warnings_w_codes() {
        for kind in DiagnosticKind::ALL {
            let letter = match kind.severity() {
                Severity::Error => 'E',
                Severity::Warning => 'W',
            };
            assert!(kind.code().starts_with(letter), "{kind:?}");
        }
    }

    /// The authors' reference lists each code once, in its table of codes.
    #[test]
    fn the_grammar_reference_lists_every_code() {
        let readme = include_str!("../../grammar/README.md");
        for kind in DiagnosticKind::ALL {
            let row = format!("| {} |", kind.code());
            assert_eq!(
                readme.matches(&row).count(),
                1,
                "grammar/README.md needs one row `{row}` for {kind:?}"
            );
        }
        // And no code that does not exist.
        let known: HashSet<&str> = DiagnosticKind::ALL.iter().map(|k| k.code()).collect();
        for line in readme.lines() {
            if let Some(code) = line
                .strip_prefix("| ")
                .and_then(|rest| rest.split(' ').next())
                .filter(|c| c.len() == 4 && (c.starts_with('E') || c.starts_with('W')))
            {
                assert!(known.contains(code), "grammar/README.md lists {code}");
            }
        }
    }
}
