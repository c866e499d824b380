//! Search: the query language, matching, ranking and snippets.
//!
//! This module owns what a query means and in which order hits come. It knows the index's
//! fields but nothing of how hits are printed.
//!
//! **Query language.** Space-separated terms must all occur in a section (AND). `"a quoted
//! phrase"` is one term (its spaces match any run of whitespace). `-term` excludes sections that
//! contain the term. `A OR B` matches either; OR binds tighter than the implicit AND, so
//! `法律顾问 OR 律师 合同` means (法律顾问 or 律师) and 合同. A term matches wherever its text
//! occurs, inside longer words too, after normalisation (width, case, traditional characters).
//!
//! **Matching** is exact substring matching on the `grams` field (see [`crate::analysis`]):
//! the term's grams as a phrase at their character offsets. A term whose traditional-to-
//! simplified form differs from its width/case-folded form matches either form.
//!
//! **Ranking.** The score of a section sums, over the positive terms it matches:
//! [`WHOLE_WORD_BONUS`] when the term occurs as whole jieba words (the term is a word of the
//! index's vocabulary present in the section, or every word of its segmentation is); BM25 of
//! those words in the `words` field; BM25 of the term in the heading path (×[`HEADING_BOOST`])
//! [`TITLE_BONUS`] when the report's title contains it; and BM25 of its grams in the body
//! (×[`GRAM_WEIGHT`]).
//! The bonus is larger than any BM25 sum, so whole-word matches always rank above sections
//! where the term is only part of a longer word. Ties are broken by a key derived from the
//! file path and the section's first line, so the order never depends on indexing threads.

use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, Occur, PhrasePrefixQuery, PhraseQuery,
    Query, RangeQuery, RegexQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};
use thiserror::Error;

use crate::analysis::{grams_of, Normalizer};
use crate::index::{Fields, OpenIndex, HEADING_SEP, KEY_LINE_BITS};

/// Score added per term found as whole words; above any sum of BM25 scores.
pub const WHOLE_WORD_BONUS: f32 = 1000.0;
/// Weight of BM25 in the heading path.
pub const HEADING_BOOST: f32 = 3.0;
/// Score added per term found in the report's title.
pub const TITLE_BONUS: f32 = 5.0;
/// Weight of the body's gram BM25.
pub const GRAM_WEIGHT: f32 = 0.5;
/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Snippet length in characters (about two terminal lines of Chinese).
pub const SNIPPET_CHARS: usize = 80;

/// A query the user typed that cannot be run.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum QueryError {
    /// Nothing to search.
    #[error("empty query: give at least one term, e.g. `govsearch search 法律顾问`")]
    Empty,
    /// A quote was opened and not closed.
    #[error("unbalanced quote in query: close the phrase with a second \"")]
    UnbalancedQuote,
    /// Over [`MAX_QUERY_CHARS`].
    #[error("query too long: {0} characters (at most {MAX_QUERY_CHARS})")]
    TooLong(usize),
    /// A term that holds no letter, digit or ideograph.
    #[error(
        "nothing to search in {0:?}: a term needs at least one letter, digit or Chinese character"
    )]
    NoSearchableText(String),
    /// `-` with nothing after it, or OR at an edge.
    #[error("dangling {0:?} in query: it needs a term after it")]
    Dangling(String),
    /// Only exclusions.
    #[error("the query only excludes (-term): add a term to search for")]
    OnlyExclusions,
}

/// One term of a query: its text as typed and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    /// As typed (quotes removed).
    pub raw: String,
    /// Normalised forms to match (one, or two when t2s changed it).
    pub forms: Vec<String>,
}

/// A clause: one term, or alternatives joined by OR; possibly excluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Alternatives (OR).
    pub any_of: Vec<QueryTerm>,
    /// `-term`: the section must not contain it.
    pub excluded: bool,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedQuery {
    /// All clauses must hold.
    pub clauses: Vec<Clause>,
}

impl ParsedQuery {
    /// Normalised forms of every positive term, for highlighting.
    pub fn highlight_forms(&self) -> Vec<String> {
        let mut forms: Vec<String> = self
            .clauses
            .iter()
            .filter(|c| !c.excluded)
            .flat_map(|c| c.any_of.iter().flat_map(|t| t.forms.iter().cloned()))
            .collect();
        forms.sort();
        forms.dedup();
        forms
    }
}

