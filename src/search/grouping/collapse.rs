//! The collapsed view's hits in one streaming pass: the first N distinct passages in the order,
//! each with the other sections that hold it, and the totals of every match.
//!
//! It owns only how the default view (duplicates collapsed, no cap per report, at most
//! [`ONE_PASS_LIMIT`](crate::search) hits) is chosen without keeping every match; which hit stands
//! for a passage and how hits are ordered are the parent module's ([`Sort`], [`Match`]).
//!
//! **Why.** Choosing over a list of every match, grouped by passage in one map, ran on the calling
//! thread after the segments' searches: for 人民法院 at 1 GB (151,058 matches) grouping took a
//! fifth of the query, and in a fresh process the list and the map were 1,400 page faults.
//! Here each segment's search keeps, as it goes, only the passages that can still be among its
//! first N, and a compact note of each match (passage, section, score: 16 bytes, not 32).
//!
//! **Why it is the same choice.** A passage stands at its first match in the order. Each segment
//! keeps the first N passages of its own matches: a passage among the first N overall is among
//! the first N of the segment holding its first match, since every passage before it there is
//! before it overall. A segment keeps them with a bar: after each pruning to N, a match after
//! the N-th kept passage can neither be nor improve one of the first N, and the bar only moves
//! forward. The merged first N are then the same as over every match, and the other sections of
//! each come from the notes.

use std::cmp::Ordering;
use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::{collect_with_room, Match, SegmentColumns, Sort};
use crate::document::SectionSchema;
use crate::json::Totals;
use crate::search::totals::{ByU64Key, MatchColumnCache, Tally, COLUMN_BATCH};
use crate::search::TitleBonus;

/// The total order of matches: `sort`, then the section's address, so that a passage's first
/// match never depends on how the work was split.
fn order(sort: Sort, a: &Match, b: &Match) -> Ordering {
    sort.compare(a, b).then(a.addr.cmp(&b.addr))
}

/// A match as a segment notes it for the other places of the shown passages.
#[derive(Debug, Clone, Copy)]
pub(super) struct Note {
    passage: u64,
    doc: DocId,
    score: Score,
}

const _: () = assert!(std::mem::size_of::<Note>() == 16);

/// The first `n` distinct passages of the matches offered so far, each at its first match.
///
/// Passages gather in a map and are pruned to the first `n` once there are twice as many as
/// room allows; the `n`-th kept then is the bar, and a match at or after it is turned away with
/// one comparison (most matches of a common query are).
pub(super) struct Firsts {
    n: usize,
    sort: Sort,
    kept: HashMap<u64, Match, ByU64Key>,
    bar: Option<Match>,
}

impl Firsts {
    pub(super) fn new(n: usize, sort: Sort) -> Firsts {
        Firsts {
            n,
            sort,
            kept: HashMap::default(),
            bar: None,
        }
    }

    pub(super) fn offer(&mut self, m: Match) {
        if self.n == 0
            || self
                .bar
                .is_some_and(|bar| order(self.sort, &m, &bar).is_ge())
        {
            return;
        }
        let sort = self.sort;
        self.kept
            .entry(m.passage)
            .and_modify(|first| {
                if order(sort, &m, first).is_lt() {
                    *first = m;
                }
            })
            .or_insert(m);
        if self.kept.len() >= 2 * self.n.max(64) {
            let first = self.first_n();
            self.bar = first.iter().copied().max_by(|a, b| order(sort, a, b));
            self.kept = first.into_iter().map(|m| (m.passage, m)).collect();
        }
    }

    /// The first `n` kept passages, in no particular order.
    fn first_n(&mut self) -> Vec<Match> {
        let sort = self.sort;
        let mut all: Vec<Match> = self.kept.drain().map(|(_, m)| m).collect();
        if all.len() > self.n {
            all.select_nth_unstable_by(self.n - 1, |a, b| order(sort, a, b));
            all.truncate(self.n);
        }
        all
    }

    /// The first `n` passages, in no particular order.
    pub(super) fn into_firsts(mut self) -> Vec<Match> {
        self.first_n()
    }
}

/// The first `n` passages over several segments' [`Firsts`], in the order.
pub(super) fn merge_firsts(n: usize, sort: Sort, firsts: Vec<Vec<Match>>) -> Vec<Match> {
    let mut merged = Firsts::new(n, sort);
    for m in firsts.into_iter().flatten() {
        merged.offer(m);
    }
    let mut first = merged.into_firsts();
    first.sort_unstable_by(|a, b| order(sort, a, b));
    first
}

