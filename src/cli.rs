//! The command line: clap definitions and the run logic behind them.
//!
//! `main.rs` only parses, calls [`run`] and turns its result into an exit code; all
//! decisions live here so tests can reach them.
//!
//! Invariants:
//! * Exit codes come from [`crate::error`] only: 0 clean, 1 conflicts found, 2 trouble.
//!   `claims` and `timex` exit 0 whenever they succeed.
//! * Every error is one line, `factdiff: <problem>` ([`error_line`], [`usage_line`]).
//! * `--output FILE` replaces FILE atomically (the report is written into a temporary
//!   file in the same folder as it is rendered, then renamed), so FILE is never
//!   partial; standard output gets a report rendered whole into memory first, and a
//!   reader closing the pipe early is a quiet success.
//! * Colour: `--color always` wins; `never` never; `auto` means colour only when
//!   writing to a terminal and `NO_COLOR` is unset or empty and `TERM` is not `dumb`.
//!   JSON never has colour.

use crate::error::{EXIT_CLEAN, EXIT_CONFLICTS, Error};
use crate::ingest::InputFormat;
use crate::model::Analysis;
use crate::report::claims::{self, ClaimsOptions};
use crate::report::stories as stories_report;
use crate::report::timeline::{self as timeline_report, TimelineOptions};
use crate::report::timex::{self as timex_report, TimexOptions};
use crate::report::{claimreview, html, json, markdown, text};
use chrono::NaiveDate;
use clap::{Args, ColorChoice, CommandFactory, Parser, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Compare the checkable claims (dates, durations, counts, ordinals, places) of
/// several news articles about one story, and report agreements and contradictions.
#[derive(Debug, Parser)]
#[command(name = "factdiff", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare the articles' claims; exit 1 when they contradict each other.
    #[command(after_help = EXIT_STATUS)]
    Compare(CompareArgs),
    /// List every claim found in each article.
    Claims(ClaimsArgs),
    /// List every time expression (TimeML TIMEX3) found in each article, anchored to
    /// its publication date.
    Timex(TimexArgs),
    /// Show how the articles are grouped into stories (claims of different stories are
    /// never compared).
    Stories(StoriesArgs),
    /// Show the dated events of all articles in time order, one column per source,
    /// disagreements marked.
    Timeline(TimelineArgs),
    /// Print a shell completion script (e.g. `factdiff completions bash >
    /// /etc/bash_completion.d/factdiff`).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `factdiff man > factdiff.1`.
    Man,
    /// Print the configuration in use (thresholds, synonyms, aliases) as TOML.
    Config(ConfigArgs),
}

/// `factdiff config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the built-in defaults instead of the configuration in use.
    #[arg(long)]
    pub default: bool,

    /// Config file to show [default: ./factdiff.toml when it exists].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

const EXIT_STATUS: &str = "Exit status: 0 when no contradiction or inconsistency was found, \
    1 when one was, 2 on trouble (bad input, bad option, unwritable output).";

/// Options shared by every subcommand.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Article files (`-` reads one from standard input), or folders searched for
    /// *.txt, *.md, *.json and *.jsonl.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,

    /// How to read the inputs: by extension (auto), or all as text, news-please JSON
    /// or JSON Lines.
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = InputFormatArg::Auto)]
    pub input_format: InputFormatArg,

    /// Publication date of one article, overriding what the article says (repeatable).
    #[arg(long, value_name = "PATH=YYYY-MM-DD", value_parser = parse_published)]
    pub published: Vec<PublishedArg>,

    /// When to colour the text output (NO_COLOR turns off `auto`).
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Write the report to FILE (replaced atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Largest article file read, in bytes (K, M, G suffixes allowed); a larger one is
    /// an error.
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes, default_value = "64M")]
    pub max_file_size: u64,

    /// Longest line accepted in an article, in bytes (K, M, G suffixes allowed).
    #[arg(long, value_name = "BYTES", value_parser = parse_bytes, default_value = "1M")]
    pub max_line_length: u64,

    /// Config file with thresholds, synonyms and aliases [default: ./factdiff.toml when
    /// it exists].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Never page: by default a text report longer than the terminal goes through
    /// $PAGER (else `less -R`) when written to a terminal.
    #[arg(long)]
    pub no_pager: bool,
}

