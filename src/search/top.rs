//! The ranking's collector: the best N matches (by score, ties by the tie-break key) and the
//! totals of every match (sections, reports, distinct passages), in one pass.
//!
//! Each match's tie-break key and passage are read from their columns in batches
//! ([`MatchColumns`]; they were a quarter of a common query's time). It knows the section
//! document only through [`SectionSchema`]'s columns and reads no stored document.

use std::cmp::Ordering;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::totals::{MatchColumnCache, MatchColumns, Tally, COLUMN_BATCH as BATCH};
use super::TitleBonus;
use crate::document::SectionSchema;
use crate::json::Totals;

/// The best `n` matches, best first, and the totals of every match.
pub(super) struct TopAndTotals {
    n: usize,
    sections: SectionSchema,
    columns: MatchColumnCache,
    title_bonus: TitleBonus,
}

impl TopAndTotals {
    pub(super) fn new(
        n: usize,
        sections: SectionSchema,
        columns: MatchColumnCache,
        title_bonus: TitleBonus,
    ) -> Self {
        TopAndTotals {
            n,
            sections,
            columns,
            title_bonus,
        }
    }
}

/// One match that may be among the best.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    score: Score,
    key: u64,
    addr: DocAddress,
}

/// Less when `a` ranks before `b`: higher score, then lower tie-break key (then address, so
/// that the order never depends on how the work was split).
fn rank_order(a: &Candidate, b: &Candidate) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then(a.key.cmp(&b.key))
        .then(a.addr.cmp(&b.addr))
}

/// Keeps the best `n` of `best`, in no particular order.
fn keep_best(best: &mut Vec<Candidate>, n: usize) {
    if best.len() > n {
        if n > 0 {
            best.select_nth_unstable_by(n - 1, rank_order);
        }
        best.truncate(n);
    }
}

/// The best `n` of the candidates offered so far.
///
/// Candidates gather unsorted and are pruned to the best `n` once they fill twice the room of
/// a batch, so pruning costs O(1) per candidate. After a pruning the `n`-th best is known, and
/// a candidate that ranks after it can never be among the best: it is turned away with one
/// comparison (most matches of a common query are).
struct Best {
    n: usize,
    best: Vec<Candidate>,
    /// The `n`-th best after the last pruning: the bar a candidate must pass.
    bar: Option<Candidate>,
}

impl Best {
    fn new(n: usize) -> Self {
        Best {
            n,
            best: Vec::new(),
            bar: None,
        }
    }

    fn offer(&mut self, c: Candidate) {
        if self.n == 0 || self.bar.is_some_and(|bar| rank_order(&c, &bar).is_gt()) {
            return;
        }
        self.best.push(c);
        if self.best.len() >= 2 * self.n.max(BATCH) {
            keep_best(&mut self.best, self.n);
            self.bar = self.best.iter().copied().max_by(rank_order);
        }
    }

    /// The best `n`, in no particular order.
    fn into_best(mut self) -> Vec<Candidate> {
        keep_best(&mut self.best, self.n);
        self.best
    }
}

pub(super) struct SegmentTop {
    segment: SegmentOrdinal,
    sections: SectionSchema,
    title_bonus: TitleBonus,
    columns: MatchColumns,
    pending: Vec<(DocId, Score)>,
    docs: Vec<DocId>,
    best: Best,
    tally: Tally,
}

impl SegmentTop {
    /// Reads the columns of the pending matches, counts them and keeps the best.
    fn flush(&mut self) {
        self.docs.clear();
        self.docs.extend(self.pending.iter().map(|p| p.0));
        let (keys, passages) = self.columns.read(&self.docs);
        for (i, &(doc, score)) in self.pending.iter().enumerate() {
            let key = keys[i];
            self.tally
                .add(self.sections.report_of_key(key), passages[i]);
            self.best.offer(Candidate {
                score: score + self.title_bonus.of_key(&self.sections, key),
                key,
                addr: DocAddress::new(self.segment, doc),
            });
        }
        self.pending.clear();
    }
}

