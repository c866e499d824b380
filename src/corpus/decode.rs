//! Decoding: how a text file's bytes become text (borrowed when they are UTF-8 already).
//!
//! This module owns encoding detection (BOM, UTF-8, GB18030/GBK, Big5 and chardetng's other
//! guesses) and the refusal of binary content. It knows nothing of formats or reports.

use std::borrow::Cow;

use super::ReadError;

/// Bytes looked at for NUL bytes, the sign of a binary file: the first 8 KiB, as ripgrep and
/// git do.
const BINARY_SNIFF_BYTES: usize = 8192;

/// Characters looked at for control characters after a legacy decoding.
const CONTROL_SNIFF_CHARS: usize = 4096;

/// Share of control characters (whitespace apart) above which decoded text is taken for binary
/// data: real text has next to none, binary data that happens to decode has many.
const MAX_CONTROL_RATIO: f64 = 0.1;

/// A GB18030 decoding is kept when at most this many characters, plus one per
/// [`GB18030_CHARS_PER_ALLOWED_ERROR`], had to be replaced: a few corrupt bytes in a GBK file.
const GB18030_ALLOWED_ERRORS: usize = 2;
/// See [`GB18030_ALLOWED_ERRORS`].
const GB18030_CHARS_PER_ALLOWED_ERROR: usize = 500;

/// Invalid UTF-8 sequences a file may have and still be read as UTF-8 (with replacement
/// characters and a warning): this many, plus one per [`UTF8_BYTES_PER_ALLOWED_ERROR`] bytes.
/// A file in a legacy encoding has an invalid sequence every few characters.
pub const UTF8_ALLOWED_ERRORS: usize = 4;
/// See [`UTF8_ALLOWED_ERRORS`].
pub const UTF8_BYTES_PER_ALLOWED_ERROR: usize = 1000;

/// Text decoded from bytes, with the encoding used and a warning when the result is doubtful.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, BOM removed: borrowed from the bytes when they are UTF-8 already.
    pub text: Cow<'a, str>,
    /// The encoding's name.
    pub encoding: &'static str,
    /// Set when the encoding was a guess of low confidence or bytes could not be decoded.
    pub warning: Option<String>,
}

/// Decodes bytes: a BOM decides (UTF-8, UTF-16LE/BE, UTF-32LE/BE); else valid UTF-8 is UTF-8; else the
/// encoding is guessed with chardetng (GB18030 for GBK-family guesses, since it is their
/// superset). Text with NUL bytes that decodes to text as UTF-16 is UTF-16 without its BOM, a
/// few stray NULs are replaced (with a warning), and other binary content is refused. Lossy decoding and
/// guesses outside the Chinese encodings give a warning, never silent mojibake.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, ReadError> {
    // UTF-32's marks first: encoding_rs knows no UTF-32, and its little-endian mark begins
    // with UTF-16LE's.
    if let Some(decoded) = utf32_with_bom(bytes) {
        return decoded;
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
            warning: had_errors
                .then(|| format!("lossy decoding: invalid {} bytes replaced", encoding.name())),
        });
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if head.contains(&0) {
        return utf16_without_bom(bytes)
            .or_else(|| with_stray_nuls(bytes))
            .ok_or(ReadError::Binary);
    }
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Decoded {
            text: Cow::Borrowed(text),
            encoding: "UTF-8",
            warning: None,
        });
    }
    if let Some(decoded) = mostly_utf8(bytes) {
        return Ok(decoded);
    }
    if let Some(decoded) = utf8_with_gb18030_lines(bytes) {
        return Ok(decoded);
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
    let gb_ok = replaced
        <= GB18030_ALLOWED_ERRORS + gb_text.chars().count() / GB18030_CHARS_PER_ALLOWED_ERROR;
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
    if control_ratio(&text) > MAX_CONTROL_RATIO {
        return Err(ReadError::Binary);
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        warning,
    })
}

