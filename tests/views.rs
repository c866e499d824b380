//! The research views with the real binary: reports (`-l`, `--per-report`), counts per year and
//! body (`--count-by`), order (`--sort`), context (`-A`/`-B`/`-C`, `show`), duplicates
//! (`also_in`, `--no-collapse`), colour, completions and manual pages. Counts are checked
//! against what the test reads in the files itself; every printed line against the source.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use govsearch::json::{InspectRecord, OrgCount, ReportHit, ShownSection, Totals, YearCount};
use serde::de::DeserializeOwned;

use crate::util::*;

/// The query most views are tried with.
const QUERY: &str = "法律顾问";

/// A passage three reports share, laid out differently in each (blank line, full-width
/// indentation, none): the same after normalisation.
const SHARED: &str =
    "各级行政机关应当普遍建立法律顾问制度，充分发挥法律顾问在重大行政决策中的作用。";

/// Reports as they come: a BOM and CRLF, full-width indentation, blank lines, signature lines,
/// two issuing bodies over three years, one report with neither year nor body, and a passage
/// in three of them.
fn fixture_files() -> Vec<(&'static str, String)> {
    vec![
        (
            "jia/2019_report.txt",
            format!(
                "\u{feff}甲市司法局2019年度法治政府建设工作报告\r\n\r\n\
                 \u{3000}\u{3000}2019年，我局坚持法律顾问制度，推进依法行政。\r\n\r\n\
                 一、健全法律顾问制度\r\n\r\n\
                 \u{3000}\u{3000}聘请法律顾问3名，全年审查合同45份。\r\n\
                 \u{3000}\u{3000}法律顾问列席局务会议12次。\r\n\r\n\
                 二、落实上级要求\r\n\r\n\
                 \u{3000}\u{3000}{SHARED}\r\n\r\n\
                 三、存在问题\r\n\r\n\
                 \u{3000}\u{3000}基层执法力量不足。\r\n\r\n\
                 四、下一步计划\r\n\r\n\
                 \u{3000}\u{3000}继续发挥法律顾问作用。\r\n\r\n\
                 甲市司法局\r\n2020年1月10日\r\n"
            ),
        ),
        (
            "jia/2021_report.txt",
            format!(
                "甲市司法局2021年度法治政府建设工作报告\n\n\
                 2021年，我局继续完善法律顾问制度。\n\n\
                 一、主要工作\n\n\
                 （一）合同审查\n审查合同60份，法律顾问出具意见书20份。\n\n\
                 二、落实上级要求\n{SHARED}\n\n\
                 三、存在问题\n部分法律顾问作用发挥不充分。\n\n\
                 甲市司法局\n2022年1月5日\n"
            ),
        ),
        (
            "yi/2019_report.txt",
            "乙市科学技术局2019年度法治政府建设情况报告\n\n\
             一、总体情况\n本局聘请常年法律顾问1名，法律服务外包给律师事务所。\n\n\
             二、科研诚信\n加强科研诚信建设，查处违背科研诚信行为2起。\n\n\
             乙市科学技术局\n2020年2月1日\n"
                .to_string(),
        ),
        (
            "yi/2020_report.txt",
            "乙市科学技术局2020年度法治政府建设情况报告\n\n\
             一、总体情况\n本局法律顾问参与重大决策合法性审查15次。\n\n\
             二、制度建设\n修订法律顾问工作规则。\n\n\
             三、科研诚信\n开展科研诚信专项检查。\n\n\
             乙市科学技术局\n2021年2月1日\n"
                .to_string(),
        ),
        (
            "misc/notes.txt",
            format!(
                "关于发挥法律顾问作用的几点思考\n\n\
                 一、问题\n法律顾问参与决策不够深入。\n\n\
                 二、落实上级要求\n\u{3000}\u{3000}{SHARED}\n"
            ),
        ),
    ]
}

/// A corpus of [`fixture_files`] and its index, in a temporary directory.
struct Fixture {
    dir: tempfile::TempDir,
    corpus: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("c");
        for (name, text) in fixture_files() {
            let path = corpus.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let f = Fixture { dir, corpus };
        let o = index(&f.corpus, Path::new(&f.idx()), &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        f
    }

    fn idx(&self) -> String {
        self.dir.path().join("idx").to_string_lossy().into_owned()
    }

    /// Runs `search --index IDX ARGS…`.
    fn search(&self, args: &[&str]) -> Output {
        let idx = self.idx();
        let mut all = vec!["search", "--index", &idx];
        all.extend_from_slice(args);
        run(&all)
    }

    /// Runs `show --index IDX ARGS…`.
    fn show(&self, args: &[&str]) -> Output {
        let idx = self.idx();
        let mut all = vec!["show", "--index", &idx];
        all.extend_from_slice(args);
        run(&all)
    }

    /// What the reader makes of every file (title, year, body, sections with line ranges).
    fn records(&self) -> Vec<InspectRecord> {
        json_lines(&run(&["inspect", "--json", self.corpus.to_str().unwrap()]))
    }
}

/// One fixture index shared by the tests that only read it.
fn shared() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(Fixture::new)
}

