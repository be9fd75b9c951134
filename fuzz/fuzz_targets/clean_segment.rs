//! Clean and segment arbitrary text: every sentence slices the text exactly.
#![no_main]

mod common;

use factdiff::model::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    let article = Article::from_text("fuzz.txt", &text);
    let cleaned = factdiff::clean::clean(&article);
    for span in cleaned
        .kept
        .iter()
        .chain(cleaned.dropped.iter().map(|(s, _)| s))
    {
        assert!(
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "clean: span {span:?} is not a slice of the text"
        );
    }
    let sentences = factdiff::segment::segment(&article, &cleaned);
    common::check_sentences(&article, &sentences);
});
