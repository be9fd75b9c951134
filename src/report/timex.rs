//! Time expression listing for `factdiff timex`: every TIMEX3 of every article, as
//! text, JSON or inline TimeML.
//!
//! * Text: per article a header (`path  published DATE (source)`), then one line per
//!   expression, `line:col  TYPE  value [MOD]  "text"`, columns aligned within the
//!   article (`col` counts characters from 1); a blank line between articles and a
//!   summary line at the end.
//! * JSON: `{"schema_version": 1, "timexes": [{"path", "span", "text", "type",
//!   "value", "mod", "line", "published"}]}`, where `span` is `[start, end)` in file
//!   bytes, `mod` the TimeML modifier (`MORE_THAN`) or `null`, `line` the 1-based line
//!   of the first byte and `published` the article's document creation time or `null`.
//! * TimeML: the file written back with inline `<TIMEX3 tid="t1" type="DATE"
//!   value="2014-02-20">20 February</TIMEX3>` tags (`mod="…"` when there is one), tids
//!   numbered per article from `t1`, preceded by an empty `<TIMEX3 tid="t0" …
//!   functionInDocument="CREATION_TIME"/>` when the publication date is known. With
//!   several articles each is wrapped in `<TimeML path="…">…</TimeML>` and they are
//!   separated by a blank line.
//!
//! Invariants:
//! * Articles in analysis order, expressions in span order; output depends only on the
//!   analysis, so two runs give the same bytes.
//! * TimeML: removing the markup and decoding `&amp;`, `&lt;`, `&gt;` gives back each
//!   file byte for byte (nothing is added between the `t0` element, the text and the
//!   wrapper). An expression that overlaps an earlier one or does not fall on char
//!   boundaries cannot be tagged inline and is left out (and gets no tid).
//! * JSON gives article text exactly; the text listing passes it through
//!   [`one_line`]. Colour (bold header, underlined words) adds nothing the plain text
//!   lacks.

use super::{SCHEMA_VERSION, count, one_line, published_label};
use crate::model::{Analysis, Analyzed, Span, Timex, TimexMod, TimexType};
use anstyle::{Effects, Style};
use serde::Serialize;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// Options for the text listing.
#[derive(Clone, Debug, Default)]
pub struct TimexOptions {
    /// Emit ANSI bold and underline.
    pub color: bool,
}

/// The TimeML `type` string.
pub fn type_str(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// The TimeML `mod` string.
pub fn mod_str(m: TimexMod) -> &'static str {
    match m {
        TimexMod::Before => "BEFORE",
        TimexMod::After => "AFTER",
        TimexMod::OnOrBefore => "ON_OR_BEFORE",
        TimexMod::OnOrAfter => "ON_OR_AFTER",
        TimexMod::LessThan => "LESS_THAN",
        TimexMod::MoreThan => "MORE_THAN",
        TimexMod::EqualOrLess => "EQUAL_OR_LESS",
        TimexMod::EqualOrMore => "EQUAL_OR_MORE",
        TimexMod::Start => "START",
        TimexMod::Mid => "MID",
        TimexMod::End => "END",
        TimexMod::Approx => "APPROX",
    }
}

/// The article's time expressions in span order (stable for equal spans).
pub fn in_order(a: &Analyzed) -> Vec<&Timex> {
    let mut t: Vec<&Timex> = a.timexes.iter().collect();
    t.sort_by_key(|t| (t.span.start, t.span.end));
    t
}

/// Line and column lookup for byte offsets of one text.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// 1-based line of the byte at `offset`.
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// 1-based line and 1-based column in characters of the byte at `offset`.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let col = self
            .text
            .get(start..)
            .unwrap_or_default()
            .char_indices()
            .take_while(|&(i, _)| start + i < offset)
            .count();
        (line, col + 1)
    }
}

// ---------------------------------------------------------------------------- text

fn paint(out: &mut dyn Write, color: bool, style: Style, text: &str) -> io::Result<()> {
    match color {
        true => write!(out, "{}{text}{}", style.render(), style.render_reset()),
        false => write!(out, "{text}"),
    }
}

/// One expression as the text listing shows it.
struct Row {
    loc: String,
    ttype: &'static str,
    value: String,
    text: String,
}

