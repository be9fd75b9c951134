//! Normalization: anchor recognized expressions to calendar time.
//!
//! Every value hangs on the document creation time (the article's publication date);
//! none is ever taken from the clock. Conventions, written down because they decide
//! verdicts:
//!
//! * A weekday in a past-tense clause is the most recent such day on or before the
//!   publication date ("said Friday" in a Friday paper is that Friday); in a
//!   future-tense clause it is the next such day on or after it.
//! * A day and month without a year take the publication year, moved one year back when
//!   a past-tense clause would otherwise put it more than two weeks after publication
//!   (and one forward for the future), unless the sentence names the year ("Last
//!   year's manoeuvres, which followed the launch on 9 February").
//! * "the next day", "two days later", "that year" count from the reference time: the
//!   last day-precise date the text mentioned, else the publication date.
//! * With no publication date, anchored forms stay underspecified (`XXXX-02-20`).

use super::recognize::{CalUnit, DayPart, Form, Mention, Part, Qualifier, RefPoint, Rel, Season};
use crate::lexicon::TIME_UNITS;
use crate::model::{Amount, Granularity, Reading, TimeRange, TimexMod, TimexType};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The tense of the clause governing an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    /// No tense-bearing word in the sentence.
    Unknown,
}

/// The time a document's relative expressions hang on.
#[derive(Clone, Copy, Debug, Default)]
pub struct Anchor {
    /// The document creation time.
    pub dct: Option<NaiveDate>,
    /// The last day-precise date mentioned, for "the next day", "two days later".
    pub reference: Option<NaiveDate>,
}

/// A normalized expression, positions relative to the sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalized {
    pub start: usize,
    pub end: usize,
    pub ttype: TimexType,
    pub value: String,
    pub modifier: Option<TimexMod>,
    pub reading: Reading,
}

/// Normalize the expressions of one sentence, updating the reference time.
pub fn normalize(sentence: &str, mentions: &[Mention], anchor: &mut Anchor) -> Vec<Normalized> {
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let year_hint = year_hint(sentence, mentions, anchor.dct, m.start);
        let sentence_day = out
            .iter()
            .rev()
            .find_map(|n: &Normalized| match &n.reading {
                Reading::Time(r) if r.granularity == Granularity::Day => r.as_day(),
                _ => None,
            });
        let ctx = Ctx {
            dct: anchor.dct,
            sentence_day,
            reference: anchor.reference.or(anchor.dct),
            at: Place {
                sentence,
                start: m.start,
                end: m.end,
                weekday: matches!(m.form, Form::Weekday { .. }),
            },
            year_hint,
        };
        let n = normalize_one(&m.form, &ctx);
        out.push(Normalized {
            start: m.start,
            end: m.end,
            ttype: n.0,
            value: n.1,
            modifier: n.2,
            reading: n.3,
        });
    }
    for n in &out {
        if let Reading::Time(r) = &n.reading
            && r.granularity == Granularity::Day
            && n.ttype != TimexType::Duration
            && let Some(d) = r.as_day()
        {
            anchor.reference = Some(d);
        }
    }
    out
}

struct Ctx<'s> {
    dct: Option<NaiveDate>,
    /// The last day-precise date mentioned earlier in the same sentence.
    sentence_day: Option<NaiveDate>,
    reference: Option<NaiveDate>,
    /// Where the expression is, for its tense.
    at: Place<'s>,
    year_hint: Option<i32>,
}

/// An expression's place in its sentence.
struct Place<'s> {
    sentence: &'s str,
    start: usize,
    end: usize,
    /// Weekdays take the tense of their clause alone ([`tense`]).
    weekday: bool,
}

impl Ctx<'_> {
    /// The tense that governs the expression. Read only by the forms that need it
    /// (most, as full dates, years and durations, do not): reading the words around
    /// the expression was most of the normalization's work.
    fn tense(&self) -> Tense {
        let Place {
            sentence,
            start,
            end,
            weekday,
        } = self.at;
        match weekday {
            true => clause_tense(sentence, start, end),
            false => tense(sentence, start, end),
        }
    }
}

type Out = (TimexType, String, Option<TimexMod>, Reading);

fn date(value: String, range: Option<TimeRange>, modifier: Option<TimexMod>) -> Out {
    let reading = range.map_or(Reading::Other, Reading::Time);
    (TimexType::Date, value, modifier, reading)
}

