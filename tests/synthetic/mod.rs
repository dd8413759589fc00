//! A generated knowledge folder with far more paths than could ever be
//! walked one by one, for `verify` (tests/verify.rs) and its bench
//! (benches/verify.rs).
//!
//! Shape: `age` (a number; the conditions cut it at 16, so 3 intervals),
//! then `QUESTIONS` questions in a chain, alternating yes/no (a "yes" sets
//! fact `a` or `b`) and a three-way choice (sets `level`); every tenth
//! question leads to a decide node that branches on the facts to one of two
//! yes/no questions, which merge again into the chain. A final decide picks
//! one of four outcomes. Every path answers the same questions' worth of
//! choices, so the number of paths is a product, computable by hand:
//! 3 x 2^(QUESTIONS/2) x 3^(QUESTIONS/2) x 2^(QUESTIONS/10).
#![allow(dead_code)]

use std::fmt::Write as _;

/// Questions in the chain (even, a multiple of 10).
pub const QUESTIONS: u32 = 60;

/// 3 x 2^30 x 3^30 x 2^6 = 2^36 x 3^31, about 4.2 x 10^25.
pub fn expected_paths() -> u128 {
    3 * 2u128.pow(QUESTIONS / 2) * 3u128.pow(QUESTIONS / 2) * 2u128.pow(QUESTIONS / 10)
}

/// The files of the folder: (name, text).
pub fn files() -> Vec<(&'static str, String)> {
    let header = r#"flow synth "Synthetic" {
  version "1.0"
  start main.age
}

fact a: bool
fact b: bool
fact level: low | mid | high
fact age: number 0..120
"#;
    let mut main = String::from(
        r#"question age {
  ask "How old are you?"
  number 0..120 into age
  then -> q0
}
"#,
    );
    let n = QUESTIONS;
    for i in 0..n {
        let after = if i + 1 == n {
            "final".to_string()
        } else {
            format!("q{}", i + 1)
        };
        let next = if i % 10 == 9 {
            format!("d{i}")
        } else {
            after.clone()
        };
        if i % 2 == 0 {
            let fact = if i % 4 == 0 { "a" } else { "b" };
            let _ = write!(
                main,
                "question q{i} {{\n  ask \"Question {i}?\"\n  yes -> {next} set {fact}\n  no -> {next}\n}}\n"
            );
        } else {
            let _ = write!(
                main,
                "question q{i} {{\n  ask \"Pick {i}\"\n  answer low \"Low\" -> {next} set level = low\n  answer mid \"Mid\" -> {next} set level = mid\n  answer high \"High\" -> {next} set level = high\n}}\n"
            );
        }
        if i % 10 == 9 {
            let _ = write!(
                main,
                "decide d{i} {{\n  when a and level == high -> x{i}\n  otherwise -> y{i}\n}}\n\
                 question x{i} {{\n  ask \"X {i}?\"\n  yes -> {after}\n  no -> {after}\n}}\n\
                 question y{i} {{\n  ask \"Y {i}?\"\n  yes -> {after}\n  no -> {after}\n}}\n"
            );
        }
    }
    main.push_str(
        r#"decide final {
  when age < 16 -> young
  when a and b and level == high -> emergency
  when a -> changes
  otherwise -> fine
}
outcome young { verdict refer routine title "Young" }
outcome emergency { verdict refer emergency title "Now" }
outcome changes { verdict modify title "Changes" }
outcome fine { verdict treat title "Fine" }

invariant "a child is referred" {
  age < 16 => verdict == refer
}
invariant "a yes to the first question never gives treat" {
  q0 == yes => verdict != treat
}
"#,
    );
    vec![("flow.flow", header.to_string()), ("main.flow", main)]
}
