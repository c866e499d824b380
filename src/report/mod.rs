//! Reports: what a document's lines mean. Boilerplate, metadata and sections.
//!
//! This module owns the section grammar of Chinese official texts (一、 / （一） / 1. / （1）,
//! 第X编 / 第X章 / 第X节 / 第X条, Markdown `#`), the rules that recognise web-page boilerplate,
//! and the heuristics for title, year, issuing body and date. It works on the lines of a
//! decoded document and knows nothing of tokenizers or of the index.
//!
//! Line numbers in a [`Section`] are 1-based and inclusive, counted in the decoded source lines;
//! every kept line belongs to exactly one section. A section's text holds its lines from
//! `line_start` to `line_end`, blank and boilerplate lines as empty lines, so line k of the text
//! is source line `line_start + k`.

use serde::Serialize;

mod boilerplate;
mod facts;
mod headings;

pub use boilerplate::{classify_line, LineKind};
pub use facts::full_government_name;
pub use headings::{
    law_numeral, law_numeral_value, numbered_heading, parse_heading, Heading, HeadingKind,
};

use facts::{
    dated_stem_year, doc_number_year, effective_year, find_date, find_doc_number, find_org,
    find_title, find_year, find_year_loose, front_matter, header_fields, version_year,
};

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
    /// The document number (文号), e.g. 包府办发〔2022〕43号.
    pub doc_number: Option<String>,
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

/// Reads a report out of decoded lines. `file_stem` names the report when it has no title.
pub fn parse_report(lines: &[String], file_stem: &str) -> Report {
    parse_report_outlined(lines, None, file_stem)
}

/// Longest styled line ending in a colon read as a heading (`主要做法：`): a longer one
/// introduces what follows.
const MAX_COLON_HEADING_CHARS: usize = 16;

/// Longest line a word processor's heading style makes a heading, in characters: a longer one
/// is a paragraph styled for emphasis.
const MAX_STYLED_HEADING_CHARS: usize = 60;

/// [`parse_report`] for a document whose lines may carry outline levels (a .docx paragraph in a
/// Heading style, an .odt `text:h`): such a line is read as a Markdown heading of that level
/// (`##` for 2), so it heads a section even without a number, and where its number is read
/// the document's numbers and styles are weighed as Markdown's `#` are. A long line or one that
/// ends a sentence stays text.
pub fn parse_report_outlined(
    lines: &[String],
    outline: Option<&[Option<u8>]>,
    file_stem: &str,
) -> Report {
    parse_report_titled(lines, outline, file_stem, None)
}

/// [`parse_report_outlined`] for a web page whose `<title>` names it (`page_title`, the site's
/// name taken off): when no line of the text reads as its title, the page's is taken before
/// the file name, and the year is read from it.
pub fn parse_report_titled(
    lines: &[String],
    outline: Option<&[Option<u8>]>,
    file_stem: &str,
    page_title: Option<&str>,
) -> Report {
    let mut kinds: Vec<LineKind<'_>> = lines.iter().map(|l| classify_line(l)).collect();
    boilerplate::drop_split_breadcrumbs(lines, &mut kinds);
    // Markdown front matter (`---` / `title: …` / `---`) is no text; its fields count.
    let front = front_matter(lines);
    if let Some((n, _)) = &front {
        kinds[..*n].fill(LineKind::Boilerplate);
    }
    let kept: Vec<(usize, &str)> = kinds
        .iter()
        .enumerate()
        .filter_map(|(i, k)| match k {
            LineKind::Text(t) => Some((i, t.as_ref())),
            _ => None,
        })
        .collect();
    // Headings and facts are read from the lines as plain text (see [`plain_readings`]); the
    // sections keep the lines as written, so that every column counts in the source.
    let plain = plain_readings(&kept);
    let written = kept;
    let kept: Vec<(usize, &str)> = written
        .iter()
        .zip(&plain)
        .map(|(&(i, t), u)| (i, u.as_deref().unwrap_or(t)))
        .collect();
    let styled = |i: usize, t: &str| -> Option<u8> {
        let level = outline?.get(i).copied().flatten()?;
        let t = t.trim_matches([' ', '\u{3000}', '\t']);
        // A sentence (`有关情况报告如下：`, `…！`) or a date set in a heading style for emphasis
        // is no heading; `主要做法：` is.
        let sentence = t.ends_with(['。', '；', '，', ';', ',', '！', '!', '？', '?'])
            || t.ends_with(['：', ':'])
                && (t.contains(['，', ',']) || t.chars().count() > MAX_COLON_HEADING_CHARS);
        // A date or a document number set in a heading style (or a web page's `<h3>`) is no
        // heading either.
        // So is the line that says where a speech was given (`——2024年1月15日在…会议上`).
        let date =
            facts::is_cn_date_alone(t) || facts::is_doc_number_line(t) || t.starts_with("——");
        (!t.is_empty()
            && !t.starts_with('#')
            && t.chars().count() <= MAX_STYLED_HEADING_CHARS
            && !sentence
            && !date)
            .then_some(level)
    };
    let styles: Vec<Option<u8>> = kept.iter().map(|&(i, t)| styled(i, t)).collect();
    // The rank each line is marked with, by its style or its `#`s, before numbers weigh in.
    let marked: Vec<Option<u8>> = kept
        .iter()
        .zip(&styles)
        .map(|(&(_, t), style)| {
            style.or_else(|| {
                let hashes = t.trim_start().chars().take_while(|&c| c == '#').count();
                (1..=6).contains(&hashes).then_some(hashes as u8)
            })
        })
        .collect();
    let mut headings: Vec<Option<Heading>> = kept
        .iter()
        .zip(&styles)
        .map(|(&(_, t), style)| match *style {
            Some(level) => parse_heading(&format!(
                "{} {}",
                "#".repeat(usize::from(level)),
                t.trim_matches([' ', '\u{3000}', '\t'])
            )),
            None => parse_heading(t),
        })
        .collect();
    recognise_run_in_law_headings(&kept, &mut headings);
    rank_code_divisions(&kept, &mut headings);
    join_division_names(&kept, &mut headings);
    drop_attachment_lists(&kept, &mut headings);
    drop_table_of_contents(&kept, &mut headings);
    rank_markdown_by_numbers(&mut headings);
    rank_under_parts(&mut headings);
    rank_questions(&kept, &mut headings);
    recognise_attachments(&kept, &mut headings);
    drop_numeral_ranges(&kept, &mut headings);
    let first_heading = headings
        .iter()
        .position(Option::is_some)
        .unwrap_or(kept.len());
    let mut fields = header_fields(&kept);
    if let Some((_, front)) = front {
        fields.title = front.title.or(fields.title);
        fields.org = front.org.or(fields.org);
        fields.date = front.date.or(fields.date);
    }
    let (title, title_lines) = find_title(&kept, &headings, &marked, first_heading, &fields);
    let title = title
        .or_else(|| page_title.map(str::to_string))
        .map_or_else(|| file_stem.to_string(), facts::without_column_tag);
    // Where the body begins: the first heading after the title, past a second title. A Markdown
    // title (`# 中华人民共和国民法典`) is a heading itself, a part of a code may follow it at the
    // same level (`# 合同编`), and the notes that date a law's version stand after them.
    let body_start = headings
        .iter()
        .skip(title_lines)
        .position(|h| {
            h.as_ref().is_some_and(|h| {
                h.kind != HeadingKind::Markdown
                    || h.level > 1
                    || numbered_heading(&h.text).is_some()
            })
        })
        .map_or(kept.len(), |p| p + title_lines);
    let doc_number = find_doc_number(&kept, &fields, body_start);
    // The signature and its date stand before what a document attaches (附件1 …) and its
    // copy-to lines: the last lines searched for them are the document's own.
    // A regulation it issues after its signature (…关于印发…办法的通知, signed, then the 办法 and
    // its articles) is attached too.
    let own_end = headings
        .iter()
        .enumerate()
        .position(|(k, h)| {
            h.as_ref().is_some_and(|h| {
                h.kind == HeadingKind::Part
                    && (["附件", "附表", "附录"]
                        .iter()
                        .any(|p| h.text.starts_with(p))
                        || h.text == COLOPHON
                        || headings[k + 1..].iter().flatten().any(Heading::is_article)
                            && found_after_signature(&kept, k))
            })
        })
        .unwrap_or(kept.len());
    let own = &kept[..own_end];
    // A signing date (a 成文日期 field, or the date the document shows) before the date a site
    // published it.
    let date = fields
        .date
        .clone()
        .or_else(|| find_date(lines, own, body_start.min(own_end)))
        .or_else(|| fields.published.clone());
    // The year a report is about: its title's; a law's version (its notes, or the date its file
    // is named by); a notice's document number; the date it was signed or published; for a law
    // without either, the year it took effect; a year in the file name.
    let year = find_year(&title)
        .or_else(|| {
            // The notes may stop before the version a file holds (北京市公园条例(2019-07-26)
            // notes only 2002年…通过), or the file's name may date an older one: the later wins.
            [
                version_year(&kept, title_lines, body_start),
                dated_stem_year(file_stem),
            ]
            .into_iter()
            .flatten()
            .max()
        })
        .or_else(|| doc_number.as_deref().and_then(doc_number_year))
        .or_else(|| date.as_deref().and_then(find_year_loose))
        .or_else(|| effective_year(&kept, &headings))
        .or_else(|| find_year_loose(file_stem));
    let org = find_org(own, &title, &fields);
    let sections = split_sections(&written, &headings, title_lines);
    Report {
        title,
        year,
        org,
        date,
        doc_number,
        sections,
    }
}

