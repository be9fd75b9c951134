//! Ingest of arbitrary file bytes: front matter, BOM, decoding, title and URL date.
//! Errors are fine; panics are not. An article that is read must have a body on char
//! boundaries, and cleaning and splitting it must keep the sentence invariants.
#![no_main]

mod common;

use factdiff::ingest::{IngestOptions, ingest};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

/// One temporary folder for the whole run; each input overwrites the same file.
static DIR: LazyLock<tempfile::TempDir> =
    LazyLock::new(|| tempfile::tempdir().expect("a temporary folder"));

fuzz_target!(|data: &[u8]| {
    let path = DIR.path().join("article.txt");
    std::fs::write(&path, data).expect("write the input");
    let input = path.to_string_lossy().into_owned();
    let Ok(articles) = ingest(&[input], &IngestOptions::default()) else {
        return;
    };
    for a in &articles {
        assert_eq!(a.text.as_bytes(), data, "text is the file exactly");
        assert!(a.body.start <= a.body.end && a.body.end == a.text.len());
        assert!(
            a.text.is_char_boundary(a.body.start),
            "body start {}",
            a.body.start
        );
        let cleaned = factdiff::clean::clean(a);
        let sentences = factdiff::segment::segment(a, &cleaned);
        common::check_sentences(a, &sentences);
    }
});
