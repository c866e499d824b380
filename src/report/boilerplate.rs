//! Boilerplate: which lines of a page are not part of the report.
//!
//! This module owns the conservative rules that recognise web-page and editor artefacts
//! (breadcrumbs, 来源/时间 lines, page controls, image names, Word bookmarks). It looks at one
//! line at a time and knows nothing of headings or report facts.

use std::borrow::Cow;

use super::facts::{find_cn_date, find_iso_date};

/// A line longer than this many characters is never boilerplate: page artefacts are short, and
/// a sentence of a report is not dropped because it happens to start like one.
const MAX_BOILERPLATE_CHARS: usize = 60;

/// What the cleaner makes of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind<'a> {
    /// Blank.
    Blank,
    /// Web-page or editor boilerplate: not part of the report.
    Boilerplate,
    /// Report text, possibly with an inline editor artefact removed (the kept text). Borrowed
    /// from the line unless something was removed.
    Text(Cow<'a, str>),
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
    "扫一扫在手机打开当前页",
    "在手机打开当前页",
    "扫一扫",
    "分享到微信",
    "微信",
    "微博",
    "新浪微博",
    "腾讯微博",
    "QQ空间",
    "QQ好友",
    "人人网",
    "豆瓣",
    "大",
    "中",
    "小",
];

/// Classifies one line. Conservative: a line is boilerplate only when it is short and matches a
/// known page artefact as a whole, so no sentence of a report is ever dropped.
pub fn classify_line(line: &str) -> LineKind<'_> {
    let t = line.trim_matches(|c: char| c.is_whitespace());
    if t.is_empty() {
        return LineKind::Blank;
    }
    let short = t.chars().nth(MAX_BOILERPLATE_CHARS).is_none();
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
        || short && is_dated_source_line(t)
        || t.starts_with("如若转载")
        || short && matches!(t, "相关报道：" | "相关报道:" | "相关链接：" | "相关阅读：")
        || short && is_neighbour_link(t)
        || short && is_navigation_row(t)
        || short && t.starts_with("<!--") && t.ends_with("-->")
        || short && is_image_name(t)
        || short && is_page_controls(t)
        || short && starts_with_any(t, EDITOR_CREDITS)
        || short && t.starts_with("（来源：") && t.ends_with('）')
        || is_site_footer(t, short)
        || is_markup_only(t)
        || matches!(t, "首页" | "大" | "中" | "小")
    {
        return LineKind::Boilerplate;
    }
    let cleaned = strip_editor_artefacts(line);
    if cleaned.trim().is_empty() {
        return LineKind::Boilerplate;
    }
    LineKind::Text(cleaned)
}

/// Fields of a government site's footer: who runs it, who built it, its registrations.
const FOOTER_FIELDS: &[&str] = &[
    "版权所有",
    "主办单位",
    "承办单位",
    "协办单位",
    "技术支持",
    "网站标识码",
    "Copyright",
    "copyright",
    "©",
];

/// A site footer's line: a registration number (`湘ICP备12003456号`, `公网安备 43…号`) anywhere,
/// which no report text holds, or a short line opening with a footer field (`版权所有：…`).
fn is_site_footer(t: &str, short: bool) -> bool {
    // `ICP` is read on as ICP备 or ICP证, so one pass finds both.
    let registration = |mark: &str| {
        t.match_indices(mark).any(|(at, _)| {
            let rest = &t[at + mark.len()..];
            let rest = if mark == "ICP" {
                match rest.strip_prefix(['备', '证']) {
                    Some(rest) => rest,
                    None => return false,
                }
            } else {
                rest
            };
            rest.trim_start_matches([' ', '　', '：', ':'])
                .starts_with(|c: char| c.is_ascii_digit())
        })
    };
    // A field opens the line and a colon or a space follows its name: 承办单位应当… is a law's
    // sentence and 协办单位 alone a table's column, 承办单位：某某局 a footer's.
    let field = || {
        FOOTER_FIELDS.iter().any(|f| {
            t.strip_prefix(f).is_some_and(|rest| {
                rest.starts_with(['：', ':', ' ', '　', '©']) || f.ends_with('©')
            })
        })
    };
    // Every line passes here: a one-character search (one byte, with memchr) turns most away
    // before the substring search is set up.
    t.contains('P') && registration("ICP")
        || t.contains('备') && registration("公网安备")
        || short && field()
}

/// Credit lines of a web page's editors: `责任编辑：张三`.
const EDITOR_CREDITS: &[&str] = &[
    "责任编辑：",
    "责任编辑:",
    "编辑：",
    "编辑:",
    "审核：",
    "校对：",
    "阅读量：",
    "浏览次数：",
    "【责任编辑",
];

/// A line with no letter, digit or ideograph at all (`】`, `>`, `|`, `×`): a piece of page
/// markup, never a sentence.
fn is_markup_only(t: &str) -> bool {
    !t.chars().any(char::is_alphanumeric) && !t.chars().all(|c| c == '…' || c == '.')
}

