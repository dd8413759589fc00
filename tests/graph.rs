//! `backcheck graph`: every node and edge of tests/fixtures/mini appears in each
//! format; the JSON has the fields docs/graph-json.md documents; the DOT renders
//! with Graphviz when it is installed (the one way to an SVG); decide arms are
//! numbered in the order they are tried, in every format.

use crate::common;

use backcheck::compile::{Edge, Flow, NodeKind, compile};
use backcheck::source::KnowledgeSource;
use common::{MINI, backcheck, describe, text};
use serde_json::Value;

/// The fixture compiled in-process: what each export must contain.
fn mini() -> Flow {
    let source = KnowledgeSource::from_dir(std::path::Path::new(MINI)).expect("read mini");
    compile(&source).unwrap_or_else(|_| panic!("the mini fixture compiles"))
}

/// (from id, to id, label) of every edge.
fn edges(flow: &Flow) -> Vec<(String, String, String)> {
    let json: Value = serde_json::from_str(&graph("json")).expect("JSON");
    let listed = json["edges"].as_array().expect("edges").len();
    assert_eq!(listed, flow.edge_count(), "one JSON edge per graph edge");
    flow.edges()
        .map(|(a, b, edge)| {
            let from = &flow.node(a).kind;
            let label = match (edge, from) {
                (Edge::Answer(i), NodeKind::Question(q)) => q.answers()[*i].id.to_string(),
                (Edge::Condition(i), NodeKind::Decide(d)) => {
                    format!("{}. {}", i + 1, d.arms[*i].text)
                }
                (Edge::Otherwise, NodeKind::Decide(d)) => {
                    format!("{}. otherwise", d.arms.len() + 1)
                }
                (Edge::Then, _) => "then".into(),
                (Edge::Skip, _) => "skip: already known".into(),
                (Edge::Otherwise, _) => "otherwise".into(),
                (edge, _) => panic!("{edge:?} cannot leave {from:?}"),
            };
            (
                flow.node(a).id.to_string(),
                flow.node(b).id.to_string(),
                label,
            )
        })
        .collect()
}

/// `backcheck graph --format FORMAT --knowledge mini`, which must succeed.
fn graph(format: &str) -> String {
    let output = backcheck(&["graph", "--format", format, "--knowledge", MINI])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    text(&output.stdout)
}

#[test]
fn dot_has_every_node_edge_and_section() {
    let flow = mini();
    let dot = graph("dot");
    assert!(dot.starts_with("digraph \"mini\" {"), "{dot}");
    for node in flow.nodes() {
        let shape = match node.kind {
            NodeKind::Question(_) => "shape=box",
            NodeKind::Decide(_) => "shape=diamond",
            NodeKind::Outcome(_) => "shape=box, style=\"filled,bold\"",
        };
        assert!(
            dot.contains(&format!("\"{}\" [{shape}", node.id)),
            "node {} missing or with the wrong shape:\n{dot}",
            node.id
        );
    }
    for (from, to, label) in edges(&flow) {
        let line = format!("\"{from}\" -> \"{to}\" [label=\"{label}\"];");
        assert!(dot.contains(&line), "no `{line}` in:\n{dot}");
    }
    for section in flow.sections() {
        assert!(
            dot.contains(&format!("subgraph \"cluster_{}\" {{", section.id)),
            "{dot}"
        );
        assert!(
            dot.contains(&format!("label=\"{}\";", section.title)),
            "{dot}"
        );
    }
}

#[test]
fn dot_colours_outcomes_by_verdict() {
    let dot = graph("dot");
    let line = |id: &str| {
        dot.lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{id}\" [")))
            .unwrap_or_else(|| panic!("no node {id}"))
            .to_string()
    };
    assert!(
        line("outcomes.emergency").contains("#c62828"),
        "emergency is red"
    );
    assert!(
        line("outcomes.too_young").contains("#6a1b9a"),
        "routine is purple"
    );
    assert!(
        line("outcomes.changes").contains("#ff8f00"),
        "modify is amber"
    );
    assert!(line("outcomes.fine").contains("#2e7d32"), "treat is green");
}

#[test]
fn dot_renders_with_graphviz_when_installed() {
    let dot = graph("dot");
    let Ok(mut child) = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        // No Graphviz here: the DOT text itself is checked by the tests above,
        // and its balance of braces and quotes here.
        assert_eq!(dot.matches('{').count(), dot.matches('}').count(), "{dot}");
        assert_eq!(dot.replace("\\\"", "").matches('"').count() % 2, 0, "{dot}");
        return;
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("write to dot");
    let output = child.wait_with_output().expect("run dot");
    assert!(output.status.success(), "{}", describe(&output));
    assert!(text(&output.stdout).contains("<svg"), "dot printed no SVG");
    assert!(
        output.stderr.is_empty(),
        "dot warned: {}",
        text(&output.stderr)
    );
}

