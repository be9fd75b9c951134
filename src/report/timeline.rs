//! The dated events of all articles in time order, for `factdiff timeline` (text) and
//! the HTML report (an SVG drawing).
//!
//! Each row is one event: a group of date claims the engine aligned (one fact told by
//! several sources, with its verdict), or a date claim no other article shares. Rows
//! are sorted by the event's earliest day, then its label. Each source is a column:
//! the values that source states for the event, or nothing.
//!
//! Text layout, one line per row:
//!
//! ```text
//! when        event                        a           b           c
//! 2014-02-20  ≠ reunions (start)           2014-02-20  [2014-02-21]
//! ```
//!
//! `=` marks an event the sources agree on, `≠` one they contradict each other on
//! (`!` an article contradicting itself, `→` an update); a value that differs from
//! the first source's is in brackets. Deterministic like every renderer.

use super::{ClaimView, label, one_line};
use crate::model::{Analysis, ClaimKind, ClaimRef, Value, Verdict};
use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::io::{self, Write};
use unicode_width::UnicodeWidthStr;

/// One dated event.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    pub earliest: NaiveDate,
    pub latest: NaiveDate,
    pub label: String,
    /// The finding's verdict; `None` for an event only one claim states.
    pub verdict: Option<Verdict>,
    /// Per article (in analysis order), the claims it makes about the event.
    pub cells: Vec<Vec<ClaimView<'a>>>,
}

/// Every dated event of the analysis, in time order.
pub fn rows(analysis: &Analysis) -> Vec<Row<'_>> {
    let n = analysis.articles.len();
    let mut rows = Vec::new();
    let mut in_finding: BTreeSet<ClaimRef> = BTreeSet::new();
    for f in analysis
        .findings
        .iter()
        .filter(|f| f.kind == ClaimKind::Date)
    {
        let views: Vec<ClaimView<'_>> = f
            .claims
            .iter()
            .map(|&r| ClaimView::new(analysis, r))
            .collect();
        in_finding.extend(f.claims.iter().copied());
        if let Some(row) = row(n, one_line(&f.topic), Some(f.verdict), views) {
            rows.push(row);
        }
    }
    for (ai, a) in analysis.articles.iter().enumerate() {
        for (ci, c) in a.claims.iter().enumerate() {
            let at = ClaimRef {
                article: ai,
                claim: ci,
            };
            if c.kind != ClaimKind::Date || in_finding.contains(&at) {
                continue;
            }
            let view = ClaimView::of(at, c, a);
            if let Some(row) = row(n, one_line(&c.topic.label), None, vec![view]) {
                rows.push(row);
            }
        }
    }
    rows.sort_by(|x, y| {
        (x.earliest, x.latest, &x.label, first_ref(x)).cmp(&(
            y.earliest,
            y.latest,
            &y.label,
            first_ref(y),
        ))
    });
    rows
}

fn first_ref(row: &Row<'_>) -> Option<ClaimRef> {
    row.cells.iter().flatten().map(|v| v.at).min()
}

/// A row from claims whose values are calendar times; `None` when none has a day.
fn row<'a>(
    n: usize,
    label: String,
    verdict: Option<Verdict>,
    views: Vec<ClaimView<'a>>,
) -> Option<Row<'a>> {
    let spans: Vec<(NaiveDate, NaiveDate)> = views
        .iter()
        .filter_map(|v| match &v.claim.value {
            Value::Time(t) => Some((t.earliest?, t.latest.or(t.earliest)?)),
            _ => None,
        })
        .collect();
    let earliest = spans.iter().map(|s| s.0).min()?;
    let latest = spans.iter().map(|s| s.1).max()?;
    let mut cells = vec![Vec::new(); n];
    for v in views {
        cells[v.at.article].push(v);
    }
    Some(Row {
        earliest,
        latest,
        label,
        verdict,
        cells,
    })
}

/// The mark of a row's verdict.
pub fn mark(verdict: Option<Verdict>) -> &'static str {
    match verdict {
        Some(Verdict::Agree) => "=",
        Some(Verdict::Contradict) => "≠",
        Some(Verdict::Inconsistent) => "!",
        Some(Verdict::Update) => "→",
        None => " ",
    }
}

/// Options of the text timeline.
#[derive(Clone, Copy, Debug, Default)]
pub struct TimelineOptions {
    pub color: bool,
}

/// Widest event label shown, in columns; longer ones are cut with `…`.
const LABEL_WIDTH: usize = 32;

/// Render the timeline for a terminal.
pub fn render_text(
    analysis: &Analysis,
    opts: &TimelineOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    for (i, a) in analysis.articles.iter().enumerate() {
        writeln!(out, "{}  {}", label(i), one_line(&a.article.path))?;
    }
    writeln!(out)?;
    let rows = rows(analysis);
    let n = analysis.articles.len();
    let texts: Vec<Vec<String>> = rows.iter().map(|r| cell_texts(r)).collect();
    let mut widths: Vec<usize> = (0..n).map(|i| label(i).width()).collect();
    for t in &texts {
        for (w, cell) in widths.iter_mut().zip(t) {
            *w = (*w).max(cell.width());
        }
    }
    let mut head = format!("{:<10}  {:<w$}", "when", "  event", w = LABEL_WIDTH + 2);
    for (i, w) in widths.iter().enumerate() {
        head.push_str(&format!("  {:<w$}", label(i)));
    }
    writeln!(out, "{}", head.trim_end())?;
    for (r, cells) in rows.iter().zip(&texts) {
        let event = cut(&r.label, LABEL_WIDTH);
        let pad = LABEL_WIDTH.saturating_sub(event.width());
        let mut line = format!("{}  {} {event}{:pad$}", r.earliest, mark(r.verdict), "");
        for (cell, w) in cells.iter().zip(&widths) {
            let cell = if cell.is_empty() { "·" } else { cell.as_str() };
            let pad = w.saturating_sub(cell.width());
            line.push_str(&format!("  {cell}{:pad$}", ""));
        }
        let line = line.trim_end().to_string();
        let style = match r.verdict {
            Some(Verdict::Contradict | Verdict::Inconsistent) if opts.color => {
                Style::new().fg_color(Some(AnsiColor::Red.into()))
            }
            _ => Style::new(),
        };
        writeln!(out, "{}{line}{}", style.render(), style.render_reset())?;
    }
    let conflicts = rows
        .iter()
        .filter(|r| matches!(r.verdict, Some(Verdict::Contradict | Verdict::Inconsistent)))
        .count();
    writeln!(
        out,
        "{} dated events, {} stated by more than one source, {conflicts} in dispute",
        rows.len(),
        rows.iter().filter(|r| r.verdict.is_some()).count()
    )
}

/// What each source says of the event: its values, a value unlike the first source's
/// in brackets.
fn cell_texts(row: &Row<'_>) -> Vec<String> {
    let reference = row
        .cells
        .iter()
        .flatten()
        .next()
        .map(|v| v.claim.display.clone());
    row.cells
        .iter()
        .map(|views| {
            let mut seen: Vec<String> = Vec::new();
            for v in views {
                let d = one_line(&v.claim.display);
                if !seen.contains(&d) {
                    seen.push(d);
                }
            }
            seen.iter()
                .map(|d| match &reference {
                    Some(r) if r != d && row.verdict.is_some() => format!("[{d}]"),
                    _ => d.clone(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// `text` cut to `max` columns with `…`.
fn cut(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + 1 >= max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
