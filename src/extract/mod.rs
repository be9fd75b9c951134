//! Extract: turn sentences and their time expressions into typed claims.
//!
//! A claim is a value (a time, a duration, a count, an ordinal, a place) together with
//! what it is about: its topic, found as the event noun phrase the value attaches to
//! ("the partitioning of the Veltan valley in 1964"), the noun it counts ("three
//! rounds of hearings"), or, for a pronoun subject ("They are due to open on …"), the
//! event the previous sentence was about. Constructions that change what a time means
//! are read here:
//!
//! * "first since 2009", "highest-ranking talks in seven years", "the last … took place
//!   in 2009": when the previous such event happened ([`ClaimKind::LastOccurrence`]);
//! * "between August 2 and October 19", "from 2011 to 2012": one range;
//! * "four days before X begin", "a day after X": X dated from the sentence's date;
//! * "at the end of the 1961-64 war": the end of the range;
//! * "last year's manoeuvres": the time names an instance, it does not date it
//!   ([`Claim::identifying`]).
//!
//! Invariant: every claim's span lies inside its sentence and
//! `article.text[span] == mention`.

mod compounds;
mod directions;
pub use directions::same_side;
mod legal;
mod measures;
mod opening;
mod ratios;
mod record;
mod summons;
mod tolls;

use crate::lexicon::{self, ORDINAL_WORDS};
use crate::model::{
    Amount, Article, Aspect, Claim, ClaimKind, Event, EventDay, Granularity, Reading, Sentence,
    Span, TimeRange, Timex, TimexType, Topic, Value,
};
use crate::wordre::WordRegex;
use chrono::{Datelike, Days, NaiveDate};
use regex::Regex;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Extract the claims of one article.
pub fn extract(
    article_index: usize,
    article: &Article,
    sentences: &[Sentence],
    timexes: &[Timex],
) -> Vec<Claim> {
    let dct = article.published.as_ref().map(|p| p.date);
    // The lead's places name the story's place, and are the facts of its sentences too:
    // read once for both.
    let lead_places: Vec<Vec<String>> = sentences
        .iter()
        .take(LEAD_SENTENCES)
        .map(|s| places(&s.text))
        .collect();
    let story = main_event(sentences, &lead_places);
    let mut lead_places = lead_places.into_iter();
    let mut previous_topic: Option<Topic> = None;
    // The sentences read since the one `previous_topic` comes from: their main topics
    // are found only when a sentence may need one.
    let mut unread: Vec<Stashed> = Vec::new();
    // The earlier event the previous sentence was about, with its places: "It killed
    // 237 people" goes on about it.
    let mut previous_background: Option<(NaiveDate, Vec<String>)> = None;
    let mut events = EventMemory::default();
    let lowered = ascii_lowercase_all(sentences);
    let mut lowered_at = 0;
    let mut claims = Vec::new();
    // Per claim, the day of another incident its sentence introduces, if any.
    let mut other_days: Vec<Option<EventDay>> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let known_places = lead_places.next();
        let lower_text = &lowered[lowered_at..lowered_at + s.text.len()];
        lowered_at += s.text.len();
        if is_byline(&s.text) {
            continue;
        }
        // Time expressions come in file order: find this sentence's by binary search,
        // so that extraction stays linear in the number of sentences.
        let first = timexes.partition_point(|t| t.span.start < s.span.start);
        let local: Vec<Timex> = timexes[first..]
            .iter()
            .take_while(|t| t.span.start < s.span.end)
            .filter(|t| t.span.end <= s.span.end)
            .map(|t| Timex {
                span: Span::new(t.span.start - s.span.start, t.span.end - s.span.start),
                ..t.clone()
            })
            .collect();
        let words = tokenize(&s.text, lower_text);
        if refers_back(&words) {
            resolve_topic(&mut previous_topic, &mut unread, dct);
        }
        let ctx = SentenceCtx {
            text: &s.text,
            words,
            timexes: &local,
            dct,
            previous_topic: previous_topic.as_ref(),
            heads: OnceCell::new(),
        };
        let mut found = sentence_claims(&ctx);
        let incident_clocks = incident_clocks(&ctx, &found, &story);
        found.extend(incident_clocks);
        found.extend(coincidences(&ctx, &events));
        found.extend(venues(&ctx));
        events.remember(&found);
        // Actors, places and the source depend on the sentence alone: read them once
        // for all its claims.
        let here = SentenceFacts::new(&s.text, known_places);
        let own = background_time(&found, &local, dct).map(|b| (b, here.places().clone()));
        let carried = previous_background.filter(|_| continues_previous(&s.text));
        let background = own.or(carried);
        let undated_past = dct.is_none() && names_a_month_or_year(&local);
        // Each claim gets its own copy of the sentence's facts, the last one the
        // facts themselves: `repeat_n` clones for all but the last.
        let n = found.len();
        let facts = (n > 0).then(|| here.into_shared());
        let shared = facts.into_iter().flat_map(|f| std::iter::repeat_n(f, n));
        for (c, (actors, places, attributed_to)) in found.iter_mut().zip(shared) {
            c.article = article_index;
            c.sentence = si;
            c.span = c.span.shift(s.span.start);
            c.actors = actors;
            c.places = match &background {
                Some((_, wider)) if wider.len() > c.places.len() => wider.clone(),
                _ => places,
            };
            c.anchor = dct;
            c.attributed_to = attributed_to;
            if !matches!(
                c.kind,
                ClaimKind::Date | ClaimKind::LastOccurrence | ClaimKind::Place
            ) && !measures::is_standing(c)
                && let Some((b, _)) = &background
            {
                c.anchor = Some(*b);
                c.historical = true;
            }
            if undated_past
                && !matches!(
                    c.kind,
                    ClaimKind::Date | ClaimKind::LastOccurrence | ClaimKind::Place
                )
            {
                c.historical = true;
            }
            c.event = event_of(c, &s.text, &story);
        }
        previous_background = background;
        let other_day = other_incident_day(&s.text, &local);
        other_days.extend(std::iter::repeat_n(other_day, found.len()));
        claims.extend(found);
        let SentenceCtx { words, heads, .. } = ctx;
        unread.push(Stashed {
            text: &s.text,
            words,
            timexes: local,
            heads,
        });
    }
    assign_days(&mut claims, &other_days, &story);
    // After the days are assigned, so that the lead's own wording still picks the day.
    for sentence in claims.chunk_by_mut(|a, b| a.sentence == b.sentence) {
        date_casualty_day(sentence, &story);
    }
    claims
}

/// True when a sentence holds a pronoun the topic search ([`topic_for`]) takes for
/// the previous sentence's event ("They are due to open on 9 March"; not "It is the
/// first time"): a sentence holding none never asks for that event.
fn refers_back(words: &[Word]) -> bool {
    // Only a word of two or four bytes can be one: the others are passed by length.
    (0..words.len()).any(|i| matches!(words[i].text.len(), 2 | 4) && is_referring_pronoun(words, i))
}

/// True when word `i` is a pronoun that stands for the previous sentence's event
/// ("They are due to open on 9 March"); "It is the first time" is no reference. One
/// test for [`topic_for`], which follows the reference, and [`refers_back`], which
/// tells whether any sentence may.
/// The next word is looked at only after an "It": this is asked of every word of
/// every sentence.
#[inline]
fn is_referring_pronoun(words: &[Word], i: usize) -> bool {
    match words[i].text {
        "They" | "they" => true,
        "It" | "it" => {
            let next = words.get(i + 1).map_or("", |n| &n.lower[..]);
            !matches!(next, "is" | "was" | "has" | "had")
        }
        _ => false,
    }
}

/// A sentence read, kept with its words, times and heads until its main topic
/// ([`main_topic`]) is asked for: few sentences refer back, and finding the topic of
/// every sentence was a tenth of the extractor's time.
struct Stashed<'a> {
    text: &'a str,
    words: Vec<Word<'a>>,
    timexes: Vec<Timex>,
    heads: OnceCell<Vec<usize>>,
}

/// The texts of all `sentences`, one after another, with ASCII letters in lower
/// case: the lower-case form of every ASCII word is a slice of it ([`tokenize`]).
/// One string per article, where lowering each capitalized word on its own made one
/// per word.
fn ascii_lowercase_all(sentences: &[Sentence]) -> String {
    let mut all = String::with_capacity(sentences.iter().map(|s| s.text.len()).sum());
    for s in sentences {
        all.push_str(&s.text);
    }
    all.make_ascii_lowercase();
    all
}

/// Bring `previous` up to date with the sentences read since: the main topic of the
/// latest of them that has one, as finding each in turn would have left it.
fn resolve_topic(previous: &mut Option<Topic>, unread: &mut Vec<Stashed>, dct: Option<NaiveDate>) {
    let latest = unread.drain(..).rev().find_map(|s| {
        main_topic(&SentenceCtx {
            text: s.text,
            words: s.words,
            timexes: &s.timexes,
            dct,
            // A main topic is read from the sentence's own words alone.
            previous_topic: None,
            heads: s.heads,
        })
    });
    if latest.is_some() {
        *previous = latest;
    }
}

/// What a sentence says of who, where and whose word: its places are read on first
/// use (the background may ask for them), all of it handed over at the end.
struct SentenceFacts<'a> {
    text: &'a str,
    places: OnceCell<Vec<String>>,
}

impl<'a> SentenceFacts<'a> {
    /// The facts of `text`, with its places when they were read already.
    fn new(text: &'a str, places: Option<Vec<String>>) -> Self {
        SentenceFacts {
            text,
            places: places.map_or_else(OnceCell::new, OnceCell::from),
        }
    }
    fn places(&self) -> &Vec<String> {
        self.places.get_or_init(|| places_by_clues(self.text))
    }
    /// The actors, places and source, handed over whole so that the last claim takes
    /// them without a copy.
    fn into_shared(self) -> (Vec<String>, Vec<String>, Option<String>) {
        let text = self.text;
        (
            actors(text),
            self.places.into_inner().unwrap_or_else(|| places(text)),
            attribution(text),
        )
    }
}

/// When the events an article has dated so far happen, by topic head: "these reunions"
/// in a later sentence refers back to them.
#[derive(Default)]
struct EventMemory {
    spans: BTreeMap<String, TimeRange>,
}

impl EventMemory {
    /// Remember the dates a sentence gives its events; a start date and a stated
    /// duration make a span ("for six days from 9 March").
    fn remember(&mut self, claims: &[Claim]) {
        for c in claims {
            let (ClaimKind::Date, Value::Time(t), false) = (c.kind, &c.value, c.identifying) else {
                continue;
            };
            let mut span = *t;
            let lasting = claims.iter().find_map(|d| match (&d.kind, &d.value) {
                (ClaimKind::Duration, Value::Amount(a)) if d.topic.head == c.topic.head => {
                    a.high.map(|h| (a.low + h) / 2.0)
                }
                _ => None,
            });
            if let (Aspect::Start, Some(days), Some(first)) = (c.topic.aspect, lasting, t.earliest)
            {
                span.latest = first.checked_add_days(Days::new(days.round().max(1.0) as u64 - 1));
            }
            self.spans.insert(c.topic.head.clone(), span);
        }
    }
}

/// "these festivals overlap with the start of the naval drills": the drills start
/// within the time the article gave the festivals.
fn coincidences(ctx: &SentenceCtx, events: &EventMemory) -> Vec<Claim> {
    static COINCIDE: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\bcoincid(?:e|es|ed|ing)\s+with\s+(?:the\s+)?(?P<edge>start|beginning|opening|end|close)\s+of\b")
            .expect("coincide pattern compiles")
    });
    let runs = crate::clues::of(ctx.text).all(COINCIDE_WORD);
    let Some(caps) = COINCIDE.captures_iter_if(runs, ctx.text).next() else {
        return Vec::new();
    };
    let (Some(whole), Some(edge)) = (caps.get(0), caps.name("edge")) else {
        return Vec::new();
    };
    let heads = event_heads(ctx);
    let at = ctx.word_at(whole.start());
    let after = ctx.word_at(whole.end());
    let subject = heads.iter().rev().find(|&&h| h < at);
    let object = heads.iter().find(|&&h| h >= after && h <= after + 8);
    let (Some(&subject), Some(&object)) = (subject, object) else {
        return Vec::new();
    };
    let subject_head = lexicon::fold(ctx.words[subject].text);
    let Some(span) = events.spans.get(&subject_head) else {
        return Vec::new();
    };
    let (a, b) = noun_phrase(ctx, object);
    let mut topic = topic_of(ctx, a, b, object);
    topic.aspect = if matches!(edge.as_str().to_lowercase().as_str(), "end" | "close") {
        Aspect::End
    } else {
        Aspect::Start
    };
    let mut c = blank_claim(
        ClaimKind::Date,
        Span::new(whole.start(), whole.end()),
        ctx.text,
        Value::Time(*span),
        time_display(span),
        topic,
    );
    c.derivation = Some(format!(
        "when the {} happen: {span}",
        ctx.words[subject].text
    ));
    vec![c]
}

/// "held at the hill town of Vanzo", "took place in Geneva": where an event
/// happened.
fn venues(ctx: &SentenceCtx) -> Vec<Claim> {
    static VENUE: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"\b(?:held|took\s+place|met|meet|meets|convened|reconvened|gathered|happened|occurred)\s+(?:\w+\s+){0,2}?(?:at|in)\s+(?:the\s+)?(?:(?:[a-z-]+\s+){0,3}?(?:village|town|city|capital|province|island|region|resort|venue|headquarters|port)\s+of\s+)?(?P<p>[A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)*)")
            .expect("venue pattern compiles")
    });
    let runs = crate::clues::of(ctx.text).all(VENUE_VERB);
    let mut out = Vec::new();
    for caps in VENUE.captures_iter_if(runs, ctx.text) {
        let Some(p) = caps.name("p") else { continue };
        let name = p.as_str();
        let first = name.split_whitespace().next().unwrap_or("");
        if lexicon::lookup(lexicon::MONTHS, first).is_some()
            || lexicon::lookup(lexicon::WEEKDAYS, first).is_some()
            || lexicon::is_stopword(first)
        {
            continue;
        }
        let wa = ctx.word_at(caps.get(0).map_or(0, |m| m.start()));
        let verb = ctx.lower(wa);
        let topic = if matches!(
            verb,
            "met" | "meet" | "meets" | "convened" | "reconvened" | "gathered"
        ) {
            Some(meeting_topic())
        } else {
            topic_near(ctx, wa, wa).map(|(t, _)| t)
        };
        let Some(topic) = topic else { continue };
        let mut c = blank_claim(
            ClaimKind::Place,
            Span::new(p.start(), p.end()),
            ctx.text,
            Value::Place(name.to_string()),
            name.to_string(),
            topic,
        );
        c.places = vec![name.to_string()];
        out.push(c);
    }
    out
}

/// Days before publication beyond which a dated sentence is about an earlier event.
const BACKGROUND_DAYS: u64 = 21;

/// The time of the earlier event a sentence is about, when it dates itself well before
/// publication ("A 5.8-strength quake killed more than 9,000 people in March
/// 2001"): its counts and durations belong to that event, not to the story's.
fn background_time(
    claims: &[Claim],
    timexes: &[Timex],
    dct: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let limit = dct?.checked_sub_days(Days::new(BACKGROUND_DAYS))?;
    let from_claims = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Date && !c.identifying)
        .filter_map(|c| match &c.value {
            Value::Time(r) => r.latest,
            _ => None,
        });
    // A dated sentence need not make a date claim ("In April, a gunman shot four
    // people at a depot"): its own dates count too.
    let from_timexes = timexes
        .iter()
        .filter(|t| t.ttype == TimexType::Date)
        .filter_map(|t| time_of(t).and_then(|r| r.latest));
    from_claims.chain(from_timexes).filter(|l| *l < limit).max()
}

/// True when a sentence names a month or a year without a day ("in September", "in
/// 2003"). In an article with no date, such a sentence is taken to be about an earlier
/// event: stories date their own news by weekday ("on Sunday"), background by month.
fn names_a_month_or_year(timexes: &[Timex]) -> bool {
    timexes.iter().any(|t| {
        t.ttype == TimexType::Date && {
            let v = t.value.as_bytes();
            let digits = |r: std::ops::Range<usize>| v[r].iter().all(u8::is_ascii_digit);
            match v.len() {
                4 => digits(0..4),
                7 => v[4] == b'-' && digits(5..7) && (digits(0..4) || &v[0..4] == b"XXXX"),
                _ => false,
            }
        }
    })
}

/// A line that says who posted the article and when ("By J. Smith, posted in Local
/// News on Friday, May 3, 2019"): about the page, not the story.
fn is_byline(sentence: &str) -> bool {
    // Matched without lower-casing the sentence: no character outside ASCII lowers to
    // these words (the Kelvin sign lowers to a "k", which none holds; "İ" to an "i"
    // and a combining dot).
    let b = sentence.as_bytes();
    let at = |i: usize, p: &str| {
        b.get(i..i + p.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
    };
    // Sought only where the sentence's clues hold "posted " (asked of every sentence
    // first, they serve its rules after), each initial found by `str::match_indices`.
    let posted = crate::clues::of(sentence).all(POSTED_WORD);
    debug_assert!(posted || !sentence.to_ascii_lowercase().contains("posted "));
    let posted_in = posted
        && ['p', 'P'].iter().any(|&initial| {
            sentence.match_indices(initial).any(|(i, _)| {
                at(i, "posted ") && ["in ", "on ", "by ", "at "].iter().any(|p| at(i + 7, p))
            })
        });
    posted_in
        || ["published", "updated", "last updated", "posted"]
            .iter()
            .any(|p| at(0, p))
}

/// True when a sentence opens with a pronoun that refers back to the previous one's
/// subject ("It killed 237 people", "They were …").
fn continues_previous(sentence: &str) -> bool {
    let first = sentence.split_whitespace().next().unwrap_or("");
    matches!(first, "It" | "They" | "Its" | "Their" | "This" | "That")
}

/// A word of a sentence with its byte range. Both forms borrow where they can (the
/// sentence, and its text in lower case): two strings allocated per word of every
/// sentence were a tenth of the extractor's time.
#[derive(Clone, Debug)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// `text` in lower case, made once: the rules compare words in lower case many
    /// times per sentence.
    lower: Cow<'a, str>,
}

/// The words of `text`; `lower` is `text` with its ASCII letters in lower case, so
/// that an ASCII word's lower-case form is borrowed from it.
fn tokenize<'a>(text: &'a str, lower: &'a str) -> Vec<Word<'a>> {
    let mut words = Vec::with_capacity(text.len() / 5);
    word_spans(text, |start, end| {
        let raw = &text[start..end];
        // Keep "U.S." whole but drop a sentence-final full stop and possessive 's.
        let t = raw.trim_end_matches('.');
        let t = t
            .strip_suffix("'s")
            .or_else(|| t.strip_suffix("’s"))
            .unwrap_or(t);
        words.push(Word {
            start,
            end: start + t.len(),
            text: t,
            lower: match t.is_ascii() {
                true => Cow::Borrowed(&lower[start..start + t.len()]),
                false => lexicon::lowercase(t),
            },
        });
    });
    words
}

/// The words of a sentence, as the pattern
/// `[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[,;:()“”"–—-]` finds them (a
/// letter or digit, then letters, digits, apostrophes, full stops and hyphens up to the
/// last letter or digit of the run; or one punctuation mark), each given to `each` as
/// its byte range. Scanned by hand rather than searched for: news text is rarely pure
/// ASCII (curly quotes, dashes), and a regex search per word with Unicode classes cost
/// more than the scan. Bytes are classed by a table; a character is decoded only where
/// a byte is not ASCII, since every sentence is read this way. Each word's range goes
/// straight to `each`: a list of ranges first cost a second pass and a copy.
fn word_spans(text: &str, mut each: impl FnMut(usize, usize)) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let (class, n) = char_class(text, i);
        match class {
            CharClass::Word => {
                let end = word_end(text, i + n);
                each(i, end);
                // The scan goes on right after the word: a trailing "." is skipped, a
                // trailing hyphen is a word of its own.
                i = end;
            }
            CharClass::Mark | CharClass::Hyphen => {
                each(i, i + n);
                i += n;
            }
            CharClass::Inner | CharClass::Other => i += n,
        }
    }
}

