//! Every JSON type govsearch writes: the contract scripts rely on.
//!
//! The search step returns [`Hit`]s and the index step [`IndexStats`] and [`BuildInfo`]
//! directly in these shapes, so no second copy of them exists; [`crate::output`] prints them.
//! Each printed type is one JSON object on one line (NDJSON). They derive `Deserialize` too, so
//! tests (and Rust callers) decode the output with the very types that wrote it, as ripgrep's
//! printer does in its `jsont` module. The README documents the same shapes.
//!
//! This module is a leaf: it knows nothing of how the values were found.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `search --json`: one line per hit.
///
/// `{"rank","score","path","title","year","org","date","doc_number","section","level",
/// "line_start","line_end","line","column","snippet","highlights","page"}`; `highlights` are
/// character offsets into `snippet`, end exclusive. Four more keys appear only when they say
/// something: `also_in` (the same passage elsewhere, when duplicates are collapsed),
/// `more_in_report` (with `--per-report`, on a report's first hit), `context_before` and
/// `context_after` (with `-B`/`-A`/`-C`; then `snippet` is the whole line `line`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// 1-based rank.
    pub rank: usize,
    /// Score (higher first; see the ranking in the README).
    pub score: f32,
    /// File path as indexed.
    pub path: String,
    /// Report title.
    pub title: String,
    /// Year the report is about.
    pub year: Option<u32>,
    /// Issuing body.
    pub org: Option<String>,
    /// Date signed or published, as written.
    pub date: Option<String>,
    /// Document number (文号), e.g. 包府办发〔2022〕43号.
    pub doc_number: Option<String>,
    /// Heading path, outermost first; empty for the preamble.
    pub section: Vec<String>,
    /// Level of the innermost heading (0: preamble).
    pub level: u64,
    /// First line of the section, 1-based.
    pub line_start: usize,
    /// Last line of the section, inclusive.
    pub line_end: usize,
    /// Line of the first match shown in the snippet: 1-based, counted in the decoded source as
    /// `line_start` is (for .html and .docx, in the extracted lines `inspect` shows).
    pub line: usize,
    /// Column of that match in its line: 1-based, in characters (Unicode scalar values).
    pub column: usize,
    /// About two lines of text around the best match.
    pub snippet: String,
    /// Matched ranges in `snippet`, character offsets, end exclusive.
    pub highlights: Vec<[usize; 2]>,
    /// For a PDF, the page of the first match shown in the snippet; `null` for other formats.
    /// (A PDF's lines are those of its rejoined text: one per paragraph.)
    pub page: Option<usize>,
    /// The other matching sections whose passage is the same as this one (identical after
    /// normalisation), in the order of the hits, each with its first line. Absent when there is
    /// none, and with `--no-collapse` or `--all`, where each of them is a hit of its own.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_in: Vec<Location>,
    /// With `--per-report`, on the first hit shown of each report: how many more hits that
    /// report holds than are shown. Absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more_in_report: Option<usize>,
    /// With `-B N` or `-C N`: up to N source lines before `line`, oldest first, each without its
    /// line end (blank lines are empty strings; page boilerplate the reader dropped inside the
    /// section is an empty string too). Fewer at the start of the file. Absent without the
    /// flag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_before: Option<Vec<String>>,
    /// With `-A N` or `-C N`: up to N source lines after `line`, as `context_before`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context_after: Option<Vec<String>>,
    /// What `also_in` stands for, counted by report: every place, also those it does not name
    /// (the terminal output names a few and counts the rest; `--json` names every one). Not
    /// part of the JSON.
    #[serde(skip)]
    pub also_in_total: AlsoInTotal,
}

/// The places of a hit's passage elsewhere, counted rather than named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AlsoInTotal {
    /// Every place, named or not.
    pub places: usize,
    /// Distinct other reports among them.
    pub other_reports: usize,
    /// Places in the hit's own report.
    pub here: usize,
}

/// A place in a report: `{"path","line"}`, as in a hit's `also_in`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// File path as indexed.
    pub path: String,
    /// The first line of that section (its `line_start`), 1-based, counted as a hit's `line`.
    pub line: usize,
}

/// `search -l --json`: one line per report, best first.
///
/// `{"path","title","year","org","sections","score"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportHit {
    /// File path as indexed.
    pub path: String,
    /// Report title.
    pub title: String,
    /// Year the report is about.
    pub year: Option<u32>,
    /// Issuing body.
    pub org: Option<String>,
    /// How many of its sections match: all of them, not only those a hit list would show.
    pub sections: usize,
    /// The score of its best section, which ranks the report.
    pub score: f32,
}

/// `search --count --json`: one object, `{"sections","passages","reports"}`, exact.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Matching sections.
    pub sections: usize,
    /// Distinct passages among them (sections identical after normalisation count once).
    pub passages: usize,
    /// Reports with at least one matching section.
    pub reports: usize,
}

