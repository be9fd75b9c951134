//! A time that opens a sentence dates the clause after it: "In December 2008, three
//! men emptied the store", "At the end of July, an armed man carried out a robbery",
//! "In March 2003, the city was razed by a quake".
//!
//! Such a sentence puts its time before any event noun, so the search left of the
//! time finds nothing and the search right of it stops at the first verb. When that
//! leaves a month or a year without a topic, the clause after the comma gives one:
//! an incident noun in it, else its verb. (A day opening a sentence, "On Tuesday,",
//! is left alone: its clause is often about something else than its event nouns.) A verb says less than a noun ("emptied" may be
//! said of two thefts), so a date hung on a verb may agree with others but never
//! contradicts them ([`crate::model::Claim::identifying`]).

use super::{
    SentenceCtx, event_heads, is_clause_break, is_stop, is_verb, phrase_topic, verb_topic,
};
use crate::lexicon;
use crate::model::{Granularity, Timex, Topic};

/// What the topic of an opening time was found on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    /// An incident noun of the clause ("a robbery", "a quake").
    Noun,
    /// Only the clause's verb ("emptied").
    Verb,
}

/// Words that may stand before a time that opens its sentence.
fn opens_with(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "on"
            | "during"
            | "early"
            | "late"
            | "the"
            | "end"
            | "start"
            | "beginning"
            | "middle"
            | "of"
    )
}

/// True for a time that sets a scene in the past by month or year ("In December
/// 2008,", "At the end of July,"), not a day of the story ("On Tuesday,",
/// "Yesterday,"), which its clause may well not be about.
fn is_background(t: &Timex) -> bool {
    let month_or_year = super::time_of(t).is_some_and(|r| r.granularity >= Granularity::Month);
    month_or_year && !super::is_relative(t)
}

/// The topic of the clause an opening time (followed by a comma) dates.
pub(super) fn opening_topic(ctx: &SentenceCtx, t: &Timex) -> Option<(Topic, Anchor)> {
    let wa = ctx.word_at(t.span.start);
    let wb = ctx.word_before(t.span.end);
    if !(0..wa).all(|k| opens_with(ctx.lower(k))) || ctx.lower(wb) != "," || !is_background(t) {
        return None;
    }
    let start = wb + 1;
    let end = (start..ctx.words.len())
        .find(|&k| is_clause_break(&ctx.words[k]))
        .unwrap_or(ctx.words.len());
    let heads = event_heads(ctx);
    let noun = (start..end)
        .find(|&k| lexicon::incident_after(ctx.lower(k.saturating_sub(1)), ctx.lower(k)).is_some());
    if let Some(h) = noun {
        return Some((phrase_topic(ctx, heads, h), Anchor::Noun));
    }
    // "two masked men looted": a participle after a determiner or a number is an
    // adjective.
    let verb = (start..end).find(|&k| {
        let l = ctx.lower(k);
        let prev = ctx.lower(k.saturating_sub(1));
        let adjective = || k > start && (is_stop(prev) || lexicon::number_value(prev).is_some());
        is_verb(l) && !adjective()
    })?;
    verb_topic(ctx, verb).map(|(topic, _)| (topic, Anchor::Verb))
}

#[cfg(test)]
mod tests {
    use super::super::one_line_dates;
    use chrono::NaiveDate;

    /// The date claims of a one-line article of 2019-03-08: (topic, value, identifying).
    fn dates(text: &str) -> Vec<(String, String, bool)> {
        let date = NaiveDate::from_ymd_opt(2019, 3, 8).unwrap();
        one_line_dates(text, date)
            .into_iter()
            .map(|(c, value)| (c.topic.label, value, c.identifying))
            .collect()
    }

    #[test]
    fn an_opening_time_dates_the_incident_of_its_clause() {
        assert_eq!(
            dates("In June 2011, the old port was flattened by a powerful storm."),
            vec![("powerful storm".to_string(), "2011-06".to_string(), false)]
        );
    }

    #[test]
    fn an_opening_time_hung_on_a_verb_never_contradicts() {
        assert_eq!(
            dates("In May 2010, two masked men looted the bakery on Elm Road."),
            vec![("looted".to_string(), "2010-05".to_string(), true)]
        );
    }

    #[test]
    fn a_day_opening_a_sentence_is_left_to_the_usual_search() {
        assert!(dates("On Tuesday, a crowd gathered near the ruins of the depot.").is_empty());
    }
}
