//! Ingest: read the articles named on the command line.
//!
//! Each input is a file or a directory. A directory is searched recursively for `*.txt`
//! and `*.md` files (hidden files and directories skipped) in byte order of their
//! relative paths; a file named explicitly is read whatever its extension. Inputs keep
//! the order they were given in, and a file reached twice (named twice, or named and
//! also found under a directory) is read once, where it first appears.
//!
//! Invariants of every [`Article`] returned:
//! * `text` is the whole file exactly as on disk (a UTF-8 BOM and CRLF line ends
//!   included), so every later [`Span`] slices the user's own bytes; a file in a
//!   legacy character set is decoded (and `encoding` names the set), so its spans
//!   slice the decoded text, with the same lines;
//! * `body` starts after the BOM and after any front matter, ends at the end of the
//!   file, and lies on char boundaries;
//! * `published` is set only from `--published`, front matter or the URL, in that order
//!   of precedence; dates stated in the text are left to a later stage.
//!
//! Every failure is an [`Error::input`] naming the path and one short, lower-case
//! problem ("is empty", "is not valid UTF-8 (byte 12)").

mod crawler;
mod html;

use crate::error::Error;
use crate::model::{Article, DateSource, Published, Skipped, Span};
use chrono::NaiveDate;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Options that change how articles are read.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// `--published PATH=DATE`: publication dates given on the command line, keyed by
    /// the path as the user wrote it.
    pub published: BTreeMap<String, NaiveDate>,
    /// Largest file read, in bytes (`--max-file-size`): a bigger one is an error, not
    /// a long wait (someone fed a log by mistake).
    pub max_file_bytes: u64,
    /// Longest line accepted, in bytes (`--max-line-length`).
    pub max_line_bytes: usize,
    /// How files are read (`--input-format`): by their extension, or as told.
    pub input_format: InputFormat,
}

/// What kind of file an input is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension: `.html` and `.htm` are web pages, `.json` a crawler record (or
    /// an array of them), `.jsonl` and `.ndjson` one record per line, anything else
    /// text; standard input is a page when it starts like one, JSON when it is JSON,
    /// else text.
    #[default]
    Auto,
    /// Plain text or Markdown, with optional front matter.
    Text,
    /// news-please / newspaper JSON: one record, or an array of them.
    Json,
    /// news-please / newspaper JSON Lines: one record per line.
    Jsonl,
    /// A saved web page: its article text and metadata.
    Html,
}

/// Default for [`IngestOptions::max_file_bytes`]: 64 MiB, far above any article.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 << 20;
/// Default for [`IngestOptions::max_line_bytes`]: 1 MiB.
pub const DEFAULT_MAX_LINE_BYTES: usize = 1 << 20;

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            published: BTreeMap::new(),
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            max_line_bytes: DEFAULT_MAX_LINE_BYTES,
            input_format: InputFormat::Auto,
        }
    }
}

/// Read every article named by `inputs` (files, or folders searched recursively for
/// `*.txt` and `*.md`), in a deterministic order.
pub fn ingest(inputs: &[String], opts: &IngestOptions) -> Result<Vec<Article>, Error> {
    ingest_reporting(inputs, opts).map(|(articles, _)| articles)
}

/// Like [`ingest`], and also say which inputs met while walking folders were passed
/// over and why (a FIFO, a broken link, a link loop, a folder that cannot be read).
/// Anything named on the command line is read or is an error.
pub fn ingest_reporting(
    inputs: &[String],
    opts: &IngestOptions,
) -> Result<(Vec<Article>, Vec<Skipped>), Error> {
    let mut listing = list(inputs, opts)?;
    let articles = listing.read(0..listing.len())?;
    Ok((articles, listing.into_skipped()))
}

/// The files the inputs stand for, found but not yet read: a large pile is read a
/// slice at a time ([`Listing::read`]), so that its texts need never all be in memory
/// at once.
pub struct Listing {
    found: Vec<Found>,
    cli_dates: CliDates,
    opts: IngestOptions,
    skipped: Vec<Skipped>,
}

/// Find the files `inputs` stand for (walking folders, dropping repeats), without
/// reading them. A missing input or an empty folder is an error here already.
pub fn list(inputs: &[String], opts: &IngestOptions) -> Result<Listing, Error> {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        found.extend(expand(input, &mut skipped)?);
    }
    // One file is no repeat: spare it the look-up of its canonical path.
    if found.len() > 1 {
        let mut seen = BTreeSet::new();
        found.retain(|f| {
            seen.insert(match f.stdin {
                true => PathBuf::from("-"),
                false => identity(&f.fs_path),
            })
        });
    }
    Ok(Listing {
        found,
        cli_dates: CliDates::new(opts),
        opts: opts.clone(),
        skipped,
    })
}

impl Listing {
    /// How many files were found (a crawler file may hold many articles).
    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Read the articles of the files at `range`, in order; files passed over are
    /// added to [`Listing::into_skipped`].
    pub fn read(&mut self, range: std::ops::Range<usize>) -> Result<Vec<Article>, Error> {
        let found = &self.found[range];
        read_all(found, &self.cli_dates, &self.opts, &mut self.skipped)
    }

    /// Whether the file at `file` can be read again: every file but standard input.
    pub fn rereadable(&self, file: usize) -> bool {
        self.found.get(file).is_some_and(|f| !f.stdin)
    }

    /// Read the articles of the file at `file` again, for a second pass: as
    /// [`Listing::read`], except that a file met in a folder and now unreadable gives
    /// no articles (the caller tells that it changed) instead of being passed over.
    pub fn read_again(&self, file: usize) -> Result<Vec<Article>, Error> {
        let found = &self.found[file..file + 1];
        read_all(found, &self.cli_dates, &self.opts, &mut Vec::new())
    }

    /// The inputs passed over, sorted, once reading is done.
    pub fn into_skipped(self) -> Vec<Skipped> {
        let mut skipped = self.skipped;
        skipped.sort();
        skipped.dedup();
        skipped
    }
}

