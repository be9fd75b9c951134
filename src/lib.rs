//! factdiff: compare what several news articles say about one story.
//!
//! The pipeline, one module per stage, plain data ([`model`]) passed forward:
//!
//! ```text
//! ingest → clean → segment → timex → extract → align → compare → report
//! ```
//!
//! * [`ingest`] reads files and folders, front matter, and the publication date when
//!   the command line, front matter or URL give it.
//! * [`clean`] marks what is not the article's own text (photo credits, navigation,
//!   footers, reader comments).
//! * [`segment`] splits the kept text into sentences with byte spans and line numbers.
//! * [`timex`] finds time expressions and anchors them to the publication date, which it
//!   also finds in the text or infers when nothing states it.
//! * [`extract`] turns sentences and their time expressions into typed claims with a
//!   topic, actors and places.
//! * [`align`] groups the claims of different articles that speak of one fact.
//! * [`compare`] gives each group a verdict and checks each article against itself.
//! * [`report`] renders the result as text or JSON to any writer.

pub mod align;
pub mod clean;
pub mod cli;
pub mod compare;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod report;
pub mod segment;
pub mod timex;

pub use error::Error;

use model::{Analysis, Analyzed, Article, Cleaned, Sentence};

/// Settings for one run of the pipeline.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub ingest: ingest::IngestOptions,
    pub align: align::AlignOptions,
}

/// Run the whole pipeline on the articles named by `inputs`.
pub fn analyze(inputs: &[String], opts: &Options) -> Result<Analysis, Error> {
    let articles = ingest::ingest(inputs, &opts.ingest)?;
    Ok(analyze_articles(articles, opts))
}

/// Run every stage after ingest on articles already read.
///
/// Articles are put in path order first, so the result does not depend on the order in
/// which the same files were named.
pub fn analyze_articles(mut articles: Vec<Article>, opts: &Options) -> Analysis {
    articles.sort_by(|a, b| a.path.cmp(&b.path));
    let mut prepared: Vec<(Article, Cleaned, Vec<Sentence>)> = articles
        .into_iter()
        .map(|mut a| {
            let cleaned = clean::clean(&a);
            let sentences = segment::segment(&a, &cleaned);
            // A date stated in the text outranks one read off the URL.
            let url_or_none = a
                .published
                .as_ref()
                .is_none_or(|p| p.from == model::DateSource::Url);
            if url_or_none && let Some(p) = timex::dct::from_text(&a) {
                a.published = Some(p);
            }
            (a, cleaned, sentences)
        })
        .collect();
    let mut timexes: Vec<_> = prepared
        .iter()
        .map(|(a, _, s)| timex::tag(a, s, a.published.as_ref().map(|p| p.date)))
        .collect();
    infer_dates(&mut prepared, &mut timexes);
    let analyzed: Vec<Analyzed> = prepared
        .into_iter()
        .zip(timexes)
        .enumerate()
        .map(|(i, ((article, cleaned, sentences), timexes))| {
            let claims = extract::extract(i, &article, &sentences, &timexes);
            Analyzed {
                article,
                cleaned,
                sentences,
                timexes,
                claims,
            }
        })
        .collect();
    let groups = align::align(&analyzed, &opts.align);
    let mut findings = compare::compare(&analyzed, &groups);
    findings.extend(compare::self_check(&analyzed));
    compare::sort(&mut findings);
    Analysis {
        articles: analyzed,
        findings,
    }
}

/// Give undated articles a date inferred from the others, and re-anchor their times.
fn infer_dates(
    prepared: &mut [(Article, Cleaned, Vec<Sentence>)],
    timexes: &mut [Vec<model::Timex>],
) {
    let inferred = {
        let dated: Vec<timex::dct::Dated> = prepared
            .iter()
            .zip(timexes.iter())
            .map(|((a, _, _), t)| timex::dct::Dated {
                path: &a.path,
                published: a.published.as_ref().map(|p| p.date),
                timexes: t,
            })
            .collect();
        timex::dct::infer(&dated)
    };
    for (i, p) in inferred.into_iter().enumerate() {
        if let Some(p) = p {
            let (a, _, s) = &mut prepared[i];
            a.published = Some(p);
            timexes[i] = timex::tag(a, s, a.published.as_ref().map(|p| p.date));
        }
    }
}
