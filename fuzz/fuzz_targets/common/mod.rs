//! Invariant checks shared by the fuzz targets.
//!
//! Each check panics with a message naming the broken invariant, so libFuzzer records
//! the input as a crash. They restate the invariants documented in `src/model.rs`,
//! `src/segment.rs` and `src/timex/mod.rs`.

#![allow(dead_code)]

use chrono::NaiveDate;
use factdiff::model::{Analysis, Article, Sentence, Span, Timex};

/// The fixed document creation time the dated targets use.
pub fn dct() -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 2, 13).expect("valid date")
}

/// Fuzzer bytes as text: invalid UTF-8 becomes U+FFFD, so every input reaches the
/// pipeline.
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// `span` lies inside `text`, starts and ends on char boundaries, and slices to `want`.
pub fn check_span(text: &str, span: Span, want: &str, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} out of range (text is {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
    assert_eq!(
        &text[span.start..span.end],
        want,
        "{what}: text[span] differs"
    );
}

/// Sentences slice the text, are non-empty, in file order and never overlap.
pub fn check_sentences(article: &Article, sentences: &[Sentence]) {
    let mut prev_end = 0;
    for (i, s) in sentences.iter().enumerate() {
        check_span(&article.text, s.span, &s.text, &format!("sentence {i}"));
        assert!(!s.span.is_empty(), "sentence {i}: empty span {:?}", s.span);
        assert!(
            s.span.start >= prev_end,
            "sentence {i}: span {:?} overlaps or precedes the previous one (ended at {prev_end})",
            s.span
        );
        assert!(
            s.span.start >= article.body.start,
            "sentence {i}: span {:?} starts before the body {:?}",
            s.span,
            article.body
        );
        assert!(s.line >= 1, "sentence {i}: line {} is not 1-based", s.line);
        prev_end = s.span.end;
    }
}

/// Every time expression slices the text and lies inside one sentence.
pub fn check_timexes(article: &Article, sentences: &[Sentence], timexes: &[Timex]) {
    for (i, t) in timexes.iter().enumerate() {
        check_span(&article.text, t.span, &t.text, &format!("timex {i}"));
        assert!(
            sentences
                .iter()
                .any(|s| s.span.start <= t.span.start && t.span.end <= s.span.end),
            "timex {i}: span {:?} ({:?}) lies in no sentence",
            t.span,
            t.text
        );
    }
}

/// Sentences, time expressions and claims of every article slice their text; every
/// finding refers to existing claims, which slice their article's text.
pub fn check_analysis(analysis: &Analysis) {
    for (ai, a) in analysis.articles.iter().enumerate() {
        check_sentences(&a.article, &a.sentences);
        check_timexes(&a.article, &a.sentences, &a.timexes);
        for (ci, c) in a.claims.iter().enumerate() {
            let what = format!("article {ai} claim {ci}");
            assert_eq!(c.article, ai, "{what}: wrong article index");
            assert!(
                c.sentence < a.sentences.len(),
                "{what}: sentence {} out of range",
                c.sentence
            );
            check_span(&a.article.text, c.span, &c.mention, &what);
        }
    }
    for (fi, f) in analysis.findings.iter().enumerate() {
        assert!(!f.claims.is_empty(), "finding {fi}: no claims");
        for r in &f.claims {
            let what = format!("finding {fi} claim {r:?}");
            let a = analysis
                .articles
                .get(r.article)
                .unwrap_or_else(|| panic!("{what}: no such article"));
            let c = a
                .claims
                .get(r.claim)
                .unwrap_or_else(|| panic!("{what}: no such claim"));
            check_span(&a.article.text, c.span, &c.mention, &what);
        }
    }
}
