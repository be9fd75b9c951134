//! A criminal record counted: "three prior DUI convictions", "a previous burglary
//! conviction", "two motor vehicle theft convictions".
//!
//! The main count extractor reads a number, at most three lower-case words and a
//! plural noun; a record names its offence with capitals ("DUI") and long compounds,
//! and "a prior conviction" counts one. Each claim counts convictions for one offence
//! (the word just before "conviction", synonyms folded: DUI = DWI), in the role
//! [`CONVICTED`], so records stated in different words are compared.

use super::{SentenceCtx, count_claim};
use crate::clues::{Clue, Has, clue};
use crate::lexicon;
use crate::model::{Aspect, Claim, Span, Topic};
use crate::wordre::WordRegex;
use std::sync::LazyLock;

/// The role of counted convictions.
pub(crate) const CONVICTED: &str = "convicted";

/// Clue bit of [`RECORD`]: "conviction", which every match holds.
const CONVICTION: u64 = 1 << 45;

/// What [`RECORD`] needs ([`crate::clues`]): the sentence's clues are found anyway,
/// where a search for the word scanned every sentence once more.
pub(super) fn clues() -> Vec<Clue> {
    vec![clue("conviction", CONVICTION)]
}

/// A number (or "a"/"an" before "prior"/"previous"), up to four offence words, then
/// "conviction(s)". The number words are those the count extractor reads.
static RECORD: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:(?P<a>an?)\s+(?P<prior_a>prior|previous|earlier)|(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+(?:prior|previous|earlier|past|other))?)\s+(?P<offence>(?:[A-Za-z][A-Za-z-]*\s+){0,4}?)(?P<noun>convictions?)\b",
    )
    .expect("record pattern compiles")
});

/// Counts of convictions in a sentence.
pub(super) fn convictions(ctx: &SentenceCtx, has: Has) -> Vec<Claim> {
    // Most sentences speak of no conviction: nothing to build.
    if !has.all(CONVICTION) {
        debug_assert!(!RECORD.is_match(ctx.text), "{:?}", ctx.text);
        return Vec::new();
    }
    RECORD
        .captures_iter(ctx.text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let count = match (caps.name("a"), caps.name("n")) {
                (Some(_), _) => 1.0,
                (None, Some(n)) => lexicon::number_value(n.as_str())?,
                (None, None) => return None,
            };
            let offence = caps
                .name("offence")
                .and_then(|o| o.as_str().split_whitespace().last())
                .filter(|w| !lexicon::is_stopword(w))
                .unwrap_or("conviction");
            Some(claim(
                ctx,
                Span::new(whole.start(), whole.end()),
                offence,
                count,
            ))
        })
        .collect()
}

fn claim(ctx: &SentenceCtx, span: Span, offence: &str, count: f64) -> Claim {
    let folded = lexicon::fold(offence);
    let mut tokens = vec![folded.clone(), CONVICTED.to_string()];
    tokens.sort();
    tokens.dedup();
    let topic = Topic {
        label: format!("{offence} convictions ({CONVICTED})"),
        head: format!("{CONVICTED} {folded}"),
        tokens,
        aspect: Aspect::Whole,
    };
    count_claim(
        ctx,
        span,
        (count, Some(count)),
        "conviction".to_string(),
        topic,
    )
}

#[cfg(test)]
mod tests {
    use super::super::one_line_claims;
    use crate::model::{ClaimKind, Value};
    use chrono::NaiveDate;

    fn records(text: &str) -> Vec<(String, f64)> {
        let date = NaiveDate::from_ymd_opt(2011, 3, 4).expect("date");
        one_line_claims(text, date)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Count && c.topic.head.starts_with("convicted"))
            .map(|c| match c.value {
                Value::Amount(a) => (c.topic.head, a.low),
                _ => (c.topic.head, f64::NAN),
            })
            .collect()
    }

    #[test]
    fn record_counts_convictions_by_offence() {
        assert_eq!(
            records("Court papers show Okafor has four prior OWI convictions."),
            vec![("convicted dwi".to_string(), 4.0)]
        );
        assert_eq!(
            records("He has a previous DWI conviction from 2001."),
            vec![("convicted dwi".to_string(), 1.0)]
        );
        assert_eq!(
            records("She also had three farm equipment theft convictions."),
            vec![("convicted theft".to_string(), 3.0)]
        );
        assert!(records("Prosecutors won a conviction in May.").is_empty());
    }
}