#[test]
fn mermaid_has_every_node_edge_and_section() {
    let flow = mini();
    let mermaid = graph("mermaid");
    assert!(mermaid.starts_with("flowchart TD\n"), "{mermaid}");
    for (index, node) in flow.nodes().iter().enumerate() {
        let open = match node.kind {
            NodeKind::Question(_) => "[\"",
            NodeKind::Decide(_) => "{\"",
            NodeKind::Outcome(_) => "([\"",
        };
        assert!(
            mermaid.contains(&format!("n{index}{open}{}", node.id)),
            "node {} missing:\n{mermaid}",
            node.id
        );
    }
    let arrows = mermaid.lines().filter(|l| l.contains(" -->|")).count();
    assert_eq!(arrows, flow.edge_count(), "{mermaid}");
    for (from, to, label) in edges(&flow) {
        let index = |id: &str| flow.nodes().iter().position(|n| n.id == id).expect("node");
        let label = label.replace('<', "#lt;").replace('>', "#gt;");
        let line = format!("n{} -->|\"{label}\"| n{}", index(&from), index(&to));
        assert!(mermaid.contains(&line), "no `{line}` in:\n{mermaid}");
    }
    for section in flow.sections() {
        assert!(
            mermaid.contains(&format!("[\"{}\"]\n", section.title)),
            "{mermaid}"
        );
    }
    assert_eq!(
        mermaid.matches("subgraph ").count(),
        mermaid.lines().filter(|l| l.trim() == "end").count()
    );
}