/// For each of `shown`, the other matches of its passage among the notes of each segment (in
/// segment order), completed by `complete` (segment, notes of it) and in the order.
pub(super) fn other_places(
    shown: &[Match],
    sort: Sort,
    notes: &[(SegmentOrdinal, Vec<Note>)],
    mut complete: impl FnMut(SegmentOrdinal, &[Note]) -> tantivy::Result<Vec<Match>>,
) -> tantivy::Result<Vec<Vec<Match>>> {
    let place: HashMap<u64, usize, ByU64Key> = shown
        .iter()
        .enumerate()
        .map(|(i, m)| (m.passage, i))
        .collect();
    // One bit per passage's low six bits: most notes are turned away without the map.
    let filter = shown.iter().fold(0u64, |f, m| f | 1 << (m.passage & 63));
    let mut also: Vec<Vec<Match>> = vec![Vec::new(); shown.len()];
    let mut found: Vec<Note> = Vec::new();
    for (segment, notes) in notes {
        found.clear();
        found.extend(notes.iter().filter(|note| {
            filter >> (note.passage & 63) & 1 == 1
                && place
                    .get(&note.passage)
                    .is_some_and(|&i| shown[i].addr != DocAddress::new(*segment, note.doc))
        }));
        if found.is_empty() {
            continue;
        }
        for m in complete(*segment, &found)? {
            also[place[&m.passage]].push(m);
        }
    }
    for list in &mut also {
        list.sort_by(|a, b| order(sort, a, b));
    }
    Ok(also)
}

/// Collects the first `n` passages of a query's matches, the notes of every match and the
/// totals, segment by segment.
pub(super) struct CollapsedTop {
    pub(super) n: usize,
    pub(super) sort: Sort,
    pub(super) sections: SectionSchema,
    pub(super) columns: MatchColumnCache,
    pub(super) title_bonus: TitleBonus,
}

/// What a collapsed search found: the first passages in the order, each segment's notes, and
/// the totals of every match.
pub(super) struct Collapsed {
    pub(super) first: Vec<Match>,
    pub(super) notes: Vec<(SegmentOrdinal, Vec<Note>)>,
    pub(super) totals: Totals,
}

pub(super) struct SegmentCollapsed {
    columns: SegmentColumns,
    pending: Vec<Match>,
    docs: Vec<DocId>,
    firsts: Firsts,
    notes: Vec<Note>,
    tally: Tally,
}

impl SegmentCollapsed {
    fn flush(&mut self) {
        self.columns.complete(&mut self.pending, &mut self.docs);
        for &m in &self.pending {
            self.tally
                .add(self.columns.sections.report_of_key(m.key), m.passage);
            self.notes.push(Note {
                passage: m.passage,
                doc: m.addr.doc_id,
                score: m.score,
            });
            self.firsts.offer(m);
        }
        self.pending.clear();
    }
}

impl CollapsedTop {
    /// The other matches of the shown passages, from the notes, completed from the columns.
    pub(super) fn other_places(
        &self,
        searcher: &tantivy::Searcher,
        found: &Collapsed,
    ) -> tantivy::Result<Vec<Vec<Match>>> {
        other_places(&found.first, self.sort, &found.notes, |segment, notes| {
            let reader = searcher.segment_reader(segment);
            // Notes hold scores with the title bonus in: none is added again.
            let columns = SegmentColumns::open(
                &self.sections,
                &self.columns,
                segment,
                reader,
                TitleBonus::default(),
                self.sort != Sort::Rank,
            )?;
            let mut out: Vec<Match> = notes
                .iter()
                .map(|n| Match::scored(n.score, DocAddress::new(segment, n.doc)))
                .collect();
            let mut docs = Vec::with_capacity(COLUMN_BATCH);
            for batch in out.chunks_mut(COLUMN_BATCH) {
                columns.complete(batch, &mut docs);
            }
            Ok(out)
        })
    }
}

