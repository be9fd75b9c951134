//! Recognition: find time expressions in a sentence and parse them into a [`Form`].
//!
//! Each pattern family is one regular expression; every match is checked by a small
//! parser that rejects false friends ("May" the verb, "2000 people"), then overlapping
//! candidates are resolved leftmost-longest. Nothing here knows the publication date:
//! anchoring is [`super::normalize`]'s job.

use crate::lexicon::{self, MONTHS, ORDINAL_WORDS, TIME_UNITS, WEEKDAYS};
use crate::wordre::is_ascii_space;
use regex::{Captures, Regex, RegexSet, RegexSetBuilder};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Which way a relative expression points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    Last,
    This,
    Next,
}

/// A sub-part of a calendar unit ("later this month", "early 2014", "the end of May").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Early,
    Mid,
    Late,
    /// The rest of the unit after the anchor ("later this month").
    Later,
    /// The part of the unit before the anchor ("earlier this week").
    Earlier,
}

/// A calendar unit a relative expression counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalUnit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Season(Season),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

/// A part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// Words that point at the document's present, past or future without a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefPoint {
    Present,
    Past,
    Future,
}

/// How a duration's number is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
    About,
    Nearly,
}

/// What a time expression says before it is anchored.
#[derive(Clone, Debug, PartialEq)]
pub enum Form {
    /// Day, month and year ("5 April 2016", "March 8, 2018", "2016-04-05").
    FullDate {
        y: i32,
        m: u32,
        d: u32,
    },
    /// Day and month without a year ("9 March", "August 2").
    MonthDay {
        m: u32,
        d: u32,
    },
    /// Month and year ("March 2001").
    MonthYear {
        y: i32,
        m: u32,
        part: Option<Part>,
    },
    /// A month of a relative year ("June of next year").
    MonthOfYear {
        m: u32,
        rel: Rel,
    },
    /// A month alone ("in February", "last March").
    Month {
        m: u32,
        rel: Option<Rel>,
        part: Option<Part>,
    },
    Year {
        y: i32,
        part: Option<Part>,
    },
    /// "1950-53", "2009-2010".
    YearRange {
        from: i32,
        to: i32,
    },
    /// "the 1990s" (`start` = 1990), "the early 2000s".
    Decade {
        start: i32,
        part: Option<Part>,
    },
    Weekday {
        wd: u32,
        rel: Option<Rel>,
        part: Option<DayPart>,
    },
    /// "last year", "later this month", "next week", "this summer".
    Relative {
        rel: Rel,
        unit: CalUnit,
        part: Option<Part>,
    },
    /// "today" (0), "yesterday" (-1), "tomorrow" (1), with an optional part of day.
    Deictic {
        offset: i64,
        part: Option<DayPart>,
    },
    /// "three years ago".
    Ago {
        n: f64,
        unit: usize,
    },
    /// "two days later" (positive) or "a week earlier" (negative), from the reference time.
    Shift {
        n: f64,
        unit: usize,
        forward: bool,
    },
    /// "the next day", "the previous week", "that year" (0).
    Anaphoric {
        offset: i64,
        unit: CalUnit,
    },
    /// A length of time. `unit` indexes [`TIME_UNITS`]; `n` is `None` for "years".
    Duration {
        n: Option<f64>,
        unit: usize,
        qualifier: Option<Qualifier>,
        /// "a few", "several": a vague count, with its interval.
        vague: Option<(f64, f64)>,
    },
    /// A clock time ("3:42PM", "1217 GMT").
    Clock {
        h: u32,
        min: u32,
        zone: Option<String>,
    },
    /// A part of a day with no day named ("in the morning").
    PartOfDay(DayPart),
    /// "the second quarter of 2013", "Q2 2013", "the third quarter of last year".
    Quarter {
        q: u32,
        y: Option<i32>,
        rel: Option<Rel>,
    },
    /// "summer 2013", "last winter" goes through `Relative`.
    SeasonOf {
        season: Season,
        y: Option<i32>,
    },
    /// "every year", "annually", "each season": the unit's TimeML letter.
    Set {
        value: String,
    },
    /// "now", "recently", "the future".
    Ref(RefPoint),
}

/// A recognized expression: its byte range in the sentence and what it says.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub form: Form,
}

const MONTH: &str = r"(?P<m>(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?)";
/// Month names in any case, for full dates where a day and a year make them safe
/// ("14 OCTOBER, 2011").
const MONTH_ANY_CASE: &str = r"(?P<m>(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?)";
const WEEKDAY: &str = r"(?P<wd>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?)";
const NUM: &str = r"(?P<n>\d+(?:\.\d+)?(?:\s+1/2|\s*½)?|(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a|an|a\s+few|a\s+couple\s+of|several|some|a\s+half|half\s+an?|one\s+and\s+a\s+half|two\s+and\s+a\s+half))";
const UNIT: &str = r"(?i:(?P<u>seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|yrs?|decades?|centur(?:y|ies)))";
const QUAL: &str = r"(?i:(?P<q>more\s+than|less\s+than|fewer\s+than|over|under|nearly|almost|about|around|approximately|roughly|some|at\s+least|at\s+most|up\s+to|just\s+over|just\s+under|just|barely|well\s+over)\s+)";
const REL: &str = r"(?i:(?P<rel>last|this|next|past|coming|previous|current)\s+)";
const PART: &str = r"(?i:(?P<part>later|earlier|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|beginning\s+of|start\s+of|middle\s+of)(?:\s+|-))";

/// One family of expressions: its pattern and the parser that turns a match into a form.
struct Family {
    re: Regex,
    /// The pattern's group names by index, for [`Caps::name`].
    names: Vec<Option<String>>,
    /// Where a match's groups are, read off the matched text, for a pattern whose
    /// shape makes that plain: the regex then only finds matches, and the costly
    /// capture search (a backtracker run per match) is skipped.
    split: Option<Split>,
    parse: fn(&Caps, &str, usize) -> Option<Form>,
}

/// The named groups of a match, each as a byte range of the matched text.
type Split = fn(&str) -> Vec<(&'static str, usize, usize)>;

/// The most groups (the whole match included) a family with a [`Split`] may have: its
/// groups then fit in an array, not a vector allocated per match.
const MAX_SPLIT_GROUPS: usize = 8;

impl Family {
    fn with_split(self, split: Split) -> Family {
        assert!(self.names.len() <= MAX_SPLIT_GROUPS, "{}", self.re.as_str());
        Family {
            split: Some(split),
            ..self
        }
    }
}

/// A group of a match: its byte range in the sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Group<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }

    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }
}

/// Where a match's groups come from: the regex's captures, or ranges (by group index)
/// that a family's [`Split`] read off the match.
enum Groups<'c, 'h> {
    Captured(&'c Captures<'h>),
    Split(&'c [Option<(usize, usize)>]),
}

/// A match's groups, looked up by name among its family's few names. The regex
/// crate hashes the name (SipHash) on every look-up, which was most of a parser's
/// work; a pattern names each group once, so the first equal name is the group.
struct Caps<'c, 'h> {
    text: &'h str,
    groups: Groups<'c, 'h>,
    names: &'c [Option<String>],
}

impl<'h> Caps<'_, 'h> {
    fn name(&self, name: &str) -> Option<Group<'h>> {
        let i = self.names.iter().position(|n| n.as_deref() == Some(name))?;
        self.get(i)
    }

    fn get(&self, i: usize) -> Option<Group<'h>> {
        let (start, end) = match &self.groups {
            Groups::Captured(caps) => caps.get(i).map(|m| (m.start(), m.end()))?,
            Groups::Split(ranges) => (*ranges.get(i)?)?,
        };
        Some(Group {
            text: self.text,
            start,
            end,
        })
    }
}

/// The group ranges (by index, in the sentence) of a match at `start..end` of `text`
/// that `split` reads.
fn split_ranges(
    fam: &Family,
    split: Split,
    text: &str,
    start: usize,
    end: usize,
) -> [Option<(usize, usize)>; MAX_SPLIT_GROUPS] {
    let mut ranges = [None; MAX_SPLIT_GROUPS];
    ranges[0] = Some((start, end));
    for (name, s, e) in split(&text[start..end]) {
        if let Some(i) = fam.names.iter().position(|n| n.as_deref() == Some(name)) {
            ranges[i] = Some((start + s, start + e));
        }
    }
    ranges
}

