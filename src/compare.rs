//! Compare: give each aligned group a verdict, and check each article against itself.
//!
//! A group *agrees* when every two claims from different articles can both hold
//! (equal values, or intervals that overlap within the precision the words give), and
//! *contradicts* otherwise. Claims that only name an instance ("last year's manoeuvres")
//! never make a contradiction. Each article is also checked on its own: a stated
//! duration must fit the dates it is said to span (*inconsistent*).
//!
//! Findings come out in report order: contradictions, inconsistencies, agreements; then
//! by kind, topic and the position of their first claim, so output is deterministic.

use crate::align::compatible;
use crate::model::{
    Amount, Analyzed, Claim, ClaimKind, ClaimRef, Finding, Group, TimeRange, Value, Verdict,
};
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// Verdicts for the aligned groups.
pub fn compare(articles: &[Analyzed], groups: &[Group]) -> Vec<Finding> {
    groups.iter().map(|g| judge(articles, g)).collect()
}

fn claim(articles: &[Analyzed], r: ClaimRef) -> &Claim {
    &articles[r.article].claims[r.claim]
}

fn judge(articles: &[Analyzed], g: &Group) -> Finding {
    let claims: Vec<&Claim> = g.claims.iter().map(|r| claim(articles, *r)).collect();
    let mut clashes: Vec<(&Claim, &Claim)> = Vec::new();
    for (i, a) in claims.iter().enumerate() {
        for b in &claims[i + 1..] {
            if a.article != b.article
                && !a.identifying
                && !b.identifying
                && !compatible(&a.value, &b.value)
                && !across_time_zones(a, b)
            {
                clashes.push((a, b));
            }
        }
    }
    let (verdict, explanation) = match clashes.first() {
        None => (Verdict::Agree, agreement(&claims)),
        Some(_) if g.kind == ClaimKind::Count && is_update(articles, &claims, &clashes) => {
            (Verdict::Update, sequence(articles, &claims))
        }
        Some(_)
            if g.kind == ClaimKind::Age && clashes.iter().all(|(a, b)| aged(articles, a, b)) =>
        {
            (Verdict::Update, sequence(articles, &claims))
        }
        Some((a, b)) => (Verdict::Contradict, disagreement(a, b)),
    };
    Finding {
        verdict,
        kind: g.kind,
        topic: g.topic.clone(),
        explanation,
        claims: g.claims.clone(),
    }
}

/// Words that date by the writer's own day ("today", "this morning", "yesterday").
const DEICTIC: &[&str] = &[
    "today",
    "tonight",
    "this morning",
    "this afternoon",
    "this evening",
    "yesterday",
    "tomorrow",
    "last night",
];

/// True when two dates one day apart may be one day seen from two time zones: one of
/// them is counted from its writer's publication day ("this morning" in a paper
/// printed in Melbourne is the evening before in Detroit).
fn across_time_zones(a: &Claim, b: &Claim) -> bool {
    let deictic = |c: &Claim| {
        let m = c.mention.to_lowercase();
        DEICTIC.iter().any(|d| m.contains(d))
    };
    match (&a.value, &b.value) {
        (Value::Time(x), Value::Time(y)) => {
            (deictic(a) || deictic(b)) && time_gap(x, y).is_some_and(|d| d <= 1)
        }
        _ => false,
    }
}

/// When an article was published, as far as it says: its date and, if stated, the
/// clock time.
fn moment(articles: &[Analyzed], c: &Claim) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let p = articles[c.article].article.published.as_ref()?;
    Some((p.date, p.time))
}

/// The earlier of two publication moments, if they can be told apart: different
/// days, or the same day with both clock times known and different.
fn earlier(
    x: (NaiveDate, Option<NaiveTime>),
    y: (NaiveDate, Option<NaiveTime>),
) -> Option<std::cmp::Ordering> {
    match (x.0.cmp(&y.0), x.1, y.1) {
        (std::cmp::Ordering::Equal, Some(a), Some(b)) if a != b => Some(a.cmp(&b)),
        (std::cmp::Ordering::Equal, ..) => None,
        (order, ..) => Some(order),
    }
}

/// Words by which a report marks its number as provisional or as a revision.
const REVISION_CUES: &[&str] = &[
    "initially",
    "initial",
    "earlier",
    "preliminary",
    "first reports",
    "early reports",
    "revised",
    "corrected",
    "rose to",
    "risen to",
    "climbed to",
    "jumped to",
    "increased to",
    "updated",
];

