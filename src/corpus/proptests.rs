//! Property tests of the reader: any bytes, as any format, are read or refused, never a panic,
//! and what is read respects the limits. `PROPTEST_CASES=1000000` runs them for longer (see the
//! README's Reliability section).

use proptest::prelude::*;

use super::*;

/// Tag soup: fragments of HTML in any order, unbalanced, with text and entities.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p class=\"nav\">".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<br/>".to_string()),
        Just("<!-- x".to_string()),
        Just("&amp;&#x2028;&bogus;".to_string()),
        Just("<".to_string()),
        "[一二三法律顾问 \n\r\t]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..64).prop_map(|v| v.concat())
}

/// A zip package holding `xml` as word/document.xml.
fn docx_with(xml: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

fn xml_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<w:p>".to_string()),
        Just("</w:p>".to_string()),
        Just("<w:t>".to_string()),
        Just("</w:t>".to_string()),
        Just("<w:tab/>".to_string()),
        Just("<w:br/>".to_string()),
        Just("<w:p/>".to_string()),
        Just("&lt;&bad;".to_string()),
        "[法律顾问 <>&]{0,8}",
    ];
    prop::collection::vec(piece, 0..64).prop_map(|v| v.concat())
}

fn sections_within_limit(doc: &Document) -> bool {
    doc.report
        .sections
        .iter()
        .all(|s| s.text.len() <= MAX_SECTION_BYTES)
}

proptest! {
    #[test]
    fn any_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(d) = decode(&bytes) {
            if let Ok(s) = std::str::from_utf8(&bytes) {
                prop_assert_eq!(d.text.as_ref(), s.trim_start_matches('\u{feff}'));
            }
        }
    }

    #[test]
    fn mostly_utf8_text_keeps_its_characters(
        text in "[一-龥a-z，。\n]{50,400}",
        at in any::<prop::sample::Index>(),
        bad in 0x80u8..=0xff,
    ) {
        let mut bytes = text.clone().into_bytes();
        let mut i = at.index(bytes.len() + 1);
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
        bytes.insert(i, bad);
        let d = decode(&bytes).unwrap();
        prop_assert_eq!(d.encoding, "UTF-8");
        prop_assert_eq!(d.text.replace('\u{fffd}', ""), text);
    }

    #[test]
    fn any_tag_soup_gives_lines(html in html_soup()) {
        let lines = html_lines(&html);
        prop_assert!(lines.iter().all(|l| !l.trim().is_empty()));
    }

    #[test]
    fn any_bytes_as_any_format_are_read_or_refused(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        ext in prop::sample::select(vec!["txt", "md", "html", "docx"]),
    ) {
        if let Ok(doc) = parse(Path::new(&format!("f.{ext}")), &bytes) {
            prop_assert!(sections_within_limit(&doc));
        }
    }

    #[test]
    fn any_document_xml_is_read_or_refused(xml in xml_soup()) {
        let _ = docx_paragraphs(&docx_with(&xml));
        if let Ok(doc) = parse(Path::new("f.docx"), &docx_with(&xml)) {
            prop_assert!(sections_within_limit(&doc));
        }
    }
}

#[test]
fn a_long_line_is_cut_into_sections_within_the_limit() {
    let line = "政府信息公开。".repeat(MAX_SECTION_BYTES / 7);
    let text = format!("标题\n{line}\n{line}\n结尾");
    let doc = parse(Path::new("f.txt"), text.as_bytes()).unwrap();
    assert!(sections_within_limit(&doc));
    let joined: String = doc
        .report
        .sections
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        joined.matches("政府信息公开").count(),
        2 * (MAX_SECTION_BYTES / 7)
    );
    assert!(doc
        .source
        .warnings
        .iter()
        .any(|w| w.contains("cut into parts")));
}

/// A line break inside a paragraph joins Chinese text with nothing between, other text with a
/// space, and never starts a line of its own.
#[test]
fn soft_line_breaks_join_chinese_text_and_space_other_words() {
    let xml = "<w:document><w:body>\
        <w:p><w:r><w:t>修订应急预案》，</w:t><w:br/><w:t>出台配套制度</w:t></w:r></w:p>\
        <w:p><w:r><w:t>Annual</w:t><w:br/><w:t>Report</w:t><w:br/><w:br/><w:t>2023年</w:t></w:r></w:p>\
        </w:body></w:document>";
    assert_eq!(
        docx_paragraphs(&docx_with(xml)).unwrap(),
        ["修订应急预案》，出台配套制度", "Annual Report 2023年"]
    );
}

