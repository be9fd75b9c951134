//! Text report: a diff-style listing for fact-checkers.
//!
//! Layout, top to bottom:
//!
//! ```text
//! a  corpus/wire-parades.txt    published 2014-02-13 (text)
//! b  corpus/daily-parades.txt   publication date unknown
//!
//! contradict  date · harvest parades begin
//!   a  corpus/wire-parades.txt:22    They are due to open on [9 March], three …
//!   b  corpus/daily-parades.txt:39   … for six days from [10 March].
//!      a = 2014-03-09   b = 2014-03-10
//!      2014-03-09 ≠ 2014-03-10
//!
//! 2 articles, 9 claims, 1 finding: 1 contradiction, 0 inconsistencies, 0 agreements
//! ```
//!
//! A legend gives each article a label (and with `verbose` where its date came from,
//! what clean dropped, and how many sentences and claims it has); then one block per
//! finding in the analysis' order; then one summary line.
//!
//! Invariants:
//! * Meaning never rests on colour alone. Without colour the mention is wrapped in
//!   `[` `]`; with colour it is bold and underlined, the words that differ from the
//!   group's first mention are red (first source) or green (the others), and the
//!   verdict word is red, yellow or green — but the verdict word, the brackets-or-bold
//!   mention and the values line say the same in plain text.
//! * Every line but the summary fits in the width (never less than [`MIN_WIDTH`])
//!   counted in display columns: sentences are trimmed around the mention with `…`,
//!   everything else is wrapped with a hanging indent, and a word longer than a line is
//!   broken. The summary is always one line, the last, so scripts can rely on it.
//! * Article text is passed through [`one_line`]: no control character from an
//!   article reaches the terminal, and no line ends with a space.

use super::{ClaimView, Summary, count, label, one_line, published_label, shown_findings};
use crate::model::{Analysis, Analyzed, Finding, Verdict};
use anstyle::{AnsiColor, Effects, Style};
use similar::{Algorithm, ChangeTag};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Narrowest width the layout honours; a smaller `width` is treated as this.
pub const MIN_WIDTH: usize = 20;

/// Below this many columns beside `path:line`, a sentence goes on a line of its own.
const MIN_EXCERPT: usize = 24;

/// Options for the terminal report.
#[derive(Clone, Debug)]
pub struct TextOptions {
    /// Emit ANSI colour and bold.
    pub color: bool,
    /// Hide agreements.
    pub only_conflicts: bool,
    /// Also list what clean dropped and where publication dates came from.
    pub verbose: bool,
    /// Wrap width in columns.
    pub width: usize,
}

/// Render the diff-style report.
pub fn render(analysis: &Analysis, opts: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let mut p = Printer {
        out,
        color: opts.color,
        width: opts.width.max(MIN_WIDTH),
    };
    write_legend(&mut p, analysis, opts.verbose)?;
    for finding in shown_findings(analysis, opts.only_conflicts) {
        p.blank()?;
        write_finding(&mut p, analysis, finding)?;
    }
    p.blank()?;
    write_summary(&mut p, analysis, opts.only_conflicts)
}

// ---------------------------------------------------------------------------------
// Styled pieces and a wrapping printer.

/// A run of text in one style; the style is dropped when colour is off.
#[derive(Clone, Debug, PartialEq)]
struct Piece {
    text: String,
    style: Style,
}

fn plain(text: impl Into<String>) -> Piece {
    styled(text, Style::new())
}

fn styled(text: impl Into<String>, style: Style) -> Piece {
    Piece {
        text: text.into(),
        style,
    }
}

fn width_of(pieces: &[Piece]) -> usize {
    pieces.iter().map(|p| p.text.width()).sum()
}

fn bold() -> Style {
    Style::new().effects(Effects::BOLD)
}

fn mention_style() -> Style {
    Style::new().effects(Effects::BOLD | Effects::UNDERLINE)
}

fn verdict_style(v: Verdict) -> Style {
    let color = match v {
        Verdict::Contradict => AnsiColor::Red,
        Verdict::Inconsistent => AnsiColor::Yellow,
        Verdict::Update => AnsiColor::Cyan,
        Verdict::Agree => AnsiColor::Green,
    };
    bold().fg_color(Some(color.into()))
}

struct Printer<'w> {
    out: &'w mut dyn Write,
    color: bool,
    width: usize,
}

