//! Lexicons: the word lists every stage shares.
//!
//! Only general English and world knowledge lives here (number words, months, units,
//! synonyms, actor aliases, event nouns); nothing about any particular article. Each
//! table is a plain `const` slice so that it can be read, reviewed and extended without
//! touching the logic that uses it.

use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::{LazyLock, OnceLock};

/// A set of words hashed with FNV-1a: the default SipHash costs more than the rest of
/// a look-up for the few-letter words that are asked of it per word of every sentence,
/// and a word list needs no defence against chosen keys.
pub type WordSet = fnv::FnvHashSet<&'static str>;

/// The cardinal words from "one" to "ninety" that number patterns spell out, units
/// first: the count and toll rules read the same words, from one list.
pub const CARDINAL_WORDS: [&str; 27] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];

/// The tens among [`CARDINAL_WORDS`], which join a unit with a hyphen ("forty-two").
pub const TENS_WORDS: &[&str] = CARDINAL_WORDS.split_at(19).1;

/// Cardinal number words and their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("no", 0.0),
    ("one", 1.0),
    ("a", 1.0),
    ("an", 1.0),
    ("single", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("dozen", 12.0),
    ("half", 0.5),
];

/// Scale words that multiply the number before them ("2.5 million", "three hundred").
pub const SCALE_WORDS: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1_000.0),
    ("million", 1_000_000.0),
    ("bn", 1_000_000_000.0),
    ("billion", 1_000_000_000.0),
    ("trillion", 1_000_000_000_000.0),
];

/// Vague quantity words and the interval they allow (`None` = unbounded).
pub const VAGUE_QUANTITIES: &[(&str, f64, Option<f64>)] = &[
    ("a couple of", 2.0, Some(2.0)),
    ("a few", 2.0, Some(5.0)),
    ("several", 3.0, Some(20.0)),
    ("a handful of", 2.0, Some(6.0)),
    ("dozens of", 24.0, Some(199.0)),
    ("dozens", 24.0, Some(199.0)),
    ("scores of", 40.0, Some(199.0)),
    ("hundreds of", 200.0, Some(1999.0)),
    ("hundreds", 200.0, Some(1999.0)),
    ("thousands of", 2000.0, Some(19_999.0)),
    ("thousands", 2000.0, Some(19_999.0)),
    ("tens of thousands of", 20_000.0, Some(199_999.0)),
    ("hundreds of thousands of", 200_000.0, Some(1_999_999.0)),
    ("millions of", 2_000_000.0, None),
];

/// Ordinal words and their values.
pub const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("twentieth", 20),
];

/// Month names and abbreviations with their number.
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names (Monday = 0, as chrono's `num_days_from_monday`).
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
];

/// Units of time: TimeML letter, whether it is a clock unit (`PT…`), and its length
/// in days.
pub const TIME_UNITS: &[(&str, &str, bool, f64)] = &[
    ("second", "S", true, 1.0 / 86_400.0),
    ("minute", "M", true, 1.0 / 1_440.0),
    ("hour", "H", true, 1.0 / 24.0),
    ("day", "D", false, 1.0),
    ("night", "D", false, 1.0),
    ("week", "W", false, 7.0),
    ("fortnight", "W", false, 14.0),
    ("month", "M", false, 30.436_875),
    ("year", "Y", false, 365.2425),
    ("decade", "DE", false, 3_652.425),
    ("century", "CE", false, 36_524.25),
];

/// Look up a word (any case) in a table of `(word, value)` pairs. Only keys without an
/// ASCII capital can equal the word lower-cased.
pub fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(word) && !k.bytes().any(|b| b.is_ascii_uppercase()))
        .map(|(_, v)| *v)
}

/// A table of `(word, value)` pairs looked up by hash, with the result of [`lookup`]:
/// for tables asked about every word of every sentence (incident nouns), where
/// [`lookup`]'s scan of the whole table per word adds up.
pub struct Indexed<T: 'static> {
    table: &'static [(&'static str, T)],
    index: OnceLock<fnv::FnvHashMap<&'static str, T>>,
}

