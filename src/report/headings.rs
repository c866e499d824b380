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
    /// 第X部分 / 第X篇: a part of a report (a 政府工作报告's review, plans and the government's
    /// own work; a plan's 篇), above its 一、 headings.
    Part,
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

/// Fewest tab-separated cells that make a line a table's row.
const MIN_TABLE_ROW_CELLS: usize = 3;

/// Recognises a heading at the start of `line`. `一是…` run-in lists are not headings.
pub fn parse_heading(line: &str) -> Option<Heading> {
    // Any indentation: spaces of every width (a web page's &nbsp; is U+00A0 in copied text, an
    // em space U+2003), a form feed (a page break, as pdftotext writes it), and the invisible
    // marks a copy may carry (a zero-width space, a byte order mark inside the file).
    let t = line
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}'))
        .trim_end();
    // A whole line in Markdown bold (`**三、2024年工作打算**`) is read without the marks.
    let t = BOLD_MARKS
        .iter()
        .find_map(|m| {
            let inner = t.strip_prefix(m)?.strip_suffix(m)?;
            (!inner.contains(m)).then_some(inner.trim())
        })
        .unwrap_or(t);
    // A numbered heading set in lenticular brackets (`【一、主要举措和成效】`), as some sites
    // print them, is read without them; a bracketed tag that is no heading stays text.
    let t = t
        .strip_prefix('【')
        .and_then(|inner| inner.strip_suffix('】'))
        .map(str::trim)
        .filter(|inner| !inner.contains(['【', '】']) && numbered_heading(inner).is_some())
        .unwrap_or(t);
    // A table's row copied with its cells between tabs (`2.全员劳动生产率增长（%）\t4.0\t预期性`)
    // is no heading, whatever its first cell holds; `一、\t主要工作` and a contents line
    // `一、主要工作\t1` have two cells.
    let row = || t.split('\t').filter(|c| !c.trim().is_empty()).count() >= MIN_TABLE_ROW_CELLS;
    if t.is_empty() || t.contains('\t') && row() {
        return None;
    }
    if let Some(h) = markdown_heading(t) {
        return Some(h);
    }
    numbered_heading(t).or_else(|| framing_heading(t))
}

/// Markdown's emphasis marks: bold, as `**` or `__`.
pub const BOLD_MARKS: [&str; 2] = ["**", "__"];

/// The Markdown bold that opens `t` and closes before its end (`**第一条** 为了…`): its mark, the
/// text inside it and the text after it; None when `t` does not open with a bold run that
/// closes.
pub fn lead_bold(t: &str) -> Option<(&'static str, &str, &str)> {
    BOLD_MARKS.iter().find_map(|&m| {
        let (inner, after) = t.strip_prefix(m)?.split_once(m)?;
        Some((m, inner, after))
    })
}

/// The unnumbered parts that open or close a white paper or a long report, alone on their line
/// (`前言`, `结束语`, also spaced `结 束 语`). (A law's `序言` stays in its preamble.)
const FRAMING_PARTS: &[&str] = &["前言", "引言", "结束语", "结语", "后记"];

/// Longest line read as a framing part, in bytes: `结束语` spaced out with a space of three
/// bytes between its characters, and some room.
const MAX_FRAMING_LINE_BYTES: usize = 32;

/// Longest question read as a heading, in characters.
const MAX_QUESTION_CHARS: usize = 60;

/// A heading that has no number: a white paper's `前言` or `结束语` (see [`FRAMING_PARTS`]), or
/// the question of an interview or a policy explainer (`问：征求意见稿的总体思路是什么？`, alone
/// on its line, its answer after `答：` on the next), at the top level (`crate::report` moves
/// questions that open under a heading of their own below it), so that each part or answer is
/// not filed under the heading before it.
fn framing_heading(t: &str) -> Option<Heading> {
    // Every line that is no numbered heading comes here: a paragraph is turned away by its
    // length, before any copy is made.
    if t.len() <= MAX_FRAMING_LINE_BYTES {
        let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        if FRAMING_PARTS.contains(&squeezed.as_str()) {
            return Some(Heading {
                level: 1,
                text: squeezed,
                kind: HeadingKind::List,
            });
        }
    }
    let question = t.strip_prefix('问')?.trim_start();
    (question.starts_with(['：', ':'])
        && t.ends_with(['？', '?'])
        && t.chars().count() <= MAX_QUESTION_CHARS
        && !t.contains('答'))
    .then(|| Heading {
        level: 1,
        text: t.to_string(),
        kind: HeadingKind::List,
    })
}

