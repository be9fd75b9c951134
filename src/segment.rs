//! Segment: split the kept text into sentences.

use crate::model::{Article, Cleaned, Sentence};

/// Split the kept text of `article` into sentences with byte spans and line numbers.
pub fn segment(article: &Article, cleaned: &Cleaned) -> Vec<Sentence> {
    let _ = (article, cleaned);
    unimplemented!("segment")
}
