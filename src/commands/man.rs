//! `govsearch man`: the manual pages, generated from the flags' definitions.

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::Outcome;
use crate::cli::{Cli, ManArgs};
use crate::output;

/// Runs `man`: govsearch.1 on stdout, or every page into `--dir`.
pub fn run(a: ManArgs) -> Result<Outcome> {
    let command = Cli::command();
    match a.dir {
        None => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(command).render(&mut out)?;
            out.flush()?;
        }
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .and_then(|()| clap_mangen::generate_to(command, &dir))
                .with_context(|| {
                    format!(
                        "cannot write manual pages into {}",
                        output::sanitize_path(&dir)
                    )
                })?;
        }
    }
    Ok(Outcome::Found)
}
