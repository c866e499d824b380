//! PDF: the text layer of a PDF, as lines of text with the page of each.
//!
//! This module owns getting glyphs out of a PDF and the limits put on that; [`layout`] turns the
//! glyphs into lines (wrapped lines rejoined, running headers, footers and page numbers
//! dropped). It knows nothing of reports, sections or the index: it hands back lines and pages.
//!
//! **Extractor: pdf-extract** (on lopdf). Compared with `tools/pdf_compare` on LibreOffice
//! exports of the sample reports and of laws (embedded font subsets with ToUnicode maps, as
//! Word, WPS and LibreOffice write); all three decoded the Chinese text:
//! - pdf-extract calls back for each glyph with its position, size and page
//!   ([`pdf_extract::OutputDev`]): exactly what rejoining wrapped lines and telling headers from
//!   body text needs, and the callback can stop the run at a deadline. It is the slowest of the
//!   three (it parses fonts again on every page) and panics on some damaged files (`unwrap` on
//!   missing objects), hence [`catch_unwind`].
//! - lopdf's own `extract_text` was 5-10x faster but gives text per text-showing operator with
//!   no positions, so wrapped lines and page furniture cannot be told apart.
//! - pdf_oxide was 2-3x faster and has positions, but is a far larger crate (its own layout,
//!   OCR, rendering and Python layers) whose line building we would have to undo, and its page
//!   text kept fewer lines of the text versions whole.
//!
//! **Limits** (per file, as for every format, so a hostile PDF costs a warning, never the run):
//! [`MAX_PDF_BYTES`], [`MAX_PDF_INFLATED`] (checked on the raw bytes before parsing),
//! [`MAX_PDF_PAGES`], [`MAX_PDF_GLYPHS`] and [`PDF_DEADLINE`] (checked from the
//! glyph callback, so it bounds content-stream work; parsing the file's object table before
//! that is bounded by the size cap). A panic inside the extractor becomes a warning; its
//! message is not printed.
//!
//! A PDF is decoded once: every page's glyphs come from one parsed document.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;
use std::time::{Duration, Instant};

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::ReadError;

pub mod layout;

pub use layout::{Glyph, PageGlyphs};

/// Largest PDF read, in bytes: bounds the memory the parsed object table takes.
pub const MAX_PDF_BYTES: usize = 100 << 20;
/// Most pages read; a PDF with more is skipped (a hostile page tree, or not a report).
pub const MAX_PDF_PAGES: usize = 3_000;
/// Most glyphs kept from one PDF (about 20 MB of text): bounds the memory of the layout step.
pub const MAX_PDF_GLYPHS: usize = 10_000_000;
/// Longest time spent on one PDF's pages.
pub const PDF_DEADLINE: Duration = Duration::from_secs(60);
/// Most bytes the compressed streams of one PDF may inflate to, all streams together. The
/// extractor inflates object streams and page contents whole, in memory: a 100 MB file of
/// zlib-compressed zeros would otherwise ask for 100 GB. Real reports inflate to a few times
/// their size (fonts and images included).
pub const MAX_PDF_INFLATED: u64 = 512 << 20;

/// A PDF's text: the lines of the rejoined text and the page each starts on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PdfText {
    /// Lines of the rejoined text.
    pub lines: Vec<String>,
    /// The 1-based page of each line (same length as `lines`).
    pub line_pages: Vec<usize>,
    /// Pages in the file.
    pub page_count: usize,
    /// Problems that did not stop reading (pages without text, unreadable pages).
    pub warnings: Vec<String>,
}

/// Reads the text layer of a PDF.
pub fn pdf_text(bytes: &[u8]) -> Result<PdfText, ReadError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(ReadError::Pdf(format!(
            "larger than the {} MB limit for a PDF",
            MAX_PDF_BYTES >> 20
        )));
    }
    check_inflated_size(bytes)?;
    let (pages, page_count, mut warnings) = quietly(|| glyphs(bytes))
        .unwrap_or_else(|panic| Err(ReadError::Pdf(format!("damaged PDF ({panic})"))))?;
    let empty: Vec<usize> = pages
        .iter()
        .filter(|p| p.glyphs.iter().all(|g| g.ch.trim().is_empty()))
        .map(|p| p.number)
        .collect();
    if empty.len() == pages.len() {
        return Err(ReadError::NoTextLayer);
    }
    if !empty.is_empty() {
        warnings.push(format!(
            "no text layer on {} (scanned?); OCR is not supported, the other pages are indexed",
            page_list(&empty)
        ));
    }
    let (lines, line_pages) = layout::lay_out(&pages);
    Ok(PdfText {
        lines,
        line_pages,
        page_count,
        warnings,
    })
}

