//! Renderers: each writes an [`Analysis`](crate::model::Analysis) to any `Write`.
//!
//! * [`text`] — the diff-style report of `factdiff compare` for people.
//! * [`json`] — the versioned machine interface of `factdiff compare --format json`.
//! * [`claims`] — the listing of every claim for `factdiff claims`, as text or JSON.
//! * [`timex`] — the listing of every time expression for `factdiff timex`, as text,
//!   JSON or inline TimeML.
//! * [`stories`] — the grouping of articles into stories for `factdiff stories`.
//!
//! This module holds what the renderers share: source labels (`a`, `b`, … `z`, `aa`,
//! …, one per article in analysis order), the summary counts, how a claim's mention
//! is located inside its sentence, and the sanitizing of article text for a terminal.
//!
//! Invariants every renderer keeps:
//! * Output depends only on the analysis and the options: no clock, no environment,
//!   no hash order (maps are `BTreeMap`), so two runs give identical bytes.
//! * Renderers never panic on a claim whose span does not fall inside its sentence;
//!   they fall back to finding the mention's words, then to showing the mention alone.
//! * No colour in JSON; in text, colour never carries meaning alone.

pub mod claimreview;
pub mod claims;
pub mod html;
pub mod json;
pub mod markdown;
pub mod stories;
pub mod text;
pub mod timeline;
pub mod timex;

use crate::model::{Analysis, Analyzed, Claim, ClaimRef, Finding, Sentence, Verdict};
use serde::Serialize;
use std::ops::Range;

