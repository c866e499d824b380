//! Grouping: which hits a search shows, and in which order, over every match of a query.
//!
//! This module owns the views that need every match rather than the best N: duplicate
//! passages collapsed into one hit that says where else its passage is
//! ([`HitOptions::collapse`]), at most N hits per report ([`HitOptions::per_report`]), hits
//! ordered by year ([`Sort`]), and reports ranked by their best section ([`Engine::select_reports`],
//! `-l`). For each match it reads the score and three columns of the section document (tie-break
//! key, passage fingerprint, year); stored documents are read only for what is shown. It knows
//! nothing of how hits are printed.
//!
//! **Order.** [`Sort::Rank`] is the ranking of [`Engine::rank`]: score, then the tie-break key.
//! [`Sort::Year`] and [`Sort::YearDescending`] order by the report's year first, reports without
//! a year last, and by rank within a year. The limit applies after the order: `--sort year -n 5`
//! shows the five first hits in year order.
//!
//! **Duplicates.** Matching sections whose passage fingerprints are equal (identical text after
//! normalisation, see [`crate::document::passage_fingerprint`]) are one passage; the first of
//! them in the order stands for it and lists the others.

use std::cmp::Ordering;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

use tantivy::columnar::Column;
use tantivy::DocAddress;

mod collapse;

use super::context::{Context, SourceLines};
use super::totals::{ByU64Key, MatchColumnCache, MatchColumns, COLUMN_BATCH};
use super::{Engine, Filters, Hit, Limit, ParsedQuery, SearchError};
use crate::analysis::Normalized;
use crate::document::SectionSchema;
use crate::json::{Location, ReportHit, Totals};

/// The order of hits and reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best first.
    #[default]
    Rank,
    /// Oldest year first, best first within a year; reports without a year last.
    Year,
    /// Newest year first, best first within a year; reports without a year last.
    YearDescending,
}

/// How a search chooses, groups and orders the hits it shows.
#[derive(Debug, Clone, Copy)]
pub struct HitOptions {
    /// How many hits.
    pub limit: Limit,
    /// Their order (the limit applies after it).
    pub sort: Sort,
    /// At most this many hits per report.
    pub per_report: Option<usize>,
    /// One hit per distinct passage, listing the other sections that hold it.
    pub collapse: bool,
    /// Source lines around each hit's match line (`-A`/`-B`/`-C`).
    pub context: Option<Context>,
    /// Name at most this many of a collapsed hit's other places, and count the rest
    /// ([`crate::json::AlsoInTotal`]); None names every one. Naming a place reads its path from
    /// the path column, block by block: a passage held by hundreds of laws cost milliseconds.
    pub named_places: Option<usize>,
}

impl Default for HitOptions {
    fn default() -> Self {
        HitOptions {
            limit: Limit::Top(10),
            sort: Sort::Rank,
            per_report: None,
            collapse: true,
            context: None,
            named_places: None,
        }
    }
}

/// The hits a search shows, chosen over every match, and the totals of every match.
#[derive(Debug, Clone)]
pub struct HitSelection {
    chosen: Vec<Chosen>,
    /// Every matching section, report and distinct passage, not only those shown.
    pub totals: Totals,
    forms: Vec<Normalized>,
    context: Option<Context>,
    named_places: Option<usize>,
}

impl HitSelection {
    /// How many hits it shows.
    pub fn len(&self) -> usize {
        self.chosen.len()
    }

    /// Whether it shows no hit.
    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty()
    }
}

/// One hit to show: its section, the other sections of its passage, and how many more hits its
/// report holds (on a report's first hit, with a cap per report).
#[derive(Debug, Clone)]
struct Chosen {
    score: f32,
    addr: DocAddress,
    also: Vec<Match>,
    more: Option<usize>,
}

/// The reports a search lists (`-l`), best first, and the totals of every match.
#[derive(Debug, Clone)]
pub struct ReportSelection {
    chosen: Vec<(Match, usize)>,
    /// Every matching section, report and distinct passage, not only the reports listed.
    pub totals: Totals,
}

