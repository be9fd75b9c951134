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
use crate::lexicon::{self, Indexed};
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
    ("share", "share"),
    ("bailout", "aid"),
    ("rescue", "aid"),
    ("loan", "aid"),
    ("loans", "aid"),
    ("package", "aid"),
    ("save", "savings"),
    ("saving", "savings"),
    ("savings", "savings"),
    ("cuts", "savings"),
];

/// Words that say what a speed is of when it is not the speed of the story's moving
/// thing (a car, a chase, a train): the wind's, or a legal limit. A story has one
/// speed of its moving thing, however the verb goes ("reached", "chased at", "drove
/// at speeds of"), but a storm's gusts and sustained winds, or a limit and the speed
/// driven, are different facts.
const SPEED_SUBJECTS: &[(&str, &str)] = &[
    ("wind", "wind"),
    ("winds", "wind"),
    ("gust", "gust"),
    ("gusts", "gust"),
    ("gusting", "gust"),
    ("limit", "limit"),
    ("zone", "limit"),
    ("posted", "limit"),
];

/// How far apart two printed distances may be and still be one distance.
const DISTANCE_SLACK: f64 = 0.03;

/// Claims of one sentence from its measured quantities.
pub(super) fn measures(ctx: &SentenceCtx) -> Vec<Claim> {
    let found = quantity::find(ctx.text);
    let converted: Vec<bool> = (0..found.len())
        .map(|i| is_conversion(ctx.text, i.checked_sub(1).map(|p| &found[p]), &found[i]))
        .collect();
    found
        .into_iter()
        .zip(converted)
        .filter(|(q, converted)| !q.span.is_empty() && !converted)
        .flat_map(|(q, _)| {
            let claim = claim_for(ctx, &q);
            let shared = claim.as_ref().and_then(|c| shared_age(ctx, &q, c));
            claim.into_iter().chain(shared)
        })
        .collect()
}

/// True for a sum in brackets right after another sum ("40 million euros ($52
/// million)") or after a number whose currency the parser does not read ("40 billion
/// ($52 billion)", where a sign was lost): it is a conversion at some day's rate, not
/// a figure of its own, and two articles' conversions differ without contradicting
/// each other. The sum it converts is the claim.
fn is_conversion(text: &str, previous: Option<&Quantity>, q: &Quantity) -> bool {
    if q.dimension != Dimension::Money {
        return false;
    }
    let Some(before) = text[..q.span.start].trim_end().strip_suffix('(') else {
        return false;
    };
    let before = before.trim_end();
    if previous.is_some_and(|p| p.dimension == Dimension::Money && p.span.end == before.len()) {
        return true;
    }
    let mut words = before.rsplit(|c: char| c.is_whitespace() || c == '-');
    let last = words.next().unwrap_or("");
    let number = if quantity::is_scale_word(last) {
        words.next().unwrap_or("")
    } else {
        last.trim_end_matches(|c: char| c.is_ascii_alphabetic())
    };
    number.ends_with(|c: char| c.is_ascii_digit())
}

/// "Tennant and Hakim, both 51": the age is also the first person's. The claim for
/// the name right before "both" is `claim`; this is its copy for the name before
/// "and".
fn shared_age(ctx: &SentenceCtx, q: &Quantity, claim: &Claim) -> Option<Claim> {
    if q.dimension != Dimension::Age {
        return None;
    }
    let before = words_before(ctx.text, q.span.start, 8);
    let (last, rest) = before.split_last()?;
    if !matches!(*last, "both" | "each") {
        return None;
    }
    let and = rest.iter().rposition(|w| *w == "and")?;
    let who = rest[..and]
        .last()
        .filter(|w| is_name_word(w))?
        .trim_end_matches("'s");
    let mut copy = claim.clone();
    copy.topic.label = format!("age of {who}");
    copy.topic.head = format!("age {}", who.to_lowercase());
    copy.topic.tokens = copy.topic.head.split(' ').map(str::to_string).collect();
    Some(copy)
}

/// Months and weekdays by hash: [`is_name_word`] asks about every capitalized word
/// near an age.
static MONTHS: Indexed<u32> = Indexed::new(lexicon::MONTHS);
static WEEKDAYS: Indexed<u32> = Indexed::new(lexicon::WEEKDAYS);

