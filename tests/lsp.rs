//! `backcheck lsp` spoken to as an editor would: JSON-RPC over pipes to the
//! built binary (tests/common/lsp_client.rs), on a copy of the mini folder.

use serde_json::{Value, json};

use crate::common::Knowledge;
use crate::common::lsp_client::{LspClient, position, uri};

/// The pain file with `outcomes.fine` misspelled in the decide node.
fn broken_pain(knowledge: &Knowledge) -> (String, String) {
    let good = std::fs::read_to_string(knowledge.join("pain.flow")).expect("read pain.flow");
    let broken = good.replacen("otherwise -> outcomes.fine", "otherwise -> outcomes.fin", 1);
    assert_ne!(
        good, broken,
        "the fixture changed: no `otherwise -> outcomes.fine`"
    );
    (good, broken)
}

fn text_document(path: &std::path::Path, position: Value) -> Value {
    json!({"textDocument": {"uri": uri(path)}, "position": position})
}

fn labels(items: &Value) -> Vec<String> {
    let list = items.get("items").unwrap_or(items);
    list.as_array()
        .expect("a list of completions")
        .iter()
        .map(|i| i["label"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn an_editor_session_from_broken_to_fixed() {
    let knowledge = Knowledge::mini();
    let pain = knowledge.join("pain.flow");
    let pain_uri = uri(&pain);
    let (good, broken) = broken_pain(&knowledge);
    let mut client = LspClient::start(&[]);

    // Opening the broken text (not saved) shows the error where it is.
    client.open(&pain, &broken);
    let diagnostics = client.diagnostics(&pain_uri);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let error = &diagnostics[0];
    assert_eq!(error["code"], json!("E002"));
    assert_eq!(error["severity"], json!(1));
    assert_eq!(
        error["range"]["start"],
        position(&broken, "outcomes.fin\n", 0, 0)
    );
    let related: Vec<&str> = error["relatedInformation"]
        .as_array()
        .expect("related information")
        .iter()
        .filter_map(|r| r["message"].as_str())
        .collect();
    assert!(
        related.contains(&"did you mean `outcomes.fine`?"),
        "{related:?}"
    );
    // And in the message, for clients that show no related information.
    assert_eq!(
        error["message"],
        json!("unknown id `outcomes.fin`\nhelp: did you mean `outcomes.fine`?")
    );

    // The did-you-mean is a quick fix. The fixture is out of `fmt`'s
    // layout, so the node the fix is in is laid out with it, and only that
    // node (src/lsp/canonical_edits.rs).
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": pain_uri}, "range": error["range"],
               "context": {"diagnostics": [error]}}),
    );
    let edits = &actions[0]["edit"]["changes"][&pain_uri];
    let fixed = crate::lsp_canonical::apply_edits(&broken, edits);
    let node = broken.find("  decide route {").expect("the decide node");
    assert_eq!(fixed[..node], broken[..node], "{actions}");
    let laid_out = backcheck::syntax::format(&fixed).expect("the fixed text parses");
    let node_laid_out = laid_out.find("  decide route {").expect("the decide node");
    assert_eq!(fixed[node..], laid_out[node_laid_out..], "{actions}");
    assert!(fixed.contains(" -> outcomes.fine\n"), "{fixed}");

    // Hover on a question, a fact and an outcome.
    let hover = client.request(
        "textDocument/hover",
        text_document(&pain, position(&broken, "question worse", 0, 10)),
    );
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("What makes it worse?"), "{shown}");
    assert!(
        shown.contains("Positions that hurt are never used."),
        "{shown}"
    );
    assert!(shown.contains("001_5c8f93c37a18e781: Treatment"), "{shown}");
    let hover = client.request(
        "textDocument/hover",
        text_document(&pain, position(&broken, "when osteoporosis", 0, 6)),
    );
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("**fact** `osteoporosis`: bool"), "{shown}");
    let hover = client.request(
        "textDocument/hover",
        text_document(&pain, position(&broken, "outcomes.neuro", 0, 10)),
    );
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("refer routine"), "{shown}");
    assert!(
        shown.contains("See your doctor before a massage"),
        "{shown}"
    );

    // Definition across files: the outcome in outcomes.flow.
    let outcomes = std::fs::read_to_string(knowledge.join("outcomes.flow")).expect("outcomes");
    let found = client.request(
        "textDocument/definition",
        text_document(&pain, position(&broken, "outcomes.neuro", 0, 10)),
    );
    assert_eq!(
        found[0]["uri"],
        json!(uri(&knowledge.join("outcomes.flow"))),
        "{found}"
    );
    assert_eq!(
        found[0]["range"]["start"],
        position(&outcomes, "neuro {", 0, 0)
    );

    // References of the fact `radiation`: declared in flow.flow, set twice
    // and read once in pain.flow; the question of the same name is not it.
    let mut params = text_document(&pain, position(&broken, "radiation ==", 0, 2));
    params["context"] = json!({"includeDeclaration": true});
    let references = client.request("textDocument/references", params);
    let mut places: Vec<String> = references
        .as_array()
        .expect("a list of locations")
        .iter()
        .map(|l| {
            let file = l["uri"].as_str().unwrap_or_default();
            let file = file.rsplit('/').next().unwrap_or_default();
            format!("{file}:{}", l["range"]["start"]["line"])
        })
        .collect();
    places.sort();
    assert_eq!(
        places,
        [
            "flow.flow:8",
            "pain.flow:15",
            "pain.flow:16",
            "pain.flow:32"
        ],
        "{references}"
    );

    // Completion: node ids after `->`, facts after `set`, answers in a list.
    let items = client.request(
        "textDocument/completion",
        text_document(&pain, position(&broken, "-> outcomes.neuro", 0, 3)),
    );
    let names = labels(&items);
    assert!(names.contains(&"outcomes.neuro".to_string()), "{names:?}");
    assert!(names.contains(&"route".to_string()), "{names:?}");
    assert!(names.contains(&"next".to_string()), "{names:?}");
    let items = client.request(
        "textDocument/completion",
        text_document(&pain, position(&broken, "set osteoporosis", 0, 4)),
    );
    assert_eq!(labels(&items), ["osteoporosis", "radiation", "age"]);
    let items = client.request(
        "textDocument/completion",
        text_document(&pain, position(&broken, "[sitting", 0, 1)),
    );
    assert_eq!(labels(&items), ["sitting", "face_down", "nothing"]);

    // Keywords of the enclosing block at the start of a line, and tags.
    let items = client.request(
        "textDocument/completion",
        text_document(&pain, position(&broken, "    ask \"What makes", 0, 0)),
    );
    let names = labels(&items);
    assert!(names.contains(&"ask".to_string()), "{names:?}");
    assert!(!names.contains(&"verdict".to_string()), "{names:?}");
    let items = client.request(
        "textDocument/completion",
        text_document(&pain, position(&broken, "tags contraindication", 0, 5)),
    );
    let names = labels(&items);
    assert!(names.contains(&"red_flag".to_string()), "{names:?}");

    // Renaming a qualified id renames the id, not its file name.
    let range = client.request(
        "textDocument/prepareRename",
        text_document(&pain, position(&broken, "outcomes.neuro", 0, 2)),
    );
    assert_eq!(
        range["start"],
        position(&broken, "neuro\n", 0, 0),
        "{range}"
    );

    // Rename the answer `sitting`: its declaration and the condition that
    // reads it in pain.flow, and the case that gives it in outcomes.flow.
    let mut params = text_document(&pain, position(&broken, "answer sitting", 0, 8));
    params["newName"] = json!("seated");
    let edit = client.request("textDocument/rename", params);
    let renamed = |file: &str, text: &str| {
        let edits = &edit["changes"][uri(&knowledge.join(file))];
        crate::lsp_canonical::apply_edits(text, edits)
    };
    let pain_renamed = renamed("pain.flow", &broken);
    let outcomes_renamed = renamed("outcomes.flow", &outcomes);
    for (text, seated) in [(&pain_renamed, 2), (&outcomes_renamed, 1)] {
        assert_eq!(
            text.matches("seated").count() - text.matches("seated work").count(),
            seated,
            "{text}"
        );
        assert!(!text.contains("sitting"), "{text}");
    }
    let mut params = text_document(&pain, position(&broken, "answer sitting", 0, 8));
    params["newName"] = json!("face_down");
    let refused = client.request_raw("textDocument/rename", params);
    assert!(refused.get("error").is_some(), "{refused}");
    // A word of the language would be read as the word (issue 27: `not`
    // was accepted and broke the folder).
    for word in ["not", "and", "when", "otherwise", "set"] {
        let mut params = text_document(&pain, position(&broken, "answer sitting", 0, 8));
        params["newName"] = json!(word);
        let refused = client.request_raw("textDocument/rename", params);
        assert!(
            refused["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("is a word of the language")),
            "{word}: {refused}"
        );
    }

    // A change that fixes the error clears the diagnostics.
    client.drop_pending();
    client.change(&pain, 2, &good);
    assert_eq!(client.diagnostics(&pain_uri), Vec::<Value>::new());

    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn formatting_goes_through_fmt() {
    let knowledge = Knowledge::mini();
    let outcomes = knowledge.join("outcomes.flow");
    let good = std::fs::read_to_string(&outcomes).expect("read outcomes.flow");
    let messy = good.replace("\n  ", "\n        ");
    assert_ne!(good, messy);
    let mut client = LspClient::start(&[]);
    client.open(&outcomes, &messy);
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri(&outcomes)}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let edits = edits.as_array().expect("a list of edits");
    assert_eq!(edits.len(), 1, "{edits:?}");
    let formatted = backcheck::syntax::format(&good).expect("the fixture parses");
    assert_eq!(edits[0]["newText"], json!(formatted));
    // Already formatted: nothing to change.
    client.change(&outcomes, 2, &formatted);
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri(&outcomes)}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(edits, json!([]));
}