/// Read every file found. One met while walking a folder that cannot be opened or
/// read (it vanished since the walk, or is not ours to read) is passed over with the
/// reason; any other failure, and any failure of a file named on the command line,
/// is an error, so a report never silently lacks an article the user asked for.
fn read_all(
    found: &[Found],
    cli_dates: &CliDates,
    opts: &IngestOptions,
    skipped: &mut Vec<Skipped>,
) -> Result<Vec<Article>, Error> {
    let mut articles = Vec::new();
    for f in found {
        let bytes = match f.stdin {
            true => read_stdin(opts.max_file_bytes),
            false => read_limited(&f.fs_path, f.size, opts.max_file_bytes),
        };
        match bytes {
            Ok(bytes) => match format_of(f, &bytes, opts.input_format) {
                InputFormat::Json | InputFormat::Jsonl => {
                    match records(f, bytes, cli_dates, opts) {
                        Ok(more) => articles.extend(more),
                        // A JSON file met in a folder may be anything (a config, a
                        // manifest): passed over, with the reason.
                        Err(problem) if !f.named => skipped.push(Skipped {
                            path: f.shown.clone(),
                            reason: format!("not a crawled article: {problem}"),
                        }),
                        Err(problem) => return Err(Error::input(&f.shown, problem)),
                    }
                }
                InputFormat::Html => match page_article(f, &bytes, cli_dates, opts) {
                    Ok(article) => articles.push(article),
                    Err(problem) => return Err(Error::input(&f.shown, problem)),
                },
                InputFormat::Text | InputFormat::Auto => {
                    articles.push(read_article(f, bytes, cli_dates, opts)?)
                }
            },
            Err(ReadError::Io(e)) if !f.named => skipped.push(Skipped {
                path: f.shown.clone(),
                reason: match e.kind() {
                    io::ErrorKind::NotFound => "disappeared before it could be read".to_string(),
                    _ => format!("cannot be read: {}", io_problem(&e)),
                },
            }),
            Err(e) => return Err(Error::input(&f.shown, e.to_string())),
        }
    }
    Ok(articles)
}

/// The UTF-8 byte order mark some editors put at the start of a file.
const BOM: char = '\u{feff}';

/// Longest first line (in chars) still taken as a title when front matter gives none.
const MAX_TITLE_CHARS: usize = 200;

/// One file to read: the path to show the user and the path to open.
#[derive(Clone, Debug)]
struct Found {
    /// As given, or the given directory joined with the relative path with `/`.
    shown: String,
    fs_path: PathBuf,
    /// Named on the command line, not met while walking a folder.
    named: bool,
    /// `-`: standard input.
    stdin: bool,
    /// The size it had when found (0 for standard input): only a guess of how much
    /// to read, which spares asking the file system again.
    size: u64,
}

/// What identifies a file for de-duplication: its canonical path when it has one, so
/// that `a.txt`, `./a.txt` and `dir/../a.txt` are one file.
fn identity(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The files one input stands for: itself, or the articles under it.
fn expand(input: &str, skipped: &mut Vec<Skipped>) -> Result<Vec<Found>, Error> {
    if input == "-" {
        let found = Found {
            shown: "-".to_string(),
            fs_path: PathBuf::from("-"),
            named: true,
            stdin: true,
            size: 0,
        };
        return Ok(vec![found]);
    }
    let meta = fs::metadata(input).map_err(|e| Error::input(input, io_problem(&e)))?;
    if !meta.is_dir() {
        if !is_readable_kind(&meta) {
            return Err(Error::input(input, "is not a regular file"));
        }
        let found = Found {
            shown: input.to_string(),
            fs_path: PathBuf::from(input),
            named: true,
            stdin: false,
            size: meta.len(),
        };
        return Ok(vec![found]);
    }
    let mut relative = Vec::new();
    let mut visited = BTreeSet::new();
    let prefix = dir_prefix(input);
    let mut walk_skips = Vec::new();
    walk(
        Path::new(input),
        "",
        &mut visited,
        &mut relative,
        &mut walk_skips,
    );
    skipped.extend(walk_skips.into_iter().map(|(rel, reason)| Skipped {
        path: format!("{prefix}{rel}"),
        reason,
    }));
    if relative.is_empty() {
        return Err(Error::input(
            input,
            "no .txt or .md articles found in this directory",
        ));
    }
    relative.sort_by(|a: &(String, PathBuf, u64), b| a.0.as_bytes().cmp(b.0.as_bytes()));
    Ok(relative
        .into_iter()
        .map(|(rel, fs_path, size)| Found {
            shown: format!("{prefix}{rel}"),
            fs_path,
            named: false,
            stdin: false,
            size,
        })
        .collect())
}

/// Regular files and pipes can be read to the end; devices and sockets may never end.
fn is_readable_kind(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        meta.is_file() || meta.file_type().is_fifo()
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// The directory as given, with exactly one `/` after it ("corpus/" and "corpus//"
/// both give "corpus/"; "/" stays "/").
fn dir_prefix(input: &str) -> String {
    let trimmed = input.trim_end_matches('/');
    if trimmed.is_empty() && input.starts_with('/') {
        "/".to_string()
    } else {
        format!("{trimmed}/")
    }
}

/// Collect `(relative path with '/', path to open, size)` of every article under `dir`, and
/// `(relative path, reason)` of what had to be passed over. `visited` holds canonical
/// directories already walked, so symlink loops end.
fn walk(
    dir: &Path,
    rel_dir: &str,
    visited: &mut BTreeSet<PathBuf>,
    out: &mut Vec<(String, PathBuf, u64)>,
    skipped: &mut Vec<(String, String)>,
) {
    if !visited.insert(identity(dir)) {
        skipped.push((
            rel_dir.trim_end_matches('/').to_string(),
            "a link to a folder already read (a loop or a duplicate)".to_string(),
        ));
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            skipped.push((
                rel_dir.trim_end_matches('/').to_string(),
                format!("folder cannot be read: {}", io_problem(&e)),
            ));
            return;
        }
    };
    for entry in entries {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let rel = format!("{rel_dir}{name}");
        // Follow symlinks: a linked file or folder counts like a real one.
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                if has_article_extension(&name)
                    || fs::symlink_metadata(&path).is_ok_and(|m| m.is_symlink())
                {
                    skipped.push((rel, format!("cannot be read: {}", io_problem(&e))));
                }
                continue;
            }
        };
        if meta.is_dir() {
            walk(&path, &format!("{rel}/"), visited, out, skipped);
        } else if has_article_extension(&name) {
            if meta.is_file() {
                out.push((rel, path, meta.len()));
            } else {
                // A FIFO or device in a folder may never end: only one named on the
                // command line is read.
                skipped.push((
                    rel,
                    "not a regular file (a FIFO, socket or device)".to_string(),
                ));
            }
        }
    }
}

/// `*.txt`, `*.md`, web pages (`*.html`, `*.htm`) and crawler output (`*.json`,
/// `*.jsonl`, `*.ndjson`), in any letter case.
fn has_article_extension(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".txt", ".md", ".json", ".jsonl", ".ndjson", ".html", ".htm"]
        .iter()
        .any(|x| lower.ends_with(x))
}

