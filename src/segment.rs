//! Segment: split the kept text into sentences.
//!
//! Kept spans are first grouped into blocks: each kept line is its own block (so
//! headlines, subheadings and one-sentence-per-line corpora stay apart), except that a
//! line is joined to the next when it does not end like a sentence and the next starts
//! with a lower-case letter (prose hard-wrapped across lines). Blank lines and dropped
//! text always separate blocks.
//!
//! Each block is split at Unicode sentence boundaries (UAX #29), which know nothing of
//! abbreviations, so wrong splits are then re-joined: after titles ("Mr.", "Dr."),
//! initialisms ("U.S.", "John F. Kennedy"), month and company abbreviations ("Jan.",
//! "Corp."), "a.m."/"p.m." before a time-like word, and before a lower-case
//! continuation (`"We will go!" he said.`). A stretch with no letter or digit (a closing
//! quote set off by a space) joins the sentence before it.
//!
//! Invariants of every [`Sentence`]: its span lies within one block, so within kept text
//! and never across dropped text; `text` is exactly the file's bytes at `span`, trimmed
//! of surrounding whitespace, never empty and containing a letter or digit; `line` is
//! the 1-based line of its first byte; sentences come in file order and never overlap.

use crate::model::{Article, Cleaned, Sentence, Span};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// Split the kept text of `article` into sentences with byte spans and line numbers.
pub fn segment(article: &Article, cleaned: &Cleaned) -> Vec<Sentence> {
    let text = article.text.as_str();
    let mut spans = Vec::new();
    for block in blocks(text, cleaned, article.title.as_deref()) {
        split_block(text, block, &mut spans);
    }
    let mut lines = LineCounter::default();
    spans
        .into_iter()
        .map(|span| Sentence {
            span,
            line: lines.line_of(text, span.start),
            text: slice(text, span).to_string(),
        })
        .collect()
}

/// The longest a sentence may be, in bytes. Real sentences are far shorter; a longer
/// "sentence" (a table, a list with no full stops, a one-line dump) is cut at spaces
/// into pieces of at most this length, so that no later stage, whose work per
/// sentence grows with its length, can be made to take quadratic time.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// Cut a span longer than [`MAX_SENTENCE_BYTES`] at whitespace (or, with none, at a
/// char boundary) into pieces no longer than that, added to `out`.
fn cap_length(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = &text[start..cut];
        let at_space = piece
            .rfind(char::is_whitespace)
            .filter(|&i| i > MAX_SENTENCE_BYTES / 2)
            .map(|i| start + i);
        let end = at_space.unwrap_or(cut);
        out.push(Span::new(start, end));
        start = end;
        while start < span.end && text[start..].starts_with(char::is_whitespace) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < span.end {
        out.push(Span::new(start, span.end));
    }
}

/// Titles before a name: never the end of a sentence.
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.",
    "Sgt.", "Capt.", "Cpl.", "Pvt.", "Maj.", "Adm.", "Cmdr.", "Brig.", "Rev.", "Hon.", "Supt.",
    "Insp.", "Det.", "Amb.", "Pres.", "Const.", "Dist.", "Atty.", "Asst.", "Ald.", "Dep.", "Sens.",
    "Reps.", "vs.", "v.", "e.g.", "i.e.", "cf.", "approx.",
];

/// Abbreviations that rarely end a sentence: they end one only when a typical sentence
/// opener follows ("… bought by Acme Corp. The deal …"). Months and weekdays, company
/// and name suffixes, street words, US state abbreviations, "Yahoo!".
const USUAL_ABBREVIATIONS: &[&str] = &[
    "Jan.", "Feb.", "Mar.", "Apr.", "May.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
    "Nov.", "Dec.", "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.",
    "Sun.", "Yahoo!", "Jr.", "Sr.", "Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "No.", "Nos.", "St.",
    "Ave.", "Blvd.", "Rd.", "Mt.", "Ft.", "Dept.", "Univ.", "Ala.", "Ariz.", "Ark.", "Calif.",
    "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.",
    "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.",
    "Tex.", "Vt.", "Va.", "Wash.", "Wis.", "Wyo.",
];

