//! Tolls written without a counted noun: "injuring 35", "injured almost 30", "65
//! wounded", "350 were killed", "the death toll has risen to 15", "no one else was
//! seriously hurt", "no casualties".
//!
//! The main count extractor needs a noun after the number ("12 people"); news often
//! drops it once the role says who is counted. These claims count people in that role
//! and share the topic head of "killing 12 people" ("killed peopl"), so the two forms
//! are compared.

use super::{SentenceCtx, count_claim, in_timex};
use crate::clues::{Clue, DIGIT, Has, clue, word_clue};
use crate::lexicon;
use crate::model::{Aspect, Claim, Span, Topic, Value};
use crate::wordre::WordRegex;
use regex::Captures;
use std::sync::LazyLock;

const NUMBER: &str = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens|hundreds|thousands|scores|a\s+dozen)";

/// The words [`NUMBER`] reads a count in, or that every such count holds ("a
/// dozen", "twenty-one"), besides the cardinals of [`crate::lexicon::CARDINAL_WORDS`].
const MORE_NUMBER_WORDS: &[&str] = &["dozen", "dozens", "hundreds", "thousands", "scores"];

/// Clue bits of the toll patterns: a number word, and the words of roles (a digit is
/// [`DIGIT`]).
const NUMBER_WORD: u64 = 1 << 20;
const KILL: u64 = 1 << 21;
const INJUR: u64 = 1 << 22;
const WOUND: u64 = 1 << 23;
const HURT: u64 = 1 << 24;
const ARREST: u64 = 1 << 25;
const EVACUAT: u64 = 1 << 26;
const DEAD: u64 = 1 << 27;
const MISSING: u64 = 1 << 28;
const TOLL: u64 = 1 << 29;
const ATTENDED: u64 = 1 << 30;
const NO: u64 = 1 << 31;
const FATALLY: u64 = 1 << 32;
const DIED: u64 = 1 << 33;
const TREATED: u64 = 1 << 34;
const HOSPITALI: u64 = 1 << 35;
/// A noun of [`crate::lexicon::PERSON_NOUNS`] as a whole word, which every victim
/// named holds (after a blank, before a word boundary): as part of a word, "man"
/// is in most sentences ("many", "German").
const PERSON: u64 = 1 << 36;

/// The verbs [`VERB_THEN_NUMBER`] reads a role from.
const ROLE_VERBS: u64 = KILL | INJUR | WOUND | HURT | ARREST | EVACUAT;

/// What the toll patterns need; [`tolls`] names each pattern's clues. A number word
/// in a toll is a whole word: blanks, punctuation or a hyphen stand either side. So
/// is each form of a role word the patterns read (after blanks or a word boundary,
/// before blanks or one): as part of a word, "kill" and "dead" are in many more
/// sentences ("killer", "deadly").
pub(super) fn clues() -> Vec<Clue> {
    let roles = [
        (KILL, &["killing", "killed", "kills"][..]),
        (INJUR, &["injuring", "injured", "injury", "injuries"]),
        (WOUND, &["wounding", "wounded"]),
        (HURT, &["hurting", "hurt"]),
        (ARREST, &["arresting", "arrested"]),
        (EVACUAT, &["evacuating", "evacuated"]),
        (DEAD, &["dead"]),
        (MISSING, &["missing"]),
    ];
    let roles = roles
        .into_iter()
        .flat_map(|(bit, forms)| forms.iter().map(move |w| word_clue(w, bit)));
    let words = [
        clue("toll", TOLL),
        clue("attended", ATTENDED),
        word_clue("no", NO),
        clue("fatally", FATALLY),
        clue("died", DIED),
        clue("treated", TREATED),
        clue("hospitali", HOSPITALI),
    ];
    let numbers = (crate::lexicon::CARDINAL_WORDS.iter())
        .chain(MORE_NUMBER_WORDS)
        .map(|w| word_clue(w, NUMBER_WORD));
    let persons = lexicon::PERSON_NOUNS
        .split('|')
        .map(|w| word_clue(w, PERSON));
    (roles.chain(words).chain(numbers).chain(persons)).collect()
}

/// The captures of `pattern` in `text`, where `runs`: the text holds what every
/// match needs. Collected, since most are none, and an idle iterator of captures is
/// large to build and move.
fn captures<'h>(runs: bool, pattern: &WordRegex, text: &'h str) -> Vec<Captures<'h>> {
    debug_assert!(
        runs || !pattern.is_match(text),
        "{:?} matches {text:?} without its clues",
        pattern.as_str()
    );
    match runs {
        true => pattern.captures_iter(text).collect(),
        false => Vec::new(),
    }
}