/// The end of the word whose first letter or digit ends at byte `k`: after its last
/// letter or digit before a character that is neither one nor inside a word. Runs of
/// ASCII letters and digits, most of a word, are skipped by a tight loop.
#[inline(always)]
fn word_end(text: &str, mut k: usize) -> usize {
    let b = text.as_bytes();
    let mut end = k;
    loop {
        let run = k;
        while k < b.len() && byte_is(b[k], ALNUM) {
            k += 1;
        }
        if k > run {
            end = k;
        }
        if k == b.len() {
            return end;
        }
        let (class, m) = char_class(text, k);
        match class {
            CharClass::Word => end = k + m,
            CharClass::Inner | CharClass::Hyphen => {}
            CharClass::Mark | CharClass::Other => return end,
        }
        k += m;
    }
}

/// What each byte is to the scanners of this module (bits of [`ALNUM`],
/// [`UNDERSCORE`], [`HYPHEN`]; none for a byte outside ASCII). They pass runs of
/// letters and digits, and a look-up costs half the range tests of
/// `u8::is_ascii_alphanumeric`. Read off [`ASCII_CLASSES`], so that the word scanner
/// and these scanners agree on what a letter or a hyphen is; 256 entries, so that no
/// test of the byte's range comes first.
const BYTE_BITS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match ASCII_CLASSES[b] {
            CharClass::Word => ALNUM,
            CharClass::Hyphen => HYPHEN,
            CharClass::Inner | CharClass::Mark | CharClass::Other if b == b'_' as usize => {
                UNDERSCORE
            }
            CharClass::Inner | CharClass::Mark | CharClass::Other => 0,
        };
        b += 1;
    }
    table
};
const ALNUM: u8 = 1;
const UNDERSCORE: u8 = 2;
const HYPHEN: u8 = 4;

/// Whether byte `b` is any of `bits` ([`BYTE_BITS`]).
#[inline(always)]
fn byte_is(b: u8, bits: u8) -> bool {
    BYTE_BITS[usize::from(b)] & bits != 0
}

/// What a character is to the word scanner.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CharClass {
    /// A letter or a digit (`\p{L}`, `\p{N}`).
    Word,
    /// Inside a word only: an apostrophe or a full stop.
    Inner,
    /// Inside a word, or else a word of its own.
    Hyphen,
    /// A punctuation mark that is a word of its own.
    Mark,
    Other,
}

/// The class of each ASCII byte.
const ASCII_CLASSES: [CharClass; 128] = {
    let mut table = [CharClass::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => CharClass::Word,
            b'\'' | b'.' => CharClass::Inner,
            b'-' => CharClass::Hyphen,
            b',' | b';' | b':' | b'(' | b')' | b'"' => CharClass::Mark,
            _ => CharClass::Other,
        };
        b += 1;
    }
    table
};

/// The class and length in bytes of the character at byte `i` of `text` (a char
/// boundary). Inlined: it is asked of every byte of every sentence.
#[inline(always)]
fn char_class(text: &str, i: usize) -> (CharClass, usize) {
    let b = text.as_bytes()[i];
    match b.is_ascii() {
        true => (ASCII_CLASSES[usize::from(b)], 1),
        false => wide_char_class(text, i),
    }
}

/// [`char_class`] of a character outside ASCII.
fn wide_char_class(text: &str, i: usize) -> (CharClass, usize) {
    let c = text[i..].chars().next().unwrap_or_default();
    let class = match c {
        '’' => CharClass::Inner,
        '“' | '”' | '–' | '—' => CharClass::Mark,
        c if is_letter_or_digit(c) => CharClass::Word,
        _ => CharClass::Other,
    };
    (class, c.len_utf8())
}

/// `\p{L}` or `\p{N}` for a character outside ASCII (a few per sentence at most): the
/// regex crate's Unicode tables answer.
fn is_letter_or_digit(c: char) -> bool {
    static LETTER_OR_DIGIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\A[\p{L}\p{N}]\z").expect("class pattern compiles"));
    LETTER_OR_DIGIT.is_match(c.encode_utf8(&mut [0; 4]))
}

/// A sentence as the rules read it. Its words have a lifetime of their own (`'w`, the
/// sentence's text), apart from what the context borrows for this sentence alone
/// (`'a`): the words are kept after it ([`Stashed`]) as they are.
struct SentenceCtx<'a, 'w> {
    text: &'a str,
    words: Vec<Word<'w>>,
    timexes: &'a [Timex],
    dct: Option<NaiveDate>,
    previous_topic: Option<&'a Topic>,
    /// The sentence's event heads ([`event_heads`]), found on first use: every value's
    /// topic search asks for them.
    heads: OnceCell<Vec<usize>>,
}

impl SentenceCtx<'_, '_> {
    /// Index of the first word starting at or after `at`, found by binary search:
    /// the words are in order.
    fn word_at(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.start < at)
    }
    /// Index one past the last word ending at or before `at`. Words never overlap and
    /// none is empty, so their ends rise strictly too and a binary search finds it.
    fn word_before(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.end <= at)
    }
    /// Word `i` in lower case ("" past the end).
    fn lower(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| &w.lower[..])
    }
    /// The lower-cased text before `at`, trimmed.
    fn before(&self, at: usize) -> String {
        self.text[..at].trim_end().to_lowercase()
    }
    fn after(&self, at: usize) -> String {
        self.text[at..].trim_start().to_lowercase()
    }
}

fn blank_claim(
    kind: ClaimKind,
    span: Span,
    text: &str,
    value: Value,
    display: String,
    topic: Topic,
) -> Claim {
    Claim {
        article: 0,
        sentence: 0,
        kind,
        mention: text[span.start..span.end].to_string(),
        span,
        value,
        display,
        topic,
        actors: Vec::new(),
        places: Vec::new(),
        anchor: None,
        historical: false,
        identifying: false,
        derivation: None,
        attributed_to: None,
        event: Event::default(),
    }
}

fn sentence_claims(ctx: &SentenceCtx) -> Vec<Claim> {
    let mut used = vec![false; ctx.timexes.len()];
    let mut claims = measures::measures(ctx);
    // The number rules' clues, asked once: each asking compares the sentence anew.
    let has = crate::clues::of(ctx.text);
    claims.extend(last_occurrences(ctx, &mut used));
    claims.extend(ranges(ctx, &mut used));
    claims.extend(offsets(ctx, &mut used));
    claims.extend(dates(ctx, &mut used));
    claims.extend(durations(ctx, &mut used));
    // A count is kept only where no measure ("2.5 million dollars") or earlier count
    // already reads the words; a toll without a noun comes last.
    let counted = record::convictions(ctx, has)
        .into_iter()
        .chain(ratios::ratios(ctx, has))
        .chain(compounds::compounds(ctx, has))
        .chain(counts(ctx, has));
    for c in counted.chain(tolls::tolls(ctx, has)) {
        let taken = claims
            .iter()
            .any(|o| o.span.start < c.span.end && c.span.start < o.span.end);
        if !taken {
            claims.push(c);
        }
    }
    let degrees = degrees(ctx, has);
    claims.extend(ordinals(ctx, has).into_iter().filter(|c| {
        !degrees
            .iter()
            .any(|d| d.span.start < c.span.end && c.span.start < d.span.end)
    }));
    claims.extend(degrees);
    claims.extend(directions::directions(ctx, has));
    claims.sort_by_key(|c| (c.span, c.kind));
    claims
}

// ---------------------------------------------------------------------------------
// Topics

/// Words that make a clause speak of a record or a first ("first since", "highest-ranking
/// talks in seven years").
fn is_record_word(w: &str) -> bool {
    const NOT_SUPERLATIVE: &[&str] = &[
        "test", "west", "protest", "interest", "request", "arrest", "suggest", "forest",
        "manifest", "honest", "modest", "contest", "guest", "nest", "rest", "chest", "quest",
        "digest", "harvest", "latest", "invest", "attest", "unrest", "behest", "detest", "earnest",
        "pest", "vest", "zest", "conquest", "inquest", "bequest", "tempest",
    ];
    lexicon::lowercase(w).split('-').any(|w| {
        matches!(
            w,
            "first" | "most" | "record" | "rare" | "biggest" | "largest"
        ) || w.ends_with("est") && w.len() > 5 && !NOT_SUPERLATIVE.contains(&w)
    })
}

/// Words that can stand inside a noun phrase before its head.
fn is_modifier(w: &Word) -> bool {
    let l = &w.lower[..];
    let flags = word_flags(l);
    if flags.stop || l.len() < 2 && !l.chars().all(|c| c.is_alphabetic()) {
        return false;
    }
    if matches!(l, "," | ";" | ":" | "(" | ")" | "“" | "”" | "\"") {
        return false;
    }
    !(flags.listed_verb || is_past_form(l))
}

/// What the word lists of the topic rules say of one word, read with one hashed
/// look-up: the rules ask it of most words they pass, and scanning the stop words
/// (a hundred) and irregular past forms (ninety) one by one cost more than the rules.
#[derive(Clone, Copy, Default)]
struct WordFlags {
    /// [`lexicon::is_stopword`].
    stop: bool,
    /// In [`lexicon::IRREGULAR_PAST`].
    irregular_past: bool,
    /// In [`VERBS`].
    listed_verb: bool,
}

/// The flags of `w` as written; `stop` as [`lexicon::is_stopword`] gives it, for the
/// word in lower case.
fn word_flags(w: &str) -> WordFlags {
    match lexicon::lowercase(w) {
        Cow::Borrowed(_) => listed(w),
        Cow::Owned(lower) => WordFlags {
            stop: listed(&lower).stop,
            ..listed(w)
        },
    }
}

/// The flags of `w` exactly as written.
fn listed(w: &str) -> WordFlags {
    static TABLE: LazyLock<(fnv::FnvHashMap<&'static str, WordFlags>, lexicon::Sketch)> =
        LazyLock::new(|| {
            let table = listed_table();
            let sketch = lexicon::Sketch::of(table.keys().copied());
            (table, sketch)
        });
    // Most words fail the sketch, for a few instructions instead of a hash. The table
    // is asked of words as written, which the sketch takes in any case.
    let (table, sketch) = &*TABLE;
    match sketch.may_hold(w) {
        true => table.get(w).copied().unwrap_or_default(),
        false => WordFlags::default(),
    }
}

/// The words [`listed`] knows, with their flags.
fn listed_table() -> fnv::FnvHashMap<&'static str, WordFlags> {
    let mut table = fnv::FnvHashMap::<&'static str, WordFlags>::default();
    for w in lexicon::STOPWORDS {
        table.entry(w).or_default().stop = true;
    }
    for w in lexicon::IRREGULAR_PAST {
        table.entry(w).or_default().irregular_past = true;
    }
    for w in VERBS {
        table.entry(w).or_default().listed_verb = true;
    }
    // The sketch turns words away by their lower-case form.
    debug_assert!(table.keys().all(|w| lexicon::lowercase(w) == *w));
    table
}

/// [`lexicon::is_stopword`], by hash.
fn is_stop(w: &str) -> bool {
    word_flags(w).stop
}

/// A regular past form: "-ed" but not "-eed" ("agreed" is listed, "proceed" is no
/// past form).
fn is_past_form(l: &str) -> bool {
    l.len() > 4 && l.ends_with("ed") && !l.ends_with("eed")
}

/// [`is_verbish`] or an irregular past form: a verb that ends a noun phrase or blocks
/// the way to an event noun.
fn is_verb(l: &str) -> bool {
    let flags = listed(l);
    flags.listed_verb || flags.irregular_past || is_past_form(l)
}

/// A rough test for verbs: past forms and a few auxiliaries, which end a noun phrase.
fn is_verbish(l: &str) -> bool {
    is_past_form(l) || listed(l).listed_verb
}

/// The verbs [`is_verbish`] knows beside regular past forms.
const VERBS: &[&str] = &[
    "held",
    "met",
    "said",
    "took",
    "made",
    "came",
    "went",
    "left",
    "led",
    "struck",
    "hit",
    "began",
    "told",
    "asked",
    "says",
    "say",
    "will",
    "would",
    "agreed",
    "planned",
    "scheduled",
    "set",
    "due",
    "expected",
    "followed",
    "took",
    "took",
    "welcomed",
    "meet",
    "begin",
    "start",
    "hold",
    "saw",
    "ended",
    "killed",
    "injured",
    "observed",
    "began",
];

fn is_clause_break(w: &Word) -> bool {
    matches!(
        w.text,
        "," | ";" | ":" | "(" | ")" | "“" | "”" | "\"" | "-" | "–" | "—"
    )
}

/// The event noun phrase whose head is word `h`: modifiers to the left, "of …" to the
/// right. Returns the word range.
fn noun_phrase(ctx: &SentenceCtx, h: usize) -> (usize, usize) {
    let mut a = h;
    while a > 0 && is_modifier(&ctx.words[a - 1]) && !in_timex(ctx, ctx.words[a - 1].start) {
        a -= 1;
    }
    let mut b = h + 1;
    if ctx.lower(b) == "of" {
        let mut k = b + 1;
        if matches!(ctx.lower(k), "the" | "a" | "an") {
            k += 1;
        }
        let start = k;
        while k < ctx.words.len()
            && k < start + 3
            && is_modifier(&ctx.words[k])
            && !in_timex(ctx, ctx.words[k].start)
        {
            k += 1;
        }
        if k > start {
            b = k;
        }
    }
    (a, b)
}

fn in_timex(ctx: &SentenceCtx, at: usize) -> bool {
    ctx.timexes
        .iter()
        .any(|t| t.span.start <= at && at < t.span.end)
}

/// Build a topic from words `a..b` with head `h`.
fn topic_of(ctx: &SentenceCtx, a: usize, b: usize, h: usize) -> Topic {
    let label = ctx.text[ctx.words[a].start..ctx.words[b - 1].end].to_string();
    let mut tokens = Vec::new();
    // A part right after a written number measures rather than names (see
    // `is_number_word`), unless it is the head.
    let mut after_number = false;
    for (i, w) in ctx.words[a..b].iter().enumerate() {
        for part in w.text.split('-') {
            let measure = after_number && a + i != h;
            after_number = is_number_word(part);
            if !measure && is_topic_word(part) {
                tokens.push(lexicon::fold(part));
            }
        }
    }
    tokens.sort();
    tokens.dedup();
    Topic {
        label,
        head: lexicon::fold(ctx.words[h].text),
        tokens,
        aspect: Aspect::Whole,
    }
}

/// True for a word that says what a topic is about: no stop word, number, ordinal or
/// word of recurrence ("annual", "last", "such").
fn is_topic_word(w: &str) -> bool {
    static ORDINALS: lexicon::Indexed<u32> = lexicon::Indexed::new(ORDINAL_WORDS);
    let lower = lexicon::lowercase(w);
    w.chars().any(|c| c.is_alphabetic())
        && !matches!(
            &*lower,
            "annual" | "such" | "similar" | "last" | "next" | "previous"
        )
        && !listed(&lower).stop
        && ORDINALS.get(w).is_none()
}

/// True for a written number ("6.7", "1,000"). The word glued to one measures the
/// thing rather than naming it ("a 6.7-strength quake", "a 6.7 degree quake", "a
/// 12-hour siege"), so it is kept out of topic words: two articles measuring one
/// quake two ways still speak of one quake.
fn is_number_word(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
}

/// Event heads in the sentence, as word indices (found once per sentence).
fn event_heads<'c>(ctx: &'c SentenceCtx) -> &'c [usize] {
    ctx.heads.get_or_init(|| find_event_heads(ctx))
}

fn find_event_heads(ctx: &SentenceCtx) -> Vec<usize> {
    (0..ctx.words.len())
        .filter(|&i| {
            let w = &ctx.words[i];
            lexicon::is_event_noun(&w.lower)
                && !in_timex(ctx, w.start)
                && !is_verb_use(ctx, i)
                && !modifies_next(ctx, i)
        })
        .collect()
}

/// "to test", "will strike", "they talk": an event word used as a verb.
fn is_verb_use(ctx: &SentenceCtx, i: usize) -> bool {
    i > 0
        && matches!(
            ctx.lower(i - 1),
            "to" | "will" | "would" | "they" | "we" | "can" | "could" | "may" | "might" | "not"
        )
}

/// "the truce village", "test site": an event word standing before the noun it
/// modifies is not the head of its phrase.
fn modifies_next(ctx: &SentenceCtx, i: usize) -> bool {
    let Some(next) = ctx.words.get(i + 1) else {
        return false;
    };
    // English compounds take a singular modifier ("truce village"); a plural is the
    // head of its phrase ("these festivals overlap").
    let this = &ctx.words[i].lower;
    if this.ends_with('s') && !this.ends_with("ss") && this != "talks" {
        return false;
    }
    let l = &next.lower[..];
    next.text.chars().next().is_some_and(char::is_lowercase)
        && next.text.chars().all(|c| c.is_alphabetic())
        && !in_timex(ctx, next.start)
        && !is_stop(l)
        && !is_verb(l)
        && !lexicon::is_event_noun(l)
        && !l.ends_with("ly")
        && !l.ends_with("ing")
}

/// What kind of claim a topic is sought for: records look right for their subject
/// ("It is the first time in nine years that a summit …").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seek {
    Time,
    Record,
}

/// The start of the segment (a run of words between clause breaks) that word `k`
/// ends or lies in: the word after the last break before `k`.
fn segment_start(ctx: &SentenceCtx, k: usize) -> usize {
    ctx.words[..k]
        .iter()
        .rposition(is_clause_break)
        .map_or(0, |b| b + 1)
}

/// A segment starting at word `start` that is an aside ("divided by …", "which …",
/// "Valdor's closest ally"): its nouns are not what the rest of the sentence is about.
fn is_aside(ctx: &SentenceCtx, start: usize) -> bool {
    let first = ctx.lower(start);
    matches!(
        first,
        "which" | "who" | "whose" | "where" | "when" | "including" | "whom" | "they" | "he" | "she"
    ) || first.len() > 4 && first.ends_with("ed")
        || start > 0 && listed(first).irregular_past
}

/// The nearest event head left of word `wa`: this segment first, then earlier
/// segments that are not asides.
/// What the search for an event noun left of a time found.
enum Left {
    Found(usize),
    /// A verb of another event stands between: the time is that verb's (its word
    /// index, when the way was blocked by a verb rather than by distance).
    Blocked(Option<usize>),
    NotFound,
}

fn head_left(ctx: &SentenceCtx, heads: &[usize], wa: usize) -> Left {
    // The segments are walked from the one holding `wa` back to the first, each found
    // from the clause break that ends it.
    let (mut a, mut end) = (segment_start(ctx, wa), wa);
    let mut here = true;
    let mut searched = 0;
    loop {
        if here || !is_aside(ctx, a) {
            for k in (a..end).rev() {
                if heads.contains(&k) {
                    return if !here || wa - k <= 14 {
                        Left::Found(k)
                    } else {
                        Left::Blocked(None)
                    };
                }
                // "the clerk who was dismissed … on Thursday": a verb between the
                // event noun and the time takes the time for its own event.
                let l = ctx.lower(k);
                if is_verb(l) && !is_support_verb(l) {
                    return Left::Blocked(Some(k));
                }
            }
            searched += 1;
            if searched > 2 {
                break;
            }
        }
        if a == 0 {
            break;
        }
        end = a - 1;
        a = segment_start(ctx, end);
        here = false;
    }
    Left::NotFound
}

