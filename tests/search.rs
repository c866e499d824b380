//! `search` over data/: completeness against a literal scan, the query language, filters,
//! output formats and exit codes.

use std::collections::BTreeSet;
use std::path::Path;

use govsearch::report::{classify_line, LineKind};

use crate::util::*;

/// Lines of every file of data/, by the path the index stores.
fn corpus_lines() -> Vec<(String, Vec<String>)> {
    let mut files: Vec<_> = std::fs::read_dir(data_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (
                p.to_string_lossy().into_owned(),
                text.lines().map(str::to_string).collect(),
            )
        })
        .collect()
}

/// Checks one single-term query against a literal scan: every line containing the text is in a
/// returned section of its file (recall), and every returned section contains it (precision).
fn assert_complete(query: &str, fold: fn(&str) -> String) {
    let idx = data_index_path();
    let (code, hits) = search_json(&idx, &["--all", "--", query]);
    let needle = fold(query);
    let mut truth = BTreeSet::new();
    let files = corpus_lines();
    for (path, lines) in &files {
        for (i, l) in lines.iter().enumerate() {
            // Page boilerplate (breadcrumbs, 来源 lines) is not part of any report.
            let boilerplate = classify_line(l) == LineKind::Boilerplate;
            if !boilerplate && fold(l).contains(&needle) {
                truth.insert((path.clone(), i + 1));
            }
        }
    }
    for (path, line) in &truth {
        assert!(
            hits.iter()
                .any(|h| &h.path == path && h.line_start <= *line && *line <= h.line_end),
            "{query}: {path}:{line} not returned"
        );
    }
    for h in &hits {
        let lines = &files.iter().find(|(p, _)| *p == h.path).unwrap().1;
        let text: String = lines[h.line_start - 1..h.line_end]
            .iter()
            .map(|l| fold(l))
            .collect();
        assert!(
            text.contains(&needle),
            "{query}: {}:{} does not contain it",
            h.path,
            h.line_start
        );
    }
    assert_eq!(code, if truth.is_empty() { 1 } else { 0 }, "{query}");
}

fn literal(s: &str) -> String {
    s.to_string()
}

#[test]
fn every_section_containing_the_text_is_found_and_nothing_else() {
    let queries = [
        // whole words
        "法律顾问",
        "科研诚信",
        "规范性文件",
        "政务服务",
        "营商环境",
        "普法",
        "合法性审查",
        // inside longer words and across jieba's boundaries
        "诚信",
        "顾问",
        "律顾",
        "性文",
        "务服",
        "治政府建",
        "科技局法",
        // single characters
        "税",
        "法",
        "诚",
        "罚",
        // digits, Latin and punctuation among Chinese
        "2021",
        "2021年",
        "12.4",
        "12",
        "（2016-2020年）",
        "互联网+政务",
        "“放管服”",
        "《合肥市科技创新条例》",
        // phrases that occur once
        "续聘律师高峰作为局机关法律顾问",
        "科创中国",
        "一是",
        "政府",
        // absent text
        "量子计算机",
        "区块链",
    ];
    assert!(queries.len() >= 30);
    for q in queries {
        assert_complete(q, literal);
    }
}

