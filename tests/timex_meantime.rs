//! The time expression tagger scored the TempEval-3 way on MEANTIME articles shipped
//! in `tests/fixtures/meantime/` (CC BY 4.0, see its README).
//!
//! The floors sit a little under what the tagger scores today, so that a change that
//! makes time expressions worse fails here; raise them when the tagger improves. The
//! whole corpus (`cargo run --release --example timex_eval -- PATH`) is the real
//! measure: these twelve articles only guard against regressions.

use factdiff::timex::eval::evaluate_corpus;
use std::path::Path;

fn fixtures() -> factdiff::timex::eval::Evaluation {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/meantime");
    evaluate_corpus(&root).expect("the fixtures load")
}

#[test]
fn every_article_is_scored() {
    let e = fixtures();
    assert_eq!(e.articles, 12);
    assert_eq!(e.scores.gold, 85);
}

#[test]
fn extents_are_found() {
    let s = fixtures().scores;
    assert!(s.relaxed.precision >= 0.95, "{s}");
    assert!(s.relaxed.f1 >= 0.84, "{s}");
    assert!(s.strict.f1 >= 0.72, "{s}");
}

#[test]
fn values_are_right() {
    let s = fixtures().scores;
    assert!(s.value_accuracy >= 0.84, "{s}");
    assert!(s.value_f1 >= 0.72, "{s}");
    assert!(s.type_f1 >= 0.73, "{s}");
}
