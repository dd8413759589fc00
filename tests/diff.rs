//! `backcheck diff OLD NEW` on copies of tests/fixtures/mini with one edit
//! each: nothing changed, an urgency lowered, an answer rerouted to less
//! care, a referral made more urgent (more care only), and folders that
//! cannot be compared. Every shortest example is replayed with `run`.

use crate::common;

use common::{MINI, backcheck, describe, text};
use serde_json::Value;

/// A copy of mini with `from` replaced by `to` in `file` (which must hold it).
fn edited(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(MINI).expect("read mini") {
        let path = entry.expect("entry").path();
        let mut body = std::fs::read_to_string(&path).expect("read");
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .to_string();
        if name == file {
            assert!(body.contains(from), "{file} has no `{from}`");
            body = body.replacen(from, to, 1);
        }
        std::fs::write(dir.path().join(&name), body).expect("write");
    }
    dir
}

/// `diff --format json OLD NEW`: the exit code and the document.
fn diff_json(old: &str, new: &str) -> (i32, Value) {
    let output = backcheck(&["diff", "--format", "json", old, new])
        .output()
        .expect("run");
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|_| panic!("not JSON: {}", describe(&output)));
    (output.status.code().expect("exit code"), json)
}

/// The outcome `run` reaches in `dir` with `answers`.
fn outcome(dir: &str, answers: &str) -> String {
    let output = backcheck(&["run", "--json", "--knowledge", dir, "--answers", answers])
        .output()
        .expect("run");
    let json: Value =
        serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("{}", describe(&output)));
    json["outcome"].as_str().expect("an outcome").to_string()
}

/// Each group's shortest answers lead to its old outcome in OLD and its new
/// one in NEW.
fn examples_replay(old: &str, new: &str, json: &Value) {
    for group in json["verdict_changes"].as_array().expect("groups") {
        let answers = group["shortest"].as_str().expect("shortest");
        assert_eq!(outcome(old, answers), group["old"]["outcome"], "{group}");
        assert_eq!(outcome(new, answers), group["new"]["outcome"], "{group}");
    }
}

#[test]
fn nothing_changed_exits_0_with_nothing_listed() {
    let copy = edited(
        "pain.flow",
        "Does the pain spread?",
        "Does the pain travel?",
    );
    let new = copy.path().to_str().expect("path");
    let (code, json) = diff_json(MINI, new);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["safety_relevant"], false);
    assert_eq!(json["verdict_changes"], serde_json::json!([]));
    assert_eq!(json["invariants"], serde_json::json!([]));
    assert_eq!(json["cases"], serde_json::json!([]));
    assert_eq!(json["exhaustive"], true);
    assert_eq!(json["complete"], true);
}

#[test]
fn a_lowered_urgency_is_less_care_and_breaks_its_invariant_and_case() {
    let copy = edited(
        "outcomes.flow",
        "verdict refer emergency",
        "verdict refer urgent",
    );
    let new = copy.path().to_str().expect("path");
    let (code, json) = diff_json(MINI, new);
    assert_eq!(code, 1, "{json}");
    let groups = json["verdict_changes"].as_array().expect("groups");
    assert_eq!(groups.len(), 1, "{json}");
    let group = &groups[0];
    assert_eq!(group["old"]["verdict"], "refer emergency");
    assert_eq!(group["new"]["verdict"], "refer urgent");
    assert_eq!(group["less_care"], true);
    // saddle=yes and saddle=unsure end there, each on its own.
    assert_eq!(group["count"], "2");
    assert_eq!(
        group["shortest"]
            .as_str()
            .expect("answers")
            .split(',')
            .count(),
        1
    );
    examples_replay(MINI, new, &json);
    let invariant = &json["invariants"][0];
    assert_eq!(invariant["name"], "saddle numbness refers now");
    assert_eq!(
        (invariant["old"].clone(), invariant["new"].clone()),
        (true.into(), false.into())
    );
    let cases = json["cases"].as_array().expect("cases");
    assert!(
        cases
            .iter()
            .any(|c| c["name"] == "unsure saddle" && c["new"] == false),
        "{json}"
    );
}