/// stdout's JSON lines, decoded with the types that wrote them; the run must not have failed.
fn json_lines<T: DeserializeOwned>(o: &Output) -> Vec<T> {
    assert_ne!(o.status.code(), Some(2), "{}", stderr(o));
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

/// A file's lines as govsearch numbers them (BOM dropped; CRLF, LF and CR end lines).
fn source_lines(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    govsearch::corpus::split_lines(text.trim_start_matches('\u{feff}'))
}

/// A section as the test sees it in the file: its lines from `line_start` to `line_end`.
struct FileSection {
    path: String,
    year: Option<u32>,
    org: Option<String>,
    lines: Vec<String>,
}

impl FileSection {
    fn contains(&self, text: &str) -> bool {
        self.lines.iter().any(|l| l.contains(text))
    }

    /// The text with every whitespace run one space: the passage, for these fixtures (their
    /// duplicates differ only in whitespace).
    fn passage(&self) -> String {
        self.lines
            .join("\n")
            .split(char::is_whitespace)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Every section of the fixture, read from the files at the line ranges the reader reports.
fn file_sections(f: &Fixture) -> Vec<FileSection> {
    let mut out = Vec::new();
    for r in f.records() {
        let lines = source_lines(&r.path);
        for s in &r.sections {
            out.push(FileSection {
                path: r.path.clone(),
                year: r.year,
                org: r.org.clone(),
                lines: lines[s.line_start - 1..s.line_end].to_vec(),
            });
        }
    }
    out
}

/// Per key: (reports, sections, passages) among the sections containing `text`, counted by the
/// test from the files.
fn literal_counts<K: Ord>(
    sections: &[FileSection],
    text: &str,
    key: impl Fn(&FileSection) -> K,
) -> BTreeMap<K, (usize, usize, usize)> {
    let mut groups: BTreeMap<K, (BTreeSet<String>, usize, BTreeSet<String>)> = BTreeMap::new();
    for s in sections.iter().filter(|s| s.contains(text)) {
        let g = groups.entry(key(s)).or_default();
        g.0.insert(s.path.clone());
        g.1 += 1;
        g.2.insert(s.passage());
    }
    groups
        .into_iter()
        .map(|(k, (r, n, p))| (k, (r.len(), n, p.len())))
        .collect()
}

#[test]
fn files_with_matches_lists_each_report_once_with_its_sections_counted_from_the_files() {
    let f = shared();
    let truth = literal_counts(&file_sections(f), QUERY, |s| s.path.clone());
    assert_eq!(truth.len(), 5, "every fixture report holds the query");
    let o = f.search(&["-l", "--all", "--json", QUERY]);
    assert_eq!(o.status.code(), Some(0));
    let reports: Vec<ReportHit> = json_lines(&o);
    let listed: BTreeMap<String, usize> = reports
        .iter()
        .map(|r| (r.path.clone(), r.sections))
        .collect();
    let expected: BTreeMap<String, usize> = truth.iter().map(|(p, c)| (p.clone(), c.1)).collect();
    assert_eq!(listed, expected);
    assert_eq!(listed.len(), reports.len(), "each report once");
    // Ranked by the best section: scores never rise.
    assert!(reports.windows(2).all(|w| w[0].score >= w[1].score));
    // The report's facts are the reader's.
    for r in &reports {
        let record = f.records().into_iter().find(|x| x.path == r.path).unwrap();
        assert_eq!(
            (&r.title, r.year, &r.org),
            (&record.title, record.year, &record.org)
        );
    }
    // The best report's score is its best section's.
    let (_, hits) = search_json(&f.idx(), &["-n", "1", QUERY]);
    assert_eq!(
        (reports[0].score, &reports[0].path),
        (hits[0].score, &hits[0].path)
    );
    // -n counts reports; human output is one line per report, then the totals.
    let o = f.search(&["-l", "-n", "2", QUERY]);
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with(&reports[0].path), "{text}");
    assert!(
        lines[0].contains(&format!("{} sections", reports[0].sections)),
        "{text}"
    );
    let sections: usize = truth.values().map(|c| c.1).sum();
    assert!(
        lines[2].starts_with(&format!(
            "2 of 5 reports (--all for every report), {sections} sections"
        )),
        "{text}"
    );
    // Nothing found: nothing printed, exit 1.
    let o = f.search(&["-l", "量子纠缠"]);
    assert_eq!((o.status.code(), stdout(&o).as_str()), (Some(1), ""));
}

#[test]
fn count_by_year_matches_a_count_per_year_read_from_the_files_with_a_null_year_last() {
    let f = shared();
    let sections = file_sections(f);
    // The years the counts group by are the ones the fixture files are named after.
    for s in &sections {
        let named = Path::new(&s.path)
            .file_name()
            .and_then(|n| n.to_str()?.get(..4)?.parse::<u32>().ok());
        assert_eq!(s.year, named, "{}", s.path);
    }
    for query in [QUERY, "科研诚信", "合同"] {
        let truth = literal_counts(&sections, query, |s| s.year);
        // Years ascending, the bucket without a year last.
        let mut expected: Vec<YearCount> = truth
            .iter()
            .map(|(&year, &(reports, sections, passages))| YearCount {
                year,
                reports,
                sections,
                passages,
            })
            .collect();
        expected.sort_by_key(|c| (c.year.is_none(), c.year));
        let o = f.search(&["--count-by", "year", "--json", query]);
        assert_eq!(o.status.code(), Some(0), "{query}");
        assert_eq!(json_lines::<YearCount>(&o), expected, "{query}");
    }
    let truth = literal_counts(&sections, QUERY, |s| s.year);
    assert_eq!(
        truth.keys().collect::<Vec<_>>(),
        [&None, &Some(2019), &Some(2020), &Some(2021)]
    );
    // The chart: one row per year, in order, each with its counts, then the totals.
    let o = f.search(&["--count-by", "year", QUERY]);
    let text = stdout(&o);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .take(4)
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0][..3], ["2019", "2", "5"], "{text}");
    assert_eq!(rows[1][..3], ["2020", "1", "2"], "{text}");
    assert_eq!(rows[2][..3], ["2021", "1", "4"], "{text}");
    assert_eq!(rows[3][..4], ["(no", "year)", "1", "3"], "{text}");
    assert!(
        rows.iter().all(|r| r.last().unwrap().contains('█')),
        "{text}"
    );
    assert!(
        text.contains("5 reports, 14 sections (12 distinct passages) in all"),
        "{text}"
    );
    let o = f.search(&["--count-by", "year", "量子纠缠"]);
    assert_eq!((o.status.code(), stdout(&o).as_str()), (Some(1), ""));
}

