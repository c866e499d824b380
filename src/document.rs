//! The section document: how one section of one report is stored in the index.
//!
//! This module owns the tantivy schema of govsearch: every field name, the tie-break key's bit
//! layout and the heading separator. [`SectionSchema::encode`] turns a report's section into a
//! `TantivyDocument`, [`SectionSchema::decode`] turns a stored document back into a
//! [`StoredSection`]. Nothing else names a tantivy field by string or knows a bit layout; the
//! search step builds its queries on the [`Fields`] handles given here.
//!
//! It must not know how files are read, how reports are parsed, or how queries rank.

use std::sync::Arc;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, SchemaBuilder, TextFieldIndexing, TextOptions, Value, FAST,
    INDEXED, STORED, STRING,
};

use tantivy::columnar::ColumnValues;
use tantivy::{SegmentReader, TantivyDocument, Term};

use crate::analysis::{self, Normalized, Normalizer};
use crate::report::{Report, Section};

/// Version of the schema; an index of another version must be rebuilt.
/// 4: the `passage` fingerprint and fast `org` and `path` columns, for the research views.
/// 6: column dictionaries (paths, issuing bodies) without zstd blocks (see Cargo.toml).
pub const SCHEMA_VERSION: u32 = 6;

/// The schema type of the body's gram field, which a tantivy segment plugin indexes.
pub const GRAMS_FIELD_TYPE: &str = "govsearch_grams";

/// Bits of the tie-break key that hold the section's first line. 2^20 lines (a million) is more
/// than any report has; the remaining 44 bits identify the report.
const KEY_LINE_BITS: u32 = 20;

/// Separator of heading path elements in the stored `heading` field: the ASCII unit separator,
/// which no heading text contains.
const HEADING_SEP: char = '\u{1f}';

/// Separator of the `line:page` pairs in the stored `pages` field.
const PAGES_SEP: char = ' ';

/// Name of the fast tie-break key field.
const KEY_FIELD: &str = "key";

/// Name of the fast passage fingerprint field (see [`passage_fingerprint`]).
const PASSAGE_FIELD: &str = "passage";

/// Name of the issuing body field, stored and fast (a column per segment, so counting by body
/// reads no document).
const ORG_FIELD: &str = "org";

/// Name of the year field, indexed, fast and stored.
const YEAR_FIELD: &str = "year";

/// Name of the path field: the deletion key (indexed), stored, and fast (a column per segment,
/// so where a duplicate passage also is can be named without loading its document).
const PATH_FIELD: &str = "path";

/// The fields of a section document. Queries are built on these handles.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Path of the file (raw string; deletion key).
    pub path: Field,
    /// Report title (stored).
    pub title: Field,
    /// Issuing body (stored).
    pub org: Field,
    /// Year (indexed, fast, stored).
    pub year: Field,
    /// Date as written (stored).
    pub date: Field,
    /// Document number, 文号 (stored).
    pub doc_number: Field,
    /// The issuing body's normalised name and each of its tails after a place name (云南省人民政府,
    /// 人民政府), as raw terms for `--org` prefix matching; on the first section of each report.
    pub org_keys: Field,
    /// Heading path, elements joined by a separator only this module knows (stored).
    pub heading: Field,
    /// Level of the innermost heading (stored).
    pub level: Field,
    /// First line (stored).
    pub line_start: Field,
    /// Last line (stored).
    pub line_end: Field,
    /// Original section text (stored).
    pub text: Field,
    /// For a PDF: where the section's pages start, as `line:page` pairs (stored).
    pub pages: Field,
    /// Normalised text as UTF-8 bytes, a field of type [`GRAMS_FIELD_TYPE`]: the gram index
    /// (`crate::index::grams`) inverts it for substring matching; not stored.
    pub grams: Field,
    /// Normalised text, jieba words with frequencies: ranking.
    pub words: Field,
    /// Normalised heading path, grams.
    pub heading_grams: Field,
    /// Normalised title, grams; on the first section of each report only (see [`Fields::file`]).
    pub title_grams: Field,
    /// Normalised issuing body, grams (for `--org`); on the first section of each report only.
    pub org_grams: Field,
    /// Identifies the report (file) a section belongs to: a hash of its path. Report-level text
    /// (title, issuing body) is indexed once per report, on its first section; a query finds the
    /// matching reports there and reaches all their sections through this field.
    pub file: Field,
    /// Deterministic tie-break key (fast): the report's id above the section's first line.
    key: Field,
    /// Fingerprint of the section's normalised text (fast): equal for duplicate passages.
    passage: Field,
}

