//! The document creation time: found in the text, or inferred.
//!
//! Ingest already took the date from the command line, front matter or URL. Here the
//! text is read for an explicit line ("Published: Thu, March 8, 2018", "Last
//! Updated: Friday, 14 October 2011"), a dateline at the top, or a dated photo
//! caption. When nothing states the date it is inferred: borrowed from the dated
//! article of the same story that shares the most dated events (day and month) with
//! it, or else the latest full date the article mentions. A year alone — a copyright
//! or footer line — is never a publication date.

use super::recognize::{Form, Mention, may_hold_full_date, recognize};
use crate::model::{Article, DateSource, Published, Reading, Timex};
use crate::wordre::WordRegex;
use chrono::Datelike;
use chrono::NaiveDate;
use regex::Regex;
use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

/// How many non-blank lines at the top of the body may hold a dateline.
const TOP_LINES: usize = 8;

static LABEL: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)^\s*(?:published|posted|updated|last\s+updated|first\s+published|date|dated|released)\b\s*(?:on)?\s*:?")
        .expect("label pattern compiles")
});

static CAPTION: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"(?i)\b(?:image\s+copyright|image\s+caption|photo(?:graph)?\s*:|getty\s+images|\(photo|ap\s+photo|afp|reuters|epa)\b",
        "(?i)image|photo|getty|afp|reuters|epa",
    )
    .expect("caption pattern compiles")
});

/// True for a line that starts with a label ([`LABEL`]): "Published: …", "Updated on …".
fn is_labelled(line: &str) -> bool {
    may_be_labelled(line) && LABEL.is_match(line)
}

/// False when [`LABEL`] cannot match `line`: every label starts, after white space
/// (the same characters for `\s` and `trim_start`), with one of these letters, and
/// none of them has a case variant outside ASCII. Most lines fail this at once.
fn may_be_labelled(line: &str) -> bool {
    line.trim_start().bytes().next().is_some_and(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'p' | b'u' | b'l' | b'f' | b'd' | b'r'
        )
    })
}

/// True for a line whose point is to state a date: a labelled line or a short line
/// that is mostly a date.
pub fn is_date_line(line: &str) -> bool {
    is_labelled(line) || mostly_dates(line, &full_dates(line))
}

/// Whether `line` holds an ASCII digit, as every full date does. Reads the line in
/// blocks without stopping early, which the compiler turns into wide compares: most
/// lines are read to their end either way.
fn has_ascii_digit(line: &str) -> bool {
    line.as_bytes()
        .chunks(32)
        .any(|block| block.iter().fold(false, |any, b| any | b.is_ascii_digit()))
}

/// True when the line's full dates (found beforehand) are nearly all of it.
fn mostly_dates(line: &str, dates: &[(usize, usize, NaiveDate)]) -> bool {
    let covered: usize = dates.iter().map(|(s, e, _)| e - s).sum();
    covered > 0 && line.trim().len() <= covered + 24
}

fn full_dates(line: &str) -> Vec<(usize, usize, NaiveDate)> {
    // Every full date writes its year in digits: a line without one needs no look, nor
    // one that no full-date pattern matches.
    if !has_ascii_digit(line) || !may_hold_full_date(line) {
        return Vec::new();
    }
    full_dates_among(&recognize(line))
}

/// The full dates among a line's time expressions.
fn full_dates_among(mentions: &[Mention]) -> Vec<(usize, usize, NaiveDate)> {
    mentions
        .iter()
        .filter_map(|m| match m.form {
            Form::FullDate { y, m: mo, d } => {
                NaiveDate::from_ymd_opt(y, mo, d).map(|date| (m.start, m.end, date))
            }
            _ => None,
        })
        .collect()
}

/// The first full date (day, month and year) in a line.
pub fn first_full_date(line: &str) -> Option<NaiveDate> {
    full_dates(line).first().map(|(_, _, d)| *d)
}

/// Whether a line is a date line ([`is_date_line`]) and its first full date
/// ([`first_full_date`]), from its time expressions already recognized: the tagger
/// asks of every sentence, and recognizing it again would double its work.
pub fn date_line_of(line: &str, mentions: &[Mention]) -> (bool, Option<NaiveDate>) {
    let dates = match has_ascii_digit(line) {
        true => full_dates_among(mentions),
        false => Vec::new(),
    };
    let is_date_line = is_labelled(line) || mostly_dates(line, &dates);
    (is_date_line, dates.first().map(|(_, _, d)| *d))
}

