//! Report facts: title, year, issuing body and date.
//!
//! This module owns the heuristics that find a report's facts in its kept lines. It knows
//! nothing of how sections are split.

use std::borrow::Cow;

use super::headings::{Heading, HeadingKind};

/// Characters of the longest line taken for a title (a title is a line, not a paragraph).
pub(super) const MAX_TITLE_CHARS: usize = 80;

/// Lines from the end searched for a signature (issuing body).
const SIGNATURE_LINES: usize = 4;
/// Most bodies signing one above the other (a joint report's signers).
const MAX_JOINT_SIGNERS: usize = 4;
/// Lines from the end searched for a signing date.
const SIGNING_DATE_LINES: usize = 3;

/// A signature line is short: at most this many characters.
const MAX_SIGNATURE_CHARS: usize = 30;

/// Lines from the top searched for a 来源/时间 publication date.
const PUBLICATION_DATE_LINES: usize = 30;

/// Words that end a title.
const TITLE_ENDINGS: &[&str] = &[
    "报告",
    "总结",
    "公报",
    "条例",
    "法",
    "规定",
    "办法",
    "决定",
    "意见",
    "通知",
    "纲要",
    "规划",
    "方案",
    "细则",
    "解释",
    "批复",
    "计划",
    "情况",
    "要点",
    "通报",
    "公告",
    "章程",
    "规则",
    "决议",
    "的函",
    "复函",
    "请示",
    "讲话",
    "纪要",
    "通告",
    "措施",
    "指引",
    "指南",
    "的说明",
    "起草说明",
    "编制说明",
    "公开说明",
];

/// Words that end a title standing alone (`2024年第一季度全市经济形势分析`, `2023年度部门决算`, `统计年鉴`)
/// but that also end a series', a table's or a part's name under a whole title (`…的报告` /
/// `一季度经济运行分析`, `…的通知` / `一般公共预算`): a title that ends as one does never goes on
/// with a line ending in these.
const WEAK_TITLE_ENDINGS: &[&str] = &["分析", "预算", "决算", "大事记", "简况", "年鉴"];

fn looks_like_title_line(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    ((4..=MAX_TITLE_CHARS).contains(&n) || is_short_law_name(t))
        && !t.ends_with(['。', '：', ':', '；', '，'])
        && !t.starts_with("各位代表")
        // A date alone (a page's publishing date above its text) names nothing.
        && !is_cn_date_alone(t)
}

/// A law named in two or three characters, as codes are (宪法, 刑法, 民法典, 物权法, and
/// Taiwan's 民法 and 憲法): too short for a title by length alone. Words that only end in 法
/// (办法, 做法, 执法, 依法) name no law.
fn is_short_law_name(t: &str) -> bool {
    const CODES: [&str; 5] = ["宪法", "憲法", "民法", "刑法", "商法"];
    const NOT_LAWS: [&str; 6] = ["办法", "辦法", "做法", "方法", "看法", "说法"];
    // Spaced out to a width as printed (`宪　　法`).
    let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.as_str();
    let n = t.chars().count();
    CODES.contains(&t)
        || n == 3
            && t.chars().all(crate::analysis::is_han)
            && (t.ends_with("法典")
                || t.ends_with('法') && !NOT_LAWS.iter().any(|w| t.ends_with(w)))
}

/// Province-level regions as a cover may name them without their suffix (`新疆`, `内蒙古`).
const PROVINCE_SHORT_NAMES: &[&str] = &[
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
];

/// Most characters of a place's name alone on a line (`新疆维吾尔自治区`, `广东省广州市天河区`).
const MAX_PLACE_ALONE_CHARS: usize = 12;

/// A place's name alone, as a title's first line may hold it: one place (`广东省`, `深圳市`,
/// `某某县`, `呼和浩特市`), places nested (`深圳市福田区`), an autonomous region
/// (`新疆维吾尔自治区`), or a province without its suffix (`新疆`). `全市`, `本省`, `各区`, `我县`
/// and `自治区` alone name no place.
pub(super) fn is_place_alone(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    // The endings of autonomous and special regions (`广西壮族自治区`, `延边朝鲜族自治州`).
    let mut region_suffixes = PLACE_SUFFIXES.iter().filter(|s| s.chars().count() > 1);
    if !(2..=MAX_PLACE_ALONE_CHARS).contains(&chars.len())
        || !chars.iter().all(|&c| crate::analysis::is_han(c))
        || PLACE_SUFFIXES.contains(&t)
    {
        return false;
    }
    PROVINCE_SHORT_NAMES.contains(&t)
        || region_suffixes.any(|s| t.len() > s.len() + 3 && t.ends_with(s))
        || place_units(&chars)
}

/// The place a line names alone ([`is_place_alone`]), also when it is spaced out to a width
/// (`深　圳　市`, as a masthead prints it).
fn place_alone(t: &str) -> Option<String> {
    let name = without_spaces(t);
    is_place_alone(&name).then_some(name)
}

/// A line without its spaces (`2024 年 1 月` reads 2024年1月, `第 300 号` 第300号).
fn without_spaces(t: &str) -> String {
    t.split_whitespace().collect()
}

/// What may follow a province's name written without its suffix, on the title's next line:
/// the rest of the name (`新疆` / `维吾尔自治区…`, `北京` / `市人民政府关于…`). 省 and 市 only
/// before an issuer's name: `北京` over `市场监管总局关于…` is a masthead.
const PROVINCE_NAME_RESTS: &[&str] = &[
    "自治区",
    "壮族自治区",
    "回族自治区",
    "维吾尔自治区",
    "特别行政区",
    "特区",
    "省人民",
    "市人民",
    "省政府",
    "市政府",
    "省委",
    "市委",
];

/// Whether a place's name alone on a line begins the title on the line under it, which does not
/// repeat it: a law's or a report's name goes on from the place (`广东省` / `安全生产条例`,
/// `新疆` / `维吾尔自治区安全生产条例`). A title opening with 关于 has its issuer before it, never
/// a bare place, and a province named without its suffix is the rest of a name only when the
/// suffix opens the next line: otherwise the place is a masthead (a portal's `北京` over
/// `关于…的通知`, `海南` over `海口市人民政府…`).
pub(super) fn place_begins_title(place: &str, next: &str) -> bool {
    is_place_alone(place)
        && !next.starts_with("关于")
        && !opens_with_whole_issuer(next)
        && (!PROVINCE_SHORT_NAMES.contains(&place)
            || PROVINCE_NAME_RESTS
                .iter()
                .any(|rest| next.starts_with(rest)))
}

/// Whether a title line opens with an issuer whose name needs no place before it
/// (`国务院关于…`, `财政部关于…`, `福田区人民政府关于…`): a place's name alone over it is a
/// masthead (`杭州市` / `国务院关于…` is no 杭州市国务院). A body named by its level or its
/// trade alone (`人民政府关于…`, `财政局关于…`) goes on from the place.
fn opens_with_whole_issuer(next: &str) -> bool {
    let Some(issuer) = issuer_before_guanyu_as_written(next) else {
        return false;
    };
    let first = issuer.split([' ', '、']).next().unwrap_or_default();
    MINISTRIES.contains(&first)
        || ["总局", "总署"].iter().any(|e| first.ends_with(e))
        || opens_with_place_or_nation(first, 5)
}

/// Whether a name opens with a national body's first words (国务院, 中共中央, 国家…) or with its
/// own place's name of three to `most` characters (福田区, 浙江省, 呼和浩特市).
fn opens_with_place_or_nation(name: &str, most: usize) -> bool {
    let chars: Vec<char> = name.chars().collect();
    NATIONAL_OPENERS.iter().any(|w| name.starts_with(w))
        || (3..=most.min(chars.len()))
            .any(|n| is_place_alone(&chars[..n].iter().collect::<String>()))
}

/// Longest place's name that may open a body after 关于: a verb and a city look like a place of
/// five characters (修缮深圳市 in 关于修缮深圳市人民政府办公楼的请示), which 呼和浩特市 is too.
const MAX_PLACE_AFTER_GUANYU_CHARS: usize = 4;

/// The State Council's ministries and commissions named without 国家 or 中华人民共和国, as their
/// documents open (`财政部关于…`), today's and earlier names: a 部 of a place (人民武装部,
/// 统战部) is named by its trade and goes on from the place.
const MINISTRIES: &[&str] = &[
    "外交部",
    "国防部",
    "教育部",
    "科学技术部",
    "科技部",
    "工业和信息化部",
    "工信部",
    "公安部",
    "国家安全部",
    "民政部",
    "司法部",
    "财政部",
    "人力资源和社会保障部",
    "人力资源社会保障部",
    "人社部",
    "自然资源部",
    "生态环境部",
    "住房和城乡建设部",
    "住房城乡建设部",
    "交通运输部",
    "水利部",
    "农业农村部",
    "商务部",
    "文化和旅游部",
    "退役军人事务部",
    "应急管理部",
    "审计署",
    "监察部",
    "铁道部",
    "卫生部",
    "文化部",
    "农业部",
    "国土资源部",
    "环境保护部",
    "建设部",
    "人事部",
    "劳动和社会保障部",
    "信息产业部",
    "交通部",
    "海关总署",
];

/// How the names of national bodies begin: none is part of a place's name.
const NATIONAL_OPENERS: &[&str] = &[
    "国务院",
    "中共中央",
    "中央",
    "全国",
    "国家",
    "中华人民共和国",
    "最高人民",
];

/// Whether `chars` are one or more places' names in a row, each of two to five characters and
/// ending in 省, 市, 县, 区, 州, 旗 or 盟 (`广东省`, `深圳市福田区`).
fn place_units(chars: &[char]) -> bool {
    chars.is_empty()
        || !matches!(
            chars[0],
            '全' | '本' | '各' | '我' | '该' | '此' | '市' | '省' | '县' | '区'
        ) && (2..=5.min(chars.len())).any(|n| {
            matches!(
                chars[n - 1],
                '省' | '市' | '县' | '縣' | '区' | '區' | '州' | '旗' | '盟'
            ) && place_units(&chars[n..])
        })
}

/// A line that reads as a whole title: a title's words, ending as a title ends.
fn is_whole_title_line(t: &str) -> bool {
    looks_like_title_line(t) && ends_like_title(t)
}

/// Whether a title ends in one of [`TITLE_ENDINGS`], before a note in brackets that may close
/// it (`…实施办法（试行）`, `…条例（草案）`, `城市总体规划（2017—2035年）`).
pub(super) fn ends_like_title(t: &str) -> bool {
    let t = t.trim_end();
    let t = match t.strip_suffix(['）', ')']) {
        Some(inner) => match inner.rfind(['（', '(']) {
            Some(at) if at > 0 => inner[..at].trim_end(),
            _ => t,
        },
        None => t,
    };
    TITLE_ENDINGS.iter().any(|e| t.ends_with(e))
        || WEAK_TITLE_ENDINGS.iter().any(|e| t.ends_with(e))
}

/// Whether a title ends in one of [`TITLE_ENDINGS`], not a weak one (see [`WEAK_TITLE_ENDINGS`]).
fn ends_strongly_like_title(t: &str) -> bool {
    ends_like_title(t) && !WEAK_TITLE_ENDINGS.iter().any(|e| t.trim_end().ends_with(e))
}

/// Most lines a title may span (a long name of a regulation wraps twice).
const MAX_TITLE_LINES: usize = 3;