/// Version of the JSON documents; bumped only when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// The source label of the article at `index`: `a` … `z`, then `aa`, `ab`, …
pub fn label(index: usize) -> String {
    let mut letters = Vec::new();
    let mut i = index;
    loop {
        letters.push(char::from(b'a' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The findings a report shows: all of them, or all but the agreements.
pub fn shown_findings(analysis: &Analysis, only_conflicts: bool) -> impl Iterator<Item = &Finding> {
    analysis
        .findings
        .iter()
        .filter(move |f| !only_conflicts || is_conflict(f.verdict))
}

/// True for the verdicts that make the exit code 1.
pub fn is_conflict(verdict: Verdict) -> bool {
    match verdict {
        Verdict::Contradict | Verdict::Inconsistent => true,
        Verdict::Update | Verdict::Agree => false,
    }
}

/// Counts over the whole analysis. `findings` and the per-verdict counts cover every
/// finding, shown or not; `shown` is how many the report lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub claims: usize,
    pub findings: usize,
    pub contradictions: usize,
    pub inconsistencies: usize,
    /// Values that changed over time, in order (a rising toll): not conflicts.
    pub updates: usize,
    pub agreements: usize,
    pub shown: usize,
    /// Claims that appear in at least one finding.
    pub compared: usize,
    /// Claims that appear in no finding: extracted, but with nothing to compare with.
    pub unaligned: usize,
    /// Inputs passed over while walking folders.
    pub skipped: usize,
}

impl Summary {
    pub fn of(analysis: &Analysis, only_conflicts: bool) -> Summary {
        let mut s = Summary {
            articles: analysis.articles.len(),
            claims: analysis.articles.iter().map(Analyzed::claim_count).sum(),
            findings: analysis.findings.len(),
            shown: shown_findings(analysis, only_conflicts).count(),
            ..Summary::default()
        };
        for f in &analysis.findings {
            match f.verdict {
                Verdict::Contradict => s.contradictions += 1,
                Verdict::Inconsistent => s.inconsistencies += 1,
                Verdict::Update => s.updates += 1,
                Verdict::Agree => s.agreements += 1,
            }
        }
        let compared: std::collections::BTreeSet<_> = analysis
            .findings
            .iter()
            .flat_map(|f| f.claims.iter().copied())
            .collect();
        s.compared = compared.len();
        s.unaligned = s.claims - s.compared;
        s.skipped = analysis.skipped.len();
        s
    }
}

impl Summary {
    /// The report's last line: "3 articles, 45 claims, 9 findings: 0 contradictions,
    /// 1 inconsistency, 8 agreements; 22 of 45 claims compared, 23 unaligned".
    pub fn line(&self) -> String {
        let s = self;
        // Updates are named only when there are some, so the line stays as it was for
        // the many reports without any.
        let updates = match s.updates {
            0 => String::new(),
            n => format!("{}, ", count(n, "update", "updates")),
        };
        let mut line = format!(
            "{}, {}, {}: {}, {}, {updates}{}",
            count(s.articles, "article", "articles"),
            count(s.claims, "claim", "claims"),
            count(s.findings, "finding", "findings"),
            count(s.contradictions, "contradiction", "contradictions"),
            count(s.inconsistencies, "inconsistency", "inconsistencies"),
            count(s.agreements, "agreement", "agreements"),
        );
        if s.shown < s.findings {
            line.push_str(match s.updates {
                0 => " (agreements hidden)",
                _ => " (agreements and updates hidden)",
            });
        }
        // Coverage, so that silence is never mistaken for agreement.
        line.push_str(&format!(
            "; {} of {} compared, {} unaligned",
            s.compared,
            count(s.claims, "claim", "claims"),
            s.unaligned
        ));
        if s.skipped > 0 {
            line.push_str(&format!(
                "; {} skipped (see the warnings)",
                count(s.skipped, "input", "inputs")
            ));
        }
        line
    }
}

/// `1 article`, `2 articles`, `0 inconsistencies`.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// "published 2014-02-13 (text)" or "publication date unknown".
pub fn published_label(article: &Analyzed) -> String {
    match &article.article.published {
        Some(p) => format!("published {} ({})", p.date, p.from.as_str()),
        None => "publication date unknown".to_string(),
    }
}

/// The event a claim was attached to, as JSON shows it: `{"label": "earthquake in
/// Korvel", "time": "2011-10-09"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventOut {
    pub label: String,
    pub time: Option<String>,
}

impl EventOut {
    pub fn of(e: &crate::model::Event) -> Self {
        EventOut {
            label: e.label(),
            time: e.time.map(|t| t.to_string()),
        }
    }
}

/// A claim with the sentence it was found in, as renderers need it.
#[derive(Clone, Debug)]
pub struct ClaimView<'a> {
    pub at: ClaimRef,
    pub claim: &'a Claim,
    pub article: &'a Analyzed,
    /// `None` only when the claim's sentence index is out of range (a pipeline bug).
    pub sentence: Option<&'a Sentence>,
    /// Byte range of the mention inside [`ClaimView::sentence_text`].
    pub mention: Option<Range<usize>>,
}

impl<'a> ClaimView<'a> {
    pub fn new(analysis: &'a Analysis, at: ClaimRef) -> Self {
        let claim = analysis.claim(at);
        let article = &analysis.articles[at.article];
        Self::of(at, claim, article)
    }

    pub fn of(at: ClaimRef, claim: &'a Claim, article: &'a Analyzed) -> Self {
        let sentence = article.sentences.get(claim.sentence);
        let mention = match sentence {
            Some(s) => mention_in_sentence(claim, s),
            None => Some(0..claim.mention.len()),
        };
        ClaimView {
            at,
            claim,
            article,
            sentence,
            mention,
        }
    }

    /// The article's path as given.
    pub fn path(&self) -> &'a str {
        &self.article.article.path
    }

    /// 1-based line of the sentence, 0 when unknown.
    pub fn line(&self) -> usize {
        self.sentence.map_or(0, |s| s.line)
    }

    /// The whole sentence, or the mention alone when the sentence is unknown.
    pub fn sentence_text(&self) -> &'a str {
        self.sentence.map_or(&self.claim.mention, |s| &s.text)
    }

    /// The sentence cut around the claim: (before, the claim's words, after); `None`
    /// when the claim cannot be placed in its sentence.
    pub fn split_sentence(&self) -> Option<(&'a str, &'a str, &'a str)> {
        let text = self.sentence_text();
        let r = self.mention.clone()?;
        Some((
            text.get(..r.start)?,
            text.get(r.clone())?,
            text.get(r.end..)?,
        ))
    }

    /// Who the article says states the value, on one line, when it says so.
    pub fn attribution(&self) -> Option<String> {
        self.claim.attributed_to.as_deref().map(one_line)
    }

    /// The words of the claim as they stand in the sentence.
    pub fn mention_text(&self) -> &'a str {
        self.mention
            .clone()
            .and_then(|r| self.sentence_text().get(r))
            .unwrap_or(&self.claim.mention)
    }
}