/// A line that opens with a range of numbers (`一、二季度全市地区生产总值…`, `三、四月份…`) reads
/// like a heading numbered 一 or 三. It heads nothing when its number repeats or goes back
/// (`一、二季度…` under `一、`), or skips ahead while the range counts quarters, months or
/// industries (`三、四月份…` under `一、`); it stays a heading when its number is the next
/// (`二、三农工作…` after `一、`, `一、二产业融合发展` first under `第二部分`) or skips with a name
/// after it (`四、五大领域…` after `二、`). A sentence comes wherever the text is, out of the
/// document's own numbering (trials 13, 14 and 15).
fn drop_numeral_ranges(kept: &[(usize, &str)], headings: &mut [Option<Heading>]) {
    // The number of the last numbered heading of each form (一、 1, （一） 2, 1. 3, （1） 4,
    // as numbered or set in a heading style: a web page's `<h2>一、…</h2>`). A heading of
    // another kind (a part, a chapter, an attachment, an unnumbered one) starts them afresh.
    let mut last = [0u32; 8];
    for k in 0..headings.len() {
        let Some(h) = &headings[k] else {
            continue;
        };
        let line = kept[k].1.trim().trim_start_matches('#').trim();
        let form = matches!(h.kind, HeadingKind::List | HeadingKind::Markdown)
            .then(|| numbered_heading(line))
            .flatten()
            .filter(|n| n.kind == HeadingKind::List);
        let Some(form) = form else {
            last.fill(0);
            continue;
        };
        let level = usize::from(form.level).min(last.len() - 1);
        // A number at or below the last heading's repeats it, and a range of quarters or months
        // out of sequence is a sentence; one that skips a number with a name after it
        // (`四、五大领域…` after `二、`, a report that dropped 三) may still be a heading. A line
        // set as a heading by its style stays one.
        if let Some((v, counted)) = headings::numeral_range_start(line) {
            let sentence = v <= last[level] || v != last[level] + 1 && counted;
            if sentence && h.kind == HeadingKind::List {
                headings[k] = None;
                continue;
            }
        }
        if let Some(v) = headings::list_number(line) {
            last[level] = v;
        }
        last[level + 1..].fill(0);
    }
}

/// Whether `next`, set on a line of its own inside the same heading as `prev` (a web page's
/// `<h3>一、加强<br>安全生产监管</h3>`), wraps `prev`'s name: `prev` is a numbered heading, and
/// `next` is no heading, date, document number, speaker's line or note of its own
/// (`<h1>…的通知<br>某政发〔2024〕3号</h1>` stays two lines).
///
/// A title wrapped so is one too, in the two forms a title is broken at: after a place's name
/// that begins the title (`<h1>某某省<br>安全生产条例</h1>`) or after its issuer, before 关于
/// (`<h1>某某市人民政府<br>关于印发…的通知</h1>`). What else a page sets over its title in the same
/// heading stays apart: a site's or a column's name (`政策文件`, `…门户网站`), a masthead
/// (`…文件`, `…令`), a date, a document number, a breadcrumb, or the issuer the title repeats.
pub fn wraps_heading_name(prev: &str, next: &str) -> bool {
    let (prev, next) = (prev.trim(), next.trim());
    let own_line = parse_heading(next).is_some()
        || next.starts_with(['—', '-', '（', '(', '【', '[', '〔'])
        || facts::is_cn_date_alone(next)
        || facts::is_doc_number_line(next);
    let list_name = numbered_heading(prev).is_some_and(|h| h.kind == HeadingKind::List)
        && !next.starts_with(|c: char| c.is_numeric());
    let title = || {
        prev.chars().all(crate::analysis::is_han)
            // 市人民政府, 省政府: an office without its place names no issuer.
            && !prev.starts_with(['市', '省', '县', '区', '本', '全', '各'])
            && !next.starts_with(prev)
            && facts::ends_like_title(next)
            && (facts::place_begins_title(prev, next)
                || next.starts_with("关于")
                    && facts::is_signature(prev)
                    && !["网站", "网", "门户", "平台"]
                        .iter()
                        .any(|w| prev.ends_with(w)))
            && (prev.chars().count() + next.chars().count()) <= facts::MAX_TITLE_CHARS
    };
    !own_line && (list_name || title())
}