/// The length of the run of white space (`\s`, which is `char::is_whitespace`) that
/// starts `s`.
fn space_run(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Groups of a weekday match, `(?:(?i:(?P<rel>last|next|…)\s+))?(?P<wd>Monday|…)` and
/// an optional `\s+(?i:(?P<dp>morning|…))`: a relative word is there exactly when the
/// match starts with one and white space (no weekday starts so); the weekday runs to
/// the next white space, and a part of day is what follows that.
fn split_weekday(m: &str) -> Vec<(&'static str, usize, usize)> {
    let mut out = Vec::with_capacity(3);
    let mut at = 0;
    for rel in ["last", "next", "this", "coming", "past"] {
        let head = m.as_bytes().get(..rel.len());
        if head.is_some_and(|h| h.eq_ignore_ascii_case(rel.as_bytes()))
            && m[rel.len()..].starts_with(char::is_whitespace)
        {
            out.push(("rel", 0, rel.len()));
            at = rel.len() + space_run(&m[rel.len()..]);
            break;
        }
    }
    let wd_end = m[at..]
        .find(char::is_whitespace)
        .map_or(m.len(), |i| at + i);
    out.push(("wd", at, wd_end));
    if wd_end < m.len() {
        out.push(("dp", wd_end + space_run(&m[wd_end..]), m.len()));
    }
    out
}

/// Groups of a year match, `(?:(?P<part>early|…)(?:\s+|-))?(?P<y>\d{4})`: the year is
/// the last four bytes, and a part, when the match is longer, what comes before
/// them less its separator (a part ends with a letter).
fn split_year(m: &str) -> Vec<(&'static str, usize, usize)> {
    let y = m.len().saturating_sub(4);
    let mut out = vec![("y", y, m.len())];
    if y > 0 {
        let head = &m[..y];
        let part_end = head
            .strip_suffix('-')
            .map_or_else(|| head.trim_end().len(), str::len);
        out.push(("part", 0, part_end));
    }
    out
}

/// The byte ranges of the white-space-separated words of `m` (`\s` is
/// `char::is_whitespace`, as `split_whitespace` splits).
fn words(m: &str) -> Vec<(usize, usize)> {
    m.split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - m.as_ptr() as usize;
            (start, start + w.len())
        })
        .collect()
}

/// The end of a weekday word followed by an optional comma (`{WEEKDAY},?`): the comma
/// is no part of the weekday.
fn without_comma(m: &str, (start, end): (usize, usize)) -> (usize, usize) {
    (
        start,
        start
            + m[start..end]
                .strip_suffix(',')
                .map_or(end - start, str::len),
    )
}

/// The end of a part-of-unit prefix (`{PART}`, ending in `\s+` or `-`) before `at`.
fn part_end(m: &str, at: usize) -> usize {
    let head = &m[..at];
    head.strip_suffix('-')
        .map_or_else(|| head.trim_end().len(), str::len)
}

/// The end of the run of ASCII digits that starts `s`.
fn digits_end(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// Groups of a month match, `(?:{PART}|{REL})?\b{MONTH}`: a month has neither white
/// space nor a hyphen, so it starts after the last of them; what comes before, less
/// its separator, is a relative word (`rel`) or else a part.
fn split_month(m: &str) -> Vec<(&'static str, usize, usize)> {
    let at = m
        .char_indices()
        .rfind(|&(_, c)| c.is_whitespace() || c == '-')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut out = vec![("m", at, m.len())];
    if at > 0 {
        let end = part_end(m, at);
        let rel = [
            "last", "this", "next", "past", "coming", "previous", "current",
        ]
        .iter()
        .any(|r| m[..end].eq_ignore_ascii_case(r));
        out.push((if rel { "rel" } else { "part" }, 0, end));
    }
    out
}

/// Groups of a day-first date, `(?:{WEEKDAY},?\s+)?\b(?P<d>\d{1,2})…{MONTH}` with an
/// optional `,?\s+(?P<y>\d{4})` (`with_year`): the day is the digits the first word
/// starting with one starts with, and a weekday the word before; the month is the
/// last word (before the year's), less a comma.
fn split_day_month(m: &str, with_year: bool) -> Vec<(&'static str, usize, usize)> {
    let ws = words(m);
    let mut out = Vec::with_capacity(4);
    let d = ws
        .iter()
        .position(|&(s, _)| m[s..].starts_with(|c: char| c.is_ascii_digit()));
    let Some(d) = d else { return out };
    let (ds, _) = ws[d];
    out.push(("d", ds, ds + digits_end(&m[ds..])));
    if d > 0 {
        let (s, e) = without_comma(m, ws[0]);
        out.push(("wd", s, e));
    }
    let month = ws[ws.len() - 1 - usize::from(with_year)];
    let (s, e) = without_comma(m, month);
    out.push(("m", s, e));
    if with_year {
        out.push(("y", m.len() - 4, m.len()));
    }
    out
}

/// [`split_day_month`] for dates without a year.
fn split_day_month_only(m: &str) -> Vec<(&'static str, usize, usize)> {
    split_day_month(m, false)
}

/// [`split_day_month`] for full dates.
fn split_day_month_year(m: &str) -> Vec<(&'static str, usize, usize)> {
    split_day_month(m, true)
}

/// Groups of a month-first date, `(?:{WEEKDAY},?\s+)?\b{MONTH}\s+(?P<d>\d{1,2})…`
/// with an optional year, its last four bytes (`with_year`): the day is the digits
/// the first word starting with one starts with, the month the word before, and a
/// weekday the word before that.
fn split_month_day(m: &str, with_year: bool) -> Vec<(&'static str, usize, usize)> {
    let ws = words(m);
    let mut out = Vec::with_capacity(4);
    let d = ws
        .iter()
        .position(|&(s, _)| m[s..].starts_with(|c: char| c.is_ascii_digit()));
    let Some(d) = d.filter(|&d| d > 0) else {
        return out;
    };
    let (ds, _) = ws[d];
    out.push(("d", ds, ds + digits_end(&m[ds..])));
    let (s, e) = ws[d - 1];
    out.push(("m", s, e));
    if d > 1 {
        let (s, e) = without_comma(m, ws[0]);
        out.push(("wd", s, e));
    }
    if with_year {
        out.push(("y", m.len() - 4, m.len()));
    }
    out
}

/// [`split_month_day`] for dates without a year.
fn split_month_day_only(m: &str) -> Vec<(&'static str, usize, usize)> {
    split_month_day(m, false)
}

/// [`split_month_day`] for full dates.
fn split_month_day_year(m: &str) -> Vec<(&'static str, usize, usize)> {
    split_month_day(m, true)
}

/// Groups of a month-and-year match, `(?:{PART})?\b{MONTH}\s+(?:of\s+)?(?P<y>\d{4})`:
/// the year is the last four bytes, the month the word before it (or before "of"),
/// from its last hyphen ("mid-March"), and a part what comes before the month less
/// its separator.
fn split_month_year(m: &str) -> Vec<(&'static str, usize, usize)> {
    let ws = words(m);
    let mut out = vec![("y", m.len() - 4, m.len())];
    let Some(mut i) = ws.len().checked_sub(2) else {
        return out;
    };
    if i > 0 && &m[ws[i].0..ws[i].1] == "of" {
        i -= 1;
    }
    let (s, e) = ws[i];
    let s = m[s..e].rfind('-').map_or(s, |h| s + h + 1);
    out.push(("m", s, e));
    if s > 0 {
        out.push(("part", 0, part_end(m, s)));
    }
    out
}

/// Groups of a vague duration, `(?i)\b(?P<q>many|…)?\s*\b(?P<u>years|…)\b(?:-long)?`:
/// the unit is the last word less "-long", and a qualifier what comes before it less
/// white space, unless that is only white space.
fn split_vague_duration(m: &str) -> Vec<(&'static str, usize, usize)> {
    let long = m.len() >= 5 && m.as_bytes()[m.len() - 5..].eq_ignore_ascii_case(b"-long");
    let body = m.len() - if long { 5 } else { 0 };
    let u = m[..body]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + m[i..].chars().next().map_or(1, char::len_utf8));
    let mut out = vec![("u", u, body)];
    let q_end = m[..u].trim_end().len();
    if q_end > 0 {
        out.push(("q", 0, q_end));
    }
    out
}

/// The qualifiers of `{QUAL}` in its order of preference, as words.
const QUALIFIERS: [&[&str]; 20] = [
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["over"],
    &["under"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["approximately"],
    &["roughly"],
    &["some"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["just", "over"],
    &["just", "under"],
    &["just"],
    &["barely"],
    &["well", "over"],
];

/// The words that may stand between a duration's number and its unit ("five straight
/// days").
const DURATION_ADJECTIVES: [&str; 11] = [
    "straight",
    "consecutive",
    "successive",
    "trading",
    "business",
    "working",
    "full",
    "whole",
    "more",
    "additional",
    "extra",
];

/// The whole of a text that is one `{NUM}`, for [`split_duration`].
static WHOLE_NUM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&ascii(&format!("^(?:{NUM})$"))).expect("number pattern compiles"));

/// Where `words`, joined by runs of ASCII white space and followed by one (the
/// `{QUAL}` pattern's `\s+`), end at the start of `s`, and where that last run ends:
/// `None` when `s` does not start so.
fn words_then_space(s: &str, words: &[&str]) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut at = 0;
    let mut end = 0;
    for w in words {
        let head = b.get(at..at + w.len())?;
        if !head.eq_ignore_ascii_case(w.as_bytes()) {
            return None;
        }
        end = at + w.len();
        let run = b[end..].iter().take_while(|&&c| is_ascii_space(c)).count();
        if run == 0 {
            return None;
        }
        at = end + run;
    }
    Some((end, at))
}

