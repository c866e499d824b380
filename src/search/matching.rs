//! Matching: the queries that find a normalised string as a substring.
//!
//! A form of n ≥ 2 characters is found through a tiling of its grams at their character
//! offsets (see [`crate::analysis`] for what a gram and a position are); a lone character is a
//! prefix over the grams. Section bodies are matched on the gram index
//! ([`crate::index::grams`]) by [`BodyQuery`]; headings, titles and bodies' names on tantivy gram
//! fields by [`substring_query`]. This module knows nothing of the query language; the only
//! ranking it does is the BM25 of a body match, which [`BodyQuery`] reports as its score.

use std::ops::Range;

use tantivy::query::{
    AutomatonWeight, BooleanQuery, EmptyQuery, EnableScoring, Explanation, Occur,
    PhrasePrefixQuery, PhraseQuery, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, Term, TERMINATED};

use crate::analysis::{gram_key_of, grams_of, grams_starting_with, Normalized};
use crate::index::grams::{GramPostings, GramSegment};

pub(crate) fn any_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.pop().expect("one query");
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

pub(crate) fn all_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.pop().expect("one query");
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Must, q)).collect(),
    ))
}

/// The query matching sections whose normalised text contains `form` (normalised, non-empty).
pub fn substring_query(field: Field, form: &Normalized) -> Box<dyn Query> {
    let grams = tiling(grams_of(form));
    let term = |t: &str| Term::from_field_text(field, t);
    // grams_of ends with a one-character gram only for a character standing alone at the end
    // (after a space, or the whole form); in the text it may be followed by anything.
    let last_is_lone = grams
        .last()
        .is_some_and(|(p, g)| g.chars().count() == 1 && *p + 1 == form.chars().count());
    match grams.len() {
        0 => Box::new(EmptyQuery),
        1 if last_is_lone => prefix_query(field, &grams[0].1),
        1 => Box::new(TermQuery::new(
            term(&grams[0].1),
            IndexRecordOption::WithFreqs,
        )),
        _ => {
            let terms: Vec<(usize, Term)> = grams.iter().map(|(p, g)| (*p, term(g))).collect();
            if last_is_lone {
                let mut q = PhrasePrefixQuery::new_with_offset(terms);
                q.set_max_expansions(u32::MAX);
                Box::new(q)
            } else {
                Box::new(PhraseQuery::new_with_offset(terms))
            }
        }
    }
}

/// The fewest of a form's grams that still cover every character: since positions are character
/// offsets, bigrams at 0, 2, 4, … (plus the last one when the length is odd) pin the whole
/// string exactly, with half the terms for the phrase to intersect.
pub(crate) fn tiling(grams: Vec<(usize, String)>) -> Vec<(usize, String)> {
    let mut kept = Vec::with_capacity(grams.len() / 2 + 1);
    let mut covered = 0;
    for (i, (p, g)) in grams.iter().enumerate() {
        let end = p + g.chars().count();
        let last_of_run = grams.get(i + 1).is_none_or(|(next, _)| *next != p + 1);
        // A lone character's gram also says that a space or the end follows: always kept.
        let lone = end == p + 1;
        if lone || *p >= covered || (last_of_run && end > covered) {
            kept.push((*p, g.clone()));
            covered = end;
        }
    }
    kept
}

/// Every gram starting with the single character `c`: the bigrams `cX` and `c` alone.
fn prefix_query(field: Field, c: &str) -> Box<dyn Query> {
    Box::new(PrefixQuery::new(field, c))
}

/// The sections holding a term of `field` that starts with `prefix`, byte for byte, each with a
/// constant score, as tantivy's `RegexQuery` for `prefix.*` finds them. That one compiled its
/// pattern into a Unicode automaton for every query: about 0.2 ms a field, most of a
/// one-character query's fixed cost (`龘` took 0.81 ms in-process at 1 GB, `龘龘` 0.14 ms).
#[derive(Debug, Clone)]
pub(crate) struct PrefixQuery {
    field: Field,
    prefix: BytePrefix,
}

impl PrefixQuery {
    pub(crate) fn new(field: Field, prefix: &str) -> PrefixQuery {
        PrefixQuery {
            field,
            prefix: BytePrefix(prefix.as_bytes().into()),
        }
    }
}

