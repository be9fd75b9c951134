//! Align: group the claims of different articles that speak of one fact.
//!
//! Two claims can be aligned when they are of the same kind, their topics share a head
//! (after stemming and synonym folding: drills ≈ exercises, talks ≈ meeting), their
//! aspects agree (a start date is not an end date), their topics' words are similar
//! enough, and they belong to the same situation in time: claims from articles
//! published more than [`AlignOptions::max_anchor_gap_days`] apart are kept apart
//! unless both state fixed history. A 2018 "first talks since 2015" is therefore never
//! compared with a 2014 "first talks since 2007".
//!
//! Grouping is greedy in article order and value-aware: a claim joins the most similar
//! group it agrees with, else the most similar group at all, else starts its own, and
//! a group holds at most one claim per article. Claims that only name an instance
//! ("last year's manoeuvres") join only groups they agree with.

use crate::model::{
    Amount, Analyzed, Aspect, Claim, ClaimKind, ClaimRef, Granularity, Group, TimeRange, Value,
};
use chrono::{Days, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// Thresholds for alignment.
#[derive(Clone, Debug)]
pub struct AlignOptions {
    /// Claims from articles published further apart than this are about different
    /// situations (unless both are history).
    pub max_anchor_gap_days: i64,
    /// Least Dice similarity of topic words for two claims to be aligned.
    pub min_similarity: f64,
    /// Score every pair of claims instead of blocks of one story, kind and head: the
    /// same result, quadratically slower; the reference the blocking is tested against.
    pub all_pairs: bool,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            max_anchor_gap_days: 30,
            min_similarity: 0.3,
            all_pairs: false,
        }
    }
}