/// Groups of a duration, `(?:{QUAL})?\b{NUM}[\s-]+(?:(?i:straight|…)\s+)?{UNIT}` and
/// an optional `[\s-]+(?i:long|old)`. Read from the end: no unit ends with "long" or
/// "old", so either ending is the suffix; the unit is the letters before it; a word
/// before the unit and white space is an adjective when it is one (no number ends
/// with one). What precedes, less its `[\s-]+`, is a qualifier and a number: as
/// "some" may be either and "just" starts "just over", the qualifier is the first one
/// (in the pattern's order) after which the rest is a whole number, if any is.
fn split_duration(m: &str) -> Vec<(&'static str, usize, usize)> {
    let is_sep = |c: char| c.is_whitespace() || c == '-';
    let lower_end = |s: &str, w: &str| {
        s.len() >= w.len() && s.as_bytes()[s.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
    };
    let body = ["long", "old"]
        .iter()
        .find(|w| lower_end(m, w))
        .map_or(m, |w| m[..m.len() - w.len()].trim_end_matches(is_sep));
    let letters = |s: &str| s.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    let u = body.len() - letters(body);
    let mut out = vec![("u", u, body.len())];
    let before = m[..u].trim_end_matches(char::is_whitespace);
    let word = before.len() - letters(before);
    let adjective = before.len() < u
        && DURATION_ADJECTIVES
            .iter()
            .any(|a| before[word..].eq_ignore_ascii_case(a));
    let head = if adjective { &m[..word] } else { &m[..u] };
    let head = head.trim_end_matches(is_sep);
    let q = QUALIFIERS.iter().find_map(|q| {
        let (end, at) = words_then_space(head, q)?;
        WHOLE_NUM.is_match(&head[at..]).then_some((end, at))
    });
    match q {
        Some((end, at)) => {
            out.push(("q", 0, end));
            out.push(("n", at, head.len()));
        }
        None => out.push(("n", 0, head.len())),
    }
    out
}

/// Groups of a time ago, `(?:{QUAL})?\b{NUM}\s+{UNIT}\s+(?i:ago)\b`: a duration's
/// (see [`split_duration`]) before the white space and "ago" that end the match.
fn split_ago(m: &str) -> Vec<(&'static str, usize, usize)> {
    split_duration(m[..m.len() - "ago".len()].trim_end())
}

/// Groups of a clock time, `(?i)\b(?P<h>…):(?P<mi>[0-5]\d)\s*(?P<ap>…)?` and an
/// optional `\s*\(?(?P<tz>…)\)?`: hours before the colon, two digits of minutes
/// after it, then a meridiem if one follows white space, and a zone if one follows
/// that. Every choice is optional and greedy, so each is taken where it can be.
fn split_clock(m: &str) -> Vec<(&'static str, usize, usize)> {
    let colon = m.find(':').unwrap_or(0);
    let mut out = vec![("h", 0, colon), ("mi", colon + 1, colon + 3)];
    let mut at = colon + 3 + space_run(&m[colon + 3..]);
    let ap = ["a.m.", "p.m.", "am", "pm"].iter().find(|w| {
        m.as_bytes()
            .get(at..at + w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w.as_bytes()))
    });
    if let Some(ap) = ap {
        out.push(("ap", at, at + ap.len()));
        at += ap.len();
    }
    let rest = m[at..].trim_start();
    let zone = rest.strip_prefix('(').unwrap_or(rest);
    if zone.is_empty() {
        return out;
    }
    let start = m.len() - zone.len();
    let end = m.len() - usize::from(zone.ends_with(')'));
    out.push(("tz", start, end));
    out
}

/// Groups of a pattern `\b(?P<r>…)\b`: the whole match.
fn split_whole_r(m: &str) -> Vec<(&'static str, usize, usize)> {
    vec![("r", 0, m.len())]
}

/// Groups of a deictic word, `(?i)\b(?P<w>today|…|last\s+night)\b` and an optional
/// `(?:\s+(?P<dp>morning|…))`: the word is the first one (the first two after
/// "last"), and a part of day the rest after white space.
fn split_deictic(m: &str) -> Vec<(&'static str, usize, usize)> {
    let ws = words(m);
    let two = m
        .as_bytes()
        .get(..4)
        .is_some_and(|h| h.eq_ignore_ascii_case(b"last"));
    let w_end = ws[usize::from(two)].1;
    let mut out = vec![("w", 0, w_end)];
    if let Some(&(s, e)) = ws.get(usize::from(two) + 1) {
        out.push(("dp", s, e));
    }
    out
}

/// Groups of a relative expression, `(?:{PART})?{REL}(?i:(?P<unit>week|…))\b`: the
/// unit is the last word, the relative word the end of the text before it (before
/// its white space), and a part what comes before that less its separator.
fn split_relative(m: &str) -> Vec<(&'static str, usize, usize)> {
    let ws = words(m);
    let (us, ue) = ws[ws.len() - 1];
    let mut out = vec![("unit", us, ue)];
    let rel_end = m[..us].trim_end().len();
    let rel_len = [
        "last", "this", "next", "past", "coming", "previous", "current",
    ]
    .iter()
    .find(|r| {
        rel_end >= r.len()
            && m.as_bytes()[rel_end - r.len()..rel_end].eq_ignore_ascii_case(r.as_bytes())
    })
    .map_or(0, |r| r.len());
    let rel_start = rel_end - rel_len;
    out.push(("rel", rel_start, rel_end));
    if rel_start > 0 {
        out.push(("part", 0, part_end(m, rel_start)));
    }
    out
}

/// `pattern` with ASCII word boundaries, digits and case folding (see [`family`]).
fn ascii(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace("(?i)", "(?i-u)")
        .replace("(?i:", "(?i-u:")
}

/// Word boundaries and digits are ASCII: the lazy DFA then handles every family in one
/// pass over any text (Unicode word boundaries would force a slower engine), and no
/// time expression is written in other scripts' digits.
fn family(pattern: &str, parse: fn(&Caps, &str, usize) -> Option<Form>) -> Family {
    let re = Regex::new(&ascii(pattern)).expect("time expression pattern compiles");
    let names = re.capture_names().map(|n| n.map(String::from)).collect();
    Family {
        re,
        names,
        split: None,
        parse,
    }
}

static FAMILY_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(FAMILIES.iter().map(|f| f.re.as_str()))
        .dfa_size_limit(64 << 20)
        .build()
        .expect("time expression patterns compile")
});

/// How many families, first in [`FAMILIES`], parse to a full date (day, month and year):
/// the only ones a search for full dates needs to try.
const FULL_DATE_FAMILIES: usize = 4;

static FULL_DATE_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(FAMILIES[..FULL_DATE_FAMILIES].iter().map(|f| f.re.as_str()))
        .expect("full date patterns compile")
});

/// False when [`recognize`] cannot find a full date in `text`: no family that gives one
/// matches it. Cheaper than recognizing everything where full dates alone are wanted.
pub fn may_hold_full_date(text: &str) -> bool {
    FULL_DATE_SET.is_match(text)
}

