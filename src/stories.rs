//! Stories: group the articles that report one story, so that claims are compared only
//! within one.
//!
//! Two quakes on the same island years apart, or two office shootings, read alike claim
//! by claim ("killed three people", "magnitude 6.1"); what tells them apart is the rest
//! of the article: the names, places, dates and words each story has and the other
//! lacks. Each article becomes a vector of features (log term frequency): its content
//! words, with names (capitalized words inside a sentence) counted [`NAME_WEIGHT`]
//! times, and the months of the dates it states counted [`DATE_WEIGHT`] times. Two
//! articles are as alike as the cosine of their vectors, lowered by [`FAR_APART`] when
//! their publication dates are more than [`FAR_APART_DAYS`] apart (the same kind of
//! event, another year), or by [`UNDATED`] when only one of them states its date (an
//! article that cannot say when it was written joins a dated story only on strong
//! evidence). Articles are merged bottom-up by average similarity (average linkage)
//! while the best pair of groups is at least [`SAME_STORY`] alike.
//!
//! A date inferred for an undated article is borrowed, as a rule, from an article the
//! inference took to be of the same story: dates it anchors ("Saturday" read as the
//! lender's Saturday) would repeat the lender's months and vouch for the very grouping
//! they came from. Such an article's months are counted only from dates that write
//! their year, and it counts as undated for [`UNDATED`].
//!
//! Pairs that share no feature are 0 alike and never looked at: candidate pairs come
//! from an inverted index. Up to [`EXHAUSTIVE_UP_TO`] articles every pair sharing a
//! feature is scored, which is exactly the all-pairs result. Beyond, a word shared by
//! thousands of articles says nothing about which story one is in, and scoring every
//! pair that shares one is quadratic: each article is then scored only against the
//! articles sharing one of its [`KEYS`] rarest features (those found in at most
//! [`MAX_POSTINGS`] articles), and a pair never scored counts as 0 alike. The cost
//! grows with the number of articles times the size of their stories.
//!
//! No weight depends on the other articles (no IDF): an article about something else,
//! added to a run of fewer than [`EXHAUSTIVE_UP_TO`] articles, shares no features with a
//! story and so changes nothing in it.
//!
//! Invariants: the result is one story number per article, numbered in order of each
//! story's first article; ties are broken by the lower index, so the grouping depends
//! on nothing but the articles and their order (not on the thread count).

use crate::lexicon;
use crate::model::{Analyzed, DateSource};
use chrono::NaiveDate;
use integer_encoding::VarInt;
use rayon::prelude::*;
use std::collections::{BTreeMap, BinaryHeap, HashMap};
use std::sync::LazyLock;

/// Least average similarity of two groups of articles about one story. Chosen on ECB+
/// topics 1–35 (both halves of every topic given together).
pub const SAME_STORY: f64 = 0.25;

/// How many times a name (a capitalized word that does not open its sentence) counts:
/// names tell stories apart better than common words do.
pub const NAME_WEIGHT: usize = 3;

/// How many times each month of a stated date counts ("2008-09" for "September 7,
/// 2008"): two stories of one kind are usually months or years apart.
pub const DATE_WEIGHT: usize = 6;

/// Publication dates further apart than this make two articles less alike …
pub const FAR_APART_DAYS: i64 = 180;

/// … by this factor.
pub const FAR_APART: f64 = 0.7;

/// The factor on the similarity of an article that states its publication date and
/// one that does not (none found, or only inferred). Nothing then tells whether the
/// two are of the same time: two events of one kind years apart share their words, and
/// only the dated one can show its year. Chosen on ECB+ topics 1–35, each topic's two
/// halves run together (one half is undated) and all of them at once.
pub const UNDATED: f64 = 0.7;

/// Up to this many articles, every pair sharing a feature is scored (exact).
pub const EXHAUSTIVE_UP_TO: usize = 2000;

/// In larger runs, how many of its rarest features an article is matched on.
pub const KEYS: usize = 6;

/// In larger runs, a feature found in more articles than this is not matched on.
pub const MAX_POSTINGS: usize = 64;

/// Pairs less alike than this are dropped before grouping: they cannot bring two
/// groups together, and keeping them would cost a hundred entries per article.
pub const NEGLIGIBLE: f32 = 0.05;

/// How candidate pairs of articles are found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Candidates {
    /// Exhaustive up to [`EXHAUSTIVE_UP_TO`] articles, by rare keys beyond.
    Auto,
    /// Every pair sharing a feature.
    Exhaustive,
    /// Pairs sharing one of an article's [`KEYS`] rarest features.
    RareKeys,
}

/// How stories are formed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StoryOptions {
    pub candidates: Candidates,
    /// Least average similarity of two groups about one story ([`SAME_STORY`]).
    pub same_story: f64,
}

impl StoryOptions {
    /// The default threshold, with candidate pairs found as `candidates` says.
    pub fn finding(candidates: Candidates) -> Self {
        StoryOptions {
            candidates,
            ..StoryOptions::default()
        }
    }
}

