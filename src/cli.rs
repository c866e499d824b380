//! The command line's flags: what clap parses, with their help texts.
//!
//! This module only describes flags; [`crate::commands`] turns them into calls of the library.
//! It must not know how anything is read, indexed, searched or printed.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::index;
use crate::search;

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
    /// Follow symbolic links, also out of the corpus folders (by default they are not).
    #[arg(short = 'L', long)]
    pub follow: bool,
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