/// A breadcrumb split over lines (`您的位置:` / `首页` / `>` / `云南要闻`): the opener, and
/// each short line right after a `>`, are boilerplate.
pub(super) fn drop_split_breadcrumbs(lines: &[String], kinds: &mut [LineKind<'_>]) {
    const MAX_CRUMB_CHARS: usize = 12;
    let mut in_crumbs = false;
    let mut after_arrow = false;
    for (line, kind) in lines.iter().zip(kinds.iter_mut()) {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let opener = BREADCRUMB_OPENERS.iter().any(|o| {
            t.strip_prefix(o)
                .is_some_and(|r| r.trim_matches(['：', ':', ' ']).is_empty())
        });
        if opener {
            *kind = LineKind::Boilerplate;
            in_crumbs = true;
            after_arrow = true;
            continue;
        }
        if !in_crumbs {
            continue;
        }
        if matches!(t, ">" | "＞" | "»" | "首页") {
            *kind = LineKind::Boilerplate;
            after_arrow = true;
        } else if after_arrow && t.chars().count() <= MAX_CRUMB_CHARS && !t.contains(['。', '，'])
        {
            *kind = LineKind::Boilerplate;
            after_arrow = false;
        } else {
            in_crumbs = false;
        }
    }
}

/// How a breadcrumb starts.
const BREADCRUMB_OPENERS: &[&str] = &[
    "您的位置",
    "您现在的位置",
    "当前位置",
    "你的位置",
    "你现在的位置",
];

fn starts_with_any(t: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| t.starts_with(p))
}

/// The site's home page, as a breadcrumb without an opener starts (`首页 > 政务公开 > …`).
const HOME_PAGE_LINKS: &[&str] = &["首页", "网站首页", "主页", "返回首页"];

/// Arrows between a breadcrumb's links.
const ARROWS: [char; 4] = ['>', '＞', '»', '›'];

fn is_breadcrumb(t: &str) -> bool {
    starts_with_any(t, BREADCRUMB_OPENERS) && (t.contains(ARROWS) || t.contains("首页"))
}

/// A path from the home page without an opener, its links a few characters each between arrows
/// (`首页 > 政务公开 > 法治政府建设`). Over a page's title it is a breadcrumb; in a report's text
/// it may be the way to a service the report describes, so alone it is no boilerplate.
pub(super) fn is_path_from_home(t: &str) -> bool {
    if !t.contains(ARROWS) {
        return false;
    }
    let links: Vec<&str> = t.split(ARROWS).map(str::trim).collect();
    links.len() >= 2
        && HOME_PAGE_LINKS.contains(&links[0])
        && links[1..]
            .iter()
            .all(|l| (1..=MAX_CRUMB_CHARS).contains(&l.chars().count()))
        && !t.contains(['，', '。', '；'])
}

/// Longest link of a breadcrumb without an opener, in characters.
const MAX_CRUMB_CHARS: usize = 20;

/// A site's navigation row as old table layouts print it, one line of short links between
/// bars: `首页 | 政务公开 | 互动交流 | 网站地图`. At least three links, each a few characters, and
/// the row opens with the home page or names the site map or the contact page.
fn is_navigation_row(t: &str) -> bool {
    let links: Vec<&str> = t
        .split(['|', '｜', '丨'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    links.len() >= 3
        && links
            .iter()
            .all(|l| (2..=6).contains(&l.chars().count()) && !l.contains(['，', '。', '；']))
        && (matches!(links[0], "首页" | "网站首页" | "返回首页")
            || links.iter().any(|l| matches!(*l, "网站地图" | "联系我们")))
}

/// A page's date before its source (`2023-05-12 来源：某某市人力资源和社会保障局`,
/// `2023年5月12日 10:30　来源：…`): the date, an optional time, then a source or reader field.
fn is_dated_source_line(t: &str) -> bool {
    let Some(date) = find_iso_date(t).or_else(|| find_cn_date(t)) else {
        return false;
    };
    let Some(rest) = t.strip_prefix(date.as_str()) else {
        return false;
    };
    let rest = rest.trim_start_matches([' ', '　', '\t']);
    let rest = rest
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ':')
        .trim_start_matches([' ', '　', '\t']);
    // Fields only: a sentence after the date (`… 来源：12345热线，群众反映…`) is report text.
    starts_with_any(
        rest,
        &["来源", "信息来源", "发布机构", "发布单位", "作者", "浏览"],
    ) && !rest.contains(['，', '。', '；'])
}

/// 来源：解放日报 / 时间：2026-02-09 / 来源:常德市科学技术局 2023-12-01 15:00 字体:【
fn has_date_or_source_end(t: &str) -> bool {
    t.starts_with("来源") || find_iso_date(t).is_some() || find_cn_date(t).is_some()
}

fn is_image_name(t: &str) -> bool {
    let ends_with = |e: &str| {
        t.len() >= e.len() && t.as_bytes()[t.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
    };
    [".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"]
        .iter()
        .any(|e| ends_with(e))
        && !t.contains(char::is_whitespace)
}

/// Marks that may stand between the words of a control bar.
const CONTROL_SEPARATORS: &str = "【】[]()（）：:|｜/,，、";

fn is_page_controls(t: &str) -> bool {
    // Removing control words leaves every other character, so a line with a character that is
    // in no control word, no separator and no space is never a control bar. Most lines fail
    // at their first character: this ran on every short line, and the substring searches
    // below, one per control word, were 2.3% of indexing's instructions (callgrind).
    static ALLOWED: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    let allowed = ALLOWED.get_or_init(|| {
        let mut chars: Vec<char> = CONTROL_WORDS
            .iter()
            .flat_map(|w| w.chars())
            .chain(CONTROL_SEPARATORS.chars())
            .collect();
        chars.sort_unstable();
        chars.dedup();
        chars
    });
    t.chars()
        .all(|c| c.is_whitespace() || allowed.binary_search(&c).is_ok())
        && is_control_words_only(t)
}

/// Whether `t` is only control words, separators and spaces, once it holds a control word of
/// two or more characters: every control word removed, longest first.
fn is_control_words_only(t: &str) -> bool {
    // Most lines hold no control word of two or more characters, and such a line is never a
    // control bar: they are answered without allocating.
    if !CONTROL_WORDS
        .iter()
        .any(|w| w.chars().nth(1).is_some() && t.contains(w))
    {
        return false;
    }
    // Longest first, so 打印本页 goes whole before 打印 would leave 本页.
    let mut words: Vec<&str> = CONTROL_WORDS.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let mut rest = t.to_string();
    for w in words {
        if rest.contains(w) {
            rest = rest.replace(w, "");
        }
    }
    rest.chars()
        .all(|c| c.is_whitespace() || CONTROL_SEPARATORS.contains(c))
}

/// A page's link to the article before or after it: `上一篇：青溪市…2022年…报告`,
/// `下一篇：没有了`. (Its title would be found as this page's text, and it stood between the
/// signature and the page's end.)
fn is_neighbour_link(t: &str) -> bool {
    ["上一篇", "下一篇", "上一条", "下一条"].iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| rest.trim_start().starts_with(['：', ':']))
    })
}

