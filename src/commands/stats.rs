//! `govsearch stats`: what an index holds and what built it.

use std::io::Write;

use anyhow::Result;

use super::Outcome;
use crate::cli::StatsArgs;
use crate::{index, output};

/// Runs `stats`.
pub fn run(a: StatsArgs) -> Result<Outcome> {
    let s = index::stats(&a.index)?;
    let mut out = std::io::stdout().lock();
    output::views::stats(&mut out, &a.index, &s, a.json)?;
    out.flush()?;
    Ok(Outcome::Found)
}