/// The families, the full-date ones first ([`FULL_DATE_FAMILIES`]).
static FAMILIES: LazyLock<Vec<Family>> = LazyLock::new(|| {
    vec![
        family(
            &format!(
                r"(?:{WEEKDAY},?\s+)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_ANY_CASE},?\s+(?P<y>\d{{4}})\b"
            ),
            parse_full,
        )
        .with_split(split_day_month_year),
        family(
            &format!(
                r"(?:{WEEKDAY},?\s+)?\b{MONTH_ANY_CASE}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+|-)(?P<y>\d{{4}})\b"
            ),
            parse_full,
        )
        .with_split(split_month_day_year),
        family(
            r"\b(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<mn>\d{1,2})[-/](?P<d>\d{1,2})\b",
            parse_iso,
        ),
        family(
            r"\b(?P<a>\d{1,2})\s*/\s*(?P<b>\d{1,2})\s*/\s*(?P<y>(?:19|20)?\d\d)\b",
            parse_numeric,
        ),
        family(
            &format!(r"(?:{WEEKDAY},?\s+)?\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}"),
            parse_month_day,
        )
        .with_split(split_day_month_only),
        family(
            &format!(r"(?:{WEEKDAY},?\s+)?\b{MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"),
            parse_month_day,
        )
        .with_split(split_month_day_only),
        family(
            &format!(r"(?:{PART})?\b{MONTH}\s+(?:of\s+)?(?P<y>\d{{4}})\b"),
            parse_month_year,
        )
        .with_split(split_month_year),
        family(
            &format!(r"\b{MONTH}\s+(?:of\s+)?(?i:(?P<rel>last|this|next))\s+year\b"),
            parse_month_of_rel_year,
        ),
        family(&format!(r"(?:{PART}|{REL})?\b{MONTH}"), parse_month).with_split(split_month),
        family(
            r"\b(?P<y1>(?:1[5-9]|20)\d\d)\s*[-–—/]\s*(?P<y2>\d{2}|(?:1[5-9]|20)\d\d)\b",
            parse_year_range,
        ),
        family(
            &format!(
                r"(?:{PART})?(?:\b(?P<dec>(?:1[5-9]|20)\d0)|'(?P<dec2>\d0)|\b(?P<dec3>[2-9]0))s\b"
            ),
            parse_decade,
        ),
        family(r"(?:^|[\s(])'(?P<yy>\d\d)\b", parse_short_year),
        family(
            r"(?i)\b(?P<q>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous)\s+(?:(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several)\s+)?(?:(?:straight|consecutive|successive|trading|business|working|full)\s+)?(?P<u>decades?|years?|months?|weeks?|days?|hours?|minutes?|centur(?:y|ies))\b",
            parse_past_span,
        ),
        family(
            &format!(r"(?:{PART})?\b(?P<y>(?:1[6-9]|20)\d\d)\b"),
            parse_year,
        )
        .with_split(split_year),
        family(
            &format!(
                r"(?:{PART})?{REL}(?i:(?P<unit>week|weekend|month|year|decade|century|spring|summer|autumn|fall|winter|quarter))\b"
            ),
            parse_relative,
        )
        .with_split(split_relative),
        family(
            &format!(
                r"(?:(?i:(?P<rel>last|next|this|coming|past)\s+))?{WEEKDAY}(?:\s+(?i:(?P<dp>morning|afternoon|evening|night)))?"
            ),
            parse_weekday,
        )
        .with_split(split_weekday),
        family(
            r"(?i)\b(?P<w>today|tonight|yesterday|tomorrow|last\s+night)\b(?:\s+(?P<dp>morning|afternoon|evening|night))?",
            parse_deictic,
        )
        .with_split(split_deictic),
        family(
            r"(?i)\bthis\s+(?P<dp>morning|afternoon|evening)\b",
            parse_this_part,
        ),
        family(
            &format!(r"(?:{QUAL})?\b{NUM}\s+{UNIT}\s+(?i:ago)\b"),
            parse_ago,
        )
        .with_split(split_ago),
        family(
            &format!(r"\b{NUM}[\s-]+{UNIT}\s+(?i:(?P<dir>later|earlier|after|before))\b"),
            parse_shift,
        ),
        family(
            r"(?i)\b(?:the\s+(?P<dir>next|following|previous|preceding|same)|(?P<that>that))\s+(?P<unit>day|week|month|year|morning|night|evening|afternoon)\b",
            parse_anaphoric,
        ),
        family(
            r"(?i)\bthe\s+(?P<unit>day|week|month|year|night)\s+(?P<dir>before|after)\b",
            parse_anaphoric_after,
        ),
        family(
            &format!(
                r"(?:{QUAL})?\b{NUM}[\s-]+(?:(?i:straight|consecutive|successive|trading|business|working|full|whole|more|additional|extra)\s+)?{UNIT}(?:[\s-]+(?i:long|old))?\b"
            ),
            parse_duration,
        )
        .with_split(split_duration),
        family(
            r"(?i)\b(?P<q>many|several|few|recent|past|the\s+last|the\s+past|over\s+the)?\s*\b(?P<u>years|months|weeks|decades|hours|days|minutes)\b(?:-long)?",
            parse_vague_duration,
        )
        .with_split(split_vague_duration),
        family(
            r"(?i)\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<ap>a\.m\.|p\.m\.|am|pm)?(?:\s*\(?(?P<tz>GMT|UTC|[ECMP][SD]T|BST|CET|KST|JST|local\s+time)\)?)?",
            parse_clock,
        )
        .with_split(split_clock),
        family(
            r"(?i)\b(?P<h>1[0-2]|0?[1-9])(?:\.(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?:\s*\(?(?P<tz>GMT|UTC|[ECMP][SD]T|BST|CET|KST|JST|local\s+time)\)?)?",
            parse_clock,
        ),
        family(
            r"\b(?P<hm>[01]\d[0-5]\d|2[0-3][0-5]\d)\s*(?P<tz>GMT|UTC|local\s+time|hours|hrs)\b",
            parse_military,
        ),
        family(
            r"\b(?P<hm>[01]\d[0-5]\d|2[0-3][0-5]\d)\s*\(",
            parse_local_before_gmt,
        ),
        family(
            r"(?i)\bthe\s+(?P<dp>morning|afternoon|evening)\b",
            parse_part_of_day,
        ),
        family(
            r"(?i)\b(?:the\s+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+(?:(?P<y>\d{4})|(?P<rel>last|this|next)\s+year))?\b|\bQ(?P<qn>[1-4])\s+(?P<y2>\d{4})\b",
            parse_quarter,
        ),
        family(
            r"\b(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all)\s+(?:of\s+)?(?P<y>\d{4})\b",
            parse_season_year,
        ),
        family(
            r"(?i)\b(?:(?P<pre>in|during|this|by|until|over|early|late|mid|the)\s+)?(?P<season>spring|summer|autumn|winter|fall)\b",
            parse_season_alone,
        ),
        family(
            r"(?i)\b(?:the|that)\s+(?P<unit>day|weekend)\b",
            parse_the_day,
        ),
        family(
            r"(?i)\b(?:(?:every|each)\s+(?P<unit>day|week|month|year|season|spring|summer|autumn|winter|weekend|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?P<adv>annually|annual|yearly|daily|weekly|monthly|quarterly|hourly|nightly))\b",
            parse_set,
        ),
        family(
            r"(?i)\b(?P<r>now|currently|current|nowadays|at\s+present|the\s+time\s+being|recently|recent\s+(?:years|months|weeks|days|times)|recent|lately|the\s+past|in\s+the\s+past|the\s+future|in\s+the\s+future|(?:very\s+)?soon|the\s+(?:near|short|long)\s+term)\b",
            parse_ref,
        )
        .with_split(split_whole_r),
    ]
});

/// Find every time expression in `text`, leftmost-longest, without overlaps.
pub fn recognize(text: &str) -> Vec<Mention> {
    // Two sentences in three hold no time expression: a search that stops at the
    // first match of any family rules them out faster than the overlapping search
    // below, which must read every sentence to its end.
    if !FAMILY_SET.is_match(text) {
        return Vec::new();
    }
    let mut found: Vec<Mention> = Vec::new();
    // One pass over the text says which families match at all, and captures are only
    // taken for those.
    let hits = FAMILY_SET.matches(text);
    for fam in hits.iter().map(|i| &FAMILIES[i]) {
        match fam.split {
            Some(split) => {
                for m in fam.re.find_iter(text) {
                    let ranges = split_ranges(fam, split, text, m.start(), m.end());
                    let groups = Groups::Split(&ranges);
                    parse_into(fam, groups, text, &mut found);
                }
            }
            None => {
                for caps in fam.re.captures_iter(text) {
                    parse_into(fam, Groups::Captured(&caps), text, &mut found);
                }
            }
        }
    }
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Mention> = Vec::new();
    for m in found {
        if kept.last().is_none_or(|k| m.start >= k.end) {
            kept.push(m);
        }
    }
    kept
}

/// Parse one match of `fam` and add the mention it makes, if any, to `found`.
fn parse_into(fam: &Family, groups: Groups, text: &str, found: &mut Vec<Mention>) {
    let caps = Caps {
        text,
        groups,
        names: &fam.names,
    };
    let Some(whole) = caps.get(0) else { return };
    if let Some(form) = (fam.parse)(&caps, text, whole.start()) {
        let (start, end) = trim_span(text, whole.start(), whole.end());
        if start < end {
            found.push(Mention { start, end, form });
        }
    }
}

/// Drop surrounding whitespace, commas and a trailing full stop that is not part of an
/// abbreviation ("Feb.").
fn trim_span(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    while start < end && matches!(bytes[start], b' ' | b',' | b'\t' | b'\n' | b'-') {
        start += 1;
    }
    // No expression ends with an opening bracket ("1547 (" before its GMT twin).
    while end > start && matches!(bytes[end - 1], b' ' | b',' | b'\t' | b'\n' | b'-' | b'(') {
        end -= 1;
    }
    // A full stop belongs to an abbreviation ("Feb.", "Sept.") but not to a full word
    // or a number at the end of a sentence ("on 9 March.").
    if end > start && bytes[end - 1] == b'.' {
        let word = text[start..end - 1]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let abbreviation = word.len() <= 4
            && word.chars().all(char::is_alphabetic)
            && word.len() < 5
            && !matches!(word, "June" | "July" | "May");
        if !abbreviation || word.chars().all(|c| c.is_ascii_digit()) {
            end -= 1;
        }
    }
    (start, end)
}

fn month_number(s: &str) -> Option<u32> {
    lexicon::lookup(MONTHS, s.trim_end_matches('.'))
}

// The readers of words below compare in ASCII case ([`str::eq_ignore_ascii_case`]),
// as lower-casing a copy did: a copy per word was most of a parser's work.

/// The first table entry (lower-case ASCII names) that `s` names, in ASCII case.
fn entry_of<T: Copy>(table: &[(&str, T)], s: &str) -> Option<T> {
    table
        .iter()
        .find(|(name, _)| s.eq_ignore_ascii_case(name))
        .map(|&(_, v)| v)
}

fn weekday_number(s: &str) -> Option<u32> {
    let w = s.trim_end_matches('.').as_bytes();
    WEEKDAYS
        .iter()
        .find(|(name, _)| {
            w.len() >= 3
                && name
                    .as_bytes()
                    .get(..w.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(w))
        })
        .map(|(_, n)| *n)
}

fn unit_index(s: &str) -> Option<usize> {
    let short = [
        ("mins", "minute"),
        ("min", "minute"),
        ("hrs", "hour"),
        ("hr", "hour"),
        ("yrs", "year"),
        ("yr", "year"),
        ("centuries", "century"),
    ];
    let w = entry_of(&short, s).unwrap_or_else(|| s.trim_end_matches(['s', 'S']));
    TIME_UNITS
        .iter()
        .position(|(name, ..)| w.eq_ignore_ascii_case(name))
}

