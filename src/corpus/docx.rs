//! Word documents: the paragraphs of a .docx package.
//!
//! This module owns reading `word/document.xml` out of the zip package. It knows nothing of
//! reports or encodings.

use std::io::Read;

use super::{ReadError, MAX_FILE_BYTES};

/// Largest decompressed `word/document.xml` read, in bytes: the same as the largest file.
pub const MAX_DOCX_XML_BYTES: u64 = MAX_FILE_BYTES;

/// Largest ratio of decompressed to compressed size of `word/document.xml`: real documents
/// compress 5 to 20 times, a zip bomb thousands of times. Only checked above
/// [`DOCX_RATIO_FLOOR_BYTES`], since tiny parts can compress oddly well.
pub const MAX_DOCX_RATIO: u64 = 200;

/// Decompressed size below which the ratio is not checked.
const DOCX_RATIO_FLOOR_BYTES: u64 = 1 << 20;

/// Reads a part of the package as text, within the limits of [`MAX_DOCX_XML_BYTES`] and
/// [`MAX_DOCX_RATIO`] whatever its declared size; None when the package has no such part.
fn read_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ReadError> {
    let part = match archive.by_name(name) {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ReadError::Docx(format!("{name}: {e}"))),
    };
    let (size, compressed) = (part.size(), part.compressed_size());
    let bomb = |size: u64| {
        ReadError::Docx(format!(
            "{name} unpacks to {size} bytes or more from {compressed} \
             (limits: {MAX_DOCX_XML_BYTES} bytes, {MAX_DOCX_RATIO} times its packed size)"
        ))
    };
    let too_big = |size: u64| {
        size > MAX_DOCX_XML_BYTES
            || (size > DOCX_RATIO_FLOOR_BYTES && size > compressed.saturating_mul(MAX_DOCX_RATIO))
    };
    if too_big(size) {
        return Err(bomb(size));
    }
    // The declared size may lie: read no more than the limits allow, whatever it says.
    let allowed = MAX_DOCX_XML_BYTES.min(
        compressed
            .saturating_mul(MAX_DOCX_RATIO)
            .max(DOCX_RATIO_FLOOR_BYTES),
    );
    let mut raw = Vec::new();
    part.take(allowed + 1)
        .read_to_end(&mut raw)
        .map_err(|e| ReadError::Docx(format!("{name}: {e}")))?;
    if raw.len() as u64 > allowed {
        return Err(bomb(raw.len() as u64));
    }
    String::from_utf8(raw)
        .map(Some)
        .map_err(|e| ReadError::Docx(format!("{name}: not UTF-8: {e}")))
}

/// The paragraphs of a .docx, one per line (see [`docx_text`]).
pub fn docx_paragraphs(bytes: &[u8]) -> Result<Vec<String>, ReadError> {
    docx_text(bytes).map(|(lines, _)| lines)
}

/// Deepest outline level read: Markdown's six.
const MAX_OUTLINE_LEVEL: u8 = 6;