impl Printer<'_> {
    fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    /// Write `prefix`, then `body` wrapped to the width; continuation lines are
    /// indented by `hang` columns.
    fn para(&mut self, prefix: &[Piece], body: &[Piece], hang: usize) -> io::Result<()> {
        let lines = wrap(body, width_of(prefix), hang, self.width);
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                self.prefix(prefix, line.is_empty())?;
            } else {
                write!(self.out, "{:hang$}", "")?;
            }
            self.pieces(line)?;
            writeln!(self.out)?;
        }
        Ok(())
    }

    fn prefix(&mut self, prefix: &[Piece], alone: bool) -> io::Result<()> {
        let Some((last, rest)) = prefix.split_last() else {
            return Ok(());
        };
        self.pieces(rest)?;
        if alone {
            self.pieces(&[styled(last.text.trim_end(), last.style)])
        } else {
            self.pieces(std::slice::from_ref(last))
        }
    }

    fn pieces(&mut self, pieces: &[Piece]) -> io::Result<()> {
        for p in pieces {
            let text = p.text.replace(GLUE, " ");
            if self.color && p.style != Style::new() {
                let (on, off) = (p.style.render(), p.style.render_reset());
                write!(self.out, "{on}{text}{off}")?;
            } else {
                self.out.write_all(text.as_bytes())?;
            }
        }
        Ok(())
    }
}

/// A space that wrapping never breaks at (it keeps `b = 2014-02-21` on one line); it is
/// written as a plain space. Article text never holds one: [`one_line`] turns every
/// Unicode space, U+00A0 included, into U+0020.
const GLUE: char = '\u{a0}';

/// `text` with its spaces made unbreakable.
fn glued(text: &str) -> String {
    text.replace(' ', &GLUE.to_string())
}

/// What wrapping works on: words (possibly spanning styles) and runs of spaces.
enum Atom {
    Word(Vec<Piece>),
    Space(usize, Style),
}

fn atoms(body: &[Piece]) -> Vec<Atom> {
    let mut atoms: Vec<Atom> = Vec::new();
    for p in body {
        for c in p.text.chars() {
            match (c == ' ', atoms.last_mut()) {
                (true, Some(Atom::Space(n, _))) => *n += 1,
                (true, _) => atoms.push(Atom::Space(1, p.style)),
                (false, Some(Atom::Word(w))) => push_char(w, c, p.style),
                (false, _) => atoms.push(Atom::Word(vec![styled(c.to_string(), p.style)])),
            }
        }
    }
    atoms
}

/// Append to a line, merging with the last piece when the style is the same.
fn push_piece(line: &mut Vec<Piece>, piece: Piece) {
    match line.last_mut() {
        Some(last) if last.style == piece.style => last.text.push_str(&piece.text),
        _ => line.push(piece),
    }
}

fn push_char(line: &mut Vec<Piece>, c: char, style: Style) {
    match line.last_mut() {
        Some(last) if last.style == style => last.text.push(c),
        _ => line.push(styled(c.to_string(), style)),
    }
}

/// Greedy word wrap by display width. The first line starts at column `first`,
/// the others at `hang`; spaces at a break are dropped; a word wider than a whole
/// line is broken between characters.
fn wrap(body: &[Piece], first: usize, hang: usize, width: usize) -> Vec<Vec<Piece>> {
    let mut w = Wrapper {
        lines: vec![Vec::new()],
        col: first,
        hang,
        width,
        pending: None,
    };
    for atom in atoms(body) {
        match atom {
            Atom::Space(n, style) => w.space(n, style),
            Atom::Word(pieces) => w.word(pieces),
        }
    }
    w.lines
}

struct Wrapper {
    lines: Vec<Vec<Piece>>,
    col: usize,
    hang: usize,
    width: usize,
    pending: Option<(usize, Style)>,
}

impl Wrapper {
    fn line_empty(&self) -> bool {
        self.lines.last().is_none_or(Vec::is_empty)
    }

    fn space(&mut self, n: usize, style: Style) {
        if !self.line_empty() {
            self.pending = Some((self.pending.map_or(0, |p| p.0) + n, style));
        }
    }

    fn newline(&mut self) {
        self.lines.push(Vec::new());
        self.col = self.hang;
        self.pending = None;
    }