impl ReportSelection {
    /// How many reports it lists.
    pub fn len(&self) -> usize {
        self.chosen.len()
    }

    /// Whether it lists none.
    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty()
    }
}

/// Every match of a query, as each segment's search collected it. They are not copied into
/// one list: for a common query that list is tens of megabytes, and in a fresh process every
/// page of it is a page fault (水 at 1 GB: 3,500 of a process's 8,400).
struct Matches(Vec<Vec<Match>>);

impl Matches {
    fn iter(&self) -> impl Iterator<Item = &Match> {
        self.0.iter().flatten()
    }

    fn len(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }
}

/// One matching section: what ordering and grouping need, read from its score and columns.
/// 32 bytes: a common query at 1 GB holds a few hundred thousand, each page of them a page
/// fault in a fresh process, so the year is a `u32` with [`NO_YEAR`] for none (an `Option`
/// would make it 40).
#[derive(Debug, Clone, Copy)]
struct Match {
    score: f32,
    year: u32,
    key: u64,
    passage: u64,
    addr: DocAddress,
}

const _: () = assert!(std::mem::size_of::<Match>() == 32);

/// [`Match::year`] of a report without a year.
const NO_YEAR: u32 = u32::MAX;

impl Match {
    /// A match with its score and address, before its columns are read.
    fn scored(score: f32, addr: DocAddress) -> Match {
        Match {
            score,
            year: NO_YEAR,
            key: 0,
            passage: 0,
            addr,
        }
    }

    /// The report's year, if it has one.
    fn year(&self) -> Option<u32> {
        (self.year != NO_YEAR).then_some(self.year)
    }
}

impl Sort {
    /// Compares two matches: Less when `a` comes first.
    fn compare(self, a: &Match, b: &Match) -> Ordering {
        let by_rank = b.score.total_cmp(&a.score).then(a.key.cmp(&b.key));
        let by_year = match self {
            Sort::Rank => Ordering::Equal,
            Sort::Year => (a.year().is_none(), a.year()).cmp(&(b.year().is_none(), b.year())),
            Sort::YearDescending => (a.year().is_none(), std::cmp::Reverse(a.year()))
                .cmp(&(b.year().is_none(), std::cmp::Reverse(b.year()))),
        };
        by_year.then(by_rank)
    }
}

impl Engine {
    /// Chooses the hits to show over every match: collapsed by passage, capped per report and
    /// ordered as `options` say, with the totals of every match. Without collapsing, a cap or a
    /// year order, this is [`Engine::rank`] (which keeps only the best N).
    pub fn select_hits(
        &self,
        query: &ParsedQuery,
        filters: &Filters,
        options: &HitOptions,
    ) -> Result<HitSelection, SearchError> {
        if !options.collapse && options.per_report.is_none() && options.sort == Sort::Rank {
            let ranking = self.rank(query, filters, options.limit)?;
            return Ok(HitSelection {
                chosen: ranking
                    .top
                    .iter()
                    .map(|&(score, addr)| Chosen {
                        score,
                        addr,
                        also: Vec::new(),
                        more: None,
                    })
                    .collect(),
                totals: Totals {
                    sections: ranking.sections,
                    passages: ranking.passages,
                    reports: ranking.reports,
                },
                forms: ranking.forms,
                context: options.context,
                named_places: options.named_places,
            });
        }
        if options.collapse && options.per_report.is_none() {
            if let Limit::Top(n) = options.limit {
                if n <= super::ONE_PASS_LIMIT {
                    return self.select_collapsed(query, filters, n, options);
                }
            }
        }
        let matches = self.all_matches(query, filters, options.sort != Sort::Rank)?;
        // Collapsing finds each passage's first match, which also counts the passages.
        let stands = options
            .collapse
            .then(|| first_of_each_passage(&matches, options.sort));
        let totals = totals_of(&matches, stands.as_ref().map(|s| s.len()), &self.sections);
        let chosen = choose_hits(&matches, stands, options, &self.sections);
        Ok(HitSelection {
            chosen,
            totals,
            forms: query.highlight_forms(),
            context: options.context,
            named_places: options.named_places,
        })
    }

