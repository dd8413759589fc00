//! W005–W007: every question says why it is asked and where its knowledge
//! comes from, and every outcome names its source (DESIGN.md).

use crate::compile::{Flow, NodeKind};
use crate::diagnostic::Diagnostic;

pub(super) fn missing_rationale(flow: &Flow) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for node in &flow.nodes {
        match &node.kind {
            NodeKind::Question(_) => {
                if node.why.is_none() {
                    warnings.push(
                        Diagnostic::warning(
                            "W005",
                            node.span,
                            format!("question `{}` has no `why`", node.id),
                        )
                        .with_label("why is this asked?")
                        .with_hint(Some(
                            "add `why \"...\"`: the reason, in words the person understands".into(),
                        )),
                    );
                }
                if node.sources.is_empty() {
                    warnings.push(no_source("W006", "question", &node.id, node.span));
                }
            }
            NodeKind::Outcome(_) if node.sources.is_empty() => {
                warnings.push(no_source("W007", "outcome", &node.id, node.span));
            }
            NodeKind::Outcome(_) | NodeKind::Decide(_) => {}
        }
    }
    warnings
}

fn no_source(
    code: &'static str,
    what: &str,
    id: &str,
    span: crate::diagnostic::Span,
) -> Diagnostic {
    Diagnostic::warning(code, span, format!("{what} `{id}` has no `source`"))
        .with_label("where does this come from?")
        .with_hint(Some(
            "add `source \"document\" \"part\"`: a seed file or a public guideline".into(),
        ))
}
