//! JSON report: the stable machine interface of `factdiff compare --format json`.
//!
//! One pretty-printed document with a trailing newline:
//! `{"schema_version": 1, "articles": […], "findings": […], "summary": {…}}`.
//! The README documents every field.
//!
//! Invariants:
//! * The field names of schema version 1 never change; fields may be added.
//! * Deterministic: fields in declaration order, maps are `BTreeMap`, findings in the
//!   analysis' report order, articles in analysis order.
//! * Text from articles is given exactly as in the file (`sentence`, `mention`), and
//!   `span` is the mention's byte range in the file.
//! * With `only_conflicts`, agreements are left out of `findings`; `summary` still
//!   counts every finding, and `summary.shown` is the length of `findings`.

use super::{ClaimView, EventOut, SCHEMA_VERSION, Summary, label, shown_findings};
use crate::model::{Analysis, Analyzed, ClaimKind, DateSource, Finding, Skipped, Span, Verdict};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Serialize)]
#[serde(bound(serialize = "Streamed<A>: Serialize, Streamed<F>: Serialize"))]
struct Document<'a, A, F> {
    schema_version: u32,
    articles: Streamed<A>,
    findings: Streamed<F>,
    /// Inputs passed over while walking folders, with the reason.
    skipped: &'a [Skipped],
    summary: Summary,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    path: &'a str,
    title: Option<&'a str>,
    published: Option<String>,
    published_from: Option<DateSource>,
    /// The clock time of publication (`HH:MM`) when the article states one.
    published_time: Option<String>,
    published_evidence: &'a str,
    /// The character set the file was read in: `UTF-8`, or the legacy set detected.
    encoding: &'static str,
    /// The story the article was grouped into (numbered from 0 in order of each
    /// story's first article); claims of different stories are never compared.
    story: usize,
    sentences: usize,
    claims: usize,
    /// Dropped stretches per reason; reasons with none are left out.
    dropped: BTreeMap<&'static str, usize>,
    /// The source label used by the text report (`a`, `b`, …).
    label: String,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    verdict: Verdict,
    kind: ClaimKind,
    topic: &'a str,
    explanation: &'a str,
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    path: &'a str,
    line: usize,
    sentence: &'a str,
    mention: &'a str,
    span: Span,
    value: &'a str,
    /// Index of the article in `articles`.
    article: usize,
    label: String,
    /// How the value was derived when not read off the words alone, else null.
    derivation: Option<&'a str>,
    /// Who the article says states the value, else null.
    attributed_to: Option<&'a str>,
    /// The event the claim was attached to: claims are compared only within one.
    event: EventOut,
}

/// A list written element by element as it is made: a report of a hundred thousand
/// articles is never held twice in memory, once as the analysis and once as its JSON
/// view.
struct Streamed<F>(F);

impl<F, I> Serialize for Streamed<F>
where
    F: Fn() -> I,
    I: Iterator<Item: Serialize>,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// Render the stable JSON document.
pub fn render(analysis: &Analysis, only_conflicts: bool, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        articles: Streamed(|| {
            analysis
                .articles
                .iter()
                .enumerate()
                .map(|(i, a)| article(i, a))
        }),
        findings: Streamed(|| {
            shown_findings(analysis, only_conflicts).map(|f| finding(analysis, f))
        }),
        skipped: &analysis.skipped,
        summary: Summary::of(analysis, only_conflicts),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// Render one finding per line (JSON Lines), for pipelines: each line is a finding
/// object exactly as in the document's `findings`, in the same order.
pub fn render_lines(
    analysis: &Analysis,
    only_conflicts: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for f in shown_findings(analysis, only_conflicts) {
        serde_json::to_writer(&mut *out, &finding(analysis, f))?;
        writeln!(out)?;
    }
    Ok(())
}

fn article(index: usize, a: &Analyzed) -> ArticleOut<'_> {
    let published = a.article.published.as_ref();
    ArticleOut {
        path: &a.article.path,
        title: a.article.title.as_deref(),
        published: published.map(|p| p.date.to_string()),
        published_from: published.map(|p| p.from),
        published_time: published
            .and_then(|p| p.time)
            .map(|t| t.format("%H:%M").to_string()),
        published_evidence: published.map_or("", |p| p.evidence.as_str()),
        encoding: a.article.encoding.unwrap_or("UTF-8"),
        story: a.story,
        sentences: a.sentence_count(),
        claims: a.claim_count(),
        dropped: a
            .cleaned
            .drop_counts()
            .into_iter()
            .map(|(why, n)| (why.as_str(), n))
            .collect(),
        label: label(index),
    }
}

fn finding<'a>(analysis: &'a Analysis, f: &'a Finding) -> FindingOut<'a> {
    FindingOut {
        verdict: f.verdict,
        kind: f.kind,
        topic: &f.topic,
        explanation: &f.explanation,
        claims: f
            .claims
            .iter()
            .map(|&r| claim(ClaimView::new(analysis, r)))
            .collect(),
    }
}

