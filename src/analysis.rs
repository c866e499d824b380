//! Analysis: normalisation and the two tokenizers, the same at index and at query time.
//!
//! This module owns how text becomes terms. It knows nothing of files, sections or queries.
//!
//! **Normalisation** ([`Normalizer`]) maps text to a canonical form before anything is cut:
//! NFKC (full-width letters and digits to half-width, compatibility forms such as ① to 1),
//! lowercase, traditional to simplified Chinese (OpenCC `t2s`, phrase level, line by line), and
//! every run of whitespace (U+3000 included) to one space; characters that show nothing (a
//! zero-width space or joiner, a soft hyphen) are dropped. [`Normalizer::normalize_mapped`] also
//! returns, for each normalised character, the byte range of the original text it came from, so
//! highlights point at the original text even where normalisation changed it.
//!
//! **Grams** ([`for_each_gram`] for the body's gram index, [`GramTokenizer`] for the heading,
//! title and body-name fields): the completeness guarantee. For every
//! non-space character at character index `p` of the normalised text, one token at position
//! `p`: the bigram of that character and the next one, or the character alone when the next is
//! a space or the end. A token's position is therefore the character offset of its first
//! character in the normalised text. A query string of n ≥ 2 characters becomes the phrase of
//! its own tokens at their own character offsets, which matches exactly where the normalised
//! query occurs as a substring; a single character becomes a prefix query on the terms. No
//! token crosses whitespace, so a match never spans two lines.
//!
//! **Words** ([`WordTokenizer`], field `words`): the ranking signal. jieba-rs `cut` (HMM on)
//! over the normalised text, whitespace and punctuation dropped; positions count words. The
//! field records frequencies only (BM25), no positions.
//!
//! Token offsets are byte offsets into the normalised text handed to the tokenizer, always on
//! character boundaries.
//!
//! Both tokenizers expect normalised text. tantivy hands them a `&str`, so the type that carries
//! the promise is [`Normalized`]: the section document adds only `Normalized` text to the gram
//! and word fields, and query grams are cut from `Normalized` query forms.

use std::io::BufReader;
use std::sync::{Arc, OnceLock};

use jieba_rs::Jieba;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;

/// Name under which the gram tokenizer is registered in tantivy.
pub const GRAM_TOKENIZER: &str = "govsearch_grams";
/// Name under which the word tokenizer is registered in tantivy.
pub const WORD_TOKENIZER: &str = "govsearch_words";

/// Version of the analysis rules; an index built with another version must be rebuilt.
pub const ANALYSIS_VERSION: u32 = 3;

/// The government-domain user dictionary shipped with govsearch (jieba format).
pub const DOMAIN_DICT: &str = include_str!("domain_dict.txt");

/// Canonical form of text for matching: NFKC, lowercase, traditional to simplified,
/// whitespace runs to one space. Cheap to clone (the converter is shared).
#[derive(Clone)]
pub struct Normalizer {
    t2s: Arc<ferrous_opencc::OpenCC>,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Normalizer")
    }
}

/// Text in the canonical form of [`Normalizer`]: the only text the tokenizers and the gram
/// queries are correct for. Made only by a [`Normalizer`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Normalized(String);

impl Normalized {
    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same text without surrounding spaces (still normalised: trimming keeps the form).
    pub fn trimmed(&self) -> Normalized {
        Normalized(self.0.trim().to_string())
    }

    /// Whether it holds no character.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Deref for Normalized {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Normalized {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Normalized {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl std::fmt::Display for Normalized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text after normalisation, with where each character came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedText {
    /// The normalised text.
    pub text: String,
    /// For each character of `text`, the byte range in the original text it came from.
    pub origin: Vec<(usize, usize)>,
}

fn shared_t2s() -> Arc<ferrous_opencc::OpenCC> {
    static T2S: OnceLock<Arc<ferrous_opencc::OpenCC>> = OnceLock::new();
    T2S.get_or_init(|| {
        Arc::new(
            ferrous_opencc::OpenCC::from_config(ferrous_opencc::config::BuiltinConfig::T2s)
                .expect("the built-in OpenCC t2s configuration loads"),
        )
    })
    .clone()
}

