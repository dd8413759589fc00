//! docs/red-flags.md keeps step with the knowledge: every question tagged
//! `red_flag` in the compiled shipped flow is named in the coverage table, and
//! every row of the table names questions that exist, or says why nothing asks
//! it.

use std::collections::BTreeSet;

use backcheck::compile::{Flow, NodeKind, compile};
use backcheck::source::KnowledgeSource;

const TABLE: &str = include_str!("../docs/red-flags.md");

fn shipped() -> Flow {
    compile(&KnowledgeSource::embedded()).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// One row of the table: the item, the ids in its questions column, and its
/// reason for being out of scope.
struct Row<'a> {
    item: &'a str,
    questions: Vec<&'a str>,
    reason: &'a str,
}

/// The ids written in backticks in a cell (`risk_screen` (immune) gives
/// `risk_screen`).
fn ids(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

/// The rows of the table under "## The table": five cells each.
fn rows() -> Vec<Row<'static>> {
    let table = TABLE
        .split("## The table")
        .nth(1)
        .expect("docs/red-flags.md has a `## The table` heading");
    let rows: Vec<Row> = table
        .lines()
        .take_while(|line| !line.starts_with("## "))
        .filter(|line| {
            line.starts_with("| ") && !line.starts_with("| reference") && !line.starts_with("| ---")
        })
        .map(|line| {
            let cells: Vec<&str> = line.trim().trim_matches('|').split(" |").collect();
            assert_eq!(cells.len(), 5, "a row needs five cells: {line}");
            Row {
                item: cells[1].trim(),
                questions: ids(cells[2]),
                reason: cells[4].trim(),
            }
        })
        .collect();
    assert!(
        rows.len() > 20,
        "the table was not read: {} rows",
        rows.len()
    );
    rows
}

fn question_ids(flow: &Flow) -> BTreeSet<&str> {
    flow.nodes()
        .iter()
        .filter(|node| matches!(node.kind, NodeKind::Question(_)))
        .map(|node| node.local())
        .collect()
}

#[test]
fn every_red_flag_of_the_knowledge_is_in_the_table() {
    let flow = shipped();
    let named: BTreeSet<&str> = rows()
        .iter()
        .flat_map(|row| row.questions.clone())
        .collect();
    let missing: Vec<&str> = flow
        .nodes()
        .iter()
        .filter(|node| matches!(node.kind, NodeKind::Question(_)) && node.is_red_flag())
        .map(|node| node.local())
        .filter(|id| !named.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "red flags not in docs/red-flags.md: {missing:?}"
    );
}

#[test]
fn every_row_names_questions_that_exist_or_gives_a_reason() {
    let flow = shipped();
    let questions = question_ids(&flow);
    for row in rows() {
        assert!(
            !row.questions.is_empty() || row.reason.len() > 10,
            "`{}` names no question and gives no reason",
            row.item
        );
        assert!(
            row.questions.is_empty() || row.reason.is_empty(),
            "`{}` names questions and is out of scope too",
            row.item
        );
        for id in &row.questions {
            assert!(
                questions.contains(id),
                "`{}` names `{id}`, which is not a question of the shipped knowledge",
                row.item
            );
        }
    }
}

#[test]
fn a_question_renamed_in_the_table_is_caught() {
    // The check above can fail: a misspelt id is not a question.
    let flow = shipped();
    let questions = question_ids(&flow);
    assert!(questions.contains("sexual_function"));
    assert!(!questions.contains("sexual_functon"));
    assert_eq!(
        ids("`risk_screen` (immune), `immune_weak`"),
        ["risk_screen", "immune_weak"]
    );
}