/// How to read one input: as told, else by its extension, else (standard input) by
/// whether it parses as JSON.
fn format_of(f: &Found, bytes: &[u8], told: InputFormat) -> InputFormat {
    if told != InputFormat::Auto {
        return told;
    }
    let lower = f.shown.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        InputFormat::Html
    } else if lower.ends_with(".json") {
        InputFormat::Json
    } else if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        InputFormat::Jsonl
    } else if !f.stdin {
        InputFormat::Text
    } else if html::looks_like_html(bytes) {
        InputFormat::Html
    } else if serde_json::from_slice::<serde_json::Value>(bytes).is_ok() {
        InputFormat::Json
    } else if first_line_is_json_object(bytes) {
        InputFormat::Jsonl
    } else {
        InputFormat::Text
    }
}

/// True when the first non-blank line is a JSON object: JSON Lines on standard input.
fn first_line_is_json_object(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .find(|l| !l.trim_ascii().is_empty())
        .and_then(|l| serde_json::from_slice::<serde_json::Value>(l).ok())
        .is_some_and(|v| v.is_object())
}

/// The articles of a crawler's JSON or JSON Lines file. A record on line N of a JSON
/// Lines file is shown as `PATH:N`, the `N`th of a JSON array as `PATH#N`.
fn records(
    f: &Found,
    bytes: Vec<u8>,
    cli_dates: &CliDates,
    opts: &IngestOptions,
) -> Result<Vec<Article>, String> {
    let (text, encoding) = decode(bytes)?;
    let lines = format_of(f, text.as_bytes(), opts.input_format) == InputFormat::Jsonl;
    let labelled: Vec<(String, crawler::Record)> = if lines {
        crawler::from_json_lines(&text)?
            .into_iter()
            .map(|(line, r)| (format!("{}:{line}", f.shown), r))
            .collect()
    } else {
        let records = crawler::from_json(&text)?;
        let many = records.len() > 1;
        records
            .into_iter()
            .enumerate()
            .map(|(i, r)| match many {
                true => (format!("{}#{}", f.shown, i + 1), r),
                false => (f.shown.clone(), r),
            })
            .collect()
    };
    labelled
        .into_iter()
        .map(|(shown, r)| record_article(f, shown, &r, encoding, cli_dates, opts))
        .collect()
}

/// One crawled record as an article: its title as the first line, a blank line, then
/// its text; the date from `date_publish` (or the URL), unless `--published` says.
fn record_article(
    f: &Found,
    shown: String,
    r: &crawler::Record,
    encoding: Option<&'static str>,
    cli_dates: &CliDates,
    opts: &IngestOptions,
) -> Result<Article, String> {
    let body = r.body().unwrap_or_default();
    let title = r.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let text = match title {
        Some(t) => format!("{t}\n\n{body}\n"),
        None => format!("{body}\n"),
    };
    let at = |p: String| {
        if shown == f.shown {
            p
        } else {
            format!("{shown}: {p}")
        }
    };
    check_lines(&text, opts.max_line_bytes).map_err(at)?;
    let fields: Vec<Field> = r
        .date_publish
        .iter()
        .map(|d| Field {
            key: Key::Published,
            value: d.trim().to_string(),
            line: format!("date_publish: {}", d.trim()),
        })
        .collect();
    let record = Found {
        shown: shown.clone(),
        ..f.clone()
    };
    let url = r.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
    let published =
        publication(&record, cli_dates, &fields, url, Stated::Crawler).map_err(|e| match e {
            Error::Input { problem, .. } => at(problem),
            other => other.to_string(),
        })?;
    let source = r
        .source_domain
        .clone()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| url.and_then(url_host));
    Ok(Article {
        path: shown,
        body: Span::new(0, text.len()),
        text,
        title: title.map(str::to_string),
        source,
        url: url.map(str::to_string),
        published,
        encoding,
    })
}

/// A saved web page as an article: its title as the first line, a blank line, then
/// its paragraphs one per line; dated from the page's metadata when it gives an ISO
/// date, unless `--published` says otherwise.
fn page_article(
    f: &Found,
    bytes: &[u8],
    cli_dates: &CliDates,
    opts: &IngestOptions,
) -> Result<Article, String> {
    let (html_text, encoding) = decode_page(bytes)?;
    let page = html::read(&html_text)?;
    let text = match &page.title {
        Some(t) => format!("{t}\n\n{}\n", page.text),
        None => format!("{}\n", page.text),
    };
    check_lines(&text, opts.max_line_bytes)?;
    let fields: Vec<Field> = page
        .published
        .iter()
        .filter(|d| parse_iso_date(d).is_some())
        .map(|d| Field {
            key: Key::Published,
            value: d.clone(),
            line: format!("page metadata: {d}"),
        })
        .collect();
    let published = publication(f, cli_dates, &fields, page.url.as_deref(), Stated::Page)
        .map_err(|e| e.to_string())?;
    let source = page
        .site
        .clone()
        .or_else(|| page.url.as_deref().and_then(url_host));
    Ok(Article {
        path: f.shown.clone(),
        body: Span::new(0, text.len()),
        text,
        title: page.title,
        source,
        url: page.url,
        published,
        encoding,
    })
}

/// A page's bytes as text: by its byte-order mark, else the character set it
/// declares, else UTF-8 when valid, else the set it looks like.
fn decode_page(bytes: &[u8]) -> Result<(String, Option<&'static str>), String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty".to_string());
    }
    let declared = encoding_rs::Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .or_else(|| html::declared_charset(bytes));
    if let Some(encoding) = declared {
        let (text, _, _) = encoding.decode(bytes);
        let name = (encoding != encoding_rs::UTF_8).then(|| encoding.name());
        return Ok((text.into_owned(), name));
    }
    decode(bytes.to_vec())
}

/// Standard input, at most `max` bytes.
fn read_stdin(max: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooBig(max));
    }
    Ok(bytes)
}

/// One short, lower-case phrase for an I/O error, without the "(os error 2)" tail.
fn io_problem(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        io::ErrorKind::NotADirectory => "not a directory".to_string(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or_default();
            lower_first(text)
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Decode and describe one file's bytes.
fn read_article(
    found: &Found,
    bytes: Vec<u8>,
    cli_dates: &CliDates,
    opts: &IngestOptions,
) -> Result<Article, Error> {
    let fail = |problem: String| Error::input(&found.shown, problem);
    let (text, encoding) = decode(bytes).map_err(fail)?;
    check_lines(&text, opts.max_line_bytes).map_err(fail)?;
    let content_start = if text.starts_with(BOM) {
        BOM.len_utf8()
    } else {
        0
    };
    let front = front_matter(&text, content_start);
    let body_start = front.as_ref().map_or(content_start, |f| f.body_start);
    let body = Span::new(body_start, text.len());
    let fields = front.map(|f| f.fields).unwrap_or_default();
    let url = field(&fields, Key::Url).map(|f| f.value.clone());
    let published = publication(
        found,
        cli_dates,
        &fields,
        url.as_deref(),
        Stated::FrontMatter,
    )?;
    let title = field(&fields, Key::Title)
        .map(|f| f.value.clone())
        .or_else(|| title_from_body(&text[body_start..]));
    let source = field(&fields, Key::Source)
        .map(|f| f.value.clone())
        .or_else(|| url.as_deref().and_then(url_host));
    Ok(Article {
        path: found.shown.clone(),
        text,
        body,
        title,
        source,
        url,
        published,
        encoding,
    })
}

/// Why a file's bytes could not be had.
#[derive(Debug)]
enum ReadError {
    Io(io::Error),
    TooBig(u64),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => f.write_str(&io_problem(e)),
            ReadError::TooBig(max) => write!(
                f,
                "is larger than the limit of {max} bytes (--max-file-size)"
            ),
        }
    }
}

