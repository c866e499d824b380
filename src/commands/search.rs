//! `govsearch search`: ranked passages, reports (`-l`), counts (`--count`, `--count-by`), as
//! text or JSON lines.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;

use super::index::{first_use_options, index_with_progress};
use super::{color_choice, Outcome};
use crate::analysis::Normalizer;
use crate::cli::{CountByArg, SearchArgs, SortArg, DEFAULT_CORPUS, DEFAULT_INDEX};
use crate::index::{IndexError, OpenIndex};
use crate::json::BuildInfo;
use crate::output::{self, Color, HitPrinter, HumanPrinter, JsonPrinter, Summary};
use crate::search::{
    self, Context, CountBy, Engine, Filters, HitOptions, Limit, ParsedQuery, Sort,
};

/// Runs `search`.
pub fn run(a: SearchArgs) -> Result<Outcome> {
    let path_notes = paths_among_terms(&a.query, &a.index)?;
    let parsed = search::parse_query_excluding(&a.query.join(" "), &a.not, &Normalizer::new())?;
    // Notes on the words come once the query parses: an error is the last word otherwise.
    for note in path_notes {
        eprintln!("govsearch: note: {note}");
    }
    for note in &parsed.notes {
        eprintln!("govsearch: note: {note}");
    }
    let open = open_search_index(&a.index)?;
    let engine = Engine::new(&open)?;
    let search = Search {
        engine: &engine,
        query: &parsed,
        filters: Filters {
            years: a.year,
            org: a.org.clone(),
        },
        color: Color::choose(color_choice(a.color)),
        args: &a,
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let outcome = if a.count {
        search.count(&mut out)?
    } else if let Some(by) = a.count_by {
        search.count_by(&mut out, by)?
    } else if a.files_with_matches {
        search.reports(&mut out)?
    } else {
        search.hits(&mut out)?
    };
    out.flush()?;
    if matches!(outcome, Outcome::NotFound) {
        for note in bracket_notes(&a.query.join(" "), &a.not, &engine, &search.filters)? {
            eprintln!("govsearch: note: {note}");
        }
    }
    if let Some(note) = numbering_note(&a.query.join(" "), &a.not, &engine, &search.filters)? {
        eprintln!("govsearch: note: {note}");
    }
    drop(search);
    // The process ends next. Dropping the engine would unmap every index file one call at a
    // time, each interrupting the search thread's core to flush its TLB: a tenth of a rare
    // query's whole process time. The kernel frees the mappings at exit in one pass.
    std::mem::forget(engine);
    std::mem::forget(open);
    Ok(outcome)
}

/// The index to search. The default `index/`, when `data/` is here, is built from it by the
/// first search (a second's work), and brought up to date the same way after an upgrade that
/// cannot read it or reads reports by newer rules, when it holds `data/` alone: instead of
/// refusing it or warning. An index of other folders is never rebuilt unasked: that can take
/// minutes. The index is opened once on the way, whatever happens.
fn open_search_index(index: &Path) -> Result<OpenIndex> {
    if index != Path::new(DEFAULT_INDEX) || !Path::new(DEFAULT_CORPUS).is_dir() {
        return super::open_index(index);
    }
    let shown = output::sanitize_path(index);
    let holds_sample = |b: &BuildInfo| {
        std::fs::canonicalize(DEFAULT_CORPUS)
            .is_ok_and(|sample| b.roots == [sample.to_string_lossy()])
    };
    let why = if !index.join("meta.json").exists() {
        format!("no index yet: building {shown} from {DEFAULT_CORPUS}/ first")
    } else {
        let how = match crate::index::open(index) {
            Ok(open) => match open
                .build
                .as_ref()
                .filter(|b| !b.read_as_now() && holds_sample(b))
            {
                Some(b) => b.reading_difference(),
                None => return Ok(super::warn_if_read_by_older_rules(index, open)),
            },
            Err(e @ IndexError::Incompatible { .. }) => {
                if !crate::index::stored_build_info(index).is_some_and(|b| holds_sample(&b)) {
                    return Err(e.into());
                }
                "built by another version of govsearch".to_string()
            }
            Err(e) => return Err(e.into()),
        };
        format!("{shown} was {how}: reading {DEFAULT_CORPUS}/ into it again first")
    };
    eprintln!("govsearch: {why}");
    index_with_progress(&first_use_options(
        PathBuf::from(DEFAULT_CORPUS),
        index.to_path_buf(),
    ))?;
    super::open_index(index)
}

/// Bracket pairs a document number's year is written in: the issuer's 〔〕 (GB/T 9704), and the
/// [], () and 【】 that sites print and users type for it (full-width ones fold to these).
const YEAR_BRACKETS: [(char, char); 4] = [('〔', '〕'), ('[', ']'), ('(', ')'), ('【', '】')];

/// When a query that holds a bracketed year (湘农发[2024]9号) finds nothing, the same query with
/// the year in each other bracket pair that finds something, as notes: documents and sites
/// write one number with different brackets, and matching is literal (brackets included), so
/// the user is told where the number is rather than left with nothing.
fn bracket_notes(
    query: &str,
    not: &[String],
    engine: &Engine,
    filters: &Filters,
) -> Result<Vec<String>> {
    let typed: String = query
        .chars()
        .map(|c| match c {
            '［' => '[',
            '］' => ']',
            '（' => '(',
            '）' => ')',
            '﹝' => '〔',
            '﹞' => '〕',
            _ => c,
        })
        .collect();
    let mut notes = Vec::new();
    for (open, close) in YEAR_BRACKETS {
        let Some(other) = rebracket_years(&typed, open, close) else {
            continue;
        };
        let parsed = search::parse_query_excluding(&other, not, &Normalizer::new())?;
        let found = engine.count(&parsed, filters)?;
        if found > 0 {
            let sections = if found == 1 { "section" } else { "sections" };
            let (query, other) = (with_exclusions(query, not), with_exclusions(&other, not));
            notes.push(format!(
                "nothing matches `{query}` as typed, but `{other}` matches {found} {sections} \
                 (a document number's year is bracketed in several ways)"
            ));
        }
    }
    Ok(notes)
}

/// What a law's number counts: 第三十五条, 第二章, 第一节, 第二编, 第三款, 第四项.
const LAW_NUMBER_UNITS: &[char] = &['条', '章', '节', '编', '款', '项'];

/// When a query holds a law's number (第35条, 第三十五条), the note that the same query with the
/// number written the other way (第三十五条, 第35条) matches sections, and how many: laws number
/// their articles in Chinese numerals, and reports and converted texts cite them in digits, and
/// matching is literal, so each form finds only its own. Said whether or not the query as
/// typed found anything (a corpus often holds both).
fn numbering_note(
    query: &str,
    not: &[String],
    engine: &Engine,
    filters: &Filters,
) -> Result<Option<String>> {
    let Some((other, way)) = renumbered(query) else {
        return Ok(None);
    };
    let parsed = search::parse_query_excluding(&other, not, &Normalizer::new())?;
    let found = engine.count(&parsed, filters)?;
    Ok((found > 0).then(|| {
        let sections = if found == 1 { "section" } else { "sections" };
        let other = with_exclusions(&other, not);
        format!("`{other}`, the same number in {way}, matches {found} {sections}")
    }))
}

/// A query as the user would type it again: its text and its `--not` terms, which the command
/// line may have taken apart (`-检查` or `--not 检查`), as `-TERM`.
fn with_exclusions(query: &str, not: &[String]) -> String {
    let mut shown = query.to_string();
    for term in not {
        if term.contains(char::is_whitespace) {
            shown.push_str(&format!(" -\"{term}\""));
        } else {
            shown.push_str(&format!(" -{term}"));
        }
    }
    shown
}

/// `text` with every law number (第35条) written the other way (第三十五条, and back), and which
/// way that is; None when it holds none.
fn renumbered(text: &str) -> Option<(String, &'static str)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut way = None;
    let mut i = 0;
    while i < chars.len() {
        out.push(chars[i]);
        if chars[i] != '第' {
            i += 1;
            continue;
        }
        let digits = |c: &char| c.is_ascii_digit() || ('０'..='９').contains(c);
        let numeral = |c: &char| "零〇一二三四五六七八九十百千两".contains(*c);
        let run = |f: &dyn Fn(&char) -> bool| chars[i + 1..].iter().take_while(|c| f(c)).count();
        let (n, arabic) = match run(&digits) {
            0 => (run(&numeral), false),
            n => (n, true),
        };
        let unit = chars
            .get(i + 1 + n)
            .filter(|c| LAW_NUMBER_UNITS.contains(c));
        let number: String = chars[i + 1..i + 1 + n]
            .iter()
            .map(|&c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                _ => c,
            })
            .collect();
        let written = unit.and_then(|_| {
            let value = crate::report::law_numeral_value(&number)?;
            if arabic {
                crate::report::law_numeral(value).map(|s| (s, "Chinese numerals"))
            } else {
                Some((value.to_string(), "digits"))
            }
        });
        match written {
            Some((s, w)) if n > 0 => {
                out.push_str(&s);
                way = Some(w);
                i += 1 + n;
            }
            _ => i += 1,
        }
    }
    way.map(|w| (out, w))
}

