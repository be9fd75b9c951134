//! The seed corpus (`corpus/`) proven end to end through the library.
//!
//! The three seed articles are one story told twice in February 2014 (the BBC on John
//! Kerry's visit to Seoul and on the inter-Korean talks) and once, about later events,
//! in January 2018. Every test here states one thing a fact-checker reading them would
//! expect — a publication date, an agreement, an inconsistency — or one thing that must
//! never happen (the 2014 and 2018 articles contradicting each other, reader comments
//! read as facts, the copyright year taken for a date).
//!
//! The corpus is analysed once ([`SEEDS`]) with `factdiff::analyze` and default
//! options; paths are relative to the crate root, where `cargo test` runs. A failing
//! assertion prints every finding the engine produced, so the message alone shows what
//! it did instead.

use chrono::{Datelike, NaiveDate};
use factdiff::Options;
use factdiff::model::{
    Analysis, Analyzed, Claim, ClaimKind, DateSource, Finding, TimeRange, Value, Verdict,
};
use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

const KERRY: &str = "bbc-kerry-visits-seoul.txt";
const TALKS: &str = "bbc-koreas-hold-high-level-talks.txt";
const COORDINATION: &str = "korea-us-discuss-coordination.txt";

/// Where the reader comments of the talks article begin.
const COMMENTS_START: &str = "This entry is now closed for comments";

static SEEDS: LazyLock<Analysis> = LazyLock::new(|| {
    factdiff::analyze(&["corpus".into()], &Options::default()).expect("the seed corpus analyses")
});

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// The file name of a claim's article.
fn file_of<'a>(a: &'a Analysis, c: &Claim) -> &'a str {
    let path = &a.articles[c.article].article.path;
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

fn article<'a>(a: &'a Analysis, file: &str) -> &'a Analyzed {
    a.articles
        .iter()
        .find(|x| Path::new(&x.article.path).file_name() == Some(file.as_ref()))
        .unwrap_or_else(|| panic!("{file} is among the analysed articles"))
}

fn claims_of<'a>(a: &'a Analysis, f: &Finding) -> Vec<&'a Claim> {
    f.claims.iter().map(|r| a.claim(*r)).collect()
}

/// The findings with this verdict and kind whose claims satisfy `pred`.
fn find(
    a: &Analysis,
    verdict: Verdict,
    kind: ClaimKind,
    pred: impl Fn(&[&Claim]) -> bool,
) -> Vec<&Finding> {
    a.findings
        .iter()
        .filter(|f| f.verdict == verdict && f.kind == kind && pred(&claims_of(a, f)))
        .collect()
}

/// Every finding, one block each, for failure messages.
fn dump(a: &Analysis) -> String {
    let mut out = String::new();
    for f in &a.findings {
        out += &format!(
            "{} {} · {}: {}\n",
            f.verdict.as_str(),
            f.kind.as_str(),
            f.topic,
            f.explanation
        );
        for c in claims_of(a, f) {
            out += &format!("    {} {:?} = {}\n", file_of(a, c), c.mention, c.display);
        }
    }
    out
}

fn time(c: &Claim) -> Option<&TimeRange> {
    match &c.value {
        Value::Time(r) => Some(r),
        _ => None,
    }
}

/// The claim's value is exactly this day.
fn is_day(c: &Claim, day: NaiveDate) -> bool {
    time(c).and_then(TimeRange::as_day) == Some(day)
}

/// The claim's value is a closed range lying inside the given year.
fn within_year(c: &Claim, year: i32) -> bool {
    time(c).is_some_and(|r| {
        r.earliest.is_some_and(|e| e.year() == year) && r.latest.is_some_and(|l| l.year() == year)
    })
}

/// The claim's value is the whole calendar year.
fn is_year(c: &Claim, year: i32) -> bool {
    time(c).is_some_and(|r| r.earliest == Some(d(year, 1, 1)) && r.latest == Some(d(year, 12, 31)))
}

/// True when some day of the claim's time value lies in the year.
fn touches_year(c: &Claim, year: i32) -> bool {
    time(c).is_some_and(|r| {
        r.overlaps(&TimeRange::between(
            d(year, 1, 1),
            d(year, 12, 31),
            r.granularity,
        ))
    })
}

/// Days from the first to the last day of a closed range ("between September 15 and
/// November 29" spans 75 days).
fn span_days(r: &TimeRange) -> Option<i64> {
    Some((r.latest? - r.earliest?).num_days())
}