impl Query for PrefixQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(AutomatonWeight::new(
            self.field,
            self.prefix.clone(),
        )))
    }
}

/// The automaton of the terms that start with some bytes. Its state is how many of them the
/// term has matched so far, or `None` once one differed.
#[derive(Debug, Clone)]
struct BytePrefix(Box<[u8]>);

impl tantivy_fst::Automaton for BytePrefix {
    type State = Option<usize>;

    fn start(&self) -> Option<usize> {
        Some(0)
    }

    fn is_match(&self, state: &Option<usize>) -> bool {
        *state == Some(self.0.len())
    }

    fn can_match(&self, state: &Option<usize>) -> bool {
        state.is_some()
    }

    fn will_always_match(&self, state: &Option<usize>) -> bool {
        self.is_match(state)
    }

    fn accept(&self, state: &Option<usize>, byte: u8) -> Option<usize> {
        match *state {
            Some(n) if n == self.0.len() => Some(n),
            Some(n) if self.0[n] == byte => Some(n + 1),
            _ => None,
        }
    }
}

/// The gram keys that pin a form in a body: exact grams at their offsets in the form, and
/// at most one prefix (a character standing alone at the end, which in the text may be
/// followed by anything: any gram starting with it).
///
/// `others` are the form's remaining grams, each also at its offset in every occurrence (they
/// overlap the tiling's): redundant for matching and left out of the score, but one of them may
/// be much rarer than every gram of the tiling (字政 in 数字政府, 政许 in 行政许可), and then it
/// proposes the sections to look at.
#[derive(Debug, Clone, PartialEq)]
struct Plan {
    exact: Vec<(u32, u64)>,
    prefix: Option<(u32, Range<u64>)>,
    others: Vec<(u32, u64)>,
}

impl Plan {
    fn of(form: &Normalized) -> Plan {
        let n = form.chars().count();
        let all = grams_of(form);
        let mut exact = Vec::new();
        let mut prefix = None;
        let tiled = tiling(all.clone());
        for (p, g) in &tiled {
            let mut chars = g.chars();
            let first = chars.next().expect("a gram has a character");
            if chars.next().is_none() && p + 1 == n {
                prefix = Some((*p as u32, grams_starting_with(first)));
            } else {
                exact.push((*p as u32, gram_key_of(g)));
            }
        }
        // Lone characters are always in the tiling, so the others are bigrams, exact in the text.
        let others = all
            .iter()
            .filter(|(p, _)| !tiled.iter().any(|(q, _)| q == p))
            .map(|(p, g)| (*p as u32, gram_key_of(g)))
            .collect();
        Plan {
            exact,
            prefix,
            others,
        }
    }
}

/// Sections whose normalised body contains a form, on the gram index; scored, when scoring is
/// on, by BM25 of the form's occurrences: the sum of its grams' idf, the number of times the
/// form occurs, and the section's length in grams against the exact average of the live
/// sections.
#[derive(Debug, Clone)]
pub struct BodyQuery {
    form: Normalized,
}

impl BodyQuery {
    /// The query for a normalised, non-empty form.
    pub fn new(form: Normalized) -> BodyQuery {
        BodyQuery { form }
    }
}

/// BM25's term-frequency saturation and length normalisation (tantivy's values).
const K1: f32 = 1.2;
const B: f32 = 0.75;

impl Query for BodyQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let plan = Plan::of(&self.form);
        let bm25 = match scoring {
            EnableScoring::Enabled { searcher, .. } => Some(Bm25::of(searcher, &plan)?),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(Box::new(BodyWeight { plan, bm25 }))
    }
}

/// The statistics of one form over the whole index.
#[derive(Debug, Clone, Copy)]
struct Bm25 {
    idf: f32,
    average_len: f32,
}

