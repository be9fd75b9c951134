//! Clean: mark what is not the article's own text.

use crate::model::{Article, Cleaned};

/// Decide which parts of the article's body are its own text.
pub fn clean(article: &Article) -> Cleaned {
    let _ = article;
    unimplemented!("clean")
}