#[test]
fn count_by_org_puts_reports_without_a_body_in_a_null_bucket() {
    let f = shared();
    let truth = literal_counts(&file_sections(f), QUERY, |s| s.org.clone());
    let o = f.search(&["--count-by", "org", "--json", QUERY]);
    let counts: Vec<OrgCount> = json_lines(&o);
    let got: BTreeMap<Option<String>, (usize, usize, usize)> = counts
        .iter()
        .map(|c| (c.org.clone(), (c.reports, c.sections, c.passages)))
        .collect();
    assert_eq!(got, truth);
    let order: Vec<Option<&str>> = counts.iter().map(|c| c.org.as_deref()).collect();
    assert_eq!(order, [Some("甲市司法局"), Some("乙市科学技术局"), None]);
    let text = stdout(&f.search(&["--count-by", "org", QUERY]));
    assert!(text.contains("(no issuing body)"), "{text}");
}

/// One body written in simplified and traditional characters is one row, named as most of its
/// sections' reports write it, and counts what `--org` finds under either name (trial 13).
#[test]
fn count_by_org_counts_a_body_written_two_ways_once() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    let report = |body: &str, n: usize| {
        let items: String = (1..=n)
            .map(|i| format!("（{i}）聘请法律顾问{i}名。\n"))
            .collect();
        format!("2023年法治政府建设情况报告\n一、主要工作\n{items}\n{body}\n2024年1月10日\n")
    };
    for (file, body, n) in [
        ("a.txt", "乙县人民政府", 2),
        ("b.txt", "乙县人民政府", 1),
        ("c.txt", "乙縣人民政府", 1),
        ("d.txt", "甲县人民政府", 1),
    ] {
        std::fs::write(corpus.join(file), report(body, n)).unwrap();
    }
    let idx = dir.path().join("idx");
    assert!(index(&corpus, &idx, &[]).status.success());
    let idx = idx.to_str().unwrap();
    let o = run(&[
        "search",
        "--index",
        idx,
        "--count-by",
        "org",
        "--json",
        "法律顾问",
    ]);
    let counts: Vec<OrgCount> = json_lines(&o);
    let got: Vec<(Option<&str>, usize)> = counts
        .iter()
        .map(|c| (c.org.as_deref(), c.reports))
        .collect();
    assert_eq!(got, [(Some("乙县人民政府"), 3), (Some("甲县人民政府"), 1)]);
    let listed = |org: &str| {
        let o = run(&[
            "search",
            "--index",
            idx,
            "-l",
            "--json",
            "--org",
            org,
            "法律顾问",
        ]);
        json_lines::<ReportHit>(&o).len()
    };
    assert_eq!((listed("乙县人民政府"), listed("乙縣人民政府")), (3, 3));
}