/// The paragraphs of a .docx, one per line: the text runs of each `w:p` in word/document.xml,
/// tabs kept; and per paragraph, its outline level when Word marks it as a heading (1 for
/// Heading 1). A line break inside a paragraph (`w:br`, Shift+Enter) joins the text on either
/// side: with nothing between Chinese characters, which a reader and a search run together
/// (预案》，/出台 is 预案》，出台), and with a space between anything else (words of Latin
/// script).
///
/// A paragraph is a heading by its own outline level (`w:outlineLvl`) or its style's: a style
/// with an outline level, named `heading N` (`标题 N` in a Chinese Word), or based on one.
pub fn docx_text(bytes: &[u8]) -> Result<(Vec<String>, Vec<Option<u8>>), ReadError> {
    use quick_xml::events::Event;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Docx(e.to_string()))?;
    let xml = read_part(&mut archive, "word/document.xml")?
        .ok_or_else(|| ReadError::Docx("word/document.xml: not in the package".into()))?;
    // A package without styles (or with damaged ones) has no styled headings, nothing worse;
    // so for numbering.
    let styles = match read_part(&mut archive, "word/styles.xml") {
        Ok(Some(styles)) => paragraph_styles(&styles),
        _ => std::collections::HashMap::new(),
    };
    let mut numbering = match read_part(&mut archive, "word/numbering.xml") {
        Ok(Some(xml)) => Numbering::parse(&xml),
        _ => Numbering::default(),
    };
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut paragraphs = Vec::new();
    let mut outline = Vec::new();
    let mut current = String::new();
    // The open paragraph's outline level, from its own properties or its style.
    let mut level: Option<u8> = None;
    // The open paragraph's list and list level, from its style or its own `w:numPr`.
    let mut number: Option<(String, u8)> = None;
    let mut in_num_pr = false;
    let mut in_text = false;
    // A text box's paragraphs open inside the paragraph that anchors it: the anchoring
    // paragraph's state waits here while they are read, and its line comes first, then theirs
    // (`boxed`: lines finished inside the open paragraph).
    let mut outer: Vec<OpenParagraph> = Vec::new();
    let mut boxed: Vec<(String, Option<u8>)> = Vec::new();
    let mut in_paragraph = false;
    // Word writes each text box twice: as a drawing (`mc:Choice`) and as a picture for older
    // readers (`mc:Fallback`). The fallback's copy is skipped, or its text would be read twice.
    let mut in_fallback = 0usize;
    // Text Word hides (`w:vanish` in a run's properties: notes to the drafter, a deleted
    // paragraph kept hidden) is not what a reader sees, so it is not read. A paragraph mark's
    // own `w:vanish` (in `w:pPr`) hides only the mark, never text.
    let (mut in_run_props, mut hidden_run) = (false, false);
    // A tracked change of formatting keeps the run's earlier properties (`w:rPrChange`), whose
    // `w:vanish` hides nothing now.
    let mut in_format_change = 0usize;
    loop {
        let event = reader.read_event();
        match &event {
            Ok(Event::Start(e)) if e.name().as_ref() == b"mc:Fallback" => in_fallback += 1,
            Ok(Event::End(e)) if e.name().as_ref() == b"mc:Fallback" => {
                in_fallback = in_fallback.saturating_sub(1);
                continue;
            }
            _ => {}
        }
        if in_fallback > 0 && !matches!(event, Ok(Event::Eof) | Err(_)) {
            continue;
        }
        match event {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:p" => {
                    if in_paragraph {
                        outer.push((
                            std::mem::take(&mut current),
                            level.take(),
                            number.take(),
                            std::mem::take(&mut boxed),
                        ));
                    }
                    in_paragraph = true;
                    current.clear();
                    level = None;
                    number = None;
                }
                b"w:numPr" => in_num_pr = true,
                b"w:t" => in_text = true,
                b"w:r" => hidden_run = false,
                b"w:rPr" => in_run_props = true,
                b"w:rPrChange" | b"w:pPrChange" => in_format_change += 1,
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:vanish" if in_run_props && in_format_change == 0 => {
                    hidden_run =
                        val(&e).is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
                }
                b"w:tab" if !hidden_run => current.push('\t'),
                b"w:br" | b"w:cr" if !hidden_run => current.push(SOFT_BREAK),
                b"w:p" => {
                    if in_paragraph {
                        boxed.push((String::new(), None));
                    } else {
                        paragraphs.push(String::new());
                        outline.push(None);
                    }
                }
                b"w:pStyle" => {
                    if let Some(style) = val(&e).and_then(|id| styles.get(&id)) {
                        level = style.level.or(level);
                        number = style.number.clone().or(number);
                    }
                }
                b"w:numId" if in_num_pr => {
                    let ilvl = number.as_ref().map_or(0, |(_, l)| *l);
                    number = val(&e).map(|id| (id, ilvl));
                }
                b"w:ilvl" if in_num_pr => {
                    let ilvl = val(&e).and_then(|v| v.trim().parse().ok()).unwrap_or(0);
                    number = Some((number.map(|(id, _)| id).unwrap_or_default(), ilvl));
                }
                // Its own outline level overrides its style's; 9 is body text.
                b"w:outlineLvl" => level = val(&e).and_then(|v| outline_level(&v)),
                _ => {}
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:p" => {
                    if in_paragraph {
                        let text = join_soft_breaks(&std::mem::take(&mut current));
                        // The number Word draws before a list paragraph is no part of its
                        // text, but it is what a reader sees: 一、, （二）, 第三条.
                        let label = number
                            .take()
                            .and_then(|(id, ilvl)| numbering.label(&id, ilvl));
                        let line = match label {
                            Some(label) => label + &text,
                            None => text,
                        };
                        let mut lines = vec![(line, level.take())];
                        lines.append(&mut boxed);
                        match outer.pop() {
                            // A text box's paragraph: its lines follow the anchoring one's.
                            Some((text, l, n, mut before)) => {
                                before.append(&mut lines);
                                boxed = before;
                                current = text;
                                level = l;
                                number = n;
                                continue;
                            }
                            None => {
                                for (line, l) in lines {
                                    paragraphs.push(line);
                                    outline.push(l);
                                }
                            }
                        }
                    }
                    in_paragraph = false;
                }
                b"w:numPr" => in_num_pr = false,
                b"w:t" => in_text = false,
                b"w:rPr" => in_run_props = false,
                b"w:rPrChange" | b"w:pPrChange" => {
                    in_format_change = in_format_change.saturating_sub(1)
                }
                b"w:r" => hidden_run = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_text && !hidden_run => {
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
    Ok((paragraphs, outline))
}

