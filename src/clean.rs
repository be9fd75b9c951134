//! Clean: mark what is not the article's own text.
//!
//! Text copied from a web page carries photo credits, navigation menus, footers and
//! reader comments around the article. This stage decides, line by line, which
//! stretches of the body are the article's own words; it never changes the text.
//!
//! How a line is judged, in order:
//! 1. blank lines are neither kept nor dropped;
//! 2. a short line matching a lexicon ([`FOOTER_LINES`], [`NAVIGATION_LINES`],
//!    [`PHOTO_CREDIT_LINES`] and the patterns beside them) is dropped whole, matched
//!    case-insensitively on the trimmed line with bullets and trailing colons or dots
//!    ignored;
//! 3. a comment-section marker ([`COMMENT_MARKERS`], "Comment number 12.", "5
//!    comments") on a line of its own, once some article prose has been kept, starts the
//!    comment section: everything from there to the end of the file is dropped as
//!    comments, except lines a lexicon labels as footer or navigation;
//! 4. photo-credit fragments ("… Image copyright Reuters", "(AP Photo/…)", the
//!    "Image caption" label) are cut out of a line and the rest of it kept;
//! 5. a trailing block of short, unpunctuated lines after the last prose line is a menu
//!    and dropped as navigation;
//! 6. a line repeating an earlier kept line word for word is dropped as a duplicate.
//!
//! Invariants of the [`Cleaned`] result: every span lies inside the body, on char
//! boundaries, trimmed of surrounding whitespace and non-empty; kept spans never cross a
//! line end; kept and dropped spans never overlap and are each in file order. Dropped
//! stretches of one reason separated only by whitespace are merged into one (a whole
//! comment section is one stretch), so a dropped span may cross line ends.

use crate::model::{Article, Cleaned, DropReason, Span};
use crate::wordre::WordRegex;
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Decide which parts of the article's body are its own text.
pub fn clean(article: &Article) -> Cleaned {
    let text = article.text.as_str();
    let mut lines = body_lines(text, article.body);
    let credit_words = credit_word_starts(text, article.body);
    let comments_from = judge_lines(text, &mut lines, &credit_words);
    drop_trailing_menu(text, &mut lines[..comments_from]);
    drop_duplicates(text, &mut lines);
    assemble(text, &lines)
}

/// Whole-line footers (normalized: lower case, no bullets, no trailing `:` or `.`).
pub const FOOTER_LINES: &[&str] = &[
    "all rights reserved",
    "like this",
    "like loading",
    "loading",
    "share this",
    "this entry is now closed for comments",
    "comments are closed",
    "terms of use",
    "privacy policy",
    "cookie policy",
    "contact us",
    "about us",
];

/// Starts of footer lines, of any length.
pub const FOOTER_PREFIXES: &[&str] = &[
    "copyright ©",
    "copyright (c)",
    "©",
    "(c) 19",
    "(c) 20",
    "this page is best viewed in",
    "this page is best viewed with",
];

/// Footer patterns on the normalized line: "Copyright 2015 …", "… All rights reserved".
static FOOTER_PATTERN: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"^copyright\s+(?:©\s*)?\d{4}\b|all rights reserved$",
        r"copyright|all rights reserved",
    )
    .expect("valid regex")
});

/// Whole-line navigation: menu entries, "related" headings, share buttons.
pub const NAVIGATION_LINES: &[&str] = &[
    "more on this story",
    "related stories",
    "related story",
    "related internet links",
    "related links",
    "related articles",
    "related content",
    "related coverage",
    "related topics",
    "related",
    "features & analysis",
    "features and analysis",
    "elsewhere on the bbc",
    "elsewhere on the web",
    "share this story",
    "share this article",
    "share this page",
    "share",
    "share on facebook",
    "share on twitter",
    "top stories",
    "read more",
    "read next",
    "read full article",
    "continue reading",
    "take me there",
    "jump to comments pagination",
    "most popular",
    "most read",
    "most shared",
    "most watched",
    "see also",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended stories",
    "advertisement",
    "skip to content",
    "skip to main content",
    "back to top",
    "next article",
    "previous article",
    "next story",
    "previous story",
    "print",
    "print this page",
    "email",
    "e-mail",
    "email this",
    "tweet",
    "follow us",
    "sign up",
    "subscribe",
    "latest news",
    "trending",
    "trending now",
    "learn more",
    "click here",
    "more stories",
    "more news",
];

/// Starts of navigation lines, of any length.
pub const NAVIGATION_PREFIXES: &[&str] = &[
    "try our new site",
    "share this on",
    "follow us on",
    "sign up for our",
    "subscribe to our",
    "click here to",
];

/// Navigation patterns on the normalized line: "Page 10 of 15", "More Europe stories".
static NAVIGATION_PATTERN: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"^(?:page \d+ of \d+|more (?:[\p{L}&'-]+ ){1,3}(?:stories|news|headlines))$",
        r"^(?:page |more )",
    )
    .expect("valid regex")
});

/// Whole-line photo credits without a label ("Getty Images", "AFP/Getty Images").
pub const PHOTO_CREDIT_LINES: &[&str] = &["getty images", "image caption", "media caption"];

/// Labelled photo-credit lines: "Photo: AP", "Image copyright Reuters", "Photograph:
/// Jane Doe/AFP/Getty Images", "AFP/Getty Images".
static PHOTO_CREDIT_PATTERN: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"^(?:(?:[\p{L}.&-]+ ?/ ?)+getty images|(?:[\p{L}.&-]+ via )getty images|(?:image|photo|picture)s? (?:copyright|credit)s?:?(?:\s+\S+){0,8}|(?:photos?|photograph|picture|image|credit|photo illustration)\s*:\s*\S+(?:\s+\S+){0,7})$",
        r"getty images|image|photo|picture|credit",
    )
    .expect("valid regex")
});