#[derive(Debug, PartialEq)]
enum Lexeme {
    Word(String),
    Phrase(String),
    Minus,
    Or,
}

fn lex(query: &str) -> Result<Vec<Lexeme>, QueryError> {
    let mut out = Vec::new();
    let mut chars = query.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '"' || c == '“' || c == '”' {
            chars.next();
            let mut phrase = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                if c == '"' || c == '”' || c == '“' {
                    closed = true;
                    break;
                }
                phrase.push(c);
            }
            if !closed {
                return Err(QueryError::UnbalancedQuote);
            }
            out.push(Lexeme::Phrase(phrase));
            continue;
        }
        if c == '-' {
            chars.next();
            if chars.peek().is_none_or(|n| n.is_whitespace()) {
                return Err(QueryError::Dangling("-".into()));
            }
            out.push(Lexeme::Minus);
            continue;
        }
        let mut word = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '"' || c == '“' || c == '”' {
                break;
            }
            word.push(c);
            chars.next();
        }
        out.push(if word == "OR" {
            Lexeme::Or
        } else {
            Lexeme::Word(word)
        });
    }
    Ok(out)
}

/// Parses a query (see the module documentation for the language).
pub fn parse_query(query: &str, normalizer: &Normalizer) -> Result<ParsedQuery, QueryError> {
    let n = query.chars().count();
    if n > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong(n));
    }
    let lexemes = lex(query)?;
    if lexemes.is_empty() {
        return Err(QueryError::Empty);
    }
    let mut clauses: Vec<Clause> = Vec::new();
    let mut i = 0;
    let mut pending_or = false;
    while i < lexemes.len() {
        let mut excluded = false;
        if lexemes[i] == Lexeme::Minus {
            excluded = true;
            i += 1;
        }
        let term = match lexemes.get(i) {
            Some(Lexeme::Word(w)) | Some(Lexeme::Phrase(w)) => make_term(w, normalizer)?,
            Some(Lexeme::Or) => return Err(QueryError::Dangling("OR".into())),
            Some(Lexeme::Minus) | None => return Err(QueryError::Dangling("-".into())),
        };
        i += 1;
        if pending_or {
            let last = clauses.last_mut().expect("OR follows a clause");
            if excluded || last.excluded {
                return Err(QueryError::Dangling("OR".into()));
            }
            last.any_of.push(term);
            pending_or = false;
        } else {
            clauses.push(Clause {
                any_of: vec![term],
                excluded,
            });
        }
        if lexemes.get(i) == Some(&Lexeme::Or) {
            if i + 1 >= lexemes.len() {
                return Err(QueryError::Dangling("OR".into()));
            }
            pending_or = true;
            i += 1;
        }
    }
    if clauses.iter().all(|c| c.excluded) {
        return Err(QueryError::OnlyExclusions);
    }
    Ok(ParsedQuery { clauses })
}

fn make_term(raw: &str, normalizer: &Normalizer) -> Result<QueryTerm, QueryError> {
    let norm = normalizer.normalize(raw).trim().to_string();
    if !norm.chars().any(char::is_alphanumeric) {
        return Err(QueryError::NoSearchableText(raw.to_string()));
    }
    let mut forms = vec![norm.clone()];
    let folded = normalizer.normalize_without_t2s(raw).trim().to_string();
    if folded != norm {
        forms.push(folded);
    }
    Ok(QueryTerm {
        raw: raw.to_string(),
        forms,
    })
}

/// Filters on report metadata.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Years, inclusive.
    pub years: Option<(u32, u32)>,
    /// The issuing body contains this text.
    pub org: Option<String>,
}

/// One result: a section, where it is, and why it matched.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Hit {
    /// 1-based rank.
    pub rank: usize,
    /// Score (see the module documentation).
    pub score: f32,
    /// File path as indexed.
    pub path: String,
    /// Report title.
    pub title: String,
    /// Year the report is about.
    pub year: Option<u32>,
    /// Issuing body.
    pub org: Option<String>,
    /// Date signed or published.
    pub date: Option<String>,
    /// Heading path, outermost first.
    pub section: Vec<String>,
    /// Level of the innermost heading (0: preamble).
    pub level: u64,
    /// First line, 1-based.
    pub line_start: u64,
    /// Last line, inclusive.
    pub line_end: u64,
    /// About two lines of text around the best match.
    pub snippet: String,
    /// Matched ranges in `snippet`, character offsets, end exclusive.
    pub highlights: Vec<[usize; 2]>,
    /// Line of the first match in the snippet, for `path:line`.
    #[serde(skip)]
    pub match_line: u64,
}

