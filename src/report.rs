//! Reports: what a document's lines mean. Boilerplate, metadata and sections.
//!
//! This module owns the section grammar of Chinese official texts (一、 / （一） / 1. / （1）,
//! 第X编 / 第X章 / 第X节 / 第X条, Markdown `#`), the rules that recognise web-page boilerplate,
//! and the heuristics for title, year, issuing body and date. It works on the lines of a
//! [`crate::corpus::SourceText`] and knows nothing of tokenizers or of the index.
//!
//! Line numbers in a [`Section`] are 1-based and inclusive, counted in the decoded source lines;
//! boilerplate and blank lines belong to no section, every other line to exactly one.

use serde::Serialize;

/// A section longer than this many characters, with no sub-heading to split it, is cut into
/// passages at paragraph (line) boundaries. A single paragraph longer than this stays whole:
/// cutting inside a line could separate the two halves of a phrase.
pub const MAX_PASSAGE_CHARS: usize = 1500;

/// A report: its metadata and its sections, in source order.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The title, or the file name without its extension when the text has none.
    pub title: String,
    /// The year the report is about.
    pub year: Option<u32>,
    /// The issuing body, when the report names one.
    pub org: Option<String>,
    /// The date it was signed or published, as written.
    pub date: Option<String>,
    /// The sections, tiling the kept lines of the report.
    pub sections: Vec<Section>,
}

/// One section: the lines under one heading, or one passage of a long one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Heading path, outermost first; empty for the preamble.
    pub heading: Vec<String>,
    /// Level of the innermost heading (0 for the preamble).
    pub level: u8,
    /// First source line, 1-based.
    pub line_start: usize,
    /// Last source line, 1-based, inclusive.
    pub line_end: usize,
    /// The kept lines, joined with `\n`.
    pub text: String,
}

impl Section {
    /// Number of characters of text.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// A heading recognised at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Level: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; 编 1, 章 2, 节 3; 条 one below the
    /// enclosing heading; Markdown headings by their number of `#`.
    pub level: u8,
    /// The heading text: the line up to the first 。 or ： (run-in text excluded).
    pub text: String,
    /// Whether this is an article (第X条), whose level depends on its enclosing heading.
    pub article: bool,
}

const CN_DIGITS: &str = "一二三四五六七八九十百千零〇两";

fn is_cn_digit(c: char) -> bool {
    CN_DIGITS.contains(c)
}

/// Recognises a heading at the start of `line`. `一是…` run-in lists are not headings.
pub fn parse_heading(line: &str) -> Option<Heading> {
    let t = line.trim_start_matches([' ', '\u{3000}', '\t']).trim_end();
    if t.is_empty() {
        return None;
    }
    if let Some(h) = markdown_heading(t) {
        return Some(h);
    }
    let chars: Vec<char> = t.chars().take(16).collect();
    // 一、 二． 十一.
    let n = chars.iter().take_while(|c| is_cn_digit(**c)).count();
    if n > 0 && n <= 3 && matches!(chars.get(n), Some('、' | '．' | '.')) {
        return Some(heading(1, t));
    }
    // （一） (一)  and  （1） (1)
    if matches!(chars.first(), Some('（' | '(')) {
        let cn = chars[1..].iter().take_while(|c| is_cn_digit(**c)).count();
        if cn > 0 && cn <= 3 && matches!(chars.get(1 + cn), Some('）' | ')')) {
            return Some(heading(2, t));
        }
        let dn = chars[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if dn > 0 && dn <= 2 && matches!(chars.get(1 + dn), Some('）' | ')')) {
            return Some(heading(4, t));
        }
    }
    // 1. 1、 1． (not 1.5 or 2021年)
    let dn = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if dn > 0
        && dn <= 2
        && matches!(chars.get(dn), Some('.' | '、' | '．'))
        && !chars.get(dn + 1).is_some_and(|c| c.is_ascii_digit())
        && chars.get(dn + 1).is_some()
    {
        return Some(heading(3, t));
    }
    law_heading(t)
}

fn heading(level: u8, t: &str) -> Heading {
    Heading {
        level,
        text: run_in_head(t).to_string(),
        article: false,
    }
}

/// The part of a heading line up to its first 。 or ： (or : ), without that mark.
fn run_in_head(t: &str) -> &str {
    let end = t.find(['。', '：']).unwrap_or(t.len());
    t[..end].trim_end()
}

/// 第X编 / 第X章 / 第X节 / 第X条, followed by a space or the end of the line. 条 has run-in
/// text after the space; the heading is 第X条 alone.
fn law_heading(t: &str) -> Option<Heading> {
    let rest = t.strip_prefix('第')?;
    let n = rest
        .chars()
        .take_while(|c| is_cn_digit(*c) || c.is_ascii_digit())
        .count();
    if n == 0 || n > 8 {
        return None;
    }
    let mut it = rest.chars().skip(n);
    let kind = it.next()?;
    let after = it.next();
    if !(after.is_none() || after.is_some_and(|c| c.is_whitespace())) {
        return None;
    }
    let head_len = '第'.len_utf8() + rest.char_indices().nth(n)?.0 + kind.len_utf8();
    let level = match kind {
        '编' => 1,
        '章' => 2,
        '节' => 3,
        '条' => 4,
        _ => return None,
    };
    let text = if kind == '条' {
        &t[..head_len]
    } else {
        run_in_head(t)
    };
    Some(Heading {
        level,
        text: text.to_string(),
        article: kind == '条',
    })
}

/// `# 标题` … `###### 标题`: level by the number of `#`. A Markdown heading that names a law
/// division (第一章 总则) keeps its Markdown level.
fn markdown_heading(t: &str) -> Option<Heading> {
    let hashes = t.chars().take_while(|c| *c == '#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.starts_with([' ', '\t', '\u{3000}']) {
        return None;
    }
    let text = rest.trim();
    if text.is_empty() {
        return None;
    }
    Some(Heading {
        level: hashes as u8,
        text: text.to_string(),
        article: false,
    })
}

/// What the cleaner makes of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind {
    /// Blank.
    Blank,
    /// Web-page or editor boilerplate: not part of the report.
    Boilerplate,
    /// Report text, possibly with an inline editor artefact removed (the kept text).
    Text(String),
}