/// Read at most `max` bytes; more is an error. Works for pipes too (`<(…)`), whose
/// size is not known beforehand. `size` (the size when the file was found) sizes the
/// buffer, so that the file is read in one call, not in doubling steps; a file that
/// grew since is still read to its end.
fn read_limited(path: &Path, size: u64, max: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let file = fs::File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::with_capacity(size.min(max).saturating_add(1) as usize);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooBig(max));
    }
    Ok(bytes)
}

/// Refuse a line longer than `max` bytes, naming it. A text no longer than `max` has
/// no such line, so the usual article is not split into lines at all.
fn check_lines(text: &str, max: usize) -> Result<(), String> {
    if text.len() <= max {
        return Ok(());
    }
    match text.split('\n').enumerate().find(|(_, l)| l.len() > max) {
        Some((i, l)) => Err(format!(
            "line {} is {} bytes, longer than the limit of {max} (--max-line-length)",
            i + 1,
            l.len()
        )),
        None => Ok(()),
    }
}

/// Turn the file's bytes into text, or say in a few words why it is not an article.
/// Text that is not UTF-8 is decoded from the character set it looks like (an old web
/// page saved as windows-1252 or Shift_JIS), whose name comes back beside the text.
fn decode(bytes: Vec<u8>) -> Result<(String, Option<&'static str>), String> {
    if bytes.is_empty() {
        return Err("is empty".to_string());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("is UTF-16, not UTF-8".to_string());
    }
    if bytes.contains(&0) {
        return Err("looks like a binary file".to_string());
    }
    let (text, encoding) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let (text, name) = detect_charset(&bytes, at).ok_or_else(|| {
                format!("is not valid UTF-8 (byte {at}) and its character set cannot be told")
            })?;
            (text, Some(name))
        }
    };
    if text.trim_start_matches(BOM).trim().is_empty() {
        return Err("is empty".to_string());
    }
    Ok((text, encoding))
}

/// Decode bytes that are not UTF-8 from the legacy character set they most look like,
/// if that decoding is clean: no malformed sequence and no control character but
/// whitespace. A file that starts as real UTF-8 (non-ASCII before the first bad byte,
/// `utf8_up_to`) and then breaks is corrupt, not in another charset: guessing would
/// turn its good part into mojibake.
fn detect_charset(bytes: &[u8], utf8_up_to: usize) -> Option<(String, &'static str)> {
    if !bytes[..utf8_up_to].is_ascii() {
        return None;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let clean = !had_errors
        && !text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'));
    clean.then(|| (text.into_owned(), encoding.name()))
}

/// The front-matter keys factdiff reads; any other key is ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Title,
    Source,
    Url,
    /// `published:` or `date:`.
    Published,
}

impl Key {
    fn parse(key: &str) -> Option<Key> {
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => Some(Key::Title),
            "source" => Some(Key::Source),
            "url" => Some(Key::Url),
            "published" | "date" => Some(Key::Published),
            _ => None,
        }
    }
}

/// One recognised `key: value` line of front matter.
#[derive(Clone, Debug)]
struct Field {
    key: Key,
    /// Unquoted and trimmed; never empty.
    value: String,
    /// The whole line, trimmed: the evidence shown for a date.
    line: String,
}

#[derive(Clone, Debug)]
struct FrontMatter {
    fields: Vec<Field>,
    /// Byte offset just after the closing `---` line (and its line end).
    body_start: usize,
}

/// The first field with `key` (the first wins, so a later duplicate cannot override).
fn field(fields: &[Field], key: Key) -> Option<&Field> {
    fields.iter().find(|f| f.key == key)
}

/// Lines of `text` from byte `from`: (start, line without its `\n` or `\r\n`, start of
/// the next line).
fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, &str, usize)> {
    let rest = text.get(from..).unwrap_or_default();
    rest.split_inclusive('\n').scan(from, |pos, raw| {
        let start = *pos;
        *pos += raw.len();
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        Some((start, line, *pos))
    })
}

/// Front matter: a `---` line at `start`, `key: value` lines, and a closing `---`
/// line. Unterminated front matter is no front matter (the file may just begin with a
/// horizontal rule).
fn front_matter(text: &str, start: usize) -> Option<FrontMatter> {
    let mut lines = lines_from(text, start);
    let (_, first, _) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    for (_, line, next) in lines {
        if line.trim() == "---" {
            return Some(FrontMatter {
                fields,
                body_start: next,
            });
        }
        fields.extend(parse_field(line));
    }
    None
}

/// A recognised, non-empty `key: value` line.
fn parse_field(line: &str) -> Option<Field> {
    let (key, value) = line.split_once(':')?;
    let key = Key::parse(key)?;
    let value = unquote(value.trim()).trim();
    if value.is_empty() {
        return None;
    }
    Some(Field {
        key,
        value: value.to_string(),
        line: line.trim().to_string(),
    })
}

/// Strip one pair of matching single or double quotes.
fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

/// `--published` keys, matched on the path as given, on a tidied form of it
/// (`./a.txt` = `a.txt`), or on the file they name.
struct CliDates {
    entries: Vec<CliDate>,
}

struct CliDate {
    key: String,
    tidy: String,
    canonical: Option<PathBuf>,
    date: NaiveDate,
}

impl CliDates {
    fn new(opts: &IngestOptions) -> Self {
        let entries = opts
            .published
            .iter()
            .map(|(key, date)| CliDate {
                key: key.clone(),
                tidy: tidy_path(key),
                canonical: fs::canonicalize(key).ok(),
                date: *date,
            })
            .collect();
        CliDates { entries }
    }

    fn date_for(&self, found: &Found) -> Option<NaiveDate> {
        if self.entries.is_empty() {
            return None;
        }
        let tidy = tidy_path(&found.shown);
        let canonical = fs::canonicalize(&found.fs_path).ok();
        self.entries
            .iter()
            .find(|e| {
                e.key == found.shown
                    || e.tidy == tidy
                    || (e.canonical.is_some() && e.canonical == canonical)
            })
            .map(|e| e.date)
    }
}

