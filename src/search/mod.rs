//! Search: from a parsed query to ranked hits.
//!
//! This module owns which sections match and in which order hits come: the query language
//! ([`query`]), the gram queries that find substrings ([`matching`]), ranking (below) and
//! snippets ([`snippet`]); the views over every match (duplicates collapsed, hits per report,
//! year order, reports: `grouping`), exact totals per year or body (`totals`) and the lines
//! around a hit or a whole section (`context`). It builds queries on the section document's fields
//! ([`crate::document`]) and knows nothing of how hits are printed.
//!
//! **Matching** is exact substring matching on the body's gram index (see
//! [`crate::analysis`] and [`crate::index::grams`]): the term's grams at their character
//! offsets. A term whose traditional-to-
//! simplified form differs from its width/case-folded form matches either form. A term matches
//! wherever its text occurs, inside longer words too.
//!
//! **Ranking.** The score of a section sums, over the positive terms it matches:
//! [`WHOLE_WORD_BONUS`] when the term occurs as whole jieba words (the term is a word of the
//! index's vocabulary present in the section, or every word of its segmentation is); BM25 of
//! those words in the `words` field; BM25 of the term in the heading path (×[`HEADING_BOOST`])
//! [`TITLE_BONUS`] when the report's title contains it; and BM25 of its occurrences in the body
//! (×[`GRAM_WEIGHT`]).
//! The bonus is larger than any BM25 sum, so whole-word matches always rank above sections
//! where the term is only part of a longer word. Ties are broken by a key derived from the
//! file path and the section's first line, so the order never depends on indexing threads.

use std::ops::Bound;

use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, Query, RangeQuery, TermQuery,
    TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};
use thiserror::Error;

use crate::analysis::{Normalized, Normalizer};
use crate::contain::contained;
use crate::document::{SectionSchema, StoredSection};
use crate::index::{ExactStatistics, OpenIndex, TokenTotals};
pub use crate::json::Hit;

mod context;
mod grouping;
pub mod matching;
pub mod query;
mod ranked;
pub mod snippet;
mod top;
mod totals;

pub use context::{changed_since_indexed, Context, LinesAround, ShowError, SourceLines};
pub use grouping::{HitOptions, HitSelection, ReportSelection, Sort};
pub use totals::{Bucket, CountBy};

pub use matching::substring_query;
pub use query::{
    parse_query, parse_query_excluding, Clause, ParsedQuery, QueryError, QueryTerm, MAX_QUERY_CHARS,
};
pub use snippet::{make_snippet, Snippet};

use matching::{any_of, BodyQuery};
use ranked::{Part, Ranked};
use top::TopAndTotals;
use totals::ByU64Key;

/// Score added per term found as whole words; above any sum of BM25 scores.
pub const WHOLE_WORD_BONUS: f32 = 1000.0;
/// Weight of BM25 in the heading path.
pub const HEADING_BOOST: f32 = 3.0;
/// Score added per term found in the report's title.
pub const TITLE_BONUS: f32 = 5.0;
/// Weight of the body's gram BM25.
pub const GRAM_WEIGHT: f32 = 0.5;
/// Snippet length in characters (about two terminal lines of Chinese).
pub const SNIPPET_CHARS: usize = 80;
/// Longest word looked up when a term is segmented over the index vocabulary, in characters:
/// jieba's dictionary words are shorter.
const MAX_VOCAB_WORD_CHARS: usize = 8;

/// Why a search could not run.
#[derive(Debug, Error)]
pub enum SearchError {
    /// The index files could not be read while searching.
    #[error("the index at {path} cannot be read ({message}); rebuild it with `govsearch index CORPUS --index {path} --rebuild`")]
    Damaged {
        /// Index directory.
        path: String,
        /// tantivy's description.
        message: String,
    },
}