/// "a.m." and "p.m.": they end a sentence unless a time-like word follows.
const CLOCK_ABBREVIATIONS: &[&str] = &["a.m.", "p.m.", "A.M.", "P.M."];

/// Words that follow "p.m." inside a sentence: time zones and weekdays ("5 p.m. ET",
/// "8 p.m. Tuesday").
const AFTER_CLOCK: &[&str] = &[
    "ET",
    "EDT",
    "EST",
    "CT",
    "CDT",
    "CST",
    "MT",
    "MDT",
    "MST",
    "PT",
    "PDT",
    "PST",
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "KST",
    "JST",
    "IST",
    "AEST",
    "AEDT",
    "local",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Capitalized words that typically open a sentence: after an abbreviation that could
/// end one ("U.S.", "Corp.", "Jan."), they mean it did.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Then",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "According",
    "However",
    "Meanwhile",
    "Also",
    "Some",
    "Many",
    "Most",
    "Both",
    "All",
    "No",
    "Now",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Still",
    "Another",
    "Such",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Officials",
    "Police",
];

/// One or more capital initials with dots: "U.S.", "N.", "F.".
static INITIALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{Lu}\.)+$").expect("valid regex"));

/// Line numbers of byte offsets asked in file order: each question counts only the
/// line ends since the one before, so a whole article costs one pass over its text.
#[derive(Default)]
struct LineCounter {
    /// The offset last asked about and the number of line ends before it.
    pos: usize,
    ends: usize,
}

impl LineCounter {
    /// 1-based line of byte `pos` of `text` (an offset before the last one asked
    /// starts the count again).
    fn line_of(&mut self, text: &str, pos: usize) -> usize {
        if pos < self.pos {
            *self = LineCounter::default();
        }
        let between = text.as_bytes().get(self.pos..pos).unwrap_or_default();
        self.ends += between.iter().filter(|&&b| b == b'\n').count();
        self.pos = pos;
        self.ends + 1
    }
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or_default()
}

/// Group kept spans into blocks (see the module doc). The headline (a line equal to
/// the article's title) is always a block of its own, even when a dateline starting
/// "on …" follows it. Spans that do not slice the text on char boundaries, or that go
/// backwards, are skipped or start a new block.
fn blocks(text: &str, cleaned: &Cleaned, title: Option<&str>) -> Vec<Span> {
    let mut blocks: Vec<Span> = Vec::new();
    let mut last_line = Span::default();
    for &span in &cleaned.kept {
        if span.is_empty() || text.get(span.start..span.end).is_none() {
            continue;
        }
        match blocks.last_mut() {
            Some(block)
                if title != Some(slice(text, last_line))
                    && continues(text, cleaned, last_line, span) =>
            {
                block.end = span.end
            }
            _ => blocks.push(span),
        }
        last_line = span;
    }
    blocks
}

/// Whether kept span `next` continues the block whose last kept span is `prev`.
fn continues(text: &str, cleaned: &Cleaned, prev: Span, next: Span) -> bool {
    let Some(gap) = text.get(prev.end..next.start) else {
        return false;
    };
    let dropped_between = cleaned
        .dropped
        .iter()
        .any(|(d, _)| d.start < next.start && d.end > prev.end);
    if dropped_between || !gap.trim().is_empty() {
        return false;
    }
    match gap.matches('\n').count() {
        0 => true,
        1 => !ends_line_sentence(slice(text, prev)) && starts_lower(slice(text, next)),
        _ => false,
    }
}

