//! The command line: flags parsed by clap, turned into calls of the library, and exit codes.
//!
//! Each subcommand is one function from its parsed flags to the library. Results go to stdout;
//! progress, warnings and errors to stderr. Exit status: 0 found, 1 nothing found, 2 error.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::analysis::{self, Normalizer};
use crate::corpus;
use crate::index::{self, IndexOptions, Progress};
use crate::output::{self, Color, HitPrinter, HumanPrinter, JsonPrinter};
use crate::report;
use crate::search::{self, Engine, Filters, Limit};

/// Default corpus folder, relative to the working directory.
pub const DEFAULT_CORPUS: &str = "data";
/// Default index folder, relative to the working directory.
pub const DEFAULT_INDEX: &str = "index";

const QUERY_HELP: &str = "\
QUERY LANGUAGE:
  法律顾问 合同          both terms must occur in the section (AND)
  \"合同 审查\"           a quoted phrase is one term
  法律顾问 -外包         exclude sections containing 外包
  法律顾问 OR 律师       either term (OR binds tighter than AND)
  A term matches wherever its text occurs, inside longer words too (顾问 finds 法律顾问),
  with full-width/half-width forms, letter case and traditional/simplified characters folded
  together (ＧＤＰ = GDP = gdp, 國務院 = 国务院).

EXIT STATUS: 0 something found, 1 nothing found, 2 error.";

/// Full-text search for Chinese government reports: complete like grep, ranked like a search
/// engine.
#[derive(Debug, Parser)]
#[command(name = "govsearch", version, about, after_help = QUERY_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index a corpus folder (new and changed files only, unless --rebuild).
    Index(IndexArgs),
    /// Search the index; ranked passages with highlighted snippets.
    #[command(after_help = QUERY_HELP)]
    Search(SearchArgs),
    /// Show what the reader makes of files: format, encoding, metadata, section tree.
    Inspect(InspectArgs),
    /// Show how text is normalised and cut into words.
    Analyze(AnalyzeArgs),
    /// Show what an index holds and what built it.
    Stats(StatsArgs),
}

/// `govsearch index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Corpus folders or files.
    #[arg(default_value = DEFAULT_CORPUS)]
    pub corpus: Vec<PathBuf>,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Discard the existing index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Indexing threads (default: the number of cores).
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// Writer memory budget in MiB, shared by the indexing threads.
    #[arg(long, default_value_t = index::DEFAULT_MEMORY_BUDGET >> 20)]
    pub memory_mb: usize,
    /// Extra words for segmentation, in jieba's dictionary format (word [freq] [tag] per line).
    #[arg(long)]
    pub user_dict: Option<PathBuf>,
    /// Cut words without the built-in government-domain dictionary (for comparison).
    #[arg(long)]
    pub no_domain_dict: bool,
}

/// `govsearch search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query terms (see QUERY LANGUAGE below).
    #[arg(required = true, allow_hyphen_values = true)]
    pub query: Vec<String>,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Number of hits to show.
    #[arg(short = 'n', long, default_value_t = 10)]
    pub limit: usize,
    /// Show every matching section, ranked.
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// Print only the number of matching sections.
    #[arg(long)]
    pub count: bool,
    /// One JSON object per hit per line.
    #[arg(long)]
    pub json: bool,
    /// Only reports about this year, or a range A..B (inclusive).
    #[arg(long, value_parser = search::parse_years)]
    pub year: Option<(u32, u32)>,
    /// Only reports whose issuing body contains this text.
    #[arg(long)]
    pub org: Option<String>,
}

/// `govsearch inspect`.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Files (or folders) to read.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// One JSON object per file.
    #[arg(long)]
    pub json: bool,
}

/// `govsearch analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Text to analyse.
    #[arg(required = true)]
    pub text: Vec<String>,
    /// Extra words, in jieba's dictionary format.
    #[arg(long)]
    pub user_dict: Option<PathBuf>,
    /// Cut words without the built-in government-domain dictionary.
    #[arg(long)]
    pub no_domain_dict: bool,
}

