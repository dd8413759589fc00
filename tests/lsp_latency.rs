//! How long `backcheck lsp` takes to answer, on the shipped knowledge and
//! on a generated folder of 10,000 nodes (examples/synth/generate.rs).
//! Ignored by default (it is about speed, so run it optimised):
//! `cargo test --release --test integration lsp_latency -- --ignored --nocapture`.
//! It fails when an answer is wrong or slower than a generous bound; the
//! figures are printed.

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::common::Knowledge;
use crate::common::lsp_client::{LspClient, position, uri};

#[path = "../examples/synth/generate.rs"]
#[allow(dead_code, clippy::all)]
mod generate;

/// No answer may take longer than this, even on a loaded machine.
const BOUND: Duration = Duration::from_secs(10);

fn timed<T>(what: &str, report: &mut Vec<String>, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let value = f();
    let took = started.elapsed();
    report.push(format!("{what}: {:.1} ms", took.as_secs_f64() * 1000.0));
    assert!(took < BOUND, "{what} took {took:?}");
    value
}

/// Opens the file of `dir` with the most targets, breaks a target, fixes
/// it, and asks everything once; returns the lines of the report.
fn measure(dir: &Path) -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("read the folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "flow"))
        .collect();
    files.sort();
    let path = files
        .iter()
        .max_by_key(|p| {
            std::fs::read_to_string(p)
                .unwrap_or_default()
                .matches("-> ")
                .count()
        })
        .expect("a .flow file")
        .clone();
    let text = std::fs::read_to_string(&path).expect("read the file");
    let arrow = text.find("-> ").expect("a target") + 3;
    let end = arrow
        + text[arrow..]
            .find(|c: char| c.is_whitespace())
            .expect("its end");
    let broken = format!("{}zz{}", &text[..end], &text[end..]);
    let file_uri = uri(&path);
    let mut report = vec![format!(
        "{} ({} files), {}",
        dir.display(),
        files.len(),
        path.file_name().unwrap_or_default().to_string_lossy()
    )];
    let mut client = LspClient::start(&[]);
    let symbols = json!({"textDocument": {"uri": file_uri}});
    timed("open, first look", &mut report, || {
        client.open(&path, &text);
        client.request("textDocument/documentSymbol", symbols.clone())
    });
    client.drop_pending();
    timed("change -> its error shown", &mut report, || {
        client.change(&path, 2, &broken);
        let shown = client.diagnostics(&file_uri);
        assert!(
            shown.iter().any(|d| d["code"] == json!("E002")),
            "{shown:?}"
        );
    });
    timed("change -> the error cleared", &mut report, || {
        client.change(&path, 3, &text);
        let shown = client.diagnostics(&file_uri);
        assert!(
            !shown.iter().any(|d| d["severity"] == json!(1)),
            "{shown:?}"
        );
    });
    let at = json!({"textDocument": {"uri": file_uri}, "position": position(&text, "-> ", 0, 4)});
    // A keystroke, then a question at once: answered from the names, not
    // after compiling.
    let typed = format!("{text}\n");
    let hover = timed("change -> hover at once", &mut report, || {
        client.change(&path, 4, &typed);
        client.request("textDocument/hover", at.clone())
    });
    assert!(hover["contents"]["value"].is_string(), "{hover}");
    // The keystroke left the file unsaved: the worker compares it with the
    // saved files once its checks are sent, and logs how long that took.
    let compared = client.wait_for("the unsaved edit compared", |m| {
        m["method"] == json!("window/logMessage")
            && m["params"]["message"]
                .as_str()
                .is_some_and(|s| s.contains("compared the unsaved edit"))
    });
    let said = compared["params"]["message"].as_str().unwrap_or_default();
    report.push(format!(
        "unsaved edit compared with the saved files (diff, on the worker): {}",
        said.rsplit(" in ").next().unwrap_or(said)
    ));
    let hover = timed("hover", &mut report, || {
        client.request("textDocument/hover", at.clone())
    });
    assert!(hover["contents"]["value"].is_string(), "{hover}");
    let found = timed("definition", &mut report, || {
        client.request("textDocument/definition", at.clone())
    });
    assert_eq!(found.as_array().map(Vec::len), Some(1), "{found}");
    let mut with_context = at.clone();
    with_context["context"] = json!({"includeDeclaration": true});
    let references = timed("references", &mut report, || {
        client.request("textDocument/references", with_context.clone())
    });
    assert!(
        references.as_array().is_some_and(|r| r.len() >= 2),
        "{references}"
    );
    let mut after_arrow = at.clone();
    after_arrow["position"] = position(&text, "-> ", 0, 3);
    let items = timed("completion after ->", &mut report, || {
        client.request("textDocument/completion", after_arrow.clone())
    });
    assert!(
        items["items"].as_array().is_some_and(|i| !i.is_empty()),
        "{items}"
    );
    let mut renaming = at.clone();
    renaming["newName"] = json!("renamed_for_timing");
    let edit = timed("rename", &mut report, || {
        client.request("textDocument/rename", renaming.clone())
    });
    assert!(edit["changes"].is_object(), "{edit}");
    timed("formatting", &mut report, || {
        client.request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": file_uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
        )
    });
    assert_eq!(client.shutdown(), Some(0));
    report
}

#[test]
#[ignore = "timing: run optimised with --ignored --nocapture"]
fn lsp_latency_on_shipped_and_10k_nodes() {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge/lower_back");
    let mut report = measure(&shipped);
    let mut large = Knowledge::empty();
    for (name, text) in generate::files(10_000, 1) {
        large = large.file(&name, text);
    }
    report.extend(measure(large.path()));
    println!("{}", report.join("\n"));
}
