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
/// character offsets into `snippet`, end
/// exclusive.
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