/// Parses `--year`: `2021` or `2019..2022` (inclusive).
pub fn parse_years(s: &str) -> Result<(u32, u32), String> {
    // Four digits: `--year 20` is a typo, not the year 20 (which would find nothing, silently).
    let parse = |t: &str| {
        let t = t.trim();
        t.parse::<u32>()
            .ok()
            .filter(|_| t.len() == 4)
            .ok_or_else(|| {
                format!("invalid year {t:?}: a year has four digits, e.g. 2021 or 2019..2022")
            })
    };
    match s.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (parse(a)?, parse(b)?);
            if a > b {
                return Err(format!(
                    "empty year range {s}: the first year is after the second"
                ));
            }
            Ok((a, b))
        }
        None => {
            let y = parse(s)?;
            Ok((y, y))
        }
    }
}

/// Filters on report metadata.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Years, inclusive.
    pub years: Option<(u32, u32)>,
    /// The issuing body contains this text.
    pub org: Option<String>,
}

/// The hits of a search and how many sections and reports match in all.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// Every matching section, not only those returned.
    pub sections: usize,
    /// Reports with at least one matching section.
    pub reports: usize,
}

/// A ranking: the returned sections' scores and addresses, best first, and the totals.
#[derive(Debug, Clone)]
pub struct Ranking {
    top: Vec<(f32, DocAddress)>,
    /// Every matching section, not only those returned.
    pub sections: usize,
    /// Reports with at least one matching section.
    pub reports: usize,
    /// Distinct passages among the matching sections.
    pub passages: usize,
    forms: Vec<Normalized>,
}

impl Ranking {
    /// How many hits it returns.
    pub fn len(&self) -> usize {
        self.top.len()
    }

    /// Whether it returns no hit.
    pub fn is_empty(&self) -> bool {
        self.top.is_empty()
    }
}

/// How many hits to return.
#[derive(Debug, Clone, Copy)]
pub enum Limit {
    /// At most this many.
    Top(usize),
    /// Every matching section.
    All,
}

/// Hits whose stored documents are read together (see [`StoredInOrder`]): a window holds
/// this many decoded sections at once, a few megabytes.
const HIT_WINDOW: usize = 4_096;

/// Most threads a search uses: past this, merging their results costs what they save.
const MAX_SEARCH_THREADS: usize = 4;

/// A stored section, and its snippet when one was asked for.
pub(crate) type StoredHit = (StoredSection, Option<Snippet>);

/// Stored sections in rank order, read a window at a time in index order. Hits in rank order
/// jump between the store's compressed blocks; reading each on its own decompressed a block
/// per hit, which was nearly all the time of `--all` (perf: zstd 66%).
///
/// A window is read, and each section's snippet made, by the search threads side by side,
/// each taking a run of the window in index order: on the calling thread alone, the top ten's
/// reading and snippets were a tenth of a common query's time at 1 GB, after the segments'
/// searches had ended.
pub(crate) struct StoredInOrder<'e> {
    engine: &'e Engine,
    addrs: Vec<DocAddress>,
    /// The query's forms, to make each section's snippet with; None for no snippet.
    forms: Option<&'e [Normalized]>,
    next: usize,
    window: std::collections::VecDeque<Result<StoredHit, SearchError>>,
}

impl Iterator for StoredInOrder<'_> {
    type Item = Result<StoredHit, SearchError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.window.is_empty() && self.next < self.addrs.len() {
            let end = (self.next + HIT_WINDOW).min(self.addrs.len());
            let window = &self.addrs[self.next..end];
            self.next = end;
            let mut order: Vec<usize> = (0..window.len()).collect();
            order.sort_unstable_by_key(|&k| window[k]);
            let (e, forms) = (self.engine, self.forms);
            let read_one = |k: usize| {
                e.guard(|| {
                    let s = e.stored_section(window[k])?;
                    let snippet = forms
                        .map(|forms| make_snippet(&e.normalizer, &s.text, forms, SNIPPET_CHARS));
                    Ok((s, snippet))
                })
            };
            let read: Vec<Result<StoredHit, SearchError>> = match &e.pool {
                Some(pool) if order.len() > 1 => {
                    use rayon::prelude::*;
                    let run = order.len().div_ceil(pool.current_num_threads());
                    pool.install(|| {
                        order
                            .par_iter()
                            .with_min_len(run)
                            .map(|&k| read_one(k))
                            .collect()
                    })
                }
                _ => order.iter().map(|&k| read_one(k)).collect(),
            };
            let mut in_rank: Vec<Option<Result<StoredHit, SearchError>>> =
                (0..window.len()).map(|_| None).collect();
            for (k, r) in order.into_iter().zip(read) {
                in_rank[k] = Some(r);
            }
            self.window = in_rank.into_iter().flatten().collect();
        }
        self.window.pop_front()
    }
}

