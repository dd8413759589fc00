//! The answers so far, as they travel in a page's hidden field and come
//! back: `HASH|id=value,id=value` — the knowledge's content hash, then the
//! answers in the order they were given, each written as `run --answers`
//! takes it (`yes`, `thigh`, `a+b`, `34`). Read back strictly: each answer
//! must be for the question the walk stands at, as the engine checks it, so
//! a field that was edited, cut or made for other knowledge is refused with
//! a reason, never half-used.
//!
//! After a second `|` come the findings mentioned in passing ("no, but my
//! pee's been red"), `id=words` each, so that the result lists them and the
//! questions they speak of show them; a mention is only ever shown back,
//! never taken as an answer.

use std::fmt;

use crate::compile::{AnswerValue, Flow, QuestionKind};
use crate::engine::{Current, Session};

/// The longest field read: far above the longest walk's answers.
pub const FIELD_LIMIT: usize = 16 * 1024;

/// Why an answers field was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    Missing,
    TooLong,
    /// Made with another version of the knowledge (its hash differs).
    Stale,
    /// Not a list the pages made: edited, cut or invented.
    Tampered,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FieldError::Missing => "The page did not send your answers back.",
            FieldError::TooLong => "The list of answers sent back is far longer than any assessment.",
            FieldError::Stale => {
                "These answers were given with another version of the questions, which has changed since. Please start again."
            }
            FieldError::Tampered => {
                "The list of answers sent back is not one these pages made (it was changed or cut)."
            }
        })
    }
}

/// The field that carries `session`'s answers.
pub fn encode(session: &Session) -> String {
    let flow = session.flow();
    let answers: Vec<String> = session
        .answers()
        .map(|(question, value)| format!("{}={value}", flow.short_id(question)))
        .collect();
    let mentions: Vec<String> = (session.mentions().iter())
        .map(|m| format!("{}={}", flow.short_id(m.question), escape(&m.said)))
        .collect();
    if mentions.is_empty() {
        format!("{}|{}", flow.meta().hash, answers.join(","))
    } else {
        format!(
            "{}|{}|{}",
            flow.meta().hash,
            answers.join(","),
            mentions.join(",")
        )
    }
}

/// The most mentions a field brings back.
const MENTIONS_LIMIT: usize = 20;

/// The mentions of a field (after its second `|`): those that name a
/// question of this knowledge, at most [`MENTIONS_LIMIT`].
pub fn mentions(flow: &Flow, field: Option<&str>) -> Vec<(crate::compile::NodeId, String)> {
    let Some(list) = field.and_then(|f| f.splitn(3, '|').nth(2)) else {
        return Vec::new();
    };
    (list.split(',').filter_map(|entry| entry.split_once('=')))
        .filter_map(|(id, said)| Some((flow.find(id)?, unescape(said)?)))
        .filter(|(question, _)| flow.question(*question).is_some())
        .take(MENTIONS_LIMIT)
        .collect()
}

/// Words made safe between the field's `|`, `,` and `=`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' | '|' | ',' | '=' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '%' {
            let hex: String = chars.by_ref().take(2).collect();
            out.push(char::from(u8::from_str_radix(&hex, 16).ok()?));
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// The session a field describes, replayed answer by answer, with the
/// mentions it carries.
pub fn decode<'f>(flow: &'f Flow, field: Option<&str>) -> Result<Session<'f>, FieldError> {
    let mut session = replay(flow, &read(flow, field)?);
    for (question, said) in mentions(flow, field) {
        session.keep_mention(question, &said);
    }
    Ok(session)
}

/// The answers of a field, checked against the knowledge, in order.
pub fn read(flow: &Flow, field: Option<&str>) -> Result<Vec<(String, String)>, FieldError> {
    let field = field.ok_or(FieldError::Missing)?;
    if field.len() > FIELD_LIMIT {
        return Err(FieldError::TooLong);
    }
    let (hash, list) = field.split_once('|').ok_or(FieldError::Tampered)?;
    // The mentions after a second `|` are read apart (`mentions`).
    let list = list.split('|').next().unwrap_or_default();
    if hash != flow.meta().hash {
        return Err(FieldError::Stale);
    }
    let mut session = Session::new(flow);
    let mut pairs = Vec::new();
    for pair in list.split(',').filter(|p| !p.is_empty()) {
        let (id, value) = pair.split_once('=').ok_or(FieldError::Tampered)?;
        let Current::Question {
            index, question, ..
        } = session.current()
        else {
            return Err(FieldError::Tampered);
        };
        if flow.find(id) != Some(index) {
            return Err(FieldError::Tampered);
        }
        let text = value;
        let value = value_of(&question.kind, text).ok_or(FieldError::Tampered)?;
        // Boxes as the pages take them: read as `a+b` is, so "none of
        // these" with another box, which no page makes, is refused.
        if let QuestionKind::Multiple { .. } = question.kind
            && session.understand(text).map(|u| u.into_value()).as_ref() != Ok(&value)
        {
            return Err(FieldError::Tampered);
        }
        session.answer(value).map_err(|_| FieldError::Tampered)?;
        pairs.push((id.to_string(), pair[id.len() + 1..].to_string()));
    }
    Ok(pairs)
}

/// The session of the first `pairs` (already checked by [`read`]).
pub fn replay<'f>(flow: &'f Flow, pairs: &[(String, String)]) -> Session<'f> {
    let mut session = Session::new(flow);
    for (_, value) in pairs {
        if let Current::Question { question, .. } = session.current()
            && let Some(value) = value_of(&question.kind, value)
        {
            // Checked when read: cannot fail.
            let _ = session.answer(value);
        }
    }
    session
}

/// An answer as the field writes it, for a question of `kind`.
fn value_of(kind: &QuestionKind, text: &str) -> Option<AnswerValue> {
    match kind {
        QuestionKind::Number { .. } => text.parse().ok().map(AnswerValue::Number),
        QuestionKind::Multiple { .. } => Some(AnswerValue::Many(
            text.split('+').map(str::to_string).collect(),
        )),
        QuestionKind::YesNo { .. } | QuestionKind::Single { .. } => {
            Some(AnswerValue::Choice(text.to_string()))
        }
    }
}
