//! Quantity: find the measured values news text prints and normalize them.
//!
//! A pure parser with no knowledge of any article and no idea what a value is about
//! (the extract stage decides that). It finds earthquake magnitudes, lengths, areas,
//! masses, speeds, sums of money, percentages and ages, and turns each into an interval
//! in one canonical unit per dimension, so that "55 kilometers", "34 miles" and "about
//! 35 miles" can be compared as values. Bare counts ("24 people") are not quantities
//! here; [`count_interval`] only reads their number and qualifier.
//!
//! Conventions:
//!
//! * A printed measured value stands for every value that rounds to it: half the place
//!   value of its last printed digit either side ("6.1" → 6.05..6.15, "$15 billion" →
//!   14.5..15.5 billion), shrunk by 1% so that neighbouring printed values ("5.9" and
//!   "6.1", "136" and "137") never overlap. Ages are exact.
//! * A qualifier ("about", "more than", "nearly", …) widens or opens that interval by
//!   the rules the count extractor uses ([`Qualifier`]).
//! * A printed conversion ("55 kilometers (34 miles)", "6 miles or 10 km") is one
//!   quantity whose interval is what both readings allow.
//! * Currencies are never converted: the unit is the currency code.
//!
//! Invariants of [`find`]: spans lie on char boundaries, come in text order and never
//! overlap; `low <= high` and every bound is finite; it never panics, and its time is
//! linear in the text (a fixed set of regexes, each scanned once, and work per match
//! bounded by the match).

use crate::clues::{self, Clue, DIGIT, clue, exact_clue, word_clue};
use crate::lexicon::{self, NUMBER_WORDS, VAGUE_QUANTITIES};
use crate::model::Span;
use crate::wordre::{WordRegex, is_ascii_space};
use fnv::FnvHashMap;
use regex::Captures;
use std::cmp::Reverse;
use std::sync::LazyLock;

/// What a quantity measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Magnitude,
    Length,
    Area,
    Mass,
    Volume,
    Speed,
    Money,
    Percent,
    Age,
}

/// One quantity found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The whole expression, including qualifier and any printed conversion:
    /// "about 55 kilometers (34 miles)", "a 6.1-magnitude", "$15bn", "22-year-old".
    pub span: Span,
    pub dimension: Dimension,
    /// Lowest and highest value the words allow, in `unit`; `high: None` = unbounded.
    pub low: f64,
    pub high: Option<f64>,
    /// Canonical unit: "richter" (any magnitude scale), "km", "km2", "kg", "km/h",
    /// currency code ("USD", "EUR", "GBP", "JPY", "INR", "AUD", "CAD", … ; "$" alone is
    /// USD, "US$" USD, "A$" AUD, "C$" CAD, "Rs" INR, "£" GBP, "€" EUR, "¥" JPY), "%"
    /// ("pp" for percentage points), "year".
    pub unit: String,
    /// The value as printed, short, for display: "6.1", "55 km", "$15 billion", "22".
    pub display: String,
}

/// Every quantity in `text`, in text order, non-overlapping.
///
/// Each recognizer proposes candidates independently; where two overlap, the one that
/// starts first wins, then the longer one ("$5 m" is money, not the "5 m" inside it).
/// Adjacent printed conversions are then merged into one quantity. A recognizer runs
/// only where the text holds the clues every match of its pattern holds (most
/// sentences have no digit, and few a quake or a currency sign).
pub fn find(text: &str) -> Vec<Quantity> {
    let has = clues::of(text);
    let digit = has.all(DIGIT);
    let number = digit || has.all(NUMBER_WORD);
    let mut found = Candidates {
        text,
        found: Vec::new(),
    };
    let quake = digit && has.all(QUAKE);
    let magnitude_word = digit && has.all(MAGNITUDE);
    let any_magnitude = digit && has.any(MAGNITUDE | RICHTER);
    found.scan(any_magnitude, &MAGNITUDE_BEFORE, magnitude);
    found.scan(magnitude_word, &MAGNITUDE_AFTER, magnitude);
    found.scan(quake, &MAGNITUDE_OF_QUAKE, quake_magnitude);
    found.scan(magnitude_word, &MAGNITUDE_RANGE, magnitude);
    found.scan(quake, &QUAKE_OF_MAGNITUDE, magnitude);
    found.scan(digit && has.all(SIGN), &MONEY, money);
    found.scan_measures(number);
    found.scan(has.all(HALF), &HALF_MEASURE, half_measure);
    let years_old = number && has.all(YEAR | OLD);
    found.scan(years_old, &AGE_YEARS_OLD, age_years_old);
    found.scan(digit && has.all(AGE), &AGE_AGED, age_aged);
    let after_name = digit && has.all(COMMA) && comma_before_number(text);
    found.scan(after_name, &AGE_AFTER_NAME, age_after_name);
    let of_rule = digit && has.all(RULE_AGE);
    found.scan(of_rule, &AGE_OF_RULE, age_of_rule);
    let alcohol = digit && has.all(ALCOHOL);
    found.scan(alcohol, &BLOOD_ALCOHOL, blood_alcohol);
    merge_conversions(text, non_overlapping(found.found))
}

/// Whether `text` holds a comma, then spaces or tabs and a number, maybe after "both"
/// or "each" (", 63", ", both 44"): what every match of [`AGE_AFTER_NAME`] holds. Most
/// sentences have commas and numbers, few one right after the other, and a look
/// after each comma costs less than the pattern's own search.
fn comma_before_number(text: &str) -> bool {
    let b = text.as_bytes();
    let tabs_end = |at: usize| {
        at + b[at..]
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t'))
            .count()
    };
    let number_at = |at: usize| text[at..].chars().next().is_some_and(char::is_numeric);
    memchr::memchr_iter(b',', b).any(|comma| {
        let spaced = tabs_end(comma + 1);
        let word = ["both", "each"].iter().find_map(|w| {
            let end = spaced + w.len();
            let after = tabs_end(end.min(b.len()));
            let is_word = b.get(spaced..end) == Some(w.as_bytes()) && after > end;
            is_word.then_some(after)
        });
        spaced > comma + 1 && number_at(word.unwrap_or(spaced))
    })
}

/// True for a word that scales a number ("billion", "bn", "m").
pub fn is_scale_word(word: &str) -> bool {
    lexicon::lookup(SCALES, word).is_some()
}

/// The interval a count and its qualifier allow ("at least 10", "nearly 23,000",
/// "dozens", "hundreds of", "more than 20,000", "about 50", "a dozen", "2.5 million",
/// "twenty-one").
/// `n` is the number words, `q` the qualifier if any. Exact counts give (x, Some(x)).
///
/// These are the count extractor's rules, unchanged, with three additions: a scale
/// glued to the number ("15bn", "15m" = 15 million; not "k"), scales after scales
/// ("two hundred thousand"), and "under" read as "less than" rather than "about".
pub fn count_interval(n: &str, q: Option<&str>) -> Option<(f64, Option<f64>)> {
    let words = squash(n);
    if let Some((_, low, high)) = VAGUE_QUANTITIES.iter().find(|(w, ..)| *w == words) {
        return Some((*low, *high));
    }
    let x = count_amount(&words)?;
    Some(match q {
        Some(q) => Qualifier::parse(q).count(x),
        None => (x, Some(x)),
    })
}

/// Share of a round figure either side that it may stand for.
const ROUND_FIGURE_MARGIN: f64 = 0.05;

/// The interval an unqualified count in digits stands for when it is a round figure:
/// news rounds large tallies ("600 were killed" for 612 dead), so a number of at least
/// 100 printed with two or more trailing zeros ("600", "1,200", "20,000") allows 5%
/// either side. Other counts, and counts with a qualifier or a scale word, are left as
/// read: `None`.
pub fn round_figure(n: &str) -> Option<(f64, f64)> {
    let digits: String = n.trim().chars().filter(|c| *c != ',').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let x: f64 = digits.parse().ok()?;
    if x < 100.0 || !digits.ends_with("00") {
        return None;
    }
    let margin = x * ROUND_FIGURE_MARGIN;
    Some(((x - margin).floor(), (x + margin).ceil()))
}

// ---------------------------------------------------------------------------------
// Qualifiers and rounding
// ---------------------------------------------------------------------------------

/// What a qualifier before a number says about the true value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Qualifier {
    /// "at least": the number or more.
    AtLeast,
    /// "more than", "over": strictly more.
    MoreThan,
    /// "up to": the number or less.
    UpTo,
    /// "less than", "fewer than", "under": strictly less.
    LessThan,
    /// "nearly", "almost": a little less.
    Nearly,
    /// "about", "around", "some", "roughly", "approximately", "an estimated", "as much
    /// as", "as many as", "close to": either side.
    About,
}

impl Qualifier {
    /// Read a qualifier. Words not listed count as "about", as the count extractor has
    /// always treated them: a qualifier we do not know still says "not exactly".
    fn parse(q: &str) -> Qualifier {
        match squash(q).as_str() {
            "at least" => Qualifier::AtLeast,
            "more than" | "over" => Qualifier::MoreThan,
            "up to" => Qualifier::UpTo,
            "less than" | "fewer than" | "under" => Qualifier::LessThan,
            "nearly" | "almost" => Qualifier::Nearly,
            _ => Qualifier::About,
        }
    }

    /// The interval a qualified count allows. "More than 5" is at least 6, but "more
    /// than 20,000" is no promise of 20,001: large numbers are rounded.
    fn count(self, x: f64) -> (f64, Option<f64>) {
        match self {
            Qualifier::AtLeast => (x, None),
            Qualifier::MoreThan => (x + if x >= 10.0 { 0.0 } else { 1.0 }, None),
            Qualifier::UpTo | Qualifier::LessThan => (0.0, Some(x)),
            Qualifier::Nearly => ((x * 0.9).floor(), Some(x)),
            Qualifier::About => ((x * 0.85).floor(), Some((x * 1.15).ceil())),
        }
    }
}

/// How much of half a printed digit a value may stray: just under all of it, so that
/// the intervals of neighbouring printed values never touch.
const SHRINK: f64 = 0.99;

/// A number as printed, already multiplied by its scale word: its value (two values
/// for a range "10-20") and half the place value of its last printed digit, shrunk.
#[derive(Clone, Copy, Debug)]
struct Printed {
    low: f64,
    high: f64,
    half: f64,
}

impl Printed {
    /// Read a printed number, or a printed range `n`–`n2`, times `scale`. `None` for
    /// a backwards range ("27-24" is a score) or a value too large to be finite.
    fn read(n: &str, n2: Option<&str>, scale: f64) -> Option<Printed> {
        let (low, half_low) = numeral(n)?;
        let (high, half_high) = match n2 {
            Some(n2) => numeral(n2)?,
            None => (low, half_low),
        };
        let printed = Printed {
            low: low * scale,
            high: high * scale,
            half: half_low.max(half_high) * scale * SHRINK,
        };
        let finite = printed.high.is_finite() && printed.half.is_finite();
        (finite && high >= low).then_some(printed)
    }

    /// The interval the printed value allows under a qualifier. Rounding makes "at
    /// least 5" at least 4.5 and "up to 5" up to 5.5; strict words ("more than",
    /// "less than", "nearly") take the printed value as the bound; "about" allows 15%
    /// either side, or the rounding if that is wider ("about 1 km").
    fn interval(self, q: Option<Qualifier>) -> (f64, Option<f64>) {
        let low = (self.low - self.half).max(0.0);
        let high = self.high + self.half;
        match q {
            None => (low, Some(high)),
            Some(Qualifier::AtLeast) => (low, None),
            Some(Qualifier::MoreThan) => (self.low, None),
            Some(Qualifier::UpTo) => (0.0, Some(high)),
            Some(Qualifier::LessThan) => (0.0, Some(self.high)),
            Some(Qualifier::Nearly) => (0.9 * self.low, Some(self.high)),
            Some(Qualifier::About) => (
                (0.85 * self.low).min(low),
                Some((1.15 * self.high).max(high)),
            ),
        }
    }
}

/// The value of one printed number and half the place value of its last digit:
/// "6.1" → (6.1, 0.05), "55" → (55, 0.5), "six" → (6, 0.5).
fn numeral(s: &str) -> Option<(f64, f64)> {
    let value = lexicon::number_value(s).filter(|v| v.is_finite())?;
    let decimals = match s.split_once('.') {
        Some((_, fraction)) if starts_with_digit(s) => fraction.len(),
        _ => 0,
    };
    let decimals = i32::try_from(decimals).unwrap_or(i32::MAX);
    Some((value, 0.5 * 10f64.powi(-decimals)))
}

/// The value of a count's number words, scales included: "2.5 million", "15bn",
/// "two hundred thousand", "a dozen".
fn count_amount(words: &str) -> Option<f64> {
    if words == "a dozen" {
        return Some(12.0);
    }
    if let Some((number, scale)) = words.rsplit_once(' ') {
        return Some(count_amount(number)? * count_scale(scale)?);
    }
    glued_scale(words).or_else(|| lexicon::number_value(words))
}

/// A number with its scale glued on: "15bn", "15m", "2.5million" (never "15k": a
/// count of thousands is not written that way in news).
fn glued_scale(word: &str) -> Option<f64> {
    if !starts_with_digit(word) {
        return None;
    }
    let split = word.find(|c: char| c.is_alphabetic())?;
    let (number, scale) = word.split_at(split);
    Some(lexicon::number_value(number)? * count_scale(scale)?)
}

/// The value of a scale word in a count.
fn count_scale(word: &str) -> Option<f64> {
    match word {
        "k" | "b" => None,
        _ => lexicon::lookup(SCALES, word).map(|s| s.value),
    }
}