#[test]
fn a_broken_invariant_is_shown_with_its_counter_example() {
    let knowledge = Knowledge::mini();
    let safety = knowledge.join("safety.flow");
    let outcomes = knowledge.join("outcomes.flow");
    let good = std::fs::read_to_string(&safety).expect("read safety.flow");
    let unsafe_text = good.replacen("yes -> outcomes.emergency", "yes -> next", 1);
    assert_ne!(good, unsafe_text);
    let mut client = LspClient::start(&[]);
    client.open(&safety, &unsafe_text);
    let diagnostics = client.diagnostics(&uri(&outcomes));
    let broken: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == json!("E033"))
        .collect();
    assert_eq!(broken.len(), 1, "{diagnostics:#?}");
    let message = broken[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("saddle numbness refers now"), "{message}");
    assert!(message.contains("counter-example: saddle=yes"), "{message}");
    let path: Vec<&str> = broken[0]["relatedInformation"]
        .as_array()
        .expect("the path as related information")
        .iter()
        .filter_map(|r| r["message"].as_str())
        .collect();
    assert_eq!(path.first(), Some(&"1. saddle = yes"), "{path:?}");
}

#[test]
fn outline_lists_sections_with_their_nodes() {
    let knowledge = Knowledge::mini();
    let safety = knowledge.join("safety.flow");
    let text = std::fs::read_to_string(&safety).expect("read safety.flow");
    let mut client = LspClient::start(&[]);
    client.open(&safety, &text);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&safety)}}),
    );
    let section = &symbols[0];
    assert_eq!(section["name"], json!("checks"), "{symbols}");
    let children: Vec<&str> = section["children"]
        .as_array()
        .expect("the section's nodes")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert_eq!(children, ["saddle", "age", "age_route"]);
}

