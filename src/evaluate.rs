//! Evaluation against clusters of real news annotated by hand (`eval/ecbplus/`).
//!
//! The annotation lists, per cluster, the facts two or more articles state, each with
//! the verdict it deserves (agree, contradict, update) and the exact words of every
//! claim (file, line, quote); and, per topic, *traps*: pairs of claims from the two
//! halves of a topic (two different quakes, two different shootings) that must never
//! be compared.
//!
//! Scoring. An engine claim *matches* an annotated claim when it is in the same file
//! and its span overlaps the quote on the annotated line. A finding *covers* a fact when
//! its claims match the fact's claims in two or more files. Then:
//! * a fact is *recalled* when a finding with its verdict covers it;
//! * a contradiction the engine reports is *correct* when it covers a fact annotated
//!   `contradict`, otherwise it is a false alarm;
//! * a *cross-half contradiction* is one found when both halves of a topic are given
//!   together whose claims come from both halves; a *trap taken* is a trap pair whose
//!   two claims the engine put in one finding.

use crate::error::Error;
use crate::model::{Analysis, Finding, Verdict};
use crate::{Options, analyze};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

/// The annotation file, as stored.
#[derive(Debug, Deserialize)]
pub struct Annotations {
    pub clusters: Vec<ClusterNote>,
    pub traps: Vec<Trap>,
}

#[derive(Debug, Deserialize)]
pub struct ClusterNote {
    pub cluster: String,
    pub facts: Vec<Fact>,
}

#[derive(Debug, Deserialize)]
pub struct Fact {
    pub id: String,
    pub verdict: Expected,
    pub claims: Vec<Quote>,
}

/// The verdict a fact deserves.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Expected {
    Agree,
    Contradict,
    Update,
}

impl Expected {
    fn verdict(self) -> Verdict {
        match self {
            Expected::Agree => Verdict::Agree,
            Expected::Contradict => Verdict::Contradict,
            Expected::Update => Verdict::Update,
        }
    }
}

/// Where a claim's words are: a file of the cluster, a 1-based line, the exact words.
#[derive(Clone, Debug, Deserialize)]
pub struct Quote {
    /// Set for trap claims, which name their half; fact claims are in their cluster.
    #[serde(default)]
    pub cluster: Option<String>,
    pub file: String,
    pub line: usize,
    pub quote: String,
}

#[derive(Debug, Deserialize)]
pub struct Trap {
    pub topic: String,
    pub claims: Vec<Quote>,
}

/// Hits over totals for one measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ratio {
    pub hits: usize,
    pub total: usize,
}

impl Ratio {
    pub fn value(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }
    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3} ({}/{})", self.value(), self.hits, self.total)
    }
}

/// The scores of one run.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    pub contradiction_precision: Ratio,
    pub contradiction_recall: Ratio,
    pub agreement_precision: Ratio,
    pub agreement_recall: Ratio,
    pub update_accuracy: Ratio,
    /// Contradictions whose claims come from both halves of a topic.
    pub cross_half_contradictions: usize,
    /// Trap pairs the engine put in one finding, over all trap pairs.
    pub traps_taken: Ratio,
    /// Per fact: cluster, id, expected verdict, what the engine said (`None`: nothing
    /// covered it).
    pub facts: Vec<(String, String, Expected, Option<Verdict>)>,
    /// Engine contradictions that cover no annotated contradiction: cluster and
    /// explanation.
    pub false_alarms: Vec<(String, String)>,
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "contradiction precision  {}",
            self.contradiction_precision
        )?;
        writeln!(f, "contradiction recall     {}", self.contradiction_recall)?;
        writeln!(f, "agreement precision      {}", self.agreement_precision)?;
        writeln!(f, "agreement recall         {}", self.agreement_recall)?;
        writeln!(f, "update accuracy          {}", self.update_accuracy)?;
        writeln!(
            f,
            "cross-half contradictions {}",
            self.cross_half_contradictions
        )?;
        write!(f, "cross-half traps taken   {}", self.traps_taken)
    }
}