/// Removes inline artefacts of Word exports such as `[bookmark: _GoBack]`.
fn strip_editor_artefacts(line: &str) -> Cow<'_, str> {
    // A search for the byte '[' (memchr) first: a substring search on every line of every
    // report was 1.3% of indexing's instructions (callgrind), and few lines hold a '['.
    if !line
        .find('[')
        .is_some_and(|at| line[at..].contains("[bookmark:"))
    {
        return Cow::Borrowed(line);
    }
    let mut out = line.to_string();
    while let Some(start) = out.find("[bookmark:") {
        match out[start..].find(']') {
            Some(end) => out.replace_range(start..start + end + 1, ""),
            None => break,
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn control_line() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            prop::sample::select(CONTROL_WORDS.to_vec()).prop_map(str::to_string),
            prop::sample::select(CONTROL_SEPARATORS.chars().collect::<Vec<_>>())
                .prop_map(String::from),
            Just(" ".to_string()),
            Just("\u{3000}".to_string()),
            // Characters of control words out of their words, and others.
            "[下载打印关闭字号分享本页x法]",
        ];
        prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn the_quick_test_for_control_bars_never_changes_the_answer(t in control_line()) {
            prop_assert_eq!(is_page_controls(&t), is_control_words_only(&t));
        }
    }

    #[test]
    fn control_bars_are_told_from_sentences_that_use_their_words() {
        assert!(is_page_controls("【打印本页】 【关闭窗口】"));
        assert!(is_page_controls("分享到：|扫一扫"));
        assert!(!is_page_controls("打印本页后关闭窗口"));
        assert!(!is_page_controls("下载量"));
        assert!(is_page_controls("分享到微信新浪微博"));
        assert!(is_page_controls("分享到：QQ空间 人人网"));
    }

    /// A page's links to the articles before and after it are boilerplate in any format; a
    /// sentence about the next article is not.
    #[test]
    fn links_to_the_next_and_previous_article_are_boilerplate() {
        for line in [
            "上一篇：青溪市生态环境局2022年法治政府建设年度报告",
            "下一篇: 关于开展2024年生态环境执法大练兵的通知",
            "下一篇：没有了",
            "上一条：关于印发…的通知",
        ] {
            assert!(
                matches!(classify_line(line), LineKind::Boilerplate),
                "{line}"
            );
        }
        let sentence = "下一篇章将由各地共同书写。";
        assert!(matches!(classify_line(sentence), LineKind::Text(_)));
    }

    /// An old table layout's navigation row is boilerplate; a short list with bars in a report
    /// (a table row, a list of measures) is not.
    #[test]
    fn navigation_rows_are_boilerplate() {
        for line in [
            "首页 | 政务公开 | 互动交流 | 网站地图",
            "网站首页｜机构概况｜政策法规｜办事指南",
            "政务公开 丨 办事服务 丨 网站地图",
        ] {
            assert!(
                matches!(classify_line(line), LineKind::Boilerplate),
                "{line}"
            );
        }
        for line in [
            "罚款 | 没收 | 警告",
            "立法 | 执法 | 司法 | 守法",
            "首页 | 政务公开",
        ] {
            assert!(matches!(classify_line(line), LineKind::Text(_)), "{line}");
        }
    }
}