/// An optional qualifier ("at least", "about") before the number, as the quantity
/// parser reads them.
static QUALIFIER: LazyLock<String> =
    LazyLock::new(|| format!(r"(?:(?P<q>{})\s+)?", crate::quantity::QUALIFIERS));

/// "killing 12", "injured almost 30", "wounding other 45", "hurting scores more":
/// a role verb, then a number that no noun follows.
static VERB_THEN_NUMBER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        &format!(
        r"(?i)\b(?P<role>killing|killed|kills|injuring|injured|wounding|wounded|hurting|hurt|arresting|arrested|evacuating|evacuated)\s+(?:another\s+|other\s+)?{}{NUMBER}(?:\s+(?:more|others|other\s+people))?(?:\s*(?:[,.;:)]|$)|\s+(?:and|in|on|at|when|while|after|as|before|during|of\s+them)\b)",
        *QUALIFIER
    )
    )
    .expect("toll pattern compiles")
});

/// "65 wounded", "at least 35 injured", "350 were killed": a number, then the role.
static NUMBER_THEN_ROLE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        &format!(
        r"(?i)(?:^|[\s,(])(?P<all>{}{NUMBER}\s+(?:(?:were|was|are|have\s+been|had\s+been|been|reported|confirmed)\s+)?(?P<role>killed|dead|injured|wounded|hurt|missing|arrested|evacuated))\b",
        *QUALIFIER
    )
    )
    .expect("toll pattern compiles")
});

/// "the march was attended by an estimated 50,000", "a rally attended by some 3,000
/// people": the size of a crowd, said of its march or rally.
static CROWD_ATTENDED: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        &format!(
        r"(?i)\b(?:march|marches|rally|rallies|protest|protests|demonstration|demonstrations)\b[^.;]*?\b(?P<verb>attended\s+by)\s+(?:an?\s+)?(?:(?P<q>{}|approximate|estimated)\s+)?{NUMBER}(?:\s*(?:[,.;:()]|$)|\s+(?:people|protesters|demonstrators|marchers)\b)",
        crate::quantity::QUALIFIERS
    )
    )
    .expect("crowd pattern compiles")
});

/// "the death toll has risen to 15", "the toll from Sunday's quake stood at 24",
/// "bringing the death toll to 40": a toll of the dead, stated as such.
static TOLL_IS: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        &format!(
        r"(?i)\b(?:(?:death\s+)?toll(?:\s+\S+){{0,10}}?\s+(?P<verb>(?:has\s+|had\s+|now\s+)?(?:risen|rose|climbed|jumped|reached|increased|grown|grew|stood|stands|is\s+now)(?:\s+(?:at|to))?)|(?:bringing|raising|pushing|taking|putting)\s+the\s+(?:death\s+)?toll\s+to)\s+{}{NUMBER}\b",
        *QUALIFIER
    )
    )
    .expect("toll pattern compiles")
});

/// "no others were wounded", "no casualties", "no one was hurt", "no-one is believed to
/// be injured" (British spelling, hedged by the reporter).
static NONE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:no(?:\s+|-)(?:one|other\s+people|others|one\s+else|other\s+injuries)(?:\s+else)?\s+(?:was|were|has\s+been|had\s+been|have\s+been|(?:is|are|was|were)\s+(?:believed|thought|reported|understood)\s+to\s+(?:be|have\s+been))\s+(?:seriously\s+)?(?P<role>killed|injured|hurt|wounded)|no(?:\s+|-)(?P<noun>casualties|injuries|deaths|fatalities|one\s+died|one\s+was\s+killed))\b"
    )
    .expect("no-toll pattern compiles")
});

/// One person named with an indefinite article: "a woman", "a state bomb disposal
/// technician", "one man".
static ONE_PERSON: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"(?:a|an|one)\s+(?:[a-z-]+\s+){{0,3}}?(?:{})\b",
        lexicon::PERSON_NOUNS
    )
});

/// "killed a woman", "killing a police officer and a bomb technician". Searched only
/// in sentences with "kill" (most have none).
static KILLED_PERSONS: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)\b(?:killed|killing|kills)\s+(?P<np>{p}(?:,?\s+and\s+{p})*)(?P<next>'|’)?",
        p = *ONE_PERSON
    ))
    .expect("victim pattern compiles")
});

