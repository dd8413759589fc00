//! The rules the tag vocabulary gives meaning to.

use crate::compile::Flow;
use crate::diagnostic::Diagnostic;

pub(super) fn tag_errors(_flow: &Flow) -> Vec<Diagnostic> {
    Vec::new()
}