    /// [`Engine::select_hits`] for the default view (collapsed, no cap per report, at most
    /// [`super::ONE_PASS_LIMIT`] hits), in one streaming pass (see [`collapse`]).
    fn select_collapsed(
        &self,
        query: &ParsedQuery,
        filters: &Filters,
        n: usize,
        options: &HitOptions,
    ) -> Result<HitSelection, SearchError> {
        let (found, also) = self.guard(|| {
            let super::Built {
                query: q,
                title_bonus,
            } = self.build(query, filters, true)?;
            let collector = collapse::CollapsedTop {
                n,
                sort: options.sort,
                sections: self.sections.clone(),
                columns: self.columns.clone(),
                title_bonus,
            };
            let found = self.scored_search(&q, &collector)?;
            let also = collector
                .other_places(&self.searcher, &found)
                .map_err(|e| self.damaged(e))?;
            Ok((found, also))
        })?;
        Ok(HitSelection {
            chosen: found
                .first
                .iter()
                .zip(also)
                .map(|(m, also)| Chosen {
                    score: m.score,
                    addr: m.addr,
                    also,
                    more: None,
                })
                .collect(),
            totals: found.totals,
            forms: query.highlight_forms(),
            context: options.context,
            named_places: options.named_places,
        })
    }

    /// The hits of a selection, in order, each read from the index when asked for. Problems that
    /// cost only context lines (a source file gone or changed) go to `warn`, once per file.
    pub fn selected_hits<'e>(
        &'e self,
        selection: &'e HitSelection,
        warn: &'e dyn Fn(&str),
    ) -> impl Iterator<Item = Result<Hit, SearchError>> + 'e {
        let mut sources = SourceLines::default();
        let mut paths = PathColumns::default();
        let mut stored = self.stored_in_order(
            selection.chosen.iter().map(|c| c.addr).collect(),
            Some(&selection.forms),
        );
        selection.chosen.iter().enumerate().map(move |(i, chosen)| {
            let (s, snippet) = stored.next().expect("one stored section per hit")?;
            self.guard(|| {
                let mut hit = self.hit(i + 1, chosen.score, &s, snippet, &selection.forms);
                hit.more_in_report = chosen.more;
                let named = selection
                    .named_places
                    .map_or(chosen.also.len(), |n| n.min(chosen.also.len()));
                hit.also_in = self.locations(&chosen.also[..named], &mut paths)?;
                hit.also_in_total = self.also_in_total(&s.path, &chosen.also);
                if let Some(context) = selection.context {
                    let lines = context.around(
                        &s,
                        hit.line,
                        &mut sources,
                        self.normalizer(),
                        &selection.forms,
                        warn,
                    );
                    hit.snippet = lines.line;
                    hit.highlights = lines.highlights;
                    hit.context_before = Some(lines.before);
                    hit.context_after = Some(lines.after);
                }
                Ok(hit)
            })
        })
    }

    /// Chooses the reports to list (`-l`) over every match: each ranked by its best section
    /// (in the order `sort` gives), with its number of matching sections.
    pub fn select_reports(
        &self,
        query: &ParsedQuery,
        filters: &Filters,
        limit: Limit,
        sort: Sort,
    ) -> Result<ReportSelection, SearchError> {
        let matches = self.all_matches(query, filters, sort != Sort::Rank)?;
        let totals = totals_of(&matches, None, &self.sections);
        let mut reports: HashMap<u64, (Match, usize)> = HashMap::new();
        for m in matches.iter() {
            reports
                .entry(self.sections.report_of_key(m.key))
                .and_modify(|(best, n)| {
                    *n += 1;
                    if sort.compare(m, best).is_lt() {
                        *best = *m;
                    }
                })
                .or_insert((*m, 1));
        }
        let mut reports: Vec<(Match, usize)> = reports.into_values().collect();
        let mut chosen = Vec::new();
        let want = wanted(limit);
        if want > 0 {
            in_order(
                &mut reports,
                |a, b| sort.compare(&a.0, &b.0),
                |r| {
                    chosen.push(*r);
                    chosen.len() < want
                },
            );
        }
        Ok(ReportSelection { chosen, totals })
    }

    /// The reports of a selection, in order, each read from the index when asked for.
    pub fn selected_reports<'e>(
        &'e self,
        selection: &'e ReportSelection,
    ) -> impl Iterator<Item = Result<ReportHit, SearchError>> + 'e {
        let mut stored =
            self.stored_in_order(selection.chosen.iter().map(|c| c.0.addr).collect(), None);
        selection.chosen.iter().map(move |(best, sections)| {
            let (s, _) = stored.next().expect("one stored section per report")?;
            self.guard(|| {
                Ok(ReportHit {
                    path: s.path,
                    title: s.title,
                    year: s.year,
                    org: s.org,
                    sections: *sections,
                    score: best.score,
                })
            })
        })
    }

    /// Every match of a query with its score and columns (the year only when `years`).
    fn all_matches(
        &self,
        query: &ParsedQuery,
        filters: &Filters,
        years: bool,
    ) -> Result<Matches, SearchError> {
        self.guard(|| {
            let super::Built {
                query: q,
                title_bonus,
            } = self.build(query, filters, true)?;
            let collector = MatchCollector {
                sections: self.sections.clone(),
                columns: self.columns.clone(),
                years,
                title_bonus,
            };
            self.scored_search(&q, &collector)
        })
    }

    /// The places of a passage elsewhere, counted by report (the report id comes with each
    /// match; its path would have to be read).
    fn also_in_total(&self, path: &str, also: &[Match]) -> crate::json::AlsoInTotal {
        let own = self.sections.report_of_path(path);
        let mut others: Vec<u64> = also
            .iter()
            .map(|m| self.sections.report_of_key(m.key))
            .filter(|&r| r != own)
            .collect();
        let here = also.len() - others.len();
        others.sort_unstable();
        others.dedup();
        crate::json::AlsoInTotal {
            places: also.len(),
            other_reports: others.len(),
            here,
        }
    }

    /// Where matching sections are: their paths and first lines, read from columns (a passage
    /// may be in thousands of sections; loading each document would cost a block of the store,
    /// and each path alone a block of the path dictionary, so they are looked up together).
    fn locations(
        &self,
        sections: &[Match],
        paths: &mut PathColumns,
    ) -> Result<Vec<Location>, SearchError> {
        let mut ords: HashMap<tantivy::SegmentOrdinal, Vec<u64>> = HashMap::new();
        let mut ord_of = Vec::with_capacity(sections.len());
        for m in sections {
            let segment = m.addr.segment_ord;
            let column = match paths.0.entry(segment) {
                Entry::Occupied(column) => column.into_mut(),
                Entry::Vacant(place) => {
                    let reader = self.searcher.segment_reader(segment);
                    place.insert(self.sections.paths(reader).map_err(|e| self.damaged(e))?)
                }
            };
            let ord = column.as_ref().and_then(|c| c.ords().first(m.addr.doc_id));
            if let Some(ord) = ord {
                ords.entry(segment).or_default().push(ord);
            }
            ord_of.push(ord);
        }
        let mut names: HashMap<(tantivy::SegmentOrdinal, u64), String> = HashMap::new();
        for (segment, mut list) in ords {
            list.sort_unstable();
            list.dedup();
            let Some(column) = &paths.0[&segment] else {
                continue;
            };
            let mut at = list.iter();
            let all_found = column
                .dictionary()
                .sorted_ords_to_term_cb(&list, |bytes| {
                    if let Some(&ord) = at.next() {
                        let name = String::from_utf8_lossy(bytes).into_owned();
                        names.insert((segment, ord), name);
                    }
                })
                .map_err(|e| self.damaged(e.into()))?;
            if !all_found {
                return Err(SearchError::Damaged {
                    path: self.shown.clone(),
                    message: "a section's path is missing from its segment's path column".into(),
                });
            }
        }
        Ok(sections
            .iter()
            .zip(ord_of)
            .map(|(m, ord)| Location {
                path: ord
                    .and_then(|o| names.get(&(m.addr.segment_ord, o)).cloned())
                    .unwrap_or_default(),
                line: self.sections.line_of_key(m.key) as usize,
            })
            .collect())
    }
}