fn about_exercises(c: &Claim) -> bool {
    let label = c.topic.label.to_lowercase();
    ["exercise", "drill"].iter().any(|w| label.contains(w))
        || c.topic
            .tokens
            .iter()
            .any(|t| t.starts_with("exercis") || t.starts_with("drill"))
}

// ---------------------------------------------------------------------------------
// Publication dates.

#[test]
fn kerry_article_is_dated_by_its_photo_caption() {
    let p = article(&SEEDS, KERRY)
        .article
        .published
        .as_ref()
        .expect("the Kerry article has a publication date");
    assert_eq!(p.date, d(2014, 2, 13), "evidence: {}", p.evidence);
    assert_eq!(p.from, DateSource::Text, "evidence: {}", p.evidence);
}

#[test]
fn coordination_article_is_dated_by_its_published_line() {
    let p = article(&SEEDS, COORDINATION)
        .article
        .published
        .as_ref()
        .expect("the 2018 article has a publication date");
    assert_eq!(p.date, d(2018, 1, 13), "evidence: {}", p.evidence);
    assert_eq!(p.from, DateSource::Text, "evidence: {}", p.evidence);
}

#[test]
fn talks_article_date_is_inferred_never_the_copyright_year() {
    let p = article(&SEEDS, TALKS)
        .article
        .published
        .as_ref()
        .expect("the talks article gets an inferred publication date");
    assert_eq!(p.from, DateSource::Inferred, "evidence: {}", p.evidence);
    assert_ne!(
        p.date.year(),
        2015,
        "\"Copyright © 2015 BBC\" is not a publication date (evidence: {})",
        p.evidence
    );
}

#[test]
fn no_article_is_published_in_2015() {
    for a in &SEEDS.articles {
        if let Some(p) = &a.article.published {
            assert_ne!(p.date.year(), 2015, "{}: {}", a.article.path, p.evidence);
        }
    }
}

// ---------------------------------------------------------------------------------
// Agreements.

#[test]
fn reunions_start_on_20_february_in_both_bbc_articles() {
    let found = find(&SEEDS, Verdict::Agree, ClaimKind::Date, |cs| {
        let on_20th: Vec<&&Claim> = cs
            .iter()
            .filter(|c| c.mention == "20 February" && is_day(c, d(2014, 2, 20)))
            .collect();
        on_20th
            .iter()
            .any(|a| on_20th.iter().any(|b| a.article != b.article))
    });
    assert!(
        !found.is_empty(),
        "no agreement on \"20 February\" = 2014-02-20 from two articles:\n{}",
        dump(&SEEDS)
    );
}

#[test]
fn previous_reunions_were_in_2010() {
    let found = find(&SEEDS, Verdict::Agree, ClaimKind::LastOccurrence, |cs| {
        let since = cs
            .iter()
            .any(|c| c.mention.contains("since 2010") && is_year(c, 2010));
        let took_place = cs.iter().any(|c| {
            c.mention.contains("2010")
                && !c.mention.contains("since")
                && SEEDS.articles[c.article].sentences[c.sentence]
                    .text
                    .contains("The last such reunions took place in 2010")
                && is_year(c, 2010)
        });
        since && took_place
    });
    assert!(
        !found.is_empty(),
        "no last-occurrence agreement of \"since 2010\" with \"took place in 2010\":\n{}",
        dump(&SEEDS)
    );
}

#[test]
fn partition_of_korea_was_in_1953() {
    let found = find(&SEEDS, Verdict::Agree, ClaimKind::Date, |cs| {
        let plain = cs
            .iter()
            .any(|c| c.mention == "1953" && within_year(c, 1953));
        let war = cs
            .iter()
            .any(|c| c.mention.contains("1950-53") && within_year(c, 1953));
        plain && war
    });
    assert!(
        !found.is_empty(),
        "no agreement of \"1953\" with \"…1950-53\" valued 1953:\n{}",
        dump(&SEEDS)
    );
}

#[test]
fn last_talks_at_this_level_were_six_years_ago() {
    let found = find(&SEEDS, Verdict::Agree, ClaimKind::LastOccurrence, |cs| {
        let has = |w: &str| cs.iter().any(|c| c.mention.contains(w));
        has("in six years") && has("since 2007") && has("more than six years")
    });
    assert_eq!(
        found.len(),
        1,
        "want one last-occurrence agreement holding \"in six years\", \"since 2007\" and \
         \"more than six years\":\n{}",
        dump(&SEEDS)
    );
}

