//! `govsearch show`: the whole section holding a line of a report, or every section of it.

use std::io::{self, Write};

use anyhow::Result;

use super::{color_choice, Outcome};
use crate::analysis::Normalizer;
use crate::cli::ShowArgs;
use crate::output::{self, Color};
use crate::search::{self, Engine};

/// Runs `show`.
pub fn run(a: ShowArgs) -> Result<Outcome> {
    let query = a
        .query
        .as_deref()
        .map(|q| search::parse_query(q, &Normalizer::new()))
        .transpose()?;
    let open = super::open_index(&a.index)?;
    let engine = Engine::new(&open)?;
    let index = output::sanitize_path(&a.index);
    let sections = engine.show(&a.location, query.as_ref(), &index)?;
    for path in search::changed_since_indexed(&sections) {
        output::warn(&format!(
            "{path}: changed since it was indexed; the lines shown are those indexed, and the \
             file's own may have moved (run `govsearch index --index {index}` to update)"
        ));
    }
    let color = Color::choose(color_choice(a.color));
    let mut out = io::BufWriter::new(io::stdout().lock());
    for s in &sections {
        output::section::section(&mut out, s, a.json, color)?;
    }
    out.flush()?;
    Ok(Outcome::found_if(!sections.is_empty()))
}