/// Characters that OpenCC t2s changes, on their own or inside a phrase of its table
/// (`PHRASE_CHARS`): a text without any of them is left as it is, which spares the converter
/// on almost all simplified text. Only CJK ideographs can be in
/// it, so it is a bit set over their blocks (one lookup per character of every section), built
/// into the binary: deriving it from OpenCC took milliseconds of every search process. A unit
/// test derives it again and fails when the table and OpenCC disagree.
struct TraditionalChars {
    /// Bit `i` (byte `i / 8`, bit `i % 8`) is set when `CJK_FIRST + i` is traditional.
    bits: &'static [u8],
}

/// Characters that OpenCC t2s keeps on their own but changes inside a phrase of its table
/// (TSPhrases): 瞭解 becomes 了解, 藉由 借由, 傢俱 家具, 彷彿 仿佛, 沈沒 沉没, 牴觸 抵触, 衹得 只得,
/// 函覆 函复, 么麼 幺麽. They are in `traditional_chars.bin`. Without them in [`TraditionalChars`], 瞭解 was converted in a text that
/// held another traditional character and kept in one that did not, so that a search for
/// either form missed the other. They are the characters of a TSPhrases key that its value
/// changes and that TSCharacters keeps alone (ferrous-opencc 0.4's tables); a unit test checks
/// each against OpenCC.
#[cfg(test)]
const PHRASE_CHARS: [(char, &str); 9] = [
    ('么', "么麼"),
    ('俱', "傢俱"),
    ('彷', "彷彿"),
    ('沈', "沈沒"),
    ('牴', "牴觸"),
    ('瞭', "瞭解"),
    ('藉', "藉由"),
    ('衹', "衹得"),
    ('覆', "函覆"),
];

/// The CJK blocks that hold every character OpenCC t2s changes on its own: Extension A,
/// Unified Ideographs and Compatibility Ideographs.
const CJK_FIRST: u32 = 0x3400;
const CJK_LAST: u32 = 0xfaff;

impl TraditionalChars {
    fn contains(&self, c: char) -> bool {
        let c = c as u32;
        if !(CJK_FIRST..=CJK_LAST).contains(&c) {
            return false;
        }
        let i = (c - CJK_FIRST) as usize;
        self.bits[i / 8] >> (i % 8) & 1 == 1
    }
}

fn traditional_chars() -> &'static TraditionalChars {
    static SET: TraditionalChars = TraditionalChars {
        bits: include_bytes!("traditional_chars.bin"),
    };
    &SET
}

/// Characters of the Basic Multilingual Plane that fold to themselves: not whitespace, and
/// NFKC then lowercasing give back exactly the character. Chinese punctuation (。、“”《》)
/// is in it, full-width forms (，（） and letters) are not. [`Normalizer::fold`] copies these
/// as they are instead of running the NFKC iterator for each, which made folding cost over a
/// hundred instructions a character on Chinese text (callgrind). Built into the binary as
/// `kept_chars.bin`; a unit test derives it again from the same rules.
struct KeptChars {
    /// Bit `i` (byte `i / 8`, bit `i % 8`) is set when `char::from_u32(i)` is kept.
    bits: &'static [u8],
}

impl KeptChars {
    fn contains(&self, c: char) -> bool {
        let i = c as usize;
        i < 0x10000 && self.bits[i / 8] >> (i % 8) & 1 == 1
    }
}

fn kept_chars() -> &'static KeptChars {
    static SET: KeptChars = KeptChars {
        bits: include_bytes!("kept_chars.bin"),
    };
    &SET
}

/// The bit set of [`KeptChars`] (what `kept_chars.bin` holds).
#[cfg(test)]
fn derive_kept_bits() -> Vec<u8> {
    let mut bits = vec![0u8; 0x10000 / 8];
    for c in (0..0x10000u32).filter_map(char::from_u32) {
        let folded: Vec<char> = std::iter::once(c)
            .nfkc()
            .flat_map(char::to_lowercase)
            .collect();
        if !c.is_whitespace() && folded == [c] {
            bits[c as usize / 8] |= 1 << (c as usize % 8);
        }
    }
    bits
}

