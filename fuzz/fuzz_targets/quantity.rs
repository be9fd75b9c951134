//! Parse quantities in arbitrary text: spans are ordered, disjoint slices on char
//! boundaries; every interval is finite and ordered; count intervals too.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    let mut prev_end = 0;
    for q in factdiff::quantity::find(&text) {
        let (s, e) = (q.span.start, q.span.end);
        assert!(
            s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e),
            "quantity {s}..{e} is not a slice of the text"
        );
        assert!(s >= prev_end, "quantities overlap at {s}");
        prev_end = e;
        assert!(q.low.is_finite(), "low bound {} of {:?}", q.low, q.display);
        if let Some(h) = q.high {
            assert!(h.is_finite() && q.low <= h, "{} > {h} for {:?}", q.low, q.display);
        }
    }
    for words in text.split([',', ';', '\n']).take(64) {
        if let Some((low, high)) = factdiff::quantity::count_interval(words.trim(), None) {
            assert!(low.is_finite() && high.is_none_or(|h| h.is_finite() && low <= h));
        }
    }
});