/// Group the claims of all articles; only groups with claims from two or more
/// articles are returned, in order of their first claim.
///
/// Candidate pairs come from blocks of claims sharing kind and head, never from all
/// pairs; they are merged best first (same aspect and precision, agreeing values,
/// similar words, shared actors), so each claim ends up beside its closest
/// counterpart.
pub fn align(articles: &[Analyzed], opts: &AlignOptions) -> Vec<Group> {
    let refs: Vec<ClaimRef> = articles
        .iter()
        .enumerate()
        .flat_map(|(ai, a)| {
            (0..a.claims.len()).map(move |ci| ClaimRef {
                article: ai,
                claim: ci,
            })
        })
        .collect();
    let names: Vec<BTreeSet<String>> = refs
        .iter()
        .map(|r| {
            let c = claim(articles, *r);
            articles[r.article]
                .sentences
                .get(c.sentence)
                .map_or_else(BTreeSet::new, |s| proper_names(&s.text))
        })
        .collect();
    let mut pairs = if opts.all_pairs {
        every_pair(articles, &refs, &names, opts)
    } else {
        blocked_pairs(articles, &refs, &names, opts)
    };
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut group_of: Vec<Option<usize>> = vec![None; refs.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let fits = |g: &[usize], x: usize| {
        let c = claim(articles, refs[x]);
        g.iter().all(|&m| {
            let o = claim(articles, refs[m]);
            if refs[m].article == refs[x].article {
                let both_sources = c.attributed_to != o.attributed_to
                    || c.sentence == o.sentence && contrasts(&articles[refs[x].article], c);
                (compatible(&c.value, &o.value) || both_sources && reports_sources(c))
                    && c.topic.aspect == o.topic.aspect
            } else {
                pair_score(c, o, opts).is_some() && same_subject(c, o, &names[x], &names[m])
            }
        })
    };
    for &(_, i, j) in &pairs {
        match (group_of[i], group_of[j]) {
            (None, None) => {
                group_of[i] = Some(groups.len());
                group_of[j] = Some(groups.len());
                groups.push(vec![i, j]);
            }
            (Some(g), None) | (None, Some(g)) => {
                let x = if group_of[i].is_none() { i } else { j };
                if fits(&groups[g], x) {
                    groups[g].push(x);
                    group_of[x] = Some(g);
                }
            }
            (Some(g), Some(h)) if g != h && groups[h].iter().all(|&x| fits(&groups[g], x)) => {
                let moved = std::mem::take(&mut groups[h]);
                for &x in &moved {
                    group_of[x] = Some(g);
                }
                groups[g].extend(moved);
            }
            _ => {}
        }
    }
    second_chance(
        articles,
        &refs,
        &group_of,
        &pairs_by_claim(&pairs),
        &mut groups,
    );
    let mut out: Vec<Group> = groups
        .into_iter()
        .filter(|g| {
            g.iter()
                .map(|&i| refs[i].article)
                .collect::<BTreeSet<_>>()
                .len()
                > 1
        })
        .map(|mut g| {
            g.sort();
            let claims: Vec<ClaimRef> = g.iter().map(|&i| refs[i]).collect();
            Group {
                kind: claim(articles, claims[0]).kind,
                topic: label(articles, &claims),
                claims,
            }
        })
        .collect();
    out.sort_by_key(|g| g.claims[0]);
    out
}

/// The scored candidate pairs (score, claim, claim), from blocks of claims of one
/// story, kind and head: only such claims can be aligned ([`alignable`]), so the
/// blocks lose no pair, and a story's claims cost only each other.
fn blocked_pairs(
    articles: &[Analyzed],
    refs: &[ClaimRef],
    names: &[BTreeSet<String>],
    opts: &AlignOptions,
) -> Vec<(f64, usize, usize)> {
    let mut blocks: BTreeMap<(usize, ClaimKind, &str), Vec<usize>> = BTreeMap::new();
    for (i, r) in refs.iter().enumerate() {
        let c = claim(articles, *r);
        let story = articles[r.article].story;
        blocks
            .entry((story, c.kind, block_head(c)))
            .or_default()
            .push(i);
    }
    let mut pairs = Vec::new();
    for members in blocks.values() {
        for (x, &i) in members.iter().enumerate() {
            // Members come in article order: skip the rest of this claim's own article
            // at once, so a long article costs nothing here.
            let rest = &members[x + 1..];
            let others = rest.partition_point(|&j| refs[j].article <= refs[i].article);
            for &j in &rest[others..] {
                pairs.extend(scored(articles, refs, names, opts, i, j));
            }
        }
    }
    pairs
}

/// The head a claim is blocked by: its topic head, except for clock times, which
/// are matched by value rather than by topic ([`same_topic`]).
fn block_head(c: &Claim) -> &str {
    if c.kind == ClaimKind::Clock {
        ""
    } else {
        c.topic.head.as_str()
    }
}

/// True when two claims' topics may speak of one fact. A clock time's topic is
/// whatever noun or verb happens to stand near it ("the bomb detonated around 5:30",
/// "the explosion happened just before 5:30"): articles hang one moment on different
/// words, so clock times of one incident are matched by value alone, and since clocks
/// are grouped only when they agree ([`alignable`]) this can add agreements, never
/// contradictions.
fn same_topic(a: &Claim, b: &Claim) -> bool {
    a.kind == ClaimKind::Clock || a.topic.head == b.topic.head
}

/// Every pair of claims of different articles, scored: the reference the blocking
/// must agree with (quadratic; for tests).
fn every_pair(
    articles: &[Analyzed],
    refs: &[ClaimRef],
    names: &[BTreeSet<String>],
    opts: &AlignOptions,
) -> Vec<(f64, usize, usize)> {
    let mut pairs = Vec::new();
    for i in 0..refs.len() {
        for j in i + 1..refs.len() {
            if refs[i].article != refs[j].article {
                pairs.extend(scored(articles, refs, names, opts, i, j));
            }
        }
    }
    pairs
}

/// The score of claims `i` and `j` when they may be aligned: same story, alignable,
/// same subject.
fn scored(
    articles: &[Analyzed],
    refs: &[ClaimRef],
    names: &[BTreeSet<String>],
    opts: &AlignOptions,
    i: usize,
    j: usize,
) -> Option<(f64, usize, usize)> {
    if articles[refs[i].article].story != articles[refs[j].article].story {
        return None;
    }
    let (a, b) = (claim(articles, refs[i]), claim(articles, refs[j]));
    let score = pair_score(a, b, opts).filter(|_| same_subject(a, b, &names[i], &names[j]))?;
    Some((score, i, j))
}

/// True for the kinds of value an article may give twice, from two sources (an
/// unattributed 5.9 in the lead, "the USGS said 6.1" later): one fact, told as the
/// sources disagree, so both may join one group.
fn reports_sources(c: &Claim) -> bool {
    matches!(
        c.kind,
        ClaimKind::Magnitude | ClaimKind::Count | ClaimKind::Measure | ClaimKind::Money
    )
}

/// True when a claim's sentence sets two statements against each other ("Chile's
/// centre measured 5.2, but the USGS said 4.8").
fn contrasts(article: &Analyzed, c: &Claim) -> bool {
    article.sentences.get(c.sentence).is_some_and(|s| {
        s.text
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|w| matches!(w, "but" | "while" | "whereas" | "although" | "however"))
    })
}