/// "65536", "64K", "64M", "1G" → bytes.
fn parse_bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, scale) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (&t[..i], 1u64 << 10),
        Some((i, 'M' | 'm')) => (&t[..i], 1 << 20),
        Some((i, 'G' | 'g')) => (&t[..i], 1 << 30),
        _ => (t, 1),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("'{s}' is not a size in bytes (like 65536, 64K, 64M)"))?;
    n.checked_mul(scale)
        .filter(|&b| b > 0)
        .ok_or_else(|| format!("'{s}' is not a usable size"))
}

/// `factdiff compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Text)]
    pub format: CompareFormat,

    /// The page that will host the fact check, for `--format claimreview` (the
    /// `url` Google requires; each review gets `#finding-N`).
    #[arg(long, value_name = "URL")]
    pub review_url: Option<String>,

    /// The fact-checking organization named as the reviews' author, for
    /// `--format claimreview`.
    #[arg(long, value_name = "NAME")]
    pub review_author: Option<String>,

    #[command(flatten)]
    pub input: InputArgs,

    /// Show only conflicts: `contradictions` hides agreements (inconsistencies stay).
    #[arg(long, value_enum, value_name = "WHAT")]
    pub only: Option<Only>,

    /// Also show, per article, where its date came from, what text was dropped and
    /// how many sentences and claims it has.
    #[arg(long, short)]
    pub verbose: bool,

    /// Width of the text report in columns [default: the terminal's, else 80].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,

    #[command(flatten)]
    pub grouping: GroupingArgs,
}

/// Whether the articles are grouped into stories before comparing.
#[derive(Debug, Args)]
pub struct GroupingArgs {
    /// Group the articles into stories first (see `factdiff stories`) and compare
    /// claims only within a story; the default.
    #[arg(long, overrides_with = "no_cluster")]
    pub cluster: bool,

    /// Take all the articles as one story: every claim may be compared with every
    /// other.
    #[arg(long, overrides_with = "cluster")]
    pub no_cluster: bool,
}

impl GroupingArgs {
    fn grouping(&self) -> crate::Grouping {
        if self.no_cluster {
            crate::Grouping::OneStory
        } else {
            crate::Grouping::Stories
        }
    }
}

/// `factdiff timeline`.
#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub grouping: GroupingArgs,
}

/// `factdiff claims`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub input: InputArgs,
}

/// `factdiff stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub input: InputArgs,
}

/// `factdiff timex`.
#[derive(Debug, Args)]
pub struct TimexArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = TimexFormat::Text)]
    pub format: TimexFormat,

    #[command(flatten)]
    pub input: InputArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: diff-style, colour on a terminal.
    Text,
    /// For programs: one versioned JSON document.
    Json,
}

/// `--input-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// By extension: .html/.htm are web pages, .json and .jsonl/.ndjson crawler
    /// output, the rest text; standard input is sniffed.
    Auto,
    /// Plain text or Markdown, with optional front matter.
    Text,
    /// news-please / newspaper JSON: one record or an array of records.
    Json,
    /// news-please / newspaper JSON Lines: one record per line.
    Jsonl,
    /// Saved web pages: the article's text and metadata.
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// For people: diff-style, colour on a terminal.
    Text,
    /// For programs: one versioned JSON document.
    Json,
    /// For pipelines: one finding per line, each as in the JSON document.
    Jsonl,
    /// For editors: a summary table, then each contradiction with quotes and links.
    Markdown,
    /// For sharing: one self-contained web page with the findings side by side and a
    /// timeline drawing.
    Html,
    /// For publishing: schema.org ClaimReview JSON-LD, one per contradiction (needs
    /// --review-url).
    Claimreview,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimexFormat {
    /// For people: one line per expression, `line:col  TYPE  value [MOD]  "text"`.
    Text,
    /// For programs: one versioned JSON document.
    Json,
    /// Each article written back with inline TIMEX3 tags.
    Timeml,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Only {
    /// Contradictions and inconsistencies; no agreements.
    Contradictions,
}

/// One `--published PATH=YYYY-MM-DD`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedArg {
    pub path: String,
    pub date: NaiveDate,
}