/// The title: the first kept line before the first heading, after any citation, link and
/// metadata lines (or a Markdown `#` heading in first position), joined with up to two more
/// lines while it does not end like a title and they look like one (柳州: 法治政府 /
/// 建设工作报告; a regulation's name over three lines). A `标题：` metadata line names it
/// outright. Returns the title and how many kept lines it took (those lines stay in the
/// preamble).
pub(super) fn find_title(
    kept: &[(usize, &str)],
    headings: &[Option<Heading>],
    marked: &[Option<u8>],
    first_heading: usize,
    fields: &HeaderFields,
) -> (Option<String>, usize) {
    let skip = preface_lines(kept);
    if let Some(t) = &fields.title {
        // A Markdown title that repeats it (or a paragraph in a heading style) is one of the
        // title's lines, not a section.
        let markdown = |k: usize| {
            headings
                .get(k)
                .is_some_and(|h| h.as_ref().is_some_and(|h| h.kind == HeadingKind::Markdown))
        };
        let repeated = kept
            .get(skip)
            .is_some_and(|(_, l)| markdown(skip) && super::squeezed(l).eq(super::squeezed(t)));
        return (Some(t.clone()), skip + usize::from(repeated));
    }
    let Some((_, first)) = kept.get(skip) else {
        return (None, 0);
    };
    if let Some(Some(h)) = headings.get(skip) {
        // A site's name over the page's title, each in a heading of its own
        // (`<h1>平江县人民政府门户网站</h1>` / `<h2>平江县2023年…年度报告</h2>`): the second.
        // Spaced out on a cover too (`# 北　京　市` / `# 政　府　工　作　报　告`).
        let marked_title = |k: usize| {
            headings.get(k).and_then(Option::as_ref).is_some_and(|h| {
                let text = unspaced(h.text.trim());
                h.kind == HeadingKind::Markdown
                    && ends_like_title(&text)
                    && looks_like_title_line(&text)
                    && super::headings::numbered_heading(&text).is_none()
            })
        };
        if h.kind == HeadingKind::Markdown && !ends_like_title(&h.text) && marked_title(skip + 1) {
            let next = headings[skip + 1].as_ref().map(|n| unspaced(n.text.trim()));
            // A place's name over the rest of the title (`# 广东省` / `# 安全生产条例`) is part
            // of it, where it begins it (see `place_begins_title`).
            let place = unspaced(h.text.trim());
            let place = place.as_str();
            let next = match next {
                Some(next) if place_begins_title(place, &next) && !next.starts_with(place) => {
                    Some(format!("{place}{next}"))
                }
                next => next,
            };
            return (next, skip + 2);
        }
        // A Markdown title (`# 中华人民共和国民法典`), or a paragraph in Heading 1; or an
        // unnumbered heading that opens the document and that no heading marked after it
        // outranks: a web page's `<h2>` title over `<h3>` parts (or beside `<h2>` parts, when
        // it ends like a title), a law's `## 苏州市古城保护条例`. A date or a sentence so marked
        // is no title.
        let named = || {
            super::headings::numbered_heading(&h.text).is_none()
                && looks_like_title_line(&h.text)
                && !is_doc_number_line(h.text.trim())
        };
        let ranked = |strictly: bool| {
            marked.get(skip).copied().flatten().is_some_and(|top| {
                marked[skip + 1..]
                    .iter()
                    .flatten()
                    .all(|&m| m > top || !strictly && m == top)
            })
        };
        let title =
            h.level == 1 || named() && (ranked(true) || ranked(false) && ends_like_title(&h.text));
        if h.kind == HeadingKind::Markdown && title {
            return (Some(h.text.clone()), skip + 1);
        }
        return (None, 0);
    }
    let spaced_place = place_alone(first);
    let lone = spaced_place.as_deref().unwrap_or(first.trim());
    // A body's name alone over a title that opens with 关于 (`国务院` / `关于印发…的通知`, as a
    // masthead without 文件 sets it) is the title's issuer: the title is read with it.
    // So is a name that may be a body's (`三市镇`, `市科协`, `县第一中学`), or any of three
    // characters that reads as no motto (`省防指`); not a place's (a masthead, below), nor
    // `内部`, a classification.
    let names_body = is_signature(lone)
        && (opens_with_place_or_nation(lone, 5)
            || MINISTRIES.contains(&lone)
            || lone.starts_with("中共"))
        || lone.chars().count() >= 3
            && lone.chars().all(crate::analysis::is_han)
            && !is_place_alone(lone)
            && (may_name_body(lone) || lone.chars().count() == 3 && !reads_as_motto(lone));
    if names_body && skip + 1 < first_heading && kept[skip + 1].1.trim().starts_with("关于") {
        if let Some((next, lines)) = title_under(kept, skip + 1, first_heading) {
            return (Some(format!("{lone}{next}")), skip + 1 + lines);
        }
    }
    // A place's name alone on the first line (`某某省`, as a cover or a gazette sets it),
    // too short for a title line: read with the title under it, on one line or wrapped.
    let place = lone;
    // A motto between the place and a title that names the place again (`宁　波　市` /
    // `奋　进　新　征　程　　建　功　新　时　代` / `宁波市人民政府关于…`) is no part of the title.
    let motto = |k: usize| {
        let line = unspaced(kept[k].1.trim());
        !ends_like_title(&line)
            && !line.starts_with(place)
            && line.chars().all(crate::analysis::is_han)
            && kept
                .get(k + 1)
                .is_some_and(|(_, t)| t.trim().starts_with(place))
    };
    let from = if is_place_alone(place) && skip + 2 < first_heading && motto(skip + 1) {
        skip + 2
    } else {
        skip + 1
    };
    let under_place = (is_place_alone(place) && from < first_heading)
        .then(|| title_under(kept, from, first_heading))
        .flatten();
    // A title that names the place again (`广州市` / `广州市人民政府关于…`) is the title, and so
    // is one the place does not begin (a masthead's `城区` over `关于…的通知`). Under a province
    // named without its suffix, a line opening with 省 or 市 may be the rest of a name broken
    // anywhere (`北京` / `市民政局…`): neither.
    let broken_name =
        |next: &str| PROVINCE_SHORT_NAMES.contains(&place) && next.starts_with(['省', '市']);
    if let Some((next, lines)) = under_place.clone().filter(|(next, _)| {
        next.starts_with(place) || !place_begins_title(place, next) && !broken_name(next)
    }) {
        let taken = from + lines;
        let promulgated = promulgated_title(&next, kept, taken, first_heading);
        return (Some(promulgated.unwrap_or(next)), taken);
    }
    if let Some((next, lines)) = under_place.filter(|(next, _)| place_begins_title(place, next)) {
        // An announcement (`广东省` / `人民代表大会常务委员会公告`) is titled by what it publishes.
        let heading = format!("{place}{}", without_repeated_level(place, &next));
        let taken = from + lines;
        if let Some(promulgated) = promulgated_title(&heading, kept, taken, first_heading) {
            return (Some(promulgated), taken);
        }
        return (Some(heading), taken);
    }
    if first_heading <= skip || !looks_like_title_line(first) {
        return (None, 0);
    }
    if let Some(promulgated) = promulgated_title(first.trim(), kept, skip + 1, first_heading) {
        return (Some(promulgated), skip + 1);
    }
    // A place's name set over a document number or a date (see `preface_lines`) still begins a
    // title that needs it (`深圳市` / `深府〔2023〕12号` / `人民政府关于…`).
    let lead = kept[..skip]
        .iter()
        .rev()
        .find_map(|(_, t)| place_alone(t))
        .filter(|place| place_begins_title(place, first.trim()) && !first.trim().starts_with(place))
        .unwrap_or_default();
    let mut title = format!("{lead}{}", unspaced(first.trim()));
    let taken = read_on(&mut title, kept, skip, first_heading);
    if taken > 1 && !ends_like_title(&title) {
        // The lines did not make a title: keep the first alone.
        return (Some(format!("{lead}{}", unspaced(first.trim()))), skip + 1);
    }
    (Some(title), skip + taken)
}

/// The title that starts at kept line `from` (before `end`), as it stands under a place's or a
/// body's name: a line that ends as a title does, or up to [`MAX_TITLE_LINES`] lines joined
/// until they do (`人民政府关于进一步加强城市管理工作` / `的实施意见`), or else one line that
/// reads as a 关于 title (`…关于加快发展新型储能产业的行动计划（试行）`). Returns the title and
/// how many lines it took.
fn title_under(kept: &[(usize, &str)], from: usize, end: usize) -> Option<(String, usize)> {
    // Set out with a space between each character, as a cover prints it (`北　京　市` /
    // `政　府　工　作　报　告`).
    let first = unspaced(kept.get(from)?.1.trim());
    let first = first.as_str();
    // An order's name (`人民政府令`) is read with what it promulgates.
    if order_name(first).is_some_and(|(_, rest)| rest.is_empty()) {
        return Some((first.to_string(), 1));
    }
    if !continues_title("", first) {
        return None;
    }
    let mut title = first.to_string();
    let lines = read_on(&mut title, kept, from, end);
    if ends_like_title(&title) {
        return Some((title, lines));
    }
    // One line that reads as a 关于 title, not a sentence that opens with one (`…的实施意见已经
    // 市政府同意`).
    let guanyu = first
        .find("关于")
        .is_some_and(|at| first[at + "关于".len()..].chars().count() >= 4);
    (guanyu && !first.contains("已经")).then(|| (first.to_string(), 1))
}

/// Appends to `title`, whose first line is kept line `first`, the lines under it that go on with
/// it ([`continues_title`]), up to [`MAX_TITLE_LINES`] in all and before kept line `end`; returns
/// how many lines the title takes. A law's short name (民法典) is a whole title, whatever follows.
fn read_on(title: &mut String, kept: &[(usize, &str)], first: usize, end: usize) -> usize {
    let mut lines = 1;
    while !is_short_law_name(title)
        && lines < MAX_TITLE_LINES
        && first + lines < end.min(kept.len())
    {
        let next = unspaced(kept[first + lines].1.trim());
        if !continues_title(title, &next) {
            break;
        }
        title.push_str(&next);
        lines += 1;
    }
    lines
}

/// Whether line `next` goes on with the title read so far (empty for its first line): a
/// title-like line, or a title's short last line (`的通知`); once the title ends as one does, only
/// a line that ends as one too (`…若干措施` / `（2024年修订版）的通知`, `…管理办法（试行）` /
/// `实施细则的通知`), not a subtitle after a dash. No sentence, document number, date or preface
/// line is part of a title.
fn continues_title(title: &str, next: &str) -> bool {
    let short_tail = !title.is_empty()
        && ends_like_title(next)
        && next.chars().all(crate::analysis::is_han)
        && next.chars().count() < 4;
    // A document number without its issuer's prefix (`〔2023〕12号`).
    let number = next.starts_with(['〔', '[', '［']) && next.ends_with('号');
    // A row of short cells that did not read as a title spaced out (`科目　名称　年初　预算`).
    let row = {
        let mut cells = next.split_whitespace();
        cells.clone().count() >= 3 && cells.all(|c| c.chars().count() <= 2)
    };
    (looks_like_title_line(next) || short_tail)
        && !next.contains(['，', '；', '。'])
        && !is_preface_noise(next)
        && !number
        && !row
        && !is_date_line(next)
        // A signer's line (`县长　李新`) under an issuer's name.
        && !is_signer(next)
        && (!ends_like_title(title)
            || ends_strongly_like_title(next) && !opens_a_title(title, next))
}

/// Whether a line after a whole title starts a title of its own rather than going on with it: a
/// subtitle after a dash, a page's title repeated (`2026年上海市政府工作报告` twice), or a line
/// that opens as titles do (关于, a place's or a national body's name, a year).
fn opens_a_title(title: &str, next: &str) -> bool {
    let chars: Vec<char> = next.chars().take(5).collect();
    next.starts_with(['—', '-', '－'])
        || title.contains(next)
        || next.starts_with("关于")
        || opens_with_place_or_nation(next, 5)
        || year_at(&chars, 0).is_some()
}

/// The title under a place's name without the level that repeats the place's own (`深圳市` /
/// `市人民政府关于…` reads 深圳市人民政府关于…, not 深圳市市人民政府).
fn without_repeated_level<'a>(place: &str, next: &'a str) -> &'a str {
    let Some(level) = place.chars().last().filter(|c| "省市县区州".contains(*c)) else {
        return next;
    };
    match next.strip_prefix(level) {
        Some(rest)
            if ORG_SUFFIXES.iter().any(|s| rest.starts_with(s)) || rest.starts_with("人民") =>
        {
            rest
        }
        _ => next,
    }
}

/// A title set out with a space between each character, as a cover prints it
/// (`政　府　工　作　报　告`), without the spaces; any other title as it is.
fn unspaced(title: &str) -> String {
    let mut pieces = title.split_whitespace();
    let n = pieces.clone().count();
    // A short law's name, too (`宪　　法`, `刑　法`).
    let han = title
        .chars()
        .all(|c| c.is_whitespace() || crate::analysis::is_han(c));
    let spaced_out = (n >= 3 || n == 2 && han) && pieces.all(|p| p.chars().count() == 1);
    let joined = without_spaces(title);
    // Or by words of two (`政府　工作　报告`), where the words make a title.
    let by_words = || {
        (3..=4).contains(&n)
            && han
            && title.split_whitespace().all(|p| p.chars().count() <= 2)
            && ends_like_title(&joined)
    };
    if spaced_out || by_words() {
        joined
    } else {
        title.to_string()
    }
}

/// The title of what an order or an announcement (`最高人民法院公告`) promulgates. A law or
/// regulation published with its order opens
/// with the order (`中华人民共和国国务院令` / `第732号` / `《优化营商环境条例》已经…通过，现予公布…` /
/// the signer and date), and its own title stands on the last line before its first heading.
fn promulgated_title(
    first: &str,
    kept: &[(usize, &str)],
    from: usize,
    first_heading: usize,
) -> Option<String> {
    // An announcement set over its own title, after its number (`郑州市人民政府通告` /
    // `〔2024〕第5号` / `郑州市人民政府关于禁止燃放烟花爆竹的通告`), is titled by that.
    // Only right after the number: a line after a label (`原公告名称：`) or a sentence is another
    // announcement's, corrected or abolished.
    if first.ends_with("通告") || first.ends_with("公告") {
        // Its number alone (`〔2024〕第5号`) or a document number (`平公通〔2024〕5号`).
        let numbered = kept.get(from).is_some_and(|(_, t)| {
            let t = without_spaces(t);
            order_serial(&t).is_some() || is_doc_number_line(&t)
        });
        let own = kept
            .get(from + 1)
            .filter(|_| numbered && from + 1 < first_heading)
            .map(|(_, t)| t.trim())
            .filter(|t| {
                t.contains("关于")
                    && is_whole_title_line(t)
                    && (t.ends_with("通告") || t.ends_with("公告"))
            });
        if let Some(own) = own {
            return Some(own.to_string());
        }
    }
    // An order (国务院令), or a court's or a ministry's announcement that publishes it
    // (最高人民法院公告 over a 司法解释).
    let order = first.ends_with('令') || order_number(&[(0, first)]).is_some();
    if !(order || first.ends_with("公告")) || first_heading <= from {
        return None;
    }
    // Its version notes may stand between its title and its first heading, and so may its
    // table of contents (`目　　录` and the chapters it lists), which is searched before.
    let contents = kept[from..first_heading]
        .iter()
        .position(|(_, t)| t.chars().filter(|c| !c.is_whitespace()).eq("目录".chars()));
    let end = contents.map_or(first_heading, |at| from + at);
    // An announcement that introduces a list (`决定废止下列规范性文件：` / `关于…的通告` / …) or
    // the announcement it corrects (`原公告名称：`) publishes none of the titles that follow; one
    // that says `公布如下：` does.
    let lists = kept[from..end].iter().any(|(_, t)| {
        let t = t.trim_end();
        t.ends_with(['：', ':']) && LISTING_WORDS.iter().any(|w| t.contains(w))
    });
    if lists && !first.ends_with('令') {
        return None;
    }
    let at = (from..end).rev().take(PROMULGATED_TITLE_LINES).find(|&k| {
        let t = kept[k].1.trim();
        looks_like_title_line(t) && ends_like_title(t) && !t.starts_with(['（', '('])
    })?;
    let title = kept[at].1.trim();
    // Its issuer's name may stand on the line above (`最高人民法院` / `关于审理…的解释`), or joint
    // issuers' names one above the other.
    let names_issuer = |k: usize| {
        let above = kept[k].1.trim();
        is_signature(above) && (opens_with_place_or_nation(above, 5) || MINISTRIES.contains(&above))
    };
    let mut issuers: Vec<&str> = Vec::new();
    if title.starts_with("关于") {
        let mut k = at;
        while k > from && issuers.len() < MAX_JOINT_SIGNERS && names_issuer(k - 1) {
            k -= 1;
            issuers.insert(0, kept[k].1.trim());
        }
    }
    Some(format!("{}{title}", issuers.join("\u{3000}")))
}

/// Words of a line that introduces titles an announcement does not publish.
const LISTING_WORDS: &[&str] = &["下列", "废止", "原公告", "原通告", "更正"];

/// Lines before the first heading searched for the title an order promulgates: the title and
/// up to two lines of version notes.
const PROMULGATED_TITLE_LINES: usize = 3;

/// Lines that come before a title in downloaded notices and are not it: citation codes
/// (`【法宝引证码】CLI.2.…`), links (`原文链接：…`, URLs), metadata fields (`发文字号：…`), the
/// masthead of an official document (`白河县人民政府文件`) and its document number line
/// (`白政报〔2024〕3号　　签发人：刘志刚`).
fn is_preface_noise(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('【') && t.contains("引证码")
        || t.starts_with("CLI.")
        || t.starts_with("原文链接")
        || t.contains("://")
        || t.starts_with("www.")
        || header_field(t).is_some() && bare_label(t).is_none()
        || is_masthead(t)
        || is_masthead_rule(t)
        || is_doc_number_line(t)
        // A breadcrumb from the home page over the title (`首页 > 政务公开 > …`).
        || super::boilerplate::is_path_from_home(t)
        // A signer's line of its own under the number, and a note on how the document is
        // published (`（此件公开发布）`), as official documents print them.
        || t.starts_with("签发人")
        || t.starts_with(['（', '(']) && t.contains("此件") && t.chars().count() <= MAX_NOTE_CHARS
        || is_table_rule(t)
        // A header table's row of values, read with its labels (see [`header_columns`]).
        || t.is_empty()
}