/// UTF-32 with its byte order mark (`FF FE 00 00` or `00 00 FE FF`): each four bytes one
/// character. A unit that is no character makes the file binary.
fn utf32_with_bom(bytes: &[u8]) -> Option<Result<Decoded<'_>, ReadError>> {
    let little = bytes.starts_with(&[0xff, 0xfe, 0, 0]);
    if !little && !bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return None;
    }
    let body = &bytes[4..];
    if !body.len().is_multiple_of(4) {
        return Some(Err(ReadError::Binary));
    }
    let text: Option<String> = body
        .chunks_exact(4)
        .map(|u| {
            let u: [u8; 4] = u.try_into().expect("four bytes");
            char::from_u32(if little {
                u32::from_le_bytes(u)
            } else {
                u32::from_be_bytes(u)
            })
        })
        .collect();
    Some(match text {
        Some(text) if !text.contains('\0') => Ok(Decoded {
            text: Cow::Owned(text),
            encoding: if little { "UTF-32LE" } else { "UTF-32BE" },
            warning: None,
        }),
        _ => Err(ReadError::Binary),
    })
}

/// Share of the decoded characters that must read as text (Han, ASCII, whitespace, CJK and
/// full-width punctuation) for a file without a BOM to be read as UTF-16 in that byte order.
/// In the wrong order ASCII becomes U+xx00 and Han characters scatter over other scripts.
const UTF16_TEXT_SHARE: f64 = 0.9;

/// UTF-16 without a byte order mark, as some Windows tools save text: NUL bytes beside every
/// ASCII character. Each byte order is tried; the one whose decoding has no invalid code unit,
/// no NUL and reads as text is taken.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded<'_>> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let texty = |c: char| {
        crate::analysis::is_han(c)
            || c.is_ascii_graphic()
            || c.is_whitespace()
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
            || matches!(c, '\u{2010}'..='\u{2027}')
    };
    // Each order is judged on the sniffed head; only the one that reads as text decodes all.
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES) & !1];
    let encoding = [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
        .into_iter()
        .find(|encoding| {
            let (sample, _) = encoding.decode_without_bom_handling(head);
            let chars = sample.chars().count().max(1);
            let share = sample.chars().filter(|&c| texty(c)).count() as f64 / chars as f64;
            !sample.contains('\0') && share >= UTF16_TEXT_SHARE
        })?;
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    (!had_errors && !text.contains('\0')).then(|| Decoded {
        text,
        encoding: encoding.name(),
        warning: None,
    })
}

/// NUL bytes a text file may hold and still be read, replaced: this many, plus one per
/// [`BYTES_PER_ALLOWED_NUL`] bytes. A stray NUL (a copy that went wrong, a field padded in a
/// database export) must not drop a whole report; binary data has NULs everywhere.
const ALLOWED_NULS: usize = 2;
/// See [`ALLOWED_NULS`].
const BYTES_PER_ALLOWED_NUL: usize = 1000;

/// Text with a few stray NUL bytes: each becomes U+FFFD, one character for one, so lines and
/// columns stay those of the file, and a warning says how many there were.
fn with_stray_nuls(bytes: &[u8]) -> Option<Decoded<'_>> {
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    if nuls > ALLOWED_NULS + bytes.len() / BYTES_PER_ALLOWED_NUL {
        return None;
    }
    // A one-byte stand-in, one character in every encoding read here, then U+FFFD for it.
    let cleaned: Vec<u8> = bytes
        .iter()
        .map(|&b| if b == 0 { 0x1a } else { b })
        .collect();
    let decoded = decode(&cleaned)
        .ok()
        .filter(|d| control_ratio(&d.text) <= MAX_CONTROL_RATIO)?;
    let warning = format!(
        "{nuls} NUL byte{} replaced{}",
        if nuls == 1 { "" } else { "s" },
        decoded
            .warning
            .as_deref()
            .map(|w| format!("; {w}"))
            .unwrap_or_default()
    );
    Some(Decoded {
        text: Cow::Owned(decoded.text.replace('\u{1a}', "\u{fffd}")),
        encoding: decoded.encoding,
        warning: Some(warning),
    })
}

