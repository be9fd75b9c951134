//! Timex: find time expressions and anchor them to the publication date.
//!
//! Recognition ([`recognize`]) finds expressions and parses what they say; normalization
//! ([`normalize`]) anchors them to the document creation time and gives each a TimeML
//! TIMEX3 reading (type, value, mod) plus the calendar interval the comparison stage
//! needs. [`dct`] finds the publication date in the text when ingest found none, and
//! infers it from related articles as a last resort.
//!
//! Invariant: every [`Timex`] span lies inside its sentence's span, on char boundaries,
//! and `article.text[span] == timex.text`.

pub mod dct;
pub mod eval;
pub mod normalize;
pub mod recognize;

use crate::model::{Article, Sentence, Span, Timex};
use chrono::NaiveDate;
use normalize::Anchor;

/// Tag every time expression of an article's sentences, anchored to `dct`.
pub fn tag(article: &Article, sentences: &[Sentence], dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut anchor = Anchor {
        dct,
        reference: None,
    };
    let mut out = Vec::new();
    for s in sentences {
        let mentions = recognize::recognize(&s.text);
        if is_dateline_of(article, s, &mentions) {
            continue;
        }
        for n in normalize::normalize(&s.text, &mentions, &mut anchor) {
            let span = Span::new(n.start, n.end).shift(s.span.start);
            out.push(Timex {
                span,
                text: s.text[n.start..n.end].to_string(),
                ttype: n.ttype,
                value: n.value,
                modifier: n.modifier,
                reading: n.reading,
            });
        }
    }
    out
}

/// True for the sentence that states the publication date itself ("Published: …", a
/// dateline "March 01, 2008" under the headline): the document creation time is not
/// one of the text's time expressions.
fn is_dateline_of(article: &Article, s: &Sentence, mentions: &[recognize::Mention]) -> bool {
    article.published.as_ref().is_some_and(|p| {
        // Few sentences are date lines: the text searches for the evidence are left
        // for those.
        let (date_line, first_date) = dct::date_line_of(&s.text, mentions);
        let stated = || {
            p.from == crate::model::DateSource::Text
                && !p.evidence.is_empty()
                && (s.text.contains(&p.evidence) || p.evidence.contains(&s.text))
        };
        date_line && (first_date == Some(p.date) || stated())
    })
}
