//! Two articles from one input (split in the middle, on a char boundary): the first
//! dated, the second not (so its date is found in the text or inferred from the
//! first). The whole pipeline must not panic, and every finding's claims must slice
//! their articles' text.
#![no_main]

mod common;

use factdiff::Options;
use factdiff::model::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    let mut mid = text.len() / 2;
    while !text.is_char_boundary(mid) {
        mid -= 1;
    }
    let (a, b) = text.split_at(mid);
    let articles = vec![
        Article::from_text("a.txt", a).published_on(common::dct()),
        Article::from_text("b.txt", b),
    ];
    let analysis = factdiff::analyze_articles(articles, &Options::default());
    common::check_analysis(&analysis);
});