#[test]
fn an_answer_rerouted_to_less_care_is_found_with_its_shortest_answers() {
    // The changes arm tried first: thin bones or a painful position now
    // hide pain below the knee.
    let copy = edited(
        "pain.flow",
        "when radiation == below_knee -> outcomes.neuro
    when osteoporosis or worse in [sitting, face_down] -> outcomes.changes",
        "when osteoporosis or worse in [sitting, face_down] -> outcomes.changes
    when radiation == below_knee -> outcomes.neuro",
    );
    let new = copy.path().to_str().expect("path");
    let (code, json) = diff_json(MINI, new);
    assert_eq!(code, 1, "{json}");
    let groups = json["verdict_changes"].as_array().expect("groups");
    assert!(!groups.is_empty());
    assert_eq!(groups.len(), 1, "{json}");
    assert_eq!(groups[0]["old"]["outcome"], "outcomes.neuro");
    assert_eq!(groups[0]["new"]["outcome"], "outcomes.changes");
    assert!(groups.iter().all(|g| g["less_care"] == true), "{json}");
    let shortest = groups[0]["shortest"].as_str().expect("answers");
    assert!(shortest.contains("pain.radiation=below_knee"), "{shortest}");
    examples_replay(MINI, new, &json);
    // No case walks below the knee, so only the walk finds this.
    assert_eq!(json["cases"], serde_json::json!([]));
    assert_eq!(json["invariants"], serde_json::json!([]));
}

#[test]
fn more_care_alone_is_listed_and_exits_0() {
    let copy = edited(
        "outcomes.flow",
        "outcome too_young {\n  verdict refer routine",
        "outcome too_young {\n  verdict refer urgent",
    );
    let new = copy.path().to_str().expect("path");
    let output = backcheck(&["diff", MINI, new]).output().expect("run");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    let said = text(&output.stdout);
    assert!(
        said.contains(
            "changed: outcomes.too_young [refer routine] -> outcomes.too_young [refer urgent]"
        ),
        "{said}"
    );
    assert!(!said.contains("LESS CARE"), "{said}");
    assert!(said.contains("safety-relevant change: no"), "{said}");
}

#[test]
fn folders_that_cannot_be_compared_are_usage_errors() {
    let missing = backcheck(&["diff", MINI, "/no/such/folder"])
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(2), "{}", describe(&missing));
    let broken = edited("pain.flow", "-> outcomes.neuro", "-> outcomes.nowhere");
    let broken = broken.path().to_str().expect("path");
    let output = backcheck(&["diff", broken, MINI]).output().expect("run");
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("cannot compare"),
        "{}",
        describe(&output)
    );
    let one = backcheck(&["diff", MINI]).output().expect("run");
    assert_eq!(one.status.code(), Some(2), "{}", describe(&one));
}

/// Copies the folder `from` into `to`, sub-folders too.
fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

#[test]
fn a_one_line_edit_of_the_shipped_knowledge_is_found_within_the_budget() {
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge/lower_back");
    let copy = tempfile::tempdir().expect("temp dir");
    copy_tree(std::path::Path::new(shipped), copy.path());
    let outcomes = copy.path().join("outcomes.flow");
    let text = std::fs::read_to_string(&outcomes).expect("outcomes.flow");
    let from = "outcome refer_leg_worsening {\n  verdict  refer urgent";
    assert!(
        text.contains(from),
        "outcomes.flow changed: update this test"
    );
    let edited = text.replacen(
        from,
        "outcome refer_leg_worsening {\n  verdict  refer routine",
        1,
    );
    std::fs::write(&outcomes, edited).expect("write");
    let new = copy.path().to_str().expect("path");
    let (code, json) = diff_json(shipped, new);
    assert_eq!(code, 1, "{json}");
    assert_eq!(
        json["complete"], true,
        "the state budget is enough for the shipped knowledge"
    );
    let groups = json["verdict_changes"].as_array().expect("groups");
    assert_eq!(groups.len(), 1, "{json}");
    assert_eq!(groups[0]["old"]["outcome"], "outcomes.refer_leg_worsening");
    assert_eq!(groups[0]["less_care"], true);
    examples_replay(shipped, new, &json);
}
