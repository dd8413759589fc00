//! Confinement: a knowledge folder is read from inside itself only. A link
//! that leads out of it (to `/etc/passwd`, to another folder) is refused with
//! a message naming the link; a link that stays inside is followed.
//!
//! The language has no file references (no `include`, no paths in strings
//! that are opened), so links on disk are the only way out of the folder.

#![cfg(unix)]

use crate::common;

use std::os::unix::fs::symlink;
use std::path::Path;

use backcheck::compile::compile;
use backcheck::source::{KnowledgeSource, LoadError};
use common::{Knowledge, backcheck, describe, text};

/// `backcheck check DIR` must stop with exit 2 and a message naming `link`
/// as leading outside the folder, without reading what it points at.
fn check_refuses(knowledge: &Knowledge, link: &str) {
    let output = backcheck(&["check", knowledge.arg()])
        .output()
        .expect("run backcheck");
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(link) && stderr.contains("outside the knowledge folder"),
        "the message does not name {link}:\n{stderr}"
    );
    assert!(!stderr.contains("root:"), "leaked /etc/passwd:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn outside_root(knowledge: &Knowledge) -> LoadError {
    match KnowledgeSource::from_dir(knowledge.path()) {
        Ok(source) => panic!(
            "read {:?} through a link out of the folder",
            source.files.iter().map(|f| &f.path).collect::<Vec<_>>()
        ),
        Err(error) => error,
    }
}

#[test]
fn a_flow_file_linked_to_etc_passwd_is_refused() {
    let knowledge = Knowledge::mini();
    symlink("/etc/passwd", knowledge.join("passwd.flow")).expect("make a link");
    let error = outside_root(&knowledge);
    assert!(matches!(error, LoadError::OutsideRoot { ref path } if path.ends_with("passwd.flow")));
    check_refuses(&knowledge, "passwd.flow");
}

#[test]
fn a_folder_linked_outside_is_refused() {
    let elsewhere = Knowledge::empty().file("secret.flow", "// not for this knowledge\n");
    let knowledge = Knowledge::mini();
    symlink(elsewhere.path(), knowledge.join("borrowed")).expect("make a link");
    let error = outside_root(&knowledge);
    assert!(matches!(error, LoadError::OutsideRoot { ref path } if path.ends_with("borrowed")));
    check_refuses(&knowledge, "borrowed");
}

#[test]
fn a_link_out_of_a_nested_folder_is_refused() {
    let knowledge = Knowledge::mini().file("more/empty.flow", "");
    symlink("/etc", knowledge.join("more/etc")).expect("make a link");
    outside_root(&knowledge);
    check_refuses(&knowledge, "more/etc");
}

#[test]
fn a_relative_link_climbing_out_is_refused() {
    let knowledge = Knowledge::mini().file("more/empty.flow", "");
    let depth = knowledge.path().components().count();
    let climb = "../".repeat(depth + 2) + "etc/passwd";
    symlink(&climb, knowledge.join("more/up.flow")).expect("make a link");
    outside_root(&knowledge);
    check_refuses(&knowledge, "more/up.flow");
}

#[test]
fn a_flow_file_linked_inside_the_folder_is_followed() {
    let knowledge = Knowledge::mini();
    std::fs::rename(knowledge.join("safety.flow"), knowledge.join("safety.txt")).unwrap();
    symlink(knowledge.join("safety.txt"), knowledge.join("safety.flow")).expect("make a link");
    let source = KnowledgeSource::from_dir(knowledge.path()).expect("inside links are fine");
    assert_eq!(source.files.len(), 4);
    compile(&source).expect("the knowledge compiles through the link");
    let output = backcheck(&["check", knowledge.arg()]).output().unwrap();
    assert_ne!(output.status.code(), Some(2), "{}", describe(&output));
}

#[test]
fn a_folder_linked_inside_the_folder_is_followed() {
    let knowledge = Knowledge::empty();
    for name in ["flow.flow", "outcomes.flow", "pain.flow"] {
        let fixture = Path::new(common::MINI).join(name);
        std::fs::copy(fixture, knowledge.join(name)).expect("copy a fixture");
    }
    let knowledge = knowledge.file(
        "real/safety.flow",
        std::fs::read_to_string(Path::new(common::MINI).join("safety.flow")).unwrap(),
    );
    symlink(knowledge.join("real"), knowledge.join("linked")).expect("make a link");
    let source = KnowledgeSource::from_dir(knowledge.path()).expect("inside links are fine");
    let safety: Vec<_> = source
        .files
        .iter()
        .filter(|file| file.path.ends_with("safety.flow"))
        .collect();
    assert_eq!(safety.len(), 1, "the linked folder is read once");
    compile(&source).expect("the knowledge compiles through the link");
}

#[test]
fn a_link_looping_back_to_the_root_is_not_followed_forever() {
    let knowledge = Knowledge::mini().file("more/empty.flow", "");
    symlink(knowledge.path(), knowledge.join("more/loop")).expect("make a link");
    symlink("..", knowledge.join("more/up")).expect("make a link");
    let source = KnowledgeSource::from_dir(knowledge.path()).expect("loops inside are fine");
    assert_eq!(source.files.len(), 5, "each file read once");
    let output = backcheck(&["check", knowledge.arg()]).output().unwrap();
    assert!(
        !text(&output.stderr).contains("overflow"),
        "{}",
        describe(&output)
    );
    assert_ne!(output.status.code(), Some(2), "{}", describe(&output));
}

#[test]
fn a_dangling_link_is_an_error_not_a_crash() {
    let knowledge = Knowledge::mini();
    symlink(knowledge.join("gone.flow"), knowledge.join("dangling.flow")).expect("make a link");
    let output = backcheck(&["check", knowledge.arg()]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", describe(&output));
    assert!(
        text(&output.stderr).contains("dangling.flow"),
        "{}",
        describe(&output)
    );
}
