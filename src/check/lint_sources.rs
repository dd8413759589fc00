//! W005–W007: every question says why it is asked and where its knowledge
//! comes from, and every outcome names its source (docs/architecture.md).

use crate::compile::{Flow, NodeKind};
use crate::diagnostic::{Diagnostic, DiagnosticKind};

pub(super) fn missing_rationale(flow: &Flow) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for node in flow.nodes() {
        match &node.kind {
            NodeKind::Question(_) => {
                if node.why.is_none() {
                    warnings.push(
                        Diagnostic::new(
                            DiagnosticKind::NoWhy,
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
                    warnings.push(no_source(
                        DiagnosticKind::QuestionWithoutSource,
                        "question",
                        &node.id,
                        node.span,
                    ));
                }
            }
            NodeKind::Outcome(_) if node.sources.is_empty() => {
                warnings.push(no_source(
                    DiagnosticKind::OutcomeWithoutSource,
                    "outcome",
                    &node.id,
                    node.span,
                ));
            }
            NodeKind::Outcome(_) | NodeKind::Decide(_) => {}
        }
    }
    warnings
}

fn no_source(
    kind: DiagnosticKind,
    what: &str,
    id: &str,
    span: crate::diagnostic::Span,
) -> Diagnostic {
    Diagnostic::new(kind, span, format!("{what} `{id}` has no `source`"))
        .with_label("where does this come from?")
        .with_hint(Some(
            "add `source ID`, declared once with `source ID { title \"...\" kind seed section \"...\" }`".into(),
        ))
}
