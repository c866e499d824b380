//! Snippets: the text shown for a hit, cut around its best match, with highlights.
//!
//! This module knows nothing of the index or of how hits were found.

use crate::analysis::{Normalized, Normalizer};

/// A snippet: text around the best match, with highlighted ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The text, whitespace runs shown as one space, with `…` where it was cut.
    pub text: String,
    /// Matched ranges, character offsets into `text`, end exclusive.
    pub highlights: Vec<[usize; 2]>,
    /// Byte offset, in the section text, of the first match shown (or of the first match).
    pub first_match: Option<usize>,
}

/// Marks that end a clause or a sentence: a snippet starts after one and ends on one.
const CLAUSE_ENDS: &[char] = &['。', '；', '，', '、', '！', '？', '：', ';', '\n'];

/// How far past its width a snippet may run, or before its start it may reach, to find a clause
/// boundary, as a share of the width.
const BOUNDARY_SLACK_DIVISOR: usize = 4;

/// The mark shown where a snippet cuts the text.
const ELLIPSIS: char = '…';

/// Every match of the normalised `forms` in `text`, as byte ranges of `text` covering whole
/// original characters, sorted (matches of different forms may overlap).
pub fn match_ranges(
    normalizer: &Normalizer,
    text: &str,
    forms: &[Normalized],
) -> Vec<(usize, usize)> {
    let mapped = normalizer.normalize_mapped(text);
    let norm_chars: Vec<char> = mapped.text.chars().collect();
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
    matches
}

/// The matches of the normalised `forms` in the whole of `text` (no cut, whitespace kept), as
/// `[start, end)` character offsets into `text`, overlaps merged.
pub fn highlight_all(normalizer: &Normalizer, text: &str, forms: &[Normalized]) -> Vec<[usize; 2]> {
    let char_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let char_at = |byte: usize| char_starts.partition_point(|&b| b < byte);
    let mut merged: Vec<[usize; 2]> = Vec::new();
    for (a, b) in match_ranges(normalizer, text, forms) {
        let (a, b) = (char_at(a), char_at(b));
        match merged.last_mut() {
            Some(last) if a <= last[1] => last[1] = last[1].max(b),
            _ => merged.push([a, b]),
        }
    }
    merged
}

