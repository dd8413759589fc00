//! What a diagnostic is about, one kind per code. The message at each place
//! says the particulars ("unknown id `fevr`"); the kind says which rule was
//! broken, gives the stable code authors search for, and whether it stops the
//! knowledge from loading. grammar/README.md lists every code with an example.

use super::Severity;

/// `kinds! { /// doc  Name = "E001", ... }`: the enum, [`DiagnosticKind::ALL`]
/// and [`DiagnosticKind::code`] from one table, so none can miss a kind.
macro_rules! kinds {
    ($($(#[$doc:meta])* $name:ident = $code:literal,)*) => {
        /// Every rule a knowledge folder can break. Errors stop it from loading;
        /// warnings (lints) do not, unless `check --deny-warnings`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum DiagnosticKind {
            $($(#[$doc])* $name,)*
        }

        impl DiagnosticKind {
            /// Every kind, for the reference list and its test.
            pub const ALL: &[DiagnosticKind] = &[$(DiagnosticKind::$name,)*];

            /// The stable code authors can search for: `E…` for errors, `W…`
            /// for lints. A code never changes meaning; a new rule gets a new code.
            pub fn code(self) -> &'static str {
                match self {
                    $(DiagnosticKind::$name => $code,)*
                }
            }
        }
    };
}

kinds! {
    /// backcheck could not handle text it should have: a bug, not the author's mistake.
    Internal = "E000",
    /// The text does not follow the grammar.
    Syntax = "E001",
    /// A name that no node has.
    UnknownId = "E002",
    /// The same name declared twice: a node, a fact, a vignette, an answer.
    Duplicate = "E003",
    /// An answer, `then` or `next` that leads nowhere.
    NoWayOn = "E004",
    /// A condition or `set` names a fact or question that is not declared.
    UndeclaredName = "E005",
    /// A value that is not in the fact's or question's domain.
    NotInDomain = "E006",
    /// A question's parts do not fit its kind.
    QuestionShape = "E007",
    /// A `decide` without `otherwise`.
    NoOtherwise = "E008",
    /// Nodes that lead back to each other.
    Cycle = "E009",
    /// A question or outcome that no path from `start` reaches.
    Unreachable = "E010",
    /// Not exactly one `flow` header, or one without `start`.
    Header = "E011",
    /// A `refer` without an urgency.
    ReferWithoutUrgency = "E012",
    /// A case or vignette answers something that is not a question, or with
    /// an answer the question does not have.
    NotAnAnswer = "E013",
    /// `not` and brackets nested too deep to read.
    TooDeep = "E014",
    /// A number too large for the language.
    NumberTooLarge = "E015",
    /// A range whose end is below its start.
    EmptyRange = "E016",
    /// A yes/no question without `yes` or `no`, or a question without answers.
    MissingAnswer = "E017",
    /// A fact or question used as what it is not (a word as yes/no, words
    /// compared with `<`, a number stored in a word fact).
    WrongType = "E018",
    /// A required part missing: a question's `ask`, an outcome's `verdict`
    /// or `title`, a vignette's `expect`.
    MissingPart = "E019",
    /// `treat` or `modify` given an urgency.
    UrgencyWithoutReferral = "E020",
    /// An id without its file name that several files have.
    AmbiguousId = "E021",
    /// `any TAG in [...]` with a tag no question has.
    UnknownTag = "E022",
    /// A `within` span that cannot be used: on a multiple-choice answer,
    /// backwards, a negative length of time, or overlapping or mixing kinds
    /// with another answer's span.
    BadSpan = "E023",
    /// An invariant that proves nothing: its left side holds on no path, or
    /// its right side on every path.
    ProvesNothing = "E024",
    /// A red-flag question that no invariant reads on its left side, or that
    /// no case answers with `yes` or `unsure`.
    UnguardedRedFlag = "E025",
    /// A red-flag question whose `unsure` is missing or does not route like
    /// `yes` (or to a clarifying red flag). It was the lint W009.
    RedFlagUnsure = "E026",
    /// A case or vignette that answers the same question twice.
    RepeatedAnswer = "E027",
    /// A tag that no `tag` declaration names.
    UndeclaredTag = "E028",
    /// A red flag whose urgency tag is not where its `yes` leads.
    RedFlagUrgency = "E029",
    /// A `source ID` that no `source ID { ... }` declares.
    UndeclaredSource = "E030",
    /// A tag that means `out_of_scope` on anything but a referral outcome.
    OutOfScopeNotReferral = "E031",
    /// A control or bidirectional-text character in the text (it could change
    /// what a terminal shows): the file is not read at all.
    HiddenCharacter = "E032",
    /// An invariant that some path breaks, found by `verify` (the language
    /// server shows it on the invariant with the counter-example).
    BrokenInvariant = "E033",
    /// A tag that means `emergency` or `urgent` on something not tagged as
    /// a red flag: the red-flag checks would silently not apply.
    UrgencyTagWithoutRedFlag = "E034",
    /// The proof could not run to the end (its state budget ran out, or a
    /// hand-built graph has a cycle): nothing is proved, and it says so.
    ProofStopped = "E035",
    /// `applies when` on a question that is not a red flag: only the
    /// red-flag order reads it, so elsewhere it would say nothing.
    AppliesWithoutRedFlag = "E036",
    /// A case or vignette whose walk does not end as it expects: `test`
    /// reports it; the language server shows it on the case.
    CaseFails = "E037",
    /// A note or outcome names a `change` that no `change ID { ... }` declares.
    UndeclaredChange = "E038",
    /// A `root` on a finding or a sign that the root table does not have
    /// (no `sign` names it), or `none` beside a root.
    UnknownRoot = "E039",
    /// Lint: an arm, question or node that no walk can take, ask or reach.
    DeadEnd = "W001",
    /// Lint: a fact no condition reads.
    UnreadFact = "W002",
    /// Lint: a condition reads a fact no path to it has set.
    UnsetFact = "W003",
    /// Lint: a question whose answer cannot change anything.
    PointlessQuestion = "W004",
    /// Lint: a question without `why`.
    NoWhy = "W005",
    /// Lint: a question without `source`.
    QuestionWithoutSource = "W006",
    /// Lint: an outcome without `source`.
    OutcomeWithoutSource = "W007",
    /// Lint: two questions asking the same thing in the same words.
    SameWording = "W008",
    /// Lint: a question asked after "not sure" that takes the symptom for granted.
    PresumingFollowUp = "W010",
    /// Lint: a numbered list inside a question whose answers are numbered too.
    NumberedListInQuestion = "W011",
    /// Lint: a finding of a nerve check (a question tagged with a `neuro`
    /// tag) that says no `root`.
    FindingWithoutRoot = "W013",
    /// Lint: a yes/no question over a list of items, where one item's
    /// doubt would decide for all (issue 25): a `multiple` screen fits.
    YesNoOverList = "W014",
    /// Lint: a question asked in the negative ("Is there NO position
    /// ...?"), so that "no" is a double negative.
    NegativeQuestion = "W015",
    /// Lint: two questions in one text joined by "Or" or "And" ("...? Or
    /// have you ...?"): one answer cannot say which it answers.
    TwoQuestionsInOne = "W016",
}

impl DiagnosticKind {
    /// Lints (`W…`) warn; everything else (`E…`) is an error.
    pub fn severity(self) -> Severity {
        if self.code().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }

    /// How far down a chain of causes this kind usually stands, for
    /// printing root causes first: a name declared twice (0) makes uses of
    /// the second look wrong (1); a wrong target can close a loop (2) or
    /// leave a node unreachable (3).
    pub fn follow_on_rank(self) -> u8 {
        match self {
            DiagnosticKind::Internal
            | DiagnosticKind::Syntax
            | DiagnosticKind::TooDeep
            | DiagnosticKind::NumberTooLarge
            | DiagnosticKind::EmptyRange
            | DiagnosticKind::Header
            | DiagnosticKind::Duplicate => 0,
            DiagnosticKind::Cycle => 2,
            DiagnosticKind::Unreachable => 3,
            _ => 1,
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
    fn every_code_is_an_e_or_w_and_three_digits() {
        for kind in DiagnosticKind::ALL {
            let code = kind.code();
            assert!(code.starts_with(['E', 'W']), "{kind:?}");
            assert!(code[1..].len() == 3 && code[1..].bytes().all(|b| b.is_ascii_digit()));
        }
        assert_eq!(DiagnosticKind::DeadEnd.severity(), Severity::Warning);
        assert_eq!(DiagnosticKind::Cycle.severity(), Severity::Error);
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