/// A line ends like a sentence: `.`, `!`, `?`, `…` or `:`, maybe before closing quotes.
fn ends_line_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| is_closing(c) || c.is_whitespace());
    core.ends_with(['.', '!', '?', '…', ':'])
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn starts_lower(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Add the sentences of one block to `out`, re-joining the splits UAX #29 gets wrong.
fn split_block(text: &str, block: Span, out: &mut Vec<Span>) {
    let raw = slice(text, block);
    let mut add = |(s, e): (usize, usize)| {
        let span = trim(text, Span::new(block.start + s, block.start + e));
        if let Some(span) =
            span.filter(|span| slice(text, *span).chars().any(char::is_alphanumeric))
        {
            cap_length(text, span, out);
        }
    };
    // `should_join` sees line ends inside the block as the spaces UAX #29 is shown.
    let mut sentence: Option<(usize, usize)> = None;
    sentence_pieces(raw, |at, end| match sentence {
        Some((start, cur)) if should_join(&raw[start..cur], &raw[at..end]) => {
            sentence = Some((start, end));
        }
        _ => sentence.replace((at, end)).into_iter().for_each(&mut add),
    });
    sentence.into_iter().for_each(add);
}

/// Call `piece(start, end)` for each piece of `raw` between UAX #29 sentence
/// boundaries, in order, as `split_sentence_bound_indices` would give them, with line
/// breaks segmented as if they were spaces (in a block they are wrapped prose).
///
/// UAX #29 breaks only shortly after a sentence terminator or paragraph separator
/// (rules SB4 and SB11), so the full algorithm runs only on a window around each
/// character that may be one ([`never_ends_sentence`] tells the others), from the
/// ASCII letter before it to the ASCII letter after it. No boundary falls just after
/// a letter, the rules never look back past a letter (it is no terminator, closing
/// punctuation, space or separator), and the one rule that looks ahead (SB8) stops at
/// a letter. So the boundaries inside each window are exactly those of the whole text
/// there, and there are none outside.
fn sentence_pieces(raw: &str, mut piece: impl FnMut(usize, usize)) {
    if raw.is_empty() {
        return;
    }
    let bytes = raw.as_bytes();
    let mut start = 0;
    let mut from = 0;
    while let Some((at, len)) = next_maybe_end(raw, from) {
        let window_start = bytes[..at]
            .iter()
            .rposition(u8::is_ascii_alphabetic)
            .unwrap_or(0);
        from = bytes[at + len..]
            .iter()
            .position(u8::is_ascii_alphabetic)
            .map_or(bytes.len(), |i| at + len + i + 1);
        bounds_inside(&raw[window_start..from], |i| {
            piece(start, window_start + i);
            start = window_start + i;
        });
    }
    piece(start, raw.len());
}

/// Call `bound(i)` for each UAX #29 sentence boundary strictly inside `window`, in
/// order, line breaks taken for spaces. Nearly every window is ASCII, and is read by
/// [`ascii_bounds_inside`] without decoding or copying it.
fn bounds_inside(window: &str, mut bound: impl FnMut(usize)) {
    if window.is_ascii() {
        return ascii_bounds_inside(window.as_bytes(), bound);
    }
    for (i, _) in as_spaced(window).split_sentence_bound_indices().skip(1) {
        bound(i);
    }
}

/// The UAX #29 Sentence_Break class of an ASCII byte, line breaks being spaces (so
/// there is no paragraph separator). ASCII has no `OLetter`, `Extend` or `Format`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SentenceClass {
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

fn ascii_class(b: u8) -> SentenceClass {
    use SentenceClass::*;
    match b {
        b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => Sp,
        b'a'..=b'z' => Lower,
        b'A'..=b'Z' => Upper,
        b'0'..=b'9' => Numeric,
        b'.' => ATerm,
        b'!' | b'?' => STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Close,
        b',' | b'-' | b':' | b';' => SContinue,
        _ => Other,
    }
}

/// What the bytes before a position end with, for rules SB8 to SB11: a terminator,
/// maybe closing punctuation, maybe spaces (`spaced`).
#[derive(Clone, Copy)]
struct AfterTerm {
    aterm: bool,
    spaced: bool,
}

/// [`bounds_inside`] for ASCII text: rules SB6 to SB11 of UAX #29 (the rules before
/// them concern separators, `Extend` and `Format`, which ASCII with line breaks as
/// spaces lacks), in one pass. The look-ahead of SB8 (is the next letter lower
/// case?) is kept for every position up to the letter or terminator it stopped at,
/// so a long run of spaces or digits is read once, not once a position.
fn ascii_bounds_inside(w: &[u8], mut bound: impl FnMut(usize)) {
    use SentenceClass::*;
    let mut after: Option<AfterTerm> = None;
    let mut lower_ahead: Option<(usize, bool)> = None;
    for i in 1..w.len() {
        let prev = ascii_class(w[i - 1]);
        let cur = ascii_class(w[i]);
        after = match (prev, after) {
            (ATerm | STerm, _) => Some(AfterTerm {
                aterm: prev == ATerm,
                spaced: false,
            }),
            (Close, Some(a)) if !a.spaced => Some(a),
            (Sp, Some(a)) => Some(AfterTerm { spaced: true, ..a }),
            _ => None,
        };
        let Some(a) = after else { continue };
        let upper_aterm_upper = prev == ATerm
            && cur == Upper
            && i >= 2
            && matches!(ascii_class(w[i - 2]), Upper | Lower);
        if (prev == ATerm && cur == Numeric) || upper_aterm_upper {
            continue; // SB6, SB7
        }
        if a.aterm {
            if lower_ahead.is_none_or(|(stop, _)| stop < i) {
                lower_ahead = Some(next_letter_or_term(w, i));
            }
            if lower_ahead.is_some_and(|(_, lower)| lower) {
                continue; // SB8
            }
        }
        let joins = match cur {
            SContinue | ATerm | STerm => true, // SB8a
            Close => !a.spaced,                // SB9
            Sp => true,                        // SB9, SB10
            _ => false,
        };
        if !joins {
            bound(i); // SB11
        }
    }
}

/// Where the first letter or terminator at or after `from` is (the end of `w` if
/// none), and whether it is a lower-case letter: the look-ahead of SB8.
fn next_letter_or_term(w: &[u8], from: usize) -> (usize, bool) {
    use SentenceClass::*;
    let stop = w[from..]
        .iter()
        .position(|&b| matches!(ascii_class(b), Upper | Lower | ATerm | STerm))
        .map_or(w.len(), |k| from + k);
    let lower = w.get(stop).is_some_and(|&b| ascii_class(b) == Lower);
    (stop, lower)
}

/// `s` with line breaks as spaces (both are one byte, so offsets stay the same).
fn as_spaced(s: &str) -> Cow<'_, str> {
    match s.bytes().any(|b| b == b'\n' || b == b'\r') {
        true => Cow::Owned(s.replace(['\n', '\r'], " ")),
        false => Cow::Borrowed(s),
    }
}