#[test]
fn joint_drills_start_four_days_after_the_reunions() {
    let found = find(&SEEDS, Verdict::Agree, ClaimKind::Date, |cs| {
        cs.iter()
            .any(|c| c.mention.contains("four days before") && is_day(c, d(2014, 2, 24)))
    });
    assert!(
        !found.is_empty(),
        "no agreement with \"four days before\" = 2014-02-24:\n{}",
        dump(&SEEDS)
    );
}

#[test]
fn joint_drills_are_later_this_month() {
    let found = find(&SEEDS, Verdict::Agree, ClaimKind::Date, |cs| {
        cs.iter().any(|c| c.mention.contains("later this month"))
    });
    assert!(
        !found.is_empty(),
        "no agreement with \"later this month\":\n{}",
        dump(&SEEDS)
    );
}

#[test]
fn every_2014_date_of_the_drills_is_in_february_2014() {
    let feb = TimeRange::between(
        d(2014, 2, 1),
        d(2014, 2, 28),
        factdiff::model::Granularity::Month,
    );
    let mut checked = 0;
    for a in &SEEDS.articles {
        for c in &a.claims {
            if c.kind != ClaimKind::Date || !about_exercises(c) || !touches_year(c, 2014) {
                continue;
            }
            checked += 1;
            let r = time(c).expect("a time value");
            let inside = r.earliest.is_some_and(|e| e >= d(2014, 2, 1))
                && r.latest.is_some_and(|l| l <= d(2014, 2, 28));
            assert!(
                inside,
                "{}:{} {:?} about {:?} is {}, not within {feb}",
                a.article.path, a.sentences[c.sentence].line, c.mention, c.topic.label, c.display
            );
        }
    }
    assert!(checked >= 2, "only {checked} dated claims about the drills");
    for f in &SEEDS.findings {
        if f.verdict == Verdict::Agree {
            continue;
        }
        let cs = claims_of(&SEEDS, f);
        assert!(
            !cs.iter()
                .any(|c| c.kind == ClaimKind::Date && about_exercises(c)),
            "{} about the drills: {}\n{}",
            f.verdict.as_str(),
            f.explanation,
            dump(&SEEDS)
        );
    }
}

// ---------------------------------------------------------------------------------
// The inconsistency.

#[test]
fn six_week_break_is_not_75_days() {
    let found = find(&SEEDS, Verdict::Inconsistent, ClaimKind::Duration, |cs| {
        let weeks = cs.iter().any(|c| c.mention.contains("six-week"));
        let span = cs.iter().any(|c| {
            c.mention.contains("September 15")
                && c.mention.contains("November 29")
                && time(c).and_then(span_days) == Some(75)
        });
        let one_article = cs.windows(2).all(|w| w[0].article == w[1].article);
        weeks && span && one_article && file_of(&SEEDS, cs[0]) == COORDINATION
    });
    assert_eq!(
        found.len(),
        1,
        "want one inconsistency: \"six-week\" vs \"between September 15 and November 29\" \
         (75 days):\n{}",
        dump(&SEEDS)
    );
}

// ---------------------------------------------------------------------------------
// What must never happen.

#[test]
fn no_contradiction_between_2014_and_2018_articles() {
    for f in &SEEDS.findings {
        if f.verdict == Verdict::Agree {
            continue;
        }
        let files: Vec<&str> = claims_of(&SEEDS, f)
            .iter()
            .map(|c| file_of(&SEEDS, c))
            .collect();
        let from_2014 = files.iter().any(|x| *x == KERRY || *x == TALKS);
        let from_2018 = files.contains(&COORDINATION);
        assert!(
            !(from_2014 && from_2018),
            "{} between 2014 and 2018 articles: {} · {}: {}\n{}",
            f.verdict.as_str(),
            f.kind.as_str(),
            f.topic,
            f.explanation,
            dump(&SEEDS)
        );
    }
}

#[test]
fn reader_comments_yield_no_claims() {
    let talks = article(&SEEDS, TALKS);
    let comments = talks
        .article
        .text
        .find(COMMENTS_START)
        .expect("the talks article has a comment section");
    for c in &talks.claims {
        let sentence = &talks.sentences[c.sentence];
        assert!(
            c.span.end <= comments && sentence.span.end <= comments,
            "claim {:?} (line {}) comes from the reader comments: {:?}",
            c.mention,
            sentence.line,
            sentence.text
        );
    }
}

#[test]
fn binary_exits_1_on_the_seed_corpus() {
    let out = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(["compare", "corpus/"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .expect("run factdiff");
    assert_eq!(
        out.status.code(),
        Some(1),
        "an inconsistency is found; stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
