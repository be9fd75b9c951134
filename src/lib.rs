//! factdiff: compare what several news articles say about one story.
//!
//! The pipeline, one module per stage, plain data ([`model`]) passed forward:
//!
//! ```text
//! ingest → clean → segment → timex → extract → stories → align → compare → report
//! ```
//!
//! * [`ingest`] reads files, folders, web pages and crawler JSON, front matter, and the
//!   publication date when the command line, front matter, metadata or URL give it.
//! * [`clean`] marks what is not the article's own text (photo credits, navigation,
//!   footers, reader comments).
//! * [`segment`] splits the kept text into sentences with byte spans and line numbers.
//! * [`timex`] finds time expressions and anchors them to the publication date, which it
//!   also finds in the text or infers when nothing states it.
//! * [`extract`] turns sentences and their time expressions into typed claims with a
//!   topic, actors and places.
//!   Measured quantities come from [`quantity`], a parser with no idea what they are
//!   about.
//! * [`stories`] groups the articles that report one story (cosine of words, names and
//!   dated months over candidate pairs from an inverted index; average linkage):
//!   claims of two stories are never compared.
//! * [`align`] groups the claims of different articles that speak of one fact.
//! * [`compare`] gives each group a verdict and checks each article against itself.
//! * [`report`] renders the result to any writer: text, JSON, JSON Lines, Markdown,
//!   HTML, ClaimReview, a timeline.
//!
//! The stages up to extract are the article's own and run as each chunk of files is
//! read ([`ReadChunk`]), both cores at once; with [`Retain::Claims`] an article then
//! keeps only its claims and the sentences they are in, so a large pile never holds
//! all its texts. Date inference, stories, align and compare look across articles and
//! run once all are read. With [`Retain::Findings`] (what `compare` uses) the files
//! are read twice instead ([`by_story`]): once for dates and stories, then a batch of
//! whole stories at a time for claims and findings, so that claims are held a story
//! at a time and only those a report shows are kept.
//!
//! [`evaluate`] scores the whole pipeline on hand-annotated ECB+ clusters; [`config`]
//! reads the config file.

pub mod align;
pub mod by_story;
pub mod clean;
pub mod cli;
pub mod clues;
pub mod compare;
pub mod config;
pub mod error;
pub mod evaluate;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod quantity;
pub mod report;
pub mod segment;
pub mod stories;
pub mod timex;
pub mod wordre;

pub use error::Error;

/// jemalloc, not glibc's malloc, serves every allocation: the stages allocate about
/// once per byte of text on both cores at once, and glibc's arenas made a run of
/// 100 000 articles take 31 s against 18 s, for about the same peak memory (README,
/// "Dependencies"). Library users who want their own allocator turn off the default
/// `jemalloc` feature.
#[cfg(all(feature = "jemalloc", target_os = "linux"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, which it reads at start-up from this symbol: freed pages go
/// back to the system after 0.1 s rather than 10 s, which keeps the peak of a long
/// run near glibc's (218 MB against 225 MB on 100 000 articles; 244 MB with the
/// default) at no measurable cost in time.
#[cfg(all(feature = "jemalloc", target_os = "linux"))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &[u8; 19] = b"dirty_decay_ms:100\0";

use model::{Analysis, Analyzed, Article};
use rayon::prelude::*;

/// Settings for one run of the pipeline.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub ingest: ingest::IngestOptions,
    pub align: align::AlignOptions,
    pub grouping: Grouping,
    pub stories: stories::StoryOptions,
    pub progress: Progress,
    pub retain: Retain,
    pub chunk: ReadChunk,
}

/// How many files are read, and taken through their own stages, at once: enough to
/// keep both cores busy, few enough that a chunk's texts and tags are a small part of
/// a large run's memory. The result does not depend on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadChunk(pub usize);

impl Default for ReadChunk {
    fn default() -> Self {
        ReadChunk(1024)
    }
}

/// What the analysis keeps of each article once its own stages are done.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Retain {
    /// Everything every stage made: text, sentences, time expressions, claims.
    #[default]
    Everything,
    /// What the reports of claims and findings read: each article's claims and the
    /// sentences they are in, but not its text or time expressions
    /// ([`model::Analyzed::compact`]). A large pile then costs memory for its claims,
    /// not for its texts.
    Claims,
    /// What the reports of findings read, with memory bounded by the largest story
    /// rather than the input: the files are read twice ([`by_story`]), once to group
    /// the articles into stories and once a batch of stories at a time to read and
    /// compare their claims. An article then keeps its metadata and only the claims a
    /// report of findings shows, with their sentences: those in a finding, and with
    /// `dates` every date claim too (the timelines of `factdiff timeline` and the HTML
    /// report draw them); [`model::Analyzed::claim_count`] still counts all.
    Findings { dates: bool },
}

