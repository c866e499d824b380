//! Word documents: the paragraphs of a .docx package.
//!
//! This module owns reading `word/document.xml` out of the zip package. It knows nothing of
//! reports or encodings.

use std::io::Read;

use super::ReadError;

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
