//! The README shows what backcheck really says: its sample session is a
//! conversation on the built-in knowledge, played here, and its figures about
//! the shipped graph are counted from it. When the screen or the knowledge
//! changes, these tests fail until the README is brought up to date:
//!
//!     UPDATE_README=1 cargo test readme
//!
//! rewrites the two marked parts of README.md in place (and still fails
//! once, so a stale README is never passed over silently).

use backcheck::compile::{Flow, NodeKind, compile};
use backcheck::repl::{ChatOptions, Conversation, Width};
use backcheck::report::Audience;
use backcheck::source::KnowledgeSource;
use backcheck::terminal::PipedLines;

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

/// What the person in the sample types, one line each.
const TYPED: &[&str] = &[
    "1",
    "1",
    "35",
    "no",
    "nope, nothing like that",
    "no",
    "no",
    "no",
    "no",
    "no",
    "no",
    "no",
    "none of them",
    "no",
    "why",
    "about 3 weeks",
    "it stays in my back",
    "none of them",
    "bending",
];

/// The questions the sample shows whole; the others are cut to `…`.
const SHOWN_QUESTIONS: &[usize] = &[1, 2, 4, 14, 17];

/// How wide the sample's lines are: the README's own width.
const COLUMNS: usize = 88;

fn shipped() -> Flow {
    match compile(&KnowledgeSource::embedded()) {
        Ok(flow) => flow,
        Err(errors) => panic!("the shipped knowledge does not compile: {errors:?}"),
    }
}

/// The conversation as a person at a terminal of [`COLUMNS`] would see it.
fn played() -> String {
    let flow = shipped();
    let options = ChatOptions {
        audience: Audience::Lay,
        width: Width::Columns(COLUMNS),
    };
    let mut screen = Vec::new();
    let input = TYPED.join("\n") + "\n";
    let mut conversation = Conversation::new(&flow, options, &mut screen);
    conversation
        .run(&mut PipedLines::new(input.as_bytes()))
        .expect("the conversation writes to memory");
    drop(conversation);
    String::from_utf8(screen).expect("the screen is UTF-8")
}

/// The session cut to its telling parts: blocks (runs of lines between
/// blank lines) of a question not in [`SHOWN_QUESTIONS`], and the section
/// headings before them, become one `…` line.
fn shortened(screen: &str) -> String {
    let blocks: Vec<&str> = screen.trim_end().split("\n\n").collect();
    let mut kept: Vec<String> = vec!["$ cargo run --release".into()];
    let mut cut = false;
    for (i, block) in blocks.iter().enumerate() {
        let shown = match question_number(block) {
            Some(number) => SHOWN_QUESTIONS.contains(&number),
            // A heading goes with the question after it.
            None if block.starts_with("--- ") => blocks
                .get(i + 1)
                .and_then(|next| question_number(next))
                .is_none_or(|number| SHOWN_QUESTIONS.contains(&number)),
            None => true,
        };
        if shown {
            if cut {
                kept.push("…".into());
                cut = false;
            }
            kept.push((*block).to_string());
        } else {
            cut = true;
        }
    }
    kept.join("\n\n").replace("\n\n…\n\n", "\n…\n") + "\n"
}

fn question_number(block: &str) -> Option<usize> {
    let rest = block.strip_prefix("Question ")?;
    let end = rest.find(|c: char| !c.is_ascii_digit())?;
    rest[..end].parse().ok()
}

/// What the README says of the graph's size, counted.
fn sizes(flow: &Flow) -> String {
    let (mut questions, mut decides, mut outcomes) = (0, 0, 0);
    for node in flow.nodes() {
        match node.kind {
            NodeKind::Question(_) => questions += 1,
            NodeKind::Decide(_) => decides += 1,
            NodeKind::Outcome(_) => outcomes += 1,
        }
    }
    format!(
        "The shipped graph has {} nodes ({questions} questions, {decides} decision points and \
         {outcomes} outcomes), {} cases and {} vignettes.\n",
        flow.nodes().len(),
        flow.cases().len(),
        flow.vignettes().len()
    )
}

/// The text between `<!-- NAME -->` and `<!-- /NAME -->` in the README.
fn marked<'r>(readme: &'r str, name: &str) -> (usize, usize, &'r str) {
    let open = format!("<!-- {name} -->\n");
    let close = format!("<!-- /{name} -->");
    let start = readme
        .find(&open)
        .unwrap_or_else(|| panic!("README.md has no `{}` marker", open.trim_end()))
        + open.len();
    let end = start
        + readme[start..]
            .find(&close)
            .unwrap_or_else(|| panic!("README.md has no `{close}` marker"));
    (start, end, &readme[start..end])
}

/// Compares the marked part with what it should say; rewrites it when asked.
fn agrees(name: &str, expected: &str) {
    let readme = std::fs::read_to_string(README).expect("read README.md");
    let (start, end, written) = marked(&readme, name);
    if written == expected {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{expected}{}", &readme[..start], &readme[end..]);
        std::fs::write(README, updated).expect("write README.md");
        panic!("README.md's `{name}` was out of date and has been rewritten: check the diff");
    }
    panic!(
        "README.md's `{name}` is not what backcheck says now; run `UPDATE_README=1 cargo test \
         readme` and check the diff.\n--- README\n{written}\n--- now\n{expected}"
    );
}

#[test]
fn the_sample_session_is_what_backcheck_says() {
    let session = format!("```\n{}```\n", shortened(&played()));
    agrees("sample-session", &session);
}

#[test]
fn the_graphs_size_is_counted_from_the_knowledge() {
    agrees("graph-size", &sizes(&shipped()));
}

#[test]
fn the_sample_reaches_a_result_and_shows_what_was_typed() {
    let screen = played();
    assert!(screen.contains("=== RESULT:"), "{screen}");
    assert!(
        screen.contains("> nope, nothing like that\n→ No"),
        "{screen}"
    );
    assert!(screen.contains("> why\n"), "{screen}");
}

#[test]
fn shortening_keeps_the_shown_questions_and_cuts_the_rest() {
    let screen = "Hello\n\n--- A ---\n\nQuestion 1 (x)\nQ1?\n> 1\n\nQuestion 2 (x)\nQ2?\n> 2\n\n\
                  --- B ---\n\nQuestion 3 (x)\nQ3?\n> 3\n\nQuestion 4 (x)\nQ4?\n\nQuestion 14 (x)\nQ14\n\n\
                  === RESULT ===\n";
    let short = shortened(screen);
    assert!(short.starts_with("$ cargo run --release\n\nHello\n\n--- A ---\n\nQuestion 1 (x)"));
    assert!(short.contains("Q1?\n> 1\n\nQuestion 2 (x)"), "{short}");
    assert!(!short.contains("Q3?"), "{short}");
    assert!(!short.contains("--- B ---"), "{short}");
    assert!(short.contains("> 2\n…\nQuestion 4 (x)"), "{short}");
    assert!(short.contains("Q4?\n\nQuestion 14 (x)"), "{short}");
    assert!(short.ends_with("=== RESULT ===\n"), "{short}");
}