#[test]
fn views_keep_every_filter_and_the_query_language() {
    let f = shared();
    let sections = file_sections(f);
    let reports = |args: &[&str]| -> BTreeSet<String> {
        let mut all = vec!["-l", "--all", "--json"];
        all.extend_from_slice(args);
        json_lines::<ReportHit>(&f.search(&all))
            .into_iter()
            .map(|r| r.path)
            .collect()
    };
    let of = |keep: &dyn Fn(&FileSection) -> bool| -> BTreeSet<String> {
        sections
            .iter()
            .filter(|s| keep(s))
            .map(|s| s.path.clone())
            .collect()
    };
    assert_eq!(
        reports(&["--year", "2019", QUERY]),
        of(&|s| s.year == Some(2019) && s.contains(QUERY))
    );
    assert_eq!(
        reports(&["--org", "乙市", QUERY]),
        of(&|s| s.org.as_deref() == Some("乙市科学技术局") && s.contains(QUERY))
    );
    assert_eq!(
        reports(&[QUERY, "-外包"]),
        of(&|s| s.contains(QUERY) && !s.contains("外包"))
    );
    assert_eq!(
        reports(&["科研诚信", "OR", "合同"]),
        of(&|s| s.contains("科研诚信") || s.contains("合同"))
    );
    let counts: Vec<YearCount> = json_lines(&f.search(&[
        "--count-by",
        "year",
        "--json",
        "--year",
        "2019..2020",
        QUERY,
        "NOT",
        "外包",
    ]));
    let years: Vec<Option<u32>> = counts.iter().map(|c| c.year).collect();
    assert_eq!(years, [Some(2019), Some(2020)]);
    assert_eq!(counts[0].sections, 4, "the 外包 section is excluded");
    // Exit status 1 when a filter leaves nothing, in every view.
    for view in [
        &["-l"][..],
        &["--count-by", "org"],
        &["--per-report", "1"],
        &["-C", "1"],
    ] {
        let mut args = view.to_vec();
        args.extend(["--year", "1999", QUERY]);
        let o = f.search(&args);
        assert_eq!(
            (o.status.code(), stdout(&o).as_str()),
            (Some(1), ""),
            "{view:?}"
        );
    }
}

#[test]
fn per_report_caps_hits_and_the_first_hit_of_a_report_says_how_many_more_it_holds() {
    let f = shared();
    let (_, all) = search_json(&f.idx(), &["--all", QUERY]);
    let mut per_report: BTreeMap<String, usize> = BTreeMap::new();
    for h in &all {
        *per_report.entry(h.path.clone()).or_default() += 1;
    }
    let (code, capped) = search_json(&f.idx(), &["--all", "--per-report", "1", QUERY]);
    assert_eq!(code, 0);
    let paths: Vec<&String> = capped.iter().map(|h| &h.path).collect();
    assert_eq!(
        paths.iter().collect::<BTreeSet<_>>().len(),
        paths.len(),
        "one per report"
    );
    assert_eq!(paths.len(), per_report.len());
    for h in &capped {
        assert_eq!(
            h.more_in_report,
            Some(per_report[&h.path] - 1),
            "{}",
            h.path
        );
    }
    // The best hit of each report, in rank order.
    let firsts: Vec<(String, usize)> = all
        .iter()
        .filter(|h| all.iter().find(|x| x.path == h.path).unwrap().line_start == h.line_start)
        .map(|h| (h.path.clone(), h.line_start))
        .collect();
    let got: Vec<(String, usize)> = capped
        .iter()
        .map(|h| (h.path.clone(), h.line_start))
        .collect();
    assert_eq!(got, firsts);
    // With 2 per report, the note is on each report's first hit only.
    let (_, two) = search_json(&f.idx(), &["--all", "--per-report", "2", QUERY]);
    let jia = "jia/2019_report.txt";
    let jia: Vec<_> = two.iter().filter(|h| h.path.ends_with(jia)).collect();
    assert_eq!(jia.len(), 2);
    assert_eq!(
        (jia[0].more_in_report, jia[1].more_in_report),
        (Some(per_report[&jia[0].path] - 2), None)
    );
    let text = stdout(&f.search(&["--all", "--per-report", "1", QUERY]));
    let expected = format!("+ {} more in this report", per_report[&jia[0].path] - 1);
    assert!(text.contains(&expected), "{text}");
    assert!(text.contains("(at most 1 per report)"), "{text}");
}