/// Lower-case and single-space a phrase, so "At  Least" reads as "at least".
fn squash(s: &str) -> String {
    // Nearly every phrase is so already: printable ASCII, no capital, single spaces
    // only between words. Copied whole, it costs one allocation instead of four.
    let plain = |b: &u8| b.is_ascii_graphic() && !b.is_ascii_uppercase() || *b == b' ';
    let squashed = s.as_bytes().iter().all(plain)
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ");
    if squashed {
        return s.to_string();
    }
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn starts_with_digit(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_digit())
}

// ---------------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------------

/// A scale word after a number and the word it is displayed as.
#[derive(Clone, Copy, Debug)]
struct Scale {
    value: f64,
    long: &'static str,
}

const fn scale(value: f64, long: &'static str) -> Scale {
    Scale { value, long }
}

/// Scale words, spelled out or abbreviated as news prints them ("$15bn", "€2 mn",
/// "Rs 500 crore").
const SCALES: &[(&str, Scale)] = &[
    ("hundred", scale(1e2, "hundred")),
    ("thousand", scale(1e3, "thousand")),
    ("k", scale(1e3, "thousand")),
    ("lakh", scale(1e5, "lakh")),
    ("lakhs", scale(1e5, "lakh")),
    ("million", scale(1e6, "million")),
    ("mn", scale(1e6, "million")),
    ("mln", scale(1e6, "million")),
    ("m", scale(1e6, "million")),
    ("crore", scale(1e7, "crore")),
    ("crores", scale(1e7, "crore")),
    ("billion", scale(1e9, "billion")),
    ("bn", scale(1e9, "billion")),
    ("b", scale(1e9, "billion")),
    ("trillion", scale(1e12, "trillion")),
    ("tn", scale(1e12, "trillion")),
];

/// A unit of measure a number can be followed by, and how it converts.
#[derive(Debug)]
struct Unit {
    /// Spellings: lower case, dots dropped, "square" written "sq", "²" written "2".
    names: &'static [&'static str],
    dimension: Dimension,
    canonical: &'static str,
    /// Canonical units per printed unit at the low and at the high end of the
    /// interval: equal unless the word itself is ambiguous ("tons": short, long or
    /// metric, so ±10%).
    factor: (f64, f64),
    /// Short form for display.
    short: &'static str,
}

const fn unit(
    names: &'static [&'static str],
    dimension: Dimension,
    canonical: &'static str,
    factor: f64,
    short: &'static str,
) -> Unit {
    Unit {
        names,
        dimension,
        canonical,
        factor: (factor, factor),
        short,
    }
}

const MILE_KM: f64 = 1.609_344;
const NAUTICAL_MILE_KM: f64 = 1.852;
const FOOT_KM: f64 = 0.000_304_8;

/// Units of measure. "m" is metres only in lower case and only after a numeral; "in"
/// (inches), "t", "g" and "kt" are left out: as words or initials they are far more
/// often something else.
const UNITS: &[Unit] = &[
    unit(
        &[
            "km",
            "kms",
            "kilometer",
            "kilometers",
            "kilometre",
            "kilometres",
        ],
        Dimension::Length,
        "km",
        1.0,
        "km",
    ),
    unit(
        &["mile", "miles", "mi"],
        Dimension::Length,
        "km",
        MILE_KM,
        "mi",
    ),
    unit(
        &["nautical mile", "nautical miles", "nmi"],
        Dimension::Length,
        "km",
        NAUTICAL_MILE_KM,
        "nmi",
    ),
    unit(
        &["m", "meter", "meters", "metre", "metres"],
        Dimension::Length,
        "km",
        0.001,
        "m",
    ),
    unit(
        &[
            "cm",
            "centimeter",
            "centimeters",
            "centimetre",
            "centimetres",
        ],
        Dimension::Length,
        "km",
        0.000_01,
        "cm",
    ),
    unit(
        &[
            "mm",
            "millimeter",
            "millimeters",
            "millimetre",
            "millimetres",
        ],
        Dimension::Length,
        "km",
        0.000_001,
        "mm",
    ),
    unit(
        &["ft", "feet", "foot"],
        Dimension::Length,
        "km",
        FOOT_KM,
        "ft",
    ),
    unit(
        &["yd", "yds", "yard", "yards"],
        Dimension::Length,
        "km",
        0.000_914_4,
        "yd",
    ),
    unit(
        &["inch", "inches"],
        Dimension::Length,
        "km",
        0.000_025_4,
        "in",
    ),
    unit(
        &[
            "sq km",
            "sq kms",
            "sq kilometer",
            "sq kilometers",
            "sq kilometre",
            "sq kilometres",
            "km2",
        ],
        Dimension::Area,
        "km2",
        1.0,
        "km2",
    ),
    unit(
        &["sq mi", "sq mile", "sq miles", "mi2"],
        Dimension::Area,
        "km2",
        MILE_KM * MILE_KM,
        "sq mi",
    ),
    unit(
        &[
            "sq m",
            "sq meter",
            "sq meters",
            "sq metre",
            "sq metres",
            "m2",
        ],
        Dimension::Area,
        "km2",
        0.000_001,
        "m2",
    ),
    unit(
        &["sq ft", "sq feet", "sq foot", "ft2"],
        Dimension::Area,
        "km2",
        FOOT_KM * FOOT_KM,
        "sq ft",
    ),
    unit(
        &["hectare", "hectares", "ha"],
        Dimension::Area,
        "km2",
        0.01,
        "ha",
    ),
    unit(
        &["acre", "acres"],
        Dimension::Area,
        "km2",
        0.004_046_86,
        "acres",
    ),
    unit(
        &[
            "kg",
            "kgs",
            "kilo",
            "kilos",
            "kilogram",
            "kilograms",
            "kilogramme",
            "kilogrammes",
        ],
        Dimension::Mass,
        "kg",
        1.0,
        "kg",
    ),
    unit(
        &["gram", "grams", "gramme", "grammes"],
        Dimension::Mass,
        "kg",
        0.001,
        "g",
    ),
    unit(
        &[
            "tonne",
            "tonnes",
            "metric ton",
            "metric tons",
            "metric tonne",
            "metric tonnes",
        ],
        Dimension::Mass,
        "kg",
        1000.0,
        "t",
    ),
    Unit {
        names: &["ton", "tons"],
        dimension: Dimension::Mass,
        canonical: "kg",
        factor: (900.0, 1100.0),
        short: "tons",
    },
    unit(
        &["pound", "pounds", "lb", "lbs"],
        Dimension::Mass,
        "kg",
        0.453_592_37,
        "lb",
    ),
    unit(
        &["ounce", "ounces", "oz"],
        Dimension::Mass,
        "kg",
        0.028_349_523_125,
        "oz",
    ),
    unit(
        &["liter", "liters", "litre", "litres"],
        Dimension::Volume,
        "l",
        1.0,
        "l",
    ),
    unit(
        &[
            "milliliter",
            "milliliters",
            "millilitre",
            "millilitres",
            "ml",
        ],
        Dimension::Volume,
        "l",
        0.001,
        "ml",
    ),
    // US or imperial: either, as "tons" are.
    Unit {
        names: &["gallon", "gallons"],
        dimension: Dimension::Volume,
        canonical: "l",
        factor: (3.785_411_784, 4.546_09),
        short: "gal",
    },
    Unit {
        names: &["pint", "pints"],
        dimension: Dimension::Volume,
        canonical: "l",
        factor: (0.473_176_473, 0.568_261_25),
        short: "pt",
    },
    unit(
        &[
            "km/h",
            "km/hr",
            "kmh",
            "kph",
            "kmph",
            "km per hour",
            "km an hour",
            "kms per hour",
            "kilometer per hour",
            "kilometers per hour",
            "kilometre per hour",
            "kilometres per hour",
            "kilometers an hour",
            "kilometres an hour",
        ],
        Dimension::Speed,
        "km/h",
        1.0,
        "km/h",
    ),
    unit(
        &[
            "mph",
            "mi/h",
            "mile per hour",
            "miles per hour",
            "miles an hour",
        ],
        Dimension::Speed,
        "km/h",
        MILE_KM,
        "mph",
    ),
    unit(
        &["knot", "knots", "kn", "kts"],
        Dimension::Speed,
        "km/h",
        NAUTICAL_MILE_KM,
        "kn",
    ),
    unit(
        &[
            "m/s",
            "meter per second",
            "meters per second",
            "metre per second",
            "metres per second",
        ],
        Dimension::Speed,
        "km/h",
        3.6,
        "m/s",
    ),
    unit(
        &["%", "percent", "per cent", "pct"],
        Dimension::Percent,
        "%",
        1.0,
        "%",
    ),
    unit(
        &["percentage point", "percentage points"],
        Dimension::Percent,
        "pp",
        1.0,
        "pp",
    ),
];

/// A currency named by a word after the amount ("2 million euros").
#[derive(Debug)]
struct CurrencyWord {
    names: &'static [&'static str],
    code: &'static str,
    /// Only with a scale of a million or more is the word money: "10 million pounds"
    /// is sterling, "10 pounds" a weight; "5 billion won" is money, "won 5" is not.
    needs_scale: bool,
}

const fn currency(names: &'static [&'static str], code: &'static str) -> CurrencyWord {
    CurrencyWord {
        names,
        code,
        needs_scale: false,
    }
}

/// Currencies written as words or codes after the amount.
const CURRENCY_WORDS: &[CurrencyWord] = &[
    currency(
        &[
            "dollar",
            "dollars",
            "us dollar",
            "us dollars",
            "american dollar",
            "american dollars",
            "usd",
        ],
        "USD",
    ),
    currency(&["australian dollar", "australian dollars", "aud"], "AUD"),
    currency(&["canadian dollar", "canadian dollars", "cad"], "CAD"),
    currency(&["euro", "euros", "eur"], "EUR"),
    currency(&["pound sterling", "pounds sterling", "gbp"], "GBP"),
    CurrencyWord {
        names: &["pound", "pounds"],
        code: "GBP",
        needs_scale: true,
    },
    currency(&["yen", "jpy"], "JPY"),
    currency(&["yuan", "renminbi", "cny"], "CNY"),
    currency(&["rupee", "rupees", "inr"], "INR"),
    currency(&["rouble", "roubles", "ruble", "rubles", "rub"], "RUB"),
    currency(&["swiss franc", "swiss francs", "chf"], "CHF"),
    CurrencyWord {
        names: &["won"],
        code: "KRW",
        needs_scale: true,
    },
];

/// Currency signs and codes before the amount (dots and spaces dropped), and their
/// code.
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("US$", "USD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("Rs", "INR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("INR", "INR"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("CNY", "CNY"),
    ("CHF", "CHF"),
    // Glued to the amount only ("euro110 billion", news-agency style; see [`money`]).
    ("euro", "EUR"),
];

/// How each currency is shown before an amount; others show their code and a space.
const CURRENCY_DISPLAY: &[(&str, &str)] = &[
    ("USD", "$"),
    ("EUR", "€"),
    ("GBP", "£"),
    ("JPY", "¥"),
    ("INR", "Rs "),
    ("AUD", "A$"),
    ("CAD", "C$"),
    ("NZD", "NZ$"),
    ("HKD", "HK$"),
    ("SGD", "S$"),
    ("BRL", "R$"),
];

/// Number words that never start a measure: "a mile" and "a ton of" are idioms as
/// often as measures, and "hundred", "thousand" and "dozen" need a number before them.
const NOT_MEASURE_NUMBERS: &[&str] = &[
    "a", "an", "no", "single", "half", "hundred", "thousand", "dozen",
];

/// Capitalized words before ", 63," that are not names: little words that open a
/// sentence and words that introduce numbered things. Months and weekdays are
/// checked against the lexicon.
const NOT_NAMES: &[&str] = &[
    "in", "on", "at", "by", "since", "until", "from", "to", "of", "and", "or", "but", "the",
    "page", "section", "chapter", "article", "room", "route", "no", "number", "vol", "volume",
    "line", "part", "step", "level", "round", "game", "week", "day", "year", "grade",
];

// ---------------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------------

/// Qualifiers before a value.
pub(crate) const QUALIFIERS: &str = r"at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|roughly|approximately|an\s+estimated|as\s+much\s+as|as\s+many\s+as|less\s+than|fewer\s+than|under|close\s+to";

/// A numeral: "23,000", "6.1", "55".
const DIGITS: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

/// Scale words after a measure or a currency word ("2.5 million square kilometres",
/// "2 mn-euro"). "m" here is tried only before a currency word (see [`measure`]).
const MEASURE_SCALES: &str =
    r"hundred|thousand|million|billion|trillion|crores?|lakhs?|mln|mn|bn|m";

/// Scale words after a currency sign ("$15bn", "£3m", "$15k", "Rs 500 crore").
const MONEY_SCALES: &str = r"trillion|billion|million|thousand|crores?|lakhs?|mln|mn|bn|tn|m|k|b";

/// The words after a number that may name its unit; [`read_unit`] decides.
const UNIT_WORDS: &str = r"%|percentage\s+points?|per\s*cent|nautical\s+miles?|metric\s+ton(?:ne)?s?|(?:u\.?s\.?|american|australian|canadian)\s+dollars?|pounds?\s+sterling|swiss\s+francs?|(?:square|sq\.?)(?:\s*|-)[a-z]+[2²]?|[a-z]+\s+(?:per|an)\s+(?:hour|second)|[a-z]+(?:/[a-z]+)?[2²]?";

/// The number words a measure or an age may be written with.
fn measure_number_words() -> impl Iterator<Item = &'static str> {
    NUMBER_WORDS
        .iter()
        .map(|(w, _)| *w)
        .filter(|w| !NOT_MEASURE_NUMBERS.contains(w))
}