fn has_revision_cue(articles: &[Analyzed], c: &Claim) -> bool {
    let Some(s) = articles[c.article].sentences.get(c.sentence) else {
        return false;
    };
    let text = s.text.to_lowercase();
    REVISION_CUES.iter().any(|cue| text.contains(cue))
}

/// True when every clash is explained by time: the two articles' publication moments
/// are ordered, and the later value supersedes the earlier, either because it is
/// higher (a toll rises as bodies are found) or because one of them marks itself as
/// provisional or revised ("initially reported", "rose to").
fn is_update(articles: &[Analyzed], group: &[&Claim], clashes: &[(&Claim, &Claim)]) -> bool {
    clashes.iter().all(|(a, b)| {
        let (Some(ma), Some(mb)) = (moment(articles, a), moment(articles, b)) else {
            return false;
        };
        let (first, later) = match earlier(ma, mb) {
            Some(std::cmp::Ordering::Less) => (a, b),
            Some(std::cmp::Ordering::Greater) => (b, a),
            _ => return superseded_by_a_rise(articles, group, a, b),
        };
        let rising = match (&first.value, &later.value) {
            (Value::Amount(x), Value::Amount(y)) => y.low >= x.low,
            _ => false,
        };
        rising || has_revision_cue(articles, first) || has_revision_cue(articles, later)
    })
}

/// Words by which a report says its figure has risen to what it gives ("the toll rose
/// to 10").
const RISE_CUES: &[&str] = &[
    "rose to",
    "risen to",
    "rises to",
    "climbed to",
    "climbs to",
    "jumped to",
    "increased to",
];

/// For two clashing figures from articles whose order is unknown (the same day, no
/// clock time): true when the lower one is superseded, because an article published
/// after the lower one's says the figure has risen to a value the higher one agrees
/// with ("the toll rose to 10" the next day, beside "three killed" and "ten dead").
fn superseded_by_a_rise(articles: &[Analyzed], group: &[&Claim], a: &Claim, b: &Claim) -> bool {
    let (Value::Amount(x), Value::Amount(y)) = (&a.value, &b.value) else {
        return false;
    };
    let (low, high) = if x.low < y.low { (a, b) } else { (b, a) };
    let Some(m_low) = moment(articles, low) else {
        return false;
    };
    group.iter().any(|r| {
        let says_rise = articles[r.article]
            .sentences
            .get(r.sentence)
            .is_some_and(|s| {
                let text = s.text.to_lowercase();
                RISE_CUES.iter().any(|cue| text.contains(cue))
            });
        let above_low = match (&r.value, &low.value) {
            (Value::Amount(risen), Value::Amount(before)) => risen.low > before.low,
            _ => false,
        };
        says_rise
            && above_low
            && compatible(&r.value, &high.value)
            && moment(articles, r)
                .is_some_and(|m| earlier(m_low, m) == Some(std::cmp::Ordering::Less))
    })
}

/// True when two ages of one person differ by no more than the years between the two
/// articles, the later article giving the higher age (38 in 2007, 39 in 2008).
fn aged(articles: &[Analyzed], a: &Claim, b: &Claim) -> bool {
    let (Some(ma), Some(mb)) = (moment(articles, a), moment(articles, b)) else {
        return false;
    };
    let (Value::Amount(x), Value::Amount(y)) = (&a.value, &b.value) else {
        return false;
    };
    let ((first, young), (later, old)) = if ma.0 <= mb.0 {
        ((ma.0, x.low), (mb.0, y.low))
    } else {
        ((mb.0, y.low), (ma.0, x.low))
    };
    let years = (later - first).num_days() as f64 / 365.25;
    old > young && old - young <= years.ceil()
}

/// The values in order of publication, with their times: "1 (2013-07-01 09:12) → 24
/// (2013-07-02)".
fn sequence(articles: &[Analyzed], claims: &[&Claim]) -> String {
    let mut timed: Vec<(NaiveDate, Option<NaiveTime>, &str)> = claims
        .iter()
        .filter_map(|c| moment(articles, c).map(|(d, t)| (d, t, c.display.as_str())))
        .collect();
    timed.sort();
    timed.dedup_by(|b, a| a.2 == b.2);
    let steps: Vec<String> = timed
        .iter()
        .map(|(d, t, v)| match t {
            Some(t) => format!("{v} ({d} {})", t.format("%H:%M")),
            None => format!("{v} ({d})"),
        })
        .collect();
    format!("updated over time: {}", steps.join(" → "))
}

