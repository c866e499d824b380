//! The corpus: walking a folder, reading each file, decoding it and extracting its text.
//!
//! This module owns everything between a path on disk and a [`Document`]: which files are
//! documents, how bytes become a `String` ([`decode`]), and how HTML ([`html`]) and .docx
//! ([`docx`]) become lines of text. [`load`] is the only way into the pipeline: it reads a file
//! and hands its lines to [`crate::report`] for the report's facts and sections. It knows
//! nothing of tokenizers, the index or printing: warnings are values, the caller shows them.
//!
//! Line numbers: a [`SourceText`] holds lines exactly as decoded, one entry per source line
//! (`\r\n`, `\n` and `\r` all end a line). For .txt/.md files they are the file's own lines; for
//! .html they are the lines of the extracted page text (one per block element); for .docx and
//! .odt one per paragraph; for a PDF the lines of the rejoined text ([`pdf::layout`]: one per
//! paragraph, headings kept at line starts), each with its page in [`SourceText::line_pages`].

use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::report::{self, Report};

pub mod decode;
pub mod docx;
pub mod html;
pub mod odt;
pub mod pdf;

pub use decode::{decode, Decoded};
pub use docx::docx_paragraphs;
pub use html::html_lines;
pub use odt::odt_paragraphs;
pub use pdf::{pdf_text, PdfText};