/// Whole lines that open a reader-comment section.
pub const COMMENT_MARKERS: &[&str] = &[
    "this entry is now closed for comments",
    "comments are closed",
    "jump to comments",
    "jump to comments pagination",
    "rate this",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "add a comment",
    "add your comment",
    "comments",
    "reader comments",
    "show comments",
    "view comments",
    "view all comments",
    "join the conversation",
    "have your say",
];

/// Comment-section patterns on the normalized line: "Comment number 105", "Comments
/// (12)", "12 comments", "3 responses to …".
static COMMENT_PATTERN: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"^(?:comment number \d+|comments? \(\d+\)|\d+ (?:comments?|responses?|replies)(?: to\b.*)?)$",
        r"comment|response|replies",
    )
    .expect("valid regex")
});

/// Longest line (in words) a pattern may match as boilerplate: longer lines are prose.
/// (Prefix lexicons have no limit: a browser notice can run to a paragraph.)
const MAX_PATTERN_LINE_WORDS: usize = 25;

/// Longest line (in words) that can be a menu entry in a trailing block.
const MAX_MENU_WORDS: usize = 6;

/// Fewest words of a line that counts as article prose (before comments may start).
const MIN_PROSE_WORDS: usize = 6;

/// Longest credit (in words) after "Image copyright" or "Photo:" cut from a line.
const MAX_CREDIT_WORDS: usize = 8;

/// One stretch of a line: kept (`None`) or dropped for a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    span: Span,
    drop: Option<DropReason>,
}

/// How a line was judged: whole (kept or dropped), the usual case and one that needs
/// no allocation, or cut into pieces around photo credits.
#[derive(Clone, Debug)]
enum Pieces {
    Whole(Piece),
    Cut(Vec<Piece>),
}

/// A non-blank line of the body, trimmed, and how it was judged.
#[derive(Clone, Debug)]
struct Line {
    span: Span,
    pieces: Pieces,
}

impl Line {
    fn pieces(&self) -> &[Piece] {
        match &self.pieces {
            Pieces::Whole(p) => std::slice::from_ref(p),
            Pieces::Cut(pieces) => pieces,
        }
    }
    /// The line is kept whole (no part of it dropped).
    fn is_whole_kept(&self) -> bool {
        matches!(self.pieces(), [p] if p.drop.is_none())
    }
    fn drop_whole(&mut self, why: DropReason) {
        self.pieces = Pieces::Whole(Piece {
            span: self.span,
            drop: Some(why),
        });
    }
}

/// The body's non-blank lines, trimmed, each at first kept whole. Line ends are found
/// with `memchr`, which costs less a line than `split_inclusive`'s char searcher.
fn body_lines(text: &str, body: Span) -> Vec<Line> {
    let raw = body_text(text, body);
    let ends = memchr::memchr_iter(b'\n', raw.as_bytes()).map(|i| i + 1);
    let mut lines = Vec::new();
    let mut pos = 0;
    for end in ends.chain((!raw.ends_with('\n')).then_some(raw.len())) {
        let line = Span::new(body.start + pos, body.start + end);
        if let Some(span) = trim_span(text, line) {
            let pieces = Pieces::Whole(Piece { span, drop: None });
            lines.push(Line { span, pieces });
        }
        pos = end;
    }
    lines
}

/// The body's text (empty when `body` does not slice `text`).
fn body_text(text: &str, body: Span) -> &str {
    text.get(body.start..body.end.min(text.len()))
        .unwrap_or_default()
}

/// `span` without surrounding whitespace, or `None` when nothing is left.
fn trim_span(text: &str, span: Span) -> Option<Span> {
    let s = text.get(span.start..span.end)?;
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    (start < end).then_some(Span::new(start, end))
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or_default()
}

/// Bullets and the like that [`normalize`] strips from the start of a line. A `match`,
/// not a search of a string of them: every line is trimmed with it.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '·' | '*' | '-' | '–' | '—' | '>' | '|' | '»' | '›' | '▪' | '■' | '◦'
    ) || c.is_whitespace()
}

/// Colons, dots and arrows that [`normalize`] strips from the end of a line.
fn is_trailing_mark(c: char) -> bool {
    matches!(c, ':' | '.' | '…' | '»' | '›' | '>' | '|') || c.is_whitespace()
}

/// Lexicon form of a line: lower case, single spaces, no leading bullets, no trailing
/// colons, dots or arrows. Written into `buf`, reused from line to line.
fn normalize<'b>(line: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    for word in line.split_whitespace() {
        if !buf.is_empty() {
            buf.push(' ');
        }
        buf.push_str(word);
    }
    if buf.is_ascii() {
        buf.make_ascii_lowercase();
    } else {
        *buf = buf.to_lowercase();
    }
    buf.trim_start_matches(is_bullet)
        .trim_end_matches(is_trailing_mark)
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// `word_count(s) <= n`, without counting past `n`. Every line is asked this (is it
/// long enough for prose?), so it reads bytes and decodes only non-ASCII characters;
/// a word is a run of characters that are not whitespace, as for `split_whitespace`.
fn at_most_words(s: &str, n: usize) -> bool {
    let bytes = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let (space, len) = match bytes[i] {
            b if b.is_ascii() => (matches!(b, b'\t'..=b'\r' | b' '), 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or_default();
                (c.is_whitespace(), c.len_utf8())
            }
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words > n {
                return false;
            }
        }
        i += len;
    }
    true
}

