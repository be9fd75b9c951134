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
use rayon::prelude::*;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

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
    group(features, &dates, opts)
}

/// One story number per article, from the articles' [`Features`] (counted with one
/// [`Vocabulary`]) and their publication dates, in article order.
pub fn group(
    features: Vec<Features>,
    dates: &[Option<NaiveDate>],
    opts: &StoryOptions,
) -> Vec<usize> {
    let how = opts.candidates;
    let n = features.len();
    let stated: Vec<bool> = features.iter().map(|f| f.stated).collect();
    let vectors = vectors(features);
    let exhaustive = match how {
        Candidates::Auto => n <= EXHAUSTIVE_UP_TO,
        Candidates::Exhaustive => true,
        Candidates::RareKeys => false,
    };
    let edges = if exhaustive {
        all_shared(&vectors)
    } else {
        rare_keys(&vectors)
    };
    let edges: Vec<Vec<(u32, f32)>> = edges
        .into_par_iter()
        .enumerate()
        .map(|(i, row)| {
            row.into_iter()
                .map(|(j, s)| {
                    let j_ = j as usize;
                    (j, s * closeness(dates[i], dates[j_], stated[i], stated[j_]))
                })
                .filter(|&(_, s)| s >= NEGLIGIBLE)
                .collect()
        })
        .collect();
    number(&average_linkage(n, edges, opts.same_story), n)
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

/// A sparse vector: feature ids in increasing order with their weights, unit length.
type Vector = Vec<(u32, f32)>;

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
/// together, so they are made a chunk at a time and interned before the next.
const CHUNK: usize = 4096;

/// One article's features, compact: (feature id, log term frequency) in the order of
/// the features' strings, ids from the [`Vocabulary`] that counted them; and whether
/// the article states its publication date.
#[derive(Clone, Debug, Default)]
pub struct Features {
    terms: Vec<(u32, f32)>,
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
        let terms = tf
            .into_iter()
            .map(|(f, c)| {
                let next = self.ids.len() as u32;
                (*self.ids.entry(f).or_insert(next), 1.0 + c.ln())
            })
            .collect();
        Features { terms, stated }
    }
}

/// Unit vectors, with ids renumbered in order of first appearance in article order
/// (each article's features in string order): the same ids, and so the same sums in
/// the same order, whatever order the articles were counted in and however chunked.
fn vectors(features: Vec<Features>) -> Vec<Vector> {
    let mut renumbered: HashMap<u32, u32> = HashMap::new();
    features
        .into_iter()
        .map(|Features { terms, .. }| {
            let mut v: Vector = terms
                .into_iter()
                .map(|(id, w)| {
                    let next = renumbered.len() as u32;
                    (*renumbered.entry(id).or_insert(next), w)
                })
                .collect();
            v.sort_by_key(|&(id, _)| id);
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, x)| *x /= norm);
            }
            v
        })
        .collect()
}

/// For each feature, the articles that have it, in article order, with its weight.
fn postings(vectors: &[Vector]) -> Vec<Vec<(u32, f32)>> {
    let features = vectors
        .iter()
        .flat_map(|v| v.iter().map(|&(id, _)| id as usize + 1))
        .max()
        .unwrap_or(0);
    let mut post = vec![Vec::new(); features];
    for (i, v) in vectors.iter().enumerate() {
        for &(id, w) in v {
            post[id as usize].push((i as u32, w));
        }
    }
    post
}

/// Each article's similarity to every later article it shares a feature with, summed
/// feature by feature through the inverted index.
fn all_shared(vectors: &[Vector]) -> Vec<Vec<(u32, f32)>> {
    let post = postings(vectors);
    (0..vectors.len())
        .into_par_iter()
        .map(|i| {
            let mut acc: BTreeMap<u32, f32> = BTreeMap::new();
            for &(id, w) in &vectors[i] {
                let list = &post[id as usize];
                let later = list.partition_point(|&(j, _)| j as usize <= i);
                for &(j, x) in &list[later..] {
                    *acc.entry(j).or_insert(0.0) += w * x;
                }
            }
            acc.into_iter().collect()
        })
        .collect()
}

/// Each article's similarity to the later articles sharing one of its rarest features.
fn rare_keys(vectors: &[Vector]) -> Vec<Vec<(u32, f32)>> {
    let (df, post) = rare_postings(vectors);
    (0..vectors.len())
        .into_par_iter()
        .map(|i| {
            let mut keys: Vec<(f32, usize, u32)> = vectors[i]
                .iter()
                .map(|&(id, w)| (w, df[id as usize] as usize, id))
                .filter(|&(_, df, _)| (2..=MAX_POSTINGS).contains(&df))
                .collect();
            keys.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
            let mut partners: Vec<u32> = keys
                .iter()
                .take(KEYS)
                .flat_map(|&(_, _, id)| post[id as usize].iter().copied())
                .filter(|&j| j as usize > i)
                .collect();
            partners.sort_unstable();
            partners.dedup();
            partners
                .into_iter()
                .map(|j| (j, cosine(&vectors[i], &vectors[j as usize])))
                .collect()
        })
        .collect()
}

