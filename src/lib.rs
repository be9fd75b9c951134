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
//! [`evaluate`] scores the whole pipeline on hand-annotated ECB+ clusters; [`config`]
//! reads the config file.

pub mod align;
pub mod clean;
pub mod cli;
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
}

/// Told how far a run has got, for a progress bar: the library draws nothing itself.
pub trait ProgressSink: Send + Sync {
    /// The files are read: `steps` steps will follow (two per article: reading its
    /// times, then its claims).
    fn start(&self, steps: usize);
    /// One step done (called from any thread).
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

    fn start(&self, steps: usize) {
        if let Some(p) = &self.0 {
            p.start(steps);
        }
    }

    fn step(&self) {
        if let Some(p) = &self.0 {
            p.step();
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
pub fn analyze(inputs: &[String], opts: &Options) -> Result<Analysis, Error> {
    let (articles, skipped) = ingest::ingest_reporting(inputs, &opts.ingest)?;
    Ok(Analysis {
        skipped,
        ..analyze_articles(articles, opts)
    })
}

/// Run the pipeline only as far as the time expressions (for `factdiff timex`): the
/// articles, their dates and their anchored time expressions exactly as
/// [`analyze`] has them, with no claims and no findings.
pub fn analyze_timexes(inputs: &[String], opts: &Options) -> Result<Analysis, Error> {
    let (articles, skipped) = ingest::ingest_reporting(inputs, &opts.ingest)?;
    Ok(Analysis {
        articles: read_times(articles, &Progress::default()),
        findings: Vec::new(),
        skipped,
    })
}

/// Run the pipeline as far as story grouping (for `factdiff stories`): the articles with
/// their dates and stories, no claims and no findings.
pub fn analyze_stories(inputs: &[String], opts: &Options) -> Result<Analysis, Error> {
    let (articles, skipped) = ingest::ingest_reporting(inputs, &opts.ingest)?;
    let mut analyzed = read_times(articles, &Progress::default());
    group_into_stories(&mut analyzed, opts);
    Ok(Analysis {
        articles: analyzed,
        findings: Vec::new(),
        skipped,
    })
}

/// Run every stage after ingest on articles already read.
///
/// Articles are put in path order first, so the result does not depend on the order in
/// which the same files were named.
pub fn analyze_articles(articles: Vec<Article>, opts: &Options) -> Analysis {
    opts.progress.start(2 * articles.len());
    let mut analyzed = read_times(articles, &opts.progress);
    analyzed.par_iter_mut().enumerate().for_each(|(i, a)| {
        a.claims = extract::extract(i, &a.article, &a.sentences, &a.timexes);
        opts.progress.step();
    });
    opts.progress.finish();
    group_into_stories(&mut analyzed, opts);
    let groups = align::align(&analyzed, &opts.align);
    let mut findings = compare::compare(&analyzed, &groups);
    findings.extend(compare::self_check(&analyzed));
    compare::sort(&mut findings);
    Analysis {
        articles: analyzed,
        findings,
        skipped: Vec::new(),
    }
}

/// Number every article with the story it reports (all 0 for one story).
fn group_into_stories(analyzed: &mut [Analyzed], opts: &Options) {
    let stories = match opts.grouping {
        Grouping::Stories => stories::stories_with(analyzed, &opts.stories),
        Grouping::OneStory => vec![0; analyzed.len()],
    };
    for (a, story) in analyzed.iter_mut().zip(stories) {
        a.story = story;
    }
}

/// Clean, segment, date and time-tag every article (claims still empty): the stages
/// up to and including timex, with publication dates inferred across articles.
fn read_times(mut articles: Vec<Article>, progress: &Progress) -> Vec<Analyzed> {
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    // Articles are independent up to date inference: both cores work, and `collect`
    // keeps path order, so the output is the same whatever the thread count.
    let mut analyzed: Vec<Analyzed> = articles
        .into_par_iter()
        .map(|mut article| {
            let cleaned = clean::clean(&article);
            let sentences = segment::segment(&article, &cleaned);
            // A date stated in the text outranks one read off the URL.
            let url_or_none = article
                .published
                .as_ref()
                .is_none_or(|p| p.from == model::DateSource::Url);
            if url_or_none && let Some(p) = timex::dct::from_text(&article) {
                article.published = Some(p);
            }
            let timexes = timex::tag(&article, &sentences, published(&article));
            progress.step();
            Analyzed {
                article,
                cleaned,
                sentences,
                timexes,
                claims: Vec::new(),
                story: 0,
            }
        })
        .collect();
    infer_dates(&mut analyzed);
    analyzed
}

fn published(a: &Article) -> Option<chrono::NaiveDate> {
    a.published.as_ref().map(|p| p.date)
}

/// Give undated articles a date inferred from the others, and re-anchor their times.
fn infer_dates(analyzed: &mut [Analyzed]) {
    let inferred = {
        let dated: Vec<timex::dct::Dated> = analyzed
            .iter()
            .map(|a| timex::dct::Dated {
                path: &a.article.path,
                published: published(&a.article),
                timexes: &a.timexes,
            })
            .collect();
        timex::dct::infer(&dated)
    };
    analyzed.par_iter_mut().zip(inferred).for_each(|(a, p)| {
        if let Some(p) = p {
            a.article.published = Some(p);
            a.timexes = timex::tag(&a.article, &a.sentences, published(&a.article));
        }
    });
}