impl Default for StoryOptions {
    fn default() -> Self {
        StoryOptions {
            candidates: Candidates::Auto,
            same_story: SAME_STORY,
        }
    }
}

/// One story number per article.
pub fn stories(articles: &[Analyzed]) -> Vec<usize> {
    stories_with(articles, &StoryOptions::default())
}

/// One story number per article, with candidate pairs and threshold as `opts` say.
/// The articles must still have their sentences and time expressions (not
/// [`Analyzed::compact`]ed): a pipeline that drops them counts [`Features`] first.
pub fn stories_with(articles: &[Analyzed], opts: &StoryOptions) -> Vec<usize> {
    let mut vocabulary = Vocabulary::default();
    let mut features = Vec::with_capacity(articles.len());
    for chunk in articles.chunks(CHUNK) {
        features.extend(vocabulary.count(chunk));
    }
    let dates: Vec<Option<NaiveDate>> = articles.iter().map(publication).collect();
    group(vocabulary, features, &dates, opts)
}

/// One story number per article, from the articles' [`Features`] (counted with
/// `vocabulary`) and their publication dates, in article order.
///
/// Everything held here is per article and packed (a few bytes a feature, a few
/// words an article), as it is the peak of a large run: the features as gaps and
/// counts ([`Vectors`]), the index as bare article numbers, each similarity once a
/// side, and the groups as a forest of article numbers.
pub fn group(
    vocabulary: Vocabulary,
    features: Vec<Features>,
    dates: &[Option<NaiveDate>],
    opts: &StoryOptions,
) -> Vec<usize> {
    let n = features.len();
    let vectors = Vectors::new(features, &vocabulary.ranks());
    let exhaustive = match opts.candidates {
        Candidates::Auto => n <= EXHAUSTIVE_UP_TO,
        Candidates::Exhaustive => true,
        Candidates::RareKeys => false,
    };
    let scorer = if exhaustive {
        Scorer::all_shared(&vectors)
    } else {
        Scorer::rare_keys(&vectors)
    };
    let sums = similarities(&vectors, &scorer, dates);
    drop((scorer, vectors));
    number(average_linkage(sums, opts.same_story))
}

/// Each article's similarity to every other it was scored against, publication
/// dates applied and negligible pairs dropped: both ways, in increasing article
/// order, as [`average_linkage`] starts from. Scored [`CHUNK`] articles at a time
/// (on every core). The pairs are the peak of a large run's memory, so they are kept
/// once a side until every article's count is known, and each list is then made at
/// its final size, never grown by doubling.
fn similarities(vectors: &Vectors, scorer: &Scorer, dates: &[Option<NaiveDate>]) -> Vec<Sums> {
    let n = vectors.len();
    let mut rows: Vec<Box<[(u32, f32)]>> = Vec::with_capacity(n);
    for first in (0..n).step_by(CHUNK) {
        let chunk = (first..n.min(first + CHUNK)).into_par_iter().map(|i| {
            scorer
                .row(vectors, i)
                .into_iter()
                .map(|(j, s)| {
                    let j_ = j as usize;
                    let (si, sj) = (vectors.stated[i], vectors.stated[j_]);
                    (j, s * closeness(dates[i], dates[j_], si, sj))
                })
                .filter(|&(_, s)| s >= NEGLIGIBLE)
                .collect::<Box<[_]>>()
        });
        rows.par_extend(chunk);
    }
    let mut degree = vec![0usize; n];
    for (i, row) in rows.iter().enumerate() {
        degree[i] += row.len();
        row.iter().for_each(|&(j, _)| degree[j as usize] += 1);
    }
    let mut lists: Vec<Vec<(u32, f32)>> = degree.into_iter().map(Vec::with_capacity).collect();
    // Rows come in article order (each holding later articles only), so every list
    // stays sorted.
    for (i, row) in rows.into_iter().enumerate() {
        for &(j, s) in row.iter() {
            lists[i].push((j, s));
            lists[j as usize].push((i as u32, s));
        }
    }
    lists
        .into_iter()
        .map(|l| Sums::Scored(l.into_boxed_slice()))
        .collect()
}

/// A neighbour and its similarity as scored.
type Scored = (u32, f32);

/// A neighbour and the sum of the similarities with it.
type Summed = (u32, f64);

/// A group's similarity sums with its neighbours, sorted by neighbour.
#[derive(Clone, Debug, PartialEq)]
enum Sums {
    /// An article alone: its similarities as scored, in `f32` as the scorer gives
    /// them (exact in `f64`), in half the room.
    Scored(Box<[Scored]>),
    /// A group, or a neighbour of one: sums of several similarities.
    Summed(Vec<Summed>),
}

impl Sums {
    /// (neighbour, sum) pairs in neighbour order.
    fn iter(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        let (scored, summed): (&[Scored], &[Summed]) = match self {
            Sums::Scored(s) => (s, &[]),
            Sums::Summed(s) => (&[], s),
        };
        let scored = scored.iter().map(|&(c, s)| (c, f64::from(s)));
        scored.chain(summed.iter().copied())
    }

