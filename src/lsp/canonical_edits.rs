//! The edits the server makes (rename, quick fixes) leave a file in `fmt`'s
//! canonical layout: a new id can be longer than the old one, and the
//! formatter lines answers up by their longest id and fills `answers` lists
//! to the width, so the replaced words alone would leave lines out of place
//! (issue 27: a rename left 11 files for `fmt` to re-wrap).
//!
//! The edited text is formatted and the lines that differ from the text as
//! it was are sent, not the whole file. A file that was in the canonical
//! layout gets all of the formatter's changes (any of them is the edit's
//! doing). In a file that was not (or did not parse), only the blocks the
//! edit touched are laid out again: the author asked for a rename, not for
//! the rest of the file to move. A text that does not parse once edited
//! gets the edits as they are.

use std::ops::Range;
use std::time::Duration;

use similar::{DiffTag, TextDiff};

use crate::syntax::format;

/// Replace the bytes at `range` with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByteEdit {
    pub range: Range<usize>,
    pub text: String,
}

/// The longest a line diff may take before it settles for a coarser (still
/// correct) answer: a request must not hold up the loop.
const DIFF_TIMEOUT: Duration = Duration::from_millis(500);

/// The edits to `before` that make the same change as `edits` and leave the
/// changed blocks (or, for a canonical file, the whole file) laid out as
/// `fmt` lays them out. Overlapping edits are not expected; the later of
/// two is dropped.
pub fn canonical_edits(before: &str, mut edits: Vec<ByteEdit>) -> Vec<ByteEdit> {
    edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
    edits.dedup_by(|later, earlier| later.range.start < earlier.range.end);
    edits.retain(|edit| {
        edit.range.end <= before.len()
            && before.is_char_boundary(edit.range.start)
            && before.is_char_boundary(edit.range.end)
    });
    let (edited, touched) = apply(before, &edits);
    let Ok(formatted) = format(&edited) else {
        return edits;
    };
    if formatted == edited {
        return edits;
    }
    let was_canonical = format(before).is_ok_and(|f| f == before);
    let result = if was_canonical {
        formatted
    } else {
        within_blocks(&edited, &formatted, &touched)
    };
    line_edits(before, &result)
}

/// `before` with `edits` (sorted, apart) made, and the byte ranges of the
/// new text in it.
fn apply(before: &str, edits: &[ByteEdit]) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(before.len());
    let mut touched = Vec::with_capacity(edits.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&before[at..edit.range.start]);
        let start = out.len();
        out.push_str(&edit.text);
        touched.push(start..out.len());
        at = edit.range.end;
    }
    out.push_str(&before[at..]);
    (out, touched)
}

/// Where each line of `text` starts, and the end of the text.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    if starts.last() != Some(&text.len()) {
        starts.push(text.len());
    }
    starts
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The lines of the innermost block `first..=last` are in: from the nearest
/// line at or above `first` that opens a block (ends with `{`) and is
/// indented no deeper, to the `}` that closes it at that indent.
fn block_of(lines: &[&str], first: usize, last: usize) -> Range<usize> {
    let depth = indent(lines.get(first).copied().unwrap_or_default());
    let opens = |line: &str| {
        let code = line.split("//").next().unwrap_or_default().trim_end();
        code.ends_with('{') && indent(line) <= depth
    };
    let Some(start) = (0..=first.min(lines.len().saturating_sub(1)))
        .rev()
        .find(|&l| opens(lines[l]))
    else {
        return first..last + 1;
    };
    let at = indent(lines[start]);
    let end = (last.max(start) + 1..lines.len())
        .find(|&l| {
            let line = lines[l];
            !line.trim().is_empty() && indent(line) <= at
        })
        .map_or(lines.len(), |l| l + 1);
    start..end
}