    fn word(&mut self, pieces: Vec<Piece>) {
        let w = width_of(&pieces);
        let gap = self.pending.map_or(0, |p| p.0);
        let fits_here = self.col + gap + w <= self.width;
        let fits_fresh = self.hang + w <= self.width;
        if !fits_here && (!self.line_empty() || (fits_fresh && self.col > self.hang)) {
            self.newline();
        }
        let line = self.lines.last_mut().expect("at least one line");
        if let Some((n, style)) = self.pending.take() {
            push_piece(line, styled(" ".repeat(n), style));
            self.col += n;
        }
        if self.col + w <= self.width {
            pieces.into_iter().for_each(|p| push_piece(line, p));
            self.col += w;
        } else {
            self.break_word(pieces);
        }
    }

    fn break_word(&mut self, pieces: Vec<Piece>) {
        for p in pieces {
            for c in p.text.chars() {
                let cw = c.width().unwrap_or(0);
                if self.col + cw > self.width && !self.line_empty() {
                    self.newline();
                }
                let line = self.lines.last_mut().expect("at least one line");
                push_char(line, c, p.style);
                self.col += cw;
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Legend and summary.

fn write_legend(p: &mut Printer<'_>, analysis: &Analysis, verbose: bool) -> io::Result<()> {
    let lw = label_width(analysis);
    let path_w = analysis
        .articles
        .iter()
        .map(|a| one_line(&a.article.path).width())
        .max()
        .unwrap_or(0)
        .min(p.width / 2);
    for (i, a) in analysis.articles.iter().enumerate() {
        let path = one_line(&a.article.path);
        let pad = path_w.saturating_sub(path.width());
        let prefix = [styled(format!("{:<lw$}", label(i)), bold()), plain("  ")];
        let body = [
            plain(format!("{path}{:pad$}  ", "")),
            plain(glued(&published_label(a))),
        ];
        p.para(&prefix, &body, lw + 2)?;
        if verbose {
            write_article_details(p, a, lw + 2)?;
        }
    }
    write_stories(p, analysis)
}

/// Which articles make each story, when there are several: their claims are never
/// compared, and the reader must see why (`stories  0: a b  ·  1: c`).
fn write_stories(p: &mut Printer<'_>, analysis: &Analysis) -> io::Result<()> {
    if analysis.articles.iter().all(|a| a.story == 0) {
        return Ok(());
    }
    let mut by_story: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (i, a) in analysis.articles.iter().enumerate() {
        by_story.entry(a.story).or_default().push(label(i));
    }
    let groups: Vec<String> = by_story
        .iter()
        .map(|(k, labels)| format!("{k}: {}", labels.join(" ")))
        .collect();
    let prefix = [styled("stories".to_string(), bold()), plain("  ")];
    p.para(&prefix, &[plain(groups.join("  ·  "))], 9)
}

fn write_article_details(p: &mut Printer<'_>, a: &Analyzed, indent: usize) -> io::Result<()> {
    let prefix = [plain(" ".repeat(indent))];
    let hang = indent + 2;
    if let Some(title) = &a.article.title {
        p.para(
            &prefix,
            &[plain(format!("title: {}", one_line(title)))],
            hang,
        )?;
    }
    if let Some(pubd) = &a.article.published {
        let line = format!("date evidence: {}", one_line(&pubd.evidence));
        p.para(&prefix, &[plain(line)], hang)?;
    }
    let counts = a.cleaned.drop_counts();
    let dropped = if counts.is_empty() {
        "nothing".to_string()
    } else {
        let parts: Vec<String> = counts
            .iter()
            .map(|(why, n)| format!("{n} {}", why.as_str()))
            .collect();
        parts.join(", ")
    };
    p.para(&prefix, &[plain(format!("dropped: {dropped}"))], hang)?;
    let sizes = format!(
        "{}, {}",
        count(a.sentence_count(), "sentence", "sentences"),
        count(a.claim_count(), "claim", "claims")
    );
    p.para(&prefix, &[plain(sizes)], hang)
}

fn label_width(analysis: &Analysis) -> usize {
    label(analysis.articles.len().saturating_sub(1)).len()
}

/// One line, never wrapped, so that scripts can rely on the last line.
fn write_summary(p: &mut Printer<'_>, analysis: &Analysis, only_conflicts: bool) -> io::Result<()> {
    writeln!(p.out, "{}", Summary::of(analysis, only_conflicts).line())
}

// ---------------------------------------------------------------------------------
// One finding.

fn write_finding(p: &mut Printer<'_>, analysis: &Analysis, f: &Finding) -> io::Result<()> {
    write_header(p, f)?;
    let views: Vec<ClaimView<'_>> = f
        .claims
        .iter()
        .map(|&r| ClaimView::new(analysis, r))
        .collect();
    let marks = differing_words(&views);
    let lw = label_width(analysis);
    let locs: Vec<String> = views.iter().map(location).collect();
    let loc_w = locs.iter().map(|l| l.width()).max().unwrap_or(0);
    for ((v, loc), marks) in views.iter().zip(&locs).zip(&marks) {
        let row = Row {
            label: format!("{:<lw$}", label(v.at.article)),
            loc: format!("{loc}{:pad$}", "", pad = loc_w - loc.width()),
            mention: mention_pieces(v, marks, v.at == views[0].at, p.color),
        };
        write_claim(p, v, row)?;
    }
    let indent = 2 + lw + 2;
    write_values(p, &views, indent)?;
    let explanation = one_line(&f.explanation);
    if !explanation.is_empty() {
        p.para(&[plain(" ".repeat(indent))], &[plain(explanation)], indent)?;
    }
    Ok(())
}

fn write_header(p: &mut Printer<'_>, f: &Finding) -> io::Result<()> {
    let mut body = vec![styled(f.kind.as_str(), bold())];
    let topic = one_line(&f.topic);
    if !topic.is_empty() {
        body.push(plain(" · "));
        body.push(styled(topic, bold()));
    }
    let prefix = [
        styled(f.verdict.as_str(), verdict_style(f.verdict)),
        plain("  "),
    ];
    p.para(&prefix, &body, 2)
}

fn location(v: &ClaimView<'_>) -> String {
    format!("{}:{}", one_line(v.path()), v.line())
}

/// The parts of one claim line.
struct Row {
    label: String,
    loc: String,
    mention: Vec<Piece>,
}

fn write_claim(p: &mut Printer<'_>, v: &ClaimView<'_>, row: Row) -> io::Result<()> {
    let head = [plain("  "), styled(row.label, bold()), plain("  ")];
    let head_w = width_of(&head);
    let column = head_w + row.loc.width() + 3;
    let (before, after) = context(v);
    if p.width.saturating_sub(column) >= MIN_EXCERPT {
        let excerpt = fit(&before, row.mention, &after, p.width - column);
        let prefix = [&head[..], &[plain(format!("{}   ", row.loc))]].concat();
        return p.para(&prefix, &excerpt, column);
    }
    p.para(&head, &[plain(row.loc.trim_end())], head_w)?;
    let excerpt = fit(&before, row.mention, &after, p.width - head_w);
    p.para(&[plain(" ".repeat(head_w))], &excerpt, head_w)
}

/// The sentence's words before and after the mention, made one-line.
fn context(v: &ClaimView<'_>) -> (String, String) {
    let text = v.sentence_text();
    let Some(r) = v.mention.clone() else {
        return (String::new(), format!(" ({})", one_line(text)));
    };
    let before = text.get(..r.start).unwrap_or_default();
    let after = text.get(r.end..).unwrap_or_default();
    (with_edges(before, false), with_edges(after, true))
}

/// [`one_line`], keeping one space at the edge that touches the mention.
fn with_edges(text: &str, leading: bool) -> String {
    let core = one_line(text);
    if core.is_empty() {
        return core;
    }
    match leading {
        true if text.starts_with(char::is_whitespace) => format!(" {core}"),
        false if text.ends_with(char::is_whitespace) => format!("{core} "),
        true | false => core,
    }
}

/// The mention as styled pieces: bold and underlined, differing words coloured
/// (red in the first claim of the group, green in the others).
fn mention_pieces(
    v: &ClaimView<'_>,
    marks: &[Range<usize>],
    first: bool,
    color: bool,
) -> Vec<Piece> {
    let text = v.mention_text();
    let changed = mention_style().fg_color(Some(
        if first {
            AnsiColor::Red
        } else {
            AnsiColor::Green
        }
        .into(),
    ));
    let mut pieces = Vec::new();
    let mut at = 0;
    for r in marks {
        if let (Some(same), Some(diff)) = (text.get(at..r.start), text.get(r.clone())) {
            pieces.push(styled(same, mention_style()));
            pieces.push(styled(diff, changed));
            at = r.end;
        }
    }
    pieces.push(styled(text.get(at..).unwrap_or_default(), mention_style()));
    let mut out: Vec<Piece> = Vec::new();
    let mut space = false;
    for p in pieces {
        let t = one_line_inner(&p.text, &mut space, out.is_empty());
        if !t.is_empty() {
            push_piece(&mut out, styled(t, p.style));
        }
    }
    if !color {
        out.insert(0, plain("["));
        out.push(plain("]"));
    }
    out
}

/// [`one_line`] over consecutive parts of one text: `space` carries a pending space
/// from one part to the next so a whitespace run split between parts stays one space.
fn one_line_inner(text: &str, space: &mut bool, at_start: bool) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_whitespace() {
            *space = true;
        } else if !c.is_control() {
            if *space && !(at_start && out.is_empty()) {
                out.push(' ');
            }
            *space = false;
            out.push(c);
        }
    }
    out
}

/// For each claim, the byte ranges of its mention that differ from the first claim's
/// mention: for the first claim, what any other claim's mention lacks.
fn differing_words(views: &[ClaimView<'_>]) -> Vec<Vec<Range<usize>>> {
    let Some(first) = views.first().map(ClaimView::mention_text) else {
        return Vec::new();
    };
    let mut first_marks = Vec::new();
    let mut marks = vec![Vec::new()];
    for v in &views[1..] {
        let (deleted, inserted) = word_changes(first, v.mention_text());
        first_marks.extend(deleted);
        marks.push(inserted);
    }
    marks[0] = merge(first_marks);
    marks
}

/// Word diff of two mentions: (ranges of `a` deleted, ranges of `b` inserted).
fn word_changes(a: &str, b: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (mut deleted, mut inserted) = (Vec::new(), Vec::new());
    let (mut ia, mut ib) = (0, 0);
    for (tag, s) in similar::utils::diff_words(Algorithm::Myers, a, b) {
        match tag {
            ChangeTag::Equal => {
                ia += s.len();
                ib += s.len();
            }
            ChangeTag::Delete => {
                deleted.extend(words_only(a, ia..ia + s.len()));
                ia += s.len();
            }
            ChangeTag::Insert => {
                inserted.extend(words_only(b, ib..ib + s.len()));
                ib += s.len();
            }
        }
    }
    (deleted, inserted)
}

/// The range without the whitespace at its ends, or `None` when nothing is left.
fn words_only(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let part = text.get(r.clone())?;
    let start = r.start + (part.len() - part.trim_start().len());
    let end = r.end - (part.len() - part.trim_end().len());
    (start < end).then_some(start..end)
}

/// Sorted, non-overlapping union of ranges.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// The sentence around the mention trimmed to `avail` columns, with `…` where words
/// were left out; the mention itself is never trimmed (it wraps if it must).
fn fit(before: &str, mention: Vec<Piece>, after: &str, avail: usize) -> Vec<Piece> {
    let (bw, mw, aw) = (before.width(), width_of(&mention), after.width());
    let (before, after) = if bw + mw + aw <= avail {
        (before.to_string(), after.to_string())
    } else {
        let budget = avail.saturating_sub(mw);
        let half = budget / 2;
        let (b_budget, a_budget) = if bw <= half {
            (bw, budget - bw)
        } else if aw <= budget - half {
            (budget - aw, aw)
        } else {
            (half, budget - half)
        };
        (trim_left(before, b_budget), trim_right(after, a_budget))
    };
    let mut pieces = vec![plain(before)];
    pieces.extend(mention);
    pieces.push(plain(after));
    pieces.retain(|p| !p.text.is_empty());
    pieces
}

/// Keep the end of `text` within `budget` columns, starting at a word, after "… ".
fn trim_left(text: &str, budget: usize) -> String {
    if text.width() <= budget {
        return text.to_string();
    }
    let target = budget.saturating_sub(2);
    let mut w = text.width();
    let mut start = text.len();
    for (i, c) in text.char_indices() {
        if w <= target {
            start = i;
            break;
        }
        w -= c.width().unwrap_or(0);
    }
    let mid_word = text[..start].ends_with(|c| c != ' ') && text[start..].starts_with(|c| c != ' ');
    if mid_word {
        start = text[start..].find(' ').map_or(text.len(), |i| start + i);
    }
    let tail = text[start..].trim_start();
    let trimmed = match (tail.is_empty(), text.ends_with(' ')) {
        (false, _) => format!("… {tail}"),
        (true, true) => "… ".to_string(),
        (true, false) => "…".to_string(),
    };
    narrower(trimmed, text)
}

/// The trimmed text, unless trimming saved nothing (`.` is better than `…`).
fn narrower(trimmed: String, text: &str) -> String {
    if trimmed.width() < text.width() {
        trimmed
    } else {
        text.to_string()
    }
}

/// Keep the start of `text` within `budget` columns, ending at a word, before " …".
fn trim_right(text: &str, budget: usize) -> String {
    if text.width() <= budget {
        return text.to_string();
    }
    let target = budget.saturating_sub(2);
    let mut w = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        let cw = c.width().unwrap_or(0);
        if w + cw > target {
            break;
        }
        w += cw;
        end = i + c.len_utf8();
    }
    let mid_word = text[..end].ends_with(|c| c != ' ') && text[end..].starts_with(|c| c != ' ');
    if mid_word {
        end = text[..end].rfind(' ').unwrap_or(0);
    }
    let head = text[..end].trim_end();
    let trimmed = match (head.is_empty(), text.starts_with(' ')) {
        (false, _) => format!("{head} …"),
        (true, true) => " …".to_string(),
        (true, false) => "…".to_string(),
    };
    narrower(trimmed, text)
}

/// `a = 2014-02-20   b = 2014-02-24 (20 February + 4 days)`: each value, with how it
/// was derived when it is not read off the words alone; when one article gives
/// several claims of the finding, its entries read `a:22 = …` so each names its line.
fn write_values(p: &mut Printer<'_>, views: &[ClaimView<'_>], indent: usize) -> io::Result<()> {
    let repeated = |article: usize| views.iter().filter(|v| v.at.article == article).count() > 1;
    let mut body = Vec::new();
    for (i, v) in views.iter().enumerate() {
        if i > 0 {
            body.push(plain("   "));
        }
        let name = match repeated(v.at.article) {
            true => format!("{}:{}", label(v.at.article), v.line()),
            false => label(v.at.article),
        };
        body.push(styled(name, bold()));
        body.push(plain(glued(&format!(" = {}", one_line(&v.claim.display)))));
        if let Some(how) = &v.claim.derivation {
            body.push(plain(format!(" ({})", one_line(how))));
        }
    }
    p.para(&[plain(" ".repeat(indent))], &body, indent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    fn render_to_string(analysis: &Analysis, opts: &TextOptions) -> String {
        let mut out = Vec::new();
        render(analysis, opts, &mut out).expect("render");
        String::from_utf8(out).expect("utf-8")
    }

    fn opts(width: usize) -> TextOptions {
        TextOptions {
            color: false,
            only_conflicts: false,
            verbose: false,
            width,
        }
    }

    #[test]
    fn plain_report_reads_like_a_diff() {
        let text = render_to_string(&fixture::analysis(), &opts(110));
        let expected = "\
a  corpus/a.txt  published 2014-02-13 (text)
b  corpus/b.txt  publication date unknown

contradict  date · harvest parades begin
  a  corpus/a.txt:2   The harvest parades are set to start on [20 February], five days before the drills.
  b  corpus/b.txt:1   Reunions will run for five days from [21 February].
     a = 2014-02-20   b = 2014-02-21
     2014-02-20 ≠ 2014-02-21

inconsistent  duration · drills last
  b  corpus/b.txt:2   The joint drills will last [six weeks].
  b  corpus/b.txt:3   The drills run [from 24 February to 10 May].
     b:2 = P42D   b:3 = 2014-02-24/2014-05-10
     42 days stated, the dates span 76 days

agree  duration · drills last
  a  corpus/a.txt:3   The drills will last [six weeks].
  b  corpus/b.txt:2   The joint drills will last [six weeks].
     a = P42D   b = P42D
     P42D = P42D

2 articles, 5 claims, 3 findings: 1 contradiction, 1 inconsistency, 1 agreement; 5 of 5 claims compared, 0 unaligned
";
        assert_eq!(text, expected);
    }

    #[test]
    fn only_conflicts_hides_agreements() {
        let mut o = opts(100);
        o.only_conflicts = true;
        let text = render_to_string(&fixture::analysis(), &o);
        assert!(text.contains("contradict  date"));
        assert!(text.contains("inconsistent  duration"));
        assert!(!text.contains("agree  "));
        assert!(
            text.ends_with(
                "1 agreement (agreements hidden); 5 of 5 claims compared, 0 unaligned\n"
            )
        );
    }

    #[test]
    fn long_sentences_are_trimmed_around_the_mention() {
        let text = render_to_string(&fixture::analysis(), &opts(60));
        assert!(
            text.contains("  a  corpus/a.txt:2   … start on [20 February], five days …\n"),
            "{text}"
        );
        for line in text.lines().filter(|l| !l.starts_with("2 articles")) {
            assert!(line.width() <= 60, "too wide: {line:?}");
            assert_eq!(line, line.trim_end(), "trailing space: {line:?}");
        }
    }

    #[test]
    fn every_line_fits_even_when_narrow() {
        for width in [MIN_WIDTH, 27, 33, 41, 50] {
            let text = render_to_string(&fixture::analysis(), &opts(width));
            let summary = text.lines().last().expect("summary");
            assert!(summary.starts_with("2 articles, 5 claims, 3 findings: "));
            for line in text.lines().filter(|l| *l != summary) {
                assert!(line.width() <= width, "{width}: too wide: {line:?}");
            }
            assert!(text.contains("[20"), "{text}");
        }
    }

    #[test]
    fn colour_on_emits_ansi_and_off_emits_none() {
        let a = fixture::analysis();
        let off = render_to_string(&a, &opts(100));
        assert!(!off.contains('\u{1b}'));
        let mut o = opts(100);
        o.color = true;
        let on = render_to_string(&a, &o);
        assert!(on.contains('\u{1b}'));
        let red = Style::new().fg_color(Some(AnsiColor::Red.into()));
        assert!(on.contains(&red.render().to_string()[..4]));
        assert!(!on.contains("[20 February]"), "no brackets with colour");
    }

    #[test]
    fn verbose_lists_dates_drops_and_counts() {
        let mut o = opts(100);
        o.verbose = true;
        let text = render_to_string(&fixture::analysis(), &o);
        assert!(text.contains("   date evidence: Published: 13 February 2014\n"));
        assert!(text.contains("   dropped: 1 photo-credit, 2 comments\n"));
        assert!(text.contains("   dropped: nothing\n"));
        assert!(text.contains("   3 sentences, 2 claims\n"));
        assert!(text.contains("   title: Towns agree on harvest parades\n"));
    }

    #[test]
    fn values_line_shows_derivations() {
        let mut a = fixture::analysis();
        a.articles[1].claims[0].derivation = Some("20 February + 1 day".to_string());
        let text = render_to_string(&a, &opts(100));
        assert!(text.contains("     a = 2014-02-20   b = 2014-02-21 (20 February + 1 day)\n"));
    }

    #[test]
    fn values_are_never_split_from_their_label() {
        let text = render_to_string(&fixture::analysis(), &opts(38));
        assert!(
            text.contains("\n     a = 2014-02-20   b = 2014-02-21\n"),
            "{text}"
        );
        let text = render_to_string(&fixture::analysis(), &opts(30));
        assert!(
            text.contains("\n     a = 2014-02-20\n     b = 2014-02-21\n"),
            "{text}"
        );
        assert!(!text.contains('\u{a0}'));
    }

    #[test]
    fn word_diff_marks_only_changed_words() {
        let (d, i) = word_changes("at least 12 people", "14 people");
        assert_eq!(d, vec![0..11]);
        assert_eq!(i, vec![0..2]);
        let (d, i) = word_changes("more than 18,000 people", "more than 23,000 people");
        assert_eq!(d, vec![10..16], "no space in the marked words");
        assert_eq!(i, vec![10..16]);
    }

    #[test]
    fn trimming_keeps_whole_words() {
        assert_eq!(trim_left("one two three four ", 12), "… four ");
        assert_eq!(
            trim_right(", five days before the drills.", 14),
            ", five days …"
        );
        assert_eq!(trim_right("abcdefghij", 5), "…");
        assert_eq!(trim_right(".", 0), ".", "no gain, no ellipsis");
    }

    #[test]
    fn article_text_cannot_reach_the_terminal_raw() {
        let mut a = fixture::analysis();
        a.articles[0].sentences[1].text = a.articles[0].sentences[1]
            .text
            .replace("family", "fam\u{1b}[2Jily");
        let text = render_to_string(&a, &opts(100));
        assert!(!text.contains('\u{1b}'));
    }
}