/// Longest publication note in brackets (`（此件公开发布）`, `（此件不予公开）`), in characters.
const MAX_NOTE_CHARS: usize = 12;

/// How many lines at the top are preface noise ([`is_preface_noise`]), or the label of the
/// attachment the file is (`附件2`, as a report downloaded from its notice opens); a header label alone
/// (`索引号：`, a web page's table cell) takes the next line, its value, with it.
fn preface_lines(kept: &[(usize, &str)]) -> usize {
    let mut n = 0;
    while let Some((_, t)) = kept.get(n) {
        // A joint masthead names its first issuer on a line of its own
        // (`中共临川县委办公室` / `临川县人民政府办公室文件`).
        let joint = || {
            let name: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            is_masthead_name(&name) && kept.get(n + 1).is_some_and(|(_, next)| is_masthead(next))
        };
        // A letter's or a notice's masthead may be its issuer's name alone, without 文件
        // (`湖南省财政厅` / `湘财预函〔2024〕8号`, or `北京市人民政府` / `北京市人民政府关于…`).
        let lone_issuer = || {
            let name: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            is_masthead_name(&name)
                && ORG_SUFFIXES.iter().any(|s| name.ends_with(s))
                && kept.get(n + 1).is_some_and(|(_, next)| {
                    let next = next.trim();
                    is_doc_number_line(next)
                        || next
                            .strip_prefix(name.as_str())
                            .is_some_and(|rest| rest.starts_with("关于"))
                })
        };
        let attachment_label = n == 0 && super::attachment_number(t.trim()).is_some();
        // A place's name alone over a document number or a date is a portal's or a gazette's
        // masthead (`深圳市` / `深府〔2023〕12号`), and a date alone over the title is the date of
        // the page (`2023年12月1日` / `关于…的通知`): neither is the title.
        let place_masthead = || {
            place_alone(t).is_some()
                && kept.get(n + 1).is_some_and(|(_, next)| {
                    is_doc_number_line(next.trim())
                        || kept
                            .get(n + 2)
                            .is_some_and(|(_, title)| date_apart_from(next, title))
                })
        };
        // A masthead whose issuer's name is broken after its place (`广州市` / `发展和改革委员会`),
        // over the document number or a title that names the issuer whole.
        let place_and_body = || {
            let (Some(place), Some((_, body))) = (place_alone(t), kept.get(n + 1)) else {
                return false;
            };
            let body = body.trim();
            is_signature(body)
                && kept.get(n + 2).is_some_and(|(_, after)| {
                    let after = after.trim();
                    is_doc_number_line(after)
                        || after
                            .strip_prefix(format!("{place}{body}").as_str())
                            .is_some_and(|rest| rest.starts_with("关于"))
                })
        };
        if place_and_body() {
            n += 2;
            continue;
        }
        let date_over_title = || page_date_over_title(kept, n).is_some();
        // A site's name over the title, as a page copied to text keeps it
        // (`杭州市人民政府门户网站` / `杭州市司法局2023年法治政府建设年度报告`).
        let site_name = || {
            let name = t.trim();
            is_masthead_name(name)
                && SITE_NAME_ENDINGS.iter().any(|e| name.ends_with(e))
                && kept.get(n + 1).is_some_and(|(_, next)| {
                    // A title that stands alone: it names its place, a national body or what it
                    // is about (`湖南省政务服务网` / `使用指南` is one title), or is a breadcrumb.
                    let next = next.trim();
                    super::boilerplate::is_path_from_home(next)
                        || looks_like_title_line(next)
                            && (next.starts_with("关于") || opens_with_place_or_nation(next, 5))
                })
        };
        // A column's name or a motto over a title that opens with 关于 and stands whole on its
        // line (`督查督办` / `关于开展…督察的通知`): it names no issuer, so it is no part of the
        // title, as a body's or a place's name there would be.
        let over_guanyu = || {
            let name = t.trim();
            (2..=MAX_SLOGAN_CHARS).contains(&name.chars().count())
                && name.chars().all(crate::analysis::is_han)
                && reads_as_motto(name)
                && !may_name_body(name)
                && !MINISTRIES.contains(&name)
                && !opens_with_place_or_nation(name, 5)
                && place_alone(name).is_none()
                && !ends_like_title(name)
                && kept.get(n + 1).is_some_and(|(_, next)| {
                    let next = next.trim();
                    next.starts_with("关于") && is_whole_title_line(next)
                })
        };
        // A site's column over the title, named (`信息公开`) or as a tag on its own line
        // (`【政策解读】`).
        let column = || {
            let tag = t
                .trim()
                .strip_prefix('【')
                .and_then(|r| r.strip_suffix('】'));
            (is_column_label(t)
                || tag.is_some_and(|tag| tag.chars().count() <= MAX_COLUMN_TAG_CHARS))
                && kept.get(n + 1).is_some_and(|(_, next)| {
                    let next = next.trim();
                    looks_like_title_line(next) && next.chars().count() > t.trim().chars().count()
                })
        };
        // A row of labels over a row of their values, a cell per line.
        if let Some(width) = label_row_width(kept, n) {
            n += 2 * width;
            continue;
        }
        // A row of labels whose values do not line up with them (a cell was empty): the labels,
        // and the values that follow them as far as they fit one of the labels.
        let kinds: Vec<u8> = kept[n..]
            .iter()
            .map_while(|(_, t)| bare_label(t.trim()))
            .collect();
        if kinds.len() >= 2 {
            n += kinds.len();
            let values = kept[n..]
                .iter()
                .take(kinds.len())
                .take_while(|(_, v)| {
                    let v = v.trim();
                    !ends_like_title(v) && kinds.iter().any(|&k| value_fits(k, v))
                })
                .count();
            n += values;
            continue;
        }
        // `标题` alone after other fields is a label too; a label without its colon is one where
        // the next line is a value it can name.
        let title_label = n > 0 && is_title_label(t);
        // A label whose cell is empty stands over the next label, and one may hold a
        // placeholder (`无`, `待定`, `—`) that is no value.
        let bare = bare_label(t.trim()).is_some_and(|kind| {
            kept.get(n + 1).is_some_and(|(_, v)| {
                let v = v.trim();
                value_fits(kind, v)
                    || bare_label(v).is_some()
                    || v.chars().count() <= MAX_PLACEHOLDER_CHARS && !ends_like_title(v)
            })
        });
        if !is_preface_noise(t)
            && !title_label
            && !bare
            && !joint()
            && !lone_issuer()
            && !attachment_label
            && !column()
            && !over_guanyu()
            && !site_name()
            && !place_masthead()
            && !date_over_title()
        {
            break;
        }
        // Its value is the next line, unless that is a field too (`文号：` / `索引号：` / …).
        let label_alone = title_label
            || bare
            || bare_label(t.trim()).is_none()
                && header_field(t.trim()).is_some_and(|(_, value)| value.is_empty());
        let value_next = kept
            .get(n + 1)
            .is_some_and(|(_, next)| header_field(next.trim()).is_none());
        n += if label_alone && value_next { 2 } else { 1 };
    }
    n.min(kept.len())
}

/// How a government site's name ends (`…门户网站`, `中国政府网`, `…政务服务网`).
const SITE_NAME_ENDINGS: &[&str] = &["网站", "政府网", "政务网", "服务网", "门户网"];

/// Whether a line may be a body's name, read loosely: a signature's name, or a name that ends
/// as a bank's, a university's, a company's, a people's organisation's, an office's or a
/// township's does (中国人民银行, 中国证监会, 共青团中央, 北京大学, 某某集团有限公司, 县委党史研究室,
/// 干部科, 预算股, 朝阳门街道, 板桥村, 市科协, 长沙高新区).
fn may_name_body(name: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "会", "行", "中央", "大学", "学院", "学校", "公司", "集团", "联", "组", "司", "社", "团",
        "所", "站", "台", "队", "处", "馆", "校", "室", "科", "股", "街道", "镇", "乡", "村", "协",
        "区", "学", "园", "厂", "场",
    ];
    is_signature(name)
        || ENDINGS.iter().any(|e| name.ends_with(e))
            && !NOT_BODIES.iter().any(|w| name.ends_with(w))
}

/// Whether a short line reads as a column's name or a motto rather than a name: it ends in a verb
/// (`督查督办`, `接诉即办`) or the centre of a motto (`坚持以人民为中心`), or opens with a verb or an
/// adverb that mottos open with (`全面深化改革`), or names a way of modernising (`中国式现代化`),
/// or is a bulletin's series, a cause or a mark of urgency (`信息专报`, `平安建设`, `特急`). A name
/// that is none of these (`县自来水厂`, `县第一中学`, `赤山监狱`) may be a body's: the title keeps
/// it, and so it keeps a motto's words that end as a name does (`奋进小学`, `学习强国湖南学习平台`).
fn reads_as_motto(name: &str) -> bool {
    const OPENERS: &[&str] = &[
        "坚持", "打造", "推进", "推动", "全面", "深化", "奋进", "奋力", "聚焦", "加快", "争创",
        "实施", "弘扬", "践行", "砥砺", "勇当", "建设", "构建", "助力", "守护", "喜迎", "学习",
    ];
    // A bulletin's series (`信息专报`) or a cause (`平安建设`), and marks of urgency or secrecy.
    const ENDINGS: &[&str] = &["专报", "简报", "快报", "建设"];
    const MARKS: &[&str] = &[
        "特急",
        "加急",
        "急件",
        "特急件",
        "特提",
        "平急",
        "内部",
        "内部资料",
        "秘密",
        "机密",
        "绝密",
    ];
    NOT_BODIES.iter().any(|w| name.ends_with(w))
        || ENDINGS.iter().any(|w| name.ends_with(w))
        || MARKS.contains(&name)
        || OPENERS.iter().any(|w| name.starts_with(w))
        || name.contains("现代化")
}

/// Longest column's name or motto over a 关于 title (`坚持以人民为中心`), in characters.
const MAX_SLOGAN_CHARS: usize = 10;

/// Longest site column tag in brackets before a title, in characters.
const MAX_COLUMN_TAG_CHARS: usize = 20;
/// Fewest characters of a title left once its column tag is taken off.
const MIN_TAGGED_TITLE_CHARS: usize = 6;

/// A title without the site's column tag in lenticular brackets that a page copied to text
/// may put before it (`【法治政府建设年度报告】朝阳区建外街道…报告`).
pub(super) fn without_column_tag(title: String) -> String {
    let untagged = title.strip_prefix('【').and_then(|rest| {
        let (tag, after) = rest.split_once('】')?;
        let after = after.trim_start();
        (tag.chars().count() <= MAX_COLUMN_TAG_CHARS
            && after.chars().count() >= MIN_TAGGED_TITLE_CHARS)
            .then(|| after.to_string())
    });
    untagged.unwrap_or(title)
}

/// A site's column names that a copied page may open with, above its title.
const COLUMN_LABELS: &[&str] = &[
    "通知公告",
    "新闻发布",
    "图片新闻",
    "年度报告",
    "规划计划",
    "计划总结",
    "政策文件",
    "规范性文件",
    "部门文件",
    "法治政府建设",
    "法治建设",
];

/// How a site's column name ends (`信息公开`, `政务动态`, `专题专栏`, `工作要闻`).
const COLUMN_LABEL_ENDINGS: &[&str] = &["公开", "动态", "专栏", "栏目", "要闻", "资讯", "解读"];

/// Longest column name read by its ending, in characters.
const MAX_COLUMN_LABEL_CHARS: usize = 6;

/// Whether a line is a site's column name alone (`信息公开`), which a page copied to text
/// keeps above the title.
fn is_column_label(t: &str) -> bool {
    let t = t.trim();
    COLUMN_LABELS.contains(&t)
        || t.chars().count() <= MAX_COLUMN_LABEL_CHARS
            && COLUMN_LABEL_ENDINGS.iter().any(|e| t.ends_with(e))
}

/// Longest masthead of an official document (红头: `中共某某县委员会办公室文件`).
const MAX_MASTHEAD_CHARS: usize = 30;

/// An official document's masthead: an issuer's name followed by 文件, alone on its line.
fn is_masthead(t: &str) -> bool {
    // Printed spaced out (`临 川 县 人 民 政 府 文 件`) in many text copies.
    let name: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(issuer) = name
        .strip_suffix("文件")
        .or_else(|| name.strip_suffix('函'))
    else {
        return false;
    };
    issuer.chars().count() >= 2 && is_masthead_name(&name)
}

/// A line that may be (part of) a masthead: short, no sentence punctuation, no 关于.
fn is_masthead_name(name: &str) -> bool {
    name.chars().count() <= MAX_MASTHEAD_CHARS
        && !name.contains("关于")
        && !name.contains(['，', '。', '：', '、', '《', '（', '(', ',', ':'])
}

/// A rule under a masthead: a line of rule and star characters only (`━━━━★━━━━`).
fn is_masthead_rule(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() >= 3
        && t.chars()
            .all(|c| "━─—-_=*★☆·".contains(c) || c.is_whitespace())
}

/// A header line that holds a document number and nothing but header fields: the number alone,
/// or beside a `签发人：…` field.
pub(super) fn is_doc_number_line(t: &str) -> bool {
    let Some(n) = header_doc_number(t) else {
        return false;
    };
    let rest = t.replacen(&n, "", 1);
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with("签发人")
}

/// Metadata fields of a notice's header, as government sites and law databases print them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderFields {
    /// `标题：`
    pub title: Option<String>,
    /// `发文机关：`, `发布部门：`
    pub org: Option<String>,
    /// `发文字号：`
    pub doc_number: Option<String>,
    /// `成文日期：`: when the document was signed.
    pub date: Option<String>,
    /// `发布日期：`, `公布日期：`: when a site published it, used when the document itself shows
    /// no signing date.
    pub published: Option<String>,
}

/// Lines searched for the end of a Markdown front matter block.
const FRONT_MATTER_LINES: usize = 40;

/// A Markdown file's front matter (`---`, `key: value` lines, `---` or `...`): how many lines it
/// takes and the fields it gives (`title`, `date`, and `author`, `publisher` or `org` for the
/// issuing body; quotes around a value dropped).
pub(super) fn front_matter(lines: &[String]) -> Option<(usize, HeaderFields)> {
    if lines.first()?.trim_start_matches('\u{feff}').trim() != "---" {
        return None;
    }
    let end = lines
        .iter()
        .take(FRONT_MATTER_LINES)
        .skip(1)
        .position(|l| matches!(l.trim(), "---" | "..."))?
        + 1;
    // Every line of it is a YAML key (Latin letters), a list item under one, or blank: a text
    // that merely opens with a rule keeps its lines.
    let yaml = |l: &String| {
        let t = l.trim_end();
        t.trim().is_empty()
            || t.trim_start().starts_with("- ")
            || t.split_once(':').is_some_and(|(k, _)| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            })
    };
    if !lines[1..end].iter().all(yaml) {
        return None;
    }
    let mut f = HeaderFields::default();
    for line in &lines[1..end] {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        let slot = match key.trim() {
            "title" => &mut f.title,
            "date" => &mut f.date,
            "author" | "publisher" | "org" => &mut f.org,
            _ => continue,
        };
        slot.get_or_insert_with(|| value.to_string());
    }
    Some((end + 1, f))
}