/// `govsearch stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// As one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Lets exclusions (`-外包`) stand anywhere among `search`'s words without being taken for
/// flags, and flags stand after the query: every word of a `search` command line that is not
/// one of its flags (or a flag's value) is moved behind a `--`.
pub fn search_args_with_query_last(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let pos = 1;
    if args.get(pos).is_none_or(|a| a != "search") {
        return args;
    }
    let cmd = Cli::command();
    let Some(search) = cmd.find_subcommand("search") else {
        return args;
    };
    let mut takes_value = std::collections::HashMap::new();
    for arg in search.get_arguments() {
        let value = arg.get_action().takes_values();
        if let Some(s) = arg.get_short() {
            takes_value.insert(format!("-{s}"), value);
        }
        if let Some(l) = arg.get_long() {
            takes_value.insert(format!("--{l}"), value);
        }
    }
    takes_value.insert("-h".into(), false);
    takes_value.insert("--help".into(), false);
    let mut flags: Vec<std::ffi::OsString> = args[..=pos].to_vec();
    let mut words = Vec::new();
    let mut rest = args[pos + 1..].iter();
    while let Some(a) = rest.next() {
        let s = a.to_string_lossy();
        if s == "--" {
            words.extend(rest.by_ref().cloned());
            break;
        }
        let name = s.split_once('=').map_or(&*s, |(n, _)| n);
        match takes_value.get(name) {
            Some(true) if !s.contains('=') => {
                flags.push(a.clone());
                if let Some(v) = rest.next() {
                    flags.push(v.clone());
                }
            }
            Some(_) => flags.push(a.clone()),
            None => words.push(a.clone()),
        }
    }
    if !words.is_empty() {
        flags.push("--".into());
        flags.extend(words);
    }
    flags
}

/// Outcome of a command, mapped to the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Something found (exit 0).
    Found,
    /// Nothing found (exit 1).
    NotFound,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    match cli.command {
        Command::Index(a) => cmd_index(a),
        Command::Search(a) => cmd_search(a),
        Command::Inspect(a) => cmd_inspect(a),
        Command::Analyze(a) => cmd_analyze(a),
        Command::Stats(a) => cmd_stats(a),
    }
}

fn read_user_dict(path: Option<&Path>) -> Result<Option<String>> {
    path.map(|p| {
        std::fs::read_to_string(p)
            .with_context(|| format!("cannot read user dictionary {}", output::sanitize_path(p)))
    })
    .transpose()
}

struct BarProgress {
    bar: indicatif::ProgressBar,
}

impl Progress for BarProgress {
    fn warn(&self, message: &str) {
        self.bar
            .suspend(|| eprintln!("govsearch: warning: {}", output::sanitize(message)));
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
    let bar = if io::stderr().is_terminal() {
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
        f.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    flag
}

fn run_index(opts: &IndexOptions) -> Result<index::IndexSummary> {
    let progress = progress_bar();
    let interrupted = interrupt_flag();
    let result = index::index_corpus(opts, &progress, &interrupted);
    progress.bar.finish_and_clear();
    let summary = result.map_err(|e| match e {
        // These already say what happened and what to do.
        index::IndexError::Locked(_)
        | index::IndexError::Interrupted
        | index::IndexError::Dict(_) => anyhow::Error::new(e),
        e => anyhow::Error::new(e).context(format!(
            "indexing into {} failed; the index keeps its last committed state",
            output::sanitize_path(&opts.index_dir)
        )),
    })?;
    eprintln!(
        "govsearch: indexed {} files ({} added, {} updated, {} removed, {} unchanged, {} skipped), {} sections, {:.1} MB in {:.2} s ({:.1} MB/s){}",
        summary.added + summary.updated + summary.unchanged,
        summary.added,
        summary.updated,
        summary.removed,
        summary.unchanged,
        summary.skipped,
        summary.sections,
        summary.bytes as f64 / 1e6,
        summary.seconds,
        summary.mb_per_s(),
        if summary.rebuilt { ", rebuilt" } else { "" }
    );
    Ok(summary)
}

fn cmd_index(a: IndexArgs) -> Result<Outcome> {
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
    };
    run_index(&opts)?;
    Ok(Outcome::Found)
}

fn default_jobs() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
}

