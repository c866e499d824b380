//! `govsearch search`: ranked passages, JSON lines or a count.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::index::{first_use_options, index_with_progress};
use super::Outcome;
use crate::analysis::Normalizer;
use crate::cli::{SearchArgs, DEFAULT_CORPUS, DEFAULT_INDEX};
use crate::output::{self, Color, HitPrinter, HumanPrinter, JsonPrinter};
use crate::search::{self, Engine, Filters, Limit};

/// Runs `search`.
pub fn run(a: SearchArgs) -> Result<Outcome> {
    let parsed = search::parse_query_excluding(&a.query.join(" "), &a.not, &Normalizer::new())?;
    let default_index = a.index == Path::new(DEFAULT_INDEX);
    if default_index && !a.index.join("meta.json").exists() && Path::new(DEFAULT_CORPUS).is_dir() {
        eprintln!(
            "govsearch: no index yet: building {} from {DEFAULT_CORPUS}/ first",
            output::sanitize_path(&a.index)
        );
        index_with_progress(&first_use_options(
            PathBuf::from(DEFAULT_CORPUS),
            a.index.clone(),
        ))?;
    }
    let open = crate::index::open(&a.index)?;
    let engine = Engine::new(&open)?;
    let filters = Filters {
        years: a.year,
        org: a.org,
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    if a.count {
        let n = engine.count(&parsed, &filters)?;
        writeln!(out, "{n}")?;
        out.flush()?;
        return Ok(Outcome::found_if(n > 0));
    }
    let limit = if a.all {
        Limit::All
    } else {
        Limit::Top(a.limit)
    };
    let ranking = engine.rank(&parsed, &filters, limit)?;
    let mut printer: Box<dyn HitPrinter> = if a.json {
        Box::new(JsonPrinter::new(&mut out))
    } else {
        Box::new(HumanPrinter::new(&mut out, Color::detect()))
    };
    // Hits are read and printed one at a time: `--all` streams.
    for h in engine.hits(&ranking) {
        printer.hit(&h?)?;
    }
    printer.totals(ranking.len(), ranking.sections, ranking.reports, a.all)?;
    drop(printer);
    out.flush()?;
    Ok(Outcome::found_if(!ranking.is_empty()))
}