/// A capitalized word that may be a name: not a function word, month or weekday.
fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.len() > 1
        && !lexicon::is_stopword(&lexicon::lowercase(w))
        && MONTHS.get(w).is_none()
        && WEEKDAYS.get(w).is_none()
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
        Dimension::Speed => {
            let (head, label) = speed_topic(ctx, q);
            (ClaimKind::Measure, head, label)
        }
        Dimension::Area if area_of(ctx, q).is_some() => {
            let of = area_of(ctx, q)?;
            (
                ClaimKind::Measure,
                format!("area {}", lexicon::fold(&of)),
                format!("area of the {of}"),
            )
        }
        Dimension::Area | Dimension::Mass | Dimension::Volume => {
            let verb = count_verb(ctx, q.span.start, q.span.end)?;
            let what = dimension_word(q.dimension);
            (
                ClaimKind::Measure,
                format!("{what} {verb}"),
                format!("{what} ({verb})"),
            )
        }
        Dimension::Money if exchange_rate(ctx, q).is_some() => {
            let of = exchange_rate(ctx, q)?;
            (
                ClaimKind::Money,
                format!("rate {of} {}", q.unit),
                format!("rate of the {of} ({})", q.unit),
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
        Dimension::Age if rule_age(ctx, q).is_some() => {
            let rule = rule_age(ctx, q)?;
            (ClaimKind::Age, format!("age {rule}"), format!("{rule} age"))
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
    // agency, "38 miles" per another): 3% either way is the same place. So is an
    // area, rounded in one unit and converted to another ("170,000 square feet" is
    // 15,794 m2, printed "15,800 square metres").
    let slack = match q.dimension {
        Dimension::Length | Dimension::Area => DISTANCE_SLACK,
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
    let after = words_after(ctx.text, q.span.end, 3);
    if after.iter().any(|w| {
        matches!(
            lexicon::lowercase(w).as_ref(),
            "can" | "could" | "may" | "might"
        )
    }) {
        return None;
    }
    let mut near = words_before(ctx.text, q.span.start, 6)
        .into_iter()
        .chain(after);
    if near.any(|w| lexicon::lowercase(w).starts_with("aftershock")) {
        return Some((
            "magnitude aftershock".to_string(),
            "magnitude of an aftershock".to_string(),
        ));
    }
    Some(("magnitude".to_string(), "magnitude".to_string()))
}

/// What a speed is of: the wind, gusts or a limit when a word near it says so, else
/// the speed of whatever moves in the story.
fn speed_topic(ctx: &SentenceCtx, q: &Quantity) -> (String, String) {
    let mut near = words_before(ctx.text, q.span.start, 4)
        .into_iter()
        .chain(words_after(ctx.text, q.span.end, 3));
    match near.find_map(|w| lexicon::lookup(SPEED_SUBJECTS, w)) {
        Some(of) => (format!("speed {of}"), format!("speed ({of})")),
        None => ("speed".to_string(), "speed".to_string()),
    }
}

/// What an area is of: the noun an adjectival area qualifies ("a 1,500-square-km
/// island", "the 170,000-square-foot building") or the noun after "of" ("300 sq km
/// of forest").
fn area_of(ctx: &SentenceCtx, q: &Quantity) -> Option<String> {
    let after = words_after(ctx.text, q.span.end, 3);
    let adjectival = ctx.text[q.span.start..q.span.end].contains('-');
    let noun = match *after.first()? {
        "of" => after.iter().skip(1).find(|w| !lexicon::is_stopword(w))?,
        w if adjectival && !lexicon::is_stopword(w) => &after[0],
        _ => return None,
    };
    noun.chars()
        .all(char::is_alphabetic)
        .then(|| noun.to_lowercase())
}

fn dimension_word(d: Dimension) -> &'static str {
    match d {
        Dimension::Magnitude => "magnitude",
        Dimension::Length => "length",
        Dimension::Area => "area",
        Dimension::Mass => "weight",
        Dimension::Volume => "volume",
        Dimension::Speed => "speed",
        Dimension::Money => "money",
        Dimension::Percent => "percent",
        Dimension::Age => "age",
    }
}

/// Whether `c` joins a word of [`words_after`] and [`words_before`].
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\''
}

/// The first `n` words right after a quantity, as written (borrowed: each rule
/// only compares them).
fn words_after(text: &str, end: usize, n: usize) -> Vec<&str> {
    let text = &text[end..];
    let mut words = Vec::with_capacity(n);
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (start, in_word(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                words.push(&text[s..i]);
                if words.len() == n {
                    return words;
                }
                start = None;
            }
            _ => {}
        }
    }
    words.extend(start.map(|s| &text[s..]));
    words
}

