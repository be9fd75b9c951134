//! Clues: which literals a text holds, found in one pass, so that each of many costly
//! patterns runs only on the texts that hold what every one of its matches holds (a
//! digit, "quake", a currency sign). One search per pattern scanned each sentence a
//! dozen times; one walk of an Aho-Corasick automaton over it sets a bit per clue.
//!
//! A clue is only ever a necessary condition: a pattern skipped where its clues are
//! missing could not have matched, so the skip never changes what is found. Debug
//! builds of the users check this on every text.

use aho_corasick::Anchored;
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use std::cell::RefCell;
use std::sync::LazyLock;

/// The bit of a decimal digit in any script (what `\d` matches), shared by all rules.
pub(crate) const DIGIT: u64 = 1;

/// The clues of every rule that reads a sentence's numbers, and of a few that read
/// its words, walked as one automaton: the rules' own clue sets walked in turn cost
/// one pass each. Each rule names its clues with bits of its own: quantities 1 to
/// 12, tolls 20 to 36, legal steps 37 to 39 and 42, ratios 40 and 41, "last" 43,
/// count words 44, convictions 45, hyphened units 46, ordinals and degrees 47 to 49,
/// the word rules of the extractor (coincidences, venues, sources, actors, bylines,
/// crowd and apposed places) 50 to 57, and compass points 62. Two rules sharing a
/// bit would only gate less.
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
///
/// The automaton is aho-corasick's own DFA, copied into a table laid out for this one
/// walk: byte classes of its own, state ids premultiplied by the stride, and the
/// states where a clue ends numbered last, so that a byte costs one look-up and one
/// comparison. Walking the crate's DFA through its `Automaton` methods also tested
/// every state for death and for a match apart, and every sentence is walked.
struct Clues {
    /// The class of each byte: bytes that lead every state to the same state share one.
    classes: [u8; 256],
    /// `trans[state + class]`: the next state (ids are multiples of the stride).
    trans: Vec<u32>,
    /// The stride between two states' rows, a power of two (at least the number of
    /// classes), as its exponent: a match state's index is one shift away.
    shift: u32,
    start: u32,
    /// States from this id on end at least one clue.
    first_match: u32,
    /// Per match state (in id order): the clues it ends.
    ends: Vec<Ends>,
    clues: Vec<Clue>,
    digit: u64,
}

/// The clues a match state ends: the bits of those that hold wherever they end, and
/// those that must be checked where they end (case, whole word), with their bits: a
/// check is skipped where its bits are found already ("one" in "someone" after "one").
#[derive(Default)]
struct Ends {
    sure: u64,
    checked: Vec<usize>,
    checked_bits: u64,
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
        let walk = Walk::of(&finder);
        let classes = byte_classes(&walk);
        let width = classes
            .iter()
            .map(|&c| u32::from(c) + 1)
            .max()
            .unwrap_or(1)
            .next_power_of_two();
        // Non-match states first, then match states, each in the order found.
        let (matching, other): (Vec<usize>, Vec<usize>) =
            (0..walk.states.len()).partition(|&i| finder.is_match(walk.states[i]));
        let order = [&other[..], &matching[..]].concat();
        let (trans, start) = walk.table(&order, &classes, width);
        let ends = matching
            .iter()
            .map(|&i| ends_of(&finder, walk.states[i], &clues))
            .collect();
        Clues {
            classes,
            trans,
            shift: width.trailing_zeros(),
            start,
            first_match: other.len() as u32 * width,
            ends,
            clues,
            digit,
        }
    }

    /// The clues `text` holds. Where `(?i)` could read a literal in other letters
    /// (the Kelvin sign is a "k", the long s an "s") every clue counts as found.
    fn of(&self, text: &str) -> Has {
        let mut wide_digit = false;
        // Most texts are ASCII, which one word-wide test tells.
        let wide = (!text.is_ascii()).then(|| wide_chars(text));
        for c in wide.into_iter().flatten() {
            if matches!(c, '\u{212A}' | '\u{17F}') {
                return Has(u64::MAX);
            }
            wide_digit |= c.is_numeric();
        }
        let bits = self.walk(text);
        Has(if wide_digit { bits | self.digit } else { bits })
    }

    /// The bits of the clues found in `text` by the walk of the table, byte by byte,
    /// with the table's fields in locals: the loop is a look-up, a comparison and a
    /// branch per byte. Never inlined: inside its callers it lost registers to them
    /// and spilled on every byte.
    #[inline(never)]
    fn walk(&self, text: &str) -> u64 {
        let (trans, classes, first_match) = (&self.trans[..], &self.classes, self.first_match);
        let mut bits = 0;
        let mut state = self.start;
        // A match's end is read off what is left of the bytes.
        let mut bytes = text.as_bytes().iter();
        while let Some(&byte) = bytes.next() {
            state = trans[(state + u32::from(classes[usize::from(byte)])) as usize];
            if state >= first_match {
                let ends = &self.ends[((state - first_match) >> self.shift) as usize];
                bits |= ends.sure;
                if ends.checked_bits & !bits != 0 {
                    let end = text.len() - bytes.len();
                    bits |= self.checked(&ends.checked, text, end);
                }
            }
        }
        bits
    }

    /// The bits of the clues `checked` (by index) that hold where they end, at byte
    /// `end` of `text`.
    #[inline(never)]
    fn checked(&self, checked: &[usize], text: &str, end: usize) -> u64 {
        checked.iter().fold(0, |bits, &i| {
            let clue = &self.clues[i];
            match clue.holds(text, end - clue.literal.len(), end) {
                true => bits | clue.bit,
                false => bits,
            }
        })
    }
}

