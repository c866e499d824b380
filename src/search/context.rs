//! Context: the source lines around a hit (`-A`/`-B`/`-C`) and whole sections (`show`).
//!
//! This module owns reading a report's lines back. Lines inside a hit's section come from the
//! index (the stored section text, line k of which is source line `line_start + k`), so they are
//! right even when the file has changed since; lines outside it are read again from the source
//! file through [`crate::corpus`], decoded and extracted exactly as `index` read them, and only
//! when the stored section still matches the file. A file gone or changed costs those lines and
//! one warning, never the search. It knows nothing of how lines are printed.

use std::collections::HashMap;
use std::path::Path;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::DocAddress;
use thiserror::Error;

use super::snippet::highlight_all;
use super::{Engine, ParsedQuery, SearchError};
use crate::analysis::{Normalized, Normalizer};
use crate::corpus;
use crate::document::StoredSection;
use crate::json::ShownSection;
use crate::report::{classify_line, LineKind};

/// How many source lines to show before and after a hit's match line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// Lines before (`-B`).
    pub before: usize,
    /// Lines after (`-A`).
    pub after: usize,
}

/// A hit's match line with the lines around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinesAround {
    /// Lines before the match line, first first.
    pub before: Vec<String>,
    /// The whole match line.
    pub line: String,
    /// The query's matches in `line`, character offsets, end exclusive.
    pub highlights: Vec<[usize; 2]>,
    /// Lines after the match line.
    pub after: Vec<String>,
}

/// Source files read again for context lines, kept for the next hits of the same file.
#[derive(Default)]
pub struct SourceLines {
    /// Lines by path; None when the file could not be used (already warned about).
    files: HashMap<String, Option<Vec<String>>>,
}

/// Source files kept at once: hits of one file often come together, and a file may be large.
const KEPT_SOURCE_FILES: usize = 16;

impl SourceLines {
    /// The lines of the file that holds `section`, when it can be read and still holds the
    /// section as indexed; else None, after one warning for the file.
    fn of(&mut self, section: &StoredSection, warn: &dyn Fn(&str)) -> Option<&[String]> {
        if !self.files.contains_key(&section.path) {
            if self.files.len() >= KEPT_SOURCE_FILES {
                // Forgetting a file may repeat its warning later; that is all it costs.
                self.files.clear();
            }
            let lines = match read_source(&section.path) {
                Err(why) => {
                    warn(&format!(
                        "{}: cannot read it for context lines outside the section ({why}); showing the section's own lines",
                        section.path
                    ));
                    None
                }
                Ok(lines) if !still_holds(&lines, section.line_start as usize, &section.text) => {
                    warn(&format!(
                        "{}: changed since it was indexed; context lines outside the section are left out (run govsearch index to update)",
                        section.path
                    ));
                    None
                }
                Ok(lines) => Some(lines),
            };
            self.files.insert(section.path.clone(), lines);
        }
        self.files.get(&section.path)?.as_deref()
    }
}

/// A file's lines as `index` reads them (decoded; text extracted from HTML, .docx, .odt, PDF).
fn read_source(path: &str) -> Result<Vec<String>, corpus::ReadError> {
    let path = Path::new(path);
    let bytes = corpus::read_limited(path)?;
    let format =
        corpus::Format::from_path(path).ok_or(corpus::ReadError::UnknownExtension(None))?;
    Ok(corpus::read_bytes(path, format, &bytes)?.lines)
}

/// Whether the source lines still hold the section as it was indexed: each stored line is the
/// source line as the reader keeps it, or empty where the reader dropped one.
fn still_holds(lines: &[String], start: usize, text: &str) -> bool {
    text.split('\n').enumerate().all(|(k, stored)| {
        let Some(source) = lines.get(start + k - 1) else {
            return false;
        };
        stored.is_empty()
            || match classify_line(source) {
                LineKind::Text(kept) => kept == stored,
                _ => false,
            }
    })
}

/// The files of `shown` sections that no longer hold them where they were indexed: `show`
/// prints the indexed lines, and the file's own may have moved. A file that cannot be read from
/// here (gone, or indexed by a path relative to another folder) is not named.
pub fn changed_since_indexed(shown: &[ShownSection]) -> Vec<String> {
    let mut changed: Vec<String> = Vec::new();
    let mut checked: Vec<&str> = Vec::new();
    for s in shown {
        if checked.contains(&s.path.as_str()) {
            continue;
        }
        checked.push(&s.path);
        if let Ok(lines) = read_source(&s.path) {
            let holds = shown
                .iter()
                .filter(|o| o.path == s.path)
                .all(|o| still_holds(&lines, o.line_start, &o.text));
            if !holds {
                changed.push(s.path.clone());
            }
        }
    }
    changed
}

