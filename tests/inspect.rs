//! `inspect` over a corpus of mixed encodings and formats, and bad files.

use std::io::Write;
use std::path::Path;

use crate::util::*;

const SEED: &str = "002_3b35ca370aa899d8";

/// `inspect --json` lines, decoded with the types that write them.
use govsearch::json::InspectRecord as Inspected;

fn seed_text() -> String {
    std::fs::read_to_string(data_dir().join(format!("{SEED}.txt"))).unwrap()
}

fn utf16(text: &str, little: bool) -> Vec<u8> {
    let mut out = if little {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

fn docx(lines: &[&str]) -> Vec<u8> {
    let mut body = String::new();
    for l in lines {
        let esc = l
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        body.push_str(&format!(
            "<w:p><w:r><w:t xml:space=\"preserve\">{esc}</w:t></w:r></w:p>"
        ));
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", opts).unwrap();
        zip.write_all(b"<Types/>").unwrap();
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    buf.into_inner()
}

fn html(lines: &[&str]) -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>页面</title>\
         <script>var nav = '首页 > 政务公开';</script><style>p{margin:0}</style></head><body>\
         <nav><a href=\"/\">首页</a> &gt; <a>政务公开</a> &gt; 法治政府建设</nav>\
         <div class=\"breadcrumb\">您的位置：首页 &gt; 以案释法</div>",
    );
    for l in lines {
        let esc = l.replace('&', "&amp;").replace('<', "&lt;");
        page.push_str(&format!("<p>{esc}</p>\n"));
    }
    page.push_str("<script>document.write('统计代码')</script><footer>版权所有 常德市人民政府</footer></body></html>");
    page
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn inspect(dir: &Path) -> (Vec<Inspected>, String, i32) {
    let o = run(&["inspect", "--json", dir.to_str().unwrap()]);
    let items = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (items, stderr(&o), o.status.code().unwrap())
}

/// Sections without their line numbers and sizes, for formats whose lines differ.
fn headings(i: &Inspected) -> Vec<(Vec<String>, u8)> {
    i.sections
        .iter()
        .map(|s| (s.section.clone(), s.level))
        .collect()
}

#[test]
fn every_encoding_and_format_gives_the_same_report() {
    let text = seed_text();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a_utf8.txt", text.as_bytes());
    let mut bom_crlf = vec![0xEF, 0xBB, 0xBF];
    bom_crlf.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    write(d, "b_bom_crlf.txt", &bom_crlf);
    write(d, "c_gb18030.txt", &encoding_rs::GB18030.encode(&text).0);
    write(d, "d_utf16le.txt", &utf16(&text, true));
    write(d, "e_utf16be.md", &utf16(&text, false));
    let nonblank: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    write(d, "f_page.html", html(&nonblank).as_bytes());
    write(d, "g_word.docx", &docx(&text.lines().collect::<Vec<_>>()));

    let (items, err, code) = inspect(d);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "no warnings expected: {err}");
    assert_eq!(items.len(), 7);
    let encodings: Vec<&str> = items.iter().map(|i| i.encoding.as_str()).collect();
    assert_eq!(
        encodings,
        ["UTF-8", "UTF-8", "gb18030", "UTF-16LE", "UTF-16BE", "UTF-8", "UTF-8"]
    );
    let reference = &items[0];
    assert_eq!(
        reference.title,
        "2023年度常德市科学技术局法治政府建设情况工作报告"
    );
    assert_eq!(reference.org.as_deref(), Some("常德市科学技术局"));
    assert_eq!(reference.date.as_deref(), Some("2024年2月19日"));
    assert_eq!(reference.sections.len(), 8);
    for other in &items[1..] {
        assert_eq!(other.title, reference.title, "{}", other.path);
        assert_eq!(other.year, reference.year, "{}", other.path);
        assert_eq!(other.org, reference.org, "{}", other.path);
        assert_eq!(headings(other), headings(reference), "{}", other.path);
        if other.format != "html" {
            // Same lines, same ranges and sizes: the text was decoded identically.
            assert_eq!(other.sections, reference.sections, "{}", other.path);
        }
    }
    // The web page's navigation and scripts left nothing behind.
    let page = &items[5];
    assert_eq!(page.format, "html");
    let o = run(&["inspect", d.join("f_page.html").to_str().unwrap()]);
    let shown = stdout(&o);
    assert!(
        !shown.contains("政务公开") && !shown.contains("统计代码"),
        "{shown}"
    );
}

#[test]
fn bad_files_give_one_warning_each_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", seed_text().as_bytes());
    write(d, "empty.txt", b"");
    write(
        d,
        "binary.txt",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00",
    );
    write(d, "broken.docx", b"PK\x03\x04 not really a zip");
    write(d, "picture.png", b"\x89PNG\r\n\x1a\n");
    std::fs::create_dir(d.join("sub")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(d, d.join("sub").join("loop")).unwrap();
    write(d, ".hidden.txt", b"hidden");

    let (items, err, code) = inspect(d);
    assert_eq!(code, 0);
    assert_eq!(items.len(), 1, "only the good report is read");
    let warnings: Vec<&str> = err.lines().collect();
    let expect = [
        ("binary.txt", "binary"),
        ("broken.docx", "docx"),
        ("empty.txt", "empty"),
        ("picture.png", "unknown extension"),
    ];
    assert_eq!(warnings.len(), expect.len(), "{err}");
    for (file, reason) in expect {
        assert_eq!(
            warnings
                .iter()
                .filter(|w| w.contains(file) && w.contains(reason))
                .count(),
            1,
            "one warning naming {file} and {reason}: {err}"
        );
    }
    assert!(!err.contains("panicked"));
    assert!(!err.contains(".hidden"));
    // Links are not followed: `sub/loop` leads back inside the corpus, so it is skipped quietly.
    assert!(!err.contains("loop"), "{err}");
}

#[test]
fn gbk_file_with_invalid_bytes_is_read_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = encoding_rs::GB18030.encode(&seed_text()).0.into_owned();
    bytes.extend_from_slice(&[0x81, 0x20, 0xFF, 0x0A]);
    write(dir.path(), "lossy.txt", &bytes);
    let (items, err, _) = inspect(dir.path());
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].sections.len(), 8);
    assert!(
        err.contains("lossy.txt") && err.contains("lossy decoding"),
        "{err}"
    );
}