/// "A woman died", "a woman was killed", "A woman hit and killed by a motorist".
/// Every form ends in "killed", "dead", "fatally …" or "died": sentences without
/// one are not searched.
static PERSON_DIED: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        &format!(
            r"(?i)(?:^|[\s,(])(?P<np>{})\s+(?:(?:was|has\s+been|had\s+been)\s+(?:killed|shot\s+dead|fatally\s+(?:shot|stabbed|struck|injured))|(?:has\s+|had\s+)?died|(?:was\s+)?(?:hit|struck|run\s+over)\s+and\s+killed)\b",
            *ONE_PERSON
        )
    )
    .expect("victim pattern compiles")
});

/// "a female employee was treated at a hospital", "A clerk suffered minor injuries",
/// "a passer-by was slightly hurt": one person named as injured. Searched only in
/// sentences with one of the injury words.
static PERSON_INJURED: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        &format!(
            r"(?i)(?:^|[\s,(])(?P<np>{})\s+(?:(?:was|has\s+been|had\s+been)\s+(?:(?:slightly|seriously|badly|critically)\s+)?(?:injured|hurt|wounded|treated|hospitali[sz]ed)|(?:suffered|received|sustained)\s+(?:[a-z-]+\s+){{0,3}}?injur(?:y|ies))\b",
            *ONE_PERSON
        )
    )
    .expect("victim pattern compiles")
});

/// Victims named rather than counted: "killed a woman", "A woman died", "killing a
/// police officer and a bomb technician", "a clerk was treated for injuries" count
/// one per person named. Such a phrase may
/// name only some of the dead ("the blast killed a police officer; a technician died
/// later"), so the claim can agree but never contradicts (`identifying`). Searched
/// only where a person noun stands, which most sentences with "kill" lack.
fn named_victims(ctx: &SentenceCtx, has: Has) -> Vec<Claim> {
    let person = has.all(PERSON);
    let killed = captures(person && has.all(KILL), &KILLED_PERSONS, ctx.text)
        .into_iter()
        .filter(|caps| caps.name("next").is_none())
        .filter_map(|caps| caps.name("np"));
    let died = captures(
        person && has.any(KILL | DEAD | FATALLY | DIED),
        &PERSON_DIED,
        ctx.text,
    )
    .into_iter()
    .filter_map(|caps| caps.name("np"));
    let injury = INJUR | HURT | WOUND | TREATED | HOSPITALI;
    let injured = captures(person && has.any(injury), &PERSON_INJURED, ctx.text)
        .into_iter()
        .filter_map(|caps| caps.name("np"));
    killed
        .chain(died)
        .map(|np| (np, "killed"))
        .chain(injured.map(|np| (np, "injured")))
        .map(|(np, role)| {
            let people = np.as_str().split(" and ").count() as f64;
            let mut c = claim(
                ctx,
                Span::new(np.start(), np.end()),
                role,
                people,
                Some(people),
            );
            c.identifying = true;
            c
        })
        .collect()
}

/// Claims of the tolls of a sentence written without a counted noun.
pub(super) fn tolls(ctx: &SentenceCtx, has: Has) -> Vec<Claim> {
    let number = has.any(DIGIT | NUMBER_WORD);
    let mut out = named_victims(ctx, has);
    let verb = number && has.any(ROLE_VERBS);
    for caps in captures(verb, &VERB_THEN_NUMBER, ctx.text) {
        let (Some(role), Some(n)) = (caps.name("role"), caps.name("n")) else {
            continue;
        };
        let span = Span::new(role.start(), n.end());
        let q = caps.name("q").map(|q| q.as_str());
        out.extend(toll(ctx, span, role.as_str(), n.as_str(), q));
    }
    let role = number && has.any(ROLE_VERBS | DEAD | MISSING);
    for caps in captures(role, &NUMBER_THEN_ROLE, ctx.text) {
        let (Some(all), Some(role), Some(n)) =
            (caps.name("all"), caps.name("role"), caps.name("n"))
        else {
            continue;
        };
        let span = Span::new(all.start(), all.end());
        let q = caps.name("q").map(|q| q.as_str());
        out.extend(toll(ctx, span, role.as_str(), n.as_str(), q));
    }
    for caps in captures(number && has.all(TOLL), &TOLL_IS, ctx.text) {
        let (Some(whole), Some(n)) = (caps.get(0), caps.name("n")) else {
            continue;
        };
        let q = caps.name("q").map(|q| q.as_str());
        // The words from the verb on ("has risen to 15"): the toll's other words may
        // hold claims of their own ("the toll from Sunday's quake").
        let start = caps.name("verb").map_or(whole.start(), |v| v.start());
        let span = Span::new(start, whole.end());
        out.extend(toll(ctx, span, "killed", n.as_str(), q));
    }
    for caps in captures(number && has.all(ATTENDED), &CROWD_ATTENDED, ctx.text) {
        let (Some(verb), Some(n)) = (caps.name("verb"), caps.name("n")) else {
            continue;
        };
        let q = caps.name("q").map(|q| q.as_str());
        let span = Span::new(verb.start(), n.end());
        out.extend(crowd(ctx, span, n.as_str(), q));
    }
    for caps in captures(has.all(NO), &NONE, ctx.text) {
        let Some(whole) = caps.get(0) else { continue };
        let role = match (caps.name("role"), caps.name("noun")) {
            (Some(r), _) => lexicon::role(&r.as_str().to_lowercase()),
            (None, Some(noun)) if noun.as_str().to_lowercase().starts_with("injur") => {
                Some("injured")
            }
            (None, Some(_)) => Some("killed"),
            (None, None) => None,
        };
        if let Some(role) = role {
            let span = Span::new(whole.start(), whole.end());
            out.push(claim(ctx, span, role, 0.0, Some(0.0)));
        }
    }
    out
}