/// For each claim, its candidate partners with their scores, best first.
fn pairs_by_claim(pairs: &[(f64, usize, usize)]) -> BTreeMap<usize, Vec<(f64, usize)>> {
    let mut by: BTreeMap<usize, Vec<(f64, usize)>> = BTreeMap::new();
    for &(score, i, j) in pairs {
        by.entry(i).or_default().push((score, j));
        by.entry(j).or_default().push((score, i));
    }
    by
}

/// A record claim ("first since 2009") left out because its own article says
/// otherwise elsewhere ("the first in more than eight years") still has a counterpart in
/// the other articles: pair it with its best one, so the disagreement is reported
/// rather than lost.
fn second_chance(
    articles: &[Analyzed],
    refs: &[ClaimRef],
    group_of: &[Option<usize>],
    partners: &BTreeMap<usize, Vec<(f64, usize)>>,
    groups: &mut Vec<Vec<usize>>,
) {
    for (i, g) in group_of.iter().enumerate() {
        if g.is_some() || claim(articles, refs[i]).kind != ClaimKind::LastOccurrence {
            continue;
        }
        let best = partners.get(&i).and_then(|ps| {
            ps.iter()
                .filter(|(score, _)| *score >= 1.0)
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        });
        if let Some(&(_, j)) = best {
            groups.push(vec![i, j]);
        }
    }
}

fn claim(articles: &[Analyzed], r: ClaimRef) -> &Claim {
    &articles[r.article].claims[r.claim]
}

/// The label of a group: the shortest topic among its claims, with the aspect.
fn label(articles: &[Analyzed], claims: &[ClaimRef]) -> String {
    let topics: Vec<&Claim> = claims.iter().map(|r| claim(articles, *r)).collect();
    let best = topics
        .iter()
        .min_by_key(|c| (c.topic.label.len(), c.topic.label.clone()))
        .map_or(String::new(), |c| c.topic.label.clone());
    let aspect = topics
        .iter()
        .map(|c| c.topic.aspect)
        .max()
        .unwrap_or_default();
    match aspect {
        Aspect::Whole => best,
        Aspect::Start => format!("{best} (start)"),
        Aspect::End => format!("{best} (end)"),
    }
}

/// How well two claims of different articles match, or `None` when they must not be
/// aligned.
fn pair_score(a: &Claim, b: &Claim, opts: &AlignOptions) -> Option<f64> {
    if !alignable(a, b, opts) {
        return None;
    }
    // Clock times are matched by value (see `same_topic`): their words count only
    // towards the score.
    let sim = dice(&a.topic.tokens, &b.topic.tokens);
    let sim = if a.kind == ClaimKind::Clock {
        sim.max(opts.min_similarity)
    } else {
        sim
    };
    // Past events of one kind abound ("custody hearings in 1994", "a county hearing in
    // 2006"): history is only compared when the topics say nearly the same.
    let least = if a.historical || b.historical {
        opts.min_similarity.max(0.6)
    } else {
        opts.min_similarity
    };
    if sim < least {
        return None;
    }
    let agrees = compatible(&a.value, &b.value);
    if (a.identifying || b.identifying) && !agrees {
        return None;
    }
    // Each claim should meet its most specific counterpart: the same aspect at the same
    // precision first ("22 February" beside "20 February", not beside "this month"),
    // then agreement.
    let mut score = sim;
    if a.topic.aspect == b.topic.aspect {
        score += 0.6;
    }
    if granularity(&a.value) == granularity(&b.value) {
        score += 0.4;
    }
    if agrees {
        score += 0.5;
    }
    if a.display == b.display {
        score += 0.25;
    }
    // Sentences naming the same actors ("Tehran" = Iran) speak of the same
    // thing more likely than not.
    if a.actors.iter().any(|x| b.actors.contains(x)) {
        score += 0.2;
    }
    Some(score)
}

