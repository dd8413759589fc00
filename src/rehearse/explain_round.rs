//! The reveal in clinical words: the outcome and its `why`, then the answers
//! that decided it with each question's clinical wording and `why`, taken from
//! the knowledge. The step-by-step rule walk stays one command away (`how`).

use crate::compile::{Flow, NodeId, YesNo};
use crate::engine::Session;
use crate::report::answer_words;

/// Why the graph reaches its result for this client, from the knowledge.
pub fn reveal_text(flow: &Flow, session: &Session, deciding: &[String]) -> String {
    let mut text = String::new();
    if let Some(outcome) = session.outcome() {
        let node = flow.node(session.current_index());
        text.push_str(&format!(
            "Why {}: \"{}\".\n",
            outcome.verdict, outcome.title
        ));
        if let Some(why) = &node.why {
            text.push_str(&format!("  {why}\n"));
        }
    }
    let mut ruled_out = 0;
    let mut decided = Vec::new();
    for id in deciding {
        let Some(q) = flow.find(id) else { continue };
        let (Some(question), Some(value)) = (flow.question(q), session.answer_to(q)) else {
            continue;
        };
        // A "no", or "none of these" alone, ruled something out.
        if YesNo::No.is(value) || value.choices() == ["none"] {
            ruled_out += 1;
            continue;
        }
        decided.push((q, answer_words(question, value)));
    }
    if !decided.is_empty() {
        text.push_str("What decided it:\n");
        for (q, words) in decided {
            text.push_str(&format!("  - {} \"{words}\"\n", clinical(flow, q)));
            if let Some(why) = &flow.node(q).why {
                text.push_str(&format!("    {why}\n"));
            }
        }
    }
    let findings = session.findings();
    if !findings.is_empty() {
        text.push_str("Findings for the doctor (and the nerve root):\n");
        for (_, finding) in findings {
            text.push_str(&format!("  - {}\n", finding.text));
        }
        // The root as the therapist's screen names it, from the knowledge's table.
        for line in crate::report::root_lines(session) {
            text.push_str(&format!("  {line}\n"));
        }
    }
    if ruled_out > 0 {
        text.push_str(&format!(
            "{ruled_out} other question(s) that could have changed it were answered no.\n"
        ));
    }
    text.push_str("`how` shows every step of the walk; `why QUESTION` explains one question.");
    text
}

/// One question's clinical wording and why, for `why QUESTION`.
pub fn why_question(flow: &Flow, q: NodeId) -> String {
    match &flow.node(q).why {
        Some(why) => format!("{}\n  {why}", clinical(flow, q)),
        None => format!("{}\n  (no why in the knowledge)", clinical(flow, q)),
    }
}

fn clinical(flow: &Flow, q: NodeId) -> String {
    let node = flow.node(q);
    node.clinical
        .clone()
        .or_else(|| flow.question(q).map(|question| question.ask.clone()))
        .unwrap_or_else(|| flow.short_id(q).to_string())
}
