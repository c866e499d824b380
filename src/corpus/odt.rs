//! OpenDocument text: the paragraphs of an .odt package.
//!
//! This module owns reading `content.xml` out of the zip package (as [`super::docx`] does for
//! Word). It knows nothing of reports or encodings.

use std::io::Read;

use super::docx::{join_soft_breaks, SOFT_BREAK};
use super::ReadError;

/// Largest content.xml read, in bytes: a zip bomb costs a warning, not the machine's memory.
pub const MAX_ODT_XML_BYTES: u64 = 32 << 20;

/// The paragraphs and headings of an .odt, one per line (see [`odt_text`]).
pub fn odt_paragraphs(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    odt_text(bytes).map(|(lines, _)| lines)
}

/// Deepest outline level read: Markdown's six.
const MAX_OUTLINE_LEVEL: u8 = 6;

/// The paragraphs and headings of an .odt, one per line: the text of each `text:p` and
/// `text:h` in content.xml, `text:s` spaces and tabs kept, line breaks joined as in a .docx,
/// notes left out; and per line, the outline level of a `text:h` (its `text:outline-level`, 1
/// when it names none).
pub fn odt_text(bytes: &[u8]) -> Result<(Vec<String>, Vec<Option<u8>>), ReadError> {
    use quick_xml::events::Event;
    let bad = |e: &dyn std::fmt::Display| ReadError::Odt(format!("content.xml: {e}"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Odt(e.to_string()))?;
    let mut xml = String::new();
    archive
        .by_name("content.xml")
        .map_err(|e| bad(&e))?
        .take(MAX_ODT_XML_BYTES + 1)
        .read_to_string(&mut xml)
        .map_err(|e| bad(&e))?;
    if xml.len() as u64 > MAX_ODT_XML_BYTES {
        return Err(bad(&format!(
            "unpacks to more than {} MB, the limit",
            MAX_ODT_XML_BYTES >> 20
        )));
    }
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut paragraphs = Vec::new();
    let mut outline = Vec::new();
    // Open paragraphs (a paragraph may hold a frame or note with paragraphs of its own), each
    // with its outline level if it is a heading.
    let mut open: Vec<(String, Option<u8>)> = Vec::new();
    let level = |e: &quick_xml::events::BytesStart<'_>| -> Option<u8> {
        (e.name().as_ref() == b"text:h").then(|| {
            e.try_get_attribute("text:outline-level")
                .ok()
                .flatten()
                .and_then(|a| String::from_utf8_lossy(&a.value).trim().parse::<u8>().ok())
                .unwrap_or(1)
                .clamp(1, MAX_OUTLINE_LEVEL)
        })
    };
    let mut in_note = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"text:p" | b"text:h" if in_note == 0 => open.push((String::new(), level(&e))),
                b"text:note" => in_note += 1,
                _ => {}
            },
            Ok(Event::Empty(e)) if in_note == 0 => {
                let Some((cur, _)) = open.last_mut() else {
                    if matches!(e.name().as_ref(), b"text:p" | b"text:h") {
                        paragraphs.push(String::new());
                        outline.push(None);
                    }
                    continue;
                };
                match e.name().as_ref() {
                    b"text:s" => {
                        let n = e
                            .try_get_attribute("text:c")
                            .ok()
                            .flatten()
                            .and_then(|a| String::from_utf8_lossy(&a.value).parse().ok())
                            .unwrap_or(1usize);
                        cur.extend(std::iter::repeat_n(' ', n.min(64)));
                    }
                    b"text:tab" => cur.push('\t'),
                    b"text:line-break" => cur.push(SOFT_BREAK),
                    b"text:p" | b"text:h" => {
                        paragraphs.push(String::new());
                        outline.push(None);
                    }
                    _ => {}
                }
            }
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"text:p" | b"text:h" if in_note == 0 => {
                    if let Some((p, level)) = open.pop() {
                        paragraphs.push(join_soft_breaks(&p));
                        outline.push(level);
                    }
                }
                b"text:note" => in_note = in_note.saturating_sub(1),
                _ => {}
            },
            Ok(Event::Text(t)) if in_note == 0 => {
                if let Some((cur, _)) = open.last_mut() {
                    cur.push_str(&t.unescape().map_err(|e| bad(&e))?);
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => return Err(bad(&e)),
            _ => {}
        }
    }
    Ok((paragraphs, outline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn odt(content: &[u8]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("content.xml", opts).unwrap();
        zip.write_all(content).unwrap();
        zip.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn paragraphs_headings_spaces_kept_notes_left_out() {
        let xml = r#"<office:document-content><office:body><office:text>
<text:h>一、总体情况</text:h><text:p>第一条<text:s text:c="2"/>为了<text:span>规范</text:span><text:note><text:note-body><text:p>注释</text:p></text:note-body></text:note>。</text:p><text:p/>
</office:text></office:body></office:document-content>"#;
        assert_eq!(
            odt_paragraphs(&odt(xml.as_bytes())).unwrap(),
            vec!["一、总体情况", "第一条  为了规范。", ""]
        );
    }

    /// A `text:h` carries its outline level (1 when it names none); paragraphs carry none.
    #[test]
    fn headings_carry_their_outline_level() {
        let xml = r#"<office:document-content><office:body><office:text>
<text:h text:outline-level="1">工作成效</text:h><text:p>全年办结案件。</text:p><text:h text:outline-level="2">法律顾问全覆盖</text:h><text:h>存在问题</text:h><text:p/>
</office:text></office:body></office:document-content>"#;
        let (lines, outline) = odt_text(&odt(xml.as_bytes())).unwrap();
        assert_eq!(
            lines,
            [
                "工作成效",
                "全年办结案件。",
                "法律顾问全覆盖",
                "存在问题",
                ""
            ]
        );
        assert_eq!(outline, [Some(1), None, Some(2), Some(1), None]);
    }

    #[test]
    fn a_content_xml_over_the_limit_is_refused() {
        let big = vec![b' '; MAX_ODT_XML_BYTES as usize + 10];
        let err = odt_paragraphs(&odt(&big)).unwrap_err();
        assert!(err.to_string().contains("limit"), "{err}");
    }
}
