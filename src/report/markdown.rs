//! The report a person can show their therapist or doctor: the answers, the
//! reasoning, the verdict, the knowledge it came from, and the date.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::time::SystemTime;

use crate::compile::AdviceField;
use crate::engine::{Current, Session};

use super::explain::verdict_words;
use super::{Audience, how_text};

/// A Markdown report of the session as it stands, dated `when`.
pub fn markdown_report(session: &Session, audience: Audience, when: SystemTime) -> String {
    let flow = session.flow();
    let meta = &flow.meta();
    let mut out = String::new();
    let _ = writeln!(out, "# backcheck report\n");
    let _ = writeln!(out, "- Date: {}", humantime::format_rfc3339_seconds(when));
    let _ = writeln!(
        out,
        "- Knowledge: {} ({}), version {}, content {}",
        meta.title, meta.name, meta.version, meta.hash
    );
    if let Some(disclaimer) = &meta.disclaimer {
        let _ = writeln!(out, "\n> {disclaimer}");
    }
    let _ = writeln!(out, "\n## Result\n");
    match session.current() {
        Current::Outcome { node, outcome, .. } => {
            // "You" is the person in pain; someone answering reads "they".
            let say = |text: &str| super::addressed(session, text).into_owned();
            let _ = writeln!(
                out,
                "**{}** ({})\n",
                say(&outcome.title),
                verdict_words(outcome)
            );
            let doubts = super::doubt_items(session);
            if !doubts.is_empty() {
                let _ = writeln!(out, "{}\n", super::DOUBTS_HEADING);
                for item in doubts {
                    let _ = writeln!(out, "- {item}");
                }
                let _ = writeln!(out, "\n{}\n", super::doubts_reason(outcome.verdict));
            }
            let deciding = super::reasons::deciding_words(session);
            if !deciding.told.is_empty() {
                let _ = writeln!(out, "{}\n", deciding.heading());
                for item in &deciding.told {
                    let _ = writeln!(out, "- {item}");
                }
                out.push('\n');
            }
            for group in &deciding.each_alone {
                let _ = writeln!(out, "{}\n", super::reasons::EACH_ALONE_HEADING);
                for item in group {
                    let _ = writeln!(out, "- {item}");
                }
                out.push('\n');
            }
            if let Some(line) = &deciding.ruled_out {
                let _ = writeln!(out, "{line}\n");
            }
            let others = super::reasons::other_items(session);
            if !others.is_empty() {
                let _ = writeln!(out, "{}\n", super::reasons::OTHERS_HEADING);
                for item in others {
                    let _ = writeln!(out, "- {item}");
                }
                let _ = writeln!(out, "\n{}\n", super::reasons::OTHERS_REASON);
            }
            let mentioned = super::reasons::mentioned_items(session);
            if !mentioned.is_empty() {
                let _ = writeln!(out, "{}\n", super::reasons::MENTIONED_HEADING);
                for item in mentioned {
                    let _ = writeln!(out, "- {item}");
                }
                let _ = writeln!(out, "\n{}\n", super::reasons::MENTIONED_REASON);
            }
            if let Some(why) = &node.why {
                let _ = writeln!(out, "{}\n", say(why));
            }
            // The advice that fits this walk (`when`).
            let clinical = audience == Audience::Therapist;
            let advice = |field| {
                (outcome.advice_for(field, session, clinical).into_iter())
                    .map(&say)
                    .collect::<Vec<_>>()
            };
            section(
                &mut out,
                "What to do",
                advice(AdviceField::Plan).into_iter(),
            );
            let therapist_heading = match audience {
                Audience::Therapist => "Therapist's plan",
                Audience::Lay => "For your massage therapist",
            };
            section(
                &mut out,
                therapist_heading,
                outcome.therapist_plan.iter().cloned(),
            );
            let notes = session
                .notes()
                .iter()
                .map(|(_, note)| match (audience, &note.therapist) {
                    (Audience::Therapist, Some(t)) => t.clone(),
                    _ => say(&note.lay),
                });
            // A referral means no massage for now: changes to one would mislead.
            if !outcome.verdict.is_referral() {
                section(&mut out, "Changes to the massage", notes);
            }
            section(&mut out, "Avoid", advice(AdviceField::Avoid).into_iter());
            let selfcare_heading = match audience {
                Audience::Therapist => "Self-care to advise",
                Audience::Lay => "Self-care",
            };
            section(
                &mut out,
                selfcare_heading,
                advice(AdviceField::Selfcare).into_iter(),
            );
            if audience == Audience::Therapist {
                section(
                    &mut out,
                    "Findings",
                    session.findings().iter().map(|(_, f)| f.text.clone()),
                );
                let roots = super::root_lines(session);
                if !roots.is_empty() {
                    let _ = writeln!(out, "{}\n", roots.join("\n\n"));
                }
            }
            section(
                &mut out,
                "When to get help",
                advice(AdviceField::Safety).into_iter(),
            );
            let sources = (node.sources.iter()).map(|source| super::source_words(source, audience));
            section(&mut out, "Sources", sources);
        }
        Current::Question { question, .. } => {
            let _ = writeln!(
                out,
                "The assessment was not finished. The next question was: \"{}\"\n",
                question.ask
            );
        }
    }
    let _ = writeln!(out, "## Answers\n");
    let _ = writeln!(out, "| # | Question | Answer |\n|---|---|---|");
    for (n, (q, value)) in session.answers().enumerate() {
        if let Some(question) = flow.question(q) {
            // A therapist reads the question in clinical words where it has them.
            let asked = match (audience, &flow.node(q).clinical) {
                (Audience::Therapist, Some(clinical)) => Cow::Borrowed(clinical.as_str()),
                _ => super::addressed(session, &question.ask),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                n + 1,
                cell(&asked),
                cell(&super::said_words(session, question, value))
            );
        }
    }
    let _ = writeln!(
        out,
        "\n## Reasoning\n\n```\n{}```",
        how_text(session, audience)
    );
    out
}

fn section(out: &mut String, heading: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {heading}\n");
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
}

// A `|` would end the table cell early.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