/// Labels of header fields, and which field each fills.
const HEADER_LABELS: &[(&str, u8)] = &[
    ("标题", 0),
    ("名称", 0),
    ("发文机关", 1),
    ("发布部门", 1),
    ("发布机关", 1),
    ("制定机关", 1),
    ("发布机构", 1),
    ("发文单位", 1),
    ("发文字号", 2),
    ("文号", 2),
    ("成文日期", 3),
    ("发文日期", 3),
    ("发布日期", 5),
    ("公布日期", 5),
    ("施行日期", 4),
    ("实施日期", 4),
    ("索引号", 4),
    ("主题分类", 4),
    ("效力级别", 4),
    ("时效性", 4),
    ("法规类别", 4),
    ("主题词", 4),
];

/// Lines from the top searched for header fields and a document number.
const HEADER_LINES: usize = 20;

/// `label：value` when `label` is a header label; the field kind and the value.
fn header_field(t: &str) -> Option<(u8, &str)> {
    // A label alone, without its colon, as a web page's table cell holds it (`索引号`), its
    // value in the next cell. `名称` and `标题` alone are as often a table's column or a site's
    // search form (`标题` / `全文`): `标题` counts only among other fields
    // ([`is_title_label`]).
    let squeezed = || t.chars().filter(|c| !c.is_whitespace());
    if let Some(&(label, kind)) = HEADER_LABELS.iter().find(|(l, _)| squeezed().eq(l.chars())) {
        return (!matches!(label, "名称" | "标题")).then_some((kind, ""));
    }
    let (label, value) = t.split_once(['：', ':'])?;
    // Labels are spaced out to a width (`文　　号：`).
    let label: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    HEADER_LABELS
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, kind)| (*kind, value.trim()))
}

/// A table row of header cells (`| 索引号 | 11440300/2024-00123 | 发布机构 | 某某局 |` in Markdown,
/// or cells between tabs) as the header line it stands for, each label before its value
/// (`索引号：11440300/2024-00123　　发布机构：某某局`); None for any other line.
pub(super) fn header_row(t: &str) -> Option<String> {
    let cells = table_cells(t)?;
    let field_label = |c: &str| header_field(c).is_some_and(|(_, v)| v.is_empty());
    // Among a row's cells, `标题` is a label too when the row holds another.
    let titled =
        cells.iter().any(|c| field_label(c)) || cells.first().is_some_and(|c| is_title_label(c));
    let label = |c: &str| field_label(c) || titled && is_title_label(c);
    if !cells.first().is_some_and(|c| label(c)) {
        return None;
    }
    let kind = |c: &str| header_field(c).map_or(0, |(k, _)| k);
    let mut fields = Vec::new();
    for (j, cell) in cells.iter().enumerate() {
        let value = cells
            .get(j + 1)
            .filter(|v| !v.is_empty() && !label(v) && value_fits(kind(cell), v));
        if let (true, Some(value)) = (label(cell), value) {
            let name = cell.trim_end_matches(['：', ':']);
            fields.push(format!("{name}：{value}"));
        }
    }
    (!fields.is_empty()).then(|| fields.join("\u{3000}\u{3000}"))
}

/// The cells of a table's row: a Markdown row (`| a | b |`) or cells between tabs.
fn table_cells(t: &str) -> Option<Vec<&str>> {
    let t = t.trim();
    match t.strip_prefix('|').and_then(|r| r.strip_suffix('|')) {
        Some(inner) => Some(inner.split('|').map(str::trim).collect()),
        None if t.contains('\t') => Some(t.split('\t').map(str::trim).collect()),
        None => None,
    }
}

/// A row of labels over a row of their values (`| 索引号 | 发布机构 |` / `|---|---|` /
/// `| 11440300… | 某某局 |`, or the same between tabs), as one header line
/// (`索引号：11440300…　　发布机构：某某局`), and how many lines after the labels' the values'
/// row stands; None when `t` is no such row of labels.
pub(super) fn header_columns(t: &str, after: &[&str]) -> Option<(String, usize)> {
    let labels = table_cells(t)?;
    let kinds: Vec<u8> = labels
        .iter()
        .map(|c| bare_label(c).or_else(|| is_title_label(c).then_some(0)))
        .collect::<Option<_>>()?;
    if kinds.len() < 2 {
        return None;
    }
    let skip = usize::from(after.first().is_some_and(|r| is_table_rule(r)));
    let values = table_cells(after.get(skip)?)?;
    if values.len() != labels.len()
        || !kinds
            .iter()
            .zip(&values)
            .all(|(&k, v)| v.is_empty() || value_fits(k, v))
    {
        return None;
    }
    let fields: Vec<String> = labels
        .iter()
        .zip(&values)
        .filter(|(_, v)| !v.is_empty())
        .map(|(l, v)| format!("{}：{v}", l.trim_end_matches(['：', ':'])))
        .collect();
    Some((fields.join("\u{3000}\u{3000}"), skip + 1))
}

/// `标题` alone (or with its colon), a label only where other header fields stand around it.
fn is_title_label(t: &str) -> bool {
    t.trim_end_matches(['：', ':'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .eq("标题".chars())
}

/// A header label alone, without its colon (`索引号`, a web page's table cell), and its kind.
fn bare_label(t: &str) -> Option<u8> {
    if t.contains(['：', ':']) {
        return None;
    }
    header_field(t).map(|(kind, _)| kind)
}

/// Longest placeholder a header table holds for a value it lacks (`无`, `待定`, `暂无`).
const MAX_PLACEHOLDER_CHARS: usize = 2;

/// How many labels stand in the row of labels without colons that opens at `k`, when a row of
/// values that fit them follows it, a cell per line (`索引号` / `发布机构` / `11440300…` /
/// `某某局`); None otherwise (a label with an empty cell before the next label and its value).
fn label_row_width(kept: &[(usize, &str)], k: usize) -> Option<usize> {
    let kinds: Vec<u8> = kept[k..]
        .iter()
        .map_while(|(_, t)| bare_label(t.trim()))
        .collect();
    let values = kept.get(k + kinds.len()..k + 2 * kinds.len())?;
    (kinds.len() >= 2
        && kinds
            .iter()
            .zip(values)
            .all(|(&kind, (_, v))| value_fits(kind, v.trim())))
    .then_some(kinds.len())
}

/// Whether `value` can be what a label of `kind` names: a label without its colon may head a
/// table's column instead (`| 文号 | 名称 |`, `| 标题 | 日期 |`), its neighbour then no value.
/// A document number holds 〔 or 号, a date is one, an issuer has three characters or more and
/// no digit, a title looks like one.
fn value_fits(kind: u8, value: &str) -> bool {
    let digit = || {
        value
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    };
    // Another label is no value (a row of labels over a row of values).
    if bare_label(value).is_some() || is_title_label(value) {
        return false;
    }
    match kind {
        0 => looks_like_title_line(value) && !is_doc_number_line(value) && !is_cn_date_alone(value),
        1 => value.chars().count() >= 3 && !digit(),
        2 => value.contains(['〔', '[', '［', '号']),
        3 | 5 => find_cn_date(value).is_some() || find_iso_date(value).is_some(),
        _ => true,
    }
}

/// A Markdown table's rule under its header row (`|---|:---:|`).
pub(super) fn is_table_rule(t: &str) -> bool {
    let t = t.trim();
    t.starts_with('|') && t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// The fields of a header line that holds several, set apart by spaces (`发布机构：临湘市司法局
/// 　　发文日期：2024-01-22`): a field ends where a run of spaces is followed by another label
/// (a few characters and a colon).
fn field_chunks(line: &str) -> Vec<&str> {
    const MAX_LABEL_CHARS: usize = 8;
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut search = 0;
    while let Some(gap) = line[search..].find(|c: char| c.is_whitespace()) {
        let gap = search + gap;
        let after = gap + line[gap..].len() - line[gap..].trim_start().len();
        let spaces = &line[gap..after];
        let wide = spaces.chars().count() >= 2 || spaces.contains(['\u{3000}', '\t']);
        let label = line[after..]
            .split_once(['：', ':'])
            .map(|(label, _)| label)
            .filter(|l| !l.is_empty() && l.chars().count() <= MAX_LABEL_CHARS)
            .filter(|l| !l.contains(|c: char| c.is_whitespace() || "，。；、".contains(c)));
        // Only after a field of its own: `文　　号：…` is one label spaced out.
        let has_field = line[start..gap].contains(['：', ':']);
        if wide && has_field && label.is_some() && after < line.len() {
            chunks.push(line[start..gap].trim());
            start = after;
        }
        search = after.max(gap + 1);
        if search >= line.len() {
            break;
        }
    }
    chunks.push(line[start..].trim());
    chunks
}

/// The header fields among the first lines.
pub(super) fn header_fields(kept: &[(usize, &str)]) -> HeaderFields {
    let mut f = HeaderFields::default();
    let mut seen_field = false;
    for (i, (_, line)) in kept.iter().take(HEADER_LINES).enumerate() {
        let chunks = field_chunks(line.trim());
        let alone = chunks.len() == 1;
        for chunk in chunks {
            let field = header_field(chunk).or_else(|| {
                // `标题` alone, after other fields: a web page's table cell.
                (alone && seen_field && is_title_label(chunk)).then_some((0, ""))
            });
            let Some((kind, value)) = field else {
                continue;
            };
            // Labels without colons in a row of their own, the values in the row after them, a
            // cell per line (`索引号` / `发布机构` / `11440300…` / `某某局`): each label's value
            // stands as many lines on as there are labels.
            if alone && bare_label(chunk).is_some() {
                let run_start = (0..=i)
                    .rev()
                    .take_while(|&j| bare_label(kept[j].1.trim()).is_some())
                    .last()
                    .unwrap_or(i);
                if let Some(width) = label_row_width(kept, run_start) {
                    let value = kept[i + width].1.trim();
                    seen_field = true;
                    set_field(&mut f, kind, value);
                    continue;
                }
            }
            // A label alone on its line (a web page's table cell) has its value on the next.
            let value = match kept.get(i + 1) {
                Some((_, next))
                    if alone
                        && value.is_empty()
                        && header_field(next.trim()).is_none()
                        && (bare_label(chunk).is_none() || value_fits(kind, next.trim())) =>
                {
                    next.trim()
                }
                _ => value,
            };
            if value.is_empty() {
                continue;
            }
            seen_field = true;
            set_field(&mut f, kind, value);
        }
    }
    f
}

/// Keeps `value` as the field of `kind`, unless one came before it.
fn set_field(f: &mut HeaderFields, kind: u8, value: &str) {
    let slot = match kind {
        0 => &mut f.title,
        1 => &mut f.org,
        2 => &mut f.doc_number,
        3 => &mut f.date,
        5 => &mut f.published,
        _ => return,
    };
    slot.get_or_insert_with(|| value.to_string());
}

/// Words of the notes under a law's title that date a version of it.
const VERSION_WORDS: &[&str] = &["通过", "修正", "修订", "修改", "公布", "发布", "批准"];

/// Lines after the title searched for version notes.
const VERSION_NOTE_LINES: usize = 10;

/// The year of a law's version: the latest year of a date in the notes under its title
/// (`（1989年4月4日…通过　根据2017年6月27日…修正）`).
pub(super) fn version_year(kept: &[(usize, &str)], from: usize, body_start: usize) -> Option<u32> {
    let notes: Vec<&str> = kept
        .iter()
        .take(body_start)
        .skip(from)
        .take(VERSION_NOTE_LINES)
        .map(|(_, t)| *t)
        .collect();
    let versioned = |t: &str| VERSION_WORDS.iter().any(|w| t.contains(w));
    // A note may wrap inside the name of a meeting: `2020年11月9日 最高人民法院审判委员会` /
    // `第1815次会议通过，…`.
    let wrapped = |j: usize| {
        notes
            .get(j + 1)
            .is_some_and(|next| next.trim_start().starts_with('第') && versioned(next))
    };
    (0..notes.len())
        .filter(|&j| versioned(notes[j]) || wrapped(j))
        .flat_map(|j| version_dates(notes[j]))
        .max()
}

/// The years of the dates in a version note, without the date it takes effect
/// (`已经2019年10月8日…通过，现予公布，自2020年1月1日起施行`: 2019).
fn version_dates(t: &str) -> Vec<u32> {
    t.split('自')
        .enumerate()
        .flat_map(|(i, part)| {
            let mut years = years_of_dates(part);
            // The date right after a 自 is when it takes effect.
            if i > 0 && part.starts_with(|c: char| c.is_ascii_digit()) && !years.is_empty() {
                years.remove(0);
            }
            years
        })
        .collect()
}

/// Articles from the end of a law searched for the date it took effect.
const EFFECTIVE_DATE_ARTICLES: usize = 3;

/// The year a law took effect, for a law whose notes give no version: the date of its
/// `本条例自2002年7月1日起施行` among its last articles.
pub(super) fn effective_year(kept: &[(usize, &str)], headings: &[Option<Heading>]) -> Option<u32> {
    let articles: Vec<usize> = (0..kept.len())
        .filter(|&k| headings[k].as_ref().is_some_and(Heading::is_article))
        .collect();
    if articles.len() < 2 {
        return None;
    }
    let from = articles[articles.len().saturating_sub(EFFECTIVE_DATE_ARTICLES)];
    kept[from..]
        .iter()
        .rev()
        .filter(|(_, t)| t.contains("起施行") || t.contains("起实施"))
        .find_map(|(_, t)| {
            let at = t.find("自")?;
            years_of_dates(&t[at..]).into_iter().next()
        })
}

/// The year of a date a file is named by, at the end of its name: `北京市公园条例(2019-07-26)`.
pub(super) fn dated_stem_year(stem: &str) -> Option<u32> {
    let inner = stem
        .trim_end()
        .strip_suffix([')', '）'])?
        .rsplit_once(['(', '（'])?
        .1;
    let parts: Vec<&str> = inner.split('-').collect();
    let numeric = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    (parts.len() == 3 && numeric(parts[0], 4) && numeric(parts[1], 2) && numeric(parts[2], 2))
        .then(|| parts[0].parse().ok())
        .flatten()
        .filter(|y| (1949..=2100).contains(y))
}

/// The years of every `YYYY年M月D日` date in a line.
fn years_of_dates(t: &str) -> Vec<u32> {
    let chars: Vec<char> = t.chars().collect();
    (0..chars.len())
        .filter_map(|i| {
            let y = year_at(&chars, i)?;
            (chars.get(i + 4) == Some(&'年') && chars[i + 5..].iter().take(3).any(|c| *c == '月'))
                .then_some(y)
        })
        .collect()
}

/// A document number (文号) such as 包府办发〔2022〕43号 or 国办发[2021]5号 in the header: a
/// line that is the number alone (in brackets or not), or a title line that ends with it in
/// brackets, before the body begins. A number cited in a sentence (`你院《…请示》（粤高法〔2020〕
/// 108号）收悉`, `…按照《通知》(国发〔1984〕174号文)的规定`) is another document's.
pub(super) fn find_doc_number(
    kept: &[(usize, &str)],
    fields: &HeaderFields,
    body_start: usize,
) -> Option<String> {
    if let Some(n) = &fields.doc_number {
        return Some(n.clone());
    }
    let header = &kept[..HEADER_LINES.min(body_start).min(kept.len())];
    header
        .iter()
        .find_map(|(_, t)| header_doc_number(t))
        .or_else(|| order_number(header))
}

/// The number of an order or an announcement that opens the text: `北京市人民政府令` over
/// `第300号` (or `（第300号）`), or both on one line; 主席令 numbers in Chinese numerals
/// (`第三十一号`); an announcement's numbered by year (`国家税务总局公告` / `2024年第1号`). Read
/// as the name and number together (`北京市人民政府令第300号`), as they are cited.
fn order_number(header: &[(usize, &str)]) -> Option<String> {
    header.iter().enumerate().find_map(|(i, (_, line))| {
        let (name, rest) = order_name(line)?;
        let own = if rest.is_empty() {
            // Spaces dropped, as in the name (`第 300 号`).
            order_serial(&without_spaces(header.get(i + 1)?.1))?
        } else {
            order_serial(&rest)?
        };
        // A name under its place's (`北京市` / `人民政府令`) is cited with the place; a national
        // body's or a ministry's under a place stands alone.
        let place = i
            .checked_sub(1)
            .and_then(|k| place_alone(header[k].1))
            .filter(|place| {
                !name.starts_with(place.as_str())
                    && !opens_with_place_or_nation(&name, 5)
                    && !MINISTRIES.iter().any(|m| name.starts_with(m))
            });
        match place {
            Some(place) => Some(format!(
                "{place}{}{own}",
                without_repeated_level(&place, &name)
            )),
            None => Some(format!("{name}{own}")),
        }
    })
}

/// Words that end the name of a numbered order or announcement.
const ORDER_ENDINGS: [&str; 3] = ["令", "公告", "通告"];

/// A line's order or announcement name (`北京市人民政府令`, `国家税务总局公告`: three characters
/// or more, all Chinese) and what follows it, spaces dropped.
fn order_name(line: &str) -> Option<(String, String)> {
    let line: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    ORDER_ENDINGS.iter().find_map(|ending| {
        let at = line.find(ending)? + ending.len();
        let name = &line[..at];
        // A title about one (关于做好…工作的通告) is none.
        (name.chars().count() >= 3 && name.chars().all(is_cjk) && !name.contains("关于"))
            .then(|| (name.to_string(), line[at..].to_string()))
    })
}

/// An order's serial number alone: `第300号`, `（第300号）`, `第三十一号`, `2024年第1号`.
fn order_serial(t: &str) -> Option<String> {
    let t = t.trim();
    let t = t
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))
        .unwrap_or(t)
        .trim();
    let chars: Vec<char> = t.chars().collect();
    let dated = year_at(&chars, 0).is_some() && chars.get(4) == Some(&'年');
    // Or the year in brackets, as document numbers write it (`〔2024〕第5号`).
    let bracketed = matches!(chars.first(), Some('〔' | '[' | '［' | '﹝'))
        && year_at(&chars, 1).is_some()
        && matches!(chars.get(5), Some('〕' | ']' | '］' | '﹞'));
    let numbered = if dated {
        &t[t.find('年')? + '年'.len_utf8()..]
    } else if bracketed {
        &t[t.char_indices().nth(6)?.0..]
    } else {
        t
    };
    let numeral = numbered.strip_prefix('第')?.strip_suffix(['号', '號'])?;
    let digits = numeral.chars().all(|c| arabic_digit(c).is_some());
    (!numeral.is_empty() && (digits || super::headings::law_numeral_value(numeral).is_some()))
        .then(|| t.to_string())
}

/// The document number a header line holds, as [`find_doc_number`] says.
fn header_doc_number(line: &str) -> Option<String> {
    let t = line.trim_matches(|c: char| c.is_whitespace());
    let n = doc_number_in(t)?;
    let at = t.find(&n)?;
    let (before, after) = (&t[..at], &t[at + n.len()..]);
    let closes = |open: &str| match open {
        "（" => "）",
        "(" => ")",
        "[" => "]",
        "【" => "】",
        _ => "",
    };
    let opened = before.chars().last().map(String::from).unwrap_or_default();
    let sentence = before.contains(['，', '。', '；', '：', ',', ';', ':']);
    // Alone, or a field of its own on a header line (`京政办发〔2023〕12号　　签发人：张三`,
    // `签发人：张三　　京政办发〔2023〕12号`): whitespace parts it from the rest.
    let apart = |s: &str, at_start: bool| {
        s.is_empty()
            || if at_start {
                s.starts_with(char::is_whitespace)
            } else {
                s.ends_with(char::is_whitespace)
            }
    };
    let own_field = apart(after, true) && (before.is_empty() || apart(before, false));
    let bracketed = !opened.is_empty() && after == closes(&opened) && !sentence;
    (own_field || bracketed).then_some(n)
}

/// Longest issuer prefix of a document number, in characters.
const MAX_DOC_NUMBER_PREFIX: usize = 12;

fn doc_number_in(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let close = match c {
            '〔' => '〕',
            // Small and white brackets, as some offices and Word templates print them.
            '﹝' => '﹞',
            '〖' => '〗',
            '[' => ']',
            '［' => '］',
            '【' => '】',
            '（' => '）',
            '(' => ')',
            _ => continue,
        };
        if year_at(&chars, i + 1).is_none() || chars.get(i + 5) != Some(&close) {
            continue;
        }
        // The serial number, in ASCII or full-width digits, after 第 in some offices' style
        // (粤府〔2021〕第12号).
        let serial = i + 6 + usize::from(chars.get(i + 6) == Some(&'第'));
        let digits = chars[serial.min(chars.len())..]
            .iter()
            .take_while(|&&c| arabic_digit(c).is_some())
            .count();
        if digits == 0 || !matches!(chars.get(serial + digits), Some('号' | '號')) {
            continue;
        }
        let prefix = chars[..i]
            .iter()
            .rev()
            .take_while(|c| is_cjk(**c))
            .take(MAX_DOC_NUMBER_PREFIX)
            .count();
        if prefix == 0 {
            continue;
        }
        return Some(chars[i - prefix..serial + digits + 1].iter().collect());
    }
    None
}