/// How many articles have each feature, and the articles (in order) of each feature
/// that can be a key, i.e. found in 2 to [`MAX_POSTINGS`] articles. Common features
/// are most of all entries, and a large run need not index them.
fn rare_postings(vectors: &[Vector]) -> (Vec<u32>, Vec<Vec<u32>>) {
    let features = vectors
        .iter()
        .flat_map(|v| v.iter().map(|&(id, _)| id as usize + 1))
        .max()
        .unwrap_or(0);
    let mut df = vec![0u32; features];
    for &(id, _) in vectors.iter().flatten() {
        df[id as usize] += 1;
    }
    let mut post = vec![Vec::new(); features];
    for (i, v) in vectors.iter().enumerate() {
        for &(id, _) in v {
            if (2..=MAX_POSTINGS).contains(&(df[id as usize] as usize)) {
                post[id as usize].push(i as u32);
            }
        }
    }
    (df, post)
}

fn cosine(a: &Vector, b: &Vector) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// A candidate merge: average similarity, then the lower indices first.
#[derive(PartialEq)]
struct Merge {
    avg: f64,
    a: usize,
    b: usize,
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

/// Merge the most similar pair of groups while it is at least `same_story` alike.
/// Group similarity is the mean over article pairs, a pair never scored counting as 0:
/// each group keeps the sum of similarities to its neighbours, so a merge costs the
/// neighbours of the two groups, and a heap of candidate merges (stale entries skipped)
/// finds the next best.
fn average_linkage(n: usize, edges: Vec<Vec<(u32, f32)>>, same_story: f64) -> Vec<Vec<usize>> {
    let mut sums: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for (i, row) in edges.into_iter().enumerate() {
        for (j, s) in row {
            let j = j as usize;
            sums[i].insert(j, f64::from(s));
            sums[j].insert(i, f64::from(s));
        }
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut version = vec![0u32; n];
    let mut heap: BinaryHeap<Merge> = BinaryHeap::new();
    for (a, row) in sums.iter().enumerate() {
        for (&b, &s) in row {
            if a < b && s >= same_story {
                heap.push(Merge {
                    avg: s,
                    a,
                    b,
                    va: 0,
                    vb: 0,
                });
            }
        }
    }
    while let Some(m) = heap.pop() {
        if version[m.a] != m.va || version[m.b] != m.vb || members[m.b].is_empty() {
            continue;
        }
        let (a, b) = (m.a, m.b);
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        let from_b = std::mem::take(&mut sums[b]);
        sums[a].remove(&b);
        for (c, s) in from_b {
            if c == a {
                continue;
            }
            *sums[a].entry(c).or_insert(0.0) += s;
            sums[c].remove(&b);
            *sums[c].entry(a).or_insert(0.0) += s;
        }
        version[a] += 1;
        version[b] += 1;
        let size_a = members[a].len() as f64;
        for (&c, &s) in &sums[a] {
            let avg = s / (size_a * members[c].len() as f64);
            if avg >= same_story {
                let (x, y) = (a.min(c), a.max(c));
                heap.push(Merge {
                    avg,
                    a: x,
                    b: y,
                    va: version[x],
                    vb: version[y],
                });
            }
        }
    }
    members.into_iter().filter(|m| !m.is_empty()).collect()
}

/// Story numbers in order of each story's first article.
fn number(groups: &[Vec<usize>], n: usize) -> Vec<usize> {
    let mut first: Vec<(usize, &Vec<usize>)> = groups
        .iter()
        .map(|g| (g.iter().copied().min().unwrap_or(0), g))
        .collect();
    first.sort();
    let mut story = vec![0; n];
    for (k, (_, g)) in first.iter().enumerate() {
        for &i in g.iter() {
            story[i] = k;
        }
    }
    story
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
        let vectors = vectors(Vocabulary::default().count(&articles));
        let indexed = all_shared(&vectors);
        for i in 0..vectors.len() {
            for j in i + 1..vectors.len() {
                let through_index = indexed[i]
                    .iter()
                    .find(|&&(k, _)| k as usize == j)
                    .map_or(0.0, |&(_, s)| s);
                let direct = cosine(&vectors[i], &vectors[j]);
                assert!((through_index - direct).abs() < 1e-5, "{i} {j}");
            }
        }
        assert!(cosine(&vectors[0], &vectors[1]) > cosine(&vectors[0], &vectors[2]));
    }

    #[test]
    fn the_order_features_were_counted_in_changes_no_vector() {
        let texts = [
            "Harvest floats parade through Lomira as farmers cheer.",
            "The Brisk river flooded Tannery Lane overnight.",
            "Lomira farmers cheered the floats near the Brisk river.",
        ];
        let articles: Vec<Analyzed> = texts.iter().map(|t| article(t)).collect();
        let in_order = vectors(Vocabulary::default().count(&articles));
        // Counted last to first (as a pipeline does when some articles wait for a
        // date), then put back in article order.
        let mut vocabulary = Vocabulary::default();
        let mut backwards: Vec<Features> = articles
            .iter()
            .rev()
            .map(|a| vocabulary.intern(counts(a)))
            .collect();
        backwards.reverse();
        assert_eq!(vectors(backwards), in_order);
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