/// Verbs whose subject is the event itself, so a time after them dates that event:
/// "manoeuvres set for next week", "festivals planned for this spring", "the tremor
/// struck on Friday".
fn is_support_verb(l: &str) -> bool {
    matches!(
        l,
        "set"
            | "due"
            | "scheduled"
            | "planned"
            | "expected"
            | "held"
            | "took"
            | "place"
            | "began"
            | "started"
            | "ended"
            | "happened"
            | "occurred"
            | "struck"
            | "hit"
            | "was"
            | "were"
            | "be"
            | "been"
            | "is"
            | "are"
            | "followed"
            | "slated"
            | "postponed"
            | "delayed"
            | "opened"
            | "closed"
            | "resumed"
            | "continued"
            | "jolted"
            | "shook"
            | "rocked"
            | "erupted"
            | "broke"
            | "reconvened"
            | "convened"
            | "will"
            | "would"
            | "has"
            | "have"
            | "had"
            | "being"
            | "begin"
            | "start"
            | "hold"
            | "meet"
            | "end"
            | "resume"
            | "take"
            | "occur"
            | "happen"
            | "come"
            | "came"
    )
}

/// The nearest event head right of word `wb`, before the clause's verb or break.
fn head_right(ctx: &SentenceCtx, heads: &[usize], wb: usize, seek: Seek) -> Option<usize> {
    let mut k = wb;
    while k < ctx.words.len() && k < wb + 14 {
        let l = ctx.lower(k);
        if heads.contains(&k) {
            return Some(k);
        }
        let stop = match seek {
            Seek::Time => is_clause_break(&ctx.words[k]) || is_verb(l),
            Seek::Record => false,
        };
        if stop {
            return None;
        }
        k += 1;
    }
    None
}

/// The phrase around head `h`, widened to a first event noun it hangs from ("a break in
/// missile launches" → "break").
fn phrase_topic(ctx: &SentenceCtx, heads: &[usize], k: usize) -> Topic {
    let (mut a, mut b) = noun_phrase(ctx, k);
    let mut h = k;
    if a >= 2 && matches!(ctx.lower(a - 1), "in" | "of" | "on" | "for") && heads.contains(&(a - 2))
    {
        h = a - 2;
        (a, _) = noun_phrase(ctx, h);
        b = b.max(h + 1);
    }
    topic_of(ctx, a, b, h)
}

/// The topic a value at word range `wa..wb` is about, and whether the value stands
/// before its noun as a modifier ("Wednesday's talks").
fn topic_near(ctx: &SentenceCtx, wa: usize, wb: usize) -> Option<(Topic, bool)> {
    topic_for(ctx, wa, wb, Seek::Time)
}

fn topic_for(ctx: &SentenceCtx, wa: usize, wb: usize, seek: Seek) -> Option<(Topic, bool)> {
    let heads = event_heads(ctx);
    // A value right before an event noun modifies it: "Tuesday's talks", "the
    // 1961-64 Border War", "last year's manoeuvres".
    if let Some(&h) = heads.iter().find(|&&h| h >= wb && h <= wb + 3)
        && (wb..h).all(|k| is_modifier(&ctx.words[k]))
    {
        let (a, b) = noun_phrase(ctx, h);
        return Some((topic_of(ctx, a.max(wb), b, h), true));
    }
    match head_left(ctx, heads, wa) {
        // "was charged with arson on Friday": the noun is the verb's object, and the
        // time the verb's.
        Left::Found(h)
            if seek == Seek::Time
                && h >= 2
                && ctx.lower(h - 1) == "with"
                && is_verbish(ctx.lower(h - 2)) =>
        {
            return verb_topic(ctx, h - 2).or_else(|| Some((phrase_topic(ctx, heads, h), false)));
        }
        Left::Found(h) => return Some((phrase_topic(ctx, heads, h), false)),
        Left::Blocked(verb) if seek == Seek::Time => {
            let incident = subject_incident(ctx, heads, wa)
                .filter(|_| verb.is_none_or(|v| !person_clause_before(ctx, v)));
            return incident.or_else(|| verb_topic(ctx, verb?));
        }
        Left::Blocked(_) => return None,
        Left::NotFound => {}
    }
    if seek == Seek::Record
        && let Some(h) = head_right(ctx, heads, wb, seek)
    {
        return Some((phrase_topic(ctx, heads, h), false));
    }
    // A pronoun subject stands for the previous sentence's event.
    let subject_pronoun = (0..wa.min(ctx.words.len())).any(|i| is_referring_pronoun(&ctx.words, i));
    if subject_pronoun && let Some(t) = ctx.previous_topic {
        return Some((t.clone(), false));
    }
    if let Some(h) = head_right(ctx, heads, wb, seek) {
        return Some((phrase_topic(ctx, heads, h), false));
    }
    // A meeting verb names the event itself ("the delegates met … on Wednesday").
    (0..wa).rev().find_map(|i| {
        let l = ctx.lower(i);
        matches!(l, "met" | "meet" | "meets").then(|| (meeting_topic(), false))
    })
}

/// When the way left to a time is blocked by a verb ("An earthquake … shook northern
/// Chile on Sunday"), the time still dates the incident the sentence is about, if its
/// subject names one (earthquake, shooting, blast, fire …).
fn subject_incident(ctx: &SentenceCtx, heads: &[usize], wa: usize) -> Option<(Topic, bool)> {
    let h = heads
        .iter()
        .copied()
        .filter(|&h| h < wa)
        .find(|&h| lexicon::incident(ctx.lower(h)).is_some())?;
    Some((phrase_topic(ctx, heads, h), false))
}

/// True when the verb at word `v` opens a relative clause about a person ("the
/// gunman, a clerk who was fired on Thursday"): its time dates what happened to that
/// person, not the incident the sentence is about.
fn person_clause_before(ctx: &SentenceCtx, v: usize) -> bool {
    (v.saturating_sub(3)..v).any(|k| matches!(ctx.lower(k), "who" | "whom"))
}

/// Verbs that report rather than happen: "police said Tuesday" dates the saying.
fn is_reporting_verb(l: &str) -> bool {
    matches!(
        l,
        "said"
            | "told"
            | "reported"
            | "added"
            | "stated"
            | "noted"
            | "explained"
            | "declined"
            | "refused"
            | "confirmed"
            | "according"
            | "quoted"
            | "cited"
            | "posted"
            | "updated"
            | "published"
            | "wrote"
            | "asked"
            | "called"
            | "named"
            | "identified"
    )
}

/// The event a verb names, when the time right after it dates that verb ("was
/// charged Saturday", "bought the shotgun on Friday"): the verb is the topic.
fn verb_topic(ctx: &SentenceCtx, k: usize) -> Option<(Topic, bool)> {
    let l = ctx.lower(k);
    if is_reporting_verb(l) || !l.chars().all(|c| c.is_alphabetic()) {
        return None;
    }
    let head = lexicon::fold(l);
    Some((
        Topic {
            label: ctx.words[k].text.to_string(),
            tokens: vec![head.clone()],
            head,
            aspect: Aspect::Whole,
        },
        false,
    ))
}

/// The topic a meeting verb stands for: the talks themselves.
fn meeting_topic() -> Topic {
    Topic {
        label: "talks".to_string(),
        head: lexicon::fold("talks"),
        tokens: vec![lexicon::fold("talks")],
        aspect: Aspect::Whole,
    }
}

/// The event the sentence is mainly about, for the next sentence's pronouns.
fn main_topic(ctx: &SentenceCtx) -> Option<Topic> {
    let h = *event_heads(ctx).first()?;
    let (a, b) = noun_phrase(ctx, h);
    Some(topic_of(ctx, a, b, h))
}

/// The aspect of an event a time at word `wa` speaks of: "begin on", "from" → start.
fn aspect_at(ctx: &SentenceCtx, start: usize) -> Aspect {
    let before = last_words_lower(ctx.text, start, 3);
    let last: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let has = |ws: &[&str]| last.iter().any(|w| ws.contains(w));
    if last.first().is_some_and(|w| *w == "from")
        || has(&[
            "begin", "start", "starts", "begins", "began", "started", "opens", "open", "launch",
        ])
    {
        Aspect::Start
    } else if last.first().is_some_and(|w| matches!(*w, "until" | "till"))
        || has(&["end", "ends", "ended", "finish", "close"])
    {
        Aspect::End
    } else {
        Aspect::Whole
    }
}

/// The last `n` words of the text before `at` in lower case, with the spaces between
/// them: the end of [`SentenceCtx::before`], which is all that the rules reading the
/// words right before a time look at. Lower-casing the start of the sentence again
/// for every time would cost more than the rules; words never gain or lose spaces in
/// lower case, so the words and the string's end are the same. Borrowed when the words
/// are in lower case already.
fn last_words_lower(text: &str, at: usize, n: usize) -> Cow<'_, str> {
    let head = text[..at].trim_end();
    let mut words = 0;
    let mut in_word = false;
    let mut start = 0;
    for (i, c) in head.char_indices().rev() {
        if !c.is_whitespace() {
            in_word = true;
        } else if in_word {
            in_word = false;
            words += 1;
            if words == n {
                start = i + c.len_utf8();
                break;
            }
        }
    }
    lexicon::lowercase(&head[start..])
}

/// The word right before `at` in lower case ("since", "between").
fn word_before_lower(text: &str, at: usize) -> Cow<'_, str> {
    last_words_lower(text, at, 1)
}

#[cfg(test)]
mod byte_bits_tests {
    use super::*;

    /// The byte table read off the word scanner's classes says what its doc says:
    /// ASCII letters and digits, the underscore, the hyphen, and nothing else.
    #[test]
    fn byte_bits_are_letters_digits_underscore_and_hyphen() {
        for b in 0..=u8::MAX {
            assert_eq!(byte_is(b, ALNUM), b.is_ascii_alphanumeric(), "{b}");
            assert_eq!(byte_is(b, UNDERSCORE), b == b'_', "{b}");
            assert_eq!(byte_is(b, HYPHEN), b == b'-', "{b}");
        }
    }
}

#[cfg(test)]
mod last_words_tests {
    use super::last_words_lower;