/// A section as the index stores it, decoded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoredSection {
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
    /// Document number (文号).
    pub doc_number: Option<String>,
    /// Heading path, outermost first.
    pub heading: Vec<String>,
    /// Level of the innermost heading (0: preamble).
    pub level: u64,
    /// First line, 1-based.
    pub line_start: u64,
    /// Last line, inclusive.
    pub line_end: u64,
    /// The section's text as stored (original, not normalised).
    pub text: String,
    /// For a PDF: `(line, page)` where each of the section's pages starts, first line first;
    /// empty for formats without pages.
    pub page_starts: Vec<(u64, u64)>,
}

impl StoredSection {
    /// The page a line of this section is on (a PDF's), if the source has pages.
    pub fn page_of(&self, line: usize) -> Option<usize> {
        self.page_starts
            .iter()
            .take_while(|(start, _)| *start as usize <= line)
            .last()
            .or(self.page_starts.first())
            .map(|(_, page)| *page as usize)
    }
}

/// Report-level values, computed once per report and shared by its section documents.
pub struct ReportFacts<'a> {
    path: &'a str,
    report: &'a Report,
    file_id: u64,
    title_norm: Normalized,
    org_norm: Option<Normalized>,
    org_keys: Vec<String>,
    line_pages: Option<&'a [usize]>,
}

impl<'a> ReportFacts<'a> {
    /// The page each line of the source starts on (a PDF's; index 0 is line 1), so each
    /// section stores where its pages start.
    pub fn with_line_pages(mut self, line_pages: Option<&'a [usize]>) -> Self {
        self.line_pages = line_pages;
        self
    }
}

/// The schema of section documents and the codec between sections and tantivy documents.
#[derive(Debug, Clone)]
pub struct SectionSchema {
    schema: Schema,
    fields: Fields,
}

impl Default for SectionSchema {
    fn default() -> Self {
        Self::new()
    }
}

