//! The query language: what a typed query means.
//!
//! Space-separated terms must all occur in a section (AND). `"a quoted phrase"` is one term (its
//! spaces match any run of whitespace). `-term` and `NOT term` exclude sections that contain
//! the term (on the command line `-term` reaches the query only for terms that start with a
//! non-ASCII character, or after `--`; see [`crate::cli::exclusions_as_flags`]).
//! `A OR B` matches either; OR binds tighter than the implicit AND, so `法律顾问 OR 律师 合同`
//! means (法律顾问 or 律师) and 合同. `AND` may be written, and changes nothing. The operators
//! may be typed full-width, as a Chinese input method types them (`ＯＲ`, `ＮＯＴ`, `ＡＮＤ`, `－`,
//! `＂`). Words that only look like operators or wildcards (`or`, `法律*`, `—all`) are searched as
//! text, with a note ([`ParsedQuery::notes`]). Terms are normalised as the text is
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
    /// `-` or NOT with nothing after it, or OR at an edge.
    #[error("dangling {0:?} in query: it needs a term after it")]
    Dangling(String),
    /// OR beside an excluded term.
    #[error("OR cannot join an excluded term ({0}): exclude each alternative, e.g. `税 -A -B`")]
    ExcludedAlternative(String),
    /// A `--not` value that is not one term.
    #[error("--not {0:?} is more than one term: quote a phrase (--not '\"A B\"') or repeat --not")]
    NotOneTerm(String),
    /// Only exclusions.
    #[error("the query only excludes (-term): add a term to search for")]
    OnlyExclusions,
    /// A word such as `--index` in the query: a flag typed after `--`, where every word is text.
    #[error("{0:?} is query text here, since it comes after `--`: put flags before `--` (govsearch search {0} VALUE -- QUERY)")]
    FlagAfterDashes(String),
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
    /// Notes for the user about words searched as text that look like something else (`or`,
    /// `法律*`, `—all`): the search runs, and the caller shows them.
    pub notes: Vec<String>,
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
    /// `-` or NOT, as typed.
    Minus(String),
    Or,
}

/// Quote marks that open and close a phrase: ASCII, full-width and Chinese curly quotes.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '＂')
}

fn lex(query: &str) -> Result<Vec<Lexeme>, QueryError> {
    let mut out = Vec::new();
    let mut chars = query.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if is_quote(c) {
            chars.next();
            let mut phrase = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                if is_quote(c) {
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
        if c == '-' || c == '－' {
            chars.next();
            if c == '-' && chars.peek() == Some(&'-') {
                // `--index`: only a flag typed after `--` reaches the query so.
                let rest: String = chars.by_ref().take_while(|c| !c.is_whitespace()).collect();
                return Err(QueryError::FlagAfterDashes(format!("-{rest}")));
            }
            if chars.peek().is_none_or(|n| n.is_whitespace()) {
                return Err(QueryError::Dangling(c.to_string()));
            }
            out.push(Lexeme::Minus(c.to_string()));
            continue;
        }
        let mut word = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || is_quote(c) {
                break;
            }
            word.push(c);
            chars.next();
        }
        match word.as_str() {
            "OR" | "ＯＲ" => out.push(Lexeme::Or),
            "NOT" | "ＮＯＴ" => out.push(Lexeme::Minus(word)),
            // The AND that a space already means.
            "AND" | "ＡＮＤ" => {}
            _ => out.push(Lexeme::Word(word)),
        }
    }
    Ok(out)
}

/// Parses a query and adds an exclusion for each of `excluded` (`--not TERM`): each is read as
/// the term after NOT is, one word or one quoted phrase (a leading `-` is the same exclusion
/// said twice), within the same length limit as the query.
pub fn parse_query_excluding(
    query: &str,
    excluded: &[String],
    normalizer: &Normalizer,
) -> Result<ParsedQuery, QueryError> {
    let n = query.chars().count() + excluded.iter().map(|e| e.chars().count()).sum::<usize>();
    if n > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong(n));
    }
    let mut parsed = parse_query(query, normalizer)?;
    for raw in excluded {
        let mut lexemes = lex(raw)?;
        if matches!(lexemes.first(), Some(Lexeme::Minus(_))) {
            lexemes.remove(0);
        }
        let term = match lexemes.as_slice() {
            [Lexeme::Word(w) | Lexeme::Phrase(w)] => make_term(w, normalizer)?,
            [] => return Err(QueryError::Dangling("--not".into())),
            _ => return Err(QueryError::NotOneTerm(raw.clone())),
        };
        parsed.clauses.push(Clause {
            any_of: vec![term],
            excluded: true,
        });
    }
    Ok(parsed)
}