#[test]
fn full_width_forms_and_case_fold_together() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("a.txt"),
        "示例报告\n一、经济\n全市ＧＤＰ增长５．５％，５Ｇ基站建成。\n二、环境\nPM2.5浓度下降，gdp核算改革。\n三、研发\nR&D投入增长，建设ai实验室与AI平台。\n四、其他\n國務院批准設立法律顧問制度。\n",
    )
    .unwrap();
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let idx = idx.to_str().unwrap();
    let count = |q: &str| {
        let (_, hits) = search_json(idx, &["--all", "--", q]);
        let mut found: Vec<String> = hits
            .iter()
            .map(|h| h.section.last().cloned().unwrap_or_default())
            .collect();
        found.sort();
        found
    };
    for q in ["GDP", "gdp", "ＧＤＰ", "Gdp"] {
        assert_eq!(
            count(q),
            ["一、经济", "二、环境"].map(String::from).to_vec(),
            "{q}"
        );
    }
    assert_eq!(count("5G"), vec!["一、经济"]);
    assert_eq!(count("５．５％"), vec!["一、经济"]);
    assert_eq!(count("5.5%"), vec!["一、经济"]);
    assert_eq!(count("PM2.5"), vec!["二、环境"]);
    assert_eq!(count("r&d"), vec!["三、研发"]);
    assert_eq!(count("AI").len(), 1);
    assert_eq!(count("国务院"), vec!["四、其他"]);
    assert_eq!(count("法律顾问"), vec!["四、其他"]);
    assert_eq!(count("法律顧問"), vec!["四、其他"]);
    // Highlights point at the original (full-width, traditional) characters, whole characters.
    let (_, hits) = search_json(idx, &["ＧＤＰ", "OR", "国务院", "--all"]);
    for h in &hits {
        let chars: Vec<char> = h.snippet.chars().collect();
        for [a, b] in &h.highlights {
            let marked: String = chars[*a..*b].iter().collect();
            assert!(
                ["ＧＤＰ", "gdp", "國務院"].contains(&marked.as_str()),
                "highlight {marked:?} in {}",
                h.snippet
            );
        }
        assert!(!h.highlights.is_empty());
    }
}

fn sections(args: &[&str]) -> Vec<(String, Vec<String>)> {
    let (_, hits) = search_json(&data_index_path(), args);
    hits.into_iter().map(|h| (h.path, h.section)).collect()
}

#[test]
fn legal_adviser_query_returns_the_changde_section() {
    let (code, hits) = search_json(&data_index_path(), &["法律顾问"]);
    assert_eq!(code, 0);
    let h = hits
        .iter()
        .find(|h| {
            h.path.ends_with("002_3b35ca370aa899d8.txt")
                && h.snippet.contains("续聘律师高峰作为局机关法律顾问")
        })
        .expect("the 常德 section on 法律顾问");
    assert_eq!(h.section, vec!["二、依法行政制度体系完善情况"]);
    assert_eq!(h.title, "2023年度常德市科学技术局法治政府建设情况工作报告");
    assert_eq!(h.year, Some(2023));
    assert_eq!(h.org.as_deref(), Some("常德市科学技术局"));
}

#[test]
fn research_integrity_query_returns_liuzhou_and_changde_sections() {
    let found = sections(&["科研诚信"]);
    assert!(found
        .iter()
        .any(|(p, s)| p.ends_with("000_3c0aa72eacdcc2b2.txt")
            && s.last().map(String::as_str) == Some("（四）法治建设优化科技计划管理")));
    assert!(found
        .iter()
        .any(|(p, s)| p.ends_with("002_3b35ca370aa899d8.txt")
            && s == &vec!["五、推进科研领域遵纪守法与诚信建设情况".to_string()]));
}

#[test]
fn whole_words_rank_above_parts_of_longer_words() {
    // 顾问 is a word of its own in 法律顾问制度 only after segmentation; rank must be consistent:
    // a section where the term is a whole jieba word always scores above one where it is not.
    let (_, hits) = search_json(&data_index_path(), &["诚信", "--all"]);
    assert!(hits.len() > 2);
    let tiers: Vec<bool> = hits.iter().map(|h| h.score >= 1000.0).collect();
    let first_part = tiers.iter().position(|t| !t).unwrap_or(tiers.len());
    assert!(
        tiers[first_part..].iter().all(|t| !t),
        "whole-word hits come first: {tiers:?}"
    );
    for w in hits.windows(2) {
        assert!(w[0].score >= w[1].score);
    }
    // Deterministic order: the same query twice gives the same ranking.
    let again = search_json(&data_index_path(), &["诚信", "--all"]).1;
    let key = |h: &JsonHit| (h.path.clone(), h.line_start);
    assert_eq!(
        hits.iter().map(key).collect::<Vec<_>>(),
        again.iter().map(key).collect::<Vec<_>>()
    );
}