impl Collector for CollapsedTop {
    type Fruit = Collapsed;
    type Child = SegmentCollapsed;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentCollapsed> {
        Ok(SegmentCollapsed {
            columns: SegmentColumns::open(
                &self.sections,
                &self.columns,
                segment,
                reader,
                self.title_bonus.clone(),
                self.sort != Sort::Rank,
            )?,
            pending: Vec::with_capacity(COLUMN_BATCH),
            docs: Vec::with_capacity(COLUMN_BATCH),
            firsts: Firsts::new(self.n, self.sort),
            notes: Vec::new(),
            tally: Tally::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// As tantivy's own, with room for the scorer's count of matches in the notes made first:
    /// growing a list of megabytes copies it into fresh pages.
    fn collect_segment(
        &self,
        weight: &dyn tantivy::query::Weight,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<(SegmentOrdinal, Vec<Match>, Vec<Note>, Tally)> {
        let collector = self.for_segment(segment, reader)?;
        collect_with_room(collector, weight, reader, |c, n| c.notes.reserve(n))
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(SegmentOrdinal, Vec<Match>, Vec<Note>, Tally)>,
    ) -> tantivy::Result<Collapsed> {
        let mut firsts = Vec::with_capacity(fruits.len());
        let mut notes = Vec::with_capacity(fruits.len());
        let mut tally = Tally::default();
        for (segment, first, segment_notes, segment_tally) in fruits {
            firsts.push(first);
            notes.push((segment, segment_notes));
            tally.merge(segment_tally);
        }
        Ok(Collapsed {
            first: merge_firsts(self.n, self.sort, firsts),
            notes,
            totals: tally.totals(),
        })
    }
}

impl SegmentCollector for SegmentCollapsed {
    type Fruit = (SegmentOrdinal, Vec<Match>, Vec<Note>, Tally);

    fn collect(&mut self, doc: DocId, score: Score) {
        self.pending.push(Match::scored(
            score,
            DocAddress::new(self.columns.segment, doc),
        ));
        if self.pending.len() == COLUMN_BATCH {
            self.flush();
        }
    }

    fn harvest(mut self) -> Self::Fruit {
        self.flush();
        (
            self.columns.segment,
            self.firsts.into_firsts(),
            self.notes,
            self.tally,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::grouping::NO_YEAR;

    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    /// Random matches over `segments` segments, with few distinct passages, scores and years,
    /// so that duplicates and ties in the sort are common.
    fn matches(rng: &mut Rng, segments: u32) -> Vec<Vec<Match>> {
        (0..segments)
            .map(|segment| {
                let mut doc = 0;
                (0..rng.below(400))
                    .map(|_| {
                        doc += 1 + rng.below(3) as u32;
                        Match {
                            score: rng.below(8) as f32 * 0.5,
                            year: [2019, 2020, NO_YEAR][rng.below(3) as usize],
                            key: rng.below(50),
                            passage: rng.below(90) * 0x9e37_79b9,
                            addr: DocAddress::new(segment, doc),
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn streaming_choice_equals_the_choice_over_every_match() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for round in 0..300 {
            let segments = 1 + (round % 4);
            let all = matches(&mut rng, segments);
            let sort = [Sort::Rank, Sort::Year, Sort::YearDescending][round as usize % 3];
            let n = [1, 3, 10, 70, 200][rng.below(5) as usize];

            // Over every match: each passage's first match, the first n of those, and each
            // one's other matches in the order.
            let every: Vec<Match> = all.iter().flatten().copied().collect();
            let mut stands: HashMap<u64, Match> = HashMap::new();
            for m in &every {
                let s = stands.entry(m.passage).or_insert(*m);
                if order(sort, m, s).is_lt() {
                    *s = *m;
                }
            }
            let mut expected: Vec<Match> = stands.into_values().collect();
            expected.sort_by(|a, b| order(sort, a, b));
            expected.truncate(n);

            // Streaming, segment by segment, as the collector does.
            let firsts = all
                .iter()
                .map(|segment| {
                    let mut f = Firsts::new(n, sort);
                    segment.iter().for_each(|&m| f.offer(m));
                    f.into_firsts()
                })
                .collect();
            let first = merge_firsts(n, sort, firsts);
            let key = |m: &Match| (m.addr, m.key, m.passage, m.score.to_bits(), m.year);
            assert_eq!(
                first.iter().map(key).collect::<Vec<_>>(),
                expected.iter().map(key).collect::<Vec<_>>(),
                "round {round}: the first {n} passages"
            );

            let notes: Vec<(SegmentOrdinal, Vec<Note>)> = all
                .iter()
                .enumerate()
                .map(|(s, ms)| {
                    let notes = ms
                        .iter()
                        .map(|m| Note {
                            passage: m.passage,
                            doc: m.addr.doc_id,
                            score: m.score,
                        })
                        .collect();
                    (s as SegmentOrdinal, notes)
                })
                .collect();
            let also = other_places(&first, sort, &notes, |segment, notes| {
                Ok(notes
                    .iter()
                    .map(|n| {
                        *all[segment as usize]
                            .iter()
                            .find(|m| m.addr.doc_id == n.doc)
                            .expect("a noted match")
                    })
                    .collect())
            })
            .expect("no column to fail");
            for (shown, also) in first.iter().zip(&also) {
                let mut others: Vec<Match> = every
                    .iter()
                    .filter(|m| m.passage == shown.passage && m.addr != shown.addr)
                    .copied()
                    .collect();
                others.sort_by(|a, b| sort.compare(a, b));
                assert_eq!(
                    also.iter().map(key).collect::<Vec<_>>(),
                    others.iter().map(key).collect::<Vec<_>>(),
                    "round {round}: the other places of a shown passage"
                );
            }
        }
    }
}