/// A heading by its number: 一、 / （一） / 1. / （1） or a law's 第X编/章/节/条, as if the line
/// had no Markdown `#`.
pub fn numbered_heading(t: &str) -> Option<Heading> {
    // Full-width digits (`１．`, `（２）`) number headings as ASCII ones do.
    // Every line of every report passes here, so the scanned characters live on the stack.
    let mut scanned = ['\0'; HEADING_SCAN_CHARS];
    let mut len = 0;
    for (slot, c) in scanned.iter_mut().zip(t.chars()) {
        *slot = match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        };
        len += 1;
    }
    let chars = &scanned[..len];
    // WPS and Word number lists with single characters: ㈠ (（一）), ⒈ (1.), ⑴ ((1)).
    match chars.first() {
        Some('㈠'..='㈩') => return Some(heading(2, t)),
        Some('⒈'..='⒛') => return Some(heading(3, t)),
        Some('⑴'..='⒇') => return Some(heading(4, t)),
        _ => {}
    }
    // 一、 二． 十一. (and `四 、`, a space typed before the mark)
    let n = chars.iter().take_while(|c| is_cn_digit(**c)).count();
    let spaced = usize::from(matches!(chars.get(n), Some(' ' | '\u{3000}')));
    if n > 0 && n <= MAX_CN_NUMERAL && matches!(chars.get(n + spaced), Some('、' | '．' | '.')) {
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
    // 1. 1、 1． (not 1.5 or 2021年). A digit after the mark is a decimal's, unless the mark is
    // 、 (never a decimal point: `1、2023年主要工作`) or a year follows (`1.2023年主要工作`).
    let dn = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    let year_follows = (dn + 1..dn + 5).all(|k| chars.get(k).is_some_and(|c| c.is_ascii_digit()))
        && chars.get(dn + 5) == Some(&'年');
    if dn > 0
        && dn <= MAX_ARABIC_NUMERAL
        && matches!(chars.get(dn), Some('.' | '、' | '．'))
        && (chars.get(dn) == Some(&'、')
            || year_follows
            || !chars.get(dn + 1).is_some_and(|c| c.is_ascii_digit()))
        && chars.get(dn + 1).is_some()
    {
        return Some(heading(3, t));
    }
    part_heading(t)
        .or_else(|| formal_numeral_heading(t))
        .or_else(|| law_heading(t))
}

/// The formal numerals (大写数字) some reports and plans number their parts with, above 一、
/// (`壹、前言` / `贰、年度施政目标` / `一、健全财政`), in simplified and traditional forms, and 参
/// as a conversion to simplified characters writes 參.
const FORMAL_NUMERALS: &str = "壹贰貳叁參参肆伍陆陸柒捌玖拾";

/// `壹、前言`: a part numbered in formal numerals, ranked above the 一、 headings under it.
fn formal_numeral_heading(t: &str) -> Option<Heading> {
    let numeral = t.len() - t.trim_start_matches(|c| FORMAL_NUMERALS.contains(c)).len();
    let n = t[..numeral].chars().count();
    if !(1..=MAX_CN_NUMERAL).contains(&n) {
        return None;
    }
    let name = t[numeral..].strip_prefix(['、', '．', '.'])?;
    // An amount in formal numerals (`壹、拾万元整`, a list of sums) is no part's name.
    let amount = name.starts_with(|c: char| FORMAL_NUMERALS.contains(c) || "佰仟万亿".contains(c))
        || name.contains('元');
    (!amount).then(|| Heading {
        level: 1,
        text: run_in_head(t).to_string(),
        kind: HeadingKind::Part,
    })
}

/// The number of a list heading written in digits or Chinese numerals before 、 (`三、`, `3、`,
/// `（三）`, `(3)`, `3.`): its value.
pub fn list_number(t: &str) -> Option<u32> {
    let t = t.trim_start_matches([' ', '\u{3000}']);
    let t = t.strip_prefix(['（', '(']).unwrap_or(t);
    let n: String = t
        .chars()
        .take_while(|c| is_cn_digit(*c) || c.is_ascii_digit())
        .collect();
    (!n.is_empty()).then(|| law_numeral_value(&n)).flatten()
}