impl Bm25 {
    fn of(searcher: &Searcher, plan: &Plan) -> tantivy::Result<Bm25> {
        let mut sections = 0u64;
        let mut grams = 0u64;
        let mut counts = vec![0u64; plan.exact.len() + 1];
        for reader in searcher.segment_readers() {
            let segment = GramSegment::open(reader)?;
            sections += u64::from(reader.num_docs());
            grams += segment.live_total(reader.alive_bitset());
            for (i, &(_, key)) in plan.exact.iter().enumerate() {
                counts[i] += segment
                    .find(key)
                    .map_or(0, |g| u64::from(segment.section_count(g)));
            }
            if let Some((_, keys)) = &plan.prefix {
                counts[plan.exact.len()] += segment
                    .range(keys.clone())
                    .map(|g| u64::from(segment.section_count(g)))
                    .sum::<u64>();
            }
        }
        let n = sections.max(1) as f32;
        let idf_of = |df: u64| {
            let df = (df as f32).min(n);
            (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
        };
        let mut idf: f32 = counts[..plan.exact.len()].iter().map(|&c| idf_of(c)).sum();
        if plan.prefix.is_some() {
            idf += idf_of(counts[plan.exact.len()]);
        }
        Ok(Bm25 {
            idf,
            average_len: (grams as f32 / n).max(1.0),
        })
    }

    fn score(&self, count: u32, len: u32) -> Score {
        let tf = count as f32;
        let norm = K1 * (1.0 - B + B * len as f32 / self.average_len);
        self.idf * tf * (K1 + 1.0) / (tf + norm)
    }
}

struct BodyWeight {
    plan: Plan,
    bm25: Option<Bm25>,
}

impl BodyWeight {
    fn matches(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Vec<(DocId, Score)>> {
        let segment = GramSegment::open(reader)?;
        let found = body_matches(&segment, &self.plan);
        Ok(found
            .into_iter()
            .map(|(doc, count)| {
                let score = self
                    .bm25
                    .map_or(1.0, |b| b.score(count, segment.section_len(doc)));
                (doc, score * boost)
            })
            .collect())
    }
}

impl Weight for BodyWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ListScorer::new(self.matches(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let found = self.matches(reader, 1.0)?;
        match found.binary_search_by_key(&doc, |m| m.0) {
            Ok(i) => Ok(Explanation::new("body gram match (BM25)", found[i].1)),
            Err(_) => Err(tantivy::TantivyError::InvalidArgument(format!(
                "section {doc} does not match"
            ))),
        }
    }
}

/// Matches of one segment, already scored, as a scorer.
struct ListScorer {
    found: Vec<(DocId, Score)>,
    at: usize,
}

impl ListScorer {
    fn new(found: Vec<(DocId, Score)>) -> ListScorer {
        ListScorer { found, at: 0 }
    }
}

impl DocSet for ListScorer {
    fn advance(&mut self) -> DocId {
        self.at = (self.at + 1).min(self.found.len());
        self.doc()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc() >= target {
            return self.doc();
        }
        self.at += self.found[self.at..].partition_point(|m| m.0 < target);
        self.doc()
    }

    fn doc(&self) -> DocId {
        self.found.get(self.at).map_or(TERMINATED, |m| m.0)
    }