    proptest::proptest! {
        /// The last words are those of the whole start of the text lower-cased, as
        /// `SentenceCtx::before` gives it, and end as it does: in any script, with
        /// letters that change length or by context in lower case (İ, K, Σ).
        #[test]
        fn last_words_end_the_lower_cased_start(
            text in "(\\PC|\\s| |Σ|İ|\u{212A}|ſ|THE|End| of| the|just|After){0,30}",
            n in 1usize..5,
            cut in 0usize..400,
        ) {
            let at = (0..=cut.min(text.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let whole = text[..at].trim_end().to_lowercase();
            let last = last_words_lower(&text, at, n);
            proptest::prop_assert!(whole.ends_with(&*last));
            let words = |s: &str| s.split_whitespace().rev().take(n).map(str::to_string).collect::<Vec<_>>();
            proptest::prop_assert_eq!(words(&whole), words(&last));
            for pattern in ["the end of the", "the end of", "just after", "after", "of"] {
                if pattern.split(' ').count() <= n {
                    proptest::prop_assert_eq!(whole.ends_with(pattern), last.ends_with(pattern));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Time claims

fn time_of(t: &Timex) -> Option<TimeRange> {
    match &t.reading {
        Reading::Time(r) if t.ttype != TimexType::Duration => Some(*r),
        _ => None,
    }
}

fn duration_of(t: &Timex) -> Option<&Amount> {
    match &t.reading {
        Reading::Duration(a) => Some(a),
        _ => None,
    }
}

fn time_display(r: &TimeRange) -> String {
    r.to_string()
}

/// "first since 2009", "highest-ranking talks in seven years", "the last such festivals
/// took place in 2009".
fn last_occurrences(ctx: &SentenceCtx, used: &mut [bool]) -> Vec<Claim> {
    let mut out = Vec::new();
    let record_at = |limit: usize| {
        ctx.words
            .iter()
            .take_while(|w| w.end <= limit)
            .any(|w| is_record_word(w.text))
    };
    for (i, t) in ctx.timexes.iter().enumerate() {
        let prev = word_before_lower(ctx.text, t.span.start);
        let prev = &*prev;
        let wa = ctx.word_at(t.span.start);
        let wb = ctx.word_before(t.span.end);
        let (value, mention_start) = if prev == "since" {
            // "the first … since 2009", "the highest-ranking meeting … since 2005".
            match time_of(t) {
                Some(r) if record_at(t.span.start) => (r, before_word_start(ctx, t.span.start)),
                _ => continue,
            }
        } else if prev == "in" && t.ttype == TimexType::Duration {
            // "talks in seven years", "the first time in more than nine years": the
            // previous one was that long ago.
            let (Some(d), Some(dct)) = (duration_of(t), ctx.dct) else {
                continue;
            };
            if !record_at(t.span.start) {
                continue;
            }
            let Some(r) = ago_range(dct, d) else { continue };
            (r, before_word_start(ctx, t.span.start))
        } else if is_last_took_place(ctx, t.span.start) {
            match time_of(t) {
                Some(r) => (r, t.span.start),
                None => continue,
            }
        } else {
            continue;
        };
        let Some((topic, _)) = topic_for(ctx, wa, wb, Seek::Record) else {
            continue;
        };
        used[i] = true;
        let span = Span::new(mention_start, t.span.end);
        out.push(blank_claim(
            ClaimKind::LastOccurrence,
            span,
            ctx.text,
            Value::Time(value),
            time_display(&value),
            topic,
        ));
    }
    out
}

/// The start of the word before `at` ("since", "in"), to include it in the mention.
fn before_word_start(ctx: &SentenceCtx, at: usize) -> usize {
    let k = ctx.word_before(at);
    if k > 0 { ctx.words[k - 1].start } else { at }
}

/// Clue bit of [`is_last_took_place`]: "last", which its every match holds.
const LAST_WORD: u64 = 1 << 43;

/// "the last such festivals took place in", "was last held in". Asked before most
/// times; the sentence's clues (found anyway) tell whether it holds "last" at all.
fn is_last_took_place(ctx: &SentenceCtx, at: usize) -> bool {
    static LAST: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:the\s+last\b[^,.;]{0,60}?\b(?:took\s+place|was\s+held|were\s+held|happened|occurred|came|was|were)|(?:was|were)\s+last\s+(?:held|seen|staged|reported))\s+(?:in|on|back\s+in)\s*$")
            .expect("last-occurrence pattern compiles")
    });
    let before = &ctx.text[..at];
    let runs = crate::clues::of(ctx.text).all(LAST_WORD);
    debug_assert!(runs || !LAST.is_match(before), "{before:?}");
    runs && LAST.is_match(before)
}

/// The interval when something last happened, given how long ago it was.
fn ago_range(dct: NaiveDate, d: &Amount) -> Option<TimeRange> {
    let latest = dct.checked_sub_days(Days::new(d.low.max(0.0).ceil() as u64))?;
    let earliest = match d.high {
        Some(h) => Some(dct.checked_sub_days(Days::new(h.floor() as u64))?),
        None => None,
    };
    Some(TimeRange {
        earliest,
        latest: Some(latest),
        granularity: Granularity::Month,
    })
}

/// "between August 2 and October 19", "from 2011 to 2012".
fn ranges(ctx: &SentenceCtx, used: &mut [bool]) -> Vec<Claim> {
    let mut out = Vec::new();
    for i in 0..ctx.timexes.len().saturating_sub(1) {
        let (a, b) = (&ctx.timexes[i], &ctx.timexes[i + 1]);
        if used[i] || used[i + 1] {
            continue;
        }
        let (Some(ra), Some(rb)) = (time_of(a), time_of(b)) else {
            continue;
        };
        let gap = ctx.text[a.span.end..b.span.start].trim().to_lowercase();
        let opener = word_before_lower(ctx.text, a.span.start);
        let opener = &*opener;
        let joined = (opener == "between" && gap == "and")
            || (opener == "from" && matches!(gap.as_str(), "to" | "until" | "till" | "through"))
            || matches!(gap.as_str(), "-" | "–" | "to");
        if !joined || ra.earliest > rb.latest {
            continue;
        }
        let value = TimeRange {
            earliest: ra.earliest,
            latest: rb.latest,
            granularity: ra.granularity.min(rb.granularity),
        };
        let wa = ctx.word_at(a.span.start);
        let wb = ctx.word_before(b.span.end);
        let start = before_word_start(ctx, a.span.start);
        let Some((topic, _)) = topic_near(ctx, wa.saturating_sub(1), wb) else {
            continue;
        };
        used[i] = true;
        used[i + 1] = true;
        out.push(blank_claim(
            ClaimKind::Date,
            Span::new(start, b.span.end),
            ctx.text,
            Value::Time(value),
            time_display(&value),
            topic,
        ));
    }
    out
}

/// "three days before the manoeuvres begin", "a day after the talks": the other event is
/// dated from the sentence's own date (or, in the present tense, the publication date).
fn offsets(ctx: &SentenceCtx, used: &mut [bool]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (i, t) in ctx.timexes.iter().enumerate() {
        if used[i] || t.ttype != TimexType::Duration {
            continue;
        }
        let next = ctx.after(t.span.end);
        let forward = if next.starts_with("before ") {
            true
        } else if next.starts_with("after ") {
            false
        } else {
            continue;
        };
        let Some(days) = exact_days(t) else { continue };
        let base = ctx.timexes[..i]
            .iter()
            .rev()
            .find_map(|p| {
                time_of(p)
                    .and_then(|r| r.as_day())
                    .map(|d| (d, p.text.clone()))
            })
            .or_else(|| {
                present_tense(ctx, t.span.start)
                    .then_some(())
                    .and(ctx.dct)
                    .map(|d| (d, "the publication date".to_string()))
            });
        let Some((base, base_text)) = base else {
            continue;
        };
        let date = if forward {
            base.checked_add_days(Days::new(days))
        } else {
            base.checked_sub_days(Days::new(days))
        };
        let Some(date) = date else { continue };
        // The other event is the first event noun after "before"/"after".
        let wb = ctx.word_before(t.span.end);
        let heads = event_heads(ctx);
        let Some(&h) = heads.iter().find(|&&h| h > wb && h <= wb + 10) else {
            continue;
        };
        let (a, b) = noun_phrase(ctx, h);
        let mut topic = topic_of(ctx, a, b, h);
        let tail = ctx.lower(b);
        topic.aspect = if matches!(
            tail,
            "begin" | "begins" | "start" | "starts" | "open" | "opens"
        ) {
            Aspect::Start
        } else if matches!(tail, "end" | "ends" | "finish" | "finishes") {
            Aspect::End
        } else {
            Aspect::Whole
        };
        used[i] = true;
        let value = TimeRange::day(date);
        let mention_end = ctx.words[wb].end;
        let mut c = blank_claim(
            ClaimKind::Date,
            Span::new(t.span.start, mention_end),
            ctx.text,
            Value::Time(value),
            time_display(&value),
            topic,
        );
        c.derivation = Some(format!(
            "{base_text} {} {}",
            if forward { "+" } else { "−" },
            t.text
        ));
        out.push(c);
    }
    out
}

fn present_tense(ctx: &SentenceCtx, at: usize) -> bool {
    crate::timex::normalize::tense(ctx.text, at, at) == crate::timex::normalize::Tense::Present
}

/// Whole days of an exactly stated duration of days or weeks.
fn exact_days(t: &Timex) -> Option<u64> {
    let v = t.value.strip_prefix('P')?;
    let (n, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: u64 = n.parse().ok()?;
    match unit {
        "D" => Some(n),
        "W" => Some(n * 7),
        _ => None,
    }
}

/// Plain dates: "on 9 March", "in 1964", "later this month", "Tuesday's talks".
fn dates(ctx: &SentenceCtx, used: &mut [bool]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (i, t) in ctx.timexes.iter().enumerate() {
        if used[i] {
            continue;
        }
        let Some(mut value) = time_of(t) else {
            // Without a date, a weekday or a clock time is still a claim.
            let (wa, wb) = (ctx.word_at(t.span.start), ctx.word_before(t.span.end));
            let clock = || {
                let (topic, _) = topic_near(ctx, wa, wb)?;
                clock_claim(ctx, t, &topic)
            };
            if let Some(c) = undated_weekday(ctx, t).or_else(clock) {
                used[i] = true;
                out.push(c);
            }
            continue;
        };
        let wa = ctx.word_at(t.span.start);
        let wb = ctx.word_before(t.span.end);
        // "at the end of the 1961-64 Border War": also a claim that the event before the
        // phrase happened at the range's end.
        let before = last_words_lower(ctx.text, t.span.start, 4);
        let edge = if before.ends_with("the end of the") || before.ends_with("the end of") {
            Some(Aspect::End)
        } else if before.ends_with("the start of the") || before.ends_with("the beginning of the") {
            Some(Aspect::Start)
        } else {
            None
        };
        // A time opening the sentence dates the clause after it ("In May 2010, two
        // men looted …"); hung on a verb alone it never contradicts.
        let (found, on_verb) = match time_topic(ctx, t, wa, wb) {
            Some(found) => (found, false),
            None => match opening::opening_topic(ctx, t) {
                Some((topic, anchor)) => ((topic, false), anchor == opening::Anchor::Verb),
                None => continue,
            },
        };
        let (mut topic, premodifier) = found;
        if let Some(edge) = edge {
            out.extend(edge_claim(ctx, t, value, edge));
        }
        // A time before its noun ("the 1961-64 Border War") dates the whole event.
        topic.aspect = if premodifier {
            Aspect::Whole
        } else {
            aspect_at(ctx, t.span.start)
        };
        let identifying = premodifier && value.granularity >= Granularity::Year
            || follows_noun_directly(ctx, wa)
                && is_relative(t)
                && value.granularity >= Granularity::Year;
        if t.ttype == TimexType::Time {
            out.extend(clock_claim(ctx, t, &topic));
            if let Some(d) = value.earliest {
                value = TimeRange::day(d);
            }
        }
        used[i] = true;
        let mut c = blank_claim(
            ClaimKind::Date,
            t.span,
            ctx.text,
            Value::Time(value),
            time_display(&value),
            topic,
        );
        c.identifying = identifying || on_verb;
        c.historical = ctx
            .dct
            .zip(value.latest)
            .is_some_and(|(d, l)| l.year() + 2 <= d.year());
        out.push(c);
    }
    out
}

/// The clock time a TIME expression states ("XXXX-XX-XXT16:00", "…T13:36Z"), widened
/// by the words before it: "about 4 p.m." is 15:45–16:15, "just after 6 p.m." is
/// 18:00–18:20, "before 10 a.m." the hour before.
fn clock_claim(ctx: &SentenceCtx, t: &Timex, topic: &Topic) -> Option<Claim> {
    let (_, clock) = t.value.split_once('T')?;
    let utc = clock.ends_with('Z');
    let hh: u32 = clock.get(0..2)?.parse().ok()?;
    let mm: u32 = clock.get(3..5)?.parse().ok()?;
    if clock.get(2..3)? != ":" || hh > 23 || mm > 59 {
        return None;
    }
    let at = hh * 60 + mm;
    let before = last_words_lower(ctx.text, t.span.start, 2);
    let (low, high) = if before.ends_with("just after") || before.ends_with("shortly after") {
        (at, at + 20)
    } else if before.ends_with("just before") || before.ends_with("shortly before") {
        (at.saturating_sub(20), at)
    } else if before.ends_with("after") {
        (at, at + 60)
    } else if before.ends_with("before") {
        (at.saturating_sub(60), at)
    } else if [
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "nearly",
        "almost",
    ]
    .iter()
    .any(|q| before.ends_with(q))
    {
        (at.saturating_sub(15), at + 15)
    } else {
        (at, at)
    };
    let high = high.min(24 * 60 - 1);
    let show = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
    let zone = if utc { " GMT" } else { "" };
    let display = if low == high {
        format!("{}{zone}", show(low))
    } else {
        format!("{}–{}{zone}", show(low), show(high))
    };
    Some(blank_claim(
        ClaimKind::Clock,
        t.span,
        ctx.text,
        Value::Clock { low, high, utc },
        display,
        topic.clone(),
    ))
}

/// "on Sunday" in an article whose date is unknown: the weekday itself is the claim.
fn undated_weekday(ctx: &SentenceCtx, t: &Timex) -> Option<Claim> {
    if ctx.dct.is_some() || t.ttype != TimexType::Date {
        return None;
    }
    let day: u32 = t.value.strip_prefix("XXXX-WXX-")?.parse().ok()?;
    // The lexicon counts from Monday = 0, ISO weeks from Monday = 1.
    let (lower, _) = lexicon::WEEKDAYS.iter().find(|(_, d)| d + 1 == day)?;
    let name: String = lower
        .chars()
        .enumerate()
        .map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c })
        .collect();
    let (wa, wb) = (ctx.word_at(t.span.start), ctx.word_before(t.span.end));
    let (mut topic, _) = time_topic(ctx, t, wa, wb)?;
    topic.aspect = aspect_at(ctx, t.span.start);
    // Two different weekdays are never aligned (see `align`): without a date they may
    // be two days of one story (the attack on Friday, the vigil on Monday).
    Some(blank_claim(
        ClaimKind::Date,
        t.span,
        ctx.text,
        Value::Weekday(day),
        name,
        topic,
    ))
}

/// The topic a date or weekday at words `wa..wb` is about: a step of a legal case
/// or a job it follows closely ("was charged Friday", "filed charges Friday": see
/// [`legal`]), else the event noun or verb near it.
fn time_topic(ctx: &SentenceCtx, t: &Timex, wa: usize, wb: usize) -> Option<(Topic, bool)> {
    legal::step_topic(ctx, t)
        .map(|topic| (topic, false))
        .or_else(|| topic_near(ctx, wa, wb))
}

fn is_relative(t: &Timex) -> bool {
    let l = t.text.to_lowercase();
    l.starts_with("last") || l.starts_with("next") || l.starts_with("this")
}

/// Clock times no event noun claims ("she was struck just after 7 p.m."): in a story
/// about one incident, a bare time of day is the incident's, so it takes the
/// incident's type as its topic. Clock times are only grouped when they agree
/// (see `align`), so a time that is really another event's can join no contradiction.
fn incident_clocks(ctx: &SentenceCtx, found: &[Claim], story: &Event) -> Vec<Claim> {
    let Some(kind) = story.kind else {
        return Vec::new();
    };
    ctx.timexes
        .iter()
        .filter(|t| t.ttype == TimexType::Time)
        .filter(|t| {
            !found
                .iter()
                .any(|c| c.span.start < t.span.end && t.span.start < c.span.end)
        })
        .filter_map(|t| {
            let head = lexicon::fold(kind);
            let topic = Topic {
                label: kind.to_string(),
                tokens: vec![head.clone()],
                head,
                aspect: aspect_at(ctx, t.span.start),
            };
            clock_claim(ctx, t, &topic)
        })
        .collect()
}

/// In a story about one incident, the one day a sentence reporting its dead gives
/// ("three people were killed when protesters threw petrol bombs … on Wednesday") is
/// the incident's day, whatever verb it hangs on: it takes the incident's type as its
/// topic, so that articles that tell the deaths with different verbs align. A sentence
/// with two dates, a date of more than a day, or a day told before the dead may speak
/// of other events: left alone.
fn date_casualty_day(found: &mut [Claim], story: &Event) {
    let Some(kind) = story.kind else {
        return;
    };
    let dead_at = found
        .iter()
        .filter(|c| c.kind == ClaimKind::Count && c.topic.label.ends_with("(killed)"))
        .map(|c| c.span.start)
        .min();
    let mut dates = found.iter_mut().filter(|c| c.kind == ClaimKind::Date);
    let (Some(c), None) = (dates.next(), dates.next()) else {
        return;
    };
    // The dead told before the day: "… as the toll rose to 10" after "on Monday"
    // reports a later day's news of them.
    let reports_dead = dead_at.is_some_and(|d| d < c.span.start);
    let one_day = matches!(&c.value, Value::Time(r) if single_day(r).is_some());
    if !reports_dead
        || !one_day
        || c.historical
        || is_reporting_verb(&c.topic.label.to_lowercase())
        || legal::is_step(&c.topic)
    {
        return;
    }
    let head = lexicon::fold(kind);
    c.topic = Topic {
        label: kind.to_string(),
        tokens: vec![head.clone()],
        head,
        aspect: c.topic.aspect,
    };
}

/// "the manoeuvres last year": a relative time right after a noun names which one.
fn follows_noun_directly(ctx: &SentenceCtx, wa: usize) -> bool {
    wa > 0 && event_heads(ctx).contains(&(wa - 1))
}

/// The claim that the event named before "at the end of the <range> …" happened at the
/// range's end.
fn edge_claim(ctx: &SentenceCtx, t: &Timex, value: TimeRange, edge: Aspect) -> Option<Claim> {
    let phrase_start = ctx.text[..t.span.start]
        .to_lowercase()
        .rfind(" the end of")
        .or_else(|| {
            ctx.text[..t.span.start]
                .to_lowercase()
                .rfind(" the start of")
        })
        .or_else(|| {
            ctx.text[..t.span.start]
                .to_lowercase()
                .rfind(" the beginning of")
        })?
        + 1;
    let at_word = ctx.word_at(phrase_start);
    let heads = event_heads(ctx);
    let h = *heads
        .iter()
        .rev()
        .find(|&&h| h < at_word && at_word - h <= 10)?;
    let (a, b) = noun_phrase(ctx, h);
    let topic = topic_of(ctx, a, b, h);
    let (y0, y1) = (value.earliest?.year(), value.latest?.year());
    let year = if edge == Aspect::End { y1 } else { y0 };
    let (s, e) = crate::timex::normalize::year_bounds(year);
    let narrowed = TimeRange::between(s, e, Granularity::Year);
    let mut c = blank_claim(
        ClaimKind::Date,
        Span::new(phrase_start, t.span.end),
        ctx.text,
        Value::Time(narrowed),
        time_display(&narrowed),
        topic,
    );
    c.derivation = Some(format!(
        "the {} of {}",
        if edge == Aspect::End { "end" } else { "start" },
        t.value
    ));
    Some(c)
}

/// A duration states how long something lasted only after "for", "lasted" and the like,
/// or as an adjective ("a six-week pause", "a 45-minute meeting", "three hours of
/// talks"); "a day before", "25 years ago" are not lengths of events.
fn licensed_duration(ctx: &SentenceCtx, t: &Timex) -> bool {
    let before = ctx.before(t.span.start);
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    let after = ctx.after(t.span.end);
    let next = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if matches!(
        next,
        "before" | "after" | "later" | "earlier" | "ago" | "since"
    ) {
        return false;
    }
    let adjective = t.text.contains('-')
        && ctx.text[t.span.end..]
            .chars()
            .next()
            .is_some_and(|c| c == ' ')
        && next.chars().all(char::is_alphabetic)
        && !next.is_empty();
    matches!(
        prev,
        "for"
            | "lasted"
            | "lasting"
            | "last"
            | "lasts"
            | "took"
            | "spanning"
            | "spanned"
            | "within"
    ) || adjective
        || next == "of"
        || t.text.to_lowercase().ends_with("long")
        || ends_an_action(ctx, t, prev)
}

/// "pulled over after about 15 minutes,": "after" a length of time that closes its
/// clause right after a verb phrase tells how long the action before it went on
/// ("after two days of talks" is read by "of"; "two days after the vote" is a shift,
/// not a length).
fn ends_an_action(ctx: &SentenceCtx, t: &Timex, prev: &str) -> bool {
    let closes = ctx.text[t.span.end..]
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | '.' | ';'));
    let wa = ctx.word_at(t.span.start);
    // The word before "after" ends a verb phrase: a particle ("over", "up", "out") or
    // a past form.
    let before_after = ctx.lower(wa.saturating_sub(2));
    let verb_phrase =
        matches!(before_after, "over" | "up" | "out" | "down" | "off") || is_verb(before_after);
    prev == "after" && wa >= 2 && closes && verb_phrase
}

/// Durations with a number: "for six days", "45 minutes", "a seven-week pause".
fn durations(ctx: &SentenceCtx, used: &mut [bool]) -> Vec<Claim> {
    let mut out = Vec::new();
    for (i, t) in ctx.timexes.iter().enumerate() {
        if used[i] || t.ttype != TimexType::Duration || t.value.contains('X') {
            continue;
        }
        let Some(amount) = duration_of(t) else {
            continue;
        };
        let lower = t.text.to_lowercase();
        if lower.ends_with("old") || !licensed_duration(ctx, t) {
            continue;
        }
        let wa = ctx.word_at(t.span.start);
        let wb = ctx.word_before(t.span.end);
        // "two hours of negotiations": the event the time measures follows "of".
        let heads = event_heads(ctx);
        let of_event = (ctx.lower(wb) == "of" && heads.contains(&(wb + 1)))
            .then(|| phrase_topic(ctx, heads, wb + 1));
        let Some(topic) = of_event.or_else(|| topic_near(ctx, wa, wb).map(|(t, _)| t)) else {
            continue;
        };
        used[i] = true;
        let display = match t.modifier {
            Some(m) => format!(
                "{} ({})",
                t.value,
                serde_json::to_value(m)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            ),
            None => t.value.clone(),
        };
        out.push(blank_claim(
            ClaimKind::Duration,
            t.span,
            ctx.text,
            Value::Amount(amount.clone()),
            display,
            topic,
        ));
    }
    out
}

// ---------------------------------------------------------------------------------
// Counts and ordinals

static COUNT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:(?P<q>at\s+least|more\s+than|over|about|around|nearly|almost|some|up\s+to|fewer\s+than|less\s+than|roughly|approximately|as\s+many\s+as)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:million|billion|thousand))?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens\s+of|hundreds\s+of|thousands\s+of|tens\s+of\s+thousands\s+of|several|a\s+dozen|a\s+few)\s+(?-i:(?P<noun>(?:[a-z][a-z-]+\s+){0,2}[a-z][a-z-]+))")
        .expect("count pattern compiles")
});

/// Clue bit of [`COUNT`]: a word that starts one of its number words.
const COUNT_WORD: u64 = 1 << 44;

/// What [`COUNT`] needs besides a digit: the first word of one of its number words
/// ("dozens" of "dozens of", "dozen" of "a dozen"), whole, as the pattern puts each
/// between a word boundary or blanks and blanks or a hyphen.
fn count_clues() -> Vec<crate::clues::Clue> {
    count_words()
        .filter_map(|w| w.split(' ').find(|w| *w != "a"))
        .map(|w| crate::clues::word_clue(w, COUNT_WORD))
        .collect()
}

/// Counts with their noun: "three rounds of hearings", "at least 12 people".
fn counts(ctx: &SentenceCtx, has: crate::clues::Has) -> Vec<Claim> {
    let mut out = Vec::new();
    // Most sentences hold no number, and the search would scan each to its end.
    let runs = has.any(COUNT_WORD | crate::clues::DIGIT);
    // Most matches are dropped, a year or a day among them ("in 2009 the"): where
    // the number starts the match (a digit: no qualifier), before their groups are read.
    let kept = |start: usize, found: &str| {
        let number_first = found.as_bytes()[0].is_ascii_digit();
        standalone_number(ctx, start) && !(number_first && in_timex(ctx, start))
    };
    for CountMatch { start, q, n, noun } in count_matches(runs, ctx.text, kept) {
        if in_timex(ctx, n.start()) {
            continue;
        }
        // The counted noun: up to the first plural word, past "other"/"more" ("two
        // other buildings", "20 more people").
        let all: Vec<&str> = noun.as_str().split_whitespace().collect();
        let lead = all
            .iter()
            .take_while(|w| matches!(**w, "other" | "more" | "additional" | "further"))
            .count();
        let words = &all[lead..];
        if words.is_empty() {
            continue;
        }
        // Byte offsets from the words themselves: the spaces between them may be any
        // whitespace, of any width.
        let offset = |w: &str| w.as_ptr() as usize - noun.as_str().as_ptr() as usize;
        let mut take = words
            .iter()
            .position(|w| w.ends_with('s') && w.len() > 3 || is_irregular_plural(w))
            .map_or(1, |p| p + 1);
        if lexicon::is_stopword(words[0]) || is_time_or_unit(words[0]) {
            continue;
        }
        // "two masked raiders": a participle before the plural noun is an adjective.
        let adjective_first =
            take == 2 && words[0].ends_with("ed") && lexicon::role(words[0]).is_none();
        if words[..take]
            .iter()
            .enumerate()
            .any(|(i, w)| lexicon::is_stopword(w) || is_verbish(w) && !(i == 0 && adjective_first))
        {
            take = 1;
            if is_verbish(words[0]) {
                continue;
            }
        }
        let counted = &words[..take];
        let last = counted[counted.len() - 1];
        let plural = last.ends_with('s')
            || lexicon::role(last).is_some()
            || is_irregular_plural(last)
            || matches!(
                last,
                "police" | "personnel" | "staff" | "dead" | "injured" | "wounded" | "missing"
            );
        let one = n.as_str() == "1" || lower_is(n.as_str(), "one");
        if !plural && !one {
            // "a magnitude 5 tremor": a number before a singular noun is no count.
            continue;
        }
        let Some((low, high)) = crate::quantity::count_interval(n.as_str(), q) else {
            continue;
        };
        let noun_end = noun.start() + offset(words[take - 1]) + words[take - 1].len();
        let head_word = counted[counted.len() - 1];
        // "rounds of hearings": the topic follows "of".
        let rest = ctx.text[noun_end..].trim_start();
        let (label_end, extra) = match rest.strip_prefix("of ") {
            Some(tail) => {
                let word = tail.split_whitespace().next().unwrap_or("");
                let word_start = ctx.text.len() - tail.trim_start().len();
                if !word.is_empty()
                    && word.chars().all(|c| c.is_alphabetic())
                    && !lexicon::is_stopword(word)
                    && !is_qualifier_word(word)
                {
                    (word_start + word.len(), Some(word.to_string()))
                } else {
                    (noun_end, None)
                }
            }
            None => (noun_end, None),
        };
        // "Ten dead": the noun is the role and people are counted.
        let (noun_word, noun_role) = match lexicon::role(head_word) {
            Some(r) if take == 1 => ("people", Some(r)),
            _ => (head_word, None),
        };
        let role = noun_role
            .or_else(|| role_near(ctx, start, label_end))
            .or_else(|| occurrence_role(head_word));
        // "one count of murder" is a charge sheet's count, like "three counts of".
        let one_charge = head_word == "count" && extra.is_some() || rest.starts_with("of ");
        if one && role.is_none() && !(head_word == "count" && one_charge) {
            // "one of the", "one man": only a toll ("killing one cyclist") is a count.
            continue;
        }
        let generic = matches!(
            lexicon::fold(noun_word).as_str(),
            "peopl" | "villag" | "hous" | "home" | "build" | "famili"
        );
        if role.is_none() && generic && extra.is_none() {
            // "home to 48,000 people" and "dozens of people" say nothing checkable
            // without knowing what happened to them.
            continue;
        }
        let mut tokens: Vec<String> = counted.iter().map(|w| lexicon::fold(w)).collect();
        if let Some(e) = &extra {
            tokens.push(lexicon::fold(e));
        }
        if let Some(r) = role {
            tokens.push(r.to_string());
        }
        tokens.sort();
        tokens.dedup();
        let head = match role {
            Some("population") => match population_place(ctx, start) {
                Some(place) => format!("population {place}"),
                None => continue,
            },
            Some(r) => format!("{r} {}", lexicon::fold(noun_word)),
            // Without a role, the verb says what the number is: "threw for 311 yards"
            // and "rushed for 142 yards" are different counts.
            None => match count_verb(ctx, start, label_end) {
                Some(v) => format!("{} {}", v, lexicon::fold(noun_word)),
                None => lexicon::fold(noun_word),
            },
        };
        let label = match (role, noun_role) {
            (Some(r), None) => format!("{} ({r})", &ctx.text[noun.start()..label_end]),
            (Some(r), Some(_)) => format!("people ({r})"),
            (None, _) => ctx.text[noun.start()..label_end].to_string(),
        };
        let topic = Topic {
            label,
            head,
            tokens,
            aspect: Aspect::Whole,
        };
        let amount = Amount {
            low,
            high,
            unit: lexicon::fold(head_word),
        };
        let display = count_display(low, high);
        let (low, high) = widen_round_figure(n.as_str(), q.is_some(), low, high);
        let amount = Amount {
            low,
            high,
            ..amount
        };
        out.push(blank_claim(
            ClaimKind::Count,
            Span::new(start, noun_end),
            ctx.text,
            Value::Amount(amount),
            display,
            topic,
        ));
    }
    out
}