/// The value of a line that opens with a range of two numbers rather than a heading's number:
/// `一、二季度全市…` (the first and second quarters), `三、四月份…`, `一、二、三产业`, `1、2月份…`,
/// and whether what follows the second number counts something a range spans (季度, 月, 产业,
/// 线, or another 、). The second number is the next one and stands alone (not `一、二〇二三年…`,
/// `1、2023年…`). `二、三农工作` and `四、五大领域…` read the same, so the document decides by its
/// own numbering (see `crate::report`).
pub fn numeral_range_start(t: &str) -> Option<(u32, bool)> {
    let t = t.trim_start_matches([' ', '\u{3000}']);
    let (first, rest) = t.split_once('、')?;
    if first.is_empty() {
        return None;
    }
    let first_value = law_numeral_value(first)?;
    let cn = first.chars().all(is_cn_digit);
    let same_kind = |c: char| {
        if cn {
            is_cn_digit(c)
        } else {
            c.is_ascii_digit()
        }
    };
    let second: String = rest.chars().take_while(|&c| same_kind(c)).collect();
    let next = if cn {
        law_numeral(first_value + 1)?
    } else {
        (first_value + 1).to_string()
    };
    let after = &rest[second.len()..];
    let counted = RANGE_COUNTERS.iter().any(|w| after.starts_with(w));
    (second == next && !after.is_empty()).then_some((first_value, counted))
}

/// What follows the second number of a range (`一、二季度`, `三、四月份`, `一、二、三产业`,
/// `三、四线城市`, `1、2月份`): the words a range of numbers counts, or the mark of a longer range.
const RANGE_COUNTERS: &[&str] = &["季度", "季", "月", "产业", "线", "、"];

/// 第X部分 or a plan's 第X篇, alone or before its name (`第一部分　2023年工作回顾`,
/// `第二部分：2024年工作安排`, `第二篇　坚持创新驱动发展`).
fn part_heading(t: &str) -> Option<Heading> {
    let rest = t.strip_prefix('第')?;
    let n = rest.chars().take_while(|c| is_cn_digit(*c)).count();
    if n == 0 || n > MAX_CN_NUMERAL {
        return None;
    }
    let after = &rest[rest.char_indices().nth(n)?.0..];
    let after = after
        .strip_prefix("部分")
        .or_else(|| after.strip_prefix('篇'))?;
    if !(after.is_empty()
        || after.starts_with(char::is_whitespace)
        || after.starts_with(['：', ':']))
    {
        return None;
    }
    // Its name may follow a colon (`第二部分：2024年工作安排`), up to the first full stop.
    let number = &t[..t.len() - after.len()];
    let name = after.trim_start_matches(['：', ':']);
    let name = &name[..name.find('。').unwrap_or(name.len())];
    Some(Heading {
        level: 1,
        text: tidy_division(&format!("{number} {}", name.trim())),
        kind: HeadingKind::Part,
    })
}

