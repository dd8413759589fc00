//! The outcome screen: a verdict banner readable with or without colour, what
//! to do, what to avoid, self-care, when to get help, and the sources.

use std::fmt::Write as _;

use colored::Colorize;

use crate::compile::{AdviceField, Urgency, Verdict};
use crate::engine::Session;

use super::Audience;
use super::doubts::{DOUBTS_HEADING, doubt_items, doubts_reason};
use super::reasons::{
    EACH_ALONE_HEADING, MENTIONED_HEADING, MENTIONED_REASON, OTHERS_HEADING, OTHERS_REASON,
    deciding_words, mentioned_items, other_items,
};

/// The outcome screen of a complete session; empty if it is not complete.
pub fn outcome_text(session: &Session, audience: Audience) -> String {
    let Some(outcome) = session.outcome() else {
        return String::new();
    };
    let flow = session.flow();
    let node = flow.node(session.current_index());
    let mut out = String::new();
    let banner = match outcome.verdict {
        // Someone the check is not for (a child, pain that is not lower back
        // pain): "no massage yet" would be untrue for a person who only wants
        // a relaxing massage; the title and plan say what fits them.
        Verdict::Refer(_) if node.marks.out_of_scope => {
            "RESULT: OUTSIDE WHAT THIS CHECK COVERS".magenta().bold()
        }
        Verdict::Treat => "RESULT: MASSAGE IS SUITABLE".green().bold(),
        Verdict::Modify => "RESULT: MASSAGE WITH CHANGES".yellow().bold(),
        Verdict::Refer(Urgency::Emergency) => "RESULT: EMERGENCY - NO MASSAGE".red().bold(),
        Verdict::Refer(Urgency::Urgent) => "RESULT: SEE A DOCTOR TODAY - NO MASSAGE".red().bold(),
        Verdict::Refer(Urgency::Routine) => "RESULT: SEE YOUR DOCTOR FIRST - NO MASSAGE YET"
            .magenta()
            .bold(),
    };
    let _ = writeln!(out, "\n=== {banner} ===");
    // "You" is the person in pain; someone answering for them reads "they".
    let say = |text: &str| super::addressed(session, text).into_owned();
    // The advice that fits this walk (`when`), worded for who reads it.
    let clinical = audience == Audience::Therapist;
    let advice = |field| {
        (outcome.advice_for(field, session, clinical).into_iter())
            .map(&say)
            .collect::<Vec<_>>()
    };
    let _ = writeln!(out, "{}", say(&outcome.title).bold());
    if let Some(urgency) = outcome.verdict.urgency()
        && !node.marks.out_of_scope
    {
        let _ = writeln!(out, "{}", urgency_words(urgency, audience));
    }
    let doubts = doubt_items(session);
    if !doubts.is_empty() {
        let _ = writeln!(out, "\n{}", DOUBTS_HEADING.bold());
        for item in &doubts {
            let _ = writeln!(out, "  - {item}");
        }
        let _ = writeln!(out, "{}\n", doubts_reason(outcome.verdict));
    }
    let deciding = deciding_words(session);
    if !deciding.told.is_empty() {
        let _ = writeln!(out, "\n{}", deciding.heading().bold());
        for item in &deciding.told {
            let _ = writeln!(out, "  - {item}");
        }
    }
    for group in &deciding.each_alone {
        let _ = writeln!(out, "\n{}", EACH_ALONE_HEADING.bold());
        for item in group {
            let _ = writeln!(out, "  - {item}");
        }
    }
    if let Some(line) = &deciding.ruled_out {
        let _ = writeln!(out, "{line}");
    }
    if !deciding.is_empty() {
        out.push('\n');
    }
    let others = other_items(session);
    if !others.is_empty() {
        let _ = writeln!(out, "{}", OTHERS_HEADING.bold());
        for item in &others {
            let _ = writeln!(out, "  - {item}");
        }
        let _ = writeln!(out, "{OTHERS_REASON}\n");
    }
    let mentioned = mentioned_items(session);
    if !mentioned.is_empty() {
        let _ = writeln!(out, "{}", MENTIONED_HEADING.bold());
        for item in &mentioned {
            let _ = writeln!(out, "  - {item}");
        }
        let _ = writeln!(out, "{MENTIONED_REASON}\n");
    }
    if audience == Audience::Therapist
        && let Some(clinical) = &node.clinical
    {
        let _ = writeln!(out, "Clinical picture: {clinical}");
    }
    if let Some(why) = &node.why {
        let _ = writeln!(out, "Why: {}", say(why));
    }
    list(&mut out, "What to do", &advice(AdviceField::Plan));
    // The therapist's own plan: on the lay screen too, under a heading that
    // says whom it is for, so the person can show it to their therapist.
    let therapist_heading = match audience {
        Audience::Therapist => "Therapist's plan",
        Audience::Lay => "For your massage therapist",
    };
    list(&mut out, therapist_heading, &outcome.therapist_plan);
    // A referral means no massage for now: changes to one would mislead.
    let notes: Vec<String> = session
        .notes()
        .iter()
        .map(|(_, note)| match (audience, &note.therapist) {
            (Audience::Therapist, Some(therapist)) => therapist.clone(),
            _ => say(&note.lay),
        })
        .collect();
    if !outcome.verdict.is_referral() {
        list(&mut out, "Changes to the massage", &notes);
    }
    list(&mut out, "Avoid", &advice(AdviceField::Avoid));
    let selfcare_heading = match (audience, session.for_someone_else()) {
        (Audience::Therapist, _) => "Self-care to advise",
        (Audience::Lay, true) => "Looking after themselves",
        (Audience::Lay, false) => "Looking after yourself",
    };
    list(&mut out, selfcare_heading, &advice(AdviceField::Selfcare));
    if audience == Audience::Therapist {
        let findings: Vec<String> = session
            .findings()
            .iter()
            .map(|(_, f)| f.text.clone())
            .collect();
        list(&mut out, "Findings", &findings);
        let roots = super::root_lines(session);
        if !roots.is_empty() {
            let _ = writeln!(out, "\n{}", roots.join("\n"));
        }
    }
    list(&mut out, "When to get help", &advice(AdviceField::Safety));
    let sources: Vec<String> = (node.sources.iter())
        .map(|source| super::source_words(source, audience))
        .collect();
    list(&mut out, "Sources", &sources);
    out
}

fn urgency_words(urgency: Urgency, audience: Audience) -> String {
    match (urgency, audience) {
        (Urgency::Emergency, _) => "Urgency: EMERGENCY. Call emergency services now."
            .red()
            .bold()
            .to_string(),
        (Urgency::Urgent, Audience::Lay) => {
            "Urgency: URGENT. See a doctor today.".red().to_string()
        }
        (Urgency::Urgent, Audience::Therapist) => {
            "Urgency: URGENT. Same-day medical assessment; no massage."
                .red()
                .to_string()
        }
        (Urgency::Routine, Audience::Lay) => {
            "Urgency: ROUTINE. See your doctor before any massage.".to_string()
        }
        (Urgency::Routine, Audience::Therapist) => {
            "Urgency: ROUTINE. Medical assessment before any massage.".to_string()
        }
    }
}

fn list(out: &mut String, heading: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{}:", heading.bold());
    for item in items {
        let _ = writeln!(out, "  - {item}");
    }
}
