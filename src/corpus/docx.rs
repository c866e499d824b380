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

/// Reads a part of the package as text, within the limits of [`MAX_DOCX_XML_BYTES`] and
/// [`MAX_DOCX_RATIO`] whatever its declared size; None when the package has no such part.
fn read_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ReadError> {
    let part = match archive.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ReadError::Docx(format!("{name}: {e}"))),
    };
    let (size, compressed) = (part.size(), part.compressed_size());
    let bomb = |size: u64| {
        ReadError::Docx(format!(
            "{name} unpacks to {size} bytes or more from {compressed} \
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
        .map_err(|e| ReadError::Docx(format!("{name}: {e}")))?;
    if raw.len() as u64 > allowed {
        return Err(bomb(raw.len() as u64));
    }
    String::from_utf8(raw)
        .map(Some)
        .map_err(|e| ReadError::Docx(format!("{name}: not UTF-8: {e}")))
}

/// The paragraphs of a .docx, one per line (see [`docx_text`]).
pub fn docx_paragraphs(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    docx_text(bytes).map(|(lines, _)| lines)
}

/// Deepest outline level read: Markdown's six.
const MAX_OUTLINE_LEVEL: u8 = 6;

/// The paragraphs of a .docx, one per line: the text runs of each `w:p` in word/document.xml,
/// tabs kept; and per paragraph, its outline level when Word marks it as a heading (1 for
/// Heading 1). A line break inside a paragraph (`w:br`, Shift+Enter) joins the text on either
/// side: with nothing between Chinese characters, which a reader and a search run together
/// (预案》，/出台 is 预案》，出台), and with a space between anything else (words of Latin
/// script).
///
/// A paragraph is a heading by its own outline level (`w:outlineLvl`) or its style's: a style
/// with an outline level, named `heading N` (`标题 N` in a Chinese Word), or based on one.
pub fn docx_text(bytes: &[u8]) -> Result<(Vec<String>, Vec<Option<u8>>), ReadError> {
    use quick_xml::events::Event;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Docx(e.to_string()))?;
    let xml = read_part(&mut archive, "word/document.xml")?
        .ok_or_else(|| ReadError::Docx("word/document.xml: not in the package".into()))?;
    // A package without styles (or with damaged ones) has no styled headings, nothing worse.
    let styles = match read_part(&mut archive, "word/styles.xml") {
        Ok(Some(styles)) => heading_styles(&styles),
        _ => std::collections::HashMap::new(),
    };
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut paragraphs = Vec::new();
    let mut outline = Vec::new();
    let mut current = String::new();
    // The open paragraph's outline level, from its own properties or its style.
    let mut level: Option<u8> = None;
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
                    level = None;
                }
                b"w:t" => in_text = true,
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:tab" => current.push('\t'),
                b"w:br" | b"w:cr" => current.push(SOFT_BREAK),
                b"w:p" => {
                    paragraphs.push(String::new());
                    outline.push(None);
                }
                b"w:pStyle" => {
                    level = val(&e).and_then(|id| styles.get(&id).copied()).or(level);
                }
                // Its own outline level overrides its style's; 9 is body text.
                b"w:outlineLvl" => level = val(&e).and_then(|v| outline_level(&v)),
                _ => {}
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:p" => {
                    if in_paragraph {
                        paragraphs.push(join_soft_breaks(&std::mem::take(&mut current)));
                        outline.push(level.take());
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
    Ok((paragraphs, outline))
}

/// The `w:val` attribute of an element.
fn val(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    e.try_get_attribute("w:val")
        .ok()
        .flatten()
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// Word's outline level (0 for the top, 9 for body text) as a heading level from 1.
fn outline_level(v: &str) -> Option<u8> {
    let n: u8 = v.trim().parse().ok()?;
    (n < 9).then_some((n + 1).min(MAX_OUTLINE_LEVEL))
}

/// The heading level of a style name: `heading 2` (as Word stores it, in any case), `标题 2`.
fn named_level(name: &str) -> Option<u8> {
    let name = name.trim().to_lowercase();
    let n = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("标题"))?
        .trim();
    let n: u8 = n.parse().ok()?;
    (1..=9).contains(&n).then_some(n.min(MAX_OUTLINE_LEVEL))
}

/// Deepest chain of `w:basedOn` followed.
const MAX_STYLE_DEPTH: usize = 8;

/// The paragraph styles of word/styles.xml that make a heading, by style id, with the level:
/// the style's outline level, else its name's number, else those of the style it is based on.
fn heading_styles(xml: &str) -> std::collections::HashMap<String, u8> {
    use quick_xml::events::Event;
    // Per paragraph style: (outline level given, name's level, based on).
    struct Style {
        outline: Option<Option<u8>>,
        named: Option<u8>,
        based_on: Option<String>,
    }
    let mut styles: std::collections::HashMap<String, Style> = Default::default();
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: Option<(String, Style)> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:style" => {
                let attr = |k: &str| {
                    e.try_get_attribute(k)
                        .ok()
                        .flatten()
                        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                };
                open = (attr("w:type").as_deref() == Some("paragraph"))
                    .then(|| attr("w:styleId"))
                    .flatten()
                    .map(|id| {
                        let style = Style {
                            outline: None,
                            named: None,
                            based_on: None,
                        };
                        (id, style)
                    });
            }
            Ok(Event::Empty(e)) => {
                let Some((_, style)) = open.as_mut() else {
                    continue;
                };
                match e.name().as_ref() {
                    b"w:name" => style.named = val(&e).and_then(|n| named_level(&n)),
                    b"w:basedOn" => style.based_on = val(&e),
                    b"w:outlineLvl" => {
                        style.outline = Some(val(&e).and_then(|v| outline_level(&v)))
                    }
                    _ => {}
                }
            }
            Ok(Event::End(e)) if e.name().as_ref() == b"w:style" => {
                if let Some((id, style)) = open.take() {
                    styles.insert(id, style);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let level_of = |id: &str| {
        let mut id = id.to_string();
        for _ in 0..MAX_STYLE_DEPTH {
            let style = styles.get(&id)?;
            if let Some(outline) = style.outline {
                return outline;
            }
            if style.named.is_some() {
                return style.named;
            }
            id = style.based_on.clone()?;
        }
        None
    };
    styles
        .keys()
        .filter_map(|id| level_of(id).map(|level| (id.clone(), level)))
        .collect()
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
