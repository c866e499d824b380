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
    for line in stdout(&o).lines() {
        let r: govsearch::json::InspectRecord = serde_json::from_str(line).unwrap();
        files += 1;
        for s in &r.sections {
            sections += 1;
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
    }
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

fn is_article(h: &str) -> bool {
    h.starts_with('第') && h.ends_with('条')
}

/// （一） / (1) / 1. list items; a Markdown division such as `一、管辖` is structure, not an item.
fn is_list_item(h: &str) -> bool {
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
