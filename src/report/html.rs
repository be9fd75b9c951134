//! HTML report for `factdiff compare --format html`: one self-contained page an editor
//! opens in a browser or shares: no external asset, no script.
//!
//! The page holds the summary line, the sources, a timeline drawn as inline SVG (time
//! runs left to right, one row per source; each dated event is a dot, or a bar for a
//! span; red where the sources dispute it, blue where they agree, grey where one source
//! alone dates it; hovering shows the event and value), then every finding with its
//! sources side by side, each claim's sentence quoted with the claim highlighted
//! (`<mark>`), its value and who states it.
//!
//! Invariants: all article text is escaped; the page depends only on the analysis (no
//! clock, no randomness), so two runs give the same bytes.

use super::timeline::{self, Row};
use super::{ClaimView, Summary, is_conflict, label, one_line, published_label, shown_findings};
use crate::model::{Analysis, Finding, Verdict};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write as _;
use std::io::{self, Write};

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse}td,th{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.summary{font-weight:600}
.finding{border:1px solid #ddd;border-left:6px solid #9bb;border-radius:4px;margin:1rem 0;padding:.5rem 1rem}
.finding.contradict,.finding.inconsistent{border-left-color:#c0392b}.finding.update{border-left-color:#d68910}
.verdict{font-weight:700;text-transform:uppercase;font-size:.8rem;letter-spacing:.05em;margin-right:.5rem}
.contradict .verdict,.inconsistent .verdict{color:#c0392b}.agree .verdict{color:#2e7d6b}.update .verdict{color:#b9770e}
.explanation{color:#444}
.sources{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.75rem}
.claim{background:#fafafa;border:1px solid #eee;border-radius:4px;padding:.5rem}
.where{font-size:.8rem;color:#555;word-break:break-all}.value{font-family:ui-monospace,monospace;font-size:.9rem}
blockquote{margin:.4rem 0;padding-left:.6rem;border-left:3px solid #ddd}
mark{background:#ffe58a;padding:0 .1em}
svg text{font-family:system-ui,sans-serif;font-size:11px}.legend{font-size:.85rem;color:#555}
";

/// What the timeline's colours mean.
const LEGEND: &str = "<p class=\"legend\"><span style=\"color:#2e6da4\">●</span> sources agree \
    <span style=\"color:#c0392b\">●</span> disputed \
    <span style=\"color:#d68910\">●</span> updated \
    <span style=\"color:#9a9a9a\">●</span> one source only; hover a mark for the event, value and line</p>\n";

/// Render the HTML page.
pub fn render(analysis: &Analysis, only_conflicts: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut page = String::new();
    page.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    page.push_str("<title>factdiff report</title>\n<style>\n");
    page.push_str(STYLE);
    page.push_str("</style>\n</head>\n<body>\n<h1>factdiff report</h1>\n");
    let summary = Summary::of(analysis, only_conflicts);
    let _ = writeln!(page, "<p class=\"summary\">{}</p>", esc(&summary.line()));
    sources(analysis, &mut page);
    page.push_str("<h2>Timeline</h2>\n");
    page.push_str(&timeline_svg(analysis));
    page.push_str(LEGEND);
    page.push_str("<h2>Findings</h2>\n");
    let shown: Vec<&Finding> = shown_findings(analysis, only_conflicts).collect();
    if shown.is_empty() {
        page.push_str("<p>No findings.</p>\n");
    }
    for (n, f) in shown.iter().enumerate() {
        finding(analysis, n + 1, f, &mut page);
    }
    page.push_str("</body>\n</html>\n");
    out.write_all(page.as_bytes())
}

fn sources(analysis: &Analysis, page: &mut String) {
    page.push_str("<h2>Sources</h2>\n<table>\n<tr><th></th><th>Article</th><th>Published</th><th>Story</th></tr>\n");
    for (i, a) in analysis.articles.iter().enumerate() {
        let path = &a.article.path;
        let title = a
            .article
            .title
            .as_deref()
            .map_or_else(|| one_line(path), one_line);
        let link = a.article.url.as_deref().unwrap_or(path);
        let _ = writeln!(
            page,
            "<tr><td><b>{}</b></td><td><a href=\"{}\">{}</a><br><small>{}</small></td><td>{}</td><td>{}</td></tr>",
            label(i),
            esc(link),
            esc(&title),
            esc(path),
            esc(&published_label(a)),
            a.story
        );
    }
    page.push_str("</table>\n");
}

fn finding(analysis: &Analysis, n: usize, f: &Finding, page: &mut String) {
    let verdict = f.verdict.as_str();
    let kind = f.kind.as_str();
    let _ = writeln!(
        page,
        "<section class=\"finding {verdict}\" id=\"finding-{n}\">\n<h3><span class=\"verdict\">{verdict}</span>{} · {}</h3>",
        esc(kind),
        esc(&one_line(&f.topic))
    );
    let _ = writeln!(
        page,
        "<p class=\"explanation\">{}</p>",
        esc(&one_line(&f.explanation))
    );
    page.push_str("<div class=\"sources\">\n");
    for &r in &f.claims {
        let v = ClaimView::new(analysis, r);
        let who = v
            .attribution()
            .map(|a| format!(", per {}", esc(&a)))
            .unwrap_or_default();
        let _ = writeln!(
            page,
            "<div class=\"claim\"><div class=\"where\"><b>{}</b> {}:{}</div><blockquote>{}</blockquote><div class=\"value\">= {}{who}</div></div>",
            label(r.article),
            esc(v.path()),
            v.line(),
            highlighted(&v),
            esc(&one_line(&v.claim.display)),
        );
    }
    page.push_str("</div>\n</section>\n");
}

/// The sentence with the claim in `<mark>`, escaped.
fn highlighted(v: &ClaimView<'_>) -> String {
    match v.split_sentence() {
        Some((before, claim, after)) => {
            format!("{}<mark>{}</mark>{}", esc(before), esc(claim), esc(after))
        }
        None => esc(v.sentence_text()),
    }
}

/// Text safe in HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// The timeline.

const WIDTH: f64 = 960.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 10.0;
const ROW: f64 = 26.0;
const AXIS: f64 = 34.0;

/// Width of the band on the left that holds the events long before the articles
/// (a war decades ago), so that they do not squeeze the story's own weeks.
const EARLIER: f64 = 90.0;

/// Events more than this many days before the first publication date go to the
/// "earlier" band.
const EARLIER_DAYS: i64 = 60;

/// Where days go on the axis: one linear scale for the story's time, and, when some
/// events are much older, a compressed band on the left for them.
struct Scale {
    first: NaiveDate,
    /// Where the band of older events ends and the main axis begins, when some are.
    cut: Option<NaiveDate>,
    /// The main axis's first day: the earliest recent event, less a margin.
    main: NaiveDate,
    last: NaiveDate,
}

/// Days of margin at either end of the main axis.
const MARGIN_DAYS: i64 = 2;

impl Scale {
    fn new(days: &[NaiveDate], published: Option<NaiveDate>) -> Option<Scale> {
        let first = *days.iter().min()?;
        let last_day = *days.iter().max()?;
        let cut = published
            .and_then(|p| p.checked_sub_signed(chrono::Duration::days(EARLIER_DAYS)))
            .filter(|c| first < *c && *c < last_day);
        let recent = days
            .iter()
            .filter(|d| cut.is_none_or(|c| **d >= c))
            .min()
            .copied()
            .unwrap_or(first);
        let margin = chrono::Duration::days(MARGIN_DAYS);
        Some(Scale {
            first,
            cut,
            main: recent.checked_sub_signed(margin).unwrap_or(recent),
            last: last_day.checked_add_signed(margin).unwrap_or(last_day),
        })
    }

    /// The main axis's first day.
    fn start(&self) -> NaiveDate {
        self.main
    }

    fn x(&self, d: NaiveDate) -> f64 {
        let main_left = LEFT
            + if self.cut.is_some() {
                EARLIER + 20.0
            } else {
                0.0
            };
        let ratio = |a: NaiveDate, b: NaiveDate| {
            (d - a).num_days() as f64 / (b - a).num_days().max(1) as f64
        };
        match self.cut {
            Some(cut) if d < cut => LEFT + ratio(self.first, cut) * EARLIER,
            _ => main_left + ratio(self.start(), self.last) * (WIDTH - RIGHT - main_left),
        }
    }
}

/// The timeline as an inline SVG: one row per source, events on a shared time axis.
fn timeline_svg(analysis: &Analysis) -> String {
    let rows = timeline::rows(analysis);
    let days: Vec<NaiveDate> = rows.iter().flat_map(|r| [r.earliest, r.latest]).collect();
    let published = analysis
        .articles
        .iter()
        .filter_map(|a| a.article.published.as_ref().map(|p| p.date))
        .min();
    let Some(scale) = Scale::new(&days, published) else {
        return "<p>No dated events.</p>\n".to_string();
    };
    let (first, last) = (scale.first, scale.last);
    let n = analysis.articles.len();
    let height = TOP + ROW * n as f64 + AXIS;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Timeline of dated events, one row per source\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\">\n"
    );
    for i in 0..n {
        let y = TOP + ROW * i as f64 + ROW / 2.0;
        let _ = writeln!(
            svg,
            "<text x=\"4\" y=\"{:.1}\" dominant-baseline=\"middle\" font-weight=\"bold\">{}</text><line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#e3e3e3\"/>",
            y,
            label(i),
            WIDTH - RIGHT
        );
    }
    let axis_y = TOP + ROW * n as f64 + 4.0;
    let _ = writeln!(
        svg,
        "<line x1=\"{LEFT}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke=\"#888\"/>",
        WIDTH - RIGHT
    );
    if scale.cut.is_some() {
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#666\">earlier ({}–)</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#888\">//</text>",
            LEFT + EARLIER / 2.0,
            axis_y + 18.0,
            first.year(),
            LEFT + EARLIER + 10.0,
            axis_y + 4.0
        );
    }
    for (d, text) in ticks(scale.start(), last) {
        let tx = scale.x(d);
        let _ = writeln!(
            svg,
            "<line x1=\"{tx:.1}\" y1=\"{axis_y:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"#888\"/><text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            axis_y + 5.0,
            axis_y + 18.0,
            esc(&text)
        );
    }
    for row in &rows {
        event_marks(row, &|d| scale.x(d), &mut svg);
    }
    svg.push_str("</svg>\n");
    svg
}

/// One event's marks: in each source's row, a dot for a day, a bar for a span.
fn event_marks(row: &Row<'_>, x: &dyn Fn(NaiveDate) -> f64, svg: &mut String) {
    let colour = match row.verdict {
        Some(v) if is_conflict(v) => "#c0392b",
        Some(Verdict::Update) => "#d68910",
        Some(_) => "#2e6da4",
        None => "#9a9a9a",
    };
    let disputed = row.verdict.is_some_and(is_conflict);
    for (i, views) in row.cells.iter().enumerate() {
        let y = TOP + ROW * i as f64 + ROW / 2.0;
        for v in views {
            let crate::model::Value::Time(t) = &v.claim.value else {
                continue;
            };
            let Some(from) = t.earliest else { continue };
            let to = t.latest.unwrap_or(from);
            let title = format!(
                "{}{}: {} ({}:{})",
                if disputed { "DISPUTED " } else { "" },
                one_line(&row.label),
                one_line(&v.claim.display),
                v.path(),
                v.line()
            );
            let (x0, x1) = (x(from), x(to));
            if x1 - x0 < 4.0 {
                let _ = writeln!(
                    svg,
                    "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"{}\" fill=\"{colour}\"{}><title>{}</title></circle>",
                    (x0 + x1) / 2.0,
                    if disputed { 6 } else { 4 },
                    if disputed {
                        " stroke=\"#000\" stroke-width=\"1\""
                    } else {
                        ""
                    },
                    esc(&title)
                );
            } else {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"8\" rx=\"3\" fill=\"{colour}\" fill-opacity=\"0.7\"><title>{}</title></rect>",
                    y - 4.0,
                    x1 - x0,
                    esc(&title)
                );
            }
        }
    }
}

/// Axis ticks: days, months or years, whichever gives at most about ten.
fn ticks(first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, String)> {
    let days = (last - first).num_days();
    let mut out = Vec::new();
    if days <= 70 {
        let step = (days / 7).max(1);
        let mut d = first;
        while d <= last {
            out.push((d, d.format("%d %b").to_string()));
            d += chrono::Duration::days(step);
        }
    } else if days <= 3 * 366 {
        let months = (days / 30).max(1);
        let step = ((months + 9) / 10).max(1) as u32;
        let mut next = NaiveDate::from_ymd_opt(first.year(), first.month(), 1);
        while let Some(d) = next.filter(|d| *d <= last) {
            if d >= first {
                out.push((d, d.format("%b %Y").to_string()));
            }
            next = d.checked_add_months(chrono::Months::new(step));
        }
    } else {
        let years = last.year() - first.year();
        let step = ((years + 9) / 10).max(1);
        let mut y = first.year() + 1;
        while y <= last.year() {
            if let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
                out.push((d, y.to_string()));
            }
            y += step;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<b>\"a\" & 'b'</b>"),
            "&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn ticks_suit_the_span() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        let short = ticks(d(2014, 2, 1), d(2014, 2, 28));
        assert!(short.len() >= 3 && short.len() <= 12, "{short:?}");
        let months = ticks(d(2014, 1, 15), d(2014, 12, 1));
        assert!(
            months.iter().all(|(_, t)| t.ends_with("2014")),
            "{months:?}"
        );
        let years = ticks(d(1950, 1, 1), d(2018, 1, 13));
        assert!(years.len() <= 11, "{years:?}");
        assert!(years.iter().all(|(x, _)| x.month() == 1 && x.day() == 1));
    }
}
