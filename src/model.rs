//! Plain data passed forward from one pipeline stage to the next.
//!
//! Every stage takes values of these types and returns values of these types; no stage
//! reaches into another's internals. All byte offsets ([`Span`]) point into the
//! article's original file text, so `&article.text[span.start..span.end]` is always the
//! words the user wrote. Collections that end up in output are ordered (`Vec`,
//! `BTreeMap`) so that reports are deterministic.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// A byte range `[start, end)` into an article's original file text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The same range moved `by` bytes to the right (sentence-relative → file-relative).
    pub fn shift(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }
}

/// Serialized as `[start, end]`, the form the JSON interface promises.
impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

/// Where an article's publication date (its document creation time) came from,
/// in the order the sources are tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// `--published PATH=DATE` on the command line.
    Cli,
    /// A `published:` key in the article's front matter.
    FrontMatter,
    /// A crawler's record (news-please `date_publish`, newspaper `publish_date`).
    Metadata,
    /// An explicit line of the text: "Published: …", "Last Updated: …", a dateline,
    /// a dated photo caption.
    Text,
    /// A date in the article's URL (`/2013/07/02/`).
    Url,
    /// Guessed from the dates the article mentions or borrowed from a related article.
    Inferred,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Cli => "cli",
            DateSource::FrontMatter => "front-matter",
            DateSource::Metadata => "metadata",
            DateSource::Text => "text",
            DateSource::Url => "url",
            DateSource::Inferred => "inferred",
        }
    }
}

/// An article's publication date with the evidence for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub date: NaiveDate,
    pub from: DateSource,
    /// The words or reason behind the date ("Published: Thu, March 8, 2018",
    /// "shares 3 dated events with corpus/a.txt"), for `--verbose` and JSON.
    pub evidence: String,
    /// The clock time of publication when the evidence states one ("Last Updated:
    /// Friday, 14 October 2011, 07:41 GMT"), as printed, time zone ignored: it orders
    /// same-day articles when a count changes during the day.
    pub time: Option<NaiveTime>,
}

/// One input article as read from disk, before any analysis.
#[derive(Clone, Debug)]
pub struct Article {
    /// The path exactly as the user gave it (or as found under a given directory).
    pub path: String,
    /// The whole file, decoded; never modified.
    pub text: String,
    /// The part of `text` after any front matter.
    pub body: Span,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Filled by ingest from the command line, front matter or URL; later stages may
    /// fill it from the text or by inference.
    pub published: Option<Published>,
    /// The character set the file was decoded from when it was not UTF-8 (a legacy
    /// web page saved as windows-1252, say). Spans then index the decoded `text`, not
    /// the bytes on disk; line numbers are the same either way.
    pub encoding: Option<&'static str>,
}

impl Article {
    /// An article of plain text: no front matter, no metadata, no date.
    pub fn from_text(path: &str, text: &str) -> Self {
        Article {
            path: path.to_string(),
            text: text.to_string(),
            body: Span::new(0, text.len()),
            title: None,
            source: None,
            url: None,
            published: None,
            encoding: None,
        }
    }

    /// The same article with a publication date given as on the command line.
    pub fn published_on(mut self, date: NaiveDate) -> Self {
        self.published = Some(Published {
            date,
            from: DateSource::Cli,
            evidence: "--published".to_string(),
            time: None,
        });
        self
    }
}

/// Why a stretch of text was not treated as the article's own words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DropReason {
    /// "Image copyright Reuters", "Photo: AP", "Getty Images".
    PhotoCredit,
    /// "More on this story", "Related Stories", "Page 10 of 15", "Share this".
    Navigation,
    /// "Copyright © 2019 Daily Ledger", "Like this:", browser notices.
    Footer,
    /// Reader comments and everything in a comment section.
    Comments,
    /// A line repeating an earlier line word for word (a headline printed twice).
    Duplicate,
}

impl DropReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::PhotoCredit => "photo-credit",
            DropReason::Navigation => "navigation",
            DropReason::Footer => "footer",
            DropReason::Comments => "comments",
            DropReason::Duplicate => "duplicate",
        }
    }
}

/// The output of the clean stage: which parts of the body are the article's own text.
#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    /// Kept byte ranges of the file, in order, never overlapping. A range never
    /// crosses a line end; segment joins adjacent kept lines where prose continues.
    pub kept: Vec<Span>,
    /// Dropped stretches with the reason, in file order.
    pub dropped: Vec<(Span, DropReason)>,
}

