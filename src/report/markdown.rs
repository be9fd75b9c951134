//! Markdown report for `factdiff compare --format markdown`: what an editor pastes
//! into a ticket, a wiki or a chat.
//!
//! ```text
//! # factdiff report
//! <summary line>
//! ## Sources          a table: label, article (linked), published, story
//! ## Findings         a table: number, fact, verdict, sources (label:line)
//! ## 1. contradict: date · talks
//!                     the explanation, then per claim a linked `path:line`, the value,
//!                     who states it, and the sentence quoted with the claim in bold
//! ```
//!
//! Only contradictions and inconsistencies get a section of their own; agreements and
//! updates stay in the table. Links are relative paths with a `#L<line>` anchor, which
//! code hosts and most viewers follow.
//!
//! Invariants: every piece of article text is escaped, so a `|`, `*` or `<` in a
//! sentence never breaks the table or the emphasis; deterministic like every renderer.

use super::{ClaimView, Summary, is_conflict, label, one_line, published_label, shown_findings};
use crate::model::{Analysis, Finding};
use std::io::{self, Write};

/// Render the Markdown report.
pub fn render(analysis: &Analysis, only_conflicts: bool, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# factdiff report\n")?;
    writeln!(out, "{}\n", Summary::of(analysis, only_conflicts).line())?;
    write_sources(analysis, out)?;
    let shown: Vec<&Finding> = shown_findings(analysis, only_conflicts).collect();
    if shown.is_empty() {
        return writeln!(out, "No findings.");
    }
    writeln!(out, "## Findings\n")?;
    writeln!(out, "| # | Fact | Verdict | Sources |")?;
    writeln!(out, "| ---: | --- | --- | --- |")?;
    for (n, f) in shown.iter().enumerate() {
        let sources: Vec<String> = f
            .claims
            .iter()
            .map(|&r| {
                let v = ClaimView::new(analysis, r);
                format!("{}:{}", label(r.article), v.line())
            })
            .collect();
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            n + 1,
            escape(&fact(f)),
            verdict_cell(f),
            sources.join(", ")
        )?;
    }
    for (n, f) in shown.iter().enumerate() {
        if is_conflict(f.verdict) {
            write_section(analysis, n + 1, f, out)?;
        }
    }
    Ok(())
}

fn write_sources(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Sources\n")?;
    writeln!(out, "| | Article | Published | Story |")?;
    writeln!(out, "| --- | --- | --- | ---: |")?;
    for (i, a) in analysis.articles.iter().enumerate() {
        let path = &a.article.path;
        let name = a
            .article
            .title
            .as_deref()
            .map_or_else(|| one_line(path), one_line);
        writeln!(
            out,
            "| {} | [{}]({}) | {} | {} |",
            label(i),
            escape(&name),
            link_target(path),
            escape(&published_label(a)),
            a.story
        )?;
    }
    writeln!(out)
}

fn write_section(
    analysis: &Analysis,
    n: usize,
    f: &Finding,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "\n## {n}. {}: {}\n",
        f.verdict.as_str(),
        escape(&fact(f))
    )?;
    writeln!(out, "{}\n", escape(&one_line(&f.explanation)))?;
    for &r in &f.claims {
        let v = ClaimView::new(analysis, r);
        let who = v
            .attribution()
            .map(|a| format!(", per {}", escape(&a)))
            .unwrap_or_default();
        writeln!(
            out,
            "- **{}** [{}:{}]({}#L{}): `{}`{who}",
            label(r.article),
            escape(&one_line(v.path())),
            v.line(),
            link_target(v.path()),
            v.line(),
            one_line(&v.claim.display).replace('`', "'"),
        )?;
        writeln!(out, "  > {}", quoted(&v))?;
    }
    Ok(())
}

/// "date · talks": the kind and the topic, as the text report heads a finding.
fn fact(f: &Finding) -> String {
    format!("{} · {}", f.kind.as_str(), one_line(&f.topic))
}

fn verdict_cell(f: &Finding) -> String {
    match is_conflict(f.verdict) {
        true => format!("**{}**", f.verdict.as_str()),
        false => f.verdict.as_str().to_string(),
    }
}

/// The sentence with the claim's words in bold, escaped.
fn quoted(v: &ClaimView<'_>) -> String {
    match v.split_sentence() {
        Some((before, claim, after)) => format!(
            "{}**{}**{}",
            escape(&one_line_keep_edges(before)),
            escape(&one_line(claim)),
            escape(&one_line_keep_edges(after))
        ),
        None => escape(&one_line(v.sentence_text())),
    }
}

/// Like [`one_line`], but a space at either edge stays, so that the bold claim keeps
/// its distance from the words around it.
fn one_line_keep_edges(text: &str) -> String {
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{lead}{}{trail}", one_line(text))
}

/// Article text made inert in Markdown: every punctuation character that could open
/// emphasis, a link, code, HTML, a table cell or a heading is backslash-escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '{' | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A path as a link target: spaces and parentheses percent-encoded so the link holds.
fn link_target(path: &str) -> String {
    path.replace('%', "%25")
        .replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_cannot_break_the_markup() {
        assert_eq!(escape("a|b *c* [d](e) <f>"), r"a\|b \*c\* \[d\](e) \<f\>");
        assert_eq!(link_target("my dir/a (1).txt"), "my%20dir/a%20%281%29.txt");
    }

    #[test]
    fn edges_keep_one_space() {
        assert_eq!(one_line_keep_edges(" held on "), " held on ");
        assert_eq!(one_line_keep_edges("Talks\n  held"), "Talks held");
        assert_eq!(one_line_keep_edges("  "), " ");
    }
}