impl SectionSchema {
    /// Builds the schema.
    pub fn new() -> SectionSchema {
        let mut b = Schema::builder();
        let path = b.add_text_field(PATH_FIELD, STRING | STORED | FAST);
        let title = b.add_text_field("title", STORED);
        let org = b.add_text_field(ORG_FIELD, STORED | FAST);
        let year = b.add_u64_field(YEAR_FIELD, INDEXED | FAST | STORED);
        let date = b.add_text_field("date", STORED);
        let doc_number = b.add_text_field("doc_number", STORED);
        let org_keys = b.add_text_field("org_keys", STRING);
        let heading = b.add_text_field("heading", STORED);
        let level = b.add_u64_field("level", STORED);
        let line_start = b.add_u64_field("line_start", STORED);
        let line_end = b.add_u64_field("line_end", STORED);
        let text = b.add_text_field("text", STORED);
        let pages = b.add_text_field("pages", STORED);
        // Indexed by the gram plugin (crate::index::grams), not by tantivy's inverted index.
        let grams = b.add_custom_field("grams", GRAMS_FIELD_TYPE, serde_json::json!({}));
        let words = b.add_text_field(
            "words",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analysis::WORD_TOKENIZER)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        );
        let heading_grams = gram_field(&mut b, "heading_grams", true);
        // Report-level gram fields match with a constant score, so they need no field norms.
        let title_grams = gram_field(&mut b, "title_grams", false);
        let org_grams = gram_field(&mut b, "org_grams", false);
        let key = b.add_u64_field(KEY_FIELD, FAST);
        let file = b.add_u64_field("file", INDEXED);
        let passage = b.add_u64_field(PASSAGE_FIELD, FAST);
        SectionSchema {
            schema: b.build(),
            fields: Fields {
                path,
                title,
                org,
                year,
                date,
                doc_number,
                org_keys,
                heading,
                level,
                line_start,
                line_end,
                text,
                pages,
                grams,
                words,
                heading_grams,
                title_grams,
                org_grams,
                file,
                key,
                passage,
            },
        }
    }

    /// The fields ranked by BM25 (length-normalised), with their names: the fields whose token
    /// totals [`crate::index::TokenTotals`] keeps exact.
    pub fn scored_fields(&self) -> [(Field, &'static str); 2] {
        let f = &self.fields;
        [(f.words, "words"), (f.heading_grams, "heading_grams")]
    }

    /// The tantivy schema.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// The field handles.
    pub fn fields(&self) -> &Fields {
        &self.fields
    }

    /// The term that names every section of the file at `path` (to delete them).
    pub fn path_term(&self, path: &str) -> Term {
        Term::from_field_text(self.fields.path, path)
    }

    /// The term that names every section of the report with this id.
    pub fn file_term(&self, file_id: u64) -> Term {
        Term::from_field_u64(self.fields.file, file_id)
    }

    /// Prepares the report-level values of one report.
    pub fn report_facts<'a>(
        &self,
        path: &'a str,
        report: &'a Report,
        normalizer: &Normalizer,
    ) -> ReportFacts<'a> {
        ReportFacts {
            path,
            report,
            file_id: file_id(path),
            title_norm: normalizer.normalize(&report.title),
            org_norm: report.org.as_deref().map(|o| normalizer.normalize(o)),
            org_keys: report
                .org
                .as_deref()
                .map(|o| org_keys(&normalizer.normalize(o)))
                .unwrap_or_default(),
            line_pages: None,
        }
    }

    /// The document of one section. `first` marks the report's first section, which carries
    /// the report-level gram fields.
    pub fn encode(
        &self,
        facts: &ReportFacts<'_>,
        section: &Section,
        first: bool,
        normalizer: &Normalizer,
    ) -> TantivyDocument {
        let f = &self.fields;
        let report = facts.report;
        let norm = normalizer.normalize(&section.text);
        let heading_norm = normalizer.normalize(&section.heading.join("\n"));
        let mut doc = TantivyDocument::default();
        doc.add_text(f.path, facts.path);
        doc.add_text(f.title, &report.title);
        doc.add_text(f.heading, section.heading.join(&HEADING_SEP.to_string()));
        doc.add_u64(f.level, section.level as u64);
        doc.add_u64(f.line_start, section.line_start as u64);
        doc.add_u64(f.line_end, section.line_end as u64);
        doc.add_text(f.text, &section.text);
        if let Some(lp) = facts.line_pages {
            doc.add_text(
                f.pages,
                page_starts(lp, section.line_start, section.line_end),
            );
        }
        doc.add_custom(f.grams, norm.as_str().as_bytes());
        doc.add_text(f.words, norm.as_str());
        doc.add_text(f.heading_grams, heading_norm.as_str());
        doc.add_u64(f.file, facts.file_id);
        doc.add_u64(f.key, sort_key(facts.file_id, section.line_start));
        doc.add_u64(f.passage, passage_fingerprint(&norm));
        if first {
            doc.add_text(f.title_grams, facts.title_norm.as_str());
            if let Some(o) = &facts.org_norm {
                doc.add_text(f.org_grams, o.as_str());
            }
            for k in &facts.org_keys {
                doc.add_text(f.org_keys, k);
            }
        }
        if let Some(y) = report.year {
            doc.add_u64(f.year, y as u64);
        }
        if let Some(o) = &report.org {
            doc.add_text(f.org, o);
        }
        if let Some(d) = &report.date {
            doc.add_text(f.date, d);
        }
        if let Some(n) = &report.doc_number {
            doc.add_text(f.doc_number, n);
        }
        doc
    }

    /// Decodes a stored section document.
    pub fn decode(&self, doc: &TantivyDocument) -> StoredSection {
        let f = &self.fields;
        let text_of = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let u64_of = |field: Field| doc.get_first(field).and_then(|v| v.as_u64());
        StoredSection {
            path: text_of(f.path).unwrap_or_default(),
            title: text_of(f.title).unwrap_or_default(),
            year: u64_of(f.year).map(|y| y as u32),
            org: text_of(f.org),
            date: text_of(f.date),
            doc_number: text_of(f.doc_number),
            heading: text_of(f.heading)
                .filter(|h| !h.is_empty())
                .map(|h| h.split(HEADING_SEP).map(str::to_string).collect())
                .unwrap_or_default(),
            level: u64_of(f.level).unwrap_or(0),
            line_start: u64_of(f.line_start).unwrap_or(0),
            line_end: u64_of(f.line_end).unwrap_or(0),
            text: text_of(f.text).unwrap_or_default(),
            page_starts: text_of(f.pages)
                .map(|p| {
                    p.split(PAGES_SEP)
                        .filter_map(|pair| pair.split_once(':'))
                        .filter_map(|(l, p)| Some((l.parse().ok()?, p.parse().ok()?)))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    /// The tie-break keys of a segment's documents.
    pub fn sort_keys(
        &self,
        segment: &SegmentReader,
    ) -> tantivy::Result<Arc<dyn ColumnValues<u64>>> {
        Ok(one_per_section(segment.fast_fields().u64(KEY_FIELD)?))
    }

    /// The report id of the report at `path` (as [`SectionSchema::report_of_key`] gives it).
    pub fn report_of_path(&self, path: &str) -> u64 {
        file_id(path)
    }

    /// The report id of a tie-break key (see [`SectionSchema::sort_keys`]).
    pub fn report_of_key(&self, key: u64) -> u64 {
        key >> KEY_LINE_BITS
    }

    /// The report id of each of a segment's documents, for the given doc ids.
    pub fn report_ids(
        &self,
        segment: &SegmentReader,
        docs: impl Iterator<Item = u32>,
    ) -> tantivy::Result<Vec<u64>> {
        let keys = segment.fast_fields().u64(KEY_FIELD)?;
        Ok(docs
            .filter_map(|d| keys.first(d))
            .map(|key| key >> KEY_LINE_BITS)
            .collect())
    }
}

/// Marks after which a new word of a body's name starts: the end of a place name, or a space
/// or list mark between two bodies.
const ORG_WORD_STARTS_AFTER: &[char] = &['省', '市', '区', '县', '州', '盟', '旗', ' ', '、'];

/// The keys `--org` matches by prefix: the whole normalised name and every tail of it that
/// starts after a place name (云南省人民政府 → 云南省人民政府, 人民政府).
pub fn org_keys(org: &Normalized) -> Vec<String> {
    let mut keys = vec![org.as_str().to_string()];
    let chars: Vec<(usize, char)> = org.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        // A town's or a township's name ends in 镇 or 乡 (城关镇人民政府), but 城乡 and 城镇 in
        // 住房和城乡建设局 and 乡镇 are words, not places.
        let before = k.checked_sub(1).map(|b| chars[b].1);
        let after = chars.get(k + 1).map(|a| a.1);
        let town = matches!(c, '镇' | '乡')
            && before.is_some_and(|b| b != '城' && b != '乡')
            && after != Some('镇');
        if ORG_WORD_STARTS_AFTER.contains(&c) || town {
            let tail = org[i + c.len_utf8()..].trim_start();
            if !tail.is_empty() && !keys.iter().any(|k| k == tail) {
                keys.push(tail.to_string());
            }
        }
    }
    keys
}

impl SectionSchema {
    /// The paths of the files that have live sections in the index: what the index itself says
    /// it holds, whatever the manifest says. Read from the `path` field's term dictionary, one
    /// posting list per file, skipping deleted sections.
    pub fn indexed_paths(
        &self,
        searcher: &tantivy::Searcher,
    ) -> tantivy::Result<std::collections::BTreeSet<String>> {
        use tantivy::{DocSet, TERMINATED};
        let mut paths = std::collections::BTreeSet::new();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.path)?;
            let alive = segment.alive_bitset();
            let mut terms = inverted.terms().stream()?;
            while terms.advance() {
                let mut postings = inverted
                    .read_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)?;
                let mut live = false;
                while postings.doc() != TERMINATED {
                    if alive.is_none_or(|a| a.is_alive(postings.doc())) {
                        live = true;
                        break;
                    }
                    postings.advance();
                }
                if live {
                    paths.insert(String::from_utf8_lossy(terms.key()).into_owned());
                }
            }
        }
        Ok(paths)
    }
}