/// Same kind, same head, compatible aspect, same situation in time.
fn alignable(a: &Claim, b: &Claim, opts: &AlignOptions) -> bool {
    let aspects = matches!(
        (a.topic.aspect, b.topic.aspect),
        (Aspect::Whole, _) | (_, Aspect::Whole)
    ) || a.topic.aspect == b.topic.aspect;
    // An event whose time is unknown (an undated article) is not shown to be the same
    // as one whose time is known: two quakes on the same island years apart read
    // alike. Two undated claims may still be compared.
    let same_time = match (a.anchor, b.anchor) {
        (Some(x), Some(y)) => {
            (x - y).num_days().abs() <= opts.max_anchor_gap_days || a.historical && b.historical
        }
        (None, None) => true,
        _ => false,
    };
    // Background events are told apart by where they happened ("Maruna" vs "Dunmoor").
    let same_place = !(a.historical && b.historical) || places_overlap(&a.places, &b.places);
    let same_era = a.kind == ClaimKind::Date || a.historical == b.historical;
    // A quake and a shooting are never one event, whatever their numbers.
    let same_incident = match (a.event.kind, b.event.kind) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    // A crowd is counted where it marched: "20,000 in Thessaloniki" and "10,000 in
    // Heraklion" are two crowds, and a crowd whose place is not read ("nationwide",
    // or a place the reader missed) is not shown to be either.
    let same_crowd = !is_crowd(a) || crowd_places_match(&a.places, &b.places);
    // Counts of an incident on Sunday and of another on Monday are two facts.
    let same_day = match (a.event.day, b.event.day) {
        (Some(x), Some(y)) => x.may_be(y),
        _ => true,
    };
    // Two different weekdays of undated articles are two days of the story, not one
    // fact stated two ways.
    let weekdays_fit = match (&a.value, &b.value) {
        (Value::Weekday(x), Value::Weekday(y)) => x == y,
        // A story has many clock times (the call, the blast, the arrest) that a topic
        // word cannot tell apart: clock times are grouped only when they agree (and
        // local time and GMT never).
        (Value::Clock { .. }, Value::Clock { .. }) => compatible(&a.value, &b.value),
        _ => true,
    };
    a.kind == b.kind
        && weekdays_fit
        && same_incident
        && same_day
        && same_crowd
        && same_place
        && same_era
        && same_topic(a, b)
        && aspects
        && same_time
        && (a.kind != ClaimKind::Date || is_current(a, b.anchor) == is_current(b, a.anchor))
}

/// True when a date claim speaks of the time around its article's publication (or, for
/// an undated article, the other claim's) (from a
/// month before to two months after), as opposed to background history. A date in the
/// story's present and one in its past are about different events ("the quake on
/// Sunday" and "minor tremors in February"), so they are never aligned.
fn is_current(c: &Claim, fallback: Option<NaiveDate>) -> bool {
    let (Value::Time(t), Some(anchor)) = (&c.value, c.anchor.or(fallback)) else {
        return true;
    };
    let window = TimeRange {
        earliest: anchor.checked_sub_days(Days::new(31)),
        latest: anchor.checked_add_days(Days::new(62)),
        granularity: Granularity::Day,
    };
    t.overlaps(&window)
}

/// A count of things with no role word ("205 yards", "10 points", "two boats") is
/// only comparable when both sentences name someone or something in common: sports
/// and business stories are full of such numbers about different subjects. Without
/// that, two such counts of one story ("2,000 tents", "three live shells") may still
/// be grouped when they agree: equal numbers of the same thing in one story are one
/// fact, but different numbers may well be counts of different things.
fn same_subject(a: &Claim, b: &Claim, na: &BTreeSet<String>, nb: &BTreeSet<String>) -> bool {
    // Two suspects may face murder charges of two degrees: degrees that differ are
    // only compared when both sentences name someone in common.
    if a.kind == ClaimKind::Ordinal && a.topic.head.starts_with("degree ") {
        return compatible(&a.value, &b.value) || !na.is_disjoint(nb);
    }
    if a.kind != ClaimKind::Count || has_role(&a.topic.head) {
        return true;
    }
    a.topic.head.contains(' ') && !na.is_disjoint(nb) || compatible(&a.value, &b.value)
}