/// The path column of each segment, opened when first needed.
#[derive(Default)]
struct PathColumns(HashMap<tantivy::SegmentOrdinal, Option<tantivy::columnar::StrColumn>>);

/// Totals of every match: sections, distinct reports and distinct passages (counted here
/// unless `passages` already says how many).
fn totals_of(matches: &Matches, passages: Option<usize>, sections: &SectionSchema) -> Totals {
    // Matches come segment by segment in doc order, and a report's sections are adjacent in a
    // segment: repeats are dropped before the sort.
    let mut reports: Vec<u64> = Vec::new();
    for m in matches.iter() {
        let report = sections.report_of_key(m.key);
        if reports.last() != Some(&report) {
            reports.push(report);
        }
    }
    reports.sort_unstable();
    reports.dedup();
    let passages = passages.unwrap_or_else(|| {
        let set: std::collections::HashSet<u64, ByU64Key> =
            matches.iter().map(|m| m.passage).collect();
        set.len()
    });
    Totals {
        sections: matches.len(),
        passages,
        reports: reports.len(),
    }
}

/// Each passage's first match in the order: it stands for the passage when collapsing. The
/// map holds references, 16 bytes an entry rather than 48: it grows by doubling, and each new
/// table of a common query's passages is megabytes of fresh pages.
fn first_of_each_passage(matches: &Matches, sort: Sort) -> HashMap<u64, &Match, ByU64Key> {
    let mut first: HashMap<u64, &Match, ByU64Key> = HashMap::default();
    for m in matches.iter() {
        first
            .entry(m.passage)
            .and_modify(|f| {
                if sort.compare(m, f).is_lt() {
                    *f = m;
                }
            })
            .or_insert(m);
    }
    first
}