/// A paragraph waiting while the text box it anchors is read: its text so far, outline level,
/// list and list level, and the lines already finished inside it.
type OpenParagraph = (
    String,
    Option<u8>,
    Option<(String, u8)>,
    Vec<(String, Option<u8>)>,
);

/// An attribute of an element, as text.
fn attr(e: &quick_xml::events::BytesStart<'_>, key: &str) -> Option<String> {
    e.try_get_attribute(key)
        .ok()
        .flatten()
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// The `w:val` attribute of an element.
fn val(e: &quick_xml::events::BytesStart<'_>) -> Option<String> {
    attr(e, "w:val")
}

/// Word's outline level (0 for the top, 9 for body text) as a heading level from 1.
fn outline_level(v: &str) -> Option<u8> {
    let n: u8 = v.trim().parse().ok()?;
    (n < 9).then_some((n + 1).min(MAX_OUTLINE_LEVEL))
}

/// The heading level of a style name: `heading 2` (as Word stores it, in any case), `标题 2`.
fn named_level(name: &str) -> Option<u8> {
    let name = name.trim().to_lowercase();
    let n = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("标题"))?
        .trim();
    let n: u8 = n.parse().ok()?;
    (1..=9).contains(&n).then_some(n.min(MAX_OUTLINE_LEVEL))
}

/// Deepest chain of `w:basedOn` followed.
const MAX_STYLE_DEPTH: usize = 8;

/// What a paragraph style gives its paragraphs: a heading's level, and a list's numbering.
#[derive(Debug, Default, Clone)]
struct StyleFacts {
    /// The style's outline level, else its name's number, else those of its base.
    level: Option<u8>,
    /// The list (`w:numId`) and list level its paragraphs are numbered at, its own or its
    /// base's.
    number: Option<(String, u8)>,
}