/// The research views' columns: duplicate passages, years and issuing bodies, read per segment
/// without loading a document.
impl SectionSchema {
    /// The passage fingerprints of a segment's documents (see [`passage_fingerprint`]).
    pub fn passages(&self, segment: &SegmentReader) -> tantivy::Result<Arc<dyn ColumnValues<u64>>> {
        Ok(one_per_section(segment.fast_fields().u64(PASSAGE_FIELD)?))
    }

    /// The year column of a segment: `first(doc)` is None for a report without a year.
    pub fn years(
        &self,
        segment: &SegmentReader,
    ) -> tantivy::Result<tantivy::columnar::Column<u64>> {
        segment.fast_fields().u64(YEAR_FIELD)
    }

    /// The path column of a segment (term ordinals and their dictionary).
    pub fn paths(
        &self,
        segment: &SegmentReader,
    ) -> tantivy::Result<Option<tantivy::columnar::StrColumn>> {
        segment.fast_fields().str(PATH_FIELD)
    }

    /// The first line of the section of a tie-break key (see [`SectionSchema::sort_keys`]):
    /// exact for sections starting before line 2^20.
    pub fn line_of_key(&self, key: u64) -> u64 {
        key & ((1 << KEY_LINE_BITS) - 1)
    }

    /// The issuing body column of a segment (term ordinals and their dictionary); None when no
    /// document of the segment names a body.
    pub fn orgs(
        &self,
        segment: &SegmentReader,
    ) -> tantivy::Result<Option<tantivy::columnar::StrColumn>> {
        segment.fast_fields().str(ORG_FIELD)
    }
}

