//! Output: every printer. Human text (coloured only on a terminal with NO_COLOR unset) and JSON
//! lines.
//!
//! This module owns how hits ([`hits`]), inspected files, index figures, analyses and indexing
//! summaries ([`views`]) are shown, as text or as the JSON types of [`crate::json`]. Text from outside (file
//! names, titles, snippets) is escaped before it reaches a terminal ([`sanitize`]); JSON stays
//! exact. It knows nothing of how hits were found.

use std::io;
use std::path::Path;

pub mod hits;
pub mod views;

pub use hits::{HitPrinter, HumanPrinter, JsonPrinter};

/// Whether to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// ANSI colours.
    On,
    /// Plain text, no escape codes at all.
    Off,
}

impl Color {
    /// Colour when stdout is a terminal and NO_COLOR is unset or empty.
    pub fn detect() -> Color {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if io::stdout().is_terminal() && !no_color {
            Color::On
        } else {
            Color::Off
        }
    }
}

/// Makes a path safe to print on a terminal: control characters are shown escaped.
pub fn sanitize_path(path: &Path) -> String {
    sanitize(&crate::corpus::path_key(path))
}

/// Replaces characters that can deceive or drive a terminal by `\u{..}`: control characters
/// (C0, DEL and C1: escape sequences from hostile file names), bidirectional overrides and
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
    c.is_control()
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
    }
}