/// `text` with every four-digit year in brackets (of [`YEAR_BRACKETS`]) put in `open`…`close`,
/// or None when that changes nothing.
fn rebracket_years(text: &str, open: char, close: char) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let mut changed = false;
    for i in 0..chars.len().saturating_sub(5) {
        let pair = YEAR_BRACKETS.iter().find(|(o, _)| *o == chars[i]);
        let Some(&(_, c)) = pair else { continue };
        if chars[i + 1..i + 5].iter().all(char::is_ascii_digit) && chars[i + 5] == c {
            changed |= chars[i] != open;
            out[i] = open;
            out[i + 5] = close;
        }
    }
    changed.then(|| out.into_iter().collect())
}

/// The grep habit `govsearch search 数字政府 ~/reports`: `search` reads an index, and every
/// word is query text, so the path would be a term that no section holds (exit 1, silently).
/// A word that names an existing file or folder and is written as a path (with a `/`, or `.`
/// or `..`) is refused with what to do instead; a bare word that is also a file or folder here
/// (`data`) may be meant as text, so it is searched, with a note (returned, for stderr).
fn paths_among_terms(words: &[String], index: &Path) -> Result<Vec<String>> {
    let mut notes = Vec::new();
    for word in words {
        let path = Path::new(word);
        let Ok(meta) = std::fs::metadata(path) else {
            continue;
        };
        let kind = if meta.is_dir() { "folder" } else { "file" };
        let shown = output::sanitize_path(path);
        let as_path = word == "."
            || word == ".."
            || word.contains('/')
            || word.contains(std::path::MAIN_SEPARATOR);
        if as_path {
            anyhow::bail!(
                "`{shown}` is a {kind} on disk, not query text: search reads an index, not files. \
                 Index it first (govsearch index {shown} --index DIR), then search that index \
                 (govsearch search --index DIR QUERY)"
            );
        }
        notes.push(format!(
            "`{shown}` is also a {kind} here; it is searched as query text in the index {} (to \
             search the {kind}, index it: govsearch index {shown} --index DIR)",
            output::sanitize_path(index)
        ));
    }
    Ok(notes)
}

