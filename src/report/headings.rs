//! The heading grammar: which line starts a section, and at which level.
//!
//! This module owns the forms of Chinese official headings (一、 / （一） / 1. / （1）,
//! 第X编 / 第X章 / 第X节 / 第X条, Markdown `#`). It looks at one line at a time and knows nothing
//! of how sections nest or of report facts.

/// Characters scanned at the start of a line for a heading number: enough for `（十一）` or
/// `第一百二十三条` and the mark after it.
const HEADING_SCAN_CHARS: usize = 16;

/// Longest numeral of a 一、/（一） heading, in characters (十一, 二十三).
const MAX_CN_NUMERAL: usize = 3;

/// Longest numeral of a 1. / （1） heading, in digits: more is a figure, not a list number.
const MAX_ARABIC_NUMERAL: usize = 2;

/// Longest numeral of a 第X条 heading, in characters (第一千二百六十条 has six).
const MAX_LAW_NUMERAL: usize = 8;

/// A heading recognised at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Level: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）; 编 1, 章 2, 节 3; 条 one below the
    /// enclosing heading; Markdown headings by their number of `#`.
    pub level: u8,
    /// The heading text: the line up to the first 。 or ： (run-in text excluded).
    pub text: String,
    /// Which form of heading this is.
    pub kind: HeadingKind,
}

/// The forms of headings, which nest differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingKind {
    /// 一、 / （一） / 1. / （1）: section headings of reports, but list items inside a law's
    /// article.
    List,
    /// 第X编 / 第X章 / 第X节: divisions of a law.
    Division,
    /// 第X条: an article, one level below its enclosing division.
    Article,
    /// `#` … `######`.
    Markdown,
}

impl Heading {
    /// Whether this is an article (第X条), whose level depends on its enclosing heading.
    pub fn is_article(&self) -> bool {
        self.kind == HeadingKind::Article
    }
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
    numbered_heading(t)
}

/// A heading by its number: 一、 / （一） / 1. / （1） or a law's 第X编/章/节/条, as if the line
/// had no Markdown `#`.
pub fn numbered_heading(t: &str) -> Option<Heading> {
    let chars: Vec<char> = t.chars().take(HEADING_SCAN_CHARS).collect();
    // 一、 二． 十一.
    let n = chars.iter().take_while(|c| is_cn_digit(**c)).count();
    if n > 0 && n <= MAX_CN_NUMERAL && matches!(chars.get(n), Some('、' | '．' | '.')) {
        return Some(heading(1, t));
    }
    // （一） (一)  and  （1） (1)
    if matches!(chars.first(), Some('（' | '(')) {
        let cn = chars[1..].iter().take_while(|c| is_cn_digit(**c)).count();
        if cn > 0 && cn <= MAX_CN_NUMERAL && matches!(chars.get(1 + cn), Some('）' | ')')) {
            return Some(heading(2, t));
        }
        let dn = chars[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if dn > 0 && dn <= MAX_ARABIC_NUMERAL && matches!(chars.get(1 + dn), Some('）' | ')')) {
            return Some(heading(4, t));
        }
    }
    // 1. 1、 1． (not 1.5 or 2021年)
    let dn = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if dn > 0
        && dn <= MAX_ARABIC_NUMERAL
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
        kind: HeadingKind::List,
    }
}

/// Removes the typographic spaces between Chinese characters of a law division's name
/// (`第一章　总　　则` → `第一章 总则`): one space stays after the number.
fn tidy_division(t: &str) -> String {
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut after_number = false;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let prev = out.chars().last();
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace()).copied();
            let between_cjk = prev.is_some_and(cjk) && next.is_some_and(cjk);
            if !after_number && matches!(prev, Some('编' | '章' | '节')) {
                after_number = true;
                out.push(' ');
            } else if !between_cjk && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_string()
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
    if n == 0 || n > MAX_LAW_NUMERAL {
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
    let (text, kind) = if kind == '条' {
        (t[..head_len].to_string(), HeadingKind::Article)
    } else {
        (tidy_division(run_in_head(t)), HeadingKind::Division)
    };
    Some(Heading { level, text, kind })
}

/// `# 标题` … `###### 标题`: level by the number of `#`. Whether a numbered Markdown heading
/// (`## 第一节`, `## 十一、`) ranks by its `#` or by its number is decided for the whole document
/// (see `crate::report`), with [`numbered_heading`]. A law's division is tidied as without the
/// `#` (`## 第三章  审  查` → 第三章 审查), so one law's headings read alike in either form.
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
    let text = match law_heading(text) {
        Some(division) if division.kind == HeadingKind::Division => division.text,
        // A code's sub-part (民法典 合同编: `## 第一分编  通则`), which no number ranks.
        _ if text.starts_with('第') && text.contains("分编") => tidy_division(text),
        _ => text.to_string(),
    };
    Some(Heading {
        level: hashes as u8,
        text,
        kind: HeadingKind::Markdown,
    })
}