/// How many items a limit asks for.
fn wanted(limit: Limit) -> usize {
    match limit {
        Limit::Top(n) => n,
        Limit::All => usize::MAX,
    }
}

/// Chooses the hits: one per passage when collapsing (`stands`, the first of each in the
/// order), in the order, skipping those past a report's cap, up to the limit.
fn choose_hits(
    matches: &Matches,
    stands: Option<HashMap<u64, &Match, ByU64Key>>,
    options: &HitOptions,
    sections: &SectionSchema,
) -> Vec<Chosen> {
    let sort = options.sort;
    let report = |m: &Match| sections.report_of_key(m.key);
    let mut stands: Vec<Match> = match stands {
        Some(first) => first.into_values().copied().collect(),
        None => matches.iter().copied().collect(),
    };
    let want = wanted(options.limit);
    let mut shown_per_report: HashMap<u64, usize> = HashMap::new();
    let mut chosen: Vec<Match> = Vec::new();
    if want > 0 {
        in_order(
            &mut stands,
            |a, b| sort.compare(a, b),
            |m| {
                let shown = shown_per_report.entry(report(m)).or_default();
                if options.per_report.is_some_and(|cap| *shown >= cap) {
                    return true;
                }
                *shown += 1;
                chosen.push(*m);
                chosen.len() < want
            },
        );
    }
    // With a cap: how many hits each report holds in all, for its first hit's note.
    let mut held: HashMap<u64, usize> = HashMap::new();
    if options.per_report.is_some() {
        for m in &stands {
            if let Some(&shown) = shown_per_report.get(&report(m)) {
                if shown > 0 {
                    *held.entry(report(m)).or_default() += 1;
                }
            }
        }
    }
    // With collapsing: the other matches of each shown passage, in the order.
    let mut also: Vec<Vec<Match>> = vec![Vec::new(); chosen.len()];
    if options.collapse {
        let shown: HashMap<u64, usize, ByU64Key> = chosen
            .iter()
            .enumerate()
            .map(|(i, m)| (m.passage, i))
            .collect();
        for m in matches.iter() {
            if let Some(&i) = shown.get(&m.passage) {
                if m.addr != chosen[i].addr {
                    also[i].push(*m);
                }
            }
        }
        for list in &mut also {
            list.sort_by(|a, b| sort.compare(a, b));
        }
    }
    let mut noted: std::collections::HashSet<u64> = std::collections::HashSet::new();
    chosen
        .iter()
        .zip(also)
        .map(|(m, also)| {
            let r = report(m);
            let more = (options.per_report.is_some() && noted.insert(r))
                .then(|| held.get(&r).copied().unwrap_or(0) - shown_per_report[&r]);
            Chosen {
                score: m.score,
                addr: m.addr,
                also,
                more,
            }
        })
        .collect()
}