impl Cleaned {
    /// How many stretches were dropped for each reason.
    pub fn drop_counts(&self) -> BTreeMap<DropReason, usize> {
        let mut counts = BTreeMap::new();
        for (_, why) in &self.dropped {
            *counts.entry(*why).or_insert(0) += 1;
        }
        counts
    }
}

/// One sentence of an article's kept text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the file (trimmed of surrounding whitespace).
    pub span: Span,
    /// 1-based line number of the sentence's first byte.
    pub line: usize,
    /// The sentence's text, `&article.text[span]`, with inner line breaks kept.
    pub text: String,
}

/// How fine a time value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A stretch of calendar time, inclusive at both ends; an open end is `None`.
///
/// Every time value the engine compares is such an interval: "20 February" in a 2014
/// article is 2014-02-20..=2014-02-20, "in 2010" is 2010-01-01..=2010-12-31, "more than
/// six years ago" is ..=(anchor − 6 years).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeRange {
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub granularity: Granularity,
}

impl TimeRange {
    pub fn day(d: NaiveDate) -> Self {
        TimeRange {
            earliest: Some(d),
            latest: Some(d),
            granularity: Granularity::Day,
        }
    }
    pub fn between(a: NaiveDate, b: NaiveDate, granularity: Granularity) -> Self {
        TimeRange {
            earliest: Some(a.min(b)),
            latest: Some(a.max(b)),
            granularity,
        }
    }
    /// True when some day lies in both ranges.
    pub fn overlaps(&self, other: &TimeRange) -> bool {
        let starts_before_other_ends = match (self.earliest, other.latest) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        };
        let ends_after_other_starts = match (self.latest, other.earliest) {
            (Some(a), Some(b)) => a >= b,
            _ => true,
        };
        starts_before_other_ends && ends_after_other_starts
    }
    /// The single day, when the range is exactly one day.
    pub fn as_day(&self) -> Option<NaiveDate> {
        match (self.earliest, self.latest) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }
    /// Days from the earliest to the latest day, both included.
    pub fn days(&self) -> Option<i64> {
        Some((self.latest? - self.earliest?).num_days() + 1)
    }
}

impl fmt::Display for TimeRange {
    /// ISO 8601: a day, month or year when the range is exactly one; otherwise an
    /// interval `start/end` with `..` for an open end.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use chrono::Datelike;
        let (Some(a), Some(b)) = (self.earliest, self.latest) else {
            let show = |d: Option<NaiveDate>| d.map_or("..".to_string(), |d| d.to_string());
            return write!(f, "{}/{}", show(self.earliest), show(self.latest));
        };
        let whole_month = a.day() == 1
            && a.year() == b.year()
            && a.month() == b.month()
            && b.succ_opt().is_some_and(|n| n.day() == 1);
        let whole_year =
            a.ordinal() == 1 && a.year() == b.year() && b.month() == 12 && b.day() == 31;
        if a == b {
            write!(f, "{a}")
        } else if whole_month {
            write!(f, "{:04}-{:02}", a.year(), a.month())
        } else if whole_year {
            write!(f, "{:04}", a.year())
        } else {
            write!(f, "{a}/{b}")
        }
    }
}

/// A number with an uncertainty interval and a unit: counts ("at least 12 people"),
/// durations (stored in days: "six-week" = 42), quantities.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Amount {
    /// Lowest value the words allow.
    pub low: f64,
    /// Highest value the words allow; `None` is unbounded ("at least 12", "dozens").
    pub high: Option<f64>,
    /// The unit the value is measured in: "day" for durations, the counted noun's
    /// lemma for counts ("people", "round").
    pub unit: String,
}

impl Amount {
    pub fn exact(v: f64, unit: &str) -> Self {
        Amount {
            low: v,
            high: Some(v),
            unit: unit.to_string(),
        }
    }
    pub fn overlaps(&self, other: &Amount) -> bool {
        let a_hi = self.high.unwrap_or(f64::INFINITY);
        let b_hi = other.high.unwrap_or(f64::INFINITY);
        self.low <= b_hi + 1e-9 && other.low <= a_hi + 1e-9
    }
}

/// The TimeML `type` of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// The TimeML `mod` of a time expression: how the words qualify the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Start,
    Mid,
    End,
    Approx,
}