fn normalize_one(form: &Form, ctx: &Ctx) -> Out {
    match form {
        Form::FullDate { y, m, d } => full_date(*y, *m, *d),
        Form::MonthDay { m, d } => month_day(*m, *d, ctx),
        Form::MonthYear { y, m, part } => {
            let (a, b) = month_bounds(*y, *m);
            let (a, b, md) = narrow(a, b, *part);
            date(
                format!("{y:04}-{m:02}"),
                Some(TimeRange::between(a, b, Granularity::Month)),
                md,
            )
        }
        Form::Month { m, rel, part } => month(*m, *rel, *part, ctx),
        Form::MonthOfYear { m, rel } => match ctx.dct {
            Some(dct) => {
                let y = dct.year()
                    + match rel {
                        Rel::Last => -1,
                        Rel::This => 0,
                        Rel::Next => 1,
                    };
                let (a, b) = month_bounds(y, *m);
                date(
                    format!("{y:04}-{m:02}"),
                    Some(TimeRange::between(a, b, Granularity::Month)),
                    None,
                )
            }
            None => date(format!("XXXX-{m:02}"), None, None),
        },
        Form::Year { y, part } => {
            let (a, b) = year_bounds(*y);
            let (a, b, md) = narrow(a, b, *part);
            date(
                format!("{y:04}"),
                Some(TimeRange::between(a, b, Granularity::Year)),
                md,
            )
        }
        Form::YearRange { from, to } => date(
            format!("{from:04}/{to:04}"),
            Some(TimeRange::between(
                year_bounds(*from).0,
                year_bounds(*to).1,
                Granularity::Year,
            )),
            None,
        ),
        Form::Decade { start, part } => decade(*start, *part),
        Form::Weekday { wd, rel, part } => weekday(*wd, *rel, *part, ctx),
        Form::Relative { rel, unit, part } => relative(*rel, *unit, *part, ctx),
        Form::Deictic { offset, part } => deictic(*offset, *part, ctx.dct),
        Form::Ago { n, unit } => shifted(ctx.dct, *n, *unit, false),
        Form::Shift { n, unit, forward } => shifted(ctx.reference, *n, *unit, *forward),
        Form::Anaphoric { offset, unit } => anaphoric(*offset, *unit, ctx.reference),
        Form::Duration {
            n,
            unit,
            qualifier,
            vague,
        } => duration(*n, *unit, *qualifier, *vague),
        Form::Clock { h, min, zone } => {
            // A clock time is on the day the sentence names, else the publication day.
            let day = ctx
                .sentence_day
                .or(ctx.dct)
                .map_or("XXXX-XX-XX".to_string(), |d| d.to_string());
            let utc = zone
                .as_deref()
                .is_some_and(|z| z.eq_ignore_ascii_case("utc") || z.eq_ignore_ascii_case("gmt"));
            (
                TimexType::Time,
                format!("{day}T{h:02}:{min:02}{}", if utc { "Z" } else { "" }),
                None,
                Reading::Other,
            )
        }
        Form::PartOfDay(p) => {
            let day = ctx
                .reference
                .map_or("XXXX-XX-XX".to_string(), |d| d.to_string());
            (
                TimexType::Time,
                format!("{day}T{}", part_code(*p)),
                None,
                Reading::Other,
            )
        }
        Form::Quarter { q, y, rel } => quarter(*q, quarter_year(*q, *y, *rel, ctx)),
        Form::SeasonOf { season, y } => {
            season_value(*season, y.or_else(|| season_year(*season, ctx)))
        }
        Form::Set { value } => (TimexType::Set, value.clone(), None, Reading::Other),
        Form::Ref(r) => date(
            match r {
                RefPoint::Present => "PRESENT_REF",
                RefPoint::Past => "PAST_REF",
                RefPoint::Future => "FUTURE_REF",
            }
            .to_string(),
            None,
            None,
        ),
    }
}

fn full_date(y: i32, m: u32, d: u32) -> Out {
    let day = NaiveDate::from_ymd_opt(y, m, d);
    date(
        format!("{y:04}-{m:02}-{d:02}"),
        day.map(TimeRange::day),
        None,
    )
}

/// The year for a day and month, by the sentence's year or the clause's tense.
fn month_day(m: u32, d: u32, ctx: &Ctx) -> Out {
    let Some(dct) = ctx.dct else {
        return date(format!("XXXX-{m:02}-{d:02}"), None, None);
    };
    let year = ctx.year_hint.unwrap_or_else(|| {
        let here = NaiveDate::from_ymd_opt(dct.year(), m, d);
        pick_year(dct, here, here, ctx.tense())
    });
    full_date(year, m, d)
}

/// Move a candidate in the publication year one year back or forward when the tense
/// says it cannot lie on that side of the publication date.
fn pick_year(
    dct: NaiveDate,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    tense: Tense,
) -> i32 {
    let y = dct.year();
    let slack = Days::new(14);
    match (tense, first, last) {
        (Tense::Past, Some(a), _) if dct.checked_add_days(slack).is_some_and(|s| a > s) => y - 1,
        (Tense::Future, _, Some(b)) if dct.checked_sub_days(slack).is_some_and(|s| b < s) => y + 1,
        // With no tense to go by, the year that puts it nearest the publication date.
        (Tense::Unknown, Some(a), Some(b)) => {
            let distance = |shift: i32| {
                let (Some(a), Some(b)) = (shift_year(a, shift), shift_year(b, shift)) else {
                    return i64::MAX;
                };
                if dct < a {
                    (a - dct).num_days()
                } else if dct > b {
                    (dct - b).num_days()
                } else {
                    0
                }
            };
            [0, -1, 1]
                .into_iter()
                .min_by_key(|s| distance(*s))
                .map_or(y, |s| y + s)
        }
        _ => y,
    }
}

fn month(m: u32, rel: Option<Rel>, part: Option<Part>, ctx: &Ctx) -> Out {
    let Some(dct) = ctx.dct else {
        return date(format!("XXXX-{m:02}"), None, None);
    };
    let y = match rel {
        Some(Rel::Last) => {
            if m < dct.month() {
                dct.year()
            } else {
                dct.year() - 1
            }
        }
        Some(Rel::Next) => {
            if m > dct.month() {
                dct.year()
            } else {
                dct.year() + 1
            }
        }
        Some(Rel::This) => dct.year(),
        None => ctx.year_hint.unwrap_or_else(|| {
            let (a, b) = month_bounds(dct.year(), m);
            pick_year(dct, Some(a), Some(b), ctx.tense())
        }),
    };
    let (a, b) = month_bounds(y, m);
    let (a, b, md) = narrow(a, b, part);
    date(
        format!("{y:04}-{m:02}"),
        Some(TimeRange::between(a, b, Granularity::Month)),
        md,
    )
}

