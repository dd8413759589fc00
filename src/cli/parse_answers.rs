//! `run --answers id=value,id=a+b,...`: the answers by question, each read
//! as the chat reads it.

use std::collections::HashMap;

use super::failure::{Exit, Failure};
use crate::compile::{AnswerValue, Flow, NodeId};
use crate::diagnostic::did_you_mean;
use crate::engine::understand;
use crate::printable::{NAME, SENTENCE, printable, printable_list};

/// `id=value,id=a+b,...` -> answers by question.
pub(super) fn parse_answers(
    flow: &Flow,
    text: &str,
) -> Result<HashMap<NodeId, AnswerValue>, Failure> {
    let mut given = HashMap::new();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let not_a_pair = || {
            Failure::new(
                Exit::BadInput,
                format!(
                    "error: `{}` is not of the form id=value",
                    printable(pair, NAME)
                ),
            )
        };
        let Some((id, value)) = pair.split_once('=') else {
            return Err(not_a_pair());
        };
        let id = id.trim();
        if id.is_empty() {
            return Err(not_a_pair());
        }
        let shown = printable(id, NAME);
        let Some(index) = flow.find(id) else {
            return Err(Failure::new(
                Exit::BadInput,
                format!("error: {}", unknown_question(flow, id)),
            ));
        };
        let Some(question) = flow.question(index) else {
            return Err(Failure::new(
                Exit::BadInput,
                format!("error: `{shown}` is not a question"),
            ));
        };
        // Read as the chat reads it, so `run` and the chat agree on every answer.
        let value = understand(flow.node(index), question, value)
            .map_err(|error| {
                // A script names answers by id: list them after the words.
                Failure::new(
                    Exit::BadInput,
                    format!(
                        "error: {shown}={}: {}\nanswer ids: {}",
                        printable(value, NAME),
                        printable(&error.to_string(), SENTENCE),
                        question.valid_answers().join(", ")
                    ),
                )
            })?
            .into_value();
        if given.insert(index, value).is_some() {
            return Err(Failure::new(
                Exit::BadInput,
                format!("error: `{shown}` is answered twice; give each question one answer"),
            ));
        }
    }
    Ok(given)
}

/// Why `id` names no node: unknown (with a close name, if any), or a short
/// id that several files use (then the full ids, never itself as a hint).
fn unknown_question(flow: &Flow, id: &str) -> String {
    let shown = printable(id, NAME);
    let same_local: Vec<&str> = flow
        .nodes
        .iter()
        .filter(|node| node.local() == id)
        .map(|node| node.id.as_str())
        .collect();
    if same_local.len() > 1 {
        return format!(
            "`{shown}` is ambiguous: it could be {}; give the full id",
            printable_list(same_local, 10)
        );
    }
    let hint = did_you_mean(id, flow.ids().filter(|known| *known != id))
        .map(|h| format!(" ({})", printable(&h, SENTENCE)))
        .unwrap_or_default();
    format!("unknown question `{shown}`{hint}")
}
