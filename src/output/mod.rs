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
    sanitize(&path.to_string_lossy())
}

/// Replaces control characters (escape sequences from hostile file names) by `\u{..}`.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Prints a warning on stderr, escaped for the terminal.
pub fn warn(message: &str) {
    eprintln!("govsearch: warning: {}", sanitize(message));
}