/// Parse `PATH=YYYY-MM-DD`, splitting at the last `=` so paths may contain one.
pub fn parse_published(s: &str) -> Result<PublishedArg, String> {
    let (path, date) = s
        .rsplit_once('=')
        .ok_or_else(|| format!("expected PATH=YYYY-MM-DD, got '{s}'"))?;
    if path.is_empty() {
        return Err(format!("no PATH before '=' in '{s}'"));
    }
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|e| format!("'{date}' is not a date YYYY-MM-DD ({e})"))?;
    Ok(PublishedArg {
        path: path.to_string(),
        date,
    })
}

/// Run a parsed command line; the `Ok` value is the exit code.
pub fn run(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Compare(args) => compare(&args),
        Command::Claims(args) => list_claims(&args),
        Command::Timex(args) => list_timexes(&args),
        Command::Stories(args) => list_stories(&args),
        Command::Timeline(args) => timeline(&args),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "factdiff", &mut buf);
            print_all(&buf)
        }
        Command::Config(args) => show_config(&args),
        Command::Man => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut buf)
                .map_err(|e| Error::Output {
                    path: "standard output".into(),
                    source: e,
                })?;
            print_all(&buf)
        }
    }
}

/// `factdiff config`: the built-ins, or the file in use over them.
fn show_config(args: &ConfigArgs) -> Result<u8, Error> {
    let (text, header) = if args.default {
        (
            crate::config::Config::builtin(),
            "# factdiff's built-in configuration. A config file sets any of these keys;\n# its synonym groups and aliases are added to the built-in ones.".to_string(),
        )
    } else {
        let (config, path) = crate::config::Config::load(args.config.as_deref())?;
        let from = path.map_or_else(
            || "no config file: built-in thresholds; the built-in tables are not listed (see --default)".to_string(),
            |p| format!("from {}; its tables are added to the built-in ones (see --default)", p.display()),
        );
        (config, format!("# factdiff configuration in use, {from}."))
    };
    let toml = text.to_toml(&header).map_err(|e| Error::Output {
        path: "standard output".into(),
        source: io::Error::other(e),
    })?;
    print_all(toml.as_bytes())
}

/// Write generated text (completions, the man page) to standard output.
fn print_all(bytes: &[u8]) -> Result<u8, Error> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| Error::Output {
            path: "standard output".into(),
            source: e,
        })?;
    Ok(EXIT_CLEAN)
}

/// One warning line on standard error for every input passed over while walking a
/// folder; the report counts them too.
fn warn_inputs(analysis: &Analysis) {
    let mut err = io::stderr().lock();
    for s in &analysis.skipped {
        // stderr may be closed; the report still says how many were skipped.
        let _ = writeln!(err, "factdiff: warning: {}: skipped: {}", s.path, s.reason);
    }
    for a in &analysis.articles {
        if let Some(encoding) = a.article.encoding {
            let path = &a.article.path;
            let _ = writeln!(err, "factdiff: note: {path}: not UTF-8, read as {encoding}");
        }
    }
}

fn compare(args: &CompareArgs) -> Result<u8, Error> {
    let input = &args.input;
    let review = claimreview::ReviewOptions {
        url: match (&args.review_url, args.format) {
            (Some(url), _) => url.clone(),
            (None, CompareFormat::Claimreview) => {
                return Err(Error::Usage(
                    "--format claimreview needs --review-url URL (the page hosting the fact check)"
                        .into(),
                ));
            }
            (None, _) => String::new(),
        },
        author: args.review_author.clone(),
    };
    // Reports of findings show only the claims in findings (and dates): read a batch of
    // stories at a time, so that memory follows the largest story, not the input.
    let opts = crate::Options {
        grouping: args.grouping.grouping(),
        retain: crate::Retain::Findings {
            // The HTML report's timeline draws every date claim.
            dates: args.format == CompareFormat::Html,
        },
        ..options(input)?
    };
    let analysis = crate::analyze(&input.paths, &opts)?;
    warn_inputs(&analysis);
    let only_conflicts = match args.only {
        Some(Only::Contradictions) => true,
        None => false,
    };
    let sink = Sink::new(input);
    let color = sink.color(input.color);
    let width = args.width.map_or_else(|| sink.width(), usize::from);
    let render = |buf: &mut dyn Write| match args.format {
        CompareFormat::Text => {
            let opts = text::TextOptions {
                color,
                only_conflicts,
                verbose: args.verbose,
                width,
            };
            text::render(&analysis, &opts, buf)
        }
        CompareFormat::Json => json::render(&analysis, only_conflicts, buf),
        CompareFormat::Jsonl => json::render_lines(&analysis, only_conflicts, buf),
        CompareFormat::Markdown => markdown::render(&analysis, only_conflicts, buf),
        CompareFormat::Html => html::render(&analysis, only_conflicts, buf),
        CompareFormat::Claimreview => claimreview::render(&analysis, &review, buf),
    };
    Ok(match sink.deliver_rendered(color, render)? {
        Delivery::Written => exit_code(&analysis),
        Delivery::ReaderGone => EXIT_CLEAN,
    })
}