/// A note for a word searched as text that looks like an operator, a wildcard or a flag.
fn note_for(word: &str) -> Option<String> {
    if matches!(word, "or" | "and" | "not" | "Or" | "And" | "Not") {
        let op = word.to_uppercase();
        return Some(format!(
            "`{word}` is searched as text; the operator is written {op}, in capitals"
        ));
    }
    if word.chars().count() > 1 && word.ends_with(['*', '?', '？', '＊']) {
        return Some(format!(
            "`{word}`: there are no wildcards; a term matches wherever its text occurs, inside \
             longer words too, so `{}` alone finds what `{word}` was meant to",
            word.trim_end_matches(['*', '?', '？', '＊'])
        ));
    }
    if word.starts_with(['—', '–']) {
        return Some(format!(
            "`{word}` is searched as text; a flag is written with two hyphens (--{})",
            word.trim_start_matches(['—', '–'])
        ));
    }
    None
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
    let notes = lexemes
        .iter()
        .filter_map(|l| match l {
            Lexeme::Word(w) => note_for(w),
            _ => None,
        })
        .collect();
    let mut clauses: Vec<Clause> = Vec::new();
    let mut i = 0;
    let mut pending_or = false;
    while i < lexemes.len() {
        let mut excluded = None;
        if let Lexeme::Minus(op) = &lexemes[i] {
            excluded = Some(op.as_str());
            i += 1;
        }
        let term = match lexemes.get(i) {
            Some(Lexeme::Word(w)) | Some(Lexeme::Phrase(w)) => make_term(w, normalizer)?,
            Some(Lexeme::Or) => return Err(QueryError::Dangling("OR".into())),
            Some(Lexeme::Minus(_)) | None => {
                return Err(QueryError::Dangling(excluded.unwrap_or("-").into()))
            }
        };
        let excluded = excluded.is_some();
        i += 1;
        if pending_or {
            let last = clauses.last_mut().expect("OR follows a clause");
            if excluded || last.excluded {
                let (a, b) = (&last.any_of[0].raw, &term.raw);
                let (a, b) = if last.excluded {
                    (format!("-{a}"), b.clone())
                } else {
                    (a.clone(), format!("-{b}"))
                };
                return Err(QueryError::ExcludedAlternative(format!("{a} OR {b}")));
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
    Ok(ParsedQuery { clauses, notes })
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
        assert_eq!(parse("税 NOT"), Err(QueryError::Dangling("NOT".into())));
        assert_eq!(
            parse("税 -罚款 OR 第一条"),
            Err(QueryError::ExcludedAlternative("-罚款 OR 第一条".into()))
        );
    }

    /// The operators as a Chinese input method types them (full-width) are operators, and AND
    /// is the space it stands for: each query means what its ASCII twin means.
    #[test]
    fn full_width_operators_and_and_mean_what_ascii_ones_mean() {
        for (typed, ascii) in [
            ("法律顾问 ＯＲ 律师", "法律顾问 OR 律师"),
            ("法律顾问 ＮＯＴ 外包", "法律顾问 NOT 外包"),
            ("法律顾问 －外包", "法律顾问 -外包"),
            ("法律顾问 AND 律师", "法律顾问 律师"),
            ("法律顾问 ＡＮＤ 律师", "法律顾问 律师"),
            ("＂合同 审查＂", "\"合同 审查\""),
        ] {
            assert_eq!(
                parse(typed).unwrap().clauses,
                parse(ascii).unwrap().clauses,
                "{typed}"
            );
        }
        assert!(parse("法律顾问 AND 律师").unwrap().notes.is_empty());
    }

    /// Words that look like an operator, a wildcard or a flag are searched as text, with a note
    /// that says what the user may have meant; ordinary terms get none.
    #[test]
    fn look_alikes_are_text_with_a_note() {
        for (q, word, terms) in [
            ("法律顾问 or 律师", "`or`", 3),
            ("法律* 诚信", "`法律*`", 2),
            ("法律顾问 —all", "`—all`", 2),
        ] {
            let parsed = parse(q).unwrap();
            assert_eq!(parsed.clauses.len(), terms, "{q}");
            assert_eq!(parsed.notes.len(), 1, "{q}");
            assert!(parsed.notes[0].contains(word), "{q}: {:?}", parsed.notes);
        }
        assert!(parse("法律顾问 OR 律师 -外包 \"R&D\"")
            .unwrap()
            .notes
            .is_empty());
    }

    /// `--not TERM` is read as the term after NOT: a quoted phrase, an unbalanced quote refused,
    /// several words refused, a leading - the same exclusion, the length limit counted.
    #[test]
    fn not_flag_values_read_as_the_term_after_not() {
        let n = Normalizer::new();
        let with_not = |v: &str| parse_query_excluding("法律顾问", &[v.to_string()], &n);
        assert_eq!(
            with_not("\"续聘 律师\"").unwrap().clauses,
            parse("法律顾问 NOT \"续聘 律师\"").unwrap().clauses
        );
        assert_eq!(
            with_not("-续聘律师").unwrap().clauses,
            parse("法律顾问 NOT 续聘律师").unwrap().clauses
        );
        assert_eq!(with_not("\"续聘"), Err(QueryError::UnbalancedQuote));
        assert_eq!(
            with_not("续聘 律师"),
            Err(QueryError::NotOneTerm("续聘 律师".into()))
        );
        assert!(with_not(&"法".repeat(996)).is_ok());
        assert!(matches!(
            with_not(&"法".repeat(997)),
            Err(QueryError::TooLong(1001))
        ));
    }

    #[test]
    fn bad_queries_are_refused_with_a_reason() {
        assert_eq!(parse(""), Err(QueryError::Empty));
        assert_eq!(parse("  "), Err(QueryError::Empty));
        assert_eq!(parse("\"法律"), Err(QueryError::UnbalancedQuote));
        assert_eq!(parse("-"), Err(QueryError::Dangling("-".into())));
        assert_eq!(
            parse("行政复议 --index i8"),
            Err(QueryError::FlagAfterDashes("--index".into()))
        );
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