const CAL_UNITS: [(&str, CalUnit); 13] = [
    ("day", CalUnit::Day),
    ("week", CalUnit::Week),
    ("weekend", CalUnit::Weekend),
    ("month", CalUnit::Month),
    ("quarter", CalUnit::Quarter),
    ("year", CalUnit::Year),
    ("decade", CalUnit::Decade),
    ("century", CalUnit::Century),
    ("spring", CalUnit::Season(Season::Spring)),
    ("summer", CalUnit::Season(Season::Summer)),
    ("autumn", CalUnit::Season(Season::Autumn)),
    ("fall", CalUnit::Season(Season::Autumn)),
    ("winter", CalUnit::Season(Season::Winter)),
];

fn cal_unit(s: &str) -> Option<CalUnit> {
    entry_of(&CAL_UNITS, s)
}

/// Whether the white-space-separated words of `s` are `expect`, in ASCII case.
fn words_are(s: &str, expect: &[&str]) -> bool {
    let mut words = s.split_whitespace();
    expect
        .iter()
        .all(|e| words.next().is_some_and(|w| w.eq_ignore_ascii_case(e)))
        && words.next().is_none()
}

fn part_of(caps: &Caps) -> Option<Part> {
    let mut p = caps.name("part")?.as_str().trim_start();
    // "the end of" reads as "end of": the words after a leading "the".
    while let Some(rest) = the_then_more(p) {
        p = rest;
    }
    let is = |w: &[&str]| words_are(p, w);
    Some(if is(&["later"]) {
        Part::Later
    } else if is(&["earlier"]) {
        Part::Earlier
    } else if is(&["early"]) || is(&["beginning", "of"]) || is(&["start", "of"]) {
        Part::Early
    } else if is(&["mid"]) || is(&["middle", "of"]) {
        Part::Mid
    } else {
        Part::Late
    })
}

/// What follows a leading word "the" of `s` (no white space first) and white space,
/// when another word does.
fn the_then_more(s: &str) -> Option<&str> {
    let rest = s
        .get(..3)
        .filter(|h| h.eq_ignore_ascii_case("the"))
        .map(|_| &s[3..])?;
    let after = rest.trim_start();
    (after.len() < rest.len() && !after.is_empty()).then_some(after)
}

fn rel_of(s: &str) -> Option<Rel> {
    entry_of(
        &[
            ("last", Rel::Last),
            ("past", Rel::Last),
            ("previous", Rel::Last),
            ("this", Rel::This),
            ("current", Rel::This),
            ("next", Rel::Next),
            ("coming", Rel::Next),
        ],
        s,
    )
}

fn day_part(s: &str) -> Option<DayPart> {
    entry_of(
        &[
            ("morning", DayPart::Morning),
            ("afternoon", DayPart::Afternoon),
            ("evening", DayPart::Evening),
            ("night", DayPart::Night),
        ],
        s,
    )
}

fn num(caps: &Caps, name: &str) -> Option<i64> {
    caps.name(name)?.as_str().parse().ok()
}

fn valid_day(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// The text just before `at`, lower-cased, for context checks.
fn before(text: &str, at: usize, n: usize) -> Cow<'_, str> {
    let mut s = at.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    ascii_lower(&text[s..at])
}

/// `s` in ASCII lower case, copied only when it has a capital.
fn ascii_lower(s: &str) -> Cow<'_, str> {
    match s.bytes().any(|b| b.is_ascii_uppercase()) {
        true => Cow::Owned(s.to_ascii_lowercase()),
        false => Cow::Borrowed(s),
    }
}

/// The text just after `at`, for context checks.
fn after(text: &str, at: usize, n: usize) -> &str {
    let mut e = (at + n).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    &text[at..e]
}

fn parse_full(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let m = month_number(caps.name("m")?.as_str())?;
    let d = num(caps, "d")? as u32;
    let y = num(caps, "y")? as i32;
    valid_day(m, d).then_some(Form::FullDate { y, m, d })
}

fn parse_iso(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let y = num(caps, "y")? as i32;
    let m = num(caps, "mn")? as u32;
    let d = num(caps, "d")? as u32;
    valid_day(m, d).then_some(Form::FullDate { y, m, d })
}

/// "10 / 14 / 11", "14/10/2011": month first as in US news unless the first number
/// cannot be a month.
fn parse_numeric(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let a = num(caps, "a")? as u32;
    let b = num(caps, "b")? as u32;
    let y_text = caps.name("y")?.as_str();
    let mut y: i32 = y_text.parse().ok()?;
    if y_text.len() == 2 {
        y += if y < 50 { 2000 } else { 1900 };
    }
    // "1/2/3" inside a longer number or a fraction chain is not a date.
    let rest = after(text, caps.get(0)?.end(), 2);
    if rest.starts_with('/')
        || rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    valid_day(m, d).then_some(Form::FullDate { y, m, d })
}

fn parse_month_day(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let mm = caps.name("m")?;
    let m = month_number(mm.as_str())?;
    let d = num(caps, "d")? as u32;
    // "May 5" is fine but "may 5" never reaches here (months are capitalised); a
    // following ",000" or digit means a number, not a day.
    let rest = after(text, caps.get(0)?.end(), 2);
    if rest.starts_with(',') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    valid_day(m, d).then_some(Form::MonthDay { m, d })
}

fn parse_month_year(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let m = month_number(caps.name("m")?.as_str())?;
    let y = num(caps, "y")? as i32;
    Some(Form::MonthYear {
        y,
        m,
        part: part_of(caps),
    })
}

fn parse_month(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let mm = caps.name("m")?;
    let name = mm.as_str().trim_end_matches('.');
    let m = month_number(name)?;
    let rel = caps.name("rel").and_then(|r| rel_of(r.as_str()));
    let part = part_of(caps);
    let prev = before(text, mm.start(), 12);
    let prev_word = prev.split_whitespace().last().unwrap_or("");
    let guarded = rel.is_some()
        || part.is_some()
        || matches!(
            prev_word,
            "in" | "since"
                | "until"
                | "till"
                | "by"
                | "of"
                | "during"
                | "from"
                | "to"
                | "between"
                | "and"
                | "through"
                | "before"
                | "after"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "for"
                | "around"
        );
    // Short forms and "May"/"March" alone are too often other words.
    let ambiguous = matches!(
        name,
        "May" | "March" | "Mar" | "Jan" | "Jun" | "Jul" | "Dec"
    ) || name.len() <= 4 && name != "June" && name != "July";
    if ambiguous && !guarded {
        return None;
    }
    Some(Form::Month { m, rel, part })
}

fn parse_month_of_rel_year(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    Some(Form::MonthOfYear {
        m: month_number(caps.name("m")?.as_str())?,
        rel: rel_of(caps.name("rel")?.as_str())?,
    })
}

fn parse_year_range(caps: &Caps, text: &str, start: usize) -> Option<Form> {
    let from = num(caps, "y1")? as i32;
    let y2 = caps.name("y2")?.as_str();
    let to = if y2.len() == 2 {
        from - from % 100 + y2.parse::<i32>().ok()?
    } else {
        y2.parse().ok()?
    };
    if to <= from || to - from > 60 || preceded_by_currency(text, start) {
        return None;
    }
    // "2013/07/02" is handled by the ISO family; "1950-53" and "2009-2010" are ranges.
    if after(text, caps.get(0)?.end(), 1).starts_with(['/', '-']) {
        return None;
    }
    Some(Form::YearRange { from, to })
}

fn parse_decade(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let start = if let Some(d) = caps.name("dec") {
        d.as_str().parse().ok()?
    } else if let Some(d) = caps.name("dec3") {
        // "the 70s": the last century's decade.
        1900 + d.as_str().parse::<i32>().ok()?
    } else {
        let two: i32 = caps.name("dec2")?.as_str().parse().ok()?;
        if two >= 30 { 1900 + two } else { 2000 + two }
    };
    Some(Form::Decade {
        start,
        part: part_of(caps),
    })
}

fn preceded_by_currency(text: &str, start: usize) -> bool {
    let prev = before(text, start, 2);
    prev.ends_with('$') || prev.ends_with('£') || prev.ends_with('€') || prev.ends_with("us")
}

/// A four-digit number is a year only where a year can stand: after a preposition or
/// "the", before punctuation or a name, or as a possessive ("2013's").
fn parse_year(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let ym = caps.name("y")?;
    let y: i32 = ym.as_str().parse().ok()?;
    if preceded_by_currency(text, ym.start()) {
        return None;
    }
    let prev = before(text, ym.start(), 16);
    if prev.ends_with(',') || prev.ends_with('.') && prev.len() > 1 {
        // "1,2013" or "3.2013" are numbers.
        let c = prev.chars().rev().nth(1).unwrap_or(' ');
        if c.is_ascii_digit() {
            return None;
        }
    }
    let next = after(text, ym.end(), 14);
    let part = part_of(caps);
    if next.starts_with(|c: char| c.is_ascii_digit())
        || next.starts_with(",0")
        || next.starts_with(",1")
        || next.starts_with('%')
    {
        return None;
    }
    let prev_word = prev
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("");
    let year_context = matches!(
        prev_word,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "of"
            | "during"
            | "from"
            | "to"
            | "between"
            | "and"
            | "before"
            | "after"
            | "the"
            | "year"
            | "early"
            | "late"
            | "mid"
            | "around"
            | "circa"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "for"
            | "through"
            | "than"
            | "fiscal"
            | "end"
            | "start"
    ) || part.is_some();
    let next_trim = next.trim_start();
    // "an office at 2016 Ontario Street": a number between "at" and a name is a
    // street number ("in 2016 Ontario voted" keeps its year).
    if prev_word == "at" && next_trim.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let next_ok = next.is_empty()
        || next.starts_with(['.', ',', ';', ':', ')', '\'', '’', '"', '-', '–', '?', '!'])
        || next_trim.starts_with(|c: char| c.is_uppercase());
    (year_context || next_ok).then_some(Form::Year { y, part })
}