#[test]
fn json_has_the_documented_fields() {
    let flow = mini();
    let json: Value = serde_json::from_str(&graph("json")).expect("valid JSON");
    assert_eq!(json["format"], "backcheck-graph");
    assert_eq!(json["version"], 1);
    assert_eq!(json["knowledge"]["name"], "mini");
    assert_eq!(json["knowledge"]["version"], "0.1");
    assert_eq!(json["knowledge"]["hash"], flow.meta().hash.as_str());
    assert_eq!(json["start"], "safety.saddle");
    let sections = json["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), flow.sections().len());
    assert!(
        sections
            .iter()
            .all(|s| s["id"].is_string() && s["title"].is_string())
    );

    let nodes = json["nodes"].as_array().expect("nodes");
    assert_eq!(nodes.len(), flow.nodes().len());
    for (node, expected) in nodes.iter().zip(flow.nodes()) {
        assert_eq!(node["id"], expected.id.as_str());
        for field in ["section", "text", "clinical", "why", "sources", "tags"] {
            assert!(
                node.get(field).is_some(),
                "{} has no `{field}`: {node}",
                expected.id
            );
        }
        match &expected.kind {
            NodeKind::Question(question) => {
                assert_eq!(node["kind"], "question");
                assert_eq!(node["text"], question.ask.as_str());
                let answers = node["answers"].as_array().expect("answers");
                assert_eq!(answers.len(), question.answers().len());
                assert!(
                    answers
                        .iter()
                        .all(|a| a["id"].is_string() && a["label"].is_string())
                );
                assert!(node["form"].is_string());
                assert!(node.get("verdict").is_none());
            }
            NodeKind::Decide(_) => {
                assert_eq!(node["kind"], "decide");
                assert!(node["text"].is_null());
                assert!(node.get("answers").is_none() && node.get("verdict").is_none());
            }
            NodeKind::Outcome(outcome) => {
                assert_eq!(node["kind"], "outcome");
                assert_eq!(node["text"], outcome.title.as_str());
                assert_eq!(node["verdict"], outcome.verdict.word());
                assert!(
                    node.get("urgency").is_some(),
                    "urgency is always present on outcomes"
                );
            }
        }
    }
    let saddle = &nodes[flow.find("safety.saddle").expect("saddle").index()];
    assert_eq!(saddle["section"], "safety.checks");
    assert_eq!(saddle["clinical"], "Saddle anaesthesia?");
    assert_eq!(saddle["form"], "yes_no");
    assert_eq!(saddle["tags"], serde_json::json!(["red_flag", "emergency"]));
    assert_eq!(
        saddle["sources"],
        serde_json::json!([{"document": "001_5c8f93c37a18e781", "part": "Contraindications"}])
    );
    let emergency = &nodes[flow.find("outcomes.emergency").expect("emergency").index()];
    assert_eq!(emergency["urgency"], "emergency");
    let fine = &nodes[flow.find("outcomes.fine").expect("fine").index()];
    assert!(fine["urgency"].is_null());

    let listed: Vec<&Value> = json["edges"].as_array().expect("edges").iter().collect();
    for (edge, (from, to, _)) in listed.iter().zip(edges(&flow)) {
        assert_eq!(edge["from"], from.as_str());
        assert_eq!(edge["to"], to.as_str());
        match edge["kind"].as_str() {
            Some("answer") => assert!(edge["answer"].is_string(), "{edge}"),
            Some("condition" | "skip") => assert!(edge["condition"].is_string(), "{edge}"),
            Some("then" | "otherwise") => {}
            other => panic!("unknown edge kind {other:?}"),
        }
    }
    let condition = listed
        .iter()
        .find(|e| e["kind"] == "condition" && e["to"] == "outcomes.too_young")
        .expect("the age condition edge");
    assert_eq!(condition["condition"], "age < 16");
}

#[test]
fn decide_arms_are_numbered_in_order_in_every_format() {
    let flow = mini();
    let json: Value = serde_json::from_str(&graph("json")).expect("JSON");
    let dot = graph("dot");
    let mermaid = graph("mermaid");
    for node in flow.nodes() {
        let NodeKind::Decide(decide) = &node.kind else {
            continue;
        };
        let mut arms: Vec<(usize, String)> = decide
            .arms
            .iter()
            .enumerate()
            .map(|(i, arm)| (i + 1, arm.text.to_string()))
            .collect();
        arms.push((decide.arms.len() + 1, "otherwise".to_string()));
        for (arm, words) in &arms {
            let label = format!("{arm}. {words}");
            assert!(
                dot.contains(&format!("[label=\"{label}\"]")),
                "no `{label}` in:\n{dot}"
            );
            // Mermaid's entity codes, as graph_mermaid.rs writes them.
            let shown: String = label
                .chars()
                .map(|c| match c {
                    '<' => "#lt;".to_string(),
                    '>' => "#gt;".to_string(),
                    c => c.to_string(),
                })
                .collect();
            assert!(mermaid.contains(&shown), "no `{shown}` in:\n{mermaid}");
        }
        let numbered: Vec<u64> = json["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .filter(|e| e["from"] == node.id.as_str())
            .filter_map(|e| e["arm"].as_u64())
            .collect();
        let expected: Vec<u64> = (1..=arms.len() as u64).collect();
        assert_eq!(numbered, expected, "arms of {}", node.id);
    }
}

#[test]
fn shipped_knowledge_exports_in_every_format() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge/lower_back");
    for format in ["dot", "mermaid", "json"] {
        let output = backcheck(&["graph", "--format", format, "--knowledge", dir])
            .output()
            .expect("run backcheck");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            describe(&output)
        );
        assert!(output.stdout.len() > 1000, "{format}: too short");
    }
}

#[test]
fn unknown_format_is_a_usage_error() {
    let output = backcheck(&["graph", "--format", "png"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
}

#[test]
fn dot_snapshot() {
    insta::assert_snapshot!(graph("dot"));
}

#[test]
fn mermaid_snapshot() {
    insta::assert_snapshot!(graph("mermaid"));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(graph("json"));
}

/// `backcheck graph` with `args` on mini, which must succeed.
fn graph_with(args: &[&str]) -> String {
    let mut all = vec!["graph", "--knowledge", MINI];
    all.extend(args);
    let output = backcheck(&all).output().expect("run backcheck");
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));
    text(&output.stdout)
}

/// The DOT line of node `id`, if drawn.
fn dot_line<'a>(dot: &'a str, id: &str) -> Option<&'a str> {
    dot.lines()
        .find(|l| l.trim_start().starts_with(&format!("\"{id}\" [")))
}

#[test]
fn red_flags_and_only_they_are_marked_in_dot_and_mermaid() {
    let flow = mini();
    let dot = graph("dot");
    let mermaid = graph("mermaid");
    let mut flags = 0;
    for (index, node) in flow.nodes().iter().enumerate() {
        let line = dot_line(&dot, &node.id).expect("every node is drawn");
        let style = format!("  style n{index} ");
        let styled = mermaid
            .lines()
            .find(|l| l.starts_with(&style))
            .expect("every node is styled");
        let marked = line.contains("[RED FLAG") && line.contains("penwidth=2");
        assert_eq!(marked, node.is_red_flag(), "{line}");
        assert_eq!(
            styled.contains("stroke-width:3px"),
            node.is_red_flag(),
            "{styled}"
        );
        flags += usize::from(node.is_red_flag());
    }
    assert!(flags > 0, "mini has a red flag to draw");
    let saddle = dot_line(&dot, "safety.saddle").expect("saddle");
    assert!(saddle.contains("[RED FLAG, emergency]"), "{saddle}");
}