/// Render the text listing.
pub fn render_text(
    analysis: &Analysis,
    opts: &TimexOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut total = 0;
    for (i, a) in analysis.articles.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        total += write_article(a, opts, out)?;
    }
    if !analysis.articles.is_empty() {
        writeln!(out)?;
    }
    writeln!(
        out,
        "{}, {}",
        count(analysis.articles.len(), "article", "articles"),
        count(total, "time expression", "time expressions")
    )
}

fn write_article(a: &Analyzed, opts: &TimexOptions, out: &mut dyn Write) -> io::Result<usize> {
    let bold = Style::new().effects(Effects::BOLD);
    let header = format!("{}  {}", one_line(&a.article.path), published_label(a));
    paint(out, opts.color, bold, &header)?;
    writeln!(out)?;
    let timexes = in_order(a);
    if timexes.is_empty() {
        writeln!(out, "  (no time expressions)")?;
        return Ok(0);
    }
    let lines = Lines::new(&a.article.text);
    let rows: Vec<Row> = timexes
        .iter()
        .map(|t| {
            let (line, col) = lines.line_col(t.span.start);
            Row {
                loc: format!("{line}:{col}"),
                ttype: type_str(t.ttype),
                value: match t.modifier {
                    Some(m) => format!("{} {}", one_line(&t.value), mod_str(m)),
                    None => one_line(&t.value),
                },
                text: one_line(&t.text),
            }
        })
        .collect();
    let loc_w = rows.iter().map(|r| r.loc.len()).max().unwrap_or(0);
    let type_w = rows.iter().map(|r| r.ttype.len()).max().unwrap_or(0);
    let value_w = rows.iter().map(|r| r.value.width()).max().unwrap_or(0);
    let underline = Style::new().effects(Effects::UNDERLINE);
    for r in &rows {
        let value_pad = value_w - r.value.width();
        write!(
            out,
            "  {:<loc_w$}  {:<type_w$}  {}{:value_pad$}  \"",
            r.loc, r.ttype, r.value, ""
        )?;
        paint(out, opts.color, underline, &r.text)?;
        writeln!(out, "\"")?;
    }
    Ok(rows.len())
}

// ---------------------------------------------------------------------------- JSON

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    timexes: Vec<TimexOut<'a>>,
}

#[derive(Serialize)]
struct TimexOut<'a> {
    path: &'a str,
    span: Span,
    text: &'a str,
    #[serde(rename = "type")]
    ttype: TimexType,
    value: &'a str,
    #[serde(rename = "mod")]
    modifier: Option<TimexMod>,
    line: usize,
    published: Option<&'a str>,
}

/// Render the JSON listing, pretty-printed with a trailing newline.
pub fn render_json(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let published: Vec<Option<String>> = analysis
        .articles
        .iter()
        .map(|a| a.article.published.as_ref().map(|p| p.date.to_string()))
        .collect();
    let mut timexes = Vec::new();
    for (a, published) in analysis.articles.iter().zip(&published) {
        let lines = Lines::new(&a.article.text);
        timexes.extend(in_order(a).into_iter().map(|t| TimexOut {
            path: &a.article.path,
            span: t.span,
            text: &t.text,
            ttype: t.ttype,
            value: &t.value,
            modifier: t.modifier,
            line: lines.line(t.span.start),
            published: published.as_deref(),
        }));
    }
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        timexes,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

// -------------------------------------------------------------------------- TimeML

/// Write `text` with `&`, `<` and `>` escaped (and `"` too when `attribute`).
fn write_escaped(out: &mut dyn Write, text: &str, attribute: bool) -> io::Result<()> {
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attribute => "&quot;",
            _ => continue,
        };
        out.write_all(&text.as_bytes()[from..i])?;
        out.write_all(entity.as_bytes())?;
        from = i + 1;
    }
    out.write_all(&text.as_bytes()[from..])
}

fn write_attr(out: &mut dyn Write, name: &str, value: &str) -> io::Result<()> {
    write!(out, " {name}=\"")?;
    write_escaped(out, value, true)?;
    out.write_all(b"\"")
}

/// The expressions that can be tagged inline: inside the text, on char boundaries,
/// not empty, not overlapping an earlier one.
fn taggable(a: &Analyzed) -> Vec<&Timex> {
    let text = &a.article.text;
    let mut end = 0;
    let mut out = Vec::new();
    for t in in_order(a) {
        let Span { start, end: stop } = t.span;
        if start >= end && start < stop && text.get(start..stop).is_some() {
            out.push(t);
            end = stop;
        }
    }
    out
}

