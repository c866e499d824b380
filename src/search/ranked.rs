//! The ranked query: the sections a required query matches, each scored by its own score plus
//! the scores of the optional queries that also match it.
//!
//! It owns only how optional score parts are added to required matches; which parts there are
//! is the ranking's business (the parent module), and it knows nothing of fields or grams.
//!
//! **Why not a tantivy `BooleanQuery` with `Should` clauses.** tantivy scores `Should` clauses
//! beside a `Must` through a buffered union: on each required section it scores every section of
//! every optional posting list in a window of 4,096 doc ids. A rare term's sections are far
//! apart, while its optional parts (the words of its segmentation, such as 中 or 和) hold most
//! sections, so nearly all the work went to sections that did not match (perf, 碳中和 on 1 GB:
//! 60% in the union's refill and term scoring). Here each optional scorer is moved to the
//! required section with its skip list and scored there only.
//!
//! Where the required sections are dense (one in [`DENSE_EVERY`] of a segment's or more, as for
//! 水 or 房), the union's bulk scoring of whole windows is cheaper than a seek per section and
//! clause (水 was 14% slower with seeks), so such a segment is scored the union's way. Both ways
//! give the same scores, bit for bit.
//!
//! **Shared parts.** A constant bonus where every one of some other optional parts matches (the
//! whole-word bonus: the section holds every word of the term) is a [`Part::WhenAll`] over those
//! parts. Scored by seeks, it costs nothing: the parts' own scorers already stand on the section
//! or not. (As a scorer of its own it read the same posting lists a second time: a tenth of a
//! common word's query.) Through the union it is a constant-score intersection of the parts.

use std::ops::Range;
use std::sync::Arc;

use tantivy::query::{
    BooleanWeight, ConstScoreQuery, EnableScoring, Explanation, Occur, Query,
    RequiredOptionalScorer, Scorer, SumCombiner, Weight,
};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

use super::matching::all_of;

/// A segment whose required sections number at least its doc count over this is scored
/// through a union of the optional parts instead of a seek per section.
const DENSE_EVERY: u64 = 32;

/// One optional score part of a [`Ranked`] query.
#[derive(Debug)]
pub(crate) enum Part {
    /// The query's own score, where it matches.
    Query(Box<dyn Query>),
    /// `score` where every one of `parts` matches: indexes into the same list, each of a
    /// [`Part::Query`].
    WhenAll { parts: Range<usize>, score: Score },
}

impl Clone for Part {
    fn clone(&self) -> Part {
        match self {
            Part::Query(q) => Part::Query(q.box_clone()),
            Part::WhenAll { parts, score } => Part::WhenAll {
                parts: parts.clone(),
                score: *score,
            },
        }
    }
}

/// Sections matching `required`, scored by its score plus the score of each of `optional` that
/// matches the section too, in the order listed.
#[derive(Debug)]
pub(crate) struct Ranked {
    required: Box<dyn Query>,
    optional: Vec<Part>,
}

impl Clone for Ranked {
    fn clone(&self) -> Ranked {
        Ranked {
            required: self.required.box_clone(),
            optional: self.optional.clone(),
        }
    }
}

impl Ranked {
    /// Panics if a [`Part::WhenAll`] names a part that is not a [`Part::Query`] of the list.
    pub(crate) fn new(required: Box<dyn Query>, optional: Vec<Part>) -> Ranked {
        for part in &optional {
            if let Part::WhenAll { parts, .. } = part {
                assert!(
                    parts
                        .clone()
                        .all(|i| matches!(optional.get(i), Some(Part::Query(_)))),
                    "a shared part names query parts of the same list"
                );
            }
        }
        Ranked { required, optional }
    }

    /// Each part as a query of its own: a shared part as the constant-score intersection of
    /// the parts it names.
    fn part_queries(&self) -> Vec<Box<dyn Query>> {
        self.optional
            .iter()
            .map(|part| match part {
                Part::Query(q) => q.box_clone(),
                Part::WhenAll { parts, score } => {
                    let all = parts
                        .clone()
                        .map(|i| match &self.optional[i] {
                            Part::Query(q) => q.box_clone(),
                            Part::WhenAll { .. } => unreachable!("checked by Ranked::new"),
                        })
                        .collect();
                    Box::new(ConstScoreQuery::new(all_of(all), *score)) as Box<dyn Query>
                }
            })
            .collect()
    }
}