/// How many hits to return.
#[derive(Debug, Clone, Copy)]
pub enum Limit {
    /// At most this many.
    Top(usize),
    /// Every matching section.
    All,
}

/// A searcher over an open index.
pub struct Engine {
    searcher: Searcher,
    fields: Fields,
    normalizer: Normalizer,
}

impl Engine {
    /// Prepares searching an open index.
    pub fn new(open: &OpenIndex) -> Result<Engine, tantivy::TantivyError> {
        let reader = open
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()?;
        Ok(Engine {
            searcher: reader.searcher(),
            fields: open.fields,
            normalizer: Normalizer::new(),
        })
    }

    /// The normaliser used for queries and snippets.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// Number of sections matching.
    pub fn count(&self, query: &ParsedQuery, filters: &Filters) -> tantivy::Result<usize> {
        let q = self.build(query, filters, false);
        self.searcher.search(&q, &Count)
    }

    /// Ranked hits.
    pub fn search(
        &self,
        query: &ParsedQuery,
        filters: &Filters,
        limit: Limit,
    ) -> tantivy::Result<Vec<Hit>> {
        let q = self.build(query, filters, true);
        let n = match limit {
            Limit::Top(n) => n,
            Limit::All => self.searcher.search(&q, &Count)?,
        };
        if n == 0 {
            return Ok(Vec::new());
        }
        let key_field = "key";
        let collector =
            TopDocs::with_limit(n).tweak_score(move |segment: &tantivy::SegmentReader| {
                let keys = segment
                    .fast_fields()
                    .u64(key_field)
                    .expect("key is a fast field")
                    .first_or_default_col(0);
                move |doc, score| (score, u64::MAX - keys.get_val(doc))
            });
        let top: Vec<((f32, u64), DocAddress)> = self.searcher.search(&q, &collector)?;
        let forms = query.highlight_forms();
        top.into_iter()
            .enumerate()
            .map(|(i, ((score, _), addr))| {
                let doc: TantivyDocument = self.searcher.doc(addr)?;
                Ok(self.hit(i + 1, score, &doc, &forms))
            })
            .collect()
    }

    fn hit(&self, rank: usize, score: f32, doc: &TantivyDocument, forms: &[String]) -> Hit {
        let f = &self.fields;
        let text_of = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let u64_of = |field: Field| doc.get_first(field).and_then(|v| v.as_u64());
        let text = text_of(f.text).unwrap_or_default();
        let line_start = u64_of(f.line_start).unwrap_or(0);
        let snippet = make_snippet(&self.normalizer, &text, forms, SNIPPET_CHARS);
        Hit {
            rank,
            score,
            path: text_of(f.path).unwrap_or_default(),
            title: text_of(f.title).unwrap_or_default(),
            year: u64_of(f.year).map(|y| y as u32),
            org: text_of(f.org),
            date: text_of(f.date),
            section: text_of(f.heading)
                .filter(|h| !h.is_empty())
                .map(|h| h.split(HEADING_SEP).map(str::to_string).collect())
                .unwrap_or_default(),
            level: u64_of(f.level).unwrap_or(0),
            line_start,
            line_end: u64_of(f.line_end).unwrap_or(0),
            match_line: line_start + snippet.line_offset as u64,
            snippet: snippet.text,
            highlights: snippet.highlights,
        }
    }