fn decade(start: i32, part: Option<Part>) -> Out {
    let a = year_bounds(start).0;
    let b = year_bounds(start + 9).1;
    let (a, b, md) = narrow(a, b, part);
    date(
        format!("{:03}", start / 10),
        Some(TimeRange::between(a, b, Granularity::Decade)),
        md,
    )
}

fn weekday(wd: u32, rel: Option<Rel>, part: Option<DayPart>, ctx: &Ctx) -> Out {
    let Some(dct) = ctx.dct else {
        return date(format!("XXXX-WXX-{}", wd + 1), None, None);
    };
    let today = dct.weekday().num_days_from_monday();
    let back = (today + 7 - wd) % 7;
    let ahead = (wd + 7 - today) % 7;
    let day = match (rel, ctx.tense()) {
        (Some(Rel::Last), _) => {
            dct.checked_sub_days(Days::new(if back == 0 { 7 } else { back } as u64))
        }
        (Some(Rel::Next), _) => {
            dct.checked_add_days(Days::new(if ahead == 0 { 7 } else { ahead } as u64))
        }
        (Some(Rel::This), Tense::Future) | (None, Tense::Future) => {
            dct.checked_add_days(Days::new(ahead as u64))
        }
        _ => dct.checked_sub_days(Days::new(back as u64)),
    };
    let Some(day) = day else {
        return date(format!("XXXX-WXX-{}", wd + 1), None, None);
    };
    match part {
        Some(p) => (
            TimexType::Time,
            format!("{day}T{}", part_code(p)),
            None,
            Reading::Time(TimeRange::day(day)),
        ),
        None => date(day.to_string(), Some(TimeRange::day(day)), None),
    }
}

fn relative(rel: Rel, unit: CalUnit, part: Option<Part>, ctx: &Ctx) -> Out {
    let Some(dct) = ctx.dct else {
        let v = match rel {
            Rel::Last => "PAST_REF",
            Rel::This => "PRESENT_REF",
            Rel::Next => "FUTURE_REF",
        };
        return date(v.to_string(), None, None);
    };
    let step: i64 = match rel {
        Rel::Last => -1,
        Rel::This => 0,
        Rel::Next => 1,
    };
    let Some((value, a, b, gran)) = unit_at(dct, unit, step) else {
        return date("XXXX".to_string(), None, None);
    };
    let (a, b, md) = match part {
        Some(Part::Later) => (dct.succ_opt().unwrap_or(dct).max(a), b, None),
        Some(Part::Earlier) => (a, dct.pred_opt().unwrap_or(dct).min(b), None),
        p => narrow(a, b, p),
    };
    date(value, Some(TimeRange::between(a, b, gran)), md)
}

/// The calendar unit containing `d`, moved `step` units: TimeML value and bounds.
fn unit_at(
    d: NaiveDate,
    unit: CalUnit,
    step: i64,
) -> Option<(String, NaiveDate, NaiveDate, Granularity)> {
    Some(match unit {
        CalUnit::Day => {
            let x = add_days(d, step)?;
            (x.to_string(), x, x, Granularity::Day)
        }
        CalUnit::Week | CalUnit::Weekend => {
            let x = add_days(d, 7 * step)?;
            let monday = add_days(x, -(x.weekday().num_days_from_monday() as i64))?;
            let sunday = add_days(monday, 6)?;
            let w = x.iso_week();
            if unit == CalUnit::Weekend {
                let sat = add_days(monday, 5)?;
                (
                    format!("{:04}-W{:02}-WE", w.year(), w.week()),
                    sat,
                    sunday,
                    Granularity::Day,
                )
            } else {
                (
                    format!("{:04}-W{:02}", w.year(), w.week()),
                    monday,
                    sunday,
                    Granularity::Week,
                )
            }
        }
        CalUnit::Month => {
            let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
            let x = shift_months(first, step)?;
            let (a, b) = month_bounds(x.year(), x.month());
            (
                format!("{:04}-{:02}", x.year(), x.month()),
                a,
                b,
                Granularity::Month,
            )
        }
        CalUnit::Quarter => {
            let q0 = (d.month0() / 3) as i64 + step;
            let y = d.year() + q0.div_euclid(4) as i32;
            let q = q0.rem_euclid(4) as u32 + 1;
            let a = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1)?;
            let b = month_bounds(y, q * 3).1;
            (format!("{y:04}-Q{q}"), a, b, Granularity::Quarter)
        }
        CalUnit::Year => {
            let y = d.year() + step as i32;
            let (a, b) = year_bounds(y);
            (format!("{y:04}"), a, b, Granularity::Year)
        }
        CalUnit::Decade => {
            let s = d.year() - d.year().rem_euclid(10) + 10 * step as i32;
            (
                format!("{:03}", s / 10),
                year_bounds(s).0,
                year_bounds(s + 9).1,
                Granularity::Decade,
            )
        }
        CalUnit::Century => {
            let s = d.year() - d.year().rem_euclid(100) + 100 * step as i32;
            (
                format!("{:02}", s / 100),
                year_bounds(s).0,
                year_bounds(s + 99).1,
                Granularity::Century,
            )
        }
        CalUnit::Season(s) => {
            let y = d.year() + step as i32;
            let (v, a, b) = season_bounds(s, y)?;
            (v, a, b, Granularity::Season)
        }
    })
}