#[test]
fn without_an_editor_it_says_what_it_is_for() {
    let output = crate::common::backcheck(&["lsp"])
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .expect("run backcheck lsp");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("started by an editor"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Declared sources (issue 14) and declared tags (issue 16) are ids like
/// any other: hover says what the declaration says, and definition finds it.
#[test]
fn sources_and_tags_lead_to_their_declarations() {
    let knowledge = Knowledge::mini()
        .file(
            "sources.flow",
            "source ng59 {\n  title \"NICE NG59: Low back pain and sciatica\"\n  kind guideline\n  section \"Scope\"\n}\n",
        )
        .edit("outcomes.flow", "  source \"NICE NG59\"", "  source ng59");
    let outcomes = knowledge.join("outcomes.flow");
    let text = std::fs::read_to_string(&outcomes).expect("read outcomes.flow");
    let mut client = LspClient::start(&[]);
    client.open(&outcomes, &text);
    let at_citation = text_document(&outcomes, position(&text, "source ng59", 0, 8));
    let hover = client.request("textDocument/hover", at_citation.clone());
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("**source** `ng59`"), "{shown}");
    assert!(
        shown.contains("NICE NG59: Low back pain and sciatica"),
        "{shown}"
    );
    assert!(shown.contains("*Section:* Scope"), "{shown}");
    let found = client.request("textDocument/definition", at_citation);
    assert_eq!(
        found[0]["uri"],
        json!(uri(&knowledge.join("sources.flow"))),
        "{found}"
    );

    let safety = knowledge.join("safety.flow");
    let safety_text = std::fs::read_to_string(&safety).expect("read safety.flow");
    client.open(&safety, &safety_text);
    let at_tag = text_document(&safety, position(&safety_text, "tags red_flag", 0, 6));
    let hover = client.request("textDocument/hover", at_tag.clone());
    let shown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("A sign of serious disease"), "{shown}");
    assert!(shown.contains("*Means:* red_flag"), "{shown}");
    let flow = std::fs::read_to_string(knowledge.join("flow.flow")).expect("read flow.flow");
    let found = client.request("textDocument/definition", at_tag);
    assert_eq!(
        found[0]["uri"],
        json!(uri(&knowledge.join("flow.flow"))),
        "{found}"
    );
    assert_eq!(
        found[0]["range"]["start"],
        position(&flow, "red_flag \"", 0, 0)
    );
}

