//! Every location a hit prints is checked against the source file: line and column hold the
//! match, in files with blank lines, indented paragraphs, CRLF line ends and a BOM.

use govsearch::analysis::Normalizer;

use crate::util::*;

/// A report laid out the way real downloads are: blank lines between paragraphs, full-width
/// indentation, a 目录, list items inside articles, CRLF line ends.
const UGLY_REPORT: &str = "\u{feff}2022年度某市司法局法治政府建设工作报告\r\n\r\n\
\u{3000}\u{3000}2022年，我局坚持法律顾问制度，推进依法行政。\r\n\r\n\r\n\
一、主要工作\r\n\r\n\
\u{3000}\u{3000}（一）健全法律顾问制度\r\n\
\u{3000}\u{3000}聘请法律顾问3名，审查合同45份。法律顾问列席局务会议。\r\n\r\n\
\u{3000}\u{3000}（二）加强科研诚信建设\r\n\r\n\
\u{3000}\u{3000}\u{3000}建立科研诚信档案，查处违背科研诚信行为2起。\r\n\r\n\
二、存在问题\r\n\r\n\
\x20\x20\x20\x20法律顾问作用发挥还不充分。\r\n";

const UGLY_LAW: &str = "某省法律顾问工作条例\n\n（2019年3月1日某省人民代表大会常务委员会通过\u{3000}2023年5月30日修正）\n\n\
目\u{3000}\u{3000}录\n第一章\u{3000}总\u{3000}\u{3000}则\n第二章\u{3000}法律顾问\n\n\
第一章\u{3000}总\u{3000}\u{3000}则\n\n\
第一条\u{3000}为了规范法律顾问工作，制定本条例。\n\n\
第二条\u{3000}法律顾问履行下列职责：\n\
（一）参与重大行政决策的法律论证；\n\
（二）审查合同；\n\n\
（三）其他法律顾问事务。\n\n\
第二章\u{3000}法律顾问\n\n\
第三条\u{3000}法律顾问应当恪守科研诚信和职业道德。\n";

fn ugly_corpus(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("report.txt"), UGLY_REPORT).unwrap();
    std::fs::write(dir.join("law.txt"), UGLY_LAW).unwrap();
}

/// The source lines of a file as govsearch counts them (BOM dropped, CRLF/LF/CR ends).
fn source_lines(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    govsearch::corpus::split_lines(text.trim_start_matches('\u{feff}'))
}

#[test]
fn every_hit_line_and_column_hold_the_match() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    ugly_corpus(&corpus);
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let n = Normalizer::new();
    let mut checked = 0;
    for query in [
        "法律顾问",
        "科研诚信",
        "合同",
        "依法行政",
        "律顾",
        "作用发挥",
    ] {
        let (_, hits) = search_json(idx.to_str().unwrap(), &["--all", query]);
        assert!(!hits.is_empty(), "{query}");
        for h in hits {
            let lines = source_lines(&h.path);
            let line = &lines[h.line - 1];
            let from: String = line.chars().skip(h.column - 1).collect();
            assert!(
                n.normalize(&from).starts_with(n.normalize(query).as_str()),
                "{query}: {}:{}:{} is {line:?}",
                h.path,
                h.line,
                h.column
            );
            assert!(h.line_start <= h.line && h.line <= h.line_end);
            checked += 1;
        }
    }
    assert!(checked >= 10, "{checked} hits checked");
    // Human output prints the same place.
    let o = run(&["search", "--index", idx.to_str().unwrap(), "作用发挥"]);
    assert!(stdout(&o).contains("report.txt:17:9"), "{}", stdout(&o));
}

#[test]
fn law_articles_keep_their_list_items_and_the_table_of_contents_is_no_section() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    ugly_corpus(&corpus);
    let o = run(&[
        "inspect",
        "--json",
        corpus.join("law.txt").to_str().unwrap(),
    ]);
    let r: govsearch::json::InspectRecord = serde_json::from_str(stdout(&o).trim()).unwrap();
    let paths: Vec<String> = r.sections.iter().map(|s| s.section.join(" › ")).collect();
    assert_eq!(
        paths,
        [
            "",
            "第一章 总则",
            "第一章 总则 › 第一条",
            "第一章 总则 › 第二条",
            "第二章 法律顾问",
            "第二章 法律顾问 › 第三条"
        ]
    );
    assert_eq!(r.title, "某省法律顾问工作条例");
    // The year of the version: its last amendment.
    assert_eq!(r.year, Some(2023));
    // 第二条's list items are in its text: a search finds them under the article.
    let idx = dir.path().join("idx");
    assert!(index(&corpus, &idx, &[]).status.success());
    let (_, hits) = search_json(idx.to_str().unwrap(), &["审查合同"]);
    let law: Vec<_> = hits
        .iter()
        .filter(|h| h.path.ends_with("law.txt"))
        .collect();
    assert_eq!(law.len(), 1);
    assert_eq!(law[0].section, ["第一章 总则", "第二条"]);
}
