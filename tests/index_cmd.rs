//! `index`: summaries, incremental runs, locking and `stats`.

use crate::util::*;

#[test]
fn rerunning_index_reads_only_new_and_changed_files_and_drops_removed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    copy_data(&corpus);
    let idx = dir.path().join("idx");
    let reindex = || index(&corpus, &idx, &[]);
    let o = reindex();
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("5 added, 0 updated, 0 removed, 0 unchanged"),
        "{}",
        stderr(&o)
    );
    let o = reindex();
    assert!(
        stderr(&o).contains("0 added, 0 updated, 0 removed, 5 unchanged"),
        "{}",
        stderr(&o)
    );

    std::fs::remove_file(corpus.join("000_3c0aa72eacdcc2b2.txt")).unwrap();
    let changed = corpus.join("001_37099fbd818ace80.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n四、新增内容\n建立量子通信试点。\n");
    std::fs::write(&changed, text).unwrap();
    std::fs::write(
        corpus.join("new.txt"),
        "新报告\n一、情况\n量子点阵列应用。\n",
    )
    .unwrap();
    let o = reindex();
    assert!(
        stderr(&o).contains("1 added, 1 updated, 1 removed, 3 unchanged"),
        "{}",
        stderr(&o)
    );

    let idx_s = idx.to_str().unwrap();
    assert_eq!(search_json(idx_s, &["量子通信"]).1.len(), 1);
    assert_eq!(search_json(idx_s, &["量子点阵列"]).1.len(), 1);
    let (_, hits) = search_json(idx_s, &["--all", "科研诚信"]);
    assert!(
        hits.iter().all(|h| !h.path.contains("000_")),
        "removed file is gone"
    );
    // No duplicates after re-reading a changed file.
    let (_, hits) = search_json(idx_s, &["--all", "法治政府建设"]);
    let mut keys: Vec<_> = hits
        .iter()
        .map(|h| (h.path.clone(), h.line_start))
        .collect();
    let n = keys.len();
    keys.dedup();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n);

    let o = index(&corpus, &idx, &["--rebuild"]);
    assert!(
        stderr(&o).contains("5 added") && stderr(&o).contains("rebuilt"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn stats_reports_what_the_index_holds() {
    let o = run(&["stats", "--index", &data_index_path()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("reports:     5"), "{out}");
    assert!(out.contains("years:       2020..2023"), "{out}");
    assert!(out.contains("常德市科学技术局"), "{out}");
    assert!(out.contains("built by:    govsearch"), "{out}");
}

#[test]
fn missing_corpus_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["index", "no-such-folder", "--index", "idx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-folder"));
}

#[test]
fn a_damaged_index_is_rebuilt_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    std::fs::create_dir(&idx).unwrap();
    std::fs::write(idx.join("meta.json"), "{ damaged").unwrap();
    let o = index(&data_dir(), &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("damaged"), "{}", stderr(&o));
    assert!(stderr(&o).contains("rebuilt"), "{}", stderr(&o));
    assert_eq!(search_json(idx.to_str().unwrap(), &["科研诚信"]).1.len(), 2);
}

#[test]
fn dictionaries_are_recorded_and_a_changed_one_triggers_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let dict = dir.path().join("words.txt");
    std::fs::write(&dict, "科技迎检 100 n\n").unwrap();
    let reindex = |extra: &[&str]| stderr(&index(&data_dir(), &idx, extra));
    let d = dict.to_str().unwrap();
    assert!(reindex(&["--user-dict", d]).contains("rebuilt"));
    let again = reindex(&["--user-dict", d]);
    assert!(
        again.contains("5 unchanged") && !again.contains("rebuilt"),
        "{again}"
    );
    std::fs::write(&dict, "科技迎检 100 n\n法治建设优化 100 n\n").unwrap();
    assert!(
        reindex(&["--user-dict", d]).contains("rebuilt"),
        "changed user dictionary"
    );
    assert!(reindex(&["--user-dict", d, "--no-domain-dict"]).contains("rebuilt"));
}