impl Query for Ranked {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let required = self.required.weight(scoring)?;
        if !scoring.is_scoring_enabled() || self.optional.is_empty() {
            // Without scoring the optional parts change nothing.
            return Ok(required);
        }
        let optional: Vec<Arc<dyn Weight>> = self
            .part_queries()
            .iter()
            .map(|q| q.weight(scoring).map(Arc::from))
            .collect::<tantivy::Result<_>>()?;
        // Scored by seeks, a shared part is worked out from the parts it names.
        let shared: Vec<Option<(Range<usize>, Score)>> = self
            .optional
            .iter()
            .map(|part| match part {
                Part::Query(_) => None,
                Part::WhenAll { parts, score } => Some((parts.clone(), *score)),
            })
            .collect();
        // The union of the optional parts, as tantivy's BooleanQuery builds it for `Should`
        // clauses beside a `Must`.
        let union = BooleanWeight::with_minimum_number_should_match(
            optional
                .iter()
                .map(|w| {
                    (
                        Occur::Should,
                        Box::new(Shared(w.clone())) as Box<dyn Weight>,
                    )
                })
                .collect(),
            1,
            true,
            Box::new(SumCombiner::default),
        );
        Ok(Box::new(RankedWeight {
            required,
            optional,
            shared,
            union: Box::new(union),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a tantivy::Term, bool)) {
        self.required.query_terms(visitor);
        for part in &self.optional {
            if let Part::Query(q) = part {
                q.query_terms(visitor);
            }
        }
    }
}

/// A weight used in two places: by the seeking scorer and inside the union.
struct Shared(Arc<dyn Weight>);

impl Weight for Shared {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.0.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.0.count(reader)
    }
}

/// Whether `required` sections of a segment of `max_doc` are dense enough for the union.
fn dense(required: u32, max_doc: u32) -> bool {
    u64::from(required) * DENSE_EVERY >= u64::from(max_doc)
}

struct RankedWeight {
    required: Box<dyn Weight>,
    /// One weight per part (a shared part's as its own intersection, for the union and
    /// `explain`).
    optional: Vec<Arc<dyn Weight>>,
    /// Per part: for a shared part, the parts it names and its score.
    shared: Vec<Option<(Range<usize>, Score)>>,
    union: Box<dyn Weight>,
}

impl Weight for RankedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let required = self.required.scorer(reader, boost)?;
        if dense(required.size_hint(), reader.max_doc()) {
            return Ok(Box::new(RequiredOptionalScorer::<_, _, SumCombiner>::new(
                required,
                self.union.scorer(reader, boost)?,
            )));
        }
        let optional = self
            .optional
            .iter()
            .zip(&self.shared)
            .map(|(w, shared)| match shared {
                None => w.scorer(reader, boost).map(Optional::Scorer),
                // As a constant-score query's scorer scales its score.
                Some((parts, score)) => Ok(Optional::WhenAll {
                    parts: parts.clone(),
                    score: boost * *score,
                }),
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        let here = vec![false; optional.len()];
        Ok(Box::new(RankedScorer {
            required,
            optional,
            here,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "section {doc} does not match"
            )));
        }
        let mut explanation = Explanation::new("required plus matching optional", scorer.score());
        explanation.add_detail(self.required.explain(reader, doc)?);
        for w in &self.optional {
            if let Ok(e) = w.explain(reader, doc) {
                explanation.add_detail(e);
            }
        }
        Ok(explanation)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.required.count(reader)
    }
}

/// An optional part as the seeking scorer scores it.
enum Optional {
    Scorer(Box<dyn Scorer>),
    WhenAll { parts: Range<usize>, score: Score },
}

struct RankedScorer {
    required: Box<dyn Scorer>,
    optional: Vec<Optional>,
    /// Per part, whether it matches the current section (scratch of `score`).
    here: Vec<bool>,
}

impl DocSet for RankedScorer {
    fn advance(&mut self) -> DocId {
        self.required.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.required.seek(target)
    }

    fn doc(&self) -> DocId {
        self.required.doc()
    }

    fn size_hint(&self) -> u32 {
        self.required.size_hint()
    }

    fn cost(&self) -> u64 {
        self.required.cost()
    }
}