/// Why two values cannot both hold, naming who states each when the articles say.
fn disagreement(a: &Claim, b: &Claim) -> String {
    let (x, y) = (sourced(a), sourced(b));
    match (&a.value, &b.value) {
        (Value::Time(ta), Value::Time(tb)) => {
            let gap = time_gap(ta, tb)
                .map(|d| format!(" ({})", days_phrase(d)))
                .unwrap_or_default();
            format!("{x} vs {y}: no time in common{gap}")
        }
        (Value::Amount(p), Value::Amount(q)) if crate::align::different_floors(p, q) => {
            format!("{x} vs {y}: two different figures reported")
        }
        (Value::Amount(_), Value::Amount(_)) => {
            format!("{x} vs {y}: the numbers cannot both be right")
        }
        (Value::Bearing(p), Value::Bearing(q)) => {
            let d = p.abs_diff(*q) % 360;
            format!(
                "{x} vs {y}: {}° apart, not one side of the place",
                d.min(360 - d)
            )
        }
        _ => format!("{x} vs {y}"),
    }
}

/// A value with its source: "4.8 per U.S. Geological Survey".
fn sourced(c: &Claim) -> String {
    match &c.attributed_to {
        Some(who) => format!("{} per {who}", c.display),
        None => c.display.clone(),
    }
}

/// Days between the end of the earlier range and the start of the later one.
fn time_gap(x: &TimeRange, y: &TimeRange) -> Option<i64> {
    let (first, second) = if x.latest? < y.earliest? {
        (x, y)
    } else {
        (y, x)
    };
    Some((second.earliest? - first.latest?).num_days())
}

fn days_phrase(d: i64) -> String {
    match d {
        1 => "1 day apart".to_string(),
        d if d < 60 => format!("{d} days apart"),
        d if d < 730 => format!("about {} months apart", (d as f64 / 30.44).round() as i64),
        d => format!("about {} years apart", (d as f64 / 365.25).round() as i64),
    }
}

/// What the agreeing values have in common.
fn agreement(claims: &[&Claim]) -> String {
    let mut shown: Vec<&str> = claims.iter().map(|c| c.display.as_str()).collect();
    shown.dedup();
    let all_equal = shown.iter().all(|s| *s == shown[0]);
    if all_equal {
        return format!("all sources: {}", shown[0]);
    }
    let times: Vec<TimeRange> = claims
        .iter()
        .filter_map(|c| match &c.value {
            Value::Time(t) if !c.identifying => Some(*t),
            _ => None,
        })
        .collect();
    if times.len() == claims.len()
        && let Some(common) = intersect(&times)
    {
        let empty = common
            .earliest
            .zip(common.latest)
            .is_some_and(|(from, to)| from > to);
        return if empty {
            format!(
                "compatible: {} are a day apart, as \"today\" reads in two time zones",
                shown.join(", ")
            )
        } else {
            format!("compatible: {} overlap in {}", shown.join(", "), common)
        };
    }
    let amounts: Vec<&Amount> = claims
        .iter()
        .filter_map(|c| match &c.value {
            Value::Amount(a) => Some(a),
            _ => None,
        })
        .collect();
    if amounts.len() == claims.len() {
        return format!("compatible: {} overlap", shown.join(", "));
    }
    format!("compatible: {}", shown.join(", "))
}

/// The days every range contains.
fn intersect(ranges: &[TimeRange]) -> Option<TimeRange> {
    let mut acc = *ranges.first()?;
    for r in &ranges[1..] {
        acc.earliest = match (acc.earliest, r.earliest) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        acc.latest = match (acc.latest, r.latest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        acc.granularity = acc.granularity.min(r.granularity);
    }
    Some(acc)
}

/// Each article against itself: a duration and a date range stated in one sentence about
/// one thing must fit each other ("a seven-week pause … between August 2 and
/// October 19" spans 78 days).
pub fn self_check(articles: &[Analyzed]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        // Only claims of one sentence are checked against each other.
        let mut by_sentence: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (ci, c) in a.claims.iter().enumerate() {
            by_sentence.entry(c.sentence).or_default().push(ci);
        }
        for members in by_sentence.values() {
            for &di in members {
                for &ri in members {
                    if let Some(f) = misfit(a, ai, di, ri) {
                        out.push(f);
                    }
                }
            }
        }
    }
    out
}