/// The offset and length of the first character at or after `from` that may be a
/// sentence terminator or paragraph separator (line breaks being spaces).
fn next_maybe_end(raw: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = raw.as_bytes();
    let mut at = from;
    loop {
        at += first_maybe_end_byte(&bytes[at..])?;
        if bytes[at] < 0x80 {
            return Some((at, 1));
        }
        let c = raw[at..].chars().next()?;
        if !never_ends_sentence(c) {
            return Some((at, c.len_utf8()));
        }
        at += c.len_utf8();
    }
}

/// The offset of the first byte of `bytes` that [`MAYBE_END_BYTES`] marks. Of ASCII,
/// most of any text, it marks only `.!?`: a vectorized search finds the next of those,
/// and only a stretch before it that is not all ASCII is read a byte at a time.
fn first_maybe_end_byte(bytes: &[u8]) -> Option<usize> {
    let terminator = memchr::memchr3(b'.', b'!', b'?', bytes);
    let before = &bytes[..terminator.unwrap_or(bytes.len())];
    if before.is_ascii() {
        return terminator;
    }
    before
        .iter()
        .position(|&b| MAYBE_END_BYTES[usize::from(b)])
        .or(terminator)
}

/// Bytes that start a character [`never_ends_sentence`] may say `false` of: `.!?`,
/// the first byte of U+0085 (and of the rest of U+0080 to U+00BF), and the
/// first bytes of characters from U+0580 on.
static MAYBE_END_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0xD6;
    while b < 256 {
        table[b] = true;
        b += 1;
    }
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[0xC2] = true;
    table
};