/// The bit set of [`TraditionalChars`], derived from OpenCC t2s and [`PHRASE_CHARS`] (what
/// `traditional_chars.bin` holds).
#[cfg(test)]
fn derive_traditional_bits() -> Vec<u8> {
    let t2s = shared_t2s();
    let candidates: String = ('\u{3400}'..='\u{4dbf}')
        .chain('\u{4e00}'..='\u{9fff}')
        .chain('\u{f900}'..='\u{faff}')
        .collect();
    let converted = t2s.convert(&candidates);
    let changed: Vec<char> = if converted.chars().count() == candidates.chars().count() {
        candidates
            .chars()
            .zip(converted.chars())
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a)
            .collect()
    } else {
        // Fall back to asking one character at a time.
        candidates
            .chars()
            .filter(|c| {
                let s = c.to_string();
                t2s.convert(&s) != s
            })
            .collect()
    };
    let mut bits = vec![0u8; ((CJK_LAST - CJK_FIRST) as usize + 8) / 8];
    for c in changed
        .into_iter()
        .chain(PHRASE_CHARS.iter().map(|(c, _)| *c))
    {
        let i = (c as u32 - CJK_FIRST) as usize;
        bits[i / 8] |= 1 << (i % 8);
    }
    bits
}

impl Default for Normalizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Normalizer {
    /// A normaliser using the built-in OpenCC t2s tables.
    pub fn new() -> Self {
        Normalizer { t2s: shared_t2s() }
    }

    /// Normalises text (see the module documentation).
    pub fn normalize(&self, text: &str) -> Normalized {
        Normalized(self.fold(text, true, false).text)
    }

    /// Normalises text and records, for each output character, its source byte range.
    pub fn normalize_mapped(&self, text: &str) -> MappedText {
        self.fold(text, true, true)
    }

    /// Width, case and whitespace folding only, no traditional-to-simplified conversion. A
    /// query term also matches in this form, since OpenCC converts some characters differently
    /// inside a phrase than alone (乾隆 stays, 乾 alone becomes 干).
    pub fn normalize_without_t2s(&self, text: &str) -> Normalized {
        Normalized(self.fold(text, false, false).text)
    }

    /// The folding loop. Without `mapped`, no origin is recorded (most callers need only the
    /// text, and the origins cost 16 bytes a character).
    ///
    /// Characters that fold to themselves (ideographs, lowercase ASCII, [`KeptChars`]) are not
    /// pushed one by one: each run of them is copied whole when a character that changes, or
    /// the end, is reached.
    fn fold(&self, text: &str, t2s: bool, mapped: bool) -> MappedText {
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(if mapped { text.len() / 2 } else { 0 });
        let mut needs_t2s = false;
        let trad = traditional_chars();
        // Where the run of characters kept as they are, not yet copied, starts.
        let mut run = 0;
        for (i, c) in text.char_indices() {
            let as_is = if c.is_ascii() {
                !c.is_ascii_uppercase() && !c.is_whitespace()
            } else if ('\u{4e00}'..='\u{9fff}').contains(&c)
                || kept_chars().contains(c) && !is_invisible(c)
            {
                needs_t2s |= trad.contains(c);
                true
            } else {
                false
            };
            let end = i + c.len_utf8();
            if as_is {
                if mapped {
                    origin.push((i, end));
                }
                continue;
            }
            out.push_str(&text[run..i]);
            run = end;
            if is_invisible(c) {
                continue;
            }
            let mut record = |range: (usize, usize)| {
                if mapped {
                    origin.push(range);
                }
            };
            if c.is_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                    record((i, end));
                }
                continue;
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
                record((i, end));
                continue;
            }
            for n in std::iter::once(c).nfkc() {
                for l in n.to_lowercase() {
                    if l.is_whitespace() {
                        if !out.ends_with(' ') {
                            out.push(' ');
                            record((i, end));
                        }
                    } else {
                        needs_t2s |= trad.contains(l);
                        out.push(l);
                        record((i, end));
                    }
                }
            }
        }
        out.push_str(&text[run..]);
        if t2s && needs_t2s {
            out = self.to_simplified(&out);
        }
        debug_assert!(!mapped || out.chars().count() == origin.len());
        MappedText { text: out, origin }
    }

    /// Traditional to simplified, line by line, keeping the character count: where OpenCC
    /// changes the length of a line, that line is converted one character at a time instead.
    ///
    /// Only the runs of Han characters that may change go through OpenCC, which costs over a
    /// thousand instructions a character. The result is the same as converting the whole
    /// line: OpenCC t2s matches the longest key of its tables at each place, left to right,
    /// and every character of every key is Han ([`is_han`]), so no match starts at or spans
    /// any other character; and a run comes back unchanged unless it holds a character that a
    /// key's value changes, which is in [`TraditionalChars`] or outside the Basic Multilingual
    /// Plane (the set does not cover 𡻕 and the other few hundred supplementary ones). A
    /// report's paragraph of a thousand characters that holds one 覆 (覆盖) or 函 converts one
    /// clause, not the paragraph: OpenCC had been a third of the instructions of a query whose
    /// hits' snippets are such paragraphs.
    fn to_simplified(&self, text: &str) -> String {
        let trad = traditional_chars();
        let may_change = |c: char| trad.contains(c) || u32::from(c) > 0xffff;
        let mut out = String::with_capacity(text.len());
        for (k, line) in text.split('\n').enumerate() {
            if k > 0 {
                out.push('\n');
            }
            let start = out.len();
            // Characters OpenCC added to the line, less those it took away.
            let mut grown = 0isize;
            let mut rest = line;
            while !rest.is_empty() {
                let han = rest.starts_with(is_han);
                let end = rest.find(|c: char| is_han(c) != han).unwrap_or(rest.len());
                let (run, after) = rest.split_at(end);
                rest = after;
                if !han || !run.chars().any(may_change) {
                    out.push_str(run);
                    continue;
                }
                let converted = self.t2s.convert(run);
                grown += converted.chars().count() as isize - run.chars().count() as isize;
                out.push_str(&converted);
            }
            if grown == 0 {
                continue;
            }
            out.truncate(start);
            for c in line.chars() {
                if !may_change(c) {
                    out.push(c);
                    continue;
                }
                let one = self.t2s.convert(c.encode_utf8(&mut [0; 4]));
                if one.chars().count() == 1 {
                    out.push_str(&one);
                } else {
                    out.push(c);
                }
            }
        }
        out
    }
}

