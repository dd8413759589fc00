//! Knowledge folders written to make the proof blow up (issue 27, items 4
//! and 5), for the tests (tests/verify.rs) and the bench (benches/verify.rs):
//!
//! - [`screen`]: one multiple-choice question of `choices` answers, read by
//!   one invariant, as one `in [...]` list or as `==` tests joined by `or`
//!   (every subset of the answers is a path: 2^24 of them).
//! - [`facts`]: `count` yes/no questions each setting its own fact, all read
//!   by one invariant as `(f1 or f2) and (f3 or f4) and ...`, then a tail of
//!   `tail` questions before the outcome.
#![allow(dead_code)]

use std::fmt::Write as _;

const HEADER: &str = "flow adversarial \"Adversarial\" {\n  version \"1\"\n  start main.q1\n}\n";

const OUTCOMES: &str = "outcome fine { verdict treat title \"Fine\" }\noutcome see_doctor { verdict refer routine title \"See a doctor\" }\n";

/// How the invariant of [`screen`] reads the question.
#[derive(Clone, Copy, Debug)]
pub enum Read {
    /// `q1 in [o1, ..., oN]`.
    List,
    /// `q1 == o1 or ... or q1 == oN`.
    EachOr,
}

/// One multiple-choice question of `choices` answers, then a yes/no
/// question that decides the verdict; the invariant reads the first.
pub fn screen(choices: usize, read: Read) -> Vec<(String, String)> {
    let mut main = String::from("question q1 {\n  ask \"Which apply?\"\n  multiple\n");
    for i in 1..=choices {
        let _ = writeln!(main, "  answer o{i} \"Option {i}\"");
    }
    main.push_str("  then -> q2\n}\nquestion q2 {\n  ask \"Worse at night?\"\n  yes -> see_doctor\n  no -> fine\n}\n");
    main.push_str(OUTCOMES);
    let ids: Vec<String> = (1..=choices).map(|i| format!("o{i}")).collect();
    let left = match read {
        Read::List => format!("q1 in [{}]", ids.join(", ")),
        Read::EachOr => {
            let each: Vec<String> = ids.iter().map(|id| format!("q1 == {id}")).collect();
            format!("({})", each.join(" or "))
        }
    };
    let _ = writeln!(
        main,
        "invariant \"a listed answer at night refers\" {{ {left} and q2 in [yes] => verdict == refer }}"
    );
    vec![
        ("flow.flow".into(), HEADER.into()),
        ("main.flow".into(), main),
    ]
}

/// `count` questions setting one fact each, read together by one
/// invariant in pairs, then `tail` questions that change nothing it reads.
pub fn facts(count: usize, tail: usize) -> Vec<(String, String)> {
    facts_read(count, tail, Chain::Pairs)
}

/// As [`facts`], read as a chain `(f1 or f2) and (f2 or f3) and ...`: no
/// part of it is ever settled alone, so the walks keep every way it can
/// still hold, more than the budget of one proof.
pub fn chained(count: usize, tail: usize) -> Vec<(String, String)> {
    facts_read(count, tail, Chain::Overlapping)
}

#[derive(Clone, Copy)]
enum Chain {
    Pairs,
    Overlapping,
}

fn facts_read(count: usize, tail: usize, chain: Chain) -> Vec<(String, String)> {
    let mut header = String::from(HEADER);
    let mut main = String::new();
    for i in 1..=count {
        let _ = writeln!(header, "fact f{i}: bool");
        let _ = writeln!(
            main,
            "question q{i} {{ ask \"Sign {i}?\" yes -> next set f{i} no -> next }}"
        );
    }
    for j in 1..=tail {
        let _ = writeln!(
            main,
            "question t{j} {{ ask \"Tail {j}?\" yes -> next no -> next }}"
        );
    }
    main.push_str("question last { ask \"Last?\" yes -> see_doctor no -> fine }\n");
    main.push_str(OUTCOMES);
    let step = match chain {
        Chain::Pairs => 2,
        Chain::Overlapping => 1,
    };
    let pairs: Vec<String> = (1..count)
        .step_by(step)
        .map(|i| format!("(f{i} or f{})", i + 1))
        .collect();
    let _ = writeln!(
        main,
        "invariant \"every pair at once refers\" {{ {} => verdict == refer }}",
        pairs.join(" and ")
    );
    vec![("flow.flow".into(), header), ("main.flow".into(), main)]
}
