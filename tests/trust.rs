//! What a hit says is right: flags mean what they say, report facts of notices, laws and work
//! reports, the index remembers what built it, snippets and counts read well.

use std::path::Path;

use govsearch::json::InspectRecord;

use crate::util::*;

/// A policy notice as law databases serve it: a citation line and a link before the title, a
/// title over three lines, a document number, the issuer before 关于.
const NOTICE: &str =
    "【法宝引证码】CLI.12.5678901\n原文链接：http://www.example.gov.cn/zwgk/2022/0301.html\n\n\
某市人民政府办公室\n关于印发某市法律顾问工作\n管理办法的通知\n\n某府办发〔2022〕43号\n\n\
各区人民政府，市政府各部门：\n现将《某市法律顾问工作管理办法》印发给你们，请认真贯彻执行。\n\n\
某市人民政府办公室\n2022年3月1日\n";

/// A work report whose title names no place, as 云南's does, with page chrome around it.
const WORK_REPORT: &str = "您的位置:\n首页\n>\n云南要闻\n2026年政府工作报告\n来源：云南日报\n\
【字体：\n大\n中\n小\n】\n——2026年1月28日在云南省第十四届人民代表大会第四次会议上\n\
各位代表：\n一、工作回顾\n国务院部署的任务全面完成，法律顾问制度全面推行。\n\
二、今年工作\n深化放管服改革。\n名词解释\n1.放管服：简政放权、放管结合、优化服务。\n\
2.法律顾问：为政府提供法律意见的专业人员。\n扫一扫在手机打开当前页\n责任编辑：张三\n";

fn facts_corpus(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("notice.txt"), NOTICE).unwrap();
    std::fs::write(dir.join("yunnan.txt"), WORK_REPORT).unwrap();
}

fn inspect_one(path: &Path) -> InspectRecord {
    let o = run(&["inspect", "--json", path.to_str().unwrap()]);
    serde_json::from_str(stdout(&o).trim()).unwrap()
}

#[test]
fn notices_get_their_title_year_issuer_and_document_number() {
    let dir = tempfile::tempdir().unwrap();
    facts_corpus(dir.path());
    let r = inspect_one(&dir.path().join("notice.txt"));
    assert_eq!(
        r.title,
        "某市人民政府办公室关于印发某市法律顾问工作管理办法的通知"
    );
    assert_eq!(r.year, Some(2022));
    assert_eq!(r.org.as_deref(), Some("某市人民政府办公室"));
    assert_eq!(r.doc_number.as_deref(), Some("某府办发〔2022〕43号"));
}

#[test]
fn work_reports_name_their_government_and_drop_page_chrome_and_keep_a_glossary_apart() {
    let dir = tempfile::tempdir().unwrap();
    facts_corpus(dir.path());
    let r = inspect_one(&dir.path().join("yunnan.txt"));
    assert_eq!(
        (r.title.as_str(), r.year),
        ("2026年政府工作报告", Some(2026))
    );
    assert_eq!(r.org.as_deref(), Some("云南省人民政府"));
    let paths: Vec<String> = r.sections.iter().map(|s| s.section.join(" › ")).collect();
    assert_eq!(paths, ["", "一、工作回顾", "二、今年工作", "名词解释"]);
    // The chrome is in no section: searching for it finds nothing.
    let idx = dir.path().join("idx");
    assert!(index(dir.path(), &idx, &[]).status.success());
    let idx = idx.to_str().unwrap();
    for chrome in ["云南要闻", "扫一扫", "责任编辑", "字体"] {
        assert_eq!(search_json(idx, &[chrome]).0, 1, "{chrome} is page chrome");
    }
    // The glossary entry is found in the glossary, not under the last section.
    let (_, hits) = search_json(idx, &["简政放权"]);
    assert_eq!(hits[0].section, ["名词解释"]);
    // --org compares from the start of the name or of a word after a place name.
    assert_eq!(search_json(idx, &["--org", "云南", "法律顾问"]).1.len(), 2);
    assert_eq!(
        search_json(idx, &["--org", "人民政府", "放管服"]).1.len(),
        2
    );
    assert_eq!(search_json(idx, &["--org", "南省", "法律顾问"]).0, 1);
    assert_eq!(
        search_json(idx, &["--org", "某市人民政府办公室", "法律顾问"])
            .1
            .len(),
        1
    );
}