/// Whether `c` is a Han ideograph: the unified block, its extensions (䶮 in Ext-A, 𠮷 in Ext-B,
/// as place names use them) and the compatibility ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ebef}'
        | '\u{30000}'..='\u{3134f}')
}

/// Characters that show nothing and are dropped: zero-width space, non-joiner and joiner, word
/// joiner, zero-width no-break space (a byte order mark inside a file) and soft hyphen. A page
/// copied with them inside a word (法律\u{200b}顾问) must still give the word.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

/// A gram as a number: the first character in bits 21..42, and in bits 0..21 the next
/// character plus one, or 0 when the character stands alone (a space or the end follows).
/// Keys sort by first character, so all grams starting with one character form one range
/// ([`grams_starting_with`]). Used by the body's gram index ([`crate::index::grams`]).
pub fn gram_key(first: char, next: Option<char>) -> u64 {
    ((first as u64) << 21) | next.map_or(0, |n| n as u64 + 1)
}

/// The key of a gram term as [`grams_of`] returns it (one or two characters).
pub fn gram_key_of(gram: &str) -> u64 {
    let mut chars = gram.chars();
    let first = chars.next().unwrap_or('\0');
    gram_key(first, chars.next())
}

/// The keys of every gram whose first character is `c` (`c` alone included): `lo..hi`.
pub fn grams_starting_with(c: char) -> std::ops::Range<u64> {
    let lo = (c as u64) << 21;
    lo..lo + (1 << 21)
}

/// Calls `f(position, key)` for every gram of normalised text, in position order: exactly the
/// tokens of [`GramTokenizer`], with positions as character offsets.
pub fn for_each_gram(text: &str, mut f: impl FnMut(u32, u64)) {
    let mut chars = text.chars();
    let Some(mut c) = chars.next() else {
        return;
    };
    let mut position = 0u32;
    loop {
        let next = chars.next();
        if !is_gram_space(c) {
            let follower = next.filter(|n| !is_gram_space(*n));
            f(position, gram_key(c, follower));
        }
        position += 1;
        match next {
            Some(n) => c = n,
            None => return,
        }
    }
}

/// Whitespace as the grams see it; normalised text holds only ASCII spaces, so test those first.
#[inline]
fn is_gram_space(c: char) -> bool {
    c == ' ' || (!c.is_ascii() && c.is_whitespace()) || c.is_ascii_whitespace()
}

/// The companion n-gram tokenizer (see the module documentation for positions).
#[derive(Clone, Default)]
pub struct GramTokenizer {
    token: Token,
}