/// A text box is written twice, as a drawing and as its fallback picture: its text is read once.
#[test]
fn a_text_box_is_read_once() {
    let xml = "<w:document><w:body><w:p><w:r><mc:AlternateContent>\
        <mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>临川县人力资源和社会保障局文件</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>\
        <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>临川县人力资源和社会保障局文件</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>\
        </mc:AlternateContent></w:r></w:p><w:p><w:r><w:t>一、主要工作</w:t></w:r></w:p></w:body></w:document>";
    let paragraphs = docx_paragraphs(&docx_with(xml)).unwrap();
    assert_eq!(
        paragraphs
            .iter()
            .filter(|p| p.contains("社会保障局文件"))
            .count(),
        1,
        "{paragraphs:?}"
    );
    assert_eq!(paragraphs.last().map(String::as_str), Some("一、主要工作"));
}

/// A paragraph that anchors a text box keeps its own text, before and after the box, and the
/// box's paragraphs follow it, once (Word's drawing, VML's picture, or both).
#[test]
fn a_paragraph_anchoring_a_text_box_keeps_its_own_text() {
    let shape = |inner: &str| format!("<w:txbxContent>{inner}</w:txbxContent>");
    let boxed = "<w:p><w:r><w:t>典型案例：某企业被处罚款</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>第二段</w:t></w:r></w:p>";
    for anchor in [
        format!("<mc:AlternateContent><mc:Choice><w:drawing>{}</w:drawing></mc:Choice><mc:Fallback><w:pict>{}</w:pict></mc:Fallback></mc:AlternateContent>", shape(boxed), shape(boxed)),
        format!("<w:drawing>{}</w:drawing>", shape(boxed)),
        format!("<w:pict>{}</w:pict>", shape(boxed)),
    ] {
        let xml = format!(
            "<w:document><w:body><w:p><w:r><w:t>基层执法力量仍显薄弱，</w:t></w:r><w:r>{anchor}</w:r>\
             <w:r><w:t>镇街专职人员配备不足。</w:t></w:r></w:p>\
             <w:p><w:r><w:t>二、下一步</w:t></w:r></w:p></w:body></w:document>"
        );
        assert_eq!(
            docx_paragraphs(&docx_with(&xml)).unwrap(),
            [
                "基层执法力量仍显薄弱，镇街专职人员配备不足。",
                "典型案例：某企业被处罚款",
                "",
                "第二段",
                "二、下一步"
            ],
            "{anchor}"
        );
    }
}

/// Each section's heading path, joined by ` / `, and its first line.
fn paths_and_starts(report: &crate::report::Report) -> Vec<(String, usize)> {
    report
        .sections
        .iter()
        .map(|s| (s.heading.join(" / "), s.line_start))
        .collect()
}

/// Markdown setext headings (a line over `====` or `----`) head sections as `#` and `##` do;
/// a dash line after a blank line is a rule, and front matter's closing `---` underlines nothing.
#[test]
fn markdown_setext_headings_head_sections() {
    let md = "---\ntitle: 某局2023年度法治政府建设工作报告\nauthor: 某局\n---\n\n某局2023年度法治政府建设工作报告\n==========\n\n前言。\n\n工作成效\n--------\n\n全年办理案件68件。\n\n---\n\n存在问题\n--------\n\n执法人员专业化水平有待提升。\n";
    let source = read_bytes(Path::new("r.md"), Format::Markdown, md.as_bytes()).unwrap();
    let report =
        crate::report::parse_report_outlined(&source.lines, source.outline.as_deref(), "r");
    let headings = paths_and_starts(&report);
    assert_eq!(
        headings,
        [
            (String::new(), 6),
            ("工作成效".to_string(), 11),
            ("存在问题".to_string(), 18)
        ]
    );
    assert_eq!(report.org.as_deref(), Some("某局"));
    // Front matter never closed, dash lines at every place: each is read, without a panic.
    for md in ["---\n----\n", "---\n标题\n----\n", "标题\n==\n--\n\n--\n"] {
        assert!(
            read_bytes(Path::new("r.md"), Format::Markdown, md.as_bytes()).is_ok(),
            "{md:?}"
        );
    }
}

