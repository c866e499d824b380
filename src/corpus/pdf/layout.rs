//! Layout: from the glyphs of a PDF's pages to the lines of its text.
//!
//! This module owns the rules that turn positioned glyphs into the lines a reader sees:
//! - glyphs on one baseline make a line; a space is put between Latin words whose gap shows
//!   one, never between Chinese characters (a space would split a phrase);
//! - page numbers (`- 3 -`, `第 3 页`, `3 / 12`) at the top or bottom of a page are dropped, and
//!   so are running headers and footers: a first or last line of a page whose text (digits
//!   aside) is the first or last line of at least half the pages;
//! - a paragraph's wrapped lines are rejoined: a line that runs to the text width (its right end
//!   within [`FULL_LINE_SLACK`] characters of the body's right edge) and does not end with
//!   closing punctuation continues on the next line, unless that line is indented (a new
//!   paragraph), starts with a heading (一、 （一） 第X章 第X条 …, see
//!   [`crate::report::parse_heading`]) or is set in another size. Chinese joins with no space,
//!   Latin with one. So headings stay at line starts and sections come out as in the .txt.
//!
//! It knows nothing of PDF files: the extractor hands it glyphs.

use crate::report::parse_heading;

/// A line whose right end is this many characters (of its font size) short of the body's right
/// edge still runs to the width: a Chinese line that is not justified ends up to one character
/// short when the next did not fit, two when an opening quote may not end a line.
pub const FULL_LINE_SLACK: f64 = 2.5;
/// The same for a line that ends in a Latin letter or digit: whole words wrap.
pub const FULL_LINE_SLACK_LATIN: f64 = 5.0;
/// A line starting this many characters right of the body's left edge is indented.
const INDENT: f64 = 0.9;
/// A gap between Latin glyphs wider than this share of the font size is a space.
const SPACE_GAP: f64 = 0.25;

/// One glyph: its origin in top-down page space (points), advance, font size and text.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left of the glyph.
    pub x: f64,
    /// Baseline, measured from the top of the page.
    pub y: f64,
    /// Horizontal advance.
    pub advance: f64,
    /// Font size on the page.
    pub size: f64,
    /// The text the glyph stands for (usually one character).
    pub ch: String,
}

/// The glyphs of one page, in content-stream order.
#[derive(Debug, Clone, PartialEq)]
pub struct PageGlyphs {
    /// 1-based page number.
    pub number: usize,
    /// Page height in points.
    pub height: f64,
    /// Glyphs in the order the page draws them.
    pub glyphs: Vec<Glyph>,
}

impl PageGlyphs {
    /// An empty page.
    pub fn new(number: usize, height: f64) -> Self {
        PageGlyphs {
            number,
            height,
            glyphs: Vec::new(),
        }
    }
}

/// A line on a page.
#[derive(Debug, Clone, PartialEq)]
struct Line {
    text: String,
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    page: usize,
}

