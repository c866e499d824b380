//! Word documents: the paragraphs of a .docx package.
//!
//! This module owns reading `word/document.xml` out of the zip package. It knows nothing of
//! reports or encodings.

use std::io::Read;

use super::{ReadError, MAX_FILE_BYTES};

/// Largest decompressed `word/document.xml` read, in bytes: the same as the largest file.
pub const MAX_DOCX_XML_BYTES: u64 = MAX_FILE_BYTES;

/// Largest ratio of decompressed to compressed size of `word/document.xml`: real documents
/// compress 5 to 20 times, a zip bomb thousands of times. Only checked above
/// [`DOCX_RATIO_FLOOR_BYTES`], since tiny parts can compress oddly well.
pub const MAX_DOCX_RATIO: u64 = 200;

/// Decompressed size below which the ratio is not checked.
const DOCX_RATIO_FLOOR_BYTES: u64 = 1 << 20;

/// The paragraphs of a .docx, one per line: the text runs of each `w:p` in word/document.xml,
/// tabs kept. A line break inside a paragraph (`w:br`, Shift+Enter) joins the text on either
/// side: with nothing between Chinese characters, which a reader and a search run together
/// (预案》，/出台 is 预案》，出台), and with a space between anything else (words of Latin
/// script).
pub fn docx_paragraphs(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    use quick_xml::events::Event;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Docx(e.to_string()))?;
    let part = archive
        .by_name("word/document.xml")
        .map_err(|e| ReadError::Docx(format!("word/document.xml: {e}")))?;
    let (size, compressed) = (part.size(), part.compressed_size());
    let bomb = |size: u64| {
        ReadError::Docx(format!(
            "word/document.xml unpacks to {size} bytes or more from {compressed} \
             (limits: {MAX_DOCX_XML_BYTES} bytes, {MAX_DOCX_RATIO} times its packed size)"
        ))
    };
    let too_big = |size: u64| {
        size > MAX_DOCX_XML_BYTES
            || (size > DOCX_RATIO_FLOOR_BYTES && size > compressed.saturating_mul(MAX_DOCX_RATIO))
    };
    if too_big(size) {
        return Err(bomb(size));
    }
    // The declared size may lie: read no more than the limits allow, whatever it says.
    let allowed = MAX_DOCX_XML_BYTES.min(
        compressed
            .saturating_mul(MAX_DOCX_RATIO)
            .max(DOCX_RATIO_FLOOR_BYTES),
    );
    let mut raw = Vec::new();
    part.take(allowed + 1)
        .read_to_end(&mut raw)
        .map_err(|e| ReadError::Docx(format!("word/document.xml: {e}")))?;
    if raw.len() as u64 > allowed {
        return Err(bomb(raw.len() as u64));
    }
    let xml = String::from_utf8(raw)
        .map_err(|e| ReadError::Docx(format!("word/document.xml: not UTF-8: {e}")))?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    let mut in_paragraph = false;
    // Word writes each text box twice: as a drawing (`mc:Choice`) and as a picture for older
    // readers (`mc:Fallback`). The fallback's copy is skipped, or its text would be read twice.
    let mut in_fallback = 0usize;
    loop {
        let event = reader.read_event();
        match &event {
            Ok(Event::Start(e)) if e.name().as_ref() == b"mc:Fallback" => in_fallback += 1,
            Ok(Event::End(e)) if e.name().as_ref() == b"mc:Fallback" => {
                in_fallback = in_fallback.saturating_sub(1);
                continue;
            }
            _ => {}
        }
        if in_fallback > 0 && !matches!(event, Ok(Event::Eof) | Err(_)) {
            continue;
        }
        match event {
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
                b"w:br" | b"w:cr" => current.push(SOFT_BREAK),
                b"w:p" => paragraphs.push(String::new()),
                _ => {}
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:p" => {
                    if in_paragraph {
                        paragraphs.push(join_soft_breaks(&std::mem::take(&mut current)));
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

/// Stands for a line break inside a paragraph until the paragraph is complete. (A private-use
/// character: a paragraph's own text never holds one that matters to a search.)
pub(super) const SOFT_BREAK: char = '\u{f8ff}';

/// A paragraph with each [`SOFT_BREAK`] removed between two Chinese characters or marks, and
/// made a space elsewhere (also for an .odt's `text:line-break`).
pub(super) fn join_soft_breaks(paragraph: &str) -> String {
    if !paragraph.contains(SOFT_BREAK) {
        return paragraph.to_string();
    }
    let chinese = |c: char| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = String::with_capacity(paragraph.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != SOFT_BREAK {
            out.push(c);
            continue;
        }
        let before = out.chars().last();
        let after = chars[i + 1..].iter().find(|&&c| c != SOFT_BREAK).copied();
        let joined = before.is_some_and(chinese) && after.is_some_and(chinese);
        if !joined && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}