/// The reason a whole (normalized) line is boilerplate, if it is.
fn boilerplate(norm: &str) -> Option<DropReason> {
    // Counted only for a line a pattern may match.
    let short = || at_most_words(norm, MAX_PATTERN_LINE_WORDS);
    let matches = |lines: &[&str], prefixes: &[&str], pattern: &WordRegex, may: bool| {
        lines.contains(&norm)
            || prefixes.iter().any(|p| norm.starts_with(p))
            || (may && short() && pattern.is_match(norm))
    };
    let footer = norm.starts_with("copyright") || norm.ends_with("all rights reserved");
    let navigation = norm.starts_with("page ") || norm.starts_with("more ");
    let credit = norm.ends_with("getty images") || starts_like_credit(norm);
    if matches(FOOTER_LINES, FOOTER_PREFIXES, &FOOTER_PATTERN, footer) {
        Some(DropReason::Footer)
    } else if matches(
        NAVIGATION_LINES,
        NAVIGATION_PREFIXES,
        &NAVIGATION_PATTERN,
        navigation,
    ) {
        Some(DropReason::Navigation)
    } else if matches(PHOTO_CREDIT_LINES, &[], &PHOTO_CREDIT_PATTERN, credit)
        && !norm.contains(" caption ")
    {
        Some(DropReason::PhotoCredit)
    } else {
        None
    }
}

/// Starts as [`PHOTO_CREDIT_PATTERN`] does when it does not end in "getty images".
fn starts_like_credit(norm: &str) -> bool {
    ["image", "photo", "picture", "credit"]
        .iter()
        .any(|w| norm.starts_with(w))
}

fn is_comment_marker(norm: &str) -> bool {
    // COMMENT_PATTERN starts with "comment" or a digit.
    let may_match = norm.starts_with("comment") || norm.starts_with(|c: char| c.is_numeric());
    COMMENT_MARKERS.contains(&norm)
        || (may_match
            && at_most_words(norm, MAX_PATTERN_LINE_WORDS)
            && COMMENT_PATTERN.is_match(norm))
}

/// Ends like a sentence: `.`, `!`, `?`, `…`, optionally followed by closing quotes or
/// brackets.
fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| "\"'”’»)]".contains(c) || c.is_whitespace());
    core.ends_with(['.', '!', '?', '…'])
}

/// A line of article prose: long enough and ending like a sentence.
fn is_prose(line: &str) -> bool {
    ends_sentence(line) && !at_most_words(line, MIN_PROSE_WORDS - 1)
}

/// How a line stands to the lexicons: boilerplate for a reason, and whether it marks
/// the start of the comment section.
#[derive(Clone, Copy, Default)]
struct Lexicon {
    boilerplate: Option<DropReason>,
    comment_marker: bool,
}

/// Look the line up in the lexicons. `buf` is scratch space, reused from line to line.
fn lexicon(raw: &str, buf: &mut String) -> Lexicon {
    if !may_be_in_lexicon(raw, buf) {
        return Lexicon::default();
    }
    let norm = normalize(raw, buf);
    Lexicon {
        boilerplate: boilerplate(norm),
        comment_marker: is_comment_marker(norm),
    }
}

/// The starts of lexicon lines [`may_be_in_lexicon`] looks for at the head of a line.
fn lexicon_prefixes() -> impl Iterator<Item = &'static str> {
    FOOTER_PREFIXES
        .iter()
        .chain(NAVIGATION_PREFIXES)
        .chain(&["copyright", "page ", "more ", "comment"])
        .copied()
}

/// The first bytes of [`lexicon_prefixes`]: most lines start with none of them, and
/// one look at a table spares them the comparisons with every prefix.
static PREFIX_FIRST_BYTES: LazyLock<[bool; 256]> = LazyLock::new(|| {
    let mut table = [false; 256];
    for p in lexicon_prefixes() {
        table[usize::from(p.as_bytes()[0])] = true;
    }
    table
});

/// `head` starts with one of [`lexicon_prefixes`].
fn starts_like_lexicon(head: &str) -> bool {
    head.as_bytes()
        .first()
        .is_some_and(|&b| PREFIX_FIRST_BYTES[usize::from(b)])
        && lexicon_prefixes().any(|p| head.starts_with(p))
}

/// Bytes of a line's normalized form that [`may_be_in_lexicon`] looks at: more than
/// the longest whole-line entry or prefix of any lexicon.
const HEAD_BYTES: usize = 40;

/// False when the lexicons certainly do not know the line. The lexicons hold short
/// lines, prefixes and patterns anchored at the start or at a known end, so a look
/// at the normalized form's first [`HEAD_BYTES`] and last character tells most prose
/// apart without normalizing it all.
fn may_be_in_lexicon(raw: &str, buf: &mut String) -> bool {
    let core = raw
        .trim_start_matches(is_bullet)
        .trim_end_matches(is_trailing_mark);
    let Some(head) = normalized_head(core, buf) else {
        return true;
    };
    starts_like_lexicon(head)
        || starts_like_credit(head)
        || head.starts_with(|c: char| c.is_numeric())
        // "… all rights reserved", "… getty images": only ASCII letters lower-case to
        // the ASCII letters these end with, so the line ends with them in some case.
        || ends_with_ignoring_case(core, "reserved")
        || ends_with_ignoring_case(core, "images")
}