/// The number words a measure may be written with, as [`number_words_pattern`] tries
/// them: tens and ones that join as "twenty-five", then single words longest first.
struct NumberWords {
    tens: Vec<&'static str>,
    ones: Vec<&'static str>,
    singles: Vec<&'static str>,
}

static NUMBER_WORD_LISTS: LazyLock<NumberWords> = LazyLock::new(|| {
    let tens = NUMBER_WORDS
        .iter()
        .filter(|(_, v)| (20.0..=90.0).contains(v) && v % 10.0 == 0.0)
        .map(|(w, _)| *w)
        .collect();
    let ones = NUMBER_WORDS
        .iter()
        .filter(|(_, v)| (1.0..=9.0).contains(v))
        .map(|(w, _)| *w)
        .filter(|w| !NOT_MEASURE_NUMBERS.contains(w))
        .collect();
    let mut singles: Vec<&str> = measure_number_words().collect();
    singles.sort_by_key(|w| Reverse(w.len()));
    NumberWords {
        tens,
        ones,
        singles,
    }
});

/// Number words as a regex alternation: "twenty-five", then single words longest
/// first, so "seventeen" is not read as "seven".
fn number_words_pattern() -> String {
    let words = &*NUMBER_WORD_LISTS;
    format!(
        "(?:{})-(?:{})|{}",
        words.tens.join("|"),
        words.ones.join("|"),
        words.singles.join("|")
    )
}

/// A number as digits or words; words must end at a word boundary.
fn number_pattern() -> String {
    format!(r"{DIGITS}|(?:{})(?-u:\b)", number_words_pattern())
}

/// "a 4.7-magnitude", "5.2 magnitude", "7.4 on the Richter scale", "4.7 Richter".
static MAGNITUDE_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)(?-u:\b)(?:an?\s+)?(?:(?P<q>{QUALIFIERS})\s+)?(?P<n>\d{{1,2}}(?:\.\d{{1,2}})?)(?:\s*-\s*|\s+)(?:magnitude|on\s+the\s+richter(?:\s+scale)?|richter(?:\s+scale)?(?:\s+magnitude)?)(?-u:\b)"
    ))
    .expect("magnitude pattern compiles")
});

/// "magnitude 4.7", "magnitude-4.7", "a magnitude of 5.2", "a preliminary magnitude
/// of about 5 on the Richter scale".
static MAGNITUDE_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)(?-u:\b)(?:an?\s+)?(?:(?:preliminary|estimated|revised|moment|richter)\s+)?magnitude(?:\s*-\s*|\s+)(?:(?:of|was|is)\s+)?(?:(?P<q>{QUALIFIERS})\s+)?(?P<n>\d{{1,2}}(?:\.\d{{1,2}})?)(?:\s+on\s+the\s+richter(?:\s+scale)?(?-u:\b))?"
    ))
    .expect("magnitude pattern compiles")
});

/// A magnitude written straight before the quake, with no scale word: "a 6.1 quake",
/// "a 6.7-strength quake", "a 6.7 degree quake". A whole number needs "strength" or
/// "degree" ("the 2 quakes" is a count). The span ends before the quake noun.
static MAGNITUDE_OF_QUAKE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)(?-u:\b)(?:an?\s+)?(?:(?P<q>{QUALIFIERS})\s+)?(?P<n>\d(?:\.\d{{1,2}})?)(?P<scale>(?:\s*-\s*|\s+)(?:strength|degree))?(?P<tail>(?:\s*-\s*|\s+)(?:earthquake|quake|tremor|temblor|aftershock)s?)(?-u:\b)"
    ))
    .expect("magnitude pattern compiles")
});

/// A range of magnitudes: "with magnitudes ranging from 3.6 to 4.3", "magnitudes of
/// 4.1 to 4.5".
static MAGNITUDE_RANGE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)(?-u:\b)magnitudes\s+(?:ranging\s+)?(?:from|of|between)\s+(?P<n>\d(?:\.\d{1,2})?)\s+(?:to|and)\s+(?P<n2>\d(?:\.\d{1,2})?)"
    )
    .expect("magnitude pattern compiles")
});

/// A decimal after a quake noun and "of" or "measuring": "aftershocks of around
/// 4.0", "a tremor measuring 3.8". The span is the number and its qualifier.
static QUAKE_OF_MAGNITUDE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)(?-u:\b)(?:earthquake|quake|tremor|temblor|aftershock)s?\s+(?:of|measuring)\s+(?P<m>(?:(?P<q>{QUALIFIERS})\s+)?(?P<n>\d\.\d{{1,2}}))(?-u:\b)"
    ))
    .expect("magnitude pattern compiles")
});

/// A currency sign or code, then the amount: "$15bn", "US$2.5 million", "€2 mn",
/// "Rs 500 crore", "$2-3 billion".
static MONEY: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)(?:(?-u:\b)(?P<q>{QUALIFIERS})\s+)?(?P<sign>(?-i:US\$|U\.S\.\s?\$|AU?\$|CA?\$|NZ\$|HK\$|S\$|R\$|\$|€|£|¥|₹|₩|Rs\.?|USD|EUR|GBP|JPY|INR|AUD|CAD|CNY|CHF|euro))\s?(?P<n>{DIGITS})(?:\s*[-–]\s*[$€£¥]?(?P<n2>{DIGITS}))?(?:(?:-|\s)?(?P<s>{MONEY_SCALES})(?-u:\b))?"
    ))
    .expect("money pattern compiles")
});

/// A number, then a unit of measure, percent or currency word: "about 55 kilometers",
/// "a 33-foot", "45 per cent", "2 million euros", "10-20 km".
static MEASURE: LazyLock<WordRegex> = LazyLock::new(|| {
    let number = number_pattern();
    WordRegex::new(&format!(
        r"(?i)(?-u:\b)(?:(?P<q>{QUALIFIERS})\s+)?(?P<n>{number})(?:\s*[-–]\s*(?P<n2>{number}))?(?:\s*(?P<s>{MEASURE_SCALES})(?-u:\b))?(?P<sep>-|\s)?(?P<u>{UNIT_WORDS})"
    ))
    .expect("measure pattern compiles")
});

/// A measure with a half written out: "half a mile", "a mile and a half", "two
/// miles and a half", "a half-ton". News writes short distances so.
static HALF_MEASURE: LazyLock<WordRegex> = LazyLock::new(|| {
    let number = number_pattern();
    WordRegex::new(&format!(
        r"(?i)(?-u:\b)(?:(?P<q>{QUALIFIERS})\s+)?(?:half\s+an?\s+(?P<u1>[a-z]+)|an?\s+half[-\s](?P<u2>[a-z]+)|(?:an?|(?P<n>{number}))\s+(?P<u3>[a-z]+)\s+and\s+a\s+half)(?-u:\b)"
    ))
    .expect("half pattern compiles")
});

/// "22-year-old", "22 year-old", "63 years old", "twenty-two-year-old".
static AGE_YEARS_OLD: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"(?i)(?-u:\b)(?P<n>\d{{1,3}}|(?:{})(?-u:\b))(?:\s*-\s*|\s+)years?(?:\s*-\s*|\s+)old(?-u:\b)",
        number_words_pattern()
    ))
    .expect("age pattern compiles")
});

/// "aged 63", "age 63", "aged 63 years".
static AGE_AGED: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"(?i)(?-u:\b)aged?\s+(?P<n>\d{1,3})(?P<tail>\s+years?(?:\s+old)?(?-u:\b))?",
        // Not "age" alone: "damage", "village" and "message" hold it too.
        r"(?i)aged?\s+\d",
    )
    .expect("age pattern compiles")
});

/// A name, then the age set off by commas: "Okafor, 63, said", "Okafor, 63 of", and
/// the age of two people: "Okafor and Lind, both 63,".
static AGE_AFTER_NAME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"(?P<name>\p{Lu}[\p{L}'’-]*),[ \t]+(?:(?:both|each)[ \t]+)?(?P<n>\d{1,3})(?:,|\s+of\s)",
        // Not "," alone: nearly every sentence has one, few a number after it.
        r",[ \t]+(?:(?:both|each)[ \t]+)?\d",
    )
    .expect("age pattern compiles")
});

/// An age a rule sets, not a person's: "raise the retirement age for women to 65",
/// "the voting age of 18", "a drinking age from 18 to 21" (the last number is the
/// age). The span is the number alone.
static AGE_OF_RULE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)(?-u:\b)(?:retirement|pension|pensionable|voting|drinking|marriage|school-leaving)\s+age(?:\s+(?:for|of)\s+[a-z]+)?\s+(?:to|of|at|is|was|from\s+\d{1,3}\s+to)\s+(?P<n>\d{1,3})(?-u:\b)"
    )
    .expect("age pattern compiles")
});

/// A blood-alcohol level, which US news prints as a bare decimal that means percent:
/// "his blood-alcohol level was .41", "a blood alcohol content of 0.12 percent". The
/// span is the number (and its percent word).
static BLOOD_ALCOHOL: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)(?-u:\b)blood[- ]alcohol\s+(?:level|content|concentration|reading)\s+(?:(?:was|is|of|at)\s+)?(?P<n>0?\.\d{1,3})(?P<pct>\s*(?:%|percent|per\s*cent))?"
    )
    .expect("blood-alcohol pattern compiles")
});

/// Clue bits of the quantity patterns.
const NUMBER_WORD: u64 = 1 << 1;
const MAGNITUDE: u64 = 1 << 2;
const RICHTER: u64 = 1 << 3;
const QUAKE: u64 = 1 << 4;
const SIGN: u64 = 1 << 5;
const HALF: u64 = 1 << 6;
const YEAR: u64 = 1 << 7;
const OLD: u64 = 1 << 8;
const AGE: u64 = 1 << 9;
const RULE_AGE: u64 = 1 << 10;
const COMMA: u64 = 1 << 11;
const ALCOHOL: u64 = 1 << 12;

/// What the quantity patterns need: each recognizer in [`find`] names its clues.
pub(crate) fn clues() -> Vec<Clue> {
    let words = [
        clue("magnitude", MAGNITUDE),
        clue("richter", RICHTER),
        clue("quake", QUAKE),
        clue("tremor", QUAKE),
        clue("temblor", QUAKE),
        clue("aftershock", QUAKE),
        clue("half", HALF),
        clue("year", YEAR),
        clue("old", OLD),
        clue("age", AGE),
        clue("retirement", RULE_AGE),
        clue("pension", RULE_AGE),
        clue("voting", RULE_AGE),
        clue("drinking", RULE_AGE),
        clue("marriage", RULE_AGE),
        clue("school-leaving", RULE_AGE),
        clue(",", COMMA),
        clue("alcohol", ALCOHOL),
    ];
    let numbers = measure_number_words().map(|w| word_clue(w, NUMBER_WORD));
    // Every sign the money pattern reads holds one of these as written ("U.S. $").
    let signs = CURRENCY_SIGNS.iter().map(|(s, _)| exact_clue(s, SIGN));
    words.into_iter().chain(numbers).chain(signs).collect()
}

// ---------------------------------------------------------------------------------
// Recognizers
// ---------------------------------------------------------------------------------

/// The quantities the recognizers of [`find`] propose in one text, in the order they
/// run (which breaks ties between overlapping ones). Each appends its own straight to
/// the one list: most find none in most sentences, and a list each cost a call to
/// append.
struct Candidates<'t> {
    text: &'t str,
    found: Vec<Quantity>,
}

impl Candidates<'_> {
    /// Run one recognizer over every match of its pattern, where `runs`: the text
    /// holds what every match needs.
    fn scan(
        &mut self,
        runs: bool,
        pattern: &WordRegex,
        read: fn(&str, &Captures) -> Option<Quantity>,
    ) {
        let text = self.text;
        debug_assert!(
            runs || !pattern.is_match(text),
            "{:?} matches {text:?} without its clues",
            pattern.as_str()
        );
        if runs {
            let read = pattern.captures_iter(text).filter_map(|c| read(text, &c));
            self.found.extend(read);
        }
    }

    /// The quantities of [`MEASURE`], where `runs`: the text holds a number. Most of
    /// its matches are a number and any word ("one of", "two people") that names no
    /// unit: a match is read only when [`may_be_measure`] says [`measure`] could read
    /// it.
    fn scan_measures(&mut self, runs: bool) {
        let text = self.text;
        debug_assert!(
            runs || !MEASURE.is_match(text),
            "a measure in {text:?} without a number"
        );
        if runs {
            let found = &mut self.found;
            measure_matches(text, |g| found.extend(measure(text, &g)));
        }
    }
}

/// Call `found` with the groups of every match of [`MEASURE`] in `text` that
/// [`may_be_measure`], in order.
fn measure_matches<'t>(text: &'t str, mut found: impl FnMut(MeasureMatch<'t>)) {
    let re = MEASURE.for_text(text);
    let captured = |start: usize| {
        let c = re.captures_at(text, start)?;
        MeasureMatch::captured(&c)
    };
    // Capturing costs several times finding: only the matches that may be read are
    // split, and an ASCII match by hand (the regex reads ASCII as the hand does).
    for m in re.find_iter(text) {
        let may = may_be_measure(m.as_str());
        debug_assert!(
            may || captured(m.start())
                .and_then(|g| measure(text, &g))
                .is_none(),
            "{:?} is a measure in {text:?}",
            m.as_str()
        );
        let g = match (may, m.as_str().is_ascii()) {
            (false, _) => continue,
            (true, true) => measure_at(text, m.start()),
            (true, false) => captured(m.start()),
        };
        debug_assert_eq!(g, captured(m.start()), "{:?} in {text:?}", m.as_str());
        if let Some(g) = g {
            found(g);
        }
    }
}