/// Told how far a run has got, for a progress bar: the library draws nothing itself.
pub trait ProgressSink: Send + Sync {
    /// The inputs are found: `files` files will be read (a crawler file may hold
    /// many articles; a run by story, [`Retain::Findings`], announces each file
    /// twice, and its second pass steps once per article).
    fn start(&self, files: usize);
    /// One file read and its articles' times and claims read (called in file order).
    fn step(&self);
    /// The per-article stages are over.
    fn finish(&self);
}

/// Where progress goes: nowhere by default.
#[derive(Clone, Default)]
pub struct Progress(Option<std::sync::Arc<dyn ProgressSink>>);

impl Progress {
    pub fn to(sink: std::sync::Arc<dyn ProgressSink>) -> Self {
        Progress(Some(sink))
    }

    fn start(&self, files: usize) {
        if let Some(p) = &self.0 {
            p.start(files);
        }
    }

    fn steps(&self, n: usize) {
        if let Some(p) = &self.0 {
            (0..n).for_each(|_| p.step());
        }
    }

    fn finish(&self) {
        if let Some(p) = &self.0 {
            p.finish();
        }
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(on)"
        } else {
            "Progress(off)"
        })
    }
}

/// Whether the articles are first grouped into stories.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grouping {
    /// Group them ([`stories`]) and compare claims only within a story.
    #[default]
    Stories,
    /// The articles are one story, as the user says.
    OneStory,
}

/// Run the whole pipeline on the articles named by `inputs`.
///
/// The files are read a [`ReadChunk`] at a time, and each article's own stages run as
/// soon as it is read; with [`Retain::Claims`] its text is dropped then, so the texts
/// of a large pile are never all in memory at once.
pub fn analyze(inputs: &[String], opts: &Options) -> Result<Analysis, Error> {
    run(ingest::list(inputs, &opts.ingest)?, opts, Through::Claims)
}

/// Run the pipeline only as far as the time expressions (for `factdiff timex`): the
/// articles, their dates and their anchored time expressions exactly as
/// [`analyze`] has them, with no claims and no findings.
pub fn analyze_timexes(inputs: &[String], opts: &Options) -> Result<Analysis, Error> {
    run(ingest::list(inputs, &opts.ingest)?, opts, Through::Times)
}

/// Run the pipeline as far as story grouping (for `factdiff stories`): the articles with
/// their dates and stories, no claims and no findings.
pub fn analyze_stories(inputs: &[String], opts: &Options) -> Result<Analysis, Error> {
    run(ingest::list(inputs, &opts.ingest)?, opts, Through::Stories)
}

/// Run every stage after ingest on articles already read.
///
/// Articles are put in path order first, so the result does not depend on the order in
/// which the same files were named.
pub fn analyze_articles(articles: Vec<Article>, opts: &Options) -> Analysis {
    match run(InMemory(articles), opts, Through::Claims) {
        Ok(analysis) => analysis,
        Err(e) => unreachable!("articles in memory cannot fail to be read: {e}"),
    }
}

/// How far a run goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Through {
    /// Dates and time expressions.
    Times,
    /// Dates, time expressions and stories.
    Stories,
    /// Everything: claims, stories, findings.
    Claims,
}

/// Where a run's articles come from, a slice of files at a time.
pub(crate) trait Source {
    fn files(&self) -> usize;
    fn read(&mut self, files: std::ops::Range<usize>) -> Result<Vec<Article>, Error>;
    /// Whether file `file` can be read a second time (standard input cannot).
    fn rereadable(&self, file: usize) -> bool;
    /// The articles of file `file` read again (from several threads at once).
    fn read_again(&self, file: usize) -> Result<Vec<Article>, Error>;
    fn into_skipped(self) -> Vec<model::Skipped>;
}

impl Source for ingest::Listing {
    fn files(&self) -> usize {
        self.len()
    }
    fn read(&mut self, files: std::ops::Range<usize>) -> Result<Vec<Article>, Error> {
        ingest::Listing::read(self, files)
    }
    fn rereadable(&self, file: usize) -> bool {
        ingest::Listing::rereadable(self, file)
    }
    fn read_again(&self, file: usize) -> Result<Vec<Article>, Error> {
        ingest::Listing::read_again(self, file)
    }
    fn into_skipped(self) -> Vec<model::Skipped> {
        ingest::Listing::into_skipped(self)
    }
}