fn cmd_search(a: SearchArgs) -> Result<Outcome> {
    let query_text = a.query.join(" ");
    let normalizer = Normalizer::new();
    let parsed = search::parse_query(&query_text, &normalizer)?;
    let default_index = a.index == Path::new(DEFAULT_INDEX);
    if default_index && !a.index.join("meta.json").exists() && Path::new(DEFAULT_CORPUS).is_dir() {
        eprintln!(
            "govsearch: no index yet: building {} from {DEFAULT_CORPUS}/ first",
            a.index.display()
        );
        run_index(&IndexOptions {
            corpus: vec![PathBuf::from(DEFAULT_CORPUS)],
            index_dir: a.index.clone(),
            rebuild: false,
            jobs: default_jobs(),
            memory_budget: index::DEFAULT_MEMORY_BUDGET,
            dictionaries: Default::default(),
        })?;
    }
    let open = index::open(&a.index)?;
    // Damaged files surface when the reader opens them or when a query reads them.
    let damaged = |e: tantivy::TantivyError| index::IndexError::Corrupt {
        path: a.index.display().to_string(),
        message: e.to_string(),
    };
    let engine = Engine::new(&open).map_err(damaged)?;
    let filters = Filters {
        years: a.year,
        org: a.org,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if a.count {
        let n = engine.count(&parsed, &filters).map_err(damaged)?;
        ignore_broken_pipe(writeln!(out, "{n}").and_then(|_| out.flush()))?;
        return Ok(if n > 0 {
            Outcome::Found
        } else {
            Outcome::NotFound
        });
    }
    let limit = if a.all {
        Limit::All
    } else {
        Limit::Top(a.limit)
    };
    let hits = engine.search(&parsed, &filters, limit).map_err(damaged)?;
    let mut printer: Box<dyn HitPrinter> = if a.json {
        Box::new(JsonPrinter::new(&mut out))
    } else {
        Box::new(HumanPrinter::new(&mut out, Color::detect()))
    };
    let written = hits.iter().try_for_each(|h| printer.hit(h));
    drop(printer);
    ignore_broken_pipe(written.and_then(|_| out.flush()))?;
    Ok(if hits.is_empty() {
        Outcome::NotFound
    } else {
        Outcome::Found
    })
}

/// A closed pipe (`| head`) is a normal end, not an error.
fn ignore_broken_pipe(r: io::Result<()>) -> Result<()> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// What `inspect --json` prints for one file.
#[derive(Debug, Serialize)]
pub struct InspectedFile {
    /// The file.
    pub path: String,
    /// Format name.
    pub format: String,
    /// Encoding name.
    pub encoding: String,
    /// Title.
    pub title: String,
    /// Year.
    pub year: Option<u32>,
    /// Issuing body.
    pub org: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Sections.
    pub sections: Vec<InspectedSection>,
}

/// A section as `inspect --json` shows it.
#[derive(Debug, Serialize)]
pub struct InspectedSection {
    /// Heading path.
    pub section: Vec<String>,
    /// Level (0: preamble).
    pub level: u8,
    /// First line.
    pub line_start: usize,
    /// Last line.
    pub line_end: usize,
    /// Characters of text.
    pub chars: usize,
}

fn cmd_inspect(a: InspectArgs) -> Result<Outcome> {
    let (files, warnings) = corpus::walk(&a.files);
    for w in &warnings {
        eprintln!("govsearch: warning: {w}");
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut any = false;
    let mut failed = !warnings.is_empty();
    for file in files {
        let shown = output::sanitize_path(&file.path);
        let source = match corpus::read_file(&file.path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("govsearch: warning: {shown}: skipped: {e}");
                failed = true;
                continue;
            }
        };
        for w in &source.warnings {
            eprintln!("govsearch: warning: {shown}: {w}");
        }
        let stem = file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let r = report::parse_report(&source.lines, &stem);
        any = true;
        let result = if a.json {
            let obj = InspectedFile {
                path: file.path.to_string_lossy().into_owned(),
                format: source.format.name().into(),
                encoding: source.encoding.into(),
                title: r.title.clone(),
                year: r.year,
                org: r.org.clone(),
                date: r.date.clone(),
                sections: r
                    .sections
                    .iter()
                    .map(|s| InspectedSection {
                        section: s.heading.clone(),
                        level: s.level,
                        line_start: s.line_start,
                        line_end: s.line_end,
                        chars: s.chars(),
                    })
                    .collect(),
            };
            serde_json::to_writer(&mut out, &obj)
                .map_err(io::Error::from)
                .and_then(|_| writeln!(out))
        } else {
            print_inspect(&mut out, &shown, &source, &r)
        };
        ignore_broken_pipe(result)?;
    }
    ignore_broken_pipe(out.flush())?;
    if !any && failed {
        anyhow::bail!("no readable document among the files given");
    }
    Ok(if any {
        Outcome::Found
    } else {
        Outcome::NotFound
    })
}

fn print_inspect(
    out: &mut impl Write,
    shown: &str,
    source: &corpus::SourceText,
    r: &report::Report,
) -> io::Result<()> {
    let opt = |v: &Option<String>| {
        v.as_deref()
            .map(output::sanitize)
            .unwrap_or_else(|| "-".into())
    };
    writeln!(out, "{shown}")?;
    writeln!(out, "  format:   {} ({})", source.format, source.encoding)?;
    writeln!(out, "  title:    {}", output::sanitize(&r.title))?;
    writeln!(
        out,
        "  year:     {}",
        r.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into())
    )?;
    writeln!(out, "  org:      {}", opt(&r.org))?;
    writeln!(out, "  date:     {}", opt(&r.date))?;
    writeln!(out, "  sections: {}", r.sections.len())?;
    for s in &r.sections {
        let name = s
            .heading
            .last()
            .map(|h| output::sanitize(h))
            .unwrap_or_else(|| "(preamble)".into());
        writeln!(
            out,
            "  {:>5}-{:<5} {}{} [{} chars]",
            s.line_start,
            s.line_end,
            "  ".repeat(s.level.saturating_sub(1) as usize),
            name,
            s.chars()
        )?;
    }
    writeln!(out)
}

