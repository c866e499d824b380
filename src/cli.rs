//! The command line's flags: what clap parses, with their help texts.
//!
//! This module only describes flags; [`crate::commands`] turns them into calls of the library.
//! It must not know how anything is read, indexed, searched or printed.

use std::path::PathBuf;

use clap::{Args, ColorChoice, Parser, Subcommand, ValueEnum};

use crate::search;

/// Default corpus folder, relative to the working directory.
pub const DEFAULT_CORPUS: &str = "data";
/// Default index folder, relative to the working directory.
pub const DEFAULT_INDEX: &str = "index";

const QUERY_HELP: &str = "\
QUERY LANGUAGE:
  法律顾问 合同          both terms must occur in the section (AND; writing AND changes
                         nothing); in a section over 1,500 characters, in one passage of it
  \"合同 审查\"           a quoted phrase is one term
  法律顾问 -外包         exclude sections containing 外包 (a word of '-' and a Chinese
                         character can never be a flag, so it is always an exclusion)
  人工智能 NOT AI        exclude AI: NOT works for every term (so does --not AI);
                         -AI or -5G would look like flags and are refused
  法律顾问 OR 律师       either term (OR binds tighter than AND)
  -- 法律 -AI            after --, every word is query text: -AI excludes AI
  Operators may be typed full-width (ＯＲ ＮＯＴ －外包). There are no wildcards (法律* is text).
  A term matches wherever its text occurs, inside longer words too (顾问 finds 法律顾问),
  with full-width/half-width forms, letter case and traditional/simplified characters folded
  together (ＧＤＰ = GDP = gdp, 國務院 = 国务院).

LOCATIONS:
  PATH:LINE:COLUMN       LINE counts from 1: lines of the file as decoded for .txt and .md;
                         for .html, lines of the text govsearch extracts (one per paragraph,
                         heading or cell, as `inspect` and `show` print them), not lines of
                         the page's markup; paragraphs for .docx and .odt. A PDF hit names its
                         page. COLUMN counts characters from 1. `govsearch show PATH:LINE`
                         prints the section holding any such location.

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
    /// Show the whole section holding a line of a report (PATH:LINE, as a hit prints it), or
    /// every section of a report (PATH).
    Show(ShowArgs),
    /// Print a shell completion script for govsearch on stdout.
    Completions(CompletionsArgs),
    /// Print govsearch's manual page (roff) on stdout, or write one page per command into a
    /// folder.
    Man(ManArgs),
}

/// `govsearch index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Corpus folders or files. Without any, the folders the index was built from (or data/ for
    /// a new index).
    pub corpus: Vec<PathBuf>,
    /// Let the folders given replace the ones the index was built from (their files' sections
    /// are removed). Without it, a different corpus is refused with what would happen.
    #[arg(long)]
    pub replace: bool,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Discard the existing index and build it again from scratch.
    #[arg(long)]
    pub rebuild: bool,
    /// Indexing threads (default: the number of cores).
    #[arg(short, long)]
    pub jobs: Option<usize>,
    /// Writer memory budget in MiB, shared by the indexing threads [default: 200, or 300 when
    /// the run reads more than 512 MiB of files]
    #[arg(long)]
    pub memory_mb: Option<usize>,
    /// Extra words for segmentation, in jieba's dictionary format (word [freq] [tag] per line).
    /// The index remembers it: later runs use it again until --no-user-dict.
    #[arg(long, conflicts_with = "no_user_dict")]
    pub user_dict: Option<PathBuf>,
    /// Stop using the user dictionary the index remembers.
    #[arg(long)]
    pub no_user_dict: bool,
    /// Cut words without the built-in government-domain dictionary (remembered, like
    /// --user-dict).
    #[arg(long, conflicts_with = "domain_dict")]
    pub no_domain_dict: bool,
    /// Use the built-in domain dictionary again after --no-domain-dict.
    #[arg(long)]
    pub domain_dict: bool,
    /// Follow symbolic links, also out of the corpus folders (by default they are not).
    #[arg(short = 'L', long)]
    pub follow: bool,
}