/// The paragraph styles of word/styles.xml, by style id, with the heading level and the
/// numbering they give.
fn paragraph_styles(xml: &str) -> std::collections::HashMap<String, StyleFacts> {
    use quick_xml::events::Event;
    // Per paragraph style: (outline level given, name's level, based on, numbering).
    struct Style {
        outline: Option<Option<u8>>,
        named: Option<u8>,
        based_on: Option<String>,
        num_id: Option<String>,
        ilvl: Option<u8>,
    }
    let mut styles: std::collections::HashMap<String, Style> = Default::default();
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut open: Option<(String, Style)> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:style" => {
                open = (attr(&e, "w:type").as_deref() == Some("paragraph"))
                    .then(|| attr(&e, "w:styleId"))
                    .flatten()
                    .map(|id| {
                        let style = Style {
                            outline: None,
                            named: None,
                            based_on: None,
                            num_id: None,
                            ilvl: None,
                        };
                        (id, style)
                    });
            }
            Ok(Event::Empty(e)) => {
                let Some((_, style)) = open.as_mut() else {
                    continue;
                };
                match e.name().as_ref() {
                    b"w:name" => style.named = val(&e).and_then(|n| named_level(&n)),
                    b"w:basedOn" => style.based_on = val(&e),
                    b"w:outlineLvl" => {
                        style.outline = Some(val(&e).and_then(|v| outline_level(&v)))
                    }
                    b"w:numId" => style.num_id = val(&e),
                    b"w:ilvl" => style.ilvl = val(&e).and_then(|v| v.trim().parse().ok()),
                    _ => {}
                }
            }
            Ok(Event::End(e)) if e.name().as_ref() == b"w:style" => {
                if let Some((id, style)) = open.take() {
                    styles.insert(id, style);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let level_of = |id: &str| {
        let mut id = id.to_string();
        for _ in 0..MAX_STYLE_DEPTH {
            let style = styles.get(&id)?;
            if let Some(outline) = style.outline {
                return outline;
            }
            if style.named.is_some() {
                return style.named;
            }
            id = style.based_on.clone()?;
        }
        None
    };
    let number_of = |id: &str| {
        let mut id = id.to_string();
        for _ in 0..MAX_STYLE_DEPTH {
            let style = styles.get(&id)?;
            if let Some(num_id) = &style.num_id {
                return Some((num_id.clone(), style.ilvl.unwrap_or(0)));
            }
            id = style.based_on.clone()?;
        }
        None
    };
    styles
        .keys()
        .map(|id| {
            let facts = StyleFacts {
                level: level_of(id),
                number: number_of(id),
            };
            (id.clone(), facts)
        })
        .collect()
}

/// Deepest list level Word has (`w:ilvl` 0 to 8).
const LIST_LEVELS: usize = 9;

/// One level of a list's numbering: where it starts, how its number is written (`numFmt`),
/// the label around it (`%1、`, `（%2）`, `第%1条`) and what follows the label.
#[derive(Debug, Clone, Default)]
struct ListLevel {
    start: u32,
    format: String,
    text: String,
    suffix: String,
    /// `w:lvlRestart`: starts over only when a level at most this (from 1) is numbered; 0
    /// never. None: after any level above it.
    restart: Option<u8>,
}

/// The lists of word/numbering.xml and their counters as the document is read: each
/// paragraph numbered at a list level counts one there, and the levels below it start over.
/// Lists (`w:num`) that share an abstract list count together, as Word numbers them, unless
/// one restarts a level (`w:startOverride`).
#[derive(Debug, Default)]
struct Numbering {
    /// Abstract lists by id: their levels.
    abstracts: std::collections::HashMap<String, Vec<ListLevel>>,
    /// Lists by id: their abstract list and the levels they restart, with the start.
    lists: std::collections::HashMap<String, (String, Vec<(u8, u32)>)>,
    /// Counters per abstract list and level; None where a level has not counted yet.
    counters: std::collections::HashMap<String, [Option<u32>; LIST_LEVELS]>,
    /// Lists whose restarts have been applied.
    started: std::collections::HashSet<String>,
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        use quick_xml::events::Event;
        let mut numbering = Numbering::default();
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut list_id: Option<String> = None;
        let mut level: Option<(u8, ListLevel)> = None;
        let mut override_level: Option<u8> = None;
        loop {
            let event = reader.read_event();
            let (e, start) = match &event {
                Ok(Event::Start(e)) => (e, true),
                Ok(Event::Empty(e)) => (e, false),
                Ok(Event::End(e)) => {
                    match e.name().as_ref() {
                        b"w:abstractNum" => abstract_id = None,
                        b"w:num" => list_id = None,
                        b"w:lvlOverride" => override_level = None,
                        b"w:lvl" => {
                            if let (Some(id), Some((ilvl, l))) = (&abstract_id, level.take()) {
                                let levels = numbering.abstracts.entry(id.clone()).or_default();
                                let at = usize::from(ilvl);
                                if at < LIST_LEVELS {
                                    if levels.len() <= at {
                                        levels.resize(at + 1, ListLevel::default());
                                    }
                                    levels[at] = l;
                                }
                            }
                        }
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => continue,
            };
            match e.name().as_ref() {
                b"w:abstractNum" if start => abstract_id = attr(e, "w:abstractNumId"),
                b"w:num" if start => list_id = attr(e, "w:numId"),
                b"w:lvl" if start && list_id.is_none() => {
                    let ilvl = attr(e, "w:ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let l = ListLevel {
                        start: 1,
                        format: "decimal".into(),
                        text: String::new(),
                        suffix: "tab".into(),
                        restart: None,
                    };
                    level = Some((ilvl, l));
                }
                b"w:start" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.start = val(e).and_then(|v| v.parse().ok()).unwrap_or(1);
                    }
                }
                b"w:numFmt" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.format = val(e).unwrap_or_default();
                    }
                }
                b"w:lvlText" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.text = val(e).unwrap_or_default();
                    }
                }
                b"w:suff" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.suffix = val(e).unwrap_or_default();
                    }
                }
                b"w:lvlRestart" => {
                    if let Some((_, l)) = level.as_mut() {
                        l.restart = val(e).and_then(|v| v.parse().ok());
                    }
                }
                b"w:abstractNumId" => {
                    if let (Some(id), Some(a)) = (&list_id, val(e)) {
                        numbering.lists.entry(id.clone()).or_default().0 = a;
                    }
                }
                b"w:lvlOverride" if start => {
                    override_level = attr(e, "w:ilvl").and_then(|v| v.parse().ok());
                }
                b"w:startOverride" => {
                    if let (Some(id), Some(ilvl), Some(n)) = (
                        &list_id,
                        override_level,
                        val(e).and_then(|v| v.parse().ok()),
                    ) {
                        numbering
                            .lists
                            .entry(id.clone())
                            .or_default()
                            .1
                            .push((ilvl, n));
                    }
                }
                _ => {}
            }
        }
        numbering
    }

    /// Counts a paragraph numbered at `ilvl` of list `list_id` and returns the label Word
    /// draws before it, with what follows the label; None for a bullet, an unnumbered level
    /// or a list the package does not define.
    fn label(&mut self, list_id: &str, ilvl: u8) -> Option<String> {
        let (abstract_id, overrides) = self.lists.get(list_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let at = usize::from(ilvl);
        let level = levels.get(at)?;
        let counters = self
            .counters
            .entry(abstract_id.clone())
            .or_insert([None; LIST_LEVELS]);
        if self.started.insert(list_id.to_string()) {
            for &(l, n) in overrides {
                if let Some(c) = counters.get_mut(usize::from(l)) {
                    *c = Some(n.saturating_sub(1));
                }
            }
        }
        let n = counters[at].map_or(level.start, |c| c.saturating_add(1));
        counters[at] = Some(n);
        for (d, deeper) in counters.iter_mut().enumerate().skip(at + 1) {
            // A level that never restarts (a law's articles numbered on across its chapters)
            // keeps counting.
            let restarts = levels
                .get(d)
                .and_then(|l| l.restart)
                .is_none_or(|r| at < usize::from(r));
            if restarts {
                *deeper = None;
            }
        }
        if matches!(level.format.as_str(), "bullet" | "none") || level.text.is_empty() {
            return None;
        }
        let mut label = level.text.clone();
        for (k, l) in levels.iter().enumerate().take(at + 1) {
            let value = counters[k].unwrap_or(l.start);
            label = label.replace(&format!("%{}", k + 1), &format_number(value, &l.format));
        }
        let ends_in_mark = label.ends_with(['、', '．', '）', ')', '】', '.']);
        let gap = match level.suffix.as_str() {
            "nothing" => "",
            _ if ends_in_mark => "",
            _ => " ",
        };
        Some(label + gap)
    }
}