/// Token stream of [`GramTokenizer`].
pub struct GramTokenStream<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    position: usize,
    token: &'a mut Token,
}

impl Tokenizer for GramTokenizer {
    type TokenStream<'a> = GramTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> GramTokenStream<'a> {
        self.token.reset();
        GramTokenStream {
            text,
            chars: text.char_indices().peekable(),
            position: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for GramTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((from, c)) = self.chars.next() {
            let position = self.position;
            self.position += 1;
            if c.is_whitespace() {
                continue;
            }
            let mut to = from + c.len_utf8();
            if let Some(&(next_from, next)) = self.chars.peek() {
                if !next.is_whitespace() {
                    to = next_from + next.len_utf8();
                }
            }
            self.token.text.clear();
            self.token.text.push_str(&self.text[from..to]);
            self.token.offset_from = from;
            self.token.offset_to = to;
            self.token.position = position;
            self.token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// The grams of a normalised string as the index holds them: (character offset, term).
/// A trailing lone character (after a space, or the whole string) is returned as a one-char
/// term; the caller treats it as a prefix, since in the text it may be followed by anything.
pub fn grams_of(normalized: &Normalized) -> Vec<(usize, String)> {
    let chars: Vec<char> = normalized.chars().collect();
    let mut grams = Vec::new();
    for (p, c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        match chars.get(p + 1) {
            Some(n) if !n.is_whitespace() => grams.push((p, format!("{c}{n}"))),
            Some(_) => grams.push((p, c.to_string())),
            None => {
                // The last char is covered by the previous bigram unless it stands alone.
                if p == 0 || chars[p - 1].is_whitespace() {
                    grams.push((p, c.to_string()));
                }
            }
        }
    }
    grams
}

/// The jieba word tokenizer over normalised text.
#[derive(Clone)]
pub struct WordTokenizer {
    jieba: Arc<Jieba>,
    token: Token,
    words: Vec<(usize, usize)>,
}

impl WordTokenizer {
    /// A tokenizer sharing the given segmenter.
    pub fn new(jieba: Arc<Jieba>) -> Self {
        WordTokenizer {
            jieba,
            token: Token::default(),
            words: Vec::new(),
        }
    }
}

/// Token stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    words: std::slice::Iter<'a, (usize, usize)>,
    position: usize,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        self.words.clear();
        self.words.extend(
            self.jieba
                .cut(text, true)
                .into_iter()
                .filter(|t| is_word(t.word))
                .map(|t| (t.byte_start, t.byte_end)),
        );
        WordTokenStream {
            text,
            words: self.words.iter(),
            position: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(&(from, to)) = self.words.next() else {
            return false;
        };
        self.token.text.clear();
        self.token.text.push_str(&self.text[from..to]);
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.position = self.position;
        self.token.position_length = 1;
        self.position += 1;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// A jieba token worth indexing: it holds a letter, digit or ideograph.
///
/// Nearly every token is a CJK ideograph, ASCII or one of a few punctuation marks (、 and 。
/// are nine in ten of the rest in ../shared/corpus), answered without Unicode's tables: asked
/// of an ideograph, `char::is_alphanumeric` searches the alphabetic table (1.2% of indexing
/// CPU in perf).
pub fn is_word(word: &str) -> bool {
    word.chars().any(|c| {
        c.is_ascii_alphanumeric()
            || ('\u{4e00}'..='\u{9fff}').contains(&c)
            || (!c.is_ascii()
                && !matches!(c, '、' | '。' | '“' | '”' | '《' | '》' | '—')
                && c.is_alphanumeric())
    })
}

/// A user dictionary file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("user dictionary {path}: {message}")]
pub struct DictError {
    /// The file.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// Which dictionaries segment the words: jieba's default one always, then the built-in
/// government-domain one (unless turned off), then the user's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dictionaries {
    /// Load [`DOMAIN_DICT`].
    pub domain: bool,
    /// The content of the user's dictionary file (jieba format).
    pub user: Option<String>,
}

impl Default for Dictionaries {
    fn default() -> Self {
        Dictionaries {
            domain: true,
            user: None,
        }
    }
}

impl Dictionaries {
    /// Loads the segmenter.
    pub fn load(&self) -> Result<Jieba, DictError> {
        load_jieba(self.domain, self.user.as_deref())
    }

    /// Digest identifying these dictionaries, recorded in the index: another digest means the
    /// words were cut differently and the index must be rebuilt.
    pub fn digest(&self) -> String {
        let mut h = blake3::Hasher::new();
        h.update(b"jieba-rs 0.11 default dictionary\0");
        if self.domain {
            h.update(DOMAIN_DICT.as_bytes());
        }
        h.update(b"\0");
        if let Some(u) = &self.user {
            h.update(u.as_bytes());
        }
        h.finalize().to_hex().to_string()
    }
}

/// Loads jieba's default dictionary, then the domain dictionary (when `domain`), then the
/// user's own words.
pub fn load_jieba(domain: bool, user_dict: Option<&str>) -> Result<Jieba, DictError> {
    let mut jieba = Jieba::new();
    if domain {
        jieba
            .load_dict(&mut BufReader::new(DOMAIN_DICT.as_bytes()))
            .map_err(|e| DictError {
                path: "(built-in domain dictionary)".into(),
                message: e.to_string(),
            })?;
    }
    if let Some(words) = user_dict {
        jieba
            .load_dict(&mut BufReader::new(words.as_bytes()))
            .map_err(|e| DictError {
                path: "(user dictionary)".into(),
                message: e.to_string(),
            })?;
    }
    Ok(jieba)
}

/// The words of a text as the index cuts them: normalised, then segmented.
pub fn words_of(jieba: &Jieba, normalized: &Normalized) -> Vec<String> {
    jieba
        .cut(normalized, true)
        .into_iter()
        .filter(|t| is_word(t.word))
        .map(|t| t.word.to_string())
        .collect()
}

#[cfg(test)]
mod tests {

    /// Asserts that a table built into the binary is what its rules derive; with `write_env`
    /// set, rewrites the file in `src/` first.
    fn check_built_in_table(built_in: &[u8], derived: Vec<u8>, write_env: &str, file: &str) {
        if std::env::var_os(write_env).is_some() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src")
                .join(file);
            std::fs::write(path, &derived).unwrap();
        }
        assert!(built_in == &derived[..], "{file} differs from its rules");
    }

    /// The built-in table of traditional characters is what OpenCC says. After an OpenCC update,
    /// `GOVSEARCH_WRITE_TRADITIONAL=1 cargo test --lib traditional` rewrites it.
    #[test]
    fn the_traditional_character_table_matches_opencc() {
        check_built_in_table(
            traditional_chars().bits,
            derive_traditional_bits(),
            "GOVSEARCH_WRITE_TRADITIONAL",
            "traditional_chars.bin",
        );
        assert!(traditional_chars().contains('國'));
        assert!(!traditional_chars().contains('国'));
    }

    /// Each phrase character is kept by OpenCC alone and changed in its phrase, and text that
    /// holds the phrase is normalised alike whether or not another traditional character is
    /// near: 瞭解 is 了解 alone, beside simplified text and beside 們.
    #[test]
    fn phrase_characters_convert_alike_in_any_company() {
        let t2s = shared_t2s();
        let n = Normalizer::new();
        for (c, phrase) in PHRASE_CHARS {
            assert_eq!(t2s.convert(&c.to_string()), c.to_string(), "{c} alone");
            let converted = t2s.convert(phrase);
            assert!(!converted.contains(c), "{phrase} converts {c}: {converted}");
            assert_eq!(n.normalize(phrase).0, converted, "{phrase}");
            assert_eq!(
                n.normalize(&format!("组织{phrase}")).0,
                format!("组织{converted}")
            );
            assert_eq!(
                n.normalize(&format!("我們{phrase}")).0,
                format!("我们{converted}")
            );
        }
    }
    use super::*;

    /// What [`Normalizer::to_simplified`] gave before it converted runs: OpenCC over each
    /// whole line, or one character at a time where that changed the line's length.
    fn simplified_line_by_line(text: &str) -> String {
        let t2s = shared_t2s();
        let lines: Vec<String> = text
            .split('\n')
            .map(|line| {
                let converted = t2s.convert(line);
                if converted.chars().count() == line.chars().count() {
                    return converted;
                }
                line.chars()
                    .map(|c| {
                        let one = t2s.convert(&c.to_string());
                        if one.chars().count() == 1 {
                            one
                        } else {
                            c.to_string()
                        }
                    })
                    .collect()
            })
            .collect();
        lines.join("\n")
    }

    /// Converting only the runs of Han characters that may change gives what converting every
    /// line whole gave: phrases (答覆, 憑藉, 於則) inside longer runs and beside punctuation,
    /// digits and Latin letters; a supplementary-plane character that OpenCC changes (𡻕,
    /// outside the set of traditional characters) in a line with no other; and lines with
    /// nothing to convert.
    #[test]
    fn converting_runs_gives_what_converting_whole_lines_gave() {
        let n = Normalizer::new();
        let texts = [
            "全面覆盖城乡的公共法律服务体系，覆盖率达到100%。",
            "答覆意见；函覆如下：本局已於则日憑藉证据办理",
            "国务院关于二噁英污染防治的通知（2019年第3号）",
            "年满十八𡻕的公民\n國務院办公厅\n没有繁体字的一行",
            "乾隆年间，沈阳故宫的宫殿得以修缮。ABC乾坤",
            "雖覆能復，以功覆過，覆電已收到",
            "",
            "\n\n們\n",
        ];
        for text in texts {
            assert_eq!(
                n.to_simplified(text),
                simplified_line_by_line(text),
                "{text}"
            );
        }
        // The conversion took place where it should: a phrase, a character, a supplementary one.
        assert_eq!(n.to_simplified("憑藉证据"), "凭借证据");
        assert_eq!(n.to_simplified("國務院，們"), "国务院，们");
        assert_eq!(n.to_simplified("十八𡻕"), "十八岁");
    }

    proptest::proptest! {
        /// The same for any text over characters that phrases, characters of the set, the
        /// supplementary planes, punctuation, Latin letters, digits and line breaks make.
        #[test]
        fn converting_runs_matches_whole_lines_on_any_text(
            text in "[覆盖答函藉憑於則乾隆沈阳二噁英𡻕國們们雖能復以功過電，。 a1\n]{0,40}"
        ) {
            let n = Normalizer::new();
            proptest::prop_assert_eq!(n.to_simplified(&text), simplified_line_by_line(&text));
        }
    }

    /// The built-in table of characters that fold to themselves is what unicode-normalization
    /// says. After an update of that crate or of Rust's Unicode tables,
    /// `GOVSEARCH_WRITE_KEPT=1 cargo test --lib kept` rewrites it.
    #[test]
    fn the_kept_character_table_matches_nfkc_and_lowercasing() {
        check_built_in_table(
            kept_chars().bits,
            derive_kept_bits(),
            "GOVSEARCH_WRITE_KEPT",
            "kept_chars.bin",
        );
        for kept in ['。', '、', '“', '《', '—', 'é'] {
            assert!(kept_chars().contains(kept), "{kept}");
        }
        for folded in ['，', '（', 'Ａ', '①', 'É', '\u{3000}', '\u{f900}'] {
            assert!(!kept_chars().contains(folded), "{folded}");
        }
    }

    /// Folding one character at a time through the NFKC iterator: the rules of
    /// [`Normalizer::fold`] without its fast paths (t2s apart).
    fn fold_reference(text: &str) -> (String, Vec<(usize, usize)>) {
        let (mut out, mut origin) = (String::new(), Vec::new());
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            for l in std::iter::once(c).nfkc().flat_map(char::to_lowercase) {
                if l.is_whitespace() {
                    if !out.ends_with(' ') {
                        out.push(' ');
                        origin.push((i, end));
                    }
                } else if !is_invisible(l) {
                    out.push(l);
                    origin.push((i, end));
                }
            }
        }
        (out, origin)
    }

    /// Folding with the kept table and runs copied whole gives what the NFKC iterator gives,
    /// text and origins, for every character of the Basic Multilingual Plane and beyond, alone
    /// and among spaces, capitals and ideographs.
    #[test]
    fn fast_folding_equals_folding_each_character() {
        let n = Normalizer::new();
        let every: String = (0x01..0x10000u32)
            .chain(0x1f600..0x1f610)
            .chain(0x20000..0x20010)
            .filter_map(char::from_u32)
            .collect();
        let mixed: String = every
            .chars()
            .enumerate()
            .map(|(k, c)| match k % 5 {
                0 => format!("{c}法 "),
                1 => format!("A{c}\u{3000}\t"),
                2 => format!("{c}{c}Ｂ"),
                _ => c.to_string(),
            })
            .collect();
        for text in [
            &every,
            &mixed,
            &"  法律　顾问 GDP，（一）ａｂ\r\n".to_string(),
        ] {
            let fast = n.fold(text, false, true);
            let (slow, origin) = fold_reference(text);
            assert_eq!(fast.text, slow);
            assert_eq!(fast.origin, origin);
            assert_eq!(n.fold(text, false, false).text, slow);
        }
    }

    fn tokens<T: Tokenizer>(mut tok: T, text: &str) -> Vec<(usize, String, usize, usize)> {
        let mut stream = tok.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let t = stream.token();
            out.push((t.position, t.text.clone(), t.offset_from, t.offset_to));
        }
        out
    }

    #[test]
    fn gram_positions_are_character_offsets_and_never_cross_spaces() {
        let toks = tokens(GramTokenizer::default(), "法律顾问 5g");
        let expect = vec![
            (0, "法律".to_string(), 0, 6),
            (1, "律顾".to_string(), 3, 9),
            (2, "顾问".to_string(), 6, 12),
            (3, "问".to_string(), 9, 12),
            (5, "5g".to_string(), 13, 15),
            (6, "g".to_string(), 14, 15),
        ];
        assert_eq!(toks, expect);
    }

    #[test]
    fn grams_of_query_match_the_text_tokens_at_the_same_offsets() {
        assert_eq!(
            grams_of(&Normalizer::new().normalize("律顾问")),
            vec![(0, "律顾".to_string()), (1, "顾问".to_string())]
        );
        assert_eq!(
            grams_of(&Normalizer::new().normalize("税")),
            vec![(0, "税".to_string())]
        );
        assert_eq!(
            grams_of(&Normalizer::new().normalize("ai 模型")),
            vec![(0, "ai".into()), (1, "i".into()), (3, "模型".into())]
        );
    }

    #[test]
    fn normalisation_folds_width_case_and_traditional_characters() {
        let n = Normalizer::new();
        assert_eq!(n.normalize("ＧＤＰ增长２０２１年"), "gdp增长2021年");
        assert_eq!(n.normalize("國務院法律顧問"), "国务院法律顾问");
        assert_eq!(n.normalize("a\u{3000}\u{3000} b\r\nc"), "a b c");
        assert_eq!(n.normalize("ＡＩ与PM2.5"), "ai与pm2.5");
    }

    #[test]
    fn mapping_points_back_at_the_original_characters() {
        let n = Normalizer::new();
        let src = "見ＧＤＰ　增長";
        let m = n.normalize_mapped(src);
        assert_eq!(m.text, "见gdp 增长");
        let back: Vec<&str> = m.origin.iter().map(|&(a, b)| &src[a..b]).collect();
        assert_eq!(back, vec!["見", "Ｇ", "Ｄ", "Ｐ", "\u{3000}", "增", "長"]);
        // Characters that show nothing are dropped, and what follows them maps past them.
        let src = "法律\u{200b}顾\u{00ad}问\u{feff}制度";
        let m = n.normalize_mapped(src);
        assert_eq!(m.text, "法律顾问制度");
        let back: Vec<&str> = m.origin.iter().map(|&(a, b)| &src[a..b]).collect();
        assert_eq!(back, vec!["法", "律", "顾", "问", "制", "度"]);
        assert_eq!(n.normalize("法律\u{200c}\u{200d}\u{2060}顾问"), "法律顾问");
    }

    /// The fast paths of `is_word` answer as Unicode's alphanumeric class does, for every
    /// character alone and beside punctuation.
    #[test]
    fn is_word_agrees_with_unicode_alphanumerics() {
        for c in (0..=0x10ffffu32).filter_map(char::from_u32) {
            let alone = c.to_string();
            assert_eq!(
                is_word(&alone),
                c.is_alphanumeric(),
                "{c:?} ({:x})",
                c as u32
            );
            let beside = format!("，{c}。");
            assert_eq!(
                is_word(&beside),
                c.is_alphanumeric(),
                "{c:?} among punctuation"
            );
        }
        assert!(!is_word("，。、 "));
        assert!(is_word("法律"));
    }

    #[test]
    fn word_tokens_carry_byte_offsets_on_char_boundaries() {
        let jieba = Arc::new(load_jieba(true, None).unwrap());
        let text = "建立法律顾问制度，gdp增长。";
        for (_, word, from, to) in tokens(WordTokenizer::new(jieba), text) {
            assert_eq!(&text[from..to], word);
        }
    }
}