/// Tokens of page controls: a line made only of these (and brackets, colons, spaces) is
/// boilerplate. Single characters such as 大 中 小 only count beside a longer control word.
const CONTROL_WORDS: &[&str] = &[
    "下载",
    "打印",
    "全屏",
    "收藏",
    "字号",
    "加大",
    "还原",
    "减小",
    "分享到",
    "分享",
    "关闭窗口",
    "关闭",
    "打印本页",
    "返回顶部",
    "字体",
    "默认",
    "扫一扫",
    "微信",
    "微博",
    "大",
    "中",
    "小",
];

/// Classifies one line. Conservative: a line is boilerplate only when it is short and matches a
/// known page artefact as a whole, so no sentence of a report is ever dropped.
pub fn classify_line(line: &str) -> LineKind {
    let t = line.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return LineKind::Blank;
    }
    let short = t.chars().count() <= 60;
    if short && is_breadcrumb(t)
        || short
            && starts_with_any(
                t,
                &[
                    "来源：",
                    "来源:",
                    "发布时间：",
                    "发布时间:",
                    "时间：",
                    "时间:",
                ],
            )
            && has_date_or_source_end(t)
        || t.starts_with("如若转载")
        || short && matches!(t, "相关报道：" | "相关报道:" | "相关链接：" | "相关阅读：")
        || short && t.starts_with("<!--") && t.ends_with("-->")
        || short && is_image_name(t)
        || short && is_page_controls(t)
    {
        return LineKind::Boilerplate;
    }
    let cleaned = strip_editor_artefacts(line);
    if cleaned.trim().is_empty() {
        return LineKind::Boilerplate;
    }
    LineKind::Text(cleaned)
}

fn starts_with_any(t: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| t.starts_with(p))
}

fn is_breadcrumb(t: &str) -> bool {
    starts_with_any(
        t,
        &[
            "您的位置",
            "您现在的位置",
            "当前位置",
            "你的位置",
            "你现在的位置",
        ],
    ) && (t.contains('>') || t.contains('＞') || t.contains("首页") || t.contains('»'))
}

/// 来源：解放日报 / 时间：2026-02-09 / 来源:常德市科学技术局 2023-12-01 15:00 字体:【
fn has_date_or_source_end(t: &str) -> bool {
    t.starts_with("来源") || find_iso_date(t).is_some() || find_cn_date(t).is_some()
}

fn is_image_name(t: &str) -> bool {
    let lower = t.to_ascii_lowercase();
    !t.contains(char::is_whitespace)
        && [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"]
            .iter()
            .any(|e| lower.ends_with(e))
}

fn is_page_controls(t: &str) -> bool {
    let mut rest = t.to_string();
    let mut long_word = false;
    for w in CONTROL_WORDS {
        if rest.contains(w) {
            if w.chars().count() > 1 {
                long_word = true;
            }
            rest = rest.replace(w, "");
        }
    }
    long_word
        && rest
            .chars()
            .all(|c| c.is_whitespace() || "【】[]()（）：:|｜/,，、".contains(c))
}

/// Removes inline artefacts of Word exports such as `[bookmark: _GoBack]`.
fn strip_editor_artefacts(line: &str) -> String {
    let mut out = line.to_string();
    while let Some(start) = out.find("[bookmark:") {
        match out[start..].find(']') {
            Some(end) => out.replace_range(start..start + end + 1, ""),
            None => break,
        }
    }
    out
}

/// Reads a report out of decoded lines. `file_stem` names the report when it has no title.
pub fn parse_report(lines: &[String], file_stem: &str) -> Report {
    let kinds: Vec<LineKind> = lines.iter().map(|l| classify_line(l)).collect();
    let kept: Vec<(usize, &str)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            LineKind::Text(t) => Some((i, t.as_str())),
            _ => None,
        })
        .collect();
    let headings: Vec<Option<Heading>> = kept.iter().map(|(_, t)| parse_heading(t)).collect();
    let first_heading = headings
        .iter()
        .position(Option::is_some)
        .unwrap_or(kept.len());
    let (title, title_lines) = find_title(&kept, &headings, first_heading);
    let title = title.unwrap_or_else(|| file_stem.to_string());
    let year = find_year(&title).or_else(|| find_year_loose(file_stem));
    let org = find_org(&kept, &title);
    let date = find_date(lines, &kept);
    let sections = split_sections(&kept, &headings, title_lines);
    Report {
        title,
        year,
        org,
        date,
        sections,
    }
}

