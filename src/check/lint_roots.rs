//! W013: a finding of a nerve check says which roots it points to, so the
//! drill, the scoring and the therapist's screen read its root from the
//! knowledge, never guess it from the finding's words.

use crate::compile::{FindingRoots, Flow, node_findings};
use crate::diagnostic::{Diagnostic, DiagnosticKind};

pub(super) fn findings_without_root(flow: &Flow) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for node in flow.nodes().iter().filter(|node| node.marks.neuro) {
        for finding in node_findings(node) {
            if finding.roots != FindingRoots::Unstated {
                continue;
            }
            let roots = flow.root_table().roots().join(", ");
            warnings.push(
                Diagnostic::new(
                    DiagnosticKind::FindingWithoutRoot,
                    finding.span,
                    format!("a finding of the nerve check `{}` names no root", node.id),
                )
                .with_label("which nerve root does this point to?")
                .with_hint(Some(if roots.is_empty() {
                    "write `root` and the roots after the finding (declared by `sign`s), or `root none`"
                        .to_string()
                } else {
                    format!(
                        "write `root` and the roots it points to ({roots}) after the finding, or `root none` when it points to no single root"
                    )
                })),
            );
        }
    }
    warnings
}
