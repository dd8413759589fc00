//! Where the author last edited, and the findings that edit caused shown
//! there too (issue 27: a proof finding caused by an edit to outcomes.flow
//! appeared only on the invariants it broke, in other files).
//!
//! The editor sends each file's whole text (full sync), so the edited place
//! is found by comparing the text with the one before: the bytes between
//! the common start and the common end. The last such place is kept, and
//! moved along as later edits above it shift the text. A finding of the
//! worker (a lint, the proof, a case) that was not in its previous result
//! is the last edit's doing: it is shown again at the edited place, for as
//! long as it lasts, unless it is already there.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::PathBuf;

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url};

use super::line_index::LineIndex;

/// A place in one file: bytes of its text as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub path: PathBuf,
    pub range: Range<usize>,
}

/// One change of a file's text: `old[start..old_end]` became
/// `new[start..new_end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

/// How `old` became `new`, if it changed: the common start and end kept out.
pub fn change_between(old: &str, new: &str) -> Option<Change> {
    if old == new {
        return None;
    }
    let mut start = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !(old.is_char_boundary(start) && new.is_char_boundary(start)) {
        start -= 1;
    }
    let longest = old.len().min(new.len()) - start;
    let mut same_end = (old.bytes().rev())
        .zip(new.bytes().rev())
        .take(longest)
        .take_while(|(a, b)| a == b)
        .count();
    while !(old.is_char_boundary(old.len() - same_end)
        && new.is_char_boundary(new.len() - same_end))
    {
        same_end -= 1;
    }
    Some(Change {
        start,
        old_end: old.len() - same_end,
        new_end: new.len() - same_end,
    })
}

impl Place {
    /// Where this place is after `change` to the same file: moved along when
    /// the change is before it, the changed bytes when it overlaps them.
    fn moved(&self, change: Change) -> Range<usize> {
        let Range { start, end } = self.range.clone();
        if change.old_end <= start {
            let shift = |at: usize| at + change.new_end - change.old_end;
            shift(start)..shift(end)
        } else if end <= change.start {
            start..end
        } else {
            change.start..change.new_end
        }
    }
}

/// What identifies a finding across looks, whatever moved: its code, its
/// file and the text it points at (an invariant's, a case's).
type Key = (String, Url, String);

fn key(diagnostic: &lsp_types::Diagnostic, uri: &Url, lines: &LineIndex) -> Key {
    let code = match &diagnostic.code {
        Some(NumberOrString::String(code)) => code.clone(),
        Some(NumberOrString::Number(code)) => code.to_string(),
        None => String::new(),
    };
    let range = lines.offset(diagnostic.range.start)..lines.offset(diagnostic.range.end);
    let text = lines.text().get(range).unwrap_or_default().to_string();
    (code, uri.clone(), text)
}

/// The last edit of a folder, and which findings it caused.
#[derive(Debug, Default)]
pub struct EditedPlaces {
    last: Option<Place>,
    /// The findings of the worker's last result; `None` before the first,
    /// when nothing has been edited yet.
    seen: Option<HashSet<Key>>,
    /// Each finding an edit caused, and where that edit was.
    caused: HashMap<Key, Place>,
}

impl EditedPlaces {
    /// The file at `path` changed from `old` to `new`.
    pub fn edited(&mut self, path: &std::path::Path, old: &str, new: &str) {
        let Some(change) = change_between(old, new) else {
            return;
        };
        for place in self.caused.values_mut().chain(&mut self.last) {
            if place.path == path {
                place.range = place.moved(change);
            }
        }
        self.last = Some(Place {
            path: path.to_path_buf(),
            range: change.start..change.new_end,
        });
    }

    /// The last edit, if any.
    pub fn last(&self) -> Option<&Place> {
        self.last.as_ref()
    }