/// What a time expression means once anchored.
#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// A point or stretch of calendar time ("20 February", "last year", "1950-53").
    Time(TimeRange),
    /// A length of time, in days ("seven years", "45 minutes", "over eight years").
    Duration(Amount),
    /// A recurrence ("every year") or a reference that no calendar date pins down
    /// ("now", "recently"), or a date nothing anchors.
    Other,
}

/// A time expression found in a sentence, with its TimeML reading.
#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    /// Byte range in the file.
    pub span: Span,
    pub text: String,
    pub ttype: TimexType,
    /// TimeML/ISO 8601 value: `2014-02-20`, `2014-02`, `P6Y`, `XXXX-02-20`, `PAST_REF` …
    pub value: String,
    pub modifier: Option<TimexMod>,
    pub reading: Reading,
}

/// The kind of fact a claim states; alignment only groups claims of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimKind {
    /// When something happens or happened.
    Date,
    /// When the previous such event happened ("first since 2009", "in seven years",
    /// "the last … took place in 2009").
    LastOccurrence,
    /// How long something lasts or lasted.
    Duration,
    /// How many of something.
    Count,
    /// Which one in a series ("fourth missile test").
    Ordinal,
    /// Where something happens or happened.
    Place,
    /// An earthquake's magnitude ("4.8-magnitude", "5.2 on the Richter scale").
    Magnitude,
    /// A depth, distance, area, weight or speed, in a canonical unit.
    Measure,
    /// A sum of money, in its own currency.
    Money,
    /// A percentage ("45 per cent of voters").
    Percentage,
    /// A person's age ("Okafor, 63,").
    Age,
    /// The clock time of an event ("around 4 p.m.", "13:36 GMT").
    Clock,
    /// Which side of a named place something lies on ("55 km south of Lorvan").
    Direction,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Date => "date",
            ClaimKind::LastOccurrence => "last-occurrence",
            ClaimKind::Duration => "duration",
            ClaimKind::Count => "count",
            ClaimKind::Ordinal => "ordinal",
            ClaimKind::Place => "place",
            ClaimKind::Magnitude => "magnitude",
            ClaimKind::Measure => "measure",
            ClaimKind::Money => "money",
            ClaimKind::Percentage => "percentage",
            ClaimKind::Age => "age",
            ClaimKind::Clock => "clock",
            ClaimKind::Direction => "direction",
        }
    }
}

/// The normalized value of a claim.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Time(TimeRange),
    Amount(Amount),
    Ordinal(u32),
    Place(String),
    /// A day of the week (1 = Monday … 7 = Sunday) in an article whose date is
    /// unknown: "on Sunday" can still agree or disagree with another undated "Sunday".
    Weekday(u32),
    /// A clock time as minutes after midnight, `low..=high` (wider for "about 4 p.m."),
    /// on the local clock or, with `utc`, on GMT/UTC: the two are never compared.
    Clock {
        low: u32,
        high: u32,
        utc: bool,
    },
    /// A compass bearing in degrees clockwise from north (south = 180), seen from the
    /// place the claim's topic names.
    Bearing(u16),
}

/// Which part of an event a time value speaks of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Aspect {
    /// The event as a whole ("the talks on Tuesday").
    #[default]
    Whole,
    /// Its beginning ("due to open on 9 March", "from 9 March").
    Start,
    /// Its end ("until 19 October", "at the end of the war").
    End,
}

/// What a claim is about: the event or thing ("harvest parades", "joint naval
/// manoeuvres"), as written and as normalized tokens for fuzzy matching.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Topic {
    /// Short human label, e.g. "harvest parades".
    pub label: String,
    /// The head word, stemmed with synonyms folded ("reunion", "talk", "exercis"):
    /// claims are only aligned when their heads match.
    pub head: String,
    /// Lower-case, stemmed content words with synonyms folded, sorted and deduplicated
    /// (the head included).
    pub tokens: Vec<String>,
    /// Which part of the event a time value speaks of.
    pub aspect: Aspect,
}