/// Version of the rules that turn a file into a [`Document`]: text extraction, boilerplate, the
/// report's facts and the section grammar ([`crate::report`]). Raise it with any change that can
/// give an unchanged file other sections, heading paths, lines or facts: an index remembers the
/// version it was read with, `index` then re-reads every file and `search` warns until it has.
/// Version 2: any heading closes the open article (a chapter after bare articles is no longer
/// nested under the last of them). Version 3: issuing bodies from a congress named in the file
/// name, the speaker (我代表…) and dated titles; none cut from a law's title. Version 4: numbered
/// Markdown headings rank by their numbers where a document's `#` disagree with them. Version 5:
/// a law's year from its notes under a Markdown title, its dated file name or its effective
/// date; no document number cited in a sentence. Version 6: a law's Markdown divisions tidied like
/// plain ones (`## 第三章  审  查` → 第三章 审查). Version 7: a notice's date under its signature
/// before the body. Version 8: a document number sharing its header line with another field.
/// Version 9: a law published with its order (title, issuer, date); effective dates do not date
/// a version. Version 10: a date under a signer named with a body (`宁波市人民政府市长 汤飞帆`).
/// Version 11: law articles and divisions without a space after their number (`第一条为了…`);
/// table-of-contents entries with page numbers (`一、总体要求……1`) and a notice's attachment list
/// are no headings; mastheads and number lines are no titles; a span's end year dates no title;
/// years and dates in Chinese numerals (二〇二三年); headings numbered in full-width digits (`１．`);
/// page bars and footers marked by class, and site footer lines, are dropped; 第X部分 parts;
/// bold numbered lines and unnumbered Markdown headings in a document whose `#` disagree; a
/// .docx or .odt line break inside a paragraph joins Chinese text; an article with its items is no
/// table of contents; UTF-8 files with GBK lines; 第X条之一; 第X篇; more page-number
/// forms; a page's headline word and pinyin-named page chrome; more masthead forms; a date
/// above notes; Markdown front matter; a .docx text box read once; ㈠ ⒈ ⑴ headings; 名词、术语解释;
/// a signing date before a site's 发布日期. Version 12: `一、` parts between a 司法解释's articles.
/// Version 13: .docx paragraphs in heading styles and .odt outline levels head sections; .docx
/// list paragraphs get the numbers Word draws;
/// signatures ending in 办事处/海关/处/站/台/所/队, with a seal mark or the date on their line; no
/// 法治政府 as a body; a speech's date in brackets or alone under its title; a spaced-out title;
/// the title of a 司法解释 under its 公告; share bars and 上一篇/下一篇 links are page chrome; a
/// code's 分编 and unnumbered 附则 in plain text; attachments (附件1) and copy-to lines (抄送)
/// are parts of their own, and so is a law republished after its amending decision; `四 、`
/// headings; no colon at the end of a Markdown heading. Version 14: traditional-character
/// reports name their body; headings indented with no-break or em spaces; signature dates spaced
/// out, full-width or of a month; a body inside another in a title (国务院国有资产监督管理委员会);
/// header fields side by side, an empty field before another, a masthead of the issuer's name
/// alone; `1、2023年…` and `1.2023年…` headings; a .docx paragraph anchoring a text box keeps its
/// own text; a file opening with its attachment label (`附件2`) keeps its title; navigation rows
/// (`首页 | 政务公开 | 网站地图`) are page chrome; a date in brackets under the title, a white
/// paper's month under its publisher; a regulation announced with its table of contents;
/// Markdown setext headings; bold item names without their marks; the lead of joint signers.
/// Version 15: a web page's `<h1>`–`<h6>` head sections, and an opening heading that outranks
/// the rest is the title; 附表 and 附录 after a law's articles are parts; 前言/结束语 and an
/// interview's questions head sections; a site's column name or tag is not the title, and
/// `【一、…】` headings are read; a table row between tabs is no heading; joint signers side by
/// side; rare Han characters in document numbers; a web page's source line breaks inside
/// Chinese text are no spaces, and `<pre>` keeps its lines; a page's `<title>` when its text
/// names no title.
/// Version 16: a one-character ending that opens the next word (部门预算) is no sub-body; a
/// plan's 一、 stands below its 章 or 节; a government's short name (杭州市政府) is its full
/// one; signatures dated in digits (2024.1.20) or 元月; an occasion line's month, and no year
/// in the place of a congress; a notice that issues a regulation after its signature keeps
/// its date; a body signed under the title is the issuer; a division's number alone on its
/// line takes its name from the next; joint issuers run together in a title are named apart;
/// a forwarded document's issuer is the body that forwards it.
/// Version 17: copy-to lines before an issued regulation do not hold it; a one-paragraph
/// notice's issued regulation heads its articles, its title perhaps ending in （试行）; a
/// chapter's name on the next line may hold 、 and brackets; a government signed, named in a
/// field or among joint issuers in short form, a town's or a township's included, is named in
/// full; 市县政府 and the like name no government; law numbers spaced out (第 一 章) are read.
/// Version 18: laws in traditional characters (第一編, 第一節, 第十五條, 第 18 條, 附則); a
/// sentence opening with a range of numbers (一、二季度) heads nothing out of the document's
/// numbering; parts numbered 壹、贰、参、 (sums so written are text);
/// a `<br>` inside a web page's heading wraps a numbered heading's name; a speech's occasion
/// line in a heading style heads nothing; two- and three-character law titles (宪法, 民法典,
/// 宪　　法); a numbered item ① no longer hides the signing date; an order's or announcement's
/// number (…令第300号, …公告2024年第1号) and document numbers in ﹝﹞, full-width digits, 第N号
/// or 號; a work report's speaker's office names its government and a date above the speaker
/// dates it; a government in traditional characters keeps its name.
/// Version 19: Markdown bold is emphasis (`**第一条** 为了…` is an article, bold headings, header
/// fields and attachment labels read as plain); a title wrapped by a `<br>` inside a web page's
/// heading after a place or an issuer, and a division's number and name so wrapped (or over
/// two Markdown headings), read as one, never a number over another (第二章 / 第一节); a title
/// whose first line is a short place's name (`广东省` / `安全生产条例`); header tables (labels
/// without colons, rows in Markdown or between tabs); a run-in article after
/// one refused as a sentence; Markdown parts (`## 第一部分`) hold the 一、 in them; a .docx's
/// hidden text is not read.
/// Version 20: a part after the last article (`三、施行时间`, a notice's `二、` after the articles
/// it cites) closes it, unless the article lists its items inline or an attachment stands between; a division summed up with its articles and a sentence
/// (`第一章 总则（第一条至第五条）。明确了…`, an explanation's) is none; a
/// title's first line naming a place without its suffix (`新疆`), an autonomous region or places
/// nested (`深圳市福田区`) is read with the line under it when it begins it (a bare province only
/// before the rest of its name); over a title it does not begin, it is a masthead.
/// Version 21: after 关于, only a body that names its place or is a national one is an issuer
/// (关于印发深圳市城市更新办法的通知 had the issuer 印发深圳市城市更新办, 关于开展… 开展…), and 办
/// of 办法, 办理 or 办公楼 ends no body's name; a place's name alone over an issuer complete
/// without it (`杭州市` / `国务院关于…`, a ministry), over a document number or over a date is
/// a masthead, though it still begins a title that needs it (`人民政府关于…`); a date alone
/// over the title (in Chinese or in digits, with a time or a weekday), a signer's line and a
/// publication note under the number are no title, and that date dates the page; an amendment
/// decision (`…作如下修改：`, or titled `…关于修改…的决定`, `…修正案`) numbers its amendments
/// around the articles it quotes on lines of their own (`二、删去第十条。` is no text of the
/// article quoted under `一、`), up to the parts of a text it reissues (`一、受理与管辖`); a
/// congress's session that resolves (`第十四届全国人民代表大会第一次会议关于…的决议`) names the
/// congress as the issuer.
/// Version 22: the title under a place's or a body's name may wrap over up to three lines or end
/// in no listed word when it reads as a 关于 title (`杭州市` / `人民政府关于…` / `的实施意见`;
/// `国务院` / `关于印发…的通知`), and loses the level that repeats the place's (`深圳市` /
/// `市人民政府…` had 深圳市市人民政府); 通告, 措施, 指引 and 指南 end titles, also before a note
/// in brackets (`（试行）`); a place spaced out (`深　圳　市`), a place over the rest of its
/// issuer's name over the number, a site's name, a breadcrumb from the home page (`首页 > …`),
/// a dated source line (`2023-05-12 来源：…`) and a year and month (`2024年3月`) over the title are
/// no part of it.
/// Version 23: a title spaced out on a cover under its place (`北　京　市` / `政　府　工　作　报　告`,
/// by words of two, as Markdown headings) is read whole, without a motto between them; a
/// column's name, a motto or a mark over a 关于 title (`督查督办`, `特急`) is no part of it nor
/// its issuer, while a name there (`县第一中学`, `三市镇`, `市科协`) is, named in full by the
/// signature when it names no place (`建设局`); an order's number under its place is cited
/// with it (`北京市人民政府令第300号`), also under the page's date; an announcement over its own
/// 关于 title, right after its number, is titled by it, one that introduces a list publishes
/// none of its titles, and a text it publishes keeps its issuers' names from the lines above
/// (`最高人民法院` / `关于…的解释`); 分析, 预算, 决算, 大事记, 简况 and 年鉴 end a title standing
/// alone, 的说明 and …说明 of a draft, a plan or a disclosure end titles; a row of short cells or
/// a signer's line is no title's; a year and month (also spaced out) over a year's report, a 关于
/// title, a place over a title or a body's name over its 关于 title dates the page.
pub const READING_VERSION: u32 = 23;

