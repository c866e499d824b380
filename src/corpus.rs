//! The corpus: walking a folder, reading each file, decoding it and extracting its text.
//!
//! This module owns everything between a path on disk and a [`SourceText`]: which files are
//! documents, how bytes become a `String` (encoding detection), and how HTML and .docx become
//! lines of text. It knows nothing of headings, sections or indexing.
//!
//! Line numbers: a [`SourceText`] holds lines exactly as decoded, one entry per source line
//! (`\r\n`, `\n` and `\r` all end a line). For .txt/.md files they are the file's own lines; for
//! .html they are the lines of the extracted page text (one per block element); for .docx one per
//! paragraph.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

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
        write!(
            f,
            "{}: {}",
            crate::output::sanitize_path(&self.path),
            self.message
        )
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
                            message: format!("skipped: {}", ReadError::UnknownExtension(ext)),
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

/// Reads one file into lines of text, detecting its format from the extension.
pub fn read_file(path: &Path) -> Result<SourceText, ReadError> {
    let format = Format::from_path(path).ok_or_else(|| {
        ReadError::UnknownExtension(path.extension().map(|e| e.to_string_lossy().into_owned()))
    })?;
    let bytes = std::fs::read(path)?;
    read_bytes(path, format, &bytes)
}

/// Reads a document from its bytes, as [`read_file`] does once the file is loaded.
pub fn read_bytes(path: &Path, format: Format, bytes: &[u8]) -> Result<SourceText, ReadError> {
    let mut warnings = Vec::new();
    let (encoding, lines) = match format {
        Format::Docx => ("UTF-8", docx_paragraphs(bytes)?),
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

/// Text decoded from bytes, with the encoding used and a warning when the result is doubtful.
#[derive(Debug)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// The encoding's name.
    pub encoding: &'static str,
    /// Set when the encoding was a guess of low confidence or bytes could not be decoded.
    pub warning: Option<String>,
}

/// Decodes bytes: a BOM decides (UTF-8, UTF-16LE/BE); else valid UTF-8 is UTF-8; else the
/// encoding is guessed with chardetng (GB18030 for GBK-family guesses, since it is their
/// superset). Binary content (NUL bytes without a UTF-16 BOM) is refused. Lossy decoding and
/// guesses outside the Chinese encodings give a warning, never silent mojibake.
pub fn decode(bytes: &[u8]) -> Result<Decoded, ReadError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            warning: had_errors
                .then(|| format!("lossy decoding: invalid {} bytes replaced", encoding.name())),
        });
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(ReadError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
            warning: None,
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
    // Government texts that are not UTF-8 are nearly always GBK/GB18030. chardetng can be
    // thrown off by a few invalid bytes, so GB18030 is kept whenever it decodes all but a
    // handful of bytes, unless chardetng recognises Big5.
    let (gb_text, _, gb_errors) = encoding_rs::GB18030.decode(bytes);
    let replaced = if gb_errors {
        gb_text.chars().filter(|c| *c == '\u{fffd}').count()
    } else {
        0
    };
    let gb_ok = replaced <= 2 + gb_text.chars().count() / 500;
    let (encoding, text, had_errors) =
        if guess != encoding_rs::BIG5 && (gb_ok || guess == encoding_rs::GBK) {
            (encoding_rs::GB18030, gb_text, gb_errors)
        } else {
            let (text, _, errors) = guess.decode(bytes);
            (guess, text, errors)
        };
    let chinese = encoding == encoding_rs::GB18030 || encoding == encoding_rs::BIG5;
    let warning = if had_errors {
        Some(format!(
            "lossy decoding: bytes invalid in {} were replaced",
            encoding.name()
        ))
    } else if !chinese {
        Some(format!(
            "doubtful encoding: not UTF-8, guessed {}",
            encoding.name()
        ))
    } else {
        None
    };
    if control_ratio(&text) > 0.1 {
        return Err(ReadError::Binary);
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        warning,
    })
}

/// Share of characters that are control characters other than whitespace: high for binary data
/// that happened to decode.
fn control_ratio(text: &str) -> f64 {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(4096) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c') {
            control += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        control as f64 / total as f64
    }
}

/// Elements whose text is never part of the report.
const HTML_DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "svg",
];

/// Elements that end a line of text.
const HTML_BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
    "title",
    "center",
    "body",
];

/// The text of an HTML page, one line per block element, with scripts, styles, navigation,
/// headers and footers dropped. Elements marked as navigation (`role="navigation"`, or a class
/// or id naming a breadcrumb or menu) are dropped too.
pub fn html_lines(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let mut lines = Vec::new();
    let mut current = String::new();
    let root = doc
        .select(&scraper::Selector::parse("body").expect("static selector"))
        .next()
        .map(|b| *b)
        .unwrap_or_else(|| *doc.root_element());
    html_walk(root, &mut current, &mut lines);
    flush_line(&mut current, &mut lines);
    lines
}

