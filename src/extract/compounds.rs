//! Numbers inside a compound adjective: "the 300-seat parliament", "a 12-gauge
//! shotgun", "a 40-bed hospital", "a five-man crew".
//!
//! The count extractor wants a number, a space and a plural noun; a compound
//! adjective glues the number to a singular unit noun and puts the thing measured
//! after it. The unit is one of [`UNITS`], so "a two-car crash" or "a four-day
//! strike" (time is the tagger's) are left alone. The topic is the unit and the
//! thing ("seat parliament"): a roleless count, compared as such.

use super::{SentenceCtx, count_claim};
use crate::clues::{Clue, Has, clue};
use crate::lexicon;
use crate::model::{Aspect, Claim, Span, Topic};
use crate::wordre::WordRegex;
use std::sync::LazyLock;

/// Unit nouns a compound adjective counts by.
const UNITS: &[&str] = &[
    "seat", "bed", "room", "storey", "story", "member", "gauge", "man", "person",
];

/// Clue bit of [`COMPOUND`]: a hyphen and a unit noun ("-seat"), which every match
/// holds.
const HYPHEN_UNIT: u64 = 1 << 46;

/// What [`COMPOUND`] needs ([`crate::clues`]): most sentences with a hyphen have no
/// unit after it.
pub(super) fn clues() -> Vec<Clue> {
    static LITERALS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let hyphened = UNITS.iter().map(|u| format!("-{u}"));
        hyphened.map(|l| &*l.leak()).collect()
    });
    LITERALS.iter().map(|l| clue(l, HYPHEN_UNIT)).collect()
}

/// A number, a hyphen, a unit noun, then the noun it qualifies (after at most one
/// more hyphenated modifier: "a 12-gauge pump-action shotgun").
static COMPOUND: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)\b(?P<n>\d{{1,4}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(?P<unit>{})\s+(?:[a-z]+-[a-z]+\s+)?(?P<noun>[A-Za-z]+)\b",
        UNITS.join("|")
    ))
    .expect("compound pattern compiles")
});

/// The counts in compound adjectives of a sentence.
pub(super) fn compounds(ctx: &SentenceCtx, has: Has) -> Vec<Claim> {
    // Most sentences hold no unit after a hyphen: nothing to build.
    if !has.all(HYPHEN_UNIT) {
        debug_assert!(!COMPOUND.is_match(ctx.text), "{:?}", ctx.text);
        return Vec::new();
    }
    COMPOUND
        .captures_iter(ctx.text)
        .filter_map(|caps| {
            let (n, unit, noun) = (caps.name("n")?, caps.name("unit")?, caps.name("noun")?);
            if ctx.text[..n.start()].ends_with(['-', '.', ',', '$']) {
                return None;
            }
            let value = lexicon::number_value(n.as_str())?;
            if lexicon::is_stopword(noun.as_str()) {
                return None;
            }
            let span = Span::new(n.start(), unit.end());
            Some(claim(ctx, span, unit.as_str(), noun.as_str(), value))
        })
        .collect()
}

fn claim(ctx: &SentenceCtx, span: Span, unit: &str, noun: &str, value: f64) -> Claim {
    let unit = unit.to_lowercase();
    let thing = lexicon::fold(noun);
    let mut tokens = vec![lexicon::fold(&unit), thing.clone()];
    tokens.sort();
    tokens.dedup();
    let topic = Topic {
        label: format!("{} ({unit})", noun.to_lowercase()),
        head: format!("{} {thing}", lexicon::fold(&unit)),
        tokens,
        aspect: Aspect::Whole,
    };
    count_claim(ctx, span, (value, Some(value)), lexicon::fold(&unit), topic)
}

#[cfg(test)]
mod tests {
    use super::super::one_line_claims;
    use crate::lexicon;
    use crate::model::ClaimKind;
    use chrono::NaiveDate;

    fn counts(text: &str) -> Vec<(String, String)> {
        let date = NaiveDate::from_ymd_opt(2011, 3, 4).expect("date");
        one_line_claims(text, date)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Count)
            .map(|c| (c.topic.head, c.display))
            .collect()
    }

    #[test]
    fn compounds_count_by_their_unit() {
        assert_eq!(
            counts("The bill goes to the 450-seat assembly on Friday."),
            vec![(
                format!("seat {}", lexicon::fold("assembly")),
                "450".to_string()
            )]
        );
        assert_eq!(
            counts("Police found a 20-gauge bolt-action rifle."),
            vec![(
                format!("{} {}", lexicon::fold("gauge"), lexicon::fold("rifle")),
                "20".to_string()
            )]
        );
        assert!(counts("It was a two-car crash.").is_empty());
    }
}