/// `s` ends with `suffix` (ASCII) in any ASCII case.
fn ends_with_ignoring_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The first [`HEAD_BYTES`] (or a few more) of the normalized form of `core` (a line
/// stripped of the bullets and marks [`normalize`] strips), or `None` when it is all
/// of it.
///
/// The usual line starts with more than [`HEAD_BYTES`] of ASCII whose words are
/// parted by single spaces and none just at the cut: normalizing that much only
/// lower-cases it, which is done in one go rather than a byte at a time.
fn normalized_head<'b>(core: &str, buf: &'b mut String) -> Option<&'b str> {
    let Some(head) = core.get(..HEAD_BYTES) else {
        return normalized_head_by_char(core, buf);
    };
    let bytes = head.as_bytes();
    let plain = core.len() > HEAD_BYTES
        && bytes[HEAD_BYTES - 1] != b' '
        && bytes
            .iter()
            .all(|&b| (b > b' ' && b.is_ascii()) || b == b' ')
        && memchr::memmem::find(bytes, b"  ").is_none();
    if !plain {
        return normalized_head_by_char(core, buf);
    }
    buf.clear();
    buf.push_str(head);
    buf.make_ascii_lowercase();
    Some(buf)
}

/// [`normalized_head`] for any line. Lower-cased a character at a time: only 'Σ'
/// lower-cases otherwise within a word, and to no ASCII letter either way.
fn normalized_head_by_char<'b>(core: &str, buf: &'b mut String) -> Option<&'b str> {
    buf.clear();
    let bytes = core.as_bytes();
    let mut space = false;
    let mut i = 0;
    while i < bytes.len() {
        if buf.len() >= HEAD_BYTES {
            return Some(buf);
        }
        // ASCII, nearly every byte, is judged and lower-cased without decoding.
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            if matches!(b, b'\t'..=b'\r' | b' ') {
                space = true;
                continue;
            }
            if std::mem::take(&mut space) {
                buf.push(' ');
            }
            buf.push(char::from(b.to_ascii_lowercase()));
            continue;
        }
        let c = core[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) {
            buf.push(' ');
        }
        buf.extend(c.to_lowercase());
    }
    None
}

/// Judge each line by lexicon, comment section and photo-credit fragments. Returns the
/// index of the first line of the comment section (`lines.len()` when there is none).
/// `credit_words` holds the starts, in order, of the words every photo credit has.
fn judge_lines(text: &str, lines: &mut [Line], credit_words: &[usize]) -> usize {
    let none = lines.len();
    let mut comments_from = none;
    let mut seen_prose = false;
    let mut buf = String::new();
    let mut words = credit_words.iter().peekable();
    for (i, line) in lines.iter_mut().enumerate() {
        let raw = slice(text, line.span);
        let Lexicon {
            boilerplate: lexicon,
            comment_marker,
        } = lexicon(raw, &mut buf);
        let in_comments = i > comments_from;
        if !in_comments && comment_marker {
            // A marker before any prose is a link near the headline, not the section.
            if seen_prose && comments_from == none {
                comments_from = i;
                line.drop_whole(lexicon.unwrap_or(DropReason::Comments));
            } else {
                line.drop_whole(lexicon.unwrap_or(DropReason::Navigation));
            }
        } else if in_comments {
            line.drop_whole(lexicon.unwrap_or(DropReason::Comments));
        } else if let Some(why) = lexicon {
            line.drop_whole(why);
        } else {
            while words.next_if(|&&w| w < line.span.start).is_some() {}
            if words.peek().is_some_and(|&&w| w < line.span.end) {
                line.pieces = credit_pieces(text, line.span);
            }
            // Once prose was seen, no later line need be read for it.
            seen_prose = seen_prose || is_prose(raw);
        }
    }
    comments_from
}

/// Words one of which every photo-credit fragment holds: the labels' "caption",
/// "copyright" and "credit", and "photo", "picture" or "image" (in "Getty Images").
static CREDIT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)caption|copyright|credit|photo|picture|image").expect("valid regex")
});

/// Where in the body [`CREDIT_WORDS`] occur: one search of the whole body, so that
/// the many lines without any are not searched for credits one by one.
fn credit_word_starts(text: &str, body: Span) -> Vec<usize> {
    CREDIT_WORDS
        .find_iter(body_text(text, body))
        .map(|m| body.start + m.start())
        .collect()
}

/// "Image caption", "Media caption": a label before caption text, dropped alone.
static CAPTION_LABEL: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(r"\b(?:Image|Media|Photo|Video) caption\b:?", r" caption")
        .expect("valid regex")
});

/// "Image copyright", "Photo credit": a label followed by the credit itself.
static CREDIT_LABEL: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"\b(?:Image|Photo|Picture) (?:copyright|credit)\b:?",
        r" copyright| credit",
    )
    .expect("valid regex")
});

/// A credit in brackets: "(AP Photo/Jane Doe)", "(Photo: Reuters)", "(File photo)".
static BRACKETED_CREDIT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"\((?:[A-Z]{2,}\s+|Reuters\s+|Getty\s+)?(?i:file\s+)?(?i:photo|photograph|picture|image)s?(?:\s*[:/]\s*[^()]{1,80}|\s+(?i:by|credit:?)\s+[^()]{1,80})?\)",
        r"(?i)photo|picture|image",
    )
    .expect("valid regex")
});

/// A labelled credit ending a line: "… Photo: AP", "… Photograph: Jane Doe/AFP".
static TRAILING_CREDIT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"(?:^|\s)(?:Photos?|Photograph|Picture|Credit|Photo credit|Photo illustration)\s*:\s*\S[^:]*$",
        r":",
    )
    .expect("valid regex")
});

/// An agency credit ending a line: "… AFP/Getty Images", "… Reuters via Getty Images".
static TRAILING_AGENCY: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::needing(
        r"(?:^|\s)(?:(?:[\p{L}.&-]+ ?/ ?)+|[\p{L}.&-]+ via )Getty Images\.?$",
        r"Getty Images",
    )
    .expect("valid regex")
});

