//! Checks over ../shared/corpus (skipped with a printed reason when it is absent).

use std::collections::BTreeMap;

use crate::util::*;

#[test]
fn inspect_reads_every_file_of_the_shared_corpus_without_a_panic() {
    let Some(corpus) = shared_corpus() else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    let o = run(&["inspect", "--json", corpus.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let mut files = 0;
    let mut sections = 0;
    let mut levels: BTreeMap<u64, usize> = BTreeMap::new();
    let mut provinces = Vec::new();
    let (mut articles, mut items_in_path) = (0, Vec::new());
    let (mut districts, mut wrong_bodies) = (0, Vec::new());
    let mut inverted = Vec::new();
    let (mut laws, mut undated_laws) = (0, Vec::new());
    let (mut numbered_laws, mut skipping) = (0, Vec::new());
    for line in stdout(&o).lines() {
        let r: govsearch::json::InspectRecord = serde_json::from_str(line).unwrap();
        files += 1;
        // A law's articles follow each other: one that skips a number lost an article to a
        // rule (a few sources leave one out; 82 laws skipped one while an article with items
        // was taken for a table of contents).
        let numbers: Vec<u32> = r
            .sections
            .iter()
            .filter_map(|s| s.section.last())
            .filter(|h| is_article(h))
            .filter_map(|h| govsearch::report::law_numeral_value(&h[3..h.len() - 3]))
            .collect();
        let mut numbers = numbers;
        numbers.dedup();
        if r.path.contains("/laws/") && numbers.len() >= 2 {
            numbered_laws += 1;
            if numbers.windows(2).any(|w| w[1] != w[0] + 1) {
                skipping.push(r.path.clone());
            }
        }
        for s in &r.sections {
            sections += 1;
            // A heading never nests under one of the same form that ranks with it or below
            // it: no chapter under a section (节) or a chapter, no 十一、 under 十、.
            for pair in s.section.windows(2) {
                if let (Some(outer), Some(inner)) =
                    (numbered_rank(&pair[0]), numbered_rank(&pair[1]))
                {
                    if outer.0 == inner.0 && inner.1 <= outer.1 {
                        inverted.push(format!("{}: {}", r.path, s.section.join(" › ")));
                    }
                }
            }
            *levels.entry(s.level as u64).or_default() += 1;
            assert!(s.line_start <= s.line_end);
            if r.path.contains("/laws/") && s.section.last().is_some_and(|h| is_article(h)) {
                articles += 1;
                if s.section.iter().any(|h| is_list_item(h)) {
                    items_in_path.push(format!("{}: {}", r.path, s.section.join(" › ")));
                }
            }
        }
        if r.path.contains("gwr-provinces-2026") {
            // 2026_云南省_政府工作报告.txt names its province.
            // Split the file's name, not the path: the checkout's folder may hold a '_'.
            let name = std::path::Path::new(&r.path)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let province = name.split('_').nth(1).unwrap_or_default().to_string();
            provinces.push((province, r.org.clone().unwrap_or_default()));
        }
        let name = std::path::Path::new(&r.path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let org = r.org.clone().unwrap_or_default();
        if r.path.contains("gwr-shenzhen") {
            // A district's report is issued by that district's government or committee, whether
            // the file name says so (2021年龙华区二届人大一次会议政府工作报告) or only its
            // congress does (2025年政府工作报告（在深圳市罗湖区第八届人民代表大会…）).
            if let Some(district) = SHENZHEN_DISTRICTS.iter().find(|d| name.contains(*d)) {
                districts += 1;
                if !org.contains(district) {
                    wrong_bodies.push(format!("{name}: {org:?}"));
                }
            }
        }
        if r.path.contains("/laws/") && !r.path.contains("/案例/") && !r.path.contains("/其他/")
        {
            laws += 1;
            if r.year.is_none() {
                undated_laws.push(name.to_string());
            }
        }
        // A law's or regulation's title names what it rules on: the name it starts with is not
        // its issuer (政府投资条例 is not issued by 政府).
        let title = r.title.as_str();
        if r.path.contains("/laws/")
            && ["条例", "办法"].iter().any(|e| title.ends_with(e))
            && !title.contains("关于")
            && !org.is_empty()
            && title.starts_with(org.as_str())
        {
            wrong_bodies.push(format!("{name}: {org:?}"));
        }
    }
    eprintln!(
        "headings nested under one that ranks with them or below: {}",
        inverted.len()
    );
    assert!(
        inverted.is_empty(),
        "{:#?}",
        &inverted[..inverted.len().min(5)]
    );
    // A law is dated by its version notes (under a Markdown title too), the date its file is
    // named by, or the year it took effect: hardly any is left without a year.
    eprintln!("laws and regulations: {laws}, without a year: {undated_laws:?}");
    assert!(
        undated_laws.len() * 100 < laws,
        "{} of {laws} laws without a year",
        undated_laws.len()
    );
    eprintln!(
        "laws with numbered articles: {numbered_laws}, skipping a number: {}",
        skipping.len()
    );
    assert!(
        skipping.len() * 100 < numbered_laws,
        "{:#?}",
        &skipping[..skipping.len().min(10)]
    );
    eprintln!("Shenzhen district reports: {districts}");
    assert!(districts >= 100, "{districts} district reports");
    assert!(wrong_bodies.is_empty(), "{wrong_bodies:#?}");
    assert_eq!(provinces.len(), 31);
    for (province, org) in &provinces {
        assert!(
            org.starts_with(province.as_str()),
            "{province}: org {org:?}"
        );
    }
    eprintln!(
        "laws: {articles} articles, {} with a list item in their path",
        items_in_path.len()
    );
    assert!(
        items_in_path.is_empty(),
        "{:?}",
        &items_in_path[..items_in_path.len().min(5)]
    );
    eprintln!("shared corpus: {files} files, {sections} sections, sections per level {levels:?}");
    assert!(files >= 3600, "{files} files read");
    assert!(levels.len() >= 5, "heading levels found: {levels:?}");
}

/// Shenzhen's districts, as the file names of their work reports write them.
const SHENZHEN_DISTRICTS: &[&str] = &[
    "罗湖", "福田", "南山", "盐田", "宝安", "龙岗", "龙华", "坪山", "光明", "大鹏",
];

/// The form and rank of a division heading: a law's 第X编 (0) / 章 (1) / 节 (2) / 条 (3), or a
/// report's 一、 (the form of its own, rank 0). None for other headings.
fn numbered_rank(h: &str) -> Option<(bool, u8)> {
    let h = h.trim_start_matches('#').trim();
    let digits = |s: &str| {
        s.chars()
            .take_while(|c| "一二三四五六七八九十百千零〇".contains(*c))
            .count()
    };
    if let Some(rest) = h.strip_prefix('第') {
        let n = digits(rest);
        let rank = match rest.chars().nth(n)? {
            '编' => 0,
            '章' => 1,
            '节' => 2,
            '条' => 3,
            _ => return None,
        };
        return (n > 0).then_some((true, rank));
    }
    let n = digits(h);
    (n > 0 && h.chars().nth(n) == Some('、')).then_some((false, 0))
}

fn is_article(h: &str) -> bool {
    h.starts_with('第') && h.ends_with('条')
}

/// （一） / (1) / 1. list items; a Markdown division such as `一、管辖` is structure, not an item.
fn is_list_item(h: &str) -> bool {
    // A 司法解释's sub-part (`（一）动产质押` under `四、关于质押部分的解释`) is a name: short,
    // no sentence punctuation. An article's item is not (`（一）申请表；`).
    let a_name = h.chars().count() <= 40 && !h.contains(['。', '；', '，', '：', ';', ',', ':']);
    if a_name && h.starts_with(['（', '(']) {
        return false;
    }
    let mut c = h.chars();
    match c.next() {
        Some('（' | '(') => c
            .take_while(|c| *c != '）' && *c != ')')
            .all(|c| "一二三四五六七八九十".contains(c) || c.is_ascii_digit()),
        Some(d) if d.is_ascii_digit() => {
            let rest: String = c.skip_while(|c| c.is_ascii_digit()).take(1).collect();
            matches!(rest.as_str(), "." | "、" | "．")
        }
        _ => false,
    }
}

// The completeness check over ../shared/corpus (recall_check.py) runs in .ci/run against the
// release binary, where indexing 69 MB takes seconds rather than minutes.
