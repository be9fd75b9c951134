//! schema.org `ClaimReview` JSON-LD for `factdiff compare --format claimreview`: the
//! markup fact-checkers publish with a verdict, which search engines and the Fact
//! Check Explorer read.
//!
//! One JSON array with one `ClaimReview` per contradiction or inconsistency:
//!
//! * `url` (required by Google): the page that will host the fact check, from
//!   `--review-url`, with `#finding-N` so that each review has its own address;
//! * `claimReviewed` (required): the first source's claim, "topic: value", cut to 75
//!   characters as Google advises;
//! * `reviewRating` (required) with `alternateName` (required): "Contradicted by
//!   other sources", or "Contradicted within the same article" for an inconsistency;
//!   `ratingExplanation` gives the engine's explanation;
//! * `itemReviewed`: a `Claim` whose `appearance` lists every article stating one of
//!   the values (its URL when the article gives one, its path as `name`, its
//!   headline and publication date), with `datePublished` the earliest of their dates;
//! * `author` when `--review-author` names the organization.
//!
//! There is no `datePublished` for the review itself: the engine reads no clock.

use super::{ClaimView, shown_findings};
use crate::model::{Analysis, Finding, Verdict};
use serde::Serialize;
use std::io::{self, Write};

/// Who publishes the reviews, and where.
#[derive(Clone, Debug, Default)]
pub struct ReviewOptions {
    /// The page hosting the fact check (required by Google).
    pub url: String,
    /// The fact-checking organization, when given.
    pub author: Option<String>,
}

#[derive(Serialize)]
struct ClaimReview {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    url: String,
    #[serde(rename = "claimReviewed")]
    claim_reviewed: String,
    #[serde(rename = "reviewRating")]
    review_rating: Rating,
    #[serde(rename = "itemReviewed")]
    item_reviewed: Claim,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Organization>,
}

#[derive(Serialize)]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "alternateName")]
    alternate_name: &'static str,
    #[serde(rename = "ratingExplanation")]
    rating_explanation: String,
}

#[derive(Serialize)]
struct Claim {
    #[serde(rename = "@type")]
    kind: &'static str,
    appearance: Vec<Appearance>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
}

#[derive(Serialize)]
struct Appearance {
    #[serde(rename = "@type")]
    kind: &'static str,
    /// The article's URL, when it gives one (front matter, crawler metadata).
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    /// The article's path as given, so a reader can always find it.
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<String>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
}

#[derive(Serialize)]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

/// Longest `claimReviewed`, in characters, before it is cut (Google's advice).
const CLAIM_CHARS: usize = 75;

/// Render the reviews as one JSON array with a trailing newline.
pub fn render(analysis: &Analysis, opts: &ReviewOptions, out: &mut dyn Write) -> io::Result<()> {
    let reviews: Vec<ClaimReview> = shown_findings(analysis, true)
        .enumerate()
        .filter_map(|(n, f)| review(analysis, opts, n + 1, f))
        .collect();
    serde_json::to_writer_pretty(&mut *out, &reviews)?;
    writeln!(out)
}

fn review(analysis: &Analysis, opts: &ReviewOptions, n: usize, f: &Finding) -> Option<ClaimReview> {
    let rating = match f.verdict {
        Verdict::Contradict => "Contradicted by other sources",
        Verdict::Inconsistent => "Contradicted within the same article",
        Verdict::Update | Verdict::Agree => return None,
    };
    let views: Vec<ClaimView<'_>> = f
        .claims
        .iter()
        .map(|&r| ClaimView::new(analysis, r))
        .collect();
    let first = views.first()?;
    let mut appearance: Vec<Appearance> = Vec::new();
    for v in &views {
        let a = &v.article.article;
        if appearance.iter().any(|x| x.name == a.path) {
            continue;
        }
        appearance.push(Appearance {
            kind: "CreativeWork",
            url: a.url.clone(),
            name: a.path.clone(),
            headline: a.title.as_deref().map(super::one_line),
            date_published: a.published.as_ref().map(|p| p.date.to_string()),
        });
    }
    let earliest = views
        .iter()
        .filter_map(|v| v.article.article.published.as_ref().map(|p| p.date))
        .min();
    Some(ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        url: format!("{}#finding-{n}", opts.url),
        claim_reviewed: cut(
            &format!(
                "{}: {}",
                super::one_line(&f.topic),
                super::one_line(first.mention_text())
            ),
            CLAIM_CHARS,
        ),
        review_rating: Rating {
            kind: "Rating",
            alternate_name: rating,
            rating_explanation: super::one_line(&f.explanation),
        },
        item_reviewed: Claim {
            kind: "Claim",
            appearance,
            date_published: earliest.map(|d| d.to_string()),
        },
        author: opts.author.as_ref().map(|name| Organization {
            kind: "Organization",
            name: name.clone(),
        }),
    })
}

/// `text` cut to at most `max` characters, at a word boundary, with `…`.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max - 1).collect();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_claims_are_cut_at_a_word() {
        assert_eq!(cut("talks: 20 February", 75), "talks: 20 February");
        let long = "word ".repeat(30);
        let c = cut(&long, 20);
        assert!(c.chars().count() <= 20, "{c}");
        assert!(c.ends_with("word…"), "{c}");
        assert_eq!(cut(&"x".repeat(30), 10).chars().count(), 10);
    }
}