/// The kinds of document govsearch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (.txt, .text).
    Text,
    /// Markdown (.md, .markdown): read as text, `#` headings recognised.
    Markdown,
    /// A web page (.html, .htm, .xhtml): the body text, scripts and navigation dropped.
    Html,
    /// A Word document (.docx): one paragraph per line.
    Docx,
    /// An OpenDocument text (.odt): one paragraph per line.
    Odt,
    /// A PDF's text layer: wrapped lines rejoined, each line with its page.
    Pdf,
}

impl Format {
    /// The format a file name's extension says, if govsearch reads it.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// Short lowercase name, as shown by `inspect`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Pdf => "pdf",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a file could not be read as a document. Each names the problem; the caller names the file.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The extension is not one govsearch reads.
    #[error("not a document (unknown extension{})", .0.as_deref().map(|e| format!(" .{e}")).unwrap_or_default())]
    UnknownExtension(Option<String>),
    /// NUL bytes or other signs of a binary file.
    #[error("binary content, not text")]
    Binary,
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// A .docx that is not a valid Word package.
    #[error("not a valid .docx package: {0}")]
    Docx(String),
    /// The file holds no text at all.
    #[error("empty: no text")]
    Empty,
    /// A pipe, socket or device: never opened.
    #[error("{0}")]
    NotAFile(&'static str),
    /// The reader failed unexpectedly (a panic, contained).
    #[error("{0}")]
    Internal(String),
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("too large: {0} bytes, more than the {1} bytes govsearch reads for this format")]
    TooLarge(u64, u64),
    /// An .odt that is not a valid OpenDocument package.
    #[error("not a valid .odt package: {0}")]
    Odt(String),
    /// A PDF that could not be read: damaged, encrypted, or over a limit.
    #[error("{0}")]
    Pdf(String),
    /// A PDF whose pages hold only images.
    #[error("no text layer (scanned?); OCR is not supported")]
    NoTextLayer,
    /// A legacy binary format govsearch does not read.
    #[error("{0} is not supported; save it as .docx or PDF")]
    Legacy(&'static str),
}

/// The name of a legacy format for its extension (`doc`, `wps`, `rtf`), if it is one.
pub fn legacy_format(ext: &str) -> Option<&'static str> {
    match ext.to_ascii_lowercase().as_str() {
        "doc" => Some(".doc (Word 97-2003)"),
        "wps" => Some(".wps (WPS Office)"),
        "rtf" => Some(".rtf (Rich Text Format)"),
        _ => None,
    }
}