/// The groups of a match of [`MEASURE`] that [`measure`] reads.
#[derive(Clone, Copy, Debug, PartialEq)]
struct MeasureMatch<'t> {
    /// Where the whole match starts.
    start: usize,
    q: Option<&'t str>,
    n: &'t str,
    n2: Option<&'t str>,
    /// The scale word and where it ends.
    s: Option<(&'t str, usize)>,
    /// The unit words and where they end (where the whole match ends).
    u: (&'t str, usize),
}

impl<'t> MeasureMatch<'t> {
    /// The groups as the regex captured them.
    fn captured(c: &Captures<'t>) -> Option<MeasureMatch<'t>> {
        let ending = |m: regex::Match<'t>| (m.as_str(), m.end());
        Some(MeasureMatch {
            start: c.get(0)?.start(),
            q: c.name("q").map(|m| m.as_str()),
            n: c.name("n")?.as_str(),
            n2: c.name("n2").map(|m| m.as_str()),
            s: c.name("s").map(ending),
            u: ending(c.name("u")?),
        })
    }
}

/// The groups of the match of [`MEASURE`] at `start` of `text` (a word boundary),
/// read as the regex reads them on ASCII: the first way, in the pattern's order of
/// preference, that its parts match, each taking as much as it may. Any other
/// character is read as no part of a match, so where a match holds one, it is
/// `None` or another match: the regex reads those.
fn measure_at(text: &str, start: usize) -> Option<MeasureMatch<'_>> {
    // A qualifier starts with a letter; most matches with a digit.
    let letter = text
        .as_bytes()
        .get(start)
        .is_some_and(u8::is_ascii_alphabetic);
    let qualifiers = MEASURE_QUALIFIERS.iter().filter(|_| letter);
    let qualified = qualifiers.filter_map(|q| {
        let q_end = phrase_end(text, start, q)?;
        Some((Some(&text[start..q_end]), after_space(text, q_end)?))
    });
    qualified.chain([(None, start)]).find_map(|(q, n_start)| {
        first_number_end(text, n_start, |n_end| {
            let (n2, scale, (u_start, u_end)) = measure_tail(text, n_end)?;
            Some(MeasureMatch {
                start,
                q,
                n: &text[n_start..n_end],
                n2,
                s: scale.map(|(from, to)| (&text[from..to], to)),
                u: (&text[u_start..u_end], u_end),
            })
        })
    })
}

/// The second number of a range, the span of the scale word, and the span of the
/// unit words.
type MeasureTail<'t> = (Option<&'t str>, Option<(usize, usize)>, (usize, usize));

/// What follows the number of a [`MEASURE`] match ending at `n_end` of `text`, read
/// the first way that matches.
fn measure_tail(text: &str, n_end: usize) -> Option<MeasureTail<'_>> {
    let b = text.as_bytes();
    first_range_end(text, n_end, |n2, n2_end| {
        first_scale_end(text, n2_end, |scale, s_end| {
            let sep = matches!(b.get(s_end), Some(c) if *c == b'-' || is_ascii_space(*c));
            let after_sep = sep.then(|| unit_words_end(text, s_end + 1).map(|e| (s_end + 1, e)));
            let unit = after_sep
                .flatten()
                .or_else(|| unit_words_end(text, s_end).map(|e| (s_end, e)))?;
            Some((n2, scale, unit))
        })
    })
}

/// The first `Some` that `f` makes of the ways the optional range of [`MEASURE`]
/// (`\s*-\s*` and a number) may end after `n_end` in `text`, each with its number,
/// in the order the regex tries them; the range left out comes last.
fn first_range_end<'t, T>(
    text: &'t str,
    n_end: usize,
    mut f: impl FnMut(Option<&'t str>, usize) -> Option<T>,
) -> Option<T> {
    let dash = space_end(text, n_end);
    if text.as_bytes().get(dash) == Some(&b'-') {
        let n2_start = space_end(text, dash + 1);
        let ranged = first_number_end(text, n2_start, |n2_end| {
            f(Some(&text[n2_start..n2_end]), n2_end)
        });
        if ranged.is_some() {
            return ranged;
        }
    }
    f(None, n_end)
}

/// The first `Some` that `f` makes of the ways the optional scale word of
/// [`MEASURE`] may end after `at` in `text`, each with its span, in the order the
/// regex tries them; the scale left out comes last.
fn first_scale_end<T>(
    text: &str,
    at: usize,
    mut f: impl FnMut(Option<(usize, usize)>, usize) -> Option<T>,
) -> Option<T> {
    let from = space_end(text, at);
    MEASURE_SCALE_WORDS
        .iter()
        .filter_map(|w| phrase_end(text, from, w).filter(|&e| word_boundary(text, e)))
        .find_map(|e| f(Some((from, e)), e))
        .or_else(|| f(None, at))
}

/// The first `Some` that `f` makes of the places the number group of [`MEASURE`]
/// may end when it starts at `at` in `text`, in the order the regex tries them:
/// digits with thousands groups, plain digits, then number words.
fn first_number_end<T>(text: &str, at: usize, mut f: impl FnMut(usize) -> Option<T>) -> Option<T> {
    let b = text.as_bytes();
    let digits = digits_from(b, at);
    if digits == 0 {
        return first_number_word_end(text, at, f);
    }
    // \d{1,3}(?:,\d{3})+(?:\.\d+)?
    for lead in (1..=digits.min(3)).rev() {
        let group_end = |g: usize| at + lead + 4 * g;
        let mut groups = 0;
        while b.get(group_end(groups)) == Some(&b',') && digits_from(b, group_end(groups) + 1) >= 3
        {
            groups += 1;
        }
        for g in (1..=groups).rev() {
            if let Some(found) = first_with_decimals(b, group_end(g), &mut f) {
                return Some(found);
            }
        }
    }
    // \d+(?:\.\d+)?
    (1..=digits)
        .rev()
        .find_map(|whole| first_with_decimals(b, at + whole, &mut f))
}

/// The first `Some` that `f` makes of the ends of `(?:\.\d+)?` after `at`: every
/// decimal, longest first, then none.
fn first_with_decimals<T>(
    b: &[u8],
    at: usize,
    f: &mut impl FnMut(usize) -> Option<T>,
) -> Option<T> {
    let fraction = match b.get(at) {
        Some(b'.') => digits_from(b, at + 1),
        _ => 0,
    };
    (1..=fraction)
        .rev()
        .find_map(|d| f(at + 1 + d))
        .or_else(|| f(at))
}

/// The first `Some` that `f` makes of the places a number word of
/// [`number_words_pattern`] may end when it starts at `at` in `text`, in the order
/// the regex tries them; each must end at a word boundary.
fn first_number_word_end<T>(text: &str, at: usize, f: impl FnMut(usize) -> Option<T>) -> Option<T> {
    let words = &*NUMBER_WORD_LISTS;
    let joined = words.tens.iter().filter_map(|t| {
        let hyphen = phrase_end(text, at, t)?;
        (text.as_bytes().get(hyphen) == Some(&b'-')).then_some(hyphen + 1)
    });
    let joined = joined.flat_map(|one_at| {
        words
            .ones
            .iter()
            .filter_map(move |o| phrase_end(text, one_at, o))
    });
    let singles = words.singles.iter().filter_map(|w| phrase_end(text, at, w));
    joined
        .chain(singles)
        .filter(|&e| word_boundary(text, e))
        .find_map(f)
}

/// The end of the match of [`UNIT_WORDS`] at `at` of `text` as the regex takes it
/// on ASCII: the first of its alternatives that matches, each part as long as it
/// goes (nothing follows the unit in [`MEASURE`], so no part gives any back).
fn unit_words_end(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    // An optional letter (`s?`, `\.?`, `2?`) at `at`.
    let maybe =
        |at: usize, c: u8| at + usize::from(b.get(at).is_some_and(|x| x.eq_ignore_ascii_case(&c)));
    let phrase = |at: usize, p: &str| phrase_end(text, at, p);
    if b.get(at) == Some(&b'%') {
        return Some(at + 1);
    }
    // percentage\s+points?|per\s*cent|nautical\s+miles?|metric\s+ton(?:ne)?s?
    let fixed = (phrase(at, "percentage point").map(|e| maybe(e, b's')))
        .or_else(|| phrase(space_end(text, phrase(at, "per")?), "cent"))
        .or_else(|| phrase(at, "nautical mile").map(|e| maybe(e, b's')))
        .or_else(|| {
            let ton = phrase(at, "metric ton")?;
            Some(maybe(phrase(ton, "ne").unwrap_or(ton), b's'))
        });
    // (?:u\.?s\.?|american|australian|canadian)\s+dollars?
    let us = || phrase(maybe(phrase(at, "u")?, b'.'), "s").map(|e| maybe(e, b'.'));
    let nation = || {
        us().or_else(|| {
            ["american", "australian", "canadian"]
                .iter()
                .find_map(|w| phrase(at, w))
        })
    };
    let dollars = || phrase(after_space(text, nation()?)?, "dollar").map(|e| maybe(e, b's'));
    // pounds?\s+sterling|swiss\s+francs?
    let sterling = || {
        phrase(
            after_space(text, maybe(phrase(at, "pound")?, b's'))?,
            "sterling",
        )
    };
    let francs = || phrase(at, "swiss franc").map(|e| maybe(e, b's'));
    let named = fixed
        .or_else(dollars)
        .or_else(sterling)
        .or_else(francs)
        .or_else(|| square_unit_end(text, at));
    if named.is_some() {
        return named;
    }
    // [a-z]+\s+(?:per|an)\s+(?:hour|second)|[a-z]+(?:/[a-z]+)?[2²]?
    let word = letters_end(b, at)?;
    let per = || {
        let e = after_space(text, word)?;
        let e = after_space(text, phrase(e, "per").or_else(|| phrase(e, "an"))?)?;
        phrase(e, "hour").or_else(|| phrase(e, "second"))
    };
    let slashed = || letters_end(b, word + 1).filter(|_| b.get(word) == Some(&b'/'));
    per().or_else(|| Some(maybe(slashed().unwrap_or(word), b'2')))
}

/// The end of `(?:square|sq\.?)(?:\s*|-)[a-z]+[2²]?` at `at` of the ASCII `text`.
fn square_unit_end(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    let rest = |e: usize| {
        let word = letters_end(b, space_end(text, e))
            .or_else(|| letters_end(b, e + 1).filter(|_| b.get(e) == Some(&b'-')))?;
        Some(word + usize::from(b.get(word) == Some(&b'2')))
    };
    let sq = phrase_end(text, at, "sq");
    let heads = [
        phrase_end(text, at, "square"),
        sq.filter(|&e| b.get(e) == Some(&b'.')).map(|e| e + 1),
        sq,
    ];
    heads.into_iter().flatten().find_map(rest)
}

/// The end of the run of ASCII letters (`[a-z]+` under `(?i)`) at `at` of `b`, if
/// there is one.
fn letters_end(b: &[u8], at: usize) -> Option<usize> {
    let len = b
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    (len > 0).then_some(at + len)
}

/// The count of ASCII digits at `at` of `b`.
fn digits_from(b: &[u8], at: usize) -> usize {
    b.get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

/// The end of `phrase` (lower case) at `at` in the ASCII `s`, in any ASCII case, a
/// space of it standing for `\s+`.
fn phrase_end(s: &str, at: usize, phrase: &str) -> Option<usize> {
    phrase_end_with(s, at, phrase, after_space)
}

/// The end of `phrase` (lower case) at `at` in `s`, in any ASCII case, a space of it
/// standing for the run of white space `space` finds (its end, if there is one): the
/// hand splits of the count and measure patterns read their words alike and differ
/// only in what white space is (Unicode or ASCII, as their patterns read it).
pub(crate) fn phrase_end_with(
    s: &str,
    at: usize,
    phrase: &str,
    space: fn(&str, usize) -> Option<usize>,
) -> Option<usize> {
    let b = s.as_bytes();
    let mut at = at;
    for &p in phrase.as_bytes() {
        if p == b' ' {
            at = space(s, at)?;
        } else if b.get(at)?.to_ascii_lowercase() == p {
            at += 1;
        } else {
            return None;
        }
    }
    Some(at)
}

/// The end of the run of whitespace (`\s*`) at `at` in the ASCII `s`.
fn space_end(s: &str, at: usize) -> usize {
    let b = s.as_bytes();
    at + b
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| is_ascii_space(**c))
        .count()
}

/// The end of the whitespace (`\s+`) at `at` in the ASCII `s`, if there is some.
fn after_space(s: &str, at: usize) -> Option<usize> {
    let end = space_end(s, at);
    (end > at).then_some(end)
}

/// Whether byte `i` of `b` is an ASCII word character (what `(?-u:\b)` looks at).
fn is_word_byte(b: &[u8], i: usize) -> bool {
    b.get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_')
}

/// Whether an ASCII word boundary (`(?-u:\b)`) lies at `at` inside `s`.
fn word_boundary(s: &str, at: usize) -> bool {
    let b = s.as_bytes();
    let before = at.checked_sub(1).is_some_and(|i| is_word_byte(b, i));
    before != is_word_byte(b, at)
}

/// [`QUALIFIERS`] as phrases, in the pattern's order; a space stands for `\s+`.
static MEASURE_QUALIFIERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    QUALIFIERS
        .split('|')
        .map(|q| q.replace(r"\s+", " "))
        .collect()
});