fn parse_relative(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let rel_word = caps.name("rel")?.as_str().to_ascii_lowercase();
    let unit = cal_unit(caps.name("unit")?.as_str())?;
    let rel = rel_of(&rel_word)?;
    if rel_word == "past" && unit != CalUnit::Weekend {
        // "the past year" is a duration; handled by the vague-duration family.
        return Some(Form::Duration {
            n: Some(1.0),
            unit: unit_for(unit)?,
            qualifier: None,
            vague: None,
        });
    }
    Some(Form::Relative {
        rel,
        unit,
        part: part_of(caps),
    })
}

fn unit_for(unit: CalUnit) -> Option<usize> {
    let name = match unit {
        CalUnit::Day => "day",
        CalUnit::Week => "week",
        CalUnit::Month => "month",
        CalUnit::Year => "year",
        CalUnit::Decade => "decade",
        CalUnit::Century => "century",
        CalUnit::Quarter | CalUnit::Weekend | CalUnit::Season(_) => return None,
    };
    TIME_UNITS.iter().position(|(n, ..)| *n == name)
}

fn parse_weekday(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let wdm = caps.name("wd")?;
    let w = wdm.as_str().trim_end_matches('.');
    // Abbreviations ("Sun", "Sat", "Wed") only count before a comma and a date,
    // which the full-date families already take.
    if w.len() < 6 {
        return None;
    }
    let wd = weekday_number(w)?;
    Some(Form::Weekday {
        wd,
        rel: caps.name("rel").and_then(|r| rel_of(r.as_str())),
        part: caps.name("dp").and_then(|p| day_part(p.as_str())),
    })
}

fn parse_deictic(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let w = squeezed_lower(caps.name("w")?.as_str());
    let part = caps.name("dp").and_then(|p| day_part(p.as_str()));
    Some(match w.as_ref() {
        "today" => Form::Deictic { offset: 0, part },
        "tonight" => Form::Deictic {
            offset: 0,
            part: Some(DayPart::Night),
        },
        "yesterday" => Form::Deictic { offset: -1, part },
        "tomorrow" => Form::Deictic { offset: 1, part },
        _ => Form::Deictic {
            offset: -1,
            part: Some(DayPart::Night),
        },
    })
}

fn parse_this_part(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    Some(Form::Deictic {
        offset: 0,
        part: day_part(caps.name("dp")?.as_str()),
    })
}

/// `s` in ASCII lower case with its words joined by one space: borrowed when it is
/// written so already, as most matches are, and copied only otherwise.
fn squeezed_lower(s: &str) -> Cow<'_, str> {
    let plain = !s.bytes().any(|b| b.is_ascii_uppercase())
        && s.split(' ')
            .all(|w| !w.is_empty() && !w.contains(char::is_whitespace));
    match plain {
        true => Cow::Borrowed(s),
        false => Cow::Owned(
            s.to_ascii_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
    }
}

/// The number a NUM capture stands for, or a vague interval ("a few", "several").
fn number_of(s: &str) -> Option<(f64, Option<(f64, f64)>)> {
    let lower = squeezed_lower(s);
    match lower.as_ref() {
        "a few" => return Some((3.0, Some((2.0, 5.0)))),
        "several" | "some" => return Some((5.0, Some((3.0, 9.0)))),
        "a couple of" => return Some((2.0, None)),
        "a half" | "half a" | "half an" => return Some((0.5, None)),
        "one and a half" => return Some((1.5, None)),
        "two and a half" => return Some((2.5, None)),
        _ => {}
    }
    if let Some(whole) = lower
        .strip_suffix("1/2")
        .or_else(|| lower.strip_suffix('½'))
    {
        let w: f64 = whole.trim().parse().ok()?;
        return Some((w + 0.5, None));
    }
    lexicon::number_value(&lower).map(|n| (n, None))
}

fn qualifier_of(caps: &Caps) -> Option<Qualifier> {
    let q = squeezed_lower(caps.name("q")?.as_str());
    Some(match q.as_ref() {
        "more than" | "over" | "just over" | "well over" => Qualifier::MoreThan,
        "less than" | "fewer than" | "under" | "just under" => Qualifier::LessThan,
        "at least" => Qualifier::AtLeast,
        "at most" | "up to" => Qualifier::AtMost,
        "nearly" | "almost" | "barely" => Qualifier::Nearly,
        "just" => return None,
        _ => Qualifier::About,
    })
}

fn parse_ago(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let (n, _) = number_of(caps.name("n")?.as_str())?;
    Some(Form::Ago {
        n,
        unit: unit_index(caps.name("u")?.as_str())?,
    })
}

fn parse_shift(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let dir = caps.name("dir")?.as_str().to_ascii_lowercase();
    // "four days before/after X" is a duration linking two events: extract reads the
    // relation; only "later"/"earlier" make a date of their own.
    if dir == "before" || dir == "after" {
        return None;
    }
    let (n, _) = number_of(caps.name("n")?.as_str())?;
    Some(Form::Shift {
        n,
        unit: unit_index(caps.name("u")?.as_str())?,
        forward: dir == "later",
    })
}

fn parse_anaphoric(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let unit_word = caps.name("unit")?.as_str().to_ascii_lowercase();
    let unit = match unit_word.as_str() {
        "morning" | "night" | "evening" | "afternoon" => CalUnit::Day,
        u => cal_unit(u)?,
    };
    let offset = match caps.name("dir").map(|d| d.as_str().to_ascii_lowercase()) {
        Some(d) if d == "next" || d == "following" => 1,
        Some(d) if d == "previous" || d == "preceding" => -1,
        _ => 0,
    };
    Some(Form::Anaphoric { offset, unit })
}

fn parse_anaphoric_after(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let unit = cal_unit(caps.name("unit")?.as_str())?;
    // "the day before yesterday" is left to the deictic family.
    if after(text, caps.get(0)?.end(), 11)
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("yesterday")
    {
        return None;
    }
    let forward = caps.name("dir")?.as_str().eq_ignore_ascii_case("after");
    Some(Form::Anaphoric {
        offset: if forward { 1 } else { -1 },
        unit,
    })
}

fn parse_duration(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let n_text = caps.name("n")?.as_str();
    let (n, vague) = number_of(n_text)?;
    let unit = unit_index(caps.name("u")?.as_str())?;
    if n <= 0.0 {
        return None;
    }
    // "a second meeting" is an ordinal, not a duration of one second.
    if caps.name("u")?.as_str().eq_ignore_ascii_case("second") {
        let next = after(text, caps.get(0)?.end(), 12)
            .trim_start()
            .to_ascii_lowercase();
        let word = next
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if !word.is_empty()
            && !matches!(
                word,
                "later" | "earlier" | "ago" | "before" | "after" | "and" | "or" | "of" | "in"
            )
        {
            return None;
        }
    }
    Some(Form::Duration {
        n: Some(n),
        unit,
        qualifier: qualifier_of(caps),
        vague,
    })
}

fn parse_vague_duration(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let u = caps.name("u")?;
    let unit = unit_index(u.as_str())?;
    let q = caps
        .name("q")
        .map(|q| q.as_str().to_ascii_lowercase())
        .unwrap_or_default();
    let prev = before(text, u.start(), 14);
    let prev_word = prev.split_whitespace().last().unwrap_or("");
    let next = ascii_lower(after(text, u.end(), 4));
    let licensed = !q.is_empty()
        || matches!(
            prev_word,
            "in" | "for" | "within" | "after" | "over" | "than"
        )
        || next.starts_with(" of") && !next.starts_with(" off")
        || next.starts_with(" ago");
    if !licensed {
        return None;
    }
    let vague = match q.as_str() {
        "several" => Some((3.0, 9.0)),
        "few" => Some((2.0, 5.0)),
        _ => None,
    };
    Some(Form::Duration {
        n: None,
        unit,
        qualifier: None,
        vague,
    })
}

fn parse_clock(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let mut h = num(caps, "h")? as u32;
    let min = caps
        .name("mi")
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(0);
    if let Some(ap) = caps.name("ap") {
        let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
    }
    Some(Form::Clock {
        h,
        min,
        zone: caps.name("tz").map(|z| z.as_str().to_string()),
    })
}

fn parse_military(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let hm = caps.name("hm")?.as_str();
    let h: u32 = hm[..2].parse().ok()?;
    let min: u32 = hm[2..].parse().ok()?;
    let tz = caps.name("tz")?.as_str();
    let zone = (!tz.eq_ignore_ascii_case("hours") && !tz.eq_ignore_ascii_case("hrs"))
        .then(|| tz.to_string());
    Some(Form::Clock { h, min, zone })
}

