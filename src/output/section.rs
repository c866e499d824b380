//! Whole sections (`show`): the report's title, the heading path, the line range and the
//! numbered lines with the query's matches highlighted; or one JSON line per section.

use std::io::{self, Write};

use super::{highlighted, json_line, sanitize, style, year_and_org, Color};
use crate::json::ShownSection;

/// Prints one section.
pub fn section(out: &mut impl Write, s: &ShownSection, json: bool, color: Color) -> io::Result<()> {
    if json {
        return json_line(out, s);
    }
    writeln!(
        out,
        "{}{}",
        color.paint(style::TITLE, &sanitize(&s.title)),
        year_and_org(s.year, s.org.as_deref())
    )?;
    let heading = if s.section.is_empty() {
        "(preamble)".to_string()
    } else {
        let path: Vec<String> = s.section.iter().map(|h| sanitize(h)).collect();
        path.join(" › ")
    };
    writeln!(out, "{}", color.paint(style::HEADING, &heading))?;
    let page = s.page.map(|p| format!(" (page {p})")).unwrap_or_default();
    let range = format!(
        "{}:{}-{}{page}",
        sanitize(&s.path),
        s.line_start,
        s.line_end
    );
    writeln!(out, "{}", color.paint(style::LOCATION, &range))?;
    let width = s.line_end.to_string().len();
    let mut base = 0;
    for (k, line) in s.text.split('\n').enumerate() {
        let len = line.chars().count();
        // The highlights of this line, clipped to it (a phrase may match across a line end).
        let here: Vec<[usize; 2]> = s
            .highlights
            .iter()
            .filter(|[a, b]| *a < base + len && *b > base)
            .map(|[a, b]| [a.max(&base) - base, (*b).min(base + len) - base])
            .collect();
        let number = color.paint(style::LINE_NUMBER, &format!("{:>width$}", s.line_start + k));
        if line.is_empty() {
            writeln!(out, "{number}")?;
        } else {
            writeln!(out, "{number}  {}", highlighted(line, &here, color))?;
        }
        base += len + 1;
    }
    writeln!(out)
}
