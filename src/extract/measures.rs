//! Claims from measured quantities: magnitudes, distances and depths, areas, masses,
//! speeds, money, percentages and ages.
//!
//! The [`quantity`](crate::quantity) parser finds and normalizes the values; here each
//! gets a topic that says *what* was measured, because "10 km" deep and "55 km" from a
//! town are different facts:
//! * a magnitude is the magnitude of the story's quake (one per event);
//! * a length is a depth ("10 km deep", "at a depth of"), a distance from a named place
//!   ("40 km north of Valdor"), or else is left out;
//! * money is about the thing named near it (damage, loot, bail, cost …), with its
//!   currency, or about the verb that governs it ("stole", "raised");
//! * a percentage is about the noun it is "of" or the verb before it;
//! * an age is the age of the person named next to it ("Okafor, 63,", "Marta
//!   Quenneville, a 54-year-old").

use super::{SentenceCtx, blank_claim, count_verb};
use crate::lexicon;
use crate::model::{Amount, Aspect, Claim, ClaimKind, Topic, Value};
use crate::quantity::{self, Dimension, Quantity};

/// Words that say what a sum of money is, with the one topic each stands for: the
/// first found near the sum is its topic. A haul is "worth", "valued at", or simply
/// "jewels" or "diamonds" of some sum: all say the value of what was taken.
const MONEY_SUBJECTS: &[(&str, &str)] = &[
    ("damage", "damage"),
    ("damages", "damage"),
    ("loss", "damage"),
    ("losses", "damage"),
    ("cost", "cost"),
    ("costs", "cost"),
    ("price", "cost"),
    ("worth", "value"),
    ("value", "value"),
    ("valued", "value"),
    ("loot", "value"),
    ("haul", "value"),
    ("jewels", "value"),
    ("jewelry", "value"),
    ("jewellery", "value"),
    ("diamonds", "value"),
    ("gems", "value"),
    ("watches", "value"),
    ("bail", "bail"),
    ("bond", "bail"),
    ("ransom", "ransom"),
    ("reward", "reward"),
    ("fine", "fine"),
    ("contract", "contract"),
    ("deal", "contract"),
    ("salary", "salary"),
    ("budget", "budget"),
    ("aid", "aid"),
    ("compensation", "compensation"),
    ("settlement", "settlement"),
    ("revenue", "revenue"),
    ("profit", "profit"),
];

/// How far apart two printed distances may be and still be one distance.
const DISTANCE_SLACK: f64 = 0.03;

/// Claims of one sentence from its measured quantities.
pub(super) fn measures(ctx: &SentenceCtx) -> Vec<Claim> {
    quantity::find(ctx.text)
        .into_iter()
        .filter(|q| !q.span.is_empty())
        .filter_map(|q| claim_for(ctx, &q))
        .collect()
}

fn claim_for(ctx: &SentenceCtx, q: &Quantity) -> Option<Claim> {
    let (kind, head, label) = match q.dimension {
        Dimension::Magnitude => {
            let (head, label) = magnitude_topic(ctx, q)?;
            (ClaimKind::Magnitude, head, label)
        }
        Dimension::Length => {
            let (head, label) = length_topic(ctx, q)?;
            (ClaimKind::Measure, head, label)
        }
        Dimension::Area | Dimension::Mass | Dimension::Speed => {
            let verb = count_verb(ctx, q.span.start, q.span.end)?;
            let what = dimension_word(q.dimension);
            (
                ClaimKind::Measure,
                format!("{what} {verb}"),
                format!("{what} ({verb})"),
            )
        }
        Dimension::Money => {
            let about = money_subject(ctx, q)?;
            (
                ClaimKind::Money,
                format!("{} {}", lexicon::fold(&about), q.unit),
                format!("{about} ({})", q.unit),
            )
        }
        Dimension::Percent => {
            let about = percent_subject(ctx, q)?;
            (
                ClaimKind::Percentage,
                format!("percent {}", lexicon::fold(&about)),
                about,
            )
        }
        Dimension::Age => {
            let who = person_near(ctx, q)?;
            (
                ClaimKind::Age,
                format!("age {}", who.to_lowercase()),
                format!("age of {who}"),
            )
        }
    };
    let topic = Topic {
        label,
        tokens: head.split(' ').map(str::to_string).collect(),
        head,
        aspect: Aspect::Whole,
    };
    // A distance news prints is an estimate (an epicentre "62 km" from a town per one
    // agency, "38 miles" per another): 3% either way is the same place.
    let slack = match q.dimension {
        Dimension::Length => DISTANCE_SLACK,
        _ => 0.0,
    };
    let amount = Amount {
        low: q.low * (1.0 - slack),
        high: q.high.map(|h| h * (1.0 + slack)),
        unit: q.unit.clone(),
    };
    Some(blank_claim(
        kind,
        q.span,
        ctx.text,
        Value::Amount(amount),
        q.display.clone(),
        topic,
    ))
}

/// Whose magnitude: the main quake's, or an aftershock's ("an aftershock measuring
/// 3.8"). A general statement ("A magnitude 5 tremor can cause damage") is no claim.
fn magnitude_topic(ctx: &SentenceCtx, q: &Quantity) -> Option<(String, String)> {
    let after = words_after(ctx, q.span.end, 3);
    if after
        .iter()
        .any(|w| matches!(w.to_lowercase().as_str(), "can" | "could" | "may" | "might"))
    {
        return None;
    }
    let near: Vec<String> = words_before(ctx, q.span.start, 6)
        .into_iter()
        .chain(after)
        .collect();
    if near
        .iter()
        .any(|w| w.to_lowercase().starts_with("aftershock"))
    {
        return Some((
            "magnitude aftershock".to_string(),
            "magnitude of an aftershock".to_string(),
        ));
    }
    Some(("magnitude".to_string(), "magnitude".to_string()))
}

