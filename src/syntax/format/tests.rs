//! The formatter on small inputs: the layout rules, one at a time.

use super::format;

fn formatted(text: &str) -> String {
    format(text).unwrap_or_else(|d| panic!("does not format: {}", d.message))
}

#[test]
fn fields_line_up_and_indent_by_two() {
    let text = "question q { ask \"A?\" clinical \"B?\" yes -> x no -> next unsure -> x }";
    assert_eq!(
        formatted(text),
        "question q {\n  ask      \"A?\"\n  clinical \"B?\"\n  yes    -> x\n  no     -> next\n  unsure -> x\n}\n"
    );
}

#[test]
fn comments_stay_next_to_their_code() {
    let text = "// about q\nquestion q { // opening\n  ask \"A?\"   // the wording\n  // before yes\n  yes -> x\n  no -> x\n  // at the end\n}\n";
    let out = formatted(text);
    assert_eq!(
        out,
        "// about q\nquestion q {  // opening\n  ask \"A?\"    // the wording\n  // before yes\n  yes -> x\n  no  -> x\n  // at the end\n}\n"
    );
}

#[test]
fn top_level_blocks_get_one_blank_line_between_them() {
    let text =
        "outcome a { verdict treat title \"A\" }\n\n\n\noutcome b { verdict treat title \"B\" }";
    assert_eq!(
        formatted(text),
        "outcome a {\n  verdict treat\n  title   \"A\"\n}\n\noutcome b {\n  verdict treat\n  title   \"B\"\n}\n"
    );
}

#[test]
fn facts_keep_their_grouping() {
    let text = "fact a: bool\nfact b:x|y = x\n\nfact c: number 0..9";
    assert_eq!(
        formatted(text),
        "fact a: bool\nfact b: x | y = x\n\nfact c: number 0..9\n"
    );
}

#[test]
fn decide_arrows_line_up() {
    let text = "decide d { when a and b -> x otherwise -> y }";
    assert_eq!(
        formatted(text),
        "decide d {\n  when a and b -> x\n  otherwise    -> y\n}\n"
    );
}

#[test]
fn notes_start_their_own_lines_under_the_label() {
    let text = "question q { ask \"A?\" multiple answer a \"Aa\" set f note \"N\" therapist \"T\" answer bb \"B\" then -> next }";
    assert_eq!(
        formatted(text),
        "question q {\n  ask \"A?\"\n  multiple\n  answer a  \"Aa\" set f\n            note \"N\"\n                 therapist \"T\"\n  answer bb \"B\"\n  then -> next\n}\n"
    );
}

#[test]
fn several_strings_go_one_per_line() {
    let text = "outcome o { verdict treat title \"T\" plan \"one\" \"two\" }";
    assert_eq!(
        formatted(text),
        "outcome o {\n  verdict treat\n  title   \"T\"\n  plan    \"one\"\n          \"two\"\n}\n"
    );
}

#[test]
fn a_file_that_does_not_parse_is_an_error() {
    assert!(format("question q { ask }").is_err());
}

#[test]
fn formatting_twice_changes_nothing_more() {
    let text = "decide d { when aaaaaaaaaa or bbbbbbbbbbbb or cccccccccccccccc or dddddddddddddddddd or eeeeeeeeeeeeeeeeeeeeeee or ffffffffffffffffffffff -> x note \"n\" otherwise -> y }";
    let once = formatted(text);
    assert_eq!(formatted(&once), once);
    assert!(
        once.lines().all(|l| l.chars().count() <= super::WIDTH),
        "{once}"
    );
}

#[test]
fn cases_and_vignettes_line_up_their_fields() {
    let text = "case \"c\" { answers a=no b=yes expect treat }\nvignette v \"V\" { difficulty easy story \"one\" \"two\" answers a=no expect refer urgent }";
    let out = formatted(text);
    assert_eq!(
        out,
        "case \"c\" {\n  answers a=no b=yes\n  expect  treat\n}\n\nvignette v \"V\" {\n  difficulty easy\n  story      \"one\"\n             \"two\"\n  answers    a=no\n  expect     refer urgent\n}\n"
    );
    assert_eq!(formatted(&out), out);
}

#[test]
fn within_keeps_its_bounds_as_written() {
    let text = "question q { ask \"How long?\"\n answer a \"Short\" within 0..6   weeks -> x\n answer b \"Long\" within 6   weeks..3 months -> x\n answer c \"Longer\" within 3 months.. -> x }";
    let out = formatted(text);
    assert!(out.contains("within 0..6 weeks -> x"), "{out}");
    assert!(out.contains("within 6 weeks..3 months -> x"), "{out}");
    assert!(out.contains("within 3 months.. -> x"), "{out}");
    assert_eq!(formatted(&out), out);
}

#[test]
fn changes_their_references_and_told_questions_are_laid_out() {
    let text = "change no_prone { label \"Avoid face-down\" synonyms \"no prone\",\"not on the front\" source s1 }\n\
        question q { ask \"A?\" yes -> o note \"Not face-down.\" therapist \"No prone.\" change no_prone,gentle no -> o note \"x\" change gentle }\n\
        outcome o { verdict modify title \"T\" change  no_prone , gentle }\n\
        vignette v \"V\" { story \"s\" answers q=yes tells q,r expect modify }";
    let out = formatted(text);
    assert_eq!(
        out,
        "change no_prone {\n  label    \"Avoid face-down\"\n  synonyms \"no prone\", \"not on the front\"\n  source   s1\n}\n\n\
         question q {\n  ask \"A?\"\n  yes -> o\n      note \"Not face-down.\"\n           therapist \"No prone.\"\n           change no_prone, gentle\n  no  -> o\n      note \"x\"\n           change gentle\n}\n\n\
         outcome o {\n  verdict modify\n  title   \"T\"\n  change  no_prone, gentle\n}\n\n\
         vignette v \"V\" {\n  story   \"s\"\n  answers q=yes\n  tells   q, r\n  expect  modify\n}\n"
    );
    assert_eq!(formatted(&out), out, "formatting twice changes nothing");
}