fn heading(level: u8, t: &str) -> Heading {
    // Markdown bold inside a numbered item (`1. **强化组织保障**。…`) is emphasis, not its name.
    Heading {
        level,
        text: match run_in_head(t) {
            head if head.contains("**") => head.replace("**", ""),
            head => head.to_string(),
        },
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
            if !after_number && matches!(prev, Some('编' | '編' | '章' | '节' | '節' | '分' | '篇'))
            {
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
    // Two searches for one character each: the search for a set of characters decodes every
    // character of a long paragraph, these look for one byte.
    let stop = t.find('。').unwrap_or(t.len());
    let end = t[..stop].find('：').unwrap_or(stop);
    t[..end].trim_end()
}

/// The parts of a law heading's number at the start of `t`: the heading `第…X` itself, its
/// numeral, its level by its kind (编 1, 章 2, 节 3, 条 4) and the text after it.
struct LawNumber<'a> {
    head: &'a str,
    numeral: &'a str,
    level: u8,
    tail: &'a str,
}

/// The level a 第X分编 is read at: a 章's, until the document moves its chapters down.
pub const SUB_PART_LEVEL: u8 = 2;

/// Whether a division heading is a code's sub-part (第一分编 通则).
pub fn is_sub_part(h: &Heading) -> bool {
    h.kind == HeadingKind::Division
        && law_number(&h.text).is_some_and(|n| SUB_PART_WORDS.iter().any(|w| n.head.ends_with(w)))
}

/// Whether a line is a law's division number and nothing else: `第一章`, `第三节`, `第二编`
/// (spaces around it apart).
pub fn law_number_alone(line: &str) -> bool {
    if let Some(closed) = closed_up_law_number(line.trim()) {
        return law_number_alone(&closed);
    }
    law_number(line.trim()).is_some_and(|n| n.level < 4 && n.tail.trim().is_empty())
}

/// Longest law number spaced out character by character, in characters (`第 一 百 二 十 条`).
const MAX_SPACED_LAW_NUMBER_CHARS: usize = 24;

/// `t` with the law number it opens with closed up, when that number is spaced out character by
/// character as PDF conversions print it (`第 一 章　总　则` → `第一章　总　则`, `第 12 条`);
/// None when `t` opens otherwise (a number written together needs nothing).
fn closed_up_law_number(t: &str) -> Option<String> {
    let rest = t.strip_prefix('第')?;
    // Most lines that open with 第 are not spaced out: they are answered before anything is
    // allocated.
    let (mut spaced, mut numbered) = (false, false);
    for (i, c) in rest.char_indices().take(MAX_SPACED_LAW_NUMBER_CHARS) {
        if c == ' ' || c == '\u{3000}' {
            spaced = true;
        } else if is_cn_digit(c) || c.is_ascii_digit() {
            numbered = true;
        } else {
            if !(spaced && numbered && law_kind_level(c).is_some()) {
                return None;
            }
            let mut number = String::from("第");
            number.extend(rest[..i].chars().filter(|&c| c != ' ' && c != '\u{3000}'));
            number.push(c);
            let mut tail = &rest[i + c.len_utf8()..];
            // An inserted article, spaced out too: 第 二 十 条 之 一.
            if let Some(after) = tail
                .trim_start_matches([' ', '\u{3000}'])
                .strip_prefix('之')
            {
                let after = after.trim_start_matches([' ', '\u{3000}']);
                let n = after.chars().take_while(|c| is_cn_digit(*c)).count();
                if n > 0 {
                    let end = after.char_indices().nth(n).map_or(after.len(), |(k, _)| k);
                    number.push('之');
                    number.push_str(&after[..end]);
                    tail = &after[end..];
                }
            }
            return Some(format!("{number}{tail}"));
        }
    }
    None
}

/// Whether a line is a code's closing division named without a number: `附则`, `附　　则`.
pub fn is_unnumbered_closing_division(line: &str) -> bool {
    let squeezed = || line.chars().filter(|c| !c.is_whitespace());
    squeezed().eq("附则".chars()) || squeezed().eq("附則".chars())
}

/// The level of a law division or article by the word after its number: 编 1, 章 2, 节 3,
/// 条 4, in simplified or traditional characters (第一編, 第三節, 第十五條 in laws of Hong Kong,
/// Macau and Taiwan, and in traditional copies of mainland laws).
fn law_kind_level(kind: char) -> Option<u8> {
    match kind {
        '编' | '編' => Some(1),
        '章' => Some(2),
        '节' | '節' => Some(3),
        '条' | '條' => Some(4),
        _ => None,
    }
}

/// A code's sub-part after its number (第一分编), in either script.
const SUB_PART_WORDS: [&str; 2] = ["分编", "分編"];

fn law_number(t: &str) -> Option<LawNumber<'_>> {
    let rest = t.strip_prefix('第')?;
    let n = rest
        .chars()
        .take_while(|c| is_cn_digit(*c) || c.is_ascii_digit())
        .count();
    if n == 0 || n > MAX_LAW_NUMERAL {
        return None;
    }
    let numeral_end = rest.char_indices().nth(n)?.0;
    // A code's sub-part (民法典 物权编: 第一分编 通则), ranked below its 编 by the document
    // (`crate::report` moves the chapters below it down a level).
    if SUB_PART_WORDS
        .iter()
        .any(|w| rest[numeral_end..].starts_with(w))
    {
        let head_len = '第'.len_utf8() + numeral_end + "分编".len();
        return Some(LawNumber {
            head: &t[..head_len],
            numeral: &rest[..numeral_end],
            level: SUB_PART_LEVEL,
            tail: &t[head_len..],
        });
    }
    let kind = rest[numeral_end..].chars().next()?;
    let level = law_kind_level(kind)?;
    let mut head_len = '第'.len_utf8() + numeral_end + kind.len_utf8();
    // An article inserted by an amendment: 第五条之一.
    if level == 4 {
        if let Some(after) = t[head_len..].strip_prefix('之') {
            // In Chinese numerals, or in digits as Taiwan's laws write it (第100條之1).
            let n = after
                .chars()
                .take_while(|c| is_cn_digit(*c) || c.is_ascii_digit())
                .count();
            if (1..=MAX_CN_NUMERAL).contains(&n) {
                head_len +=
                    '之'.len_utf8() + after.char_indices().nth(n).map_or(after.len(), |(i, _)| i);
            }
        }
    }
    Some(LawNumber {
        head: &t[..head_len],
        numeral: &rest[..numeral_end],
        level,
        tail: &t[head_len..],
    })
}