/// The characters of `text` outside ASCII, found by skipping ASCII bytes: most
/// sentences hold none or a few (curly quotes, dashes).
fn wide_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut rest = text;
    std::iter::from_fn(move || {
        let at = rest.bytes().position(|b| !b.is_ascii())?;
        let c = rest[at..].chars().next()?;
        rest = &rest[at + c.len_utf8()..];
        Some(c)
    })
}

/// Every state of an automaton reachable from its unanchored start (the first), with
/// the index of each state's successor on each byte.
struct Walk {
    states: Vec<StateID>,
    /// `next[i * 256 + byte]`: the index of the state after state `i` on `byte`.
    next: Vec<usize>,
}

impl Walk {
    fn of(finder: &DFA) -> Walk {
        let start = finder
            .start_state(Anchored::No)
            .expect("the clue automaton searches unanchored");
        let mut index = std::collections::HashMap::from([(start, 0)]);
        let mut walk = Walk {
            states: vec![start],
            next: Vec::new(),
        };
        let mut i = 0;
        while i < walk.states.len() {
            for byte in 0..=255u8 {
                let to = finder.next_state(Anchored::No, walk.states[i], byte);
                let n = *index.entry(to).or_insert_with(|| {
                    walk.states.push(to);
                    walk.states.len() - 1
                });
                walk.next.push(n);
            }
            i += 1;
        }
        walk
    }

    /// The transitions of the states in `order` (old indices), renumbered in that
    /// order with ids premultiplied by `width` and by byte class, and the start's id.
    fn table(&self, order: &[usize], classes: &[u8; 256], width: u32) -> (Vec<u32>, u32) {
        let mut id = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            id[old] = new as u32 * width;
        }
        let mut trans = vec![0u32; order.len() * width as usize];
        for (new, &old) in order.iter().enumerate() {
            for (byte, &class) in classes.iter().enumerate() {
                let to = self.next[old * 256 + byte];
                trans[new * width as usize + usize::from(class)] = id[to];
            }
        }
        (trans, id[0])
    }
}

/// Classes of bytes that lead every state of `walk` to the same state, numbered from 0.
fn byte_classes(walk: &Walk) -> [u8; 256] {
    let column = |byte: usize| -> Vec<usize> {
        (0..walk.states.len())
            .map(|i| walk.next[i * 256 + byte])
            .collect()
    };
    let mut seen: Vec<Vec<usize>> = Vec::new();
    let mut classes = [0u8; 256];
    for (byte, class) in classes.iter_mut().enumerate() {
        let col = column(byte);
        let n = match seen.iter().position(|c| *c == col) {
            Some(n) => n,
            None => {
                seen.push(col);
                seen.len() - 1
            }
        };
        *class = u8::try_from(n).expect("at most 256 byte classes");
    }
    classes
}

/// The clues match state `state` of `finder` ends.
fn ends_of(finder: &DFA, state: StateID, clues: &[Clue]) -> Ends {
    let mut ends = Ends::default();
    for i in 0..finder.match_len(state) {
        let pattern = finder.match_pattern(state, i).as_usize();
        let clue = &clues[pattern];
        match clue.exact_case || clue.whole_word {
            true => {
                ends.checked.push(pattern);
                ends.checked_bits |= clue.bit;
            }
            false => ends.sure |= clue.bit,
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    /// The clues of `text` as aho-corasick's own overlapping search finds them: what
    /// the table walk of [`Clues::of`] must give.
    fn by_search(clues: &Clues, text: &str) -> Has {
        if !text.is_ascii() && text.contains(['\u{212A}', '\u{17F}']) {
            return Has(u64::MAX);
        }
        let finder = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(clues.clues.iter().map(|c| c.literal))
            .expect("clue literals build an automaton");
        let mut bits = 0;
        for m in finder.find_overlapping_iter(text) {
            let clue = &clues.clues[m.pattern().as_usize()];
            if clue.holds(text, m.start(), m.end()) {
                bits |= clue.bit;
            }
        }
        if text.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
            bits |= clues.digit;
        }
        Has(bits)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn the_table_walk_finds_what_the_search_finds(
            words in proptest::collection::vec(
                r"(quake|Earthquakes|KILLED|no|No|one|someone|Rs|rs|US\$|\$|£|€|¥|,|7|٣|held|Held|said|coincid|age|page|man|many|woman|half|year|old|told|march|ſ|\u{212A}|İ|é|Σ|_|-| |  |\t|[a-z]{1,3}|[A-Z]|\PC)",
                0..24,
            )
        ) {
            let text = words.concat();
            let clues = &*SENTENCE_CLUES;
            proptest::prop_assert_eq!(clues.of(&text).0, by_search(clues, &text).0);
        }
    }
}