    /// The sums as a list that can change.
    fn summed(&mut self) -> &mut Vec<(u32, f64)> {
        if let Sums::Scored(s) = self {
            *self = Sums::Summed(s.iter().map(|&(c, s)| (c, f64::from(s))).collect());
        }
        match self {
            Sums::Summed(s) => s,
            Sums::Scored(_) => unreachable!("made a sum just above"),
        }
    }
}

/// The publication date, when the article states one or it was guessed.
fn publication(a: &Analyzed) -> Option<NaiveDate> {
    a.article.published.as_ref().map(|p| p.date)
}

/// The factor publication dates put on a pair's similarity: `a` and `b` are the dates
/// (stated or inferred), `stated_a` and `stated_b` whether each article states its own.
fn closeness(a: Option<NaiveDate>, b: Option<NaiveDate>, stated_a: bool, stated_b: bool) -> f32 {
    match (a, b) {
        (Some(a), Some(b)) if (a - b).num_days().abs() > FAR_APART_DAYS => FAR_APART as f32,
        _ if stated_a != stated_b => UNDATED as f32,
        _ => 1.0,
    }
}

/// Whether the article states its publication date (command line, metadata, text or
/// URL), rather than having none or one inferred from the others.
fn states_date(a: &Analyzed) -> bool {
    a.article
        .published
        .as_ref()
        .is_some_and(|p| p.from != DateSource::Inferred)
}

/// The features of an article: content words lower-cased (names repeated), and the
/// months of its dates.
fn features(a: &Analyzed) -> Vec<String> {
    let mut out = Vec::new();
    for s in &a.sentences {
        let words = s
            .text
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .filter(|w| w.chars().count() > 2 && w.chars().any(char::is_alphabetic));
        for (i, w) in words.enumerate() {
            let lower = w.to_lowercase();
            if lexicon::is_stopword(&lower) {
                continue;
            }
            let name = i > 0 && w.chars().next().is_some_and(char::is_uppercase);
            let times = if name { NAME_WEIGHT } else { 1 };
            out.extend(std::iter::repeat_n(lower, times));
        }
    }
    let anchored = states_date(a);
    for t in &a.timexes {
        match month_of(&t.value) {
            Some(month) if anchored || t.text.contains(&month[..4]) => {
                out.extend(std::iter::repeat_n(format!("@{month}"), DATE_WEIGHT));
            }
            _ => {}
        }
    }
    out
}

/// `2008-09` of a calendar value such as `2008-09-07` or `2008-09`.
fn month_of(value: &str) -> Option<&str> {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    (digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7)).then(|| &value[..7])
}

/// Articles whose features are counted at once by [`stories_with`]: the counts
/// (strings) of a whole large run would take more memory than everything else
/// together, so they are made a chunk at a time and interned before the next. Also
/// the articles scored at once by [`similarities`].
const CHUNK: usize = 4096;

/// One article's features, compact: (feature id, count) pairs [`pack`]ed in
/// increasing id order, ids from the [`Vocabulary`] that counted them; and whether
/// the article states its publication date.
#[derive(Clone, Debug, Default)]
pub struct Features {
    terms: Box<[u8]>,
    stated: bool,
}

/// The feature strings met so far, each with an id, so that an article's features
/// are kept as numbers once counted and its text can go.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

/// An article's features before interning: each feature string with its count, and
/// whether the article states its publication date.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    tf: BTreeMap<String, f32>,
    stated: bool,
}

/// Count an article's features (its sentences and time expressions must be there,
/// and its date be final: stated or inferred).
pub fn counts(a: &Analyzed) -> Counts {
    let mut tf = BTreeMap::new();
    for f in features(a) {
        *tf.entry(f).or_insert(0.0) += 1.0;
    }
    Counts {
        tf,
        stated: states_date(a),
    }
}

impl Vocabulary {
    /// Count the features of some articles (in parallel) and intern them, in order.
    pub fn count(&mut self, articles: &[Analyzed]) -> Vec<Features> {
        let counts: Vec<Counts> = articles.par_iter().map(counts).collect();
        counts.into_iter().map(|c| self.intern(c)).collect()
    }

    /// An article's features as ids, new strings getting the next id.
    pub fn intern(&mut self, Counts { tf, stated }: Counts) -> Features {
        let mut terms: Vec<(u32, u32)> = tf
            .into_iter()
            .map(|(f, c)| {
                let next = self.ids.len() as u32;
                // A count is a whole number below 2^24, so exactly a `u32`.
                (*self.ids.entry(f).or_insert(next), c as u32)
            })
            .collect();
        terms.sort_unstable();
        let mut packed = Vec::new();
        pack(&mut packed, &terms);
        Features {
            terms: packed.into_boxed_slice(),
            stated,
        }
    }