/// The year in a document number's brackets.
pub(super) fn doc_number_year(n: &str) -> Option<u32> {
    let chars: Vec<char> = n.chars().collect();
    (0..chars.len()).find_map(|i| year_at(&chars, i))
}

/// Whether `c` is a Han ideograph, of any block (see [`crate::analysis::is_han`]).
fn is_cjk(c: char) -> bool {
    crate::analysis::is_han(c)
}

/// The year a title is about: the first 19xx/20xx followed by 年 that does not end a span of
/// years (a plan's `（2024—2026年）` says what it covers, not when it was issued) and is not a
/// long-range goal's (`二〇三五年远景目标`).
pub(super) fn find_year(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let y = year_at(&chars, i)?;
        let ends_span = i >= 5
            && matches!(chars[i - 1], '—' | '-' | '－' | '~' | '～' | '至' | '–')
            && year_at(&chars, i - 5).is_some();
        // A long-range goal (…和二〇三五年远景目标纲要) is not what the document is about.
        let goal = chars.get(i + 5..i + 7).is_some_and(|w| w == ['远', '景']);
        (chars.get(i + 4) == Some(&'年') && !ends_span && !goal).then_some(y)
    })
}

/// A digit of a year written in Chinese numerals (二〇二三), zero also typed as a circle or a
/// letter O (二○二二, 二O二二); 两 is no year's digit.
fn cn_year_digit(c: char) -> Option<u32> {
    match c {
        '○' | 'Ｏ' | 'O' | '零' | '〇' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// A year of four digits at `i`: Arabic (2023) or Chinese numerals (二〇二三, as official
/// documents long wrote dates), not part of a longer number.
///
/// Every character of a text is asked (dates, titles, signatures), so a character that starts no
/// year is answered first and nothing is allocated.
fn year_at(chars: &[char], i: usize) -> Option<u32> {
    let first = *chars.get(i)?;
    if arabic_digit(first).is_none() && cn_year_digit(first).is_none() {
        return None;
    }
    if cn_year_digit(first).is_some() {
        let is_digit = |j: usize| chars.get(j).copied().and_then(cn_year_digit).is_some();
        if (i > 0 && is_digit(i - 1)) || is_digit(i + 4) {
            return None;
        }
        let y = chars
            .get(i..i + 4)?
            .iter()
            .try_fold(0, |y, &c| Some(y * 10 + cn_year_digit(c)?))?;
        return (1949..=2100).contains(&y).then_some(y);
    }
    if i > 0 && arabic_digit(chars[i - 1]).is_some() {
        return None;
    }
    let y = chars
        .get(i..i + 4)?
        .iter()
        .try_fold(0, |y, &c| Some(y * 10 + arabic_digit(c)?))?;
    if chars.get(i + 4).and_then(|&c| arabic_digit(c)).is_some() {
        return None;
    }
    (1949..=2100).contains(&y).then_some(y)
}

/// An Arabic digit, ASCII or full-width (２０２４年１月２０日, as some word processors type dates).
fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A year anywhere in a file name (…_2022, …(2021-10-30)).
pub(super) fn find_year_loose(text: &str) -> Option<u32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| year_at(&chars, i))
}

/// Endings of an issuing body's name, strongest first.
const ORG_SUFFIXES: &[&str] = &[
    "人民政府",
    "办事处",
    "管理处",
    "海关",
    "管理委员会",
    "管委会",
    "常委会",
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
    // People's organisations, which publish their budgets as every department does.
    "总工会",
    "红十字会",
    "联合会",
    "协会",
];

/// Words that open the headline of a page about a document rather than the document's title.
const HEADLINE_OPENERS: &[&str] = &[
    "一图读懂",
    "一图看懂",
    "一图了解",
    "一图速览",
    "图解",
    "图说",
    "数说",
    "数读",
    "速览",
    "聚焦",
    "解读",
];

/// Traditional forms of the characters the body grammar below reads (its endings, places, 关于,
/// 政府工作报告, 我代表…), each with the one OpenCC t2s gives it alone. A report written in
/// traditional characters (signed 青溪市駐澳辦事處) is read by the same grammar through this
/// fold. Both sides of every pair are CJK ideographs, three bytes in UTF-8, so a folded text
/// keeps every byte offset of its original, and a name found in it is cut from the original.
const TRADITIONAL_GRAMMAR_CHARS: [(char, char); 34] = [
    ('別', '别'),
    ('則', '则'),
    ('務', '务'),
    ('區', '区'),
    ('員', '员'),
    ('國', '国'),
    ('圖', '图'),
    ('報', '报'),
    ('廳', '厅'),
    ('數', '数'),
    ('於', '于'),
    ('會', '会'),
    ('條', '条'),
    ('決', '决'),
    ('當', '当'),
    ('細', '细'),
    ('結', '结'),
    ('縣', '县'),
    ('總', '总'),
    ('臺', '台'),
    ('蓋', '盖'),
    ('處', '处'),
    ('規', '规'),
    ('覽', '览'),
    ('說', '说'),
    ('讀', '读'),
    ('變', '变'),
    ('辦', '办'),
    ('鄉', '乡'),
    ('鎮', '镇'),
    ('長', '长'),
    ('開', '开'),
    ('關', '关'),
    ('隊', '队'),
];

#[cfg(test)]
pub(super) fn traditional_grammar_chars() -> &'static [(char, char)] {
    &TRADITIONAL_GRAMMAR_CHARS
}

/// `t` with the characters of [`TRADITIONAL_GRAMMAR_CHARS`] in their simplified forms; borrowed
/// when it has none of them.
fn fold_traditional(t: &str) -> Cow<'_, str> {
    let simplified = |c: char| {
        TRADITIONAL_GRAMMAR_CHARS
            .binary_search_by(|(trad, _)| trad.cmp(&c))
            .ok()
            .map(|i| TRADITIONAL_GRAMMAR_CHARS[i].1)
    };
    if !t.chars().any(|c| simplified(c).is_some()) {
        return t.into();
    }
    t.chars().map(|c| simplified(c).unwrap_or(c)).collect()
}

/// The issuing body (see [`find_org_simplified`]) of a report in simplified or traditional
/// characters, as the report writes it: a name read from a folded line or title is cut from the
/// original at the same bytes.
pub(super) fn find_org(
    kept: &[(usize, &str)],
    title: &str,
    fields: &HeaderFields,
) -> Option<String> {
    // The grammar reads the header and the last lines only (see find_org_simplified): only those
    // are folded, and a report with nothing to fold (nearly all) is read as it is.
    let tail = kept
        .len()
        .saturating_sub(SIGNATURE_LINES + MAX_JOINT_SIGNERS);
    let folded_title = fold_traditional(title);
    let folded_lines: Vec<_> = kept
        .iter()
        .enumerate()
        .map(|(k, (i, t))| {
            let read = k < HEADER_LINES || k >= tail;
            (
                *i,
                if read {
                    fold_traditional(t)
                } else {
                    (*t).into()
                },
            )
        })
        .collect();
    let folded_any = matches!(folded_title, Cow::Owned(_))
        || folded_lines.iter().any(|(_, t)| matches!(t, Cow::Owned(_)));
    if !folded_any {
        return find_org_simplified(kept, title, fields);
    }
    let folded: Vec<(usize, &str)> = folded_lines.iter().map(|(i, t)| (*i, t.as_ref())).collect();
    let org = find_org_simplified(&folded, &folded_title, fields)?;
    let sources = std::iter::once((title, folded_title.as_ref()))
        .chain(kept.iter().zip(&folded).map(|((_, o), (_, f))| (*o, *f)));
    // A government named in short form in traditional characters keeps its name as written:
    // 人民政府 is the mainland's form, and Taiwan's 臺北市政府 is that city's full name (trial 13).
    // A short form written in simplified characters is still named in full.
    let short = org.replacen("人民政府", "政府", 1);
    for (name, as_written) in [(&org, true), (&short, false)] {
        for (original, folded) in sources.clone() {
            if let Some(at) = folded.find(name.as_str()) {
                let written = &original[at..at + name.len()];
                if as_written || written != name.as_str() {
                    return Some(written.to_string());
                }
            }
        }
    }
    Some(org)
}

