//! Properties of the whole comparison, on generated news-like articles:
//! a text compared with itself never contradicts itself, the result does not depend on
//! the order the articles are given in, and an unrelated article changes nothing among
//! the others.

use chrono::NaiveDate;
use factdiff::model::{Analysis, Article, Verdict};
use factdiff::{Options, analyze_articles};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Pieces of news sentences: events, times, counts and qualifiers, so that generated
/// articles are full of claims.
const SUBJECTS: &[&str] = &[
    "The talks",
    "The family reunions",
    "The joint military exercises",
    "The quake",
    "The summit",
    "The trial",
    "The election",
    "Two rounds of meetings",
    "The drills",
];
const PREDICATES: &[&str] = &[
    "took place on Wednesday",
    "are due to begin on 20 February",
    "will start next month",
    "were the first since 2010",
    "were the highest-level talks in six years",
    "lasted for five days",
    "killed at least 10 people",
    "injured 50 people",
    "happened in 1953",
    "were held at the border village of Panmunjom",
    "began four days before the exercises begin",
    "ended between September 15 and November 29",
    "followed the third nuclear test",
    "will be held later this month",
    "lasted 90 minutes",
    "were set for February",
    "took place three years ago",
    "are planned for this week",
];

fn sentence() -> impl Strategy<Value = String> {
    (0..SUBJECTS.len(), 0..PREDICATES.len())
        .prop_map(|(s, p)| format!("{} {}.", SUBJECTS[s], PREDICATES[p]))
}

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..8).prop_map(|v| v.join("\n"))
}

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 2, 1).unwrap() + chrono::Days::new(u64::from(n))
}

/// Articles `0.txt`, `1.txt`, … from `texts`, published a day apart from day `d`.
fn dated_articles(texts: &[String], d: u32) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article::from_text(&format!("{i}.txt"), t).published_on(day(d + i as u32)))
        .collect()
}

fn analyze(articles: Vec<Article>) -> Analysis {
    analyze_articles(articles, &Options::default())
}

/// A finding as a comparable value: verdict, kind, and the (path, span) of each claim.
type FindingKey = (String, String, Vec<(String, usize, usize)>);

fn verdicts(a: &Analysis) -> BTreeSet<FindingKey> {
    a.findings
        .iter()
        .map(|f| {
            let mut claims: Vec<(String, usize, usize)> = f
                .claims
                .iter()
                .map(|r| {
                    let c = a.claim(*r);
                    (
                        a.articles[r.article].article.path.clone(),
                        c.span.start,
                        c.span.end,
                    )
                })
                .collect();
            claims.sort();
            (
                f.verdict.as_str().to_string(),
                f.kind.as_str().to_string(),
                claims,
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_text_never_contradicts_its_copy(text in article_text(), d in 0u32..20) {
        let a = Article::from_text("a.txt", &text).published_on(day(d));
        let b = Article::from_text("b.txt", &text).published_on(day(d));
        let result = analyze(vec![a, b]);
        let contradictions = result
            .findings
            .iter()
            .filter(|f| f.verdict == Verdict::Contradict)
            .count();
        prop_assert_eq!(contradictions, 0, "{:?}", result.findings);
    }

    #[test]
    fn order_of_the_articles_does_not_matter(
        texts in prop::collection::vec(article_text(), 2..4),
        d in 0u32..20,
    ) {
        let articles = dated_articles(&texts, d);
        let mut reversed = articles.clone();
        reversed.reverse();
        prop_assert_eq!(verdicts(&analyze(articles)), verdicts(&analyze(reversed)));
    }

    #[test]
    fn an_unrelated_article_changes_nothing(
        texts in prop::collection::vec(article_text(), 2..4),
        d in 0u32..20,
    ) {
        let articles = dated_articles(&texts, d);
        let before = verdicts(&analyze(articles.clone()));
        let mut with = articles;
        with.push(
            Article::from_text(
                "unrelated.txt",
                "The concert in Oslo drew 300 fans on Sunday.\nThe band toured for six weeks in 2001.",
            )
            .published_on(NaiveDate::from_ymd_opt(2009, 7, 5).unwrap()),
        );
        let after: BTreeSet<_> = verdicts(&analyze(with))
            .into_iter()
            .filter(|(_, _, claims)| claims.iter().all(|(p, ..)| p != "unrelated.txt"))
            .collect();
        prop_assert_eq!(before, after);
    }
}

/// The generated articles do carry comparable claims: a copy agrees with its original
/// on every one of them.
#[test]
fn generated_articles_are_full_of_claims() {
    let text = PREDICATES
        .iter()
        .zip(SUBJECTS.iter().cycle())
        .map(|(p, s)| format!("{s} {p}."))
        .collect::<Vec<_>>()
        .join("\n");
    let a = Article::from_text("a.txt", &text).published_on(day(3));
    let b = Article::from_text("b.txt", &text).published_on(day(3));
    let result = analyze(vec![a, b]);
    let agreements = result
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Agree)
        .count();
    assert!(
        agreements >= 8,
        "{agreements} agreements: {:?}",
        result.findings
    );
}