    /// Each id's place in the order of the strings: an article's features in that
    /// order are its features in string order, as they were counted, without the
    /// strings.
    fn ranks(self) -> Vec<u32> {
        let mut by_string: Vec<(&str, u32)> =
            self.ids.iter().map(|(f, &id)| (f.as_str(), id)).collect();
        by_string.sort_unstable();
        let mut ranks = vec![0; by_string.len()];
        for (rank, (_, id)) in by_string.into_iter().enumerate() {
            ranks[id as usize] = rank as u32;
        }
        ranks
    }
}

/// Append (id, count) pairs, ids increasing, to `out` as LEB128 varints: the gap
/// from the previous id shifted left two bits, the low two bits a count of 1 to 3
/// (most features) or 3 for "the count follows". A feature then takes two or three
/// bytes rather than eight.
fn pack(out: &mut Vec<u8>, terms: &[(u32, u32)]) {
    let mut buf = [0u8; 10];
    let mut push = |value: u64| {
        let len = value.encode_var(&mut buf);
        out.extend_from_slice(&buf[..len]);
    };
    let mut last = 0;
    for &(id, count) in terms {
        let code = count.clamp(1, 4) - 1;
        push((u64::from(id - last) << 2) | u64::from(code));
        if code == 3 {
            push(u64::from(count));
        }
        last = id;
    }
}

/// The (id, count) pairs [`pack`]ed into `bytes`.
fn unpack(mut bytes: &[u8]) -> impl Iterator<Item = (u32, u32)> + '_ {
    let mut next = move || {
        let (value, len) = u64::decode_var(bytes)?;
        bytes = &bytes[len..];
        Some(value)
    };
    let mut last = 0u32;
    std::iter::from_fn(move || {
        let head = next()?;
        last += (head >> 2) as u32;
        let count = match head & 3 {
            3 => next()? as u32,
            code => code as u32 + 1,
        };
        Some((last, count))
    })
}

/// A feature's weight before the vector is made unit length: log term frequency,
/// `1 + ln(count)`, computed exactly as from the count (a table for the counts most
/// features have).
fn weight(count: u32) -> f32 {
    // `black_box`: the table must hold what `ln` gives at run time, never a value
    // the compiler folded in its own arithmetic.
    static SMALL: LazyLock<Vec<f32>> = LazyLock::new(|| {
        (0..256u32)
            .map(|c| 1.0 + std::hint::black_box(c as f32).ln())
            .collect()
    });
    match SMALL.get(count as usize) {
        Some(&w) => w,
        None => 1.0 + (count as f32).ln(),
    }
}

/// The articles' unit vectors, packed one after another: ids renumbered in order of
/// first appearance in article order (each article's features in string order), so
/// that the ids, and so the sums in id order, are the same whatever order the
/// articles were counted in and however chunked.
struct Vectors {
    /// Each article's (feature id, count) pairs in increasing id order ([`pack`]).
    packed: Vec<u8>,
    /// Where each article's pairs start in `packed`, and where the last ends.
    starts: Vec<usize>,
    /// Each article's vector length: a weight divided by it is the unit vector's.
    norms: Vec<f32>,
    /// Whether each article states its publication date.
    stated: Vec<bool>,
    /// How many features there are: every id is below.
    features: usize,
}

impl Vectors {
    /// The vectors of `features`, freed one by one as they are packed anew; `ranks`
    /// is each interned id's place in string order ([`Vocabulary::ranks`]).
    fn new(features: Vec<Features>, ranks: &[u32]) -> Vectors {
        let bytes = features.iter().map(|f| f.terms.len()).sum();
        let mut v = Vectors {
            packed: Vec::with_capacity(bytes),
            starts: Vec::with_capacity(features.len() + 1),
            norms: Vec::with_capacity(features.len()),
            stated: Vec::with_capacity(features.len()),
            features: 0,
        };
        v.starts.push(0);
        let mut renumbered = vec![u32::MAX; ranks.len()];
        let mut terms: Vec<(u32, u32)> = Vec::new();
        for f in features {
            terms.clear();
            terms.extend(unpack(&f.terms));
            terms.sort_unstable_by_key(|&(id, _)| ranks[id as usize]);
            for (id, _) in &mut terms {
                let new = &mut renumbered[*id as usize];
                if *new == u32::MAX {
                    *new = v.features as u32;
                    v.features += 1;
                }
                *id = *new;
            }
            terms.sort_unstable();
            v.push(&terms, f.stated);
        }
        v.packed.shrink_to_fit();
        v
    }

    /// Append an article's (id, count) pairs, ids increasing.
    fn push(&mut self, terms: &[(u32, u32)], stated: bool) {
        let norm = terms
            .iter()
            .map(|&(_, c)| weight(c) * weight(c))
            .sum::<f32>()
            .sqrt();
        self.norms.push(if norm > 0.0 { norm } else { 1.0 });
        pack(&mut self.packed, terms);
        self.starts.push(self.packed.len());
        self.stated.push(stated);
    }