fn toll(ctx: &SentenceCtx, span: Span, role: &str, n: &str, q: Option<&str>) -> Option<Claim> {
    let n_start = span.end.checked_sub(n.len())?;
    if in_timex(ctx, n_start)
        || is_part_of_a_larger_number(ctx, span)
        || is_no_one(ctx, span.start)
        || is_no_one(ctx, n_start)
    {
        return None;
    }
    let role = lexicon::role(&role.to_lowercase())?;
    let (low, high) = crate::quantity::count_interval(n, q)?;
    let mut c = claim(ctx, span, role, low, high);
    if let Value::Amount(a) = &mut c.value {
        (a.low, a.high) = super::widen_round_figure(n, q.is_some(), low, high);
    }
    Some(c)
}

/// A crowd counted with no noun: people who marched.
fn crowd(ctx: &SentenceCtx, span: Span, n: &str, q: Option<&str>) -> Option<Claim> {
    if is_part_of_a_larger_number(ctx, span) {
        return None;
    }
    let (low, high) = crate::quantity::count_interval(n, q)?;
    let mut c = claim(ctx, span, "marched", low, high);
    if let Value::Amount(a) = &mut c.value {
        (a.low, a.high) = super::widen_round_figure(n, q.is_some(), low, high);
    }
    Some(c)
}

/// "no one was hurt": the "one" of "no one" is no count of one (that toll is zero).
fn is_no_one(ctx: &SentenceCtx, n_start: usize) -> bool {
    let word = ctx.text[n_start..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let previous = ctx.text[..n_start]
        .split(|c: char| !c.is_alphabetic())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    word.eq_ignore_ascii_case("one") && previous.eq_ignore_ascii_case("no")
}

/// "2.5" or "1,500-square": a digit right before or after the match is another number.
fn is_part_of_a_larger_number(ctx: &SentenceCtx, span: Span) -> bool {
    let before = ctx.text[..span.start].chars().next_back();
    let after = ctx.text[span.end..].chars().next();
    before.is_some_and(|c| c.is_ascii_digit() || c == '.' || c == '$')
        || after.is_some_and(|c| c.is_ascii_digit() || c == '-')
}

fn claim(ctx: &SentenceCtx, span: Span, role: &'static str, low: f64, high: Option<f64>) -> Claim {
    let head = format!("{role} {}", lexicon::fold("people"));
    let topic = Topic {
        label: format!("people ({role})"),
        tokens: vec![lexicon::fold("people"), role.to_string()],
        head,
        aspect: Aspect::Whole,
    };
    count_claim(ctx, span, (low, high), lexicon::fold("people"), topic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_toll_number_holds_a_number_clue() {
        let whole = regex::Regex::new(&format!("^(?i:{NUMBER})$")).expect("compiles");
        let words = crate::lexicon::NUMBER_WORDS.iter().map(|(w, _)| *w);
        let more = [
            "dozens",
            "hundreds",
            "thousands",
            "scores",
            "a dozen",
            "forty-two",
        ];
        for w in words.chain(more).filter(|w| whole.is_match(w)) {
            assert!(crate::clues::of(w).all(NUMBER_WORD), "{w}");
        }
    }
}