/// `govsearch search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query terms (see QUERY LANGUAGE below).
    #[arg(required = true)]
    pub query: Vec<String>,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// Number of hits to show (at least 1; --count prints only how many there are).
    #[arg(short = 'n', long, default_value_t = 10, value_parser = at_least_one)]
    pub limit: usize,
    /// Show every matching section, ranked.
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// Print only the number of matching sections.
    #[arg(
        long,
        conflicts_with_all = ["limit", "all", "sort", "per_report", "context", "after_context", "before_context", "no_collapse"]
    )]
    pub count: bool,
    /// One JSON object per hit per line.
    #[arg(long)]
    pub json: bool,
    /// Only reports about this year, or a range A..B (inclusive).
    #[arg(long, value_parser = search::parse_years)]
    pub year: Option<(u32, u32)>,
    /// Only reports whose issuing body starts with this text, or has it as a word after a place
    /// name (云南 and 人民政府 both match 云南省人民政府; 南省 does not); a government typed in
    /// short form (杭州市政府) matches its full name too.
    #[arg(long, value_parser = non_empty_org)]
    pub org: Option<String>,
    /// Exclude sections containing TERM (repeatable): the same as `NOT TERM` in the query.
    #[arg(long = "not", value_name = "TERM", allow_hyphen_values = true)]
    pub not: Vec<String>,
    /// List matching reports instead of sections: one line per report, ranked by its best
    /// section, with how many of its sections match (-n and --all count reports).
    #[arg(
        short = 'l',
        long,
        conflicts_with_all = ["count", "per_report", "context", "after_context", "before_context", "no_collapse"]
    )]
    pub files_with_matches: bool,
    /// Show at most N hits per report; a report's first hit says how many more it holds.
    #[arg(long, value_name = "N", value_parser = at_least_one)]
    pub per_report: Option<usize>,
    /// Count matching reports and sections (exact) per year or per issuing body: a bar chart,
    /// or one JSON object per year or body with --json.
    #[arg(
        long,
        value_enum,
        value_name = "BY",
        conflicts_with_all = ["count", "files_with_matches", "limit", "all", "sort", "per_report", "context", "after_context", "before_context"]
    )]
    pub count_by: Option<CountByArg>,
    /// Order of hits (or of reports with -l): rank (best first), year (oldest first), -year
    /// (newest first); best first within a year, reports without a year last. -n takes the
    /// first N in this order.
    #[arg(
        long,
        value_enum,
        value_name = "ORDER",
        default_value = "rank",
        allow_hyphen_values = true
    )]
    pub sort: SortArg,
    /// Show NUM source lines after each hit's match line (then the hit shows its whole match
    /// line, as rg does).
    #[arg(short = 'A', long, value_name = "NUM")]
    pub after_context: Option<usize>,
    /// Show NUM source lines before each hit's match line.
    #[arg(short = 'B', long, value_name = "NUM")]
    pub before_context: Option<usize>,
    /// Show NUM source lines before and after each hit's match line (-A and -B override it).
    #[arg(short = 'C', long, value_name = "NUM")]
    pub context: Option<usize>,
    /// Show each section of a duplicated passage as a hit of its own. By default, sections
    /// whose text is identical after normalisation are one hit that lists the others
    /// (--all never collapses: it shows every matching section).
    #[arg(long)]
    pub no_collapse: bool,
    /// When to colour human output: auto (stdout is a terminal and NO_COLOR is unset), always,
    /// never. JSON is never coloured.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `--count-by`: what matches are counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CountByArg {
    /// The year a report is about.
    Year,
    /// The issuing body.
    Org,
}

/// `--sort`: the order of hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Best first.
    Rank,
    /// Oldest year first.
    Year,
    /// Newest year first.
    #[value(name = "-year")]
    YearDescending,
}

