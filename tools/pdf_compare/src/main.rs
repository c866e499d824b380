//! Compares pdf-extract, lopdf and pdf_oxide on PDFs that have a text version beside them.

use std::time::Instant;

fn strip(s: &str) -> String { s.chars().filter(|c| !c.is_whitespace()).collect() }

/// Fraction of non-empty .txt lines (whitespace removed) found in the extracted text (whitespace removed).
fn score(txt: &str, got: &str) -> (usize, usize) {
    let g = strip(got);
    let mut found = 0; let mut total = 0;
    for l in txt.lines() { let l = strip(l); if l.is_empty() { continue; } total += 1; if g.contains(&l) { found += 1; } }
    (found, total)
}

fn run<F: FnOnce() -> Result<String, String> + std::panic::UnwindSafe>(name: &str, txt: &str, bytes: usize, f: F) {
    let t = Instant::now();
    let r = std::panic::catch_unwind(f);
    let dt = t.elapsed().as_secs_f64();
    match r {
        Ok(Ok(s)) => { let (a, b) = score(txt, &s); println!("  {name:12} {a:4}/{b:<4} lines  {:8.3} s  {:6.2} MB/s  {} chars", dt, bytes as f64/1e6/dt, s.chars().count()); }
        Ok(Err(e)) => println!("  {name:12} ERROR {e:.120} ({dt:.3} s)"),
        Err(_) => println!("  {name:12} PANIC ({dt:.3} s)"),
    }
}

fn main() {
    for pdf in std::env::args().skip(1) {
        let bytes = std::fs::read(&pdf).unwrap();
        let txt = std::fs::read_to_string(pdf.replace(".pdf", ".txt")).unwrap_or_default();
        println!("{pdf} ({} KB)", bytes.len() / 1024);
        let b = bytes.clone();
        run("pdf-extract", &txt, bytes.len(), move || pdf_extract::extract_text_from_mem(&b).map_err(|e| e.to_string()));
        let b = bytes.clone();
        run("lopdf", &txt, bytes.len(), move || {
            let d = lopdf::Document::load_mem(&b).map_err(|e| e.to_string())?;
            let pages: Vec<u32> = d.get_pages().keys().copied().collect();
            d.extract_text(&pages).map_err(|e| e.to_string())
        });
        let b = bytes.clone();
        run("pdf_oxide", &txt, bytes.len(), move || {
            let d = pdf_oxide::PdfDocument::from_bytes(b).map_err(|e| e.to_string())?;
            let n = d.page_count().map_err(|e| e.to_string())?;
            let mut s = String::new();
            for i in 0..n { s.push_str(&d.extract_text(i).map_err(|e| e.to_string())?); s.push('\n'); }
            Ok(s)
        });
        if std::env::var("DUMP").is_ok() {
            std::fs::write("/tmp/dump_pe.txt", pdf_extract::extract_text_from_mem(&bytes).unwrap_or_default()).unwrap();
            let d = pdf_oxide::PdfDocument::from_bytes(bytes.clone()).unwrap();
            let mut s = String::new();
            for i in 0..d.page_count().unwrap() { s.push_str(&d.extract_text(i).unwrap()); s.push_str("\n<<PAGE>>\n"); }
            std::fs::write("/tmp/dump_ox.txt", s).unwrap();
        }
    }
}
