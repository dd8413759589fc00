//! `rehearse --class DIR`: several students' histories in one table, per
//! student, per red flag and per vignette, for a teacher. Pure: the caller
//! reads the files; this groups and lays out.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::danger::FULL_MARKS;
use super::history::HistoryLine;
use super::progress::{Progress, progress};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassTable {
    pub students: Vec<StudentRow>,
    pub per_red_flag: Vec<RedFlagRow>,
    pub per_vignette: Vec<VignetteRow>,
    pub unreadable: Vec<Unreadable>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudentRow {
    pub student: String,
    /// The file the rounds came from.
    pub file: String,
    pub progress: Progress,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedFlagRow {
    pub id: String,
    /// Per student: rounds whose client had it, and how often it was not asked.
    pub students: BTreeMap<String, FlagCount>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FlagCount {
    pub rounds: usize,
    pub missed: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VignetteRow {
    pub id: String,
    pub students: BTreeMap<String, VignetteScores>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct VignetteScores {
    pub rounds: usize,
    pub first: u32,
    pub best: u32,
    pub latest: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unreadable {
    pub file: String,
    pub error: String,
}

/// The student of a line: its `student`; else the first student the file
/// names (a round played without `--student`, such as a review's replay);
/// else the file's name without its extension.
fn student_of(line: &HistoryLine, lines: &[HistoryLine], file: &str) -> String {
    line.student
        .clone()
        .or_else(|| lines.iter().find_map(|l| l.student.clone()))
        .unwrap_or_else(|| {
            file.rsplit_once('.')
                .map_or(file, |(stem, _)| stem)
                .to_string()
        })
}

/// The table of `histories` (file name, its rounds oldest first); a file
/// may hold several students' rounds, a student may span several files
/// (the first file named is the one shown).
pub fn class_table(
    histories: &[(String, Vec<HistoryLine>)],
    unreadable: Vec<(String, String)>,
    blind: bool,
) -> ClassTable {
    let mut by_student: BTreeMap<String, (String, Vec<HistoryLine>)> = BTreeMap::new();
    for (file, lines) in histories {
        for line in lines {
            by_student
                .entry(student_of(line, lines, file))
                .or_insert_with(|| (file.clone(), Vec::new()))
                .1
                .push(line.clone());
        }
    }
    let students: Vec<StudentRow> = by_student
        .into_iter()
        .map(|(student, (file, mut lines))| {
            // Files were read one after another: the rounds by time again.
            lines.sort_by(|a, b| a.at.cmp(&b.at));
            StudentRow {
                student,
                file,
                progress: progress(&lines, blind),
            }
        })
        .collect();
    let mut per_red_flag: BTreeMap<String, BTreeMap<String, FlagCount>> = BTreeMap::new();
    let mut per_vignette: BTreeMap<String, BTreeMap<String, VignetteScores>> = BTreeMap::new();
    for row in &students {
        for flag in &row.progress.per_red_flag {
            per_red_flag.entry(flag.id.clone()).or_default().insert(
                row.student.clone(),
                FlagCount {
                    rounds: flag.rounds,
                    missed: flag.missed,
                },
            );
        }
        for v in &row.progress.per_vignette {
            per_vignette.entry(v.id.clone()).or_default().insert(
                row.student.clone(),
                VignetteScores {
                    rounds: v.rounds,
                    first: v.first,
                    best: v.best,
                    latest: v.latest,
                },
            );
        }
    }
    ClassTable {
        students,
        per_red_flag: per_red_flag
            .into_iter()
            .map(|(id, students)| RedFlagRow { id, students })
            .collect(),
        per_vignette: per_vignette
            .into_iter()
            .map(|(id, students)| VignetteRow { id, students })
            .collect(),
        unreadable: unreadable
            .into_iter()
            .map(|(file, error)| Unreadable { file, error })
            .collect(),
    }
}

/// Text from the files, made safe for a terminal and cut to `width`.
fn shown(text: &str, width: usize) -> String {
    let text = crate::printable::printable(text, crate::printable::NAME);
    if text.chars().count() > width {
        let cut: String = text.chars().take(width.saturating_sub(1)).collect();
        format!("{cut}~")
    } else {
        text
    }
}

/// The table as text, within 80 columns: one line a student, then one a
/// red flag and one a vignette, naming the students below full marks.
pub fn class_text(table: &ClassTable) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Students: {}.", table.students.len());
    let _ = writeln!(
        out,
        "\n  {:<18} {:>7} {:>8}  {:>11}  {:>16}",
        "student", "rounds", "mean/10", "drill right", "red flags missed"
    );
    for row in &table.students {
        let p = &row.progress;
        let mean = p
            .vignette_mean
            .map_or("-".to_string(), |m| format!("{m:.1}"));
        let flags: usize = p.per_red_flag.iter().map(|f| f.rounds).sum();
        let missed: usize = p.per_red_flag.iter().map(|f| f.missed).sum();
        let _ = writeln!(
            out,
            "  {:<18} {:>7} {:>8}  {:>11}  {:>16}",
            shown(&row.student, 18),
            p.vignette_rounds,
            mean,
            format!("{}/{}", p.drill_right, p.drill_answers),
            format!("{missed} of {flags}")
        );
    }
    if !table.per_red_flag.is_empty() {
        let _ = writeln!(
            out,
            "\nBy red flag (not asked / rounds whose client had it):"
        );
        for row in &table.per_red_flag {
            let rounds: usize = row.students.values().map(|c| c.rounds).sum();
            let missed: usize = row.students.values().map(|c| c.missed).sum();
            let who: Vec<String> = row
                .students
                .iter()
                .filter(|(_, c)| c.missed > 0)
                .map(|(s, c)| format!("{} {}/{}", shown(s, 18), c.missed, c.rounds))
                .collect();
            let who = if who.is_empty() {
                "asked by everyone".to_string()
            } else {
                format!("missed by {}", who.join(", "))
            };
            let _ = writeln!(out, "  {:<22} {missed}/{rounds}  {who}", shown(&row.id, 22));
        }
    }
    if !table.per_vignette.is_empty() {
        let _ = writeln!(
            out,
            "\nBy vignette (students who played it; latest score below 10):"
        );
        for row in &table.per_vignette {
            let below: Vec<String> = row
                .students
                .iter()
                .filter(|(_, s)| s.latest < FULL_MARKS.unsigned_abs())
                .map(|(name, s)| format!("{} {}", shown(name, 18), s.latest))
                .collect();
            let below = if below.is_empty() {
                "all at full marks".to_string()
            } else {
                below.join(", ")
            };
            let _ = writeln!(
                out,
                "  {:<22} {:>2}  {below}",
                shown(&row.id, 22),
                row.students.len()
            );
        }
    }
    for file in &table.unreadable {
        let _ = writeln!(
            out,
            "\nLeft out {}: {}",
            shown(&file.file, 40),
            crate::printable::printable(&file.error, crate::printable::SENTENCE)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rehearse::history::HISTORY_FORMAT;

    fn line(student: Option<&str>, id: &str, points: u32, missed: &[&str]) -> HistoryLine {
        HistoryLine {
            format: HISTORY_FORMAT.to_string(),
            at: format!("2026-12-0{}T00:00:00Z", points.min(9)),
            kind: "vignette".to_string(),
            id: id.to_string(),
            difficulty: Some("hard".to_string()),
            topic: "emergency".to_string(),
            committed: "treat".to_string(),
            expected: Some("refer emergency".to_string()),
            points,
            max: 10,
            student: student.map(str::to_string),
            red_flags: vec!["saddle".to_string()],
            missed_red_flags: missed.iter().map(|m| m.to_string()).collect(),
            ..HistoryLine::default()
        }
    }

    #[test]
    fn students_red_flags_and_vignettes_in_one_table() {
        let histories = vec![
            (
                "ann.jsonl".to_string(),
                vec![line(None, "a", 0, &["saddle"]), line(None, "a", 10, &[])],
            ),
            (
                "x.jsonl".to_string(),
                vec![line(Some("Ben"), "a", 3, &["saddle"])],
            ),
        ];
        let table = class_table(&histories, vec![("bad.txt".into(), "no".into())], false);
        let names: Vec<&str> = table.students.iter().map(|s| s.student.as_str()).collect();
        assert_eq!(names, ["Ben", "ann"]);
        let saddle = &table.per_red_flag[0];
        assert_eq!(
            saddle.students["ann"],
            FlagCount {
                rounds: 2,
                missed: 1
            }
        );
        assert_eq!(
            saddle.students["Ben"],
            FlagCount {
                rounds: 1,
                missed: 1
            }
        );
        assert_eq!(table.per_vignette[0].students["ann"].latest, 10);
        let text = class_text(&table);
        assert!(text.contains("Students: 2."), "{text}");
        assert!(text.contains("missed by Ben 1/1, ann 1/2"), "{text}");
        assert!(text.contains("Ben 3"), "{text}");
        assert!(!text.contains("ann 10"), "{text}");
        assert!(text.contains("Left out bad.txt: no"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    }
}
