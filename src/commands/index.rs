//! `govsearch index`: build or update an index, with a progress bar and Ctrl-C handling.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Result;

use super::{read_user_dict, Outcome};
use crate::cli::IndexArgs;
use crate::index::{self, IndexError, IndexOptions, IndexSummary, Progress};
use crate::output;
use crate::{analysis, corpus};

/// Runs `index`.
pub fn run(a: IndexArgs) -> Result<Outcome> {
    for root in &a.corpus {
        if !root.exists() {
            anyhow::bail!("corpus {} does not exist", output::sanitize_path(root));
        }
    }
    let opts = IndexOptions {
        corpus: a.corpus,
        index_dir: a.index,
        rebuild: a.rebuild,
        jobs: a.jobs.unwrap_or_else(default_jobs),
        memory_budget: a.memory_mb << 20,
        dictionaries: analysis::Dictionaries {
            domain: !a.no_domain_dict,
            user: read_user_dict(a.user_dict.as_deref())?,
        },
        links: if a.follow {
            corpus::Links::Follow
        } else {
            corpus::Links::Stay
        },
    };
    index_with_progress(&opts)?;
    Ok(Outcome::Found)
}

/// The indexing threads when `--jobs` is not given: one per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
}

/// Runs an indexing pass with a progress bar on a terminal, stops cleanly on Ctrl-C and prints
/// the summary line.
pub fn index_with_progress(opts: &IndexOptions) -> Result<IndexSummary> {
    let progress = progress_bar();
    let interrupted = interrupt_flag();
    let result = index::index_corpus(opts, &progress, &interrupted);
    progress.bar.finish_and_clear();
    let summary = result.map_err(|e| match e {
        // These already say what happened and what to do.
        IndexError::Locked(_) | IndexError::Interrupted | IndexError::Dict(_) => {
            anyhow::Error::new(e)
        }
        e => anyhow::Error::new(e).context(format!(
            "indexing into {} failed; the index keeps its last committed state",
            output::sanitize_path(&opts.index_dir)
        )),
    })?;
    eprintln!("{}", output::views::index_summary(&summary));
    Ok(summary)
}

/// The options of the index a first search builds from `corpus` when there is none yet.
pub fn first_use_options(corpus: PathBuf, index_dir: PathBuf) -> IndexOptions {
    IndexOptions {
        corpus: vec![corpus],
        index_dir,
        rebuild: false,
        jobs: default_jobs(),
        memory_budget: index::DEFAULT_MEMORY_BUDGET,
        dictionaries: Default::default(),
        links: corpus::Links::Stay,
    }
}

struct BarProgress {
    bar: indicatif::ProgressBar,
}

impl Progress for BarProgress {
    fn warn(&self, message: &str) {
        self.bar.suspend(|| output::warn(message));
    }
    fn start(&self, files: u64) {
        self.bar.set_length(files);
    }
    fn advance(&self, _path: &Path) {
        self.bar.inc(1);
    }
}

fn progress_bar() -> BarProgress {
    use std::io::IsTerminal;
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} indexing [{bar:30}] {pos}/{len} files {elapsed}",
            )
            .expect("static template")
            .progress_chars("=> "),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    BarProgress { bar }
}

fn interrupt_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let f = flag.clone();
    // Only the first handler can be installed; later calls in tests are fine to ignore.
    let _ = ctrlc::set_handler(move || {
        f.store(true, Ordering::SeqCst);
    });
    flag
}