/// An invariant that proves nothing is an error in the editor too, from the
/// same background `verify` that finds broken ones.
#[test]
fn an_invariant_that_proves_nothing_is_shown() {
    let text = "invariant \"says nothing\" {\n  saddle in [yes] => urgency <= emergency or verdict != refer\n}\n";
    let knowledge = Knowledge::mini().file("extra.flow", text);
    let extra = knowledge.join("extra.flow");
    let mut client = LspClient::start(&[]);
    client.open(&extra, text);
    let diagnostics = client.diagnostics(&uri(&extra));
    let vacuous: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == json!("E024"))
        .collect();
    assert_eq!(vacuous.len(), 1, "{diagnostics:#?}");
    let message = vacuous[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("its right side holds on every path"),
        "{message}"
    );
}

/// Issue 23: the server resolves no name itself. On the shipped knowledge,
/// every name the compiler resolved is where the server's definition leads
/// from it, and every declaration's references in the server are exactly the
/// names the compiler resolved to it.
#[test]
fn the_server_finds_what_the_compiler_resolved_in_the_shipped_knowledge() {
    use backcheck::compile::symbols;
    use backcheck::source::KnowledgeSource;
    use std::collections::BTreeSet;

    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/lower_back");
    let source = KnowledgeSource::embedded();
    let table = symbols(&source);
    let paths: Vec<std::path::PathBuf> =
        source.files.iter().map(|f| folder.join(&f.path)).collect();
    for (file, path) in source.files.iter().zip(&paths) {
        let on_disk = std::fs::read_to_string(path).expect("read a shipped file");
        assert_eq!(on_disk, *file.text, "{} is not what is embedded", file.path);
    }
    // Line and UTF-16 column of a byte offset, as the protocol counts.
    let at = |file: usize, offset: usize| -> Value {
        let text = &source.files[file].text[..offset];
        let line_start = text.rfind('\n').map_or(0, |i| i + 1);
        let line = text.matches('\n').count();
        let character: usize = text[line_start..].chars().map(char::len_utf16).sum();
        json!({"line": line, "character": character})
    };
    let location = |span: backcheck::diagnostic::Span| -> String {
        format!(
            "{} {} {}",
            uri(&paths[span.file()]),
            at(span.file(), span.start()),
            at(span.file(), span.end())
        )
    };
    let asked = |span: backcheck::diagnostic::Span| -> Value {
        let inside = (span.start() + 1).min(span.end());
        json!({"textDocument": {"uri": uri(&paths[span.file()])}, "position": at(span.file(), inside)})
    };
    let found = |locations: &Value| -> BTreeSet<String> {
        locations
            .as_array()
            .expect("a list of locations")
            .iter()
            .map(|l| {
                format!(
                    "{} {} {}",
                    l["uri"].as_str().unwrap_or_default(),
                    l["range"]["start"],
                    l["range"]["end"]
                )
            })
            .collect()
    };

    let mut client = LspClient::start(&[]);
    let references = table.references();
    assert!(
        references.len() > 1000,
        "only {} references",
        references.len()
    );
    for reference in references {
        // The shipped knowledge compiles: every name means something.
        let declaration = reference
            .declaration
            .unwrap_or_else(|| panic!("{} resolves to nothing", location(reference.span)));
        let expected = location(table.declaration(declaration).span);
        let answer = client.request("textDocument/definition", asked(reference.span));
        assert_eq!(
            found(&answer),
            BTreeSet::from([expected]),
            "definition from {} ({:?})",
            location(reference.span),
            reference.written
        );
    }
    let mut declarations = 0;
    for (id, declared) in table.declared() {
        if !declared.symbol.is_id() || table.find(&declared.symbol) != Some(id) {
            continue;
        }
        declarations += 1;
        let mut params = asked(declared.span);
        params["context"] = json!({"includeDeclaration": false});
        let answer = client.request("textDocument/references", params);
        let expected: BTreeSet<String> =
            table.references_to(id).map(|r| location(r.span)).collect();
        let got = found(&answer);
        assert!(
            got == expected,
            "references of {:?}: the server misses {:?} and adds {:?}",
            declared.symbol,
            expected.difference(&got).collect::<Vec<_>>(),
            got.difference(&expected).collect::<Vec<_>>()
        );
    }
    assert!(declarations > 200, "only {declarations} declarations");
    assert_eq!(client.shutdown(), Some(0));
}