#[test]
fn and_or_phrase_and_exclusion() {
    let all = |args: &[&str]| -> BTreeSet<(String, usize)> {
        let mut a = vec!["--all"];
        a.extend_from_slice(args);
        search_json(&data_index_path(), &a)
            .1
            .into_iter()
            .map(|h| (h.path, h.line_start))
            .collect()
    };
    let a = all(&["法律顾问"]);
    let b = all(&["规范性文件"]);
    let and = all(&["法律顾问", "规范性文件"]);
    assert_eq!(and, a.intersection(&b).cloned().collect());
    assert!(!and.is_empty());
    let or = all(&["法律顾问", "OR", "规范性文件"]);
    assert_eq!(or, a.union(&b).cloned().collect());
    let not = all(&["法律顾问", "-规范性文件"]);
    assert_eq!(not, a.difference(&b).cloned().collect());
    assert!(!not.is_empty());
    // A quoted phrase is one term; its space matches whitespace in the text.
    let phrase = all(&["\"法律顾问\""]);
    assert_eq!(phrase, a);
    assert!(all(&["\"顾问 法律\""]).is_empty());
    // As a Chinese input method types the operators, and AND spelled out.
    assert_eq!(all(&["法律顾问", "ＯＲ", "规范性文件"]), or);
    assert_eq!(all(&["法律顾问", "－规范性文件"]), not);
    assert_eq!(all(&["法律顾问", "ＮＯＴ", "规范性文件"]), not);
    assert_eq!(all(&["法律顾问", "AND", "规范性文件"]), and);
    // --not reads its value as NOT does: a dashed value, a quoted phrase.
    assert_eq!(all(&["法律顾问", "--not", "-规范性文件"]), not);
    assert_eq!(all(&["法律顾问", "--not", "\"规范性文件\""]), not);
}

/// A word that looks like an operator or a wildcard is searched as text, and stderr says what
/// was probably meant; a --not value of two words is refused, naming it.
#[test]
fn look_alike_operators_get_a_note_and_bad_not_values_an_error() {
    let index = data_index_path();
    let count = |words: &[&str]| {
        let mut args = vec!["search", "--index", index.as_str(), "--count"];
        args.extend_from_slice(words);
        run(&args)
    };
    let o = count(&["法律顾问", "or", "诚信"]);
    let err = stderr(&o);
    assert!(err.contains("note: `or` is searched as text"), "{err}");
    let o = count(&["法律*"]);
    assert!(stderr(&o).contains("no wildcards"), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(1));
    assert_clean_error(
        &count(&["法律顾问", "--not", "合同 审查"]),
        "more than one term",
    );
}

#[test]
fn year_and_org_filters() {
    let years = |args: &[&str]| -> BTreeSet<Option<u32>> {
        let mut a = vec!["--all", "法治"];
        a.extend_from_slice(args);
        search_json(&data_index_path(), &a)
            .1
            .into_iter()
            .map(|h| h.year)
            .collect()
    };
    assert_eq!(years(&["--year", "2021"]), BTreeSet::from([Some(2021)]));
    assert_eq!(
        years(&["--year", "2020..2021"]),
        BTreeSet::from([Some(2020), Some(2021)])
    );
    assert_eq!(years(&[]).len(), 4, "2020, 2021 (two reports), 2022, 2023");
    let (_, hits) = search_json(&data_index_path(), &["--all", "法治", "--org", "常德"]);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h.org.as_deref() == Some("常德市科学技术局")));
    let (code, hits) = search_json(&data_index_path(), &["法治", "--year", "1999"]);
    assert_eq!((code, hits.len()), (1, 0));
}