#[test]
fn both_pictures_have_a_legend_of_every_shape_and_verdict() {
    let dot = graph("dot");
    let mermaid = graph("mermaid");
    for words in [
        "question",
        "red flag (danger sign)",
        "decide",
        "treat",
        "modify",
        "refer routine",
        "refer urgent",
        "refer emergency",
        "drawn elsewhere",
    ] {
        assert!(
            dot.contains(&format!("label=\"{words}\"")),
            "{words}:\n{dot}"
        );
        assert!(
            mermaid.contains(&format!("\"{words}\"")),
            "{words}:\n{mermaid}"
        );
    }
    assert!(dot.contains("subgraph \"cluster_legend\""), "{dot}");
    assert!(mermaid.contains("subgraph legend[\"Legend\"]"), "{mermaid}");
}

#[test]
fn a_section_is_drawn_alone_with_stubs_for_edges_out_of_it() {
    let flow = mini();
    let checks = flow
        .sections()
        .iter()
        .position(|s| s.id == "safety.checks")
        .expect("the checks section");
    for name in ["safety.checks", "checks"] {
        let dot = graph_with(&["--section", name]);
        for node in flow.nodes() {
            let line = dot_line(&dot, &node.id);
            let inside = node.section == Some(checks);
            let leads_in = flow.edges().any(|(from, to, _)| {
                flow.node(from).section == Some(checks) && flow.node(to).id == node.id
            });
            match (inside, leads_in) {
                (true, _) => assert!(
                    line.is_some_and(|l| !l.contains("elsewhere")),
                    "{} drawn in full:\n{dot}",
                    node.id
                ),
                (false, true) => assert!(
                    line.is_some_and(|l| l.contains("style=\"dashed\"")),
                    "{} is a stub:\n{dot}",
                    node.id
                ),
                (false, false) => assert!(line.is_none(), "{} left out:\n{dot}", node.id),
            }
        }
        assert!(
            dot.contains("\"safety.age_route\" -> \"pain.bones\""),
            "{dot}"
        );
        assert!(
            !dot.contains("subgraph \"cluster_pain.your_pain\""),
            "{dot}"
        );
    }
    let mermaid = graph_with(&["--format", "mermaid", "--section", "your_pain"]);
    assert!(mermaid.contains("subgraph s0[\"Your pain\"]"), "{mermaid}");
    assert!(!mermaid.contains("Safety checks"), "{mermaid}");
    assert!(mermaid.contains("(elsewhere)"), "{mermaid}");
}

#[test]
fn around_draws_the_neighbourhood_to_the_depth_asked() {
    let flow = mini();
    let near = |depth: &str| {
        let dot = graph_with(&["--around", "safety.age", "--depth", depth]);
        let full: Vec<String> = flow
            .nodes()
            .iter()
            .filter(|n| dot_line(&dot, &n.id).is_some_and(|l| !l.contains("elsewhere")))
            .map(|n| n.id.to_string())
            .collect();
        full
    };
    assert_eq!(near("0"), ["safety.age"]);
    let mut one = near("1");
    one.sort();
    assert_eq!(one, ["safety.age", "safety.age_route", "safety.saddle"]);
    let two = near("2");
    for id in ["outcomes.emergency", "outcomes.too_young", "pain.bones"] {
        assert!(two.iter().any(|n| n == id), "{id} in {two:?}");
    }
    assert!(!two.iter().any(|n| n == "pain.radiation"), "{two:?}");
}

#[test]
fn a_part_that_is_not_there_or_not_a_picture_is_a_usage_error() {
    for args in [
        &["--section", "nowhere"][..],
        &["--around", "nothing"],
        &["--depth", "2"],
        &["--section", "checks", "--around", "safety.age"],
        &["--format", "json", "--section", "checks"],
    ] {
        let mut all = vec!["graph", "--knowledge", MINI];
        all.extend(args);
        let output = backcheck(&all).output().expect("run");
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            describe(&output)
        );
    }
    let output = backcheck(&["graph", "--knowledge", MINI, "--section", "nowhere"])
        .output()
        .expect("run");
    assert!(
        text(&output.stderr).contains("safety.checks"),
        "names the sections there are: {}",
        describe(&output)
    );
}
