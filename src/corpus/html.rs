//! HTML: the text of a web page, one line per block element.
//!
//! This module owns which elements are page chrome (scripts, navigation, headers, footers) and
//! which end a line. It knows nothing of reports or encodings.

/// Elements whose text is never part of the report.
const HTML_DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form",
    "button", "select", "iframe", "svg",
];

/// Elements that end a line of text.
const HTML_BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "td",
    "th",
    "section",
    "article",
    "main",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
    "title",
    "center",
    "body",
];

/// Deepest element nesting parsed as HTML. The HTML parser checks scopes by scanning its stack
/// of open elements, so its time grows with the square of the depth (50,000 nested `<div>`s
/// took 18 s); a page nested deeper than this, which no real report is, is read as plain text
/// with its tags removed, with a warning.
pub const MAX_HTML_DEPTH: usize = 1024;

/// Elements that have no end tag.
const HTML_VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The deepest nesting of elements in a page, by a quick scan of its tags (comments, scripts
/// and attributes are not understood; an estimate good enough to refuse absurd pages).
pub fn html_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        i += at + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let name_len = bytes[start.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        let end = bytes[start..].iter().position(|&b| b == b'>');
        let self_closing = end.is_some_and(|e| e > 0 && bytes[start + e - 1] == b'/');
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing && !HTML_VOID.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// The text of a page with its tags removed, one line per source line: the reading of a page
/// too deep to parse.
pub fn stripped_lines(html: &str) -> Vec<String> {
    let mut text = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The text of an HTML page, one line per block element, with scripts, styles, navigation,
/// headers and footers dropped. Elements marked as page chrome (`role="navigation"`, or a class
/// or id naming a breadcrumb, a menu, a bar, a footer or related links) are dropped too.
pub fn html_lines(html: &str) -> Vec<String> {
    html_text(html).lines
}

/// What a page gives the reader: its lines, each line's heading level, and its title.
pub struct PageText {
    /// One line per block element (see [`html_lines`]).
    pub lines: Vec<String>,
    /// Per line, `Some(n)` for the text of an `<hn>` element, as a .docx paragraph in a Heading
    /// style is given (the report's grammar decides whether it heads a section).
    pub levels: Vec<Option<u8>>,
    /// Per line, whether it follows a `<br>` inside the same heading element as the line before
    /// (`<h3>一、加强<br>安全生产监管</h3>`, `<h1>…的通知<br>某政发〔2024〕3号</h1>`): whether it
    /// wraps the heading's name or stands on its own is the report grammar's to say.
    pub wrapped: Vec<bool>,
    /// The `<title>`, without the site's name after it (`…年度报告_平江县人民政府`,
    /// `…年度报告 - 平江县人民政府`, `…年度报告|平江县人民政府`).
    pub title: Option<String>,
}

/// Shortest page title kept, in characters: a bare site name's tab says nothing.
const MIN_PAGE_TITLE_CHARS: usize = 4;

/// A page's `<title>` without the site's name after its separator.
fn page_title(doc: &scraper::Html) -> Option<String> {
    let selector = scraper::Selector::parse("head > title").expect("static selector");
    let whole: String = doc.select(&selector).next()?.text().collect();
    let whole = whole.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut first = ["_", "|", "｜", " - ", " — ", " – "]
        .iter()
        .filter_map(|sep| whole.find(sep))
        .min()
        .map_or(whole.as_str(), |at| &whole[..at])
        .trim();
    // An unspaced dash before a site's name (`…年度报告-平江县人民政府`); a span of years
    // (`2021-2025年规划`) has digits after its dash.
    if let Some((before, after)) = first.rsplit_once(['-', '－']) {
        if !after.is_empty() && !after.contains(char::is_numeric) {
            first = before.trim();
        }
    }
    (first.chars().count() >= MIN_PAGE_TITLE_CHARS).then(|| first.to_string())
}

/// [`html_lines`], with each line's heading level and the page's title.
pub fn html_text(html: &str) -> PageText {
    let doc = scraper::Html::parse_document(html);
    let mut out = Lines::default();
    let root = doc
        .select(&scraper::Selector::parse("body").expect("static selector"))
        .next()
        .map(|b| *b)
        .unwrap_or_else(|| *doc.root_element());
    html_walk(root, &mut out);
    out.flush();
    PageText {
        lines: out.lines,
        levels: out.levels,
        wrapped: out.wrapped,
        title: page_title(&doc),
    }
}

/// The lines read so far, the line being built, and the heading element it is in, if any.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    levels: Vec<Option<u8>>,
    current: String,
    heading: Option<u8>,
    /// Whether the space `current` ends with stands for a line break of the page's source.
    soft: bool,
    /// How many `<pre>` elements the walk is in: there a line break is one.
    pre: usize,
    /// Whether the next line follows a `<br>` inside the heading element it is in.
    after_break: bool,
    /// Per line, whether it follows a `<br>` inside the same heading element as the line before.
    wrapped: Vec<bool>,
}

/// The white space of HTML text, which a browser shows as one space.
fn is_html_space(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t' | ' ')
}

/// Whether `c` is written without spaces around it in Chinese text: a Han ideograph, CJK
/// punctuation (、。「」) or a full-width form (，（）：).
fn is_unspaced(c: char) -> bool {
    crate::analysis::is_han(c)
        || matches!(c,
            '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”' | '‘' | '’' | '—' | '…')
}

/// Whether text broken by a line break between `before` and `after` joins with no space: between
/// Chinese characters, or between one and a digit (`法律\n顾问` is 法律顾问, `Rule of\nlaw` keeps
/// its space).
fn joins_without_space(before: &str, after: &str) -> bool {
    match (before.chars().next_back(), after.chars().next()) {
        (Some(b), Some(n)) => {
            is_unspaced(b) && (is_unspaced(n) || n.is_ascii_digit())
                || b.is_ascii_digit() && is_unspaced(n)
        }
        _ => false,
    }
}

/// `next`, a line after a `<br>` that wraps `line`'s text (see [`PageText::wrapped`]), joined to
/// it as a line break of the page's source is.
pub fn join_wrapped(line: &mut String, next: &str) {
    if !joins_without_space(line, next) {
        line.push(' ');
    }
    line.push_str(next);
}

impl Lines {
    /// Adds a text node's text: each run of white space is one space, except a run holding a
    /// line break between Chinese characters, or between one and a digit, which is none. A
    /// page's source wraps its lines anywhere, and `法律\n顾问` is the word 法律顾问 (as a .docx
    /// joins its line breaks), while `Rule of\nlaw` keeps its space.
    fn push_text(&mut self, text: &str) {
        if self.pre > 0 {
            // Preformatted text keeps its lines.
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.push_words(first);
            }
            for line in lines {
                self.flush();
                self.push_words(line);
            }
            return;
        }
        self.push_words(text);
    }

    /// [`push_text`](Self::push_text) for text outside `<pre>`.
    fn push_words(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let word = rest.trim_start_matches(is_html_space);
            let run = &rest[..rest.len() - word.len()];
            if !run.is_empty() {
                let broken = run.contains(['\n', '\r']);
                if self.current.ends_with(' ') {
                    // A space already stands for the run: it stays soft only if both were breaks.
                    self.soft &= broken;
                } else if !self.current.is_empty() {
                    self.current.push(' ');
                    self.soft = broken;
                }
                rest = word;
                continue;
            }
            let end = word.find(is_html_space).unwrap_or(word.len());
            let (word, after) = word.split_at(end);
            if self.soft && self.current.ends_with(' ') {
                let before = &self.current[..self.current.len() - 1];
                if joins_without_space(before, word) {
                    self.current.pop();
                }
            }
            self.soft = false;
            self.current.push_str(word);
            rest = after;
        }
    }

    fn flush(&mut self) {
        let line = self.current.trim();
        if !line.is_empty() {
            self.lines.push(line.to_string());
            self.levels.push(self.heading);
            self.wrapped.push(std::mem::take(&mut self.after_break));
        }
        self.current.clear();
        self.soft = false;
    }
}