/// UTF-8 with a few invalid sequences (a stray byte, a last character cut in half): decoded as
/// UTF-8 with replacement characters and a warning, when the invalid sequences are few (see
/// [`UTF8_ALLOWED_ERRORS`]) and the valid part holds more multi-byte characters than there are
/// errors, the mark of UTF-8 text rather than of a legacy encoding that happens to be close.
fn mostly_utf8(bytes: &[u8]) -> Option<Decoded<'_>> {
    let allowed = UTF8_ALLOWED_ERRORS + bytes.len() / UTF8_BYTES_PER_ALLOWED_ERROR;
    let mut errors = 0usize;
    let mut multibyte = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        if !chunk.invalid().is_empty() {
            errors += 1;
            if errors > allowed {
                return None;
            }
        }
    }
    if multibyte <= errors {
        return None;
    }
    Some(Decoded {
        text: String::from_utf8_lossy(bytes),
        encoding: "UTF-8",
        warning: Some(format!(
            "lossy decoding: {errors} invalid UTF-8 sequence{} replaced",
            if errors == 1 { "" } else { "s" }
        )),
    })
}

/// A UTF-8 file with some lines in GB18030/GBK (a title pasted from an old document): each line
/// decoded as what it is, with a warning. Taken when every line that is not UTF-8 decodes as
/// GB18030 without error and lines of Chinese in UTF-8 are at least as many as those: decoding
/// the whole file as one legacy encoding made every UTF-8 line mojibake, and the file
/// unfindable. A GBK file, whose Chinese lines are almost never valid UTF-8, does not qualify.
fn utf8_with_gb18030_lines(bytes: &[u8]) -> Option<Decoded<'_>> {
    let (mut utf8_chinese, mut legacy) = (0usize, 0usize);
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            text.push('\n');
        }
        match std::str::from_utf8(line) {
            Ok(l) => {
                utf8_chinese += usize::from(l.chars().any(|c| c.len_utf8() > 1));
                text.push_str(l);
            }
            Err(_) => {
                let (l, _, errors) = encoding_rs::GB18030.decode(line);
                if errors {
                    return None;
                }
                legacy += 1;
                text.push_str(&l);
            }
        }
    }
    (legacy > 0 && utf8_chinese >= legacy).then(|| Decoded {
        text: Cow::Owned(text),
        encoding: "UTF-8",
        warning: Some(format!(
            "mixed encodings: {legacy} line{} in GB18030, the rest UTF-8",
            if legacy == 1 { "" } else { "s" }
        )),
    })
}

