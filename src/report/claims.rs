//! Claims listing for `factdiff claims`: every claim of every article, as text or JSON.
//!
//! Text: per article a header (`label  path  published DATE (source)`), then one line
//! per claim, `path:line  kind  topic  mention → value`, columns aligned within the
//! article. JSON: `{"schema_version": 1, "articles": [{"path", "published",
//! "published_from", "encoding", "claims": [{"line", "kind", "topic", "mention", "span", "value",
//! "actors", "places", "sentence"}]}]}`.
//!
//! Invariants: claims in the order extraction gave them (file order), articles in
//! analysis order; article text passes through [`one_line`] in text output and is
//! given exactly in JSON; colour (bold header, underlined mention) adds nothing the
//! plain text lacks.

use super::{ClaimView, EventOut, SCHEMA_VERSION, label, one_line, published_label};
use crate::model::{Analysis, Analyzed, Aspect, ClaimKind, ClaimRef, DateSource, Span};
use anstyle::{Effects, Style};
use serde::Serialize;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Options for the text listing.
#[derive(Clone, Debug, Default)]
pub struct ClaimsOptions {
    /// Emit ANSI bold and underline.
    pub color: bool,
}

/// Render the text listing.
pub fn render_text(
    analysis: &Analysis,
    opts: &ClaimsOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (i, a) in analysis.articles.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        write_article(i, a, opts, out)?;
    }
    Ok(())
}

fn paint(out: &mut dyn Write, color: bool, style: Style, text: &str) -> io::Result<()> {
    match color {
        true => write!(out, "{}{text}{}", style.render(), style.render_reset()),
        false => write!(out, "{text}"),
    }
}

/// One claim as the text listing shows it.
struct Line {
    loc: String,
    kind: &'static str,
    topic: String,
    mention: String,
    value: String,
}

fn write_article(
    i: usize,
    a: &Analyzed,
    opts: &ClaimsOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let bold = Style::new().effects(Effects::BOLD);
    let header = format!(
        "{}  {}  {}",
        label(i),
        one_line(&a.article.path),
        published_label(a)
    );
    paint(out, opts.color, bold, &header)?;
    writeln!(out)?;
    if a.claims.is_empty() {
        return writeln!(out, "  (no claims)");
    }
    let lines: Vec<Line> = a
        .claims
        .iter()
        .enumerate()
        .map(|(c, claim)| {
            let v = ClaimView::of(
                ClaimRef {
                    article: i,
                    claim: c,
                },
                claim,
                a,
            );
            Line {
                loc: format!("{}:{}", one_line(v.path()), v.line()),
                kind: claim.kind.as_str(),
                topic: topic_or_dash(&claim.topic.label),
                mention: one_line(&claim.mention),
                value: match &claim.derivation {
                    Some(how) => format!("{} ({})", one_line(&claim.display), one_line(how)),
                    None => one_line(&claim.display),
                },
            }
        })
        .collect();
    let loc_w = lines.iter().map(|l| l.loc.width()).max().unwrap_or(0);
    let kind_w = lines.iter().map(|l| l.kind.len()).max().unwrap_or(0);
    let topic_w = lines.iter().map(|l| l.topic.width()).max().unwrap_or(0);
    let underline = Style::new().effects(Effects::UNDERLINE);
    for l in &lines {
        let loc_pad = loc_w - l.loc.width();
        let topic_pad = topic_w - l.topic.width();
        write!(
            out,
            "  {}{:loc_pad$}  {:<kind_w$}  {}{:topic_pad$}  ",
            l.loc, "", l.kind, l.topic, ""
        )?;
        paint(out, opts.color, underline, &l.mention)?;
        writeln!(out, " → {}", l.value)?;
    }
    Ok(())
}

fn topic_or_dash(topic: &str) -> String {
    let t = one_line(topic);
    if t.is_empty() { "-".to_string() } else { t }
}

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    articles: Vec<ArticleOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    path: &'a str,
    published: Option<String>,
    published_from: Option<DateSource>,
    /// `UTF-8`, or the legacy character set the file was decoded from.
    encoding: &'static str,
    claims: Vec<ClaimOut<'a>>,
    label: String,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    line: usize,
    kind: ClaimKind,
    topic: &'a str,
    mention: &'a str,
    span: Span,
    value: &'a str,
    actors: &'a [String],
    places: &'a [String],
    sentence: &'a str,
    /// Date of the reported situation the claim belongs to, when known.
    anchor: Option<String>,
    /// True when the value is fixed history independent of the article's date.
    historical: bool,
    /// True when the time names which instance of a recurring event is meant.
    identifying: bool,
    /// Which part of the event a time value speaks of: whole, start or end.
    aspect: Aspect,
    /// How the value was derived when not read off the words alone, else null.
    derivation: Option<&'a str>,
    /// Who the article says states the value, else null.
    attributed_to: Option<&'a str>,
    /// The event the claim was attached to: claims are compared only within one.
    event: EventOut,
}