/// Count heads start with their role ("killed peopl", "population korvel").
fn has_role(head: &str) -> bool {
    let first = head.split(' ').next().unwrap_or("");
    first == "population" || crate::lexicon::ROLES.iter().any(|(_, r)| *r == first)
}

/// Capitalized words of a sentence that are not function words, lower-cased.
fn proper_names(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| w.trim_end_matches("'s").to_lowercase())
        .filter(|w| {
            w.len() > 1
                && !crate::lexicon::is_stopword(w)
                && crate::lexicon::lookup(crate::lexicon::MONTHS, w).is_none()
                && crate::lexicon::lookup(crate::lexicon::WEEKDAYS, w).is_none()
        })
        .collect()
}

fn granularity(v: &Value) -> Option<Granularity> {
    match v {
        Value::Time(t) => Some(t.granularity),
        Value::Amount(_)
        | Value::Ordinal(_)
        | Value::Place(_)
        | Value::Weekday(_)
        | Value::Clock { .. }
        | Value::Bearing(_) => None,
    }
}

/// True for a count of marchers ("20,000 people marched").
fn is_crowd(c: &Claim) -> bool {
    c.kind == ClaimKind::Count && c.topic.head.starts_with("marched ")
}

/// True when both claims name a place in common.
fn crowd_places_match(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && !b.is_empty() && places_overlap(a, b)
}