/// A character that is neither a sentence terminator nor a paragraph separator in UAX
/// #29 (`false` may be either). Characters not known to be neither (anything but
/// ASCII other than `.!?` and line ends, Latin, Greek, Cyrillic, and the general
/// punctuation block's quotes and dashes) count as maybe either.
fn never_ends_sentence(c: char) -> bool {
    match c {
        '.' | '!' | '?' | '\n' | '\r' | '\u{85}' => false,
        _ => {
            c < '\u{589}'
                || ('\u{2000}'..='\u{2023}').contains(&c)
                || ('\u{2025}'..='\u{2027}').contains(&c)
        }
    }
}

/// `span` without surrounding whitespace, or `None` when nothing is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let s = text.get(span.start..span.end)?;
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    (start < end).then_some(Span::new(start, end))
}

/// Whether the boundary between `prev` and `next` is a wrong split.
fn should_join(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let next = next.trim_start();
    if !next.chars().any(char::is_alphanumeric) || !ends_sentence(prev) {
        return true;
    }
    let next_word = first_word(next);
    if is_lower_word(next_word) {
        return true;
    }
    let last = last_token(prev);
    let opener = SENTENCE_OPENERS.contains(&next_word);
    if TITLES.contains(&last) {
        true
    } else if CLOCK_ABBREVIATIONS.contains(&last) {
        next_word.starts_with(|c: char| c.is_ascii_digit()) || AFTER_CLOCK.contains(&next_word)
    } else if USUAL_ABBREVIATIONS.contains(&last) || INITIALS.is_match(last) {
        !opener
    } else {
        false
    }
}

/// Ends with `.`, `!`, `?` or `…`, maybe before closing quotes or brackets.
fn ends_sentence(s: &str) -> bool {
    let core = s.trim_end_matches(|c: char| is_closing(c) || c.is_whitespace());
    core.ends_with(['.', '!', '?', '…'])
}

/// The first word of `s`, past opening quotes, brackets and dashes.
fn first_word(s: &str) -> &str {
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '\'' || *c == '’'))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// A lower-case word ("he", "on"), but not a brand like "iPhone" or "eBay".
fn is_lower_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_lowercase) && !chars.any(char::is_uppercase)
}

/// The last whitespace-separated token, without opening quotes or brackets.
fn last_token(s: &str) -> &str {
    s.split_whitespace()
        .next_back()
        .unwrap_or_default()
        .trim_start_matches(|c: char| "\"'“‘([".contains(c))
}

#[cfg(test)]
mod tests {

    #[test]
    fn overlong_sentences_are_cut_at_spaces() {
        let long = "word ".repeat(1_000);
        let text = format!("{long}end.");
        let a = article(&text);
        let sentences = segment(&a, &crate::clean::clean(&a));
        assert!(sentences.len() >= 3, "{}", sentences.len());
        for s in &sentences {
            assert!(s.span.len() <= MAX_SENTENCE_BYTES);
            assert_eq!(&text[s.span.start..s.span.end], s.text);
            assert!(!s.text.starts_with(' ') && !s.text.ends_with(' '));
        }
        let one_word = "x".repeat(5_000);
        let a = article(&one_word);
        let pieces = segment(&a, &crate::clean::clean(&a));
        assert_eq!(pieces.iter().map(|s| s.span.len()).sum::<usize>(), 5_000);
    }
    use super::*;
    use crate::model::DropReason;

    fn article(text: &str) -> Article {
        Article::from_text("t.txt", text)
    }