/// Makes a snippet of about `width` characters of `text` around the window holding the most
/// matches of the normalised `forms`. It starts after a clause boundary (。；，、 or a line
/// break) and ends on one when one is near, shows `…` where it cuts, and never cuts inside a
/// match: every highlight covers its whole match. Highlights are character offsets into the
/// snippet and cover whole original characters, even where normalisation changed them.
pub fn make_snippet(
    normalizer: &Normalizer,
    text: &str,
    forms: &[Normalized],
    width: usize,
) -> Snippet {
    let matches = match_ranges(normalizer, text, forms);
    // Original characters as (byte offset, char).
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |byte: usize| chars.partition_point(|(b, _)| *b < byte);
    let slack = (width / BOUNDARY_SLACK_DIVISOR).max(1);
    let is_end = |k: usize| chars.get(k).is_some_and(|c| CLAUSE_ENDS.contains(&c.1));
    // The anchor: the match that begins the densest window.
    let anchor = (0..matches.len()).max_by_key(|&k| {
        let s = char_at(matches[k].0);
        let covered = matches[k..]
            .iter()
            .take_while(|x| char_at(x.1) <= s + width * 3 / 4)
            .count();
        (covered, std::cmp::Reverse(k))
    });
    let mut start = match anchor {
        None => 0,
        Some(k) => {
            let m = char_at(matches[k].0);
            let ideal = m.saturating_sub(width / 5);
            // Just after the nearest clause end before the match, if one is near.
            (ideal.saturating_sub(slack)..m)
                .rev()
                .find(|&i| i > 0 && is_end(i - 1))
                .unwrap_or(ideal)
        }
    };
    // Skip leading whitespace of the window.
    while start < chars.len() && chars[start].1.is_whitespace() {
        start += 1;
    }
    let mut end = (start + width).min(chars.len());
    // Never cut inside a match.
    for m in &matches {
        let (a, b) = (char_at(m.0), char_at(m.1));
        if a < end && end < b {
            end = b;
        }
    }
    if end < chars.len() {
        // End on a clause end when one is near: before the cut, or a little after it.
        let back = (start + 1..=end).rev().take(slack).find(|&i| is_end(i - 1));
        let ahead = (end + 1..=(end + slack).min(chars.len())).find(|&i| is_end(i - 1));
        let inside_match = |i: usize| matches.iter().any(|m| char_at(m.0) < i && i < char_at(m.1));
        if let Some(i) = ahead.or(back).filter(|&i| !inside_match(i)) {
            end = i.max(start + 1).min(chars.len());
        }
    }
    let mut out = String::new();
    let mut out_len = 0usize;
    let mut byte_to_out: Vec<(usize, usize)> = Vec::new();
    if chars[..start.min(chars.len())]
        .iter()
        .any(|c| !c.1.is_whitespace())
    {
        out.push(ELLIPSIS);
        out_len += 1;
    }
    for &(b, c) in &chars[start..end] {
        if c.is_whitespace() {
            if !out.ends_with(' ') && out_len > 0 {
                out.push(' ');
                byte_to_out.push((b, out_len));
                out_len += 1;
            }
        } else {
            out.push(c);
            byte_to_out.push((b, out_len));
            out_len += 1;
        }
    }
    let mut trimmed = out.trim_end().to_string();
    let text_len = trimmed.chars().count();
    if end < chars.len() {
        trimmed.push(ELLIPSIS);
    }
    let window_start_byte = chars.get(start).map_or(text.len(), |c| c.0);
    let window_end_byte = chars.get(end).map_or(text.len(), |c| c.0);
    let to_out = |byte: usize| {
        let i = byte_to_out.partition_point(|(b, _)| *b < byte);
        byte_to_out.get(i).map_or(text_len, |x| x.1)
    };
    let shown: Vec<&(usize, usize)> = matches
        .iter()
        .filter(|m| m.0 >= window_start_byte && m.1 <= window_end_byte)
        .collect();
    let mut merged: Vec<[usize; 2]> = Vec::new();
    for m in &shown {
        let h = [to_out(m.0), to_out(m.1).min(text_len)];
        if h[0] >= h[1] {
            continue;
        }
        // Merge overlaps so highlights never nest.
        match merged.last_mut() {
            Some(last) if h[0] <= last[1] => last[1] = last[1].max(h[1]),
            _ => merged.push(h),
        }
    }
    Snippet {
        text: trimmed,
        highlights: merged,
        first_match: shown.first().or(matches.first().as_ref()).map(|m| m.0),
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
        assert_eq!(s.first_match, text.find("ＧＤＰ"));
    }

    #[test]
    fn whole_text_highlights_are_character_offsets_with_overlaps_merged() {
        let n = Normalizer::new();
        let text = "一、法律顧問\n\u{3000}聘请法律顾问3名。";
        let h = highlight_all(&n, text, &[n.normalize("法律顾问"), n.normalize("顾问3")]);
        let chars: Vec<char> = text.chars().collect();
        let marked: Vec<String> = h
            .iter()
            .map(|[a, b]| chars[*a..*b].iter().collect())
            .collect();
        assert_eq!(marked, ["法律顧問", "法律顾问3"]);
    }

    #[test]
    fn snippets_cut_at_clause_boundaries_with_ellipses_and_never_inside_a_match() {
        let n = Normalizer::new();
        let text = format!(
            "{}。第二句讲别的事情，{}，国务院要求加强监管。{}",
            "开头".repeat(40),
            "这里填充".repeat(8),
            "结尾".repeat(40)
        );
        let s = make_snippet(&n, &text, &[n.normalize("国务院")], 40);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        let after = s.text.chars().nth(1).unwrap();
        assert!(
            !"。，".contains(after),
            "starts after a boundary: {}",
            s.text
        );
        let chars: Vec<char> = s.text.chars().collect();
        let [a, b] = s.highlights[0];
        assert_eq!(chars[a..b].iter().collect::<String>(), "国务院");
        // A match reaching past the width is shown whole.
        let long = format!("{}国务院", "字".repeat(79));
        let s = make_snippet(&n, &long, &[n.normalize("国务院")], 80);
        let chars: Vec<char> = s.text.chars().collect();
        let [a, b] = *s.highlights.last().unwrap();
        assert_eq!(chars[a..b].iter().collect::<String>(), "国务院");
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