impl Context {
    /// The match line `line` of `section` and the lines around it: from the stored section
    /// where it has them, else from the source file (if it still holds the section).
    pub fn around(
        &self,
        section: &StoredSection,
        line: usize,
        sources: &mut SourceLines,
        normalizer: &Normalizer,
        forms: &[Normalized],
        warn: &dyn Fn(&str),
    ) -> LinesAround {
        let start = section.line_start as usize;
        let stored: Vec<&str> = section.text.split('\n').collect();
        let first = line.saturating_sub(self.before).max(1);
        let last = line.saturating_add(self.after);
        let outside = first < start || last > start + stored.len() - 1;
        let source = if outside {
            sources.of(section, warn)
        } else {
            None
        };
        let line_at = |n: usize| -> Option<String> {
            n.checked_sub(start)
                .and_then(|k| stored.get(k))
                .map(|l| l.to_string())
                .or_else(|| source.and_then(|lines| lines.get(n - 1).cloned()))
        };
        let text = line_at(line).unwrap_or_default();
        LinesAround {
            // Without the source, lines before the section are missing: keep those after them.
            before: (first..line).filter_map(line_at).collect(),
            highlights: highlight_all(normalizer, &text, forms),
            line: text,
            after: (line + 1..=last).map_while(line_at).collect(),
        }
    }
}

/// Why `show` cannot show a section.
#[derive(Debug, Error)]
pub enum ShowError {
    /// The index holds no file at this path.
    #[error("{path} is not in the index at {index}; index its folder first: govsearch index FOLDER --index {index}")]
    NotIndexed {
        /// The path asked for.
        path: String,
        /// The index directory.
        index: String,
    },
    /// No section of the file holds the line.
    #[error("{path} has no section holding line {line}: {why}")]
    NoSection {
        /// The file.
        path: String,
        /// The line asked for.
        line: usize,
        /// Where its sections are.
        why: String,
    },
    /// The index could not be read.
    #[error(transparent)]
    Search(#[from] SearchError),
}

/// A place `show` is asked for: `PATH`, `PATH:LINE` or `PATH:LINE:COLUMN` (as a hit prints it).
fn readings(location: &str) -> Vec<(&str, Option<usize>)> {
    let mut out = vec![(location, None)];
    let number = |s: &str| s.parse::<usize>().ok().filter(|_| !s.is_empty());
    if let Some((rest, last)) = location.rsplit_once(':') {
        if let Some(n) = number(last) {
            if let Some((path, line)) = rest.rsplit_once(':') {
                if let Some(line) = number(line) {
                    out.push((path, Some(line)));
                }
            }
            out.push((rest, Some(n)));
        }
    }
    out
}

impl Engine {
    /// The sections of the report at `path` (as indexed, or the same file by another path),
    /// in line order, with the path as indexed; None when the index does not hold it.
    pub fn report_sections(
        &self,
        path: &str,
    ) -> Result<Option<(String, Vec<StoredSection>)>, SearchError> {
        self.guard(|| {
            let mut sections = self.sections_at(path)?;
            let mut indexed = path.to_string();
            if sections.is_empty() {
                let Some(same) = self.same_file_indexed(path)? else {
                    return Ok(None);
                };
                sections = self.sections_at(&same)?;
                indexed = same;
            }
            sections.sort_by_key(|s| s.line_start);
            Ok((!sections.is_empty()).then_some((indexed, sections)))
        })
    }

    fn sections_at(&self, path: &str) -> Result<Vec<StoredSection>, SearchError> {
        let q = TermQuery::new(self.sections.path_term(path), IndexRecordOption::Basic);
        let found = self
            .searcher
            .search(&q, &DocSetCollector)
            .map_err(|e| self.damaged(e))?;
        let mut found: Vec<DocAddress> = found.into_iter().collect();
        found.sort_unstable();
        found
            .into_iter()
            .map(|addr| self.stored_section(addr))
            .collect()
    }

    /// The indexed path of the file at `path` when the index holds it by another path
    /// (`./data/x.txt` for `data/x.txt`, an absolute path for a relative one).
    fn same_file_indexed(&self, path: &str) -> Result<Option<String>, SearchError> {
        let Ok(wanted) = Path::new(path).canonicalize() else {
            return Ok(None);
        };
        let name = wanted.file_name().map(|n| n.to_string_lossy().into_owned());
        let indexed = self
            .sections
            .indexed_paths(&self.searcher)
            .map_err(|e| self.damaged(e))?;
        Ok(indexed.into_iter().find(|p| {
            let candidate = Path::new(p);
            candidate
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                == name
                && candidate.canonicalize().is_ok_and(|c| c == wanted)
        }))
    }