    fn len(&self) -> usize {
        self.norms.len()
    }

    /// Article `i`'s unit vector: (feature id, weight) in increasing id order.
    fn get(&self, i: usize) -> impl Iterator<Item = (u32, f32)> + '_ {
        let norm = self.norms[i];
        unpack(&self.packed[self.starts[i]..self.starts[i + 1]])
            .map(move |(id, c)| (id, weight(c) / norm))
    }
}

/// For each feature, some of the articles that have it, in article order, each as
/// `T`: all entries one after another, each feature's from `starts[id]`.
struct Index<T> {
    starts: Vec<usize>,
    entries: Vec<T>,
}

impl<T: Copy + Default> Index<T> {
    /// The index of the features `indexed` says, with `entry` of each article number
    /// and weight.
    fn new(v: &Vectors, indexed: impl Fn(u32) -> bool, entry: impl Fn(u32, f32) -> T) -> Index<T> {
        let mut starts = vec![0; v.features + 1];
        for i in 0..v.len() {
            for (id, _) in v.get(i).filter(|&(id, _)| indexed(id)) {
                starts[id as usize + 1] += 1;
            }
        }
        for id in 0..v.features {
            starts[id + 1] += starts[id];
        }
        let mut entries = vec![T::default(); starts[v.features]];
        let mut next = starts.clone();
        for i in 0..v.len() {
            for (id, w) in v.get(i).filter(|&(id, _)| indexed(id)) {
                entries[next[id as usize]] = entry(i as u32, w);
                next[id as usize] += 1;
            }
        }
        Index { starts, entries }
    }

    fn get(&self, id: u32) -> &[T] {
        &self.entries[self.starts[id as usize]..self.starts[id as usize + 1]]
    }
}

/// How candidate pairs are found and scored.
enum Scorer {
    /// Every later article sharing a feature, summed feature by feature through the
    /// inverted index.
    AllShared(Index<(u32, f32)>),
    /// The later articles sharing one of the article's `keys` (its [`KEYS`] rarest
    /// features, per article), scored by [`cosine`].
    RareKeys {
        keys: Vec<Vec<u32>>,
        index: Index<u32>,
    },
}

impl Scorer {
    fn all_shared(v: &Vectors) -> Scorer {
        Scorer::AllShared(Index::new(v, |_| true, |i, w| (i, w)))
    }

    /// Only the features some article is matched on are indexed: common features are
    /// most of all entries, and a large run need not index them.
    fn rare_keys(v: &Vectors) -> Scorer {
        let mut df = vec![0u32; v.features];
        for i in 0..v.len() {
            v.get(i).for_each(|(id, _)| df[id as usize] += 1);
        }
        let keys: Vec<Vec<u32>> = (0..v.len())
            .into_par_iter()
            .map(|i| rarest(v, &df, i))
            .collect();
        let mut keyed = vec![false; v.features];
        keys.iter()
            .flatten()
            .for_each(|&id| keyed[id as usize] = true);
        let index = Index::new(v, |id| keyed[id as usize], |i, _| i);
        Scorer::RareKeys { keys, index }
    }

    /// Article `i`'s similarity to the later articles it is scored against, in
    /// article order.
    fn row(&self, v: &Vectors, i: usize) -> Vec<(u32, f32)> {
        match self {
            Scorer::AllShared(index) => {
                let mut acc: BTreeMap<u32, f32> = BTreeMap::new();
                for (id, w) in v.get(i) {
                    let list = index.get(id);
                    let later = list.partition_point(|&(j, _)| j as usize <= i);
                    for &(j, x) in &list[later..] {
                        *acc.entry(j).or_insert(0.0) += w * x;
                    }
                }
                acc.into_iter().collect()
            }
            Scorer::RareKeys { keys, index } => {
                let mut partners: Vec<u32> = keys[i]
                    .iter()
                    .flat_map(|&id| index.get(id).iter().copied())
                    .filter(|&j| j as usize > i)
                    .collect();
                partners.sort_unstable();
                partners.dedup();
                let mine: Vec<(u32, f32)> = v.get(i).collect();
                partners
                    .into_iter()
                    .map(|j| (j, cosine(&mine, v.get(j as usize))))
                    .collect()
            }
        }
    }
}

/// Article `i`'s [`KEYS`] rarest features: of those found in 2 to [`MAX_POSTINGS`]
/// articles (`df`), the heaviest, then the rarest, then the lowest id.
fn rarest(v: &Vectors, df: &[u32], i: usize) -> Vec<u32> {
    let mut keys: Vec<(f32, usize, u32)> = v
        .get(i)
        .map(|(id, w)| (w, df[id as usize] as usize, id))
        .filter(|&(_, df, _)| (2..=MAX_POSTINGS).contains(&df))
        .collect();
    keys.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    keys.iter().take(KEYS).map(|&(_, _, id)| id).collect()
}