#[test]
fn sort_by_year_orders_hits_and_reports_with_no_year_last_and_rank_within_a_year() {
    let f = shared();
    let year_key = |y: Option<u32>| (y.is_none(), y);
    for (order, newest_first) in [("year", false), ("-year", true)] {
        let (_, hits) = search_json(&f.idx(), &["--all", "--sort", order, QUERY]);
        assert_eq!(hits.len(), 14, "{order}");
        for w in hits.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            let in_order = if a.year.is_some() && b.year.is_some() && newest_first {
                a.year >= b.year
            } else {
                year_key(a.year) <= year_key(b.year)
            };
            assert!(in_order, "{order}: {:?} before {:?}", a.year, b.year);
            if a.year == b.year {
                assert!(a.score >= b.score, "{order}: rank within a year");
            }
        }
        assert_eq!(hits.last().unwrap().year, None);
        assert_eq!(
            hits.iter().map(|h| h.rank).collect::<Vec<_>>(),
            (1..=14).collect::<Vec<_>>()
        );
        // The limit takes the first hits in this order.
        let (_, two) = search_json(
            &f.idx(),
            &["-n", "2", "--sort", order, "--no-collapse", QUERY],
        );
        let first_two: Vec<_> = hits[..2].iter().map(|h| (&h.path, h.line)).collect();
        assert_eq!(
            two.iter().map(|h| (&h.path, h.line)).collect::<Vec<_>>(),
            first_two
        );
    }
    let reports: Vec<ReportHit> =
        json_lines(&f.search(&["-l", "--json", "--sort", "-year", QUERY]));
    let years: Vec<Option<u32>> = reports.iter().map(|r| r.year).collect();
    assert_eq!(
        years,
        [Some(2021), Some(2020), Some(2019), Some(2019), None]
    );
    let o = f.search(&["--sort", "oldest", QUERY]);
    assert_clean_error(&o, "oldest");
}

#[test]
fn a_passage_in_several_reports_is_one_hit_that_says_where_else_it_is() {
    let f = shared();
    let shared_in: Vec<String> = file_sections(f)
        .iter()
        .filter(|s| s.contains(SHARED))
        .map(|s| s.path.clone())
        .collect();
    assert_eq!(shared_in.len(), 3);
    let (_, hits) = search_json(&f.idx(), &["-n", "50", "充分发挥法律顾问"]);
    assert_eq!(hits.len(), 1, "one hit for the passage");
    let hit = &hits[0];
    let mut places: Vec<&String> = hit.also_in.iter().map(|l| &l.path).collect();
    places.push(&hit.path);
    places.sort();
    let mut expected: Vec<&String> = shared_in.iter().collect();
    expected.sort();
    assert_eq!(places, expected);
    // Each place is the first line of a section holding the passage in the source file.
    for l in &hit.also_in {
        let lines = source_lines(&l.path);
        assert_eq!(lines[l.line - 1], "二、落实上级要求", "{l:?}");
        assert!(
            lines[l.line..].iter().take(3).any(|x| x.contains(SHARED)),
            "{l:?}"
        );
    }
    let text = stdout(&f.search(&["充分发挥法律顾问"]));
    assert!(text.contains("also in 2 reports: "), "{text}");
    assert!(
        text.contains("3 sections (1 distinct passage), in 3 reports"),
        "{text}"
    );
    // --no-collapse and --all show every section, without also_in.
    for flag in ["--no-collapse", "--all"] {
        let (_, hits) = search_json(&f.idx(), &[flag, "充分发挥法律顾问"]);
        assert_eq!(hits.len(), 3, "{flag}");
        assert!(hits.iter().all(|h| h.also_in.is_empty()), "{flag}");
    }
    // The totals say sections and distinct passages.
    let o = f.search(&["--count", "--json", QUERY]);
    let totals: Vec<Totals> = json_lines(&o);
    assert_eq!(
        totals,
        [Totals {
            sections: 14,
            passages: 12,
            reports: 5
        }]
    );
    assert_eq!(stdout(&f.search(&["--count", QUERY])).trim(), "14");
    let (_, collapsed) = search_json(&f.idx(), &["-n", "50", QUERY]);
    assert_eq!(collapsed.len(), 12);
    let text = stdout(&f.search(&["-n", "3", QUERY]));
    assert!(
        text.contains("3 of 14 sections (12 distinct passages), in 5 reports (each passage once; --all for every section)"),
        "{text}"
    );
}