/// The publication date stated in the article's text, if any.
pub fn from_text(article: &Article) -> Option<Published> {
    let body = article.text.get(article.body.start..article.body.end)?;
    let lines: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).collect();
    // Each line's full dates are looked for at most once, whichever test asks first.
    let cache: Vec<OnceCell<Vec<(usize, usize, NaiveDate)>>> =
        lines.iter().map(|_| OnceCell::new()).collect();
    let dates = |i: usize| cache[i].get_or_init(|| full_dates(lines[i])).as_slice();
    // A line without a digit holds no full date, so no test need look at it.
    let digits: Vec<bool> = lines.iter().map(|l| has_ascii_digit(l)).collect();
    let found = |pick: &dyn Fn(usize, &str) -> bool| {
        lines.iter().enumerate().find_map(|(i, line)| {
            // (A "copyright ©" line holds the sign too.)
            if !digits[i] || line.contains('©') {
                return None;
            }
            if !pick(i, line) {
                return None;
            }
            dates(i).first().map(|(_, _, d)| Published {
                date: *d,
                from: DateSource::Text,
                evidence: line.trim().to_string(),
                time: clock_time(line),
            })
        })
    };
    found(&|_, l| is_labelled(l))
        .or_else(|| found(&|i, l| i < TOP_LINES && mostly_dates(l, dates(i))))
        .or_else(|| found(&|i, l| i < TOP_LINES && is_dateline(l, dates(i))))
        .or_else(|| found(&|_, l| CAPTION.is_match(l)))
        .or_else(|| misspelled_date_line(&lines))
}

/// Longest line, in bytes, that may be a date line with a misspelled month.
const MAX_DATE_LINE: usize = 80;

/// Least Jaro-Winkler similarity of a misspelled month name to the real one
/// ("Novemer" → "November").
const MONTH_LIKENESS: f64 = 0.93;

/// A short line near the top that is a date but for a misspelled month ("Novemer 27,
/// 2005"): read with the month mended, and the evidence says so.
fn misspelled_date_line(lines: &[&str]) -> Option<Published> {
    lines.iter().take(TOP_LINES).find_map(|line| {
        // A date line is short and has a year in digits; anything else is not worth a
        // guess per word.
        if line.len() > MAX_DATE_LINE || !has_ascii_digit(line) {
            return None;
        }
        let mut mended = false;
        let fixed: Vec<String> = line
            .split(' ')
            .map(|w| {
                let bare = w.trim_end_matches([',', '.']);
                let lower = bare.to_lowercase();
                let letters = Letters::of(&lower);
                let month = crate::lexicon::MONTHS
                    .iter()
                    .filter(|(m, _)| m.len() > 3 && lower.len() > 3)
                    .find(|(m, _)| {
                        lower != *m
                            && may_be_like(&letters, m)
                            && strsim::jaro_winkler(&lower, m) >= MONTH_LIKENESS
                    });
                match month {
                    Some((m, _)) => {
                        mended = true;
                        w.replacen(bare, m, 1)
                    }
                    None => w.to_string(),
                }
            })
            .collect();
        let fixed = fixed.join(" ");
        if !mended || !is_date_line(&fixed) {
            return None;
        }
        full_dates(&fixed).first().map(|(_, _, d)| Published {
            date: *d,
            from: DateSource::Text,
            evidence: format!("{} (month name mended)", line.trim()),
            time: clock_time(line),
        })
    })
}

/// The ASCII lower-case letters of a word, counted, and its length in chars: what
/// [`may_be_like`] reads of it, counted once for all the months it is held against.
struct Letters {
    counts: [u8; 26],
    chars: usize,
}

impl Letters {
    fn of(word: &str) -> Letters {
        let mut counts = [0u8; 26];
        for c in word.chars().filter(char::is_ascii_lowercase) {
            let n = &mut counts[usize::from(c as u8 - b'a')];
            *n = n.saturating_add(1);
        }
        Letters {
            counts,
            chars: word.chars().count(),
        }
    }
}