/// Words that end a title.
const TITLE_ENDINGS: &[&str] = &[
    "报告", "总结", "公报", "条例", "法", "规定", "办法", "决定", "意见", "通知", "纲要", "规划",
    "方案", "细则", "解释", "批复", "计划", "情况", "要点", "通报", "公告", "章程", "规则", "决议",
];

fn looks_like_title_line(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    (4..=80).contains(&n)
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
fn find_title(
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
fn find_year(text: &str) -> Option<u32> {
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
fn find_year_loose(text: &str) -> Option<u32> {
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
fn find_org(kept: &[(usize, &str)], title: &str) -> Option<String> {
    for (_, line) in kept.iter().rev().take(4) {
        let t = line.trim();
        if t.chars().count() <= 30
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
fn find_date(lines: &[String], kept: &[(usize, &str)]) -> Option<String> {
    for (_, line) in kept.iter().rev().take(3) {
        let t = line.trim();
        if let Some(d) = find_cn_date(t).or_else(|| find_iso_date(t)) {
            if d.chars().count() + 2 >= t.chars().count() {
                return Some(d);
            }
        }
    }
    for line in lines.iter().take(30) {
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
fn find_cn_date(t: &str) -> Option<String> {
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
fn find_iso_date(t: &str) -> Option<String> {
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

/// A section being filled: heading path, level, kept lines (index, text).
type OpenSection<'a> = (Vec<String>, u8, Vec<(usize, &'a str)>);

/// Splits kept lines into sections along their headings, then cuts long sections into passages.
fn split_sections(
    kept: &[(usize, &str)],
    headings: &[Option<Heading>],
    title_lines: usize,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    // The open heading path: (level, text, is an article).
    let mut path: Vec<(u8, String, bool)> = Vec::new();
    let mut current: Option<OpenSection> = None;
    for (k, (line_no, text)) in kept.iter().enumerate() {
        let heading = if k < title_lines {
            None
        } else {
            headings[k].as_ref()
        };
        if let Some(h) = heading {
            if let Some((hp, level, body)) = current.take() {
                push_passages(&mut sections, hp, level, &body);
            }
            if h.article {
                // Articles are leaves: a new article closes the previous one.
                while path.last().is_some_and(|(_, _, article)| *article) {
                    path.pop();
                }
            }
            let level = if h.article {
                path.last().map_or(1, |(l, _, _)| l + 1)
            } else {
                h.level
            };
            while path.last().is_some_and(|(l, _, _)| *l >= level) {
                path.pop();
            }
            path.push((level, h.text.clone(), h.article));
            current = Some((
                path.iter().map(|(_, t, _)| t.clone()).collect(),
                level,
                vec![(*line_no, *text)],
            ));
        } else {
            match &mut current {
                Some((_, _, body)) => body.push((*line_no, *text)),
                None => current = Some((Vec::new(), 0, vec![(*line_no, *text)])),
            }
        }
    }
    if let Some((hp, level, body)) = current.take() {
        push_passages(&mut sections, hp, level, &body);
    }
    sections
}

fn push_passages(
    sections: &mut Vec<Section>,
    heading: Vec<String>,
    level: u8,
    body: &[(usize, &str)],
) {
    let mut start = 0;
    while start < body.len() {
        let mut chars = 0;
        let mut end = start;
        while end < body.len() {
            let n = body[end].1.chars().count();
            if end > start && chars + n > MAX_PASSAGE_CHARS {
                break;
            }
            chars += n;
            end += 1;
        }
        let part = &body[start..end];
        sections.push(Section {
            heading: heading.clone(),
            level,
            line_start: part[0].0 + 1,
            line_end: part[part.len() - 1].0 + 1,
            text: part.iter().map(|(_, t)| *t).collect::<Vec<_>>().join("\n"),
        });
        start = end;
    }
}

#[cfg(test)]
mod tests;