/// Why a file with this extension is skipped.
fn unread_extension(ext: Option<String>) -> ReadError {
    match ext.as_deref().and_then(legacy_format) {
        Some(name) => ReadError::Legacy(name),
        None => ReadError::UnknownExtension(ext),
    }
}

/// A document's decoded text and what was learned while reading it.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The path as it will be shown and stored: the corpus path joined with the file's path in it.
    pub path: PathBuf,
    /// Detected format.
    pub format: Format,
    /// Name of the encoding the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16LE`, ...).
    pub encoding: &'static str,
    /// The decoded lines, without line terminators.
    pub lines: Vec<String>,
    /// Problems that did not stop reading (doubtful or lossy decoding). Shown as warnings.
    pub warnings: Vec<String>,
    /// For a PDF: the 1-based page each line starts on (one entry per line). `None` for
    /// formats without pages.
    pub line_pages: Option<Vec<usize>>,
    /// For a PDF: how many pages it has.
    pub page_count: Option<usize>,
    /// For a .docx or .odt: per line, the outline level its paragraph is marked with as a
    /// heading (Word's Heading 1 style is 1), or None for body text. `None` for other formats.
    pub outline: Option<Vec<Option<u8>>>,
    /// For a web page: its `<title>`, the site's name after it taken off
    /// (`平江县2023年法治政府建设年度报告_平江县人民政府` → the report's name).
    pub page_title: Option<String>,
}

/// A file the walker found, with the way it should be reported.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    /// Path used to open the file and shown to the user.
    pub path: PathBuf,
}

/// A non-fatal problem met while walking: shown as a warning line, the walk goes on.
#[derive(Debug, Clone)]
pub struct WalkWarning {
    /// The file or folder concerned.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for WalkWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", path_key(&self.path), self.message)
    }
}

/// How [`walk`] treats symbolic links.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Links {
    /// Not followed: a link to something outside the corpus roots is skipped with a warning, a
    /// link inside them is skipped silently (its target is walked anyway). Roots given on the
    /// command line are always followed.
    #[default]
    Stay,
    /// Followed wherever they lead (`-L`/`--follow`), loops refused.
    Follow,
}

/// The identity of a file: its raw path bytes as a string, losslessly. Valid UTF-8 is kept as
/// is; a byte that is not part of valid UTF-8 becomes `\xNN` and a backslash `\\`, so two
/// different paths never share a key (`x\xff.txt` and `x\xfe.txt` stay apart). Used as the
/// index's deletion key and shown as the file's name.
pub fn path_key(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// A root as given, without `.` components or a trailing slash: `./corp/` and `corp` name
/// their files alike.
fn tidy_root(root: &Path) -> PathBuf {
    let tidy: PathBuf = root
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    if tidy.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        tidy
    }
}

/// What a file type is, for a warning about a file that is not a regular file.
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "a named pipe (FIFO)"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