/// The last `n` words right before a quantity, in text order, as written.
fn words_before(text: &str, start: usize, n: usize) -> Vec<&str> {
    let text = &text[..start];
    let mut words = Vec::with_capacity(n);
    let mut end = None;
    for (i, c) in text.char_indices().rev() {
        match (end, in_word(c)) {
            (None, true) => end = Some(i + c.len_utf8()),
            (Some(e), false) => {
                words.push(&text[i + c.len_utf8()..e]);
                end = None;
                if words.len() == n {
                    break;
                }
            }
            _ => {}
        }
    }
    if words.len() < n {
        words.extend(end.map(|e| &text[..e]));
    }
    words.reverse();
    words
}

/// A depth, or a distance from a named place; other lengths are too vague to compare.
fn length_topic(ctx: &SentenceCtx, q: &Quantity) -> Option<(String, String)> {
    let after = words_after(ctx.text, q.span.end, 4);
    let before = words_before(ctx.text, q.span.start, 4);
    let deep = |w: &&str| {
        matches!(
            lexicon::lowercase(w).as_ref(),
            "deep" | "depth" | "underground"
        )
    };
    if after.iter().take(2).any(deep) || before.iter().any(deep) {
        return Some(("depth".to_string(), "depth".to_string()));
    }
    // "40 km north of Valdor", "300 kilometers from Lisbon", "east of Valdor".
    let mut i = 0;
    while i < after.len() && is_direction(after[i]) {
        i += 1;
    }
    let prep = after.get(i).map(|w| lexicon::lowercase(w));
    let place = after
        .get(i + 1)
        .filter(|_| matches!(prep.as_deref(), Some("of" | "from")));
    let Some(place) = place.filter(|p| p.chars().next().is_some_and(char::is_uppercase)) else {
        return home_topic(ctx, q).or_else(|| travel_topic(ctx, q));
    };
    let place = place.trim_end_matches("'s");
    Some((
        format!("distance {}", place.to_lowercase()),
        format!("distance from {place}"),
    ))
}

/// How far away someone lives: a length right after a verb of dwelling and before
/// "away" ("who lived half a mile away", "had moved two miles away"). Whatever the
/// verb, the distance is the one between the home and the story's scene.
fn home_topic(ctx: &SentenceCtx, q: &Quantity) -> Option<(String, String)> {
    let away = words_after(ctx.text, q.span.end, 1)
        .first()
        .is_some_and(|w| w.eq_ignore_ascii_case("away"));
    let before = words_before(ctx.text, q.span.start, 2);
    let dwells = before.iter().any(|w| {
        matches!(
            lexicon::lowercase(w).as_ref(),
            "lived" | "lives" | "live" | "living" | "resided" | "resides" | "moved"
        )
    });
    (away && dwells).then(|| (HOME.to_string(), "distance of home".to_string()))
}

/// The topic head of how far away someone lives.
const HOME: &str = "distance home";

/// True for a claim about a standing state rather than an event: where someone lives
/// ("had moved a mile away five years ago") is still so at publication, whatever
/// earlier time the sentence names.
pub(super) fn is_standing(c: &Claim) -> bool {
    c.kind == ClaimKind::Measure && c.topic.head == HOME
}

/// Verbs of moving something or someone over a distance, each with the one topic it
/// stands for: "chased him for 30 miles" and "pursued him for 48 km" are one chase,
/// "dragging her 10 feet" and "dragged her 10 feet" one drag. Verbs of one's own
/// moving ("fell", "walked") are left out: a story of two climbers has two falls,
/// and the sentence does not say whose.
const TRAVEL_VERBS: &[(&str, &str)] = &[
    ("chased", "chase"),
    ("chasing", "chase"),
    ("pursued", "chase"),
    ("pursuing", "chase"),
    ("dragged", "drag"),
    ("dragging", "drag"),
    ("towed", "drag"),
    ("carried", "carry"),
    ("swept", "carry"),
    ("thrown", "throw"),
    ("hurled", "throw"),
    ("flung", "throw"),
];