/// One checkable statement from one sentence of one article.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// Index of the article in the analysis.
    pub article: usize,
    /// Index of the sentence within its article.
    pub sentence: usize,
    pub kind: ClaimKind,
    /// The claim's words and their byte range in the file.
    pub mention: String,
    pub span: Span,
    pub value: Value,
    /// Normalized value as shown to users: ISO 8601 for times and durations.
    pub display: String,
    pub topic: Topic,
    /// Canonical actor names named in the sentence ("North Korea", "South Korea").
    pub actors: Vec<String>,
    /// Canonical place names named in the sentence.
    pub places: Vec<String>,
    /// The time of the reported situation the claim belongs to (the article's
    /// publication date unless the claim is itself about the past), used to keep
    /// claims about different events apart.
    pub anchor: Option<NaiveDate>,
    /// True when the claim's value is fixed history that does not depend on when the
    /// article was written ("the 1961-64 Border War").
    pub historical: bool,
    /// True when the time value names which instance of a recurring event is meant
    /// ("last year's manoeuvres", "the manoeuvres last year") rather than stating when it
    /// happened: such a claim can agree with others but never contradicts them.
    pub identifying: bool,
    /// How the value was derived when it is not read off the words alone
    /// ("20 February + 4 days").
    pub derivation: Option<String>,
    /// Who the article says states the value ("U.S. Geological Survey", "police"),
    /// when it says so: two authorities disagreeing is still a contradiction, but the
    /// reader must see whose numbers clash.
    pub attributed_to: Option<String>,
    /// The event the claim was attached to: only claims about one event are compared.
    pub event: Event,
}

/// The event a claim is about: its kind and time, and the place when known, so that a
/// reader can see why two claims were or were not compared ("earthquake in Maruna,
/// 2001-03-14").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Event {
    /// The incident type ("earthquake", "shooting"), or `None` when the article names
    /// none.
    pub kind: Option<&'static str>,
    pub place: Option<String>,
    /// The day the reported situation belongs to (the claim's anchor).
    pub time: Option<NaiveDate>,
    /// The day the incident happened, as the article names it ("struck on Sunday"), or
    /// the day of another incident the claim's sentence introduces ("On Saturday, a
    /// quake in the north killed 12"): counts of two days' incidents are two facts.
    /// `None` when the article names no such day.
    pub day: Option<EventDay>,
}

/// The day of an incident as an article names it: a date, or only a weekday in an
/// article whose date is unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventDay {
    Date(NaiveDate),
    /// 1 = Monday … 7 = Sunday.
    Weekday(u32),
}

impl EventDay {
    /// True when the two may name one day (a date and its weekday do).
    pub fn may_be(self, other: EventDay) -> bool {
        use chrono::Datelike;
        match (self, other) {
            (EventDay::Date(a), EventDay::Date(b)) => a == b,
            (EventDay::Weekday(a), EventDay::Weekday(b)) => a == b,
            (EventDay::Date(d), EventDay::Weekday(w))
            | (EventDay::Weekday(w), EventDay::Date(d)) => d.weekday().number_from_monday() == w,
        }
    }
}

impl Event {
    /// "earthquake in Korvel", "shooting", "story" when nothing is known.
    pub fn label(&self) -> String {
        match (self.kind, &self.place) {
            (Some(k), Some(p)) => format!("{k} in {p}"),
            (Some(k), None) => k.to_string(),
            (None, Some(p)) => format!("events in {p}"),
            (None, None) => "story".to_string(),
        }
    }
}

/// The verdict on one aligned group of claims, in report order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Sources state values that cannot both hold.
    Contradict,
    /// One article states values that cannot both hold.
    Inconsistent,
    /// The values differ, but the articles' publication times order them and the
    /// later value supersedes the earlier (a death toll rising through the day): news
    /// moving on, not sources disagreeing. Does not raise the exit code.
    Update,
    /// The values are equal or overlap within their precision.
    Agree,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Contradict => "contradict",
            Verdict::Inconsistent => "inconsistent",
            Verdict::Update => "update",
            Verdict::Agree => "agree",
        }
    }
}

/// A reference to a claim: (article index, claim index within that article).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    pub article: usize,
    pub claim: usize,
}

/// A group of claims that speak of one fact.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub kind: ClaimKind,
    pub topic: String,
    pub claims: Vec<ClaimRef>,
}

/// One result of the compare stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub verdict: Verdict,
    pub kind: ClaimKind,
    pub topic: String,
    /// One line saying why, e.g. "2014-02-20 = 2014-02-20" or "49 days stated, the
    /// dates span 78 days".
    pub explanation: String,
    pub claims: Vec<ClaimRef>,
}