    /// Builds the tantivy query. Without `scoring`, only the matching clauses (for counting).
    fn build(&self, query: &ParsedQuery, filters: &Filters, scoring: bool) -> Box<dyn Query> {
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for clause in &query.clauses {
            let matcher = any_of(
                clause
                    .any_of
                    .iter()
                    .flat_map(|t| t.forms.iter().map(|form| substring_query(f.grams, form)))
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
                    if let Some(words) = self.whole_words(form) {
                        clauses.push((
                            Occur::Should,
                            Box::new(ConstScoreQuery::new(
                                all_of(words.iter().map(|w| self.word_query(w)).collect()),
                                WHOLE_WORD_BONUS,
                            )),
                        ));
                        for w in &words {
                            clauses.push((Occur::Should, self.word_query(w)));
                        }
                    }
                    clauses.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(
                            substring_query(f.heading_grams, form),
                            HEADING_BOOST,
                        )),
                    ));
                    if let Some(reports) = self.reports_matching(f.title_grams, form) {
                        clauses.push((
                            Occur::Should,
                            Box::new(ConstScoreQuery::new(reports, TITLE_BONUS)),
                        ));
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
            let norm = self.normalizer.normalize(org).trim().to_string();
            let q: Box<dyn Query> = if norm.is_empty() {
                Box::new(EmptyQuery)
            } else {
                self.reports_matching(f.org_grams, &norm)
                    .unwrap_or_else(|| Box::new(EmptyQuery))
            };
            clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// All sections of the reports whose report-level field (title, issuing body; indexed on
    /// each report's first section) contains `form`; None when no report's does.
    fn reports_matching(&self, field: Field, form: &str) -> Option<Box<dyn Query>> {
        let found = self
            .searcher
            .search(&*substring_query(field, form), &DocSetCollector)
            .ok()?;
        let mut found: Vec<DocAddress> = found.into_iter().collect();
        found.sort_unstable();
        let mut files: Vec<u64> = Vec::new();
        // One column per segment: opening a fast-field column decodes its block index.
        for segment in found.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
            let keys = self
                .searcher
                .segment_reader(segment[0].segment_ord)
                .fast_fields()
                .u64("key")
                .ok()?;
            files.extend(
                segment
                    .iter()
                    .filter_map(|addr| keys.first(addr.doc_id))
                    .map(|key| key >> KEY_LINE_BITS),
            );
        }
        if files.is_empty() {
            return None;
        }
        files.sort_unstable();
        files.dedup();
        let terms = files
            .into_iter()
            .map(|id| Term::from_field_u64(self.fields.file, id));
        Some(Box::new(TermSetQuery::new(terms)))
    }

    fn word_query(&self, word: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(self.fields.words, word),
            IndexRecordOption::WithFreqs,
        ))
    }

    /// The words of the index vocabulary that make up a term: the term itself when it is a
    /// word, else its forward maximum-match segmentation over the vocabulary. None when some
    /// part is not a word (the term then has no whole-word reading).
    pub fn whole_words(&self, form: &str) -> Option<Vec<String>> {
        let in_vocab = |w: &str| {
            self.searcher
                .doc_freq(&Term::from_field_text(self.fields.words, w))
                .map(|n| n > 0)
                .unwrap_or(false)
        };
        if form.contains(char::is_whitespace) {
            let mut all = Vec::new();
            for part in form.split_whitespace() {
                all.extend(self.whole_words(part)?);
            }
            return Some(all);
        }
        if in_vocab(form) {
            return Some(vec![form.to_string()]);
        }
        let chars: Vec<char> = form.chars().collect();
        let mut words = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let longest = (1..=(chars.len() - i).min(8)).rev().find(|&len| {
                let w: String = chars[i..i + len].iter().collect();
                in_vocab(&w)
            })?;
            words.push(chars[i..i + longest].iter().collect());
            i += longest;
        }
        Some(words)
    }
}

fn any_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.pop().expect("one query");
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

fn all_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.pop().expect("one query");
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Must, q)).collect(),
    ))
}