/// Visits `items` in the order `compare` gives until `visit` returns false, sorting only as
/// much of them as it visits (selection of the next smallest block, then a sort of the block).
fn in_order<T>(
    items: &mut [T],
    compare: impl Fn(&T, &T) -> Ordering,
    mut visit: impl FnMut(&T) -> bool,
) {
    let mut done = 0;
    let mut block = 64;
    while done < items.len() {
        let rest = &mut items[done..];
        let k = block.min(rest.len());
        if k < rest.len() {
            rest.select_nth_unstable_by(k - 1, &compare);
        }
        rest[..k].sort_unstable_by(&compare);
        for item in &rest[..k] {
            if !visit(item) {
                return;
            }
        }
        done += k;
        block = block.saturating_mul(4);
    }
}

/// Collects every match with its score and columns.
struct MatchCollector {
    sections: SectionSchema,
    columns: MatchColumnCache,
    years: bool,
    title_bonus: super::TitleBonus,
}

struct SegmentMatches {
    columns: SegmentColumns,
    matches: Vec<Match>,
}

/// Collects a segment's live matches as tantivy's own `collect_segment` does, after `reserve`
/// has made room for as many as the scorer expects: a list of a common query's matches is
/// megabytes, and growing it copies it into fresh pages.
fn collect_with_room<C: tantivy::collector::SegmentCollector>(
    mut collector: C,
    weight: &dyn tantivy::query::Weight,
    reader: &tantivy::SegmentReader,
    reserve: impl FnOnce(&mut C, usize),
) -> tantivy::Result<C::Fruit> {
    let mut scorer = weight.scorer(reader, 1.0)?;
    reserve(&mut collector, scorer.size_hint() as usize);
    let alive = reader.alive_bitset();
    let mut doc = scorer.doc();
    while doc != tantivy::TERMINATED {
        if alive.is_none_or(|a| a.is_alive(doc)) {
            collector.collect(doc, scorer.score());
        }
        doc = scorer.advance();
    }
    Ok(collector.harvest())
}

/// What completes a segment's scored matches: its columns (tie-break key, passage, and the year
/// when the order needs it) and the title bonus their scores take.
struct SegmentColumns {
    segment: tantivy::SegmentOrdinal,
    sections: SectionSchema,
    title_bonus: super::TitleBonus,
    columns: MatchColumns,
    years: Option<Column<u64>>,
}

impl SegmentColumns {
    fn open(
        sections: &SectionSchema,
        cache: &MatchColumnCache,
        segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
        title_bonus: super::TitleBonus,
        years: bool,
    ) -> tantivy::Result<SegmentColumns> {
        Ok(SegmentColumns {
            segment,
            sections: sections.clone(),
            title_bonus,
            columns: cache.get(sections, segment, reader)?,
            years: if years {
                Some(sections.years(reader)?)
            } else {
                None
            },
        })
    }