#[test]
fn flags_are_flags_wherever_they_stand_and_unknown_ones_are_errors() {
    let idx = data_index_path();
    for args in [
        &["科技", "-n3"][..],
        &["-n", "3", "科技"],
        &["科技", "-n=3"],
        &["科技", "--limit=3"],
    ] {
        let (code, hits) = search_json(&idx, args);
        assert_eq!((code, hits.len()), (0, 3), "{args:?}");
    }
    for (args, named) in [
        (&["科技", "--limt", "2"][..], "--limt"),
        (&["科技", "--colour"], "--colour"),
        // -A is the after-context flag: -AI is -A with the value I, refused.
        (&["科技", "-AI"], "--after-context"),
        (&["科技", "-5G"], "-5"),
    ] {
        let mut all = vec!["search", "--index", &idx];
        all.extend_from_slice(args);
        let o = run(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(named), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("NOT TERM"), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
    // A query of exclusions alone, and a flag typed after `--`, say what went wrong (trial 13).
    let o = run(&["search", "--index", &idx, "-规范性文件"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("only excludes"), "{}", stderr(&o));
    let o = run(&["search", "--index", &idx, "科技", "--", "--index", "x"]);
    assert_clean_error(&o, "put flags before `--`");
    // No hits asked for is an error, not "nothing found" (exit 1) with matches in the index.
    let o = run(&["search", "--index", &idx, "科技", "-n", "0"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("at least 1"), "{}", stderr(&o));
    // Other commands have no query: their flag errors say nothing of query terms.
    for args in [
        &["inspect", "--foo", "x.txt"][..],
        &["index", "--bogus", "."],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("--"), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("NOT TERM"), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn a_path_among_the_query_words_is_refused_or_noted_never_silently_searched() {
    let idx = data_index_path();
    let dir = tempfile::tempdir().unwrap();
    copy_data(&dir.path().join("reports"));
    // Written as a path: refused, naming it and the way to search a folder.
    for word in [
        "reports/",
        "./reports",
        ".",
        "reports/000_3c0aa72eacdcc2b2.txt",
    ] {
        let o = run_in(dir.path(), &["search", "--index", &idx, "法律顾问", word]);
        assert_clean_error(&o, &format!("`{word}`"));
        assert!(
            stderr(&o).contains("govsearch index"),
            "{word}: {}",
            stderr(&o)
        );
        assert!(stdout(&o).is_empty(), "{word}");
    }
    // A bare name that is also a folder here may be text: searched, with a note.
    let o = run_in(
        dir.path(),
        &["search", "--index", &idx, "法律顾问", "reports"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("note: `reports` is also a folder"),
        "{}",
        stderr(&o)
    );
    // A slash in text that names nothing on disk is plain query text.
    let o = run_in(
        dir.path(),
        &["search", "--index", &idx, "法律顾问", "和/或"],
    );
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn every_exclusion_syntax_excludes_the_same_sections() {
    let idx = data_index_path();
    let keys = |args: &[&str]| -> Vec<(String, usize)> {
        let mut a = vec!["--all"];
        a.extend_from_slice(args);
        let (_, hits) = search_json(&idx, &a);
        hits.into_iter().map(|h| (h.path, h.line_start)).collect()
    };
    let with = keys(&["法律顾问"]);
    let expected = keys(&["法律顾问", "-规范性文件"]);
    assert!(!expected.is_empty() && expected.len() < with.len());
    assert_eq!(keys(&["法律顾问", "NOT", "规范性文件"]), expected);
    assert_eq!(keys(&["法律顾问", "--not", "规范性文件"]), expected);
    assert_eq!(keys(&["-规范性文件", "法律顾问"]), expected);
    assert_eq!(keys(&["--", "法律顾问", "-规范性文件"]), expected);
}

#[test]
fn the_index_remembers_its_corpus_and_refuses_to_drop_it_silently() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    copy_data(&corpus);
    let other = dir.path().join("other");
    facts_corpus(&other);
    let idx = dir.path().join("idx");
    assert!(index(&corpus, &idx, &[]).status.success());
    // No folder: the remembered one, said so.
    let o = run(&["index", "--index", idx.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("again") && stderr(&o).contains("5 unchanged"),
        "{}",
        stderr(&o)
    );
    // Another folder alone: refused, with what to type; the index is untouched.
    let o = index(&other, &idx, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--replace"), "{}", stderr(&o));
    assert_eq!(
        search_json(idx.to_str().unwrap(), &["--all", "科研诚信"])
            .1
            .len(),
        2
    );
    // Both: added. With --replace: the other alone.
    let o = run(&[
        "index",
        corpus.to_str().unwrap(),
        other.to_str().unwrap(),
        "--index",
        idx.to_str().unwrap(),
    ]);
    assert!(stderr(&o).contains("2 added"), "{}", stderr(&o));
    let o = index(&other, &idx, &["--replace"]);
    assert!(stderr(&o).contains("5 removed"), "{}", stderr(&o));
    // The same folder named twice is indexed once.
    let o = run(&[
        "index",
        other.to_str().unwrap(),
        &format!("{}/", other.display()),
        "--index",
        idx.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        search_json(idx.to_str().unwrap(), &["--all", "简政放权"])
            .1
            .len(),
        1
    );
}

#[test]
fn a_remembered_user_dictionary_is_used_again_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("idx");
    let dict = dir.path().join("words.txt");
    std::fs::write(&dict, "科技迎检 100 n\n").unwrap();
    assert!(
        index(&data_dir(), &idx, &["--user-dict", dict.to_str().unwrap()])
            .status
            .success()
    );
    let o = run(&["index", "--index", idx.to_str().unwrap()]);
    let err = stderr(&o);
    assert!(
        err.contains("user dictionary") && err.contains("5 unchanged"),
        "{err}"
    );
    assert!(!err.contains("rebuilt"), "{err}");
    let o = run(&["index", "--index", idx.to_str().unwrap(), "--no-user-dict"]);
    assert!(stderr(&o).contains("rebuilt"), "{}", stderr(&o));
}

#[test]
fn snippets_show_whole_matches_and_human_output_counts_sections_and_reports() {
    let idx = data_index_path();
    let (_, hits) = search_json(&idx, &["--all", "法律顾问"]);
    for h in &hits {
        let chars: Vec<char> = h.snippet.chars().collect();
        for [a, b] in &h.highlights {
            assert_eq!(
                chars[*a..*b].iter().collect::<String>(),
                "法律顾问",
                "{}",
                h.snippet
            );
        }
        assert!(!h.highlights.is_empty());
    }
    let reports: std::collections::BTreeSet<&str> = hits.iter().map(|h| h.path.as_str()).collect();
    let o = run(&["search", "--index", &idx, "-n", "1", "法律顾问"]);
    let last = stdout(&o).lines().last().unwrap_or_default().to_string();
    assert_eq!(
        last,
        format!(
            "1 of {} sections, in {} reports (--all for every section)",
            hits.len(),
            reports.len()
        )
    );
}