/// Everything known about one article after analysis.
#[derive(Clone, Debug)]
pub struct Analyzed {
    pub article: Article,
    pub cleaned: Cleaned,
    pub sentences: Vec<Sentence>,
    pub timexes: Vec<Timex>,
    pub claims: Vec<Claim>,
    /// The story the article reports, numbered across the run: claims of different
    /// stories are never compared.
    pub story: usize,
    /// Sentences [`Analyzed::compact`] removed (they held no claim); 0 otherwise.
    pub sentences_dropped: usize,
    /// Claims [`Analyzed::keep_claims`] removed (no report of findings shows them); 0
    /// otherwise.
    pub claims_dropped: usize,
}

impl Analyzed {
    /// An article no stage has looked at yet, holding the given claims.
    pub fn with_claims(article: Article, claims: Vec<Claim>) -> Self {
        Analyzed {
            article,
            cleaned: Cleaned::default(),
            sentences: Vec::new(),
            timexes: Vec::new(),
            claims,
            story: 0,
            sentences_dropped: 0,
            claims_dropped: 0,
        }
    }

    /// How many claims were read from the article, counting those
    /// [`Analyzed::keep_claims`] removed.
    pub fn claim_count(&self) -> usize {
        self.claims.len() + self.claims_dropped
    }

    /// Keep only the claims `keep` says yes to (one flag per claim), in order, so that
    /// an article holds what a report shows and not every claim it made. Returns each
    /// old claim's new index (`None` when removed): the order of the kept claims is
    /// unchanged, so references to them sort as before.
    pub fn keep_claims(&mut self, keep: &[bool]) -> Vec<Option<usize>> {
        let mut next = 0;
        let new: Vec<Option<usize>> = (0..self.claims.len())
            .map(|i| {
                keep.get(i).copied().unwrap_or(false).then(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect();
        let before = self.claims.len();
        let mut i = 0;
        self.claims.retain(|_| {
            i += 1;
            new[i - 1].is_some()
        });
        self.claims_dropped += before - self.claims.len();
        new
    }

    /// How many sentences the article has, counting those [`Analyzed::compact`]
    /// removed.
    pub fn sentence_count(&self) -> usize {
        self.sentences.len() + self.sentences_dropped
    }

    /// Drop what no stage after extraction reads, so that a large run holds its claims
    /// but not its texts: the article's text, its time expressions, the stretches
    /// clean kept, and every sentence no claim is in. Claims then point at the
    /// sentences kept (in the same order), and [`Analyzed::sentence_count`] still
    /// counts all; what clean dropped is kept for the reports' counts.
    pub fn compact(&mut self) {
        self.article.text = String::new();
        self.timexes = Vec::new();
        self.cleaned.kept = Vec::new();
        // New index of every sentence a claim is in.
        let mut kept: Vec<Option<usize>> = vec![None; self.sentences.len()];
        for c in &self.claims {
            if let Some(k) = kept.get_mut(c.sentence) {
                *k = Some(0);
            }
        }
        for (next, k) in kept.iter_mut().flatten().enumerate() {
            *k = next;
        }
        let before = self.sentences.len();
        let mut i = 0;
        self.sentences.retain(|_| {
            i += 1;
            kept[i - 1].is_some()
        });
        self.sentences.shrink_to_fit();
        self.sentences_dropped += before - self.sentences.len();
        for c in &mut self.claims {
            if let Some(Some(k)) = kept.get(c.sentence) {
                c.sentence = *k;
            }
        }
        self.claims.shrink_to_fit();
    }
}

/// An input met while walking a folder that was not read, and why.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// The whole result, which every renderer reads.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub articles: Vec<Analyzed>,
    pub findings: Vec<Finding>,
    /// Inputs passed over while walking folders (FIFOs, broken links, link loops,
    /// unreadable folders): reported, never silently lost.
    pub skipped: Vec<Skipped>,
}

impl Analysis {
    pub fn claim(&self, r: ClaimRef) -> &Claim {
        &self.articles[r.article].claims[r.claim]
    }
    /// True when any finding is a contradiction or an inconsistency (exit code 1).
    pub fn has_conflicts(&self) -> bool {
        self.findings
            .iter()
            .any(|f| matches!(f.verdict, Verdict::Contradict | Verdict::Inconsistent))
    }
}
