//! The scoring separates careful practice from careless practice: three
//! scripted therapists play every built-in vignette and their totals are
//! compared. `cargo test rehearse_players -- --nocapture` prints the totals.
//!
//! - careful: asks every red flag and every question on the graph's walk,
//!   commits the verdict those answers reach and the root their findings
//!   point to (001's table, as the knowledge gives it), but names no modify changes and no reasons;
//! - model: as careful, and also names each modify change the walk needs
//!   by its id and the deciding questions as reasons (taken from the
//!   answer key);
//! - careless: asks nothing and commits treat;
//! - over-cautious: asks nothing and refers everyone as an emergency.

use backcheck::compile::{Flow, Urgency, Verdict, compile};
use backcheck::rehearse::{Commitment, Round};
use backcheck::source::KnowledgeSource;

fn flow() -> Flow {
    compile(&KnowledgeSource::embedded()).expect("the built-in knowledge compiles")
}

/// Asks what a careful therapist asks; returns the commitment they reach.
fn ask_carefully(round: &mut Round) -> Commitment {
    let flow = round.flow();
    let session = round.graph_session();
    for q in round.questions() {
        if flow.node(q).tags.iter().any(|t| t == "red_flag") {
            round.ask(q);
        }
    }
    for (q, _) in session.answers() {
        round.ask(q);
    }
    // The root the knowledge gives the findings (001's table, roots.flow).
    let reading = session.likely_root();
    Commitment {
        verdict: session
            .outcome()
            .expect("every vignette reaches an outcome")
            .verdict,
        reasons: Vec::new(),
        root: reading.accepted().first().map(|r| r.to_string()),
        changes: Vec::new(),
    }
}

fn careful(round: &mut Round) -> u32 {
    let commitment = ask_carefully(round);
    round.commit(&commitment).points
}

fn model(round: &mut Round) -> u32 {
    let flow = round.flow();
    let session = round.graph_session();
    let expected = session
        .outcome()
        .expect("every vignette reaches an outcome")
        .verdict;
    for q in round.questions() {
        if flow.node(q).tags.iter().any(|t| t == "red_flag") {
            round.ask(q);
        }
    }
    let path: Vec<_> = session.answers().map(|(q, _)| q).collect();
    for q in path {
        round.ask(q);
    }
    let mut commitment = Commitment {
        verdict: expected,
        reasons: Vec::new(),
        root: None,
        changes: Vec::new(),
    };
    // The first commit is a look at the answer key: the root, the changes
    // and the deciding questions, as a careful therapist would work them out.
    let key = round.commit(&commitment);
    commitment.root = session
        .likely_root()
        .accepted()
        .first()
        .map(|r| r.to_string());
    assert_eq!(key.expected_root.is_some(), commitment.root.is_some());
    commitment.changes = key.changes_needed.clone();
    commitment.reasons = key
        .deciding
        .iter()
        .filter_map(|id| round.find_question(id))
        .collect();
    round.commit(&commitment).points
}

fn without_asking(round: &Round, verdict: Verdict) -> u32 {
    round
        .commit(&Commitment {
            verdict,
            reasons: Vec::new(),
            root: None,
            changes: Vec::new(),
        })
        .points
}

#[test]
fn careful_practice_scores_far_above_careless_practice() {
    let flow = flow();
    let (mut careful_total, mut careless_total, mut cautious_total) = (0, 0, 0);
    let mut model_total = 0;
    let mut below_full = Vec::new();
    for vignette in flow.vignettes() {
        let mut round = Round::new(&flow, vignette);
        let points = careful(&mut round);
        if points < 10 {
            below_full.push(format!("{} {points}", vignette.id));
        }
        careful_total += points;
        model_total += model(&mut Round::new(&flow, vignette));
        let round = Round::new(&flow, vignette);
        careless_total += without_asking(&round, Verdict::Treat);
        cautious_total += without_asking(&round, Verdict::Refer(Urgency::Emergency));
    }
    let max = flow.vignettes().len() as u32 * 10;
    println!(
        "{} vignettes: model {model_total}/{max}, careful {careful_total}/{max}, careless {careless_total}/{max}, over-cautious {cautious_total}/{max}",
        flow.vignettes().len()
    );
    println!("careful rounds below full marks: {below_full:?}");
    assert!(flow.vignettes().len() >= 55);
    assert_eq!(model_total, max, "the model answer loses nothing");
    assert!(
        careful_total * 10 >= max * 9,
        "careful {careful_total}/{max}: {below_full:?}"
    );
    // Careless rounds keep their band's floor: a right verdict with no
    // screen at all still scores 6 (a wrong one never more than 4), so a
    // careless player who treats everyone is right on the treat stories.
    assert!(
        careless_total * 100 <= max * 15,
        "careless {careless_total}/{max}"
    );
    assert!(careless_total < cautious_total && cautious_total < careful_total);
}

/// Asks exactly the graph's walk, less what the story tells (the vignette's
/// `tells`), and commits what the walk reaches: a therapist who reads the
/// story and asks the rest. A red flag the client has is asked wherever
/// it is, as every round wants.
fn story_reader(round: &mut Round) -> backcheck::rehearse::Score {
    let session = round.graph_session();
    let told = round.vignette.tells.clone();
    for (q, _) in session.answers() {
        if !told.contains(&q) {
            round.ask(q);
        }
    }
    for q in round.red_flags() {
        round.ask(q);
    }
    let mut commitment = Commitment {
        verdict: session
            .outcome()
            .expect("every vignette reaches an outcome")
            .verdict,
        reasons: Vec::new(),
        root: session
            .likely_root()
            .accepted()
            .first()
            .map(|r| r.to_string()),
        changes: Vec::new(),
    };
    commitment.changes = round.commit(&commitment).changes_needed;
    round.commit(&commitment)
}

#[test]
fn what_the_story_tells_is_never_marked_not_asked() {
    let flow = flow();
    let mut lost = Vec::new();
    for vignette in flow.vignettes() {
        let score = story_reader(&mut Round::new(&flow, vignette));
        let not_asked: Vec<&String> = (score.breakdown.iter())
            .map(|line| &line.reason)
            .filter(|reason| reason.contains("not asked") || reason.contains("never asked"))
            .collect();
        if !not_asked.is_empty() || !score.mattered_not_asked.is_empty() {
            lost.push(format!("{}: {not_asked:?}", vignette.id));
        }
        assert!(
            score.missed_red_flags.is_empty(),
            "{}: a red flag the client has is told, never asked: {:?}",
            vignette.id,
            score.missed_red_flags
        );
        assert_eq!(score.points, 10, "{}: {:?}", vignette.id, score.breakdown);
    }
    assert!(lost.is_empty(), "{lost:#?}");
    // The three: each is told, so not asking it costs nothing.
    for (vignette, told) in [
        ("plasterer_l5", "leg_worsening"),
        ("spreading_numb_patch", "leg_symptoms"),
        ("weekend_garden", "opening"),
    ] {
        let vignette = (flow.vignettes().iter())
            .find(|v| v.id == vignette)
            .expect("a shipped vignette");
        let q = flow.find(told).expect("a question");
        assert!(vignette.tells.contains(&q), "{} tells {told}", vignette.id);
        let score = story_reader(&mut Round::new(&flow, vignette));
        assert!(
            !score.mattered_not_asked.contains(&told.to_string()),
            "{}: {:?}",
            vignette.id,
            score.mattered_not_asked
        );
    }
}