fn deictic(offset: i64, part: Option<DayPart>, dct: Option<NaiveDate>) -> Out {
    let Some(day) = dct.and_then(|d| add_days(d, offset)) else {
        let v = match part {
            Some(p) => format!("XXXX-XX-XXT{}", part_code(p)),
            None => "PRESENT_REF".to_string(),
        };
        return date(v, None, None);
    };
    match part {
        Some(p) => (
            TimexType::Time,
            format!("{day}T{}", part_code(p)),
            None,
            Reading::Time(TimeRange::day(day)),
        ),
        None => date(day.to_string(), Some(TimeRange::day(day)), None),
    }
}

/// "three years ago" (backward from the publication date) or "two days later"
/// (forward from the reference time), at the precision of the unit.
fn shifted(from: Option<NaiveDate>, n: f64, unit: usize, forward: bool) -> Out {
    let (name, ..) = TIME_UNITS[unit];
    let Some(from) = from else {
        return date("XXXX-XX-XX".to_string(), None, None);
    };
    let sign: i64 = if forward { 1 } else { -1 };
    let whole = n.round() as i64 * sign;
    let cal = match name {
        "day" | "night" => CalUnit::Day,
        "week" | "fortnight" => CalUnit::Week,
        "month" => CalUnit::Month,
        "year" => CalUnit::Year,
        "decade" => CalUnit::Decade,
        "century" => CalUnit::Century,
        _ => return date(from.to_string(), Some(TimeRange::day(from)), None),
    };
    let steps = if name == "fortnight" {
        whole * 2
    } else {
        whole
    };
    match unit_at(from, cal, steps) {
        Some((v, a, b, g)) => date(v, Some(TimeRange::between(a, b, g)), None),
        None => date("XXXX-XX-XX".to_string(), None, None),
    }
}

fn anaphoric(offset: i64, unit: CalUnit, reference: Option<NaiveDate>) -> Out {
    let Some(r) = reference else {
        return date("XXXX-XX-XX".to_string(), None, None);
    };
    match unit_at(r, unit, offset) {
        Some((v, a, b, g)) => date(v, Some(TimeRange::between(a, b, g)), None),
        None => date("XXXX-XX-XX".to_string(), None, None),
    }
}

/// A length of time: TimeML value and the interval of days the words allow. An exact
/// "six years" allows half a unit either way, the precision news numbers are given in.
fn duration(
    n: Option<f64>,
    unit: usize,
    qualifier: Option<Qualifier>,
    vague: Option<(f64, f64)>,
) -> Out {
    let (name, letter, clock, days) = TIME_UNITS[unit];
    // Decades and centuries are written in years (P10Y), as news corpora annotate them.
    let (letter, mult) = match name {
        "fortnight" => (letter, 2.0),
        "decade" => ("Y", 10.0),
        "century" => ("Y", 100.0),
        _ => (letter, 1.0),
    };
    let prefix = if clock { "PT" } else { "P" };
    let value = match n {
        Some(x) if vague.is_none() => format!("{prefix}{}{letter}", fmt_num(x * mult)),
        _ => format!("{prefix}X{letter}"),
    };
    let modifier = qualifier.map(|q| match q {
        Qualifier::MoreThan => TimexMod::MoreThan,
        Qualifier::LessThan => TimexMod::LessThan,
        Qualifier::AtLeast => TimexMod::EqualOrMore,
        Qualifier::AtMost => TimexMod::EqualOrLess,
        Qualifier::About | Qualifier::Nearly => TimexMod::Approx,
    });
    let (low, high) = match (n, vague, qualifier) {
        (_, Some((a, b)), _) => (a, Some(b)),
        (None, None, _) => (2.0, None),
        (Some(x), None, q) => match q {
            Some(Qualifier::MoreThan) => (x, None),
            Some(Qualifier::AtLeast) => (x, None),
            Some(Qualifier::LessThan) | Some(Qualifier::AtMost) => (0.0, Some(x)),
            Some(Qualifier::Nearly) => (x * 0.8, Some(x)),
            Some(Qualifier::About) => ((x * 0.75).min(x - 0.5), Some((x * 1.25).max(x + 0.5))),
            None => ((x - 0.5).max(x / 2.0), Some(x + 0.5)),
        },
    };
    let unit_days = days * if name == "fortnight" { 2.0 } else { 1.0 };
    (
        TimexType::Duration,
        value,
        modifier,
        Reading::Duration(Amount {
            low: low * unit_days,
            high: high.map(|h| h * unit_days),
            unit: "day".to_string(),
        }),
    )
}

fn fmt_num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x}")
    }
}

/// The year of a quarter: named, relative ("of last year"), or by tense.
fn quarter_year(q: u32, y: Option<i32>, rel: Option<Rel>, ctx: &Ctx) -> Option<i32> {
    if y.is_some() {
        return y;
    }
    let dct = ctx.dct?;
    Some(match rel {
        Some(Rel::Last) => dct.year() - 1,
        Some(Rel::This) => dct.year(),
        Some(Rel::Next) => dct.year() + 1,
        None => {
            let first = NaiveDate::from_ymd_opt(dct.year(), (q - 1) * 3 + 1, 1);
            let last = Some(month_bounds(dct.year(), q * 3).1);
            pick_year(dct, first, last, ctx.tense())
        }
    })
}

