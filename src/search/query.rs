//! The query language: what a typed query means.
//!
//! Space-separated terms must all occur in a section (AND). `"a quoted phrase"` is one term (its
//! spaces match any run of whitespace). `-term` and `NOT term` exclude sections that contain
//! the term (on the command line `-term` reaches the query only for terms that start with a
//! non-ASCII character, or after `--`; see [`crate::cli::exclusions_as_flags`]).
//! `A OR B` matches either; OR binds tighter than the implicit AND, so `法律顾问 OR 律师 合同`
//! means (法律顾问 or 律师) and 合同. Terms are normalised as the text is
//! ([`crate::analysis::Normalizer`]).
//!
//! This module knows nothing of the index: it turns text into a [`ParsedQuery`].

use thiserror::Error;

use crate::analysis::{Normalized, Normalizer};

/// Longest query accepted, in characters: longer input is a pasted document, not a query, and
/// each character costs a gram term.
pub const MAX_QUERY_CHARS: usize = 1000;

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
    pub forms: Vec<Normalized>,
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
    pub fn highlight_forms(&self) -> Vec<Normalized> {
        let mut forms: Vec<Normalized> = self
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
        out.push(match word.as_str() {
            "OR" => Lexeme::Or,
            "NOT" => Lexeme::Minus,
            _ => Lexeme::Word(word),
        });
    }
    Ok(out)
}

/// Parses a query and adds an exclusion for each of `excluded` (`--not TERM`: each is one term,
/// spaces and quotes included).
pub fn parse_query_excluding(
    query: &str,
    excluded: &[String],
    normalizer: &Normalizer,
) -> Result<ParsedQuery, QueryError> {
    let mut parsed = parse_query(query, normalizer)?;
    for raw in excluded {
        parsed.clauses.push(Clause {
            any_of: vec![make_term(raw, normalizer)?],
            excluded: true,
        });
    }
    Ok(parsed)
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
    let norm = normalizer.normalize(raw).trimmed();
    if !norm.chars().any(char::is_alphanumeric) {
        return Err(QueryError::NoSearchableText(raw.to_string()));
    }
    let mut forms = vec![norm.clone()];
    let folded = normalizer.normalize_without_t2s(raw).trimmed();
    if folded != norm {
        forms.push(folded);
    }
    Ok(QueryTerm {
        raw: raw.to_string(),
        forms,
    })
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
        assert_eq!(q.clauses[1].any_of[0].forms, vec!["合同 审查"]);
        assert!(q.clauses[2].excluded);
        let q = parse("人工智能 NOT AI").unwrap();
        assert!(q.clauses[1].excluded && q.clauses[1].any_of[0].raw == "AI");
        assert_eq!(parse("税 NOT"), Err(QueryError::Dangling("-".into())));
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

    proptest::proptest! {
        /// Any query string: no panic, and every form has something to search.
        #[test]
        fn query_parser_never_panics(q in crate::search::snippet::tests::mixed_text()) {
            if let Ok(parsed) = parse(&q) {
                for c in &parsed.clauses {
                    for t in &c.any_of {
                        proptest::prop_assert!(t.forms.iter().all(|f| f.chars().any(char::is_alphanumeric)));
                    }
                }
            }
        }
    }
}
