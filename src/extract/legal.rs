//! Steps of the legal and working life that stories date by day: a suspect's
//! dismissal from a job, the charges, the court appearance, the identification of a
//! victim.
//!
//! Articles tell each step with many words: "was charged Friday", "filed charges
//! Friday", "handed down charges … Friday", "is expected to face charges on Friday";
//! "was arraigned Wednesday", "in court Wednesday", "during the man's arraignment";
//! "was let go on Dec. 11", "had been dismissed from his job Thursday". The topic a
//! nearby verb or noun gives them ("filed", "handed", "did") would keep them apart, so
//! a day told right after (or, for "during …", right before) such a phrase takes the
//! step as its topic.
//!
//! Only the words of the step itself name it, never the people: two suspects charged
//! on two days would still be two facts if their sentences are compared, which is
//! why the day must follow the phrase closely, in the same clause.

use super::{SentenceCtx, is_clause_break};
use crate::clues::{self, Clue, clue};
use crate::lexicon;
use crate::model::{Aspect, Timex, Topic};
use crate::wordre::WordRegex;
use std::sync::LazyLock;

/// A step of a legal case or a job that a day can date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Dismissed from a job: "was fired", "had been let go", "was laid off".
    Dismissal,
    /// Charges brought: "was charged", "filed charges", "face charges".
    Charges,
    /// An appearance before a court: "arraigned", "appear in court", "in court".
    Court,
    /// A victim or suspect named by the police: "identified the victim … as".
    Identification,
}

impl Step {
    /// The topic label; its fold is the head every wording of the step shares.
    fn label(self) -> &'static str {
        match self {
            Step::Dismissal => "dismissal",
            Step::Charges => "charges",
            Step::Court => "court appearance",
            Step::Identification => "identification",
        }
    }
    fn topic(self, aspect: Aspect) -> Topic {
        let head = lexicon::fold(self.label().split(' ').next().unwrap_or(""));
        Topic {
            label: self.label().to_string(),
            tokens: vec![head.clone()],
            head,
            aspect,
        }
    }
}

/// The phrases of each step, the words one of which every match of it holds (in any
/// case: "let" of "let go"), and the clue bit of those words. A
/// passive or a "from" marks a dismissal ("was fired", "fired from his job") apart
/// from shots fired; "identified … as" marks a naming apart from "a man identified
/// only as a witness said".
const PATTERNS: [(Step, &str, &[&str], u64); 4] = [
    (
        Step::Dismissal,
        r"(?i)\b(?:(?:was|were|been|being|be|got|get|is|are)\s+(?:fired|dismissed|sacked|laid\s+off|let\s+go)|(?:fired|dismissed|sacked|laid\s+off|let\s+go)\s+(?:from|by)\b|(?:his|her|their)\s+(?:firing|dismissal|sacking))\b",
        &["fired", "firing", "dismiss", "sack", "laid", "let"],
        1 << 37,
    ),
    (
        Step::Charges,
        r"(?i)\b(?:charged|charges|charging)\b",
        &["charg"],
        1 << 38,
    ),
    (
        Step::Court,
        r"(?i)\b(?:arraigned|arraignment|appear(?:s|ed|ing)?\s+(?:in|before|at)\s+(?:[\w'’-]+\s+){0,4}?court|in\s+court|court\s+appearance)\b",
        &["arraign", "court"],
        1 << 39,
    ),
    (
        Step::Identification,
        r"(?i)\bidentified\s+(?:the|a|an|his|her)\s+(?:\w+\s+){0,2}?(?:victim|victims|man|woman|suspect|driver|gunman|body|dead)\b",
        &["identified"],
        1 << 42,
    ),
];

static STEPS: LazyLock<[(Step, WordRegex, u64); 4]> = LazyLock::new(|| {
    PATTERNS.map(|(step, pattern, _, bit)| {
        let re = WordRegex::new(pattern).expect("legal step pattern compiles");
        (step, re, bit)
    })
});

/// The words the steps need ([`crate::clues`]): the steps are sought for every time
/// of every sentence, and most sentences have none, which the sentence's clues
/// (found anyway) tell without a search.
pub(super) fn clues() -> Vec<Clue> {
    let words = PATTERNS
        .iter()
        .flat_map(|(_, _, words, bit)| words.iter().map(|w| clue(w, *bit)));
    words.collect()
}

/// Most words between the end of a step's phrase and the day it is dated ("filed
/// criminal charges Friday", "handed down charges to Anthony Smith Friday").
const REACH: usize = 5;