fn cmd_analyze(a: AnalyzeArgs) -> Result<Outcome> {
    let text = a.text.join(" ");
    let jieba = analysis::Dictionaries {
        domain: !a.no_domain_dict,
        user: read_user_dict(a.user_dict.as_deref())?,
    }
    .load()?;
    let norm = Normalizer::new().normalize(&text);
    let words = analysis::words_of(&jieba, &norm);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    ignore_broken_pipe(
        writeln!(out, "normalised: {norm}")
            .and_then(|_| writeln!(out, "words:      {}", words.join(" / "))),
    )?;
    Ok(Outcome::Found)
}

fn cmd_stats(a: StatsArgs) -> Result<Outcome> {
    let s = index::stats(&a.index)?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if a.json {
        ignore_broken_pipe(
            serde_json::to_writer(&mut out, &s)
                .map_err(io::Error::from)
                .and_then(|_| writeln!(out)),
        )?;
        return Ok(Outcome::Found);
    }
    let mut text = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(text, "index:       {}", output::sanitize_path(&a.index));
    let _ = writeln!(text, "reports:     {}", s.files);
    let _ = writeln!(text, "sections:    {}", s.sections);
    let _ = writeln!(text, "text:        {:.1} MB", s.text_bytes as f64 / 1e6);
    let _ = writeln!(text, "index size:  {:.1} MB", s.index_bytes as f64 / 1e6);
    if let Some((a, b)) = s.years {
        let _ = writeln!(
            text,
            "years:       {a}..{b} ({} with a year)",
            s.per_year.values().sum::<usize>()
        );
    }
    let _ = writeln!(text, "bodies:      {}", s.orgs.len());
    for (org, n) in s.orgs.iter().take(10) {
        let _ = writeln!(text, "  {n:>5}  {}", output::sanitize(org));
    }
    if let Some(b) = &s.build {
        let _ = writeln!(text, "built by:    {}", b.describe());
        let _ = writeln!(text, "updated:     {} (Unix time)", b.updated);
    }
    ignore_broken_pipe(out.write_all(text.as_bytes()))?;
    Ok(Outcome::Found)
}