    /// Completes `batch` (at most [`COLUMN_BATCH`] matches of this segment, each with its
    /// address and score) from the columns; `docs` is scratch room.
    fn complete(&self, batch: &mut [Match], docs: &mut Vec<tantivy::DocId>) {
        docs.clear();
        docs.extend(batch.iter().map(|m| m.addr.doc_id));
        let (keys, passages) = self.columns.read(docs);
        for (i, m) in batch.iter_mut().enumerate() {
            m.key = keys[i];
            m.passage = passages[i];
            m.score += self.title_bonus.of_key(&self.sections, m.key);
            m.year = self
                .years
                .as_ref()
                .and_then(|y| y.first(m.addr.doc_id))
                .and_then(|y| u32::try_from(y).ok())
                .unwrap_or(NO_YEAR);
        }
    }
}

impl tantivy::collector::Collector for MatchCollector {
    type Fruit = Matches;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches {
            columns: SegmentColumns::open(
                &self.sections,
                &self.columns,
                segment,
                reader,
                self.title_bonus.clone(),
                self.years,
            )?,
            matches: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// As tantivy's own, with room for the scorer's count of matches made first: the list of a
    /// common query's matches is megabytes, and growing it copies it into fresh pages.
    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<Vec<Match>> {
        let collector = self.for_segment(segment, reader)?;
        collect_with_room(collector, weight, reader, |c, n| c.matches.reserve(n))
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Match>>) -> tantivy::Result<Matches> {
        Ok(Matches(fruits))
    }
}

impl tantivy::collector::SegmentCollector for SegmentMatches {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: tantivy::DocId, score: tantivy::Score) {
        // The columns are read in harvest, all matches at once.
        self.matches.push(Match::scored(
            score,
            DocAddress::new(self.columns.segment, doc),
        ));
    }

    fn harvest(mut self) -> Vec<Match> {
        // The columns of the matches, read a batch at a time.
        let mut docs = Vec::with_capacity(COLUMN_BATCH);
        for batch in self.matches.chunks_mut(COLUMN_BATCH) {
            self.columns.complete(batch, &mut docs);
        }
        self.matches
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(score: f32, key: u64, year: Option<u32>) -> Match {
        Match {
            score,
            key,
            passage: key,
            year: year.unwrap_or(NO_YEAR),
            addr: DocAddress::new(0, key as u32),
        }
    }

    #[test]
    fn year_orders_put_reports_without_a_year_last_and_rank_within_a_year() {
        let mut v = [
            m(1.0, 1, None),
            m(5.0, 2, Some(2020)),
            m(9.0, 3, Some(2021)),
            m(7.0, 4, Some(2020)),
        ];
        v.sort_by(|a, b| Sort::Year.compare(a, b));
        assert_eq!(v.iter().map(|m| m.key).collect::<Vec<_>>(), [4, 2, 3, 1]);
        v.sort_by(|a, b| Sort::YearDescending.compare(a, b));
        assert_eq!(v.iter().map(|m| m.key).collect::<Vec<_>>(), [3, 4, 2, 1]);
        v.sort_by(|a, b| Sort::Rank.compare(a, b));
        assert_eq!(v.iter().map(|m| m.key).collect::<Vec<_>>(), [3, 4, 2, 1]);
    }

    #[test]
    fn in_order_visits_exactly_the_sorted_prefix() {
        let mut items: Vec<u32> = (0..1000).map(|i| (i * 7919) % 1000).collect();
        for stop in [0, 1, 63, 64, 65, 500, 1000] {
            let mut seen = Vec::new();
            in_order(
                &mut items,
                |a, b| a.cmp(b),
                |&x| {
                    seen.push(x);
                    seen.len() < stop.max(1)
                },
            );
            assert_eq!(seen, (0..stop.max(1) as u32).collect::<Vec<_>>());
        }
    }
}
