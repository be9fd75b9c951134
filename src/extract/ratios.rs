//! Shares and multiples written in words: "half the roof", "two-thirds of the
//! homes", "more than five times the legal limit".
//!
//! A share in words is a percentage of the noun after "(of) the": it gets the same
//! topic as "50 percent of the roof" ("percent roof"), give or take five points,
//! since news rounds shares to halves and thirds. A multiple of a limit or average
//! is a count of times with the topic "times <noun>".

use super::{SentenceCtx, blank_claim, count_display, is_verbish};
use crate::clues::{Clue, Has, word_clue};
use crate::lexicon;
use crate::model::{Amount, Aspect, Claim, ClaimKind, Span, Topic, Value};
use crate::wordre::WordRegex;
use std::sync::LazyLock;

/// Shares in words and the percentages they stand for.
const SHARES: &[(&str, f64)] = &[
    ("half", 50.0),
    ("a third", 100.0 / 3.0),
    ("one third", 100.0 / 3.0),
    ("two-thirds", 200.0 / 3.0),
    ("two thirds", 200.0 / 3.0),
    ("a quarter", 25.0),
    ("one quarter", 25.0),
    ("three-quarters", 75.0),
    ("three quarters", 75.0),
];

/// Points either side of a share in words.
const SHARE_SLACK: f64 = 5.0;

/// Clue bits of the ratio patterns: a share word, and "times".
const SHARE_WORD: u64 = 1 << 40;
const TIMES: u64 = 1 << 41;

/// What the ratio patterns need, each word whole (blanks, a hyphen or a word
/// boundary either side): as part of a word, "quarter" is in many sentences
/// ("headquarters"), and "times" in more ("sometimes").
pub(super) fn clues() -> Vec<Clue> {
    let shares = ["half", "third", "thirds", "quarter", "quarters"];
    let shares = shares.into_iter().map(|w| word_clue(w, SHARE_WORD));
    shares.chain([word_clue("times", TIMES)]).collect()
}

/// A share in words, "(of) the|its|their", then up to three words of its noun phrase.
static SHARE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?P<f>half|(?:a|one)\s+third|two[-\s]thirds|(?:a|one)\s+quarter|three[-\s]quarters)\s+(?:of\s+)?(?:the|its|their)\s+(?P<np>[a-z-]+(?:\s+[a-z-]+){0,2})",
    )
    .expect("share pattern compiles")
});

/// "(more than) five times the (legal) limit".
static MULTIPLE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
            r"(?i)\b(?:(?P<q>{})\s+)?(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+times\s+(?:the|its|their)\s+(?:(?:legal|allowed|permitted|normal|national|recommended|safe|usual)\s+)?(?P<what>limit|level|average|rate|amount|size)\b",
            crate::quantity::QUALIFIERS
        ))
    .expect("multiple pattern compiles")
});

/// The shares and multiples of a sentence.
pub(super) fn ratios(ctx: &SentenceCtx, has: Has) -> Vec<Claim> {
    // Most sentences hold neither word: nothing to build.
    if !has.any(SHARE_WORD | TIMES) {
        debug_assert!(!SHARE.is_match(ctx.text) && !MULTIPLE.is_match(ctx.text));
        return Vec::new();
    }
    let mut out: Vec<Claim> = SHARE
        .captures_iter_if(has.all(SHARE_WORD), ctx.text)
        .filter_map(|c| share(ctx, c.name("f")?, c.name("np")?))
        .collect();
    out.extend(
        MULTIPLE
            .captures_iter_if(has.all(TIMES), ctx.text)
            .filter_map(|c| multiple(ctx, &c)),
    );
    out
}