/// Render the JSON listing, pretty-printed with a trailing newline.
pub fn render_json(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        articles: analysis
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| article(i, a))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn article(i: usize, a: &Analyzed) -> ArticleOut<'_> {
    let published = a.article.published.as_ref();
    ArticleOut {
        path: &a.article.path,
        published: published.map(|p| p.date.to_string()),
        published_from: published.map(|p| p.from),
        encoding: a.article.encoding.unwrap_or("UTF-8"),
        claims: (0..a.claims.len())
            .map(|c| {
                claim(ClaimView::of(
                    ClaimRef {
                        article: i,
                        claim: c,
                    },
                    &a.claims[c],
                    a,
                ))
            })
            .collect(),
        label: label(i),
    }
}

fn claim(v: ClaimView<'_>) -> ClaimOut<'_> {
    let c = v.claim;
    ClaimOut {
        line: v.line(),
        kind: c.kind,
        topic: &c.topic.label,
        mention: &c.mention,
        span: c.span,
        value: &c.display,
        actors: &c.actors,
        places: &c.places,
        sentence: v.sentence_text(),
        anchor: c.anchor.map(|d| d.to_string()),
        historical: c.historical,
        identifying: c.identifying,
        aspect: c.topic.aspect,
        derivation: c.derivation.as_deref(),
        attributed_to: c.attributed_to.as_deref(),
        event: EventOut::of(&c.event),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;
    use serde_json::{Value, json};

    fn text(color: bool) -> String {
        let mut out = Vec::new();
        render_text(&fixture::analysis(), &ClaimsOptions { color }, &mut out).expect("render");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn text_lists_every_claim_per_article() {
        let expected = "\
a  corpus/a.txt  published 2014-02-13 (text)
  corpus/a.txt:2  date      harvest parades begin  20 February → 2014-02-20
  corpus/a.txt:3  duration  drills last            six weeks → P42D

b  corpus/b.txt  publication date unknown
  corpus/b.txt:1  date      harvest parades begin  21 February → 2014-02-21
  corpus/b.txt:2  duration  drills last            six weeks → P42D
  corpus/b.txt:3  duration  drills last            from 24 February to 10 May → 2014-02-24/2014-05-10
";
        assert_eq!(text(false), expected);
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(!text(false).contains('\u{1b}'));
        assert!(text(true).contains('\u{1b}'));
    }

    #[test]
    fn json_has_the_promised_fields() {
        let mut out = Vec::new();
        render_json(&fixture::analysis(), &mut out).expect("render");
        let s = String::from_utf8(out).expect("utf-8");
        assert!(s.ends_with("}\n"));
        let v: Value = serde_json::from_str(&s).expect("valid JSON");
        assert_eq!(v["schema_version"], 1);
        let a = &v["articles"][0];
        assert_eq!(a["path"], "corpus/a.txt");
        assert_eq!(a["published"], "2014-02-13");
        assert_eq!(a["published_from"], "text");
        let c = &a["claims"][0];
        assert_eq!(c["line"], 2);
        assert_eq!(c["kind"], "date");
        assert_eq!(c["topic"], "harvest parades begin");
        assert_eq!(c["mention"], "20 February");
        assert_eq!(c["value"], "2014-02-20");
        assert_eq!(c["actors"], json!(["France"]));
        assert_eq!(c["places"], json!(["Paris"]));
        assert_eq!(c["aspect"], "whole");
        assert_eq!(c["identifying"], false);
        assert_eq!(c["derivation"], Value::Null);
        assert!(c["span"].is_array());
        assert!(
            c["sentence"]
                .as_str()
                .is_some_and(|s| s.contains("20 February"))
        );
        assert_eq!(v["articles"][1]["published"], Value::Null);
        assert_eq!(v["articles"][1]["claims"][2]["kind"], "duration");
    }
}