/// A path with `.` components, repeated `/` and a trailing `/` removed.
fn tidy_path(path: &str) -> String {
    let absolute = path.starts_with('/');
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The publication date from the command line, front matter or URL, in that order.
/// Where a file's own metadata comes from, for the date's source and error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stated {
    FrontMatter,
    Crawler,
    Page,
}

fn publication(
    found: &Found,
    cli_dates: &CliDates,
    fields: &[Field],
    url: Option<&str>,
    stated: Stated,
) -> Result<Option<Published>, Error> {
    if let Some(date) = cli_dates.date_for(found) {
        return Ok(Some(Published {
            date,
            from: DateSource::Cli,
            evidence: "--published".to_string(),
            time: None,
        }));
    }
    if let Some(f) = field(fields, Key::Published) {
        let Some(date) = parse_iso_date(&f.value) else {
            let problem = match stated {
                Stated::FrontMatter => {
                    format!("front matter: cannot read published date '{}'", f.value)
                }
                Stated::Crawler => format!("cannot read date_publish '{}'", f.value),
                Stated::Page => format!("cannot read the page's date '{}'", f.value),
            };
            return Err(Error::input(&found.shown, problem));
        };
        return Ok(Some(Published {
            date,
            from: match stated {
                Stated::FrontMatter => DateSource::FrontMatter,
                Stated::Crawler | Stated::Page => DateSource::Metadata,
            },
            evidence: f.line.clone(),
            time: iso_time(&f.value),
        }));
    }
    Ok(url.and_then(|u| {
        url_date(u).map(|date| Published {
            date,
            from: DateSource::Url,
            evidence: u.to_string(),
            time: None,
        })
    }))
}

/// The clock time of an ISO datetime (`2013-07-02T10:05:00Z` → 10:05), if any.
fn iso_time(value: &str) -> Option<chrono::NaiveTime> {
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{4}-\d{1,2}-\d{1,2}[Tt ](\d{1,2}):(\d{2})").expect("valid regex")
    });
    let caps = TIME.captures(value.trim())?;
    chrono::NaiveTime::from_hms_opt(caps[1].parse().ok()?, caps[2].parse().ok()?, 0)
}

/// `YYYY-MM-DD`, or an ISO datetime starting with one (`2013-07-02T10:00:00Z`).
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]\d{1,2}:\d{2}\S*)?$").expect("valid regex")
});

fn parse_iso_date(value: &str) -> Option<NaiveDate> {
    let caps = ISO_DATE.captures(value.trim())?;
    ymd(&caps[1], &caps[2], &caps[3])
}

/// A real calendar date from year, month and day digits.
fn ymd(year: &str, month: &str, day: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Dates in URL paths: `/2013/07/02/`, `/2013-07-02`, `/20130702/`, and in file
/// names joined by underscores (`story_web_2013_07_02_q.html`). A year and month
/// alone (`/2013/07/`) is not a publication date and is ignored.
static URL_NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})(?:/(\d{2})/(\d{2})|-(\d{2})-(\d{2})|(\d{2})(\d{2}))(?:[/?#._-]|$)|_((?:19|20)\d{2})_(\d{2})_(\d{2})(?:[/?#._-]|$)",
    )
    .expect("valid regex")
});

/// `/2004/jul/29/`, as some newspapers write it.
static URL_NAMED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)/((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(\d{1,2})(?:[/?#._-]|$)")
        .expect("valid regex")
});

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The earliest valid full date in the URL's path.
fn url_date(url: &str) -> Option<NaiveDate> {
    let numeric = URL_NUMERIC_DATE.captures_iter(url).filter_map(|c| {
        let year = c.get(1).or_else(|| c.get(8))?;
        let (month, day) = [(2, 3), (4, 5), (6, 7), (9, 10)]
            .iter()
            .find_map(|&(m, d)| Some((c.get(m)?, c.get(d)?)))?;
        let date = ymd(year.as_str(), month.as_str(), day.as_str())?;
        Some((c.get(0)?.start(), date))
    });
    let named = URL_NAMED_DATE.captures_iter(url).filter_map(|c| {
        let month_name = c[2].to_ascii_lowercase();
        let month = MONTH_ABBREVIATIONS.iter().position(|m| *m == month_name)? + 1;
        let date = ymd(&c[1], &month.to_string(), &c[3])?;
        Some((c.get(0)?.start(), date))
    });
    numeric
        .chain(named)
        .min_by_key(|(at, _)| *at)
        .map(|(_, d)| d)
}

/// The URL's host, lower-cased, without `www.`, user or port.
fn url_host(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = match rest.find("://") {
        Some(at) => &rest[at + 3..],
        None => rest.strip_prefix("//").unwrap_or(rest),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let host = if host_port.starts_with('[') {
        host_port.split(']').next().map(|h| format!("{h}]"))?
    } else {
        host_port.split(':').next().unwrap_or_default().to_string()
    };
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    let plausible = host.contains('.') || host.starts_with('[') || host == "localhost";
    (plausible && !host.contains(char::is_whitespace)).then_some(host)
}

/// Lines before a headline that carry a date or a byline, not the title:
/// "Published: …", "Last Updated: …", "By Jane Doe", "World | By Jane Doe".
static METADATA_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:first |originally |last )?(?:published|updated|posted)\b[^:]{0,30}:|by\s+\p{Lu})|\|\s*by\s+\p{Lu}",
    )
    .expect("valid regex")
});

fn is_metadata_line(line: &str) -> bool {
    METADATA_LINE.is_match(line) || is_dateline(line)
}

/// Words a date-and-time line is made of besides numbers ("Friday, 14 October 2011,
/// 07:41 GMT", "7:41 AM, TUE 5 MAR 2019", "8 March 2019 Last updated at 10:05 GMT").
const DATELINE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "gmt",
    "utc",
    "bst",
    "cet",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "last",
    "updated",
    "at",
    "on",
    "published",
    "posted",
];

/// A line made only of a date, a time and words like "updated at", with some digit.
fn is_dateline(line: &str) -> bool {
    let lower = line.to_lowercase();
    let mut words = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some()
        && line.chars().any(|c| c.is_ascii_digit())
        && words.all(|w| {
            let letters = w.trim_start_matches(|c: char| c.is_ascii_digit());
            letters.is_empty()
                || (letters.len() < w.len()
                    && ["st", "nd", "rd", "th", "am", "pm"].contains(&letters))
                || DATELINE_WORDS.contains(&w)
        })
}

/// How many date or byline lines may precede the headline.
const MAX_METADATA_LINES: usize = 3;