/// The issuing body, by the kind of document:
/// - a `发文机关：` header field names it;
/// - a government work report (政府工作报告): the government of the place its title names, or
///   of the place whose people's congress heard it (`在云南省第十四届人民代表大会…上`); the
///   State Council when its premier gave it;
/// - a notice (`…办公室关于印发…的通知`): the issuer before 关于;
/// - else a short signature line at the end of the report, else the name at the start of the
///   title (柳州市科学技术局 in 2021年度柳州市科学技术局法治政府…), else the body a speech's
///   speaker stands for (`我代表龙华区人民政府…`).
fn find_org_simplified(
    kept: &[(usize, &str)],
    title: &str,
    fields: &HeaderFields,
) -> Option<String> {
    if let Some(o) = &fields.org {
        return Some(in_full(o));
    }
    // A page about a document opens its title with a headline word (数说2024年临川市政府工作报告,
    // 一图读懂…): the names start after it.
    let title = HEADLINE_OPENERS
        .iter()
        .find_map(|w| title.strip_prefix(w))
        .map(|t| t.trim_start_matches(['：', ':', '|', '丨', ' ', '　']))
        .unwrap_or(title);
    if title.contains("政府工作报告") && !title.contains("人民政府") {
        let opening = kept.iter().take(HEADER_LINES).map(|(_, t)| *t);
        // The congress may be named in the title itself: 2025年政府工作报告（在深圳市罗湖区第八届
        // 人民代表大会第六次会议上）, a file name standing for a missing title.
        let congress = std::iter::once(title).chain(opening.clone());
        if let Some(place) = place_in_title(title).or_else(|| place_of_congress(congress)) {
            return Some(format!("{place}人民政府"));
        }
        if opening.clone().any(|t| t.contains("国务院总理")) {
            return Some("国务院".into());
        }
        // The speaker's office under the title names the place (`某某市市长　张三`).
        if let Some(government) = opening.clone().find_map(signer_government) {
            return Some(government);
        }
    }
    if let Some(issuer) = issuer_before_guanyu(title) {
        // Named without its place (`建设局关于…`, `团县委关于…`), the issuer is named in full by
        // the signature, when there is one (`平江县住房和城乡建设局`).
        let placeless = !opens_with_whole_issuer(title) && !issuer.starts_with("中共");
        if let Some(signed) = signed_body(kept).filter(|_| placeless) {
            return Some(signed);
        }
        return Some(in_full(&issuer));
    }
    // The order may name its place on a line of its own (`北京市` / `人民政府令`), under the
    // page's date.
    let first = usize::from(kept.first().is_some_and(|(_, t)| is_date_line(t)));
    let order = kept.get(first).and_then(|(_, t)| {
        order_issuer(t.trim()).or_else(|| {
            let place = place_alone(t)?;
            let next = kept.get(first + 1)?.1.trim();
            // A national body's order under a place's masthead names no body of the place.
            let whole = opens_with_place_or_nation(next, 5)
                || MINISTRIES.iter().any(|m| next.starts_with(m));
            order_issuer(&if whole {
                next.to_string()
            } else {
                format!("{place}{next}")
            })
        })
    });
    if let Some(issuer) = order {
        return Some(issuer);
    }
    if let Some(signed) = signed_body(kept) {
        return Some(signed);
    }
    // Signed under the title, before the body (`关于2023年度法治政府建设情况的报告` / `宁波市司法局` /
    // `2024年1月20日` / `一、…`): the body right above that date, as [`find_date`] dates it.
    let opening: Vec<&str> = kept.iter().take(HEADER_LINES).map(|(_, t)| *t).collect();
    if let Some(name) = opening.windows(2).find_map(|w| {
        let name = signature_name(w[0]);
        (is_signature(name) && is_cn_date_alone(w[1])).then_some(name)
    }) {
        return Some(in_full(name));
    }
    org_in(title)
        .map(|o| with_peoples_government(&o, title))
        .or_else(|| {
            kept.iter()
                .take(HEADER_LINES)
                .find_map(|(_, t)| speaker_body(t))
        })
        // Last, the speaker's office under the title of any report (`某某市市长　张三`).
        .or_else(|| {
            kept.iter()
                .take(HEADER_LINES)
                .find_map(|(_, t)| signer_government(t))
        })
}

/// The body that signs the text on one of its last lines, named in full; of joint signers one
/// above the other, the first.
fn signed_body(kept: &[(usize, &str)]) -> Option<String> {
    let last = kept.len().saturating_sub(SIGNATURE_LINES);
    for k in (last..kept.len()).rev() {
        let name = signature_name(kept[k].1);
        // A chapter's name under its number (`第二章` / `村民选举委员会`) signs nothing.
        let names_a_chapter = k > 0 && super::headings::law_number_alone(kept[k - 1].1);
        if is_signature(name) && !names_a_chapter {
            // Joint signers sign one above the other; the first is the lead body.
            let mut lead = name;
            for (_, above) in kept[..k].iter().rev().take(MAX_JOINT_SIGNERS - 1) {
                match signature_name(above) {
                    n if is_signature(n) => lead = n,
                    _ => break,
                }
            }
            return Some(in_full(lead));
        }
    }
    None
}

/// A whole name (a signer's, a header field's, the issuer before 关于 in a title), a government
/// written in short form (杭州市政府, 城关镇政府) by its full name (see
/// [`full_government_name`]): nothing runs on after a whole name.
fn in_full(name: &str) -> String {
    // Joint issuers (杭州市政府 杭州市财政局, 杭州市政府、杭州市财政局), each named in full.
    let mut named = String::new();
    for piece in name.split_inclusive([' ', '、']) {
        let part = piece.trim_end_matches([' ', '、']);
        named.push_str(&full_government_name(part).unwrap_or_else(|| part.to_string()));
        named.push_str(&piece[part.len()..]);
    }
    named
}

/// A government named in its short form, as titles write it (杭州市政府 in
/// 杭州市政府信息公开工作年度报告, 临川县政府办公室), by its full name, 杭州市人民政府, as a
/// government work report's issuer is named: one body must not count as two under
/// `--count-by org`. Only the government itself or its general office (…政府办公厅/办公室), and
/// only when the title goes on with what is no name (a year, 关于, 信息公开, 工作, 债务): in
/// 杭州市政府采购中心 the words run on into another body. A special administrative region's
/// government (香港特区政府) has no 人民 in its name. `--org 杭州市政府` finds it as typed:
/// see [`full_government_name`].
fn with_peoples_government(org: &str, title: &str) -> String {
    let after = title
        .find(org)
        .map_or("", |at| &title[at + org.len()..])
        .trim_start();
    let runs_on = !(after.is_empty()
        || after.starts_with(|c: char| c.is_ascii_digit())
        || ["关于", "信息公开", "工作", "债务", "年", "（", "("]
            .iter()
            .any(|w| after.starts_with(w)));
    if runs_on {
        return org.to_string();
    }
    in_full(org)
}

/// The full name of a government or of its general office written in short form: 杭州市人民政府
/// for 杭州市政府, 临川县人民政府办公室 for 临川县政府办公室; None for any other name.
pub fn full_government_name(org: &str) -> Option<String> {
    let at = org.find("政府")?;
    let (place, rest) = (&org[..at], &org[at + "政府".len()..]);
    (!place.ends_with("人民")
        && !TAIWAN_PLACES.contains(&place)
        && place.chars().count() >= 2
        && is_place_name(place)
        && !place.ends_with("特区")
        && !place.ends_with("行政区")
        && ["", "办公厅", "办公室"].contains(&rest))
    .then(|| format!("{place}人民政府{rest}"))
}

/// Taiwan's cities and counties, in either script: their governments' full names are
/// 臺北市政府 and the like, never …人民政府. Whole names only: 台州市, 桃园镇 and 连江县 (Fujian's)
/// are the mainland's.
const TAIWAN_PLACES: &[&str] = &[
    "台北市",
    "臺北市",
    "新北市",
    "桃园市",
    "桃園市",
    "台中市",
    "臺中市",
    "台南市",
    "臺南市",
    "高雄市",
    "基隆市",
    "新竹市",
    "新竹县",
    "新竹縣",
    "嘉义市",
    "嘉義市",
    "嘉义县",
    "嘉義縣",
    "苗栗县",
    "苗栗縣",
    "彰化县",
    "彰化縣",
    "南投县",
    "南投縣",
    "云林县",
    "雲林縣",
    "屏东县",
    "屏東縣",
    "宜兰县",
    "宜蘭縣",
    "花莲县",
    "花蓮縣",
    "台东县",
    "臺東縣",
    "澎湖县",
    "澎湖縣",
];

/// Endings of place names, longest first.
const PLACE_SUFFIXES: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "省",
    "市",
    "区",
    "县",
    "州",
    "盟",
    "旗",
];

/// `上海市` in 2026年上海市政府工作报告, `陕西省` in 陕西省2026年政府工作报告, `龙华区` in
/// 2021年龙华区二届人大一次会议政府工作报告.
fn place_in_title(title: &str) -> Option<String> {
    let before = &title[..title.find("政府工作报告")?];
    let name: String = before
        .chars()
        .filter(|c| is_cjk(*c) && *c != '年' && *c != '度')
        .collect();
    let name = name.trim_end_matches("人民").trim_start_matches("关于");
    // The session may follow the place: 2021年龙华区二届人大一次会议政府工作报告.
    let name = match name.find('届') {
        Some(at) => name[..at]
            .trim_end_matches(|c| "一二三四五六七八九十".contains(c))
            .trim_end_matches('第'),
        None => name,
    };
    (name.chars().count() >= 2 && PLACE_SUFFIXES.iter().any(|s| name.ends_with(s)))
        .then(|| name.to_string())
}

/// `云南省` in ——2026年1月28日在云南省第十四届人民代表大会第四次会议上.
fn place_of_congress<'a>(mut lines: impl Iterator<Item = &'a str>) -> Option<String> {
    lines.find_map(|t| {
        let at = t.find("人民代表大会")?;
        let head = &t[..at];
        let start = head.rfind('在')? + '在'.len_utf8();
        // The date may stand before the place: 在2023年温州市…, 在2024年1月温州市….
        let place = head[start..].split('第').next()?.trim();
        let place = place.trim_start_matches(|c: char| c.is_ascii_digit() || "年月日".contains(c));
        (place.chars().count() >= 2 && PLACE_SUFFIXES.iter().any(|s| place.ends_with(s)))
            .then(|| place.to_string())
    })
}

/// `国务院办公厅` in 国务院办公厅关于印发…的通知; `财政部 税务总局` in 财政部 税务总局关于….
/// Joint issuers whose title lines were run together (`中共杭州市委办公厅` / `杭州市人民政府办公厅`
/// / `关于印发…`) are named apart, as when the title spaces them: an office (…办公厅, …办公室)
/// holds no body, so a full body's name right after it is a second issuer.
fn issuer_before_guanyu(title: &str) -> Option<String> {
    issuer_before_guanyu_as_written(title).map(|issuer| {
        if issuer.contains(char::is_whitespace) {
            return issuer;
        }
        for office in ["办公厅", "办公室"] {
            for (at, _) in issuer.match_indices(office) {
                let (first, second) = issuer.split_at(at + office.len());
                let second_is_a_body = body_at_start(second).as_deref() == Some(second)
                    && (second.starts_with("中共")
                        || second.chars().take(8).any(|c| "省市区县州盟旗".contains(c)));
                if !first.is_empty() && second_is_a_body {
                    return format!("{first} {second}");
                }
            }
        }
        issuer
    })
}

fn issuer_before_guanyu_as_written(title: &str) -> Option<String> {
    let at = title.find("关于")?;
    // A notice that forwards another body's document (宁波市人民政府办公厅转发市发展改革委关于…的
    // 通知) is issued by the body that forwards it.
    let issuer = title[..at].split("转发").next().unwrap_or_default().trim();
    if let Some(congress) = congress_of_session(issuer) {
        return Some(congress);
    }
    let n = issuer.chars().count();
    ((2..=MAX_SIGNATURE_CHARS).contains(&n)
        && issuer
            .chars()
            .all(|c| is_cjk(c) || c.is_whitespace() || c == '、')
        && ORG_SUFFIXES
            .iter()
            .any(|s| issuer.ends_with(s) || issuer.ends_with("总局")))
    .then(|| issuer.to_string())
}

/// The congress whose session a title names as its issuer, without the session's numbers: a
/// resolution on a work report (`第十四届全国人民代表大会第一次会议关于政府工作报告的决议`) is the
/// 全国人民代表大会's, `某某省第十四届人民代表大会常务委员会第十次会议` the standing committee's.
fn congress_of_session(issuer: &str) -> Option<String> {
    const CONGRESS: &str = "人民代表大会";
    const STANDING: &str = "常务委员会";
    if !issuer.ends_with("会议") {
        return None;
    }
    let at = issuer.find(CONGRESS)? + CONGRESS.len();
    let end = if issuer[at..].starts_with(STANDING) {
        at + STANDING.len()
    } else {
        at
    };
    // The term (第十四届) goes; the place before it stays.
    let name = &issuer[..end];
    let body = match name.find('第').zip(name.find('届')) {
        Some((from, to)) if from < to => {
            let term = &name[from + '第'.len_utf8()..to];
            if !term
                .chars()
                .all(|c| "〇零一二三四五六七八九十百".contains(c))
            {
                return None;
            }
            format!("{}{}", &name[..from], &name[to + '届'.len_utf8()..])
        }
        _ => name.to_string(),
    };
    (body.chars().count() > CONGRESS.chars().count() && body.chars().all(is_cjk)).then_some(body)
}

/// Words that end as a body's name does but name no body (新局, 格局, 大局…).
const NOT_BODIES: &[&str] = &[
    "新局",
    "格局",
    "布局",
    "大局",
    "开局",
    "结局",
    "全局",
    "变局",
    "当局",
    // Verbs (督查督办, 一网通办, 接诉即办) and a motto (以人民为中心).
    "督办",
    "交办",
    "承办",
    "主办",
    "协办",
    "查办",
    "通办",
    "即办",
    "为中心",
];

/// Offices whose holder signs an order or a report: `总理　李克强` above its date.
const SIGNING_OFFICES: &[&str] = &[
    "总理", "主席", "省长", "市长", "区长", "县长", "州长", "部长", "局长", "主任", "院长", "署长",
];

/// A signer's line is at most this long: a body, an office, a space and a name.
const MAX_SIGNER_CHARS: usize = 24;