    /// Takes the worker's findings (per file of `uris`, whose texts `lines`
    /// index) for the folder as it is, and adds to them: each finding the
    /// last edit caused, again at the edited place, pointing at the finding,
    /// and on the finding, where the edit was.
    pub fn show_causes(
        &mut self,
        findings: &mut [Vec<lsp_types::Diagnostic>],
        uris: &[Url],
        paths: &[PathBuf],
        lines: &[LineIndex],
    ) {
        let mut now = HashSet::new();
        // By file and place of the edit: the findings it caused.
        let mut echoes: BTreeMap<EditAt, Vec<Echo>> = BTreeMap::new();
        for (file, list) in findings.iter_mut().enumerate() {
            let (Some(uri), Some(index)) = (uris.get(file), lines.get(file)) else {
                continue;
            };
            for finding in list.iter_mut() {
                let key = key(finding, uri, index);
                now.insert(key.clone());
                let is_new = self.seen.as_ref().is_some_and(|seen| !seen.contains(&key));
                if is_new
                    && !self.caused.contains_key(&key)
                    && let Some(place) = &self.last
                {
                    self.caused.insert(key.clone(), place.clone());
                }
                let Some(place) = self.caused.get(&key) else {
                    continue;
                };
                let Some(at) = paths.iter().position(|p| *p == place.path) else {
                    continue;
                };
                let (Some(place_uri), Some(place_lines)) = (uris.get(at), lines.get(at)) else {
                    continue;
                };
                let range = place_lines.range(shown_range(place_lines.text(), &place.range));
                // Already where the edit is: nothing to add.
                if at == file
                    && range.start.line <= finding.range.end.line
                    && finding.range.start.line <= range.end.line
                {
                    continue;
                }
                let finding_at = Location::new(uri.clone(), finding.range);
                let edit_at = Location::new(place_uri.clone(), range);
                let first_line = finding.message.lines().next().unwrap_or_default();
                let where_ = (range.start.line, range.start.character);
                let until = (range.end.line, range.end.character);
                echoes.entry((at, where_, until)).or_default().push(Echo {
                    range,
                    severity: finding.severity,
                    code: finding.code.clone(),
                    said: format!(
                        "{first_line} ({} line {})",
                        file_name(uri),
                        finding.range.start.line + 1
                    ),
                    related: DiagnosticRelatedInformation {
                        location: finding_at,
                        message: first_line.to_string(),
                    },
                });
                finding
                    .related_information
                    .get_or_insert_with(Vec::new)
                    .push(DiagnosticRelatedInformation {
                        location: edit_at,
                        message: "after this edit".into(),
                    });
            }
        }
        self.caused.retain(|key, _| now.contains(key));
        self.seen = Some(now);
        for ((file, ..), caused) in echoes {
            if let Some(list) = findings.get_mut(file) {
                list.push(echo(caused));
            }
        }
    }
}

/// An edit's place: its file, and the line and column where it starts and ends.
type EditAt = (usize, (u32, u32), (u32, u32));

/// A finding as it is shown again at the edit that caused it.
struct Echo {
    range: lsp_types::Range,
    severity: Option<DiagnosticSeverity>,
    code: Option<NumberOrString>,
    /// Its first line, and where it is.
    said: String,
    related: DiagnosticRelatedInformation,
}

/// The most findings one diagnostic at an edit lists; the rest are counted.
const LISTED: usize = 10;

/// One diagnostic at the edit for all the findings it caused: the one
/// finding itself, or how many there are and the first few, each pointing
/// at where it is shown. As severe as the most severe of them.
fn echo(mut caused: Vec<Echo>) -> lsp_types::Diagnostic {
    // ERROR is 1: the most severe first.
    caused.sort_by_key(|echo| echo.severity.unwrap_or(DiagnosticSeverity::HINT));
    let first = &caused[0];
    let message = match &caused[..] {
        [one] => format!("this edit: {}", one.said),
        many => {
            let mut message = format!("this edit: {} findings elsewhere", many.len());
            for echo in many.iter().take(LISTED) {
                message.push('\n');
                message.push_str(&echo.said);
            }
            if many.len() > LISTED {
                message.push_str(&format!("\nand {} more", many.len() - LISTED));
            }
            message
        }
    };
    lsp_types::Diagnostic {
        range: first.range,
        severity: first.severity,
        code: first.code.clone(),
        source: Some(super::lsp_diagnostic::SOURCE.to_string()),
        message,
        related_information: Some(caused.iter().map(|echo| echo.related.clone()).collect()),
        ..lsp_types::Diagnostic::default()
    }
}