/// [`MEASURE_SCALES`] as words, in the pattern's order ("crores?" as "crores", then
/// "crore").
static MEASURE_SCALE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let optional_s = |w: &'static str| match w.strip_suffix("s?") {
        Some(stem) => vec![&w[..=stem.len()], stem],
        None => vec![w],
    };
    MEASURE_SCALES.split('|').flat_map(optional_s).collect()
});

/// False when a match of [`MEASURE`] cannot be read as a measure: [`measure`] needs
/// [`read_unit`] to know the unit, which ends the match, or a glued scale "m" ("15m
/// tall"), which a unit word follows.
fn may_be_measure(found: &str) -> bool {
    let b = found.as_bytes();
    let glued_m = (0..b.len().saturating_sub(1))
        .any(|i| b[i] == b'm' && !(b[i + 1].is_ascii_alphanumeric() || b[i + 1] == b'_'));
    glued_m || ends_with_unit_word(found)
}

/// Whether the last word of `found`, in the form [`unit_key`] gives it, ends with the
/// last word of a unit or currency name: a [`read_unit`] key must be such a name.
/// Asked of every number followed by a word, so an ASCII word (nearly all) is compared
/// in place, only with the names that end in its last letter.
fn ends_with_unit_word(found: &str) -> bool {
    let word = last_word(found);
    if !word.is_ascii() {
        let key = word.replace('.', "").replace('²', "2").to_lowercase();
        return UNIT_LAST_WORDS.iter().any(|w| key.ends_with(w));
    }
    let key = || {
        word.bytes()
            .rev()
            .filter(|&b| b != b'.')
            .map(|b| b.to_ascii_lowercase())
    };
    let Some(last) = key().next() else {
        return false;
    };
    // Most names that end in the same letter differ in the one before it: only those
    // that share it are compared in full.
    let before_last = key().nth(1);
    UNIT_LAST_WORDS_BY_END[usize::from(last)].iter().any(|w| {
        let b = w.as_bytes();
        if b.len() >= 2 && Some(b[b.len() - 2]) != before_last {
            return false;
        }
        let mut key = key();
        w.bytes().rev().all(|b| key.next() == Some(b))
    })
}

/// The last word of `found` that is not dots alone (a word of dots is no word of the
/// key, which drops dots), read from the end: in an ASCII text without the Unicode
/// white space tables.
fn last_word(found: &str) -> &str {
    let not_dots = |w: &&str| w.bytes().any(|c| c != b'.');
    if !found.is_ascii() {
        return found.split_whitespace().rev().find(not_dots).unwrap_or("");
    }
    let b = found.as_bytes();
    let run = |end: usize, space: bool| {
        end - b[..end]
            .iter()
            .rev()
            .take_while(|c| is_ascii_space(**c) == space)
            .count()
    };
    let mut end = b.len();
    while end > 0 {
        let word_end = run(end, true);
        let word = &found[run(word_end, false)..word_end];
        if not_dots(&word) {
            return word;
        }
        end = word_end - word.len();
    }
    ""
}

/// The last words of the unit and currency names, the forms [`ends_with_unit_word`]
/// looks for.
static UNIT_LAST_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let units = UNITS.iter().flat_map(|u| u.names);
    let currencies = CURRENCY_WORDS.iter().flat_map(|c| c.names);
    let mut last: Vec<&str> = units
        .chain(currencies)
        .filter_map(|n| n.split_whitespace().next_back())
        .collect();
    last.sort_unstable();
    last.dedup();
    last
});

/// [`UNIT_LAST_WORDS`] by their last byte.
static UNIT_LAST_WORDS_BY_END: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_end = vec![Vec::new(); 256];
    for w in UNIT_LAST_WORDS.iter() {
        if let Some(&b) = w.as_bytes().last() {
            by_end[usize::from(b)].push(*w);
        }
    }
    by_end
});

/// An earthquake magnitude, on whatever scale: all are reported as "richter", since
/// news uses the word loosely.
fn magnitude(text: &str, c: &Captures) -> Option<Quantity> {
    // A pattern may mark the magnitude's own words ("m") inside a longer match.
    let whole = c.name("m").or_else(|| c.get(0))?;
    let n = c.name("n")?;
    let n2 = c.name("n2").map(|m| m.as_str());
    if !free_before(text, whole.start()) || !free_after(text, whole.end()) {
        return None;
    }
    let printed = Printed::read(n.as_str(), n2, 1.0)?;
    if printed.low > 10.0 {
        return None;
    }
    let (low, high) = printed.interval(qualifier(c));
    Some(Quantity {
        span: Span::new(whole.start(), whole.end()),
        dimension: Dimension::Magnitude,
        low,
        high,
        unit: "richter".to_string(),
        display: number_display(n.as_str(), n2),
    })
}

/// A magnitude of [`MAGNITUDE_OF_QUAKE`]: a decimal, or a number and a scale word.
fn quake_magnitude(text: &str, c: &Captures) -> Option<Quantity> {
    let whole = c.get(0)?;
    let n = c.name("n")?;
    if !n.as_str().contains('.') && c.name("scale").is_none() {
        return None;
    }
    if !free_before(text, whole.start()) {
        return None;
    }
    let printed = Printed::read(n.as_str(), None, 1.0)?;
    let (low, high) = printed.interval(qualifier(c));
    let end = c.name("scale").map_or(n.end(), |s| s.end());
    Some(Quantity {
        span: Span::new(whole.start(), end),
        dimension: Dimension::Magnitude,
        low,
        high,
        unit: "richter".to_string(),
        display: n.as_str().to_string(),
    })
}

/// A sum of money after a currency sign or code.
fn money(text: &str, c: &Captures) -> Option<Quantity> {
    let whole = c.get(0)?;
    let n = c.name("n")?;
    let n2 = c.name("n2").map(|m| m.as_str());
    let scale = c
        .name("s")
        .and_then(|s| lexicon::lookup(SCALES, s.as_str()));
    if !free_before(text, whole.start()) || (scale.is_none() && !free_after(text, whole.end())) {
        return None;
    }
    let sign: String = c
        .name("sign")?
        .as_str()
        .chars()
        .filter(|ch| *ch != '.' && !ch.is_whitespace())
        .collect();
    let code = CURRENCY_SIGNS
        .iter()
        .find(|(s, _)| *s == sign)
        .map(|(_, code)| *code)?;
    // "the euro 1.3 percent lower" is no sum: the word is a sign only glued on.
    if sign == "euro" && c.name("sign")?.end() != n.start() {
        return None;
    }
    let printed = Printed::read(n.as_str(), n2, scale.map_or(1.0, |s| s.value))?;
    let (low, high) = printed.interval(qualifier(c));
    Some(Quantity {
        span: Span::new(whole.start(), whole.end()),
        dimension: Dimension::Money,
        low,
        high,
        unit: code.to_string(),
        display: money_display(code, &number_display(n.as_str(), n2), scale),
    })
}

/// "half a mile" (0.5), "a mile and a half" (1.5), "two miles and a half" (2.5): a
/// length, weight or volume only (never money: "half a million" is a scale). The
/// half is the precision, so "half a mile" is 0.375–0.625 miles.
/// Volumes too: "a half-liter of vodka".
fn half_measure(text: &str, c: &Captures) -> Option<Quantity> {
    let whole = c.get(0)?;
    if !free_before(text, whole.start()) || !free_after(text, whole.end()) {
        return None;
    }
    let (unit_word, value) = match (c.name("u1").or(c.name("u2")), c.name("u3")) {
        (Some(u), _) => (u, 0.5),
        (None, Some(u)) => {
            let whole_part = c
                .name("n")
                .map_or(Some(1.0), |n| lexicon::number_value(n.as_str()))?;
            (u, whole_part + 0.5)
        }
        (None, None) => return None,
    };
    let Some(Reading::Measure(unit)) = read_unit(unit_word.as_str(), None) else {
        return None;
    };
    if !matches!(
        unit.dimension,
        Dimension::Length | Dimension::Mass | Dimension::Volume
    ) {
        return None;
    }
    let printed = Printed {
        low: value,
        high: value,
        half: 0.25 * SHRINK,
    };
    let (low, high) = printed.interval(qualifier(c));
    Some(Quantity {
        span: Span::new(whole.start(), whole.end()),
        dimension: unit.dimension,
        low: low * unit.factor.0,
        high: high.map(|h| h * unit.factor.1),
        unit: unit.canonical.to_string(),
        display: measure_display(&format!("{value}"), None, unit),
    })
}