/// Each kept line as headings and facts read it, where that differs from the line as written:
/// without its Markdown bold, which is emphasis (`**第一条** 为了…`, `**标题**：…`, `**附件1**`); a
/// table row of header cells as the header line it stands for; a row of labels over a row of
/// values as one such line, the values' row then empty.
fn plain_readings(kept: &[(usize, &str)]) -> Vec<Option<String>> {
    let mut readings: Vec<Option<String>> = kept.iter().map(|&(_, t)| without_bold(t)).collect();
    let plain: Vec<&str> = kept
        .iter()
        .zip(&readings)
        .map(|(&(_, t), u)| u.as_deref().unwrap_or(t))
        .collect();
    let mut rows: Vec<Option<String>> = vec![None; kept.len()];
    for k in 0..kept.len() {
        if rows[k].is_some() {
            continue;
        }
        if let Some((line, values)) = facts::header_columns(plain[k], &plain[k + 1..]) {
            rows[k] = Some(line);
            rows[k + values] = Some(String::new());
        } else {
            rows[k] = facts::header_row(plain[k]);
        }
    }
    for (reading, row) in readings.iter_mut().zip(rows) {
        if row.is_some() {
            *reading = row;
        }
    }
    readings
}

/// A line without its Markdown bold: every `**`, and `__` around its opening (`__第三条__ …`);
/// None when it has none, or when a list number in bold runs on into a sentence
/// (`**二、三季度**经济回升`, `**1.**地区生产总值增长5%`): the bold then marks the words, not a
/// heading's name, and the line stays as written, which reads as no heading.
fn without_bold(t: &str) -> Option<String> {
    let lead = t.len() - t.trim_start().len();
    let opening = headings::lead_bold(&t[lead..]);
    let run_on = opening.is_some_and(|(_, inner, after)| {
        // A heading's name in bold ends with its mark (`**（一）落实主体责任。**企业…`).
        let named = inner
            .chars()
            .filter(|&c| crate::analysis::is_han(c))
            .count()
            >= 2;
        let closed = inner.trim_end().ends_with(['。', '：', ':', '；', '，']);
        headings::list_number(inner).is_some()
            && !(named && closed)
            && after.starts_with(|c: char| c.is_alphanumeric())
    });
    if run_on {
        return None;
    }
    // Every `**` goes below; `__` is taken off where it wraps the opening.
    let unwrapped = opening
        .filter(|&(mark, inner, _)| mark == "__" && !inner.trim().is_empty())
        .map(|(_, inner, after)| format!("{}{}{after}", &t[..lead], inner.trim()));
    let t = unwrapped.as_deref().unwrap_or(t);
    if t.contains("**") {
        Some(t.replace("**", ""))
    } else {
        unwrapped
    }
}

/// A section being filled: heading path, level, kept lines (index, text).
type OpenSection<'a> = (Vec<String>, u8, Vec<(usize, &'a str)>);

/// A document with at least this many 第X条 articles is structured by articles (a law, a
/// regulation): inside an article, 一、/（一）/1./（1） are list items, not headings.
const MIN_ARTICLES_FOR_LAW: usize = 2;

/// Whether a document is a law: it has at least [`MIN_ARTICLES_FOR_LAW`] articles (第X条).
fn is_law(headings: &[Option<Heading>]) -> bool {
    headings.iter().flatten().filter(|h| h.is_article()).count() >= MIN_ARTICLES_FOR_LAW
}

/// Law headings written without a space after their number (`第一条为了…`, `第五条【古树名木】…`,
/// `第一章总则`; see [`headings::run_in_law_heading`]). A sentence may begin the same way
/// (`第五条规定条件的…` wrapped onto a new line), so an article is taken only when it is the next
/// one after the article before it (第一条 when none came before) or the one after that (the
/// article between was refused, its text opening as a reference does: `第五条规定本市…`), or
/// when its name is set off in brackets; and only in a document that then has the articles of
/// a law.
fn recognise_run_in_law_headings(kept: &[(usize, &str)], headings: &mut [Option<Heading>]) {
    let mut last_article = 0;
    let mut found = Vec::new();
    for (k, (_, text)) in kept.iter().enumerate() {
        if let Some(h) = &headings[k] {
            if let Some(n) = headings::article_number(h) {
                last_article = n;
            }
            continue;
        }
        let t = text.trim_start_matches([' ', '\u{3000}', '\t']);
        let Some((h, n)) = headings::run_in_law_heading(t) else {
            continue;
        };
        if !h.is_article() {
            found.push((k, h));
        } else if n == last_article + 1
            || n == last_article + 2
                && last_article > 0
                && next_article_is(kept, headings, k, n + 1)
            || headings::has_bracketed_name(t)
        {
            last_article = n;
            found.push((k, h));
        }
    }
    let articles = found.iter().filter(|(_, h)| h.is_article()).count()
        + headings.iter().flatten().filter(|h| h.is_article()).count();
    if articles >= MIN_ARTICLES_FOR_LAW {
        for (k, h) in found {
            headings[k] = Some(h);
        }
    }
}

/// Whether the next article after line `k`, typed with a space after its number or run in,
/// is article `n`: a run-in article that skips one is taken only where the sequence goes on
/// from it, not for a wrapped line opening with a reference (`第五条中规定的…`).
fn next_article_is(kept: &[(usize, &str)], headings: &[Option<Heading>], k: usize, n: u32) -> bool {
    kept.iter()
        .enumerate()
        .skip(k + 1)
        .find_map(|(j, (_, text))| match &headings[j] {
            Some(h) => headings::article_number(h),
            None => headings::run_in_law_heading(text.trim_start_matches([' ', '\u{3000}', '\t']))
                .filter(|(h, _)| h.is_article())
                .map(|(_, m)| m),
        })
        == Some(n)
}

/// Longest name of a division on the line after its number, in characters.
const MAX_DIVISION_NAME_CHARS: usize = 20;

/// Marks a division's name may hold besides Han characters (`登记、免疫`, `法律责任（罚则）`).
const DIVISION_NAME_MARKS: &[char] = &['、', '（', '）', '(', ')', '·', '《', '》'];

/// A division's number alone on its line and its name on the next (`第一章` / `总　　则`), as
/// laws converted from PDF or Word are laid out, is one heading, `第一章 总则`: the name line
/// heads nothing of its own (`附　　则` there had opened a division beside its chapter), and
/// the heading matches its table of contents entry, which is then read as one.
fn join_division_names(kept: &[(usize, &str)], headings: &mut [Option<Heading>]) {
    for k in 0..kept.len().saturating_sub(1) {
        let Some(h) = headings[k].as_ref() else {
            continue;
        };
        // Typed plain, or marked as a heading by `#` or a page's style (`<h2>第一章<br>总则`).
        let bare = h.kind == HeadingKind::Division && headings::law_number_alone(kept[k].1)
            || h.kind == HeadingKind::Markdown && headings::law_number_alone(&h.text);
        // The next line is read only under a bare number: it may be a long paragraph.
        if !bare {
            continue;
        }
        // A Markdown heading's name without its `#` (`## 总则`).
        let next = match &headings[k + 1] {
            Some(n) if n.kind == HeadingKind::Markdown => n.text.as_str(),
            _ => kept[k + 1].1,
        };
        let name: String = next.chars().filter(|c| !c.is_whitespace()).collect();
        // A numbered heading under the number (`第一节　一般规定`, `一、一般规定`) is no name of it.
        let name_reads = !name.is_empty()
            && numbered_heading(next.trim()).is_none()
            && numbered_heading(&name).is_none()
            && name.chars().count() <= MAX_DIVISION_NAME_CHARS
            && name.starts_with(crate::analysis::is_han)
            && name
                .chars()
                .all(|c| crate::analysis::is_han(c) || DIVISION_NAME_MARKS.contains(&c))
            && match &headings[k + 1] {
                // Typed as Markdown, or read as a code's closing division (`附　　则`).
                Some(n) => {
                    matches!(n.kind, HeadingKind::Markdown | HeadingKind::Division)
                        && n.text
                            .chars()
                            .filter(|c| !c.is_whitespace())
                            .eq(name.chars())
                }
                // A number marked as a heading takes its name only from a line marked so too
                // (`## 第二章` over a paragraph, `某某市人民政府`, keeps no name).
                None => h.kind != HeadingKind::Markdown,
            };
        if name_reads {
            let text = format!("{} {name}", h.text.trim());
            if let Some(h) = headings[k].as_mut() {
                h.text = text;
            }
            headings[k + 1] = None;
        }
    }
}