/// One match of [`COUNT`]: where it starts, and its groups.
#[derive(Debug, PartialEq)]
struct CountMatch<'h> {
    start: usize,
    q: Option<&'h str>,
    n: Group<'h>,
    noun: Group<'h>,
}

/// A group of a match: its text and where it starts.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Group<'h> {
    start: usize,
    text: &'h str,
}

impl<'h> Group<'h> {
    fn start(&self) -> usize {
        self.start
    }

    fn as_str(&self) -> &'h str {
        self.text
    }
}

/// Every match of [`COUNT`] in `text`, with its groups. Capturing a match's groups
/// with the regex costs several times finding it (a backtracker walks the whole
/// pattern), and most matches are then rejected: the groups of an ASCII match are
/// read by hand ([`count_groups`]), those of the rare others captured.
///
/// Where not `runs` (the text lacks the clues every match holds) there are none; a
/// match `kept` refuses (given where it starts and its text) is passed over unread.
fn count_matches<'t>(
    runs: bool,
    text: &'t str,
    kept: impl Fn(usize, &str) -> bool,
) -> impl Iterator<Item = CountMatch<'t>> {
    debug_assert!(
        runs || !COUNT.is_match(text),
        "a count in {text:?} without its clues"
    );
    let re = COUNT.for_text(text);
    let found = runs.then(|| re.find_iter(text)).into_iter().flatten();
    let found = found.filter(move |m| kept(m.start(), m.as_str()));
    found.filter_map(move |m| {
        let captured = || {
            let caps = re.captures_at(text, m.start())?;
            let group = |name| {
                caps.name(name).map(|g| Group {
                    start: g.start(),
                    text: g.as_str(),
                })
            };
            Some(CountMatch {
                start: m.start(),
                q: caps.name("q").map(|q| q.as_str()),
                n: group("n")?,
                noun: group("noun")?,
            })
        };
        if !m.as_str().is_ascii() {
            return captured();
        }
        let found = count_groups(text, m.start(), m.end());
        debug_assert_eq!(found, captured(), "{:?} in {text:?}", m.as_str());
        found
    })
}

/// The qualifiers of [`COUNT`], in its order; a space stands for `\s+`.
const COUNT_QUALIFIERS: &[&str] = &[
    "at least",
    "more than",
    "over",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "up to",
    "fewer than",
    "less than",
    "roughly",
    "approximately",
    "as many as",
];

/// The number words of [`COUNT`] after the cardinals ([`lexicon::CARDINAL_WORDS`]),
/// in its order.
const COUNT_MORE_WORDS: &[&str] = &[
    "hundred",
    "dozens of",
    "hundreds of",
    "thousands of",
    "tens of thousands of",
    "several",
    "a dozen",
    "a few",
];

/// The number words of [`COUNT`], in its order.
fn count_words() -> impl Iterator<Item = &'static str> {
    lexicon::CARDINAL_WORDS
        .into_iter()
        .chain(COUNT_MORE_WORDS.iter().copied())
}

/// The groups of the ASCII match of [`COUNT`] at `start..end` of `text`, read as the
/// regex reads them: the first way, in the pattern's order of preference, that the
/// parts cover the whole match.
fn count_groups(text: &str, start: usize, end: usize) -> Option<CountMatch<'_>> {
    let s = &text[start..end];
    let qualified = COUNT_QUALIFIERS.iter().filter_map(|q| {
        let q_end = phrase_end(s, 0, q)?;
        Some((Some(&s[..q_end]), after_space(s, q_end)?))
    });
    qualified.chain([(None, 0)]).find_map(|(q, n_start)| {
        number_ends(s, n_start).into_iter().find_map(|n_end| {
            let noun_start = after_space(s, n_end)?;
            is_count_noun(&s[noun_start..]).then(|| CountMatch {
                start,
                q,
                n: Group {
                    start: start + n_start,
                    text: &s[n_start..n_end],
                },
                noun: Group {
                    start: start + noun_start,
                    text: &s[noun_start..],
                },
            })
        })
    })
}

/// The end of `phrase` (lower case) at `at` in `s`, in any ASCII case, a space of it
/// standing for `\s+` (Unicode white space, as [`COUNT`] reads it).
fn phrase_end(s: &str, at: usize, phrase: &str) -> Option<usize> {
    crate::quantity::phrase_end_with(s, at, phrase, after_space)
}

/// Where the number group of [`COUNT`] may end when it starts at `at` in `s`, in the
/// order the regex tries them.
fn number_ends(s: &str, at: usize) -> Vec<usize> {
    let b = s.as_bytes();
    let digits_from = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let digits = digits_from(at);
    let mut ends = Vec::new();
    // \d{1,3}(?:,\d{3})+
    for lead in (1..=digits.min(3)).rev() {
        let mut groups = Vec::new();
        let mut i = at + lead;
        while b.get(i) == Some(&b',') && digits_from(i + 1) >= 3 {
            i += 4;
            groups.push(i);
        }
        ends.extend(groups.into_iter().rev());
    }
    // \d+(?:\.\d+)?(?:\s+(?:million|billion|thousand))?
    for whole in (1..=digits).rev() {
        let int_end = at + whole;
        let fraction = match b.get(int_end) {
            Some(b'.') => digits_from(int_end + 1),
            _ => 0,
        };
        let decimals = (1..=fraction).rev().map(|f| int_end + 1 + f);
        for number_end in decimals.chain([int_end]) {
            let scales = after_space(s, number_end).into_iter().flat_map(|word_at| {
                ["million", "billion", "thousand"]
                    .into_iter()
                    .filter_map(move |w| phrase_end(s, word_at, w))
            });
            ends.extend(scales);
            ends.push(number_end);
        }
    }
    // The number words, all of letters: none can start elsewhere.
    if !b.get(at).is_some_and(u8::is_ascii_alphabetic) {
        return ends;
    }
    // (?:twenty|…|ninety)-(?:one|…|nine)
    for tens in lexicon::TENS_WORDS {
        let Some(tens_end) = phrase_end(s, at, tens) else {
            continue;
        };
        if b.get(tens_end) == Some(&b'-') {
            let units = lexicon::CARDINAL_WORDS[..9].iter();
            ends.extend(units.filter_map(|u| phrase_end(s, tens_end + 1, u)));
        }
    }
    ends.extend(count_words().filter_map(|w| phrase_end(s, at, w)));
    ends
}

/// Whether `s` is all of the noun group of [`COUNT`]: one to three words of lower-case
/// ASCII letters and hyphens, of two characters or more, a letter first, with `\s+`
/// between them.
fn is_count_noun(s: &str) -> bool {
    let b = s.as_bytes();
    let mut words = 0;
    let mut at = 0;
    loop {
        let word = b[at..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || **c == b'-')
            .count();
        if word < 2 || !b[at].is_ascii_lowercase() {
            return false;
        }
        words += 1;
        at += word;
        if at == b.len() {
            return words <= 3;
        }
        match after_space(s, at) {
            Some(next) if next < b.len() => at = next,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod count_match_tests {
    use super::*;

    /// The matches of [`COUNT`] with their groups, as the regex captures them.
    fn captured(text: &str) -> Vec<CountMatch<'_>> {
        COUNT
            .captures_iter(text)
            .map(|c| {
                let group = |name| {
                    let g = c.name(name).expect("group matched");
                    Group {
                        start: g.start(),
                        text: g.as_str(),
                    }
                };
                CountMatch {
                    start: c.get(0).expect("match").start(),
                    q: c.name("q").map(|q| q.as_str()),
                    n: group("n"),
                    noun: group("noun"),
                }
            })
            .collect()
    }

    #[test]
    fn groups_read_by_hand_in_examples() {
        for text in [
            "at least 12 people were killed",
            "About 1,500,000 homes, 5 million, 5 millions of",
            "Up  to\ttwenty-one masked raiders and tens of thousands of protesters",
            "some 3.5 billion dollars, 1,00 men, 1234,567 cars and a few other buildings",
            "as many as seventeen people, Seventeen x",
        ] {
            assert_eq!(
                count_matches(true, text, |_, _| true).collect::<Vec<_>>(),
                captured(text),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn groups_read_by_hand_are_the_captured_ones(
            words in proptest::collection::vec(
                r"(at|least|More|than|over|About|up|to|as|many|some|1|12|1,000|1,00|1234|,|\.|5\.5|7\.|million|Million|thousand|twenty|Twenty-one|forty-|seven|seventeen|hundred|hundreds|of|tens|thousands|dozens|a|A|few|dozen|several|people|killed|x|e-mail|-|Houses|done|_|Often|ſome|\u{212A}|é|٣|\$|\(|[ ]|[ ]|[ ]|\t|\n|\u{a0}|\u{2009})",
                0..24,
            )
        ) {
            let text = words.concat();
            // The clues too: where they are missing, so are the captures.
            let runs = crate::clues::of(&text).any(COUNT_WORD | crate::clues::DIGIT);
            let found: Vec<_> = count_matches(runs, &text, |_, _| true).collect();
            proptest::prop_assert_eq!(found, captured(&text));
        }
    }
}

/// A plural noun not written with an "s": "people", "two teenaged children", "three
/// grandchildren", "four firemen".
fn is_irregular_plural(w: &str) -> bool {
    ["people", "children", "men", "women"]
        .iter()
        .any(|p| w.ends_with(p))
}

/// A number that counts: not money ("$15"), not part of a score ("27-24"), a date
/// ("Oct. 19"), a fraction ("17/35") or a label ("Week 15", "No. 3").
fn standalone_number(ctx: &SentenceCtx, start: usize) -> bool {
    let before = &ctx.text[..start];
    let prev_char = before.chars().next_back();
    if matches!(
        prev_char,
        Some('$' | '£' | '€' | '-' | '–' | '/' | '#' | '(')
    ) {
        return false;
    }
    let prev_word = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_lowercase();
    lexicon::lookup(lexicon::MONTHS, &prev_word).is_none()
        && !matches!(
            prev_word.as_str(),
            "week"
                | "no"
                | "number"
                | "game"
                | "round"
                | "page"
                | "magnitude"
                | "magnitude-"
                | "level"
                | "category"
                | "grade"
                | "us$"
        )
}

/// The role a count plays, from a role word right after the counted noun ("12 people
/// were killed") or just before the number ("killing at least 12 people").
fn role_near(ctx: &SentenceCtx, start: usize, end: usize) -> Option<&'static str> {
    let after_words = within_aside(ctx.text, start, end)
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(5)
        .take_while(|w| !matches!(*w, "and" | "but" | "while" | "which" | "who" | "when"));
    let before = &ctx.text[..start];
    if ends_with_home_to(before) {
        return Some("population");
    }
    if takes_to_the_streets(&ctx.text[end..]) {
        return Some("marched");
    }
    if summons::follows_summons(before) {
        return Some(summons::SENT);
    }
    // The verb right before the number binds tighter than one after the noun:
    // "killing at least 12 people, injuring scores". Qualifiers are passed over.
    let mut near_before = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(3)
        .map(|w| (lexicon::role(w), w))
        .skip_while(|(role, w)| role.is_none() && is_qualifier_word(w));
    near_before
        .next()
        .and_then(|(role, _)| role)
        .or_else(|| after_words.clone().find_map(lexicon::role))
}

/// Whether `before`, blanks at its end aside, ends with "home to" in any case. Only
/// ASCII letters lower-case to these, so its last bytes are compared in place.
fn ends_with_home_to(before: &str) -> bool {
    let b = before.trim_end().as_bytes();
    b.len() >= 7 && b[b.len() - 7..].eq_ignore_ascii_case(b"home to")
}

/// The role of a count of incidents of the story's kind ("at least four strong
/// aftershocks", "two explosions"): they happened, whatever the verb ("were felt",
/// "followed"), so two such counts are one fact. Not for the things that cause one
/// ("two bombs" may be found unexploded) nor for the people ("gunmen").
fn occurrence_role(noun: &str) -> Option<&'static str> {
    let l = noun.to_lowercase();
    let object = l.starts_with("bomb") || l.starts_with("gunm");
    let names = lexicon::incident(&l)
        .or_else(|| lexicon::incident(l.strip_suffix('s')?))
        .is_some();
    (names && !object).then_some("occurred")
}

/// The text after a count, up to the end of the dash-set aside the count stands in
/// ("Okafor – who leaves two grandchildren – died"): the aside's count takes no role
/// from the clause around it.
fn within_aside(text: &str, start: usize, end: usize) -> &str {
    let is_dash = |c: char| matches!(c, '–' | '—');
    let before = &text[..start];
    let inside = !before.is_ascii() && before.chars().filter(|c| is_dash(*c)).count() % 2 == 1;
    let after = &text[end..];
    match after.find(is_dash) {
        Some(close) if inside => &after[..close],
        _ => after,
    }
}

/// "20,000 people took to the streets": the idiom for marching in protest. Asked
/// after every count, so the words are split once.
fn takes_to_the_streets(after: &str) -> bool {
    let mut words = [""; 6];
    let mut n = 0;
    for w in after.split_whitespace().take(6) {
        words[n] = w.trim_matches(|c: char| !c.is_alphabetic());
        n += 1;
    }
    let words = &words[..n];
    let verb = words.iter().position(|w| {
        ["took", "take", "takes", "taking", "taken"]
            .iter()
            .any(|v| lower_is(w, v))
    });
    verb.is_some_and(|v| {
        let mut next = words[v + 1..].iter();
        ["to", "the", "streets"]
            .iter()
            .all(|want| next.next().is_some_and(|w| lower_is(w, want)))
    })
}

/// Whether `word` lower-cased is `lower` (ASCII), without building the lower-case copy.
fn lower_is(word: &str, lower: &str) -> bool {
    match word.is_ascii() {
        true => word.eq_ignore_ascii_case(lower),
        false => word.chars().flat_map(char::to_lowercase).eq(lower.chars()),
    }
}

/// The verb governing a count: just before the number (past prepositions and
/// qualifiers) or just after the counted noun.
fn count_verb(ctx: &SentenceCtx, start: usize, end: usize) -> Option<String> {
    // The word in lower case, borrowed where it is so already (most are).
    let governs = |w: &str| {
        let l = lexicon::lowercase(w);
        is_verb(&l) && !matches!(&*l, "was" | "were" | "had" | "been" | "will" | "would")
    };
    // Past prepositions and qualifiers to the first verb; each word tested once.
    let mut before = ctx.text[..start]
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(4)
        .map(|w| (governs(w), w))
        .skip_while(|(verb, w)| {
            !verb && (is_qualifier_word(w) || matches!(*w, "for" | "in" | "with" | "by"))
        });
    let from_before = before.next().and_then(|(verb, w)| verb.then_some(w));
    let from_after = || {
        ctx.text[end..]
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .take(3)
            .find(|w| governs(w))
    };
    from_before.or_else(from_after).map(lexicon::fold)
}

fn is_qualifier_word(w: &str) -> bool {
    const QUALIFIER_WORDS: &[&str] = &[
        "at",
        "least",
        "more",
        "than",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "up",
        "to",
        "over",
        "as",
        "many",
        "roughly",
        "approximately",
        "a",
        "total",
        "of",
        "the",
    ];
    QUALIFIER_WORDS.iter().any(|q| lower_is(w, q))
}

fn is_time_or_unit(w: &str) -> bool {
    let l = w.to_lowercase();
    let stem = l.trim_end_matches('s');
    lexicon::TIME_UNITS.iter().any(|(u, ..)| *u == stem)
        || matches!(
            stem,
            "percent"
                | "per"
                | "km"
                | "kilometre"
                | "kilometer"
                | "mile"
                | "meter"
                | "metre"
                | "feet"
                | "foot"
                | "kg"
                | "ton"
                | "tonne"
                | "more"
                | "times"
                | "time"
                | "other"
                | "and"
                | "or"
                | "to"
                | "year-old"
                | "percentage"
        )
}

/// A count's interval as shown: "10", "42–58", "≥10".
/// A count claim of `low..high` things of `unit` (folded), shown as the count it is.
fn count_claim(
    ctx: &SentenceCtx,
    span: Span,
    (low, high): (f64, Option<f64>),
    unit: String,
    topic: Topic,
) -> Claim {
    let amount = Amount { low, high, unit };
    blank_claim(
        ClaimKind::Count,
        span,
        ctx.text,
        Value::Amount(amount),
        count_display(low, high),
        topic,
    )
}

fn count_display(low: f64, high: Option<f64>) -> String {
    match high {
        Some(h) if h == low => fmt_count(low),
        Some(h) => format!("{}–{}", fmt_count(low), fmt_count(h)),
        None => format!("≥{}", fmt_count(low)),
    }
}

/// An unqualified round figure ("600 were killed") stands for the values it rounds
/// ([`crate::quantity::round_figure`]); the claim still shows the figure as printed.
fn widen_round_figure(n: &str, qualified: bool, low: f64, high: Option<f64>) -> (f64, Option<f64>) {
    match crate::quantity::round_figure(n) {
        Some((a, b)) if !qualified && high == Some(low) => (a, Some(b)),
        _ => (low, high),
    }
}

fn fmt_count(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x}")
    }
}

/// The ordinal words of [`ORDINAL`], in its order.
const ORDINAL_PATTERN_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// Clue bits of the ordinal and degree patterns: an ordinal word, "degree", and an
/// ASCII digit with an ordinal suffix ("4th").
const ORDINAL_WORD: u64 = 1 << 48;
const DEGREE_WORD: u64 = 1 << 49;
const NUMERAL_ORDINAL: u64 = 1 << 47;

/// The numeral ordinals of [`ORDINAL`] end with a digit and a suffix ("21st"): a
/// digit alone is in most sentences (their dates), a digit with a suffix in few.
fn numeral_ordinal_clues() -> Vec<crate::clues::Clue> {
    static LITERALS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let digits = '0'..='9';
        let suffixed = digits.flat_map(|d| ["st", "nd", "rd", "th"].map(|s| format!("{d}{s}")));
        suffixed.map(|l| &*l.leak()).collect()
    });
    LITERALS
        .iter()
        .map(|l| crate::clues::exact_clue(l, NUMERAL_ORDINAL))
        .collect()
}

/// Whether `text` may hold a match of [`ORDINAL`]: an ordinal word, or a numeral
/// ordinal, whose digit may be one outside ASCII (`\d`), which no literal clue
/// finds.
fn may_hold_ordinal(text: &str, has: crate::clues::Has) -> bool {
    has.any(ORDINAL_WORD | NUMERAL_ORDINAL)
        || has.all(crate::clues::DIGIT)
            && !text.is_ascii()
            && text.chars().any(|c| !c.is_ascii() && c.is_numeric())
}