/// Largest `--limit` ranked in the same pass that counts the matches.
const ONE_PASS_LIMIT: usize = 1_000;

/// The title bonus of a query's matches, by report: [`TITLE_BONUS`] for each positive term the
/// report's title contains. It is added to a match's score where its tie-break key is read
/// (the key holds its report), rather than as a query clause over every section of those
/// reports: that clause built and walked a term set of report ids in each segment, a tenth of a
/// common query's time when many titles hold the term.
#[derive(Debug, Clone, Default)]
pub(crate) struct TitleBonus(std::sync::Arc<std::collections::HashMap<u64, f32, ByU64Key>>);

impl TitleBonus {
    /// The bonus of the section with tie-break key `key`.
    pub(crate) fn of_key(&self, sections: &SectionSchema, key: u64) -> f32 {
        if self.0.is_empty() {
            return 0.0;
        }
        self.0
            .get(&sections.report_of_key(key))
            .copied()
            .unwrap_or(0.0)
    }
}

/// A built query: its clauses, and the title bonus its scores take where they are collected.
pub(crate) struct Built {
    query: Box<dyn Query>,
    title_bonus: TitleBonus,
}

/// A searcher over an open index.
pub struct Engine {
    searcher: Searcher,
    /// Exact BM25 token totals where the index only has estimates (see
    /// [`crate::index::token_totals`]).
    totals: TokenTotals,
    sections: SectionSchema,
    normalizer: Normalizer,
    /// Index directory, to name it in errors.
    shown: String,
    /// Each segment's gram file, held open for the engine's life. tantivy's directory keeps a
    /// file mapped only while someone holds it, and a query opens the gram files afresh: without
    /// this, every query mapped and unmapped them all again (a third of a rare query's time at
    /// 1 GB, in page faults and unmapping).
    _gram_files: Vec<crate::index::grams::GramSegment>,
    /// The search threads (also tantivy's executor), when there is more than one.
    pool: Option<std::sync::Arc<rayon::ThreadPool>>,
    /// Each segment's tie-break key and passage columns, opened once.
    columns: totals::MatchColumnCache,
}

impl Engine {
    /// Prepares searching an open index.
    pub fn new(open: &OpenIndex) -> Result<Engine, SearchError> {
        let shown = open.dir.display().to_string();
        // Segments are searched side by side, one thread per core (at most one per segment):
        // a query's time is spent segment by segment, and a bulk build leaves two or more.
        let mut index = open.index.clone();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(open.segments)
            .min(MAX_SEARCH_THREADS);
        // Without the pool, the search runs on the calling thread: slower, still right.
        let pool = (threads > 1)
            .then(|| crate::contain::contained_pool(threads, "govsearch-search"))
            .flatten()
            .map(std::sync::Arc::new);
        if let Some(pool) = &pool {
            index.set_executor(tantivy::Executor::ThreadPool(pool.clone()));
        }
        let reader = contained(|| {
            index
                .reader_builder()
                .reload_policy(tantivy::ReloadPolicy::Manual)
                .try_into()
                .map_err(|e| damaged(&shown, e))
        })
        .unwrap_or_else(|message| {
            Err(SearchError::Damaged {
                path: shown.clone(),
                message,
            })
        })?;
        let searcher = reader.searcher();
        // A damaged gram file is reported by the query that reads it, naming the index.
        let gram_files = searcher
            .segment_readers()
            .iter()
            .filter_map(|r| crate::index::grams::GramSegment::open(r).ok())
            .collect();
        Ok(Engine {
            columns: totals::MatchColumnCache::new(searcher.segment_readers().len()),
            searcher,
            _gram_files: gram_files,
            pool,
            totals: TokenTotals::load(&open.dir),
            sections: open.sections.clone(),
            normalizer: Normalizer::new(),
            shown,
        })
    }

