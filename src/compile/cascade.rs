//! One error a name: a question declared in a second file makes every case
//! that names it without its file ambiguous, and a renamed one leaves every
//! case naming the old id unknown, so one slip used to read as a hundred
//! errors (issue 27: 205 for one duplicate). The first place keeps the error
//! and says how many more there are.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, DiagnosticKind};

/// Keeps, of the errors that say the same thing about the same name, the
/// one written first, and says there how many more there are.
pub(super) fn one_per_name(errors: &mut Vec<Diagnostic>) {
    let mut first: HashMap<(DiagnosticKind, String), (usize, usize)> = HashMap::new();
    for (index, error) in errors.iter().enumerate() {
        if !repeats(error.kind) {
            continue;
        }
        let place = (error.span.file(), error.span.start());
        first
            .entry((error.kind, error.message.clone()))
            .and_modify(|(kept, count)| {
                *count += 1;
                let kept_error = &errors[*kept];
                if place < (kept_error.span.file(), kept_error.span.start()) {
                    *kept = index;
                }
            })
            .or_insert((index, 1));
    }
    let mut index = 0;
    errors.retain_mut(|error| {
        let this = index;
        index += 1;
        if !repeats(error.kind) {
            return true;
        }
        let (kept, count) = first[&(error.kind, error.message.clone())];
        if kept != this {
            return false;
        }
        if count > 1 {
            let more = count - 1;
            let places = if more == 1 { "place" } else { "places" };
            error.hint = Some(match error.kind {
                DiagnosticKind::AmbiguousId => format!(
                    "rename one of the declarations, or {} here and at the {more} other {places} that name it",
                    error.help().unwrap_or_default()
                ),
                _ => match error.help() {
                    Some(help) => format!("{help} (the same at {more} more {places})"),
                    None => format!("the same at {more} more {places}"),
                },
            });
        }
        true
    });
}

/// Errors about a name that recur wherever the name is written.
fn repeats(kind: DiagnosticKind) -> bool {
    matches!(
        kind,
        DiagnosticKind::AmbiguousId | DiagnosticKind::UnknownId | DiagnosticKind::UndeclaredName
    )
}