/// What the number rules of this module need ([`crate::clues`]): tolls, ratios,
/// ordinals, degrees, counts, records and compounds; the steps of a legal case
/// and "last" of a last occurrence, sought for every time of a sentence; and the
/// compass points of directions.
pub(crate) fn number_clues() -> Vec<crate::clues::Clue> {
    let ordinals = ORDINAL_PATTERN_WORDS
        .iter()
        .map(|w| crate::clues::exact_clue(w, ORDINAL_WORD));
    let degree = crate::clues::clue("degree", DEGREE_WORD);
    let own: Vec<_> = ordinals.chain([degree]).collect();
    [
        tolls::clues(),
        ratios::clues(),
        own,
        numeral_ordinal_clues(),
        count_clues(),
        record::clues(),
        compounds::clues(),
        legal::clues(),
        vec![crate::clues::clue("last", LAST_WORD)],
        directions::clues(),
    ]
    .concat()
}

/// Clue bits of the per-sentence rules that read words, not numbers: each pattern
/// needs one of its words, and the sentence's clues are found anyway, where a
/// search for the words of each pattern scanned every sentence once more.
const COINCIDE_WORD: u64 = 1 << 50;
const VENUE_VERB: u64 = 1 << 51;
const ACCORDING_WORD: u64 = 1 << 52;
const SAID_WORD: u64 = 1 << 53;
const ACTOR_NAME: u64 = 1 << 54;
const POSTED_WORD: u64 = 1 << 55;
const CROWD_WORD: u64 = 1 << 56;
const PLACE_KIND_WORD: u64 = 1 << 57;

/// The words [`coincidences`], [`venues`], [`attribution`], [`actors`],
/// [`is_byline`] and the crowd and apposed rules of [`places`] need, as their
/// patterns spell them (only "coincide", the actors and "posted" in any case).
pub(crate) fn word_clues() -> Vec<crate::clues::Clue> {
    use crate::clues::{clue, exact_clue};
    let venue = [
        "held", "took", "met", "meet", "convened", "gathered", "happened", "occurred",
    ];
    let according = ["according", "citing"];
    let said = [
        "said",
        "say",
        "report",
        "told",
        "announced",
        "confirmed",
        "estimated",
        "stated",
    ];
    let exact = |words: &[&'static str], bit: u64| -> Vec<crate::clues::Clue> {
        words.iter().map(|w| exact_clue(w, bit)).collect()
    };
    [
        vec![clue("coincid", COINCIDE_WORD)],
        exact(&venue, VENUE_VERB),
        exact(&according, ACCORDING_WORD),
        exact(&said, SAID_WORD),
        actor_clues(),
        vec![clue("posted ", POSTED_WORD)],
        exact(&CROWD_WORDS, CROWD_WORD),
        exact(&PLACE_KIND_WORDS, PLACE_KIND_WORD),
    ]
    .concat()
}

/// The actor aliases [`actors`] reads, each in any case: as a whole word where it
/// begins and ends with a word character, as its pattern's boundaries demand ("us",
/// not "thus"), else anywhere ("u.s." ends on no boundary of its own).
fn actor_clues() -> Vec<crate::clues::Clue> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    lexicon::actor_aliases()
        .filter(|(alias, _)| !alias.is_empty())
        .map(|(alias, _)| {
            let alias: &'static str = alias;
            match word(alias.chars().next()) && word(alias.chars().next_back()) {
                true => crate::clues::word_clue(alias, ACTOR_NAME),
                false => crate::clues::clue(alias, ACTOR_NAME),
            }
        })
        .collect()
}

static ORDINAL: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(&format!(
        r"\b(?P<o>{}|\d+(?:st|nd|rd|th))\s+(?P<np>(?:[a-z][a-z-]+\s+){{0,2}}[a-z][a-z-]+)",
        ORDINAL_PATTERN_WORDS.join("|")
    ))
    .expect("ordinal pattern compiles")
});

/// Ordinals of events: "fourth missile test", "second meeting".
fn ordinals(ctx: &SentenceCtx, has: crate::clues::Has) -> Vec<Claim> {
    let mut out = Vec::new();
    let runs = may_hold_ordinal(ctx.text, has);
    for caps in ORDINAL.captures_iter_if(runs, ctx.text) {
        let (Some(o), Some(np)) = (caps.name("o"), caps.name("np")) else {
            continue;
        };
        let value = lexicon::lookup(ORDINAL_WORDS, o.as_str()).or_else(|| {
            o.as_str()
                .trim_end_matches(char::is_alphabetic)
                .parse()
                .ok()
        });
        let Some(value) = value else { continue };
        // The noun phrase ends at its event noun; "the first time", "first since" are
        // records, not ordinals.
        let words: Vec<&str> = np.as_str().split_whitespace().collect();
        let Some(hi) = words.iter().position(|w| lexicon::is_event_noun(w)) else {
            continue;
        };
        if words[..hi]
            .iter()
            .any(|w| lexicon::is_stopword(w) || is_verbish(w))
        {
            continue;
        }
        // The end from the word itself: the spaces before it may be any whitespace.
        let end = np.start()
            + (words[hi].as_ptr() as usize - np.as_str().as_ptr() as usize)
            + words[hi].len();
        let rest = ctx.after(end);
        if rest.starts_with("since") || rest.starts_with("in ") && value == 1 {
            continue;
        }
        let mut tokens: Vec<String> = words[..=hi].iter().map(|w| lexicon::fold(w)).collect();
        tokens.sort();
        tokens.dedup();
        let topic = Topic {
            label: ctx.text[np.start()..end].to_string(),
            head: lexicon::fold(words[hi]),
            tokens,
            aspect: Aspect::Whole,
        };
        out.push(blank_claim(
            ClaimKind::Ordinal,
            Span::new(o.start(), end),
            ctx.text,
            Value::Ordinal(value),
            value.to_string(),
            topic,
        ));
    }
    out
}

static DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<o>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)(?:-|\s+)degree\s+(?:(?:criminal|aggravated|sexual|reckless)\s+){0,2}(?P<what>murder|manslaughter|homicide|assault|robbery|burglary|arson|kidnapping|rape|theft|conduct|burns|felony|misdemeanor)\b")
        .expect("degree pattern compiles")
});

/// The degree of a charge or an injury: "first-degree murder", "third degree
/// manslaughter", "second-degree burns". The topic is the degree of that offence
/// ("degree murder"); which person it concerns is for alignment to check.
fn degrees(ctx: &SentenceCtx, has: crate::clues::Has) -> Vec<Claim> {
    let mut out = Vec::new();
    let runs = has.all(DEGREE_WORD);
    debug_assert!(
        runs || !DEGREE.is_match(ctx.text),
        "a degree in {:?}",
        ctx.text
    );
    for caps in runs
        .then(|| DEGREE.captures_iter(ctx.text))
        .into_iter()
        .flatten()
    {
        let (Some(whole), Some(o), Some(what)) = (caps.get(0), caps.name("o"), caps.name("what"))
        else {
            continue;
        };
        let word = o.as_str().to_lowercase();
        let value = lexicon::lookup(ORDINAL_WORDS, &word)
            .or_else(|| word.trim_end_matches(char::is_alphabetic).parse().ok());
        let Some(value) = value else { continue };
        let offence = lexicon::fold(&what.as_str().to_lowercase());
        let topic = Topic {
            label: format!("degree of {}", what.as_str().to_lowercase()),
            head: format!("degree {offence}"),
            tokens: vec![lexicon::fold("degree"), offence],
            aspect: Aspect::Whole,
        };
        out.push(blank_claim(
            ClaimKind::Ordinal,
            Span::new(whole.start(), whole.end()),
            ctx.text,
            Value::Ordinal(value),
            format!("degree {value}"),
            topic,
        ));
    }
    out
}

// ---------------------------------------------------------------------------------
// Events and attribution

/// How many sentences from the top (title and lead) name the story's main event.
const LEAD_SENTENCES: usize = 6;

/// The incident words of a text, in order, as canonical types.
fn incidents(text: &str) -> impl Iterator<Item = &'static str> + '_ {
    alnum_runs(text)
        .scan("", |previous, w| Some((std::mem::replace(previous, w), w)))
        .filter(|(_, w)| lexicon::may_name_incident(w))
        .filter_map(|(previous, w)| lexicon::incident_after(previous, &lexicon::lowercase(w)))
}

/// The runs of letters, digits (`char::is_alphanumeric`) and hyphens of a text, as
/// `text.split(|c: char| !(c.is_alphanumeric() || c == '-'))` gives the non-empty
/// ones, with a character decoded only where a byte is not ASCII: the lead of every
/// article is read this way.
fn alnum_runs(text: &str) -> impl Iterator<Item = &str> {
    let len = text.len();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < len {
            let (inside, n) = alnum_or_hyphen(text, i);
            if inside {
                break;
            }
            i += n;
        }
        let start = i;
        while i < len {
            let (inside, n) = alnum_or_hyphen(text, i);
            if !inside {
                break;
            }
            i += n;
        }
        (i > start).then(|| &text[start..i])
    })
}

/// Whether the character at byte `i` of `text` (a char boundary) is alphanumeric or a
/// hyphen, and its length in bytes.
#[inline]
fn alnum_or_hyphen(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    match b.is_ascii() {
        true => (byte_is(b, ALNUM | HYPHEN), 1),
        false => wide_alnum(text, i),
    }
}

/// [`alnum_or_hyphen`] of a character outside ASCII.
fn wide_alnum(text: &str, i: usize) -> (bool, usize) {
    let c = text[i..].chars().next().unwrap_or_default();
    (c.is_alphanumeric(), c.len_utf8())
}

/// The story's main event: the incident type its title and lead name most (the first
/// named on a tie), and the place they name most, given the places of each lead
/// sentence.
fn main_event(sentences: &[Sentence], lead_places: &[Vec<String>]) -> Event {
    let lead = &sentences[..sentences.len().min(LEAD_SENTENCES)];
    let kind = most(lead.iter().flat_map(|s| incidents(&s.text))).and_then(lexicon::incident);
    // Long capitalized runs are headlines in title case, not places.
    let place = most(
        lead_places
            .iter()
            .flatten()
            .filter(|p| p.split_whitespace().count() <= 3),
    );
    Event {
        kind,
        place: place.cloned(),
        time: None,
        day: None,
    }
}

/// The item named most often, the first named on a tie.
fn most<T: PartialEq>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut tally: Vec<(T, usize, usize)> = Vec::new();
    for (order, item) in items.enumerate() {
        match tally.iter_mut().find(|(k, ..)| *k == item) {
            Some(entry) => entry.1 += 1,
            None => tally.push((item, 1, order)),
        }
    }
    tally
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(k, ..)| k)
}

/// The event a claim is attached to: a claim about the past (background) belongs to
/// the incident its own sentence names, the others to the story's main event; its
/// time is the claim's anchor.
fn event_of(c: &Claim, sentence: &str, story: &Event) -> Event {
    if c.historical {
        return Event {
            kind: incidents(sentence).next().or(story.kind),
            place: c.places.first().cloned(),
            time: c.anchor,
            day: None,
        };
    }
    Event {
        time: c.anchor,
        ..story.clone()
    }
}

/// Give each claim about the story's present (not history, not itself a time or a
/// place) the day of its incident: the day of another incident its sentence
/// introduces, else the day the lead gives the story's incident. Claims of two
/// incidents on two days ("Monday's quake was the second in 24 hours … earlier on
/// Sunday a 5.6 quake") are then never compared.
fn assign_days(claims: &mut [Claim], other_days: &[Option<EventDay>], story: &Event) {
    let main = main_day(claims, story);
    for (c, other) in claims.iter_mut().zip(other_days) {
        let takes_a_day = !matches!(
            c.kind,
            ClaimKind::Date | ClaimKind::LastOccurrence | ClaimKind::Place
        );
        if takes_a_day && !c.historical {
            c.event.day = other.or(main);
        }
    }
}

/// The day the lead dates the story's incident ("An earthquake struck … on Sunday"):
/// the first whole-day date, not after publication, in the lead whose topic names an incident of the story's
/// kind, stated by a weekday or a calendar date (never "today": its day depends on
/// where the writer sits).
fn main_day(claims: &[Claim], story: &Event) -> Option<EventDay> {
    claims
        .iter()
        .filter(|c| c.sentence < LEAD_SENTENCES && c.kind == ClaimKind::Date)
        .filter(|c| !c.identifying && !c.historical && c.topic.aspect == Aspect::Whole)
        .filter(|c| names_a_day(&c.mention) && !names_a_later_incident(&c.topic.label))
        .filter(|c| incidents(&c.topic.label).any(|k| story.kind.is_none_or(|s| s == k)))
        .find_map(|c| match &c.value {
            // An incident is reported after it happens: a later day is a scheduled
            // event's ("elections planned for 15 December").
            Value::Time(r) => single_day(r)
                .filter(|d| c.anchor.is_none_or(|p| *d <= p))
                .map(EventDay::Date),
            Value::Weekday(w) => Some(EventDay::Weekday(*w)),
            _ => None,
        })
}

/// True when a topic names an incident that follows the main one: "the second quake",
/// "the sixth aftershock", "an aftershock".
fn names_a_later_incident(label: &str) -> bool {
    label.split_whitespace().any(|w| {
        let l = w.to_lowercase();
        lexicon::lookup(ORDINAL_WORDS, &l).is_some() || l.starts_with("aftershock")
    })
}

/// The one day a range covers, if it is a single day.
fn single_day(r: &TimeRange) -> Option<NaiveDate> {
    (r.granularity == Granularity::Day && r.earliest == r.latest)
        .then_some(r.earliest)
        .flatten()
}

/// True when words name a day explicitly: a weekday or a month ("Sunday", "Nov. 27").
fn names_a_day(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| {
        // The look-up ignores ASCII case: an ASCII word needs no lower-case copy.
        let l = match w.is_ascii() {
            true => Cow::Borrowed(w),
            false => Cow::Owned(w.to_lowercase()),
        };
        lexicon::lookup(lexicon::WEEKDAYS, &l).is_some()
            || lexicon::lookup(lexicon::MONTHS, &l).is_some()
    })
}

/// Words after an indefinite article within which an incident noun still belongs to it
/// ("a strong 6.1-magnitude earthquake").
const INDEFINITE_REACH: usize = 4;

/// The day of another incident a sentence introduces: an indefinite incident ("a
/// quake", "another shooting": a new one, where "the quake" refers back) in a sentence
/// that opens on its day ("On Saturday, a quake in the east killed 12", "Earlier on
/// Sunday a quake shook the island"). A day later in the sentence may date something
/// else ("aid reached survivors of a quake on Monday"), so only the opening frames it.
fn other_incident_day(text: &str, timexes: &[Timex]) -> Option<EventDay> {
    // The opening day first: few sentences open on one, and the search for an
    // indefinite incident reads every word.
    let t = timexes
        .first()
        .filter(|t| t.ttype == TimexType::Date && names_a_day(&t.text))
        .filter(|t| opens_sentence(text, t.span.start))?;
    if !introduces_incident(text) {
        return None;
    }
    match time_of(t) {
        Some(r) => single_day(&r).map(EventDay::Date),
        None => t
            .value
            .strip_prefix("XXXX-WXX-")
            .and_then(|d| d.get(0..1))
            .and_then(|d| d.parse().ok())
            .map(EventDay::Weekday),
    }
}

/// Words that may stand before a sentence's opening time ("Earlier on Sunday", "But
/// late on Friday").
fn opens_sentence(text: &str, at: usize) -> bool {
    text[..at].split_whitespace().all(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "on" | "earlier" | "later" | "late" | "early" | "and" | "but" | "then" | "by"
        )
    })
}

/// True when a sentence introduces an incident with an indefinite article: "a quake",
/// "an explosion", "another fire".
fn introduces_incident(text: &str) -> bool {
    let words: Vec<&str> = alnum_runs(text).collect();
    // Only the few articles are lower-cased in full, not every word of every sentence.
    let article = |w: &str| {
        ["a", "an", "another"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
    };
    words.iter().enumerate().any(|(i, w)| {
        article(w)
            && words[i + 1..].iter().take(INDEFINITE_REACH).any(|n| {
                lexicon::may_name_incident(n) && lexicon::incident(&lexicon::lowercase(n)).is_some()
            })
    })
}

static ATTRIBUTION: LazyLock<[WordRegex; 3]> = LazyLock::new(|| {
    // A cited source: a run of capitalized words ("the U.S. Geological Survey", "Chile's
    // Seismological Center"), or a common noun for one ("state media", "police").
    let name = r"(?:[A-Z][\w.'&-]*\s+(?:of\s+(?:the\s+)?)?){0,5}[A-Z][\w.'&-]*";
    let common = r"(?:[A-Z][\w'-]*\s+)?(?:[a-z]+\s+){0,2}(?:media|police|officials|authorities|agency|television|radio|witnesses|spokesman|spokeswoman|spokesperson|sheriff|coroner|prosecutors|investigators|rescuers|doctors)";
    let verbs =
        r"(?:said|says|say|reported|reports|report|told|announced|confirmed|estimated|stated)";
    // What each needs is its verb or phrase ([`ATTRIBUTION_CLUES`]).
    [
        format!(r"(?:according\s+to|citing)\s+(?:the\s+)?(?P<s>{common}|{name})"),
        format!(r"(?:^|[\s,(])(?:the\s+)?(?P<s>{common}|{name})\s+{verbs}\b"),
        format!(r"\b{verbs}\s+(?:the\s+)?(?P<s>{common}|{name})"),
    ]
    .map(|p| WordRegex::new(&p).expect("attribution pattern compiles"))
});

/// The clue bits each pattern of [`ATTRIBUTION`] needs, in turn.
const ATTRIBUTION_CLUES: [u64; 3] = [ACCORDING_WORD, SAID_WORD, SAID_WORD];

/// Pronouns and sentence openers that look like a cited name but are not one.
fn is_attribution_filler(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "this"
            | "that"
            | "there"
            | "but"
            | "and"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "when"
            | "as"
            | "if"
    ) || lexicon::lookup(lexicon::MONTHS, &first).is_some()
        || lexicon::lookup(lexicon::WEEKDAYS, &first).is_some()
}

/// A name without the sentence's full stop ("USGS." → "USGS"), keeping an
/// abbreviation's own ("U.S.").
fn without_full_stop(s: &str) -> &str {
    match s.strip_suffix('.') {
        Some(rest) if !rest.rsplit(' ').next().unwrap_or("").contains('.') => rest,
        _ => s,
    }
}

/// Who the sentence says states its facts ("according to Chilean state media", "the
/// USGS said", "said police"), folded to one name per source.
pub fn attribution(text: &str) -> Option<String> {
    let has = crate::clues::of(text);
    let runs = ATTRIBUTION_CLUES.map(|bits| has.all(bits));
    ATTRIBUTION
        .iter()
        .zip(runs)
        .enumerate()
        .find_map(|(i, (re, runs))| {
            debug_assert!(
                runs || !re.is_match(text),
                "{text:?} lacks the clues of a match"
            );
            runs.then(|| re.find_iter(text))
                .into_iter()
                .flatten()
                .map(|m| without_full_stop(attribution_source(i, m.as_str())))
                .map(|s| s.strip_prefix("The ").unwrap_or(s))
                .find(|s| !s.is_empty() && s != &"The" && !is_attribution_filler(s))
                .map(lexicon::source_name)
        })
}

/// The group `s` (the source) of a match of pattern `i` of [`ATTRIBUTION`], read by
/// hand: a search with captures cost several times the search alone. The source runs
/// from after the pattern's leading words (and a "the", which the pattern takes
/// whenever it stands there: a source read with it is read without it too) to the
/// end, or, in the second pattern, to the blanks before the closing verb. No source
/// begins or ends with a blank.
fn attribution_source(i: usize, found: &str) -> &str {
    fn after_word(s: &str) -> &str {
        s.trim_start_matches(|c: char| !c.is_whitespace())
            .trim_start()
    }
    let lead = match i {
        0 => match found.strip_prefix("according") {
            Some(rest) => after_word(rest.trim_start()),
            None => after_word(found),
        },
        1 => found
            .strip_prefix(|c: char| c.is_whitespace() || c == ',' || c == '(')
            .unwrap_or(found),
        _ => after_word(found),
    };
    let source = match lead.strip_prefix("the") {
        Some(rest) if rest.starts_with(char::is_whitespace) => rest.trim_start(),
        _ => lead,
    };
    match i {
        1 => source
            .trim_end_matches(|c: char| !c.is_whitespace())
            .trim_end(),
        _ => source,
    }
}