impl Scorer for RankedScorer {
    fn score(&mut self) -> Score {
        let doc = self.required.doc();
        if doc == TERMINATED {
            return 0.0;
        }
        // First which parts match, then their scores, summed in the order tantivy's union summed
        // them, so scores are bit for bit the same.
        for (part, here) in self.optional.iter_mut().zip(self.here.iter_mut()) {
            *here = match part {
                Optional::Scorer(scorer) => {
                    let at = if scorer.doc() < doc {
                        scorer.seek(doc)
                    } else {
                        scorer.doc()
                    };
                    at == doc
                }
                Optional::WhenAll { .. } => false,
            };
        }
        let mut optional: Score = 0.0;
        for (i, part) in self.optional.iter_mut().enumerate() {
            match part {
                Optional::Scorer(scorer) if self.here[i] => optional += scorer.score(),
                Optional::WhenAll { parts, score } if parts.clone().all(|j| self.here[j]) => {
                    optional += *score
                }
                _ => {}
            }
        }
        self.required.score() + optional
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{doc, Index, Term};

    /// Scores equal those of a `BooleanQuery` with the optional parts as `Should` clauses (a
    /// shared part as a constant-score intersection), and the matches are exactly the required
    /// ones.
    #[test]
    fn scores_as_a_boolean_query_with_should_clauses() {
        let mut b = Schema::builder();
        let text = b.add_text_field("text", TEXT);
        let index = Index::create_in_ram(b.build());
        let mut writer = index.writer_with_num_threads(1, 20_000_000).unwrap();
        let filler = ["x", "y", "z"];
        for i in 0..5_000u32 {
            // a is rare; b and c are common and far from a's sections; d appears nowhere.
            let mut t = String::new();
            if i % 997 == 0 {
                t.push_str("a a ");
            }
            if i % 3 != 0 {
                t.push_str("b ");
            }
            if i % 2 == 0 {
                t.push_str("c c c ");
            }
            t.push_str(filler[(i % 3) as usize]);
            writer.add_document(doc!(text => t)).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = |w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(text, w),
                IndexRecordOption::WithFreqs,
            ))
        };
        // Each optional part: a word's own score, or a bonus where all of some words are.
        enum P {
            Word(&'static str),
            All(Range<usize>, Score),
        }
        let as_should = |parts: &[P], k: usize| -> Box<dyn Query> {
            match &parts[k] {
                P::Word(w) => term(w),
                P::All(range, score) => {
                    let all = range
                        .clone()
                        .map(|i| match parts[i] {
                            P::Word(w) => (Occur::Must, term(w)),
                            P::All(..) => unreachable!(),
                        })
                        .collect();
                    Box::new(ConstScoreQuery::new(
                        Box::new(BooleanQuery::new(all)),
                        *score,
                    ))
                }
            }
        };
        let as_part = |parts: &[P], k: usize| match &parts[k] {
            P::Word(w) => Part::Query(term(w)),
            P::All(range, score) => Part::WhenAll {
                parts: range.clone(),
                score: *score,
            },
        };
        // A rare required term (scored by seeks) and a dense one (scored through the union).
        for (required, optional, matching) in [
            (
                "a",
                vec![
                    P::All(1..3, 100.0),
                    P::Word("b"),
                    P::Word("c"),
                    P::All(2..3, 7.0),
                    P::Word("d"),
                ],
                6,
            ),
            (
                "b",
                vec![
                    P::Word("a"),
                    P::Word("c"),
                    P::All(1..2, 100.0),
                    P::Word("d"),
                    P::All(0..2, 9.0),
                ],
                3333,
            ),
        ] {
            let boolean = BooleanQuery::new(
                std::iter::once((Occur::Must, term(required)))
                    .chain((0..optional.len()).map(|k| (Occur::Should, as_should(&optional, k))))
                    .collect(),
            );
            let parts = (0..optional.len()).map(|k| as_part(&optional, k));
            let ranked = Ranked::new(term(required), parts.collect());
            let top = TopDocs::with_limit(5_000).order_by_score();
            let want = searcher.search(&boolean, &top).unwrap();
            let got = searcher.search(&ranked, &top).unwrap();
            assert_eq!(
                got.len(),
                matching,
                "the sections holding {required}, and only those"
            );
            assert_eq!(got, want, "required {required}");
            // Some hold the optional terms, some not: they did change scores. Some sections
            // earn a bonus and some do not.
            assert!(got.iter().any(|w| w.0 != got[0].0));
            assert!(got.iter().any(|w| w.0 >= 100.0) && got.iter().any(|w| w.0 < 100.0));
            // Each way of scoring is the one this case takes.
            assert_eq!(dense(matching as u32, 5_000), required == "b");
        }
    }
}
