//! `within 0..6 weeks`: the span an answer covers, in days for lengths of
//! time or as plain numbers, and the checks that a question's spans make
//! sense together (one kind, no overlap beyond a shared end).

use super::flow::{Form, Measure, Within};
use crate::diagnostic::{Diagnostic, DiagnosticKind, Span};
use crate::syntax::ast;

/// Days in one unit. A month is 30 days and a year 365: a person's "3
/// months" is never more exact than that.
fn unit_days(unit: &str) -> i64 {
    match unit.trim_end_matches('s') {
        "week" => 7,
        "month" => 30,
        "year" => 365,
        _ => 1,
    }
}

/// One `within`, checked alone.
pub(super) fn within(decl: &ast::WithinDecl, form: Form) -> Result<Within, Diagnostic> {
    let unit = decl
        .low
        .iter()
        .chain(decl.high.iter())
        .find_map(|b| b.unit.as_ref())
        .map(|u| u.text);
    // On a multiple-choice answer a length of time says when the choice
    // counts ("an operation on your spine in the last few months"); plain
    // numbers would choose one answer among several that can be chosen.
    let chosen_with_others = match form {
        Form::Multiple => unit.is_none(),
        Form::YesNo | Form::Single | Form::Number => false,
    };
    if chosen_with_others {
        return Err(Diagnostic::new(
            DiagnosticKind::BadSpan,
            decl.span,
            "`within` with plain numbers chooses one answer, but several answers of a `multiple` question can be chosen",
        )
        .with_label("a span of numbers on a multiple-choice answer")
        .with_hint(Some(
            "give the span a unit of time (`within 0..6 months`: when the choice counts), or make the question single choice".into(),
        )));
    }
    let measure = if unit.is_some() {
        Measure::Days
    } else {
        Measure::Number
    };
    let value = |bound: &ast::WithinBound| -> Result<i64, Diagnostic> {
        let amount: i64 = bound.amount.text.parse().map_err(|_| {
            Diagnostic::new(
                DiagnosticKind::NumberTooLarge,
                bound.amount.span,
                format!("`{}` is too large", bound.amount.text),
            )
            .with_label("not a number this tool can hold")
        })?;
        // A bound without a unit takes the other bound's: `0..6 weeks`.
        let per = match &bound.unit {
            Some(own) => unit_days(own.text),
            None => unit.map_or(1, unit_days),
        };
        Ok(amount.saturating_mul(per))
    };
    let low = match &decl.low {
        Some(bound) => value(bound)?,
        None if measure == Measure::Days => 0,
        None => i64::MIN,
    };
    let high = decl.high.as_ref().map(value).transpose()?;
    if measure == Measure::Days && low < 0 {
        return Err(Diagnostic::new(
            DiagnosticKind::BadSpan,
            decl.span,
            "a length of time cannot be negative",
        )
        .with_label("below zero"));
    }
    if let Some(high) = high
        && high < low
    {
        return Err(Diagnostic::new(
            DiagnosticKind::BadSpan,
            decl.span,
            "this span ends before it starts",
        )
        .with_label("the first bound is larger than the second")
        .with_hint(Some(
            "write the smaller bound first: `within 0..6 weeks`".into(),
        )));
    }
    Ok(Within { measure, low, high })
}

/// The spans of one question's answers, side by side: one kind, and no two
/// sharing more than an end (where one stops and the next starts).
pub(super) fn check_spans(spans: &[(Span, Within)]) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    for (i, (span, a)) in spans.iter().enumerate() {
        for (_, b) in &spans[..i] {
            if a.measure != b.measure {
                errors.push(
                    Diagnostic::new(
                        DiagnosticKind::BadSpan,
                        *span,
                        "this answer's span has a unit and another answer's has none (or the other way round)",
                    )
                    .with_label("mixed kinds of span")
                    .with_hint(Some(
                        "give every `within` of a question a unit (days, weeks, months, years), or none".into(),
                    )),
                );
                continue;
            }
            let a_high = a.high.unwrap_or(i64::MAX);
            let b_high = b.high.unwrap_or(i64::MAX);
            let overlap = a.low.max(b.low) < a_high.min(b_high);
            if overlap {
                errors.push(
                    Diagnostic::new(
                        DiagnosticKind::BadSpan,
                        *span,
                        "this span overlaps another answer's span",
                    )
                    .with_label("a value here would fit two answers")
                    .with_hint(Some(
                        "spans may share an end (`0..6 weeks`, `6 weeks..3 months`) but not more"
                            .into(),
                    )),
                );
            }
        }
    }
    errors
}