/// The first non-blank line of the body, when it reads like a headline: short, with a
/// letter or digit, not ending in a full stop. A few date or byline lines before it are
/// passed over.
fn title_from_body(body: &str) -> Option<String> {
    let line = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .find(|(i, l)| *i >= MAX_METADATA_LINES || !is_metadata_line(l))
        .map(|(_, l)| l)?;
    let headline = line.chars().count() < MAX_TITLE_CHARS
        && !line.ends_with('.')
        && line.chars().any(char::is_alphanumeric);
    headline.then(|| line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use tempfile::TempDir;

    fn write(dir: &Path, rel: &str, bytes: &[u8]) -> String {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap();
        path.to_string_lossy().into_owned()
    }

    fn one(path: &str) -> Result<Article, Error> {
        ingest(&[path.to_string()], &IngestOptions::default()).map(|mut v| v.remove(0))
    }

    fn problem(result: Result<Vec<Article>, Error>) -> String {
        match result {
            Err(Error::Input { problem, .. }) => problem,
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn body(a: &Article) -> &str {
        &a.text[a.body.start..a.body.end]
    }

    #[test]
    fn plain_file_has_whole_text_as_body_and_first_line_as_title() {
        let dir = TempDir::new().unwrap();
        let p = write(dir.path(), "a.txt", b"Quake hits city\n\nA quake hit.\n");
        let a = one(&p).unwrap();
        assert_eq!(a.path, p);
        assert_eq!(a.body, Span::new(0, a.text.len()));
        assert_eq!(a.title.as_deref(), Some("Quake hits city"));
        assert_eq!(a.source, None);
        assert_eq!(a.url, None);
        assert_eq!(a.published, None);
    }

    #[test]
    fn explicit_file_is_read_whatever_its_extension() {
        let dir = TempDir::new().unwrap();
        let p = write(dir.path(), "story.log", b"Headline\nText.\n");
        assert_eq!(one(&p).unwrap().title.as_deref(), Some("Headline"));
    }

    #[test]
    fn front_matter_fields_are_read_and_body_follows_it() {
        let dir = TempDir::new().unwrap();
        let text = "---\ntitle: \"Quake: 5 dead\"\nsource: 'example.org'\nurl: http://www.news.example.com/x\nauthor: ignored\npublished: 2009-06-17\n---\nBody line.\n";
        let p = write(dir.path(), "a.txt", text.as_bytes());
        let a = one(&p).unwrap();
        assert_eq!(a.title.as_deref(), Some("Quake: 5 dead"));
        assert_eq!(a.source.as_deref(), Some("example.org"));
        assert_eq!(a.url.as_deref(), Some("http://www.news.example.com/x"));
        assert_eq!(body(&a), "Body line.\n");
        let published = a.published.unwrap();
        assert_eq!(published.date, date(2009, 6, 17));
        assert_eq!(published.from, DateSource::FrontMatter);
        assert_eq!(published.evidence, "published: 2009-06-17");
    }

    #[test]
    fn date_key_and_iso_datetime_are_accepted() {
        let dir = TempDir::new().unwrap();
        let p = write(
            dir.path(),
            "a.txt",
            b"---\ndate: 2013-07-02T10:15:00Z\n---\nText.\n",
        );
        assert_eq!(one(&p).unwrap().published.unwrap().date, date(2013, 7, 2));
    }

    #[test]
    fn unreadable_published_date_is_an_error() {
        let dir = TempDir::new().unwrap();
        let p = write(
            dir.path(),
            "a.txt",
            b"---\npublished: June 17, 2009\n---\nText.\n",
        );
        assert_eq!(
            problem(ingest(&[p], &IngestOptions::default())),
            "front matter: cannot read published date 'June 17, 2009'"
        );
        let p = write(
            dir.path(),
            "b.txt",
            b"---\npublished: 2008-02-30\n---\nT.\n",
        );
        assert!(problem(ingest(&[p], &IngestOptions::default())).contains("2008-02-30"));
    }

    #[test]
    fn unterminated_front_matter_is_no_front_matter() {
        let dir = TempDir::new().unwrap();
        let text = "---\ntitle: Not really\nSome text.\n";
        let p = write(dir.path(), "a.txt", text.as_bytes());
        let a = one(&p).unwrap();
        assert_eq!(a.body, Span::new(0, text.len()));
        assert_eq!(a.title, None, "'---' has no letters, so it is no title");
    }

    #[test]
    fn bom_is_kept_in_text_but_body_starts_after_it() {
        let dir = TempDir::new().unwrap();
        let p = write(dir.path(), "a.txt", "\u{feff}Headline\nText.\n".as_bytes());
        let a = one(&p).unwrap();
        assert!(a.text.starts_with('\u{feff}'));
        assert_eq!(a.body.start, 3);
        assert_eq!(a.title.as_deref(), Some("Headline"));
    }

    #[test]
    fn bom_then_front_matter() {
        let dir = TempDir::new().unwrap();
        let p = write(
            dir.path(),
            "a.txt",
            "\u{feff}---\ntitle: T\n---\nText.\n".as_bytes(),
        );
        let a = one(&p).unwrap();
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(body(&a), "Text.\n");
    }

    #[test]
    fn crlf_front_matter_and_body_map_to_original_bytes() {
        let dir = TempDir::new().unwrap();
        let text = "---\r\ntitle: T\r\nurl: https://x.example.com/2013/07/02/story\r\n---\r\nLine one.\r\nLine two.\r\n";
        let p = write(dir.path(), "a.txt", text.as_bytes());
        let a = one(&p).unwrap();
        assert_eq!(a.text, text);
        assert_eq!(body(&a), "Line one.\r\nLine two.\r\n");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(
            a.url.as_deref(),
            Some("https://x.example.com/2013/07/02/story")
        );
        assert_eq!(a.published.unwrap().date, date(2013, 7, 2));
    }

    #[test]
    fn crlf_title_from_body_has_no_carriage_return() {
        let dir = TempDir::new().unwrap();
        let p = write(dir.path(), "a.txt", b"Headline\r\n\r\nText.\r\n");
        assert_eq!(one(&p).unwrap().title.as_deref(), Some("Headline"));
    }

    #[test]
    fn title_rules() {
        assert_eq!(
            title_from_body("\n\n  Big news  \nText."),
            Some("Big news".into())
        );
        assert_eq!(title_from_body("This is a sentence.\nMore."), None);
        assert_eq!(title_from_body(&"x".repeat(200)), None);
        assert_eq!(title_from_body(&"x".repeat(199)), Some("x".repeat(199)));
        assert_eq!(title_from_body("Why now?\n"), Some("Why now?".into()));
        assert_eq!(title_from_body("* * *\nText."), None);
        assert_eq!(title_from_body(""), None);
    }

    #[test]
    fn title_skips_date_and_byline_lines() {
        let body = "Published: Tue, March 4, 2019\nBusiness | By Jane Doe\n\nCity council approves budget\n";
        assert_eq!(
            title_from_body(body),
            Some("City council approves budget".into())
        );
        let body = "Last Updated: Friday, 3 June 2016, 09:15 GMT\nFloods close mountain roads\n";
        assert_eq!(
            title_from_body(body),
            Some("Floods close mountain roads".into())
        );
    }

    #[test]
    fn title_skips_date_only_lines() {
        for dateline in [
            "June 4, 2016, 3:27 PM",
            "8 March 2019 Last updated at 10:05 GMT",
            "7:41 AM, TUE 5 MAR 2019",
            "March 5th, 2019, 18:20 GMT",
            "04 / 11 / 2017",
            "3 / 7 / 2018 @ 2:45PM",
        ] {
            let body = format!("{dateline}\nMayor: bridge to reopen in spring\nText.\n");
            assert_eq!(
                title_from_body(&body),
                Some("Mayor: bridge to reopen in spring".into()),
                "{dateline}"
            );
        }
        assert!(!is_dateline("Singer to headline 2019 festival"));
        assert!(!is_dateline("May the best team win"));
        assert!(!is_dateline(""));
    }

    #[test]
    fn title_with_multibyte_chars_counts_chars_not_bytes() {
        let line = "é".repeat(150);
        assert_eq!(title_from_body(&line), Some(line.clone()));
    }

    #[test]
    fn source_falls_back_to_url_host() {
        assert_eq!(
            url_host("http://www.Example.com/a/b"),
            Some("example.com".into())
        );
        assert_eq!(
            url_host("https://user@news.example.org:8080/x?y"),
            Some("news.example.org".into())
        );
        assert_eq!(url_host("example.com/path"), Some("example.com".into()));
        assert_eq!(url_host("not a url"), None);
        assert_eq!(url_host(""), None);
        let dir = TempDir::new().unwrap();
        let p = write(
            dir.path(),
            "a.txt",
            b"---\nurl: https://www.example.co.uk/news/1\n---\nT\n",
        );
        assert_eq!(one(&p).unwrap().source.as_deref(), Some("example.co.uk"));
    }

    #[test]
    fn url_dates() {
        let d = |u: &str| url_date(u);
        assert_eq!(d("http://x.com/2013/07/02/story"), Some(date(2013, 7, 2)));
        assert_eq!(d("http://x.com/2013/07/02"), Some(date(2013, 7, 2)));
        assert_eq!(
            d("http://x.com/2017-03-14/sports/1"),
            Some(date(2017, 3, 14))
        );
        assert_eq!(
            d("http://x.com/articles/555/20170315/story.htm"),
            Some(date(2017, 3, 15))
        );
        assert_eq!(d("http://x.com/news/20161109.htm"), Some(date(2016, 11, 9)));
        assert_eq!(
            d("http://x.com/stories/2016/45/fire_web_2016_11_09_q.html"),
            Some(date(2016, 11, 9))
        );
        assert_eq!(
            d("http://x.com/2016/oct/12/story"),
            Some(date(2016, 10, 12))
        );
        assert_eq!(d("http://x.com/2013/07/story"), None, "month only");
        assert_eq!(d("http://x.com/2013/02/30/story"), None, "no such day");
        assert_eq!(d("http://x.com/article/0,,20555555,00.html"), None);
        assert_eq!(d("http://x.com/story-20170504"), None);
        assert_eq!(d("http://x.com/1234567/20170315x"), None);
    }

    #[test]
    fn date_precedence_cli_then_front_matter_then_url() {
        let dir = TempDir::new().unwrap();
        let text = "---\nurl: http://x.com/2010/01/02/s\npublished: 2011-01-01\n---\nT\n";
        let p = write(dir.path(), "a.txt", text.as_bytes());
        let mut opts = IngestOptions::default();
        assert_eq!(
            ingest(std::slice::from_ref(&p), &opts).unwrap()[0]
                .published
                .as_ref()
                .unwrap()
                .from,
            DateSource::FrontMatter
        );
        opts.published.insert(p.clone(), date(2012, 5, 6));
        let a = ingest(std::slice::from_ref(&p), &opts).unwrap().remove(0);
        let published = a.published.unwrap();
        assert_eq!(published.date, date(2012, 5, 6));
        assert_eq!(published.from, DateSource::Cli);
        assert_eq!(published.evidence, "--published");

        let p2 = write(
            dir.path(),
            "b.txt",
            b"---\nurl: http://x.com/2010/01/02/s\n---\nT\n",
        );
        let b = one(&p2).unwrap().published.unwrap();
        assert_eq!((b.date, b.from), (date(2010, 1, 2), DateSource::Url));
        assert_eq!(b.evidence, "http://x.com/2010/01/02/s");
    }

    #[test]
    fn cli_date_matches_files_found_under_a_directory() {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "corpus/a.txt", b"A\n");
        write(dir.path(), "corpus/b.txt", b"B\n");
        let corpus = dir.path().join("corpus").to_string_lossy().into_owned();
        let mut opts = IngestOptions::default();
        opts.published
            .insert(format!("{corpus}/b.txt"), date(2020, 1, 2));
        opts.published
            .insert(format!("{corpus}/./a.txt"), date(2020, 3, 4));
        let got = ingest(&[corpus], &opts).unwrap();
        assert_eq!(got[0].published.as_ref().unwrap().date, date(2020, 3, 4));
        assert_eq!(got[1].published.as_ref().unwrap().date, date(2020, 1, 2));
    }

    #[test]
    fn directories_are_walked_sorted_with_clean_paths() {
        let dir = TempDir::new().unwrap();
        let root = dir.path();
        write(root, "corpus/b.txt", b"B\n");
        write(root, "corpus/a.md", b"A\n");
        write(root, "corpus/sub/c.TXT", b"C\n");
        write(root, "corpus/notes.pdf", b"P\n");
        write(root, "corpus/.hidden.txt", b"H\n");
        write(root, "corpus/.git/d.txt", b"D\n");
        let corpus = root.join("corpus").to_string_lossy().into_owned();
        for given in [corpus.clone(), format!("{corpus}/"), format!("{corpus}//")] {
            let got = ingest(&[given], &IngestOptions::default()).unwrap();
            let paths: Vec<_> = got.iter().map(|a| a.path.clone()).collect();
            assert_eq!(
                paths,
                vec![
                    format!("{corpus}/a.md"),
                    format!("{corpus}/b.txt"),
                    format!("{corpus}/sub/c.TXT"),
                ]
            );
        }
    }

    #[test]
    fn input_order_is_kept_and_duplicates_read_once() {
        let dir = TempDir::new().unwrap();
        let root = dir.path();
        let z = write(root, "z.txt", b"Z\n");
        let a = write(root, "corpus/a.txt", b"A\n");
        let corpus = root.join("corpus").to_string_lossy().into_owned();
        let inputs = vec![z.clone(), corpus, a.clone(), z.clone()];
        let got = ingest(&inputs, &IngestOptions::default()).unwrap();
        let paths: Vec<_> = got.iter().map(|a| a.path.clone()).collect();
        assert_eq!(paths, vec![z, a]);
    }

    #[test]
    fn dir_prefix_avoids_double_slashes() {
        assert_eq!(dir_prefix("corpus"), "corpus/");
        assert_eq!(dir_prefix("corpus/"), "corpus/");
        assert_eq!(dir_prefix("corpus///"), "corpus/");
        assert_eq!(dir_prefix("/"), "/");
        assert_eq!(dir_prefix("."), "./");
    }

    #[test]
    fn missing_path_is_an_error() {
        let dir = TempDir::new().unwrap();
        let p = dir.path().join("nope.txt").to_string_lossy().into_owned();
        let err = ingest(std::slice::from_ref(&p), &IngestOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), format!("{p}: no such file or directory"));
    }

    #[test]
    fn empty_and_blank_files_are_errors() {
        let dir = TempDir::new().unwrap();
        for (name, bytes) in [
            ("empty.txt", &b""[..]),
            ("blank.txt", &b"  \n\r\n\t\n"[..]),
            ("bom.txt", "\u{feff}\n".as_bytes()),
        ] {
            let p = write(dir.path(), name, bytes);
            assert_eq!(problem(ingest(&[p], &IngestOptions::default())), "is empty");
        }
    }

    #[test]
    fn binary_and_invalid_utf8_are_errors() {
        let dir = TempDir::new().unwrap();
        let p = write(dir.path(), "bin.txt", b"abc\0def");
        assert_eq!(
            problem(ingest(&[p], &IngestOptions::default())),
            "looks like a binary file"
        );
        let p = write(dir.path(), "broken.txt", b"caf\xc3\xa9 and \x81\x8d");
        assert_eq!(
            problem(ingest(&[p], &IngestOptions::default())),
            "is not valid UTF-8 (byte 10) and its character set cannot be told"
        );
        let p = write(dir.path(), "utf16.txt", b"\xff\xfeh\0i\0");
        assert_eq!(
            problem(ingest(&[p], &IngestOptions::default())),
            "is UTF-16, not UTF-8"
        );
    }

    /// A file found by the walk that is gone when its turn to be read comes is passed
    /// over with a warning; the same file named on the command line is an error.
    #[test]
    fn a_file_that_disappears_mid_run_is_skipped_if_found_by_walking() {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "a.txt", b"The talks began on Monday.");
        let gone = write(dir.path(), "b.txt", b"The talks ended on Friday.");
        let input = dir.path().to_string_lossy().into_owned();
        let opts = IngestOptions::default();
        let mut skipped = Vec::new();
        let found = expand(&input, &mut skipped).unwrap();
        assert_eq!(found.len(), 2);
        fs::remove_file(&gone).unwrap();
        let articles = read_all(&found, &CliDates::new(&opts), &opts, &mut skipped).unwrap();
        assert_eq!(articles.len(), 1);
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        assert!(skipped[0].path.ends_with("b.txt"), "{skipped:?}");
        assert_eq!(skipped[0].reason, "disappeared before it could be read");
        fs::write(&gone, b"The talks ended on Friday.").unwrap();
        let named = expand(&gone, &mut skipped).unwrap_or_else(|e| panic!("{e}"));
        fs::remove_file(&gone).unwrap();
        let err = read_all(&named, &CliDates::new(&opts), &opts, &mut skipped).unwrap_err();
        assert!(err.to_string().contains("no such file"), "{err}");
    }

    #[test]
    fn legacy_charsets_are_decoded_and_named() {
        let dir = TempDir::new().unwrap();
        let latin = b"Le caf\xe9 de la gare a rouvert ses portes le 12 f\xe9vrier, \
            apr\xe8s trois ann\xe9es de travaux, a d\xe9clar\xe9 le maire.\n";
        let p = write(dir.path(), "latin1.txt", latin);
        let article = &ingest(&[p], &IngestOptions::default()).unwrap()[0];
        assert_eq!(article.encoding, Some("windows-1252"));
        assert!(
            article.text.contains("caf\u{e9} de la gare"),
            "{}",
            article.text
        );
        assert!(article.text.contains("12 f\u{e9}vrier"), "{}", article.text);
        let p = write(dir.path(), "plain.txt", "caf\u{e9}".as_bytes());
        let article = &ingest(&[p], &IngestOptions::default()).unwrap()[0];
        assert_eq!(article.encoding, None);
    }

    #[test]
    fn directory_without_articles_is_an_error() {
        let dir = TempDir::new().unwrap();
        write(dir.path(), "x/readme.pdf", b"P");
        write(dir.path(), "x/.hidden.txt", b"H");
        let p = dir.path().join("x").to_string_lossy().into_owned();
        assert_eq!(
            problem(ingest(&[p], &IngestOptions::default())),
            "no .txt or .md articles found in this directory"
        );
    }

    #[test]
    fn bad_file_inside_a_directory_names_that_file() {
        let dir = TempDir::new().unwrap();
        let bad = write(dir.path(), "c/empty.txt", b"");
        let c = dir.path().join("c").to_string_lossy().into_owned();
        let err = ingest(&[c], &IngestOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), format!("{bad}: is empty"));
    }

    #[test]
    fn quoted_values_and_odd_lines_in_front_matter() {
        let fm = front_matter("---\n# comment\ntitle: 'It''s'\nurl:\n---\n", 0).unwrap();
        assert_eq!(field(&fm.fields, Key::Title).unwrap().value, "It''s");
        assert!(
            field(&fm.fields, Key::Url).is_none(),
            "empty values are absent"
        );
        assert!(front_matter("--- \ntitle: x\n---", 0).is_some());
        assert!(front_matter("----\ntitle: x\n---\n", 0).is_none());
        assert!(front_matter("", 0).is_none());
        assert_eq!(unquote("\"a\""), "a");
        assert_eq!(unquote("'a"), "'a");
        assert_eq!(unquote("\""), "\"");
    }

    #[test]
    fn multibyte_front_matter_values() {
        let dir = TempDir::new().unwrap();
        let p = write(
            dir.path(),
            "a.txt",
            "---\ntitle: Café — “news”\n---\nTexte.\n".as_bytes(),
        );
        let a = one(&p).unwrap();
        assert_eq!(a.title.as_deref(), Some("Café — “news”"));
        assert_eq!(body(&a), "Texte.\n");
    }
}
