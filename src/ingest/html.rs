//! Saved web pages: the article's own text, title, date, site and address, read from
//! the HTML the way a reader's eye does.
//!
//! The main text comes from `dom_smoothie` (a port of Mozilla's readability.js, the
//! algorithm behind Firefox's Reader View): it scores the page's blocks and keeps the
//! article. Before it runs, the blocks that are never the article and that its
//! sibling-merging can pull back in (navigation, reader comments, related-link boxes,
//! sidebars, footers, forms) are removed; scripts and styles it drops itself. The text
//! keeps one paragraph per line, so sentences never run across paragraphs.
//!
//! Metadata, first found wins:
//! * date: JSON-LD `datePublished` or `<meta property="article:published_time">` (as
//!   dom_smoothie reads them), else the first `<time datetime>`;
//! * title: JSON-LD `headline` or `og:title` or `<title>` (dom_smoothie's choice);
//! * site: `og:site_name` or JSON-LD `publisher`;
//! * address: `<link rel="canonical">`, else `og:url`.
//!
//! The character set is the page's own (`<meta charset>` or `http-equiv`), else
//! UTF-8 when the bytes are UTF-8; [`super`] falls back to detection beyond that.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

/// What a page yields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub title: Option<String>,
    /// The article's paragraphs, one per line.
    pub text: String,
    /// The publication date-time as the page gives it (ISO 8601).
    pub published: Option<String>,
    pub site: Option<String>,
    pub url: Option<String>,
}

/// Blocks that are never the article. Matched on tags, roles, and class or id words
/// that sites use for them.
const BOILERPLATE: &str = "nav, footer, aside, form, noscript, iframe, \
    [role=navigation], [role=complementary], [role=contentinfo], \
    #comments, .comments, .comment, [class*=comment-], [id*=comment-], \
    [class*=related], [id*=related], [class*=sidebar], [id*=sidebar], \
    [id=menu], [class~=menu], [class*=share], [class*=newsletter], [class*=promo]";

/// The character-set label a page declares in its first bytes, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}

/// True when text looks like an HTML page (for standard input).
pub fn looks_like_html(text: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&text[..text.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Read a page; a page with no readable article is an error.
pub fn read(html: &str) -> Result<Page, String> {
    let doc = Document::from(html);
    let canonical = attr(&doc, "link[rel=canonical]", "href")
        .or_else(|| attr(&doc, "meta[property=\"og:url\"]", "content"));
    let time = attr(&doc, "time[datetime]", "datetime");
    doc.select(BOILERPLATE).remove();
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let article = Readability::with_document(doc, None, Some(config))
        .and_then(|mut r| r.parse())
        .map_err(|e| format!("no article text found in the page ({e})"))?;
    let text = paragraphs(&article.text_content);
    if text.is_empty() {
        return Err("no article text found in the page".to_string());
    }
    let title = Some(one_line(&article.title)).filter(|t| !t.is_empty());
    Ok(Page {
        title,
        text,
        published: article
            .published_time
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .or(time),
        site: article
            .site_name
            .map(|s| one_line(&s))
            .filter(|s| !s.is_empty()),
        url: canonical,
    })
}

fn attr(doc: &Document, selector: &str, name: &str) -> Option<String> {
    doc.select(selector)
        .first()
        .attr(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// One paragraph per line, blank lines and inner runs of spaces dropped.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Dam opens | Gazette</title><meta property="og:site_name" content="Gazette">
<link rel="canonical" href="https://gazette.example/dam">
<script>var shown = "12 May 2001";</script></head><body>
<nav><a href="/">Home</a> <a href="/x">3 killed in 1999</a></nav>
<article><h1>Dam opens</h1>
<p>The Lomira dam opened on Tuesday after seven years of work, the builders said, and it will water 4,000 farms.</p>
<p>Officials said the dam cost 80 million crowns, twice the first estimate, and that it should last a century.</p>
<p>The first turbines start on 9 March, according to the operator, which employs 300 people at the site.</p>
</article>
<div class="comments"><p>Rubbish, it cost 200 million.</p></div>
<footer>Copyright 2021</footer></body></html>"#;

    #[test]
    fn the_article_is_kept_and_the_rest_dropped() {
        let page = read(PAGE).expect("a page");
        assert!(page.text.contains("opened on Tuesday"), "{}", page.text);
        assert!(page.text.contains("start on 9 March"));
        assert_eq!(
            page.text.lines().count(),
            3,
            "one paragraph per line: {}",
            page.text
        );
        for gone in ["12 May 2001", "3 killed", "200 million", "Copyright"] {
            assert!(!page.text.contains(gone), "{gone} leaked: {}", page.text);
        }
        assert_eq!(page.url.as_deref(), Some("https://gazette.example/dam"));
        assert_eq!(page.site.as_deref(), Some("Gazette"));
    }

    #[test]
    fn charsets_are_read_from_the_page() {
        let enc = declared_charset(b"<html><head><meta charset=\"windows-1252\">");
        assert_eq!(enc, Some(encoding_rs::WINDOWS_1252));
        let enc = declared_charset(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
        );
        assert_eq!(
            enc,
            Some(encoding_rs::WINDOWS_1252),
            "latin-1 is read as windows-1252"
        );
        assert_eq!(declared_charset(b"<html><body>no charset</body>"), None);
        assert!(looks_like_html(b"  <!DOCTYPE html><html>"));
        assert!(!looks_like_html(b"Talks were held."));
    }

    #[test]
    fn a_page_without_an_article_is_refused() {
        assert!(read("<html><body><nav>Home</nav></body></html>").is_err());
    }
}
