//! Regexes with Unicode word boundaries (`\b`) that run at the speed of ASCII ones.
//!
//! The regex crate's fast engine (its lazy DFA) cannot look at Unicode word
//! boundaries: on a text with any non-ASCII byte it gives up, and a backtracker or the
//! PikeVM runs the whole search instead, tens of times slower. Yet `\b` and the ASCII
//! `(?-u:\b)` only disagree next to a non-ASCII *word* character ("é", "ß", "中");
//! curly quotes, dashes and non-breaking spaces are word characters in neither. So a
//! [`WordRegex`] keeps both forms of its pattern and runs the ASCII one on every text
//! without a non-ASCII word character, where both find exactly the same matches; the
//! others get the pattern as written.
//!
//! A pattern may also name what every text it matches contains ([`WordRegex::needing`]:
//! "toll" for "the death toll has risen to 15"), a quick test that spares the search
//! of the many sentences without it. Debug builds check, on every text tested, that
//! the pattern indeed does not match where that test fails.

use regex::{Captures, Match, Regex};
use std::sync::LazyLock;

/// `\s` where a pattern's Unicode flag is off (`(?-u)`), or `\s` on ASCII text: ASCII
/// white space, vertical tab included, which `u8::is_ascii_whitespace` leaves out. For
/// the hand-written splits of a match that must read white space as its pattern does.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// A pattern compiled twice: as written, and with every `\b` an ASCII word boundary.
#[derive(Clone, Debug)]
pub struct WordRegex {
    unicode: Regex,
    ascii: Regex,
    /// Matches every text that `unicode` matches (and many more).
    needs: Option<Regex>,
}

impl WordRegex {
    pub fn new(pattern: &str) -> Result<WordRegex, regex::Error> {
        let unicode = Regex::new(pattern)?;
        let ascii_pattern = ascii_boundaries(pattern);
        let ascii = match ascii_pattern == pattern {
            true => unicode.clone(),
            false => Regex::new(&ascii_pattern)?,
        };
        Ok(WordRegex {
            unicode,
            ascii,
            needs: None,
        })
    }

    /// `pattern`, searched only in texts that `needs` matches: `needs` must match
    /// every text `pattern` matches (words that every match contains, with the same
    /// case rule).
    pub fn needing(pattern: &str, needs: &str) -> Result<WordRegex, regex::Error> {
        Ok(WordRegex {
            needs: Some(Regex::new(needs)?),
            ..WordRegex::new(pattern)?
        })
    }

    /// False when `text` cannot hold a match.
    fn may_match(&self, text: &str) -> bool {
        let may = self.needs.as_ref().is_none_or(|n| n.is_match(text));
        debug_assert!(
            may || !self.unicode.is_match(text),
            "{:?} matches {text:?} without what it needs",
            self.unicode.as_str()
        );
        may
    }

    /// The form that finds the same matches as the pattern written, fastest, on `text`.
    pub fn for_text(&self, text: &str) -> &Regex {
        if has_non_ascii_word_char(text) {
            &self.unicode
        } else {
            &self.ascii
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.for_text(text).is_match(text)
    }

    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        match self.may_match(text) {
            true => self.for_text(text).find(text),
            false => None,
        }
    }

    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        match self.may_match(text) {
            true => self.for_text(text).captures(text),
            false => None,
        }
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        let found = self
            .may_match(text)
            .then(|| self.for_text(text).captures_iter(text));
        found.into_iter().flatten()
    }

    /// [`WordRegex::captures_iter`] where `runs`: the caller's cheaper test (as
    /// [`crate::clues`]) that `text` holds what every match holds. Debug builds check
    /// the test on every text.
    pub fn captures_iter_if<'r, 'h>(
        &'r self,
        runs: bool,
        text: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        debug_assert!(
            runs || !self.is_match(text),
            "{:?} matches {text:?} without its clues",
            self.as_str()
        );
        runs.then(|| self.captures_iter(text)).into_iter().flatten()
    }

    pub fn find_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        let found = self
            .may_match(text)
            .then(|| self.for_text(text).find_iter(text));
        found.into_iter().flatten()
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        self.unicode.as_str()
    }
}

/// Whether `text` holds a character outside ASCII that `\w` matches: only there can a
/// Unicode word boundary fall elsewhere than an ASCII one.
fn has_non_ascii_word_char(text: &str) -> bool {
    static NON_ASCII_WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").expect("class compiles"));
    !text.is_ascii() && NON_ASCII_WORD.is_match(text)
}

/// `pattern` with each `\b` written `(?-u:\b)` (an escaped backslash stays as it is).
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(next) => {
                out.push('\\');
                out.push(next);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_word_boundaries_are_rewritten() {
        assert_eq!(ascii_boundaries(r"\bx\\b\d\b"), r"(?-u:\b)x\\b\d(?-u:\b)");
    }

    #[test]
    fn both_forms_agree_where_the_ascii_one_is_used() {
        let re = WordRegex::new(r"(?i)\b(?:in|at)\s+(?P<p>[A-Z]\w+)\b").unwrap();
        for text in [
            "held in Paris, then at Lyon",
            "held in “Paris” – at Lyon’s",
            "near\u{a0}at Köln",
            "Kölnin Paris",
            "résumé at Zürich and in Ålesund",
        ] {
            let all = |r: &Regex| -> Vec<(usize, usize)> {
                r.find_iter(text).map(|m| (m.start(), m.end())).collect()
            };
            assert_eq!(all(re.for_text(text)), all(&re.unicode), "{text}");
        }
        assert!(std::ptr::eq(re.for_text("in “Paris”"), &re.ascii));
        assert!(std::ptr::eq(re.for_text("in Köln"), &re.unicode));
    }

    #[test]
    fn texts_without_what_a_pattern_needs_are_not_searched() {
        let re = WordRegex::needing(r"(?i)\btoll\s+(?P<n>\d+)", "(?i)toll").unwrap();
        assert_eq!(re.captures_iter("The TOLL 15, toll 3").count(), 2);
        assert_eq!(re.captures_iter("no such word 15").count(), 0);
        assert!(re.captures("toll 4").is_some());
        assert!(!re.is_match("15 dead"));
    }
}