/// A code in parts (民法典) has sub-parts (第一分编 通则) between its 编 and its 章, and closes
/// with `附　　则`, a division without a number. In a law whose divisions include a 分编, every
/// 章 and 节 moves one level down below it; an `附则` line after the law's first article heads
/// a division at the law's top division level (the 编's, or the 章's in a law without 编).
fn rank_code_divisions(kept: &[(usize, &str)], headings: &mut [Option<Heading>]) {
    if !is_law(headings) {
        return;
    }
    if headings.iter().flatten().any(headings::is_sub_part) {
        for h in headings.iter_mut().flatten() {
            if h.kind == HeadingKind::Division && !headings::is_sub_part(h) && h.level >= 2 {
                h.level += 1;
            }
        }
    }
    // Divisions typed plain or as Markdown (`## 第一章 总则`).
    let top = headings
        .iter()
        .flatten()
        .filter(|h| {
            h.kind == HeadingKind::Division
                || h.kind == HeadingKind::Markdown
                    && numbered_heading(&h.text).is_some_and(|n| n.kind == HeadingKind::Division)
        })
        .map(|h| h.level)
        .min()
        .unwrap_or(1);
    let first_article = headings
        .iter()
        .position(|h| h.as_ref().is_some_and(Heading::is_article));
    for (k, (_, text)) in kept.iter().enumerate() {
        if headings[k].is_none()
            && first_article.is_some_and(|first| k > first)
            && headings::is_unnumbered_closing_division(text)
        {
            // As written, without its typographic spaces (附则, or 附則 in traditional text).
            headings[k] = Some(Heading {
                level: top,
                text: text.chars().filter(|c| !c.is_whitespace()).collect(),
                kind: HeadingKind::Division,
            });
        }
    }
}

/// A notice lists what it issues under its signature's paragraph: `附件：1. 宜川市…方案` and, on
/// the next lines, `2. 重点任务分工表`. Those numbered lines are the list's items, not headings
/// (as headings they took the signature, the date and the attached plan's opening).
fn drop_attachment_lists(kept: &[(usize, &str)], headings: &mut [Option<Heading>]) {
    // After a law's articles, `附件：…标准` heads what the law attaches, whose 一、 are its
    // headings ([`recognise_attachments`]).
    let after_articles = if is_law(headings) {
        headings
            .iter()
            .position(|h| h.as_ref().is_some_and(Heading::is_article))
            .unwrap_or(kept.len())
    } else {
        kept.len()
    };
    let mut k = 0;
    while k < after_articles {
        let t = kept[k].1.trim_start_matches([' ', '\u{3000}', '\t']);
        let opens = t
            .strip_prefix("附件")
            .map(|rest| rest.trim_start())
            .and_then(|rest| rest.strip_prefix(['：', ':']))
            .is_some();
        k += 1;
        if !opens {
            continue;
        }
        while k < kept.len()
            && headings[k]
                .as_ref()
                .is_some_and(|h| h.kind == HeadingKind::List)
        {
            headings[k] = None;
            k += 1;
        }
    }
}

/// Longest line read as an attachment's heading with its title on the line (`附件：…标准`).
const MAX_ATTACHMENT_LINE_CHARS: usize = 60;

/// What an official document attaches, after its signature or a regulation's last article,
/// is a part of its own: `附件1` / `附件2：` alone on a line, or, after a law's articles,
/// `附件` with or without its title (`附件：电动自行车停放充电场所设置标准`). Each opens a section
/// at the top level, and every heading after it moves one level down, so the attached plan's
/// 三、 or the attached 办法's 第二章 are no longer nested under the last heading of what came
/// before. The copy-to line at the end (`抄送：…`) and what follows it is a part of its own
/// too, not text of the last article. (`附件：1. …方案` under the body, the list of what is
/// attached, stays text: [`drop_attachment_lists`].)
fn recognise_attachments(kept: &[(usize, &str)], headings: &mut [Option<Heading>]) {
    let law = is_law(headings);
    let in_parts = headings
        .iter()
        .flatten()
        .any(|h| h.kind == HeadingKind::Part);
    let mut articles_begun = false;
    let mut found = false;
    for (k, (_, text)) in kept.iter().enumerate() {
        articles_begun |= headings[k].as_ref().is_some_and(Heading::is_article);
        if found {
            if let Some(h) = headings[k].as_mut() {
                // An attached text's numbered headings rank by their numbers, typed plain or as
                // Markdown (基本法 附件三: `四、…` then `## 五、…`), as one list.
                // (Plain ones are a level lower in a report in parts: see `rank_under_parts`.)
                if let Some(n) = (h.kind == HeadingKind::Markdown)
                    .then(|| numbered_heading(&h.text))
                    .flatten()
                    .filter(|n| n.kind == HeadingKind::List)
                {
                    h.level = n.level + u8::from(in_parts);
                }
                if h.kind != HeadingKind::Article && h.kind != HeadingKind::Part {
                    h.level = h.level.saturating_add(1);
                }
            }
        }
        if k == 0 {
            continue;
        }
        let t = text.trim_matches([' ', '\u{3000}', '\t']);
        // After a signature or a law's articles, an attachment may carry its title on its line
        // (`附件1：…方案`, `附件：…标准`); before, that is the list of what is attached.
        let closing =
            || law && articles_begun || t.starts_with("附件") && found_after_signature(kept, k);
        let bare = matches!(t, "附件：" | "附件:");
        let name = match attachment_number(t) {
            // A bare `附件` line opens one too: a work report, unsigned, attaches its 民生实事
            // so (广东省政府工作报告).
            Some(name) => Some(name),
            None if bare && law && articles_begun => Some("附件".to_string()),
            None if t.chars().count() <= MAX_ATTACHMENT_LINE_CHARS && closing() => {
                attachment_with_title(t)
            }
            None => None,
        }
        .or_else(|| {
            // A schedule comes after a law's last article (one placed after its article is that
            // article's table) or after a signature. (The label first: the rest reads every
            // line after it, which is only done for a schedule's.)
            let label = schedule_label(t)?;
            let after_the_articles = law
                && articles_begun
                && !headings[k + 1..]
                    .iter()
                    .flatten()
                    .any(|h| h.is_article() || h.kind == HeadingKind::Division);
            (after_the_articles || found_after_signature(kept, k)).then_some(label)
        });
        let colophon =
            (t.starts_with("抄送：") || t.starts_with("抄送:")) && found_after_signature(kept, k);
        let republished = !articles_begun && republished_law_title(kept, headings, k);
        // A republished law's title may wrap (最高人民法院 / 关于审理…适用法律 / 问题的若干规定):
        // the part starts at its first line.
        let mut at = k;
        let name = if republished {
            // A signature's date above it ends the title (a notice signed, then the 办法 it
            // issues), and so the signature too; so does a note in brackets under the date
            // (`（此件公开发布）`).
            let bracketed = |t: &str| {
                let t = t.trim_matches([' ', '\u{3000}', '\t']);
                t.starts_with(['（', '(']) && t.ends_with(['）', ')'])
            };
            while at > 0
                && k - at < MAX_TITLE_FRAGMENTS
                && headings[at - 1].is_none()
                && is_title_fragment(kept[at - 1].1)
                && !facts::is_cn_date_alone(kept[at - 1].1)
                && !bracketed(kept[at - 1].1)
                && !kept[at - 1].1.trim().ends_with("印发")
            {
                at -= 1;
            }
            Some(kept[at..=k].iter().map(|(_, l)| l.trim()).collect())
        } else {
            name.or_else(|| colophon.then(|| COLOPHON.to_string()))
        };
        if let Some(name) = name {
            headings[at] = Some(Heading {
                level: 1,
                text: name,
                kind: HeadingKind::Part,
            });
            found = true;
        }
    }
}

