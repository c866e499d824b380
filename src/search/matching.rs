//! Matching: the tantivy queries that find a normalised string as a substring.
//!
//! A form of n ≥ 2 characters is the phrase of a tiling of its grams at their character offsets
//! (see [`crate::analysis`] for what a gram and a position are); a lone character is a prefix
//! query on the grams. This module knows nothing of ranking or of the query language.

use tantivy::query::{
    BooleanQuery, EmptyQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query, RegexQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

use crate::analysis::{grams_of, Normalized};

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
    regex_prefix_query(field, c, ".?")
}

/// Terms of `field` that start with `prefix` (taken literally) followed by what `rest` (a
/// regular expression) matches.
pub(crate) fn regex_prefix_query(field: Field, prefix: &str, rest: &str) -> Box<dyn Query> {
    let mut pattern = String::new();
    for ch in prefix.chars() {
        if ch.is_ascii_punctuation() {
            pattern.push('\\');
        }
        pattern.push(ch);
    }
    pattern.push_str(rest);
    match RegexQuery::from_pattern(&pattern, field) {
        Ok(q) => Box::new(q),
        Err(_) => Box::new(EmptyQuery),
    }
}

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
}