/// The heading level of an element named `h1` to `h6`.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', n @ b'1'..=b'6'] => Some(n - b'0'),
        _ => None,
    }
}

/// One step of the walk: visit a node, or leave a block element (and the heading it closes,
/// restoring the level of the one it was in).
enum Step<'a> {
    Visit(ego_tree::NodeRef<'a, scraper::Node>),
    Leave {
        block: bool,
        heading: Option<Option<u8>>,
        pre: bool,
    },
}

/// Walks the tree with an explicit stack, never recursion: a page of 50,000 nested elements
/// must not overflow the thread's stack. Memory grows with the page, which is bounded by
/// [`super::MAX_FILE_BYTES`].
fn html_walk(root: ego_tree::NodeRef<'_, scraper::Node>, out: &mut Lines) {
    let mut stack: Vec<Step<'_>> = root.children().rev().map(Step::Visit).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave {
                block,
                heading,
                pre,
            } => {
                if block {
                    out.flush();
                }
                if pre {
                    out.pre -= 1;
                }
                if let Some(outer) = heading {
                    out.after_break = false;
                    out.heading = outer;
                }
                continue;
            }
            Step::Visit(node) => node,
        };
        match node.value() {
            scraper::Node::Text(text) => out.push_text(text),
            scraper::Node::Element(el) => {
                let name = el.name();
                if HTML_DROPPED.contains(&name) || is_navigation(el) {
                    continue;
                }
                // A `<br>` in a heading may wrap its name (`<h3>一、加强<br>安全生产监管</h3>`) or
                // set off a line of its own (a title's date or number): the line after it is
                // marked, and the reader decides (see [`PageText::wrapped`]).
                if name == "br" && out.heading.is_some() {
                    out.flush();
                    out.after_break = true;
                    continue;
                }
                let block = HTML_BLOCKS.contains(&name);
                if block {
                    out.flush();
                }
                let heading = heading_level(name).map(|level| {
                    let outer = out.heading;
                    out.heading = Some(level);
                    outer
                });
                let pre = name == "pre";
                if pre {
                    out.pre += 1;
                }
                stack.push(Step::Leave {
                    block,
                    heading,
                    pre,
                });
                stack.extend(node.children().rev().map(Step::Visit));
            }
            _ => {}
        }
    }
}