// ---------------------------------------------------------------------------------
// Actors and places

static ACTOR_RE: LazyLock<WordRegex> = LazyLock::new(|| {
    let mut names: Vec<&str> = lexicon::actor_aliases().map(|(a, _)| a).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alts: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
    WordRegex::new(&format!(r"(?i)\b(?:{})(?:\b|$)", alts.join("|")))
        .expect("actor pattern compiles")
});

/// Canonical actors named in a sentence. Short aliases ("US", "UN") count only in
/// capitals, so the pronoun "us" is no actor.
pub fn actors(text: &str) -> Vec<String> {
    // Most sentences name no actor: their clues tell, without a search. A clue is
    // found in any ASCII case only, so an alias outside ASCII (a user's) turns the
    // test off.
    static ASCII_ALIASES: LazyLock<bool> =
        LazyLock::new(|| lexicon::actor_aliases().all(|(alias, _)| alias.is_ascii()));
    let named = !*ASCII_ALIASES || crate::clues::of(text).all(ACTOR_NAME);
    debug_assert!(
        named || !ACTOR_RE.is_match(text),
        "{text:?} lacks actor clues"
    );
    if !named {
        return Vec::new();
    }
    let mut out: Vec<String> = ACTOR_RE
        .find_iter(text)
        .filter(|m| {
            let s = m.as_str();
            let first_upper = s.chars().next().is_some_and(char::is_uppercase);
            first_upper
                && (s.len() > 4
                    || s.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase))
        })
        .filter_map(|m| lexicon::actor(m.as_str()))
        .map(str::to_string)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The names that follow a preposition of place, as the pattern
/// `\b(?:in|at|near|of|off|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?P<p>[A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)*)`
/// finds its group `p`, match after match: scanned by hand, since nearly every
/// sentence holds one of these prepositions and a regex search with captures from each
/// was most of the cost of reading a sentence's places.
fn preposition_places(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut s = 0;
    while s < b.len() {
        let candidate =
            matches!(b[s], b'i' | b'a' | b'n' | b'o' | b'f') && !word_char_before(text, s);
        if let Some(p) = candidate
            .then(|| place_after_preposition(text, s))
            .flatten()
        {
            s = p.end;
            out.push(p);
            continue;
        }
        // No preposition starts inside a word: the rest of an ASCII run of word
        // characters is passed at once.
        s += 1;
        if is_ascii_word_byte(b[s - 1]) {
            while s < b.len() && is_ascii_word_byte(b[s]) {
                s += 1;
            }
        }
    }
    out
}

/// The name of the match of [`preposition_places`]' pattern at byte `s`, if any: the
/// preposition, then "the", then the fewest lower-case words (at most two) before a
/// run of capitalized words.
fn place_after_preposition(text: &str, s: usize) -> Option<std::ops::Range<usize>> {
    let b = text.as_bytes();
    // "of" before "off", each only where white space follows, as the alternation.
    let preposition = ["in", "at", "near", "of", "off", "from"]
        .iter()
        .find(|p| b[s..].starts_with(p.as_bytes()) && after_space(text, s + p.len()).is_some())?;
    let mut at = after_space(text, s + preposition.len())?;
    // "the" taken when white space follows it: without it, "the" would be one of the
    // lower-case words, which finds nothing more.
    if b[at..].starts_with(b"the")
        && let Some(next) = after_space(text, at + 3)
    {
        at = next;
    }
    for words in 0..=2 {
        if let Some(end) = capitalized_run(text, at) {
            return Some(at..end);
        }
        if words == 2 {
            break;
        }
        let end = at
            + b[at..]
                .iter()
                .take_while(|c| c.is_ascii_lowercase())
                .count();
        at = after_space(text, end).filter(|_| end > at)?;
    }
    None
}

/// The end of the white space (`\s+`) starting at byte `i`, if there is any.
fn after_space(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let gap = rest.len() - rest.trim_start_matches(char::is_whitespace).len();
    (gap > 0).then_some(i + gap)
}

/// The end of the run of capitalized words (`[A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)*`)
/// starting at byte `i`, if one does.
fn capitalized_run(text: &str, i: usize) -> Option<usize> {
    let mut end = capitalized(text, i)?;
    while let Some(next) = after_space(text, end)
        && let Some(word_end) = capitalized(text, next)
    {
        end = word_end;
    }
    Some(end)
}

/// The end of the capitalized word (`[A-Z][\p{L}-]+`) starting at byte `i`, if one does.
fn capitalized(text: &str, i: usize) -> Option<usize> {
    if !text.as_bytes().get(i).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let rest = &text[i + 1..];
    let tail = rest.len() - rest.trim_start_matches(|c| c == '-' || is_letter(c)).len();
    (tail > 0).then_some(i + 1 + tail)
}

/// `\p{L}`: a letter of any script.
fn is_letter(c: char) -> bool {
    static LETTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\A\p{L}\z").expect("class pattern compiles"));
    match c.is_ascii() {
        true => c.is_ascii_alphabetic(),
        false => LETTER.is_match(c.encode_utf8(&mut [0; 4])),
    }
}

/// Whether the character before byte `i` of `text` (a char boundary) is a word
/// character ([`is_word_char`]), read from the byte before where it is ASCII: most
/// bytes of a sentence are asked.
fn word_char_before(text: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|p| text.as_bytes()[p]) {
        None => false,
        Some(b) if b.is_ascii() => is_ascii_word_byte(b),
        Some(_) => text[..i].chars().next_back().is_some_and(is_word_char),
    }
}

/// An ASCII byte that `\w` matches.
fn is_ascii_word_byte(b: u8) -> bool {
    byte_is(b, ALNUM | UNDERSCORE)
}

/// `\w`: a character a word boundary (`\b`) sees as part of a word.
fn is_word_char(c: char) -> bool {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\A\w\z").expect("class pattern compiles"));
    match c.is_ascii() {
        true => c.is_ascii_alphanumeric() || c == '_',
        false => WORD.is_match(c.encode_utf8(&mut [0; 4])),
    }
}

/// A name set beside the kind of place it is: "Orlen, a town of 15,000", "Velmar,
/// the port city".
static APPOSED_PLACE_RE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(r"\b(?P<p>[A-Z][\p{L}-]+),\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:town|city|village|port|district|province|region|island|suburb)\b", &PLACE_KIND_WORDS.join("|"))
        .expect("apposed place pattern compiles")
});

/// The words every match of [`APPOSED_PLACE_RE`] holds, as written.
const PLACE_KIND_WORDS: [&str; 9] = [
    "town", "city", "village", "port", "district", "province", "region", "island", "suburb",
];

/// A name right before a crowd noun: "the Velmar protest march", "a Lisbon rally".
static CROWD_PLACE_RE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(r"\b(?P<p>[A-Z][\p{L}-]+)\s+(?:protest\s+|peace\s+|street\s+)?(?:march|marches|rally|rallies|demonstration|demonstrations)\b", &CROWD_WORDS.join("|"))
        .expect("crowd place pattern compiles")
});

/// What every match of [`CROWD_PLACE_RE`] holds, as written.
const CROWD_WORDS: [&str; 3] = ["march", "rall", "demonstration"];

/// Names that follow a preposition of place ("in the old port city of Velmar", "off
/// Chile's northern coast"): enough to tell two past events apart. A name before a
/// crowd noun ("the Velmar march") is where the crowd marched.
pub fn places(text: &str) -> Vec<String> {
    places_where(text, true, true)
}

/// [`places`] of a sentence whose clues are at hand ([`crate::clues::of`], cached
/// for the sentence being read): most sentences hold neither a crowd noun nor a
/// kind of place, and the clues tell so without a search for them. The lead's
/// sentences are read before their clues are found, and walking them for clues
/// there would cost more than the searches it spares.
fn places_by_clues(text: &str) -> Vec<String> {
    let has = crate::clues::of(text);
    places_where(text, has.all(CROWD_WORD), has.all(PLACE_KIND_WORD))
}

/// [`places`], its crowd and apposed patterns run only where `crowd` and `apposed`.
fn places_where(text: &str, crowd: bool, apposed: bool) -> Vec<String> {
    debug_assert!(
        crowd || !CROWD_PLACE_RE.is_match(text),
        "a crowd place in {text:?} without its clues"
    );
    debug_assert!(
        apposed || !APPOSED_PLACE_RE.is_match(text),
        "an apposed place in {text:?} without its clues"
    );
    let mut out = Vec::new();
    // Each pattern's names pushed in a loop of its own: chaining the patterns' match
    // iterators copied their state at every step.
    let mut add = |p: &str| {
        let p = lexicon::place_name(p.trim_end_matches("'s"));
        let first = p.split_whitespace().next().unwrap_or("");
        if lexicon::lookup(lexicon::MONTHS, first).is_none()
            && lexicon::lookup(lexicon::WEEKDAYS, first).is_none()
        {
            out.push(p.to_string());
        }
    };
    for p in preposition_places(text) {
        add(&text[p]);
    }
    let named = |re: &'static LazyLock<WordRegex>| {
        re.captures_iter(text)
            .filter_map(|c| c.name("p"))
            .map(|p| p.as_str())
    };
    if crowd {
        named(&CROWD_PLACE_RE)
            .filter(|p| !lexicon::is_stopword(p))
            .for_each(&mut add);
    }
    if apposed {
        named(&APPOSED_PLACE_RE).for_each(&mut add);
    }
    out.sort();
    out.dedup();
    out
}

/// The place a population figure belongs to: the name just before "home to".
fn population_place(ctx: &SentenceCtx, start: usize) -> Option<String> {
    let k = ctx.word_before(start);
    let lo = k.saturating_sub(6);
    let mut run_start = None;
    for i in (lo..k).rev() {
        let w = &ctx.words[i];
        let capital = w.text.chars().next().is_some_and(char::is_uppercase);
        if capital && i > 0 {
            run_start = Some(i);
        } else if run_start.is_some() {
            break;
        }
    }
    run_start.map(|i| ctx.words[i].text.to_lowercase())
}

/// The claims of a one-line article published on `date`, for unit tests.
#[cfg(test)]
fn one_line_claims(text: &str, date: NaiveDate) -> Vec<Claim> {
    let article = Article::from_text("t.txt", text).published_on(date);
    let sentences = vec![Sentence {
        span: Span::new(0, text.len()),
        line: 1,
        text: text.to_string(),
    }];
    let timexes = crate::timex::tag(&article, &sentences, Some(date));
    extract(0, &article, &sentences, &timexes)
}

/// The date claims of a one-line article published on `date`, each with its value
/// written out, for unit tests.
#[cfg(test)]
fn one_line_dates(text: &str, date: NaiveDate) -> Vec<(Claim, String)> {
    one_line_claims(text, date)
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Date)
        .map(|c| {
            let Value::Time(r) = &c.value else {
                panic!("a date claim holds a time")
            };
            let value = r.to_string();
            (c, value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, dct: (i32, u32, u32)) -> Vec<Claim> {
        let date = NaiveDate::from_ymd_opt(dct.0, dct.1, dct.2).unwrap();
        let article = Article::from_text("t.txt", text).published_on(date);
        let mut sentences = Vec::new();
        let mut offset = 0;
        for (i, line) in text.split('\n').enumerate() {
            if !line.trim().is_empty() {
                sentences.push(Sentence {
                    span: Span::new(offset, offset + line.len()),
                    line: i + 1,
                    text: line.to_string(),
                });
            }
            offset += line.len() + 1;
        }
        let timexes = crate::timex::tag(&article, &sentences, Some(date));
        extract(0, &article, &sentences, &timexes)
    }

    fn find<'a>(claims: &'a [Claim], kind: ClaimKind, head: &str) -> Vec<&'a Claim> {
        claims
            .iter()
            .filter(|c| c.kind == kind && c.topic.head.ends_with(&lexicon::fold(head)))
            .collect()
    }

    #[test]
    fn after_a_length_of_time_closing_its_clause_tells_how_long_the_action_went_on() {
        let claims = run(
            "The ferry finally pulled out after about 40 minutes, the captain said.",
            (2019, 3, 8),
        );
        let d: Vec<&Claim> = claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Duration)
            .collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].mention, "about 40 minutes");
        // Not right after the verb phrase: no length of the action is told.
        let later = run("The ferry reached the pier after 40 minutes.", (2019, 3, 8));
        assert!(later.iter().all(|c| c.kind != ClaimKind::Duration));
    }

    #[test]
    fn a_word_glued_to_a_number_measures_rather_than_names() {
        let tokens = |text: &str| {
            let claims = run(text, (2019, 3, 8));
            let date = find(&claims, ClaimKind::Date, "quake");
            date.first().map(|c| c.topic.tokens.clone())
        };
        let plain = tokens("A coastal quake struck the port in May 2015.");
        assert!(plain.is_some());
        assert_eq!(
            tokens("A coastal 6.2-strength quake struck the port in May 2015."),
            plain
        );
        assert_eq!(
            tokens("A coastal 6.2 degree quake struck the port in May 2015."),
            plain
        );
    }

    proptest::proptest! {
        /// The word scanner finds what the word pattern finds, in any script.
        #[test]
        fn words_as_the_pattern_finds_them(s in "[aZ09 .,;:()\"'!?/&$’‘“”–—éßЖ中٣²ⅷ\u{301}\u{a0}-]{0,24}") {
            static RE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[,;:()“”\x22–—-]").unwrap()
            });
            let want: Vec<(usize, usize)> = RE.find_iter(&s).map(|m| (m.start(), m.end())).collect();
            let mut found = Vec::new();
            word_spans(&s, |start, end| found.push((start, end)));
            proptest::prop_assert_eq!(found, want);
        }

        /// The place scanner finds the names the place pattern finds, in any script.
        #[test]
        fn places_after_prepositions_as_the_pattern_finds_them(s in "((in|at|near|of|off|from|the|xy|_in|9)( |  |\u{a0}|\u{2003}|\n|\u{200b}|)|(Paris|X|É|Év|Xǅ|Xé|X-|X\u{2160}|X\u{301}|ß|Ж|中|,|\\.|'s|-)){0,20}") {
            static RE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"\b(?:in|at|near|of|off|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?P<p>[A-Z][\p{L}-]+(?:\s+[A-Z][\p{L}-]+)*)").unwrap()
            });
            let want: Vec<std::ops::Range<usize>> = RE
                .captures_iter(&s)
                .filter_map(|c| c.name("p"))
                .map(|p| p.range())
                .collect();
            proptest::prop_assert_eq!(preposition_places(&s), want);
        }

        /// The run scanner splits as `str::split` on non-alphanumeric characters does.
        #[test]
        fn alnum_runs_as_split_finds_them(s in "[aZ09 .,;:()\"'!?/&$’‘“”–—éßЖ中٣²ⅷ\u{301}\u{a0}\u{2160}-]{0,24}") {
            let want: Vec<&str> = s
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(alnum_runs(&s).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn counts_of_incidents_happened_whatever_the_verb() {
        let claims = run(
            "Three strong aftershocks were felt overnight.\nThe blast was followed by at least two explosions of around the same size.",
            (2012, 5, 6),
        );
        let shocks = find(&claims, ClaimKind::Count, "aftershocks");
        assert_eq!(shocks.len(), 1);
        assert_eq!(shocks[0].display, "3");
        assert!(shocks[0].topic.head.starts_with("occurred "));
        let blasts = find(&claims, ClaimKind::Count, "explosions");
        assert_eq!(blasts.len(), 1);
        assert_eq!(blasts[0].display, "≥2");
        assert!(blasts[0].topic.head.starts_with("occurred "));
        assert!(!blasts[0].topic.tokens.iter().any(|t| t == "around"));
    }

    #[test]
    fn counts_of_units_sent_for_share_a_role() {
        let claims = run(
            "Crews called in an additional six engines.\nThe brigade called a further four appliances.",
            (2012, 5, 6),
        );
        let sent: Vec<_> = find(&claims, ClaimKind::Count, "engines")
            .into_iter()
            .map(|c| (c.topic.head.clone(), c.display.clone()))
            .collect();
        let engine = lexicon::fold("engines");
        assert_eq!(
            sent,
            vec![
                (format!("sent {engine}"), "6".to_string()),
                (format!("sent {engine}"), "4".to_string())
            ]
        );
    }

    #[test]
    fn counts_of_irregular_plurals_after_an_adjective() {
        let claims = run(
            "She leaves two teenaged children.\nHe leaves three grandchildren.",
            (2012, 5, 6),
        );
        let children = find(&claims, ClaimKind::Count, "children");
        assert_eq!(children.len(), 1);
        assert_eq!(children[0].display, "2");
        let grandchildren = find(&claims, ClaimKind::Count, "grandchildren");
        assert_eq!(grandchildren[0].display, "3");
    }

    #[test]
    fn a_count_in_a_dashed_aside_takes_no_role_from_outside() {
        let claims = run(
            "Mrs. Okafor – who leaves two grandchildren – died later that night.",
            (2012, 5, 6),
        );
        let kids = find(&claims, ClaimKind::Count, "grandchildren");
        assert_eq!(kids.len(), 1);
        assert!(!kids[0].topic.head.starts_with("killed"));
    }

    #[test]
    fn one_count_of_a_charge_is_a_count() {
        let claims = run(
            "He faces one count of first-degree murder.\nHe faces three counts of arson.",
            (2012, 5, 6),
        );
        let charges: Vec<_> = find(&claims, ClaimKind::Count, "count")
            .into_iter()
            .map(|c| c.display.clone())
            .collect();
        assert_eq!(charges, vec!["1", "3"]);
    }

    #[test]
    fn places_take_their_usual_name() {
        assert_eq!(
            places("The Salonika march was peaceful."),
            vec!["Thessaloniki"]
        );
        assert!(places("The march was peaceful.").is_empty());
        assert_eq!(
            places("A storm hit Orlen, a small town of 9,000 people."),
            vec!["Orlen"]
        );
        assert_eq!(
            places("Thousands marched in Salonika."),
            vec!["Thessaloniki"]
        );
        assert_eq!(
            places("Thousands marched in Thessaloniki."),
            vec!["Thessaloniki"]
        );
    }

    #[test]
    fn spans_slice_back_to_mentions() {
        let text = "The harvest festivals will be the first since 2009.\nThey are due to open on 9 March, three days before the yearly regional elections begin.";
        for c in run(text, (2014, 2, 13)) {
            assert_eq!(&text[c.span.start..c.span.end], c.mention);
        }
    }

    #[test]
    fn pronouns_take_the_previous_event() {
        let text = "The harvest festivals will be the first since 2009.\nThey are due to open on 9 March, three days before the yearly regional elections begin.";
        let claims = run(text, (2014, 2, 13));
        let last = find(&claims, ClaimKind::LastOccurrence, "festivals");
        assert_eq!(last.len(), 1);
        assert_eq!(last[0].display, "2009");
        let start = find(&claims, ClaimKind::Date, "festivals");
        assert_eq!(start[0].display, "2014-03-09");
        assert_eq!(start[0].topic.aspect, Aspect::Start);
        let drills = find(&claims, ClaimKind::Date, "elections");
        assert_eq!(drills[0].display, "2014-03-12");
        assert_eq!(drills[0].topic.aspect, Aspect::Start);
        assert!(drills[0].derivation.as_deref().unwrap().contains("9 March"));
    }

    #[test]
    fn records_in_durations() {
        let claims = run(
            "She flew home a day after both parties held their highest-ranking talks in seven years.",
            (2014, 2, 13),
        );
        let last = find(&claims, ClaimKind::LastOccurrence, "talks");
        assert_eq!(last.len(), 1);
        assert!(last[0].display.starts_with("2006-"), "{}", last[0].display);
        let claims = run(
            "It is the first time in over eight years, aides claim, that a meeting of this rank has been held.",
            (2014, 2, 13),
        );
        let last = find(&claims, ClaimKind::LastOccurrence, "meeting");
        assert_eq!(last[0].display, "../2006-02-13");
    }

    #[test]
    fn last_took_place() {
        let claims = run("The last such festivals took place in 2009.", (2014, 2, 13));
        assert_eq!(
            find(&claims, ClaimKind::LastOccurrence, "festival")[0].display,
            "2009"
        );
    }

    #[test]
    fn ranges_and_durations_in_one_sentence() {
        let claims = run(
            "The port saw a seven-week pause in dock strikes between August 2 and October 19.",
            (2018, 1, 13),
        );
        let range = find(&claims, ClaimKind::Date, "break");
        assert_eq!(range[0].display, "2017-08-02/2017-10-19");
        let dur = find(&claims, ClaimKind::Duration, "break");
        assert_eq!(dur[0].display, "P7W");
    }

    #[test]
    fn end_of_a_range() {
        let claims = run(
            "Villages were split by the partitioning of the Veltan Valley at the end of the 1961-64 Border War.",
            (2014, 2, 13),
        );
        let part = find(&claims, ClaimKind::Date, "partition");
        assert_eq!(part[0].display, "1964");
        let war = find(&claims, ClaimKind::Date, "war");
        assert_eq!(war[0].display, "1961-01-01/1964-12-31");
        assert!(war[0].historical);
    }

    #[test]
    fn instance_naming_times_are_identifying() {
        let claims = run(
            "Last year's manoeuvres were followed by protests.",
            (2014, 2, 13),
        );
        let d = find(&claims, ClaimKind::Date, "drills");
        assert!(d[0].identifying);
        let claims = run(
            "The island council asked Norland to postpone joint naval exercises with Estavia planned for later this month.",
            (2014, 2, 13),
        );
        let d = find(&claims, ClaimKind::Date, "exercises");
        assert!(!d[0].identifying);
        assert_eq!(d[0].display, "2014-02-14/2014-02-28");
    }

    #[test]
    fn a_bare_clock_time_is_the_incidents() {
        let text = "Driver flees after crash\nThe pensioner was crossing the road with her son when she was struck at about 9 p.m., said Sgt. Ray Lund.";
        let claims = run(text, (2013, 5, 3));
        let clock = claims
            .iter()
            .find(|c| c.kind == ClaimKind::Clock)
            .unwrap_or_else(|| panic!("no clock: {claims:#?}"));
        assert_eq!(clock.topic.head, lexicon::fold("crash"));
        assert_eq!(
            clock.value,
            Value::Clock {
                low: 20 * 60 + 45,
                high: 21 * 60 + 15,
                utc: false
            }
        );
    }

    #[test]
    fn a_day_told_after_the_dead_is_the_incidents() {
        let text = "Blast at a depot\nFour workers were killed when a gas tank blew apart at a depot in Lyon on Tuesday.\nRescuers cleared the site on Wednesday as the toll rose to 4.";
        let claims = run(text, (2015, 6, 11));
        let day = |line: usize| {
            claims
                .iter()
                .find(|c| c.kind == ClaimKind::Date && c.sentence == line)
                .map(|c| c.topic.head.clone())
        };
        assert_eq!(day(1), Some(lexicon::fold("bombing")));
        assert_ne!(day(2), Some(lexicon::fold("bombing")));
    }

    #[test]
    fn degrees_of_charges_and_injuries() {
        let claims = run(
            "Jon Hale was charged with first-degree murder and faces a third degree assault count.\nHe suffered second-degree burns.",
            (2012, 4, 2),
        );
        let degree = |head: &str| {
            claims
                .iter()
                .find(|c| c.kind == ClaimKind::Ordinal && c.topic.head == head)
                .map(|c| (c.mention.clone(), c.value.clone()))
        };
        let head = |w: &str| format!("degree {}", lexicon::fold(w));
        assert_eq!(
            degree(&head("murder")),
            Some(("first-degree murder".to_string(), Value::Ordinal(1)))
        );
        assert_eq!(
            degree(&head("assault")),
            Some(("third degree assault".to_string(), Value::Ordinal(3)))
        );
        assert_eq!(
            degree(&head("burns")),
            Some(("second-degree burns".to_string(), Value::Ordinal(2)))
        );
        let ordinals = claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Ordinal)
            .count();
        assert_eq!(ordinals, 3, "{claims:#?}");
    }

    #[test]
    fn counts_and_ordinals() {
        let claims = run(
            "Three rounds of hearings were held. At least 12 people died after the region's fourth missile test.",
            (2014, 2, 13),
        );
        let rounds = find(&claims, ClaimKind::Count, "rounds");
        assert_eq!(rounds[0].display, "3");
        let people = find(&claims, ClaimKind::Count, "people");
        assert_eq!(people[0].display, "≥12");
        let test = find(&claims, ClaimKind::Ordinal, "test");
        assert_eq!(test[0].display, "4");
    }

    #[test]
    fn actors_fold_capitals() {
        assert_eq!(
            actors("Beijing told Tehran and the US"),
            vec!["China", "Iran", "United States"]
        );
        assert!(actors("let us go").is_empty());
    }

    #[test]
    fn another_incident_on_another_day_keeps_its_own_day() {
        let text = "Landslide hits Varno\n\
            A landslide buried the village of Varno on Sunday, killing 12 people.\n\
            On Monday, rescuers said the landslide had injured 40 people.\n\
            On Saturday, a landslide in the north of Telmar killed 30 people.\n\
            The second landslide of the week struck on Tuesday.";
        let claims = run(text, (2010, 3, 17));
        let day_of = |mention: &str| {
            claims
                .iter()
                .find(|c| c.kind == ClaimKind::Count && c.mention.contains(mention))
                .unwrap_or_else(|| panic!("no count {mention}: {claims:#?}"))
                .event
                .day
        };
        let sunday = NaiveDate::from_ymd_opt(2010, 3, 14).map(EventDay::Date);
        assert_eq!(day_of("12 people"), sunday);
        // "the landslide" refers back to the story's own incident.
        assert_eq!(day_of("40 people"), sunday);
        assert_eq!(
            day_of("30 people"),
            NaiveDate::from_ymd_opt(2010, 3, 13).map(EventDay::Date)
        );
        assert!(EventDay::Weekday(7).may_be(EventDay::Date(
            NaiveDate::from_ymd_opt(2010, 3, 14).unwrap()
        )));
        assert!(!EventDay::Weekday(6).may_be(EventDay::Weekday(7)));
    }

    #[test]
    fn a_relative_clause_about_a_person_dates_its_own_verb() {
        let text = "The woman held in the stabbing is Ann Lee, a 41-year-old cook who was dismissed from the diner on Tuesday.";
        let claims = run(text, (2011, 6, 10));
        let tuesday = claims
            .iter()
            .find(|c| c.kind == ClaimKind::Date && c.mention == "Tuesday")
            .expect("a date for Tuesday");
        assert_eq!(tuesday.topic.head, lexicon::fold("dismissed"));
        assert_eq!(tuesday.display, "2011-06-07");
        assert!(find(&claims, ClaimKind::Date, "stabbing").is_empty());
    }
}