/// One search: the engine, the query and filters, and the flags that shape the output.
struct Search<'a> {
    engine: &'a Engine,
    query: &'a ParsedQuery,
    filters: Filters,
    color: Color,
    args: &'a SearchArgs,
}

impl Search<'_> {
    fn limit(&self) -> Limit {
        if self.args.all {
            Limit::All
        } else {
            Limit::Top(self.args.limit)
        }
    }

    fn sort(&self) -> Sort {
        match self.args.sort {
            SortArg::Rank => Sort::Rank,
            SortArg::Year => Sort::Year,
            SortArg::YearDescending => Sort::YearDescending,
        }
    }

    fn printer<'w>(&self, out: &'w mut impl Write) -> Box<dyn HitPrinter + 'w> {
        if self.args.json {
            Box::new(JsonPrinter::new(out))
        } else {
            Box::new(HumanPrinter::new(out, self.color))
        }
    }

    /// `--count`: the number of matching sections; with `--json`, every total.
    fn count(&self, out: &mut impl Write) -> Result<Outcome> {
        let totals = if self.args.json {
            self.engine.totals(self.query, &self.filters, None)?[0].1
        } else {
            crate::json::Totals {
                sections: self.engine.count(self.query, &self.filters)?,
                ..Default::default()
            }
        };
        output::counts::count(out, &totals, self.args.json)?;
        Ok(Outcome::found_if(totals.sections > 0))
    }

    /// `--count-by`: exact totals per year or issuing body.
    fn count_by(&self, out: &mut impl Write, by: CountByArg) -> Result<Outcome> {
        let by = match by {
            CountByArg::Year => CountBy::Year,
            CountByArg::Org => CountBy::Org,
        };
        let buckets = self.engine.totals(self.query, &self.filters, Some(by))?;
        let all = buckets[0].1;
        output::counts::count_by(out, &buckets, &all, self.args.json, self.color)?;
        Ok(Outcome::found_if(all.sections > 0))
    }

    /// `-l`: one line per report, best first.
    fn reports(&self, out: &mut impl Write) -> Result<Outcome> {
        let selection =
            self.engine
                .select_reports(self.query, &self.filters, self.limit(), self.sort())?;
        let mut printer = self.printer(out);
        for r in self.engine.selected_reports(&selection) {
            printer.report(&r?)?;
        }
        printer.summary(&Summary {
            shown: selection.len(),
            totals: selection.totals,
            all: self.args.all,
            reports: true,
            ..Default::default()
        })?;
        Ok(Outcome::found_if(!selection.is_empty()))
    }

    /// Hits, streamed: read, made and printed one at a time.
    fn hits(&self, out: &mut impl Write) -> Result<Outcome> {
        let a = self.args;
        let context = (a.context.is_some()
            || a.before_context.is_some()
            || a.after_context.is_some())
        .then(|| Context {
            before: a.before_context.or(a.context).unwrap_or(0),
            after: a.after_context.or(a.context).unwrap_or(0),
        });
        let options = HitOptions {
            limit: self.limit(),
            sort: self.sort(),
            per_report: a.per_report,
            // --all shows every matching section, as the completeness contract says.
            collapse: !a.no_collapse && !a.all,
            context,
            // The terminal names a few of a passage's other places; JSON names every one.
            named_places: (!a.json).then_some(output::ALSO_IN_SHOWN),
        };
        let selection = self
            .engine
            .select_hits(self.query, &self.filters, &options)?;
        let mut printer = self.printer(out);
        let warn = |w: &str| output::warn(w);
        for h in self.engine.selected_hits(&selection, &warn) {
            printer.hit(&h?)?;
        }
        printer.summary(&Summary {
            shown: selection.len(),
            totals: selection.totals,
            all: a.all,
            collapsed: options.collapse,
            per_report: a.per_report,
            reports: false,
        })?;
        Ok(Outcome::found_if(!selection.is_empty()))
    }
}
