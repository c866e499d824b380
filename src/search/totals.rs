//! Totals: how many sections match, in how many reports and how many distinct passages, in all
//! or for each year or issuing body, counted exactly in one pass over every match.
//!
//! It knows the section document only through [`SectionSchema`]'s columns (tie-break key,
//! passage fingerprint, year, issuing body); it reads no stored document and no score.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use tantivy::columnar::{Column, ColumnValues, StrColumn};

use super::{Engine, Filters, ParsedQuery, SearchError};
use crate::document::SectionSchema;
use crate::json::Totals;

/// What matches are counted by (`--count-by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountBy {
    /// The year a report is about.
    Year,
    /// The issuing body.
    Org,
}

/// The group a total is counted for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket {
    /// Every match.
    All,
    /// Reports about this year; None for reports without a year.
    Year(Option<u32>),
    /// Reports of this issuing body; None for reports that name none.
    Org(Option<String>),
}

/// Hash-map state for u64 keys that are already hashes: passage fingerprints (see
/// [`crate::document::passage_fingerprint`]) and report ids (path hashes shifted right, so their
/// top bits, which the map's probing reads first, are zero). One multiplication spreads them.
#[derive(Default)]
pub(super) struct U64Key(u64);

impl Hasher for U64Key {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed; fold anything else in, to stay a correct hasher.
        for &b in bytes {
            self.write_u64(self.0.rotate_left(8) ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Hash-map state for maps keyed by a passage fingerprint or a report id.
pub(super) type ByU64Key = BuildHasherDefault<U64Key>;

/// Matches whose columns are read together: the reads are cache misses, and a batch has many
/// under way at once where one read per match waited for each in turn.
pub(super) const COLUMN_BATCH: usize = 256;

/// A segment's tie-break key and passage fingerprint columns, which every way of collecting
/// matches reads, a batch at a time.
#[derive(Clone)]
pub(super) struct MatchColumns {
    keys: Arc<dyn ColumnValues<u64>>,
    passages: Arc<dyn ColumnValues<u64>>,
}

impl MatchColumns {
    pub(super) fn open(
        sections: &SectionSchema,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<MatchColumns> {
        Ok(MatchColumns {
            keys: sections.sort_keys(reader)?,
            passages: sections.passages(reader)?,
        })
    }

    /// The tie-break keys and passage fingerprints of `docs` (at most [`COLUMN_BATCH`]), in
    /// the first `docs.len()` places of each array.
    pub(super) fn read(
        &self,
        docs: &[tantivy::DocId],
    ) -> ([u64; COLUMN_BATCH], [u64; COLUMN_BATCH]) {
        let n = docs.len();
        let (mut keys, mut passages) = ([0u64; COLUMN_BATCH], [0u64; COLUMN_BATCH]);
        self.keys.get_vals(docs, &mut keys[..n]);
        self.passages.get_vals(docs, &mut passages[..n]);
        (keys, passages)
    }
}

/// Each segment's [`MatchColumns`], opened by the first query that reads them and kept for the
/// engine's life. Opening a column reads its header and, for some encodings, every block's
/// parameters: done for every segment by every query, it was 4% of the instructions of the
/// dev queries' common half in process at 1 GB (callgrind). A slot holds the segment's id, so
/// a reader of another searcher is never given another segment's columns.
#[derive(Clone, Default)]
pub(super) struct MatchColumnCache(
    Arc<[std::sync::OnceLock<(tantivy::index::SegmentId, MatchColumns)>]>,
);

impl MatchColumnCache {
    /// Room for the segments of a searcher.
    pub(super) fn new(segments: usize) -> MatchColumnCache {
        MatchColumnCache((0..segments).map(|_| std::sync::OnceLock::new()).collect())
    }

    /// The columns of segment `ordinal`, opened now unless an earlier query opened them.
    pub(super) fn get(
        &self,
        sections: &SectionSchema,
        ordinal: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<MatchColumns> {
        let Some(slot) = self.0.get(ordinal as usize) else {
            return MatchColumns::open(sections, reader);
        };
        if let Some((id, columns)) = slot.get() {
            if *id == reader.segment_id() {
                return Ok(columns.clone());
            }
            return MatchColumns::open(sections, reader);
        }
        let columns = MatchColumns::open(sections, reader)?;
        let _ = slot.set((reader.segment_id(), columns.clone()));
        Ok(columns)
    }
}

/// The sections, reports and passages seen for one bucket.
///
/// A segment's tally is filled as its matches come, on the segment's search thread, and
/// [`settled`](Self::settle) there; the tallies of all segments are merged on the calling
/// thread, after every segment's search has ended, where nothing runs in parallel. So a merge
/// only keeps the other tally's report list and passage set as they are, and
/// [`totals`](Self::totals) counts their union: the report lists in one pass over their heads,
/// the passages by looking each up in the larger sets, never by inserting them into one set.
/// (Sorting the reports and re-inserting the passages there were 11% of a common query's time
/// at 1 GB.)
#[derive(Default)]
pub(super) struct Tally {
    sections: usize,
    /// Report ids of this tally's own matches: as they came (adjacent repeats skipped) until
    /// settled, then sorted, each once.
    reports: Vec<u64>,
    /// The distinct passages of this tally's own matches.
    passages: HashSet<u64, ByU64Key>,
    /// The settled report lists and passage sets of the tallies merged into this one; they
    /// may overlap each other and this tally's own.
    merged: Vec<(Vec<u64>, HashSet<u64, ByU64Key>)>,
}

impl Tally {
    pub(super) fn add(&mut self, report: u64, passage: u64) {
        self.sections += 1;
        // Sections of a report are mostly adjacent: skip the repeats cheaply.
        if self.reports.last() != Some(&report) {
            self.reports.push(report);
        }
        self.passages.insert(passage);
    }

    /// Sorts the report ids and keeps each once: done where the matches were collected, on
    /// the segment's own thread.
    pub(super) fn settle(&mut self) {
        self.reports.sort_unstable();
        self.reports.dedup();
    }

    /// Adds `other`'s counts. Cheap when `other` is settled (sorting a sorted list is one
    /// pass).
    pub(super) fn merge(&mut self, mut other: Tally) {
        other.settle();
        self.sections += other.sections;
        self.merged.push((other.reports, other.passages));
        self.merged.append(&mut other.merged);
    }

    pub(super) fn totals(mut self) -> Totals {
        self.settle();
        let merged = std::mem::take(&mut self.merged);
        let (lists, mut sets): (Vec<Vec<u64>>, Vec<HashSet<u64, ByU64Key>>) =
            std::iter::once((self.reports, self.passages))
                .chain(merged)
                .unzip();
        // Every distinct passage once: the largest set's, then those of each other set that no
        // larger set holds.
        sets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let passages = sets.iter().enumerate().fold(0, |n, (i, set)| {
            n + set
                .iter()
                .filter(|p| !sets[..i].iter().any(|larger| larger.contains(p)))
                .count()
        });
        Totals {
            sections: self.sections,
            reports: distinct_in_sorted(&lists),
            passages,
        }
    }
}

/// How many distinct values sorted lists of distinct values hold together.
fn distinct_in_sorted(lists: &[Vec<u64>]) -> usize {
    let mut lists: Vec<&[u64]> = lists
        .iter()
        .filter(|l| !l.is_empty())
        .map(Vec::as_slice)
        .collect();
    if let [a, b] = lists[..] {
        // Two segments, the usual case: the values of both less those they share.
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
            shared += usize::from(x == y);
        }
        return a.len() + b.len() - shared;
    }
    let mut n = 0;
    while lists.len() > 1 {
        // The least head; every list that starts with it moves past it.
        let least = lists.iter().map(|l| l[0]).min().expect("lists left");
        n += 1;
        for l in &mut lists {
            if l[0] == least {
                *l = &l[1..];
            }
        }
        lists.retain(|l| !l.is_empty());
    }
    n + lists.first().map_or(0, |l| l.len())
}

/// Counts matching sections, their distinct reports and distinct passages, in all
/// ([`Bucket::All`], always) and per bucket. Runs without scoring.
pub(super) struct TotalsCollector {
    sections: SectionSchema,
    columns: MatchColumnCache,
    by: Option<CountBy>,
}

impl TotalsCollector {
    /// Totals of every match together.
    pub(super) fn overall(sections: SectionSchema, columns: MatchColumnCache) -> Self {
        TotalsCollector {
            sections,
            columns,
            by: None,
        }
    }

    /// Totals per year or per issuing body.
    pub(super) fn by(sections: SectionSchema, columns: MatchColumnCache, by: CountBy) -> Self {
        TotalsCollector {
            sections,
            columns,
            by: Some(by),
        }
    }
}

/// The column a segment's matches are bucketed by.
enum BucketColumn {
    None,
    Year(Column<u64>),
    Org(Option<StrColumn>),
}

pub(super) struct SegmentTotals {
    /// Matches whose columns are not read yet.
    pending: Vec<tantivy::DocId>,
    sections: SectionSchema,
    columns: MatchColumns,
    column: BucketColumn,
    all: Tally,
    /// Per year, or per term ordinal of the issuing body in this segment.
    buckets: HashMap<Option<u64>, Tally>,
}

impl tantivy::collector::Collector for TotalsCollector {
    type Fruit = Vec<(Bucket, Totals)>;
    type Child = SegmentTotals;

    fn for_segment(
        &self,
        segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentTotals> {
        let column = match self.by {
            None => BucketColumn::None,
            Some(CountBy::Year) => BucketColumn::Year(self.sections.years(reader)?),
            Some(CountBy::Org) => BucketColumn::Org(self.sections.orgs(reader)?),
        };
        Ok(SegmentTotals {
            pending: Vec::with_capacity(COLUMN_BATCH),
            sections: self.sections.clone(),
            columns: self.columns.get(&self.sections, segment, reader)?,
            column,
            all: Tally::default(),
            buckets: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<Vec<(Bucket, Tally)>>,
    ) -> tantivy::Result<Vec<(Bucket, Totals)>> {
        let mut merged: HashMap<Bucket, Tally> = HashMap::new();
        merged.insert(Bucket::All, Tally::default());
        for (bucket, tally) in fruits.into_iter().flatten() {
            merged.entry(bucket).or_default().merge(tally);
        }
        let mut out: Vec<(Bucket, Totals)> = one_row_per_body(merged)
            .into_iter()
            .map(|(b, t)| (b, t.totals()))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }
}

/// The buckets with the issuing bodies that are one name once folded (乙县人民政府 and
/// 乙縣人民政府; full- and half-width forms) counted as one, as `--org` finds them together. The
/// row is named as most of its sections' reports write it (ties: the first name in order).
fn one_row_per_body(merged: HashMap<Bucket, Tally>) -> Vec<(Bucket, Tally)> {
    let normalizer = crate::analysis::Normalizer::new();
    let mut rows: Vec<(Bucket, Tally)> = Vec::new();
    // Per folded name: its row in `rows`, and the sections counted under each written form.
    let mut bodies: HashMap<String, (usize, Vec<(String, usize)>)> = HashMap::new();
    let mut sorted: Vec<(Bucket, Tally)> = merged.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    for (bucket, tally) in sorted {
        let Bucket::Org(Some(name)) = &bucket else {
            rows.push((bucket, tally));
            continue;
        };
        let folded = normalizer.normalize(name).trimmed().as_str().to_string();
        match bodies.get_mut(&folded) {
            Some((row, forms)) => {
                forms.push((name.clone(), tally.sections));
                rows[*row].1.merge(tally);
            }
            None => {
                let forms = vec![(name.clone(), tally.sections)];
                bodies.insert(folded, (rows.len(), forms));
                rows.push((bucket, tally));
            }
        }
    }
    for (row, forms) in bodies.into_values() {
        if forms.len() > 1 {
            let most = forms.iter().map(|f| f.1).max().unwrap_or(0);
            let name = forms.iter().find(|f| f.1 == most).map(|f| f.0.clone());
            rows[row].0 = Bucket::Org(name);
        }
    }
    rows
}

impl SegmentTotals {
    /// Reads the columns of the pending matches and counts them.
    fn flush(&mut self) {
        let (keys, passages) = self.columns.read(&self.pending);
        for (i, &doc) in self.pending.iter().enumerate() {
            let report = self.sections.report_of_key(keys[i]);
            self.all.add(report, passages[i]);
            let bucket = match &self.column {
                BucketColumn::None => continue,
                BucketColumn::Year(years) => years.first(doc),
                BucketColumn::Org(orgs) => orgs.as_ref().and_then(|o| o.ords().first(doc)),
            };
            self.buckets
                .entry(bucket)
                .or_default()
                .add(report, passages[i]);
        }
        self.pending.clear();
    }
}

impl tantivy::collector::SegmentCollector for SegmentTotals {
    type Fruit = Vec<(Bucket, Tally)>;

    fn collect(&mut self, doc: tantivy::DocId, _score: tantivy::Score) {
        self.pending.push(doc);
        if self.pending.len() == COLUMN_BATCH {
            self.flush();
        }
    }

    fn harvest(mut self) -> Vec<(Bucket, Tally)> {
        self.flush();
        let mut out = vec![(Bucket::All, self.all)];
        let buckets = match self.column {
            BucketColumn::None => Vec::new(),
            BucketColumn::Year(_) => self
                .buckets
                .into_iter()
                .map(|(year, t)| (Bucket::Year(year.map(|y| y as u32)), t))
                .collect(),
            BucketColumn::Org(orgs) => self
                .buckets
                .into_iter()
                .map(|(ord, t)| {
                    let name = ord.zip(orgs.as_ref()).and_then(|(ord, orgs)| {
                        let mut name = String::new();
                        // A term ordinal of this segment's own column is always in its
                        // dictionary; an unreadable one counts as no body rather than failing.
                        orgs.ord_to_str(ord, &mut name).ok()?.then_some(name)
                    });
                    (Bucket::Org(name), t)
                })
                .collect(),
        };
        out.extend(buckets);
        for (_, tally) in &mut out {
            tally.settle();
        }
        out
    }
}

/// Exact totals of a query, in all or per bucket (`--count-by`): sections, distinct reports
/// and distinct passages, counted over every match without scoring.
impl Engine {
    /// Totals of every match ([`Bucket::All`], first) and, with `by`, per bucket, in the order
    /// of [`Bucket`].
    pub fn totals(
        &self,
        query: &ParsedQuery,
        filters: &Filters,
        by: Option<CountBy>,
    ) -> Result<Vec<(Bucket, Totals)>, SearchError> {
        self.guard(|| {
            let q = self.build(query, filters, false)?.query;
            let collector = match by {
                None => TotalsCollector::overall(self.sections.clone(), self.columns.clone()),
                Some(by) => TotalsCollector::by(self.sections.clone(), self.columns.clone(), by),
            };
            self.searcher
                .search(&q, &collector)
                .map_err(|e| self.damaged(e))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Tallies of (report, passage) matches, as segments collect them.
    fn tally(matches: &[(u64, u64)], settled: bool) -> Tally {
        let mut t = Tally::default();
        for &(report, passage) in matches {
            t.add(report, passage);
        }
        if settled {
            t.settle();
        }
        t
    }

    proptest! {
        /// However the matches are split between segments, and in whichever order their
        /// tallies are merged (settled or not, into an empty tally or one of them), the totals
        /// count every match once, and every report and passage once.
        #[test]
        fn merged_tallies_count_each_report_and_passage_once(
            segments in prop::collection::vec(
                prop::collection::vec((0u64..40, 0u64..60), 0..80), 1..6),
            settled in any::<bool>(),
            into_first in any::<bool>(),
        ) {
            let all: Vec<(u64, u64)> = segments.iter().flatten().copied().collect();
            let reports: HashSet<u64> = all.iter().map(|m| m.0).collect();
            let passages: HashSet<u64> = all.iter().map(|m| m.1).collect();
            let mut tallies = segments.iter().map(|s| tally(s, settled));
            let mut merged = if into_first {
                tallies.next().expect("one segment")
            } else {
                Tally::default()
            };
            for t in tallies {
                merged.merge(t);
            }
            let totals = merged.totals();
            prop_assert_eq!(totals.sections, all.len());
            prop_assert_eq!(totals.reports, reports.len());
            prop_assert_eq!(totals.passages, passages.len());
        }
    }

    #[test]
    fn reports_shared_by_two_sorted_lists_count_once() {
        assert_eq!(distinct_in_sorted(&[vec![1, 3, 5], vec![2, 3, 4, 5, 9]]), 6);
        assert_eq!(distinct_in_sorted(&[vec![], vec![2, 3]]), 2);
        assert_eq!(
            distinct_in_sorted(&[vec![1], vec![1], vec![1, 2], vec![]]),
            2
        );
        assert_eq!(distinct_in_sorted(&[]), 0);
    }
}