/// The query matching sections whose normalised text contains `form` (normalised, non-empty).
pub fn substring_query(field: Field, form: &str) -> Box<dyn Query> {
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
fn tiling(grams: Vec<(usize, String)>) -> Vec<(usize, String)> {
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
    let mut pattern = String::new();
    for ch in c.chars() {
        if ch.is_ascii_punctuation() {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push_str(".?");
    match RegexQuery::from_pattern(&pattern, field) {
        Ok(q) => Box::new(q),
        Err(_) => Box::new(EmptyQuery),
    }
}

/// A snippet: text around the best match, with highlighted ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text, whitespace runs shown as one space.
    pub text: String,
    /// Matched ranges, character offsets into `text`, end exclusive.
    pub highlights: Vec<[usize; 2]>,
    /// Lines between the section's first line and the first highlighted match.
    pub line_offset: usize,
}

/// Makes a snippet of about `width` characters of `text` around the window holding the most
/// matches of the normalised `forms`. Highlights are character offsets into the snippet and
/// always cover whole original characters, even where normalisation changed them.
pub fn make_snippet(
    normalizer: &Normalizer,
    text: &str,
    forms: &[String],
    width: usize,
) -> Snippet {
    let mapped = normalizer.normalize_mapped(text);
    let norm_chars: Vec<char> = mapped.text.chars().collect();
    // Matches as byte ranges of the original text.
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for form in forms {
        let needle: Vec<char> = form.chars().collect();
        if needle.is_empty() || needle.len() > norm_chars.len() {
            continue;
        }
        let mut i = 0;
        while i + needle.len() <= norm_chars.len() {
            if norm_chars[i..i + needle.len()] == needle[..] {
                matches.push((mapped.origin[i].0, mapped.origin[i + needle.len() - 1].1));
                i += needle.len();
            } else {
                i += 1;
            }
        }
    }
    matches.sort();
    // Original characters as (byte offset, char).
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |byte: usize| chars.partition_point(|(b, _)| *b < byte);
    // Window: start a little before the match that begins the densest window.
    let start_char = if matches.is_empty() {
        0
    } else {
        let mut best = (0usize, 0usize);
        for (k, m) in matches.iter().enumerate() {
            let s = char_at(m.0);
            let covered = matches[k..]
                .iter()
                .take_while(|x| char_at(x.1) <= s + width * 3 / 4)
                .count();
            if covered > best.0 {
                best = (covered, k);
            }
        }
        char_at(matches[best.1].0).saturating_sub(width / 5)
    };
    let start_char = start_char.min(chars.len());
    let mut out = String::new();
    let mut out_len = 0usize;
    let mut byte_to_out: Vec<(usize, usize)> = Vec::new();
    let mut k = start_char;
    // Skip leading whitespace of the window.
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    let window_start_byte = chars.get(k).map_or(text.len(), |c| c.0);
    while k < chars.len() && out_len < width {
        let (b, c) = chars[k];
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
                byte_to_out.push((b, out_len));
                out_len += 1;
            }
        } else {
            out.push(c);
            byte_to_out.push((b, out_len));
            out_len += 1;
        }
        k += 1;
    }
    let window_end_byte = chars.get(k).map_or(text.len(), |c| c.0);
    let trimmed = out.trim_end().to_string();
    let out_len = trimmed.chars().count();
    let to_out = |byte: usize| {
        let i = byte_to_out.partition_point(|(b, _)| *b < byte);
        byte_to_out.get(i).map_or(out_len, |x| x.1)
    };
    let mut highlights: Vec<[usize; 2]> = matches
        .iter()
        .filter(|m| m.0 >= window_start_byte && m.0 < window_end_byte)
        .map(|m| [to_out(m.0), to_out(m.1.min(window_end_byte)).min(out_len)])
        .filter(|h| h[0] < h[1])
        .collect();
    highlights.dedup();
    // Merge overlaps so highlights never nest.
    let mut merged: Vec<[usize; 2]> = Vec::new();
    for h in highlights {
        match merged.last_mut() {
            Some(last) if h[0] <= last[1] => last[1] = last[1].max(h[1]),
            _ => merged.push(h),
        }
    }
    let line_offset = matches
        .first()
        .map_or(0, |m| text[..m.0].matches('\n').count());
    Snippet {
        text: trimmed,
        highlights: merged,
        line_offset,
    }
}