#[test]
fn count_limit_and_exit_codes() {
    let idx = data_index_path();
    let o = run(&["search", "--index", &idx, "--count", "法律顾问"]);
    assert_eq!(o.status.code(), Some(0));
    let n: usize = stdout(&o).trim().parse().unwrap();
    let (_, all) = search_json(&idx, &["--all", "法律顾问"]);
    assert_eq!(n, all.len());
    let (_, two) = search_json(&idx, &["-n", "2", "法律顾问"]);
    assert_eq!(two.len(), 2);
    assert_eq!(two.iter().map(|h| h.rank).collect::<Vec<_>>(), vec![1, 2]);
    let o = run(&["search", "--index", &idx, "--count", "量子纠缠"]);
    assert_eq!((o.status.code(), stdout(&o).trim()), (Some(1), "0"));
    let o = run(&["search", "--index", &idx, "量子纠缠"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
}

#[test]
fn human_output_shows_title_section_location_and_snippet_without_colour_when_piped() {
    let o = run(&[
        "search",
        "--index",
        &data_index_path(),
        "-n",
        "1",
        "续聘律师",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("2023年度常德市科学技术局法治政府建设情况工作报告"),
        "{out}"
    );
    assert!(out.contains("(2023 · 常德市科学技术局)"), "{out}");
    assert!(out.contains("二、依法行政制度体系完善情况"), "{out}");
    // The line and column of the match itself (line 14 is the heading above it).
    assert!(out.contains("002_3b35ca370aa899d8.txt:15:344"), "{out}");
    assert!(out.contains("1 section, in 1 report"), "{out}");
    assert!(out.contains("续聘律师"), "{out}");
    assert!(!out.contains('\x1b'), "no escape codes when piped");
}

#[test]
fn bad_queries_exit_2_with_a_message() {
    let idx = data_index_path();
    let long = "法".repeat(10_000);
    for q in ["", "，。！", "\"法律顾问", "-", "-法律", "OR"] {
        let o = run(&["search", "--index", &idx, "--", q]);
        assert_eq!(o.status.code(), Some(2), "{q:?}");
        let err = stderr(&o);
        assert!(err.starts_with("govsearch: error:"), "{q:?}: {err}");
        assert!(!err.contains("panicked"));
    }
    let o = run(&["search", "--index", &idx, &long]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("too long"));
}

#[test]
fn missing_or_corrupt_index_says_what_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let o = run_in(
        dir.path(),
        &["search", "--index", missing.to_str().unwrap(), "法律"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("govsearch index"), "{}", stderr(&o));

    let corrupt = dir.path().join("corrupt");
    std::fs::create_dir(&corrupt).unwrap();
    std::fs::write(corrupt.join("meta.json"), "{ not json").unwrap();
    let o = run_in(
        dir.path(),
        &["search", "--index", corrupt.to_str().unwrap(), "法律"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("--rebuild") && !err.contains("panicked"),
        "{err}"
    );

    // --index naming a file, or a folder of documents: what it is, not "run index into it".
    let search_at = |at: &Path| {
        run_in(
            dir.path(),
            &["search", "--index", at.to_str().unwrap(), "法律"],
        )
    };
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "法律").unwrap();
    assert_clean_error(&search_at(&file), "is a file, not an index folder");
    let docs = dir.path().join("reports");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.txt"), "法律顾问").unwrap();
    assert_clean_error(&search_at(&docs), "holds documents, not an index");
    let o = index(&docs, &docs, &[]);
    assert_clean_error(&o, "holds documents, not an index");
    // An index whose first run stopped before committing (tantivy's empty meta.json).
    let unfinished = dir.path().join("unfinished");
    std::fs::create_dir(&unfinished).unwrap();
    std::fs::write(
        unfinished.join("meta.json"),
        r#"{"index_settings":{"docstore_compression":"lz4","docstore_blocksize":16384},"segments":[],"schema":[],"opstamp":0}"#,
    )
    .unwrap();
    assert_clean_error(&search_at(&unfinished), "did not finish");
}

/// An index inside a corpus folder is not read as documents by the next run: no warnings about
/// its files, nothing added.
#[test]
fn an_index_inside_its_corpus_folder_is_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let idx = dir.path().join("idx");
    assert!(index(dir.path(), &idx, &[]).status.success());
    let again = index(dir.path(), &idx, &[]);
    assert!(again.status.success());
    let err = stderr(&again);
    assert!(!err.contains("warning"), "{err}");
    assert!(
        err.contains("0 added, 0 updated, 0 removed, 5 unchanged"),
        "{err}"
    );
}

#[test]
fn first_search_builds_the_default_index_from_data() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(&dir.path().join("data"));
    let o = run_in(dir.path(), &["search", "法律顾问"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("building index"), "{}", stderr(&o));
    assert!(Path::new(&dir.path().join("index/meta.json")).exists());
    let o = run_in(dir.path(), &["search", "法律顾问"]);
    assert!(
        !stderr(&o).contains("building"),
        "second run uses the index"
    );
}

#[test]
fn closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_govsearch"))
        .args(["search", "--index", &data_index_path(), "--all", "法"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked") && !err.contains("error"), "{err}");
    assert!(status.code() == Some(0), "{status:?}");
}

#[test]
fn traditional_and_simplified_queries_find_the_same_sections() {
    let all = |q: &str| -> BTreeSet<(String, usize)> {
        search_json(&data_index_path(), &["--all", q])
            .1
            .into_iter()
            .map(|h| (h.path, h.line_start))
            .collect()
    };
    let simplified = all("法律顾问");
    assert!(!simplified.is_empty());
    assert_eq!(all("法律顧問"), simplified);
    assert_eq!(all("科研誠信"), all("科研诚信"));
}

/// OpenCC's phrase table converts 瞭解 to 了解. A section that holds it is normalised alike
/// whether another traditional character is near (們) or not, so 瞭解 and 了解 both find every
/// place, and the column points at it.
#[test]
fn a_traditional_phrase_is_found_in_any_company() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let text = "驻港办事处工作报告\n一、調研\n我們深入基層瞭解情況。\n二、学习\n组织干部瞭解相关政策，藉由培训提升能力。\n三、其他\n群众了解政策。\n";
    std::fs::write(corpus.join("report.txt"), text).unwrap();
    let index = dir.path().join("ix");
    assert!(crate::util::index(&corpus, &index, &[]).status.success());
    for (query, expect) in [
        ("瞭解", vec![(3, 7), (5, 5), (7, 3)]),
        ("了解", vec![(3, 7), (5, 5), (7, 3)]),
        ("借由", vec![(5, 12)]),
    ] {
        let (code, hits) = search_json(index.to_str().unwrap(), &["--all", query]);
        assert_eq!(code, 0, "{query}");
        let mut places: Vec<(usize, usize)> = hits.iter().map(|h| (h.line, h.column)).collect();
        places.sort();
        assert_eq!(places, expect, "{query}");
        for (line, column) in places {
            let line_text = text.lines().nth(line - 1).unwrap();
            let at: String = line_text.chars().skip(column - 1).take(2).collect();
            assert!(
                ["瞭解", "了解", "藉由"].contains(&at.as_str()),
                "{query}: {line}:{column} holds {at}"
            );
        }
    }
}

#[test]
fn analyze_shows_normalisation_and_words_with_the_domain_dictionary() {
    let o = run(&["analyze", "推进一规划两纲要，深化放管服改革，ＧＤＰ增長"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("normalised: 推进一规划两纲要,深化放管服改革,gdp增长"),
        "{out}"
    );
    assert!(
        out.contains(" 一规划两纲要 / ") && out.contains(" 放管服 / "),
        "{out}"
    );
    let o = run(&["analyze", "--no-domain-dict", "推进一规划两纲要"]);
    assert!(!stdout(&o).contains("一规划两纲要 /"), "{}", stdout(&o));
    let dir = tempfile::tempdir().unwrap();
    let dict = dir.path().join("d.txt");
    std::fs::write(&dict, "科技迎检工作 100 n\n").unwrap();
    let o = run(&[
        "analyze",
        "--user-dict",
        dict.to_str().unwrap(),
        "组织科技迎检工作",
    ]);
    assert!(stdout(&o).contains("科技迎检工作"), "{}", stdout(&o));
    let o = run(&["analyze", "--user-dict", "/no/such/file", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/file"));
}

#[test]
fn a_report_whose_title_holds_the_term_ranks_its_sections_higher_by_the_title_bonus() {
    // Two reports with the same section but for one character; only the first's title holds
    // 海绵城市. Its section must rank first in every ranked view, by exactly the title bonus
    // per term, and a third report's section without the term in its title stays behind.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let report = |title: &str, mark: &str| {
        format!(
            "{title}\n\n一、主要工作\n\n全市推进海绵城市建设，新建改造道路{mark}段，完成年度任务。\n\n\
             二、下一步计划\n\n继续加强城市管理。\n"
        )
    };
    // The file names sort the untitled reports first, so the tie-break alone would not do it.
    std::fs::write(
        corpus.join("c_titled.txt"),
        report("丙市海绵城市建设2022年工作报告", "丙"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("a_plain.txt"),
        report("甲市城市管理局2022年工作报告", "甲"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("b_plain.txt"),
        report("乙市城市管理局2022年工作报告", "乙"),
    )
    .unwrap();
    let idx = dir.path().join("index");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let idx = idx.to_str().unwrap();
    for view in [&[][..], &["--no-collapse"][..]] {
        let mut args = vec!["海绵城市"];
        args.extend_from_slice(view);
        let (code, hits) = search_json(idx, &args);
        assert_eq!(code, 0);
        let body: Vec<&JsonHit> = hits
            .iter()
            .filter(|h| h.section.iter().any(|s| s.contains("主要工作")))
            .collect();
        assert_eq!(body.len(), 3, "{view:?}: {hits:?}");
        assert!(body[0].path.ends_with("c_titled.txt"), "{view:?}: {body:?}");
        for plain in &body[1..] {
            let gap = body[0].score - plain.score;
            assert!(
                (gap - govsearch::search::TITLE_BONUS).abs() < 0.01,
                "{view:?}: the titled report is ahead by {gap}, not the title bonus"
            );
        }
    }
    // -l ranks reports by their best section: the titled one first.
    let o = run(&["search", "--index", idx, "-l", "--json", "海绵城市"]);
    let first = stdout(&o).lines().next().unwrap_or_default().to_string();
    assert!(first.contains("c_titled.txt"), "{}", stdout(&o));
}

#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn the_binary_is_linked_at_a_fixed_address_so_a_search_starts_without_relocating_it() {
    // build.rs links it with -no-pie: a position-independent executable (ELF type 3, ET_DYN)
    // would be relocated by the loader at every start.
    let bytes = std::fs::read(env!("CARGO_BIN_EXE_govsearch")).unwrap();
    assert_eq!(&bytes[..4], b"\x7fELF");
    let e_type = u16::from_le_bytes([bytes[16], bytes[17]]);
    assert_eq!(e_type, 2, "ELF type {e_type}: expected ET_EXEC");
}

/// A web page whose source wraps a paragraph inside a word (`法律\n顾问`) is found by that word,
/// and the hit's line, as `show` prints it, holds the word at the hit's column.
#[test]
fn a_word_wrapped_in_a_pages_source_is_found_where_show_prints_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("wrapped.html"),
        "<html><body>\n<h1>青溪市司法局2023年法治政府建设工作报告</h1>\n<p>一、主要工作</p>\n\
         <p>全面推行法律\n    顾问制度，聘请专业律师\n<b>担任法律</b>\n顾问。Rule of\nlaw.</p>\n</body></html>\n",
    )
    .unwrap();
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = idx.to_str().unwrap();
    let (code, hits) = search_json(shown, &["法律顾问"]);
    assert_eq!(code, 0);
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    let location = format!("{}:{}", hit.path, hit.line);
    let o = run_in(dir.path(), &["show", "--index", shown, &location]);
    assert!(o.status.success(), "{}", stderr(&o));
    let line = stdout(&o)
        .lines()
        .find(|l| l.contains("全面推行"))
        .map(str::to_string)
        .unwrap_or_default();
    assert!(line.contains("法律顾问制度"), "{}", stdout(&o));
    assert!(line.contains("担任法律顾问"), "{line}");
    let (code, hits) = search_json(shown, &["\"rule of law\""]);
    assert_eq!((code, hits.len()), (0, 1), "English keeps its space");
    // The column counts characters of that line, as the hit's snippet shows them.
    assert_eq!(hit.column, 5);
}

/// Characters that show nothing (a zero-width space, a soft hyphen, a byte order mark inside
/// the file) do not split a word: `法律\u{200b}顾问` is found as 法律顾问, and the hit's column is
/// that of 法 in the source line, whose text from there reads 法律, the invisible mark, 顾问.
#[test]
fn invisible_characters_inside_a_word_do_not_hide_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let line = "\u{3000}\u{3000}\u{feff}聘请法律\u{200b}顾问，法律\u{00ad}顾问全覆盖。";
    std::fs::write(
        corpus.join("zw.txt"),
        format!("青溪市司法局2023年法治政府建设工作报告\n一、主要工作\n{line}\n"),
    )
    .unwrap();
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (code, hits) = search_json(idx.to_str().unwrap(), &["法律顾问"]);
    assert_eq!((code, hits.len()), (0, 1));
    let hit = &hits[0];
    assert_eq!(hit.line, 3);
    let from: String = line.chars().skip(hit.column - 1).take(5).collect();
    assert_eq!(from, "法律\u{200b}顾问");
    assert_eq!(hit.highlights.len(), 2, "{:?}", hit.highlights);
}

/// Matching is literal, brackets included, but a document number's year is bracketed in
/// several ways: the issuer's 〔〕, and the [], （）, ［］ or 【】 that sites print and users type.
/// A search that finds nothing with the brackets as typed says which other brackets find the
/// number, and how many sections; its exit status stays 1 and stdout stays empty.
#[test]
fn a_document_number_typed_with_other_brackets_gets_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("notice.txt"),
        "湖南省农业农村厅关于做好2024年春耕生产工作的通知\n湘农发〔2024〕9号\n各市州农业农村局：\n现将有关事项通知如下。\n",
    )
    .unwrap();
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = idx.to_str().unwrap();
    let (code, hits) = search_json(shown, &["湘农发〔2024〕9号"]);
    assert_eq!((code, hits.len()), (0, 1));
    assert_eq!((hits[0].line, hits[0].column), (2, 1));
    for typed in [
        "湘农发[2024]9号",
        "湘农发［2024］9号",
        "湘农发（2024）9号",
        "湘农发(2024)9号",
        "湘农发【2024】9号",
    ] {
        for json in [false, true] {
            let mut args = vec!["search", "--index", shown, typed];
            if json {
                args.push("--json");
            }
            let o = run(&args);
            assert_eq!(o.status.code(), Some(1), "{typed}");
            assert!(o.stdout.is_empty(), "{typed}");
            assert!(
                stderr(&o).contains(&format!(
                    "nothing matches `{typed}` as typed, but `湘农发〔2024〕9号` matches 1 section"
                )),
                "{typed}: {}",
                stderr(&o)
            );
        }
    }
    // Another year is another number: no note.
    let o = run(&["search", "--index", shown, "湘农发[2023]9号"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!stderr(&o).contains("note"), "{}", stderr(&o));
}

/// Laws number their articles in Chinese numerals and reports cite them in digits; matching is
/// literal, so a search for one form says how many sections the other form matches, whether or
/// not the typed form found anything, and leaves stdout and the exit status as they were.
#[test]
fn a_law_number_typed_one_way_notes_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("law.txt"),
        "青溪市养犬管理条例\n第一章　总则\n第三十五条　养犬人应当依法登记。\n第一百一十条　本条例自2024年1月1日起施行。\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("report.txt"),
        "青溪市公安局2023年法治政府建设情况报告\n一、依法行政\n依据条例第35条，全年登记犬只一万只。\n",
    )
    .unwrap();
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = idx.to_str().unwrap();
    for (typed, code, other) in [
        (
            "第35条",
            0,
            "`第三十五条`, the same number in Chinese numerals, matches 1 section",
        ),
        (
            "第３５条",
            0,
            "`第三十五条`, the same number in Chinese numerals, matches 1 section",
        ),
        (
            "第三十五条",
            0,
            "`第35条`, the same number in digits, matches 1 section",
        ),
        (
            "第110条",
            1,
            "`第一百一十条`, the same number in Chinese numerals, matches 1 section",
        ),
    ] {
        let o = run(&["search", "--index", shown, "--json", typed]);
        assert_eq!(o.status.code(), Some(code), "{typed}");
        assert_eq!(o.stdout.is_empty(), code == 1, "{typed}");
        assert!(stderr(&o).contains(other), "{typed}: {}", stderr(&o));
    }
    // The note names the exclusions too, as the user would type the query again.
    let o = run(&["search", "--index", shown, "第35条", "-犬只"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o)
            .contains("`第三十五条 -犬只`, the same number in Chinese numerals, matches 1 section"),
        "{}",
        stderr(&o)
    );
    // No other form in the index, or no number: no note.
    for typed in ["第一百一十条", "依法登记", "第2023年"] {
        let o = run(&["search", "--index", shown, typed]);
        assert!(!stderr(&o).contains("note"), "{typed}: {}", stderr(&o));
    }
}