/// The dot product of two unit vectors, summed in increasing id order.
fn cosine(a: &[(u32, f32)], b: impl Iterator<Item = (u32, f32)>) -> f32 {
    let mut a = a.iter().peekable();
    let mut sum = 0.0;
    for (id, y) in b {
        while a.next_if(|&&(x_id, _)| x_id < id).is_some() {}
        match a.peek() {
            Some(&&(x_id, x)) if x_id == id => sum += x * y,
            Some(_) => {}
            None => break,
        }
    }
    sum
}

/// A candidate merge: average similarity, then the lower indices first.
#[derive(PartialEq)]
struct Merge {
    avg: f64,
    a: u32,
    b: u32,
    /// The versions of both groups when this was computed: stale once either changes.
    va: u32,
    vb: u32,
}

impl Eq for Merge {}

impl Ord for Merge {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.avg
            .total_cmp(&other.avg)
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
            .then_with(|| (self.va, self.vb).cmp(&(other.va, other.vb)))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Merge the most similar pair of groups while it is at least `same_story` alike;
/// `sums` holds each article's similarities ([`similarities`]). Group similarity is
/// the mean over article pairs, a pair never scored counting as 0: each group keeps
/// the sum of similarities to its neighbours (sorted by neighbour), so a merge costs
/// the neighbours of the two groups, and a heap of candidate merges (stale entries
/// skipped) finds the next best. Returns each article's parent in a forest whose
/// roots are the groups (see [`number`]).
fn average_linkage(mut sums: Vec<Sums>, same_story: f64) -> Vec<u32> {
    let n = sums.len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut size = vec![1u32; n];
    let mut version = vec![0u32; n];
    let mut heap: BinaryHeap<Merge> = BinaryHeap::new();
    for (a, row) in sums.iter().enumerate() {
        for (b, s) in row.iter() {
            if a < b as usize && s >= same_story {
                heap.push(Merge {
                    avg: s,
                    a: a as u32,
                    b,
                    va: 0,
                    vb: 0,
                });
            }
        }
    }
    while let Some(m) = heap.pop() {
        let (a, b) = (m.a as usize, m.b as usize);
        if version[a] != m.va || version[b] != m.vb || size[b] == 0 {
            continue;
        }
        parent[b] = m.a;
        size[a] += size[b];
        size[b] = 0;
        let from_b = std::mem::replace(&mut sums[b], Sums::Summed(Vec::new()));
        let group = merged(sums[a].iter(), from_b.iter(), m.a, m.b);
        for (c, _) in from_b.iter().filter(|&(c, _)| c != m.a) {
            let s = sum_with(&group, c);
            relink(sums[c as usize].summed(), m.b, m.a, s);
        }
        sums[a] = Sums::Summed(group);
        version[a] += 1;
        version[b] += 1;
        let size_a = f64::from(size[a]);
        for (c, s) in sums[a].iter() {
            let avg = s / (size_a * f64::from(size[c as usize]));
            if avg >= same_story {
                let (x, y) = (m.a.min(c), m.a.max(c));
                heap.push(Merge {
                    avg,
                    a: x,
                    b: y,
                    va: version[x as usize],
                    vb: version[y as usize],
                });
            }
        }
    }
    parent
}

/// The similarity sums of the group made of `a` and `b` (lists sorted by
/// neighbour): a neighbour of both gets the sum of both, `a` and `b` themselves go.
fn merged(
    from_a: impl Iterator<Item = (u32, f64)>,
    from_b: impl Iterator<Item = (u32, f64)>,
    a: u32,
    b: u32,
) -> Vec<(u32, f64)> {
    let mut out = Vec::with_capacity(from_a.size_hint().0 + from_b.size_hint().0);
    let (mut x, mut y) = (from_a.peekable(), from_b.peekable());
    loop {
        let next = match (x.peek().copied(), y.peek().copied()) {
            (Some((c, s)), Some((d, t))) if c == d => {
                x.next();
                y.next();
                (c, s + t)
            }
            (Some((c, s)), Some((d, _))) if c < d => {
                x.next();
                (c, s)
            }
            (_, Some((d, t))) => {
                y.next();
                (d, t)
            }
            (Some((c, s)), None) => {
                x.next();
                (c, s)
            }
            (None, None) => break,
        };
        if next.0 != a && next.0 != b {
            out.push(next);
        }
    }
    out
}

/// The sum with neighbour `c` in a sorted list that has it.
fn sum_with(sums: &[(u32, f64)], c: u32) -> f64 {
    match sums.binary_search_by_key(&c, |&(d, _)| d) {
        Ok(k) => sums[k].1,
        Err(_) => unreachable!("a neighbour of a merged group is a neighbour of the group"),
    }
}

/// A neighbour's sorted list once `b` has merged into `a`: `b` goes, and the sum
/// with `a` becomes `s`.
fn relink(sums: &mut Vec<(u32, f64)>, b: u32, a: u32, s: f64) {
    if let Ok(k) = sums.binary_search_by_key(&b, |&(d, _)| d) {
        sums.remove(k);
    }
    match sums.binary_search_by_key(&a, |&(d, _)| d) {
        Ok(k) => sums[k].1 = s,
        Err(k) => sums.insert(k, (a, s)),
    }
}

/// Story numbers from the forest [`average_linkage`] leaves, in order of each story's
/// first article.
fn number(mut parent: Vec<u32>) -> Vec<usize> {
    let mut story_of_root = vec![usize::MAX; parent.len()];
    let mut stories = 0;
    (0..parent.len())
        .map(|i| {
            let root = root(&mut parent, i);
            if story_of_root[root] == usize::MAX {
                story_of_root[root] = stories;
                stories += 1;
            }
            story_of_root[root]
        })
        .collect()
}

/// The root of `i`'s tree, every node on the way pointed straight at it.
fn root(parent: &mut [u32], i: usize) -> usize {
    let mut r = i;
    while parent[r] as usize != r {
        r = parent[r] as usize;
    }
    let mut j = i;
    while parent[j] as usize != r {
        let up = parent[j] as usize;
        parent[j] = r as u32;
        j = up;
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Sentence, Span};

    fn article(text: &str) -> Analyzed {
        let mut a = Analyzed::with_claims(Article::from_text("a.txt", text), Vec::new());
        a.sentences = vec![Sentence {
            span: Span::new(0, text.len()),
            line: 1,
            text: text.to_string(),
        }];
        a
    }

    #[test]
    fn two_stories_are_told_apart() {
        let texts = [
            "A sharp earthquake rattled Korvel island in the Tessaran Sea, flattening hamlets near Ambrin.",
            "The Korvel earthquake flattened hamlets around Ambrin, the island's prefect said.",
            "A gunman fired shots in a Fenwick insurance office, killing a clerk, police in Ohio said.",
            "Police in Fenwick, Ohio, charged the gunman who shot the insurance office clerk.",
        ];
        let articles: Vec<Analyzed> = texts.iter().map(|t| article(t)).collect();
        assert_eq!(stories(&articles), vec![0, 0, 1, 1]);
        assert_eq!(
            stories_with(&articles, &StoryOptions::finding(Candidates::RareKeys)),
            vec![0, 0, 1, 1]
        );
    }

    /// The unit vectors of some articles, counted in order.
    fn vectors_of(articles: &[Analyzed]) -> Vectors {
        let mut vocabulary = Vocabulary::default();
        let features = vocabulary.count(articles);
        Vectors::new(features, &vocabulary.ranks())
    }

    fn unpacked(v: &Vectors) -> Vec<Vec<(u32, f32)>> {
        (0..v.len()).map(|i| v.get(i).collect()).collect()
    }

    #[test]
    fn scoring_through_the_index_equals_scoring_every_pair() {
        let texts = [
            "Harvest floats parade through Lomira as farmers cheer the Lomira harvest.",
            "Lomira farmers cheered the harvest floats on parade.",
            "The Brisk river flooded Tannery Lane, and Tannery residents left.",
            "Residents of Tannery Lane fled the flooded Brisk river banks.",
            "Farmers in Lomira said the river stayed low.",
        ];
        let articles: Vec<Analyzed> = texts.iter().map(|t| article(t)).collect();
        let vectors = vectors_of(&articles);
        let unit = unpacked(&vectors);
        let scorer = Scorer::all_shared(&vectors);
        for (i, mine) in unit.iter().enumerate() {
            let indexed = scorer.row(&vectors, i);
            for j in i + 1..vectors.len() {
                let through_index = indexed
                    .iter()
                    .find(|&&(k, _)| k as usize == j)
                    .map_or(0.0, |&(_, s)| s);
                let direct = cosine(mine, vectors.get(j));
                assert!((through_index - direct).abs() < 1e-5, "{i} {j}");
            }
        }
        assert!(cosine(&unit[0], vectors.get(1)) > cosine(&unit[0], vectors.get(2)));
    }

    #[test]
    fn the_order_features_were_counted_in_changes_no_vector() {
        let texts = [
            "Harvest floats parade through Lomira as farmers cheer.",
            "The Brisk river flooded Tannery Lane overnight.",
            "Lomira farmers cheered the floats near the Brisk river.",
        ];
        let articles: Vec<Analyzed> = texts.iter().map(|t| article(t)).collect();
        let in_order = unpacked(&vectors_of(&articles));
        // Counted last to first (as a pipeline does when some articles wait for a
        // date), then put back in article order.
        let mut vocabulary = Vocabulary::default();
        let mut backwards: Vec<Features> = articles
            .iter()
            .rev()
            .map(|a| vocabulary.intern(counts(a)))
            .collect();
        backwards.reverse();
        let backwards = Vectors::new(backwards, &vocabulary.ranks());
        assert_eq!(unpacked(&backwards), in_order);
    }

    #[test]
    fn packed_pairs_unpack_as_they_were() {
        let terms = [
            (0, 1),
            (1, 2),
            (2, 3),
            (130, 4),
            (70_000, 1),
            (u32::MAX, 300_000),
        ];
        let mut packed = Vec::new();
        pack(&mut packed, &terms);
        assert_eq!(unpack(&packed).collect::<Vec<_>>(), terms);
        assert!(packed.len() < 4 * terms.len());
        assert_eq!(weight(1), 1.0);
        assert_eq!(weight(300_000), 1.0 + (300_000f32).ln());
    }

    /// Merging two groups adds their sums with each neighbour, and each neighbour
    /// then sees the new group with the same sum.
    #[test]
    fn a_merge_adds_the_sums_of_both_groups() {
        let both = merged(
            [(1, 0.5), (2, 0.25), (4, 0.5)].into_iter(),
            [(0, 0.5), (2, 0.5), (3, 0.125)].into_iter(),
            0,
            1,
        );
        assert_eq!(both, vec![(2, 0.75), (3, 0.125), (4, 0.5)]);
        let mut neighbour = vec![(0, 0.25), (1, 0.5), (5, 0.5)];
        relink(&mut neighbour, 1, 0, 0.75);
        assert_eq!(neighbour, vec![(0, 0.75), (5, 0.5)]);
        let mut parent = vec![0, 0, 1, 3];
        assert_eq!(number(parent.clone()), vec![0, 0, 0, 1]);
        assert_eq!(root(&mut parent, 2), 0);
        assert_eq!(parent, vec![0, 0, 0, 3]);
    }

    #[test]
    fn names_and_dated_months_weigh_more_than_words() {
        let a = article("Crowds met Mayor Quell on 3 May 2011 in Dunmore.");
        let mut a = a;
        a.timexes = vec![crate::model::Timex {
            span: Span::new(17, 27),
            text: "3 May 2011".into(),
            ttype: crate::model::TimexType::Date,
            value: "2011-05-03".into(),
            modifier: None,
            reading: crate::model::Reading::Other,
        }];
        let f = features(&a);
        let count = |w: &str| f.iter().filter(|x| *x == w).count();
        assert_eq!(count("crowds"), 1);
        assert_eq!(count("quell"), NAME_WEIGHT);
        assert_eq!(count("@2011-05"), DATE_WEIGHT);
        assert_eq!(month_of("2011"), None);
        assert_eq!(month_of("XXXX-05-03"), None);
    }

    #[test]
    fn far_apart_publication_dates_lower_similarity() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(closeness(d(2011, 5, 3), d(2011, 6, 1), true, true), 1.0);
        assert_eq!(closeness(None, None, false, false), 1.0);
        assert!(closeness(d(2011, 5, 3), d(2013, 5, 3), true, true) < 1.0);
    }