/// How far something was moved: a length after a verb of [`TRAVEL_VERBS`], its
/// object ("him", "Mr. Okafor") and "for" or "a good" between ("chased him for about
/// 30 miles", "dragging her 10 feet").
fn travel_topic(ctx: &SentenceCtx, q: &Quantity) -> Option<(String, String)> {
    let before = words_before(ctx.text, q.span.start, 5);
    let filler = |w: &&str| {
        matches!(
            lexicon::lowercase(w).as_ref(),
            "for" | "a" | "good" | "him" | "her" | "them" | "it" | "me" | "us" | "another"
        ) || w.chars().next().is_some_and(char::is_uppercase)
    };
    let verb = before.iter().rev().find(|w| !filler(w))?;
    let how = lexicon::lookup(TRAVEL_VERBS, verb)?;
    Some((format!("distance {how}"), format!("distance ({how})")))
}

fn is_direction(w: &str) -> bool {
    let l = lexicon::lowercase(w);
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
    compass.contains(&l.as_ref()) || matches!(l.as_ref(), "away" | "outside" | "off")
}

/// What a sum of money is about: a subject noun near it, else the verb governing it.
fn money_subject(ctx: &SentenceCtx, q: &Quantity) -> Option<String> {
    let mut near = words_before(ctx.text, q.span.start, 5)
        .into_iter()
        .chain(words_after(ctx.text, q.span.end, 5));
    static SUBJECTS: Indexed<&str> = Indexed::new(MONEY_SUBJECTS);
    near.find_map(|w| SUBJECTS.get(w))
        .map(str::to_string)
        .or_else(|| count_verb(ctx, q.span.start, q.span.end))
}

/// Currencies whose price in another is news ("drove the euro below $1.29").
const RATED_CURRENCIES: &[(&str, &str)] = &[
    ("euro", "euro"),
    ("dollar", "dollar"),
    ("greenback", "dollar"),
    ("pound", "pound"),
    ("sterling", "pound"),
    ("yen", "yen"),
    ("yuan", "yuan"),
    ("rouble", "rouble"),
    ("ruble", "rouble"),
    ("franc", "franc"),
    ("rupee", "rupee"),
];

/// The currency a small sum is the price of: "the euro fell below $1.29", "the pound
/// at $1.45". Only a price under 1,000 units is a rate, and not of "euro zone"
/// money ("the euro zone's $1 trillion fund").
fn exchange_rate(ctx: &SentenceCtx, q: &Quantity) -> Option<&'static str> {
    if q.high.unwrap_or(q.low) >= 1000.0 {
        return None;
    }
    let before = words_before(ctx.text, q.span.start, 4);
    let at = before
        .iter()
        .rposition(|w| lexicon::lookup(RATED_CURRENCIES, w).is_some())?;
    let zone = before
        .get(at + 1)
        .is_some_and(|w| matches!(lexicon::lowercase(w).as_ref(), "zone" | "area"));
    (!zone)
        .then(|| lexicon::lookup(RATED_CURRENCIES, before[at]))
        .flatten()
}

/// What a percentage is of: the noun after "of", else the verb near it.
fn percent_subject(ctx: &SentenceCtx, q: &Quantity) -> Option<String> {
    let after = words_after(ctx.text, q.span.end, 3);
    if after.first().is_some_and(|w| *w == "of") {
        let noun = after.iter().skip(1).find(|w| !lexicon::is_stopword(w))?;
        return Some(noun.to_lowercase());
    }
    percent_noun(ctx, q).or_else(|| count_verb(ctx, q.span.start, q.span.end))
}

/// Things whose rise or fall news gives in percent, and the one topic each stands for:
/// "stocks plunged 5.4 per cent" and "shares closed down 3.9 percent" speak of one
/// market whatever the verb.
const PERCENT_SUBJECTS: &[(&str, &str)] = &[
    ("stocks", "stocks"),
    ("shares", "stocks"),
    ("index", "stocks"),
    ("turnout", "turnout"),
    ("unemployment", "unemployment"),
    ("jobless", "unemployment"),
    ("inflation", "inflation"),
    ("alcohol", "blood alcohol"),
    ("blood-alcohol", "blood alcohol"),
];

