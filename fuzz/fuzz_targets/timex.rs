//! Recognize and tag time expressions in arbitrary text with a fixed creation time:
//! every span is on char boundaries and slices to the expression's text.
#![no_main]

mod common;

use factdiff::model::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    let mut prev_end = 0;
    for m in factdiff::timex::recognize::recognize(&text) {
        assert!(
            m.start < m.end
                && m.end <= text.len()
                && text.is_char_boundary(m.start)
                && text.is_char_boundary(m.end),
            "recognize: mention {}..{} is not a slice of the text",
            m.start,
            m.end
        );
        assert!(m.start >= prev_end, "recognize: mentions overlap");
        prev_end = m.end;
    }
    let article = Article::from_text("fuzz.txt", &text).published_on(common::dct());
    let cleaned = factdiff::clean::clean(&article);
    let sentences = factdiff::segment::segment(&article, &cleaned);
    let timexes = factdiff::timex::tag(&article, &sentences, Some(common::dct()));
    common::check_timexes(&article, &sentences, &timexes);
});
