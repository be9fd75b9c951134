//! Clues: which literals a text holds, found in one pass, so that each of many costly
//! patterns runs only on the texts that hold what every one of its matches holds (a
//! digit, "quake", a currency sign). One search per pattern scanned each sentence a
//! dozen times; one walk of an Aho-Corasick automaton over it sets a bit per clue.
//!
//! A clue is only ever a necessary condition: a pattern skipped where its clues are
//! missing could not have matched, so the skip never changes what is found. Debug
//! builds of the users check this on every text.

use aho_corasick::Anchored;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use std::cell::RefCell;
use std::sync::LazyLock;

/// The bit of a decimal digit in any script (what `\d` matches), shared by all rules.
pub(crate) const DIGIT: u64 = 1;

/// The clues of every rule that reads a sentence's numbers, and of a few that read
/// its words, walked as one automaton: the rules' own clue sets walked in turn cost
/// one pass each. Each rule names its
/// clues with bits of its own: quantities 1 to 12, tolls 20 to 36, ratios 40 to 43,
/// ordinals and degrees 48 and 49, and the word rules of the extractor (venues,
/// sources) 50 and up.
static SENTENCE_CLUES: LazyLock<Clues> = LazyLock::new(|| {
    let all = [
        crate::quantity::clues(),
        crate::extract::number_clues(),
        crate::extract::word_clues(),
    ]
    .concat();
    Clues::new(&all, DIGIT)
});

thread_local! {
    /// The last text asked about on this thread, with its clues: the rules of one
    /// sentence ask in turn.
    static LAST: RefCell<(String, Has)> = const { RefCell::new((String::new(), Has(0))) };
}

/// The clues of every number rule that `text` holds.
pub(crate) fn of(text: &str) -> Has {
    LAST.with_borrow_mut(|(last, has)| {
        if last != text {
            *has = SENTENCE_CLUES.of(text);
            last.clear();
            last.push_str(text);
        }
        *has
    })
}

/// A literal that every match of some patterns holds, and how it must appear there.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clue {
    literal: &'static str,
    /// The bit it sets in what [`Clues::of`] finds.
    bit: u64,
    /// Case must match exactly; else ASCII case is ignored, as `(?i)` does.
    exact_case: bool,
    /// Only as a whole word: no ASCII letter, digit or `_` either side, as a pattern
    /// that puts the literal between ASCII word boundaries demands.
    whole_word: bool,
}

/// A literal matched in any case, anywhere ("quake" in "Earthquakes").
pub(crate) const fn clue(literal: &'static str, bit: u64) -> Clue {
    Clue {
        literal,
        bit,
        exact_case: false,
        whole_word: false,
    }
}

/// A literal matched in any case, as a whole word ("one" but not "someone").
pub(crate) const fn word_clue(literal: &'static str, bit: u64) -> Clue {
    Clue {
        whole_word: true,
        ..clue(literal, bit)
    }
}

/// A literal matched as written ("Rs", not "years").
pub(crate) const fn exact_clue(literal: &'static str, bit: u64) -> Clue {
    Clue {
        exact_case: true,
        ..clue(literal, bit)
    }
}

impl Clue {
    /// Whether the literal found at `start..end` (in any ASCII case) is this clue.
    fn holds(&self, text: &str, start: usize, end: usize) -> bool {
        let b = text.as_bytes();
        let word = |i: usize| b[i].is_ascii_alphanumeric() || b[i] == b'_';
        let cased = !self.exact_case || &text[start..end] == self.literal;
        let whole =
            !self.whole_word || !(start > 0 && word(start - 1) || end < b.len() && word(end));
        cased && whole
    }
}

/// The clue bits found in a text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Has(u64);

impl Has {
    /// Every one of `bits` was found.
    pub(crate) fn all(self, bits: u64) -> bool {
        self.0 & bits == bits
    }

    /// At least one of `bits` was found.
    pub(crate) fn any(self, bits: u64) -> bool {
        self.0 & bits != 0
    }
}

/// Which of many clues a text holds, found in one pass: a set of regexes is worth
/// running on a text only where it holds what their every match holds, and one pass
/// of an Aho-Corasick automaton costs less than the first of the searches it spares
/// (a search scans the whole text even when it finds nothing).
struct Clues {
    /// The automaton itself rather than an `AhoCorasick`, to walk it in [`Clues::of`].
    finder: DFA,
    clues: Vec<Clue>,
    digit: u64,
}

impl Clues {
    /// `digit` is the bit of a decimal digit in any script (what `\d` matches).
    fn new(clues: &[Clue], digit: u64) -> Clues {
        const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
        let mut clues = clues.to_vec();
        clues.extend(DIGITS.iter().map(|d| clue(d, digit)));
        let finder = DFA::builder()
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(clues.iter().map(|c| c.literal))
            .expect("clue literals build an automaton");
        Clues {
            finder,
            clues,
            digit,
        }
    }

    /// The clues `text` holds. Where `(?i)` could read a literal in other letters
    /// (the Kelvin sign is a "k", the long s an "s") every clue counts as found.
    fn of(&self, text: &str) -> Has {
        let ascii = text.is_ascii();
        if !ascii && text.contains(['\u{212A}', '\u{17F}']) {
            return Has(u64::MAX);
        }
        let mut bits = 0;
        // The automaton walked byte by byte: its own overlapping search re-enters
        // once per match and costs several times this loop.
        let Ok(mut state) = self.finder.start_state(Anchored::No) else {
            return Has(u64::MAX);
        };
        for (at, &byte) in text.as_bytes().iter().enumerate() {
            state = self.finder.next_state(Anchored::No, state, byte);
            if !self.finder.is_match(state) {
                continue;
            }
            for i in 0..self.finder.match_len(state) {
                let pattern = self.finder.match_pattern(state, i);
                let clue = &self.clues[pattern.as_usize()];
                let end = at + 1;
                if clue.holds(text, end - self.finder.pattern_len(pattern), end) {
                    bits |= clue.bit;
                }
            }
        }
        if !ascii && text.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
            bits |= self.digit;
        }
        Has(bits)
    }
}