/// Share of characters that are control characters other than whitespace: high for binary data
/// that happened to decode.
fn control_ratio(text: &str) -> f64 {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(CONTROL_SNIFF_CHARS) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_detects_boms_and_gb18030() {
        let text = "法律顾问制度";
        let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
        utf8_bom.extend_from_slice(text.as_bytes());
        let d = decode(&utf8_bom).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (text, "UTF-8"));

        let mut utf16 = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&utf16).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (text, "UTF-16LE"));

        let long =
            "二〇二一年度法治政府建设工作报告，全面推进依法行政，建立法律顾问制度。".repeat(5);
        let (gb, _, _) = encoding_rs::GB18030.encode(&long);
        let d = decode(&gb).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), (long.as_str(), "gb18030"));
        assert!(d.warning.is_none());
    }

    #[test]
    fn mostly_valid_utf8_stays_utf8() {
        let text = "2026年上海市法治政府建设情况报告。".repeat(50);
        let mut one_bad = text.clone().into_bytes();
        one_bad.insert(4, 0xff);
        let d = decode(&one_bad).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(
            d.text.starts_with("2026\u{fffd}年上海市"),
            "{}",
            d.text.chars().take(20).collect::<String>()
        );
        assert!(d.warning.unwrap().contains("1 invalid UTF-8 sequence"));

        let mut cut = text.clone().into_bytes();
        cut.truncate(cut.len() - 1);
        let d = decode(&cut).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.ends_with('\u{fffd}'));

        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        assert_eq!(decode(&gb).unwrap().encoding, "gb18030");
    }

    /// A UTF-8 report with its title line pasted in GBK: every line reads, each in its own
    /// encoding, with a warning; a GBK file stays GB18030.
    #[test]
    fn utf8_with_a_gbk_line_decodes_each_line() {
        let (title, _, _) = encoding_rs::GB18030.encode("临川县林业局2023年法治政府建设工作总结");
        let mut bytes = title.into_owned();
        bytes.extend_from_slice("\r\n一、主要工作\r\n完成造林1200亩。\n".as_bytes());
        let d = decode(&bytes).unwrap();
        assert_eq!(
            d.text,
            "临川县林业局2023年法治政府建设工作总结\r\n一、主要工作\r\n完成造林1200亩。\n"
        );
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.warning.unwrap().contains("1 line in GB18030"));
        let (gbk, _, _) =
            encoding_rs::GB18030.encode("一、主要工作\n完成造林1200亩。\n二、存在问题\n");
        let d = decode(&gbk).unwrap();
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.text, "一、主要工作\n完成造林1200亩。\n二、存在问题\n");
    }

    #[test]
    fn binary_bytes_are_refused() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00abc"),
            Err(ReadError::Binary)
        ));
        // Controls around a single NUL are binary too.
        let mut bytes = b"\x01\x02\x03\x04\x05\x06".repeat(200);
        bytes[500] = 0;
        assert!(matches!(decode(&bytes), Err(ReadError::Binary)));
    }

    /// A stray NUL in a report, UTF-8 or GBK, is replaced by U+FFFD, one character for one, so
    /// lines and columns stay the file's, with a warning; more than a few per thousand bytes
    /// make the file binary.
    #[test]
    fn a_stray_nul_is_replaced_not_a_reason_to_skip_the_file() {
        let text = "法治政府建设报告\n一、主要工作\n全面推行法律顾问制度。\n".repeat(20);
        for bytes in [
            text.as_bytes().to_vec(),
            encoding_rs::GB18030.encode(&text).0.into_owned(),
        ] {
            let mut bytes = bytes;
            let at = bytes.len() / 2;
            bytes.insert(at, 0);
            let d = decode(&bytes).expect("read");
            assert_eq!(
                d.warning
                    .as_deref()
                    .map(|w| w.starts_with("1 NUL byte replaced")),
                Some(true)
            );
            assert_eq!(d.text.chars().count(), text.chars().count() + 1);
            assert_eq!(d.text.matches('\u{fffd}').count(), 1);
            assert_eq!(d.text.replace('\u{fffd}', ""), text);
        }
        let mut many = text.into_bytes();
        for k in (0..many.len()).step_by(50) {
            many[k] = 0;
        }
        assert!(matches!(decode(&many), Err(ReadError::Binary)));
    }

    /// UTF-32 with its byte order mark, in either order, is read as UTF-32 (its little-endian
    /// mark begins with UTF-16LE's, which read it as text with NULs in it).
    #[test]
    fn utf32_with_its_byte_order_mark() {
        let text = "第一条　为了规范行政执法，制定本办法。\n𡻕\n";
        let le: Vec<u8> = [0xff, 0xfe, 0, 0]
            .into_iter()
            .chain(text.chars().flat_map(|c| u32::from(c).to_le_bytes()))
            .collect();
        let be: Vec<u8> = [0, 0, 0xfe, 0xff]
            .into_iter()
            .chain(text.chars().flat_map(|c| u32::from(c).to_be_bytes()))
            .collect();
        for (bytes, name) in [(le, "UTF-32LE"), (be, "UTF-32BE")] {
            let d = decode(&bytes).expect("read");
            assert_eq!((d.encoding, d.text.as_ref()), (name, text));
        }
        assert!(matches!(
            decode(&[0xff, 0xfe, 0, 0, 0xff, 0xff, 0xff, 0xff]),
            Err(ReadError::Binary)
        ));
    }

    /// UTF-16 saved without its byte order mark, in either order, Chinese with its line breaks
    /// and 一 (whose low byte is NUL), is read as UTF-16.
    #[test]
    fn utf16_without_a_byte_order_mark() {
        let text =
            "第一条　为了规范行政执法，制定本办法。\n第二条　本办法自2024年1月1日起施行。一\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode(&bytes).expect("read");
            assert_eq!((d.encoding, d.text.as_ref()), (name, text));
        }
    }
}
