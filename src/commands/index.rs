//! `govsearch index`: build or update an index, with a progress bar and Ctrl-C handling.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::Result;

use super::{read_user_dict, Outcome};
use crate::analysis;
use crate::cli::{IndexArgs, DEFAULT_CORPUS};
use crate::corpus;
use crate::index::{self, IndexError, IndexOptions, IndexSummary, Progress};
use crate::output;

/// Runs `index`. What the command line leaves out (the corpus, the user dictionary, the domain
/// dictionary switch) is taken from what the index remembers, and said so; a corpus that would
/// silently drop the index's files is refused unless `--replace` says so.
pub fn run(a: IndexArgs) -> Result<Outcome> {
    let stored = index::stored_build_info(&a.index);
    let shown_index = output::sanitize_path(&a.index);
    let corpus =
        if !a.corpus.is_empty() {
            if let Some(b) = stored
                .as_ref()
                .filter(|b| !b.roots.is_empty() && !a.replace)
            {
                refuse_other_corpus(&a.corpus, &b.roots, &shown_index)?;
            }
            a.corpus.clone()
        } else if let Some(b) = stored.as_ref().filter(|b| !b.roots.is_empty()) {
            eprintln!(
            "govsearch: indexing {} again, as {shown_index} remembers (name folders to change it)",
            b.roots.iter().map(|r| output::sanitize(r)).collect::<Vec<_>>().join(" ")
        );
            b.roots.iter().map(PathBuf::from).collect()
        } else {
            vec![PathBuf::from(DEFAULT_CORPUS)]
        };
    // A folder named twice (corp and ./corp/) is walked once.
    let mut seen = std::collections::HashSet::new();
    let corpus: Vec<PathBuf> = corpus
        .into_iter()
        .filter(|r| seen.insert(std::fs::canonicalize(r).unwrap_or_else(|_| r.clone())))
        .collect();
    for root in &corpus {
        if !root.exists() {
            anyhow::bail!("corpus {} does not exist", output::sanitize_path(root));
        }
    }
    let user_dict_path = match (&a.user_dict, a.no_user_dict, &stored) {
        (Some(p), _, _) => Some(p.clone()),
        (None, false, Some(b)) if b.user_dict.is_some() => {
            let p = PathBuf::from(b.user_dict.clone().unwrap_or_default());
            eprintln!(
                "govsearch: using the user dictionary {} again, as {shown_index} remembers (--no-user-dict to drop it)",
                output::sanitize_path(&p)
            );
            Some(p)
        }
        _ => None,
    };
    let domain = if a.no_domain_dict {
        false
    } else if a.domain_dict {
        true
    } else {
        let remembered = stored.as_ref().is_none_or(|b| b.domain_dict);
        if !remembered {
            eprintln!("govsearch: without the domain dictionary, as {shown_index} remembers (--domain-dict to use it)");
        }
        remembered
    };
    let opts = IndexOptions {
        corpus,
        index_dir: a.index,
        rebuild: a.rebuild,
        jobs: a.jobs.unwrap_or_else(default_jobs),
        memory_budget: a.memory_mb.map(|mb| mb << 20),
        dictionaries: analysis::Dictionaries {
            domain,
            user: read_user_dict(user_dict_path.as_deref())?,
        },
        user_dict_path,
        links: if a.follow {
            corpus::Links::Follow
        } else {
            corpus::Links::Stay
        },
    };
    index_with_progress(&opts)?;
    Ok(Outcome::Found)
}

/// Refuses a corpus that leaves out a root the index was built from: its files would be
/// removed without a word.
fn refuse_other_corpus(given: &[PathBuf], stored: &[String], shown_index: &str) -> Result<()> {
    let canonical: Vec<String> = given
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let dropped: Vec<&String> = stored.iter().filter(|r| !canonical.contains(r)).collect();
    if dropped.is_empty() {
        return Ok(());
    }
    let list = |v: &[&String]| {
        v.iter()
            .map(|r| output::sanitize(r))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let given_list = given
        .iter()
        .map(|p| output::sanitize_path(p))
        .collect::<Vec<_>>()
        .join(" ");
    let all: Vec<&String> = stored.iter().collect();
    anyhow::bail!(
        "the index at {shown_index} was built from {}; indexing {given_list} alone would remove the sections of every file under {}.\n  \
         to index {given_list} instead: govsearch index {given_list} --index {shown_index} --replace\n  \
         to add it: govsearch index {} {given_list} --index {shown_index}",
        list(&all),
        list(&dropped),
        list(&all),
    )
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
        IndexError::Locked(_)
        | IndexError::Interrupted
        | IndexError::Dict(_)
        | IndexError::NotAFolder(_)
        | IndexError::Documents(_) => anyhow::Error::new(e),
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
    IndexOptions::new(vec![corpus], index_dir, default_jobs())
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