    /// Every non-blank line kept whole, as clean does for plain text.
    fn all_lines_kept(text: &str) -> Cleaned {
        let mut kept = Vec::new();
        let mut pos = 0;
        for raw in text.split_inclusive('\n') {
            if let Some(span) = trim(text, Span::new(pos, pos + raw.len())) {
                kept.push(span);
            }
            pos += raw.len();
        }
        Cleaned {
            kept,
            dropped: Vec::new(),
        }
    }

    fn sentences(text: &str) -> Vec<String> {
        let a = article(text);
        segment(&a, &all_lines_kept(text))
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    /// Every boundary UAX #29 finds inside `s` (ASCII), line breaks taken for spaces.
    fn uax29_inside(s: &str) -> Vec<usize> {
        as_spaced(s)
            .split_sentence_bound_indices()
            .skip(1)
            .map(|(at, _)| at)
            .collect()
    }

    fn ascii_inside(s: &str) -> Vec<usize> {
        let mut found = Vec::new();
        ascii_bounds_inside(s.as_bytes(), |i| found.push(i));
        found
    }

    #[test]
    fn ascii_bounds_on_known_cases() {
        for s in [
            "a. B",
            "U.S. Army",
            "etc. and",
            "3.5 m",
            "He left.\" She",
            "Go! (Now) then",
            "end.)  The",
            "x.  ,  y",
            "a.\n\nb",
            "Hi?? Yes",
        ] {
            assert_eq!(ascii_inside(s), uax29_inside(s), "{s:?}");
        }
    }

    proptest::proptest! {
        /// The ASCII rules find the boundaries UAX #29 finds, on any ASCII text.
        #[test]
        fn ascii_bounds_agree_with_uax29_on_any_ascii(s in "[\x00-\x7f]{0,40}") {
            proptest::prop_assert_eq!(ascii_inside(&s), uax29_inside(&s));
        }

        /// And on text dense in the characters the rules are about.
        #[test]
        fn ascii_bounds_agree_with_uax29_on_punctuation(
            s in "[aZ1.!? \t\n\r\x0b\x0c\"'()\\[\\]{},;:\\-#]{0,40}"
        ) {
            proptest::prop_assert_eq!(ascii_inside(&s), uax29_inside(&s));
        }

        /// The vectorized search stops at the same byte as a plain scan of the table.
        #[test]
        fn maybe_end_search_agrees_with_the_table(
            s in "[ab .!?\n’”é\u{85}\u{a0}\u{589}\u{3002}]{0,40}"
        ) {
            let bytes = s.as_bytes();
            let plain = bytes.iter().position(|&b| MAYBE_END_BYTES[usize::from(b)]);
            proptest::prop_assert_eq!(first_maybe_end_byte(bytes), plain);
        }

        /// Running UAX #29 only in windows finds the same pieces as running it all,
        /// line breaks taken for spaces.
        #[test]
        fn windowed_pieces_agree_with_uax29(
            s in "[ab.!?\"')\\]’”“( \t\n\r\u{85}\u{2024}\u{2028}\u{301}\u{200B}\u{ad}AB1é,;:—\u{589}\u{3002}\u{a0}]{1,40}"
        ) {
            let expected: Vec<(usize, usize)> = s
                .replace(['\n', '\r'], " ")
                .split_sentence_bound_indices()
                .map(|(at, piece)| (at, at + piece.len()))
                .collect();
            let mut pieces = Vec::new();
            sentence_pieces(&s, |start, end| pieces.push((start, end)));
            proptest::prop_assert_eq!(pieces, expected);
        }
    }

    #[test]
    fn title_without_dot_is_one_sentence() {
        assert_eq!(sentences("Mr Smith landed."), vec!["Mr Smith landed."]);
    }

    #[test]
    fn mr_with_dot_does_not_split() {
        assert_eq!(
            sentences("Mr. Smith went to Washington. He said hi."),
            vec!["Mr. Smith went to Washington.", "He said hi."]
        );
    }

    #[test]
    fn times_months_and_initialisms_do_not_split() {
        assert_eq!(
            sentences("It happened at 3 p.m. on Jan. 5 in the U.S. Army base."),
            vec!["It happened at 3 p.m. on Jan. 5 in the U.S. Army base."]
        );
    }

    #[test]
    fn more_abbreviations() {
        for s in [
            "Dr. Jones and Prof. Lee met Gen. Park at the base.",
            "President John F. Kennedy was shot in Dallas.",
            "Ferries from N. Ireland and S. Wales docked.",
            "The U.N. Security Council met on Friday.",
            "He works for Acme Corp. in Texas.",
            "The meeting ended at 5 p.m. ET on Friday.",
            "The vote closes at 8 p.m. Tuesday in most states.",
            "She moved to a town in Marin County, Calif. on Thursday.",
            "It was the No. 1 song for weeks.",
            "Apples, pears, etc. are on sale.",
            "The case Roe v. Wade was decided in 1973.",
            "Police Const. Jane Doe said so.",
            "It was reported by Yahoo! Sports on Fri. May 3.",
        ] {
            assert_eq!(sentences(s), vec![s], "{s}");
        }
    }

    #[test]
    fn abbreviations_that_end_a_sentence_still_split() {
        assert_eq!(
            sentences("The firm was sold to Acme Corp. The deal closed Monday."),
            vec!["The firm was sold to Acme Corp.", "The deal closed Monday."]
        );
        assert_eq!(
            sentences("Troops left the U.S. They arrived in Germany."),
            vec!["Troops left the U.S.", "They arrived in Germany."]
        );
        assert_eq!(
            sentences("It ended at 5 p.m. Police then left."),
            vec!["It ended at 5 p.m.", "Police then left."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("\"We will go,\" he said. \"We will win!\" she added. Then they left."),
            vec![
                "\"We will go,\" he said.",
                "\"We will win!\" she added.",
                "Then they left."
            ]
        );
        assert_eq!(
            sentences("He called it a \"bold plan\". \"I think so\", he added."),
            vec!["He called it a \"bold plan\".", "\"I think so\", he added."]
        );
        assert_eq!(
            sentences("She said: “It is over.” Then she left."),
            vec!["She said: “It is over.”", "Then she left."]
        );
        assert_eq!(
            sentences("Why now?\" asked one man. Nobody knew."),
            vec!["Why now?\" asked one man.", "Nobody knew."]
        );
    }

    #[test]
    fn spaced_closing_quote_joins_the_sentence_before() {
        assert_eq!(
            sentences("“ I think it will rain in Paris. ”"),
            vec!["“ I think it will rain in Paris. ”"]
        );
    }

    #[test]
    fn brand_names_do_not_count_as_lower_case() {
        assert_eq!(
            sentences("Were sales up? iPhone sales rose."),
            vec!["Were sales up?", "iPhone sales rose."]
        );
    }

    #[test]
    fn title_line_then_paragraph_gives_two_sentences() {
        let text = "Council approves new budget\n\nThe council voted on Wednesday.\n";
        assert_eq!(
            sentences(text),
            vec![
                "Council approves new budget",
                "The council voted on Wednesday."
            ]
        );
        let text = "Council approves new budget\nThe council voted on Wednesday.\n";
        assert_eq!(sentences(text).len(), 2, "no blank line between");
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "The committee debated for two\nhours in the evening. They\nleft.\n";
        assert_eq!(
            sentences(text),
            vec![
                "The committee debated for two\nhours in the evening.",
                "They\nleft."
            ]
        );
        let text = "They met on Friday.\nthen they left.\n";
        assert_eq!(
            sentences(text).len(),
            2,
            "a line ending a sentence is not joined"
        );
    }

    #[test]
    fn headline_is_never_joined_to_a_dateline() {
        let text = "Team wins title\non Mar 3 2019, 6:10p\nThe team won.\n";
        let mut a = article(text);
        a.title = Some("Team wins title".into());
        let got: Vec<_> = segment(&a, &all_lines_kept(text))
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(
            got,
            vec!["Team wins title", "on Mar 3 2019, 6:10p", "The team won."]
        );
    }

    #[test]
    fn one_sentence_per_line_stays_apart() {
        let text = "Storm hits coast\nMarch 3, 2019\nAt least 4 homes were damaged.\n";
        assert_eq!(
            sentences(text),
            vec![
                "Storm hits coast",
                "March 3, 2019",
                "At least 4 homes were damaged."
            ]
        );
    }

    #[test]
    fn crlf_file_spans_slice_back_and_lines_count() {
        let text = "Headline\r\n\r\nFirst one. Second\r\none here.\r\nThird.\r\n";
        let a = article(text);
        let got = segment(&a, &all_lines_kept(text));
        let texts: Vec<_> = got.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["Headline", "First one.", "Second\r\none here.", "Third."]
        );
        let lines: Vec<_> = got.iter().map(|s| s.line).collect();
        assert_eq!(lines, vec![1, 3, 3, 5]);
        for s in &got {
            assert_eq!(&text[s.span.start..s.span.end], s.text);
        }
    }

    #[test]
    fn spans_slice_back_to_text_and_line_numbers_are_right() {
        let text = "---\ntitle: T\n---\nÉté à Lyon\n\n“Déjà vu,” il dit. Mr. Roy left.\n";
        let a = article(text);
        let got = segment(&a, &all_lines_kept(text));
        for s in &got {
            assert_eq!(&text[s.span.start..s.span.end], s.text);
            assert_eq!(s.text, s.text.trim());
        }
        let found: Vec<_> = got.iter().map(|s| (s.line, s.text.as_str())).collect();
        assert!(found.contains(&(4, "Été à Lyon")));
        assert!(found.contains(&(6, "“Déjà vu,” il dit.")));
        assert!(found.contains(&(6, "Mr. Roy left.")));
    }

    #[test]
    fn dropped_text_is_never_crossed() {
        let text = "A caption about the talks Image copyright X\nand more text here.\n";
        let caption_end = text.find(" Image").unwrap();
        let credit = Span::new(caption_end + 1, text.find('\n').unwrap());
        let next = Span::new(credit.end + 1, text.len() - 1);
        let cleaned = Cleaned {
            kept: vec![Span::new(0, caption_end), next],
            dropped: vec![(credit, DropReason::PhotoCredit)],
        };
        let got = segment(&article(text), &cleaned);
        let texts: Vec<_> = got.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec!["A caption about the talks", "and more text here."]
        );
    }

