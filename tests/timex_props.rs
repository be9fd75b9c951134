//! Properties of time expression tagging, checked with proptest on generated text.
//!
//! * Robustness: for arbitrary strings, and for strings built from a vocabulary of
//!   date words, numbers, punctuation and awkward Unicode (case folding that changes
//!   length, combining marks, wide and astral characters, a BOM, no-break spaces),
//!   `timex::recognize::recognize` and the whole `factdiff::analyze_articles` never
//!   panic, and every time expression's span lies on char boundaries and slices the
//!   file to exactly its `text`.
//! * Anchoring: moving the document creation time by N days (−400 ≤ N < 400) moves
//!   every day-granular value of a text made only of relative expressions ("yesterday",
//!   "three days ago", "two days later", "the next day") by N days, and changes nothing
//!   else (same expressions, same spans, same types).
//!
//! Case counts stay modest (256 each) so `cargo test` stays
//! fast; a failing case is saved under `proptest-regressions/` and replayed first.

use chrono::{Days, NaiveDate};
use factdiff::model::{Article, Span, Timex, TimexType};
use factdiff::timex::recognize::recognize;
use proptest::prelude::*;

fn article(path: &str, text: &str, published: Option<NaiveDate>) -> Article {
    let article = Article::from_text(path, text);
    match published {
        Some(date) => article.published_on(date),
        None => article,
    }
}

/// Tag one article the way the pipeline does: clean, segment, tag at `dct`.
fn tag(text: &str, dct: NaiveDate) -> Vec<Timex> {
    let a = article("t.txt", text, Some(dct));
    let sentences = factdiff::segment::segment(&a, &factdiff::clean::clean(&a));
    factdiff::timex::tag(&a, &sentences, Some(dct))
}

/// Words that make the recognizers work: months, weekdays, relative words, units,
/// modifiers, numbers in many shapes, punctuation, and Unicode that trips byte
/// arithmetic (`İ` lowercases to two chars, `ﬁ`, `ß`, combining accents, CJK, emoji).
const VOCABULARY: &[&str] = &[
    "January",
    "Feb.",
    "Sept.",
    "March",
    "May",
    "june",
    "DECEMBER",
    "Monday",
    "Tues.",
    "friday",
    "Sunday",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "now",
    "recently",
    "last",
    "this",
    "next",
    "past",
    "coming",
    "previous",
    "ago",
    "later",
    "earlier",
    "before",
    "after",
    "since",
    "until",
    "between",
    "and",
    "from",
    "to",
    "through",
    "by",
    "in",
    "on",
    "at",
    "of",
    "the",
    "a",
    "an",
    "that",
    "same",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "century",
    "quarter",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "morning",
    "afternoon",
    "evening",
    "night",
    "noon",
    "midnight",
    "hour",
    "hours",
    "minutes",
    "annual",
    "annually",
    "every",
    "each",
    "early",
    "mid",
    "mid-",
    "late",
    "end",
    "beginning",
    "start",
    "more",
    "than",
    "less",
    "about",
    "around",
    "nearly",
    "almost",
    "at least",
    "over",
    "up to",
    "first",
    "second",
    "third",
    "fourth",
    "final",
    "one",
    "two",
    "three",
    "six",
    "ten",
    "twelve",
    "twenty",
    "hundred",
    "dozen",
    "half",
    "1",
    "3",
    "12",
    "20",
    "31",
    "32",
    "99",
    "1950",
    "1950-53",
    "1950s",
    "'90s",
    "2014",
    "2014-02-20",
    "20/02/2014",
    "02/30",
    "9999",
    "0",
    "00",
    "1st",
    "2nd",
    "23rd",
    "31st",
    "3pm",
    "3 p.m.",
    "10:30",
    "25:99",
    "GMT",
    "BST",
    "AD",
    "BC",
    "Q1",
    "Q4",
    "H1",
    "FY2014",
    ",",
    ".",
    ";",
    ":",
    "-",
    "–",
    "—",
    "/",
    "'",
    "’",
    "\"",
    "“",
    "”",
    "(",
    ")",
    "[",
    "]",
    "!",
    "?",
    "…",
    "&",
    "<",
    ">",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "é",
    "née",
    "İ",
    "İstanbul",
    "ß",
    "ﬁ",
    "e\u{301}",
    "\u{a0}",
    "\u{2009}",
    "\u{200b}",
    "\u{feff}",
    "日本",
    "２０１４年",
    "🙂",
    "Ⅻ",
    "٢٠١٤",
    "ǅ",
    "ΣΑΒΒΑΤΟ",
];

/// One piece of vocabulary text: a word from the list, a number, or arbitrary chars.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(VOCABULARY).prop_map(str::to_string),
        1 => (0u32..100_000).prop_map(|n| n.to_string()),
        1 => "\\PC{0,4}",
    ]
}

