//! `govsearch inspect`: what the reader makes of files.

use std::io::{self, Write};

use anyhow::Result;

use super::Outcome;
use crate::cli::InspectArgs;
use crate::contain::contained;
use crate::{corpus, output};

/// Runs `inspect`.
pub fn run(a: InspectArgs) -> Result<Outcome> {
    let (files, warnings) = corpus::walk(&a.files, corpus::Links::Stay, None);
    for w in &warnings {
        output::warn(&w.to_string());
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut any = false;
    let mut failed = !warnings.is_empty();
    for file in files {
        let shown = corpus::path_key(&file.path);
        // A file the reader cannot cope with, even by panicking, costs one warning.
        let loaded = contained(|| corpus::load(&file.path))
            .unwrap_or_else(|e| Err(corpus::ReadError::Internal(e)));
        let doc = match loaded {
            Ok(d) => d,
            Err(e) => {
                output::warn(&format!("{shown}: skipped: {e}"));
                failed = true;
                continue;
            }
        };
        for w in &doc.source.warnings {
            output::warn(&format!("{shown}: {w}"));
        }
        any = true;
        output::views::inspect(&mut out, &doc, a.json)?;
    }
    out.flush()?;
    if !any && failed {
        anyhow::bail!("no readable document among the files given");
    }
    Ok(Outcome::found_if(any))
}
