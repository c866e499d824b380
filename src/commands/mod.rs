//! The subcommands: one file each, each a thin layer from parsed flags to the library.
//!
//! Results go to stdout; progress, warnings and errors to stderr. A command returns an
//! [`Outcome`]; the binary maps it, or an error, to the one [`ExitStatus`].

use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command};
use crate::output;

pub mod analyze;
pub mod completions;
pub mod index;
pub mod inspect;
pub mod man;
pub mod search;
pub mod show;
pub mod stats;

/// What a command found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something found.
    Found,
    /// Nothing found.
    NotFound,
}

impl Outcome {
    /// Found when `found`, else NotFound.
    pub fn found_if(found: bool) -> Outcome {
        if found {
            Outcome::Found
        } else {
            Outcome::NotFound
        }
    }
}

/// The exit status of the binary: 0 found, 1 nothing found, 2 error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Something found (or a command that finds nothing, such as `index`, succeeded).
    Found = 0,
    /// Nothing found.
    NotFound = 1,
    /// An error: bad flags, a bad query, no index, an I/O failure.
    Error = 2,
}

impl ExitStatus {
    /// The status of a command's result. A closed pipe (`| head`) is a normal end.
    pub fn of(result: &Result<Outcome>) -> ExitStatus {
        match result {
            Ok(Outcome::Found) => ExitStatus::Found,
            Ok(Outcome::NotFound) => ExitStatus::NotFound,
            Err(e) if is_broken_pipe(e) => ExitStatus::Found,
            Err(_) => ExitStatus::Error,
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
        Command::Inspect(a) => inspect::run(a),
        Command::Analyze(a) => analyze::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Show(a) => show::run(a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
    }
}

/// `--color` as the printers' colour rules take it.
fn color_choice(when: clap::ColorChoice) -> anstream::ColorChoice {
    match when {
        clap::ColorChoice::Auto => anstream::ColorChoice::Auto,
        clap::ColorChoice::Always => anstream::ColorChoice::Always,
        clap::ColorChoice::Never => anstream::ColorChoice::Never,
    }
}

/// Reads a user dictionary named on the command line.
fn read_user_dict(path: Option<&Path>) -> Result<Option<String>> {
    path.map(|p| {
        std::fs::read_to_string(p)
            .with_context(|| format!("cannot read user dictionary {}", output::sanitize_path(p)))
    })
    .transpose()
}

/// Opens an index to search it. One read by older rules for reports and sections still
/// answers, with a warning: its heading paths, lines and report facts may be out of date.
fn open_index(dir: &Path) -> Result<crate::index::OpenIndex> {
    Ok(warn_if_read_by_older_rules(dir, crate::index::open(dir)?))
}

/// An opened index, after a warning when older rules read its files (see [`open_index`]).
fn warn_if_read_by_older_rules(
    dir: &Path,
    open: crate::index::OpenIndex,
) -> crate::index::OpenIndex {
    if let Some(b) = open.build.as_ref().filter(|b| !b.read_as_now()) {
        let shown = output::sanitize_path(dir);
        output::warn(&format!(
            "the index at {shown} was {}: heading paths, lines and years may be out of date \
             until `govsearch index --index {shown}` reads its files again",
            b.reading_difference()
        ));
    }
    open
}