impl<T: Copy> Indexed<T> {
    pub const fn new(table: &'static [(&'static str, T)]) -> Self {
        Indexed {
            table,
            index: OnceLock::new(),
        }
    }

    /// The value of `word` in any case, as [`lookup`] gives it: the first key without
    /// an ASCII capital that equals it but for ASCII case.
    pub fn get(&self, word: &str) -> Option<T> {
        let index = self.index.get_or_init(|| {
            let mut index = fnv::FnvHashMap::default();
            for (k, v) in self.table {
                if !k.bytes().any(|b| b.is_ascii_uppercase()) {
                    index.entry(*k).or_insert(*v);
                }
            }
            index
        });
        match word.bytes().any(|b| b.is_ascii_uppercase()) {
            true => index.get(word.to_ascii_lowercase().as_str()).copied(),
            false => index.get(word).copied(),
        }
    }
}

/// `word.to_lowercase()`, borrowed when it is that already (lower-case ASCII), as most
/// words of a text are.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if !word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        // The same string, without the per-character Unicode case tables.
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// The number a word or numeral stands for: "five" → 5, "1,200" → 1200, "2.5" → 2.5.
pub fn number_value(word: &str) -> Option<f64> {
    let w = word.trim();
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return w.replace(',', "").parse().ok();
    }
    let lower = w.to_ascii_lowercase();
    if let Some((a, b)) = lower.split_once('-') {
        // "twenty-five"
        let tens = lookup(NUMBER_WORDS, a)?;
        let ones = lookup(NUMBER_WORDS, b)?;
        if tens >= 20.0 && ones < 10.0 {
            return Some(tens + ones);
        }
        return None;
    }
    lookup(NUMBER_WORDS, &lower)
}

/// Words that name events or situations a claim can be about. Matched on the stem.
pub const EVENT_NOUNS: &[&str] = &[
    "talks",
    "talk",
    "meeting",
    "summit",
    "negotiations",
    "conference",
    "session",
    "visit",
    "trip",
    "tour",
    "reunion",
    "reunions",
    "exercise",
    "exercises",
    "drill",
    "drills",
    "manoeuvres",
    "maneuvers",
    "test",
    "launch",
    "launches",
    "war",
    "conflict",
    "partition",
    "partitioning",
    "division",
    "armistice",
    "ceasefire",
    "truce",
    "election",
    "vote",
    "referendum",
    "poll",
    "earthquake",
    "quake",
    "tremor",
    "aftershock",
    "tsunami",
    "flood",
    "storm",
    "hurricane",
    "fire",
    "blaze",
    "explosion",
    "blast",
    "attack",
    "bombing",
    "shooting",
    "strike",
    "raid",
    "crash",
    "collision",
    "accident",
    "arrest",
    "trial",
    "hearing",
    "verdict",
    "sentence",
    "ruling",
    "execution",
    "murder",
    "killing",
    "death",
    "funeral",
    "ceremony",
    "wedding",
    "concert",
    "match",
    "game",
    "race",
    "final",
    "tournament",
    "festival",
    "protest",
    "demonstration",
    "rally",
    "march",
    "riot",
    "invasion",
    "occupation",
    "withdrawal",
    "deployment",
    "operation",
    "campaign",
    "offensive",
    "break",
    "pause",
    "moratorium",
    "freeze",
    "suspension",
    "ban",
    "embargo",
    "sanctions",
    "deal",
    "agreement",
    "accord",
    "treaty",
    "merger",
    "acquisition",
    "takeover",
    "sale",
    "release",
    "announcement",
    "resignation",
    "appointment",
    "inauguration",
    "coup",
    "revolution",
    "crisis",
    "outbreak",
    "epidemic",
    "recall",
    "strike",
    "lockout",
    "shutdown",
    "closure",
    "opening",
    "landing",
    "flight",
    "mission",
    "voyage",
    "surgery",
    "rescue",
    "evacuation",
    "talks",
    "dialogue",
    "discussion",
    "discussions",
    "debate",
    "interview",
    "speech",
    "address",
    "briefing",
    "hostilities",
    "fighting",
    "clashes",
    "violence",
    "ceremony",
    "celebration",
    "anniversary",
    "broadcast",
    "premiere",
    "show",
    "event",
    "incident",
    "disaster",
    "eruption",
    "landslide",
    "avalanche",
    "derailment",
    "sinking",
    "hijacking",
    "kidnapping",
    "abduction",
    "siege",
];

