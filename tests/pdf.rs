//! PDF and .odt: phrases of a report's text are found in its PDF, sections and pages come out
//! right, scanned, encrypted and damaged PDFs cost a warning each, legacy formats say what to do.
//!
//! The fixtures in tests/fixtures/pdf were made by tools/make_pdf_fixtures.py with LibreOffice
//! (see the README there): each NAME.pdf has its text version NAME.txt, and NAME.pages lists
//! phrases with the page poppler's `pdftotext -f N -l N` found each on.

use std::path::{Path, PathBuf};

use crate::util::*;
use govsearch::json::InspectRecord;

/// The fixtures with a PDF and a text version. `customs_ranks_type0` is the same law in the
/// font encoding Word and WPS exports use (Type0 font, Identity-H, ToUnicode; made by
/// tools/make_type0_fixture.py), the others are LibreOffice's simple TrueType subsets.
const FIXTURES: [&str; 4] = [
    "report004",
    "language_law",
    "customs_ranks",
    "customs_ranks_type0",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

/// A folder holding copies of the given fixtures.
fn corpus_of(dir: &Path, names: &[&str]) -> PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for n in names {
        std::fs::copy(fixture(n), corpus.join(n)).unwrap();
    }
    corpus
}

/// An index of the fixture PDFs alone.
fn pdf_index(dir: &Path) -> String {
    let names: Vec<String> = FIXTURES.iter().map(|n| format!("{n}.pdf")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let corpus = corpus_of(dir, &names);
    let idx = dir.join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "index: {}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    idx.to_string_lossy().into_owned()
}

/// The clauses of a text: its lines cut at 。；！？：, at least four characters.
fn clauses(text: &str) -> Vec<String> {
    text.lines()
        .flat_map(|l| l.split(['。', '；', '！', '？', '：']))
        .map(|c| c.trim_matches([' ', '\u{3000}']).to_string())
        .filter(|c| c.chars().count() >= 4 && !c.contains('"'))
        .collect()
}

#[test]
fn every_clause_of_the_text_version_is_found_in_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let idx = pdf_index(dir.path());
    let mut missing = Vec::new();
    let mut checked = 0;
    for name in FIXTURES {
        let text = std::fs::read_to_string(fixture(&format!("{name}.txt"))).unwrap();
        let pdf = format!("{name}.pdf");
        for clause in clauses(&text) {
            checked += 1;
            let (_, hits) = search_json(&idx, &["--all", &format!("\"{clause}\"")]);
            if !hits.iter().any(|h| h.path.ends_with(&pdf)) {
                missing.push(format!("{pdf}: {clause}"));
            }
        }
    }
    assert!(checked > 150, "only {checked} clauses");
    assert!(missing.is_empty(), "not found:\n{}", missing.join("\n"));
}

fn inspect_json(path: &Path) -> InspectRecord {
    let o = run(&["inspect", "--json", path.to_str().unwrap()]);
    assert!(o.status.success(), "inspect {path:?}: {}", stderr(&o));
    serde_json::from_str(stdout(&o).trim()).unwrap()
}

fn section_paths(r: &InspectRecord) -> Vec<Vec<String>> {
    r.sections.iter().map(|s| s.section.clone()).collect()
}

#[test]
fn section_paths_match_between_the_text_and_the_pdf() {
    for name in FIXTURES {
        let txt = inspect_json(&fixture(&format!("{name}.txt")));
        let pdf = inspect_json(&fixture(&format!("{name}.pdf")));
        assert!(section_paths(&txt).len() > 3, "{name}: too few sections");
        assert_eq!(section_paths(&pdf), section_paths(&txt), "{name}");
        assert_eq!(pdf.title, txt.title, "{name}");
        assert_eq!(pdf.format, "pdf");
        assert!(pdf.pages.is_some_and(|p| p >= 2), "{name}: {:?}", pdf.pages);
        assert_eq!(txt.pages, None);
    }
}