/// 第X编 / 第X章 / 第X节 / 第X条, followed by a space or the end of the line. 条 has run-in
/// text after the space; the heading is 第X条 alone.
fn law_heading(t: &str) -> Option<Heading> {
    if let Some(closed) = closed_up_law_number(t) {
        return law_heading(&closed);
    }
    let number = law_number(t)?;
    if !(number.tail.is_empty() || number.tail.starts_with(char::is_whitespace)) {
        return None;
    }
    let (text, kind) = if number.level == 4 {
        (number.head.to_string(), HeadingKind::Article)
    } else if sums_up_articles(number.tail) {
        // `第一章 总则（第一条至第五条）。明确了…`: an explanation summing up a law's chapter.
        return None;
    } else {
        (tidy_division(run_in_head(t)), HeadingKind::Division)
    };
    Some(Heading {
        level: number.level,
        text,
        kind,
    })
}

/// Whether a division's line goes on after the range of articles it spans, in brackets, as a
/// sentence (`第一章 总则（第一条至第五条）。明确了…`): an explanation of a law (解读) summing up
/// the division. A law may print the range under its division's name
/// (`第一章　总则（第一条至第三条）` alone on its line); no law writes a sentence after it.
fn sums_up_articles(tail: &str) -> bool {
    tail.split_once(['（', '('])
        .and_then(|(_, inside)| inside.split_once(['）', ')']))
        .is_some_and(|(range, after)| {
            // A sentence, after its mark or long enough to be one: not a page number, a note
            // in brackets (`（修改）`) or a short one (`新增`, `本章为新增`).
            let after = after.trim_start();
            let sentence = after.trim_start_matches(['。', '；', '，', '：', ':', ';', ',']);
            let marked = sentence.len() < after.len();
            let words = sentence
                .trim_start()
                .chars()
                .take_while(|&c| crate::analysis::is_han(c))
                .count();
            range.starts_with('第')
                && range.contains(['条', '條'])
                && (marked && words >= 2 || words >= MIN_SUMMARY_CHARS)
        })
}

/// Fewest Han characters after a division's article range, without a mark before them, that
/// make a sentence summing the division up.
const MIN_SUMMARY_CHARS: usize = 6;

/// Characters that lead a table-of-contents entry to its page number (`一、总体要求……1`).
const TOC_LEADERS: &[char] = &['…', '⋯', '.', '．', '·', '・', '_', '-', '－', '—'];

/// Longest page number of a table-of-contents entry, in digits.
const MAX_PAGE_DIGITS: usize = 4;

/// Whether a line is a table-of-contents entry: text, then dot or dash leaders (two or more,
/// spaces around them allowed), a tab or a wide space, then a page number at the end, in
/// digits, as `第N页` or in roman numerals (`一、主要工作举措……………1`, `（一）强化组织领导\t3`,
/// `（二）推进公平竞争审查 ...... 2`, `（三）…　　　第3页`, `…　　　ii`). A body's heading never ends
/// so, whatever the document's contents line says.
pub fn is_toc_entry(line: &str) -> bool {
    let Some(before) = without_page_number(line.trim_end()) else {
        return false;
    };
    let body = before.trim_end();
    let spaces: Vec<char> = before[body.len()..].chars().collect();
    let text = body.trim_end_matches(TOC_LEADERS);
    let leaders = body[text.len()..].chars().count();
    let has_text = !text.trim().is_empty() && !text.trim_end().ends_with(TOC_LEADERS);
    has_text
        && (leaders >= 2
            || leaders == 0
                && (spaces.len() >= 2 || spaces.iter().any(|&c| c == '\t' || c == '\u{3000}')))
}

