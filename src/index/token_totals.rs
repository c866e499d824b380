//! Exact token totals for BM25, where tantivy only estimates them.
//!
//! BM25 divides a section's length by the average length of the field, which tantivy takes
//! from each segment's token total. A segment written from documents has the exact total. A
//! segment merged from segments that held deleted sections has an estimate, summed from the
//! surviving sections' quantised field norms, and a segment with deletions still counts its
//! deleted sections. An index updated in place would then rank a little differently from the
//! same corpus built afresh.
//!
//! So after each run the writer counts, for every segment whose total is not exact, the
//! tokens its live sections really hold (walking the field's postings with their term
//! frequencies), and keeps the counts in [`TOKEN_TOTALS_FILE`], keyed by segment id and number
//! of deleted sections. [`ExactStatistics`] gives searches those counts, and tantivy's own
//! for every other segment. A file that is missing, damaged or out of date only brings back
//! tantivy's estimates: ranking stays correct in order of magnitude, and the next run repairs it.
//!
//! This module knows which fields are scored (from [`crate::document`]) but nothing of queries.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use tantivy::postings::Postings;
use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, Searcher, SegmentReader, Term, TERMINATED};

use super::IndexError;

/// The file, in the index directory, that holds the exact totals.
pub const TOKEN_TOTALS_FILE: &str = "govsearch-token-totals.json";

/// Exact token totals of the segments whose tantivy total is not exact.
#[derive(Debug, Default, Clone, Serialize, Deserialize, PartialEq)]
pub struct TokenTotals {
    /// Segment id (tantivy's uuid string) → its totals.
    pub segments: BTreeMap<String, SegmentTotals>,
}

/// One segment's exact token totals, valid while it has this many deleted sections.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SegmentTotals {
    /// Deleted sections of the segment when counted.
    pub deleted: u32,
    /// Field name → tokens in the live sections.
    pub tokens: BTreeMap<String, u64>,
}

impl TokenTotals {
    /// The totals of an index directory; empty when the file is missing or unreadable.
    pub fn load(dir: &Path) -> TokenTotals {
        super::load_side_file(dir, TOKEN_TOTALS_FILE)
    }

    /// Replaces the file atomically (write, then rename).
    pub fn save(&self, dir: &Path) -> Result<(), IndexError> {
        super::save_side_file(dir, TOKEN_TOTALS_FILE, self)
    }

    /// The exact total of `field` in `segment`, when known and still valid.
    fn get(&self, segment: &SegmentReader, name: &str) -> Option<u64> {
        let entry = self.segments.get(&segment.segment_id().uuid_string())?;
        if entry.deleted != segment.num_deleted_docs() {
            return None;
        }
        entry.tokens.get(name).copied()
    }

    /// Recounts the segments of `searcher` that need it: those with deletions, those in
    /// `inexact` (merged from segments with deletions or with inexact totals), and those whose
    /// entry is out of date. Entries of segments that are gone are dropped.
    pub fn refresh(
        &mut self,
        searcher: &Searcher,
        fields: &[(Field, &str)],
        inexact: &HashSet<String>,
    ) -> tantivy::Result<()> {
        let mut kept = BTreeMap::new();
        for segment in searcher.segment_readers() {
            let id = segment.segment_id().uuid_string();
            let current = self
                .segments
                .remove(&id)
                .filter(|e| e.deleted == segment.num_deleted_docs());
            let entry = match current {
                Some(e) => Some(e),
                None if segment.num_deleted_docs() > 0 || inexact.contains(&id) => {
                    Some(SegmentTotals {
                        deleted: segment.num_deleted_docs(),
                        tokens: fields
                            .iter()
                            .map(|&(f, name)| Ok((name.to_string(), live_tokens(segment, f)?)))
                            .collect::<tantivy::Result<_>>()?,
                    })
                }
                None => None,
            };
            if let Some(e) = entry {
                kept.insert(id, e);
            }
        }
        self.segments = kept;
        Ok(())
    }

    /// Whether a segment's totals are kept here (so a merge of it gives an inexact total).
    pub fn holds(&self, id: &str) -> bool {
        self.segments.contains_key(id)
    }
}

/// Tokens of `field` in the live sections of `segment`: the sum of the term frequencies.
fn live_tokens(segment: &SegmentReader, field: Field) -> tantivy::Result<u64> {
    let inverted = segment.inverted_index(field)?;
    let alive = segment.alive_bitset();
    let mut total = 0u64;
    let mut terms = inverted.terms().stream()?;
    while terms.advance() {
        let mut postings =
            inverted.read_postings_from_terminfo(terms.value(), IndexRecordOption::WithFreqs)?;
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                total += u64::from(postings.term_freq());
            }
            doc = postings.advance();
        }
    }
    Ok(total)
}

/// BM25 statistics with the exact token totals of [`TokenTotals`] where tantivy's are not.
pub struct ExactStatistics<'a> {
    searcher: &'a Searcher,
    totals: &'a TokenTotals,
    names: &'a [(Field, &'static str)],
}

impl<'a> ExactStatistics<'a> {
    /// Statistics for `searcher`; `names` maps each scored field to its name in the file.
    pub fn new(
        searcher: &'a Searcher,
        totals: &'a TokenTotals,
        names: &'a [(Field, &'static str)],
    ) -> Self {
        ExactStatistics {
            searcher,
            totals,
            names,
        }
    }
}

impl Bm25StatisticsProvider for ExactStatistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        let name = self
            .names
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, n)| *n);
        let mut total = 0;
        for segment in self.searcher.segment_readers() {
            total += match name.and_then(|n| self.totals.get(segment, n)) {
                Some(exact) => exact,
                None => segment.inverted_index(field)?.total_num_tokens(),
            };
        }
        Ok(total)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        self.searcher.total_num_docs()
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        self.searcher.doc_freq(term)
    }
}