/// Groups of words that name the same kind of thing; every word folds to the group's
/// first stem. Compared after stemming.
pub const SYNONYMS: &[&[&str]] = &[
    &[
        "talk",
        "meet",
        "meeting",
        "negoti",
        "negotiation",
        "dialogu",
        "discuss",
        "summit",
    ],
    &[
        "exercis", "exercise", "drill", "manoeuvr", "maneuv", "maneuver", "war-gam",
    ],
    &[
        "earthquak",
        "earthquake",
        "quak",
        "quake",
        "tremor",
        "temblor",
    ],
    &["partit", "partition", "divis", "division", "split"],
    &["reunion", "reunit", "reunif"],
    &["famili", "family", "relat", "relative"],
    &["peopl", "person", "individu", "resid"],
    &["kill", "dead", "death", "die", "fatal", "fatality", "live"],
    &["injur", "injuri", "injure", "wound", "hurt"],
    &["attack", "assault", "strike"],
    &["blast", "explos", "explosion", "bomb", "bomb"],
    &["fire", "blaze", "inferno"],
    &["engin", "applianc"],
    &["grandchild", "grandchildren", "grandkid"],
    &["dwi", "dui", "owi"],
    &["shoot", "gunfir", "gunfight"],
    &["break", "paus", "paus", "lull", "halt", "hiatus"],
    &["launch", "firing"],
    &["war", "conflict"],
    &["start", "begin", "open", "commenc", "kick"],
    &["end", "finish", "conclud", "close"],
];

/// Actor aliases: a name (lower case) and the canonical actor it stands for. Capitals
/// stand for their state, as news writing uses them.
pub const ACTOR_ALIASES: &[(&str, &str)] = &[
    ("north korea", "North Korea"),
    ("n. korea", "North Korea"),
    ("n korea", "North Korea"),
    ("dprk", "North Korea"),
    ("pyongyang", "North Korea"),
    ("north korean", "North Korea"),
    ("south korea", "South Korea"),
    ("s. korea", "South Korea"),
    ("s korea", "South Korea"),
    ("rok", "South Korea"),
    ("seoul", "South Korea"),
    ("south korean", "South Korea"),
    ("united states", "United States"),
    ("u.s.", "United States"),
    ("us", "United States"),
    ("usa", "United States"),
    ("u.s.a.", "United States"),
    ("america", "United States"),
    ("american", "United States"),
    ("washington", "United States"),
    ("china", "China"),
    ("chinese", "China"),
    ("beijing", "China"),
    ("japan", "Japan"),
    ("japanese", "Japan"),
    ("tokyo", "Japan"),
    ("russia", "Russia"),
    ("russian", "Russia"),
    ("moscow", "Russia"),
    ("kremlin", "Russia"),
    ("iran", "Iran"),
    ("iranian", "Iran"),
    ("tehran", "Iran"),
    ("iraq", "Iraq"),
    ("iraqi", "Iraq"),
    ("baghdad", "Iraq"),
    ("syria", "Syria"),
    ("syrian", "Syria"),
    ("damascus", "Syria"),
    ("israel", "Israel"),
    ("israeli", "Israel"),
    ("ukraine", "Ukraine"),
    ("ukrainian", "Ukraine"),
    ("kiev", "Ukraine"),
    ("kyiv", "Ukraine"),
    ("united kingdom", "United Kingdom"),
    ("uk", "United Kingdom"),
    ("u.k.", "United Kingdom"),
    ("britain", "United Kingdom"),
    ("british", "United Kingdom"),
    ("london", "United Kingdom"),
    ("france", "France"),
    ("french", "France"),
    ("paris", "France"),
    ("germany", "Germany"),
    ("german", "Germany"),
    ("berlin", "Germany"),
    ("india", "India"),
    ("indian", "India"),
    ("new delhi", "India"),
    ("pakistan", "Pakistan"),
    ("pakistani", "Pakistan"),
    ("islamabad", "Pakistan"),
    ("afghanistan", "Afghanistan"),
    ("afghan", "Afghanistan"),
    ("kabul", "Afghanistan"),
    ("indonesia", "Indonesia"),
    ("indonesian", "Indonesia"),
    ("jakarta", "Indonesia"),
    ("united nations", "United Nations"),
    ("u.n.", "United Nations"),
    ("un", "United Nations"),
    ("european union", "European Union"),
    ("eu", "European Union"),
    ("brussels", "European Union"),
    ("nato", "NATO"),
    ("usgs", "US Geological Survey"),
    ("us geological survey", "US Geological Survey"),
    ("u.s. geological survey", "US Geological Survey"),
];