/// The inconsistency between claim `di`, a duration, and claim `ri`, a date range about
/// the same thing, if the duration does not fit the range.
fn misfit(a: &Analyzed, ai: usize, di: usize, ri: usize) -> Option<Finding> {
    let (d, r) = (&a.claims[di], &a.claims[ri]);
    let (ClaimKind::Duration, ClaimKind::Date, Value::Amount(stated), Value::Time(range)) =
        (d.kind, r.kind, &d.value, &r.value)
    else {
        return None;
    };
    if r.topic.head != d.topic.head || range.granularity != crate::model::Granularity::Day {
        return None;
    }
    let span = range.days()?;
    if span < 2 {
        return None;
    }
    // Either counting convention: the days between, or both ends included.
    let fits = |n: f64| stated.low <= n + 1e-9 && stated.high.is_none_or(|h| n <= h + 1e-9);
    let between = (span - 1) as f64;
    if fits(between) || fits(span as f64) {
        return None;
    }
    Some(Finding {
        verdict: Verdict::Inconsistent,
        kind: ClaimKind::Duration,
        topic: d.topic.label.clone(),
        explanation: format!(
            "\"{}\" ({}) is {}, but {} spans {} days ({:.1} weeks)",
            d.mention,
            d.display,
            describe_days(stated),
            r.display,
            span - 1,
            between / 7.0
        ),
        claims: vec![
            ClaimRef {
                article: ai,
                claim: di,
            },
            ClaimRef {
                article: ai,
                claim: ri,
            },
        ],
    })
}

fn describe_days(a: &Amount) -> String {
    match a.high {
        Some(h) => format!("{:.0}–{:.0} days", a.low, h),
        None => format!("at least {:.0} days", a.low),
    }
}