/// The fingerprint of a passage: the first 64 bits of the blake3 hash of its normalised text
/// (see [`crate::analysis`]: NFKC, lowercase, traditional to simplified, every whitespace run
/// one space), trimmed. Sections with equal fingerprints are the same passage; nothing else is
/// ignored (list markers and article numbers count).
pub fn passage_fingerprint(normalized: &Normalized) -> u64 {
    hash64(normalized.trim().as_bytes())
}

/// The first 64 bits of the blake3 hash of `bytes`.
fn hash64(bytes: &[u8]) -> u64 {
    let hash = blake3::hash(bytes);
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash.as_bytes()[..8]);
    u64::from_be_bytes(first)
}

fn gram_field(b: &mut SchemaBuilder, name: &str, norms: bool) -> Field {
    b.add_text_field(
        name,
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analysis::GRAM_TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions)
                .set_fieldnorms(norms),
        ),
    )
}

/// `line:page` where each page of lines `first..=last` starts (lines 1-based, `line_pages[0]`
/// is line 1's page).
fn page_starts(line_pages: &[usize], first: usize, last: usize) -> String {
    let mut out = Vec::new();
    let mut current = None;
    for line in first.max(1)..=last {
        let Some(&page) = line_pages.get(line - 1) else {
            break;
        };
        if current != Some(page) {
            out.push(format!("{line}:{page}"));
            current = Some(page);
        }
    }
    out.join(&PAGES_SEP.to_string())
}

/// A report's id: the first 64 bits of the blake3 hash of its path, shifted to leave room for
/// the line in the tie-break key.
fn file_id(path: &str) -> u64 {
    hash64(path.as_bytes()) >> KEY_LINE_BITS
}

/// The values of a column that every section has, by doc id, zero where one lacks it. Every
/// section has a key and a passage, so their columns are read straight, without the optional
/// index in between (these reads are a quarter of a common query's time).
fn one_per_section(column: tantivy::columnar::Column<u64>) -> Arc<dyn ColumnValues<u64>> {
    if column.get_cardinality() == tantivy::columnar::Cardinality::Full {
        column.values
    } else {
        column.first_or_default_col(0)
    }
}

