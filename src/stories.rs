//! Stories: group the articles that report one story, so that claims are compared only
//! within one.
//!
//! Two quakes on the same island years apart, or two office shootings, read alike claim
//! by claim ("killed three people", "magnitude 6.1"); what tells them apart is the rest
//! of the article: the names, places and words each story has and the other lacks. Each
//! article becomes a vector of its content words (log term frequency, function words
//! left out); articles are merged bottom-up by average cosine similarity (average
//! linkage) while the best pair of groups is at least [`SAME_STORY`] alike.
//!
//! No weight depends on the other articles (no IDF): an article about something else,
//! added to the run, shares no words with a story and so changes nothing in it.
//!
//! Invariants: the result is one story number per article, numbered in order of each
//! story's first article; ties are broken by the lower index, so the grouping does not
//! depend on anything but the articles and their order.

use crate::lexicon;
use crate::model::Analyzed;
use std::collections::BTreeMap;

/// Least average cosine similarity of two groups of articles about one story. Chosen on
/// ECB+ topics 1–35 (both halves of a topic given together).
pub const SAME_STORY: f64 = 0.25;

/// Most articles grouped into stories in one run. Grouping compares every pair of
/// articles and keeps their similarities (a square table), so beyond this the run
/// treats all articles as one story, as if grouping were off, rather than exhaust
/// memory.
pub const MAX_ARTICLES: usize = 3000;

/// One story number per article.
pub fn stories(articles: &[Analyzed]) -> Vec<usize> {
    let n = articles.len();
    if n > MAX_ARTICLES {
        return vec![0; n];
    }
    let vectors = vectors(articles);
    let mut sim = vec![vec![0.0f32; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let s = cosine(&vectors[i], &vectors[j]) as f32;
            sim[i][j] = s;
            sim[j][i] = s;
        }
    }
    let groups = average_linkage(sim);
    number(&groups, n)
}

/// A sparse vector: term ids in increasing order with their weights, unit length.
type Vector = Vec<(usize, f64)>;

/// The content words of an article's sentences, lower-cased.
fn words(a: &Analyzed) -> impl Iterator<Item = String> + '_ {
    a.sentences.iter().flat_map(|s| {
        s.text
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
            .filter(|w| w.chars().count() > 2 && w.chars().any(char::is_alphabetic))
            .map(str::to_lowercase)
            .filter(|w| !lexicon::is_stopword(w))
            .collect::<Vec<_>>()
    })
}

fn vectors(articles: &[Analyzed]) -> Vec<Vector> {
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let counts: Vec<BTreeMap<usize, f64>> = articles
        .iter()
        .map(|a| {
            let mut tf = BTreeMap::new();
            for w in words(a) {
                let next = ids.len();
                let id = *ids.entry(w).or_insert(next);
                *tf.entry(id).or_insert(0.0) += 1.0;
            }
            tf
        })
        .collect();
    counts
        .into_iter()
        .map(|tf| {
            let mut v: Vector = tf.into_iter().map(|(id, c)| (id, 1.0 + c.ln())).collect();
            let norm = v.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, x)| *x /= norm);
            }
            v
        })
        .collect()
}

fn cosine(a: &Vector, b: &Vector) -> f64 {
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

/// Each group's most similar other group: (similarity, index), lowest index on ties.
fn nearest(sim: &[Vec<f32>], alive: &[bool], a: usize) -> Option<(f32, usize)> {
    let mut best: Option<(f32, usize)> = None;
    for (b, &s) in sim[a].iter().enumerate() {
        if b != a && alive[b] && best.is_none_or(|(t, _)| s > t) {
            best = Some((s, b));
        }
    }
    best
}

/// Merge the most similar pair of groups while it is at least [`SAME_STORY`] alike;
/// group similarity is the mean over article pairs (kept up to date by the
/// Lance–Williams update). Each group remembers its nearest other group, so a merge
/// costs a pass over the groups, plus one per group whose nearest was merged.
fn average_linkage(mut sim: Vec<Vec<f32>>) -> Vec<Vec<usize>> {
    let n = sim.len();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive = vec![true; n];
    let mut near: Vec<Option<(f32, usize)>> = (0..n).map(|a| nearest(&sim, &alive, a)).collect();
    loop {
        // The best pair: highest similarity, then lowest indices.
        let mut best: Option<(f32, usize, usize)> = None;
        for a in (0..n).filter(|&a| alive[a]) {
            if let Some((s, b)) = near[a]
                && best.is_none_or(|(t, ..)| s > t)
            {
                best = Some((s, a.min(b), a.max(b)));
            }
        }
        let Some((s, a, b)) = best else { break };
        if f64::from(s) < SAME_STORY {
            break;
        }
        let (na, nb) = (members[a].len() as f32, members[b].len() as f32);
        for c in (0..n).filter(|&c| alive[c] && c != a && c != b) {
            let merged = (na * sim[a][c] + nb * sim[b][c]) / (na + nb);
            sim[a][c] = merged;
            sim[c][a] = merged;
        }
        let moved = std::mem::take(&mut members[b]);
        members[a].extend(moved);
        alive[b] = false;
        near[b] = None;
        near[a] = nearest(&sim, &alive, a);
        for c in (0..n).filter(|&c| alive[c] && c != a) {
            near[c] = match near[c] {
                Some((_, d)) if d == a || d == b => nearest(&sim, &alive, c),
                Some((t, d)) if sim[c][a] > t || sim[c][a] == t && a < d => Some((sim[c][a], a)),
                other => other,
            };
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