/// Articles the caller has read already: each is one "file".
struct InMemory(Vec<Article>);

impl Source for InMemory {
    fn files(&self) -> usize {
        self.0.len()
    }
    fn read(&mut self, files: std::ops::Range<usize>) -> Result<Vec<Article>, Error> {
        Ok(self.0[files]
            .iter_mut()
            .map(|a| std::mem::replace(a, Article::from_text("", "")))
            .collect())
    }
    /// Taken out when read: kept by the caller of `read` if needed again.
    fn rereadable(&self, _file: usize) -> bool {
        false
    }
    fn read_again(&self, _file: usize) -> Result<Vec<Article>, Error> {
        Ok(Vec::new())
    }
    fn into_skipped(self) -> Vec<model::Skipped> {
        Vec::new()
    }
}

/// An article through its own stages, with what the stages across articles need.
struct Staged {
    analyzed: Analyzed,
    /// For date inference.
    profile: timex::dct::Profile,
    /// For story grouping; counted once the article's date is final.
    features: Option<stories::Features>,
    /// Read before its date was inferred: its times (and the rest) are read again.
    undated: bool,
}

fn run(
    mut source: impl Source + Sync,
    opts: &Options,
    through: Through,
) -> Result<Analysis, Error> {
    if let (Through::Claims, Retain::Findings { dates }) = (through, opts.retain) {
        return by_story::run(source, opts, dates);
    }
    let files = source.files();
    opts.progress.start(files);
    let mut vocabulary = stories::Vocabulary::default();
    let mut staged = Vec::new();
    let chunk = opts.chunk.0.max(1);
    for first in (0..files).step_by(chunk) {
        let range = first..files.min(first + chunk);
        let n = range.len();
        let articles = source.read(range)?;
        staged.extend(stage_chunk(articles, &mut vocabulary, opts, through));
        opts.progress.steps(n);
    }
    opts.progress.finish();
    // Path order, whatever order the files were named in (a stable sort: an article
    // named twice under two spellings keeps its place).
    staged.sort_by(|a, b| a.analyzed.article.path.cmp(&b.analyzed.article.path));
    infer_dates(&mut staged);
    finish_undated(&mut staged, &mut vocabulary, opts, through);
    number_claims(&mut staged);
    let skipped = source.into_skipped();
    let (mut analyzed, features): (Vec<Analyzed>, Vec<Option<stories::Features>>) =
        staged.into_iter().map(|s| (s.analyzed, s.features)).unzip();
    if through == Through::Times {
        return Ok(Analysis {
            articles: analyzed,
            findings: Vec::new(),
            skipped,
        });
    }
    group_into_stories(&mut analyzed, features, vocabulary, opts);
    let findings = match through {
        Through::Claims => {
            let groups = align::align(&analyzed, &opts.align);
            let mut findings = compare::compare(&analyzed, &groups);
            findings.extend(compare::self_check(&analyzed));
            compare::sort(&mut findings);
            findings
        }
        Through::Times | Through::Stories => Vec::new(),
    };
    Ok(Analysis {
        articles: analyzed,
        findings,
        skipped,
    })
}

/// The stages of a chunk of articles, each on its own (both cores): an article whose
/// date is known is taken through to its claims and story features; one without waits
/// for the others' dates.
fn stage_chunk(
    articles: Vec<Article>,
    vocabulary: &mut stories::Vocabulary,
    opts: &Options,
    through: Through,
) -> Vec<Staged> {
    // `collect` keeps file order, so the result is the same whatever the thread count.
    let mut chunk: Vec<Staged> = articles
        .into_par_iter()
        .map(|article| {
            let mut analyzed = read_times(article);
            let date = published(&analyzed.article);
            let profile = timex::dct::Profile::of(date, &analyzed.timexes);
            let undated = date.is_none();
            if undated && compacts(opts, through) {
                // Read again once dates are inferred: only the text waits.
                analyzed.cleaned = model::Cleaned::default();
                analyzed.sentences = Vec::new();
                analyzed.timexes = Vec::new();
            } else if !undated && through == Through::Claims {
                extract_claims(&mut analyzed);
            }
            Staged {
                analyzed,
                profile,
                features: None,
                undated,
            }
        })
        .collect();
    let dated: Vec<&mut Staged> = chunk.iter_mut().filter(|s| !s.undated).collect();
    count_features(dated, vocabulary, opts, through);
    chunk
}

