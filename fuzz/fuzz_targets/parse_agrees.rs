//! Bytes -> one .flow file, parsed twice: by `parse` (the hand-written fast
//! path, falling back to pest) and by `parse_reference` (pest alone, the
//! grammar's own parser). They must give the same syntax tree, spans
//! included, or the same error. Nothing may panic.
#![no_main]

use backcheck::syntax::{parse, parse_reference};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let fast = parse(&text, 0);
    let reference = parse_reference(&text, 0);
    assert_eq!(fast, reference, "on {text:?}");
});