impl Collector for TopAndTotals {
    type Fruit = (Vec<(Score, DocAddress)>, Totals);
    type Child = SegmentTop;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTop> {
        Ok(SegmentTop {
            segment,
            sections: self.sections.clone(),
            title_bonus: self.title_bonus.clone(),
            columns: self.columns.get(&self.sections, segment, reader)?,
            pending: Vec::with_capacity(BATCH),
            docs: Vec::with_capacity(BATCH),
            best: Best::new(self.n),
            tally: Tally::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(Vec<Candidate>, Tally)>,
    ) -> tantivy::Result<(Vec<(Score, DocAddress)>, Totals)> {
        let mut best = Vec::new();
        let mut tally = Tally::default();
        for (b, t) in fruits {
            best.extend(b);
            tally.merge(t);
        }
        keep_best(&mut best, self.n);
        best.sort_unstable_by(rank_order);
        Ok((
            best.into_iter().map(|c| (c.score, c.addr)).collect(),
            tally.totals(),
        ))
    }
}

impl SegmentCollector for SegmentTop {
    type Fruit = (Vec<Candidate>, Tally);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.pending.push((doc, score));
        if self.pending.len() == BATCH {
            self.flush();
        }
    }

    fn harvest(mut self) -> (Vec<Candidate>, Tally) {
        self.flush();
        self.tally.settle();
        (self.best.into_best(), self.tally)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(score: Score, key: u64, doc: u32) -> Candidate {
        Candidate {
            score,
            key,
            addr: DocAddress::new(0, doc),
        }
    }

    #[test]
    fn keeps_exactly_the_best_in_rank_order() {
        // Scores with many ties: the tie-break key decides among equal scores.
        let all: Vec<Candidate> = (0..2000u32)
            .map(|i| c((i % 7) as f32, u64::from((i * 7919) % 2000), i))
            .collect();
        let mut sorted = all.clone();
        sorted.sort_by(rank_order);
        for n in [0, 1, 10, 999, 2000, 3000] {
            let mut best = all.clone();
            keep_best(&mut best, n);
            best.sort_by(rank_order);
            let want: Vec<u32> = sorted.iter().take(n).map(|c| c.addr.doc_id).collect();
            assert_eq!(best.iter().map(|c| c.addr.doc_id).collect::<Vec<_>>(), want);
        }
        assert_eq!(sorted[0].score, 6.0);
        assert!(sorted.windows(2).all(|w| rank_order(&w[0], &w[1]).is_lt()));
    }

    #[test]
    fn offered_candidates_leave_exactly_the_best_and_the_bar_turns_the_rest_away() {
        // Scores with ties, offered in an order unrelated to rank, so the bar rises as it goes.
        let all: Vec<Candidate> = (0..5000u32)
            .map(|i| c(((i * 31) % 11) as f32, u64::from((i * 7919) % 5000), i))
            .collect();
        let mut sorted = all.clone();
        sorted.sort_by(rank_order);
        for n in [0, 1, 10, 300, 5000, 6000] {
            let mut best = Best::new(n);
            let mut most_held = 0;
            for &cand in &all {
                best.offer(cand);
                most_held = most_held.max(best.best.len());
            }
            assert!(most_held <= 2 * n.max(BATCH), "{n}: held {most_held}");
            if (1..=300).contains(&n) {
                // The bar is the n-th best of what was seen when last pruned: never better
                // than the true n-th best.
                let bar = best.bar.expect("pruned at least once");
                assert!(rank_order(&bar, &sorted[n - 1]).is_ge(), "{n}");
            }
            let mut kept = best.into_best();
            kept.sort_by(rank_order);
            let want: Vec<u32> = sorted.iter().take(n).map(|c| c.addr.doc_id).collect();
            assert_eq!(
                kept.iter().map(|c| c.addr.doc_id).collect::<Vec<_>>(),
                want,
                "{n}"
            );
        }
    }
}
