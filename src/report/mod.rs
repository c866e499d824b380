//! Reports: what a document's lines mean. Boilerplate, metadata and sections.
//!
//! This module owns the section grammar of Chinese official texts (一、 / （一） / 1. / （1）,
//! 第X编 / 第X章 / 第X节 / 第X条, Markdown `#`), the rules that recognise web-page boilerplate,
//! and the heuristics for title, year, issuing body and date. It works on the lines of a
//! decoded document and knows nothing of tokenizers or of the index.
//!
//! Line numbers in a [`Section`] are 1-based and inclusive, counted in the decoded source lines;
//! boilerplate and blank lines belong to no section, every other line to exactly one.

use serde::Serialize;

mod boilerplate;
mod facts;
mod headings;

pub use boilerplate::{classify_line, LineKind};
pub use headings::{parse_heading, Heading};

use facts::{find_date, find_org, find_title, find_year, find_year_loose};

/// A section longer than this many characters, with no sub-heading to split it, is cut into
/// passages at paragraph (line) boundaries. A single paragraph longer than this stays whole:
/// cutting inside a line could separate the two halves of a phrase.
pub const MAX_PASSAGE_CHARS: usize = 1500;

/// A report: its metadata and its sections, in source order.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The title, or the file name without its extension when the text has none.
    pub title: String,
    /// The year the report is about.
    pub year: Option<u32>,
    /// The issuing body, when the report names one.
    pub org: Option<String>,
    /// The date it was signed or published, as written.
    pub date: Option<String>,
    /// The sections, tiling the kept lines of the report.
    pub sections: Vec<Section>,
}

/// One section: the lines under one heading, or one passage of a long one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Heading path, outermost first; empty for the preamble.
    pub heading: Vec<String>,
    /// Level of the innermost heading (0 for the preamble).
    pub level: u8,
    /// First source line, 1-based.
    pub line_start: usize,
    /// Last source line, 1-based, inclusive.
    pub line_end: usize,
    /// The kept lines, joined with `\n`.
    pub text: String,
}

impl Section {
    /// Number of characters of text.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// Reads a report out of decoded lines. `file_stem` names the report when it has no title.
pub fn parse_report(lines: &[String], file_stem: &str) -> Report {
    let kinds: Vec<LineKind> = lines.iter().map(|l| classify_line(l)).collect();
    let kept: Vec<(usize, &str)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            LineKind::Text(t) => Some((i, t.as_str())),
            _ => None,
        })
        .collect();
    let headings: Vec<Option<Heading>> = kept.iter().map(|(_, t)| parse_heading(t)).collect();
    let first_heading = headings
        .iter()
        .position(Option::is_some)
        .unwrap_or(kept.len());
    let (title, title_lines) = find_title(&kept, &headings, first_heading);
    let title = title.unwrap_or_else(|| file_stem.to_string());
    let year = find_year(&title).or_else(|| find_year_loose(file_stem));
    let org = find_org(&kept, &title);
    let date = find_date(lines, &kept);
    let sections = split_sections(&kept, &headings, title_lines);
    Report {
        title,
        year,
        org,
        date,
        sections,
    }
}

/// A section being filled: heading path, level, kept lines (index, text).
type OpenSection<'a> = (Vec<String>, u8, Vec<(usize, &'a str)>);

/// Splits kept lines into sections along their headings, then cuts long sections into passages.
fn split_sections(
    kept: &[(usize, &str)],
    headings: &[Option<Heading>],
    title_lines: usize,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    // The open heading path: (level, text, is an article).
    let mut path: Vec<(u8, String, bool)> = Vec::new();
    let mut current: Option<OpenSection> = None;
    for (k, (line_no, text)) in kept.iter().enumerate() {
        let heading = if k < title_lines {
            None
        } else {
            headings[k].as_ref()
        };
        if let Some(h) = heading {
            if let Some((hp, level, body)) = current.take() {
                push_passages(&mut sections, hp, level, &body);
            }
            if h.article {
                // Articles are leaves: a new article closes the previous one.
                while path.last().is_some_and(|(_, _, article)| *article) {
                    path.pop();
                }
            }
            let level = if h.article {
                path.last().map_or(1, |(l, _, _)| l + 1)
            } else {
                h.level
            };
            while path.last().is_some_and(|(l, _, _)| *l >= level) {
                path.pop();
            }
            path.push((level, h.text.clone(), h.article));
            current = Some((
                path.iter().map(|(_, t, _)| t.clone()).collect(),
                level,
                vec![(*line_no, *text)],
            ));
        } else {
            match &mut current {
                Some((_, _, body)) => body.push((*line_no, *text)),
                None => current = Some((Vec::new(), 0, vec![(*line_no, *text)])),
            }
        }
    }
    if let Some((hp, level, body)) = current.take() {
        push_passages(&mut sections, hp, level, &body);
    }
    sections
}

fn push_passages(
    sections: &mut Vec<Section>,
    heading: Vec<String>,
    level: u8,
    body: &[(usize, &str)],
) {
    let mut start = 0;
    while start < body.len() {
        let mut chars = 0;
        let mut end = start;
        while end < body.len() {
            let n = body[end].1.chars().count();
            if end > start && chars + n > MAX_PASSAGE_CHARS {
                break;
            }
            chars += n;
            end += 1;
        }
        let part = &body[start..end];
        sections.push(Section {
            heading: heading.clone(),
            level,
            line_start: part[0].0 + 1,
            line_end: part[part.len() - 1].0 + 1,
            text: part.iter().map(|(_, t)| *t).collect::<Vec<_>>().join("\n"),
        });
        start = end;
    }
}

#[cfg(test)]
mod tests;
