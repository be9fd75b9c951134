//! The whole pipeline after ingest on one dated article: every claim's span slices the
//! text to its mention, and every finding refers to real claims.
#![no_main]

mod common;

use factdiff::Options;
use factdiff::model::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    let article = Article::from_text("fuzz.txt", &text).published_on(common::dct());
    let analysis = factdiff::analyze_articles(vec![article], &Options::default());
    common::check_analysis(&analysis);
});