/// Words of a class or id that mark page chrome when a word starts with them (`navbar`,
/// `footer-links`, `share-box`).
const CHROME_PREFIXES: &[&str] = &[
    "breadcrumb",
    "nav",
    "menu",
    "crumb",
    "share",
    "toolbar",
    "footer",
    "copyright",
    "sidebar",
    "topbar",
    "bdshare",
    "bshare",
    "jiathis",
];

/// Words of a class or id that mark page chrome only as whole words: as prefixes they would
/// take in content (`topic`, `headline`, `positions`). Government sites name their bars and
/// footers so (`top-bar`, `bottom`, `related`, `position` for 您的位置), often by the initials of
/// their pinyin: `dh` 导航, `wzdh` 网站导航, `wzdb` 网站底部, `dqwz` 当前位置, `xgxx`/`xgxw`/
/// `xgwz`/`xglj` 相关信息/新闻/文章/链接, `yqlj` 友情链接, `fx` 分享, `dy` 打印, `bq` 版权, `wza` 无障碍.
const CHROME_WORDS: &[&str] = &[
    "top", "bottom", "foot", "header", "related", "relate", "position", "tools", "dh", "daohang",
    "wzdh", "wzdb", "dbdh", "dqwz", "xgxx", "xgxw", "xgwz", "xglj", "yqlj", "fx", "fenxiang", "dy",
    "bq", "bqxx", "wza",
];

