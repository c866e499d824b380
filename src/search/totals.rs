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
#[derive(Default)]
pub(super) struct Tally {
    sections: usize,
    reports: Vec<u64>,
    passages: HashSet<u64, ByU64Key>,
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

    pub(super) fn merge(&mut self, other: Tally) {
        self.sections += other.sections;
        self.reports.extend(other.reports);
        self.passages.extend(other.passages);
    }

    pub(super) fn totals(mut self) -> Totals {
        self.reports.sort_unstable();
        self.reports.dedup();
        Totals {
            sections: self.sections,
            reports: self.reports.len(),
            passages: self.passages.len(),
        }
    }
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