/// The subject of a percentage said by a noun of [`PERCENT_SUBJECTS`] at most four
/// words before it ("Greek stocks plunged 5.4 per cent"), with the way it went when
/// a word between says so: a rise and a fall are never one figure.
fn percent_noun(ctx: &SentenceCtx, q: &Quantity) -> Option<String> {
    let before = words_before(ctx.text, q.span.start, 4);
    let at = before
        .iter()
        .rposition(|w| lexicon::lookup(PERCENT_SUBJECTS, w).is_some())?;
    let noun = lexicon::lookup(PERCENT_SUBJECTS, before[at])?;
    let way = before[at + 1..].iter().find_map(|w| direction(w));
    Some(match way {
        Some(way) => format!("{noun} {way}"),
        None => noun.to_string(),
    })
}

/// "fell", "plunged", "closed down" say a fall; "rose", "jumped" a rise.
fn direction(word: &str) -> Option<&'static str> {
    let way = match lexicon::lowercase(word).as_ref() {
        "fell" | "fall" | "falls" | "dropped" | "drop" | "plunged" | "plummeted" | "slid"
        | "slumped" | "tumbled" | "sank" | "declined" | "lost" | "down" | "lower" => "fall",
        "rose" | "rise" | "rises" | "gained" | "jumped" | "climbed" | "soared" | "surged"
        | "rallied" | "up" | "higher" => "rise",
        _ => return None,
    };
    Some(way)
}

/// The rule an age is set by ("the retirement age for women to 65" → retirement),
/// from the words just before it: such an age is nobody's.
fn rule_age(ctx: &SentenceCtx, q: &Quantity) -> Option<&'static str> {
    let before = words_before(ctx.text, q.span.start, 6);
    let at = before.iter().rposition(|w| w.eq_ignore_ascii_case("age"))?;
    let rule = match lexicon::lowercase(before[..at].last()?).as_ref() {
        "retirement" | "pension" | "pensionable" => "retirement",
        "voting" => "voting",
        "drinking" => "drinking",
        "marriage" => "marriage",
        "school-leaving" => "school-leaving",
        _ => return None,
    };
    Some(rule)
}

