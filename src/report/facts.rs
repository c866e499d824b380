//! Report facts: title, year, issuing body and date.
//!
//! This module owns the heuristics that find a report's facts in its kept lines. It knows
//! nothing of how sections are split.

use super::headings::Heading;

/// Characters of the longest line taken for a title (a title is a line, not a paragraph).
const MAX_TITLE_CHARS: usize = 80;

/// Lines from the end searched for a signature (issuing body).
const SIGNATURE_LINES: usize = 4;
/// Lines from the end searched for a signing date.
const SIGNING_DATE_LINES: usize = 3;

/// A signature line is short: at most this many characters.
const MAX_SIGNATURE_CHARS: usize = 30;

/// Lines from the top searched for a 来源/时间 publication date.
const PUBLICATION_DATE_LINES: usize = 30;

/// Words that end a title.
const TITLE_ENDINGS: &[&str] = &[
    "报告", "总结", "公报", "条例", "法", "规定", "办法", "决定", "意见", "通知", "纲要", "规划",
    "方案", "细则", "解释", "批复", "计划", "情况", "要点", "通报", "公告", "章程", "规则", "决议",
];

fn looks_like_title_line(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    (4..=MAX_TITLE_CHARS).contains(&n)
        && !t.ends_with(['。', '：', ':', '；', '，'])
        && !t.starts_with("各位代表")
}

fn ends_like_title(t: &str) -> bool {
    TITLE_ENDINGS.iter().any(|e| t.trim_end().ends_with(e))
}

/// The title: the first kept line before the first heading (or a Markdown `#` heading in first
/// position), joined with the next line when the first does not end like a title and the next
/// one does (柳州: 法治政府 / 建设工作报告; 沙坪坝: 科学技术局 / 关于…的报告).
/// Returns the title and how many kept lines it took (those lines stay in the preamble).
pub(super) fn find_title(
    kept: &[(usize, &str)],
    headings: &[Option<Heading>],
    first_heading: usize,
) -> (Option<String>, usize) {
    let Some((_, first)) = kept.first() else {
        return (None, 0);
    };
    if let Some(Some(h)) = headings.first() {
        if h.level == 1 && first.trim_start().starts_with('#') {
            return (Some(h.text.clone()), 1);
        }
        return (None, 0);
    }
    if first_heading == 0 || !looks_like_title_line(first) {
        return (None, 0);
    }
    let first = first.trim();
    if !ends_like_title(first) && first_heading >= 2 {
        let second = kept[1].1.trim();
        if looks_like_title_line(second) && ends_like_title(second) {
            return (Some(format!("{first}{second}")), 2);
        }
    }
    (Some(first.to_string()), 1)
}

/// The year a title is about: the first 19xx/20xx followed by 年.
pub(super) fn find_year(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let y = year_at(&chars, i)?;
        (chars.get(i + 4) == Some(&'年')).then_some(y)
    })
}

fn year_at(chars: &[char], i: usize) -> Option<u32> {
    if i > 0 && chars[i - 1].is_ascii_digit() {
        return None;
    }
    let digits: String = chars.get(i..i + 4)?.iter().collect();
    if !digits.chars().all(|c| c.is_ascii_digit())
        || chars.get(i + 4).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let y: u32 = digits.parse().ok()?;
    (1949..=2100).contains(&y).then_some(y)
}

/// A year anywhere in a file name (…_2022, …(2021-10-30)).
pub(super) fn find_year_loose(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| year_at(&chars, i))
}

/// Endings of an issuing body's name, strongest first.
const ORG_SUFFIXES: &[&str] = &[
    "人民政府",
    "管理委员会",
    "管委会",
    "委员会",
    "办公室",
    "办公厅",
    "政府",
    "局",
    "厅",
    "委",
    "院",
    "办",
    "部",
    "署",
    "中心",
];

/// The issuing body: a short signature line before the date at the end of the report, else the
/// name at the start of the title (柳州市科学技术局 in 2021年度柳州市科学技术局法治政府…).
pub(super) fn find_org(kept: &[(usize, &str)], title: &str) -> Option<String> {
    for (_, line) in kept.iter().rev().take(SIGNATURE_LINES) {
        let t = line.trim();
        if t.chars().count() <= MAX_SIGNATURE_CHARS
            && ORG_SUFFIXES.iter().any(|s| t.ends_with(s))
            && !t.contains(['，', '。'])
        {
            return Some(t.to_string());
        }
    }
    org_in(title)
}

fn org_in(title: &str) -> Option<String> {
    let mut s = title.trim();
    // Skip a leading year (2021年度 / 2021年) and 关于.
    loop {
        let before = s;
        s = s.trim_start_matches(|c: char| c.is_ascii_digit());
        s = s.trim_start_matches("年度").trim_start_matches('年');
        s = s.trim_start_matches("关于");
        if s == before {
            break;
        }
    }
    let name: String = s
        .chars()
        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .collect();
    let best = ORG_SUFFIXES
        .iter()
        .filter_map(|suf| name.find(suf).map(|i| i + suf.len()))
        .min()?;
    let org = &name[..best];
    (org.chars().count() >= 2).then(|| org.to_string())
}

/// The date the report was signed (a date alone on one of its last lines) or published
/// (来源/时间 lines, or ——2026年2月3日在… under the title).
pub(super) fn find_date(lines: &[String], kept: &[(usize, &str)]) -> Option<String> {
    for (_, line) in kept.iter().rev().take(SIGNING_DATE_LINES) {
        let t = line.trim();
        if let Some(d) = find_cn_date(t).or_else(|| find_iso_date(t)) {
            if d.chars().count() + 2 >= t.chars().count() {
                return Some(d);
            }
        }
    }
    for line in lines.iter().take(PUBLICATION_DATE_LINES) {
        let t = line.trim();
        if t.starts_with("来源")
            || t.starts_with("时间")
            || t.starts_with("发布时间")
            || t.starts_with("——")
        {
            if let Some(d) = find_iso_date(t).or_else(|| find_cn_date(t)) {
                return Some(d);
            }
        }
    }
    None
}

/// 2024年2月19日
pub(super) fn find_cn_date(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    for i in 0..chars.len() {
        if year_at(&chars, i).is_none() || chars.get(i + 4) != Some(&'年') {
            continue;
        }
        let mut j = i + 5;
        let m = chars[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        if m == 0 || m > 2 || chars.get(j + m) != Some(&'月') {
            continue;
        }
        j += m + 1;
        let d = chars[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        if d == 0 || d > 2 || chars.get(j + d) != Some(&'日') {
            continue;
        }
        return Some(chars[i..j + d + 1].iter().collect());
    }
    None
}

/// 2023-12-01
pub(super) fn find_iso_date(t: &str) -> Option<String> {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let s = t.get(i..i + 10)?;
        let sb = s.as_bytes();
        let ok = sb[..4].iter().all(u8::is_ascii_digit)
            && sb[4] == b'-'
            && sb[5..7].iter().all(u8::is_ascii_digit)
            && sb[7] == b'-'
            && sb[8..10].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit());
        ok.then(|| s.to_string())
    })
}