/// A signer's line: an office and the holder's name (two to four characters) after it, maybe a
/// body before it, and nothing else: `总理　李克强`, `杭州市市长　姚高员`,
/// `宁波市人民政府市长 汤飞帆`, `中华人民共和国主席　习近平`.
fn is_signer(t: &str) -> bool {
    if t.chars().count() > MAX_SIGNER_CHARS || !t.chars().all(|c| is_cjk(c) || c.is_whitespace()) {
        return false;
    }
    SIGNING_OFFICES.iter().any(|office| {
        t.match_indices(office).any(|(at, _)| {
            // A name may be spaced to a width (`张　三`).
            let name: String = t[at + office.len()..]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            (2..=4).contains(&name.chars().count())
                && name.chars().all(is_cjk)
                // 市长办公会议 names a meeting, not a person.
                && !name.ends_with(['会', '议', '室', '厅', '局', '部', '处', '委'])
        })
    })
}

/// The government whose head a signer's line names: 某某市人民政府 for `某某市市长　张三`,
/// 某某省人民政府 for `某某省省长　王五`. None for any other office, or a line that names no
/// place before it.
fn signer_government(t: &str) -> Option<String> {
    let t = t.trim();
    if !is_signer(t) {
        return None;
    }
    // Each office with how the place it heads ends; an acting head (代市长) heads it too.
    [
        ("省长", "省"),
        ("市长", "市"),
        ("区长", "区"),
        ("县长", "县"),
        ("州长", "州"),
        ("主席", "自治区"),
    ]
    .iter()
    .find_map(|(office, place_kind)| {
        let (place, _) = t.split_once(office)?;
        let place = place.strip_suffix('代').unwrap_or(place);
        (place.chars().count() >= 2
            && place.ends_with(place_kind)
            && place.chars().all(is_cjk)
            && is_place_name(place))
        .then(|| format!("{place}人民政府"))
    })
}

/// A signature: a short line that ends like a body's name and reads like one.
pub(super) fn is_signature(t: &str) -> bool {
    // A body's name holds no space: a line of cells (`1\t完善制度\t县司法局`) is a table's row.
    t.chars().count() <= MAX_SIGNATURE_CHARS
        && !t.contains(char::is_whitespace)
        && (ORG_SUFFIXES.iter().any(|s| t.ends_with(s))
            || SIGNATURE_ONLY_SUFFIXES.iter().any(|s| t.ends_with(s)) && names_a_place(t))
        && !NOT_BODIES.iter().any(|w| t.ends_with(w))
        && !t.contains(['，', '。', '的', '！', '：'])
        && body_name_reads(t)
        && !is_run_in_item(t)
}

/// Whether a line opens as a run-in list's item (`一是…`, `三是推进县乡村三级综治中心`): a
/// report's last sentence, never a body's name.
fn is_run_in_item(t: &str) -> bool {
    let mut chars = t.chars();
    chars
        .next()
        .is_some_and(|c| "一二三四五六七八九十".contains(c))
        && chars.next() == Some('是')
}

/// Endings of a body's name that a signature line may have but a title's opening is not read
/// for (a title's 平台 or 之处 names no one): 水文站, 气象台, 研究所, 支队.
const SIGNATURE_ONLY_SUFFIXES: &[&str] = &["站", "台", "所", "队", "处"];

/// Whether a signature's name opens with a place (青溪市水文站, 白沙镇司法所), as a body named by
/// a short ending must: a report's last sentence may end in 平台 or 服务站 too
/// (`一是持续完善行政执法监督平台`, `三是建设村级便民服务站`).
fn names_a_place(t: &str) -> bool {
    let opening: String = t.chars().take(MAX_PLACE_CHARS).collect();
    opening.contains(|c| PLACE_ENDINGS.contains(c))
}

/// Last characters of a place's name, down to a township: 青溪市, 白沙镇.
const PLACE_ENDINGS: &str = "省市区县州盟旗镇乡";

/// Characters at the start of a signature searched for its place.
const MAX_PLACE_CHARS: usize = 10;

/// Marks after a signature that are not the body's name: the seal (`（印）`, `（盖章）`).
const SEAL_MARKS: &[&str] = &["（印）", "(印)", "（盖章）", "(盖章)", "（章）", "(章)"];

/// The body's name in a signature line: the line without a seal mark after it and without
/// a date after a space (`青溪县交通运输局　　2024年1月20日`).
fn signature_name(line: &str) -> &str {
    let mut t = line.trim();
    if let Some((name, rest)) = t.split_once(char::is_whitespace) {
        let rest = rest.trim();
        // Dated on its line, or signed jointly side by side (`平江县司法局　　平江县财政局`,
        // each name under a seal): the lead body is the first.
        let dated = find_cn_date(rest)
            .or_else(|| find_iso_date(rest))
            .is_some_and(|d| d == rest);
        let beside = || {
            is_signature(name)
                && rest
                    .split_whitespace()
                    .all(|n| is_signature(strip_seal_marks(n)))
        };
        if dated || beside() {
            t = name.trim_end();
        }
    }
    strip_seal_marks(t)
}

/// A signature without the seal marks a copy prints after it (`（盖章）`).
fn strip_seal_marks(mut t: &str) -> &str {
    for mark in SEAL_MARKS {
        t = t.strip_suffix(mark).unwrap_or(t).trim_end();
    }
    t
}

/// The date on a signature's own line, after a space: `青溪县交通运输局　　2024年1月20日`.
fn signed_on_the_line(t: &str) -> Option<String> {
    let name = signature_name(t);
    let (_, rest) = t.trim().split_once([' ', '\u{3000}', '\t'])?;
    if !is_signature(name) {
        return None;
    }
    let rest = rest.trim();
    find_cn_date(rest)
        .or_else(|| find_iso_date(rest))
        .filter(|d| d == rest)
}

/// Whether a name ending in 政府 names a government: a place before it (临川市政府), not a
/// quality of government (法治政府, 数字政府, 服务型政府), which report titles are full of.
fn body_name_reads(name: &str) -> bool {
    match name.strip_suffix("政府") {
        Some(before) if !before.ends_with("人民") => is_place_name(before),
        _ => true,
    }
}

/// Words for kinds of places rather than names of places (市县政府, 县乡政府, 各地市, 城乡,
/// 乡镇, 各级), longest first.
const PLACE_KIND_WORDS: &[&str] = &[
    "各级", "地市", "城乡", "城镇", "乡镇", "各", "省", "市", "县", "区", "州", "盟", "旗", "乡",
    "镇",
];

/// Whether the text before 政府 is a place's name (临川市, 城关镇, 乡城县, 宁夏回族自治区): it
/// ends like a place and is not only words for kinds of places (市县, 县乡, 乡镇, 城乡, 各地市).
fn is_place_name(before: &str) -> bool {
    let mut rest = before;
    while let Some(after) = PLACE_KIND_WORDS.iter().find_map(|w| rest.strip_prefix(w)) {
        rest = after;
    }
    before
        .chars()
        .last()
        .is_some_and(|c| PLACE_ENDINGS.contains(c))
        && !rest.is_empty()
}

/// Who gives an order that opens the text: 国务院 for `中华人民共和国国务院令`, 生态环境部 for
/// `中华人民共和国生态环境部令`, 北京市人民政府 for `北京市人民政府令`. None for an officer's order
/// (主席令), which names no body.
fn order_issuer(first: &str) -> Option<String> {
    // The order's number may follow on the same line (`北京市人民政府令　第300号`).
    let named;
    let first = match order_name(first) {
        Some((name, rest)) if order_serial(&rest).is_some() => {
            named = name;
            named.as_str()
        }
        _ => first,
    };
    // Or an announcement that publishes a law (`湖南省人民代表大会常务委员会公告`).
    let issuer = first
        .strip_suffix('令')
        .or_else(|| first.strip_suffix("公告"))?;
    let issuer = issuer.strip_prefix("中华人民共和国").unwrap_or(issuer);
    (issuer.chars().count() >= 2
        && issuer.chars().all(is_cjk)
        && ORG_SUFFIXES.iter().any(|s| issuer.ends_with(s)))
    .then(|| issuer.to_string())
}

/// Endings of the titles of laws and regulations: the name at the start of such a title is
/// what it rules on (政府投资条例, 仲裁委员会登记暂行办法), not who issued it.
const LAW_TITLE_ENDINGS: &[&str] = &["法", "条例", "办法", "规定", "细则", "规则", "决定"];

/// Whether a title names a law, a regulation or a court case (某公司诉某市管理委员会…案, whose
/// first name is a party), whose first name is not its issuer.
fn is_law_or_case_title(title: &str) -> bool {
    LAW_TITLE_ENDINGS
        .iter()
        .any(|e| without_bracketed_note(title).ends_with(e))
        || (title.contains('诉') && title.ends_with('案'))
}

/// A name without the note in brackets that may end it, which is not its ending:
/// 处方药与非处方药分类管理办法（试行）, …条例（2022年修订）, …办法〔暂行〕. The name itself when it
/// ends otherwise.
pub(super) fn without_bracketed_note(name: &str) -> &str {
    let openers: &[char] = match name.chars().last() {
        Some('）' | ')') => &['（', '('],
        Some('〕') => &['〔'],
        Some('】') => &['【'],
        Some(']') => &['['],
        _ => return name,
    };
    let inner = &name[..name.len() - name.chars().last().map_or(0, char::len_utf8)];
    inner
        .rfind(openers)
        .map_or(name, |at| inner[..at].trim_end())
}

/// The body named at the start of a title: a name of at least three characters ending in one
/// of [`ORG_SUFFIXES`], with something before the ending (政府 in 2024年政府工作报告 names no
/// one). None for the title of a law, a regulation or a court case.
fn org_in(title: &str) -> Option<String> {
    let title = title.trim();
    if is_law_or_case_title(title) {
        return None;
    }
    // Dates are left out wherever they stand (2021年度…, 2016年10月…, 大鹏新区2022年管委会…),
    // then a leading 关于.
    let mut undated = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        undated.push_str(&rest[..at]);
        rest = rest[at..].trim_start_matches(|c: char| c.is_ascii_digit());
        rest = rest.trim_start_matches("年度");
        rest = rest.trim_start_matches(['年', '月', '日']);
    }
    undated.push_str(rest);
    let about = undated.trim_start().trim_start_matches("关于");
    // A body after a preposition or a verb is what the document acts on, not who issued it:
    // 关于对杭州市政府开展专项督查情况的通报, 关于督促城关镇政府整改的通知.
    if OBJECT_OPENERS.iter().any(|w| about.starts_with(w)) {
        return None;
    }
    // After 关于, a body opens the rest only if it names its place or is a national one
    // (关于杭州市财政局2023年部门决算的说明); a verb that no list can hold (开展, 征集, 加强, …)
    // opens what the document does (关于开展深圳市人民政府规章清理工作的通知).
    let after_guanyu = about.len() < undated.trim_start().len();
    if after_guanyu && !opens_with_place_or_nation(about, MAX_PLACE_AFTER_GUANYU_CHARS) {
        return None;
    }
    body_at_start(about)
}

/// Words after which a title names the body a document acts on or is addressed to, or the
/// document it hands on (关于印发深圳市城市更新办法的通知: the issuer is not in the title).
const OBJECT_OPENERS: &[&str] = &[
    "对", "向", "给", "督促", "责成", "要求", "表彰", "通报", "批准", "同意", "支持", "授予",
    "命名", "撤销", "调整", "印发", "转发", "批转", "公布", "发布", "颁布", "下达", "废止", "修改",
    "修订",
];

/// The body a speech's speaker stands for: 龙华区人民政府 in 现在，我代表龙华区人民政府向大会
/// 报告政府工作. It must open with a place of at least two characters before its ending (光明区,
/// 大鹏新区): a body named by its level alone (区人民政府, 新区党工委) names no one.
fn speaker_body(line: &str) -> Option<String> {
    let at = line.find("我代表")? + "我代表".len();
    body_at_start(&line[at..]).filter(|body| {
        body.chars()
            .position(|c| "省市区县州盟旗".contains(c))
            .is_some_and(|p| p >= 2)
    })
}

/// The body at the start of `s`: its leading Chinese characters up to the first ending in
/// [`ORG_SUFFIXES`] (the longest of those that start there: 仲裁委员会, not 仲裁委), with at least
/// one character before the ending and three in all.
///
/// A body inside another keeps both names: a sub-body's name that follows at once, short and
/// itself ending in a body's ending, is part of it (国务院 + 国有资产监督管理委员会, 湖南省人民政府 +
/// 办公厅, 国家税务总局 + 深圳市税务局, 中共青溪市委 + 宣传部), while what the report is about
/// (法治政府, 政府信息公开工作, 关于印发…, 部门预算) is not.
fn body_at_start(s: &str) -> Option<String> {
    let name: String = s.chars().take_while(|c| is_cjk(*c)).collect();
    // An ending inside a word of what the report is about is none (宁波市总工会 + 部门预算:
    // 部 of 部门; …委员会 + 部署: 部 and 署; 办 of 办法, 办理, 办公楼).
    let opens_a_word = |at: usize| {
        [
            "部门",
            "部署",
            "部分",
            "局属",
            "办法",
            "办理",
            "办公楼",
            "办公用房",
            "办学",
            "办好",
        ]
        .iter()
        .any(|w| {
            name.match_indices(w)
                .any(|(j, _)| j <= at && at < j + w.len())
        })
    };
    let first_ending = |from: usize| {
        ORG_SUFFIXES
            .iter()
            .filter_map(|suf| {
                name[from..]
                    .match_indices(suf)
                    .map(|(i, _)| from + i)
                    .find(|&i| !opens_a_word(i))
                    .map(|i| (i, *suf))
            })
            .min_by_key(|&(i, suf)| (i, std::cmp::Reverse(suf.len())))
    };
    let (start, suffix) = first_ending(0)?;
    let mut end = start + suffix.len();
    if !(start > 0 && name[..end].chars().count() >= 3 && body_name_reads(&name[..end])) {
        return None;
    }
    while let Some((at, suffix)) = first_ending(end) {
        let sub = &name[end..at + suffix.len()];
        // An ending alone of one character is the next word's first (宁波市教育局 + 部门预算,
        // 宁波市司法局 + 局属单位, …委员会 + 部署), never a body: one alone of two or more is
        // (湖南省人民政府 + 办公厅).
        let abbreviated_office =
            suffix == "办" && (name[..end].ends_with('委') || name[..end].ends_with("政府"));
        if (at == end && suffix.chars().count() == 1 && !abbreviated_office)
            || sub.chars().count() > MAX_SUB_BODY_CHARS
            || NOT_IN_BODY_NAMES.iter().any(|w| sub.contains(w))
            || !body_name_reads(sub)
        {
            break;
        }
        end = at + suffix.len();
    }
    Some(name[..end].to_string())
}

/// A sub-body's name after its parent's is at most this long (国有资产监督管理委员会: 11).
const MAX_SUB_BODY_CHARS: usize = 12;