/// Irregular past-tense verbs common in news: they set a clause's tense and end a noun
/// phrase.
pub const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "made",
    "held",
    "met",
    "took",
    "came",
    "went",
    "saw",
    "gave",
    "told",
    "began",
    "left",
    "led",
    "struck",
    "fell",
    "rose",
    "won",
    "lost",
    "found",
    "brought",
    "thought",
    "felt",
    "sent",
    "spent",
    "built",
    "kept",
    "ran",
    "shot",
    "spoke",
    "wrote",
    "became",
    "got",
    "put",
    "hit",
    "knew",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "heard",
    "hid",
    "meant",
    "paid",
    "sold",
    "stood",
    "taught",
    "understood",
    "woke",
    "wore",
    "withdrew",
    "arrived",
    "fled",
    "sank",
    "shook",
    "swept",
    "tore",
    "threw",
    "overthrew",
    "sought",
    "caught",
    "fought",
    "bought",
    "quit",
    "slid",
    "stole",
    "swore",
    "began",
    "bore",
    "forgot",
    "froze",
    "rang",
    "rode",
    "sang",
    "drank",
    "slept",
    "spun",
    "stuck",
    "stung",
    "swam",
];

/// Words that say what happened to the things counted, and the role they fold to.
pub const ROLES: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("killing", "killed"),
    ("kills", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("die", "killed"),
    ("deaths", "killed"),
    ("fatalities", "killed"),
    ("injured", "injured"),
    ("injuring", "injured"),
    ("injuries", "injured"),
    ("wounded", "injured"),
    ("wounding", "injured"),
    ("hurt", "injured"),
    ("missing", "missing"),
    ("shot", "shot"),
    ("shooting", "shot"),
    ("arrested", "arrested"),
    ("detained", "arrested"),
    ("evacuated", "evacuated"),
    ("ushered", "evacuated"),
    ("displaced", "displaced"),
    ("homeless", "homeless"),
    ("rescued", "rescued"),
    ("destroyed", "destroyed"),
    ("destroying", "destroyed"),
    ("flattened", "destroyed"),
    ("flattening", "destroyed"),
    ("leveled", "destroyed"),
    ("levelled", "destroyed"),
    ("leveling", "destroyed"),
    ("razed", "destroyed"),
    ("damaged", "damaged"),
    ("damaging", "damaged"),
    ("marched", "marched"),
    ("marching", "marched"),
    ("protested", "marched"),
    ("demonstrated", "marched"),
    ("rallied", "marched"),
    ("convicted", "convicted"),
    ("dispatched", "sent"),
    ("deployed", "sent"),
    ("summoned", "sent"),
    ("occurred", "occurred"),
    ("population", "population"),
    ("inhabitants", "population"),
    ("residents", "population"),
];

/// The role a word gives the things counted near it.
pub fn role(word: &str) -> Option<&'static str> {
    lookup(ROLES, word)
}

/// Words that never carry a topic.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or",
    "but", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your", "my",
    "such", "which", "who", "whom", "whose", "it", "they", "he", "she", "we", "you", "i", "is",
    "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "as", "than", "then", "so",
    "not", "no", "any", "some", "all", "each", "every", "more", "most", "other", "same", "also",
    "very", "just", "only", "into", "over", "about", "after", "before", "between", "during",
    "since", "until", "up", "down", "out", "off", "again", "further", "there", "here", "when",
    "where", "why", "how", "what", "s", "new", "said", "say", "says",
];

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Synonym groups and actor aliases a user adds (from a config file), consulted
/// before the built-in ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tables {
    /// Groups of words for one thing; each word folds to the group's first.
    pub synonyms: Vec<Vec<String>>,
    /// (alias in lower case, canonical actor).
    pub aliases: Vec<(String, String)>,
}

static EXTRA: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();

/// Add the user's tables for the rest of the process. Must come before any article is
/// read (the tables are fixed at first use, so every claim is read with the same
/// ones); a second call, or one after first use, returns the tables back.
pub fn install(tables: Tables) -> Result<(), Tables> {
    EXTRA.set(tables)
}