/// Parses `--year`: `2021` or `2019..2022` (inclusive).
pub fn parse_years(s: &str) -> Result<(u32, u32), String> {
    let parse = |t: &str| {
        t.trim()
            .parse::<u32>()
            .map_err(|_| format!("invalid year {t:?}: expected e.g. 2021 or 2019..2022"))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(q: &str) -> Result<ParsedQuery, QueryError> {
        parse_query(q, &Normalizer::new())
    }

    #[test]
    fn and_or_phrase_and_exclusion() {
        let q = parse("法律顾问 OR 律师 \"合同 审查\" -外包").unwrap();
        assert_eq!(q.clauses.len(), 3);
        assert_eq!(q.clauses[0].any_of.len(), 2);
        assert_eq!(q.clauses[1].any_of[0].forms, vec!["合同 审查".to_string()]);
        assert!(q.clauses[2].excluded);
    }

    #[test]
    fn bad_queries_are_refused_with_a_reason() {
        assert_eq!(parse(""), Err(QueryError::Empty));
        assert_eq!(parse("  "), Err(QueryError::Empty));
        assert_eq!(parse("\"法律"), Err(QueryError::UnbalancedQuote));
        assert_eq!(parse("-"), Err(QueryError::Dangling("-".into())));
        assert_eq!(parse("OR 税"), Err(QueryError::Dangling("OR".into())));
        assert_eq!(parse("税 OR"), Err(QueryError::Dangling("OR".into())));
        assert_eq!(parse("-税"), Err(QueryError::OnlyExclusions));
        assert!(matches!(
            parse("，。！"),
            Err(QueryError::NoSearchableText(_))
        ));
        assert!(matches!(
            parse(&"税".repeat(10_000)),
            Err(QueryError::TooLong(10_000))
        ));
    }

    #[test]
    fn traditional_terms_also_match_their_folded_form() {
        let q = parse("國務院").unwrap();
        assert_eq!(q.clauses[0].any_of[0].forms, vec!["国务院", "國務院"]);
    }

    #[test]
    fn snippet_highlights_cover_original_characters_after_normalisation() {
        let n = Normalizer::new();
        let text = "第一行\n推動ＧＤＰ增長，國務院要求。";
        let s = make_snippet(&n, text, &["gdp".into(), "国务院".into()], 80);
        let chars: Vec<char> = s.text.chars().collect();
        let marked: Vec<String> = s
            .highlights
            .iter()
            .map(|[a, b]| chars[*a..*b].iter().collect())
            .collect();
        assert_eq!(marked, vec!["ＧＤＰ", "國務院"]);
        assert_eq!(s.line_offset, 1);
    }

    #[test]
    fn phrases_use_a_tiling_of_non_overlapping_bigrams() {
        let t = |s: &str| {
            tiling(grams_of(s))
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

    #[test]
    fn year_ranges() {
        assert_eq!(parse_years("2021"), Ok((2021, 2021)));
        assert_eq!(parse_years("2019..2022"), Ok((2019, 2022)));
        assert!(parse_years("2022..2019").is_err());
        assert!(parse_years("abc").is_err());
    }

    mod properties {
        //! Any query string: no panic. Any text: snippet highlights inside the snippet, whole
        //! characters; normalisation origins on char boundaries, in order, inside the text.
        use super::*;
        use proptest::prelude::*;

        fn mixed_text() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                "[一-龥]{0,12}",
                "[ -~]{0,8}",
                "[！-～]{0,6}",
                Just("\u{3000}".to_string()),
                Just("\n".to_string()),
                Just("國務院顧問".to_string()),
                Just("\"".to_string()),
                Just(" OR ".to_string()),
                Just("-".to_string()),
                any::<String>(),
            ];
            prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
        }

        proptest! {
            #[test]
            fn query_parser_never_panics(q in mixed_text()) {
                if let Ok(parsed) = parse(&q) {
                    for c in &parsed.clauses {
                        for t in &c.any_of {
                            prop_assert!(t.forms.iter().all(|f| f.chars().any(char::is_alphanumeric)));
                        }
                    }
                }
            }

            #[test]
            fn mapping_and_snippets_stay_on_character_boundaries(
                text in mixed_text(),
                start in 0usize..40,
                len in 1usize..6,
            ) {
                let n = Normalizer::new();
                let mapped = n.normalize_mapped(&text);
                prop_assert_eq!(mapped.origin.len(), mapped.text.chars().count());
                let mut last = 0;
                for &(a, b) in &mapped.origin {
                    prop_assert!(a < b && b <= text.len());
                    prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                    prop_assert!(a >= last);
                    last = a;
                }
                let form: String = mapped.text.chars().skip(start).take(len).collect();
                let form = form.trim().to_string();
                let snippet = make_snippet(&n, &text, &[form], SNIPPET_CHARS);
                let chars = snippet.text.chars().count();
                for [a, b] in snippet.highlights {
                    prop_assert!(a < b && b <= chars);
                }
            }
        }
    }
}