/// Words of what a report is about, never of the name of the body that wrote it.
const NOT_IN_BODY_NAMES: &[&str] = &[
    "法治", "关于", "印发", "工作", "年度", "情况", "报告", "信息",
];

/// The date the report was signed (a date alone on one of its last lines, or under a signature
/// before the body) or published
/// (来源/时间 lines, or ——2026年2月3日在… under the title).
pub(super) fn find_date(
    lines: &[String],
    kept: &[(usize, &str)],
    body_start: usize,
) -> Option<String> {
    let one_date = |t: &str| {
        find_cn_date(t)
            .or_else(|| find_iso_date(t))
            .filter(|d| nearly_all_of(d, t))
    };
    let date_alone = |t: &str| {
        let t = t.trim();
        one_date(t).or_else(|| signed_on_the_line(t)).or_else(|| {
            // Joint signers side by side, each dated under its name: the document is dated
            // when the last of them signed, the date on the right.
            let mut parts = t.split_whitespace();
            match (parts.next().and_then(one_date), parts.next(), parts.next()) {
                (Some(_), Some(last), None) => one_date(last),
                _ => None,
            }
        })
    };
    // Notes may follow the signature (`注释：` / `[1] …`): the date stands above them. A mark
    // with a date under it opens no notes: it numbers an item of the text (`①加强领导。`).
    let notes = (kept.len().saturating_sub(NOTES_LINES)..kept.len())
        .find(|&i| {
            opens_notes(kept[i].1) && !kept[i + 1..].iter().any(|(_, t)| date_alone(t).is_some())
        })
        .unwrap_or(kept.len());
    if let Some(d) = kept[..notes]
        .iter()
        .rev()
        .take(SIGNING_DATE_LINES)
        .find_map(|(_, t)| date_alone(t))
    {
        return Some(d);
    }
    // A signature dated by its month alone (`城关镇人民政府` / `2024年1月`), or in digits
    // (`2024.1.20`, which a table's last cell may also be, so only under a signature).
    if let Some(d) = kept[..notes]
        .windows(2)
        .rev()
        .take(SIGNING_DATE_LINES)
        .find_map(|w| {
            is_signature(signature_name(w[0].1))
                .then(|| year_month_alone(w[1].1).or_else(|| numeric_date_alone(w[1].1)))
                .flatten()
        })
    {
        return Some(d);
    }
    // A notice signed before what it issues (…关于印发…的通知 / 某市人民政府办公厅 / 2023年5月10日 /
    // the attached plan), or an order before what it promulgates (… / 总理　李克强 / 2019年10月22日
    // / the regulation): a date alone right under a signature or a signer, before the body.
    // A white paper is dated by its month under its publisher (国务院新闻办公室 / 2023年1月).
    let header = &kept[..body_start.min(kept.len())];
    if let Some(d) = header.windows(2).find_map(|w| {
        let above = w[0].1.trim();
        (is_signature(signature_name(above)) || is_signer(above))
            .then(|| date_alone(w[1].1).or_else(|| year_month_alone(w[1].1)))
            .flatten()
    }) {
        return Some(d);
    }
    // A speech dated above its speaker (`政府工作报告` / `2024年1月20日` / `某某省省长　王五`).
    if let Some(d) = header.windows(2).find_map(|w| {
        is_signer(w[1].1.trim())
            .then(|| date_alone(w[0].1))
            .flatten()
    }) {
        return Some(d);
    }
    // A document dated in brackets under its title (`中共中央　国务院关于…的意见` /
    // `（2024年1月1日）`), as the central documents are published.
    if let Some(d) = header.iter().take(HEADER_LINES).find_map(|(_, t)| {
        let t = t.trim();
        let inner = t
            .strip_prefix(['（', '('])
            .and_then(|r| r.strip_suffix(['）', ')']))?;
        find_cn_date(inner.trim()).filter(|d| d == inner.trim())
    }) {
        return Some(d);
    }
    // When a speech was given comes before when a site published it, wherever they stand.
    let opening = || {
        lines
            .iter()
            .take(PUBLICATION_DATE_LINES)
            // Also as a Markdown quote (`> 发布时间：2024-01-30　来源：…`).
            .map(|line| line.trim().trim_start_matches('>').trim_start())
    };
    let occasion = opening().find(|t| t.starts_with("——") || is_occasion(t));
    let published = || {
        opening()
            .filter(|t| t.starts_with("来源") || t.starts_with("时间") || t.starts_with("发布时间"))
    };
    let dated = |t: &str| find_iso_date(t).or_else(|| find_cn_date(t));
    occasion
        .and_then(|t| dated(t).or_else(|| month_of_occasion(t)))
        .or_else(|| published().find_map(dated))
        // Last, a page's date alone above its title (`2023年12月1日` / `关于…的通知`).
        .or_else(|| {
            (0..header.len().min(HEADER_LINES)).find_map(|i| page_date_over_title(header, i))
        })
}

/// The date of kept line `i` when it stands alone over the title, apart from it (see
/// [`date_apart_from`]): over a whole title line (`2023年12月1日` / `关于…的通知`), or over a
/// place's name over the rest of the title (`2024年3月` / `平江县` / `2023年…年度报告`).
fn page_date_over_title(kept: &[(usize, &str)], i: usize) -> Option<String> {
    let line = kept.get(i)?.1;
    // Also spaced out (`2024 年 1 月`).
    let date = page_date(line).or_else(|| year_month_alone(&without_spaces(line)))?;
    let next = kept.get(i + 1)?.1.trim();
    if is_whole_title_line(next) {
        return date_apart_from(&date, next).then_some(date);
    }
    // A body's name between them (`2024年3月` / `平江县人民政府` / `关于…`) leaves a cover's date
    // (in Chinese, not a page's time stamp) apart as over the title they make.
    if is_signature(next) && opens_with_place_or_nation(next, 5) && date.contains('年') {
        let rest = kept.get(i + 2)?.1.trim();
        return (is_whole_title_line(rest) && date_apart_from(&date, &format!("{next}{rest}")))
            .then_some(date);
    }
    // A place's name between them makes the date the cover's, whatever the title, or the
    // order's name (`北京市` / `人民政府令`).
    place_alone(next)?;
    let rest = unspaced(kept.get(i + 2)?.1.trim());
    (is_whole_title_line(&rest) || order_name(&rest).is_some_and(|(_, more)| more.is_empty()))
        .then_some(date)
}

/// The month an occasion line names when it names no day: `2024年1月` in
/// `——2024年1月在温州市第十六届人民代表大会第三次会议上`.
fn month_of_occasion(t: &str) -> Option<String> {
    let inner = t.trim_start_matches(OCCASION_OPENERS);
    let chars: Vec<char> = inner.chars().collect();
    year_at(&chars, 0)?;
    (chars.get(4) == Some(&'年')).then_some(())?;
    let m = month_or_day_at(&chars, 5, 12)?;
    (chars.get(5 + m) == Some(&'月')).then(|| chars[..6 + m].iter().collect())
}

/// What an occasion line opens with before its date: a bracket, a dash, spaces.
const OCCASION_OPENERS: [char; 6] = ['（', '(', '—', '-', ' ', '\u{3000}'];

/// The line under a speech's title that says when and where it was given, in brackets or
/// alone: `（2024年1月9日在青溪县第十八届人民代表大会第四次会议上）`.
fn is_occasion(t: &str) -> bool {
    let inner = t.trim_start_matches(OCCASION_OPENERS);
    let inner = inner.trim_end_matches(['）', ')', ' ', '\u{3000}']);
    // Given at a meeting (在…会议上), not adopted by one (…会议通过, a law's note).
    (inner.ends_with("会议上") || inner.ends_with("大会上"))
        && find_cn_date(inner).is_some_and(|d| {
            inner.starts_with(&d) && inner[d.len()..].trim_start().starts_with('在')
        })
}

/// Whether a date found in `t` is nearly all of it (a mark or two may stand around it): a
/// date alone on its line.
fn nearly_all_of(date: &str, t: &str) -> bool {
    date.chars().count() + 2 >= t.chars().count()
}

/// The date of a line that holds a date alone, as a page prints it above its title: in Chinese
/// (`2023年12月1日`) or in digits (`2023-12-01`, `2023.12.1`, `2023/12/01`), maybe followed by
/// a time (`10:30`) and a weekday (`星期四`, `周四`).
fn page_date(t: &str) -> Option<String> {
    let t = t.trim();
    // Spaced out, too (`2024 年 3 月 28 日`).
    if let Some(date) = find_cn_date(t).filter(|d| nearly_all_of(d, t)) {
        return Some(date);
    }
    let mut pieces = t.split_whitespace();
    let first = pieces.next()?;
    let date = find_cn_date(first)
        .filter(|d| nearly_all_of(d, first))
        .or_else(|| find_iso_date(first).filter(|d| d == first))
        .or_else(|| numeric_date_alone(first))?;
    let time = |p: &str| p.contains(':') && p.chars().all(|c| c.is_ascii_digit() || c == ':');
    let weekday = |p: &str| {
        p.strip_prefix("星期")
            .or_else(|| p.strip_prefix('周'))
            .is_some_and(|d| d.chars().count() == 1)
    };
    pieces.all(|p| time(p) || weekday(p)).then_some(date)
}

/// Whether a line is a page's date alone ([`page_date`]) or a year and month alone
/// (`2024年3月`), as a page or a cover sets it over the title.
fn is_date_line(t: &str) -> bool {
    page_date(t).is_some() || year_month_alone(t).is_some()
}

/// Whether a date line stands apart from the title under it: a full date does; a year and month
/// only over a title that holds its own year (`2024年3月` / `杭州市2023年法治政府建设年度报告`),
/// is a year's (`平江县法治政府建设年度报告`, a 政府工作报告: no month's report) or opens with 关于
/// (a month never begins one), since over `全县经济运行情况分析报告` it is the title's own time.
fn date_apart_from(date: &str, title: &str) -> bool {
    let years = || {
        holds_a_year(title)
            || title.contains("年度")
            || title.ends_with("政府工作报告")
            || title.starts_with("关于")
    };
    page_date(date).is_some() || year_month_alone(date).is_some() && years()
}

/// Whether a line names a year (`2023年`, `二〇二三年`).
fn holds_a_year(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    (0..chars.len()).any(|i| year_at(&chars, i).is_some() && chars.get(i + 4) == Some(&'年'))
}

/// Whether a line is a date in Chinese alone (`2024年1月15日`), as under a signature.
pub(super) fn is_cn_date_alone(t: &str) -> bool {
    let t = t.trim();
    find_cn_date(t).is_some_and(|d| nearly_all_of(&d, t))
}

/// Lines at the end of a report searched for the start of its notes.
const NOTES_LINES: usize = 20;

/// Whether a line opens the notes after a report's signature: `注释：`, `注：`, `附注`, `备注：`,
/// or a first note mark (`[1]`, `①`, `〔1〕`).
fn opens_notes(t: &str) -> bool {
    let t = t.trim();
    [
        "注释",
        "注：",
        "注:",
        "附注",
        "备注：",
        "备注:",
        "[1]",
        "［1］",
        "①",
        "〔1〕",
    ]
    .iter()
    .any(|p| t.starts_with(p))
}

/// 2024年2月19日, or in Chinese numerals (二〇二四年一月十日), with full-width digits
/// (２０２４年１月２０日) or spaces around the numbers (2024 年 1 月 20 日, as a signature
/// spaced out to fill its line), as written.
pub(super) fn find_cn_date(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    // The position after the spaces at `j`, and after those spaces and the mark `mark`.
    let spaces_after = |j: usize| {
        j + chars[j.min(chars.len())..]
            .iter()
            .take_while(|c| matches!(c, ' ' | '　'))
            .count()
    };
    let mark_after = |j: usize, mark: char| {
        let j = spaces_after(j);
        (chars.get(j) == Some(&mark)).then_some(j + 1)
    };
    for i in 0..chars.len() {
        if year_at(&chars, i).is_none() {
            continue;
        }
        let Some(j) = mark_after(i + 4, '年').map(spaces_after) else {
            continue;
        };
        let Some(j) = month_or_day_at(&chars, j, 12)
            .and_then(|m| mark_after(j + m, '月'))
            .map(spaces_after)
        else {
            continue;
        };
        let Some(end) = month_or_day_at(&chars, j, 31).and_then(|d| mark_after(j + d, '日'))
        else {
            continue;
        };
        return Some(chars[i..end].iter().collect());
    }
    None
}

/// A line that is a year and a month and nothing else: `2024年1月`, `二〇二四年一月`.
fn year_month_alone(t: &str) -> Option<String> {
    let t = t.trim();
    let chars: Vec<char> = t.chars().collect();
    year_at(&chars, 0)?;
    let m = month_or_day_at(&chars, 5, 12)?;
    (chars.get(4) == Some(&'年') && chars.get(5 + m) == Some(&'月') && chars.len() == 6 + m)
        .then(|| t.to_string())
}

/// How many characters the month or day number at `j` takes: one or two Arabic digits, or a
/// Chinese numeral (一, 十, 十二, 二十六, 三十一) of at most `most`.
fn month_or_day_at(chars: &[char], j: usize, most: u32) -> Option<usize> {
    let from = &chars[j.min(chars.len())..];
    // 元月: the first month, as a new year's documents write it.
    if most == 12 && from.first() == Some(&'元') {
        return Some(1);
    }
    let arabic = from
        .iter()
        .take_while(|&&c| arabic_digit(c).is_some())
        .count();
    if arabic > 0 {
        return (arabic <= 2).then_some(arabic);
    }
    let numeral: String = from
        .iter()
        .take_while(|c| "〇一二三四五六七八九十".contains(**c))
        .take(3)
        .collect();
    let n = numeral.chars().count();
    let value = super::headings::law_numeral_value(&numeral)?;
    (n > 0 && (1..=most).contains(&value)).then_some(n)
}

/// A date in digits alone on its line, as offices also sign: `2024.1.20`, `2024/1/20`,
/// `2024-1-20` (one separator throughout, a month of 1 to 12 and a day of 1 to 31). Only a
/// whole line: a body's `2024.12` is an amount or a version, not a date.
fn numeric_date_alone(t: &str) -> Option<String> {
    let t = t.trim();
    let sep = t.chars().nth(4).filter(|c| matches!(c, '.' | '/' | '-'))?;
    let mut parts = t.split(sep);
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let number = |p: &str, len: std::ops::RangeInclusive<usize>, most: u32| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
            .filter(|v| (1..=most).contains(v))
    };
    let month = number(month, 1..=2, 12)?;
    let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month as usize - 1];
    (parts.next().is_none()
        && number(year, 4..=4, 2999).is_some_and(|y| y >= 1949)
        && number(day, 1..=2, longest).is_some())
    .then(|| t.to_string())
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