/// Run the engine on every annotated cluster under `root` (one folder per cluster,
/// beside `annotations.json`) and on each topic's two halves together, and score it.
pub fn evaluate(root: &Path) -> Result<Scores, Error> {
    let path = root.join("annotations.json");
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| Error::input(&shown, e.to_string()))?;
    let notes: Annotations =
        serde_json::from_str(&text).map_err(|e| Error::input(&shown, e.to_string()))?;
    let mut scores = Scores::default();
    for cluster in &notes.clusters {
        let analysis = run(&[root.join(&cluster.cluster)])?;
        score_cluster(&analysis, cluster, &mut scores);
    }
    let topics: BTreeSet<&str> = notes
        .clusters
        .iter()
        .filter_map(|c| c.cluster.split('-').next())
        .collect();
    for topic in topics {
        let halves = [
            root.join(format!("{topic}-ecb")),
            root.join(format!("{topic}-ecbplus")),
        ];
        if !halves.iter().all(|h| h.is_dir()) {
            continue;
        }
        let analysis = run(&halves)?;
        score_halves(&analysis, topic, &notes.traps, &mut scores);
    }
    Ok(scores)
}

fn run(paths: &[std::path::PathBuf]) -> Result<Analysis, Error> {
    let inputs: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    analyze(&inputs, &Options::default())
}

/// The cluster (parent folder name) and file name of an article's path.
fn place_of(path: &str) -> (String, String) {
    let p = Path::new(path);
    let name = |q: Option<&Path>| {
        q.and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    (name(p.parent()), name(Some(p)))
}

/// The annotated claims (by index into `quotes`) that a finding's claims match, with
/// the files they are in.
fn matched(
    analysis: &Analysis,
    finding: &Finding,
    cluster: &str,
    quotes: &[Quote],
) -> BTreeMap<usize, String> {
    let mut out = BTreeMap::new();
    for r in &finding.claims {
        let a = &analysis.articles[r.article];
        let c = &a.claims[r.claim];
        let (c_cluster, file) = place_of(&a.article.path);
        for (qi, q) in quotes.iter().enumerate() {
            let want_cluster = q.cluster.as_deref().unwrap_or(cluster);
            if c_cluster == want_cluster
                && file == q.file
                && overlaps_quote(&a.article.text, c.span, q)
            {
                out.insert(qi, file.clone());
            }
        }
    }
    out
}

/// True when `span` overlaps an occurrence of the quote on its line.
fn overlaps_quote(text: &str, span: crate::model::Span, q: &Quote) -> bool {
    let Some(line_start) = line_offset(text, q.line) else {
        return false;
    };
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |n| line_start + n);
    let line = &text[line_start..line_end];
    line.match_indices(q.quote.as_str()).any(|(at, m)| {
        let (s, e) = (line_start + at, line_start + at + m.len());
        span.start < e && s < span.end
    })
}

fn line_offset(text: &str, line: usize) -> Option<usize> {
    match line {
        0 => None,
        1 => Some(0),
        n => text.match_indices('\n').nth(n - 2).map(|(i, _)| i + 1),
    }
}

/// Files of the matched claims: a finding covers a fact with two or more.
fn files(m: &BTreeMap<usize, String>) -> usize {
    m.values().collect::<BTreeSet<_>>().len()
}