    fn damaged(&self, e: tantivy::TantivyError) -> SearchError {
        damaged(&self.shown, e)
    }

    /// The normaliser used for queries and snippets.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// Runs one step of a search with panics contained: tantivy panics on some damaged index
    /// files instead of returning an error, and a search must then say the index is damaged.
    fn guard<T>(&self, f: impl FnOnce() -> Result<T, SearchError>) -> Result<T, SearchError> {
        contained(f).unwrap_or_else(|message| {
            Err(SearchError::Damaged {
                path: self.shown.clone(),
                message,
            })
        })
    }

    /// Number of sections matching.
    pub fn count(&self, query: &ParsedQuery, filters: &Filters) -> Result<usize, SearchError> {
        self.guard(|| {
            let q = self.build(query, filters, false)?.query;
            self.searcher
                .search(&q, &Count)
                .map_err(|e| self.damaged(e))
        })
    }

    /// Ranked hits, with how many sections and reports match in all.
    pub fn search(
        &self,
        query: &ParsedQuery,
        filters: &Filters,
        limit: Limit,
    ) -> Result<Found, SearchError> {
        let ranking = self.rank(query, filters, limit)?;
        Ok(Found {
            hits: self
                .hits(&ranking)
                .collect::<Result<Vec<Hit>, SearchError>>()?,
            sections: ranking.sections,
            reports: ranking.reports,
        })
    }

    /// The ranking of a search: a score and an address per returned section, and the totals.
    /// Its hits are read by [`Engine::hits`] one at a time, so printing every hit starts at once
    /// and holds one hit at a time. No limit allocates more than the matching sections.
    pub fn rank(
        &self,
        query: &ParsedQuery,
        filters: &Filters,
        limit: Limit,
    ) -> Result<Ranking, SearchError> {
        self.guard(|| {
            let Built {
                query: q,
                title_bonus,
            } = self.build(query, filters, true)?;
            // One pass gives the totals and the best `n`. The collector holds room for n hits,
            // so a large `--limit` (or `--all`) first counts, and asks for no more room than
            // there are matches.
            let n = match limit {
                Limit::Top(n) if n <= ONE_PASS_LIMIT => n,
                Limit::Top(n) => n.min(self.count_built(&q)?),
                Limit::All => self.count_built(&q)?,
            };
            let collector =
                TopAndTotals::new(n, self.sections.clone(), self.columns.clone(), title_bonus);
            let (top, totals) = self.scored_search(&q, &collector)?;
            let crate::json::Totals {
                sections,
                reports,
                passages,
            } = totals;
            Ok(Ranking {
                top,
                sections,
                reports,
                passages,
                forms: query.highlight_forms(),
            })
        })
    }

    /// Sections matching an already built query.
    fn count_built(&self, q: &dyn Query) -> Result<usize, SearchError> {
        self.searcher.search(q, &Count).map_err(|e| self.damaged(e))
    }

    /// Runs a scoring collector with the index's exact BM25 token totals (see
    /// [`crate::index::token_totals`]): every ranked search goes through here.
    fn scored_search<C: tantivy::collector::Collector>(
        &self,
        q: &dyn Query,
        collector: &C,
    ) -> Result<C::Fruit, SearchError> {
        let scored = self.sections.scored_fields();
        let statistics = ExactStatistics::new(&self.searcher, &self.totals, &scored);
        self.searcher
            .search_with_statistics_provider(q, collector, &statistics)
            .map_err(|e| self.damaged(e))
    }