/// The heading of a document's copy-to lines (`抄送：…`) and what follows them.
const COLOPHON: &str = "抄送";

/// Lines searched after a republished law's title for its first division or article: its
/// version note may stand between.
const REPUBLISHED_TITLE_LOOKAHEAD: usize = 3;

/// Whether the line at `k` is the title of a law republished after the decision that amends
/// it (a 修改决定's items 一、…五、, then `青溪市养犬管理条例`, its note, `第一章 总则`): a law's
/// name alone on its line, after headings of the decision, with a division or an article of
/// the law within the next lines. Its chapters then stand under it, not under the decision's
/// last item.
fn republished_law_title(kept: &[(usize, &str)], headings: &[Option<Heading>], k: usize) -> bool {
    let t = kept[k].1.trim_matches([' ', '\u{3000}', '\t']);
    let name = facts::without_bracketed_note(t);
    let named = ["条例", "办法", "规定", "细则", "规则", "法"]
        .iter()
        .any(|e| name.ends_with(e))
        && reads_as_a_name(t)
        && !t.contains(['“', '”'])
        && headings[k].is_none();
    // The decision's last item stands before it, or a notice's copy-to lines (`抄送：…`, then
    // `…印发`), which a web page may put between the notice and the regulation it issues; after
    // an attachment's heading (附件2), the name is the attached text's own title, within that
    // part.
    let after_items_or_copy_to = || {
        headings[..k].iter().flatten().last().is_some_and(|h| {
            h.kind == HeadingKind::List || h.kind == HeadingKind::Part && h.text == COLOPHON
        })
    };
    // A notice of one paragraph has no heading before the regulation it issues; a line above
    // names it as what the notice issues (`现将《青溪市养犬管理办法》印发给你们`). (A decree's
    // 现予公布 does not count: a law's own text under its decree keeps its chapters on top.)
    let issued_by_a_plain_notice = || {
        headings[..k].iter().all(Option::is_none)
            && kept[..k]
                .iter()
                .any(|(_, l)| l.contains("印发") && l.contains(name))
    };
    named
        && (after_items_or_copy_to() || issued_by_a_plain_notice())
        && headings[k + 1..]
            .iter()
            .take(REPUBLISHED_TITLE_LOOKAHEAD)
            .flatten()
            .next()
            .is_some_and(|h| h.kind == HeadingKind::Division || h.is_article())
}

/// Most lines before a republished law's last title line that are read as its first lines.
const MAX_TITLE_FRAGMENTS: usize = 2;

/// A line that may be the first part of a wrapped title: short, no sentence punctuation.
fn is_title_fragment(line: &str) -> bool {
    let t = line.trim_matches([' ', '\u{3000}', '\t']);
    !t.is_empty() && reads_as_a_name(t) && !t.contains(['“', '”', '、'])
}

/// Whether a line reads as a heading's name rather than a sentence: at most
/// [`MAX_LAW_PART_CHARS`] characters, no sentence punctuation.
fn reads_as_a_name(t: &str) -> bool {
    t.chars().count() <= MAX_LAW_PART_CHARS && !t.contains(['。', '；', '，', '：', ';', ',', ':'])
}

/// `附件`, `附件1`, `附件2：`, `附件三` alone on a line: the attachment's name, without a colon.
pub(super) fn attachment_number(t: &str) -> Option<String> {
    let rest = t.strip_prefix("附件")?;
    let rest = rest.trim_end_matches(['：', ':']).trim();
    (is_attachment_number(rest) && !(rest.is_empty() && t.ends_with(['：', ':'])))
        .then(|| format!("附件{rest}"))
}

/// A schedule or an appendix on its own line (`附表`, `附表一`, `附表2：`, `附录`): after a law's
/// articles or a signature it opens a part, as an attachment does; before, it names a table
/// of the text.
fn schedule_label(t: &str) -> Option<String> {
    let label = ["附表", "附录"].into_iter().find(|l| t.starts_with(l))?;
    let rest = t[label.len()..].trim_end_matches(['：', ':']).trim();
    is_attachment_number(rest).then(|| format!("{label}{rest}"))
}

/// An attachment's number, as after 附件: none, or up to three digits or Chinese numerals.
fn is_attachment_number(n: &str) -> bool {
    n.chars().count() <= 3
        && n.chars().all(|c| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
        })
}

/// `附件1：青溪市…方案`, `附件：…标准`: an attachment's name with its title on its line.
fn attachment_with_title(t: &str) -> Option<String> {
    let rest = t.strip_prefix("附件")?;
    let (number, title) = rest.split_once(['：', ':'])?;
    let number = number.trim();
    (is_attachment_number(number) && !title.trim().is_empty()).then(|| format!("附件{number}"))
}

/// Whether the line at `k` comes after a date alone on its line (a signature's), as a
/// document's copy-to line does.
fn found_after_signature(kept: &[(usize, &str)], k: usize) -> bool {
    kept[..k].iter().any(|(_, t)| facts::is_cn_date_alone(t))
}

