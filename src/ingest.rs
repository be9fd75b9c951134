//! Ingest: read the articles named on the command line.
//!
//! (Helper fills this in: see the module contract in the task.)

use crate::error::Error;
use crate::model::Article;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Options that change how articles are read.
#[derive(Clone, Debug, Default)]
pub struct IngestOptions {
    /// `--published PATH=DATE`: publication dates given on the command line, keyed by
    /// the path as the user wrote it.
    pub published: BTreeMap<String, NaiveDate>,
}

/// Read every article named by `inputs` (files, or folders searched recursively for
/// `*.txt` and `*.md`), in a deterministic order.
pub fn ingest(inputs: &[String], opts: &IngestOptions) -> Result<Vec<Article>, Error> {
    let _ = (inputs, opts);
    unimplemented!("ingest")
}