/// True when either list is empty or the two share a word.
fn places_overlap(a: &[String], b: &[String]) -> bool {
    let words = |v: &[String]| -> BTreeSet<String> {
        v.iter()
            .flat_map(|p| {
                p.split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    a.is_empty() || b.is_empty() || !words(a).is_disjoint(&words(b))
}

/// True when two values can both hold.
pub fn compatible(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Time(x), Value::Time(y)) => x.overlaps(y),
        (Value::Amount(x), Value::Amount(y)) => x.overlaps(y) && !different_floors(x, y),
        (Value::Ordinal(x), Value::Ordinal(y)) => x == y,
        (Value::Place(x), Value::Place(y)) => x.eq_ignore_ascii_case(y),
        (Value::Weekday(x), Value::Weekday(y)) => x == y,
        (Value::Bearing(x), Value::Bearing(y)) => crate::extract::same_side(*x, *y),
        (
            Value::Clock { low, high, utc },
            Value::Clock {
                low: l2,
                high: h2,
                utc: u2,
            },
        ) => utc == u2 && low <= h2 && l2 <= high,
        _ => false,
    }
}

/// How far apart two floors may be and still be one figure reported two ways.
const FLOOR_RATIO: f64 = 2.0;

/// True for two open-ended figures with different floors of one order ("at least
/// seven" and "at least six", "more than 26,000" and "more than 31,000"): as bounds
/// both could hold, but each is what its source counted, so they are two different
/// reported figures, not one fact told twice. Floors further apart than
/// [`FLOOR_RATIO`] ("at least two" hurt in one attack, "at least 70" in a week of
/// riots) more likely bound different things, and are left as compatible bounds.
pub fn different_floors(x: &Amount, y: &Amount) -> bool {
    let (lo, hi) = if x.low <= y.low {
        (x.low, y.low)
    } else {
        (y.low, x.low)
    };
    x.high.is_none() && y.high.is_none() && hi - lo > 1e-9 && hi <= lo * FLOOR_RATIO
}

/// Dice coefficient over two sorted token sets.
///
/// Words count as shared when they are spelling variants of each other (Jaro-Winkler
/// similarity of at least [`SAME_WORD`]: "manoeuvr" ≈ "maneuv", "teheran" ≈ "tehran");
/// numbers never enter topics, so no value hides behind a near match.
fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a
        .iter()
        .filter(|t| {
            b.iter()
                .any(|u| t == &u || strsim::jaro_winkler(t, u) >= SAME_WORD)
        })
        .count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// Least Jaro-Winkler similarity of two topic words that are one word spelled two ways.
const SAME_WORD: f64 = 0.92;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ClaimKind, Granularity, Span, TimeRange, Topic};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn claim(head: &str, tokens: &[&str], value: TimeRange, anchor: NaiveDate) -> Claim {
        Claim {
            article: 0,
            sentence: 0,
            kind: ClaimKind::Date,
            mention: "x".into(),
            span: Span::new(0, 1),
            value: Value::Time(value),
            display: value.to_string(),
            topic: Topic {
                label: tokens.join(" "),
                head: head.into(),
                tokens: tokens.iter().map(|t| t.to_string()).collect(),
                aspect: Aspect::Whole,
            },
            actors: vec![],
            places: vec![],
            anchor: Some(anchor),
            historical: false,
            identifying: false,
            derivation: None,
            attributed_to: None,
            event: crate::model::Event::default(),
        }
    }

    fn article(claims: Vec<Claim>) -> Analyzed {
        Analyzed::with_claims(Article::from_text("a", ""), claims)
    }

    #[test]
    fn same_fact_across_articles_is_grouped() {
        let day = TimeRange::day(d(2014, 2, 20));
        let a = article(vec![claim(
            "reunion",
            &["famili", "reunion"],
            day,
            d(2014, 2, 13),
        )]);
        let b = article(vec![claim("reunion", &["reunion"], day, d(2014, 2, 12))]);
        let groups = align(&[a, b], &AlignOptions::default());
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].claims.len(), 2);
    }

    #[test]
    fn different_times_are_different_events() {
        let y = |n| TimeRange::between(d(n, 1, 1), d(n, 12, 31), Granularity::Year);
        let a = article(vec![claim("talk", &["talk"], y(2007), d(2014, 2, 13))]);
        let b = article(vec![claim("talk", &["talk"], y(2015), d(2018, 1, 13))]);
        assert!(align(&[a, b], &AlignOptions::default()).is_empty());
    }

    #[test]
    fn a_claim_joins_the_group_it_agrees_with() {
        let wed = TimeRange::day(d(2014, 2, 12));
        let fri = TimeRange::day(d(2014, 2, 14));
        let a = article(vec![
            claim("talk", &["talk"], wed, d(2014, 2, 13)),
            claim("talk", &["talk"], fri, d(2014, 2, 13)),
        ]);
        let b = article(vec![claim("talk", &["talk"], fri, d(2014, 2, 13))]);
        let groups = align(&[a, b], &AlignOptions::default());
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].claims[0].claim, 1);
    }

    #[test]
    fn spelling_variants_count_as_shared_words() {
        let a = vec!["joint".to_string(), "manoeuvr".to_string()];
        let b = vec!["joint".to_string(), "maneuvr".to_string()];
        assert_eq!(dice(&a, &b), 1.0);
        let c = vec!["joint".to_string(), "nuclear".to_string()];
        assert_eq!(dice(&a, &c), 0.5);
    }

    fn clock(head: &str, low: u32, high: u32) -> Claim {
        let mut c = claim(
            head,
            &[head],
            TimeRange::day(d(2014, 2, 20)),
            d(2014, 2, 20),
        );
        c.kind = ClaimKind::Clock;
        c.value = Value::Clock {
            low,
            high,
            utc: false,
        };
        c
    }

    #[test]
    fn agreeing_clock_times_align_whatever_word_they_hang_on() {
        // "the blast came around 5:30 p.m." and "the device went off just before 5:30".
        let a = article(vec![clock("blast", 17 * 60 + 15, 17 * 60 + 45)]);
        let b = article(vec![clock("went", 17 * 60 + 10, 17 * 60 + 30)]);
        let groups = align(&[a, b], &AlignOptions::default());
        assert_eq!(groups.len(), 1);
        // "the call at 10 a.m." is another moment of the story: never grouped.
        let c = article(vec![clock("blast", 17 * 60 + 30, 17 * 60 + 30)]);
        let e = article(vec![clock("call", 10 * 60, 10 * 60)]);
        assert!(align(&[c, e], &AlignOptions::default()).is_empty());
    }

    #[test]
    fn different_heads_never_align() {
        let day = TimeRange::day(d(2014, 2, 20));
        let a = article(vec![claim("reunion", &["reunion"], day, d(2014, 2, 13))]);
        let b = article(vec![claim(
            "talk",
            &["reunion", "talk"],
            day,
            d(2014, 2, 13),
        )]);
        assert!(align(&[a, b], &AlignOptions::default()).is_empty());
    }
}