/// The year of a season named alone, by tense like a month's.
fn season_year(s: Season, ctx: &Ctx) -> Option<i32> {
    let dct = ctx.dct?;
    let (_, a, b) = season_bounds(s, dct.year())?;
    Some(pick_year(dct, Some(a), Some(b), ctx.tense()))
}

fn quarter(q: u32, y: Option<i32>) -> Out {
    let Some(y) = y else {
        return date(format!("XXXX-Q{q}"), None, None);
    };
    let a = NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1);
    let b = month_bounds(y, q * 3).1;
    date(
        format!("{y:04}-Q{q}"),
        a.map(|a| TimeRange::between(a, b, Granularity::Quarter)),
        None,
    )
}

fn season_value(s: Season, y: Option<i32>) -> Out {
    let code = season_code(s);
    let Some(y) = y else {
        return date(format!("XXXX-{code}"), None, None);
    };
    match season_bounds(s, y) {
        Some((v, a, b)) => date(v, Some(TimeRange::between(a, b, Granularity::Season)), None),
        None => date(format!("{y:04}-{code}"), None, None),
    }
}

fn season_code(s: Season) -> &'static str {
    match s {
        Season::Spring => "SP",
        Season::Summer => "SU",
        Season::Autumn => "FA",
        Season::Winter => "WI",
    }
}

/// Northern-hemisphere meteorological seasons; winter runs into the next year.
fn season_bounds(s: Season, y: i32) -> Option<(String, NaiveDate, NaiveDate)> {
    let (m1, m2, y2) = match s {
        Season::Spring => (3, 5, y),
        Season::Summer => (6, 8, y),
        Season::Autumn => (9, 11, y),
        Season::Winter => (12, 2, y + 1),
    };
    let a = NaiveDate::from_ymd_opt(y, m1, 1)?;
    let b = month_bounds(y2, m2).1;
    Some((format!("{y:04}-{}", season_code(s)), a, b))
}

fn part_code(p: DayPart) -> &'static str {
    match p {
        DayPart::Morning => "MO",
        DayPart::Afternoon => "AF",
        DayPart::Evening => "EV",
        DayPart::Night => "NI",
    }
}

/// Narrow a range to its early, middle or late third ("early 2014", "the end of May").
fn narrow(
    a: NaiveDate,
    b: NaiveDate,
    part: Option<Part>,
) -> (NaiveDate, NaiveDate, Option<TimexMod>) {
    let span = (b - a).num_days();
    let third = span / 3;
    match part {
        Some(Part::Early) => (a, add_days(a, third).unwrap_or(b), Some(TimexMod::Start)),
        Some(Part::Mid) => (
            add_days(a, third).unwrap_or(a),
            add_days(a, 2 * third).unwrap_or(b),
            Some(TimexMod::Mid),
        ),
        Some(Part::Late) => (add_days(a, 2 * third).unwrap_or(a), b, Some(TimexMod::End)),
        Some(Part::Later) | Some(Part::Earlier) | None => (a, b, None),
    }
}

fn shift_year(d: NaiveDate, by: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year() + by, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(d.year() + by, d.month(), 28))
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

fn shift_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs() as u32))
    }
}

/// First and last day of a month.
pub fn month_bounds(y: i32, m: u32) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN);
    let next = first
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX);
    (first, next.pred_opt().unwrap_or(first))
}

/// First and last day of a year.
pub fn year_bounds(y: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(NaiveDate::MAX),
    )
}