/// The user's tables (empty unless installed).
pub fn extra() -> &'static Tables {
    EXTRA.get_or_init(Tables::default)
}

/// Every actor alias, the user's first: (alias in lower case, canonical actor).
pub fn actor_aliases() -> impl Iterator<Item = (&'static str, &'static str)> {
    extra()
        .aliases
        .iter()
        .map(|(a, c)| (a.as_str(), c.as_str()))
        .chain(ACTOR_ALIASES.iter().copied())
}

/// Lower-case, stem and fold synonyms: the form in which topic words are compared.
///
/// Stemming is slow and the same words come back in every sentence, so each thread
/// remembers the folds it made (the synonym tables are fixed at first use, so a fold
/// never changes); the memory is emptied when it grows past [`FOLD_MEMORY`] words.
pub fn fold(word: &str) -> String {
    thread_local! {
        static FOLDS: RefCell<fnv::FnvHashMap<String, String>> = RefCell::default();
    }
    FOLDS.with_borrow_mut(|folds| {
        if let Some(f) = folds.get(word) {
            return f.clone();
        }
        if folds.len() >= FOLD_MEMORY {
            folds.clear();
        }
        let f = fold_afresh(word);
        folds.insert(word.to_string(), f.clone());
        f
    })
}

/// Most words one thread remembers the fold of.
const FOLD_MEMORY: usize = 1 << 16;

fn fold_afresh(word: &str) -> String {
    let lower = word.to_lowercase();
    let stem = STEMMER.stem(&lower).into_owned();
    for group in &extra().synonyms {
        let hit = group.iter().any(|w| {
            let w = w.to_lowercase();
            w == lower || STEMMER.stem(&w) == stem
        });
        if hit && let Some(first) = group.first() {
            return first.to_lowercase();
        }
    }
    for group in SYNONYMS {
        if group.iter().any(|w| *w == stem || *w == lower) {
            return group[0].to_string();
        }
    }
    stem
}

/// True for words that carry no topic.
pub fn is_stopword(word: &str) -> bool {
    let w = lowercase(word);
    STOPWORDS.contains(&w.as_ref())
}

/// True when `word` names an event ("talks", "reunions", "quake"). Only the listed
/// nouns and their plurals count: "killed" is no event noun though "killing" is.
///
/// It is asked of every word of every sentence, so the nouns are kept with their
/// plurals in "-s" and "-es" already made (one look-up per word instead of one per
/// possible singular), and a [`Sketch`] of them turns most other words away before
/// they are lower-cased or hashed.
pub fn is_event_noun(word: &str) -> bool {
    static FORMS: LazyLock<(fnv::FnvHashSet<String>, Sketch)> = LazyLock::new(|| {
        let forms: fnv::FnvHashSet<String> = EVENT_NOUNS
            .iter()
            .flat_map(|n| [n.to_string(), format!("{n}s"), format!("{n}es")])
            .collect();
        let sketch = Sketch::of(forms.iter().map(String::as_str));
        (forms, sketch)
    });
    let (forms, sketch) = &*FORMS;
    sketch.may_hold(word) && forms.contains(lowercase(word).as_ref())
}

/// A yes/no filter for a list of lower-case words: which (first, second, last) byte
/// triples they have, each byte cut to its low five bits, which are a letter's place
/// in the alphabet in either case. A word it says no to is not in the list once
/// lower-cased; one it says yes to may be. In running text four words in five fail
/// it, for a few instructions instead of lower-casing and a hashed look-up.
pub(crate) struct Sketch {
    triples: Box<[u64; 512]>,
}

impl Sketch {
    pub(crate) fn of<'a>(words: impl Iterator<Item = &'a str>) -> Sketch {
        let mut sketch = Sketch {
            triples: Box::new([0; 512]),
        };
        for w in words {
            if let Some(t) = Sketch::triple(w) {
                sketch.triples[t / 64] |= 1 << (t % 64);
            }
        }
        sketch
    }

    /// False when `word`, in lower case, is surely not in the list.
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let Some(t) = Sketch::triple(word) else {
            return true;
        };
        // Lower-casing keeps ASCII bytes at the start and the end where they are and
        // their low five bits as they are; other bytes may change.
        let ends = [b[0], b.get(1).copied().unwrap_or(0), b[b.len() - 1]];
        !ends.is_ascii() || self.triples[t / 64] & (1 << (t % 64)) != 0
    }

    /// The triple of a word; a word of one byte has a zero second byte.
    fn triple(w: &str) -> Option<usize> {
        let b = w.as_bytes();
        let (&first, &last) = (b.first()?, b.last()?);
        let second = b.get(1).copied().unwrap_or(0);
        let five = |x: u8| usize::from(x & 31);
        Some(five(first) << 10 | five(second) << 5 | five(last))
    }
}