#[test]
fn context_lines_are_the_source_lines_around_the_match_line() {
    let f = shared();
    let mut checked = 0;
    for (flags, before, after) in [
        (&["-C", "2"][..], 2, 2),
        (&["-B", "3"], 3, 0),
        (&["-A", "1"], 0, 1),
        (&["-C", "1", "-A", "4"], 1, 4),
        (&["-A", "0"], 0, 0),
    ] {
        let mut args = vec!["--all", "--no-collapse"];
        args.extend_from_slice(flags);
        args.push(QUERY);
        let (_, hits) = search_json(&f.idx(), &args);
        assert_eq!(hits.len(), 14);
        for h in hits {
            let lines = source_lines(&h.path);
            assert_eq!(h.snippet, lines[h.line - 1], "the whole match line");
            let chars: Vec<char> = h.snippet.chars().collect();
            let [a, b] = h.highlights[0];
            assert_eq!(chars[a..b].iter().collect::<String>(), QUERY);
            assert_eq!(a + 1, h.column);
            let first = h.line.saturating_sub(before).max(1);
            assert_eq!(
                h.context_before.as_deref().unwrap(),
                &lines[first - 1..h.line - 1],
                "{flags:?} {}:{}",
                h.path,
                h.line
            );
            let last = (h.line + after).min(lines.len());
            assert_eq!(
                h.context_after.as_deref().unwrap(),
                &lines[h.line..last],
                "{flags:?} {}:{}",
                h.path,
                h.line
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 70);
    // Without the flags, no context keys at all.
    let o = f.search(&["--json", "-n", "1", QUERY]);
    assert!(!stdout(&o).contains("context_"), "{}", stdout(&o));
    // Human output numbers them as rg does: N- around, N: the match line.
    let o = f.search(&[
        "-C",
        "2",
        "--no-collapse",
        "--all",
        "充分发挥法律顾问",
        "--year",
        "2019",
    ]);
    let text = stdout(&o);
    let path = f.corpus.join("jia/2019_report.txt");
    let lines = source_lines(path.to_str().unwrap());
    for n in 10..=14 {
        let mark = if n == 12 { ':' } else { '-' };
        let expected = format!("   {n}{mark}{}", lines[n - 1]);
        assert!(
            text.lines().any(|l| l == expected),
            "{expected:?} in\n{text}"
        );
    }
}

#[test]
fn context_survives_a_source_file_gone_or_changed_with_one_warning() {
    let f = Fixture::new();
    let report = f.corpus.join("jia/2019_report.txt");
    let original = std::fs::read_to_string(&report).unwrap();
    std::fs::remove_file(&report).unwrap();
    let o = f.search(&[
        "--json",
        "-C",
        "3",
        "--all",
        "--no-collapse",
        "--year",
        "2019",
        QUERY,
        "--org",
        "甲市",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let hits: Vec<JsonHit> = json_lines(&o);
    assert_eq!(hits.len(), 4);
    let err = stderr(&o);
    assert_eq!(err.matches("cannot read it").count(), 1, "{err}");
    assert!(err.contains("2019_report.txt"), "{err}");
    // Context stops at the section's edges: lines from the index only.
    for h in &hits {
        let before = h.context_before.as_ref().unwrap().len();
        let after = h.context_after.as_ref().unwrap().len();
        assert!(
            h.line - before >= h.line_start && h.line + after <= h.line_end,
            "{h:?}"
        );
    }
    // A changed file (a line added at the top shifts every line) is not used for lines outside
    // the section: line 17 is outside the section of lines 18–23.
    std::fs::write(&report, original.replacen("\r\n", "\r\n新增一行\r\n", 1)).unwrap();
    let o = f.search(&["-C", "3", "--year", "2019", "继续发挥法律顾问"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(
        stderr(&o).contains("changed since it was indexed"),
        "{}",
        stderr(&o)
    );
    assert!(
        text.contains("   18-四、下一步计划") && !text.contains("   17-"),
        "{text}"
    );
}

/// `show` prints the section as indexed; when the file no longer holds it there (a line added
/// at the top), a warning names the file, and the section is still shown. Rewriting the same
/// text (a new modification time) is no change.
#[test]
fn show_warns_when_the_file_changed_since_it_was_indexed() {
    let f = Fixture::new();
    let report = f.corpus.join("jia/2019_report.txt");
    let location = format!("{}:12", report.to_str().unwrap());
    let original = std::fs::read_to_string(&report).unwrap();
    let o = f.show(&[&location]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    std::fs::write(&report, &original).unwrap();
    let o = f.show(&[&location]);
    assert!(stderr(&o).is_empty(), "same text: {}", stderr(&o));
    std::fs::write(&report, original.replacen("\r\n", "\r\n新增一行\r\n", 1)).unwrap();
    let o = f.show(&[&location]);
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("2019_report.txt") && err.contains("changed since it was indexed"),
        "{err}"
    );
    assert!(stdout(&o).contains("二、落实上级要求"), "{}", stdout(&o));
}

#[test]
fn show_prints_the_whole_section_holding_a_line() {
    let f = shared();
    let path = f.corpus.join("jia/2019_report.txt");
    let path = path.to_str().unwrap();
    let lines = source_lines(path);
    let location = format!("{path}:12");
    let o = f.show(&[&location, "--json", "--query", QUERY]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let shown: Vec<ShownSection> = json_lines(&o);
    assert_eq!(shown.len(), 1);
    let s = &shown[0];
    assert_eq!((s.line_start, s.line_end), (10, 12));
    assert_eq!(s.section, ["二、落实上级要求"]);
    assert_eq!(s.title, "甲市司法局2019年度法治政府建设工作报告");
    assert_eq!(s.text, lines[9..12].join("\n"));
    let chars: Vec<char> = s.text.chars().collect();
    assert_eq!(s.highlights.len(), 2);
    for [a, b] in &s.highlights {
        assert_eq!(chars[*a..*b].iter().collect::<String>(), QUERY);
    }
    // The location as a hit prints it, with its column, and human output: title, heading path,
    // line range, numbered lines as in the file.
    let o = f.show(&[&format!("{path}:12:5")]);
    let text = stdout(&o);
    assert!(
        text.starts_with(
            "甲市司法局2019年度法治政府建设工作报告  (2019 · 甲市司法局)\n二、落实上级要求\n"
        ),
        "{text}"
    );
    assert!(text.contains(&format!("{path}:10-12")), "{text}");
    for n in [10, 12] {
        assert!(text.contains(&format!("{n}  {}\n", lines[n - 1])), "{text}");
    }
    // PATH alone: every section, in order; the same file by another path.
    let o = f.show(&[path, "--json"]);
    let all: Vec<ShownSection> = json_lines(&o);
    assert_eq!(
        all.iter().map(|s| s.line_start).collect::<Vec<_>>(),
        [1, 5, 10, 14, 18]
    );
    let other = format!(
        "{}/c/./jia/../jia/2019_report.txt:12",
        f.dir.path().display()
    );
    let again: Vec<ShownSection> = json_lines(&f.show(&[&other, "--json"]));
    assert_eq!(again[0].text, s.text);
}

#[test]
fn show_errors_name_the_file_say_what_to_do_and_exit_2() {
    let f = shared();
    let path = f.corpus.join("jia/2019_report.txt");
    let path = path.to_str().unwrap();
    let o = f.show(&["nowhere/report.txt:3"]);
    assert_clean_error(&o, "nowhere/report.txt is not in the index");
    assert!(stderr(&o).contains("govsearch index"), "{}", stderr(&o));
    let o = f.show(&[&format!("{path}:999")]);
    assert_clean_error(&o, "2019_report.txt has no section holding line 999");
    // Line 4 is the blank line between the preamble and the first heading.
    let o = f.show(&[&format!("{path}:4")]);
    assert_clean_error(&o, "between the sections of lines 1–3 and 5–8");
    let o = f.show(&[&format!("{path}:12"), "--query", "\"unbalanced"]);
    assert_clean_error(&o, "quote");
}

#[test]
fn colour_follows_the_color_flag_and_never_reaches_json() {
    let f = shared();
    let has_escape = |args: &[&str]| stdout(&f.search(args)).contains('\x1b');
    // The tests run with NO_COLOR=1 and a pipe: auto and never are plain, always colours.
    assert!(!has_escape(&[QUERY]));
    assert!(!has_escape(&["--color", "never", QUERY]));
    assert!(has_escape(&["--color", "always", QUERY]));
    assert!(has_escape(&["--color=always", "--count-by", "year", QUERY]));
    assert!(!has_escape(&["--color", "always", "--json", QUERY]));
    assert!(!has_escape(&["--color", "always", "-l", "--json", QUERY]));
    let text = stdout(&f.search(&["--color", "always", "-n", "1", "续聘", "OR", "聘请法律顾问"]));
    assert!(text.contains("聘请法律顾问\x1b[0m"), "{text:?}");
    let path = f.corpus.join("misc/notes.txt");
    let o = f.show(&["--color", "always", path.to_str().unwrap()]);
    assert!(stdout(&o).contains('\x1b'));
    let o = f.search(&["--color", "sometimes", QUERY]);
    assert_clean_error(&o, "sometimes");
}

#[test]
fn completions_and_manual_pages_come_from_the_flag_definitions() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let script = stdout(&o);
        for flag in [
            "files-with-matches",
            "count-by",
            "per-report",
            "no-collapse",
        ] {
            assert!(script.contains(flag), "{shell}: {flag}");
        }
    }
    assert_clean_error(&run(&["completions", "tcsh"]), "tcsh");
    let o = run(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(page.contains(".TH govsearch 1"), "{page}");
    assert!(page.contains("show"), "{page}");
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let search = std::fs::read_to_string(dir.path().join("govsearch-search.1")).unwrap();
    assert!(
        search.contains("count\\-by") && search.contains("per\\-report"),
        "{search}"
    );
    assert!(dir.path().join("govsearch-show.1").exists());
}

#[test]
fn conflicting_or_unknown_view_flags_are_errors() {
    let f = shared();
    for (args, named) in [
        (&["-l", "--count", QUERY][..], "--count"),
        (&["--count-by", "month", QUERY], "month"),
        (&["--count-by", "year", "-n", "3", QUERY], "--limit"),
        (&["-l", "--per-report", "2", QUERY], "--per-report"),
        (&["-l", "-C", "2", QUERY], "--context"),
        (&["--per-report", "0", QUERY], "0"),
        (&["-C", "x", QUERY], "--context"),
        (&["--sort", "year", "--count-by", "year", QUERY], "--sort"),
    ] {
        let o = f.search(args);
        assert_clean_error(&o, named);
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
}

#[test]
fn a_passage_in_many_reports_names_three_places_and_counts_the_rest() {
    // Seven reports hold the passage twice each (the same heading again: a section's passage
    // includes its heading). The terminal names the first three other places and counts the
    // rest by report, as JSON's full list does.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c");
    let idx = dir.path().join("idx");
    std::fs::create_dir_all(&corpus).unwrap();
    for i in 0..7 {
        let twice = format!("\n三、存在问题\n人手不足。\n\n二、落实上级要求\n{SHARED}\n");
        let body = format!(
            "第{i}区司法局2021年度法治政府建设工作报告\n\n一、主要工作\n第{i}区审查合同{i}份。\n\n\
             二、落实上级要求\n{SHARED}\n{twice}"
        );
        std::fs::write(corpus.join(format!("r{i}.txt")), body).unwrap();
    }
    assert!(index(&corpus, &idx, &[]).status.success());
    let idx_s = idx.to_str().unwrap();
    let (_, hits) = search_json(idx_s, &["充分发挥法律顾问"]);
    assert_eq!(hits.len(), 1, "one hit for the passage");
    let hit = &hits[0];
    assert_eq!(hit.also_in.len(), 13, "every other place, in JSON");
    let mut others: Vec<&str> = hit
        .also_in
        .iter()
        .map(|l| l.path.as_str())
        .filter(|p| *p != hit.path)
        .collect();
    let here = hit.also_in.len() - others.len();
    assert_eq!(here, 1, "the hit's own report holds it once more");
    others.sort();
    others.dedup();
    let text = stdout(&run(&[
        "search",
        "--index",
        idx_s,
        "--color",
        "never",
        "充分发挥法律顾问",
    ]));
    let note = text
        .lines()
        .find(|l| l.trim_start().starts_with("also"))
        .unwrap_or_else(|| panic!("no also-in note: {text}"));
    let counted = if here > 0 {
        format!(
            "also in {} reports and {here} time{} in this report: ",
            others.len(),
            if here == 1 { "" } else { "s" }
        )
    } else {
        format!("also in {} reports: ", others.len())
    };
    assert!(note.trim_start().starts_with(&counted), "{note}\n{counted}");
    let named: Vec<String> = hit
        .also_in
        .iter()
        .take(3)
        .map(|l| format!("{}:{}", l.path, l.line))
        .collect();
    assert!(
        note.ends_with(&format!("{}, …", named.join(", "))),
        "{note}\n{named:?}"
    );
}