#[test]
fn inspect_text_output_shows_the_section_tree_with_lines() {
    let o = run(&[
        "inspect",
        data_dir().join(format!("{SEED}.txt")).to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("title:    2023年度常德市科学技术局法治政府建设情况工作报告"),
        "{out}"
    );
    assert!(
        out.contains("25-27    五、推进科研领域遵纪守法与诚信建设情况"),
        "{out}"
    );
}

/// A .docx whose paragraphs carry styles (`(style id, text)`; `"@0"` an outline level set on
/// the paragraph itself), with `styles` as word/styles.xml.
fn styled_docx(paragraphs: &[(&str, &str)], styles: &str) -> Vec<u8> {
    let mut body = String::new();
    for (style, text) in paragraphs {
        let props = match style.strip_prefix('@') {
            Some(level) => format!("<w:pPr><w:outlineLvl w:val=\"{level}\"/></w:pPr>"),
            None if style.is_empty() => String::new(),
            None => format!("<w:pPr><w:pStyle w:val=\"{style}\"/><w:jc w:val=\"center\"/></w:pPr>"),
        };
        body.push_str(&format!(
            "<w:p>{props}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"
        ));
    }
    let ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let xml =
        format!("<?xml version=\"1.0\"?><w:document {ns}><w:body>{body}</w:body></w:document>");
    let styles = format!("<?xml version=\"1.0\"?><w:styles {ns}>{styles}</w:styles>");
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.start_file("word/styles.xml", opts).unwrap();
        zip.write_all(styles.as_bytes()).unwrap();
        zip.finish().unwrap();
    }
    buf.into_inner()
}