    #[test]
    fn an_undated_article_is_less_alike_to_a_dated_one() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let undated = closeness(d(2011, 5, 3), None, true, false);
        assert!(undated < 1.0);
        // An inferred date is no stated one …
        assert_eq!(
            closeness(d(2011, 5, 3), d(2011, 5, 3), true, false),
            undated
        );
        // … but still far from a date years away.
        assert_eq!(
            closeness(d(2011, 5, 3), d(2015, 5, 3), true, false),
            FAR_APART as f32
        );
    }

    /// An article whose date was inferred keeps the months of the dates that write
    /// their year, not those its borrowed date anchored.
    #[test]
    fn an_inferred_date_anchors_no_month() {
        let timex = |text: &str, value: &str| crate::model::Timex {
            span: Span::new(0, 1),
            text: text.into(),
            ttype: crate::model::TimexType::Date,
            value: value.into(),
            modifier: None,
            reading: crate::model::Reading::Other,
        };
        let mut a = article("The fight on Saturday was his first since May 2011.");
        a.timexes = vec![
            timex("Saturday", "2012-07-07"),
            timex("May 2011", "2011-05"),
        ];
        let published = |from| {
            Some(crate::model::Published {
                date: NaiveDate::from_ymd_opt(2012, 7, 8).unwrap(),
                from,
                evidence: String::new(),
                time: None,
            })
        };
        a.article.published = published(DateSource::Inferred);
        let f = features(&a);
        assert!(f.contains(&"@2011-05".to_string()));
        assert!(!f.contains(&"@2012-07".to_string()));
        a.article.published = published(DateSource::Url);
        assert!(features(&a).contains(&"@2012-07".to_string()));
    }

    #[test]
    fn two_articles_sharing_words_are_one_story() {
        let articles = vec![
            article("The harvest parades begin on 9 March at the Lomira fairground."),
            article("Parades of harvest floats at Lomira are set to open on 9 March."),
        ];
        assert_eq!(stories(&articles), vec![0, 0]);
    }

    #[test]
    fn nothing_in_common_is_two_stories() {
        let articles = vec![
            article("Apples grow on trees."),
            article("Rivers reach seas."),
        ];
        assert_eq!(stories(&articles), vec![0, 1]);
        assert!(stories(&[]).is_empty());
    }
}