/// "struck at 1547 (1217 GMT)": a four-figure number followed by the same moment
/// in GMT in brackets is the local clock time (only the number is the expression;
/// the bracket is read on its own).
fn parse_local_before_gmt(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    static GMT_IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:[01][0-9][0-5][0-9]|2[0-3][0-5][0-9]|[0-9]{1,2}[:.][0-5][0-9])\s*(?:GMT|UTC)\b",
        )
        .expect("GMT bracket pattern compiles")
    });
    let whole = caps.get(0)?;
    if !GMT_IN_BRACKETS.is_match(text.get(whole.end()..)?) {
        return None;
    }
    let hm = caps.name("hm")?.as_str();
    Some(Form::Clock {
        h: hm[..2].parse().ok()?,
        min: hm[2..].parse().ok()?,
        zone: None,
    })
}

fn parse_part_of_day(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    Some(Form::PartOfDay(day_part(caps.name("dp")?.as_str())?))
}

fn parse_quarter(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    if let Some(qn) = caps.name("qn") {
        return Some(Form::Quarter {
            q: qn.as_str().parse().ok()?,
            y: caps.name("y2").and_then(|y| y.as_str().parse().ok()),
            rel: None,
        });
    }
    let q_word = caps.name("q")?.as_str().to_ascii_lowercase();
    let q = if q_word == "final" {
        4
    } else {
        lexicon::lookup(ORDINAL_WORDS, &q_word)
            .or_else(|| q_word.get(..1).and_then(|d| d.parse().ok()))?
    };
    Some(Form::Quarter {
        q,
        y: caps.name("y").and_then(|y| y.as_str().parse().ok()),
        rel: caps.name("rel").and_then(|r| rel_of(r.as_str())),
    })
}

/// "'82": a year of the last century, or of this one for "'05".
fn parse_short_year(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let yy: i32 = caps.name("yy")?.as_str().parse().ok()?;
    // "'90s" is a decade; "'s" and quotes are not years.
    if after(text, caps.get(0)?.end(), 1).starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some(Form::Year {
        y: if yy > 30 { 1900 + yy } else { 2000 + yy },
        part: None,
    })
}

/// "the past decade", "the last six years", "the next few weeks": a stretch of time
/// reaching back (or forward) from now.
fn parse_past_span(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let unit_word = caps.name("u")?.as_str().to_ascii_lowercase();
    let unit = unit_index(&unit_word)?;
    if caps.name("n").is_none() && !unit_word.ends_with('s') {
        // One unit with no number points at a time: "the next day" (after the one
        // spoken of), "the previous year", "the last year" (before this one), "the
        // coming week"; only "the past year" is a length of time.
        let q = squeezed_lower(caps.name("q")?.as_str());
        let cal = cal_unit(&unit_word)?;
        match q.as_ref() {
            "the next" => {
                return Some(Form::Anaphoric {
                    offset: 1,
                    unit: cal,
                });
            }
            "the previous" => {
                return Some(Form::Anaphoric {
                    offset: -1,
                    unit: cal,
                });
            }
            "the last" => {
                return Some(Form::Relative {
                    rel: Rel::Last,
                    unit: cal,
                    part: None,
                });
            }
            "the coming" => {
                return Some(Form::Relative {
                    rel: Rel::Next,
                    unit: cal,
                    part: None,
                });
            }
            _ => {}
        }
    }
    let (n, vague) = match caps.name("n").map(|n| n.as_str().to_ascii_lowercase()) {
        None => (Some(1.0), None),
        Some(w) if w == "few" => (None, Some((2.0, 5.0))),
        Some(w) if w == "several" => (None, Some((3.0, 9.0))),
        Some(w) => (Some(lexicon::number_value(&w)?), None),
    };
    Some(Form::Duration {
        n,
        unit,
        qualifier: None,
        vague,
    })
}

/// A season without a year ("in spring", "Autumn"); "fall" and "spring" are verbs and
/// nouns too, so they need a word before them that makes them a time.
fn parse_season_alone(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let word = caps.name("season")?;
    let season = match cal_unit(word.as_str())? {
        CalUnit::Season(s) => s,
        _ => return None,
    };
    let pre = caps.name("pre").map(|p| p.as_str().to_ascii_lowercase());
    let ambiguous = word.as_str().eq_ignore_ascii_case("fall") || season == Season::Spring;
    if pre.is_none() && ambiguous {
        return None;
    }
    // "the summer of 2013" is taken whole by the season-and-year family.
    if after(text, word.end(), 4).trim_start().starts_with("of") {
        return None;
    }
    Some(Form::SeasonOf { season, y: None })
}

/// "the day" (the day spoken of), "the weekend" (this one).
fn parse_the_day(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    match caps.name("unit")?.as_str().to_ascii_lowercase().as_str() {
        "weekend" => Some(Form::Relative {
            rel: Rel::This,
            unit: CalUnit::Weekend,
            part: None,
        }),
        _ => Some(Form::Anaphoric {
            offset: 0,
            unit: CalUnit::Day,
        }),
    }
}

fn parse_season_year(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let season = match cal_unit(caps.name("season")?.as_str())? {
        CalUnit::Season(s) => s,
        _ => return None,
    };
    Some(Form::SeasonOf {
        season,
        y: caps.name("y").and_then(|y| y.as_str().parse().ok()),
    })
}

fn parse_set(caps: &Caps, _: &str, _: usize) -> Option<Form> {
    let word = caps
        .name("unit")
        .or_else(|| caps.name("adv"))?
        .as_str()
        .to_ascii_lowercase();
    let value = match word.as_str() {
        "day" | "daily" => "P1D",
        "week" | "weekly" => "P1W",
        "month" | "monthly" => "P1M",
        "year" | "yearly" | "annually" | "annual" => "P1Y",
        "quarterly" => "P3M",
        "hourly" => "PT1H",
        "night" | "nightly" => "XXXX-XX-XXTNI",
        "morning" => "XXXX-XX-XXTMO",
        "evening" => "XXXX-XX-XXTEV",
        "weekend" => "XXXX-WXX-WE",
        "spring" => "XXXX-SP",
        "summer" => "XXXX-SU",
        "autumn" => "XXXX-FA",
        "winter" => "XXXX-WI",
        "season" => "P1Y",
        w => {
            let wd = weekday_number(w)?;
            return Some(Form::Set {
                value: format!("XXXX-WXX-{}", wd + 1),
            });
        }
    };
    Some(Form::Set {
        value: value.to_string(),
    })
}