/// Text built from vocabulary pieces joined by spaces, nothing, or line breaks.
fn vocabulary_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            piece(),
            prop::sample::select(&[" ", " ", " ", "", "\n", ", "][..]),
        ),
        0..60,
    )
    .prop_map(|parts| parts.into_iter().map(|(w, sep)| w + sep).collect())
}

/// Arbitrary text or vocabulary text.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,200}",
        vocabulary_text(),
        vocabulary_text()
    ]
}

fn date_in_range() -> impl Strategy<Value = NaiveDate> {
    (0u64..20_000).prop_map(|d| {
        NaiveDate::from_ymd_opt(1970, 1, 1)
            .and_then(|base| base.checked_add_days(Days::new(d)))
            .expect("a date between 1970 and 2024")
    })
}

/// Every timex points at its own words in the file.
fn check_spans(text: &str, timexes: &[Timex]) -> Result<(), TestCaseError> {
    for t in timexes {
        let Span { start, end } = t.span;
        prop_assert!(start <= end && end <= text.len(), "{t:?} in {text:?}");
        prop_assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{t:?}"
        );
        prop_assert_eq!(&text[start..end], t.text.as_str());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn recognize_never_panics_and_stays_on_char_boundaries(text in any_text()) {
        for m in recognize(&text) {
            prop_assert!(m.start <= m.end && m.end <= text.len(), "{m:?} in {text:?}");
            prop_assert!(text.is_char_boundary(m.start), "{m:?} in {text:?}");
            prop_assert!(text.is_char_boundary(m.end), "{m:?} in {text:?}");
        }
    }

    #[test]
    fn tagging_one_article_gives_exact_spans(text in any_text(), dct in date_in_range()) {
        check_spans(&text, &tag(&text, dct))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn analyze_never_panics_and_spans_slice_the_file(
        texts in prop::collection::vec((any_text(), prop::option::of(date_in_range())), 1..4),
    ) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, (text, dct))| article(&format!("a{i}.txt"), text, *dct))
            .collect();
        let analysis = factdiff::analyze_articles(articles, &Default::default());
        prop_assert_eq!(analysis.articles.len(), texts.len());
        for a in &analysis.articles {
            check_spans(&a.article.text, &a.timexes)?;
            for c in &a.claims {
                prop_assert!(a.article.text.get(c.span.start..c.span.end).is_some(), "{c:?}");
            }
        }
    }
}

/// A text whose every time expression is relative to the creation time or to the
/// previous day-precise date: "yesterday", "today", "tomorrow", "three days ago",
/// "two days later", "the next day".
const RELATIVE: &str = "\
The minister said yesterday that the talks held today would resume tomorrow.
The envoy arrived three days ago. He left two days later.
The next day, officials met again, and two days later they signed the deal.
Tomorrow the delegates will travel home; the next day they report to parliament.
";

/// The day-granular DATE values of `timexes`, parsed.
fn days(timexes: &[Timex]) -> Vec<NaiveDate> {
    timexes
        .iter()
        .filter(|t| t.ttype == TimexType::Date)
        .filter_map(|t| NaiveDate::parse_from_str(&t.value, "%Y-%m-%d").ok())
        .collect()
}

#[test]
fn the_relative_template_is_all_day_dates() {
    let dct = NaiveDate::from_ymd_opt(2014, 2, 13).expect("date");
    let timexes = tag(RELATIVE, dct);
    let texts: Vec<&str> = timexes.iter().map(|t| t.text.as_str()).collect();
    assert!(texts.len() >= 9, "{texts:?}");
    assert_eq!(days(&timexes).len(), timexes.len(), "{timexes:?}");
    let value = |words: &str| {
        timexes
            .iter()
            .find(|t| t.text == words)
            .map(|t| t.value.as_str())
    };
    assert_eq!(value("yesterday"), Some("2014-02-12"));
    assert_eq!(value("three days ago"), Some("2014-02-10"));
    assert_eq!(
        value("two days later"),
        Some("2014-02-12"),
        "counted from the arrival"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn moving_the_creation_time_moves_relative_days(
        base in date_in_range(),
        shift in -400i64..400,
    ) {
        let moved = if shift >= 0 {
            base.checked_add_days(Days::new(shift.unsigned_abs()))
        } else {
            base.checked_sub_days(Days::new(shift.unsigned_abs()))
        }
        .expect("in range");
        let before = tag(RELATIVE, base);
        let after = tag(RELATIVE, moved);
        prop_assert_eq!(before.len(), after.len());
        for (b, a) in before.iter().zip(&after) {
            prop_assert_eq!(b.span, a.span);
            prop_assert_eq!(b.ttype, a.ttype);
            prop_assert_eq!(b.modifier, a.modifier);
        }
        let (db, da) = (days(&before), days(&after));
        prop_assert_eq!(db.len(), before.len(), "every value is a day: {:?}", before);
        prop_assert_eq!(da.len(), db.len());
        for (b, a) in db.iter().zip(&da) {
            prop_assert_eq!((*a - *b).num_days(), shift, "{} → {} at {} → {}", b, a, base, moved);
        }
    }
}