/// The step of the legal or working life a time at `t` dates, as a topic, when the
/// time follows the step's words within [`REACH`] words of the same clause, or
/// precedes "during the …'s arraignment".
pub(super) fn step_topic(ctx: &SentenceCtx, t: &Timex) -> Option<Topic> {
    let has = clues::of(ctx.text);
    if !PATTERNS.iter().any(|(.., bit)| has.all(*bit)) {
        return None;
    }
    let wa = ctx.word_at(t.span.start);
    let wb = ctx.word_before(t.span.end);
    let aspect = Aspect::Whole;
    for (step, re, bit) in STEPS.iter() {
        let runs = has.all(*bit);
        debug_assert!(
            runs || !re.is_match(ctx.text),
            "{:?} in {:?}",
            step,
            ctx.text
        );
        for m in runs.then(|| re.find_iter(ctx.text)).into_iter().flatten() {
            if m.end() <= t.span.start {
                let from = ctx.word_before(m.end());
                if wa >= from && wa - from <= REACH && clear(ctx, from, wa) {
                    return Some(step.topic(aspect));
                }
            } else if m.start() >= t.span.end {
                // "said Wednesday during the man's arraignment".
                let to = ctx.word_at(m.start());
                let during = (wb..to).any(|k| ctx.lower(k) == "during");
                if during && to - wb <= REACH && clear(ctx, wb, to) {
                    return Some(step.topic(aspect));
                }
            }
        }
    }
    None
}

/// True for a topic [`step_topic`] gave: "charged Friday with killing a woman"
/// dates the charges, not the killing.
pub(super) fn is_step(topic: &Topic) -> bool {
    [
        Step::Dismissal,
        Step::Charges,
        Step::Court,
        Step::Identification,
    ]
    .iter()
    .any(|s| s.label() == topic.label)
}

/// True when no clause break or sentence-level verb stands between words `a` and
/// `b`: "was charged Friday" but not "was charged, police said Friday".
fn clear(ctx: &SentenceCtx, a: usize, b: usize) -> bool {
    (a..b).all(|k| {
        !is_clause_break(&ctx.words[k]) && !matches!(ctx.lower(k), "said" | "says" | "told")
    })
}

#[cfg(test)]
mod tests {
    use super::super::one_line_dates;
    use chrono::NaiveDate;

    fn day_topics(text: &str) -> Vec<(String, String)> {
        let date = NaiveDate::from_ymd_opt(2019, 3, 8).unwrap();
        one_line_dates(text, date)
            .into_iter()
            .map(|(c, value)| (c.topic.label, value))
            .collect()
    }

    fn step(label: &str, day: &str) -> Vec<(String, String)> {
        vec![(label.to_string(), day.to_string())]
    }

    #[test]
    fn the_ways_of_bringing_charges_share_one_topic() {
        // Published Friday 2019-03-08.
        let want = step("charges", "2019-03-07");
        assert_eq!(
            day_topics("Prosecutors filed charges Thursday against the driver."),
            want
        );
        assert_eq!(
            day_topics("The clerk was charged on Thursday with fraud."),
            want
        );
        assert_eq!(
            day_topics("The office handed down charges to Mark Doyle Thursday."),
            want
        );
    }

    #[test]
    fn a_court_appearance_is_one_step_whatever_the_wording() {
        let want = step("court appearance", "2019-03-06");
        assert_eq!(
            day_topics("The nurse was arraigned Wednesday on theft charges."),
            want
        );
        assert_eq!(day_topics("He had no lawyer in court Wednesday."), want);
        assert_eq!(
            day_topics("A detective testified Wednesday during the nurse's arraignment."),
            want
        );
        assert_eq!(
            day_topics("She will appear before Lakeside Magistrates' Court on Monday."),
            step("court appearance", "2019-03-11")
        );
    }

    #[test]
    fn a_dismissal_is_told_by_its_passive_not_by_shots_fired() {
        let want = step("dismissal", "2019-03-07");
        assert_eq!(
            day_topics("The cook was let go by the hotel on Thursday."),
            want
        );
        assert_eq!(
            day_topics("The cook had been dismissed from his job Thursday."),
            want
        );
        assert!(
            day_topics("The guard fired two shots on Thursday.")
                .iter()
                .all(|(t, _)| t != "dismissal")
        );
    }

    #[test]
    fn an_identification_needs_its_object_and_no_report_between() {
        assert_eq!(
            day_topics("Police identified the victim on Thursday as a local baker."),
            step("identification", "2019-03-07")
        );
        assert!(
            day_topics("The driver was charged, police said Thursday.")
                .iter()
                .all(|(t, _)| t != "charges")
        );
    }
}