/// The canonical actor a name stands for, if it is in the alias table.
pub fn actor(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    actor_aliases()
        .find(|(alias, _)| *alias == lower)
        .map(|(_, canonical)| canonical)
}

/// Words that name the kind of incident a news story is about, with the canonical
/// type: claims about a quake and claims about a shooting are never one event. Only
/// words that name one physical kind of event: "attack", "killing" or "fire" ("opened
/// fire") are said of too many kinds to tell stories apart.
pub const INCIDENT_TYPES: &[(&str, &str)] = &[
    ("earthquake", "earthquake"),
    ("earthquakes", "earthquake"),
    ("quake", "earthquake"),
    ("quakes", "earthquake"),
    ("tremor", "earthquake"),
    ("tremors", "earthquake"),
    ("temblor", "earthquake"),
    ("aftershock", "earthquake"),
    ("aftershocks", "earthquake"),
    ("tsunami", "tsunami"),
    ("shooting", "shooting"),
    ("shootings", "shooting"),
    ("gunman", "shooting"),
    ("gunfire", "shooting"),
    ("bombing", "bombing"),
    ("bomb", "bombing"),
    ("explosion", "bombing"),
    ("blast", "bombing"),
    ("blaze", "fire"),
    ("arson", "fire"),
    ("inferno", "fire"),
    ("wildfire", "fire"),
    ("bushfire", "fire"),
    ("crash", "crash"),
    ("collision", "crash"),
    ("hit-and-run", "crash"),
    ("derailment", "crash"),
    ("flood", "flood"),
    ("flooding", "flood"),
    ("floods", "flood"),
    ("storm", "storm"),
    ("hurricane", "storm"),
    ("typhoon", "storm"),
    ("cyclone", "storm"),
    ("tornado", "storm"),
    ("landslide", "landslide"),
    ("avalanche", "landslide"),
    ("heist", "robbery"),
    ("robbery", "robbery"),
    ("burglary", "robbery"),
    ("hijacking", "hijacking"),
    ("piracy", "hijacking"),
    ("election", "election"),
    ("elections", "election"),
    ("outage", "outage"),
];

/// Nouns for a person, as news names a victim with an indefinite article ("a woman",
/// "a police officer and a bomb technician"): a regex alternation.
pub const PERSON_NOUNS: &str = "man|woman|boy|girl|child|baby|infant|toddler|teenager|teen|person|pedestrian|cyclist|motorist|driver|passenger|officer|policeman|policewoman|trooper|deputy|constable|technician|firefighter|fireman|soldier|guard|worker|employee|clerk|student|teacher|resident|shopper|customer|bystander|mother|father|grandmother|grandfather|husband|wife|nurse|doctor|journalist|tourist|villager|farmer|fisherman";

/// The shortest and the longest incident noun, in bytes (ASCII case folding, all the
/// lookup does, keeps a word's length).
const INCIDENT_LENGTHS: std::ops::RangeInclusive<usize> = {
    let (mut shortest, mut longest) = (usize::MAX, 0);
    let mut i = 0;
    while i < INCIDENT_TYPES.len() {
        let n = INCIDENT_TYPES[i].0.len();
        if n < shortest {
            shortest = n;
        }
        if n > longest {
            longest = n;
        }
        i += 1;
    }
    shortest..=longest
};