fn share(ctx: &SentenceCtx, f: regex::Match, np: regex::Match) -> Option<Claim> {
    // "the second half of the season", "a half": a part of time or of a whole named
    // before, not a share.
    let before = ctx.text[..f.start()].split_whitespace().next_back();
    if before.is_some_and(|w| {
        let w = w.to_lowercase();
        matches!(
            w.as_str(),
            "a" | "the" | "first" | "second" | "last" | "other"
        )
    }) {
        return None;
    }
    let share = lexicon::lookup(SHARES, &squash(f.as_str()))?;
    let noun = np
        .as_str()
        .split_whitespace()
        .take_while(|w| !lexicon::is_stopword(w) && !is_verbish(&w.to_lowercase()))
        .last()?;
    if super::is_time_or_unit(noun) {
        return None;
    }
    let head = format!("percent {}", lexicon::fold(noun));
    let topic = Topic {
        label: noun.to_lowercase(),
        tokens: head.split(' ').map(str::to_string).collect(),
        head,
        aspect: Aspect::Whole,
    };
    let amount = Amount {
        low: share - SHARE_SLACK,
        high: Some(share + SHARE_SLACK),
        unit: "%".to_string(),
    };
    Some(blank_claim(
        ClaimKind::Percentage,
        Span::new(f.start(), f.end()),
        ctx.text,
        Value::Amount(amount),
        format!("{}%", share.round()),
        topic,
    ))
}

fn multiple(ctx: &SentenceCtx, c: &regex::Captures) -> Option<Claim> {
    let (whole, n, what) = (c.get(0)?, c.name("n")?, c.name("what")?);
    // "more than five times" is above five: no count rounding to six here.
    let q = c.name("q").map(|q| squash(q.as_str()));
    let (low, high) = match q.as_deref() {
        Some("more than" | "over" | "at least") => {
            (crate::quantity::count_interval(n.as_str(), None)?.0, None)
        }
        q => crate::quantity::count_interval(n.as_str(), q)?,
    };
    let noun = what.as_str().to_lowercase();
    let head = format!("times {}", lexicon::fold(&noun));
    let topic = Topic {
        label: format!("times the {noun}"),
        tokens: head.split(' ').map(str::to_string).collect(),
        head,
        aspect: Aspect::Whole,
    };
    let amount = Amount {
        low,
        high,
        unit: "times".to_string(),
    };
    Some(blank_claim(
        ClaimKind::Count,
        Span::new(whole.start(), what.end()),
        ctx.text,
        Value::Amount(amount),
        format!("{}×", count_display(low, high)),
        topic,
    ))
}

/// Lower case, single spaces.
fn squash(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::super::one_line_claims;
    use crate::lexicon;
    use crate::model::{Claim, Value};
    use chrono::NaiveDate;

    fn claims(text: &str) -> Vec<Claim> {
        let date = NaiveDate::from_ymd_opt(2011, 3, 4).expect("date");
        one_line_claims(text, date)
    }

    fn low(c: &Claim) -> f64 {
        match &c.value {
            Value::Amount(a) => a.low,
            _ => f64::NAN,
        }
    }

    #[test]
    fn ratios_shares_in_words_are_percentages_of_their_noun() {
        let roof = claims("Half of the old barn roof fell in.");
        let share = roof
            .iter()
            .find(|c| c.topic.head == format!("percent {}", lexicon::fold("roof")))
            .expect("a share of the roof");
        assert_eq!(low(share), 45.0);
        let homes = claims("Two-thirds of the homes were damaged.");
        assert!(
            homes
                .iter()
                .any(|c| c.topic.head == format!("percent {}", lexicon::fold("homes")))
        );
        assert!(
            claims("It rained in the second half of the match.")
                .iter()
                .all(|c| !c.topic.head.starts_with("percent"))
        );
    }

    #[test]
    fn ratios_multiples_of_a_limit() {
        let over = claims("His reading was more than four times the legal limit.");
        let times = over
            .iter()
            .find(|c| c.topic.head == format!("times {}", lexicon::fold("limit")))
            .expect("a multiple of the limit");
        assert_eq!(low(times), 4.0);
    }
}
