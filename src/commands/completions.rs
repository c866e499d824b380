//! `govsearch completions SHELL`: a completion script generated from the flags' definitions.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs};

/// Runs `completions`.
pub fn run(a: CompletionsArgs) -> Result<Outcome> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(a.shell, &mut Cli::command(), "govsearch", &mut out);
    out.flush()?;
    Ok(Outcome::Found)
}