    #[test]
    fn only_kept_text_is_segmented() {
        let text = "Keep this one.\nRelated Stories\nAnd this.\n";
        let cleaned = Cleaned {
            kept: vec![Span::new(0, 14), Span::new(31, 40)],
            dropped: vec![(Span::new(15, 30), DropReason::Navigation)],
        };
        let got = segment(&article(text), &cleaned);
        let texts: Vec<_> = got.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["Keep this one.", "And this."]);
        assert_eq!(got[1].line, 3);
    }

    #[test]
    fn fragments_without_letters_or_digits_are_skipped() {
        assert_eq!(sentences("* * *\n\n---\n...\n"), Vec::<String>::new());
        assert_eq!(sentences("... The end."), vec!["The end."]);
    }

    #[test]
    fn bad_spans_do_not_panic() {
        let text = "é and more.";
        let cleaned = Cleaned {
            kept: vec![
                Span::new(1, 3),
                Span::new(0, 99),
                Span::new(5, 2),
                Span::new(0, text.len()),
            ],
            dropped: Vec::new(),
        };
        let got = segment(&article(text), &cleaned);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "é and more.");
        assert!(segment(&article(""), &Cleaned::default()).is_empty());
    }

    #[test]
    fn line_numbers_of_offsets() {
        let text = "a\nbb\n\nc";
        let mut lines = LineCounter::default();
        let asked = [0, 1, 2, 6, 5, 2, 4];
        let got: Vec<usize> = asked.iter().map(|&p| lines.line_of(text, p)).collect();
        assert_eq!(got, vec![1, 1, 2, 4, 3, 2, 2]);
    }
}
