//! Printers of everything that is not a hit: inspected files, index figures, analyses and the
//! indexing summary.

use std::io::{self, Write};
use std::path::Path;

use super::{json_line, sanitize, sanitize_path};
use crate::corpus::Document;
use crate::index::{IndexStats, IndexSummary};
use crate::json::{InspectRecord, InspectSection};

/// `inspect`: a file's format, facts and section tree, as text or one JSON line.
pub fn inspect(out: &mut impl Write, doc: &Document, json: bool) -> io::Result<()> {
    if json {
        return json_line(out, &inspect_record(doc));
    }
    let (source, r) = (&doc.source, &doc.report);
    let opt = |v: &Option<String>| v.as_deref().map(sanitize).unwrap_or_else(|| "-".into());
    writeln!(out, "{}", sanitize_path(&source.path))?;
    writeln!(out, "  format:   {} ({})", source.format, source.encoding)?;
    if let Some(pages) = source.page_count {
        writeln!(out, "  pages:    {pages}")?;
    }
    writeln!(out, "  title:    {}", sanitize(&r.title))?;
    writeln!(
        out,
        "  year:     {}",
        r.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into())
    )?;
    writeln!(out, "  org:      {}", opt(&r.org))?;
    writeln!(out, "  date:     {}", opt(&r.date))?;
    writeln!(out, "  number:   {}", opt(&r.doc_number))?;
    writeln!(out, "  sections: {}", r.sections.len())?;
    for s in &r.sections {
        let name = s
            .heading
            .last()
            .map(|h| sanitize(h))
            .unwrap_or_else(|| "(preamble)".into());
        let page = section_page(doc, s.line_start)
            .map(|p| format!("p.{p:<4} "))
            .unwrap_or_default();
        writeln!(
            out,
            "  {page}{:>5}-{:<5} {}{} [{} chars]",
            s.line_start,
            s.line_end,
            "  ".repeat(s.level.saturating_sub(1) as usize),
            name,
            s.chars()
        )?;
    }
    writeln!(out)
}

/// The page a section starting at `line` starts on, for a PDF.
fn section_page(doc: &Document, line: usize) -> Option<usize> {
    let pages = doc.source.line_pages.as_ref()?;
    pages.get(line.saturating_sub(1)).copied()
}

/// The JSON form of an inspected document.
fn inspect_record(d: &Document) -> InspectRecord {
    let r = &d.report;
    InspectRecord {
        path: d.source.path.to_string_lossy().into_owned(),
        format: d.source.format.name().into(),
        encoding: d.source.encoding.into(),
        pages: d.source.page_count,
        title: r.title.clone(),
        year: r.year,
        org: r.org.clone(),
        date: r.date.clone(),
        doc_number: r.doc_number.clone(),
        sections: r
            .sections
            .iter()
            .map(|s| InspectSection {
                section: s.heading.clone(),
                level: s.level,
                line_start: s.line_start,
                line_end: s.line_end,
                page: section_page(d, s.line_start),
                chars: s.chars(),
            })
            .collect(),
    }
}

/// `stats`: what an index holds, as text or one JSON object.
pub fn stats(out: &mut impl Write, dir: &Path, s: &IndexStats, json: bool) -> io::Result<()> {
    if json {
        return json_line(out, s);
    }
    writeln!(out, "index:       {}", sanitize_path(dir))?;
    writeln!(out, "reports:     {}", s.files)?;
    writeln!(out, "sections:    {}", s.sections)?;
    writeln!(out, "text:        {:.1} MB", s.text_bytes as f64 / 1e6)?;
    writeln!(out, "index size:  {:.1} MB", s.index_bytes as f64 / 1e6)?;
    if let Some((a, b)) = s.years {
        writeln!(
            out,
            "years:       {a}..{b} ({} with a year)",
            s.per_year.values().sum::<usize>()
        )?;
    }
    writeln!(
        out,
        "numbered:    {} with a document number (文号)",
        s.with_doc_number
    )?;
    writeln!(out, "bodies:      {}", s.orgs.len())?;
    for (org, n) in s.orgs.iter().take(STATS_TOP_ORGS) {
        writeln!(out, "  {n:>5}  {}", sanitize(org))?;
    }
    if let Some(b) = &s.build {
        writeln!(out, "built by:    {}", b.describe())?;
        writeln!(out, "updated:     {} (Unix time)", b.updated)?;
    }
    Ok(())
}

/// Issuing bodies listed by `stats`, most reports first.
const STATS_TOP_ORGS: usize = 10;

/// `analyze`: the normalised text and its words.
pub fn analysis(out: &mut impl Write, normalized: &str, words: &[String]) -> io::Result<()> {
    writeln!(out, "normalised: {normalized}")?;
    writeln!(out, "words:      {}", words.join(" / "))
}

/// The line `index` ends with, on stderr.
pub fn index_summary(summary: &IndexSummary) -> String {
    format!(
        "govsearch: indexed {} files ({} added, {} updated, {} removed, {} unchanged, {} skipped), {} sections, {:.1} MB in {:.2} s ({:.1} MB/s){}",
        summary.added + summary.updated + summary.unchanged,
        summary.added,
        summary.updated,
        summary.removed,
        summary.unchanged,
        summary.skipped,
        summary.sections,
        summary.bytes as f64 / 1e6,
        summary.seconds,
        summary.mb_per_s(),
        if summary.rebuilt { ", rebuilt" } else { "" }
    )
}