/// Render the articles as TimeML with inline TIMEX3 tags.
pub fn render_timeml(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let wrap = analysis.articles.len() > 1;
    for (i, a) in analysis.articles.iter().enumerate() {
        if wrap {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            out.write_all(b"<TimeML")?;
            write_attr(out, "path", &a.article.path)?;
            out.write_all(b">")?;
        }
        write_timeml_article(a, out)?;
        if wrap {
            out.write_all(b"</TimeML>\n")?;
        }
    }
    Ok(())
}

fn write_timeml_article(a: &Analyzed, out: &mut dyn Write) -> io::Result<()> {
    if let Some(p) = &a.article.published {
        write!(
            out,
            "<TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{}\" functionInDocument=\"CREATION_TIME\"/>",
            p.date
        )?;
    }
    let text = &a.article.text;
    let mut at = 0;
    for (n, t) in taggable(a).into_iter().enumerate() {
        write_escaped(out, &text[at..t.span.start], false)?;
        write!(
            out,
            "<TIMEX3 tid=\"t{}\" type=\"{}\"",
            n + 1,
            type_str(t.ttype)
        )?;
        write_attr(out, "value", &t.value)?;
        if let Some(m) = t.modifier {
            write!(out, " mod=\"{}\"", mod_str(m))?;
        }
        out.write_all(b">")?;
        write_escaped(out, &text[t.span.start..t.span.end], false)?;
        out.write_all(b"</TIMEX3>")?;
        at = t.span.end;
    }
    write_escaped(out, &text[at..], false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Reading, TimeRange};
    use crate::report::fixture;
    use chrono::NaiveDate;
    use serde_json::Value;

    fn timex(text: &str, find: &str, ttype: TimexType, value: &str) -> Timex {
        let start = text.find(find).expect("in text");
        Timex {
            span: Span::new(start, start + find.len()),
            text: find.to_string(),
            ttype,
            value: value.to_string(),
            modifier: None,
            reading: Reading::Other,
        }
    }

    /// The shared fixture with time expressions added.
    fn analysis() -> Analysis {
        let mut a = fixture::analysis();
        let t = a.articles[0].article.text.clone();
        let day = NaiveDate::from_ymd_opt(2014, 2, 20).expect("date");
        let mut feb20 = timex(&t, "20 February", TimexType::Date, "2014-02-20");
        feb20.reading = Reading::Time(TimeRange::day(day));
        let mut weeks = timex(&t, "six weeks", TimexType::Duration, "P6W");
        weeks.modifier = Some(TimexMod::MoreThan);
        // Out of order on purpose: renderers sort by span.
        a.articles[0].timexes = vec![
            weeks,
            timex(&t, "Wednesday", TimexType::Date, "2014-02-12"),
            feb20,
        ];
        let t = a.articles[1].article.text.clone();
        a.articles[1].timexes = vec![timex(&t, "21 February", TimexType::Date, "XXXX-02-21")];
        a
    }

    fn render(f: impl Fn(&Analysis, &mut dyn Write) -> io::Result<()>, a: &Analysis) -> String {
        let mut out = Vec::new();
        f(a, &mut out).expect("render");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn text_lists_every_expression_per_article() {
        let text = render(
            |a, o| render_text(a, &TimexOptions { color: false }, o),
            &analysis(),
        );
        let expected = "\
corpus/a.txt  published 2014-02-13 (text)
  1:17  DATE      2014-02-12     \"Wednesday\"
  2:41  DATE      2014-02-20     \"20 February\"
  3:22  DURATION  P6W MORE_THAN  \"six weeks\"

corpus/b.txt  publication date unknown
  1:38  DATE  XXXX-02-21  \"21 February\"

2 articles, 4 time expressions
";
        assert_eq!(text, expected);
        let colored = render(
            |a, o| render_text(a, &TimexOptions { color: true }, o),
            &analysis(),
        );
        assert!(colored.contains('\u{1b}'));
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn text_says_when_an_article_has_none() {
        let a = fixture::analysis();
        let text = render(|a, o| render_text(a, &TimexOptions::default(), o), &a);
        assert!(text.contains("corpus/b.txt  publication date unknown\n  (no time expressions)\n"));
        assert!(text.ends_with("\n2 articles, 0 time expressions\n"));
    }

    #[test]
    fn json_has_the_promised_fields_in_span_order() {
        let s = render(render_json, &analysis());
        assert!(s.ends_with("}\n"));
        let v: Value = serde_json::from_str(&s).expect("valid JSON");
        assert_eq!(v["schema_version"], 1);
        let t = v["timexes"].as_array().expect("array");
        assert_eq!(t.len(), 4);
        assert_eq!(t[0]["path"], "corpus/a.txt");
        assert_eq!(t[0]["text"], "Wednesday");
        assert_eq!(t[0]["type"], "DATE");
        assert_eq!(t[0]["value"], "2014-02-12");
        assert_eq!(t[0]["mod"], Value::Null);
        assert_eq!(t[0]["line"], 1);
        assert_eq!(t[0]["published"], "2014-02-13");
        assert_eq!(t[2]["type"], "DURATION");
        assert_eq!(t[2]["mod"], "MORE_THAN");
        assert_eq!(t[3]["path"], "corpus/b.txt");
        assert_eq!(t[3]["published"], Value::Null);
        let start = fixture::TEXT_A.find("six weeks").expect("in text");
        assert_eq!(t[2]["span"], serde_json::json!([start, start + 9]));
    }

    /// Remove `<…>` markup and decode the three entities the renderer writes.
    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            let j = rest[i..].find('>').expect("closed tag");
            rest = &rest[i + j + 1..];
        }
        out.push_str(rest);
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    }

    #[test]
    fn timeml_tags_inline_and_gives_the_text_back() {
        let a = analysis();
        let s = render(render_timeml, &a);
        assert!(s.starts_with(
            "<TimeML path=\"corpus/a.txt\"><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2014-02-13\" functionInDocument=\"CREATION_TIME\"/>"
        ));
        assert!(
            s.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2014-02-12\">Wednesday</TIMEX3>")
        );
        assert!(s.contains(
            "<TIMEX3 tid=\"t3\" type=\"DURATION\" value=\"P6W\" mod=\"MORE_THAN\">six weeks</TIMEX3>"
        ));
        assert!(s.contains("</TimeML>\n\n<TimeML path=\"corpus/b.txt\">Reunions"));
        assert!(s.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"XXXX-02-21\">21 February"));
        assert!(!s.contains("tid=\"t0\" type=\"DATE\" value=\"XXXX"));
        assert_eq!(s.matches("tid=\"t0\"").count(), 1, "no t0 without a date");
        assert!(s.ends_with("</TimeML>\n"));
        // The wrappers add "\n" after each `</TimeML>` and a blank line between.
        let expected = format!("{}\n\n{}\n", fixture::TEXT_A, fixture::TEXT_B);
        assert_eq!(strip(&s), expected);
    }

    #[test]
    fn timeml_escapes_and_skips_what_cannot_be_tagged() {
        let mut a = analysis();
        a.articles.truncate(1);
        let art = &mut a.articles[0];
        art.article.text = "A <b> & \"c\" on Wednesday, née 20 February.\n".to_string();
        art.article.path = "x&y.txt".to_string();
        let t = art.article.text.clone();
        let mut w = timex(&t, "Wednesday", TimexType::Date, "2014-02-12");
        w.value = "a<\"b\">".to_string();
        let overlapping = timex(&t, "day, n", TimexType::Date, "X");
        let mut mid_char = timex(&t, "née", TimexType::Date, "X");
        mid_char.span.start += 2;
        art.timexes = vec![
            w,
            overlapping,
            mid_char,
            timex(&t, "20 February", TimexType::Date, "D"),
        ];
        let s = render(render_timeml, &a);
        assert!(!s.contains("<TimeML"), "one article: no wrapper");
        assert!(s.contains("A &lt;b&gt; &amp; \"c\" on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"a&lt;&quot;b&quot;&gt;\">Wednesday</TIMEX3>"));
        assert!(s.contains("<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"D\">20 February</TIMEX3>"));
        assert_eq!(strip(&s), t);
    }

    #[test]
    fn columns_count_characters() {
        let l = Lines::new("ab\nnée x\n");
        assert_eq!(l.line_col(0), (1, 1));
        assert_eq!(l.line_col(3), (2, 1));
        assert_eq!(l.line_col(8), (2, 5));
        assert_eq!(l.line(2), 1);
        assert_eq!(l.line(100), 3);
    }
}