/// Refuses a PDF whose zlib streams inflate to more than [`MAX_PDF_INFLATED`] bytes.
///
/// Runs before the extractor, on the raw bytes: every `stream` keyword's data that starts with
/// a zlib header is inflated into a counter (never into memory), stopping at the budget. A
/// stream that is not zlib (images, encrypted data) costs nothing. The extractor's own reading
/// then inflates only what this pass has seen fit.
fn check_inflated_size(bytes: &[u8]) -> Result<(), ReadError> {
    use std::io::Read;
    let mut budget = MAX_PDF_INFLATED;
    let mut at = 0;
    while let Some(found) = find(&bytes[at..], b"stream") {
        let mut start = at + found + b"stream".len();
        at = start;
        // `endstream` also ends with `stream`; data follows only the keyword's end of line.
        if bytes[..start - b"stream".len()].ends_with(b"end") {
            continue;
        }
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) != Some(&b'\n') {
            continue;
        }
        start += 1;
        let data = &bytes[start..];
        let zlib = data.len() >= 2
            && data[0] & 0x0f == 8
            && (u16::from(data[0]) << 8 | u16::from(data[1])) % 31 == 0;
        if !zlib {
            continue;
        }
        let mut inflater = flate2::read::ZlibDecoder::new(data).take(budget + 1);
        let inflated = std::io::copy(&mut inflater, &mut std::io::sink()).unwrap_or(0);
        if inflated > budget {
            return Err(ReadError::Pdf(format!(
                "its compressed streams inflate to more than the {} MB limit for a PDF \
                 (a decompression bomb?)",
                MAX_PDF_INFLATED >> 20
            )));
        }
        budget -= inflated;
        at = start + inflater.into_inner().total_in() as usize;
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// `page 3` or `pages 3, 5, 8` (at most ten listed).
fn page_list(pages: &[usize]) -> String {
    let shown: Vec<String> = pages.iter().take(10).map(|p| p.to_string()).collect();
    let more = if pages.len() > 10 { ", …" } else { "" };
    match pages.len() {
        1 => format!("page {}", shown[0]),
        _ => format!("pages {}{more}", shown.join(", ")),
    }
}

/// Every page's glyphs, the page count, and warnings about pages that could not be read.
fn glyphs(bytes: &[u8]) -> Result<(Vec<PageGlyphs>, usize, Vec<String>), ReadError> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| match e {
        pdf_extract::Error::Decryption(_) => encrypted(),
        e => ReadError::Pdf(format!("damaged PDF ({e})")),
    })?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(encrypted());
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    if numbers.len() > MAX_PDF_PAGES {
        return Err(ReadError::Pdf(format!(
            "{} pages, more than the limit of {MAX_PDF_PAGES}",
            numbers.len()
        )));
    }
    let mut sink = GlyphSink {
        deadline: Instant::now() + PDF_DEADLINE,
        pages: Vec::with_capacity(numbers.len()),
        glyphs: 0,
        height: 0.0,
        stop: None,
    };
    let mut unreadable = Vec::new();
    for &n in &numbers {
        let done = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut sink, n)
        }));
        if let Some(stop) = sink.stop.take() {
            return Err(stop);
        }
        if !matches!(done, Ok(Ok(()))) {
            unreadable.push(n as usize);
            // Keep the page (empty) so page numbers stay right.
            if sink.pages.last().map(|p| p.number) != Some(n as usize) {
                sink.pages.push(PageGlyphs::new(n as usize, 0.0));
            }
        }
    }
    let mut warnings = Vec::new();
    if !unreadable.is_empty() {
        if unreadable.len() == numbers.len() {
            return Err(ReadError::Pdf("damaged PDF (no page could be read)".into()));
        }
        warnings.push(format!(
            "could not read {} (damaged?); the other pages are indexed",
            page_list(&unreadable)
        ));
    }
    if numbers.is_empty() {
        return Err(ReadError::Pdf("damaged PDF (no pages)".into()));
    }
    Ok((sink.pages, numbers.len(), warnings))
}

fn encrypted() -> ReadError {
    ReadError::Pdf("encrypted PDF (needs a password); save an unprotected copy".into())
}

/// Collects glyphs page by page; stops the extractor at the deadline or the glyph cap.
struct GlyphSink {
    deadline: Instant,
    pages: Vec<PageGlyphs>,
    glyphs: usize,
    /// Height of the current page: PDF space grows upwards, lines are read downwards.
    height: f64,
    stop: Option<ReadError>,
}

impl GlyphSink {
    fn halt(&mut self, why: String) -> OutputError {
        self.stop = Some(ReadError::Pdf(why));
        OutputError::IoError(std::io::Error::other("stopped"))
    }
}

impl OutputDev for GlyphSink {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        let height = media_box.ury - media_box.lly;
        self.height = height;
        self.pages.push(PageGlyphs::new(page_num as usize, height));
        if Instant::now() > self.deadline {
            return Err(self.halt(format!(
                "took longer than the {} s limit for a PDF",
                PDF_DEADLINE.as_secs()
            )));
        }
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_PDF_GLYPHS {
            return Err(self.halt(format!(
                "more than {MAX_PDF_GLYPHS} characters, the limit for a PDF"
            )));
        }
        if self.glyphs.is_multiple_of(4096) && Instant::now() > self.deadline {
            return Err(self.halt(format!(
                "took longer than the {} s limit for a PDF",
                PDF_DEADLINE.as_secs()
            )));
        }
        // As pdf-extract's own text output: the glyph's origin in top-down page space, and the
        // font size scaled by the text matrix.
        let (vx, vy) = (
            font_size * (trm.m11 + trm.m21),
            font_size * (trm.m12 + trm.m22),
        );
        let size = (vx * vy).abs().sqrt();
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(Glyph {
                x: trm.m31,
                y: self.height - trm.m32,
                advance: width * size,
                size,
                ch: ch.to_string(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

thread_local! {
    /// Set while this thread runs the extractor: its panics are expected and reported as
    /// warnings, so the panic hook stays silent.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, turning a panic into its message. The panic is not printed.
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the PDF reader failed".into())
    })
}
