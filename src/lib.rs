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

use model::Analysis;

/// Settings for one run of the pipeline.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub ingest: ingest::IngestOptions,
}

/// Run the whole pipeline on the articles named by `inputs`.
pub fn analyze(inputs: &[String], opts: &Options) -> Result<Analysis, Error> {
    let _ = (inputs, opts);
    unimplemented!("pipeline")
}