/// Issue 27: one malformed message ended the server (exit 1); now it is
/// answered with JSON-RPC's parse error and the next request is answered.
#[test]
fn a_malformed_message_is_answered_and_the_server_goes_on() {
    let mut client = LspClient::start(&[]);
    client.send_body("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ");
    let answer = client.wait_for("the parse error", |m| m.get("error").is_some());
    assert_eq!(answer["error"]["code"], json!(-32700), "{answer}");
    assert_eq!(answer["id"], Value::Null, "{answer}");
    client.send_body("[1, 2]");
    let answer = client.wait_for("the invalid request", |m| m.get("error").is_some());
    assert_eq!(answer["error"]["code"], json!(-32600), "{answer}");
    let unknown = client.request_raw("backcheck/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], json!(-32601), "{unknown}");
    assert_eq!(client.shutdown(), Some(0));
}

/// The protocol: `exit` before `shutdown` ends with code 1 (it was 0).
#[test]
fn exit_without_shutdown_exits_with_1() {
    let client = LspClient::start(&[]);
    assert_eq!(client.exit_at_once(), Some(1));
}

/// Issue 27: a case that fails never appeared in the editor; now it is an
/// error on the case, with the walk's answers to replay it.
#[test]
fn a_failing_case_is_shown_on_the_case() {
    let knowledge = Knowledge::mini();
    let outcomes = knowledge.join("outcomes.flow");
    let good = std::fs::read_to_string(&outcomes).expect("read outcomes.flow");
    let failing = good.replacen(
        "answers saddle=unsure\n  expect refer emergency",
        "answers saddle=unsure\n  expect treat",
        1,
    );
    assert_ne!(good, failing);
    let mut client = LspClient::start(&[]);
    client.open(&outcomes, &failing);
    let diagnostics = client.diagnostics(&uri(&outcomes));
    let failed: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == json!("E037"))
        .collect();
    assert_eq!(failed.len(), 1, "{diagnostics:#?}");
    assert_eq!(
        failed[0]["range"]["start"],
        position(&failing, "case \"unsure saddle\"", 0, 0)
    );
    let message = failed[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("case \"unsure saddle\" fails: expected treat, got refer emergency"),
        "{message}"
    );
    assert!(message.contains("--answers saddle=unsure"), "{message}");
    // Fixed, it goes once the worker has run the cases again (the last
    // findings stay shown until then).
    client.drop_pending();
    client.change(&outcomes, 2, &good);
    let gone = (0..10).any(|_| {
        let diagnostics = client.diagnostics(&uri(&outcomes));
        diagnostics.iter().all(|d| d["code"] != json!("E037"))
    });
    assert!(gone, "the failing case is still shown");
    assert_eq!(client.shutdown(), Some(0));
}

/// Waits for the worker to have checked the folder once (its log line).
fn checked_once(client: &mut LspClient) {
    client.wait_for("the worker's first check", |m| {
        m["method"] == json!("window/logMessage")
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("linted and verified"))
    });
}

/// The diagnostics of `uri` from the next publishes, until `wanted` holds
/// (at most ten publishes).
fn diagnostics_until(
    client: &mut LspClient,
    uri: &str,
    wanted: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    let mut last = Vec::new();
    for _ in 0..10 {
        last = client.diagnostics(uri);
        if wanted(&last) {
            return last;
        }
    }
    panic!("never came: {last:#?}")
}