/// The lines of the text and the page each starts on.
pub fn lay_out(pages: &[PageGlyphs]) -> (Vec<String>, Vec<usize>) {
    let mut pages: Vec<Vec<Line>> = pages.iter().map(page_lines).collect();
    drop_furniture(&mut pages);
    rejoin(pages.into_iter().flatten().collect())
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Groups a page's glyphs into lines, top to bottom.
fn page_lines(page: &PageGlyphs) -> Vec<Line> {
    let usable = |g: &&Glyph| g.x.is_finite() && g.y.is_finite() && g.advance.is_finite();
    let size_of = |g: &Glyph| {
        if g.size.is_finite() && g.size > 0.1 {
            g.size
        } else {
            1.0
        }
    };
    // Glyphs on one baseline, in drawing order; a jump back to the left starts a new line.
    let mut groups: Vec<Vec<&Glyph>> = Vec::new();
    let mut last_end = 0.0;
    for g in page.glyphs.iter().filter(usable) {
        let size = size_of(g);
        let new_line = groups.last().and_then(|l| l.first()).is_none_or(|first| {
            (g.y - first.y).abs() > 0.5 * size.max(size_of(first)) || g.x < last_end - size
        });
        if new_line {
            groups.push(Vec::new());
        }
        groups.last_mut().expect("a line was started").push(g);
        last_end = g.x + g.advance;
    }
    let mut lines: Vec<Line> = groups
        .iter()
        .filter_map(|glyphs| line_of(glyphs, page.number, size_of))
        .collect();
    // Top to bottom; pieces of one baseline drawn apart are put back together, left to right.
    lines.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut merged: Vec<Line> = Vec::with_capacity(lines.len());
    for l in lines {
        match merged.last_mut() {
            Some(m) if (l.y - m.y).abs() < 0.3 * l.size.min(m.size) => {
                let (left, right) = if l.x0 < m.x0 {
                    (l, m.clone())
                } else {
                    (m.clone(), l)
                };
                *m = Line {
                    text: format!("{}{}", left.text, right.text),
                    x0: left.x0,
                    x1: left.x1.max(right.x1),
                    y: left.y,
                    size: left.size.max(right.size),
                    page: left.page,
                };
            }
            _ => merged.push(l),
        }
    }
    merged
}

/// The text of one line of glyphs. Space glyphs are kept; between Latin glyphs a gap wider than
/// the line's usual spacing (justified lines spread every glyph) by [`SPACE_GAP`] is a space.
fn line_of(glyphs: &[&Glyph], page: usize, size_of: impl Fn(&Glyph) -> f64) -> Option<Line> {
    let visible: Vec<&&Glyph> = glyphs.iter().filter(|g| !g.ch.trim().is_empty()).collect();
    let first = visible.first()?;
    let mut gaps: Vec<f64> = visible
        .windows(2)
        .map(|w| w[1].x - (w[0].x + w[0].advance))
        .collect();
    gaps.sort_by(f64::total_cmp);
    let usual = gaps.get(gaps.len() / 2).copied().unwrap_or(0.0).max(0.0);
    let mut line = Line {
        text: String::new(),
        x0: first.x,
        x1: first.x,
        y: first.y,
        size: size_of(first),
        page,
    };
    let mut last_end = first.x;
    for g in glyphs {
        if g.ch.trim().is_empty() {
            if !line.text.is_empty() {
                line.text
                    .extend(g.ch.chars().map(|c| if c == '\u{3000}' { c } else { ' ' }));
            }
        } else {
            let size = size_of(g);
            let prev = line.text.chars().next_back();
            let next = g.ch.chars().next();
            let latin = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && !is_cjk(c));
            if latin(prev) && latin(next) && g.x - last_end - usual > SPACE_GAP * size {
                line.text.push(' ');
            }
            line.text.push_str(&g.ch);
            line.x1 = line.x1.max(g.x + g.advance);
            line.size = line.size.max(size);
        }
        last_end = g.x + g.advance;
    }
    line.text = line.text.trim_end().to_string();
    Some(line)
}

/// A page number as printed alone on a line: `3`, `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共12页`,
/// `3 / 12`, `Page 3 of 12`.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !t.chars().any(|c| c.is_ascii_digit()) || t.chars().count() > 16 {
        return false;
    }
    let rest: String = t
        .trim_matches(['-', '—', '–', '－', '·', '•'])
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect();
    matches!(
        rest.to_lowercase().as_str(),
        "" | "第页"
            | "第页共页"
            | "第页，共页"
            | "第页,共页"
            | "共页第页"
            | "/"
            | "／"
            | "page"
            | "pageof"
    )
}

/// Drops page numbers and running headers and footers from the top and bottom of pages.
fn drop_furniture(pages: &mut [Vec<Line>]) {
    for lines in pages.iter_mut() {
        while lines.first().is_some_and(|l| is_page_number(&l.text)) {
            lines.remove(0);
        }
        while lines.last().is_some_and(|l| is_page_number(&l.text)) {
            lines.pop();
        }
    }
    if pages.len() < 2 {
        return;
    }
    let key = |l: &Line| -> String {
        l.text
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
            .collect()
    };
    let needed = pages.len().div_ceil(2).max(2);
    for top in [true, false] {
        let mut counts: std::collections::HashMap<String, usize> = Default::default();
        for lines in pages.iter() {
            let edge = if top { lines.first() } else { lines.last() };
            if let Some(l) = edge {
                *counts.entry(key(l)).or_default() += 1;
            }
        }
        for lines in pages.iter_mut() {
            let edge = if top { lines.first() } else { lines.last() };
            if edge.is_some_and(|l| counts.get(&key(l)).is_some_and(|n| *n >= needed)) {
                if top {
                    lines.remove(0);
                } else {
                    lines.pop();
                }
                // A page number under a running header (or above a footer) goes too.
                let edge = if top { lines.first() } else { lines.last() };
                if edge.is_some_and(|l| is_page_number(&l.text)) {
                    if top {
                        lines.remove(0);
                    } else {
                        lines.pop();
                    }
                }
            }
        }
    }
}

/// The `q`-th quantile of some values (0 when there are none).
fn quantile(mut v: Vec<f64>, q: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * q).round() as usize]
}

/// Ends a sentence or clause: the next line starts afresh.
fn ends_closed(text: &str) -> bool {
    let mut rev = text.chars().rev();
    let last = rev.next();
    let enders = |c: char| "。！？；：…!?;:".contains(c);
    match last {
        Some(c) if enders(c) => true,
        Some('”' | '’' | '」' | '』' | '"' | '\'') => rev.next().is_some_and(enders),
        _ => false,
    }
}