/// An interview's questions (`问：…？`) stand at the top level, unless they open under a
/// heading of their own (`三、政策问答` and its first question on the next line): then every
/// question ranks one below it, and its answers stay in that part.
fn rank_questions(kept: &[(usize, &str)], headings: &mut [Option<Heading>]) {
    let is_question = |h: &Heading| h.kind == HeadingKind::List && h.text.starts_with('问');
    // A question heads only an answer that follows it (`答：` on the next line); one asked in a
    // report's text stays text.
    let answered = |k: usize| {
        kept.get(k + 1).is_some_and(|(_, next)| {
            let next = next.trim_start();
            next.starts_with("答：") || next.starts_with("答:")
        })
    };
    for (k, heading) in headings.iter_mut().enumerate() {
        if heading.as_ref().is_some_and(is_question) && !answered(k) {
            *heading = None;
        }
    }
    let Some(first) = headings
        .iter()
        .position(|h| h.as_ref().is_some_and(is_question))
    else {
        return;
    };
    let Some(Some(opening)) = first.checked_sub(1).map(|k| &headings[k]) else {
        return;
    };
    let level = opening.level.saturating_add(1);
    for h in headings[first..].iter_mut().flatten() {
        if is_question(h) {
            h.level = level;
        }
    }
}

/// A report in parts (第一部分 / 第二部分) has its 一、 headings and every list form below them one
/// level down, so that each part holds what follows it up to the next part.
///
/// A plan or an outline in chapters (a 规划纲要's 第一篇 / 第一章 / 第一节, with 一、 and （一）
/// inside its 节 or 章) ranks each list form below the part or division it stands in: 一、
/// under a 节 is a level below the 节, and the next 第二章 closes it. (Without this, 一、 at
/// level 1 took every later chapter under it.) A law's divisions hold articles, whose items the
/// list forms are, so a law is left as it is.
fn rank_under_parts(headings: &mut [Option<Heading>]) {
    let divided = !is_law(headings)
        && headings
            .iter()
            .flatten()
            .any(|h| h.kind == HeadingKind::Division);
    if divided {
        // The level of the part or division the headings stand in; before the first, one above
        // the top one's, so that a 前言 or the 一、 of a preamble do not take the chapters in.
        let top = headings
            .iter()
            .flatten()
            .filter(|h| matches!(h.kind, HeadingKind::Part | HeadingKind::Division))
            .map(|h| h.level)
            .min()
            .unwrap_or(1);
        let mut floor = top.saturating_sub(1);
        for h in headings.iter_mut().flatten() {
            match h.kind {
                HeadingKind::Part | HeadingKind::Division => floor = h.level,
                HeadingKind::List => h.level += floor,
                _ => {}
            }
        }
        return;
    }
    if !headings
        .iter()
        .flatten()
        .any(|h| h.kind == HeadingKind::Part)
    {
        return;
    }
    for h in headings.iter_mut().flatten() {
        // A Markdown list heading ranked by its number (`## 一、` beside `## 第一部分`) too.
        let listed = h.kind == HeadingKind::List
            || h.kind == HeadingKind::Markdown
                && numbered_heading(&h.text).is_some_and(|n| n.kind == HeadingKind::List);
        if listed {
            h.level += 1;
        }
    }
}

/// What an amendment decision says before its list of amendments (`作如下修改：`, `修改如下：`).
const AMENDMENT_OPENERS: &[&str] = &[
    "如下修改",
    "修改如下",
    "以下修改",
    "修改、补充如下",
    "如下修正",
    "修正如下",
    "作出修改",
];

/// Longest `一、` part heading among a law's articles, in characters.
const MAX_LAW_PART_CHARS: usize = 40;

/// Which `一、` lines among a law's articles head parts of it rather than items of the article
/// before them. A 司法解释 groups its articles so: `二、移交、撤销、脱钩企业破产案件的处理` between
/// 第六条 and 第七条. Such a line is a part when its number is the next after the last `一、`-form
/// heading (a part before the first article, or one found here), it reads as a name (short, no
/// sentence punctuation) and an article follows it. An article's items fail one of these: the
/// first is `一、`, the last ends in `。`, and a law without parts has no number to follow.
/// A part found takes the level of the part before it (`## 三、` then `四、` are one rank).
///
/// An amendment decision (`…决定对《…法》作如下修改：` / `一、将第五条修改为：` / the article as
/// amended / `二、删去第二十条。`) is a list of amendments, each a sentence, that quote articles:
/// there the next number of the list is always its next amendment, unless the quoted article's
/// own items in that form have begun (then it is the next of those). A `一、` that reads as a
/// part's name with an article after it starts the parts of another text (a regulation
/// reissued as amended, after the decision): from there the parts are found as in any law.
fn law_parts(kept: &[(usize, &str)], headings: &[Option<Heading>]) -> Vec<Option<u8>> {
    let first_article = headings
        .iter()
        .position(|h| h.as_ref().is_some_and(Heading::is_article))
        .unwrap_or(kept.len());
    // The decision says so before its first amendment, or its title does (`…关于修改…的决定`,
    // `…修正案`).
    let title_amends = kept.first().is_some_and(|(_, t)| {
        let t = t.trim();
        t.contains("修正案") || t.contains("关于修改") && t.ends_with("决定")
    });
    let mut amends = title_amends
        || kept[..first_article]
            .iter()
            .any(|(_, t)| AMENDMENT_OPENERS.iter().any(|w| t.contains(w)));
    let mut parts = vec![None; kept.len()];
    // The last part's number and level, and the last sub-part's number within it.
    let mut last_part: Option<(u32, u8)> = None;
    let mut last_sub: u32 = 0;
    let mut articles_begun = false;
    // The last item of the article before, in each form (一、 and （一）), once its items have
    // begun: the next item goes on from it (三、 after 二、), whatever number the last part had.
    let mut last_item: Option<u32> = None;
    let mut last_sub_item: Option<u32> = None;
    // An article follows, maybe after sub-parts' names (`二、管辖` / `（一）级别管辖` / 第三条).
    let article_next = |k: usize| {
        headings[k + 1..]
            .iter()
            .zip(&kept[k + 1..])
            .find(|(h, (_, t))| {
                !h.as_ref().is_some_and(|h| {
                    h.kind == HeadingKind::List
                        && headings::sub_part_numeral(&h.text).is_some()
                        && reads_as_a_name(t.trim())
                })
            })
            .is_some_and(|(h, _)| h.as_ref().is_some_and(Heading::is_article))
    };
    // Any article after line `k`: a part that follows the last article (a notice's or an
    // explanation's `三、施行时间` after the articles it quotes) heads what follows it, though
    // no article does.
    let article_after = |k: usize| headings[k + 1..].iter().flatten().any(Heading::is_article);
    // Whether a heading other than a list item stands between two lines (an attachment's
    // `附件` after the last article: its `三、` are its own).
    let attached = |from: usize, to: usize| {
        headings[from + 1..to]
            .iter()
            .flatten()
            .any(|h| h.kind != HeadingKind::List)
    };
    // The line of the last article so far, and the first line after it (or after the last
    // part found after it) whose text may list items.
    let mut last_article = 0;
    let mut items_from = 0;
    // Whether the last article's text lists item `n` inside a line (`…职责：一、制定规划；二、…`,
    // or `（一）…（二）…`), or opens a list whose first item is no heading (`…给予下列处罚：` /
    // `—、训诫`, mistyped), so that a line opening with the next number goes on its items.
    let listed_inline = |from: usize, to: usize, n: u32| {
        (from..to).any(|j| {
            kept[j].1.trim_end().ends_with(['：', ':']) && j + 1 < to && headings[j + 1].is_none()
        }) || law_numeral(n).is_some_and(|numeral| {
            let items = [
                format!("{numeral}、"),
                format!("（{numeral}）"),
                format!("({numeral})"),
                format!("({numeral}）"),
                format!("（{numeral})"),
            ];
            kept[from..to]
                .iter()
                .any(|(_, t)| items.iter().any(|item| t.contains(item.as_str())))
        })
    };
    for (k, (_, text)) in kept.iter().enumerate() {
        let Some(h) = &headings[k] else { continue };
        if h.is_article() {
            articles_begun = true;
            last_article = k;
            items_from = k;
            last_item = None;
            last_sub_item = None;
            continue;
        }
        let t = text.trim();
        // Under `…包括下列各项：` the first item comes, not a part.
        let under_colon = k > 0 && kept[k - 1].1.trim_end().ends_with(['：', ':']);
        let goes_on = |last: Option<u32>, n: u32| under_colon || last.is_some_and(|l| n == l + 1);
        if let Some((_, level)) = last_part.filter(|_| articles_begun) {
            if let Some(n) = headings::sub_part_numeral(&h.text) {
                if h.kind == HeadingKind::List
                    && !goes_on(last_sub_item, n)
                    && n == last_sub + 1
                    && reads_as_a_name(t)
                    && article_next(k)
                {
                    parts[k] = Some(level + 1);
                    last_sub = n;
                } else {
                    last_sub_item = Some(n);
                }
                continue;
            }
        }
        let Some(n) = headings::part_numeral(&h.text) else {
            continue;
        };
        if !articles_begun || h.kind != HeadingKind::List {
            // A part before the articles, or one marked as a heading (`## 三、…`).
            last_part = Some((n, h.level));
            last_sub = 0;
            continue;
        }
        let Some((last, level)) = last_part else {
            continue;
        };
        // The parts of the text the decision reissues start again.
        let reissued = amends && n == 1 && !under_colon && reads_as_a_name(t) && article_next(k);
        if reissued {
            amends = false;
        }
        if reissued
            || n == last + 1
                && !goes_on(last_item, n)
                && (amends
                    || reads_as_a_name(t)
                        && (article_next(k)
                            || !article_after(k)
                                && !listed_inline(items_from, k, n - 1)
                                // A range wrapped onto the line (`三、四级公路的养护`) is no
                                // part's name.
                                && headings::numeral_range_start(t).is_none()
                                && !attached(last_article, k)))
        {
            parts[k] = Some(level);
            // The part's own line names its number: what follows is what may list items.
            items_from = k + 1;
            last_part = Some((n, level));
            last_sub = 0;
        } else {
            last_item = Some(n);
        }
    }
    parts
}