    fn size_hint(&self) -> u32 {
        (self.found.len() - self.at) as u32
    }
}

impl Scorer for ListScorer {
    fn score(&mut self) -> Score {
        self.found.get(self.at).map_or(0.0, |m| m.1)
    }
}

/// The sections of a segment (deleted ones included) whose body holds the planned form, with
/// how often it occurs in each, in doc id order.
fn body_matches(segment: &GramSegment, plan: &Plan) -> Vec<(DocId, u32)> {
    matches_in(segment, plan, true).0
}

/// [`body_matches`], with a proposer from `plan.others` allowed or not; also says whether one
/// proposed the sections.
fn matches_in(
    segment: &GramSegment,
    plan: &Plan,
    allow_proposer: bool,
) -> (Vec<(DocId, u32)>, bool) {
    if plan.exact.is_empty() {
        let found = match &plan.prefix {
            Some((_, keys)) => prefix_counts(segment, keys.clone()),
            None => Vec::new(),
        };
        return (found, false);
    }
    // The grams' cursors, the rarest first: it proposes sections, the others confirm them.
    let mut grams = Vec::with_capacity(plan.exact.len());
    for &(offset, key) in &plan.exact {
        let Some(g) = segment.find(key) else {
            return (Vec::new(), false);
        };
        grams.push((segment.section_count(g), offset, segment.postings(g)));
    }
    grams.sort_by_key(|g| g.0);
    // A gram outside the tiling proposes the sections when it is in at most half as many as
    // the tiling's rarest: it adds a seek to each section it proposes, and a small gain does
    // not pay for that. Its positions are not needed, since the tiling alone pins every
    // occurrence.
    let others: &[(u32, u64)] = if allow_proposer { &plan.others } else { &[] };
    let mut proposer = None;
    for &(_, key) in others {
        let Some(g) = segment.find(key) else {
            return (Vec::new(), false);
        };
        let count = segment.section_count(g);
        if proposer.as_ref().is_none_or(|(c, _)| count < *c) {
            proposer = Some((count, g));
        }
    }
    let proposer = proposer.filter(|&(count, _)| u64::from(count) * 2 <= u64::from(grams[0].0));
    // At most every section the proposing gram is in matches: room for that many up front
    // costs no page until written, while growing the list would copy it into fresh pages.
    let most = proposer.map_or(grams[0].0, |(count, _)| count);
    let mut proposer = proposer.map(|(_, g)| segment.postings(g));
    let proposed = proposer.is_some();
    let needs_positions = grams.len() > 1 || plan.prefix.is_some();
    let mut candidates: Vec<(DocId, Vec<u32>)> = Vec::new();
    let mut found = Vec::with_capacity(most as usize);
    let (mut starts, mut positions) = (Vec::new(), Vec::new());
    'sections: loop {
        let (first, rest) = grams.split_first_mut().expect("at least one gram");
        let doc = match proposer.as_mut() {
            Some(p) => {
                // Leapfrog: each cursor seeks to where the other stands until both agree.
                let mut doc = p.advance();
                loop {
                    if doc == TERMINATED {
                        break 'sections;
                    }
                    let at = first.2.seek(doc);
                    if at == doc {
                        break doc;
                    }
                    if at == TERMINATED {
                        break 'sections;
                    }
                    doc = p.seek(at);
                }
            }
            None => first.2.advance(),
        };
        if doc == TERMINATED {
            break;
        }
        for other in rest.iter_mut() {
            let at = other.2.seek(doc);
            if at == TERMINATED {
                break 'sections;
            }
            if at != doc {
                continue 'sections;
            }
        }
        if !needs_positions {
            found.push((doc, first.2.count()));
            continue;
        }
        // Start offsets of the form where every gram sits at its own offset from the start.
        positions.clear();
        first.2.positions_into(&mut positions);
        starts.clear();
        starts.extend(positions.iter().filter_map(|&p| p.checked_sub(first.1)));
        for other in rest.iter_mut() {
            positions.clear();
            other.2.positions_into(&mut positions);
            keep_aligned(&mut starts, &positions, other.1);
            if starts.is_empty() {
                continue 'sections;
            }
        }
        if plan.prefix.is_some() {
            candidates.push((doc, std::mem::take(&mut starts)));
        } else {
            found.push((doc, starts.len() as u32));
        }
    }
    if let Some((offset, keys)) = &plan.prefix {
        // Where the last character stands, in each candidate: the positions of every gram
        // starting with it.
        let mut at_char: Vec<Vec<u32>> = vec![Vec::new(); candidates.len()];
        for g in segment.range(keys.clone()) {
            let mut cursor = segment.postings(g);
            let mut i = 0;
            while i < candidates.len() {
                let doc = cursor.seek(candidates[i].0);
                if doc == TERMINATED {
                    break;
                }
                i += candidates[i..].partition_point(|c| c.0 < doc);
                if i < candidates.len() && candidates[i].0 == doc {
                    cursor.positions_into(&mut at_char[i]);
                    i += 1;
                }
            }
        }
        for ((doc, mut starts), mut positions) in candidates.into_iter().zip(at_char) {
            positions.sort_unstable();
            keep_aligned(&mut starts, &positions, *offset);
            if !starts.is_empty() {
                found.push((doc, starts.len() as u32));
            }
        }
    }
    (found, proposed)
}

/// Keeps the starts `s` (sorted) for which `s + offset` is in `positions` (sorted).
fn keep_aligned(starts: &mut Vec<u32>, positions: &[u32], offset: u32) {
    let mut j = 0;
    starts.retain(|&s| {
        let want = s.saturating_add(offset);
        while j < positions.len() && positions[j] < want {
            j += 1;
        }
        j < positions.len() && positions[j] == want
    });
}

/// Sections holding any gram in `keys` (one character, alone or followed by anything), with
/// how often the character occurs.
fn prefix_counts(segment: &GramSegment, keys: Range<u64>) -> Vec<(DocId, u32)> {
    let grams = segment.range(keys);
    if grams.len() == 1 {
        let mut cursor = segment.postings(grams.start);
        let mut found = Vec::new();
        while cursor.advance() != TERMINATED {
            found.push((cursor.doc(), cursor.count()));
        }
        return found;
    }
    // A union of many cursors (水 has one per following character), counted a window of
    // sections at a time: the window's counts stay in cache, and no array of the segment's size
    // is allocated (in a fresh process each page of one is a page fault).
    let mut cursors: Vec<GramPostings> = grams
        .map(|g| segment.postings(g))
        .filter_map(|mut c| (c.advance() != TERMINATED).then_some(c))
        .collect();
    let mut counts = vec![0u32; PREFIX_WINDOW as usize];
    let mut found = Vec::new();
    while let Some(first) = cursors.iter().map(|c| c.doc()).min() {
        let base = first / PREFIX_WINDOW * PREFIX_WINDOW;
        let end = base + PREFIX_WINDOW;
        for cursor in &mut cursors {
            let mut doc = cursor.doc();
            while doc < end {
                counts[(doc - base) as usize] += cursor.count();
                doc = cursor.advance();
            }
        }
        cursors.retain(|c| c.doc() != TERMINATED);
        for (i, count) in counts.iter_mut().enumerate() {
            if *count > 0 {
                found.push((base + i as DocId, *count));
                *count = 0;
            }
        }
    }
    found
}

/// Sections counted at a time by [`prefix_counts`]: 64 KiB of counts.
#[cfg(not(test))]
const PREFIX_WINDOW: DocId = 1 << 14;
/// In tests, small, so that the test indexes' few hundred sections span several windows.
#[cfg(test)]
const PREFIX_WINDOW: DocId = 48;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Normalizer;

