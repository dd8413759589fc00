//! A synthetic knowledge folder of any size, for the scale benches
//! (benches/scale.rs) and `cargo run --release --example synth`.
//!
//! Shape: an `age` question, then `LAYERS` layers of nodes; every answer or
//! arm leads into the next layer, the last layer into a final decide that
//! reaches one of five outcomes (every verdict and urgency). Layers widen
//! from 1 node to about N / `LAYERS`, and node `w` always leads to nodes `w`
//! and `w + width` of the next layer, so every node is reached; further
//! answers go to nodes drawn from the seed. A node is a question of 2–5
//! answers (the count drawn from the seed): yes/no(/unsure) questions set the
//! bool facts `a`/`b`, choice questions set `level`, and a fifth answer
//! leaves at once for the emergency outcome (setting `red`); one node in ten
//! is a decide on the facts. Four invariants hold by construction.
//!
//! Every walk answers about `LAYERS` questions, so the number of paths is
//! exponential in the depth, not in N: about 3^40 (10^19) and more, like a
//! real assessment that stays a few dozen questions long however many the
//! graph holds. A file holds at most `NODES_PER_FILE` nodes of one layer.
#![allow(dead_code)]

use std::fmt::Write as _;

/// Nodes per generated file.
pub const NODES_PER_FILE: usize = 500;

/// Layers of questions and decide nodes: the length of every walk.
pub const LAYERS: usize = 40;

/// Nodes that are not in a layer: the age question, the final decide, five outcomes.
const FIXED_NODES: usize = 7;

/// A deterministic generator (splitmix64): the same seed, the same folder.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The files of a folder of `nodes` nodes (at least 8): (file name, text).
pub fn files(nodes: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    let widths = layer_widths(nodes.max(FIXED_NODES + 1) - FIXED_NODES);
    let file_of = |layer: usize, w: usize| format!("l{layer:02}_{:03}", w / NODES_PER_FILE);
    let id = |layer: usize, w: usize| -> String {
        match widths.get(layer) {
            Some(_) => format!("{}.n{w}", file_of(layer, w)),
            None => "outcomes.final".into(),
        }
    };
    let mut out: Vec<(String, String)> = vec![("flow.flow".into(), HEADER.into())];
    out.push((
        "intake.flow".into(),
        format!(
            "question age {{\n  ask \"How old are you?\"\n  why \"Children are referred.\"\n  source \"synth\" \"intake\"\n  number 0..120 unit \"years\" into age\n  then -> {}\n}}\n",
            id(0, 0)
        ),
    ));
    for (layer, &width) in widths.iter().enumerate() {
        let next_width = widths.get(layer + 1).copied();
        // Targets in the next layer: `w` and `w + width` first (so every
        // node there is reached), then nodes drawn from the seed.
        let targets = |rng: &mut Rng, w: usize, count: usize| -> Vec<String> {
            let Some(next) = next_width else {
                return vec![id(layer + 1, 0); count];
            };
            (0..count)
                .map(|k| match k {
                    0 => w % next,
                    1 if w + width < next => w + width,
                    _ => rng.below(next),
                })
                .map(|t| id(layer + 1, t))
                .collect()
        };
        let mut text = String::new();
        for w in 0..width {
            if w > 0 && w % NODES_PER_FILE == 0 {
                out.push((
                    format!("{}.flow", file_of(layer, w - 1)),
                    std::mem::take(&mut text),
                ));
            }
            if layer >= 4 && w % 10 == 9 {
                let t = targets(&mut rng, w, 2);
                let _ = write!(
                    text,
                    "decide n{w} {{\n  when a and level == high -> {}\n  otherwise -> {}\n}}\n",
                    t[0], t[1]
                );
            } else {
                let answers = 2 + rng.below(4);
                let t = targets(&mut rng, w, answers.min(4));
                question(&mut text, layer, w, answers, &t);
            }
        }
        out.push((format!("{}.flow", file_of(layer, width - 1)), text));
    }
    out.push(("outcomes.flow".into(), OUTCOMES.into()));
    out.push(("invariants.flow".into(), INVARIANTS.into()));
    out
}

/// Widths of the layers, adding up to exactly `nodes`: doubling from 1 up to
/// the width that fits.
fn layer_widths(nodes: usize) -> Vec<usize> {
    let layers = LAYERS.min(nodes);
    let total = |cap: usize| -> usize { (0..layers).map(|l| cap.min(1 << l.min(40))).sum() };
    let mut cap = 1;
    while total(cap) < nodes {
        cap += 1;
    }
    let mut widths: Vec<usize> = (0..layers).map(|l| cap.min(1 << l.min(40))).collect();
    // The last step of `cap` added at most one node per full layer: take it back.
    let mut excess = total(cap) - nodes;
    for width in widths.iter_mut().rev() {
        if excess == 0 {
            break;
        }
        if *width == cap && cap > 1 {
            *width -= 1;
            excess -= 1;
        }
    }
    widths
}

fn question(text: &mut String, layer: usize, w: usize, answers: usize, targets: &[String]) {
    let _ = write!(
        text,
        "question n{w} {{\n  ask \"Question {layer}.{w}?\"\n  why \"Synthetic.\"\n  source \"synth\"\n"
    );
    if answers == 2 || (answers == 3 && w.is_multiple_of(2)) || layer < 2 {
        let fact = if (layer + w).is_multiple_of(2) {
            "a"
        } else {
            "b"
        };
        let _ = writeln!(text, "  yes -> {} set {fact}", targets[0]);
        let _ = writeln!(text, "  no -> {}", targets[1]);
        if answers >= 3 {
            let _ = writeln!(text, "  unsure -> {} set {fact}", targets[2]);
        }
    } else {
        for (word, target) in ["high", "low", "mid", "none"].iter().zip(targets) {
            let effect = if *word == "none" {
                String::new()
            } else {
                format!(" set level = {word}")
            };
            let _ = writeln!(text, "  answer {word} \"{word}\" -> {target}{effect}");
        }
        if answers == 5 {
            let _ = writeln!(
                text,
                "  answer severe \"Severe\" -> outcomes.emergency set red"
            );
        }
    }
    text.push_str("}\n");
}

const HEADER: &str = r#"flow synth "Synthetic knowledge" {
  version "1.0"
  start intake.age
}

fact a: bool
fact b: bool
fact red: bool
fact level: low | mid | high
fact age: number 0..120
"#;

const OUTCOMES: &str = r#"decide final {
  when age < 16 -> routine
  when level == high -> urgent
  when a and b -> modify
  otherwise -> treat
}
outcome emergency { verdict refer emergency title "Now" why "A severe answer." source "synth" }
outcome urgent { verdict refer urgent title "Soon" why "A high level." source "synth" }
outcome routine { verdict refer routine title "Young" why "A child." source "synth" }
outcome modify { verdict modify title "Changes" why "Both a and b." source "synth" }
outcome treat { verdict treat title "Fine" why "Nothing found." source "synth" }
"#;

const INVARIANTS: &str = r#"invariant "a severe answer refers now" {
  red => verdict == refer and urgency == emergency
}
invariant "a high level is referred" {
  level == high => verdict == refer
}
invariant "children are referred" {
  age < 16 => verdict == refer
}
invariant "a and b never give treat" {
  a and b => verdict != treat
}
"#;