fn has_code(diagnostics: &[Value], code: &str) -> bool {
    diagnostics.iter().any(|d| d["code"] == json!(code))
}

/// Issue 27.9: an edit of safety.flow breaks the invariant in outcomes.flow;
/// the finding is on the invariant and, pointing at it, at the edited line.
/// Issue 27.8: the unsaved edit is compared with the saved files, and what it
/// changes for patients is shown at the edit, until it is saved.
#[test]
fn a_finding_an_edit_causes_is_shown_at_the_edit_with_what_it_changes() {
    let knowledge = Knowledge::mini();
    let safety = knowledge.join("safety.flow");
    let outcomes = knowledge.join("outcomes.flow");
    let (safety_uri, outcomes_uri) = (uri(&safety), uri(&outcomes));
    let good = std::fs::read_to_string(&safety).expect("read safety.flow");
    let unsafe_text = good.replacen("yes -> outcomes.emergency", "yes -> next", 1);
    assert_ne!(good, unsafe_text);
    let mut client = LspClient::start(&[]);
    client.open(&safety, &good);
    checked_once(&mut client);
    client.change(&safety, 2, &unsafe_text);

    let on_invariant = diagnostics_until(&mut client, &outcomes_uri, |d| has_code(d, "E033"));
    let broken = on_invariant
        .iter()
        .find(|d| d["code"] == json!("E033"))
        .unwrap();
    let edited_line = position(&unsafe_text, "yes -> next", 0, 0)["line"].clone();
    let points_back = broken["relatedInformation"]
        .as_array()
        .expect("related information")
        .iter()
        .any(|r| {
            r["message"] == json!("after this edit")
                && r["location"]["uri"] == json!(safety_uri)
                && r["location"]["range"]["start"]["line"] == edited_line
        });
    assert!(points_back, "{broken:#}");

    let at_edit = diagnostics_until(&mut client, &safety_uri, |d| {
        has_code(d, "E033") && has_code(d, "diff")
    });
    // One diagnostic at the edit for all it caused, as severe as the worst.
    let echoes: Vec<&Value> = at_edit
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("this edit: "))
        })
        .collect();
    let [echo] = echoes[..] else {
        panic!("{at_edit:#?}")
    };
    assert_eq!(echo["range"]["start"]["line"], edited_line, "{echo:#}");
    assert_eq!(echo["severity"], json!(1), "{echo:#}");
    let message = echo["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("\ninvariant \"saddle numbness refers now\" does not hold"),
        "{message}"
    );
    assert!(message.contains(" (outcomes.flow line 35)"), "{message}");
    let pointed: Vec<&Value> = echo["relatedInformation"]
        .as_array()
        .expect("where each finding is")
        .iter()
        .map(|r| &r["location"]["uri"])
        .collect();
    assert!(pointed.contains(&&json!(outcomes_uri)), "{echo:#}");
    let diff = at_edit.iter().find(|d| d["code"] == json!("diff")).unwrap();
    assert_eq!(diff["range"]["start"]["line"], edited_line, "{diff:#}");
    assert_eq!(
        diff["severity"],
        json!(2),
        "less care is a warning: {diff:#}"
    );
    let message = diff["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("LESS CARE: outcomes.emergency (refer emergency) -> "),
        "{message}"
    );
    assert!(message.contains("safety.saddle=yes"), "{message}");

    // Saved: the edit is no longer unsaved; the finding stays at the edit.
    std::fs::write(&safety, &unsafe_text).expect("save safety.flow");
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": safety_uri}}),
    );
    let saved = diagnostics_until(&mut client, &safety_uri, |d| !has_code(d, "diff"));
    assert!(has_code(&saved, "E033"), "{saved:#?}");

    // Undone: the finding goes, from both places.
    client.change(&safety, 3, &good);
    diagnostics_until(&mut client, &outcomes_uri, |d| !has_code(d, "E033"));
    // Unsaved again (the disk has the unsafe text): the undo gives care back.
    let at_edit = diagnostics_until(&mut client, &safety_uri, |d| {
        !has_code(d, "E033") && has_code(d, "diff")
    });
    let diff = at_edit.iter().find(|d| d["code"] == json!("diff")).unwrap();
    assert_eq!(diff["severity"], json!(3), "{diff:#}");
    let message = diff["message"].as_str().unwrap_or_default();
    assert!(!message.contains("LESS CARE"), "{message}");
    assert_eq!(client.shutdown(), Some(0));
}