    #[test]
    fn phrases_use_a_tiling_of_non_overlapping_bigrams() {
        let t = |s: &str| {
            tiling(grams_of(&Normalizer::new().normalize(s)))
                .into_iter()
                .map(|(p, g)| format!("{p}{g}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(t("人民法院"), ["0人民", "2法院"]);
        assert_eq!(t("法律顾问制"), ["0法律", "2顾问", "3问制"]);
        assert_eq!(t("律顾"), ["0律顾"]);
        assert_eq!(t("ai 模型"), ["0ai", "1i", "3模型"]);
        assert_eq!(t("a b"), ["0a", "2b"]);
    }

    use std::collections::BTreeSet;

    use tantivy::collector::{DocSetCollector, TopDocs};
    use tantivy::schema::Value;
    use tantivy::{Index, TantivyDocument};

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// Texts over a small alphabet (so every form occurs often), normalised.
    fn texts(rng: &mut Rng, n: usize) -> Vec<Normalized> {
        let alphabet = ['法', '律', '顾', '问', 'a', 'b', ' '];
        let normalizer = Normalizer::new();
        (0..n)
            .map(|_| {
                let len = rng.below(80);
                let s: String = (0..len)
                    .map(|_| alphabet[rng.below(alphabet.len())])
                    .collect();
                normalizer.normalize(&s)
            })
            .collect()
    }

    /// An index of `texts` in three segments; the sections whose id is in `deleted` are deleted
    /// after the commits, and when `merge` the segments are merged into one.
    fn index_of(texts: &[Normalized], deleted: &[u64], merge: bool) -> Index {
        let texts: Vec<&str> = texts.iter().map(|t| t.as_str()).collect();
        let (index, mut writer) =
            crate::index::grams::test_support::three_segments(&texts, deleted);
        if merge {
            let ids = index.searchable_segment_ids().unwrap();
            writer.merge(&ids).wait().unwrap();
        }
        writer.wait_merging_threads().unwrap();
        index
    }

    /// The prefix query finds exactly the documents tantivy's regex query `prefix.*` finds, in
    /// a raw-term field and in a gram field, for prefixes with and without terms, ASCII
    /// punctuation (which a regex would read as syntax) and prefixes of several characters.
    #[test]
    fn prefix_queries_find_what_the_regex_finds() {
        use tantivy::collector::DocSetCollector;
        use tantivy::query::RegexQuery;
        use tantivy::schema::{Schema, STRING};
        let mut b = Schema::builder();
        let raw = b.add_text_field("raw", STRING);
        let index = Index::create_in_ram(b.build());
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15 << 20).unwrap();
        let terms = [
            "云南省人民政府",
            "云南省",
            "人民政府",
            "水利厅",
            "水",
            "水a",
            "a.b",
            "a+b",
            "ab",
            "房",
        ];
        for t in terms {
            writer.add_document(tantivy::doc!(raw => t)).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        for prefix in [
            "云南省",
            "人民",
            "水",
            "a.",
            "a+",
            "a",
            "房",
            "龘",
            "云南省人民政府",
        ] {
            let escaped: String = prefix
                .chars()
                .flat_map(|c| {
                    c.is_ascii_punctuation()
                        .then_some('\\')
                        .into_iter()
                        .chain([c])
                })
                .collect();
            let regex = RegexQuery::from_pattern(&format!("{escaped}.*"), raw).unwrap();
            let want = searcher.search(&regex, &DocSetCollector).unwrap();
            let got = searcher
                .search(&PrefixQuery::new(raw, prefix), &DocSetCollector)
                .unwrap();
            assert_eq!(got, want, "{prefix}");
            let expected = terms.iter().filter(|t| t.starts_with(prefix)).count();
            assert_eq!(got.len(), expected, "{prefix}");
        }
    }

    /// The ids of the sections `BodyQuery` finds for `form`.
    fn found(index: &Index, form: &Normalized) -> BTreeSet<u64> {
        let searcher = index.reader().unwrap().searcher();
        let id = searcher.schema().get_field("id").unwrap();
        let hits = searcher
            .search(&BodyQuery::new(form.clone()), &DocSetCollector)
            .unwrap();
        hits.into_iter()
            .map(|a| {
                let doc: TantivyDocument = searcher.doc(a).unwrap();
                doc.get_first(id).and_then(|v| v.as_u64()).unwrap()
            })
            .collect()
    }

    #[test]
    fn body_queries_find_exactly_the_sections_holding_the_form() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        // Enough sections that common grams span several skip blocks.
        let texts = texts(&mut rng, 400);
        let deleted: Vec<u64> = (0..400).filter(|i| i % 7 == 3).collect();
        let normalizer = Normalizer::new();
        let mut forms: Vec<Normalized> = [
            "法",
            "律",
            "a",
            "法律",
            "律顾问",
            "法律顾问",
            "顾问法",
            "a b",
            "b 法",
            "法 律顾",
            "ab",
            "问 a",
            "aaa",
        ]
        .iter()
        .map(|f| normalizer.normalize(f))
        .collect();
        // And substrings of the texts themselves, up to 8 characters.
        while forms.len() < 60 {
            let chars: Vec<char> = texts[rng.below(texts.len())].chars().collect();
            if chars.len() < 2 {
                continue;
            }
            let from = rng.below(chars.len() - 1);
            let len = 1 + rng.below(8.min(chars.len() - from));
            let form = normalizer.normalize(&chars[from..from + len].iter().collect::<String>());
            // Query terms never start or end with a space (the query language splits on them).
            let form = form.trimmed();
            if !form.is_empty() {
                forms.push(form);
            }
        }
        for merge in [false, true] {
            let index = index_of(&texts, &deleted, merge);
            if merge {
                assert_eq!(index.searchable_segment_ids().unwrap().len(), 1);
            } else {
                assert!(index.searchable_segment_ids().unwrap().len() >= 3);
            }
            for form in &forms {
                let expected: BTreeSet<u64> = texts
                    .iter()
                    .enumerate()
                    .filter(|(i, t)| !deleted.contains(&(*i as u64)) && t.contains(form.as_str()))
                    .map(|(i, _)| i as u64)
                    .collect();
                assert_eq!(
                    found(&index, form),
                    expected,
                    "form {form:?}, merged: {merge}"
                );
            }
        }
    }

    /// Where `form` starts in `text`, overlapping starts included: what a body match counts.
    fn occurrences(text: &str, form: &str) -> u32 {
        let chars: Vec<char> = text.chars().collect();
        let f: Vec<char> = form.chars().collect();
        chars
            .windows(f.len())
            .filter(|w| *w == f.as_slice())
            .count() as u32
    }

    #[test]
    fn a_rare_overlapping_gram_proposes_sections_and_the_matches_stay_exact() {
        // 法律 and 顾问 are in most sections, 律顾 in few: for 法律顾问 (tiled as 法律, 顾问)
        // the overlapping 律顾 is the rarer, so it proposes the sections.
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let pieces = [
            "法律a",
            "b顾问",
            "问法",
            "a",
            " ",
            "法律顾问",
            "律顾a",
            "法律顾问法律顾问",
        ];
        let normalizer = Normalizer::new();
        let texts: Vec<Normalized> = (0..600)
            .map(|_| {
                let s: String = (0..rng.below(8))
                    .map(|_| {
                        // The pieces holding 律顾 come once in 12 draws. Sections are short, so many
                        // lack 法律 or 顾问 too, and the two cursors leapfrog.
                        let i = rng.below(100);
                        if i < 92 {
                            pieces[i % 5]
                        } else {
                            pieces[5 + i % 3]
                        }
                    })
                    .collect();
                normalizer.normalize(&s)
            })
            .collect();
        let deleted: Vec<u64> = (0..600).filter(|i| i % 11 == 5).collect();
        let plan = Plan::of(&normalizer.normalize("法律顾问"));
        assert_eq!(plan.others, [(1, gram_key_of("律顾"))]);
        let forms = [
            "法律顾问",
            "律顾问法",
            "法律顾问法律",
            "a法律顾问",
            "法律顾问 法律",
            "顾问法律顾问",
        ];
        for merge in [false, true] {
            let index = index_of(&texts, &deleted, merge);
            let searcher = index.reader().unwrap().searcher();
            let id = searcher.schema().get_field("id").unwrap();
            let mut proposed = 0;
            for form in forms {
                let form = normalizer.normalize(form);
                let plan = Plan::of(&form);
                for reader in searcher.segment_readers() {
                    let segment = GramSegment::open(reader).unwrap();
                    let (with, used) = matches_in(&segment, &plan, true);
                    let (without, _) = matches_in(&segment, &plan, false);
                    assert_eq!(with, without, "form {form:?}, merged: {merge}");
                    proposed += usize::from(used);
                    // Every section holding the form, deleted ones too, with its count.
                    let store = reader.get_store_reader(0).unwrap();
                    let expected: Vec<(DocId, u32)> = (0..reader.max_doc())
                        .filter_map(|doc| {
                            let d: TantivyDocument = store.get(doc).unwrap();
                            let i = d.get_first(id).and_then(|v| v.as_u64()).unwrap() as usize;
                            let n = occurrences(texts[i].as_str(), form.as_str());
                            (n > 0).then_some((doc, n))
                        })
                        .collect();
                    assert_eq!(with, expected, "form {form:?}, merged: {merge}");
                }
            }
            assert!(proposed > 0, "no form took a proposer (merged: {merge})");
        }
    }

    #[test]
    fn body_scores_grow_with_occurrences() {
        let normalizer = Normalizer::new();
        let texts: Vec<Normalized> = ["法律顾问制度", "法律顾问 法律顾问制度", "顾问"]
            .iter()
            .map(|t| normalizer.normalize(t))
            .collect();
        let index = index_of(&texts, &[], false);
        let searcher = index.reader().unwrap().searcher();
        let id = searcher.schema().get_field("id").unwrap();
        let top = searcher
            .search(
                &BodyQuery::new(normalizer.normalize("法律顾问")),
                &TopDocs::with_limit(10).order_by_score(),
            )
            .unwrap();
        let ids: Vec<u64> = top
            .iter()
            .map(|(_, a)| {
                let doc: TantivyDocument = searcher.doc(*a).unwrap();
                doc.get_first(id).and_then(|v| v.as_u64()).unwrap()
            })
            .collect();
        assert_eq!(
            ids,
            [1, 0],
            "twice before once, the section without it absent"
        );
    }
}