#[test]
fn a_hit_in_a_pdf_carries_the_page_its_text_is_on() {
    let dir = tempfile::tempdir().unwrap();
    let idx = pdf_index(dir.path());
    let mut checked = 0;
    for name in FIXTURES {
        let pages = std::fs::read_to_string(fixture(&format!("{name}.pages"))).unwrap();
        let pdf = format!("{name}.pdf");
        for line in pages.lines().filter(|l| !l.is_empty()) {
            let (page, phrase) = line.split_once('\t').unwrap();
            let page: usize = page.parse().unwrap();
            let (_, hits) = search_json(&idx, &["--all", &format!("\"{phrase}\"")]);
            let hit = hits.iter().find(|h| h.path.ends_with(&pdf));
            let hit = hit.unwrap_or_else(|| panic!("{phrase} not found in {pdf}"));
            assert_eq!(hit.page, Some(page), "{pdf}: {phrase}");
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} phrases");
    // Human output names the page.
    let o = run(&["search", "--index", &idx, "国家通用语言文字"]);
    assert!(
        stdout(&o).contains("language_law.pdf:page "),
        "{}",
        stdout(&o)
    );
}

#[test]
fn hits_in_text_files_have_no_page() {
    let (_, hits) = search_json(&data_index_path(), &["法律顾问"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.page.is_none()));
}

#[test]
fn a_scanned_pdf_gives_one_warning_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_of(dir.path(), &["scanned.pdf", "customs_ranks.txt"]);
    let o = index(&corpus, &dir.path().join("idx"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let warning = "scanned.pdf: skipped: no text layer (scanned?); OCR is not supported";
    assert_eq!(err.matches(warning).count(), 1, "{err}");
    assert_eq!(err.matches("scanned.pdf").count(), 1, "{err}");
}

/// A well-formed one-page PDF whose content stream is 600 MB of zlib-compressed spaces (about
/// 600 KB on disk): the extractor would inflate it whole, in memory.
fn inflation_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![b' '; 1 << 20];
    for _ in 0..600 {
        z.write_all(&block).unwrap();
    }
    let content = z.finish().unwrap();
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        [
            format!(
                "<< /Length {} /Filter /FlateDecode >>\nstream\n",
                content.len()
            )
            .as_bytes(),
            &content,
            b"\nendstream",
        ]
        .concat(),
    ];
    for (i, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(body);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for o in &offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

#[test]
fn damaged_and_hostile_pdfs_give_one_warning_each_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_of(dir.path(), &["customs_ranks.txt"]);
    let good = std::fs::read(fixture("report004.pdf")).unwrap();
    // Cut in the middle of the page content, cut before the cross-reference table, garbage
    // after a PDF header, an empty file, bytes flipped all through the body, and an encrypted file.
    std::fs::write(corpus.join("truncated.pdf"), &good[..good.len() / 2]).unwrap();
    std::fs::write(corpus.join("headonly.pdf"), &good[..200]).unwrap();
    std::fs::write(
        corpus.join("garbage.pdf"),
        b"%PDF-1.7\n\x00\xff garbage obj << /Type",
    )
    .unwrap();
    std::fs::write(corpus.join("empty.pdf"), b"").unwrap();
    let mut flipped = good.clone();
    for i in (1000..flipped.len()).step_by(97) {
        flipped[i] ^= 0x5a;
    }
    std::fs::write(corpus.join("flipped.pdf"), &flipped).unwrap();
    std::fs::copy(fixture("encrypted.pdf"), corpus.join("encrypted.pdf")).unwrap();
    std::fs::write(corpus.join("bomb.pdf"), inflation_bomb()).unwrap();
    let idx = dir.path().join("idx");
    let o = index(&corpus, &idx, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.matches("encrypted.pdf").count(), 1, "{err}");
    assert!(
        err.contains("encrypted.pdf: skipped: encrypted PDF (needs a password)"),
        "{err}"
    );
    assert!(
        err.contains("bomb.pdf: skipped: its compressed streams inflate to more than the 512 MB"),
        "{err}"
    );
    for name in ["headonly.pdf", "garbage.pdf", "empty.pdf", "bomb.pdf"] {
        assert_eq!(err.matches(name).count(), 1, "{name}: {err}");
        assert!(err.contains(&format!("{name}: skipped: ")), "{err}");
    }
    for name in ["truncated.pdf", "flipped.pdf"] {
        assert!(err.matches(name).count() <= 1, "{name}: {err}");
    }
    let (code, hits) = search_json(idx.to_str().unwrap(), &["关衔"]);
    assert_eq!(code, 0);
    assert!(hits.iter().any(|h| h.path.ends_with("customs_ranks.txt")));
}

#[test]
fn an_odt_reads_like_its_text_version() {
    let odt = inspect_json(&fixture("report004.odt"));
    let txt = inspect_json(&fixture("report004.txt"));
    assert_eq!(odt.format, "odt");
    assert_eq!(section_paths(&odt), section_paths(&txt));
    assert_eq!(odt.title, txt.title);
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_of(dir.path(), &["report004.odt"]);
    let idx = dir.path().join("idx");
    assert!(index(&corpus, &idx, &[]).status.success());
    let text = std::fs::read_to_string(fixture("report004.txt")).unwrap();
    for clause in clauses(&text).iter().step_by(5) {
        let (code, hits) = search_json(idx.to_str().unwrap(), &[&format!("\"{clause}\"")]);
        assert_eq!(code, 0, "{clause}");
        assert_eq!(hits[0].page, None);
    }
}

#[test]
fn legacy_word_formats_are_skipped_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_of(dir.path(), &["customs_ranks.txt"]);
    for (file, message) in [
        (
            "a.doc",
            ".doc (Word 97-2003) is not supported; save it as .docx or PDF",
        ),
        (
            "b.wps",
            ".wps (WPS Office) is not supported; save it as .docx or PDF",
        ),
        (
            "c.rtf",
            ".rtf (Rich Text Format) is not supported; save it as .docx or PDF",
        ),
    ] {
        std::fs::write(corpus.join(file), b"\xd0\xcf\x11\xe0 not read").unwrap();
        let o = index(&corpus, &dir.path().join("idx"), &[]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(
            stderr(&o).contains(&format!("{file}: skipped: {message}")),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn inspect_shows_a_pdfs_pages_and_sections() {
    let o = run(&["inspect", fixture("language_law.pdf").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("format:   pdf"), "{out}");
    assert!(out.contains("pages:    "), "{out}");
    assert!(out.contains("p.1 "), "{out}");
    assert!(out.contains("第一章"), "{out}");
    let json = inspect_json(&fixture("language_law.pdf"));
    let pages: Vec<usize> = json.sections.iter().filter_map(|s| s.page).collect();
    assert_eq!(pages.len(), json.sections.len());
    assert!(pages.windows(2).all(|w| w[0] <= w[1]));
    assert!(pages.last() > pages.first());
}