/// Split a line into kept text and photo-credit fragments.
fn credit_pieces(text: &str, span: Span) -> Pieces {
    let line = slice(text, span);
    let cuts = merge_ranges(credit_cuts(line));
    if cuts.is_empty() {
        return Pieces::Whole(Piece { span, drop: None });
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut pos = 0;
    for (start, end) in cuts {
        push_piece(
            text,
            &mut pieces,
            span.start + pos,
            span.start + start,
            None,
        );
        let why = Some(DropReason::PhotoCredit);
        push_piece(text, &mut pieces, span.start + start, span.start + end, why);
        pos = end;
    }
    push_piece(text, &mut pieces, span.start + pos, span.end, None);
    Pieces::Cut(pieces)
}

/// Byte ranges (relative to the line) of the photo-credit fragments in it.
fn credit_cuts(line: &str) -> Vec<(usize, usize)> {
    let labels: Vec<usize> = CAPTION_LABEL
        .find_iter(line)
        .chain(CREDIT_LABEL.find_iter(line))
        .map(|m| m.start())
        .collect();
    let mut cuts: Vec<(usize, usize)> = CAPTION_LABEL
        .find_iter(line)
        .map(|m| (m.start(), m.end()))
        .collect();
    for m in CREDIT_LABEL.find_iter(line) {
        let next_label = labels.iter().copied().filter(|&s| s > m.start()).min();
        let stop = next_label.unwrap_or(line.len());
        cuts.push((m.start(), m.end() + credit_len(&line[m.end()..stop])));
    }
    cuts.extend(
        BRACKETED_CREDIT
            .find_iter(line)
            .map(|m| (m.start(), m.end())),
    );
    for re in [&*TRAILING_CREDIT, &*TRAILING_AGENCY] {
        if let Some(m) = re.find(line)
            && word_count(m.as_str()) <= MAX_CREDIT_WORDS + 2
        {
            cuts.push((m.start(), m.end()));
        }
    }
    cuts
}

/// How much of `rest` (the text after "Image copyright") is the credit: all of it when
/// short, else the agency's name: one word, and the words joined to it by `/` or "via"
/// or naming a kind of agency ("Getty Images", "Associated Press").
fn credit_len(rest: &str) -> usize {
    if word_count(rest) <= MAX_CREDIT_WORDS {
        return rest.len();
    }
    let mut end = 0;
    let mut previous: Option<&str> = None;
    for (at, word) in words_with_offsets(rest) {
        let joined = previous.is_none_or(|p| {
            p.ends_with('/') || p == "via" || word.starts_with('/') || AGENCY_WORDS.contains(&word)
        });
        if !joined {
            break;
        }
        end = at + word.len();
        previous = Some(word);
    }
    end
}

/// Words that continue an agency's name in a credit.
const AGENCY_WORDS: &[&str] = &[
    "Images", "Image", "Photo", "Photos", "Pictures", "Press", "News", "Agency", "via", "/",
];

/// The whitespace-separated words of `s` with their byte offsets.
fn words_with_offsets(s: &str) -> impl Iterator<Item = (usize, &str)> {
    // Each word is a subslice of `s`, so the pointer difference is its offset.
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// Sort ranges and merge those that overlap or touch.
fn merge_ranges(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Add the trimmed stretch `start..end` to `pieces`. A kept stretch with no letter or
/// digit (a stray dash between two credits) is dropped with its neighbour instead.
fn push_piece(
    text: &str,
    pieces: &mut Vec<Piece>,
    start: usize,
    end: usize,
    drop: Option<DropReason>,
) {
    let Some(span) = trim_span(text, Span::new(start, end)) else {
        return;
    };
    let has_word = slice(text, span).chars().any(char::is_alphanumeric);
    let drop = if drop.is_none() && !has_word {
        Some(DropReason::PhotoCredit)
    } else {
        drop
    };
    pieces.push(Piece { span, drop });
}

/// Drop the trailing run of menu-like lines (short, unpunctuated) that follows the last
/// prose line. `lines` ends where the comment section starts. A headline or subheading
/// is never trailing: some kept line that is not menu-like must come before the run.
fn drop_trailing_menu(text: &str, lines: &mut [Line]) {
    let mut menu = Vec::new();
    for (i, line) in lines.iter().enumerate().rev() {
        if line.pieces().iter().all(|p| p.drop.is_some()) {
            continue;
        }
        if line.is_whole_kept() && is_menu_like(slice(text, line.span)) {
            menu.push(i);
        } else {
            for i in menu {
                lines[i].drop_whole(DropReason::Navigation);
            }
            return;
        }
    }
}

/// Short, unpunctuated, without digits or brackets (which mark dates, scores and lists
/// that belong to the article).
fn is_menu_like(line: &str) -> bool {
    word_count(line) <= MAX_MENU_WORDS
        && !ends_sentence(line)
        && !line.ends_with([':', ','])
        && !line.contains(|c: char| c.is_ascii_digit() || "()[]".contains(c))
}

/// Drop a whole kept line identical to text kept earlier (a headline printed twice).
fn drop_duplicates(text: &str, lines: &mut [Line]) {
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for line in lines.iter_mut() {
        if line.is_whole_kept() && seen.contains(slice(text, line.span)) {
            line.drop_whole(DropReason::Duplicate);
            continue;
        }
        for p in line.pieces().iter().filter(|p| p.drop.is_none()) {
            seen.insert(slice(text, p.span));
        }
    }
}

/// Collect the pieces in file order, merging dropped stretches of one reason that only
/// whitespace separates.
fn assemble(text: &str, lines: &[Line]) -> Cleaned {
    let mut cleaned = Cleaned::default();
    for piece in lines.iter().flat_map(Line::pieces) {
        let Some(why) = piece.drop else {
            cleaned.kept.push(piece.span);
            continue;
        };
        match cleaned.dropped.last_mut() {
            Some((last, last_why))
                if *last_why == why && only_space_between(text, *last, piece.span) =>
            {
                last.end = piece.span.end;
            }
            _ => cleaned.dropped.push((piece.span, why)),
        }
    }
    cleaned
}

fn only_space_between(text: &str, a: Span, b: Span) -> bool {
    a.end <= b.start
        && text
            .get(a.end..b.start)
            .is_some_and(|s| s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Counting words on bytes agrees with `split_whitespace`, non-ASCII spaces
        /// and letters included.
        #[test]
        fn at_most_words_agrees_with_split_whitespace(
            s in "[a \t\n\u{b}\u{c}\r\u{85}\u{a0}\u{2003}\u{3000}é中]{0,30}",
            n in 0usize..8,
        ) {
            proptest::prop_assert_eq!(at_most_words(&s, n), s.split_whitespace().nth(n).is_none());
        }

        /// Lower-casing a plain ASCII head in one go gives what normalizing it a
        /// character at a time gives, spaces, tabs and non-ASCII included.
        #[test]
        fn plain_head_agrees_with_normalizing_by_char(
            s in "(?:[a-zB.,]{1,7} ){0,9}[aBz. \t\u{1}é\u{a0}İΣ]{0,4}[a-z ]{0,30}"
        ) {
            let (mut fast, mut slow) = (String::new(), String::new());
            let fast = normalized_head(&s, &mut fast).map(str::to_string);
            let slow = normalized_head_by_char(&s, &mut slow).map(str::to_string);
            proptest::prop_assert_eq!(fast, slow);
        }

        /// The quick look never rules out a line the lexicons know.
        #[test]
        fn lexicon_pretest_never_misses_boilerplate(
            s in "[•* ]{0,2}(?i:(all rights reserved|getty images|afp/getty images|copyright 2015|comments|12 comments|page 1 of 2|more world news|photo: ap|image copyright reuters|ſ|\\u{212a}))?[ a-zA-Zé.:»]{0,50}(?i:( all rights reserved| getty images|reſerved|imageſ))?[.: ]{0,2}"
        ) {
            let mut buf = String::new();
            let norm = normalize(&s, &mut buf).to_string();
            let known = boilerplate(&norm).is_some() || is_comment_marker(&norm);
            proptest::prop_assert!(!known || may_be_in_lexicon(&s, &mut buf), "{:?}", s);
        }
    }

    fn article(text: &str) -> Article {
        Article::from_text("t.txt", text)
    }

    fn kept(text: &str) -> Vec<String> {
        let a = article(text);
        clean(&a)
            .kept
            .iter()
            .map(|s| a.text[s.start..s.end].to_string())
            .collect()
    }

    fn dropped(text: &str) -> Vec<(String, DropReason)> {
        let a = article(text);
        clean(&a)
            .dropped
            .iter()
            .map(|(s, why)| (a.text[s.start..s.end].to_string(), *why))
            .collect()
    }

    const PROSE: &str = "The minister said the talks would resume next week in the capital.";

    #[test]
    fn ordinary_prose_is_kept_and_blank_lines_ignored() {
        let text = format!("Headline here\n\n{PROSE}\n\n  Another line of text here.  \n");
        assert_eq!(
            kept(&text),
            vec!["Headline here", PROSE, "Another line of text here."]
        );
        assert!(dropped(&text).is_empty());
    }

    #[test]
    fn caption_keeps_text_and_drops_trailing_image_copyright() {
        let text = "A woman opens a shop in the old town, 2 March 2019 Image copyright Reuters\n";
        assert_eq!(
            kept(text),
            vec!["A woman opens a shop in the old town, 2 March 2019"]
        );
        assert_eq!(
            dropped(text),
            vec![("Image copyright Reuters".into(), DropReason::PhotoCredit)]
        );
    }

    #[test]
    fn image_caption_label_is_dropped_and_caption_kept() {
        let text = "Image caption Visitors queue outside the museum\n";
        let a = article(text);
        let c = clean(&a);
        assert_eq!(c.kept.len(), 1);
        assert_eq!(
            &text[c.kept[0].start..c.kept[0].end],
            "Visitors queue outside the museum"
        );
        assert_eq!(
            dropped(text),
            vec![("Image caption".into(), DropReason::PhotoCredit)]
        );
    }

    #[test]
    fn credit_and_caption_on_one_line() {
        let text = "Image copyright AFP/Getty Images Image caption Crowds gathered outside\n";
        assert_eq!(kept(text), vec!["Crowds gathered outside"]);
        assert_eq!(
            dropped(text),
            vec![(
                "Image copyright AFP/Getty Images Image caption".into(),
                DropReason::PhotoCredit
            )]
        );
    }

    #[test]
    fn whole_line_photo_credits() {
        for line in [
            "Image copyright Reuters",
            "Image copyright AFP/Getty Images",
            "Photo: AP",
            "Photograph: Jane Doe/AFP/Getty Images",
            "(AP Photo/Jane Doe)",
            "Getty Images",
            "AFP/Getty Images",
            "Image caption",
        ] {
            let text = format!("{PROSE}\n{line}\n{PROSE} Again.\n");
            assert_eq!(
                dropped(&text),
                vec![(line.to_string(), DropReason::PhotoCredit)],
                "{line}"
            );
        }
    }

    #[test]
    fn bracketed_and_trailing_credits_are_cut_from_captions() {
        let text = "Soldiers march in the capital (AP Photo/Jane Doe)\n";
        assert_eq!(kept(text), vec!["Soldiers march in the capital"]);
        let text = "Soldiers march in the capital. Photo: Reuters\n";
        assert_eq!(kept(text), vec!["Soldiers march in the capital."]);
        let text = "Soldiers march in the capital. AFP/Getty Images\n";
        assert_eq!(kept(text), vec!["Soldiers march in the capital."]);
    }

    #[test]
    fn long_text_after_image_copyright_keeps_the_sentence() {
        let text = "Image copyright Reuters Visitors from several towns crowded the market square on Saturday.\n";
        assert_eq!(
            kept(text),
            vec!["Visitors from several towns crowded the market square on Saturday."]
        );
    }

    #[test]
    fn prose_mentioning_photos_or_copyright_is_kept() {
        for line in [
            "The photo showed the mayor at the opening.",
            "He said the image copyright belonged to the agency, not the paper.",
            "The company Getty Images said it would appeal.",
            "Police released a picture: it shows two men near the car.",
        ] {
            assert_eq!(kept(line), vec![line], "{line}");
        }
    }

    #[test]
    fn navigation_lines_are_dropped() {
        for line in [
            "More on this story",
            "More on This Story",
            "Related Stories",
            "Related Internet links",
            "Page 10 of 15",
            "More Europe stories",
            "Features & Analysis",
            "Elsewhere on the BBC",
            "Top Stories",
            "Read more",
            "  • Share this",
            "Try our new site today",
            "Take me there",
        ] {
            let text = format!("{PROSE}\n{line}\n{PROSE} Again.\n");
            let got = dropped(&text);
            assert_eq!(got.len(), 1, "{line}: {got:?}");
            assert!(
                matches!(got[0].1, DropReason::Navigation | DropReason::Footer),
                "{line}: {got:?}"
            );
        }
    }

    #[test]
    fn footer_lines_are_dropped() {
        for line in [
            "Copyright © 2016 Example News. Example News is not responsible for external sites.",
            "© 2018 Example News",
            "Copyright 2013 The Example Press. All rights reserved.",
            "All rights reserved.",
            "Like this:",
            "Loading...",
            "This page is best viewed in a modern browser with scripts enabled.",
        ] {
            let text = format!("{PROSE}\n{line}\n{PROSE} Again.\n");
            assert_eq!(
                dropped(&text),
                vec![(line.trim().to_string(), DropReason::Footer)],
                "{line}"
            );
        }
    }

    #[test]
    fn comment_section_runs_to_the_end_of_the_file() {
        let text = format!(
            "Title\n\n{PROSE}\n\nThis entry is now closed for comments\n\nJump to comments pagination\n  • rate this\n\n    Comment number 5.\n\n    I think this is a great article about everything.\n\nPage 2 of 3\n\nCopyright © 2016 Example\n"
        );
        assert_eq!(kept(&text), vec!["Title", PROSE]);
        let got = dropped(&text);
        let reasons: Vec<_> = got.iter().map(|(_, w)| *w).collect();
        assert_eq!(
            reasons,
            vec![
                DropReason::Footer,
                DropReason::Navigation,
                DropReason::Comments,
                DropReason::Navigation,
                DropReason::Footer
            ]
        );
        assert!(got[2].0.starts_with("• rate this"));
        assert!(got[2].0.ends_with("everything."));
    }

    #[test]
    fn comment_markers_of_several_kinds() {
        for marker in [
            "Comments (12)",
            "12 comments",
            "Leave a comment",
            "Comment number 3.",
        ] {
            let text = format!("{PROSE}\n{marker}\nGreat story, thanks.\n");
            assert_eq!(kept(&text), vec![PROSE], "{marker}");
            assert_eq!(
                dropped(&text).last().map(|d| d.1),
                Some(DropReason::Comments)
            );
        }
    }

    #[test]
    fn comments_in_prose_are_not_a_marker() {
        let text = format!("{PROSE}\nHe declined to make comments.\n{PROSE} Again.\n");
        assert_eq!(kept(&text).len(), 3);
        let text = format!("{PROSE}\nThe minister read 12 comments aloud to the crowd.\nMore.\n");
        assert_eq!(kept(&text).len(), 3);
    }

    #[test]
    fn comment_count_link_near_the_headline_does_not_start_comments() {
        let text = format!("Headline\n3 comments\n{PROSE}\n{PROSE} Again.\n");
        assert_eq!(kept(&text).len(), 3);
        assert_eq!(
            dropped(&text),
            vec![("3 comments".into(), DropReason::Navigation)]
        );
    }

    #[test]
    fn headline_printed_twice_is_a_duplicate() {
        let text = format!("Council approves budget\n\nCouncil approves budget\n\n{PROSE}\n");
        assert_eq!(kept(&text), vec!["Council approves budget", PROSE]);
        assert_eq!(
            dropped(&text),
            vec![("Council approves budget".into(), DropReason::Duplicate)]
        );
    }

    #[test]
    fn trailing_menu_block_is_dropped_but_subheadings_kept() {
        let text = format!(
            "Headline\n\n{PROSE}\n\n'A new chapter'\n\n{PROSE} Again.\n\nHome\nWorld\nBusiness news\n"
        );
        assert_eq!(
            kept(&text),
            vec![
                "Headline".to_string(),
                PROSE.to_string(),
                "'A new chapter'".to_string(),
                format!("{PROSE} Again.")
            ]
        );
        let got = dropped(&text);
        assert_eq!(
            got,
            vec![("Home\nWorld\nBusiness news".into(), DropReason::Navigation)]
        );
    }

    #[test]
    fn trailing_dates_lists_and_spaced_quotes_are_not_menus() {
        let text = format!("{PROSE}\nMarch 3, 2019-2:15pm\n");
        assert!(dropped(&text).is_empty());
        let text = format!("{PROSE}\nTE Jane Doe (knee)\n");
        assert!(dropped(&text).is_empty());
        let text = format!("{PROSE}\n“ We are very happy today. ”\n");
        assert!(dropped(&text).is_empty());
    }

    #[test]
    fn ends_sentence_sees_through_closing_quotes() {
        assert!(ends_sentence("He left.\""));
        assert!(ends_sentence("He left. ”"));
        assert!(ends_sentence("Why?'"));
        assert!(ends_sentence("(He left.)"));
        assert!(!ends_sentence("He left"));
        assert!(!ends_sentence("\""));
    }

    #[test]
    fn headline_only_file_is_kept() {
        assert_eq!(
            kept("Council approves budget\n"),
            vec!["Council approves budget"]
        );
        assert_eq!(kept("Short\nLines\nOnly\n"), vec!["Short", "Lines", "Only"]);
    }

    #[test]
    fn crlf_lines_are_trimmed_of_carriage_returns() {
        let text = format!("Headline\r\n\r\n{PROSE}\r\nRelated Stories\r\n{PROSE} B.\r\n");
        assert_eq!(
            kept(&text),
            vec![
                "Headline".to_string(),
                PROSE.to_string(),
                format!("{PROSE} B.")
            ]
        );
        assert_eq!(
            dropped(&text),
            vec![("Related Stories".into(), DropReason::Navigation)]
        );
    }

    #[test]
    fn only_the_body_is_cleaned() {
        let text = "---\ntitle: Related Stories\n---\nHeadline\nRelated Stories\n";
        let mut a = article(text);
        a.body = Span::new(text.find("Headline").unwrap(), text.len());
        let c = clean(&a);
        assert_eq!(c.kept, vec![Span::new(a.body.start, a.body.start + 8)]);
        assert_eq!(c.dropped.len(), 1);
        assert!(c.dropped[0].0.start > a.body.start);
    }

    #[test]
    fn spans_are_ordered_trimmed_and_disjoint() {
        let text = format!(
            "\u{feff}Title\n A caption, 2014 Image copyright EPA \nImage caption Crowds cheer\n\n{PROSE}\nRelated Stories\nMore on this story\nComments (3)\nNice.\n"
        );
        let mut a = article(&text);
        a.body = Span::new(3, text.len());
        let c = clean(&a);
        let mut all: Vec<Span> = c.kept.clone();
        all.extend(c.dropped.iter().map(|d| d.0));
        all.sort();
        for w in all.windows(2) {
            assert!(w[0].end <= w[1].start, "{all:?}");
        }
        for s in &all {
            let piece = &text[s.start..s.end];
            assert!(!piece.is_empty());
            assert_eq!(piece, piece.trim());
        }
        for s in &c.kept {
            assert!(!text[s.start..s.end].contains('\n'));
        }
        assert!(c.kept.windows(2).all(|w| w[0].end <= w[1].start));
        assert!(c.dropped.windows(2).all(|w| w[0].0.end <= w[1].0.start));
    }

    #[test]
    fn same_reason_drops_separated_by_blank_lines_merge() {
        let text = format!("{PROSE}\n\nRelated Stories\n\nMore on this story\n");
        assert_eq!(
            dropped(&text),
            vec![(
                "Related Stories\n\nMore on this story".into(),
                DropReason::Navigation
            )]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "\n\n",
            "é",
            "•",
            "Image copyright",
            "(photo)",
            "—\n—\n",
            "\r",
        ] {
            let _ = clean(&article(text));
        }
        let mut a = article("abc");
        a.body = Span::new(2, 99);
        let _ = clean(&a);
        a.body = Span::new(5, 1);
        assert!(clean(&a).kept.is_empty());
    }

    #[test]
    fn the_normalized_head_covers_every_whole_line_and_prefix() {
        let lexicons = [
            FOOTER_LINES,
            FOOTER_PREFIXES,
            NAVIGATION_LINES,
            NAVIGATION_PREFIXES,
            PHOTO_CREDIT_LINES,
            COMMENT_MARKERS,
        ];
        for entry in lexicons.concat() {
            assert!(entry.len() < HEAD_BYTES, "{entry}");
            assert!(!entry.contains(['σ', 'ς']), "{entry}");
        }
    }

    #[test]
    fn lines_passed_over_are_in_no_lexicon() {
        let buf = &mut String::new();
        for line in [
            "The minister said the talks would resume next week in the capital.",
            "Στην Αθήνα ΟΔΟΣ ΣΤΑΔΙΟΥ the long line goes on and on and on here",
        ] {
            assert!(!may_be_in_lexicon(line, buf), "{line}");
            let norm = normalize(line, buf).to_string();
            assert!(boilerplate(&norm).is_none() && !is_comment_marker(&norm));
        }
        let long = format!("{PROSE} All rights reserved.");
        assert!(may_be_in_lexicon(&long, buf));
        assert!(may_be_in_lexicon(
            "Share this on Facebook, Twitter and everywhere else you like",
            buf
        ));
    }

    #[test]
    fn normalize_strips_bullets_and_trailing_marks() {
        let buf = &mut String::new();
        assert_eq!(normalize("  • Rate   This ", buf), "rate this");
        assert_eq!(normalize("Like this:", buf), "like this");
        assert_eq!(normalize("Loading...", buf), "loading");
        assert_eq!(normalize("Comment number 105.", buf), "comment number 105");
    }
}
