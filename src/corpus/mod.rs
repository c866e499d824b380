//! The corpus: walking a folder, reading each file, decoding it and extracting its text.
//!
//! This module owns everything between a path on disk and a [`Document`]: which files are
//! documents, how bytes become a `String` ([`decode`]), and how HTML ([`html`]) and .docx
//! ([`docx`]) become lines of text. [`load`] is the only way into the pipeline: it reads a file
//! and hands its lines to [`crate::report`] for the report's facts and sections. It knows
//! nothing of tokenizers, the index or printing: warnings are values, the caller shows them.
//!
//! Line numbers: a [`SourceText`] holds lines exactly as decoded, one entry per source line
//! (`\r\n`, `\n` and `\r` all end a line). For .txt/.md files they are the file's own lines; for
//! .html they are the lines of the extracted page text (one per block element); for .docx and
//! .odt one per paragraph; for a PDF the lines of the rejoined text ([`pdf::layout`]: one per
//! paragraph, headings kept at line starts), each with its page in [`SourceText::line_pages`].

use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::report::{self, Report};

pub mod decode;
pub mod docx;
pub mod html;
pub mod odt;
pub mod pdf;

pub use decode::{decode, Decoded};
pub use docx::docx_paragraphs;
pub use html::html_lines;
pub use odt::odt_paragraphs;
pub use pdf::{pdf_text, PdfText};

/// The kinds of document govsearch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (.txt, .text).
    Text,
    /// Markdown (.md, .markdown): read as text, `#` headings recognised.
    Markdown,
    /// A web page (.html, .htm, .xhtml): the body text, scripts and navigation dropped.
    Html,
    /// A Word document (.docx): one paragraph per line.
    Docx,
    /// An OpenDocument text (.odt): one paragraph per line.
    Odt,
    /// A PDF's text layer: wrapped lines rejoined, each line with its page.
    Pdf,
}

impl Format {
    /// The format a file name's extension says, if govsearch reads it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// Short lowercase name, as shown by `inspect`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Pdf => "pdf",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a file could not be read as a document. Each names the problem; the caller names the file.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The extension is not one govsearch reads.
    #[error("not a document (unknown extension{})", .0.as_deref().map(|e| format!(" .{e}")).unwrap_or_default())]
    UnknownExtension(Option<String>),
    /// NUL bytes or other signs of a binary file.
    #[error("binary content, not text")]
    Binary,
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// A .docx that is not a valid Word package.
    #[error("not a valid .docx package: {0}")]
    Docx(String),
    /// The file holds no text at all.
    #[error("empty: no text")]
    Empty,
    /// An .odt that is not a valid OpenDocument package.
    #[error("not a valid .odt package: {0}")]
    Odt(String),
    /// A PDF that could not be read: damaged, encrypted, or over a limit.
    #[error("{0}")]
    Pdf(String),
    /// A PDF whose pages hold only images.
    #[error("no text layer (scanned?); OCR is not supported")]
    NoTextLayer,
    /// A legacy binary format govsearch does not read.
    #[error("{0} is not supported; save it as .docx or PDF")]
    Legacy(&'static str),
}

/// The name of a legacy format for its extension (`doc`, `wps`, `rtf`), if it is one.
pub fn legacy_format(ext: &str) -> Option<&'static str> {
    match ext.to_ascii_lowercase().as_str() {
        "doc" => Some(".doc (Word 97-2003)"),
        "wps" => Some(".wps (WPS Office)"),
        "rtf" => Some(".rtf (Rich Text Format)"),
        _ => None,
    }
}

/// Why a file with this extension is skipped.
fn unread_extension(ext: Option<String>) -> ReadError {
    match ext.as_deref().and_then(legacy_format) {
        Some(name) => ReadError::Legacy(name),
        None => ReadError::UnknownExtension(ext),
    }
}

/// A document's decoded text and what was learned while reading it.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The path as it will be shown and stored: the corpus path joined with the file's path in it.
    pub path: PathBuf,
    /// Detected format.
    pub format: Format,
    /// Name of the encoding the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16LE`, ...).
    pub encoding: &'static str,
    /// The decoded lines, without line terminators.
    pub lines: Vec<String>,
    /// Problems that did not stop reading (doubtful or lossy decoding). Shown as warnings.
    pub warnings: Vec<String>,
    /// For a PDF: the 1-based page each line starts on (one entry per line). `None` for
    /// formats without pages.
    pub line_pages: Option<Vec<usize>>,
    /// For a PDF: how many pages it has.
    pub page_count: Option<usize>,
}