/// `govsearch show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// PATH:LINE (or PATH:LINE:COLUMN, as a hit prints it) for the section holding that line;
    /// PATH alone for every section of the report. PATH as the index has it, or the same file
    /// by another path.
    pub location: String,
    /// Highlight the matches of this query (the query language of search).
    #[arg(short, long, value_name = "QUERY")]
    pub query: Option<String>,
    /// Index directory.
    #[arg(long, default_value = DEFAULT_INDEX)]
    pub index: PathBuf,
    /// One JSON object per section.
    #[arg(long)]
    pub json: bool,
    /// When to colour: auto (stdout is a terminal and NO_COLOR is unset), always, never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// `govsearch completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `govsearch man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write govsearch.1 and one page per command (govsearch-search.1, …) into this folder
    /// instead of printing govsearch.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// A count of at least one (`--per-report`).
fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{s:?} is not a number of at least 1")),
    }
}

/// `--org` names a body, or part of one: an empty value would match every report.
fn non_empty_org(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        Err("--org needs a name or part of one, e.g. --org 司法局".into())
    } else {
        Ok(s.to_string())
    }
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

/// The one rule govsearch adds to clap's: on a `search` command line, a word of `-` followed by
/// a character that is not ASCII (`-外包`, `-“合同”`) can never be a flag, so it is the
/// exclusion `--not=外包`. Words after `--` are left alone (they are query text already, where
/// `-term` excludes too). Everything else is clap's: flags may stand anywhere, and a word that
/// looks like a flag but is not one (`-AI`, `--limt`) is an error.
pub fn exclusions_as_flags(
    args: impl IntoIterator<Item = std::ffi::OsString>,
) -> Vec<std::ffi::OsString> {
    let mut out = Vec::new();
    let mut subcommand_seen = false;
    let mut in_search = false;
    let mut after_dashes = false;
    let mut value_of_not = false;
    for (i, arg) in args.into_iter().enumerate() {
        let text = arg.to_str();
        // `--not -外包`: the word is --not's value already (the same exclusion said twice).
        if std::mem::replace(&mut value_of_not, in_search && text == Some("--not")) {
            out.push(arg);
            continue;
        }
        if i > 0 && !subcommand_seen && !text.is_some_and(|t| t.starts_with('-')) {
            // The subcommand: the first word after the program's name that is not a flag.
            subcommand_seen = true;
            in_search = text == Some("search");
        } else if in_search && !after_dashes {
            if text == Some("--") {
                after_dashes = true;
            } else if let Some(term) = text.and_then(|t| t.strip_prefix('-')) {
                if term.chars().next().is_some_and(|c| !c.is_ascii()) {
                    out.push(format!("--not={term}").into());
                    continue;
                }
            }
        }
        out.push(arg);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search_line(args: &[&str]) -> Result<SearchArgs, String> {
        let mut all = vec!["govsearch", "search"];
        all.extend_from_slice(args);
        let all = exclusions_as_flags(all.into_iter().map(std::ffi::OsString::from));
        match Cli::try_parse_from(all) {
            Ok(Cli {
                command: Command::Search(a),
            }) => Ok(a),
            Ok(_) => Err("not search".into()),
            Err(e) => Err(e.to_string()),
        }
    }

    #[test]
    fn the_memory_budget_help_names_the_budgets_the_writer_chooses() {
        use crate::index::writer::{DEFAULT_MEMORY_BUDGET, LARGE_RUN_BUDGET, LARGE_RUN_BYTES};
        use clap::CommandFactory;
        let cli = Cli::command();
        let index = cli.find_subcommand("index").expect("an index command");
        let help = index
            .get_arguments()
            .find(|a| a.get_id() == "memory_mb")
            .and_then(|a| a.get_help())
            .expect("--memory-mb has help")
            .to_string();
        let said = format!(
            "[default: {}, or {} when the run reads more than {} MiB of files]",
            DEFAULT_MEMORY_BUDGET >> 20,
            LARGE_RUN_BUDGET >> 20,
            LARGE_RUN_BYTES >> 20
        );
        assert!(help.contains(&said), "{help}");
    }

    #[test]
    fn flags_parse_wherever_they_stand_and_in_every_form() {
        for args in [
            &["科技", "-n3"][..],
            &["-n", "3", "科技"],
            &["科技", "-n=3"],
            &["科技", "--limit=3"],
            &["科技", "--limit", "3"],
        ] {
            let a = search_line(args).unwrap();
            assert_eq!(
                (a.query, a.limit),
                (vec!["科技".to_string()], 3),
                "{args:?}"
            );
        }
    }

    #[test]
    fn words_that_look_like_flags_are_errors_that_name_them() {
        for (args, named) in [
            (&["科技", "--limt", "2"][..], "--limt"),
            (&["科技", "--colour"], "--colour"),
            // -A is the after-context flag: -AI is -A with the value I, refused.
            (&["科技", "-AI"], "--after-context"),
            (&["科技", "-5G"], "-5"),
        ] {
            let e = search_line(args).unwrap_err();
            assert!(e.contains(named), "{args:?}: {e}");
        }
    }

    /// `--not -外包` is --not with its value, not --not with none; --count refuses the flags
    /// that shape hits it does not print, naming both, as --count-by does.
    #[test]
    fn not_takes_a_dashed_value_and_count_refuses_hit_flags() {
        let a = search_line(&["科技", "--not", "-外包"]).unwrap();
        assert_eq!(
            (a.query, a.not),
            (vec!["科技".to_string()], vec!["-外包".to_string()])
        );
        for flag in [
            &["-C", "2"][..],
            &["--all"],
            &["--sort", "year"],
            &["--per-report", "1"],
            &["-n", "5"],
            &["--no-collapse"],
        ] {
            let mut line = vec!["科技", "--count"];
            line.extend_from_slice(flag);
            let err = search_line(&line).unwrap_err();
            assert!(err.contains("--count"), "{flag:?}: {err}");
        }
    }

    /// An empty --org would match every report, and --year 20 is a typo: both are refused.
    #[test]
    fn empty_org_and_short_years_are_refused() {
        assert!(search_line(&["科技", "--org", ""])
            .unwrap_err()
            .contains("--org needs a name"));
        assert!(search_line(&["科技", "--org", "  "]).is_err());
        for year in ["20", "202", "20210", "2019..22"] {
            let err = search_line(&["科技", "--year", year]).unwrap_err();
            assert!(err.contains("four digits"), "{year}: {err}");
        }
        assert_eq!(
            search_line(&["科技", "--year", "2019..2022"]).unwrap().year,
            Some((2019, 2022))
        );
    }

    #[test]
    fn chinese_exclusions_and_not_and_double_dash() {
        let a = search_line(&["科技", "-外包", "-n", "2"]).unwrap();
        assert_eq!(
            (a.query, a.not, a.limit),
            (vec!["科技".into()], vec!["外包".into()], 2)
        );
        let a = search_line(&["-外包", "科技", "--not", "AI"]).unwrap();
        assert_eq!(
            (a.query, a.not),
            (vec!["科技".into()], vec!["外包".into(), "AI".into()])
        );
        let a = search_line(&["科技", "--", "-AI", "-外包"]).unwrap();
        assert_eq!(a.query, vec!["科技", "-AI", "-外包"]);
        assert!(a.not.is_empty());
    }

    #[test]
    fn only_the_search_subcommand_turns_dashed_words_into_exclusions() {
        let args = |words: &[&str]| -> Vec<std::ffi::OsString> {
            words.iter().map(std::ffi::OsString::from).collect()
        };
        // `search` as a value of show's --query is not the subcommand.
        let show = args(&["govsearch", "show", "--query", "search", "-外包"]);
        assert_eq!(exclusions_as_flags(show.clone()), show);
        let search = args(&["govsearch", "search", "科技", "-外包"]);
        assert_eq!(
            exclusions_as_flags(search),
            args(&["govsearch", "search", "科技", "--not=外包"])
        );
    }
}