/// `search --count-by year --json`: one line per year, years ascending, the year `null`
/// (reports without a year) last.
///
/// `{"year","reports","sections","passages"}`, exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearCount {
    /// The year reports are about; `null` for reports without a year.
    pub year: Option<u32>,
    /// Reports of that year with at least one matching section.
    pub reports: usize,
    /// Their matching sections.
    pub sections: usize,
    /// Distinct passages among those sections.
    pub passages: usize,
}

/// `search --count-by org --json`: one line per issuing body, most reports first, the body
/// `null` (reports that name none) last.
///
/// `{"org","reports","sections","passages"}`, exact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgCount {
    /// The issuing body, as the reports name it; `null` for reports that name none.
    pub org: Option<String>,
    /// Its reports with at least one matching section.
    pub reports: usize,
    /// Their matching sections.
    pub sections: usize,
    /// Distinct passages among those sections.
    pub passages: usize,
}

/// `show --json`: one line per section shown.
///
/// `{"path","title","year","org","section","level","line_start","line_end","page","text",
/// "highlights"}`; `text` is the section's lines from `line_start` to `line_end` joined with
/// `\n` (blank lines, and page boilerplate the reader dropped, as empty lines), `highlights`
/// are `[start, end)` character offsets into `text` of the query's matches (empty without
/// `--query`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownSection {
    /// File path as indexed.
    pub path: String,
    /// Report title.
    pub title: String,
    /// Year the report is about.
    pub year: Option<u32>,
    /// Issuing body.
    pub org: Option<String>,
    /// Heading path, outermost first; empty for the preamble.
    pub section: Vec<String>,
    /// Level of the innermost heading (0: preamble).
    pub level: u64,
    /// First line, 1-based.
    pub line_start: usize,
    /// Last line, inclusive.
    pub line_end: usize,
    /// For a PDF, the page the section starts on; `null` for other formats.
    pub page: Option<usize>,
    /// The section's text, line by line.
    pub text: String,
    /// The query's matches in `text`, character offsets, end exclusive.
    pub highlights: Vec<[usize; 2]>,
}

/// `inspect --json`: one line per file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InspectRecord {
    /// The file.
    pub path: String,
    /// Format name (`text`, `markdown`, `html`, `docx`, `odt`, `pdf`).
    pub format: String,
    /// For a PDF, how many pages it has; `null` for other formats.
    pub pages: Option<usize>,
    /// Encoding name (`UTF-8`, `gb18030`, `UTF-16LE`, …).
    pub encoding: String,
    /// Title.
    pub title: String,
    /// Year.
    pub year: Option<u32>,
    /// Issuing body.
    pub org: Option<String>,
    /// Date.
    pub date: Option<String>,
    /// Document number (文号).
    pub doc_number: Option<String>,
    /// Sections, in source order.
    pub sections: Vec<InspectSection>,
}

/// A section inside an [`InspectRecord`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InspectSection {
    /// Heading path, outermost first.
    pub section: Vec<String>,
    /// Level (0: preamble).
    pub level: u8,
    /// First line.
    pub line_start: usize,
    /// Last line.
    pub line_end: usize,
    /// For a PDF, the page the section starts on; `null` for other formats.
    pub page: Option<usize>,
    /// Characters of text.
    pub chars: usize,
}

/// `stats --json`: one object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexStats {
    /// Reports (files) indexed.
    pub files: usize,
    /// Section documents.
    pub sections: u64,
    /// Bytes of section text.
    pub text_bytes: u64,
    /// Bytes the index takes on disk.
    pub index_bytes: u64,
    /// Earliest and latest year, as `[first, last]`.
    pub years: Option<(u32, u32)>,
    /// Reports per year.
    pub per_year: BTreeMap<u32, usize>,
    /// Issuing bodies with their number of reports, most first, as `[name, reports]`.
    pub orgs: Vec<(String, usize)>,
    /// Reports with a document number (文号).
    pub with_doc_number: usize,
    /// What built the index.
    pub build: Option<BuildInfo>,
}

/// What built an index: kept as JSON in tantivy's commit payload, so it changes atomically with
/// the data, and shown by `stats --json`. Its methods live with the index step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildInfo {
    /// govsearch version.
    pub govsearch: String,
    /// Version of the section document's schema.
    pub schema_version: u32,
    /// Version of the analysis rules.
    pub analysis_version: u32,
    /// Version of the rules that read a file into a report and its sections
    /// (`corpus::READING_VERSION`); indexes from before it was kept read as 1.
    #[serde(default = "first_reading")]
    pub reading_version: u32,
    /// Digest of the dictionaries (jieba's, the domain one, the user's).
    pub dict_digest: String,
    /// When the last commit was made (seconds since the Unix epoch).
    pub updated: u64,
    /// The corpus roots it was built from, canonical.
    #[serde(default)]
    pub roots: Vec<String>,
    /// The user dictionary file it was built with, canonical.
    #[serde(default)]
    pub user_dict: Option<String>,
    /// Whether the built-in government-domain dictionary cut its words.
    #[serde(default = "yes")]
    pub domain_dict: bool,
}

fn yes() -> bool {
    true
}

fn first_reading() -> u32 {
    1
}