    /// The hits of a ranking, best first, each read from the index when asked for.
    pub fn hits<'e>(
        &'e self,
        ranking: &'e Ranking,
    ) -> impl Iterator<Item = Result<Hit, SearchError>> + 'e {
        let mut stored = self.stored_in_order(
            ranking.top.iter().map(|t| t.1).collect(),
            Some(&ranking.forms),
        );
        ranking.top.iter().enumerate().map(move |(i, &(score, _))| {
            let (s, snippet) = stored.next().expect("one stored section per hit")?;
            self.guard(|| Ok(self.hit(i + 1, score, &s, snippet, &ranking.forms)))
        })
    }

    /// The stored section at `addr`.
    pub(crate) fn stored_section(&self, addr: DocAddress) -> Result<StoredSection, SearchError> {
        let doc: TantivyDocument = self.searcher.doc(addr).map_err(|e| self.damaged(e))?;
        Ok(self.sections.decode(&doc))
    }

    /// The stored sections at `addrs`, in that order, read [`HIT_WINDOW`] at a time, each with
    /// its snippet for `forms` when they are given.
    pub(crate) fn stored_in_order<'e>(
        &'e self,
        addrs: Vec<DocAddress>,
        forms: Option<&'e [Normalized]>,
    ) -> StoredInOrder<'e> {
        StoredInOrder {
            engine: self,
            addrs,
            forms,
            next: 0,
            window: std::collections::VecDeque::new(),
        }
    }

    /// The hit of a stored section: its facts, snippet and where its first match shown is. The
    /// snippet is made here unless it was made with the section (see [`StoredInOrder`]).
    fn hit(
        &self,
        rank: usize,
        score: f32,
        s: &StoredSection,
        snippet: Option<Snippet>,
        forms: &[Normalized],
    ) -> Hit {
        let snippet = snippet
            .unwrap_or_else(|| make_snippet(&self.normalizer, &s.text, forms, SNIPPET_CHARS));
        // Line k of a section's text is source line line_start + k (see crate::report).
        let (line, column) = snippet
            .first_match
            .map_or((s.line_start as usize, 1), |at| {
                let before = &s.text[..at];
                let line_begin = before.rfind('\n').map_or(0, |i| i + 1);
                (
                    s.line_start as usize + before.matches('\n').count(),
                    before[line_begin..].chars().count() + 1,
                )
            });
        let page = s.page_of(line);
        Hit {
            rank,
            score,
            path: s.path.clone(),
            title: s.title.clone(),
            year: s.year,
            org: s.org.clone(),
            date: s.date.clone(),
            doc_number: s.doc_number.clone(),
            section: s.heading.clone(),
            level: s.level,
            line_start: s.line_start as usize,
            line_end: s.line_end as usize,
            line,
            column,
            snippet: snippet.text,
            highlights: snippet.highlights,
            page,
            also_in: Vec::new(),
            more_in_report: None,
            context_before: None,
            context_after: None,
            also_in_total: Default::default(),
        }
    }

    /// Builds the tantivy query. Without `scoring`, only the matching clauses (for counting) and
    /// no title bonus.
    fn build(
        &self,
        query: &ParsedQuery,
        filters: &Filters,
        scoring: bool,
    ) -> Result<Built, SearchError> {
        let f = self.sections.fields();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // Score parts that do not decide whether a section matches (see [`ranked`]).
        let mut optional: Vec<Part> = Vec::new();
        let mut title_bonus: std::collections::HashMap<u64, f32, ByU64Key> = Default::default();
        for clause in &query.clauses {
            let matcher = any_of(
                clause
                    .any_of
                    .iter()
                    .flat_map(|t| t.forms.iter().map(|form| body_query(form)))
                    .collect(),
            );
            if clause.excluded {
                clauses.push((Occur::MustNot, matcher));
                continue;
            }
            clauses.push((Occur::Must, Box::new(BoostQuery::new(matcher, GRAM_WEIGHT))));
            if scoring {
                for term in &clause.any_of {
                    let form = &term.forms[0];
                    if let Some(words) = self.whole_words(form)? {
                        // The bonus where the section holds every word, then each word's BM25.
                        let first = optional.len() + 1;
                        optional.push(Part::WhenAll {
                            parts: first..first + words.len(),
                            score: WHOLE_WORD_BONUS,
                        });
                        for w in &words {
                            optional.push(Part::Query(self.word_query(w)));
                        }
                    }
                    optional.push(Part::Query(Box::new(BoostQuery::new(
                        substring_query(f.heading_grams, form),
                        HEADING_BOOST,
                    ))));
                    let titled = self.report_ids_of(&*substring_query(f.title_grams, form))?;
                    for report in titled {
                        *title_bonus.entry(report).or_default() += TITLE_BONUS;
                    }
                }
            }
        }
        if let Some((a, b)) = filters.years {
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_u64(f.year, a as u64)),
                    Bound::Included(Term::from_field_u64(f.year, b as u64)),
                )),
            ));
        }
        if let Some(org) = &filters.org {
            let norm = self.normalizer.normalize(org).trimmed();
            let q: Box<dyn Query> = if norm.is_empty() {
                Box::new(EmptyQuery)
            } else {
                // A government typed in short form (杭州市政府) finds it under its full name too,
                // as reports are filed (杭州市人民政府).
                let full = crate::report::full_government_name(org.trim())
                    .map(|full| self.normalizer.normalize(&full).trimmed());
                let prefix: Box<dyn Query> = match full {
                    Some(full) => Box::new(BooleanQuery::new(vec![
                        (Occur::Should, org_prefix_query(f.org_keys, &norm)),
                        (Occur::Should, org_prefix_query(f.org_keys, &full)),
                    ])),
                    None => org_prefix_query(f.org_keys, &norm),
                };
                self.reports_of(&*prefix)?
                    .unwrap_or_else(|| Box::new(EmptyQuery))
            };
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
        }
        Ok(Built {
            query: Box::new(Ranked::new(Box::new(BooleanQuery::new(clauses)), optional)),
            title_bonus: TitleBonus(std::sync::Arc::new(title_bonus)),
        })
    }

    /// All sections of the reports whose first section matches `query` (a report-level field:
    /// title, issuing body; indexed on each report's first section); None when none does.
    fn reports_of(&self, query: &dyn Query) -> Result<Option<Box<dyn Query>>, SearchError> {
        let files = self.report_ids_of(query)?;
        if files.is_empty() {
            return Ok(None);
        }
        let terms = files.into_iter().map(|id| self.sections.file_term(id));
        Ok(Some(Box::new(TermSetQuery::new(terms))))
    }

    /// The report ids of the sections matching `query`, sorted, each once.
    fn report_ids_of(&self, query: &dyn Query) -> Result<Vec<u64>, SearchError> {
        let found = self
            .searcher
            .search(query, &DocSetCollector)
            .map_err(|e| self.damaged(e))?;
        let mut found: Vec<DocAddress> = found.into_iter().collect();
        found.sort_unstable();
        let mut files: Vec<u64> = Vec::new();
        // One column per segment: opening a fast-field column decodes its block index.
        for segment in found.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
            let reader = self.searcher.segment_reader(segment[0].segment_ord);
            let ids = self
                .sections
                .report_ids(reader, segment.iter().map(|a| a.doc_id))
                .map_err(|e| self.damaged(e))?;
            files.extend(ids);
        }
        files.sort_unstable();
        files.dedup();
        Ok(files)
    }

    fn word_query(&self, word: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(self.sections.fields().words, word),
            IndexRecordOption::WithFreqs,
        ))
    }

    /// The words of the index vocabulary that make up a term: the term itself when it is a
    /// word, else its forward maximum-match segmentation over the vocabulary. None when some
    /// part is not a word (the term then has no whole-word reading).
    pub fn whole_words(&self, form: &str) -> Result<Option<Vec<String>>, SearchError> {
        let words_field = self.sections.fields().words;
        let in_vocab = |w: &str| -> Result<bool, SearchError> {
            let n = self
                .searcher
                .doc_freq(&Term::from_field_text(words_field, w))
                .map_err(|e| self.damaged(e))?;
            Ok(n > 0)
        };
        if form.contains(char::is_whitespace) {
            let mut all = Vec::new();
            for part in form.split_whitespace() {
                match self.whole_words(part)? {
                    Some(words) => all.extend(words),
                    None => return Ok(None),
                }
            }
            return Ok(Some(all));
        }
        if in_vocab(form)? {
            return Ok(Some(vec![form.to_string()]));
        }
        let chars: Vec<char> = form.chars().collect();
        let mut words = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let mut longest = None;
            for len in (1..=(chars.len() - i).min(MAX_VOCAB_WORD_CHARS)).rev() {
                let w: String = chars[i..i + len].iter().collect();
                if in_vocab(&w)? {
                    longest = Some(len);
                    break;
                }
            }
            let Some(len) = longest else {
                return Ok(None);
            };
            words.push(chars[i..i + len].iter().collect());
            i += len;
        }
        Ok(Some(words))
    }
}