/// A report whose title names its government in short form (杭州市政府) is filed under the full
/// name, as a work report is, and `--org` finds it typed either way; a body that is not a
/// government typed short (杭州市政府采购中心) keeps its name.
#[test]
fn org_filter_finds_a_government_typed_in_short_form() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("xxgk.txt"),
        "杭州市政府2023年政府信息公开工作年度报告\n一、总体情况\n主动公开政府信息一万余条。\n",
    )
    .unwrap();
    std::fs::write(
        corpus.join("work.txt"),
        "2024年杭州市政府工作报告\n一、过去一年工作回顾\n主动公开政府信息，建设数字政府。\n",
    )
    .unwrap();
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = idx.to_str().unwrap();
    for org in ["杭州市人民政府", "杭州市政府", "杭州市"] {
        let (code, hits) = search_json(shown, &["主动公开", "--org", org]);
        assert_eq!((code, hits.len()), (0, 2), "{org}");
        assert!(
            hits.iter()
                .all(|h| h.org.as_deref() == Some("杭州市人民政府")),
            "{org}"
        );
    }
    let (code, _) = search_json(shown, &["主动公开", "--org", "宁波市政府"]);
    assert_eq!(code, 1);
}

/// A town's government signed in short form (城关镇政府) is filed under its full name, and
/// `--org` finds it by that name, by the short one, and by 人民政府 after the town's name.
#[test]
fn org_filter_finds_a_towns_government() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("town.txt"),
        "关于2023年法治政府建设情况的报告\n一、主要工作\n主动公开政府信息。\n城关镇政府\n2024年1月10日\n",
    )
    .unwrap();
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown = idx.to_str().unwrap();
    for org in ["城关镇人民政府", "城关镇政府", "人民政府"] {
        let (code, hits) = search_json(shown, &["主动公开", "--org", org]);
        assert_eq!((code, hits.len()), (0, 1), "{org}");
        assert_eq!(hits[0].org.as_deref(), Some("城关镇人民政府"), "{org}");
    }
}
