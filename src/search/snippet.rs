//! Snippets: the text shown for a hit, cut around its best match, with highlights.
//!
//! This module knows nothing of the index or of how hits were found.

use crate::analysis::{Normalized, Normalizer};

/// A snippet: text around the best match, with highlighted ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text, whitespace runs shown as one space.
    pub text: String,
    /// Matched ranges, character offsets into `text`, end exclusive.
    pub highlights: Vec<[usize; 2]>,
    /// Lines between the section's first line and the first highlighted match.
    pub line_offset: usize,
}

/// Makes a snippet of about `width` characters of `text` around the window holding the most
/// matches of the normalised `forms`. Highlights are character offsets into the snippet and
/// always cover whole original characters, even where normalisation changed them.
pub fn make_snippet(
    normalizer: &Normalizer,
    text: &str,
    forms: &[Normalized],
    width: usize,
) -> Snippet {
    let mapped = normalizer.normalize_mapped(text);
    let norm_chars: Vec<char> = mapped.text.chars().collect();
    // Matches as byte ranges of the original text.
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for form in forms {
        let needle: Vec<char> = form.chars().collect();
        if needle.is_empty() || needle.len() > norm_chars.len() {
            continue;
        }
        let mut i = 0;
        while i + needle.len() <= norm_chars.len() {
            if norm_chars[i..i + needle.len()] == needle[..] {
                matches.push((mapped.origin[i].0, mapped.origin[i + needle.len() - 1].1));
                i += needle.len();
            } else {
                i += 1;
            }
        }
    }
    matches.sort();
    // Original characters as (byte offset, char).
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |byte: usize| chars.partition_point(|(b, _)| *b < byte);
    // Window: start a little before the match that begins the densest window.
    let start_char = if matches.is_empty() {
        0
    } else {
        let mut best = (0usize, 0usize);
        for (k, m) in matches.iter().enumerate() {
            let s = char_at(m.0);
            let covered = matches[k..]
                .iter()
                .take_while(|x| char_at(x.1) <= s + width * 3 / 4)
                .count();
            if covered > best.0 {
                best = (covered, k);
            }
        }
        char_at(matches[best.1].0).saturating_sub(width / 5)
    };
    let start_char = start_char.min(chars.len());
    let mut out = String::new();
    let mut out_len = 0usize;
    let mut byte_to_out: Vec<(usize, usize)> = Vec::new();
    let mut k = start_char;
    // Skip leading whitespace of the window.
    while k < chars.len() && chars[k].1.is_whitespace() {
        k += 1;
    }
    let window_start_byte = chars.get(k).map_or(text.len(), |c| c.0);
    while k < chars.len() && out_len < width {
        let (b, c) = chars[k];
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
                byte_to_out.push((b, out_len));
                out_len += 1;
            }
        } else {
            out.push(c);
            byte_to_out.push((b, out_len));
            out_len += 1;
        }
        k += 1;
    }
    let window_end_byte = chars.get(k).map_or(text.len(), |c| c.0);
    let trimmed = out.trim_end().to_string();
    let out_len = trimmed.chars().count();
    let to_out = |byte: usize| {
        let i = byte_to_out.partition_point(|(b, _)| *b < byte);
        byte_to_out.get(i).map_or(out_len, |x| x.1)
    };
    let mut highlights: Vec<[usize; 2]> = matches
        .iter()
        .filter(|m| m.0 >= window_start_byte && m.0 < window_end_byte)
        .map(|m| [to_out(m.0), to_out(m.1.min(window_end_byte)).min(out_len)])
        .filter(|h| h[0] < h[1])
        .collect();
    highlights.dedup();
    // Merge overlaps so highlights never nest.
    let mut merged: Vec<[usize; 2]> = Vec::new();
    for h in highlights {
        match merged.last_mut() {
            Some(last) if h[0] <= last[1] => last[1] = last[1].max(h[1]),
            _ => merged.push(h),
        }
    }
    let line_offset = matches
        .first()
        .map_or(0, |m| text[..m.0].matches('\n').count());
    Snippet {
        text: trimmed,
        highlights: merged,
        line_offset,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::search::SNIPPET_CHARS;
    use proptest::prelude::*;

    #[test]
    fn snippet_highlights_cover_original_characters_after_normalisation() {
        let n = Normalizer::new();
        let text = "第一行\n推動ＧＤＰ增長，國務院要求。";
        let s = make_snippet(&n, text, &[n.normalize("gdp"), n.normalize("国务院")], 80);
        let chars: Vec<char> = s.text.chars().collect();
        let marked: Vec<String> = s
            .highlights
            .iter()
            .map(|[a, b]| chars[*a..*b].iter().collect())
            .collect();
        assert_eq!(marked, vec!["ＧＤＰ", "國務院"]);
        assert_eq!(s.line_offset, 1);
    }

    /// Text mixing scripts, widths, quotes and line breaks.
    pub(crate) fn mixed_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[一-龥]{0,12}",
            "[ -~]{0,8}",
            "[！-～]{0,6}",
            Just("\u{3000}".to_string()),
            Just("\n".to_string()),
            Just("國務院顧問".to_string()),
            Just("\"".to_string()),
            Just(" OR ".to_string()),
            Just("-".to_string()),
            any::<String>(),
        ];
        prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
    }

    proptest! {
        /// Any text: snippet highlights inside the snippet, whole characters; normalisation
        /// origins on char boundaries, in order, inside the text.
            #[test]
        fn mapping_and_snippets_stay_on_character_boundaries(
            text in mixed_text(),
            start in 0usize..40,
            len in 1usize..6,
        ) {
            let n = Normalizer::new();
            let mapped = n.normalize_mapped(&text);
            prop_assert_eq!(mapped.origin.len(), mapped.text.chars().count());
            let mut last = 0;
            for &(a, b) in &mapped.origin {
                prop_assert!(a < b && b <= text.len());
                prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                prop_assert!(a >= last);
                last = a;
            }
            let form: String = mapped.text.chars().skip(start).take(len).collect();
            let form = form.trim().to_string();
            let snippet = make_snippet(&n, &text, &[n.normalize(&form)], SNIPPET_CHARS);
            let chars = snippet.text.chars().count();
            for [a, b] in snippet.highlights {
                prop_assert!(a < b && b <= chars);
            }
        }
    }
}