/// Sections whose body contains `form` (see [`BodyQuery`]).
fn body_query(form: &Normalized) -> Box<dyn Query> {
    Box::new(BodyQuery::new(form.clone()))
}

/// Bodies whose name, or a word of it after a place name, starts with `prefix` (see
/// [`crate::document::org_keys`]).
fn org_prefix_query(field: Field, prefix: &Normalized) -> Box<dyn Query> {
    Box::new(matching::PrefixQuery::new(field, prefix))
}

fn damaged(shown: &str, e: tantivy::TantivyError) -> SearchError {
    SearchError::Damaged {
        path: shown.to_string(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine that answers many queries (it keeps each segment's columns from the first
    /// query that opens them) answers each as an engine made for that query alone: hits,
    /// totals, collapsed hits and counts by year, with one indexing thread and two.
    #[test]
    fn an_engine_answers_later_queries_as_a_fresh_engine_does() {
        use crate::index::writer::{index_corpus, IndexOptions, QuietProgress};
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for (jobs, memory) in [(1, 200 << 20), (2, 40 << 20)] {
            let dir = tempfile::tempdir().unwrap();
            let opts = IndexOptions {
                rebuild: true,
                memory_budget: Some(memory),
                ..IndexOptions::new(vec![data.clone()], dir.path().to_path_buf(), jobs)
            };
            let never = std::sync::atomic::AtomicBool::new(false);
            index_corpus(&opts, &QuietProgress, &never).unwrap();
            let open = crate::index::open(dir.path()).unwrap();
            let normalizer = Normalizer::new();
            let queries = [
                "法律顾问",
                "科研诚信",
                "法",
                "2021年",
                "法律顾问",
                "依法行政 -培训",
            ];
            let answer = |engine: &Engine, q: &str| {
                let q = parse_query(q, &normalizer).unwrap();
                let f = Filters::default();
                let found = engine.search(&q, &f, Limit::Top(20)).unwrap();
                let selection = engine.select_hits(&q, &f, &HitOptions::default()).unwrap();
                let collapsed: Vec<Hit> = engine
                    .selected_hits(&selection, &|_| {})
                    .collect::<Result<_, _>>()
                    .unwrap();
                let by_year = engine.totals(&q, &f, Some(CountBy::Year)).unwrap();
                let every = engine.search(&q, &f, Limit::All).unwrap();
                (
                    found.hits,
                    every.hits,
                    found.sections,
                    found.reports,
                    collapsed,
                    format!("{by_year:?}"),
                )
            };
            let shared = Engine::new(&open).unwrap();
            // Hits read and snippets made on the calling thread alone, and by three threads
            // (however many segments the index has).
            let mut serial = Engine::new(&open).unwrap();
            serial.pool = None;
            let mut pooled = Engine::new(&open).unwrap();
            pooled.pool = crate::contain::contained_pool(3, "test").map(std::sync::Arc::new);
            assert!(pooled.pool.is_some());
            for q in queries {
                let fresh = answer(&Engine::new(&open).unwrap(), q);
                assert!(fresh.2 > 0, "{q} matches in data/");
                assert_eq!(answer(&shared, q), fresh, "{q}, {jobs} jobs");
                assert_eq!(answer(&serial, q), fresh, "{q}, {jobs} jobs, one thread");
                assert_eq!(answer(&pooled, q), fresh, "{q}, {jobs} jobs, three threads");
            }
        }
    }

    #[test]
    fn year_ranges() {
        assert_eq!(parse_years("2021"), Ok((2021, 2021)));
        assert_eq!(parse_years("2019..2022"), Ok((2019, 2022)));
        assert!(parse_years("2022..2019").is_err());
        assert!(parse_years("abc").is_err());
    }
}