/// The line before its page number, when it ends in one: digits (at most [`MAX_PAGE_DIGITS`]),
/// `第N页`, or a roman numeral.
fn without_page_number(t: &str) -> Option<&str> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let (t, paged) = match t.strip_suffix('页') {
        Some(rest) => (rest, true),
        None => (t, false),
    };
    let digits = t.chars().rev().take_while(|&c| digit(c)).count();
    let number_len = if digits > 0 {
        (digits <= MAX_PAGE_DIGITS).then_some(digits)?
    } else if !paged {
        let roman = t
            .chars()
            .rev()
            .take_while(|c| "ivxlIVXLⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ".contains(*c))
            .count();
        (1..=6).contains(&roman).then_some(roman)?
    } else {
        return None;
    };
    let cut = t.char_indices().rev().nth(number_len - 1)?.0;
    let before = &t[..cut];
    if paged {
        return before.strip_suffix('第');
    }
    // A roman numeral must stand apart from the text before it (no `Ⅳ` glued to a word).
    if digits == 0 && !before.ends_with(|c: char| c.is_whitespace() || TOC_LEADERS.contains(&c)) {
        return None;
    }
    Some(before)
}

/// The value of a Chinese digit: 零 or 〇 0, 一 … 九, 两 2.
pub fn cn_digit_value(c: char) -> Option<u32> {
    match c {
        '零' | '〇' => Some(0),
        '两' => Some(2),
        _ => "一二三四五六七八九".find(c).map(|i| (i / 3) as u32 + 1),
    }
}

/// The value of a law heading's numeral: Chinese (`一百零五`, `十二`, `两千`) or Arabic digits.
pub fn law_numeral_value(numeral: &str) -> Option<u32> {
    if !numeral.is_empty() && numeral.chars().all(|c| c.is_ascii_digit()) {
        return numeral.parse().ok();
    }
    let (mut total, mut current) = (0u32, 0u32);
    for c in numeral.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => {
                current = cn_digit_value(c)?;
                continue;
            }
        };
        // 十二: a unit without a digit before it counts once.
        total += current.max(u32::from(unit == 10 && current == 0)) * unit;
        current = 0;
    }
    Some(total + current)
}

/// A number as laws write it in headings and cross-references: 十二, 一百零五, 一百一十,
/// 一千二百六十 (the inverse of [`law_numeral_value`]); None for 0 and from 10,000 on.
pub fn law_numeral(value: u32) -> Option<String> {
    if !(1..10_000).contains(&value) {
        return None;
    }
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let places = [
        (1000, Some('千')),
        (100, Some('百')),
        (10, Some('十')),
        (1, None),
    ];
    let mut out = String::new();
    let mut gap = false;
    for (place, unit) in places {
        let digit = (value / place % 10) as usize;
        if digit == 0 {
            // A zero between written places is read once: 一百零五, 一千零一十.
            gap |= !out.is_empty();
            continue;
        }
        if gap {
            out.push('零');
            gap = false;
        }
        // 十二, not 一十二, at the start; 一百一十 inside.
        if !(place == 10 && digit == 1 && out.is_empty()) {
            out.push(DIGITS[digit]);
        }
        out.extend(unit);
    }
    Some(out)
}

/// The number of a `一、`-form heading (`二、移交企业的处理`, `## 三、财产保全`), if it is one.
pub fn part_numeral(text: &str) -> Option<u32> {
    let t = text.trim_start_matches(['#', ' ', '\u{3000}']);
    let digits: String = t.chars().take_while(|&c| is_cn_digit(c)).collect();
    let n = digits.chars().count();
    if n == 0 || n > MAX_CN_NUMERAL || !t[digits.len()..].starts_with(['、', '．', '.']) {
        return None;
    }
    law_numeral_value(&digits)
}

