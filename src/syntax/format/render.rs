//! Laid-out lines -> text: comments put back, blank lines kept or forced,
//! trailing comments aligned.

use super::tokens::Comment;

/// Whether a blank line may come before a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    /// As the author wrote it (one at most).
    Keep,
    /// Always one: between top-level items and between nodes.
    Force,
    /// Never: before a `}` and inside one field or arm.
    Never,
}

/// One output line and the source bytes it came from.
#[derive(Debug, Clone)]
pub struct Line {
    pub indent: usize,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub blank: Blank,
    /// Where a comment written before this line goes: deeper for a `}`.
    pub comment_indent: usize,
    /// Copied as written, comments included (an item the layout does not know).
    pub raw: bool,
}

impl Line {
    pub fn new(indent: usize, text: String, start: usize, end: usize, blank: Blank) -> Line {
        Line {
            indent,
            text,
            start,
            end,
            blank,
            comment_indent: indent,
            raw: false,
        }
    }
}

/// What goes out, in order.
struct Element {
    indent: usize,
    text: String,
    start: usize,
    end: usize,
    blank: Blank,
    trailing: Vec<String>,
}

/// The text of `lines`, with every comment of `source` placed back.
pub fn render(source: &str, lines: Vec<Line>, comments: &[Comment]) -> String {
    let mut leading: Vec<Vec<&Comment>> = vec![Vec::new(); lines.len()];
    let mut trailing: Vec<Vec<&Comment>> = vec![Vec::new(); lines.len()];
    let mut at_end = Vec::new();
    for comment in comments {
        let inside_raw = lines
            .iter()
            .any(|l| l.raw && l.start <= comment.start && comment.start < l.end);
        if inside_raw {
            continue;
        }
        // The line the comment sits in, or else the one before it.
        let before = lines.iter().rposition(|l| l.start <= comment.start);
        if !comment.own_line {
            match before {
                Some(index) => trailing[index].push(comment),
                None => at_end.push(comment),
            }
            continue;
        }
        let within = before.filter(|&i| comment.start < lines[i].end);
        let next = within.or_else(|| lines.iter().position(|l| l.start > comment.start));
        match next {
            Some(index) => leading[index].push(comment),
            None => at_end.push(comment),
        }
    }

    let mut elements = Vec::new();
    for (index, line) in lines.into_iter().enumerate() {
        for (n, comment) in leading[index].iter().enumerate() {
            elements.push(Element {
                indent: line.comment_indent,
                text: source[comment.start..comment.end].to_string(),
                start: comment.start,
                end: comment.end,
                blank: if n == 0 && line.blank == Blank::Force {
                    Blank::Force
                } else {
                    Blank::Keep
                },
                trailing: Vec::new(),
            });
        }
        let blank = match line.blank {
            Blank::Force if !leading[index].is_empty() => Blank::Keep,
            blank => blank,
        };
        elements.push(Element {
            indent: line.indent,
            text: line.text,
            start: line.start,
            end: line.end,
            blank,
            trailing: trailing[index]
                .iter()
                .map(|c| source[c.start..c.end].to_string())
                .collect(),
        });
    }
    for comment in at_end {
        elements.push(Element {
            indent: 0,
            text: source[comment.start..comment.end].to_string(),
            start: comment.start,
            end: comment.end,
            blank: Blank::Keep,
            trailing: Vec::new(),
        });
    }
    write(source, &elements)
}

fn write(source: &str, elements: &[Element]) -> String {
    // Trailing comments of consecutive lines start in one column.
    let mut columns = vec![0; elements.len()];
    let mut blanks = vec![false; elements.len()];
    let mut previous_end: Option<usize> = None;
    for (index, element) in elements.iter().enumerate() {
        blanks[index] = index > 0
            && match element.blank {
                Blank::Force => true,
                Blank::Never => false,
                Blank::Keep => previous_end.is_some_and(|end| {
                    end <= element.start && has_blank_line(&source[end..element.start])
                }),
            };
        previous_end = Some(element.end.max(previous_end.unwrap_or(0)));
    }
    let mut index = 0;
    while index < elements.len() {
        if elements[index].trailing.is_empty() {
            index += 1;
            continue;
        }
        let mut run_end = index + 1;
        while run_end < elements.len() && !elements[run_end].trailing.is_empty() && !blanks[run_end]
        {
            run_end += 1;
        }
        let width = elements[index..run_end]
            .iter()
            .map(|e| e.indent + e.text.chars().count())
            .max()
            .unwrap_or(0);
        for column in &mut columns[index..run_end] {
            *column = width + 2;
        }
        index = run_end;
    }

    let mut out = String::new();
    for (index, element) in elements.iter().enumerate() {
        if blanks[index] {
            out.push('\n');
        }
        let mut line = " ".repeat(element.indent);
        line.push_str(&element.text);
        if !element.trailing.is_empty() {
            let used = line.chars().count();
            line.push_str(&" ".repeat(columns[index].saturating_sub(used).max(1)));
            line.push_str(&element.trailing.join(" "));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A line with nothing but spaces between two newlines.
fn has_blank_line(gap: &str) -> bool {
    gap.matches('\n').count() >= 2
}