fn timeline(args: &TimelineArgs) -> Result<u8, Error> {
    let input = &args.input;
    let opts = crate::Options {
        grouping: args.grouping.grouping(),
        retain: crate::Retain::Findings { dates: true },
        ..options(input)?
    };
    let analysis = crate::analyze(&input.paths, &opts)?;
    warn_inputs(&analysis);
    let sink = Sink::new(input);
    let color = sink.color(input.color);
    deliver_listing(&sink, color, |buf| {
        timeline_report::render_text(&analysis, &TimelineOptions { color }, buf)
    })
}

fn list_claims(args: &ClaimsArgs) -> Result<u8, Error> {
    let input = &args.input;
    let analysis = crate::analyze(&input.paths, &options(input)?)?;
    warn_inputs(&analysis);
    let sink = Sink::new(input);
    let color = sink.color(input.color);
    deliver_listing(&sink, color, |buf| match args.format {
        Format::Text => claims::render_text(&analysis, &ClaimsOptions { color }, buf),
        Format::Json => claims::render_json(&analysis, buf),
    })
}

fn list_stories(args: &StoriesArgs) -> Result<u8, Error> {
    let input = &args.input;
    let analysis = crate::analyze_stories(&input.paths, &options(input)?)?;
    warn_inputs(&analysis);
    let sink = Sink::new(input);
    deliver_listing(&sink, false, |buf| match args.format {
        Format::Text => stories_report::render_text(&analysis, buf),
        Format::Json => stories_report::render_json(&analysis, buf),
    })
}

fn list_timexes(args: &TimexArgs) -> Result<u8, Error> {
    let input = &args.input;
    let analysis = crate::analyze_timexes(&input.paths, &options(input)?)?;
    warn_inputs(&analysis);
    let sink = Sink::new(input);
    let color = match args.format {
        TimexFormat::Text => sink.color(input.color),
        TimexFormat::Json | TimexFormat::Timeml => false,
    };
    deliver_listing(&sink, color, |buf| match args.format {
        TimexFormat::Text => timex_report::render_text(&analysis, &TimexOptions { color }, buf),
        TimexFormat::Json => timex_report::render_json(&analysis, buf),
        TimexFormat::Timeml => timex_report::render_timeml(&analysis, buf),
    })
}