/// The number of a `（一）`-form heading (`（一）级别管辖`), if it is one.
pub fn sub_part_numeral(text: &str) -> Option<u32> {
    let t = text.trim_start();
    let rest = t.strip_prefix(['（', '('])?;
    let digits: String = rest.chars().take_while(|&c| is_cn_digit(c)).collect();
    let n = digits.chars().count();
    if n == 0 || n > MAX_CN_NUMERAL || !rest[digits.len()..].starts_with(['）', ')']) {
        return None;
    }
    law_numeral_value(&digits)
}

/// The number of an article heading (第X条), if its numeral reads.
pub fn article_number(h: &Heading) -> Option<u32> {
    if !h.is_article() {
        return None;
    }
    law_numeral_value(h.text.strip_prefix('第')?.strip_suffix(['条', '條'])?)
}

/// Words that follow `第X条` / `第X章` when a sentence refers to it (`第五条规定的`, `第五条、第六条`,
/// `第三章第二节`) rather than when it heads one.
const REFERENCE_FOLLOWERS: &[&str] = &[
    "的", "、", "，", "。", "和", "或", "及", "与", "至", "到", "第", "规定", "所", "之", "款",
    "项", "與", "規定", "項",
];

/// Longest name of a law division written without a space after its number (`第一章总则`).
const MAX_RUN_IN_DIVISION_CHARS: usize = 20;

/// A law heading written without a space after its number: `第一条为了…`, `第五条【古树名木】…`,
/// `第一章总则`, with its numeral's value. Sentences begin so too (`第五条规定的…`), so this is
/// only a candidate, which the document decides on (`crate::report` takes an article when it is
/// the next one in sequence, or has a bracketed name). A reference's words after the number
/// (`第五条规定`, `第三章第二节`) and a division's name that reads as a sentence are refused here.
pub fn run_in_law_heading(t: &str) -> Option<(Heading, u32)> {
    let LawNumber {
        head,
        numeral,
        level,
        tail,
    } = law_number(t)?;
    let value = law_numeral_value(numeral)?;
    if tail.is_empty()
        || tail.starts_with(char::is_whitespace)
        || REFERENCE_FOLLOWERS.iter().any(|w| tail.starts_with(w))
    {
        return None;
    }
    if level == 4 {
        let h = Heading {
            level,
            text: head.to_string(),
            kind: HeadingKind::Article,
        };
        return Some((h, value));
    }
    let name = tail.trim_end();
    if name.chars().count() > MAX_RUN_IN_DIVISION_CHARS
        || name.contains(['，', '。', '；', '：', '、', ',', ';', ':'])
    {
        return None;
    }
    let h = Heading {
        level,
        text: tidy_division(&format!("{head} {name}")),
        kind: HeadingKind::Division,
    };
    Some((h, value))
}

/// Whether a run-in article's name is set off in brackets after its number (`第五条【古树名木】`),
/// which no sentence does.
pub fn has_bracketed_name(t: &str) -> bool {
    t.split_once(['条', '條'])
        .is_some_and(|(_, tail)| tail.starts_with(['【', '[', '〔']))
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
    // A colon after the heading (`### （二）数据要素：`) is no part of its name, as in a plain one.
    // `## **二、主要工作**`: bold adds nothing to a heading's name.
    let text = rest.trim().trim_end_matches(['：', ':']).trim_end();
    let text = BOLD_MARKS
        .iter()
        .find_map(|m| text.strip_prefix(m)?.strip_suffix(m))
        .filter(|inner| !BOLD_MARKS.iter().any(|m| inner.contains(m)))
        .unwrap_or(text)
        .trim();
    let text = text.trim_end_matches(['：', ':']).trim_end();
    if text.is_empty() {
        return None;
    }
    let text = match law_heading(text) {
        Some(division) if division.kind == HeadingKind::Division => division.text,
        // A code's sub-part (民法典 合同编: `## 第一分编  通则`), which no number ranks.
        _ if text.starts_with('第') && SUB_PART_WORDS.iter().any(|w| text.contains(w)) => {
            tidy_division(text)
        }
        _ => text.to_string(),
    };
    Some(Heading {
        level: hashes as u8,
        text,
        kind: HeadingKind::Markdown,
    })
}