/// The year the sentence itself names for its partial dates: a relative year ("last
/// year's drills") or a year after "in".
fn year_hint(
    sentence: &str,
    mentions: &[Mention],
    dct: Option<NaiveDate>,
    at: usize,
) -> Option<i32> {
    for m in mentions {
        match m.form {
            Form::Relative {
                rel,
                unit: CalUnit::Year,
                ..
            } if m.start < at => {
                let y = dct?.year();
                return Some(match rel {
                    Rel::Last => y - 1,
                    Rel::This => y,
                    Rel::Next => y + 1,
                });
            }
            Form::Year { y, .. } => {
                // "in 2003 … on 12 February" in one clause; across a comma the
                // partial date may belong to another event.
                let (a, b) = if m.start < at {
                    (m.end, at)
                } else {
                    (at, m.start)
                };
                let one_clause = !sentence
                    .get(a..b)
                    .unwrap_or(",")
                    .contains([',', ';', '–', '—', '(', ')'])
                    && !sentence
                        .get(a..b)
                        .unwrap_or("")
                        .split_whitespace()
                        .any(|w| {
                            ["and", "but", "that", "while", "which"]
                                .iter()
                                .any(|c| w.eq_ignore_ascii_case(c))
                        });
                if after_in(&sentence[..m.start]) && one_clause {
                    return Some(y);
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether `text` ends with the word "in" (any case), trailing spaces aside.
fn after_in(text: &str) -> bool {
    let t = text.trim_end().as_bytes();
    t.len() >= 2
        && t[t.len() - 2..].eq_ignore_ascii_case(b"in")
        && (t.len() == 2 || t[t.len() - 3] == b' ')
}

/// Words that put a clause in the future.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "due",
    "scheduled",
    "expected",
    "set",
    "planned",
    "plans",
    "plan",
    "going",
    "upcoming",
    "wants",
    "want",
    "seeks",
    "intend",
    "aim",
    "hope",
    "should",
    "forthcoming",
    "would",
    "intends",
    "aims",
    "hopes",
    "next",
    "to-be",
];

/// Present-tense auxiliaries.
const PRESENT_MARKERS: &[&str] = &["is", "are", "am", "says", "say", "has", "have"];

/// The tense of the clause around an expression: the nearest tense-bearing word to its
/// left within the clause decides, else the nearest to its right; `Unknown` if none.
pub fn clause_tense(sentence: &str, start: usize, end: usize) -> Tense {
    let left = &sentence[..start];
    let clause_start = left
        .char_indices()
        .filter(|(_, c)| matches!(c, ';' | ':' | ',' | '"' | '“' | '”'))
        .map(|(i, c)| i + c.len_utf8())
        .next_back()
        .unwrap_or(0)
        .max(left.rfind(" but ").map_or(0, |i| i + 5));
    // Words are read lazily, nearest first: the deciding word is usually close.
    let mut left_words = words(&left[clause_start..]).rev().peekable();
    let mut next: Option<Cow<'_, str>> = None;
    while let Some(w) = left_words.next() {
        let prev = left_words.peek().map(|p| &**p);
        // A participle after "be" ("should be finished", "has been postponed", "will
        // be held") takes its tense from the auxiliary further left, irregular or not.
        let after_be = matches!(prev, Some("be" | "been" | "being"));
        let next_word = next.as_deref();
        if !(after_be && (w.ends_with("ed") || PAST.contains(&*w))) {
            if let Some(t) = infinitive_be_tense(&w, prev, next_word) {
                return t;
            }
            if let Some(t) = word_tense(&w, next_word) {
                return t;
            }
        }
        next = Some(w);
    }
    let mut right_words = words(&sentence[end..]).peekable();
    while let Some(w) = right_words.next() {
        if let Some(t) = word_tense(&w, right_words.peek().map(|n| &**n)) {
            return t;
        }
    }
    Tense::Unknown
}

/// "to be" (`w` and the word after it) looks ahead ("measures to be voted on
/// Thursday", "is to be held"), unless a past form before it makes it a past plan
/// ("was to be held"), which the loop then reads as past.
fn infinitive_be_tense(w: &str, prev: Option<&str>, next: Option<&str>) -> Option<Tense> {
    if w != "to" || next != Some("be") {
        return None;
    }
    match prev {
        Some("was" | "were" | "had") => None,
        _ => Some(Tense::Future),
    }
}

/// The tense of the clause, or else of the sentence further left: nothing in the clause
/// of "it wants to close 412, or a fifth, of its branches by early June" says
/// when, but "wants" does. Weekdays do not use this wider look (a relative clause's
/// "would" far away says nothing about "a raid Monday evening").
pub fn tense(sentence: &str, start: usize, end: usize) -> Tense {
    let local = clause_tense(sentence, start, end);
    if local != Tense::Unknown {
        return local;
    }
    let mut next: Option<Cow<'_, str>> = None;
    for w in words(&sentence[..start]).rev() {
        if let Some(t) = word_tense(&w, next.as_deref()) {
            return t;
        }
        next = Some(w);
    }
    Tense::Unknown
}

/// The words of `s`, lower-cased only where they need it (most are already), read
/// from either end.
fn words(s: &str) -> impl DoubleEndedIterator<Item = Cow<'_, str>> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
}

/// Irregular past forms, for constant-time look-up in the hot tense loop.
static PAST: LazyLock<crate::lexicon::WordSet> =
    LazyLock::new(|| crate::lexicon::IRREGULAR_PAST.iter().copied().collect());

fn word_tense(w: &str, next: Option<&str>) -> Option<Tense> {
    if FUTURE_MARKERS.contains(&w) {
        // "set", "due", "expected" only mark the future before "to"/"for"/"in".
        let needs_to = matches!(
            w,
            "set" | "due" | "expected" | "scheduled" | "planned" | "going" | "next"
        );
        if !needs_to
            || matches!(next, Some("to" | "for" | "in" | "on" | "at" | "from"))
            || w == "scheduled"
            || w == "planned"
        {
            return Some(Tense::Future);
        }
        return None;
    }
    if PRESENT_MARKERS.contains(&w) {
        // "is visiting" / "has been": present, or present perfect (past for dating).
        return Some(match (w, next) {
            ("has" | "have", _) => return None,
            (_, Some(n)) if n.ends_with("ing") => Tense::Present,
            _ => Tense::Present,
        });
    }
    if PAST.contains(w) {
        return Some(Tense::Past);
    }
    if w.len() > 4
        && w.ends_with("ed")
        && !matches!(
            w,
            "need" | "speed" | "seed" | "feed" | "indeed" | "red" | "bed"
        )
    {
        return Some(Tense::Past);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::recognize::recognize;
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn values(text: &str, dct: NaiveDate) -> Vec<String> {
        let mentions = recognize(text);
        let mut anchor = Anchor {
            dct: Some(dct),
            reference: None,
        };
        normalize(text, &mentions, &mut anchor)
            .into_iter()
            .map(|n| n.value)
            .collect()
    }

    #[test]
    fn weekdays_follow_tense() {
        let thu = d(2014, 2, 13);
        assert_eq!(
            values(
                "The envoys made scant progress in Wednesday's talks, but they are set to convene again on Friday.",
                thu
            ),
            vec!["2014-02-12", "2014-02-14"]
        );
        assert_eq!(
            values("On Thursday, the ministry said plans were in place.", thu),
            vec!["2014-02-13"]
        );
        assert_eq!(
            values("He will fly to Lisbon on Friday morning.", thu),
            vec!["2014-02-14TMO"]
        );
        let sat = d(2018, 1, 13);
        assert_eq!(
            values("She explained the results of Tuesday's talks.", sat),
            vec!["2018-01-09"]
        );
        // An irregular participle after "be" does not make the clause past.
        let wed = d(2010, 5, 5);
        assert_eq!(
            values("A ballot on the motion will be held Thursday.", wed),
            vec!["2010-05-06"]
        );
        assert_eq!(
            values("The hearing is due to be held on Monday.", wed),
            vec!["2010-05-10"]
        );
        assert_eq!(
            values("The bill is to be debated on Thursday.", wed),
            vec!["2010-05-06"]
        );
        assert_eq!(
            values("The hearing was held on Monday.", wed),
            vec!["2010-05-03"]
        );
        // "said Friday" in a Friday paper is that Friday.
        assert_eq!(
            values("Aides said Friday that it was over.", d(2018, 1, 12)),
            vec!["2018-01-12"]
        );
    }

    #[test]
    fn partial_dates_take_the_right_year() {
        let jan = d(2018, 1, 13);
        assert_eq!(
            values(
                "The port saw a seven-week pause in dock strikes between August 2 and October 19.",
                jan
            ),
            vec!["P7W", "2017-08-02", "2017-10-19"]
        );
        let feb = d(2014, 2, 13);
        assert_eq!(
            values("They are due to open on 24 February.", feb),
            vec!["2014-02-24"]
        );
        assert_eq!(
            values(
                "Last year's manoeuvres, which followed the launch on 9 February, were tense.",
                feb
            ),
            vec!["2013", "2013-02-09"]
        );
        assert_eq!(
            values("The manoeuvres are due in February.", feb),
            vec!["2014-02"]
        );
    }

    #[test]
    fn relative_units() {
        let feb = d(2014, 2, 13);
        assert_eq!(values("planned for later this month", feb), vec!["2014-02"]);
        assert_eq!(
            values("Last week Norland threatened", feb),
            vec!["2014-W06"]
        );
        assert_eq!(values("a comparable bid last year", feb), vec!["2013"]);
        assert_eq!(values("three years ago", feb), vec!["2011"]);
        assert_eq!(values("It rained yesterday.", feb), vec!["2014-02-12"]);
    }

    #[test]
    fn later_this_month_is_the_rest_of_it() {
        let feb = d(2014, 2, 13);
        let m = recognize("planned for later this month");
        let mut a = Anchor {
            dct: Some(feb),
            reference: None,
        };
        let n = normalize("planned for later this month", &m, &mut a);
        assert_eq!(
            n[0].reading,
            Reading::Time(TimeRange::between(
                d(2014, 2, 14),
                d(2014, 2, 28),
                Granularity::Month
            ))
        );
    }

    #[test]
    fn durations_and_qualifiers() {
        let feb = d(2014, 2, 13);
        let text = "the first time in more than eleven years";
        let m = recognize(text);
        let mut a = Anchor {
            dct: Some(feb),
            reference: None,
        };
        let n = normalize(text, &m, &mut a);
        assert_eq!(n[0].value, "P11Y");
        assert_eq!(n[0].modifier, Some(TimexMod::MoreThan));
        assert!(matches!(&n[0].reading, Reading::Duration(a) if a.high.is_none()));
        assert_eq!(values("met for 45 minutes", feb), vec!["PT45M"]);
        assert_eq!(values("talks in years", feb), vec!["PXY"]);
        assert_eq!(values("the 1961-64 war", feb), vec!["1961/1964"]);
        assert_eq!(values("in the 1990s", feb), vec!["199"]);
    }

    #[test]
    fn anaphora_follow_the_reference_time() {
        let text = "The quake struck on 3 March 2012. Two days later, rescuers arrived.";
        let mut a = Anchor {
            dct: Some(d(2012, 3, 10)),
            reference: None,
        };
        let first = "The quake struck on 3 March 2012.";
        normalize(first, &recognize(first), &mut a);
        let second = &text[first.len() + 1..];
        let n = normalize(second, &recognize(second), &mut a);
        assert_eq!(n[0].value, "2012-03-05");
    }

    #[test]
    fn nothing_anchors_without_a_date() {
        let m = recognize("They meet on 20 February and on Friday.");
        let mut a = Anchor::default();
        let n = normalize("They meet on 20 February and on Friday.", &m, &mut a);
        assert_eq!(n[0].value, "XXXX-02-20");
        assert_eq!(n[1].value, "XXXX-WXX-5");
    }
}

#[cfg(test)]
mod coverage {
    //! One test per construction the tagger promises, each with its TIMEX3 reading for
    //! a fixed creation time: Thursday 13 February 2014.
    use super::super::recognize::recognize;
    use super::*;

    /// (text, type, value, mod) of every expression in `sentence`.
    fn tags(sentence: &str) -> Vec<(String, String, String, String)> {
        let dct = NaiveDate::from_ymd_opt(2014, 2, 13).unwrap();
        let mentions = recognize(sentence);
        let mut anchor = Anchor {
            dct: Some(dct),
            reference: None,
        };
        normalize(sentence, &mentions, &mut anchor)
            .into_iter()
            .map(|n| {
                let ty = serde_json::to_value(n.ttype)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string();
                let md = n
                    .modifier
                    .map(|m| {
                        serde_json::to_value(m)
                            .unwrap()
                            .as_str()
                            .unwrap()
                            .to_string()
                    })
                    .unwrap_or_default();
                (sentence[n.start..n.end].to_string(), ty, n.value, md)
            })
            .collect()
    }

    fn one(sentence: &str, text: &str, ty: &str, value: &str, md: &str) {
        let got = tags(sentence);
        assert!(
            got.contains(&(text.into(), ty.into(), value.into(), md.into())),
            "{sentence:?}: expected {text:?} {ty} {value} {md:?}, got {got:?}"
        );
    }

    #[test]
    fn dates_in_every_news_order() {
        one(
            "It opened on 13 February 2014.",
            "13 February 2014",
            "DATE",
            "2014-02-13",
            "",
        );
        one("It opened Feb. 13.", "Feb. 13", "DATE", "2014-02-13", "");
        one(
            "Talks began January 13, 2018.",
            "January 13, 2018",
            "DATE",
            "2018-01-13",
            "",
        );
        one(
            "see example.com/2013/07/02/story",
            "2013/07/02",
            "DATE",
            "2013-07-02",
            "",
        );
        one(
            "The plant closed on 2 July.",
            "2 July",
            "DATE",
            "2013-07-02",
            "",
        );
    }

    #[test]
    fn months_seasons_years_decades_quarters_weeks() {
        one("Sales fell in March.", "March", "DATE", "2013-03", "");
        one("It will open in March.", "March", "DATE", "2014-03", "");
        one(
            "Sales fell last winter.",
            "last winter",
            "DATE",
            "2013-WI",
            "",
        );
        one("It happened in 2010.", "2010", "DATE", "2010", "");
        one("Prices rose in the 1990s.", "1990s", "DATE", "199", "");
        one(
            "Profits fell in the second quarter of 2013.",
            "the second quarter of 2013",
            "DATE",
            "2013-Q2",
            "",
        );
        one("Q1 2013 was weak.", "Q1 2013", "DATE", "2013-Q1", "");
        one("They met last week.", "last week", "DATE", "2014-W06", "");
        one("They meet this week.", "this week", "DATE", "2014-W07", "");
        one(
            "It happened in early 2010.",
            "early 2010",
            "DATE",
            "2010",
            "START",
        );
    }

    #[test]
    fn parts_of_day_and_clock_times() {
        one(
            "It struck at 3:42PM GMT.",
            "3:42PM GMT",
            "TIME",
            "2014-02-13T15:42Z",
            "",
        );
        one(
            "It struck at 2248 GMT.",
            "2248 GMT",
            "TIME",
            "2014-02-13T22:48Z",
            "",
        );
        one(
            "He will leave on Friday morning.",
            "Friday morning",
            "TIME",
            "2014-02-14TMO",
            "",
        );
        one(
            "It rained this morning.",
            "this morning",
            "TIME",
            "2014-02-13TMO",
            "",
        );
    }

    #[test]
    fn ranges() {
        one("the 1961-64 Border War", "1961-64", "DATE", "1961/1964", "");
        let got = tags("from 2009 to 2010");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn durations_in_digits_words_and_hyphens() {
        one(
            "They met for 45 minutes.",
            "45 minutes",
            "DURATION",
            "PT45M",
            "",
        );
        one("It lasts five days.", "five days", "DURATION", "P5D", "");
        one("a seven-week pause", "seven-week", "DURATION", "P7W", "");
        one("It took a decade.", "a decade", "DURATION", "P10Y", "");
        one(
            "It took 2 1/2 years.",
            "2 1/2 years",
            "DURATION",
            "P2.5Y",
            "",
        );
        one("a 22 year-old man", "22 year-old", "DURATION", "P22Y", "");
        one(
            "the first time in more than eleven years",
            "more than eleven years",
            "DURATION",
            "P11Y",
            "MORE_THAN",
        );
        one(
            "for about 50 minutes",
            "about 50 minutes",
            "DURATION",
            "PT50M",
            "APPROX",
        );
    }

    #[test]
    fn sets() {
        one("It meets each season.", "each season", "SET", "P1Y", "");
        one("It is held annually.", "annually", "SET", "P1Y", "");
        one("It happens every year.", "every year", "SET", "P1Y", "");
    }

    #[test]
    fn relative_forms() {
        one("It closed last year.", "last year", "DATE", "2013", "");
        one(
            "It is set for later this month.",
            "later this month",
            "DATE",
            "2014-02",
            "",
        );
        one(
            "It began earlier this week.",
            "earlier this week",
            "DATE",
            "2014-W07",
            "",
        );
        one("Prices are high now.", "now", "DATE", "PRESENT_REF", "");
        one(
            "Prices are currently high.",
            "currently",
            "DATE",
            "PRESENT_REF",
            "",
        );
        one(
            "A recent survey showed it.",
            "recent",
            "DATE",
            "PAST_REF",
            "",
        );
        one("the first since 2007", "2007", "DATE", "2007", "");
        one(
            "the highest in seven years",
            "seven years",
            "DURATION",
            "P7Y",
            "",
        );
        one(
            "It rained three days ago.",
            "three days ago",
            "DATE",
            "2014-02-10",
            "",
        );
    }

    #[test]
    fn underspecified_without_an_anchor() {
        let mentions = recognize("on Friday and on 20 February");
        let mut anchor = Anchor::default();
        let values: Vec<String> = normalize("on Friday and on 20 February", &mentions, &mut anchor)
            .into_iter()
            .map(|n| n.value)
            .collect();
        assert_eq!(values, vec!["XXXX-WXX-5", "XXXX-02-20"]);
    }
}