fn html_walk(
    node: ego_tree::NodeRef<'_, scraper::Node>,
    current: &mut String,
    lines: &mut Vec<String>,
) {
    for child in node.children() {
        match child.value() {
            scraper::Node::Text(text) => {
                for (i, part) in text.split(['\n', '\r', '\t', ' ']).enumerate() {
                    if i > 0 && !current.ends_with(' ') && !current.is_empty() {
                        current.push(' ');
                    }
                    current.push_str(part);
                }
            }
            scraper::Node::Element(el) => {
                let name = el.name();
                if HTML_DROPPED.contains(&name) || is_navigation(el) {
                    continue;
                }
                let block = HTML_BLOCKS.contains(&name);
                if block {
                    flush_line(current, lines);
                }
                html_walk(child, current, lines);
                if block {
                    flush_line(current, lines);
                }
            }
            _ => {}
        }
    }
}

fn is_navigation(el: &scraper::node::Element) -> bool {
    if el.attr("role") == Some("navigation") {
        return true;
    }
    let marked = |v: Option<&str>| {
        v.is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            ["breadcrumb", "nav", "menu", "crumb", "share", "toolbar"]
                .iter()
                .any(|k| {
                    v.split([' ', '-', '_'])
                        .any(|w| w == *k || w.starts_with(k))
                })
        })
    };
    marked(el.attr("class")) || marked(el.attr("id"))
}

fn flush_line(current: &mut String, lines: &mut Vec<String>) {
    let line = current.trim();
    if !line.is_empty() {
        lines.push(line.to_string());
    }
    current.clear();
}

/// The paragraphs of a .docx, one per line: the text runs of each `w:p` in word/document.xml,
/// tabs kept, line breaks inside a paragraph turned into spaces.
pub fn docx_paragraphs(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    use quick_xml::events::Event;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Docx(e.to_string()))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|e| ReadError::Docx(format!("word/document.xml: {e}")))?
        .read_to_string(&mut xml)
        .map_err(|e| ReadError::Docx(format!("word/document.xml: {e}")))?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    let mut in_paragraph = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:p" => {
                    in_paragraph = true;
                    current.clear();
                }
                b"w:t" => in_text = true,
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:tab" => current.push('\t'),
                b"w:br" | b"w:cr" => current.push(' '),
                b"w:p" => paragraphs.push(String::new()),
                _ => {}
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:p" => {
                    if in_paragraph {
                        paragraphs.push(std::mem::take(&mut current));
                    }
                    in_paragraph = false;
                }
                b"w:t" => in_text = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let text = t
                    .unescape()
                    .map_err(|e| ReadError::Docx(format!("word/document.xml: {e}")))?;
                current.push_str(&text);
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(ReadError::Docx(format!("word/document.xml: {e}"))),
            _ => {}
        }
    }
    Ok(paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_crlf_cr_lf_all_count_as_lines() {
        assert_eq!(split_lines("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n\nb\n"), vec!["a", "", "b"]);
    }

    #[test]
    fn decode_detects_boms_and_gb18030() {
        let text = "法律顾问制度";
        let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
        utf8_bom.extend_from_slice(text.as_bytes());
        let d = decode(&utf8_bom).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-8"));

        let mut utf16 = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&utf16).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, "UTF-16LE"));

        let long =
            "二〇二一年度法治政府建设工作报告，全面推进依法行政，建立法律顾问制度。".repeat(5);
        let (gb, _, _) = encoding_rs::GB18030.encode(&long);
        let d = decode(&gb).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (long.as_str(), "gb18030"));
        assert!(d.warning.is_none());
    }

    #[test]
    fn binary_bytes_are_refused() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00abc"),
            Err(ReadError::Binary)
        ));
    }

    #[test]
    fn html_keeps_body_paragraphs_and_drops_scripts_and_navigation() {
        let html = "<html><head><title>t</title><script>var x=1;</script></head><body>\
            <nav>首页 > 政务公开</nav><div class=\"breadcrumb\">您的位置：首页</div>\
            <h1>2021年度报告</h1><p>一、总体情况</p><p>正文<b>加粗</b>内容</p>\
            <script>alert(1)</script><style>p{}</style></body></html>";
        assert_eq!(
            html_lines(html),
            vec!["2021年度报告", "一、总体情况", "正文加粗内容"]
        );
    }
}