/// Rejoins wrapped lines into paragraphs; each output line keeps the page it starts on.
fn rejoin(lines: Vec<Line>) -> (Vec<String>, Vec<usize>) {
    let body: Vec<&Line> = lines
        .iter()
        .filter(|l| l.text.chars().count() >= 5)
        .collect();
    let right = quantile(body.iter().map(|l| l.x1).collect(), 0.9);
    let left = quantile(body.iter().map(|l| l.x0).collect(), 0.1);
    let mut texts: Vec<String> = Vec::new();
    let mut pages: Vec<usize> = Vec::new();
    let mut prev: Option<&Line> = None;
    for l in &lines {
        let joins = prev.is_some_and(|p| {
            let latin_end = p.text.ends_with(|c: char| c.is_ascii_alphanumeric());
            let slack = if latin_end {
                FULL_LINE_SLACK_LATIN
            } else {
                FULL_LINE_SLACK
            };
            let full = p.x1 >= right - slack * p.size;
            let same_size = (l.size - p.size).abs() <= 0.15 * p.size.max(l.size);
            let indented = l.x0 > left + INDENT * l.size;
            full && same_size
                && !indented
                && !ends_closed(&p.text)
                && parse_heading(&l.text).is_none()
        });
        match texts.last_mut() {
            Some(t) if joins => {
                // Latin words are wrapped at spaces; a number cut at the line end (Chinese
                // typesetting breaks anywhere) joins up again.
                let (a, b) = (t.chars().next_back(), l.text.trim_start().chars().next());
                let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
                if latin(a) && latin(b) && !(digit(a) && digit(b)) {
                    t.push(' ');
                }
                t.push_str(l.text.trim_start());
            }
            _ => {
                texts.push(l.text.trim_start().to_string());
                pages.push(l.page);
            }
        }
        prev = Some(l);
    }
    (texts, pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of lines: each `(x, y, text)` set in 10 pt glyphs 10 pt wide.
    fn page(number: usize, lines: &[(f64, f64, &str)]) -> PageGlyphs {
        let mut p = PageGlyphs::new(number, 800.0);
        for (x, y, text) in lines {
            for (i, ch) in text.chars().enumerate() {
                p.glyphs.push(Glyph {
                    x: x + 10.0 * i as f64,
                    y: *y,
                    advance: 10.0,
                    size: 10.0,
                    ch: ch.to_string(),
                });
            }
        }
        p
    }

    #[test]
    fn wrapped_lines_rejoin_and_headings_stay_line_starts() {
        let p = page(
            1,
            &[
                (100.0, 50.0, "一、总体情况"),
                (120.0, 70.0, "中华人民共和国中华人民共和国中华人民共和"),
                (100.0, 90.0, "国宪法修正案中华人民共和国中华人民共和国中华"),
                (100.0, 110.0, "结束了。"),
                (100.0, 130.0, "（一）法律顾问"),
            ],
        );
        let (lines, pages) = lay_out(&[p]);
        assert_eq!(
            lines,
            vec![
                "一、总体情况",
                "中华人民共和国中华人民共和国中华人民共和国宪法修正案中华人民共和国中华人民共和国中华结束了。",
                "（一）法律顾问"
            ]
        );
        assert_eq!(pages, vec![1, 1, 1]);
    }

    #[test]
    fn page_numbers_and_running_headers_go_and_paragraphs_cross_pages() {
        let body = "法治政府建设法治政府建设法治政府建设法治政府";
        let p1 = page(
            1,
            &[
                (100.0, 20.0, "柳州市科技局报告"),
                (100.0, 60.0, body),
                (100.0, 80.0, body),
                (180.0, 780.0, "- 1 -"),
            ],
        );
        let p2 = page(
            2,
            &[
                (100.0, 20.0, "柳州市科技局报告"),
                (100.0, 60.0, "工作要点。"),
                (180.0, 780.0, "第 2 页"),
            ],
        );
        let (lines, pages) = lay_out(&[p1, p2]);
        assert_eq!(lines, vec![format!("{body}{body}工作要点。")]);
        assert_eq!(pages, vec![1]);
    }

    #[test]
    fn latin_words_keep_their_spaces_and_chinese_gets_none() {
        let mut p = page(1, &[(100.0, 50.0, "QQ"), (130.0, 50.0, "群")]);
        p.glyphs
            .extend(page(1, &[(145.0, 50.0, "ab"), (180.0, 50.0, "cd")]).glyphs);
        let (lines, _) = lay_out(&[p]);
        assert_eq!(lines, vec!["QQ群ab cd"]);
    }

    #[test]
    fn page_number_forms() {
        for t in ["- 3 -", "— 12 —", "第 3 页", "第3页 共12页", "3 / 12", "7"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2021年", "第3条", "一、总体情况", ""] {
            assert!(!is_page_number(t), "{t}");
        }
    }
}