/// Put findings in report order.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.verdict, a.kind, a.claims.first())
            .cmp(&(b.verdict, b.kind, b.claims.first()))
            .then_with(|| a.topic.cmp(&b.topic))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Aspect, Granularity, Span, Topic};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn claim(article: usize, kind: ClaimKind, value: Value, display: &str) -> Claim {
        Claim {
            article,
            sentence: 0,
            kind,
            mention: display.into(),
            span: Span::new(0, 1),
            value,
            display: display.into(),
            topic: Topic {
                label: "break".into(),
                head: "break".into(),
                tokens: vec!["break".into()],
                aspect: Aspect::Whole,
            },
            actors: vec![],
            places: vec![],
            anchor: None,
            historical: false,
            identifying: false,
            derivation: None,
            attributed_to: None,
            event: crate::model::Event::default(),
        }
    }

    fn analyzed(claims: Vec<Claim>) -> Analyzed {
        Analyzed::with_claims(Article::from_text("a", ""), claims)
    }

    fn group(n: usize) -> Group {
        Group {
            kind: ClaimKind::Date,
            topic: "t".into(),
            claims: (0..n)
                .map(|i| ClaimRef {
                    article: i,
                    claim: 0,
                })
                .collect(),
        }
    }

    #[test]
    fn equal_days_agree_and_different_days_contradict() {
        let day = |n| Value::Time(TimeRange::day(d(2014, 2, n)));
        let arts = vec![
            analyzed(vec![claim(0, ClaimKind::Date, day(20), "2014-02-20")]),
            analyzed(vec![claim(1, ClaimKind::Date, day(20), "2014-02-20")]),
        ];
        assert_eq!(compare(&arts, &[group(2)])[0].verdict, Verdict::Agree);
        let arts = vec![
            analyzed(vec![claim(0, ClaimKind::Date, day(20), "2014-02-20")]),
            analyzed(vec![claim(1, ClaimKind::Date, day(21), "2014-02-21")]),
        ];
        let f = &compare(&arts, &[group(2)])[0];
        assert_eq!(f.verdict, Verdict::Contradict);
        assert!(f.explanation.contains("1 day apart"), "{}", f.explanation);
    }

    #[test]
    fn overlapping_ranges_agree_with_the_overlap_shown() {
        let feb = Value::Time(TimeRange::between(
            d(2014, 2, 1),
            d(2014, 2, 28),
            Granularity::Month,
        ));
        let day = Value::Time(TimeRange::day(d(2014, 2, 24)));
        let arts = vec![
            analyzed(vec![claim(0, ClaimKind::Date, feb, "2014-02")]),
            analyzed(vec![claim(1, ClaimKind::Date, day, "2014-02-24")]),
        ];
        let f = &compare(&arts, &[group(2)])[0];
        assert_eq!(f.verdict, Verdict::Agree);
        assert!(f.explanation.contains("2014-02-24"));
    }

    #[test]
    fn identifying_claims_never_contradict() {
        let y = |n| {
            Value::Time(TimeRange::between(
                d(n, 1, 1),
                d(n, 12, 31),
                Granularity::Year,
            ))
        };
        let mut last_year = claim(0, ClaimKind::Date, y(2013), "2013");
        last_year.identifying = true;
        let arts = vec![
            analyzed(vec![last_year]),
            analyzed(vec![claim(1, ClaimKind::Date, y(2014), "2014")]),
        ];
        assert_eq!(compare(&arts, &[group(2)])[0].verdict, Verdict::Agree);
    }

    #[test]
    fn a_duration_must_fit_its_dates() {
        let weeks = Value::Amount(Amount {
            low: 45.5,
            high: Some(52.5),
            unit: "day".into(),
        });
        let range = Value::Time(TimeRange::between(
            d(2017, 8, 2),
            d(2017, 10, 19),
            Granularity::Day,
        ));
        let arts = vec![analyzed(vec![
            claim(0, ClaimKind::Duration, weeks, "P7W"),
            claim(0, ClaimKind::Date, range, "2017-08-02/2017-10-19"),
        ])];
        let f = self_check(&arts);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].verdict, Verdict::Inconsistent);
        assert!(f[0].explanation.contains("78 days"), "{}", f[0].explanation);
        let fits = Value::Amount(Amount {
            low: 70.0,
            high: Some(80.0),
            unit: "day".into(),
        });
        let arts = vec![analyzed(vec![
            claim(0, ClaimKind::Duration, fits, "P11W"),
            claim(0, ClaimKind::Date, range_value(), "x"),
        ])];
        assert!(self_check(&arts).is_empty());
    }

    /// A count of people from `low` to `high` (open above when `None`).
    fn count_of_people(article: usize, low: f64, high: Option<f64>) -> Claim {
        let display = match high {
            None => format!("≥{low}"),
            Some(_) => low.to_string(),
        };
        let amount = Amount {
            low,
            high,
            unit: "peopl".into(),
        };
        claim(article, ClaimKind::Count, Value::Amount(amount), &display)
    }

    #[test]
    fn two_floors_of_one_order_are_two_reported_figures() {
        let floor = |article: usize, n: f64| count_of_people(article, n, None);
        let verdict = |x: f64, y: f64| {
            let arts = vec![analyzed(vec![floor(0, x)]), analyzed(vec![floor(1, y)])];
            let mut g = group(2);
            g.kind = ClaimKind::Count;
            let f = compare(&arts, &[g]).remove(0);
            (f.verdict, f.explanation)
        };
        let (v, why) = verdict(6.0, 7.0);
        assert_eq!(v, Verdict::Contradict);
        assert!(why.contains("two different figures reported"), "{why}");
        assert_eq!(verdict(7.0, 7.0).0, Verdict::Agree);
        // Floors far apart bound different things more likely than not.
        assert_eq!(verdict(2.0, 70.0).0, Verdict::Agree);
    }

    #[test]
    fn a_later_rise_supersedes_a_lower_figure_of_the_same_day() {
        let count = |article: usize, n: f64| count_of_people(article, n, Some(n));
        let dated = |day: u32, sentence: &str, c: Claim| {
            let mut a = Analyzed::with_claims(
                Article::from_text("a", sentence).published_on(d(2009, 6, day)),
                vec![c],
            );
            a.sentences.push(crate::model::Sentence {
                span: Span::new(0, sentence.len()),
                line: 1,
                text: sentence.into(),
            });
            a
        };
        let mut g = group(3);
        g.kind = ClaimKind::Count;
        let arts = vec![
            dated(7, "The flood killed four people.", count(0, 4.0)),
            dated(7, "The flood killed nine people.", count(1, 9.0)),
            dated(8, "The toll from the flood rose to 9.", count(2, 9.0)),
        ];
        let f = &compare(&arts, std::slice::from_ref(&g))[0];
        assert_eq!(f.verdict, Verdict::Update, "{}", f.explanation);
        // Without the later rise, two figures of one day contradict.
        let arts = vec![
            dated(7, "The flood killed four people.", count(0, 4.0)),
            dated(7, "The flood killed nine people.", count(1, 9.0)),
            dated(8, "The flood killed nine people.", count(2, 9.0)),
        ];
        let f = &compare(&arts, std::slice::from_ref(&g))[0];
        assert_eq!(f.verdict, Verdict::Contradict);
    }

    fn range_value() -> Value {
        Value::Time(TimeRange::between(
            d(2017, 8, 2),
            d(2017, 10, 19),
            Granularity::Day,
        ))
    }
}