/// What the words after a number make of it.
#[derive(Clone, Copy, Debug)]
enum Reading {
    Measure(&'static Unit),
    /// A currency, by code.
    Money(&'static str),
}

/// A number followed by a unit of measure, a percent sign or word, or a currency word.
fn measure(text: &str, c: &MeasureMatch) -> Option<Quantity> {
    let (n, n2) = (c.n, c.n2);
    if !free_before(text, c.start) {
        return None;
    }
    let scale_match = c.s;
    let (unit_words, unit_end) = c.u;
    let read = read_unit(unit_words, scale_match.map(|(s, _)| s));
    let (reading, scale, end) = match (read, scale_match) {
        (Some(Reading::Money(code)), _) => (Reading::Money(code), scale_match, unit_end),
        // "15m tall": without a currency word, a glued "m" is metres, not millions.
        (_, Some(("m", s_end))) => (Reading::Measure(metre()), None, s_end),
        (Some(reading), _) => (reading, scale_match, unit_end),
        (None, _) => return None,
    };
    let scale = scale.and_then(|(s, _)| lexicon::lookup(SCALES, s));
    if !unit_ends(text, end) || !numeral_before_metres(n, reading) {
        return None;
    }
    let printed = Printed::read(n, n2, scale.map_or(1.0, |s| s.value))?;
    let (low, high) = printed.interval(c.q.map(Qualifier::parse));
    let number = number_display(n, n2);
    let span = Span::new(c.start, end);
    Some(match reading {
        Reading::Money(code) => Quantity {
            span,
            dimension: Dimension::Money,
            low,
            high,
            unit: code.to_string(),
            display: money_display(code, &number, scale),
        },
        Reading::Measure(unit) => Quantity {
            span,
            dimension: unit.dimension,
            low: low * unit.factor.0,
            high: high.map(|h| h * unit.factor.1),
            unit: unit.canonical.to_string(),
            display: measure_display(&number, scale, unit),
        },
    })
}

/// The unit the words after a number name, if any. A capital "M" is never metres
/// (it is "million" in "5M"), and "pounds" or "won" are money only after a scale.
fn read_unit(raw: &str, scale: Option<&str>) -> Option<Reading> {
    if raw == "M" {
        return None;
    }
    let key = unit_key(raw);
    let millions = scale
        .and_then(|s| lexicon::lookup(SCALES, s))
        .is_some_and(|s| s.value >= 1e6);
    let (currency, unit) = UNIT_NAMES.get(key.as_str()).copied().unwrap_or_default();
    match currency.filter(|c| millions || !c.needs_scale) {
        Some(c) => Some(Reading::Money(c.code)),
        None => unit.map(Reading::Measure),
    }
}

/// Each name of [`CURRENCY_WORDS`] and [`UNITS`] with the first currency and the
/// first unit it names: [`read_unit`] is asked about every number and word that may
/// be a measure, and the tables hold some two hundred names.
type UnitNames = FnvHashMap<&'static str, (Option<&'static CurrencyWord>, Option<&'static Unit>)>;

static UNIT_NAMES: LazyLock<UnitNames> = LazyLock::new(|| {
    let mut names = UnitNames::default();
    for c in CURRENCY_WORDS {
        for n in c.names {
            names.entry(*n).or_default().0.get_or_insert(c);
        }
    }
    for u in UNITS {
        for n in u.names {
            names.entry(*n).or_default().1.get_or_insert(u);
        }
    }
    names
});

/// The lookup form of unit words: lower case, dots dropped, single spaces,
/// "square"/"sq" as "sq ", "²" as "2".
fn unit_key(raw: &str) -> String {
    // Most unit words have neither dot nor "²": read as they are, with no copy each.
    let words = match raw.contains(['.', '²']) {
        true => squash(&raw.replace('.', "").replace('²', "2")),
        false => squash(raw),
    };
    let rest = words
        .strip_prefix("square")
        .or_else(|| words.strip_prefix("sq"));
    match rest {
        // "square-foot", as in "a 90,000-square-foot warehouse".
        Some(rest) if !rest.trim().trim_start_matches('-').is_empty() => {
            format!("sq {}", rest.trim().trim_start_matches('-'))
        }
        _ => words,
    }
}

/// The metre, for a glued "15m".
fn metre() -> &'static Unit {
    UNITS
        .iter()
        .find(|u| u.names.contains(&"m"))
        .expect("the unit table has metres")
}

/// A unit word must end its word ("5 mins" is no "5 mi"); a percent sign may be
/// followed by anything ("45%-owned").
fn unit_ends(text: &str, end: usize) -> bool {
    let next = text[end..].chars().next();
    text[..end].ends_with('%') || !next.is_some_and(char::is_alphanumeric)
}

/// "m" is metres only after a numeral: "five m" is nothing news prints.
fn numeral_before_metres(n: &str, reading: Reading) -> bool {
    match reading {
        Reading::Measure(u) if u.short == "m" => starts_with_digit(n),
        Reading::Measure(_) | Reading::Money(_) => true,
    }
}

/// "a 22-year-old", "63 years old".
fn age_years_old(text: &str, c: &Captures) -> Option<Quantity> {
    let whole = c.get(0)?;
    if !free_before(text, whole.start()) {
        return None;
    }
    age(whole.start(), whole.end(), c.name("n")?.as_str(), 130)
}

/// "aged 63", "age 63": not a range of ages ("aged 18-25", "age 5 to 12").
fn age_aged(text: &str, c: &Captures) -> Option<Quantity> {
    let whole = c.get(0)?;
    let n = c.name("n")?;
    let closed = c.name("tail").is_some() || free_after(text, n.end());
    if !free_before(text, whole.start()) || !closed || range_follows(&text[n.end()..]) {
        return None;
    }
    age(whole.start(), whole.end(), n.as_str(), 130)
}

/// "Okafor, 63, said": a name, then a number set off by commas. The span is the
/// number alone. Not a month or weekday ("June, 12,"), not a thousands group
/// ("Smith, 63,000").
fn age_after_name(text: &str, c: &Captures) -> Option<Quantity> {
    let name = c.name("name")?;
    let n = c.name("n")?;
    let end = c.get(0)?.end();
    let word = name.as_str().to_lowercase();
    let is_name = name.as_str().chars().count() >= 2
        && !NOT_NAMES.contains(&word.as_str())
        && lexicon::lookup(lexicon::MONTHS, &word).is_none()
        && lexicon::lookup(lexicon::WEEKDAYS, &word).is_none();
    let thousands = text[end..].starts_with(|ch: char| ch.is_ascii_digit());
    if !is_name || thousands || !free_before(text, name.start()) {
        return None;
    }
    age(n.start(), n.end(), n.as_str(), 120)
}

/// "blood-alcohol level was .41": 0.41 percent, the number as printed.
fn blood_alcohol(text: &str, c: &Captures) -> Option<Quantity> {
    let n = c.name("n")?;
    let end = c.get(0)?.end();
    if !free_after(text, end) && c.name("pct").is_none() {
        return None;
    }
    let digits = format!("0{}", n.as_str().trim_start_matches('0'));
    let printed = Printed::read(&digits, None, 1.0)?;
    let (low, high) = printed.interval(None);
    Some(Quantity {
        span: Span::new(n.start(), end),
        dimension: Dimension::Percent,
        low,
        high,
        unit: "%".to_string(),
        display: format!("{digits}%"),
    })
}

/// "the retirement age for women to 65": the age alone, not a range that follows.
fn age_of_rule(text: &str, c: &Captures) -> Option<Quantity> {
    let n = c.name("n")?;
    if !free_after(text, n.end()) || range_follows(&text[n.end()..]) {
        return None;
    }
    age(n.start(), n.end(), n.as_str(), 120)
}

/// An age in years, exact, if the number is a plausible one.
fn age(start: usize, end: usize, n: &str, oldest: u32) -> Option<Quantity> {
    let years = lexicon::number_value(n)?;
    if !(1.0..=f64::from(oldest)).contains(&years) {
        return None;
    }
    Some(Quantity {
        span: Span::new(start, end),
        dimension: Dimension::Age,
        low: years,
        high: Some(years),
        unit: "year".to_string(),
        display: format!("{years}"),
    })
}

// ---------------------------------------------------------------------------------
// Boundaries, display, selection
// ---------------------------------------------------------------------------------

/// The qualifier a match captured, if any.
fn qualifier(c: &Captures) -> Option<Qualifier> {
    c.name("q").map(|q| Qualifier::parse(q.as_str()))
}

/// True when what starts at `at` is not the tail of a word, an identifier or a longer
/// number: not "G8", "F-16", "5:30", "1,2345", "3/4", "#5", and not an amount after a
/// currency sign (the money recognizer reads those).
fn free_before(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    match before.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || "$€£¥₹₩#".contains(c) => false,
        Some('.' | ',' | ':' | '/') => !before.next().is_some_and(|c| c.is_ascii_digit()),
        Some('-' | '–') => !before.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

/// True when a number ending at `at` really ends there: no letter or digit follows,
/// and no "." or "," that continues it ("6.1.2", "63,000").
fn free_after(text: &str, at: usize) -> bool {
    let mut after = text[at..].chars();
    match after.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('.' | ',' | ':') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// True when `rest` goes on to a second number ("-25", " to 12"): a range of ages.
fn range_follows(rest: &str) -> bool {
    let head: String = rest.chars().take(8).collect();
    let head = head.trim_start();
    let tail = head
        .strip_prefix(['-', '–'])
        .or_else(|| head.strip_prefix("to "));
    tail.is_some_and(|t| starts_with_digit(t.trim_start()))
}

/// A printed number or range for display: digits as printed, words as digits.
fn number_display(n: &str, n2: Option<&str>) -> String {
    let one = |s: &str| {
        if starts_with_digit(s) {
            s.to_string()
        } else {
            lexicon::number_value(s).map_or_else(|| s.to_string(), |v| format!("{v}"))
        }
    };
    match n2 {
        Some(n2) => format!("{}-{}", one(n), one(n2)),
        None => one(n),
    }
}

/// "$15 billion", "€2 million", "Rs 500 crore", "CHF 3".
fn money_display(code: &str, number: &str, scale: Option<Scale>) -> String {
    let sign = CURRENCY_DISPLAY
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| format!("{code} "), |(_, s)| (*s).to_string());
    match scale {
        Some(s) => format!("{sign}{number} {}", s.long),
        None => format!("{sign}{number}"),
    }
}

/// "55 km", "2.5 million km2", "45%".
fn measure_display(number: &str, scale: Option<Scale>, unit: &Unit) -> String {
    let number = match scale {
        Some(s) => format!("{number} {}", s.long),
        None => number.to_string(),
    };
    if unit.short == "%" {
        format!("{number}%")
    } else {
        format!("{number} {}", unit.short)
    }
}

/// Keep candidates that do not overlap, in text order: the earliest start wins, then
/// the longest; among equal spans, the recognizer that ran first.
fn non_overlapping(mut found: Vec<Quantity>) -> Vec<Quantity> {
    found.sort_by_key(|q| (q.span.start, Reverse(q.span.end)));
    let mut kept: Vec<Quantity> = Vec::with_capacity(found.len());
    for q in found {
        if kept.last().is_none_or(|last| q.span.start >= last.span.end) {
            kept.push(q);
        }
    }
    kept
}

/// Merge each printed conversion into the quantity it converts.
fn merge_conversions(text: &str, quantities: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::with_capacity(quantities.len());
    for q in quantities {
        if let Some(first) = out.last_mut()
            && let Some(end) = conversion_end(text, first, &q)
        {
            if let Some((low, high)) = intersect((first.low, first.high), (q.low, q.high)) {
                first.low = low;
                first.high = high;
            }
            first.span.end = end;
            continue;
        }
        out.push(q);
    }
    out
}

/// Where `second` ends as a printed conversion of `first`, if it is one: the same
/// dimension and unit, right after it in brackets ("55 kilometers (34 miles)") or
/// after "or" ("6 miles, or 10 km"). Ages are never conversions of each other.
fn conversion_end(text: &str, first: &Quantity, second: &Quantity) -> Option<usize> {
    let same = first.dimension == second.dimension && first.unit == second.unit;
    if !same || first.dimension == Dimension::Age {
        return None;
    }
    let gap = text.get(first.span.end..second.span.start)?;
    if gap.len() > 8 {
        return None;
    }
    let closer = match gap.trim() {
        "(" => ')',
        "[" => ']',
        "or" | ", or" | "/" => return Some(second.span.end),
        _ => return None,
    };
    let rest = &text[second.span.end..];
    let spaced = rest.trim_start_matches([' ', '\t']);
    spaced
        .starts_with(closer)
        .then(|| second.span.end + (rest.len() - spaced.len()) + closer.len_utf8())
}

/// The values two intervals both allow, if any.
fn intersect(a: (f64, Option<f64>), b: (f64, Option<f64>)) -> Option<(f64, Option<f64>)> {
    let low = a.0.max(b.0);
    let high = match (a.1, b.1) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    match high {
        Some(h) if h < low => None,
        _ => Some((low, high)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The only quantity in `text`.
    fn one(text: &str) -> Quantity {
        let found = find(text);
        assert_eq!(found.len(), 1, "{text:?} → {found:?}");
        found.into_iter().next().expect("one quantity")
    }

    fn approx(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    /// Assert `q` allows exactly `low..=high` (`None` = unbounded).
    fn assert_interval(q: &Quantity, low: f64, high: Option<f64>) {
        let high_ok = match (q.high, high) {
            (Some(a), Some(b)) => approx(a, b),
            (None, None) => true,
            _ => false,
        };
        assert!(
            approx(q.low, low) && high_ok,
            "{q:?}: expected {low}..{high:?}"
        );
    }

    fn spanned<'t>(text: &'t str, q: &Quantity) -> &'t str {
        &text[q.span.start..q.span.end]
    }

    fn overlaps(a: &Quantity, b: &Quantity) -> bool {
        let a_high = a.high.unwrap_or(f64::INFINITY);
        let b_high = b.high.unwrap_or(f64::INFINITY);
        a.low <= b_high && b.low <= a_high
    }

    #[test]
    fn halves_written_out_are_lengths() {
        let text = "The shed stood half a mile from the road.";
        let half = one(text);
        assert_eq!(spanned(text, &half), "half a mile");
        assert_eq!(half.dimension, Dimension::Length);
        let text = "They drove about a mile and a half north.";
        let one_and_half = one(text);
        assert_eq!(spanned(text, &one_and_half), "about a mile and a half");
        assert!(!overlaps(&half, &one_and_half));
        let two_and_half = one("The pier was two miles and a half long.");
        let five_km = one("The pier was 4 km long.");
        assert!(overlaps(&two_and_half, &five_km));
        assert!(find("The fund lost half a million last year.").is_empty());
    }

    #[test]
    fn magnitudes_written_before_the_quake() {
        let text = "Last spring a 5.8 quake shook the valley.";
        let q = one(text);
        assert_eq!(spanned(text, &q), "a 5.8");
        assert_eq!(q.dimension, Dimension::Magnitude);
        let text = "A 7-strength tremor hit the coast.";
        assert_eq!(spanned(text, &one(text)), "A 7-strength");
        let text = "It was razed by a 6.2 degree earthquake.";
        assert_eq!(one(text).display, "6.2");
        assert!(find("The 2 quakes hit the coast.").is_empty());
    }

    #[test]
    fn magnitudes_of_aftershocks_and_ranges() {
        let text = "There were two aftershocks of around 3.9 overnight.";
        let q = one(text);
        assert_eq!(spanned(text, &q), "around 3.9");
        assert_eq!(q.dimension, Dimension::Magnitude);
        let text = "Tremors followed, with magnitudes ranging from 3.2 to 4.1.";
        let range = one(text);
        assert_eq!(range.display, "3.2-4.1");
        assert!(overlaps(&q, &range));
    }

    #[test]
    fn volumes_in_liters_gallons_and_halves() {
        let text = "He said he drank a half-liter of gin.";
        let half = one(text);
        assert_eq!(spanned(text, &half), "a half-liter");
        assert_eq!(half.dimension, Dimension::Volume);
        let pints = one("He drank a pint, then 2 pints more.");
        assert_eq!(pints.dimension, Dimension::Volume);
        assert!(overlaps(
            &one("It held 10 gallons."),
            &one("It held 40 liters.")
        ));
    }

    // --- round_figure ---

    #[test]
    fn round_figures_allow_a_margin() {
        assert_eq!(round_figure("600"), Some((570.0, 630.0)));
        assert_eq!(round_figure("20,000"), Some((19000.0, 21000.0)));
        assert_eq!(round_figure("612"), None);
        assert_eq!(round_figure("80"), None);
        assert_eq!(round_figure("610"), None);
        assert_eq!(round_figure("two hundred"), None);
        assert_eq!(round_figure("2.5"), None);
    }

    // --- count_interval ---

    #[test]
    fn counts_keep_the_extractor_rules() {
        assert_eq!(count_interval("dozens", None), Some((24.0, Some(199.0))));
        assert_eq!(
            count_interval("hundreds of", None),
            Some((200.0, Some(1999.0)))
        );
        assert_eq!(
            count_interval("20,000", Some("more than")),
            Some((20_000.0, None))
        );
        assert_eq!(count_interval("5", Some("more than")), Some((6.0, None)));
        assert_eq!(count_interval("5", Some("over")), Some((6.0, None)));
        assert_eq!(
            count_interval("23,000", Some("nearly")),
            Some((20_700.0, Some(23_000.0)))
        );
        assert_eq!(
            count_interval("50", Some("about")),
            Some((42.0, Some(58.0)))
        );
        assert_eq!(
            count_interval("50", Some("As  Many  As")),
            Some((42.0, Some(58.0)))
        );
        assert_eq!(count_interval("10", Some("at least")), Some((10.0, None)));
        assert_eq!(count_interval("7", Some("up to")), Some((0.0, Some(7.0))));
        assert_eq!(
            count_interval("7", Some("fewer than")),
            Some((0.0, Some(7.0)))
        );
        assert_eq!(count_interval("7", Some("under")), Some((0.0, Some(7.0))));
        assert_eq!(count_interval("a dozen", None), Some((12.0, Some(12.0))));
        assert_eq!(count_interval("many", None), None);
    }

    #[test]
    fn counts_read_scales_and_words() {
        assert_eq!(
            count_interval("2.5 million", None),
            Some((2.5e6, Some(2.5e6)))
        );
        assert_eq!(
            count_interval("1.2 billion", None),
            Some((1.2e9, Some(1.2e9)))
        );
        assert_eq!(count_interval("15bn", None), Some((15e9, Some(15e9))));
        assert_eq!(count_interval("15m", None), Some((15e6, Some(15e6))));
        assert_eq!(count_interval("15k", None), None);
        assert_eq!(count_interval("twenty-one", None), Some((21.0, Some(21.0))));
        assert_eq!(
            count_interval("two hundred", None),
            Some((200.0, Some(200.0)))
        );
        assert_eq!(
            count_interval("two hundred thousand", None),
            Some((200_000.0, Some(200_000.0)))
        );
    }

    // --- rounding and qualifiers ---

    #[test]
    fn printed_values_stand_for_their_rounding() {
        let q = one("a 4.7-magnitude quake");
        assert_interval(&q, 4.7 - 0.0495, Some(4.7 + 0.0495));
        let q = one("55 km");
        assert_interval(&q, 54.505, Some(55.495));
        let a = one("136 km");
        let b = one("137 km");
        assert!(!overlaps(&a, &b), "{a:?} {b:?}");
    }

    #[test]
    fn qualifiers_bound_measures() {
        assert_interval(&one("about 10 km"), 8.5, Some(11.5));
        assert_interval(&one("more than 5 km"), 5.0, None);
        assert_interval(&one("nearly $2 billion"), 1.8e9, Some(2e9));
        assert_interval(&one("at least 5 km"), 4.505, None);
        assert_interval(&one("up to 5 km"), 0.0, Some(5.495));
        assert_interval(&one("less than 5 km"), 0.0, Some(5.0));
        assert_interval(&one("under 5 km"), 0.0, Some(5.0));
        // "about 1 km": the rounding is wider than 15%.
        assert_interval(&one("about 1 km"), 0.505, Some(1.495));
        for q in [
            "around",
            "some",
            "roughly",
            "approximately",
            "an estimated",
            "as much as",
            "close to",
        ] {
            let text = format!("{q} 10 km");
            let found = one(&text);
            assert_eq!(spanned(&text, &found), text);
            assert_interval(&found, 8.5, Some(11.5));
        }
    }

    // --- magnitudes ---

    #[test]
    fn magnitudes_in_every_printed_form() {
        for (text, span) in [
            ("a 4.7-magnitude quake", "a 4.7-magnitude"),
            ("a 4.7 magnitude quake", "a 4.7 magnitude"),
            ("the magnitude 4.7 quake", "magnitude 4.7"),
            ("a magnitude-4.7 quake", "a magnitude-4.7"),
            (
                "it showed a magnitude of 4.7, officials said",
                "a magnitude of 4.7",
            ),
            (
                "measuring 4.7 on the Richter scale",
                "4.7 on the Richter scale",
            ),
            ("4.7 Richter", "4.7 Richter"),
            (
                "a magnitude 4.7 on the Richter scale",
                "a magnitude 4.7 on the Richter scale",
            ),
        ] {
            let q = one(text);
            assert_eq!(spanned(text, &q), span, "{text}");
            assert_eq!(q.dimension, Dimension::Magnitude);
            assert_eq!(q.unit, "richter");
            assert_eq!(q.display, "4.7");
            assert_interval(&q, 4.6505, Some(4.7495));
        }
    }

    #[test]
    fn neighbouring_magnitudes_are_disjoint() {
        let a = one("a 4.9-magnitude quake");
        let b = one("a 5.1-magnitude quake");
        assert!(!overlaps(&a, &b));
        let c = one("a magnitude of about 5");
        assert!(overlaps(&b, &c) && overlaps(&a, &c));
    }

    #[test]
    fn magnitude_needs_a_number() {
        assert!(find("the magnitude of the disaster").is_empty());
        assert!(find("an M6.1 quake").is_empty());
        assert!(find("magnitude 2009 was").is_empty());
        assert!(find("a magnitude 12 event").is_empty());
    }

    // --- lengths ---

    #[test]
    fn lengths_in_every_unit() {
        for (text, km) in [
            ("55 km", 55.0),
            ("55km", 55.0),
            ("55 kms", 55.0),
            ("55 kilometers", 55.0),
            ("55 kilometres", 55.0),
            ("55 miles", 55.0 * 1.609_344),
            ("55 mi", 55.0 * 1.609_344),
            ("55 m", 0.055),
            ("55m", 0.055),
            ("55 meters", 0.055),
            ("55 metres", 0.055),
            ("55 feet", 55.0 * 0.000_304_8),
            ("55 ft", 55.0 * 0.000_304_8),
            ("55 yards", 55.0 * 0.000_914_4),
            ("55 cm", 55.0 * 0.000_01),
            ("55 inches", 55.0 * 0.000_025_4),
            ("55 nautical miles", 55.0 * 1.852),
        ] {
            let q = one(text);
            assert_eq!(q.dimension, Dimension::Length, "{text}");
            assert_eq!(q.unit, "km");
            let mid = (q.low + q.high.expect("bounded")) / 2.0;
            assert!(approx(mid, km), "{text}: {q:?}");
            assert_eq!(spanned(text, &q), text);
        }
    }

    #[test]
    fn hyphenated_and_word_lengths() {
        let text = "a 33-foot wall";
        let q = one(text);
        assert_eq!(spanned(text, &q), "33-foot");
        assert_eq!(q.display, "33 ft");
        let q = one("a 10-kilometer run");
        assert_eq!(q.display, "10 km");
        let q = one("Six miles away");
        assert_eq!(q.display, "6 mi");
        assert_interval(&q, 5.505 * 1.609_344, Some(6.495 * 1.609_344));
        let q = one("twenty-five kilometres");
        assert_interval(&q, 24.505, Some(25.495));
        assert_eq!(one("55 kilometers away").display, "55 km");
    }

    #[test]
    fn six_miles_and_ten_kilometers_agree() {
        let miles = one("six miles");
        let km = one("10 kilometers");
        assert!(overlaps(&miles, &km));
        assert!(approx(miles.low, 8.859_438_72) && miles.high.is_some_and(|h| h > 10.45));
    }

    #[test]
    fn metres_are_not_millions_or_minutes() {
        assert!(find("5 million people").is_empty());
        assert!(find("5 minutes").is_empty());
        assert!(find("5 M").is_empty());
        assert!(find("five m").is_empty());
        let text = "a 15m wave and a 5 m wall";
        let found = find(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(spanned(text, &found[0]), "15m");
        assert_eq!(spanned(text, &found[1]), "5 m");
        assert!(found.iter().all(|q| q.unit == "km"));
        let q = one("a 15m tall wave");
        assert_eq!(spanned("a 15m tall wave", &q), "15m");
    }

    #[test]
    fn printed_conversions_are_one_quantity() {
        let text = "about 55 kilometers (34 miles) deep";
        let q = one(text);
        assert_eq!(spanned(text, &q), "about 55 kilometers (34 miles)");
        assert_eq!(q.display, "55 km");

        let text = "10 kilometers (6 miles)";
        let q = one(text);
        assert_eq!(spanned(text, &q), text);
        assert_interval(&q, 9.505, Some(6.495 * 1.609_344));

        let text = "10 km (6.2 mi)";
        let q = one(text);
        assert_eq!(spanned(text, &q), text);
        assert_interval(&q, 6.1505 * 1.609_344, Some(6.2495 * 1.609_344));

        let text = "6 miles (10 kilometers) away";
        let q = one(text);
        assert_eq!(spanned(text, &q), "6 miles (10 kilometers)");
        assert_interval(&q, 9.505, Some(6.495 * 1.609_344));

        let text = "6 miles, or 10 kilometers, away";
        let q = one(text);
        assert_eq!(spanned(text, &q), "6 miles, or 10 kilometers");
    }

    #[test]
    fn disagreeing_conversions_keep_the_first() {
        let q = one("10 km (60 miles)");
        assert_interval(&q, 9.505, Some(10.495));
    }

    #[test]
    fn a_glued_euro_word_is_a_sign() {
        let text = "a euro40 billion fund";
        let q = one(text);
        assert_eq!(spanned(text, &q), "euro40 billion");
        assert_eq!(q.unit, "EUR");
        assert_interval(&q, 39.505e9, Some(40.495e9));
        assert!(find("the euro 12 times").is_empty());
    }

    #[test]
    fn ages_a_rule_sets() {
        for (text, years) in [
            ("They will raise the retirement age for men to 67.", 67.0),
            ("a voting age of 16 in local polls", 16.0),
            ("lifting the drinking age from 18 to 21", 21.0),
        ] {
            let q = one(text);
            assert_eq!(q.dimension, Dimension::Age, "{text}");
            assert_interval(&q, years, Some(years));
            assert_eq!(spanned(text, &q), format!("{years}"), "{text}");
        }
        assert!(find("the voting age of 16-18 is debated").is_empty());
    }

    #[test]
    fn hyphenated_square_units_are_areas() {
        let text = "a 90,000-square-foot warehouse";
        let q = one(text);
        assert_eq!(q.dimension, Dimension::Area);
        assert_eq!(spanned(text, &q), "90,000-square-foot");
        let q = one("a 1,200-square-kilometre park");
        assert_eq!(q.dimension, Dimension::Area);
        assert_interval(&q, 1199.505, Some(1200.495));
    }

    #[test]
    fn blood_alcohol_levels_are_percent() {
        for (text, number) in [
            ("Her blood-alcohol level was .12, police said.", ".12"),
            ("a blood alcohol content of 0.2 percent", "0.2 percent"),
            ("His blood alcohol level was 0.09%.", "0.09%"),
        ] {
            let q = one(text);
            assert_eq!(q.dimension, Dimension::Percent, "{text}");
            assert_eq!(spanned(text, &q), number, "{text}");
        }
        assert_interval(
            &one("blood-alcohol level was .12."),
            0.12 - 0.005 * SHRINK,
            Some(0.12 + 0.005 * SHRINK),
        );
    }

    #[test]
    fn both_ages_after_two_names() {
        let text = "Officer Pell and Sergeant Ruiz, both 44, were hurt.";
        let q = one(text);
        assert_eq!(q.dimension, Dimension::Age);
        assert_eq!(spanned(text, &q), "44");
    }

    #[test]
    fn ranges_span_both_ends() {
        let q = one("10-20 km");
        assert_interval(&q, 9.505, Some(20.495));
        assert_eq!(q.display, "10-20 km");
        assert!(find("won 27-24 in overtime").is_empty());
        let q = one("$2-3 billion");
        assert_interval(&q, 1.505e9, Some(3.495e9));
        assert_eq!(q.display, "$2-3 billion");
    }

    // --- areas, masses, speeds ---

    #[test]
    fn areas_in_square_kilometres() {
        for (text, km2) in [
            ("300 sq km", 300.0),
            ("300 sq. km", 300.0),
            ("300 square kilometers", 300.0),
            ("300 square kilometres", 300.0),
            ("300 km2", 300.0),
            ("300 km²", 300.0),
            ("300 square miles", 300.0 * 1.609_344 * 1.609_344),
            ("300 hectares", 3.0),
            ("300 acres", 300.0 * 0.004_046_86),
        ] {
            let q = one(text);
            assert_eq!(q.dimension, Dimension::Area, "{text}");
            assert_eq!(q.unit, "km2");
            assert_eq!(spanned(text, &q), text);
            let mid = (q.low + q.high.expect("bounded")) / 2.0;
            assert!(approx(mid, km2), "{text}: {q:?}");
        }
    }

    #[test]
    fn masses_in_kilograms() {
        for (text, kg) in [
            ("40 kg", 40.0),
            ("40 kilograms", 40.0),
            ("40 tonnes", 40_000.0),
            ("40 metric tons", 40_000.0),
            ("40 pounds", 40.0 * 0.453_592_37),
            ("40 lbs", 40.0 * 0.453_592_37),
        ] {
            let q = one(text);
            assert_eq!(q.dimension, Dimension::Mass, "{text}");
            assert_eq!(q.unit, "kg");
            let mid = (q.low + q.high.expect("bounded")) / 2.0;
            assert!(approx(mid, kg), "{text}: {q:?}");
        }
        // Short, long or metric: tons allow ±10%.
        assert_interval(&one("5 tons"), 4.505 * 900.0, Some(5.495 * 1100.0));
    }

    #[test]
    fn millions_of_pounds_are_sterling() {
        let q = one("10 million pounds");
        assert_eq!((q.dimension, q.unit.as_str()), (Dimension::Money, "GBP"));
        assert_interval(&q, 9.505e6, Some(10.495e6));
        assert_eq!(q.display, "£10 million");
        assert_eq!(one("10 pounds").dimension, Dimension::Mass);
    }

    #[test]
    fn speeds_in_kilometres_per_hour() {
        for (text, kmh) in [
            ("85 km/h", 85.0),
            ("85 kph", 85.0),
            ("85 kilometres per hour", 85.0),
            ("85 mph", 85.0 * 1.609_344),
            ("85 miles per hour", 85.0 * 1.609_344),
            ("85 knots", 85.0 * 1.852),
        ] {
            let q = one(text);
            assert_eq!(q.dimension, Dimension::Speed, "{text}");
            assert_eq!(q.unit, "km/h");
            assert_eq!(spanned(text, &q), text);
            let mid = (q.low + q.high.expect("bounded")) / 2.0;
            assert!(approx(mid, kmh), "{text}: {q:?}");
        }
    }

    // --- money ---

    #[test]
    fn money_in_every_printed_form() {
        for (text, code, value, display) in [
            ("$15bn", "USD", 15e9, "$15 billion"),
            ("$15 billion", "USD", 15e9, "$15 billion"),
            ("$15-billion", "USD", 15e9, "$15 billion"),
            ("$137-million", "USD", 137e6, "$137 million"),
            ("US$2.5 million", "USD", 2.5e6, "$2.5 million"),
            ("A$2.5 million", "AUD", 2.5e6, "A$2.5 million"),
            ("C$2.5 million", "CAD", 2.5e6, "C$2.5 million"),
            ("€2 mn", "EUR", 2e6, "€2 million"),
            ("2 mn-euro", "EUR", 2e6, "€2 million"),
            ("2 million euros", "EUR", 2e6, "€2 million"),
            ("£3m", "GBP", 3e6, "£3 million"),
            ("Rs 500 crore", "INR", 5e9, "Rs 500 crore"),
            ("Rs. 5 lakh", "INR", 5e5, "Rs 5 lakh"),
            ("$1.2m", "USD", 1.2e6, "$1.2 million"),
            ("$15k", "USD", 15e3, "$15 thousand"),
            ("500,000 dollars", "USD", 5e5, "$500,000"),
            ("¥100 billion", "JPY", 1e11, "¥100 billion"),
            ("2 million yen", "JPY", 2e6, "¥2 million"),
            ("two million dollars", "USD", 2e6, "$2 million"),
        ] {
            let q = one(text);
            assert_eq!(spanned(text, &q), text);
            assert_eq!(q.dimension, Dimension::Money, "{text}");
            assert_eq!(q.unit, code, "{text}");
            assert_eq!(q.display, display, "{text}");
            let mid = (q.low + q.high.expect("bounded")) / 2.0;
            assert!(approx(mid, value), "{text}: {q:?}");
        }
    }

    #[test]
    fn money_rounds_at_its_last_digit() {
        assert_interval(&one("$15bn"), 14.505e9, Some(15.495e9));
        assert_interval(&one("$2.3 million"), 2.2505e6, Some(2.3495e6));
        assert_eq!(
            one("$15bn"),
            Quantity {
                span: Span::new(0, 5),
                ..one("$15 billion")
            }
        );
    }

    #[test]
    fn currencies_stay_apart() {
        let text = "$15bn (€12bn)";
        let found = find(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].unit, "USD");
        assert_eq!(found[1].unit, "EUR");
        assert_ne!(one("$5 million").unit, one("€5 million").unit);
    }

    #[test]
    fn a_dollar_amount_is_not_a_length() {
        let q = one("$5 m");
        assert_eq!(q.dimension, Dimension::Money);
        let q = one("$5 more");
        assert_eq!((q.display.as_str(), q.high), ("$5", Some(5.495)));
        assert!(find("Mrs 5").is_empty());
    }

    // --- percentages ---

    #[test]
    fn percentages_and_points() {
        for text in ["45%", "45 percent", "45 per cent", "45-percent", "45 pct"] {
            let q = one(text);
            assert_eq!(spanned(text, &q), text);
            assert_eq!((q.dimension, q.unit.as_str()), (Dimension::Percent, "%"));
            assert_eq!(q.display, "45%");
            assert_interval(&q, 44.505, Some(45.495));
        }
        let q = one("4.5 percentage points");
        assert_eq!((q.dimension, q.unit.as_str()), (Dimension::Percent, "pp"));
        assert_eq!(q.display, "4.5 pp");
        assert_eq!(one("five percent").display, "5%");
        assert_interval(&one("about 45%"), 38.25, Some(51.75));
    }

    // --- ages ---

    #[test]
    fn ages_in_every_printed_form() {
        for (text, span) in [
            ("a 22-year-old man", "22-year-old"),
            ("a 22 year-old man", "22 year-old"),
            ("the 22-years-old", "22-years-old"),
            ("he is 22 years old", "22 years old"),
            ("a twenty-two-year-old", "twenty-two-year-old"),
            ("a man aged 22.", "aged 22"),
            ("at age 22, he", "age 22"),
            ("Okafor, 22, said", "22"),
            ("Okafor, 22 of Lakemoor", "22"),
        ] {
            let q = one(text);
            assert_eq!(spanned(text, &q), span, "{text}");
            assert_eq!((q.dimension, q.unit.as_str()), (Dimension::Age, "year"));
            assert_eq!((q.low, q.high), (22.0, Some(22.0)));
            assert_eq!(q.display, "22");
        }
    }

    #[test]
    fn commas_around_other_numbers_are_no_ages() {
        assert!(find("in 2009, the").is_empty());
        assert!(find("In June, 12, people").is_empty());
        assert!(find("Smith, 63,000 people").is_empty());
        assert!(find("Smith, 150, said").is_empty());
        assert!(find("aged 18-25").is_empty());
        assert!(find("age 5 to 12").is_empty());
        assert_eq!(one("Okafor, 63, said").display, "63");
    }

    // --- clues ---

    #[test]
    fn clues_are_found_as_their_kind_asks() {
        let has = |text: &str, bits: u64| clues::of(text).all(bits);
        assert!(has("An EARTHQUAKE of 5", QUAKE | DIGIT));
        assert!(has("Rs 500", SIGN) && !has("rs 500 years", SIGN));
        assert!(has("twenty-one miles", NUMBER_WORD) && !has("someone often", NUMBER_WORD));
        assert!(has("٣ km", DIGIT) && !has("three km", DIGIT));
        // The Kelvin sign is a "k" to `(?i)`: any clue may hide behind it.
        assert!(has("a \u{212A}m", QUAKE | SIGN));
    }

    // --- what is not a quantity ---

    #[test]
    fn non_quantities() {
        for text in [
            "in 2009",
            "on March 5, 2010",
            "at 5:30 p.m.",
            "won 27-24",
            "call 555-1234",
            "the 5th floor",
            "24 people were killed",
            "the G8 summit",
            "an F-16 jet",
            "Route 66",
            "No. 3",
            "a ton of work",
            "7 in the morning",
        ] {
            assert!(find(text).is_empty(), "{text:?} → {:?}", find(text));
        }
    }

    #[test]
    fn numbers_inside_identifiers_are_no_measures() {
        assert!(find("F-16 km").is_empty());
        assert!(find("x10 km").is_empty());
        assert!(find("5:30 km").is_empty());
        assert!(find("1,2345 km").is_empty());
    }

    // --- robustness ---

    #[test]
    fn many_quantities_in_order() {
        let text = "A 4.7-magnitude quake struck 55 km (34 miles) away, killing a \
                    22-year-old; damage is put at $15bn, or 45% of output.";
        let found = find(text);
        let dims: Vec<Dimension> = found.iter().map(|q| q.dimension).collect();
        assert_eq!(
            dims,
            [
                Dimension::Magnitude,
                Dimension::Length,
                Dimension::Age,
                Dimension::Money,
                Dimension::Percent
            ]
        );
        assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }

    #[test]
    fn spans_lie_on_char_boundaries() {
        let text = "Café 55 km — ünd 4.7-magnitude ü";
        let found = find(text);
        let spans: Vec<&str> = found.iter().map(|q| spanned(text, q)).collect();
        assert_eq!(spans, ["55 km", "4.7-magnitude"]);

        let text = "Café 55 km — ünd 4.7-magnitude ü, €2 mn ½ 45 % née, 63, Ünd, 45, x";
        let found = find(text);
        assert!(found.len() >= 4, "{found:?}");
        for q in &found {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            assert!(!spanned(text, q).is_empty());
        }
        assert_eq!(spanned(text, &found[0]), "55 km");
        assert_eq!(spanned(text, &found[1]), "4.7-magnitude");
    }

    #[test]
    fn long_mixed_text_does_not_panic() {
        let pieces = [
            "about",
            "55",
            "km",
            "(34",
            "miles)",
            "$15bn",
            "€",
            "2",
            "mn-euro",
            "4.7-magnitude",
            "Okafor,",
            "63,",
            "of",
            "ü",
            "5:30",
            "27-24",
            "99999999999999999999999999",
            "m",
            "1,000,000",
            "sq",
            "per",
            "cent",
            "%",
            "aged",
            "—",
            "½",
            "M",
            "2009,",
            "x1",
            ".",
        ];
        let mut text = String::new();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        while text.len() < 200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let piece = pieces[(seed % pieces.len() as u64) as usize];
            text.push_str(piece);
            text.push(if seed.is_multiple_of(7) { '\n' } else { ' ' });
        }
        let found = find(&text);
        assert!(!found.is_empty());
        assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        for q in &found {
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            assert!(q.low.is_finite() && q.high.is_none_or(|h| h.is_finite() && q.low <= h));
        }
    }

    /// [`ends_with_unit_word`] as first written, with the key built in full.
    fn ends_with_unit_word_by_key(found: &str) -> bool {
        let key = found.replace('.', "").replace('²', "2").to_lowercase();
        let word = key.split_whitespace().next_back().unwrap_or("");
        UNIT_LAST_WORDS.iter().any(|w| word.ends_with(w))
    }

    proptest::proptest! {
        #[test]
        fn phrases_squash_as_their_words_join(
            words in proptest::collection::vec(r"(at|Least|some|a|\.|-|%|[ ]|[ ]|\t|\n|\u{b}|\u{a0}|\u{2009}|İ|é|Σ)", 0..8)
        ) {
            let phrase = words.concat();
            let joined = phrase.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squash(&phrase), joined);
        }

        #[test]
        fn unit_words_are_found_as_the_key_finds_them(
            words in proptest::collection::vec(
                r"(5|KM|km|Km|\u{212A}m|s|\.|\. |²|m²|Miles|ſ|\u{a0}|\u{b}| |\t|kilometres|MPH|euro|Σ|İ|é|dollars)",
                0..8,
            )
        ) {
            let found = words.concat();
            proptest::prop_assert_eq!(ends_with_unit_word(&found), ends_with_unit_word_by_key(&found));
        }

        #[test]
        fn any_text_gives_ordered_well_formed_quantities(text in "\\PC{0,80}") {
            let found = find(&text);
            for w in found.windows(2) {
                proptest::prop_assert!(w[0].span.end <= w[1].span.start);
            }
            for q in &found {
                proptest::prop_assert!(text.is_char_boundary(q.span.start));
                proptest::prop_assert!(text.is_char_boundary(q.span.end));
                proptest::prop_assert!(q.span.start < q.span.end);
                proptest::prop_assert!(q.high.is_none_or(|h| q.low <= h));
            }
        }

        #[test]
        fn quantity_words_in_any_order(
            words in proptest::collection::vec(
                "(about|55|km|\\(|\\)|or|miles|\\$|15|bn|€|m|%|, |63|Smith|aged|-|\\.|ü)",
                0..30,
            )
        ) {
            let text = words.concat();
            let found = find(&text);
            for w in found.windows(2) {
                proptest::prop_assert!(w[0].span.end <= w[1].span.start);
            }
            for q in &found {
                proptest::prop_assert!(text.is_char_boundary(q.span.start));
                proptest::prop_assert!(text.is_char_boundary(q.span.end));
                proptest::prop_assert!(q.high.is_none_or(|h| q.low <= h));
            }
        }
    }

    /// The words of [`MEASURE`] (qualifiers, numbers, number words, ranges, scales,
    /// units), glued or spaced, with noise and non-ASCII letters and spaces.
    const MEASURE_VOCABULARY: &str = r"(about|At least|more\s+than|AS MANY  AS|an estimated|over|some|5|55|0|1,000|12,345\.67|1,2345|6\.1|3\.|twenty|Twenty-One|seventeen|seven|one|ten|-|–|[ ]|[ ]|[ ]|\t|\n|\x0B|\x{a0}|km|Km|KM|m|M|mi|miles|sq|sq\.|square|feet|foot|per|an|hour|cent|percent|percentage|points|%|/|h|km/h|mn|mln|million|Billion|crores|crore|lakh|bn|euros|dollars|u\.s\.|american|Canadian|swiss|francs|pounds|sterling|metric|tons|nautical|2|²|ü|\x{212A}|ſ|x|_|,|\.)";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn ascii_matches_split_as_the_regex_captures(
            words in proptest::collection::vec(MEASURE_VOCABULARY, 0..24)
        ) {
            let text = words.concat();
            let re = MEASURE.for_text(&text);
            for m in re.find_iter(&text).filter(|m| m.as_str().is_ascii()) {
                let captured = re
                    .captures_at(&text, m.start())
                    .and_then(|c| MeasureMatch::captured(&c));
                proptest::prop_assert_eq!(measure_at(&text, m.start()), captured);
            }
        }

        #[test]
        fn unit_words_end_as_the_regex_ends_them(
            words in proptest::collection::vec(UNIT_VOCABULARY, 0..10)
        ) {
            let text = words.concat();
            let re = regex::Regex::new(&format!(r"(?i)\A(?:{UNIT_WORDS})")).expect("unit pattern compiles");
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at) && text[..at].is_ascii()) {
                let by_regex = re.find(&text[at..]).map(|m| at + m.end());
                let ascii = text[at..].split(|c: char| !c.is_ascii()).next().unwrap_or("");
                // Past the first other character, only the regex reads on.
                let by_hand = unit_words_end(&text[..at + ascii.len()], at);
                if by_regex.is_none_or(|e| e <= at + ascii.len()) {
                    proptest::prop_assert_eq!(by_hand, by_regex, "{:?} at {}", text, at);
                }
            }
        }
    }

    /// The words of [`UNIT_WORDS`], glued or spaced, with noise.
    const UNIT_VOCABULARY: &str = r"(%|percentage|Percentage|points?|per|Per|cent|CENT|nautical|miles?|metric|tons?|tonnes?|ne|u|U|s|\.|us|american|australian|canadian|dollars?|pounds?|sterling|swiss|francs?|square|Sq|sq|-|[ ]|[ ]|\t|\x0B|km|KM|2|/|h|an|hour|second|x|_|5|,|ü|\x{a0})";
}