/// Walks the given roots (folders recursively, or single files) in a deterministic order
/// (sorted by file name), skipping hidden files and folders. Symbolic links are treated as
/// [`Links`] says; loops and unreadable entries become warnings. A file reached twice (roots
/// that overlap, a link to a folder inside the corpus) is listed once. Files whose extension is
/// not a document format, and special files (pipes, sockets, devices, never opened), are
/// reported as warnings, so a user learns why a file was not indexed. The folder `skip` (the
/// index being written, when it lies inside a corpus folder) is not entered.
pub fn walk(
    roots: &[PathBuf],
    links: Links,
    skip: Option<&Path>,
) -> (Vec<CorpusFile>, Vec<WalkWarning>) {
    // A folder not to enter (the index being written, when it is inside a corpus folder).
    let skip = skip.and_then(|s| std::fs::canonicalize(s).ok());
    let skipped = |e: &walkdir::DirEntry| {
        e.file_type().is_dir()
            && skip
                .as_ref()
                .is_some_and(|s| std::fs::canonicalize(e.path()).is_ok_and(|p| &p == s))
    };
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    let canonical_roots: Vec<PathBuf> = roots
        .iter()
        .filter_map(|r| std::fs::canonicalize(r).ok())
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut seen_roots = std::collections::HashSet::new();
    for root in roots {
        let root = tidy_root(root);
        if !seen_roots.insert(std::fs::canonicalize(&root).unwrap_or(root.clone())) {
            continue;
        }
        let walker = walkdir::WalkDir::new(&root)
            .follow_links(links == Links::Follow)
            .follow_root_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()) && !skipped(e));
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let ft = entry.file_type();
                    if ft.is_dir() {
                        continue;
                    }
                    if ft.is_symlink() {
                        // Only met when links are not followed.
                        let inside = std::fs::canonicalize(entry.path())
                            .is_ok_and(|t| canonical_roots.iter().any(|r| t.starts_with(r)));
                        if !inside {
                            warnings.push(WalkWarning {
                                path: entry.into_path(),
                                message: "skipped: symbolic link out of the corpus \
                                          (index with -L/--follow to follow links)"
                                    .into(),
                            });
                        }
                        continue;
                    }
                    if !ft.is_file() {
                        warnings.push(WalkWarning {
                            message: format!("skipped: {}", special_kind(&ft)),
                            path: entry.into_path(),
                        });
                        continue;
                    }
                    let path = entry.into_path();
                    if Format::from_path(&path).is_none() {
                        let ext = path.extension().map(|e| e.to_string_lossy().into_owned());
                        warnings.push(WalkWarning {
                            message: format!("skipped: {}", unread_extension(ext)),
                            path,
                        });
                        continue;
                    }
                    let identity = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                    if seen.insert(identity) {
                        files.push(CorpusFile { path });
                    }
                }
                Err(err) => {
                    let path = err.path().map(Path::to_path_buf).unwrap_or(root.clone());
                    let message = if err.loop_ancestor().is_some() {
                        "skipped: symbolic link loop".to_string()
                    } else if let Some(io) = err.io_error() {
                        format!("skipped: cannot read: {io}")
                    } else {
                        format!("skipped: {err}")
                    };
                    warnings.push(WalkWarning { path, message });
                }
            }
        }
    }
    (files, warnings)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    use std::os::unix::ffi::OsStrExt;
    name.as_bytes().starts_with(b".")
}

/// A document read and parsed: its source text and the report found in it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The decoded text, with format, encoding and reading warnings.
    pub source: SourceText,
    /// Facts and sections.
    pub report: Report,
}

/// Largest file read, in bytes: a larger file is skipped with a warning. Government reports
/// are well under 1 MB; the limit keeps one hostile file from taking more than a few hundred MB
/// while it is decoded, parsed and indexed. PDFs, whose bytes are mostly fonts and images, have
/// their own, larger limit ([`pdf::MAX_PDF_BYTES`]).
pub const MAX_FILE_BYTES: u64 = 32 << 20;

/// The largest file of `path`'s format that is read.
pub fn size_limit(path: &Path) -> u64 {
    match Format::from_path(path) {
        Some(Format::Pdf) => pdf::MAX_PDF_BYTES as u64,
        _ => MAX_FILE_BYTES,
    }
}

/// Largest section text, in bytes: a longer section (a file that is one long line, a page
/// without headings) is indexed as several sections of at most this size, cut at line ends
/// where there are some, so no single document costs the indexer more than a few MB.
pub const MAX_SECTION_BYTES: usize = 1 << 20;

/// Reads and parses one file, detecting its format from the extension. Special files are
/// refused without being opened; a file larger than [`MAX_FILE_BYTES`] is refused unread.
pub fn load(path: &Path) -> Result<Document, ReadError> {
    let bytes = read_limited(path)?;
    parse(path, &bytes)
}