/// `edited` with only the formatter's changes that fall in a block one of
/// `touched` is in.
fn within_blocks(edited: &str, formatted: &str, touched: &[Range<usize>]) -> String {
    let starts = line_starts(edited);
    let lines: Vec<&str> = (starts.windows(2))
        .map(|pair| &edited[pair[0]..pair[1]])
        .collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset).saturating_sub(1);
    // Each touched line's block, as a range of lines.
    let blocks: Vec<Range<usize>> = (touched.iter())
        .map(|range| {
            let first = line_of(range.start);
            let last = line_of(range.end.saturating_sub(1).max(range.start));
            block_of(&lines, first, last)
        })
        .collect();
    let diff = TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_lines(edited, formatted);
    let (old, new) = (diff.old_slices(), diff.new_slices());
    let mut out = String::with_capacity(formatted.len());
    for op in diff.ops() {
        let (tag, old_lines, new_lines) = op.as_tag_tuple();
        let in_block = blocks.iter().any(|block| match old_lines.is_empty() {
            // Lines put before line `start`: inside only between its first
            // line and its last (a blank line between blocks is neither's).
            true => block.start < old_lines.start && old_lines.start < block.end,
            false => old_lines.start < block.end && block.start < old_lines.end,
        });
        let take = if tag != DiffTag::Equal && in_block {
            &new[new_lines]
        } else {
            &old[old_lines]
        };
        take.iter().for_each(|line| out.push_str(line));
    }
    out
}

/// The edits, one a run of changed lines, that turn `before` into `after`.
fn line_edits(before: &str, after: &str) -> Vec<ByteEdit> {
    let diff = TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_lines(before, after);
    let (old, new) = (diff.old_slices(), diff.new_slices());
    let mut offsets = Vec::with_capacity(old.len() + 1);
    offsets.push(0);
    for line in old {
        offsets.push(offsets.last().copied().unwrap_or(0) + line.len());
    }
    let mut edits: Vec<ByteEdit> = Vec::new();
    for op in diff.ops() {
        let (tag, old_lines, new_lines) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        let range = offsets[old_lines.start]..offsets[old_lines.end];
        let text: String = new[new_lines].concat();
        match edits.last_mut() {
            // A deletion next to an insertion is one replacement.
            Some(last) if last.range.end == range.start => {
                last.range.end = range.end;
                last.text.push_str(&text);
            }
            _ => edits.push(ByteEdit { range, text }),
        }
    }
    edits
}

/// `text` with `edits` made: what an editor does with them.
#[cfg(test)]
pub fn applied(text: &str, edits: &[ByteEdit]) -> String {
    let mut sorted = edits.to_vec();
    sorted.sort_by_key(|edit| edit.range.start);
    apply(text, &sorted).0
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUESTION: &str = "question pain {\n  ask \"Where?\"\n  answer low  \"Low\" -> next\n  answer high \"High\" -> next\n}\n";

    fn rename_low(text: &str, to: &str) -> Vec<ByteEdit> {
        text.match_indices("low ")
            .map(|(at, _)| ByteEdit {
                range: at..at + 3,
                text: to.into(),
            })
            .collect()
    }

    #[test]
    fn a_longer_name_lines_the_answers_up_again() {
        assert_eq!(
            format(QUESTION).as_deref(),
            Ok(QUESTION),
            "the fixture is canonical"
        );
        let raw = rename_low(QUESTION, "lower_back");
        let naive = applied(QUESTION, &raw);
        assert_ne!(
            format(&naive).as_deref(),
            Ok(naive.as_str()),
            "the raw rename is out of layout"
        );
        let edits = canonical_edits(QUESTION, raw);
        let result = applied(QUESTION, &edits);
        assert_eq!(format(&result).as_deref(), Ok(result.as_str()));
        assert!(result.contains("answer lower_back \"Low\""), "{result}");
        // Only the answers' lines change, not the whole file.
        assert!(
            edits
                .iter()
                .all(|e| e.range.start >= QUESTION.find("  answer").unwrap()),
            "{edits:?}"
        );
    }

    #[test]
    fn a_rename_that_keeps_the_layout_is_sent_as_it_is() {
        let raw = rename_low(QUESTION, "mid");
        assert_eq!(canonical_edits(QUESTION, raw.clone()), raw);
    }

    #[test]
    fn in_a_file_out_of_layout_only_the_edited_block_moves() {
        let messy_other = "question other {\n      ask \"Else?\"\n  answer a \"A\" -> next\n}\n";
        let text = format!("{QUESTION}\n{messy_other}");
        let edits = canonical_edits(&text, rename_low(&text, "lower_back"));
        let result = applied(&text, &edits);
        assert!(
            result.contains("  answer high       \"High\" -> next"),
            "{result}"
        );
        assert!(result.ends_with(messy_other), "{result}");
    }

    #[test]
    fn a_text_that_does_not_parse_gets_the_edits_as_they_are() {
        let text = "question q {\n  ask \"Q?\n}\n";
        let raw = vec![ByteEdit {
            range: 9..10,
            text: "qq".into(),
        }];
        assert_eq!(canonical_edits(text, raw.clone()), raw);
    }
}