/// Render a listing (`claims`, `stories`, `timex`) and deliver it:
/// listings exit 0 whenever they succeed.
fn deliver_listing(
    sink: &Sink<'_>,
    color: bool,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<u8, Error> {
    sink.deliver_rendered(color, render)?;
    Ok(EXIT_CLEAN)
}

/// 1 when the analysis found contradictions or inconsistencies, else 0.
pub fn exit_code(analysis: &Analysis) -> u8 {
    if analysis.has_conflicts() {
        EXIT_CONFLICTS
    } else {
        EXIT_CLEAN
    }
}

/// The pipeline options from the command line; one path given two different dates
/// is a usage error.
pub fn options(input: &InputArgs) -> Result<crate::Options, Error> {
    let mut published = BTreeMap::new();
    for p in &input.published {
        match published.insert(p.path.clone(), p.date) {
            Some(earlier) if earlier != p.date => {
                return Err(Error::Usage(format!(
                    "--published gives {} two dates: {earlier} and {}",
                    p.path, p.date
                )));
            }
            Some(_) | None => {}
        }
    }
    let mut opts = crate::Options::default();
    let (config, _) = crate::config::Config::load(input.config.as_deref())?;
    config.apply(&mut opts);
    opts.ingest.published = published;
    opts.ingest.max_file_bytes = input.max_file_size;
    opts.ingest.max_line_bytes = usize::try_from(input.max_line_length).unwrap_or(usize::MAX);
    opts.progress = crate::Progress::to(std::sync::Arc::new(Bar::default()));
    // Reports read claims and the sentences they are in, never whole texts: a large
    // pile need not hold them (`factdiff timex` keeps what it needs whatever this says).
    opts.retain = crate::Retain::Claims;
    opts.ingest.input_format = match input.input_format {
        InputFormatArg::Auto => InputFormat::Auto,
        InputFormatArg::Text => InputFormat::Text,
        InputFormatArg::Json => InputFormat::Json,
        InputFormatArg::Jsonl => InputFormat::Jsonl,
        InputFormatArg::Html => InputFormat::Html,
    };
    Ok(opts)
}

/// Least number of files for which a progress bar is shown ("more than a few
/// dozen"): below, the run is over before a bar would be read.
pub const PROGRESS_FROM: usize = 40;

/// A progress bar on standard error, drawn only when standard error is a terminal and
/// more than [`PROGRESS_FROM`] files are read; cleared when the articles are done.
#[derive(Default)]
struct Bar(std::sync::OnceLock<indicatif::ProgressBar>);

impl crate::ProgressSink for Bar {
    fn start(&self, files: usize) {
        if files < PROGRESS_FROM || !io::stderr().is_terminal() {
            return;
        }
        let bar = indicatif::ProgressBar::new(files as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} reading articles: {pos}/{len} files {wide_bar} {percent}% {elapsed}",
        ) {
            bar.set_style(style);
        }
        let _ = self.0.set(bar);
    }

    fn step(&self) {
        if let Some(bar) = self.0.get() {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.0.get() {
            bar.finish_and_clear();
        }
    }
}

/// Whether to colour, from the choice, `NO_COLOR`, `TERM` and whether the report
/// goes to a terminal.
pub fn color_enabled(choice: ColorChoice, no_color: bool, dumb_term: bool, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && !no_color && !dumb_term,
    }
}

/// How a report reached its reader.
#[derive(Debug, PartialEq, Eq)]
enum Delivery {
    Written,
    /// Standard output was a pipe whose reader had gone.
    ReaderGone,
}

/// Where the report goes: standard output or a file.
struct Sink<'a> {
    file: Option<&'a Path>,
    /// Page a long report on a terminal.
    pager: bool,
}

impl<'a> Sink<'a> {
    fn new(input: &'a InputArgs) -> Self {
        Sink {
            file: input.output.as_deref(),
            pager: !input.no_pager,
        }
    }

    fn tty(&self) -> bool {
        self.file.is_none() && io::stdout().is_terminal()
    }

    fn color(&self, choice: ColorChoice) -> bool {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let dumb = std::env::var_os("TERM").is_some_and(|v| v == "dumb");
        color_enabled(choice, no_color, dumb, self.tty())
    }

    /// The terminal's width on a terminal, else 80.
    fn width(&self) -> usize {
        const DEFAULT: usize = 80;
        if !self.tty() {
            return DEFAULT;
        }
        terminal_size::terminal_size().map_or(DEFAULT, |(w, _)| usize::from(w.0))
    }

    fn name(&self) -> String {
        self.file
            .map_or_else(|| "<stdout>".to_string(), |p| p.display().to_string())
    }

    fn error(&self, source: io::Error) -> Error {
        Error::Output {
            path: self.name(),
            source,
        }
    }