/// The bytes of a regular file of at most [`size_limit`] bytes.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(special_kind(&meta.file_type())));
    }
    let limit = size_limit(path);
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len(), limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// Parses a file already read into memory (the indexer reads first, to hash and skip
/// unchanged files). Sections longer than [`MAX_SECTION_BYTES`] are cut, with a warning.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Document, ReadError> {
    let format = Format::from_path(path).ok_or_else(|| {
        unread_extension(path.extension().map(|e| e.to_string_lossy().into_owned()))
    })?;
    // Debug builds only: lets the tests check that a reader that panics costs one file.
    #[cfg(debug_assertions)]
    if std::env::var("GOVSEARCH_TEST_PANIC_ON").is_ok_and(|m| path_key(path).contains(&m)) {
        panic!("reader panic requested for a test");
    }
    let limit = size_limit(path);
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64, limit));
    }
    let mut source = read_bytes(path, format, bytes)?;
    let mut report = report::parse_report_titled(
        &source.lines,
        source.outline.as_deref(),
        &file_stem(path),
        source.page_title.as_deref(),
    );
    if split_long_sections(&mut report) {
        source.warnings.push(format!(
            "sections longer than {} bytes were cut into parts",
            MAX_SECTION_BYTES
        ));
    }
    Ok(Document { source, report })
}

/// Cuts every section longer than [`MAX_SECTION_BYTES`] into parts of at most that size, at a
/// line end when the part has one, else at a character boundary. Each part keeps the
/// section's heading and starts at its own line. Says whether anything was cut.
fn split_long_sections(report: &mut Report) -> bool {
    if report
        .sections
        .iter()
        .all(|s| s.text.len() <= MAX_SECTION_BYTES)
    {
        return false;
    }
    let mut out = Vec::with_capacity(report.sections.len());
    for section in std::mem::take(&mut report.sections) {
        if section.text.len() <= MAX_SECTION_BYTES {
            out.push(section);
            continue;
        }
        let mut rest = section.text.as_str();
        let mut line = section.line_start;
        while !rest.is_empty() {
            let mut cut = rest.len().min(MAX_SECTION_BYTES);
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            if cut < rest.len() {
                if let Some(nl) = rest[..cut].rfind('\n') {
                    if nl > 0 {
                        cut = nl + 1;
                    }
                }
            }
            let part = &rest[..cut];
            let lines = part.matches('\n').count();
            let ends_with_newline = part.ends_with('\n');
            let last = line + lines - usize::from(ends_with_newline && lines > 0);
            out.push(report::Section {
                heading: section.heading.clone(),
                level: section.level,
                line_start: line,
                line_end: last.min(section.line_end).max(line),
                text: part.trim_end_matches('\n').to_string(),
            });
            line += lines;
            rest = &rest[cut..];
        }
    }
    report.sections = out;
    true
}

/// The file name without its extension: names a report that has no title.
pub fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads a document from its bytes, as [`read_file`] does once the file is loaded.
pub fn read_bytes(path: &Path, format: Format, bytes: &[u8]) -> Result<SourceText, ReadError> {
    let mut warnings = Vec::new();
    let (mut line_pages, mut page_count, mut outline) = (None, None, None);
    let mut page_title = None;
    let (encoding, lines) = match format {
        Format::Docx => {
            let (lines, levels) = docx::docx_text(bytes)?;
            outline = Some(levels);
            ("UTF-8", lines)
        }
        Format::Odt => {
            let (lines, levels) = odt::odt_text(bytes)?;
            outline = Some(levels);
            ("UTF-8", lines)
        }
        Format::Pdf => {
            let pdf = pdf_text(bytes)?;
            warnings.extend(pdf.warnings);
            (line_pages, page_count) = (Some(pdf.line_pages), Some(pdf.page_count));
            ("PDF", pdf.lines)
        }
        Format::Text | Format::Markdown | Format::Html => {
            let decoded = decode(bytes)?;
            warnings.extend(decoded.warning);
            let lines = if format == Format::Html {
                let depth = html::html_depth(&decoded.text);
                if depth > html::MAX_HTML_DEPTH {
                    warnings.push(format!(
                        "elements nested {depth} deep (more than {}): read as text without markup",
                        html::MAX_HTML_DEPTH
                    ));
                    html::stripped_lines(&decoded.text)
                } else {
                    let mut page = html::html_text(&decoded.text);
                    join_wrapped_heading_names(&mut page);
                    if page.levels.iter().any(Option::is_some) {
                        outline = Some(page.levels);
                    }
                    page_title = page.title;
                    page.lines
                }
            } else {
                split_lines(&decoded.text)
            };
            if format == Format::Markdown {
                outline = setext_levels(&lines);
            }
            (decoded.encoding, lines)
        }
    };
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Err(ReadError::Empty);
    }
    Ok(SourceText {
        path: path.to_path_buf(),
        format,
        encoding,
        lines,
        warnings,
        line_pages,
        page_count,
        outline,
        page_title,
    })
}