/// The tie-break key: the report, then the section's first line.
fn sort_key(file_id: u64, line_start: usize) -> u64 {
    (file_id << KEY_LINE_BITS) | (line_start as u64 & ((1 << KEY_LINE_BITS) - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_keys_start_at_the_name_and_after_each_place() {
        let n = Normalizer::new();
        assert_eq!(
            org_keys(&n.normalize("云南省人民政府")),
            ["云南省人民政府", "人民政府"]
        );
        assert_eq!(
            org_keys(&n.normalize("深圳市光明区科技局")),
            ["深圳市光明区科技局", "光明区科技局", "科技局"]
        );
        // A town's and a township's names end like places; 城乡 and 乡镇 do not.
        assert_eq!(
            org_keys(&n.normalize("城关镇人民政府")),
            ["城关镇人民政府", "人民政府"]
        );
        assert_eq!(
            org_keys(&n.normalize("临川县石桥乡人民政府")),
            ["临川县石桥乡人民政府", "石桥乡人民政府", "人民政府"]
        );
        assert_eq!(
            org_keys(&n.normalize("青溪市住房和城乡建设局")),
            ["青溪市住房和城乡建设局", "住房和城乡建设局"]
        );
        assert_eq!(
            org_keys(&n.normalize("临川县乡镇企业局")),
            ["临川县乡镇企业局", "乡镇企业局"]
        );
    }

    #[test]
    fn a_section_survives_encoding_and_decoding() {
        let schema = SectionSchema::new();
        let section = Section {
            heading: vec!["一、总体情况".into(), "（二）法律顾问".into()],
            level: 2,
            line_start: 7,
            line_end: 9,
            text: "建立法律顾问制度。".into(),
        };
        let report = Report {
            title: "2021年度法治政府建设工作报告".into(),
            year: Some(2021),
            org: Some("柳州市科学技术局".into()),
            date: None,
            doc_number: Some("柳科发〔2021〕3号".into()),
            sections: vec![section.clone()],
        };
        let n = Normalizer::new();
        let facts = schema.report_facts("data/a.txt", &report, &n);
        let doc = schema.encode(&facts, &section, true, &n);
        let back = schema.decode(&doc);
        assert_eq!(back.heading, section.heading);
        assert_eq!((back.line_start, back.line_end, back.level), (7, 9, 2));
        assert_eq!(back.year, Some(2021));
        assert_eq!(back.org.as_deref(), Some("柳州市科学技术局"));
        assert_eq!(back.text, section.text);
        assert_eq!(back.doc_number.as_deref(), Some("柳科发〔2021〕3号"));
        assert!(back.page_starts.is_empty());
        assert_eq!(back.page_of(8), None);
        let facts = facts.with_line_pages(Some(&[1, 1, 1, 1, 1, 1, 2, 2, 3]));
        let back = schema.decode(&schema.encode(&facts, &section, true, &n));
        assert_eq!(back.page_starts, vec![(7, 2), (9, 3)]);
        assert_eq!(
            [7, 8, 9].map(|l| back.page_of(l)),
            [Some(2), Some(2), Some(3)]
        );
        assert_eq!(
            sort_key(file_id("data/a.txt"), 7) >> KEY_LINE_BITS,
            file_id("data/a.txt")
        );
    }

    #[test]
    fn passages_are_equal_after_normalisation_and_only_then() {
        let n = Normalizer::new();
        let fp = |t: &str| passage_fingerprint(&n.normalize(t));
        let a = fp("第一条\u{3000}為了規範法律顧問工作，制定本條例。\r\n\r\n");
        assert_eq!(a, fp("  第一条 为了规范法律顾问工作，制定本条例。"));
        assert_eq!(a, fp("第一条\n\n为了规范法律顾问工作，制定本条例。"));
        assert_ne!(a, fp("第二条 为了规范法律顾问工作，制定本条例。"));
        assert_ne!(a, fp("第一条 为了规范法律顾问工作,制定本条例"));
    }
}