fn dimension_word(d: Dimension) -> &'static str {
    match d {
        Dimension::Magnitude => "magnitude",
        Dimension::Length => "length",
        Dimension::Area => "area",
        Dimension::Mass => "weight",
        Dimension::Speed => "speed",
        Dimension::Money => "money",
        Dimension::Percent => "percent",
        Dimension::Age => "age",
    }
}

/// The words right after a quantity, lower-cased, up to a clause break.
fn words_after(ctx: &SentenceCtx, end: usize, n: usize) -> Vec<String> {
    ctx.text[end..]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_string)
        .collect()
}

fn words_before(ctx: &SentenceCtx, start: usize, n: usize) -> Vec<String> {
    let mut out: Vec<String> = ctx.text[..start]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(str::to_string)
        .collect();
    out.reverse();
    out
}

/// A depth, or a distance from a named place; other lengths are too vague to compare.
fn length_topic(ctx: &SentenceCtx, q: &Quantity) -> Option<(String, String)> {
    let after = words_after(ctx, q.span.end, 4);
    let before = words_before(ctx, q.span.start, 4);
    let deep = |w: &String| matches!(w.to_lowercase().as_str(), "deep" | "depth" | "underground");
    if after.iter().take(2).any(deep) || before.iter().any(deep) {
        return Some(("depth".to_string(), "depth".to_string()));
    }
    // "40 km north of Valdor", "300 kilometers from Lisbon", "east of Valdor".
    let mut i = 0;
    while i < after.len() && is_direction(&after[i]) {
        i += 1;
    }
    let prep = after.get(i)?.to_lowercase();
    if !matches!(prep.as_str(), "of" | "from") {
        return None;
    }
    let place = after.get(i + 1)?;
    if !place.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let place = place.trim_end_matches("'s");
    Some((
        format!("distance {}", place.to_lowercase()),
        format!("distance from {place}"),
    ))
}

fn is_direction(w: &str) -> bool {
    let l = w.to_lowercase();
    let compass = [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "northern",
        "southern",
        "eastern",
        "western",
    ];
    compass.contains(&l.as_str()) || matches!(l.as_str(), "away" | "outside" | "off")
}

/// What a sum of money is about: a subject noun near it, else the verb governing it.
fn money_subject(ctx: &SentenceCtx, q: &Quantity) -> Option<String> {
    let near: Vec<String> = words_before(ctx, q.span.start, 5)
        .into_iter()
        .chain(words_after(ctx, q.span.end, 5))
        .collect();
    near.iter()
        .find_map(|w| lexicon::lookup(MONEY_SUBJECTS, w))
        .map(str::to_string)
        .or_else(|| count_verb(ctx, q.span.start, q.span.end))
}

/// What a percentage is of: the noun after "of", else the verb near it.
fn percent_subject(ctx: &SentenceCtx, q: &Quantity) -> Option<String> {
    let after = words_after(ctx, q.span.end, 3);
    if after.first().is_some_and(|w| w == "of") {
        let noun = after.iter().skip(1).find(|w| !lexicon::is_stopword(w))?;
        return Some(noun.to_lowercase());
    }
    count_verb(ctx, q.span.start, q.span.end)
}

/// The person an age belongs to: the capitalized name just before it ("Okafor, 47",
/// "Marta Quenneville, a 54-year-old"), else just after it ("54-year-old Marta
/// Quenneville"), by surname.
fn person_near(ctx: &SentenceCtx, q: &Quantity) -> Option<String> {
    let is_name = |w: &&String| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.len() > 1
            && !lexicon::is_stopword(&w.to_lowercase())
            && lexicon::lookup(lexicon::MONTHS, w).is_none()
            && lexicon::lookup(lexicon::WEEKDAYS, w).is_none()
    };
    let before = words_before(ctx, q.span.start, 3);
    // Articles, "aged", and name suffixes ("Harold Brisbane III, 41") are skipped.
    let skip_article = |w: &String| {
        matches!(
            w.as_str(),
            "a" | "an" | "the" | "aged" | "age" | "Jr" | "Sr" | "II" | "III" | "IV"
        )
    };
    let last_before = before.iter().rev().find(|w| !skip_article(w));
    if let Some(w) = last_before.filter(is_name) {
        return Some(w.trim_end_matches("'s").to_string());
    }
    let after = words_after(ctx, q.span.end, 4);
    if after.iter().any(|w| is_name(&w)) {
        let mut names = after.iter().skip_while(|w| !is_name(w)).take_while(is_name);
        let first = names.next()?;
        return Some(
            names
                .last()
                .unwrap_or(first)
                .trim_end_matches("'s")
                .to_string(),
        );
    }
    // "a 71-year-old woman", "the 29-year-old driver": the person is the noun after.
    after
        .first()
        .and_then(|w| person_noun(w))
        .map(str::to_string)
}

/// The kind of person a noun names, folding family words ("a 71-year-old mother",
/// "grandmother" and "woman" are one person in a story about her).
fn person_noun(word: &str) -> Option<&'static str> {
    let kind = match word.to_lowercase().as_str() {
        "woman" | "mother" | "grandmother" | "wife" | "girl" | "lady" | "daughter" => "woman",
        "man" | "father" | "grandfather" | "husband" | "boy" | "son" => "man",
        "driver" | "motorist" => "driver",
        "suspect" | "gunman" | "shooter" | "defendant" => "suspect",
        "victim" => "victim",
        "pedestrian" => "pedestrian",
        "officer" | "policeman" | "trooper" | "deputy" => "officer",
        _ => return None,
    };
    Some(kind)
}