/// Headings of a web page (`<h2>`, `<h3>`) head sections as Markdown's `##` and `###` do, even
/// without numbers; a title in an `<h2>` over `<h3>` parts is the title, not a section; a
/// sentence set in a heading element stays text.
#[test]
fn html_heading_elements_head_sections() {
    let html = "<html><body><div class=\"article\"><h2 class=\"title\">某局2024年度法治政府建设情况报告</h2>\
        <p>2024年，某局坚持依法行政。</p><h3>工作成效</h3><h4>加快构建数据基础制度</h4><p>出台数据产权制度。</p>\
        <h4>推进数据领域立法</h4><p>起草条例草案。</p><h3>存在的不足</h3><h4>有关情况报告如下。</h4><p>立法进度有待加快。</p>\
        <p>某局</p><p>2025年3月28日</p></div></body></html>";
    let source = read_bytes(Path::new("r.html"), Format::Html, html.as_bytes()).unwrap();
    let report =
        crate::report::parse_report_outlined(&source.lines, source.outline.as_deref(), "r");
    assert_eq!(report.title, "某局2024年度法治政府建设情况报告");
    let headings = paths_and_starts(&report);
    assert_eq!(
        headings,
        [
            (String::new(), 1),
            ("工作成效".to_string(), 3),
            ("工作成效 / 加快构建数据基础制度".to_string(), 4),
            ("工作成效 / 推进数据领域立法".to_string(), 6),
            ("存在的不足".to_string(), 8),
        ]
    );
    // A lone law title in an `<h2>`, its chapters and articles in cells.
    let law = "<body><h2>某市古城保护条例</h2><p>（2021年12月24日某市人民代表大会常务委员会通过）</p>\
        <table><tr><td>第一章　总则</td></tr><tr><td>第一条</td><td>为了保护古城，制定本条例。</td></tr>\
        <tr><td>第二条</td><td>本条例适用于本市。</td></tr></table></body>";
    let source = read_bytes(Path::new("l.html"), Format::Html, law.as_bytes()).unwrap();
    let report =
        crate::report::parse_report_outlined(&source.lines, source.outline.as_deref(), "l");
    assert_eq!(report.title, "某市古城保护条例");
    assert_eq!(report.year, Some(2021));
    assert_eq!(
        report.sections.last().map(|s| s.heading.join(" / ")),
        Some("第一章 总则 / 第二条".to_string())
    );
    // A notice's number set in a heading element stays its number, not a heading over its text.
    let notice =
        "<body><h2>关于印发平江县2024年政务公开工作要点的通知</h2><h2>平政办发〔2024〕8号</h2>\
        <p>各乡镇人民政府：</p><p>现印发给你们。</p><h3>一、总体要求</h3><p>略。</p></body>";
    let source = read_bytes(Path::new("n.html"), Format::Html, notice.as_bytes()).unwrap();
    let report =
        crate::report::parse_report_outlined(&source.lines, source.outline.as_deref(), "n");
    assert_eq!(report.title, "关于印发平江县2024年政务公开工作要点的通知");
    assert_eq!(report.doc_number.as_deref(), Some("平政办发〔2024〕8号"));
    // The same law in Markdown, its title marked `##`.
    let md = "## 某市古城保护条例\n\n第一章 总则\n\n第一条 为了保护古城，制定本条例。\n\n第二条 本条例适用于本市。\n";
    let report = crate::report::parse_report_outlined(&split_lines(md), None, "l");
    assert_eq!(report.title, "某市古城保护条例");
    assert_eq!(report.sections[0].heading, Vec::<String>::new());
}

/// A page whose text names no title (it opens with a date, then a sentence) is titled by its
/// `<title>`, the site's name after it taken off, and dated by the year that names; a title in
/// the text still comes first.
#[test]
fn a_pages_title_element_names_it_when_its_text_does_not() {
    let page = |head: &str, body: &str| {
        format!("<html><head><title>{head}</title></head><body>{body}<p>一、主要工作</p><p>略。</p></body></html>")
    };
    let read = |html: &str| {
        let source = read_bytes(Path::new("p.html"), Format::Html, html.as_bytes()).unwrap();
        crate::report::parse_report_titled(
            &source.lines,
            source.outline.as_deref(),
            "p",
            source.page_title.as_deref(),
        )
    };
    for site in [
        "_平江县人民政府",
        " - 平江县人民政府",
        "|平江县人民政府",
        "-平江县人民政府",
    ] {
        let r = read(&page(
            &format!("平江县2023年法治政府建设年度报告{site}"),
            "<p>2024年3月28日</p><p>2023年，平江县深入推进依法行政，现将有关情况报告如下。</p>",
        ));
        assert_eq!(r.title, "平江县2023年法治政府建设年度报告", "{site}");
        assert_eq!(r.year, Some(2023));
    }
    // A span of years keeps its dash.
    let r = read(&page(
        "平江县国民经济和社会发展第十四个五年规划（2021-2025年）",
        "<p>2021年3月1日</p><p>为贯彻落实党中央决策部署，制定本规划。</p>",
    ));
    assert_eq!(
        r.title,
        "平江县国民经济和社会发展第十四个五年规划（2021-2025年）"
    );
    let r = read(&page(
        "首页_平江县人民政府",
        "<p>平江县司法局2022年法治政府建设年度报告</p>",
    ));
    assert_eq!(r.title, "平江县司法局2022年法治政府建设年度报告");
}