/// The incident type a word names, if any. A hyphenated compound names what its last
/// part names ("fire-bomb", "car-bomb", "gas-explosion": news hyphenates compounds it
/// also writes solid), unless its first part is a prefix that turns the meaning
/// ("anti-war", "post-election").
pub fn incident(word: &str) -> Option<&'static str> {
    static INCIDENTS: Indexed<&str> = Indexed::new(INCIDENT_TYPES);
    // Most words are shorter or longer than any incident noun, or fail its sketch: no
    // hash for them (nor a lower-case copy of a capitalized one).
    let whole = match INCIDENT_LENGTHS.contains(&word.len()) && incident_sketch().may_hold(word) {
        true => INCIDENTS.get(word),
        false => None,
    };
    whole.or_else(|| {
        // Found by a plain loop: `rsplit_once` calls memrchr, costly on short words.
        let hyphen = word.bytes().rposition(|b| b == b'-')?;
        let (first, last) = (&word[..hyphen], &word[hyphen + 1..]);
        let first = first.split('-').next().unwrap_or(first);
        let turns = [
            "anti", "pre", "post", "non", "ex", "pro", "counter", "mid", "after",
        ];
        match turns.iter().any(|p| first.eq_ignore_ascii_case(p)) {
            true => None,
            false => incident_sketch()
                .may_hold(last)
                .then(|| INCIDENTS.get(last))
                .flatten(),
        }
    })
}

/// The [`Sketch`] of the incident nouns.
fn incident_sketch() -> &'static Sketch {
    static SKETCH: LazyLock<Sketch> =
        LazyLock::new(|| Sketch::of(INCIDENT_TYPES.iter().map(|(w, _)| *w)));
    &SKETCH
}

/// False when a word, in whatever case, cannot name an incident: an ASCII word keeps
/// its length and its sketch ([`Sketch`]) in lower case, and most words are of no
/// incident noun's length or sketch, nor hyphenated. Tested before a word is lower-cased for [`incident`], which allocates
/// for every capitalized word.
pub fn may_name_incident(word: &str) -> bool {
    // One pass over the bytes for both a hyphen and a byte outside ASCII: a search
    // for the hyphen alone cost a call to memchr per word.
    INCIDENT_LENGTHS.contains(&word.len()) && incident_sketch().may_hold(word)
        || word.bytes().any(|b| b == b'-' || !b.is_ascii())
}

/// The incident type a word names given the word before it: none for a bare verb
/// after "to" ("tried to storm parliament", "threatened to bomb"), which names what
/// someone meant to do, not what happened. "due to storms", "to flooding" still name.
pub fn incident_after(previous: &str, word: &str) -> Option<&'static str> {
    let infinitive = previous.eq_ignore_ascii_case("to") && !word.ends_with(['s', 'g']);
    if infinitive {
        return None;
    }
    incident(word)
}

/// Other names of places (older or foreign spellings news still uses), lower case,
/// with the name they stand for: "Salonika" and "Thessaloniki" are one city, so
/// their crowds are one crowd.
pub const PLACE_ALIASES: &[(&str, &str)] = &[
    ("salonika", "Thessaloniki"),
    ("salonica", "Thessaloniki"),
    ("thessalonica", "Thessaloniki"),
    ("peking", "Beijing"),
    ("bombay", "Mumbai"),
    ("calcutta", "Kolkata"),
    ("madras", "Chennai"),
    ("rangoon", "Yangon"),
    ("kiev", "Kyiv"),
    ("saigon", "Ho Chi Minh City"),
    ("leghorn", "Livorno"),
    ("koln", "Cologne"),
    ("köln", "Cologne"),
    ("munchen", "Munich"),
    ("münchen", "Munich"),
    ("lisboa", "Lisbon"),
    ("athina", "Athens"),
];

/// The usual name of a place, for a name of [`PLACE_ALIASES`]; else the name itself.
pub fn place_name(name: &str) -> &str {
    // An ASCII name is looked up as it is (the look-up ignores ASCII case): no
    // lower-case copy of every place of every sentence.
    let alias = match name.is_ascii() {
        true => lookup(PLACE_ALIASES, name),
        false => lookup(PLACE_ALIASES, &name.to_lowercase()),
    };
    alias.unwrap_or(name)
}

/// Names of sources of numbers that news cites in several forms, folded to one.
pub const SOURCE_ALIASES: &[(&str, &str)] = &[
    ("usgs", "U.S. Geological Survey"),
    ("u.s. geological survey", "U.S. Geological Survey"),
    ("us geological survey", "U.S. Geological Survey"),
    ("united states geological survey", "U.S. Geological Survey"),
    ("the u.s. geological survey", "U.S. Geological Survey"),
    ("emsc", "European-Mediterranean Seismological Centre"),
    ("irna", "IRNA"),
    ("islamic republic news agency", "IRNA"),
    ("ap", "Associated Press"),
    ("the associated press", "Associated Press"),
    ("associated press", "Associated Press"),
    ("afp", "AFP"),
    ("agence france-presse", "AFP"),
    ("reuters", "Reuters"),
    ("police", "police"),
    ("the police", "police"),
    ("officials", "officials"),
    ("authorities", "authorities"),
    ("the authorities", "authorities"),
];