/// Headings that Word marks only by style or outline level, without a number, head their
/// sections; their levels nest with the numbered ones. A sentence in a heading style and the
/// Title style stay text. Every hit's path:line:column points at its paragraph.
#[test]
fn word_heading_styles_head_sections_without_numbers() {
    // As a Chinese Word names its styles: ids 1 and 2 for heading 1 and 2, a custom style based
    // on heading 2, a Title style, and a body style with an outline level of 9 (body text).
    let styles = "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"a\"/></w:style>\
        <w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"a5\"><w:name w:val=\"我的小标题\"/><w:basedOn w:val=\"2\"/></w:style>\
        <w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"Title\"/><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>\
        <w:style w:type=\"character\" w:styleId=\"1\"><w:name w:val=\"heading 1 Char\"/></w:style>";
    let paragraphs = [
        ("a3", "临川市司法局2024年法治政府建设年度报告"),
        ("", "2024年，临川市司法局深入推进依法行政。"),
        ("1", "工作成效"),
        ("2", "（一）公正文明执法"),
        ("", "全年办理行政复议案件120件。"),
        ("a5", "法律顾问全覆盖"),
        ("", "全市聘请法律顾问36名，实现全覆盖。"),
        ("@0", "存在问题"),
        ("", "个别执法人员法治素养不高。"),
        (
            "1",
            "这是一段误用了标题样式的正文，它以句号结尾，所以仍是正文。",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write(&corpus, "styled.docx", &styled_docx(&paragraphs, styles));
    let (items, err, code) = inspect(&corpus);
    assert_eq!(code, 0, "{err}");
    let report = &items[0];
    assert_eq!(report.title, "临川市司法局2024年法治政府建设年度报告");
    let tree: Vec<(String, u8, usize, usize)> = report
        .sections
        .iter()
        .map(|s| (s.section.join(" / "), s.level, s.line_start, s.line_end))
        .collect();
    let expect = [
        ("", 0, 1, 2),
        ("工作成效", 1, 3, 3),
        ("工作成效 / （一）公正文明执法", 2, 4, 5),
        ("工作成效 / 法律顾问全覆盖", 2, 6, 7),
        ("存在问题", 1, 8, 10),
    ];
    let expect: Vec<(String, u8, usize, usize)> = expect
        .iter()
        .map(|(h, l, a, b)| (h.to_string(), *l, *a, *b))
        .collect();
    assert_eq!(tree, expect);

    // The hits name those sections, at the paragraph and character of their match.
    let index = dir.path().join("ix");
    let o = crate::util::index(&corpus, &index, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (code, hits) = search_json(index.to_str().unwrap(), &["法律顾问"]);
    assert_eq!(code, 0);
    let places: Vec<(Vec<String>, usize, usize)> = hits
        .iter()
        .map(|h| (h.section.clone(), h.line, h.column))
        .collect();
    // One section holds both paragraphs; its hit names the first match.
    assert_eq!(
        places,
        [(
            vec!["工作成效".to_string(), "法律顾问全覆盖".to_string()],
            6,
            1
        )]
    );
    for (_, line, column) in &places {
        let text = paragraphs[line - 1].1;
        let at: String = text.chars().skip(column - 1).take(4).collect();
        assert_eq!(at, "法律顾问", "line {line} column {column}");
    }
}

/// A web page in UTF-8 with `body` as its body.
fn page(body: &str) -> String {
    format!("<html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>")
}

/// Each section's heading path and first line.
fn section_paths(item: &Inspected) -> Vec<(Vec<String>, usize)> {
    item.sections
        .iter()
        .map(|s| (s.section.clone(), s.line_start))
        .collect()
}

/// A heading path and a first line, as [`section_paths`] gives them.
fn path(p: &[&str], line: usize) -> (Vec<String>, usize) {
    (p.iter().map(|s| s.to_string()).collect(), line)
}

/// A `<br>` inside a web page's heading: it wraps a numbered heading's name (one heading, its
/// line and those after it counted as extracted), while a title's document number, date or
/// speech line after it stays a line of its own (trials 13 and 14).
#[test]
fn a_line_break_inside_a_web_pages_heading() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a_wrapped.html",
        page(
            "<h1>某某市人民政府关于加强安全生产工作的通知<br>某政发〔2024〕3号</h1>\
              <p>各区人民政府：</p><h3>一、加强<br>安全生产监管</h3><p>开展隐患排查。</p>\
              <h3>二、保障措施<br>（一）加强组织领导</h3><p>层层压实责任。</p>",
        )
        .as_bytes(),
    );
    write(
        d,
        "b_speech.html",
        page(
            "<h1>政府工作报告<br>——2024年1月15日在某某市第十七届人民代表大会第三次会议上</h1>\
              <p>各位代表：</p><h2>一、2023年工作回顾</h2><p>过去一年。</p>",
        )
        .as_bytes(),
    );
    let (items, err, code) = inspect(d);
    assert_eq!(code, 0, "{err}");
    let a = &items[0];
    assert_eq!(
        (a.title.as_str(), a.doc_number.as_deref()),
        (
            "某某市人民政府关于加强安全生产工作的通知",
            Some("某政发〔2024〕3号")
        )
    );
    let paths = section_paths(a);
    assert_eq!(
        paths,
        [
            path(&[], 1),
            path(&["一、加强安全生产监管"], 4),
            path(&["二、保障措施"], 6),
            path(&["二、保障措施", "（一）加强组织领导"], 7),
        ]
    );
    let b = &items[1];
    assert_eq!(
        (b.title.as_str(), b.date.as_deref()),
        ("政府工作报告", Some("2024年1月15日"))
    );
    assert_eq!(b.sections.last().unwrap().section, ["一、2023年工作回顾"]);
}

/// A `<br>` inside a page's title (`<h1>某某省<br>某某条例</h1>`) wraps the title, which is read
/// whole; one after a law's division number (`<h2>第一章<br>总则</h2>`) sets the division's name
/// under it, and the two are one heading over the articles (trial 13 had them as two headings,
/// the articles filed under `总则` alone). A site's name over the title stays apart.
#[test]
fn a_line_break_inside_a_web_pages_title_or_law_division() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a_law.html",
        page(
            "<h1>某某省<br>某某条例</h1>\
              <p>（2020年5月1日某某省第十三届人民代表大会常务委员会第十八次会议通过）</p>\
              <h2>第一章<br>总则</h2><p>第一条　为了规范某某，制定本条例。</p>\
              <p>第二条　本条例适用于本省。</p>\
              <h2>第二章<br>管　　理</h2><p>第三条　县级以上人民政府负责。</p>\
              <h2>第三章</h2><h3>第一节</h3><p>第四条　本条例自公布之日起施行。</p>",
        )
        .as_bytes(),
    );
    // What a page sets over its title in the same heading, and is no part of it (trial 16).
    for (name, over) in [
        ("d_column.html", "政策文件"),
        ("e_masthead.html", "某某市人民政府办公室文件"),
        ("f_repeated.html", "某某市人民政府"),
        ("g_number.html", "某政发〔2024〕3号"),
        ("h_site.html", "某某市人民政府网站"),
    ] {
        write(
            d,
            name,
            page(&format!(
                "<h1>{over}<br>某某市人民政府关于印发某某办法的通知</h1><p>各区人民政府：</p>"
            ))
            .as_bytes(),
        );
    }
    write(
        d,
        "b_notice.html",
        page(
            "<h1>某某市人民政府<br>关于印发某某办法的通知</h1><p>各区人民政府：</p>\
              <p>现将办法印发给你们。</p>",
        )
        .as_bytes(),
    );
    write(
        d,
        "c_site.html",
        page(
            "<h1>某某县人民政府门户网站<br>某某县2023年法治政府建设年度报告</h1>\
              <h2>一、主要工作</h2><p>完善制度。</p>",
        )
        .as_bytes(),
    );
    // An office named without its place (`市人民政府`) is no issuer to join to 关于….
    write(
        d,
        "i_office.html",
        page("<h1>市人民政府<br>关于印发某某办法的通知</h1><p>各区人民政府：</p>").as_bytes(),
    );
    let (items, err, code) = inspect(d);
    assert_eq!(code, 0, "{err}");
    assert_eq!(items.len(), 9);
    let law = &items[0];
    assert_eq!(law.title, "某某省某某条例");
    let paths = section_paths(law);
    assert_eq!(
        paths,
        [
            path(&[], 1),
            path(&["第一章 总则"], 3),
            path(&["第一章 总则", "第一条"], 5),
            path(&["第一章 总则", "第二条"], 6),
            path(&["第二章 管理"], 7),
            path(&["第二章 管理", "第三条"], 9),
            path(&["第三章"], 10),
            path(&["第三章", "第一节"], 11),
            path(&["第三章", "第一节", "第四条"], 12),
        ]
    );
    assert_eq!(items[1].title, "某某市人民政府关于印发某某办法的通知");
    assert_eq!(items[2].title, "某某县2023年法治政府建设年度报告");
    for item in &items[3..] {
        let title = if item.path.ends_with("i_office.html") {
            "关于印发某某办法的通知"
        } else {
            "某某市人民政府关于印发某某办法的通知"
        };
        assert_eq!(item.title, title, "{}", item.path);
    }
}