fn claim(v: ClaimView<'_>) -> ClaimOut<'_> {
    ClaimOut {
        path: v.path(),
        line: v.line(),
        sentence: v.sentence_text(),
        mention: &v.claim.mention,
        span: v.claim.span,
        value: &v.claim.display,
        article: v.at.article,
        label: label(v.at.article),
        derivation: v.claim.derivation.as_deref(),
        attributed_to: v.claim.attributed_to.as_deref(),
        event: EventOut::of(&v.claim.event),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;
    use serde_json::{Value, json};

    fn render_value(analysis: &Analysis, only_conflicts: bool) -> (String, Value) {
        let mut out = Vec::new();
        render(analysis, only_conflicts, &mut out).expect("render");
        let text = String::from_utf8(out).expect("utf-8");
        let value = serde_json::from_str(&text).expect("valid JSON");
        (text, value)
    }

    #[test]
    fn document_has_the_promised_fields() {
        let (text, v) = render_value(&fixture::analysis(), false);
        assert!(text.ends_with("}\n"));
        assert!(text.starts_with("{\n  \"schema_version\": 1,"));
        assert_eq!(v["schema_version"], 1);
        let a = &v["articles"][0];
        assert_eq!(a["path"], "corpus/a.txt");
        assert_eq!(a["title"], "Towns agree on harvest parades");
        assert_eq!(a["published"], "2014-02-13");
        assert_eq!(a["published_from"], "text");
        assert_eq!(a["published_evidence"], "Published: 13 February 2014");
        assert_eq!(a["sentences"], 3);
        assert_eq!(a["claims"], 2);
        assert_eq!(a["dropped"], json!({"comments": 2, "photo-credit": 1}));
        let b = &v["articles"][1];
        assert_eq!(b["published"], Value::Null);
        assert_eq!(b["published_from"], Value::Null);
        assert_eq!(b["title"], Value::Null);
        assert_eq!(b["dropped"], json!({}));
    }

    #[test]
    fn findings_carry_verdict_kind_and_claims() {
        let (_, v) = render_value(&fixture::analysis(), false);
        let f = &v["findings"];
        assert_eq!(f.as_array().map(Vec::len), Some(3));
        assert_eq!(f[0]["verdict"], "contradict");
        assert_eq!(f[0]["kind"], "date");
        assert_eq!(f[0]["topic"], "harvest parades begin");
        assert_eq!(f[0]["explanation"], "2014-02-20 ≠ 2014-02-21");
        assert_eq!(f[1]["verdict"], "inconsistent");
        assert_eq!(f[2]["verdict"], "agree");
        let c = &f[0]["claims"][0];
        assert_eq!(c["path"], "corpus/a.txt");
        assert_eq!(c["line"], 2);
        assert_eq!(
            c["sentence"],
            "The harvest parades are set to start on 20 February, five days before the drills."
        );
        assert_eq!(c["mention"], "20 February");
        assert_eq!(c["value"], "2014-02-20");
        assert_eq!(c["derivation"], Value::Null);
        let (s, e) = (c["span"][0].as_u64(), c["span"][1].as_u64());
        let (s, e) = (s.expect("start") as usize, e.expect("end") as usize);
        assert_eq!(&fixture::TEXT_A[s..e], "20 February");
        assert_eq!(f[1]["kind"], "duration");
        assert_eq!(f[1]["claims"][1]["value"], "2014-02-24/2014-05-10");
    }

    #[test]
    fn summary_counts_verdicts() {
        let (_, v) = render_value(&fixture::analysis(), false);
        assert_eq!(
            v["summary"],
            json!({"articles": 2, "claims": 5, "findings": 3, "contradictions": 1,
                   "inconsistencies": 1, "updates": 0, "agreements": 1, "shown": 3, "compared": 5,
                   "unaligned": 0, "skipped": 0})
        );
    }

    #[test]
    fn only_conflicts_drops_agreements() {
        let (_, v) = render_value(&fixture::analysis(), true);
        let verdicts: Vec<&Value> = v["findings"]
            .as_array()
            .expect("array")
            .iter()
            .map(|f| &f["verdict"])
            .collect();
        assert_eq!(verdicts, [&json!("contradict"), &json!("inconsistent")]);
        assert_eq!(v["summary"]["agreements"], 1);
        assert_eq!(v["summary"]["shown"], 2);
    }

    #[test]
    fn no_colour_and_deterministic() {
        let a = fixture::analysis();
        let (one, _) = render_value(&a, false);
        let (two, _) = render_value(&a, false);
        assert_eq!(one, two);
        assert!(!one.contains('\u{1b}'));
    }
}