fn score_cluster(analysis: &Analysis, cluster: &ClusterNote, scores: &mut Scores) {
    let name = cluster.cluster.as_str();
    // Per fact, the verdict of the finding covering most of its claims.
    for fact in &cluster.facts {
        let said = analysis
            .findings
            .iter()
            .map(|f| (f, matched(analysis, f, name, &fact.claims)))
            .filter(|(_, m)| files(m) >= 2)
            .max_by_key(|(f, m)| (m.len(), f.verdict == fact.verdict.verdict()))
            .map(|(f, _)| f.verdict);
        match fact.verdict {
            Expected::Agree => scores.agreement_recall.add(said == Some(Verdict::Agree)),
            Expected::Contradict => scores
                .contradiction_recall
                .add(said == Some(Verdict::Contradict)),
            Expected::Update => scores.update_accuracy.add(said == Some(Verdict::Update)),
        }
        scores
            .facts
            .push((name.to_string(), fact.id.clone(), fact.verdict, said));
    }
    for f in &analysis.findings {
        let covers = |want: Expected| {
            cluster
                .facts
                .iter()
                .filter(|fact| fact.verdict == want)
                .any(|fact| files(&matched(analysis, f, name, &fact.claims)) >= 2)
        };
        match f.verdict {
            Verdict::Contradict => {
                let right = covers(Expected::Contradict);
                scores.contradiction_precision.add(right);
                if !right {
                    scores
                        .false_alarms
                        .push((name.to_string(), f.explanation.clone()));
                }
            }
            Verdict::Agree => scores.agreement_precision.add(covers(Expected::Agree)),
            Verdict::Inconsistent | Verdict::Update => {}
        }
    }
}

fn score_halves(analysis: &Analysis, topic: &str, traps: &[Trap], scores: &mut Scores) {
    for f in &analysis.findings {
        let halves: BTreeSet<String> = f
            .claims
            .iter()
            .map(|r| place_of(&analysis.articles[r.article].article.path).0)
            .collect();
        if f.verdict == Verdict::Contradict && halves.len() > 1 {
            scores.cross_half_contradictions += 1;
        }
    }
    for trap in traps.iter().filter(|t| t.topic == topic) {
        let taken = analysis
            .findings
            .iter()
            .any(|f| matched(analysis, f, "", &trap.claims).len() == trap.claims.len());
        scores.traps_taken.add(taken);
    }
}

/// B-cubed precision and recall (Bagga & Baldwin 1998) of a clustering: each item's
/// (gold cluster, predicted cluster); for each item, the share of its predicted cluster
/// that is in its gold one (precision) and the share of its gold cluster that is in its
/// predicted one (recall), averaged over items.
pub fn bcubed<G: Ord, P: Ord>(items: &[(G, P)]) -> (f64, f64) {
    let mut both: BTreeMap<(&G, &P), f64> = BTreeMap::new();
    let mut gold: BTreeMap<&G, f64> = BTreeMap::new();
    let mut pred: BTreeMap<&P, f64> = BTreeMap::new();
    for (g, p) in items {
        *both.entry((g, p)).or_default() += 1.0;
        *gold.entry(g).or_default() += 1.0;
        *pred.entry(p).or_default() += 1.0;
    }
    let n = items.len().max(1) as f64;
    let (mut precision, mut recall) = (0.0, 0.0);
    for (g, p) in items {
        let shared = both[&(g, p)];
        precision += shared / pred[p];
        recall += shared / gold[g];
    }
    (precision / n, recall / n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_found_on_their_line_only() {
        let text = "first line 6.1\nsecond 6.1 line\n";
        let q = Quote {
            cluster: None,
            file: "a.txt".into(),
            line: 2,
            quote: "6.1".into(),
        };
        assert!(overlaps_quote(text, crate::model::Span::new(22, 25), &q));
        assert!(!overlaps_quote(text, crate::model::Span::new(11, 14), &q));
        assert_eq!(line_offset(text, 3), Some(text.len()));
        assert_eq!(line_offset(text, 9), None);
    }

    #[test]
    fn ratios_print_value_and_counts() {
        let mut r = Ratio::default();
        r.add(true);
        r.add(false);
        assert_eq!(r.to_string(), "0.500 (1/2)");
        assert_eq!(Ratio::default().value(), 1.0);
    }
}