/// The person an age belongs to: the capitalized name just before it ("Okafor, 47",
/// "Marta Quenneville, a 54-year-old"), else just after it ("54-year-old Marta
/// Quenneville"), by surname.
fn person_near(ctx: &SentenceCtx, q: &Quantity) -> Option<String> {
    let is_name = |w: &&str| is_name_word(w);
    let before = words_before(ctx.text, q.span.start, 3);
    // Articles, "aged", and name suffixes ("Harold Brisbane III, 41") are skipped.
    let skip_article = |w: &&str| {
        matches!(
            *w,
            "a" | "an"
                | "the"
                | "aged"
                | "age"
                | "both"
                | "each"
                | "Jr"
                | "Sr"
                | "II"
                | "III"
                | "IV"
        )
    };
    let last_before = before.iter().rev().find(|w| !skip_article(w));
    if let Some(w) = last_before.filter(|w| is_name(w)) {
        return Some(w.trim_end_matches("'s").to_string());
    }
    let after = words_after(ctx.text, q.span.end, 4);
    if after.iter().any(is_name) {
        let mut names = after
            .iter()
            .skip_while(|w| !is_name(w))
            .take_while(|w| is_name(w));
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
    let kind = match lexicon::lowercase(word).as_ref() {
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

#[cfg(test)]
mod tests {
    use crate::model::{Claim, ClaimKind, Value};

    /// The claims of a one-line article published on 2014-02-13.
    fn claims(text: &str) -> Vec<Claim> {
        let date = chrono::NaiveDate::from_ymd_opt(2014, 2, 13).unwrap();
        super::super::one_line_claims(text, date)
    }

    fn of_kind(text: &str, kind: ClaimKind) -> Vec<Claim> {
        claims(text)
            .into_iter()
            .filter(|c| c.kind == kind)
            .collect()
    }

    fn low(c: &Claim) -> f64 {
        match &c.value {
            Value::Amount(a) => a.low,
            v => panic!("not an amount: {v:?}"),
        }
    }

    proptest::proptest! {
        #[test]
        fn words_near_a_quantity_are_the_split_words(
            words in proptest::collection::vec(r"(Okafor|age|of|5|-|'|’|é|Σ|[ ]|,|\.|\u{a0}|\t)", 0..16),
            n in 1usize..6,
        ) {
            let text = words.concat();
            let split = |s: &str| -> Vec<String> {
                s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                let after = split(&text[at..]).into_iter().take(n).collect::<Vec<_>>();
                let mut before = split(&text[..at]).into_iter().rev().take(n).collect::<Vec<_>>();
                before.reverse();
                proptest::prop_assert_eq!(super::words_after(&text, at, n), after);
                proptest::prop_assert_eq!(super::words_before(&text, at, n), before);
            }
        }
    }

    #[test]
    fn measures_speeds_of_a_chase_share_one_topic_whatever_the_verb() {
        let a = of_kind(
            "Troopers chased him at speeds of up to 90 mph.",
            ClaimKind::Measure,
        );
        let b = of_kind(
            "The pursuit reached 145 km/h on the highway.",
            ClaimKind::Measure,
        );
        assert_eq!(a.len(), 1);
        assert_eq!(b.len(), 1);
        assert_eq!(a[0].topic.head, "speed");
        assert_eq!(a[0].topic.head, b[0].topic.head);
        assert!((low(&b[0]) - 145.0).abs() < 1.0);
    }

    #[test]
    fn measures_wind_speeds_and_limits_are_their_own() {
        let wind = of_kind("Winds of 80 mph tore roofs off.", ClaimKind::Measure);
        assert_eq!(wind[0].topic.head, "speed wind");
        let limit = of_kind("He drove 70 mph in a 30 mph zone.", ClaimKind::Measure);
        assert_eq!(limit.len(), 2);
        assert!(limit.iter().any(|c| c.topic.head == "speed limit"));
    }

    #[test]
    fn measures_both_ages_go_to_both_people() {
        let ages = of_kind(
            "Sergeant Ana Pell and Officer Tim Ruiz, both 44, were hurt.",
            ClaimKind::Age,
        );
        let heads: Vec<&str> = ages.iter().map(|c| c.topic.head.as_str()).collect();
        assert_eq!(heads, ["age ruiz", "age pell"]);
        assert!(ages.iter().all(|c| low(c) == 44.0));
    }

    #[test]
    fn measures_an_age_a_rule_sets_is_nobodys() {
        let ages = of_kind(
            "Lawmakers voted to raise the retirement age for men to 67, said Okafor.",
            ClaimKind::Age,
        );
        assert_eq!(ages.len(), 1);
        assert_eq!(ages[0].topic.head, "age retirement");
        assert_eq!(low(&ages[0]), 67.0);
    }

    #[test]
    fn measures_a_currency_priced_in_another_is_a_rate() {
        let rate = of_kind(
            "Worries pushed the pound below $1.45 on Friday.",
            ClaimKind::Money,
        );
        assert_eq!(rate.len(), 1);
        assert_eq!(rate[0].topic.head, "rate pound USD");
        assert!((low(&rate[0]) - 1.445).abs() < 0.01);
        let fund = of_kind(
            "The euro zone set up a $900 billion rescue fund.",
            ClaimKind::Money,
        );
        assert_eq!(fund[0].topic.head, "aid USD");
    }

    #[test]
    fn measures_a_volume_is_of_its_verb() {
        let drank = of_kind("He said he drank a half-liter of gin.", ClaimKind::Measure);
        assert_eq!(drank.len(), 1);
        assert_eq!(drank[0].topic.head, "volume drank");
        assert!((low(&drank[0]) - 0.25).abs() < 0.01);
    }

    #[test]
    fn measures_how_far_away_someone_lives_whatever_the_verb() {
        let lived = of_kind(
            "The baker, who lived half a mile away, heard the crash.",
            ClaimKind::Measure,
        );
        assert_eq!(lived.len(), 1);
        assert_eq!(lived[0].topic.head, "distance home");
        let moved = of_kind(
            "He had moved about a mile and a half away five years ago.",
            ClaimKind::Measure,
        );
        assert_eq!(moved[0].topic.head, "distance home");
        assert!(!moved[0].historical);
        assert!(low(&moved[0]) > low(&lived[0]) * 2.0);
        let walked = of_kind("She walked a mile and a half away.", ClaimKind::Measure);
        assert!(walked.is_empty());
    }

    #[test]
    fn measures_how_far_something_was_moved() {
        let chase = of_kind(
            "Troopers chased Mr. Okafor for about 20 miles.",
            ClaimKind::Measure,
        );
        assert_eq!(chase.len(), 1);
        assert_eq!(chase[0].topic.head, "distance chase");
        let pursuit = of_kind("Deputies pursued him for 32 km.", ClaimKind::Measure);
        assert_eq!(pursuit[0].topic.head, "distance chase");
        assert!((low(&pursuit[0]) - 32.0).abs() < 1.5);
        let drag = of_kind("The truck dragged him 15 feet.", ClaimKind::Measure);
        assert_eq!(drag[0].topic.head, "distance drag");
        assert!(of_kind("She stood 20 feet away.", ClaimKind::Measure).is_empty());
    }

    #[test]
    fn measures_an_area_is_of_the_noun_it_qualifies() {
        let area = of_kind(
            "The 90,000-square-foot warehouse burned down.",
            ClaimKind::Measure,
        );
        assert_eq!(area.len(), 1);
        assert_eq!(
            area[0].topic.head,
            format!("area {}", crate::lexicon::fold("warehouse"))
        );
        let forest = of_kind("Fire burned 300 sq km of forest.", ClaimKind::Measure);
        assert_eq!(
            forest[0].topic.head,
            format!("area {}", crate::lexicon::fold("forest"))
        );
    }

    #[test]
    fn measures_an_area_rounded_in_another_unit_is_the_same_area() {
        let feet = of_kind("The 170,000-square-foot hall closed.", ClaimKind::Measure);
        let metres = of_kind("The 15,800-square-metre hall closed.", ClaimKind::Measure);
        assert_eq!(feet[0].topic.head, metres[0].topic.head);
        assert!(crate::align::compatible(&feet[0].value, &metres[0].value));
    }

    #[test]
    fn measures_blood_alcohol_is_a_percentage_of_its_own() {
        let bac = of_kind(
            "Police said his blood-alcohol level was .21 at the time.",
            ClaimKind::Percentage,
        );
        assert_eq!(bac.len(), 1);
        let folded = format!("percent {}", crate::lexicon::fold("blood alcohol"));
        assert_eq!(bac[0].topic.head, folded);
        assert!((low(&bac[0]) - 0.205).abs() < 0.001);
    }

    #[test]
    fn measures_percent_moves_of_markets_name_the_market_and_the_way() {
        let fall = of_kind(
            "Danish stocks closed down 2.5 percent.",
            ClaimKind::Percentage,
        );
        let folded = |about: &str| format!("percent {}", crate::lexicon::fold(about));
        assert_eq!(fall[0].topic.head, folded("stocks fall"));
        assert!((low(&fall[0]) - 2.5).abs() < 0.1);
        let rise = of_kind("Shares jumped 4 per cent.", ClaimKind::Percentage);
        assert_eq!(rise[0].topic.head, folded("stocks rise"));
    }

    #[test]
    fn measures_bailout_sums_are_aid_in_their_own_currency() {
        let sums = of_kind(
            "The island got a 12 billion euro ($15 billion) bailout.",
            ClaimKind::Money,
        );
        assert_eq!(sums.len(), 1);
        assert_eq!(sums[0].topic.head, "aid EUR");
        assert!((low(&sums[0]) - 11.5e9).abs() < 1e8, "{:?}", sums[0].value);
        let share = of_kind(
            "Parliament passed the country's share of the rescue, euro3 billion.",
            ClaimKind::Money,
        );
        assert_eq!(share[0].topic.head, "share EUR");
        let lost_sign = of_kind(
            "It agreed a 12-billion ($15-billion) bailout.",
            ClaimKind::Money,
        );
        assert!(lost_sign.is_empty(), "{lost_sign:?}");
        let dollars = of_kind("It agreed a $15 billion bailout.", ClaimKind::Money);
        assert_eq!(dollars[0].topic.head, "aid USD");
    }
}
