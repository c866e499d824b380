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
    for line in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        files += 1;
        for s in v["sections"].as_array().unwrap() {
            sections += 1;
            *levels.entry(s["level"].as_u64().unwrap()).or_default() += 1;
            assert!(s["line_start"].as_u64() <= s["line_end"].as_u64());
        }
    }
    eprintln!("shared corpus: {files} files, {sections} sections, sections per level {levels:?}");
    assert!(files >= 3600, "{files} files read");
    assert!(levels.len() >= 5, "heading levels found: {levels:?}");
}

// The completeness check over ../shared/corpus (recall_check.py) runs in .ci/run against the
// release binary, where indexing 69 MB takes seconds rather than minutes.