/// Count the story features of articles whose date is final (in the order given, so
/// that ids are assigned deterministically), then compact them if asked.
fn count_features(
    staged: Vec<&mut Staged>,
    vocabulary: &mut stories::Vocabulary,
    opts: &Options,
    through: Through,
) {
    if through == Through::Times {
        return;
    }
    let counts: Vec<stories::Counts> = staged
        .par_iter()
        .map(|s| stories::counts(&s.analyzed))
        .collect();
    for (s, c) in staged.into_iter().zip(counts) {
        s.features = Some(vocabulary.intern(c));
        if compacts(opts, through) {
            s.analyzed.compact();
        }
    }
}

/// Whether articles are compacted once through their own stages: as asked, except
/// when the time expressions are what the run is for.
fn compacts(opts: &Options, through: Through) -> bool {
    opts.retain != Retain::Everything && through != Through::Times
}

/// Clean, segment, date and time-tag one article (claims still empty). A date stated
/// in the text outranks one read off the URL.
pub(crate) fn read_times(mut article: Article) -> Analyzed {
    let cleaned = clean::clean(&article);
    let sentences = segment::segment(&article, &cleaned);
    let url_or_none = article
        .published
        .as_ref()
        .is_none_or(|p| p.from == model::DateSource::Url);
    if url_or_none && let Some(p) = timex::dct::from_text(&article) {
        article.published = Some(p);
    }
    let timexes = timex::tag(&article, &sentences, published(&article));
    Analyzed {
        article,
        cleaned,
        sentences,
        timexes,
        claims: Vec::new(),
        story: 0,
        sentences_dropped: 0,
        claims_dropped: 0,
    }
}

fn extract_claims(a: &mut Analyzed) {
    // The article's place is set once all articles are in order (`number_claims`).
    a.claims = extract::extract(0, &a.article, &a.sentences, &a.timexes);
}

pub(crate) fn published(a: &Article) -> Option<chrono::NaiveDate> {
    a.published.as_ref().map(|p| p.date)
}

/// Give undated articles a date inferred from the others (in path order).
fn infer_dates(staged: &mut [Staged]) {
    let inferred = {
        let dated: Vec<timex::dct::Dated> = staged
            .iter()
            .map(|s| timex::dct::Dated {
                path: &s.analyzed.article.path,
                published: published(&s.analyzed.article),
                profile: &s.profile,
            })
            .collect();
        timex::dct::infer(&dated)
    };
    for (s, p) in staged.iter_mut().zip(inferred) {
        if let Some(p) = p {
            s.analyzed.article.published = Some(p);
        }
    }
}

/// Take the articles that waited for date inference through their stages, with the
/// date inferred (or none): their times are read again where the date changed them or
/// where they were dropped while waiting.
fn finish_undated(
    staged: &mut [Staged],
    vocabulary: &mut stories::Vocabulary,
    opts: &Options,
    through: Through,
) {
    let mut waiting: Vec<&mut Staged> = staged.iter_mut().filter(|s| s.undated).collect();
    // A chunk at a time, so that only one chunk's texts are read out at once.
    for chunk in waiting.chunks_mut(opts.chunk.0.max(1)) {
        chunk.par_iter_mut().for_each(|s| {
            let a = &mut s.analyzed;
            let dated = a.article.published.is_some();
            let dropped = compacts(opts, through);
            if dropped {
                a.cleaned = clean::clean(&a.article);
                a.sentences = segment::segment(&a.article, &a.cleaned);
            }
            if dated || dropped {
                a.timexes = timex::tag(&a.article, &a.sentences, published(&a.article));
            }
            if through == Through::Claims {
                extract_claims(a);
            }
        });
        count_features(
            chunk.iter_mut().map(|s| &mut **s).collect(),
            vocabulary,
            opts,
            through,
        );
    }
}

/// Give every claim its article's place in the (sorted) run.
fn number_claims(staged: &mut [Staged]) {
    for (i, s) in staged.iter_mut().enumerate() {
        s.analyzed.claims.iter_mut().for_each(|c| c.article = i);
    }
}

/// Number every article with the story it reports (all 0 for one story).
fn group_into_stories(
    analyzed: &mut [Analyzed],
    features: Vec<Option<stories::Features>>,
    vocabulary: stories::Vocabulary,
    opts: &Options,
) {
    let stories = match opts.grouping {
        Grouping::Stories => {
            let dates: Vec<_> = analyzed.iter().map(|a| published(&a.article)).collect();
            let features = features
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect();
            stories::group(vocabulary, features, &dates, &opts.stories)
        }
        Grouping::OneStory => vec![0; analyzed.len()],
    };
    for (a, story) in analyzed.iter_mut().zip(stories) {
        a.story = story;
    }
}