    /// The section at `PATH:LINE` (or every section of `PATH`), with the query's matches
    /// highlighted. `index` names the index in errors.
    pub fn show(
        &self,
        location: &str,
        query: Option<&ParsedQuery>,
        index: &str,
    ) -> Result<Vec<ShownSection>, ShowError> {
        let forms = query.map(|q| q.highlight_forms()).unwrap_or_default();
        let readings = readings(location);
        for &(path, line) in &readings {
            let Some((indexed, sections)) = self.report_sections(path)? else {
                continue;
            };
            let chosen: Vec<StoredSection> = match line {
                None => sections,
                Some(line) => vec![section_holding(&indexed, &sections, line)?],
            };
            return Ok(chosen.into_iter().map(|s| self.shown(s, &forms)).collect());
        }
        // Name the path the user most likely meant: without the line numbers they typed.
        let path = readings.last().map_or(location, |r| r.0);
        Err(ShowError::NotIndexed {
            path: path.to_string(),
            index: index.to_string(),
        })
    }

    fn shown(&self, s: StoredSection, forms: &[Normalized]) -> ShownSection {
        ShownSection {
            highlights: highlight_all(self.normalizer(), &s.text, forms),
            page: s.page_of(s.line_start as usize),
            path: s.path,
            title: s.title,
            year: s.year,
            org: s.org,
            section: s.heading,
            level: s.level,
            line_start: s.line_start as usize,
            line_end: s.line_end as usize,
            text: s.text,
        }
    }
}

/// The section holding `line`, or why none does.
fn section_holding(
    path: &str,
    sections: &[StoredSection],
    line: usize,
) -> Result<StoredSection, ShowError> {
    let range = |s: &StoredSection| format!("{}–{}", s.line_start, s.line_end);
    if let Some(s) = sections
        .iter()
        .find(|s| s.line_start as usize <= line && line <= s.line_end as usize)
    {
        return Ok(s.clone());
    }
    let before = sections.iter().rfind(|s| (s.line_end as usize) < line);
    let after = sections.iter().find(|s| s.line_start as usize > line);
    let why = match (before, after) {
        (Some(b), Some(a)) => format!(
            "it lies between the sections of lines {} and {} (blank lines and page boilerplate between sections belong to none)",
            range(b),
            range(a)
        ),
        (Some(b), None) => format!("its last section ends at line {}", b.line_end),
        (None, Some(a)) => format!(
            "its first section starts at line {} (lines before it are blank or page boilerplate)",
            a.line_start
        ),
        (None, None) => "it has no sections".into(),
    };
    Err(ShowError::NoSection {
        path: path.to_string(),
        line,
        why,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_reads_as_a_path_or_a_path_with_a_line_and_column() {
        assert_eq!(
            readings("data/a.txt:15:344"),
            [
                ("data/a.txt:15:344", None),
                ("data/a.txt", Some(15)),
                ("data/a.txt:15", Some(344))
            ]
        );
        assert_eq!(
            readings("data/a.txt:15"),
            [("data/a.txt:15", None), ("data/a.txt", Some(15))]
        );
        assert_eq!(readings("a:b.txt"), [("a:b.txt", None)]);
    }

    #[test]
    fn context_lines_come_from_the_stored_section_when_it_has_them() {
        let n = Normalizer::new();
        let s = StoredSection {
            path: "/nonexistent/x.txt".into(),
            line_start: 10,
            line_end: 14,
            text: "一、法律顾问\n\n聘请法律顾问。\n\n第二段".into(),
            ..Default::default()
        };
        let mut sources = SourceLines::default();
        let warned = std::cell::RefCell::new(Vec::new());
        let warn = |w: &str| warned.borrow_mut().push(w.to_string());
        let c = Context {
            before: 2,
            after: 2,
        };
        let around = c.around(&s, 12, &mut sources, &n, &[n.normalize("顾问")], &warn);
        assert_eq!(around.before, ["一、法律顾问", ""]);
        assert_eq!(around.line, "聘请法律顾问。");
        assert_eq!(around.highlights, [[4, 6]]);
        assert_eq!(around.after, ["", "第二段"]);
        assert!(warned.borrow().is_empty());
        // Past the section, the file is needed: it is gone, so one warning and the section's
        // own lines.
        let around = c.around(&s, 14, &mut sources, &n, &[], &warn);
        assert_eq!((around.before.len(), around.after.len()), (2, 0));
        let around = c.around(&s, 10, &mut sources, &n, &[], &warn);
        assert_eq!((around.before.len(), around.after.len()), (0, 2));
        assert_eq!(warned.borrow().len(), 1, "{:?}", warned.borrow());
    }
}