/// False when a word (its [`Letters`]) cannot be [`MONTH_LIKENESS`]-like a month
/// name (ASCII lower-case letters) by Jaro-Winkler, which is then not worth
/// computing: that similarity is at most 0.6 × Jaro + 0.4 above 0.7, and Jaro at most
/// (s/|word| + s/|month| + 1) / 3, where s counts the letters the two share. (A
/// margin keeps rounding on the safe side.)
fn may_be_like(word: &Letters, month: &str) -> bool {
    let mut pool = word.counts;
    let mut shared = 0usize;
    for b in month.bytes().filter(u8::is_ascii_lowercase) {
        let n = &mut pool[usize::from(b - b'a')];
        if *n > 0 {
            *n -= 1;
            shared += 1;
        }
    }
    let s = shared as f64;
    let jaro_at_most = (s / word.chars as f64 + s / month.len() as f64 + 1.0) / 3.0;
    0.6 * jaro_at_most + 0.4 >= MONTH_LIKENESS - 0.01
}

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})[:.](\d{2})(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?(?:\s|$|,|\))")
        .expect("clock pattern compiles")
});

/// The clock time a date line states ("02:24 GMT", "AT 12:46 PM"), if any.
fn clock_time(line: &str) -> Option<chrono::NaiveTime> {
    let caps = CLOCK.captures(line)?;
    let mut hour: u32 = caps[1].parse().ok()?;
    let minute: u32 = caps[2].parse().ok()?;
    match caps.get(3).map(|m| m.as_str().to_ascii_lowercase()) {
        Some(m) if m.starts_with('p') && hour < 12 => hour += 12,
        Some(m) if m.starts_with('a') && hour == 12 => hour = 0,
        _ => {}
    }
    chrono::NaiveTime::from_hms_opt(hour, minute, 0)
}

/// "WASHINGTON, Jan. 5, 2014 (Reuters) - …": a date in the first words of a line
/// that starts with a place in capitals.
fn is_dateline(line: &str, dates: &[(usize, usize, NaiveDate)]) -> bool {
    let first = dates.first().map(|(s, _, _)| *s);
    let Some(start) = first else { return false };
    let head = &line[..start];
    start < 48
        && head
            .split_whitespace()
            .next()
            .is_some_and(|w| w.len() > 1 && w.chars().all(|c| !c.is_lowercase()))
}

/// One article as inference across articles sees it.
pub struct Dated<'a> {
    pub path: &'a str,
    pub published: Option<NaiveDate>,
    /// What its time expressions say ([`Profile::of`]), read once when it was tagged.
    pub profile: &'a Profile,
}

/// Infer a publication date for every article that has none, from the others.
/// Returns one entry per article (`None` where a date was already known or nothing
/// could be inferred).
pub fn infer(articles: &[Dated]) -> Vec<Option<Published>> {
    // Each article's dated mentions were read once and are indexed here, so each
    // undated article costs the dated articles that share a day or month with it, not
    // all of them.
    let index = Index::of(articles);
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if a.published.is_some() {
                return None;
            }
            borrowed(i, articles, &index).or_else(|| a.profile.latest.clone())
        })
        .collect()
}

/// The dated articles by the days they mention and the months near their present, in
/// article order.
struct Index<'a> {
    days: HashMap<&'a Day, Vec<usize>>,
    near_months: HashMap<&'a Month, Vec<usize>>,
}