    /// Deliver what `render` writes. A file is written as it is rendered (into the
    /// temporary file that then replaces it, or straight through to a device), so a
    /// large report is never held whole in memory; standard output gets the report
    /// once it is whole, so that an error never leaves half a report and the pager
    /// is chosen by its height.
    fn deliver_rendered(
        &self,
        color: bool,
        render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<Delivery, Error> {
        match self.file {
            Some(path) => write_atomically_with(path, render)
                .map(|()| Delivery::Written)
                .map_err(|e| self.error(e)),
            None => {
                let mut buf = Vec::new();
                render(&mut buf).map_err(|e| self.error(e))?;
                self.deliver(&buf, color)
            }
        }
    }

    fn deliver(&self, bytes: &[u8], color: bool) -> Result<Delivery, Error> {
        let result = match self.file {
            Some(path) => write_atomically(path, bytes),
            None => match self.pager_for(bytes) {
                Some(command) => page(&command, bytes, color),
                None => write_stdout(bytes, color),
            },
        };
        match result {
            Ok(()) => Ok(Delivery::Written),
            Err(e) if self.file.is_none() && e.kind() == io::ErrorKind::BrokenPipe => {
                Ok(Delivery::ReaderGone)
            }
            Err(e) => Err(self.error(e)),
        }
    }
}

impl Sink<'_> {
    /// The pager command when this report should be paged: standard output is a
    /// terminal, paging is not turned off, and the report is taller than the terminal.
    fn pager_for(&self, bytes: &[u8]) -> Option<String> {
        if !self.pager || !self.tty() {
            return None;
        }
        let height = terminal_size::terminal_size().map(|(_, h)| usize::from(h.0))?;
        let lines = bytes.iter().filter(|&&b| b == b'\n').count();
        (lines >= height)
            .then(|| pager_command(std::env::var("PAGER").ok()))
            .flatten()
    }
}

/// The pager to run: `$PAGER` as a shell command, else `less -R`; none when `$PAGER`
/// is set but empty or `cat` (the usual ways of saying "no pager").
pub fn pager_command(pager_env: Option<String>) -> Option<String> {
    match pager_env.as_deref().map(str::trim) {
        None => Some("less -R".to_string()),
        Some("" | "cat") => None,
        Some(command) => Some(command.to_string()),
    }
}

/// Show `bytes` through the pager; if it cannot be started, write them directly.
/// `LESS` defaults to `FRX`: quit when the text fits, keep colours, leave it on the
/// screen.
fn page(command: &str, bytes: &[u8], color: bool) -> io::Result<()> {
    let child = std::process::Command::new("sh")
        .args(["-c", command])
        .env(
            "LESS",
            std::env::var("LESS").unwrap_or_else(|_| "FRX".into()),
        )
        .stdin(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return write_stdout(bytes, color);
    };
    if let Some(mut stdin) = child.stdin.take() {
        let choice = match color {
            true => anstream::ColorChoice::Always,
            false => anstream::ColorChoice::Never,
        };
        let raw: &mut dyn Write = &mut stdin;
        let mut input = anstream::AutoStream::new(raw, choice);
        // The reader quitting early (`q` in less) is no error.
        match input.write_all(bytes).and_then(|()| input.flush()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e),
            _ => {}
        }
    }
    child.wait().map(|_| ())
}

fn write_stdout(bytes: &[u8], color: bool) -> io::Result<()> {
    let stdout = io::stdout().lock();
    let choice = match color {
        true => anstream::ColorChoice::Always,
        false => anstream::ColorChoice::Never,
    };
    let mut out = anstream::AutoStream::new(stdout, choice);
    out.write_all(bytes)?;
    out.flush()
}

/// Write `bytes` to `path` so that `path` holds either its old content or all of
/// `bytes`, never part: a temporary file in the same folder, synced, then renamed.
///
/// Anything that exists and is not a regular file (`/dev/null`, a FIFO, a terminal)
/// is written through, never replaced; a symbolic link is followed to its target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |w| w.write_all(bytes))
}

/// [`write_atomically`] what `write` writes, as it writes it (buffered): the
/// temporary file replaces `path` only once `write` has succeeded, so `path` never
/// holds part of it.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if std::fs::metadata(&target).is_ok_and(|m| !m.is_file()) {
        let f = std::fs::OpenOptions::new().write(true).open(&target)?;
        let mut out = io::BufWriter::new(f);
        write(&mut out)?;
        return out.flush();
    }
    let path = target.as_path();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        Some(_) | None => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    keep_permissions(path, tmp.as_file())?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Give the new file the old file's permissions, or the usual 0644 for a new one
/// (temporary files are created 0600).
fn keep_permissions(path: &Path, tmp: &std::fs::File) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) => tmp.set_permissions(meta.permissions()),
        Err(_) => default_permissions(tmp),
    }
}

