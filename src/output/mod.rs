//! Output: every printer. Human text (coloured only when `--color` and the terminal say so) and
//! JSON lines.
//!
//! This module owns how hits and reports ([`hits`]), counts per year or body ([`counts`]),
//! whole sections ([`section`]), inspected files, index figures, analyses and indexing
//! summaries ([`views`]) are shown, as text or as the JSON types of [`crate::json`]. Text from
//! outside (file names, titles, snippets) is escaped before it reaches a terminal
//! ([`sanitize`]); JSON stays exact and is never coloured. It knows nothing of how hits were
//! found.

use std::io;
use std::path::Path;

use anstyle::{AnsiColor, Style};

pub mod counts;
pub mod hits;
pub mod section;
pub mod views;

pub use hits::{HitPrinter, HumanPrinter, JsonPrinter, Summary, ALSO_IN_SHOWN};

/// Whether to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// ANSI colours.
    On,
    /// Plain text, no escape codes at all.
    Off,
}

impl Color {
    /// Colour as `--color` says: `Always`, `Never`, or `Auto`: when stdout is a terminal and
    /// NO_COLOR is unset or empty (anstream's rules, which also honour CLICOLOR=0,
    /// CLICOLOR_FORCE and TERM=dumb).
    pub fn choose(when: anstream::ColorChoice) -> Color {
        let when = match when {
            anstream::ColorChoice::Auto => anstream::AutoStream::choice(&io::stdout()),
            forced => forced,
        };
        if when == anstream::ColorChoice::Never {
            Color::Off
        } else {
            Color::On
        }
    }

    /// Colour when stdout is a terminal and NO_COLOR is unset or empty (`--color auto`).
    pub fn detect() -> Color {
        Color::choose(anstream::ColorChoice::Auto)
    }

    /// `text` in `style`, or `text` as it is without colour.
    pub fn paint(self, style: Style, text: &str) -> String {
        match self {
            Color::On => format!("{style}{text}{style:#}"),
            Color::Off => text.to_string(),
        }
    }
}

/// The styles of human output, as ripgrep's defaults where it has one.
pub(crate) mod style {
    use super::*;

    /// A report's title.
    pub const TITLE: Style = Style::new().bold();
    /// A heading path.
    pub const HEADING: Style = AnsiColor::Cyan.on_default();
    /// A `path:line:column` location.
    pub const LOCATION: Style = AnsiColor::Magenta.on_default();
    /// Matched text.
    pub const MATCH: Style = AnsiColor::Red.on_default().bold();
    /// A line number before a source line.
    pub const LINE_NUMBER: Style = AnsiColor::Green.on_default();
    /// A note about a hit (more in its report, the same passage elsewhere).
    pub const NOTE: Style = Style::new().dimmed();
    /// A bar of a chart.
    pub const BAR: Style = AnsiColor::Cyan.on_default();
}

/// `text` with the character ranges `highlights` (`[start, end)`, sorted) painted as matches,
/// everything escaped for the terminal.
pub(crate) fn highlighted(text: &str, highlights: &[[usize; 2]], color: Color) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for [a, b] in highlights {
        let (a, b) = ((*a).min(chars.len()), (*b).min(chars.len()));
        if a < at {
            continue;
        }
        out.push_str(&sanitize(&chars[at..a].iter().collect::<String>()));
        let matched = sanitize(&chars[a..b].iter().collect::<String>());
        out.push_str(&color.paint(style::MATCH, &matched));
        at = b;
    }
    out.push_str(&sanitize(&chars[at..].iter().collect::<String>()));
    out
}

/// `  (2019 · 某市科学技术局)` after a title: the report's year and issuing body, when it has
/// them; empty otherwise.
pub(crate) fn year_and_org(year: Option<u32>, org: Option<&str>) -> String {
    let mut meta = Vec::new();
    if let Some(y) = year {
        meta.push(y.to_string());
    }
    if let Some(o) = org {
        meta.push(sanitize(o));
    }
    if meta.is_empty() {
        String::new()
    } else {
        format!("  ({})", meta.join(" · "))
    }
}

/// ` (230 distinct passages)` when some matching sections are duplicates; empty otherwise.
pub(crate) fn passages_note(totals: &crate::json::Totals) -> String {
    if totals.passages == totals.sections {
        String::new()
    } else {
        format!(
            " ({})",
            plural(totals.passages, "distinct passage", "distinct passages")
        )
    }
}

/// `n one` or `n many`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Writes one JSON value on one line.
pub(crate) fn json_line(out: &mut impl io::Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}

/// Makes a path safe to print on a terminal: control characters are shown escaped.
pub fn sanitize_path(path: &Path) -> String {
    sanitize(&crate::corpus::path_key(path))
}

/// Replaces characters that can deceive or drive a terminal by `\u{..}`: control characters
/// (C0 but the tab, DEL and C1: escape sequences from hostile file names; a tab is printed as
/// itself, as rg does, so a line reads as in the file and is one character of its column count),
/// bidirectional overrides and
/// isolates (U+202A–202E, U+2066–2069, U+061C, which reorder what follows them on screen) and
/// zero-width characters (U+200B–200F, U+2060, U+FEFF, which hide text), as fd does.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if unsafe_on_terminal(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn unsafe_on_terminal(c: char) -> bool {
    c != '\t' && c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// Prints a warning on stderr, escaped for the terminal.
pub fn warn(message: &str) {
    eprintln!("govsearch: warning: {}", sanitize(message));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_tricks_are_escaped() {
        assert_eq!(
            sanitize("a\u{202e}b\u{200b}c\u{85}d\x1b"),
            "a\\u{202e}b\\u{200b}c\\u{85}d\\u{1b}"
        );
        assert_eq!(sanitize("法律顾问 ok"), "法律顾问 ok");
        assert_eq!(sanitize("一、\t法律顾问\r"), "一、\t法律顾问\\u{d}");
    }
}