#[cfg(test)]
mod event_tests {
    use super::*;

    #[test]
    fn bylines_give_no_claims() {
        assert!(is_byline(
            "On behalf of Dana Ruiz posted in Local News on Friday, May 3, 2019."
        ));
        assert!(is_byline("Updated: 14:02, Friday, May 3, 2019"));
        assert!(!is_byline("The bridge reopened on Friday, May 3, 2019."));
    }

    #[test]
    fn attribution_forms() {
        let cases = [
            (
                "The tremor registered 4.8, the U.S. Geological Survey reported.",
                Some("U.S. Geological Survey"),
            ),
            (
                "The tremor registered 5.2, according to Chilean state media.",
                Some("Chilean state media"),
            ),
            ("Police say three people were hurt.", Some("police")),
            (
                "Two people were hurt, said the USGS.",
                Some("U.S. Geological Survey"),
            ),
            (
                "At least 14 people were killed, officials said on Tuesday.",
                Some("officials"),
            ),
            ("He said two people were hurt.", None),
            ("Two people were hurt in the blast.", None),
        ];
        for (text, want) in cases {
            assert_eq!(attribution(text).as_deref(), want, "{text}");
        }
    }

    /// Each pattern's sources, as [`attribution_source`] reads them from the matches
    /// and as the pattern's captures give them.
    fn sources_both_ways(text: &str) -> [(Vec<&str>, Vec<&str>); 3] {
        let mut i = 0..;
        ATTRIBUTION.each_ref().map(|re| {
            let i = i.next().unwrap_or_default();
            let by_hand = re
                .find_iter(text)
                .map(|m| attribution_source(i, m.as_str()));
            let captured = re.captures_iter(text).filter_map(|c| c.name("s"));
            (by_hand.collect(), captured.map(|s| s.as_str()).collect())
        })
    }

    #[test]
    fn sources_read_by_hand_in_examples() {
        for text in [
            "according to  the state media, citing the Times, the police said (the Police say",
            "said the the local police, according to\tthe very local state police chief",
            " The U.S. Department of the Interior reported\u{a0}told Chile's Seismic Agency",
            "theme park officials told\nthe\u{2009}Agency Of The Día, citing theater police",
        ] {
            for (by_hand, captured) in sources_both_ways(text) {
                assert_eq!(by_hand, captured, "{text}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn sources_read_by_hand_are_the_captured_ones(
            words in proptest::collection::vec(
                r"(according|to|citing|the|The|theater|said|says|say|reported|told|stated|announced|of|Of|state|media|police|officials|local|very|U\.S\.|Survey|Chile's|A&B|Day-Long|USGS\.|Día|é|ſaid|\u{212A}|x|_|,|\(|\.|[ ]|[ ]|[ ]|\t|\n|\u{a0}|\u{2009})",
                0..24,
            )
        ) {
            let text = words.concat();
            for (by_hand, captured) in sources_both_ways(&text) {
                proptest::prop_assert_eq!(by_hand, captured);
            }
        }
    }

    #[test]
    fn claims_carry_their_source_and_event() {
        let text = "Earthquake hits island of Korvel\n\
            An earthquake struck the island of Korvel on Sunday, killing at least 14 people, officials said.\n\
            In March 2001, a quake in Maruna killed more than 9,000 people.";
        let date = NaiveDate::from_ymd_opt(2005, 11, 28).unwrap();
        let article = Article::from_text("t.txt", text).published_on(date);
        let mut sentences = Vec::new();
        let mut offset = 0;
        for (i, line) in text.split('\n').enumerate() {
            sentences.push(Sentence {
                span: Span::new(offset, offset + line.len()),
                line: i + 1,
                text: line.to_string(),
            });
            offset += line.len() + 1;
        }
        let timexes = crate::timex::tag(&article, &sentences, Some(date));
        let claims = extract(0, &article, &sentences, &timexes);
        let count = |mention: &str| {
            claims
                .iter()
                .find(|c| c.kind == ClaimKind::Count && c.mention.contains(mention))
                .unwrap_or_else(|| panic!("no count {mention}: {claims:#?}"))
        };
        let toll = count("14 people");
        assert_eq!(toll.attributed_to.as_deref(), Some("officials"));
        assert_eq!(toll.event.label(), "earthquake in Korvel");
        assert_eq!(toll.event.time, Some(date));
        let past = count("9,000");
        assert_eq!(past.attributed_to, None);
        assert!(past.historical);
        assert_eq!(past.event.label(), "earthquake in Maruna");
        assert_eq!(past.event.time, NaiveDate::from_ymd_opt(2001, 3, 31));
    }

    #[test]
    fn a_pronoun_sentence_goes_on_about_the_earlier_event() {
        let text = "In April, a quake hit the village of Dunmoor.\nIt killed 237 people.";
        let date = NaiveDate::from_ymd_opt(2005, 11, 28).unwrap();
        let article = Article::from_text("t.txt", text).published_on(date);
        let sentences: Vec<Sentence> = [(0, 45, 1), (46, text.len(), 2)]
            .iter()
            .map(|&(s, e, line)| Sentence {
                span: Span::new(s, e),
                line,
                text: text[s..e].to_string(),
            })
            .collect();
        let timexes = crate::timex::tag(&article, &sentences, Some(date));
        let claims = extract(0, &article, &sentences, &timexes);
        let toll = claims
            .iter()
            .find(|c| c.mention.contains("237"))
            .expect("toll");
        assert!(toll.historical, "{toll:?}");
        assert_eq!(toll.places, vec!["Dunmoor".to_string()]);
    }
}

#[cfg(test)]
mod toll_tests {
    use super::*;

    /// The counts of a one-sentence article dated 2005-11-28, as (mention, head, value).
    fn counts_of(text: &str) -> Vec<(String, String, String)> {
        one_line_claims(text, NaiveDate::from_ymd_opt(2005, 11, 28).unwrap())
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Count)
            .map(|c| (c.mention, c.topic.head, c.display))
            .collect()
    }

    fn has(text: &str, mention: &str, role: &str, value: &str) {
        let found = counts_of(text);
        let head = format!("{role} {}", lexicon::fold("people"));
        assert!(
            found
                .iter()
                .any(|(m, h, v)| m == mention && *h == head && v == value),
            "{text}: want {mention:?} {head} {value}, got {found:?}"
        );
    }

    #[test]
    fn round_figures_stand_for_what_rounds_to_them() {
        let text = "The floods killed 300 people and injured 35 others in the valley.";
        let claims = one_line_claims(text, NaiveDate::from_ymd_opt(2005, 11, 28).unwrap());
        let amount = |mention: &str| {
            let c = claims
                .iter()
                .find(|c| c.kind == ClaimKind::Count && c.mention.contains(mention))
                .unwrap_or_else(|| panic!("no count {mention}: {claims:#?}"));
            match &c.value {
                Value::Amount(a) => (c.display.clone(), c.topic.head.clone(), a.low, a.high),
                other => panic!("not an amount: {other:?}"),
            }
        };
        let killed = amount("300");
        assert_eq!(killed.0, "300");
        assert_eq!(killed.1, format!("killed {}", lexicon::fold("people")));
        assert_eq!((killed.2, killed.3), (285.0, Some(315.0)));
        let injured = amount("35");
        assert_eq!((injured.2, injured.3), (35.0, Some(35.0)));
    }

    #[test]
    fn crowds_said_of_their_march() {
        has(
            "The Velmar march was attended by an approximate 30,000, organisers said.",
            "attended by an approximate 30,000",
            "marched",
            "25500–34500",
        );
        has(
            "A rally in the capital was attended by some 4,000 people.",
            "attended by some 4,000",
            "marched",
            "3400–4600",
        );
        assert!(
            !counts_of("The meeting was attended by 40 delegates.")
                .iter()
                .any(|(_, head, _)| head.starts_with("marched"))
        );
    }

    #[test]
    fn a_person_named_as_injured_counts_one() {
        has(
            "A female clerk was treated at a hospital and released.",
            "A female clerk",
            "injured",
            "1",
        );
        has(
            "A bank employee suffered non-life threatening injuries.",
            "A bank employee",
            "injured",
            "1",
        );
    }

    #[test]
    fn tolls_without_a_noun() {
        has(
            "The death toll from Monday's storm in the Orlen hills has risen to 15, the mayor said.",
            "has risen to 15",
            "killed",
            "15",
        );
        has(
            "Rescuers found two more bodies, bringing the death toll to at least 40.",
            "bringing the death toll to at least 40",
            "killed",
            "≥40",
        );
        has(
            "The tremor struck on Friday, injuring 35.",
            "injuring 35",
            "injured",
            "35",
        );
        has(
            "That storm killed at least four people, injured almost 30 and flooded roads.",
            "injured almost 30",
            "injured",
            "27–30",
        );
        has(
            "She said 12 of the 65 wounded stayed in hospital.",
            "65 wounded",
            "injured",
            "65",
        );
        has(
            "Eight people were killed and at least 35 injured when the bridge collapsed.",
            "at least 35 injured",
            "injured",
            "≥35",
        );
        has(
            "A flood killed more than 4,200 in Lindmark, and 350 were killed in Tessel.",
            "350 were killed",
            "killed",
            "350",
        );
        has(
            "The blast came at dawn, killing 6 persons and wounding other 45, officials said.",
            "wounding other 45",
            "injured",
            "45",
        );
    }

    /// Words of a counted noun may be parted by any whitespace (a no-break space is two
    /// bytes): the mention still slices the text exactly.
    #[test]
    fn counted_nouns_parted_by_wide_spaces_keep_exact_spans() {
        let text = "Guards found four\u{a0}blank\u{a0}cartridges and five\u{a0}other\u{a0}rifles.";
        let date = NaiveDate::from_ymd_opt(2005, 11, 28).unwrap();
        let article = Article::from_text("t.txt", text).published_on(date);
        let sentences = vec![Sentence {
            span: Span::new(0, text.len()),
            line: 1,
            text: text.to_string(),
        }];
        let claims = extract(0, &article, &sentences, &[]);
        let mentions: Vec<&str> = claims.iter().map(|c| c.mention.as_str()).collect();
        assert!(
            mentions.contains(&"four\u{a0}blank\u{a0}cartridges"),
            "{mentions:?}"
        );
        assert!(
            mentions.contains(&"five\u{a0}other\u{a0}rifles"),
            "{mentions:?}"
        );
        for c in &claims {
            assert_eq!(&text[c.span.start..c.span.end], c.mention);
        }
    }

    #[test]
    fn marchers_are_counted_as_such() {
        has(
            "Police said about 8,000 people took to the streets of Varno.",
            "about 8,000 people",
            "marched",
            "6800–9200",
        );
        has(
            "In the port, another 3,000 people marched through the old town.",
            "3,000 people",
            "marched",
            "3000",
        );
    }

    #[test]
    fn victims_named_rather_than_counted() {
        has(
            "The blast killed a police officer and a county bomb disposal technician.",
            "a police officer and a county bomb disposal technician",
            "killed",
            "2",
        );
        has(
            "A woman died on Tuesday after being struck by a van.",
            "A woman",
            "killed",
            "1",
        );
        has(
            "A cyclist hit and killed by a lorry was named on Friday.",
            "A cyclist",
            "killed",
            "1",
        );
        // An active verb names the killer, a possessive someone else.
        assert!(counts_of("A woman killed her neighbour's dog.").is_empty());
        assert!(counts_of("The crash killed a man's brother.").is_empty());
    }

    #[test]
    fn no_one_hurt_is_a_toll_of_zero() {
        has(
            "Moreau insisted no one else was seriously hurt.",
            "no one else was seriously hurt",
            "injured",
            "0",
        );
        has(
            "There were no casualties, the mayor said.",
            "no casualties",
            "killed",
            "0",
        );
        has(
            "No-one was injured in the blaze at the depot.",
            "No-one was injured",
            "injured",
            "0",
        );
        has(
            "\"No one was hurt,\" the mayor said.",
            "No one was hurt",
            "injured",
            "0",
        );
        has(
            "The mayor said that no one was hurt in the collapse.",
            "no one was hurt",
            "injured",
            "0",
        );
        has(
            "No one is believed to have been hurt, the council said.",
            "No one is believed to have been hurt",
            "injured",
            "0",
        );
    }

    #[test]
    fn numbers_that_are_not_tolls() {
        for text in [
            "The gunman killed 4 of them at 11:15 on Tuesday.",
            "Police arrested 3.5 million dollars worth of goods.",
            "The injured 52-year-old man was taken to hospital.",
        ] {
            let found = counts_of(text);
            assert!(
                !found
                    .iter()
                    .any(|(m, ..)| m.contains("3.5") || m.contains("52-")),
                "{text}: {found:?}"
            );
        }
    }
}