impl<'a> Index<'a> {
    fn of(articles: &[Dated<'a>]) -> Index<'a> {
        let mut index = Index {
            days: HashMap::new(),
            near_months: HashMap::new(),
        };
        for (j, a) in articles.iter().enumerate() {
            if a.published.is_none() {
                continue;
            }
            for d in unique(&a.profile.days) {
                index.days.entry(d).or_default().push(j);
            }
            for m in unique(&a.profile.near_months) {
                index.near_months.entry(m).or_default().push(j);
            }
        }
        index
    }
}

fn unique<T: Ord>(values: &[T]) -> BTreeSet<&T> {
    values.iter().collect()
}

/// A day as its TIMEX3 value writes it, "MM-DD": a few bytes kept inline, not a
/// `String` each, since every article of a large run keeps its profile until dates
/// are inferred. Ordered as the text is.
type Day = [u8; 5];

/// A month as its TIMEX3 value writes it, "02".
type Month = [u8; 2];

/// What an article's time expressions say about when it was written: all that date
/// inference needs of it, so that its text and tags need not be kept for it.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    /// "MM-DD" of every day-precise date it mentions.
    days: Box<[Day]>,
    /// Months ("02") of its partial dates (undated articles).
    undated_months: Box<[Month]>,
    /// Months ("02") of dates within two months of its publication date.
    near_months: Box<[Month]>,
    /// For an undated article, the latest full date it mentions, when it may be the
    /// publication date ([`latest_mentioned`]).
    latest: Option<Published>,
}

impl Profile {
    /// The profile of an article published on `published` (if known) with these tags.
    pub fn of(published: Option<NaiveDate>, timexes: &[Timex]) -> Profile {
        Profile {
            days: month_days(timexes),
            undated_months: undated_months(timexes),
            near_months: published
                .map(|d| near_months(timexes, d))
                .unwrap_or_default(),
            latest: match published {
                None => latest_mentioned(timexes),
                Some(_) => None,
            },
        }
    }
}

/// Most dated articles a day or month may be shared with and still say which article
/// an undated one follows: in a pile of thousands, "8 March" or "February" is common
/// to many stories and tells nothing (and scanning all of them would make inference
/// quadratic).
pub const MAX_SHARERS: usize = 64;

/// The dated articles sharing a day or month, when few enough to tell anything.
fn telling(sharers: Option<&Vec<usize>>) -> &[usize] {
    sharers
        .filter(|s| s.len() <= MAX_SHARERS)
        .map_or(&[], Vec::as_slice)
}

/// The date of the dated article sharing the most dated events with the article: a
/// day and month both mention counts fully, a month both place near their present
/// ("due in February", "later this month") half. Ties go to the earlier article.
fn borrowed(i: usize, articles: &[Dated], index: &Index) -> Option<Published> {
    let mine = articles[i].profile;
    // (days shared, months shared) per dated article, in article order.
    let mut shared: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for d in &mine.days {
        for &j in telling(index.days.get(d)) {
            shared.entry(j).or_default().0 += 1;
        }
    }
    for m in &mine.undated_months {
        for &j in telling(index.near_months.get(m)) {
            shared.entry(j).or_default().1 += 1;
        }
    }
    let mut best: Option<(f64, usize, &Dated)> = None;
    for (j, (days, months)) in shared {
        if j == i {
            continue;
        }
        let score = days as f64 + 0.5 * months as f64;
        if score >= 0.5 && best.is_none_or(|(b, ..)| score > b) {
            best = Some((score, days, &articles[j]));
        }
    }
    let (_, days, other) = best?;
    let evidence = if days > 0 {
        format!(
            "shares {days} dated event{} with {}",
            if days == 1 { "" } else { "s" },
            other.path
        )
    } else {
        format!("speaks of the same month as {}", other.path)
    };
    Some(Published {
        date: other.published?,
        from: DateSource::Inferred,
        evidence,
        time: None,
    })
}

/// The months ("02") of the partial dates an undated article mentions.
fn undated_months(timexes: &[Timex]) -> Box<[Month]> {
    let out = timexes
        .iter()
        .filter_map(|t| t.value.strip_prefix("XXXX-"))
        .filter_map(|rest| rest.get(..2))
        .filter(|m| m.chars().all(|c| c.is_ascii_digit()))
        .filter_map(|m| m.as_bytes().try_into().ok());
    sorted_set(out)
}

/// The distinct values, sorted, in a slice of their own size.
fn sorted_set<T: Ord>(values: impl Iterator<Item = T>) -> Box<[T]> {
    let mut out: Vec<T> = values.collect();
    out.sort();
    out.dedup();
    out.into_boxed_slice()
}

/// The months ("02") of dates within two months of the publication date.
fn near_months(timexes: &[Timex], dct: NaiveDate) -> Box<[Month]> {
    let out = timexes.iter().filter_map(|t| {
        let ym = t.value.get(..7)?;
        let first = NaiveDate::parse_from_str(&format!("{ym}-01"), "%Y-%m-%d").ok()?;
        let month = ym.as_bytes()[5..].try_into().ok()?;
        ((first - dct).num_days().abs() <= 62).then_some(month)
    });
    sorted_set(out)
}

/// The distinct "MM-DD" of every day-precise date mentioned.
fn month_days(timexes: &[Timex]) -> Box<[Day]> {
    let out = timexes.iter().filter_map(|t| {
        let v = t.value.as_bytes();
        let dashed = v.len() == 10 && v[4] == b'-' && v[7] == b'-';
        dashed.then(|| v[5..].try_into().ok()).flatten()
    });
    sorted_set(out)
}

/// The latest full date (day, month and year) the article mentions, when nothing the
/// article mentions lies later: a birth date in 1923 is no publication date for an
/// article that also speaks of 2008.
fn latest_mentioned(timexes: &[Timex]) -> Option<Published> {
    let (date, t) = timexes
        .iter()
        .filter_map(|t| {
            NaiveDate::parse_from_str(&t.value, "%Y-%m-%d")
                .ok()
                .map(|d| (d, t))
        })
        .max_by_key(|(d, _)| *d)?;
    let latest_year = timexes
        .iter()
        .filter_map(|t| match &t.reading {
            Reading::Time(r) => r.latest.map(|d| d.year()),
            _ => None,
        })
        .max()?;
    (date.year() + 1 >= latest_year).then(|| Published {
        date,
        from: DateSource::Inferred,
        evidence: format!("latest date the article mentions: \"{}\"", t.text),
        time: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The quick look at a line's first letter never rules out a line the label
        /// pattern matches, whatever the case and white space, ASCII or not.
        #[test]
        fn label_pretest_never_misses_a_label(
            s in "[ \t\u{a0}\u{2003}]{0,3}(?i:(published|posted|updated|last updated|first published|date|dated|released|pub|ſ|K|k|é|x))?[ :on\u{17f}\u{212a}a-z0-9é]{0,12}"
        ) {
            proptest::prop_assert!(may_be_labelled(&s) || !LABEL.is_match(&s), "{:?}", s);
        }

        /// Reading a line in blocks finds a digit exactly when one is there.
        #[test]
        fn digit_test_agrees_with_a_plain_scan(s in "[a-z 5é\u{660}\u{ff15}]{0,80}") {
            proptest::prop_assert_eq!(has_ascii_digit(&s), s.bytes().any(|b| b.is_ascii_digit()));
        }
    }

    fn article(text: &str) -> Article {
        Article::from_text("a.txt", text)
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_misspelled_month_on_a_date_line_is_mended() {
        let p = from_text(&article("'Two hurt' in tremor\nOctobr 14, 2011\nText.")).expect("date");
        assert_eq!(p.date, d(2011, 10, 14));
        assert!(p.evidence.contains("mended"), "{}", p.evidence);
        // Words near a month name in running text are left alone.
        assert_eq!(
            from_text(&article("Title\nMarc said the march was long.\n")),
            None
        );
    }

    #[test]
    fn words_ruled_out_as_months_are_unlike_them() {
        for word in [
            "octobr", "novemer", "septmber", "2011,", "marchers", "janaury", "mayor",
        ] {
            for (m, _) in crate::lexicon::MONTHS {
                if !may_be_like(&Letters::of(word), m) {
                    assert!(strsim::jaro_winkler(word, m) < MONTH_LIKENESS, "{word} {m}");
                }
            }
        }
        assert!(!may_be_like(&Letters::of("2011,"), "october"));
        assert!(may_be_like(&Letters::of("octobr"), "october"));
    }

    #[test]
    fn clock_times_on_date_lines() {
        let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0);
        let p = from_text(&article(
            "Last Updated: Friday, 14 October 2011, 07:41 GMT\n\nText.",
        ))
        .unwrap();
        assert_eq!(p.time, t(7, 41));
        let p = from_text(&article(
            "PUBLISHED TUESDAY, JUNE 4, 2013 AT 09:17 AM / UPDATED AT 09:20 AM\n\nText.",
        ))
        .unwrap();
        assert_eq!(p.time, t(9, 17));
        assert_eq!(clock_time("at 9.05 p.m. on Friday"), t(21, 5));
        assert_eq!(clock_time("12:30 am"), t(0, 30));
        assert_eq!(clock_time("Published: 5 April 2016"), None);
        assert_eq!(clock_time("a 27:99 score"), None);
    }

    #[test]
    fn labelled_lines() {
        let p = from_text(&article(
            "Published: Thu, March 8, 2018\nWorld | By X\n\nText.",
        ))
        .unwrap();
        assert_eq!(p.date, d(2018, 3, 8));
        assert_eq!(p.from, DateSource::Text);
        let p = from_text(&article(
            "Last Updated: Friday, 14 October 2011, 07:41 GMT\nTen dead",
        ))
        .unwrap();
        assert_eq!(p.date, d(2011, 10, 14));
    }

    #[test]
    fn dated_photo_captions() {
        let text = "Headline here\n\nA man waves on arrival at an airport, 5 April 2016 Image copyright AFP\nBody text.";
        assert_eq!(from_text(&article(text)).unwrap().date, d(2016, 4, 5));
    }

    #[test]
    fn copyright_years_are_never_dates() {
        let text = "Headline\n\nSome text about talks.\n\nCopyright © 2019 Daily Ledger. All rights reserved.";
        assert_eq!(from_text(&article(text)), None);
    }

    #[test]
    fn datelines() {
        let text = "WASHINGTON, Jan. 5, 2014 (Reuters) - The president said.";
        assert_eq!(from_text(&article(text)).unwrap().date, d(2014, 1, 5));
    }
}