/// A file the walker found, with the way it should be reported.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    /// Path used to open the file and shown to the user.
    pub path: PathBuf,
}

/// A non-fatal problem met while walking: shown as a warning line, the walk goes on.
#[derive(Debug, Clone)]
pub struct WalkWarning {
    /// The file or folder concerned.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for WalkWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

/// Walks the given roots (folders recursively, or single files) in a deterministic order
/// (sorted by file name), skipping hidden files and folders. Symlinks are followed; loops and
/// unreadable entries become warnings. Files whose extension is not a document format are
/// reported as warnings too, so a user learns why a file was not indexed.
pub fn walk(roots: &[PathBuf]) -> (Vec<CorpusFile>, Vec<WalkWarning>) {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for root in roots {
        let walker = walkdir::WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(entry) => {
                    if !entry.file_type().is_file() {
                        continue;
                    }
                    let path = entry.into_path();
                    if Format::from_path(&path).is_none() {
                        let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
                        warnings.push(WalkWarning {
                            message: format!("skipped: {}", unread_extension(ext)),
                            path,
                        });
                        continue;
                    }
                    files.push(CorpusFile { path });
                }
                Err(err) => {
                    let path = err
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| root.clone());
                    let message = if err.loop_ancestor().is_some() {
                        "skipped: symbolic link loop".to_string()
                    } else if let Some(io) = err.io_error() {
                        format!("skipped: cannot read: {io}")
                    } else {
                        format!("skipped: {err}")
                    };
                    warnings.push(WalkWarning { path, message });
                }
            }
        }
    }
    (files, warnings)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

/// A document read and parsed: its source text and the report found in it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The decoded text, with format, encoding and reading warnings.
    pub source: SourceText,
    /// Facts and sections.
    pub report: Report,
}

/// Reads and parses one file, detecting its format from the extension.
pub fn load(path: &Path) -> Result<Document, ReadError> {
    let bytes = std::fs::read(path)?;
    parse(path, &bytes)
}

/// Parses a file already read into memory (the indexer reads first, to hash and skip
/// unchanged files).
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Document, ReadError> {
    let format = Format::from_path(path).ok_or_else(|| {
        unread_extension(path.extension().map(|e| e.to_string_lossy().into_owned()))
    })?;
    let source = read_bytes(path, format, bytes)?;
    let report = report::parse_report(&source.lines, &file_stem(path));
    Ok(Document { source, report })
}

/// The file name without its extension: names a report that has no title.
pub fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads a document from its bytes, as [`read_file`] does once the file is loaded.
pub fn read_bytes(path: &Path, format: Format, bytes: &[u8]) -> Result<SourceText, ReadError> {
    let mut warnings = Vec::new();
    let (mut line_pages, mut page_count) = (None, None);
    let (encoding, lines) = match format {
        Format::Docx => ("UTF-8", docx_paragraphs(bytes)?),
        Format::Odt => ("UTF-8", odt_paragraphs(bytes)?),
        Format::Pdf => {
            let pdf = pdf_text(bytes)?;
            warnings.extend(pdf.warnings);
            (line_pages, page_count) = (Some(pdf.line_pages), Some(pdf.page_count));
            ("PDF", pdf.lines)
        }
        Format::Text | Format::Markdown | Format::Html => {
            let decoded = decode(bytes)?;
            warnings.extend(decoded.warning);
            let lines = if format == Format::Html {
                html_lines(&decoded.text)
            } else {
                split_lines(&decoded.text)
            };
            (decoded.encoding, lines)
        }
    };
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Err(ReadError::Empty);
    }
    Ok(SourceText {
        path: path.to_path_buf(),
        format,
        encoding,
        lines,
        warnings,
        line_pages,
        page_count,
    })
}

/// Splits text into lines on `\r\n`, `\n` or a lone `\r`, as editors count them.
pub fn split_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['\n', '\r']) {
        lines.push(rest[..i].to_string());
        let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[i + skip..];
    }
    if !rest.is_empty() {
        lines.push(rest.to_string());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_crlf_cr_lf_all_count_as_lines() {
        assert_eq!(split_lines("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n\nb\n"), vec!["a", "", "b"]);
    }
}