#[cfg(unix)]
fn default_permissions(tmp: &std::fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    tmp.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(_tmp: &std::fs::File) -> io::Result<()> {
    Ok(())
}

/// The one line printed for an error (`factdiff: ` is added by the caller).
pub fn error_line(e: &Error) -> String {
    crate::report::one_line(&e.to_string())
}

/// The one line for a clap error, or `None` when clap should print its own message
/// (help, version, or help shown because nothing was given).
pub fn usage_line(e: &clap::Error) -> Option<String> {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return None,
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            return Some(
                "a command is required: compare, claims or timex (see 'factdiff --help')".into(),
            );
        }
        _ => {}
    }
    let full = e.to_string();
    let first_paragraph = full.split("\n\n").next().unwrap_or_default();
    let message = first_paragraph.trim().trim_start_matches("error:");
    Some(format!(
        "{} (see 'factdiff --help')",
        crate::report::one_line(message)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_valid() {
        Cli::command().debug_assert();
    }

    #[test]
    fn published_splits_at_the_last_equals_sign() {
        let p = parse_published("a=b.txt=2014-02-13").expect("valid");
        assert_eq!(p.path, "a=b.txt");
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2014, 2, 13).expect("date"));
        assert!(parse_published("a.txt").is_err());
        assert!(parse_published("=2014-02-13").is_err());
        assert!(parse_published("a.txt=13/02/2014").is_err());
        assert!(parse_published("a.txt=2014-02-30").is_err());
    }

    #[test]
    fn colour_rules() {
        use ColorChoice::{Always, Auto, Never};
        assert!(color_enabled(Always, true, true, false));
        assert!(!color_enabled(Never, false, false, true));
        assert!(color_enabled(Auto, false, false, true));
        assert!(!color_enabled(Auto, true, false, true));
        assert!(!color_enabled(Auto, false, true, true));
        assert!(!color_enabled(Auto, false, false, false));
    }

    #[test]
    fn same_path_two_dates_is_a_usage_error() {
        let cli = Cli::try_parse_from([
            "factdiff",
            "compare",
            "a.txt",
            "--published",
            "a.txt=2014-02-13",
            "--published",
            "a.txt=2014-02-14",
        ])
        .expect("parses");
        let Command::Compare(args) = cli.command else {
            panic!("compare");
        };
        let e = options(&args.input).expect_err("two dates");
        assert!(matches!(e, Error::Usage(_)));
    }

    #[test]
    fn timex_takes_the_shared_options_and_its_own_formats() {
        let cli = Cli::try_parse_from([
            "factdiff",
            "timex",
            "a.txt",
            "--format",
            "timeml",
            "--published",
            "a.txt=2014-02-13",
            "-o",
            "out.xml",
        ])
        .expect("parses");
        let Command::Timex(args) = cli.command else {
            panic!("timex");
        };
        assert_eq!(args.format, TimexFormat::Timeml);
        assert_eq!(args.input.paths, ["a.txt"]);
        assert_eq!(args.input.output.as_deref(), Some(Path::new("out.xml")));
        assert_eq!(
            options(&args.input)
                .expect("options")
                .ingest
                .published
                .len(),
            1
        );
        assert!(
            Cli::try_parse_from(["factdiff", "claims", "a.txt", "--format", "timeml"]).is_err()
        );
    }

    #[test]
    fn usage_errors_are_one_line() {
        let e = Cli::try_parse_from(["factdiff", "compare", "a.txt", "--bogus"]).expect_err("bad");
        let line = usage_line(&e).expect("a usage error");
        assert!(line.contains("--bogus"), "{line}");
        assert!(!line.contains('\n'));
        let e = Cli::try_parse_from(["factdiff", "compare"]).expect_err("no paths");
        let line = usage_line(&e).expect("a usage error");
        assert!(line.contains("<PATH>"), "{line}");
        let e = Cli::try_parse_from(["factdiff", "--help"]).expect_err("help");
        assert!(usage_line(&e).is_none());
    }

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.json");
        write_atomically(&path, b"first").expect("write");
        write_atomically(&path, b"second").expect("rewrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"second");
        let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
        assert_eq!(leftovers, 1, "no temporary file left behind");
    }
}