/// Where the claim's words lie inside the sentence text: from the spans when they
/// agree with each other, else by searching for the mention, else `None`.
pub fn mention_in_sentence(claim: &Claim, sentence: &Sentence) -> Option<Range<usize>> {
    let by_span = claim
        .span
        .start
        .checked_sub(sentence.span.start)
        .zip(claim.span.end.checked_sub(sentence.span.start))
        .map(|(s, e)| s..e)
        .filter(|r| r.start < r.end && sentence.text.get(r.clone()).is_some());
    by_span.or_else(|| {
        let m = claim.mention.as_str();
        (!m.is_empty())
            .then(|| sentence.text.find(m))
            .flatten()
            .map(|s| s..s + m.len())
    })
}

/// Article text made safe and compact for one line of a terminal: every run of
/// whitespace becomes one space, other control characters (escape sequences
/// included) are dropped, and the ends are trimmed.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !c.is_control() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small hand-built analysis shared by the renderers' tests: two articles, one
    //! contradiction, one inconsistency, one agreement.

    use crate::model::*;
    use chrono::NaiveDate;

    pub const TEXT_A: &str = "Paris agreed on Wednesday, officials said.\n\
        The harvest parades are set to start on 20 February, five days before the drills.\n\
        The drills will last six weeks.\n";
    pub const TEXT_B: &str = "Reunions will run for five days from 21 February.\n\
        The joint drills will last six weeks.\n\
        The drills run from 24 February to 10 May.\n";

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn sentences(text: &str) -> Vec<Sentence> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, line) in text.split_inclusive('\n').enumerate() {
            let t = line.trim_end();
            out.push(Sentence {
                span: Span::new(start, start + t.len()),
                line: i + 1,
                text: t.to_string(),
            });
            start += line.len();
        }
        out
    }

    struct ClaimSpec<'a> {
        sentence: usize,
        kind: ClaimKind,
        mention: &'a str,
        value: Value,
        display: &'a str,
        topic: &'a str,
    }

    fn claim(article: usize, text: &str, sents: &[Sentence], c: ClaimSpec<'_>) -> Claim {
        let s = &sents[c.sentence];
        let at = s.span.start + s.text.find(c.mention).expect("mention in sentence");
        Claim {
            article,
            sentence: c.sentence,
            kind: c.kind,
            mention: c.mention.to_string(),
            span: Span::new(at, at + c.mention.len()),
            value: c.value,
            display: c.display.to_string(),
            topic: Topic {
                label: c.topic.to_string(),
                head: c.topic.split(' ').next().unwrap_or_default().to_string(),
                tokens: c.topic.split(' ').map(str::to_string).collect(),
                aspect: Aspect::default(),
            },
            actors: vec!["France".to_string()],
            places: if text.contains("Paris") {
                vec!["Paris".to_string()]
            } else {
                Vec::new()
            },
            anchor: Some(date(2014, 2, 13)),
            historical: false,
            identifying: false,
            derivation: None,
            attributed_to: None,
            event: Event::default(),
        }
    }

    fn analyzed(path: &str, text: &str, published: Option<Published>) -> Analyzed {
        let mut a = Analyzed::with_claims(
            Article {
                published,
                ..Article::from_text(path, text)
            },
            Vec::new(),
        );
        a.sentences = sentences(text);
        a
    }

    fn six_weeks() -> Value {
        Value::Amount(Amount::exact(42.0, "day"))
    }

    pub fn analysis() -> Analysis {
        let mut a = analyzed(
            "corpus/a.txt",
            TEXT_A,
            Some(Published {
                date: date(2014, 2, 13),
                from: DateSource::Text,
                evidence: "Published: 13 February 2014".to_string(),
                time: None,
            }),
        );
        a.article.title = Some("Towns agree on harvest parades".to_string());
        a.cleaned.dropped = vec![
            (Span::new(0, 1), DropReason::Comments),
            (Span::new(1, 2), DropReason::Comments),
            (Span::new(2, 3), DropReason::PhotoCredit),
        ];
        let mut b = analyzed("corpus/b.txt", TEXT_B, None);
        let sa = a.sentences.clone();
        a.claims = vec![
            claim(
                0,
                TEXT_A,
                &sa,
                ClaimSpec {
                    sentence: 1,
                    kind: ClaimKind::Date,
                    mention: "20 February",
                    value: Value::Time(TimeRange::day(date(2014, 2, 20))),
                    display: "2014-02-20",
                    topic: "harvest parades begin",
                },
            ),
            claim(
                0,
                TEXT_A,
                &sa,
                ClaimSpec {
                    sentence: 2,
                    kind: ClaimKind::Duration,
                    mention: "six weeks",
                    value: six_weeks(),
                    display: "P42D",
                    topic: "drills last",
                },
            ),
        ];
        let sb = b.sentences.clone();
        b.claims = vec![
            claim(
                1,
                TEXT_B,
                &sb,
                ClaimSpec {
                    sentence: 0,
                    kind: ClaimKind::Date,
                    mention: "21 February",
                    value: Value::Time(TimeRange::day(date(2014, 2, 21))),
                    display: "2014-02-21",
                    topic: "harvest parades begin",
                },
            ),
            claim(
                1,
                TEXT_B,
                &sb,
                ClaimSpec {
                    sentence: 1,
                    kind: ClaimKind::Duration,
                    mention: "six weeks",
                    value: six_weeks(),
                    display: "P42D",
                    topic: "drills last",
                },
            ),
            claim(
                1,
                TEXT_B,
                &sb,
                ClaimSpec {
                    sentence: 2,
                    kind: ClaimKind::Duration,
                    mention: "from 24 February to 10 May",
                    value: Value::Time(TimeRange::between(
                        date(2014, 2, 24),
                        date(2014, 5, 10),
                        Granularity::Day,
                    )),
                    display: "2014-02-24/2014-05-10",
                    topic: "drills last",
                },
            ),
        ];
        let r = |article, claim| ClaimRef { article, claim };
        Analysis {
            articles: vec![a, b],
            skipped: Vec::new(),
            findings: vec![
                Finding {
                    verdict: Verdict::Contradict,
                    kind: ClaimKind::Date,
                    topic: "harvest parades begin".to_string(),
                    explanation: "2014-02-20 ≠ 2014-02-21".to_string(),
                    claims: vec![r(0, 0), r(1, 0)],
                },
                Finding {
                    verdict: Verdict::Inconsistent,
                    kind: ClaimKind::Duration,
                    topic: "drills last".to_string(),
                    explanation: "42 days stated, the dates span 76 days".to_string(),
                    claims: vec![r(1, 1), r(1, 2)],
                },
                Finding {
                    verdict: Verdict::Agree,
                    kind: ClaimKind::Duration,
                    topic: "drills last".to_string(),
                    explanation: "P42D = P42D".to_string(),
                    claims: vec![r(0, 1), r(1, 1)],
                },
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn labels_run_a_to_z_then_two_letters() {
        assert_eq!(label(0), "a");
        assert_eq!(label(25), "z");
        assert_eq!(label(26), "aa");
        assert_eq!(label(27), "ab");
        assert_eq!(label(26 + 26 * 26), "aaa");
    }

    #[test]
    fn one_line_collapses_whitespace_and_drops_escapes() {
        assert_eq!(one_line("  a\n\tb \u{1b}[31mc  "), "a b [31mc");
    }

    #[test]
    fn summary_counts_every_verdict() {
        let a = fixture::analysis();
        let s = Summary::of(&a, true);
        assert_eq!((s.articles, s.claims, s.findings), (2, 5, 3));
        assert_eq!(
            (s.contradictions, s.inconsistencies, s.agreements),
            (1, 1, 1)
        );
        assert_eq!(s.shown, 2);
    }

    #[test]
    fn mention_falls_back_to_search_when_span_is_off() {
        let a = fixture::analysis();
        let mut c = a.articles[0].claims[0].clone();
        let s = &a.articles[0].sentences[1];
        let r = mention_in_sentence(&c, s).expect("mention");
        assert_eq!(&s.text[r], "20 February");
        c.span = Span::new(10_000, 10_005);
        let r = mention_in_sentence(&c, s).expect("found by search");
        assert_eq!(&s.text[r], "20 February");
    }
}