/// The one name of a cited source, folding the forms news uses for it.
pub fn source_name(name: &str) -> String {
    let lower = name.to_lowercase();
    let lower = lower.trim_start_matches("the ");
    match lookup(SOURCE_ALIASES, lower) {
        Some(canonical) => canonical.to_string(),
        None => name.trim_start_matches("the ").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_words_and_numerals() {
        assert_eq!(number_value("five"), Some(5.0));
        assert_eq!(number_value("Ninety"), Some(90.0));
        assert_eq!(number_value("twenty-five"), Some(25.0));
        assert_eq!(number_value("1,200"), Some(1200.0));
        assert_eq!(number_value("2.5"), Some(2.5));
        assert_eq!(number_value("many"), None);
    }

    #[test]
    fn synonyms_fold_together() {
        assert_eq!(fold("drills"), fold("exercises"));
        assert_eq!(fold("talks"), fold("meeting"));
        assert_eq!(fold("quake"), fold("earthquake"));
        assert_eq!(fold("reunions"), fold("reunion"));
        assert_ne!(fold("talks"), fold("drills"));
    }

    #[test]
    fn capitals_stand_for_states() {
        assert_eq!(actor("Pyongyang"), Some("North Korea"));
        assert_eq!(actor("Seoul"), Some("South Korea"));
        assert_eq!(actor("Tehran"), Some("Iran"));
        assert_eq!(actor("Springfield"), None);
    }

    #[test]
    fn event_nouns_match_any_inflection() {
        assert!(is_event_noun("talks"));
        assert!(is_event_noun("Reunions"));
        assert!(is_event_noun("earthquakes"));
        assert!(!is_event_noun("peninsula"));
        assert!(!is_event_noun("killed"));
        assert!(is_event_noun("killing"));
    }

    /// The test of the event nouns as it was written before the plurals were made
    /// ahead: the noun, or a singular made by taking off "-es" or "-s".
    fn is_event_noun_by_singulars(word: &str) -> bool {
        let nouns: WordSet = EVENT_NOUNS.iter().copied().collect();
        let lower = lowercase(word);
        let singular = lower
            .strip_suffix("es")
            .filter(|s| nouns.contains(s))
            .or_else(|| lower.strip_suffix('s'))
            .unwrap_or(&lower);
        nouns.contains(lower.as_ref()) || nouns.contains(singular)
    }

    #[test]
    fn every_event_noun_and_plural_passes_the_sketch() {
        for n in EVENT_NOUNS {
            for w in [n.to_string(), format!("{n}s"), format!("{n}es")] {
                assert!(is_event_noun(&w), "{w}");
                assert!(is_event_noun(&w.to_uppercase()), "{w}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn event_nouns_by_forms_agree_with_singulars(
            stem in "(talk|quake|crash|bus|fire|tri|ka|\\PC{0,6})",
            tail in "(|s|es|ss|ses|S|ES|é|İ|\u{212A}|\\PC{0,2})",
            upper in proptest::bool::ANY,
        ) {
            let w = format!("{stem}{tail}");
            let w = if upper { w.to_uppercase() } else { w };
            proptest::prop_assert_eq!(is_event_noun(&w), is_event_noun_by_singulars(&w), "{}", w);
        }
    }

    #[test]
    fn a_verb_after_to_names_no_incident() {
        assert_eq!(incident_after("to", "storm"), None);
        assert_eq!(incident_after("to", "bomb"), None);
        assert_eq!(incident("fire-bomb"), incident("bomb"));
        assert_eq!(incident("car-bomb"), Some("bombing"));
        assert_eq!(incident("anti-war"), None);
        assert_eq!(incident("post-election"), None);
        assert_eq!(incident_after("the", "storm"), Some("storm"));
        assert_eq!(incident_after("to", "floods"), Some("flood"));
        assert_eq!(incident_after("to", "flooding"), Some("flood"));
    }
}