/// Name of the section that holds a glossary block (名词解释) found without a name of its own.
pub const GLOSSARY_HEADING: &str = "名词解释";

/// Splits kept lines into sections along their headings, then cuts long sections into passages.
///
/// In a law, list items after its first article stay in the text of the article they follow,
/// except the parts [`law_parts`] finds. A glossary block (a
/// `名词解释` or `…注释` line, then numbered entries) is one section of its own at the top level,
/// its entries its text.
fn split_sections(
    kept: &[(usize, &str)],
    headings: &[Option<Heading>],
    title_lines: usize,
) -> Vec<Section> {
    let law = is_law(headings);
    let parts = law_parts(kept, headings);
    let mut sections: Vec<Section> = Vec::new();
    // The open heading path: (level, text, kind).
    let mut path: Vec<(u8, String, HeadingKind)> = Vec::new();
    let mut current: Option<OpenSection> = None;
    let mut in_glossary = false;
    // Once a law's articles have begun, list forms are items, even where an article heading
    // was mistyped (`第四百一十四 条`) and not recognised.
    let mut articles_begun = false;
    for (k, (line_no, text)) in kept.iter().enumerate() {
        let glossary = k >= title_lines && is_glossary_heading(text);
        let heading = match headings[k].as_ref() {
            _ if glossary => Some(Heading {
                level: 1,
                text: text.trim().trim_end_matches(['：', ':']).to_string(),
                kind: HeadingKind::Markdown,
            }),
            _ if k < title_lines => None,
            Some(h) if law && !in_glossary && parts[k].is_some() => Some(Heading {
                level: parts[k].unwrap_or(h.level),
                ..h.clone()
            }),
            Some(h) if h.kind == HeadingKind::List && (in_glossary || law && articles_begun) => {
                None
            }
            other => other.cloned(),
        };
        if let Some(h) = heading {
            in_glossary = glossary;
            // What a law attaches (附件) is a text of its own, whose 一、 head its parts.
            articles_begun = h.is_article() || articles_begun && h.kind != HeadingKind::Part;
            if let Some((hp, level, body)) = current.take() {
                push_passages(&mut sections, hp, level, &body);
            }
            // Articles are leaves: any heading closes the open article. (An article's level
            // is one below its enclosing heading, 1 where none encloses it: a law whose first
            // chapter heading is missing opens with articles at level 1, and its 第二章 must
            // not nest under the article before it.)
            while path
                .last()
                .is_some_and(|(_, _, kind)| *kind == HeadingKind::Article)
            {
                path.pop();
            }
            let level = if h.is_article() {
                path.last().map_or(1, |(l, _, _)| l + 1)
            } else {
                h.level
            };
            while path.last().is_some_and(|(l, _, _)| *l >= level) {
                path.pop();
            }
            path.push((level, h.text.clone(), h.kind));
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

/// Documents converted to Markdown do not always mark a rank with one number of `#`: chapters
/// `###` and their sections (节) `##`, chapters at `##` and `###`, `十、` plain beside
/// `## 十一、`. By their `#`, a chapter would nest under a section, a chapter under a chapter,
/// 十一、 under 十、. When the numbered headings of a document disagree with their `#` (one rank
/// at two levels, or a higher rank at a level as deep or deeper than a lower one), every
/// numbered Markdown heading ranks by its number instead, as it would without its `#`: a law's
/// division or article becomes one, a list form keeps the Markdown kind with its number's level
/// (a Markdown `## 一、` heads a part of the document even among a law's articles, where a plain
/// `一、` is an item). When they agree, the `#` stand: they may hold ranks no number names
/// (`## 第一分编` between `# 合同编` and `### 第一章`), and unnumbered headings beside them
/// (`## 三`) keep their place.
fn rank_markdown_by_numbers(headings: &mut [Option<Heading>]) {
    let law = is_law(headings);
    // A code's sub-part (`## 第一分编`) has no rank a number names: its `#` place it.
    let number_of = |text: &str| numbered_heading(text).filter(|n| !headings::is_sub_part(n));
    // For each (is a law division, rank), the levels its headings stand at. Plain list forms
    // after a law's first article are items, and articles take their level from their division:
    // both left out.
    let mut levels: std::collections::BTreeMap<(bool, u8), std::collections::BTreeSet<u8>> =
        Default::default();
    let mut articles_begun = false;
    for h in headings.iter().flatten() {
        articles_begun |= h.is_article();
        let number = match h.kind {
            HeadingKind::Markdown => match number_of(&h.text) {
                Some(n) => n,
                None => continue,
            },
            HeadingKind::Division if headings::is_sub_part(h) => continue,
            HeadingKind::Division => h.clone(),
            HeadingKind::List if !(law && articles_begun) => h.clone(),
            HeadingKind::List | HeadingKind::Article | HeadingKind::Part => continue,
        };
        if number.is_article() {
            continue;
        }
        // A part (第一部分, 第一篇) ranks above the 一、 in it, though both are level 1.
        let rank = match number.kind {
            HeadingKind::Part => number.level - 1,
            _ => number.level,
        };
        levels
            .entry((number.kind == HeadingKind::Division, rank))
            .or_default()
            .insert(h.level);
    }
    let agree = [false, true].iter().all(|&division| {
        let mut deepest = 0;
        levels
            .range((division, 0)..=(division, u8::MAX))
            .all(|(_, at)| {
                let one = at.len() == 1 && at.first().is_some_and(|&l| l > deepest);
                deepest = at.last().copied().unwrap_or(deepest);
                one
            })
    });
    if agree {
        return;
    }
    // An unnumbered Markdown heading takes the rank its number of `#` has among the numbered
    // ones (`## 工作亮点` beside `## 一、…` and `## 二、…` ranks with them), when that is one rank.
    let mut rank_of_hashes: std::collections::BTreeMap<u8, std::collections::BTreeSet<u8>> =
        Default::default();
    for h in headings.iter().flatten() {
        if h.kind == HeadingKind::Markdown {
            if let Some(n) = number_of(&h.text).filter(|n| !n.is_article()) {
                rank_of_hashes.entry(h.level).or_default().insert(n.level);
            }
        }
    }
    for h in headings.iter_mut().flatten() {
        if h.kind != HeadingKind::Markdown {
            continue;
        }
        match number_of(&h.text) {
            Some(n) if n.kind == HeadingKind::List => h.level = n.level,
            Some(n) => *h = n,
            None => {
                if let Some(ranks) = rank_of_hashes.get(&h.level).filter(|r| r.len() == 1) {
                    h.level = *ranks.first().expect("one rank");
                }
            }
        }
    }
}

/// Longest line taken for the name of a glossary block.
const MAX_GLOSSARY_HEADING_CHARS: usize = 24;

/// `名词解释`, `附：名词解释`, `名词解释：`, `政府工作报告名词、术语注释`: the line that opens a
/// glossary block at the end of a report.
fn is_glossary_heading(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['：', ':']);
    t.chars().count() <= MAX_GLOSSARY_HEADING_CHARS
        && !t.contains(['。', '，', '；'])
        && (t.contains("名词解释")
            || t.ends_with("注释")
            || t.ends_with("释义")
            || (t.contains("名词") || t.contains("术语")) && t.ends_with("解释"))
}

/// A run of at least this many headings with no text between them, repeated later in the body,
/// is a table of contents.
const MIN_TOC_HEADINGS: usize = 3;

/// Marks the headings of a table of contents as plain lines, so they stay in the section before
/// them instead of becoming a row of empty sections: the headings after a `目录` line up to
/// where the body repeats the first of them, and any run of [`MIN_TOC_HEADINGS`] or more
/// headings with no text between them whose first or second heading the body repeats (a
/// table of contents whose `目录` line was lost).
fn drop_table_of_contents(kept: &[(usize, &str)], headings: &mut [Option<Heading>]) {
    // An entry with its page number is never a heading, whether or not the body repeats it.
    for (h, (_, t)) in headings.iter_mut().zip(kept) {
        if h.is_some() && headings::is_toc_entry(t) {
            *h = None;
        }
    }
    // Each heading's squeezed text as a hash, and where each hash stands, sorted: computed once
    // and without a string per heading, since laws have thousands of headings and every run of
    // them asks whether the body repeats one. A hash only finds candidates; the texts decide.
    let text = |j: usize| headings.get(j)?.as_ref().map(|h| h.text.as_str());
    let mut places: Vec<(u64, usize)> = (0..headings.len())
        .filter_map(|j| Some((squeezed_hash(squeezed(text(j)?)), j)))
        .collect();
    places.sort_unstable();
    // The first heading at or after `from` whose squeezed text is heading `of`'s.
    let repeated_after = |from: usize, of: usize| {
        let wanted = text(of)?;
        let key = squeezed_hash(squeezed(wanted));
        let at = places.partition_point(|&p| p < (key, from));
        places[at..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, j)| j)
            .find(|&j| text(j).is_some_and(|t| squeezed(t).eq(squeezed(wanted))))
    };
    let toc = kept
        .iter()
        .position(|(_, t)| squeezed(t).eq("目录".chars()));
    // Dropped headings are marked here and cleared at the end, since the texts stay borrowed.
    let mut dropped = vec![false; headings.len()];
    if let Some(toc) = toc {
        if let Some(end) = repeated_after(toc + 2, toc + 1) {
            dropped[toc + 1..end].fill(true);
        }
    }
    // A contents line is a heading alone: an article with its text (`第五条 申请…：`) followed
    // by its items (`（一）申请表；`) is no run of contents lines, even where a later article
    // repeats an item.
    let heading_alone = |j: usize| {
        let (Some(h), Some((_, line))) = (&headings[j], kept.get(j)) else {
            return false;
        };
        squeezed(line).eq(squeezed(&h.text))
    };
    let mut k = 0;
    while k < headings.len() {
        let run = (k..headings.len())
            .take_while(|&j| heading_alone(j) && !dropped[j])
            .count();
        if run >= MIN_TOC_HEADINGS {
            let end = k + run;
            if (k..k + 2).any(|j| repeated_after(end, j).is_some()) {
                dropped[k..end].fill(true);
            }
        }
        k += run.max(1);
    }
    for (h, dropped) in headings.iter_mut().zip(dropped) {
        if dropped {
            *h = None;
        }
    }
}

/// A heading line's characters without whitespace and Markdown `#` and `*`: what two forms of
/// one heading share (a contents line and the body's heading, a `# 标题` and a front matter's
/// title, a bold item and its name).
fn squeezed(t: &str) -> impl Iterator<Item = char> + '_ {
    t.chars()
        .filter(|c| !c.is_whitespace() && *c != '#' && *c != '*')
}

/// A hash of a heading's squeezed characters (FNV-1a over the code points).
fn squeezed_hash(chars: impl Iterator<Item = char>) -> u64 {
    chars.fold(0xcbf2_9ce4_8422_2325, |h, c| {
        (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
    })
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
            text: text_with_line_breaks(part),
        });
        start = end;
    }
}

/// The kept lines of a passage joined so that line k of the text is source line
/// `line_start + k`: blank and boilerplate lines between them stay as empty lines. A match's
/// line is then its section's first line plus the line breaks before it.
fn text_with_line_breaks(part: &[(usize, &str)]) -> String {
    let mut text = String::new();
    let mut previous = part.first().map_or(0, |p| p.0);
    for (k, (line, t)) in part.iter().enumerate() {
        if k > 0 {
            for _ in previous..*line {
                text.push('\n');
            }
        }
        text.push_str(t);
        previous = *line;
    }
    text
}

#[cfg(test)]
mod tests;