fn parse_ref(caps: &Caps, text: &str, _: usize) -> Option<Form> {
    let r = caps.name("r")?.as_str().to_ascii_lowercase();
    // "over the past century", "the past eleven days" are stretches of time, not the past.
    if r.ends_with("past") {
        let next = after(text, caps.get(0)?.end(), 24)
            .trim_start()
            .to_ascii_lowercase();
        let word = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty()
            || lexicon::number_value(word).is_some()
            || unit_index(word).is_some()
            || matches!(word, "few" | "several" | "couple")
        {
            return None;
        }
    }
    Some(Form::Ref(
        if r.contains("future") || r.contains("soon") || r.contains("term") {
            RefPoint::Future
        } else if r.contains("past") || r.starts_with("recent") || r == "lately" {
            RefPoint::Past
        } else {
            RefPoint::Present
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each family with a [`Split`] finds, through it, the groups its regex captures.
    fn splits_agree_with_captures(text: &str) -> Result<(), String> {
        for fam in FAMILIES.iter() {
            let Some(split) = fam.split else { continue };
            let found: Vec<Vec<Option<(usize, usize)>>> = fam
                .re
                .find_iter(text)
                .map(|m| {
                    split_ranges(fam, split, text, m.start(), m.end())[..fam.names.len()].to_vec()
                })
                .collect();
            let captured: Vec<Vec<Option<(usize, usize)>>> = fam
                .re
                .captures_iter(text)
                .map(|c| c.iter().map(|g| g.map(|g| (g.start(), g.end()))).collect())
                .collect();
            if found != captured {
                return Err(format!("{}: {found:?} != {captured:?}", fam.re.as_str()));
            }
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn date_splits_agree_with_captures(
            s in "((?i:march|sept|oct|may|jun|june)|Mar|Sept|Dec|Monday|Sun|Tues|of|OF|the end of|mid|later|last|this|current|[0-9]{1,4}|st|th|[ \t\u{a0}\u{2003}.,/-]|x|é){0,12}"
        ) {
            proptest::prop_assert_eq!(splits_agree_with_captures(&s), Ok(()));
        }

        #[test]
        fn word_splits_agree_with_captures(
            s in "((?i:last|this|next|past|coming|later|early|mid|the end of|week|year|years|months|days|many|the last|over the|-long|today|tonight|night|morning|evening|now|soon|the near term|recent|very)|[0-9]{1,2}|:|[0-5][0-9]|(?i:am|pm|a\\.m\\.|p\\.m\\.|gmt|pst|local time)|[ \t\u{a0}\u{2003}.,()-]|x|é){0,12}"
        ) {
            proptest::prop_assert_eq!(splits_agree_with_captures(&s), Ok(()));
        }

        #[test]
        fn weekday_and_year_splits_agree_with_captures(
            s in "((?i:last|next|this|coming|past|early|late|later|mid|the end of|start of|morning|night|evening)|Monday|Tues|Tue|Thurs|Thu|Sunday|Sun|Sat|1999|2014|20|[ \t\u{a0}\u{2003}.,-]|x|é){0,10}"
        ) {
            proptest::prop_assert_eq!(splits_agree_with_captures(&s), Ok(()));
        }

        #[test]
        fn duration_splits_agree_with_captures(
            s in "((?i:some|a few|a|an|a couple of|several|half a|one and a half|twenty-one|ten|just|just over|over|more than|at\tleast|well over|about|nearly|full|more|straight|second|seconds|years|days|hrs|centuries|long|old|ago|later|x|and)|[0-9]{1,2}|\\.5|1/2|½|[ \t\u{b}\u{a0}\u{2003}.,-]|é){0,12}"
        ) {
            proptest::prop_assert_eq!(splits_agree_with_captures(&s), Ok(()));
        }
    }

    #[test]
    fn splits_agree_with_captures_on_examples() {
        for text in [
            "last Monday morning, this  Tues. night and Sunday evening",
            "in early 2014, mid-1999, the end of\u{a0}2015, later-2016 and 1850",
            "PAST Thursday\u{2003}AFTERNOON, coming Sat., lately 2014",
            "on Mon., 5th of Oct., 2014, Sun 14 MARCH 2015 and Sept. 3rd-2016, March 5,2012",
            "mid-March 2014, the end of\u{a0}May of 2015, late last year, outlast week",
            "at 3:42 p.m. (GMT), 10:05am PST, 9:30  (local  time) and 4:15 amGMT",
            "last night morning, tonight, many years-LONG, in  years, the last months",
            "some years, some 5 days, just over a few hours, Just  over\u{a0}5 YEARS-old",
            "about some two full days, more\tthan 3 1/2 years long, well over half an hour",
            "some years ago, just over a few HOURS\u{a0}ago, about  5 days ago",
        ] {
            assert_eq!(splits_agree_with_captures(text), Ok(()));
        }
    }

    /// The lines of the evaluation articles, real text for the tests.
    fn eval_lines() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/eval/ecbplus");
        let mut lines = Vec::new();
        let folders = std::fs::read_dir(dir).expect("eval folder");
        for folder in folders
            .map(|f| f.expect("entry").path())
            .filter(|f| f.is_dir())
        {
            for file in std::fs::read_dir(folder).expect("folder") {
                let text = std::fs::read_to_string(file.expect("file").path()).expect("text");
                lines.extend(text.lines().map(String::from));
            }
        }
        lines
    }

    #[test]
    fn splits_agree_with_captures_on_real_text() {
        let lines = eval_lines();
        for line in &lines {
            assert_eq!(splits_agree_with_captures(line), Ok(()));
        }
        // Every split is tried on some match.
        for fam in FAMILIES.iter().filter(|f| f.split.is_some()) {
            let examples = [
                "on Mon., 5th of Oct., 2014, Sun 14 MARCH 2015 and Sept. 3rd-2016, March 5,2012",
                "mid-March 2014, the end of\u{a0}May of 2015, late last year, outlast week",
                "at 3:42 p.m. (GMT), 10:05am PST, 9:30  (local  time) and 4:15 amGMT",
                "last night morning, tonight, many years-LONG, in  years, the last months",
                "last Monday morning, lately 2014, early 2014, in May, now",
                "some years, some 5 days, just over a few hours, 3 days ago",
            ];
            assert!(
                examples.iter().any(|e| fam.re.is_match(e)),
                "{}",
                fam.re.as_str()
            );
        }
    }

    fn forms(text: &str) -> Vec<(String, Form)> {
        recognize(text)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.form))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        forms(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn full_dates_in_every_order() {
        assert_eq!(
            forms("landed on 5 April 2016 at noon")[0],
            (
                "5 April 2016".into(),
                Form::FullDate {
                    y: 2016,
                    m: 4,
                    d: 5
                }
            )
        );
        assert_eq!(
            forms("Published: Thu, March 8, 2018")[0],
            (
                "Thu, March 8, 2018".into(),
                Form::FullDate {
                    y: 2018,
                    m: 3,
                    d: 8
                }
            )
        );
        assert_eq!(texts("see /2015/09/21/story"), vec!["2015/09/21"]);
        assert_eq!(
            texts("Last Updated: Friday, 14 October 2011, 07:41 GMT")[0],
            "Friday, 14 October 2011"
        );
    }

    #[test]
    fn partial_dates_and_months() {
        assert_eq!(
            forms("due to open on 9 March, three days")[0].1,
            Form::MonthDay { m: 3, d: 9 }
        );
        let f = forms("between August 2 and October 19");
        assert_eq!(f[0].1, Form::MonthDay { m: 8, d: 2 });
        assert_eq!(f[1].1, Form::MonthDay { m: 10, d: 19 });
        assert!(matches!(
            forms("manoeuvres due in April")[0].1,
            Form::Month { m: 4, .. }
        ));
        assert!(texts("Theresa May said").is_empty());
        assert!(texts("it May rain").is_empty());
    }

    #[test]
    fn years_ranges_and_decades() {
        assert_eq!(
            forms("first since 2009.")[0].1,
            Form::Year {
                y: 2009,
                part: None
            }
        );
        assert_eq!(
            forms("the 1961-64 Border War")[0].1,
            Form::YearRange {
                from: 1961,
                to: 1964
            }
        );
        assert_eq!(
            forms("the Border War in the 1960s will")[0].1,
            Form::Decade {
                start: 1960,
                part: None
            }
        );
        assert!(texts("2000 people fled").is_empty());
        assert!(texts("it cost $2010 dollars").is_empty());
    }

    #[test]
    fn relative_expressions() {
        assert_eq!(
            forms("planned for later this month")[0],
            (
                "later this month".into(),
                Form::Relative {
                    rel: Rel::This,
                    unit: CalUnit::Month,
                    part: Some(Part::Later)
                }
            )
        );
        assert_eq!(texts("Last year's manoeuvres"), vec!["Last year"]);
        assert_eq!(texts("Last week Norland threatened"), vec!["Last week"]);
        assert!(matches!(
            forms("two days later")[0].1,
            Form::Shift { forward: true, .. }
        ));
        assert!(matches!(
            forms("the next day")[0].1,
            Form::Anaphoric { offset: 1, .. }
        ));
        assert!(matches!(forms("three years ago")[0].1, Form::Ago { .. }));
    }

    #[test]
    fn weekdays() {
        assert_eq!(
            forms("during Tuesday's talks")[0],
            (
                "Tuesday".into(),
                Form::Weekday {
                    wd: 1,
                    rel: None,
                    part: None
                }
            )
        );
        assert_eq!(
            forms("Lisbon on Thursday morning.")[0].1,
            Form::Weekday {
                wd: 3,
                rel: None,
                part: Some(DayPart::Morning)
            }
        );
    }

    #[test]
    fn durations_with_qualifiers() {
        assert_eq!(
            texts("the first time in more than eleven years"),
            vec!["more than eleven years"]
        );
        let f = forms("a seven-week pause");
        assert_eq!(f[0].0, "seven-week");
        assert!(matches!(f[0].1, Form::Duration { n: Some(7.0), .. }));
        assert_eq!(
            texts("met for 45 minutes in the morning"),
            vec!["45 minutes", "the morning"]
        );
        assert_eq!(
            texts("for six days from 9 March"),
            vec!["six days", "9 March"]
        );
        assert_eq!(texts("talks in years"), vec!["years"]);
        assert_eq!(texts("a 22 year-old man"), vec!["22 year-old"]);
        assert_eq!(texts("2 1/2 years"), vec!["2 1/2 years"]);
    }

    #[test]
    fn clock_times() {
        let both = forms("hit at 1547 (1217 GMT)");
        assert!(matches!(
            both[0].1,
            Form::Clock {
                h: 15,
                min: 47,
                zone: None
            }
        ));
        assert!(matches!(both[1].1, Form::Clock { h: 12, min: 17, .. }));
        assert_eq!(texts("hit at 1547 (1217 GMT)"), vec!["1547", "1217 GMT"]);
        assert!(
            texts("built in 1547 (a plague year)")
                .iter()
                .all(|t| t != "1547 (")
        );
        assert!(texts("an office at 2016 Harbour Street").is_empty());
        assert!(matches!(
            forms("at 3:42PM GMT")[0].1,
            Form::Clock { h: 15, min: 42, .. }
        ));
        assert!(texts("a 5.2 magnitude").is_empty());
    }

    /// Every line of the evaluation articles in which a full date is recognized passes
    /// [`may_hold_full_date`], and so do a few of every form.
    #[test]
    fn full_dates_only_come_from_the_full_date_families() {
        let mut lines: Vec<String> = [
            "on 5 April 2016",
            "Thu, March 8, 2018",
            "/2015/09/21/",
            "10 / 14 / 11",
        ]
        .map(String::from)
        .to_vec();
        lines.extend(eval_lines());
        let mut full = 0;
        for line in &lines {
            if recognize(line)
                .iter()
                .any(|m| matches!(m.form, Form::FullDate { .. }))
            {
                full += 1;
                assert!(may_hold_full_date(line), "{line:?}");
            }
        }
        assert!(full > 20, "only {full} lines with a full date");
        assert!(!may_hold_full_date("on 5 April, in 2016"));
    }

    #[test]
    fn no_matches_inside_words() {
        assert!(texts("Marchers and Mayors").is_empty());
        assert!(texts("the nowhere man").is_empty());
    }
}