/// A list number as Word writes it in `format` (`numFmt`): decimal, Chinese numerals, circled,
/// letters, roman; decimal for a format not listed.
fn format_number(n: u32, format: &str) -> String {
    const STEMS: [&str; 10] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "chineseLegalSimplified"
        | "ideographLegalTraditional" => chinese_numeral(n),
        "ideographTraditional" => STEMS
            .get((n as usize).wrapping_sub(1))
            .map_or_else(|| n.to_string(), |s| s.to_string()),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "upperLetter" | "lowerLetter" if n >= 1 => {
            let c = char::from(b'A' + ((n - 1) % 26) as u8);
            let s = c.to_string().repeat(((n - 1) / 26 + 1) as usize);
            if format == "lowerLetter" {
                s.to_lowercase()
            } else {
                s
            }
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let s = roman(n);
            if format == "lowerRoman" {
                s.to_lowercase()
            } else {
                s
            }
        }
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, as Word counts in Chinese.
fn chinese_numeral(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 || n >= 10_000 {
        return n.to_string();
    }
    let parts = [(n / 1000, '千'), (n / 100 % 10, '百'), (n / 10 % 10, '十')];
    let mut out = String::new();
    let mut zero = false;
    for (digit, unit) in parts {
        if digit == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        // 十一, not 一十一, when ten is the highest unit.
        if !(unit == '十' && digit == 1 && out.is_empty()) {
            out.push(DIGITS[digit as usize]);
        }
        out.push(unit);
    }
    if !n.is_multiple_of(10) {
        if zero {
            out.push('零');
        }
        out.push(DIGITS[(n % 10) as usize]);
    }
    out
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// Stands for a line break inside a paragraph until the paragraph is complete. (A private-use
/// character: a paragraph's own text never holds one that matters to a search.)
pub(super) const SOFT_BREAK: char = '\u{f8ff}';

/// A paragraph with each [`SOFT_BREAK`] removed between two Chinese characters or marks, and
/// made a space elsewhere (also for an .odt's `text:line-break`).
pub(super) fn join_soft_breaks(paragraph: &str) -> String {
    if !paragraph.contains(SOFT_BREAK) {
        return paragraph.to_string();
    }
    let chinese = |c: char| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = String::with_capacity(paragraph.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != SOFT_BREAK {
            out.push(c);
            continue;
        }
        let before = out.chars().last();
        let after = chars[i + 1..].iter().find(|&&c| c != SOFT_BREAK).copied();
        let joined = before.is_some_and(chinese) && after.is_some_and(chinese);
        if !joined && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn package(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buf);
            for (name, xml) in parts {
                zip.start_file(*name, zip::write::SimpleFileOptions::default())
                    .unwrap();
                zip.write_all(xml.as_bytes()).unwrap();
            }
            zip.finish().unwrap();
        }
        buf.into_inner()
    }

    const NS: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    #[test]
    fn numbers_are_written_as_word_writes_them() {
        let cn: Vec<String> = [1, 9, 10, 11, 20, 21, 100, 105, 110, 1005]
            .iter()
            .map(|&n| chinese_numeral(n))
            .collect();
        assert_eq!(
            cn,
            [
                "一",
                "九",
                "十",
                "十一",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十",
                "一千零五"
            ]
        );
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(7, "decimal"), "7");
    }

    /// Word's list numbers are drawn, not stored in the text: a paragraph numbered by its own
    /// `w:numPr` or by its style gets the label Word shows (一、 （一） 1. 第一条). Levels below a
    /// numbered one start over; two lists on one abstract list count on together unless one
    /// restarts; bullets get no label.
    #[test]
    fn list_paragraphs_get_the_numbers_word_draws() {
        let numbering = format!(
            "<w:numbering {NS}>\
             <w:abstractNum w:abstractNumId=\"0\">\
               <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>\
               <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>\
               <w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%3.\"/></w:lvl>\
             </w:abstractNum>\
             <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"第%1条\"/></w:lvl></w:abstractNum>\
             <w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>\
             <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
             <w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>\
             <w:num w:numId=\"3\"><w:abstractNumId w:val=\"1\"/></w:num>\
             <w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>\
             <w:num w:numId=\"5\"><w:abstractNumId w:val=\"2\"/></w:num>\
             <w:abstractNum w:abstractNumId=\"3\">\
               <w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"第%1章\"/></w:lvl>\
               <w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:lvlRestart w:val=\"0\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"第%2条\"/></w:lvl>\
             </w:abstractNum>\
             <w:num w:numId=\"6\"><w:abstractNumId w:val=\"3\"/></w:num>\
             </w:numbering>"
        );
        let styles = format!(
            "<w:styles {NS}><w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/>\
             <w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>"
        );
        let p = |num: &str, text: &str| {
            format!("<w:p><w:pPr>{num}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
        };
        let num = |id: u32, ilvl: u32| {
            format!("<w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{id}\"/></w:numPr>")
        };
        let body = [
            p("<w:pStyle w:val=\"1\"/>", "主要工作"),
            p(&num(1, 1), "深化改革"),
            p(&num(1, 2), "查办案件"),
            p(&num(1, 2), "开展检查"),
            p(&num(1, 1), "强化执法"),
            p(&num(1, 2), "新的一项"),
            p(&num(2, 0), "存在问题"),
            p("", "正文段落。"),
            p(&num(3, 0), "为了规范，制定本办法。"),
            p(&num(3, 0), "本办法适用于本市。"),
            p(&num(4, 0), "重新编号。"),
            p(&num(5, 0), "要点"),
            p(&num(0, 0), "不编号"),
            p(&num(6, 0), "总则"),
            p(&num(6, 1), "甲。"),
            p(&num(6, 0), "附则"),
            p(&num(6, 1), "乙。"),
        ]
        .concat();
        let document = format!("<w:document {NS}><w:body>{body}</w:body></w:document>");
        let bytes = package(&[
            ("word/document.xml", &document),
            ("word/styles.xml", &styles),
            ("word/numbering.xml", &numbering),
        ]);
        let (lines, outline) = docx_text(&bytes).unwrap();
        assert_eq!(
            lines,
            [
                "一、主要工作",
                "（一）深化改革",
                "1.查办案件",
                "2.开展检查",
                "（二）强化执法",
                "1.新的一项",
                "二、存在问题",
                "正文段落。",
                "第一条 为了规范，制定本办法。",
                "第二条 本办法适用于本市。",
                "第一条 重新编号。",
                "要点",
                "不编号",
                "第一章 总则",
                "第一条 甲。",
                "第二章 附则",
                "第二条 乙。",
            ]
        );
        assert_eq!(outline[0], Some(1), "the style's heading level stays");
        // Without numbering.xml, the text as stored.
        let bytes = package(&[("word/document.xml", &document)]);
        assert_eq!(docx_paragraphs(&bytes).unwrap()[0], "主要工作");
    }

    /// Hidden text (`w:vanish` in a run's properties) is not read: a reader of the document
    /// never sees it, so a search must not find it. A run that turns hiding off, a paragraph
    /// whose mark alone is hidden, and a run whose tracked change of formatting records that it
    /// was hidden before (`w:rPrChange`), keep their text.
    #[test]
    fn hidden_text_is_not_read() {
        let body = "<w:p><w:r><w:t>第一条　公开的内容。</w:t></w:r>\
             <w:r><w:rPr><w:b/><w:vanish/></w:rPr><w:t>起草说明：此处不公开。</w:t><w:tab/></w:r>\
             <w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>仍然可见。</w:t></w:r></w:p>\
             <w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>标记隐藏的段落。</w:t></w:r></w:p>\
             <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>整段隐藏。</w:t></w:r></w:p>\
             <w:p><w:r><w:rPr><w:b/><w:rPrChange w:id=\"1\" w:author=\"a\"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>曾经隐藏，现在可见。</w:t></w:r></w:p>";
        let document = format!("<w:document {NS}><w:body>{body}</w:body></w:document>");
        let bytes = package(&[("word/document.xml", &document)]);
        assert_eq!(
            docx_paragraphs(&bytes).unwrap(),
            [
                "第一条　公开的内容。仍然可见。",
                "标记隐藏的段落。",
                "",
                "曾经隐藏，现在可见。"
            ]
        );
    }
}