/// Joins a web page heading's name wrapped by a `<br>` (`<h3>一、加强<br>安全生产监管</h3>`) into
/// one line, as a wrapped line of the source is joined (see [`html::join_wrapped`]);
/// a line of its own after the `<br>` (a title's date or number) stays (see
/// [`report::wraps_heading_name`]).
fn join_wrapped_heading_names(page: &mut html::PageText) {
    let lines = std::mem::take(&mut page.lines);
    let levels = std::mem::take(&mut page.levels);
    let wrapped = std::mem::take(&mut page.wrapped);
    for ((line, level), wraps) in lines.into_iter().zip(levels).zip(wrapped) {
        match page.lines.last_mut() {
            Some(prev) if wraps && report::wraps_heading_name(prev, &line) => {
                html::join_wrapped(prev, &line)
            }
            _ => {
                page.lines.push(line);
                page.levels.push(level);
                page.wrapped.push(wraps);
            }
        }
    }
}

/// A Markdown file's setext headings (`存在问题` over `----`, `总体要求` over `====`) as outline
/// levels of their text lines, 1 for `=` and 2 for `-`, as a .docx's heading styles are given;
/// None when it has none. A heading is a one-line paragraph: a dash line after a blank line is a
/// rule, and the front matter's closing `---` underlines nothing.
fn setext_levels(lines: &[String]) -> Option<Vec<Option<u8>>> {
    let underline = |t: &str| {
        let t = t.trim_end();
        let indent = t.len() - t.trim_start_matches(' ').len();
        let t = t.trim_start_matches(' ');
        let level = match t.chars().next()? {
            '=' => 1,
            '-' => 2,
            _ => return None,
        };
        let mark = t.chars().next()?;
        (indent <= 3 && t.chars().count() >= 2 && t.chars().all(|c| c == mark)).then_some(level)
    };
    let blank = |k: usize| lines[k].trim().is_empty();
    // Front matter: `---` on the first line, to the next `---` or `...`.
    let from = if lines.first().is_some_and(|l| l.trim_end() == "---") {
        1 + lines[1..]
            .iter()
            .position(|l| matches!(l.trim_end(), "---" | "..."))
            .map_or(0, |p| p + 1)
    } else {
        0
    };
    let mut levels = vec![None; lines.len()];
    let mut any = false;
    for k in from + 1..lines.len() {
        let Some(level) = underline(&lines[k]) else {
            continue;
        };
        let text = lines[k - 1].trim();
        let one_line = k - 1 == from || blank(k - 2) || underline(&lines[k - 2]).is_some();
        if !blank(k - 1) && one_line && !text.starts_with('#') && !text.contains('|') {
            levels[k - 1] = Some(level);
            any = true;
        }
    }
    any.then_some(levels)
}

/// Splits text into lines on `\r\n`, `\n` or a lone `\r`, as editors count them.
pub fn split_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = text;
    // Line ends are ASCII, never part of a longer UTF-8 sequence: a byte search finds them
    // (a search for either char decoded every character).
    while let Some(i) = memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
        lines.push(rest[..i].to_string());
        let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[i + skip..];
    }
    if !rest.is_empty() {
        lines.push(rest.to_string());
    }
    lines
}

#[cfg(test)]
mod proptests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_crlf_cr_lf_all_count_as_lines() {
        assert_eq!(split_lines("a\r\nb\rc\nd"), vec!["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n\nb\n"), vec!["a", "", "b"]);
    }
}