/// The bytes to underline for an edit at `range`: them, or the line they
/// are on when the edit only deleted.
fn shown_range(text: &str, range: &Range<usize>) -> Range<usize> {
    let start = range.start.min(text.len());
    let end = range.end.clamp(start, text.len());
    if start < end {
        return start..end;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    line_start..line_end
}

fn file_name(uri: &Url) -> String {
    uri.path_segments()
        .and_then(|mut segments| segments.next_back().map(str::to_string))
        .unwrap_or_else(|| uri.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_change_is_what_lies_between_the_common_start_and_end() {
        assert_eq!(change_between("abc", "abc"), None);
        assert_eq!(
            change_between("verdict treat\n", "verdict modify\n"),
            Some(Change {
                start: 8,
                old_end: 13,
                new_end: 14
            })
        );
        // An insertion of a letter that repeats: the common end is not
        // counted twice.
        assert_eq!(
            change_between("aa", "aaa"),
            Some(Change {
                start: 2,
                old_end: 2,
                new_end: 3
            })
        );
        // Never inside a character.
        let found = change_between("é", "è").unwrap();
        assert_eq!((found.start, found.old_end, found.new_end), (0, 2, 2));
    }

    #[test]
    fn a_place_moves_with_edits_before_it_and_becomes_an_edit_over_it() {
        let path = PathBuf::from("/k/a.flow");
        let mut places = EditedPlaces::default();
        places.edited(&path, "one\ntwo\nthree\n", "one\ntwo\nthree!\n");
        assert_eq!(places.last().unwrap().range, 13..14);
        places.caused.insert(
            (
                "E033".into(),
                Url::parse("file:///k/b.flow").unwrap(),
                "x".into(),
            ),
            places.last().unwrap().clone(),
        );
        places.edited(&path, "one\ntwo\nthree!\n", "one more\ntwo\nthree!\n");
        let moved = places.caused.values().next().unwrap();
        assert_eq!(moved.range, 18..19);
        assert_eq!(places.last().unwrap().range, 3..8);
        // Another file's edit moves nothing here.
        places.edited(&PathBuf::from("/k/b.flow"), "x", "xy");
        assert_eq!(places.caused.values().next().unwrap().range, 18..19);
    }

    fn finding(code: &str, line: u32, message: &str) -> lsp_types::Diagnostic {
        lsp_types::Diagnostic {
            range: lsp_types::Range::new(
                lsp_types::Position::new(line, 0),
                lsp_types::Position::new(line, 3),
            ),
            code: Some(NumberOrString::String(code.into())),
            message: message.into(),
            ..lsp_types::Diagnostic::default()
        }
    }

    #[test]
    fn a_finding_new_after_an_edit_is_shown_at_the_edit_too() {
        let paths = [PathBuf::from("/k/a.flow"), PathBuf::from("/k/b.flow")];
        let uris: Vec<Url> = paths
            .iter()
            .map(|p| Url::from_file_path(p).unwrap())
            .collect();
        let texts = ["inv one\ninv two\n", "verdict treat\n"];
        let lines: Vec<LineIndex> = texts.iter().map(|t| LineIndex::new((*t).into())).collect();
        let mut places = EditedPlaces::default();
        // The first result: nothing edited yet, nothing caused.
        let mut first = vec![vec![finding("W001", 0, "old warning")], vec![]];
        places.show_causes(&mut first, &uris, &paths, &lines);
        assert_eq!(first.iter().map(Vec::len).sum::<usize>(), 1);
        places.edited(&paths[1], "verdict refer\n", texts[1]);
        let mut second = vec![
            vec![
                finding("W001", 0, "old warning"),
                finding("E033", 1, "invariant \"two\" does not hold\nmore"),
            ],
            vec![],
        ];
        places.show_causes(&mut second, &uris, &paths, &lines);
        assert_eq!(second[0].len(), 2, "{second:#?}");
        assert!(second[0][0].related_information.is_none());
        let related = second[0][1].related_information.as_ref().unwrap();
        assert_eq!(related[0].location.uri, uris[1]);
        let [echo] = &second[1][..] else {
            panic!("{second:#?}")
        };
        assert_eq!(
            echo.message,
            "this edit: invariant \"two\" does not hold (a.flow line 2)"
        );
        assert_eq!(echo.range.start, lsp_types::Position::new(0, 8));
        // It stays while the finding does, after other edits.
        places.edited(&paths[0], "x", "y");
        let mut third = vec![
            vec![finding("E033", 1, "invariant \"two\" does not hold")],
            vec![],
        ];
        places.show_causes(&mut third, &uris, &paths, &lines);
        assert_eq!(third[1].len(), 1, "{third:#?}");
        // Gone once the finding is.
        let mut fourth = vec![vec![], vec![]];
        places.show_causes(&mut fourth, &uris, &paths, &lines);
        assert!(places.caused.is_empty());
    }
}