fn is_navigation(el: &scraper::node::Element) -> bool {
    if matches!(
        el.attr("role"),
        Some("navigation" | "banner" | "contentinfo" | "complementary")
    ) {
        return true;
    }
    let marked = |v: Option<&str>| {
        v.is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.split([' ', '-', '_']).any(|w| {
                CHROME_PREFIXES.iter().any(|k| w.starts_with(k)) || CHROME_WORDS.contains(&w)
            })
        })
    };
    marked(el.attr("class")) || marked(el.attr("id"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_pages_are_measured() {
        let deep = format!("{}x{}", "<div>".repeat(2000), "</div>".repeat(2000));
        assert_eq!(html_depth(&deep), 2000);
        assert_eq!(html_depth("<p>a<br>b<img src=x/></p><p>c</p>"), 1);
        assert_eq!(stripped_lines(&deep), vec!["x"]);
    }

    #[test]
    fn html_keeps_body_paragraphs_and_drops_scripts_and_navigation() {
        let html = "<html><head><title>t</title><script>var x=1;</script></head><body>\
            <nav>首页 > 政务公开</nav><div class=\"breadcrumb\">您的位置：首页</div>\
            <h1>2021年度报告</h1><p>一、总体情况</p><p>正文<b>加粗</b>内容</p>\
            <script>alert(1)</script><style>p{}</style></body></html>";
        assert_eq!(
            html_lines(html),
            vec!["2021年度报告", "一、总体情况", "正文加粗内容"]
        );
    }

    /// Government sites mark their bars, footers and link lists by class or id only.
    #[test]
    fn html_drops_bars_footers_and_related_links_marked_by_class() {
        let html = "<body><div class=\"top-bar\">无障碍浏览 | 长者模式 | 登录</div>\
            <div class=\"position\">当前位置：首页 > 政务公开</div><table><tr><td class=\"dh\">网站首页 | 政务公开</td></tr></table>\
            <div class=\"article\"><h1 class=\"article-title\">2023年度报告</h1>\
            <div class=\"topic headline\"><p>一、总体情况</p></div><p>正文内容</p></div>\
            <div class=\"related\"><p>相关链接：2022年度报告</p></div>\
            <div id=\"footer-links\">友情链接</div><div class=\"bottom\">版权所有</div>\
            <div class=\"wzdh\">首页 | 机构</div><div class=\"xgxx\">相关信息</div><div class=\"wzdb\">主办</div></body>";
        assert_eq!(
            html_lines(html),
            vec!["2023年度报告", "一、总体情况", "正文内容"]
        );
    }

    /// A page's source wraps its lines anywhere: a line break between Chinese characters, or
    /// between one and a digit, is no space (法律\n顾问 is one word, inside an inline element
    /// too), while English keeps its space and a typed space stays; `<pre>` keeps its lines.
    #[test]
    fn html_source_line_breaks_do_not_split_chinese_words() {
        let html = "<body><p>聘请法律\n顾问参与决策，\n    行政复议\n    应诉工作。Rule of\nlaw，2023年\n1月</p>\
            <p>法律\n<b>顾问</b>制度\n<i>Law</i></p><p>法律 顾问</p><pre>预格式\n法律顾问\n  缩进</pre></body>";
        assert_eq!(
            html_lines(html),
            vec![
                "聘请法律顾问参与决策，行政复议应诉工作。Rule of law，2023年1月",
                "法律顾问制度 Law",
                "法律 顾问",
                "预格式",
                "法律顾问",
                "缩进",
            ]
        );
    }

    /// A line after a `<br>` inside a heading is marked as such; a `<br>` elsewhere, or the
    /// heading's first line, is not.
    #[test]
    fn html_marks_lines_after_a_line_break_inside_a_heading() {
        let html = "<body><h3>一、加强<br>安全生产监管</h3><p>（一）开展排查。<br>对企业检查。</p>\
            <h1>关于…的通知<br/>\n  某政发〔2024〕3号<br></h1><p>正文</p></body>";
        let page = html_text(html);
        assert_eq!(
            page.lines,
            vec![
                "一、加强",
                "安全生产监管",
                "（一）开展排查。",
                "对企业检查。",
                "关于…的通知",
                "某政发〔2024〕3号",
                "正文"
            ]
        );
        assert_eq!(
            page.levels,
            vec![Some(3), Some(3), None, None, Some(1), Some(1), None]
        );
        assert_eq!(
            page.wrapped,
            vec![false, true, false, false, false, true, false]
        );
    }

    /// Share bars (Baidu, bShare, JiaThis) are page chrome; the links to the articles before
    /// and after are dropped as lines (`上一篇：…`), whatever their class, since gov.cn names
    /// its article body `pages_content` and some sites `article pages` or `fy`, which must stay.
    #[test]
    fn html_drops_share_bars_and_keeps_bodies_classed_like_pagination() {
        let html = "<body><div class=\"content\"><p>一、主要工作</p><p>全年办理许可1320件。</p>\
            <p>青溪市林业局</p><p>2024年1月29日</p></div>\
            <div class=\"bdsharebuttonbox\"><a class=\"bds_weixin\">分享到微信</a></div>\
            <div class=\"bshare-custom\">分享到：<a>QQ空间</a></div><div class=\"jiathis_style\">人人网</div>\
            <div class=\"fy\">上一篇：<a>青溪市林业局2022年法治政府建设工作报告</a></div>\
            <div class=\"next\">下一篇：<a>关于森林防火的通知</a></div>\
            <div class=\"pages_content\"><p>二、存在问题</p></div><div class=\"article pages\"><p>三、下一步</p></div></body>";
        assert_eq!(
            html_lines(html),
            vec![
                "一、主要工作",
                "全年办理许可1320件。",
                "青溪市林业局",
                "2024年1月29日",
                "上一篇：青溪市林业局2022年法治政府建设工作报告",
                "下一篇：关于森林防火的通知",
                "二、存在问题",
                "三、下一步",
            ]
        );
    }
}
