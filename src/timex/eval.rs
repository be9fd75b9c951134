//! Scoring a tagger the TempEval-3 way.
//!
//! Gold and system expressions are matched one to one, earliest first: *strict* when
//! their extents are identical, *relaxed* when they overlap. Precision, recall and F1
//! are given for both; the attribute scores follow TempEval-3: type F1 and value F1 are
//! the relaxed F1 times the share of relaxed matches whose type (value) is right.
//! Offsets are whatever unit the caller uses consistently (MEANTIME gives characters).

use crate::ingest::{IngestOptions, ingest};
use crate::model::TimexType;
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// One time expression, gold or system.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Which document it is in.
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub ttype: String,
    pub value: String,
}

/// Precision, recall and F1 from counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn from_counts(matched: usize, system: usize, gold: usize) -> Prf {
        let precision = ratio(matched, system);
        let recall = ratio(matched, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// A disagreement between gold and system, for reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Miss {
    /// A gold expression the system did not find.
    Missed(Mark),
    /// A system expression with no gold counterpart.
    Spurious(Mark),
    /// Found, but with another value or type.
    Wrong { gold: Mark, system: Mark },
}

impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Miss::Missed(g) => write!(
                f,
                "missed    {}:{}  {:?} {} {}",
                g.doc, g.start, g.text, g.ttype, g.value
            ),
            Miss::Spurious(s) => write!(
                f,
                "spurious  {}:{}  {:?} {} {}",
                s.doc, s.start, s.text, s.ttype, s.value
            ),
            Miss::Wrong { gold, system } => write!(
                f,
                "wrong     {}:{}  gold {:?} {} {}  system {:?} {} {}",
                gold.doc,
                gold.start,
                gold.text,
                gold.ttype,
                gold.value,
                system.text,
                system.ttype,
                system.value
            ),
        }
    }
}

/// The scores of one evaluation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub gold: usize,
    pub system: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    /// Share of relaxed matches with the right type.
    pub type_accuracy: f64,
    /// Share of relaxed matches with the right value.
    pub value_accuracy: f64,
    pub type_f1: f64,
    pub value_f1: f64,
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |x: f64| x * 100.0;
        writeln!(f, "gold {}  system {}", self.gold, self.system)?;
        writeln!(
            f,
            "strict   P {:5.1}  R {:5.1}  F1 {:5.1}",
            pct(self.strict.precision),
            pct(self.strict.recall),
            pct(self.strict.f1)
        )?;
        writeln!(
            f,
            "relaxed  P {:5.1}  R {:5.1}  F1 {:5.1}",
            pct(self.relaxed.precision),
            pct(self.relaxed.recall),
            pct(self.relaxed.f1)
        )?;
        writeln!(
            f,
            "type     accuracy {:5.1}  F1 {:5.1}",
            pct(self.type_accuracy),
            pct(self.type_f1)
        )?;
        write!(
            f,
            "value    accuracy {:5.1}  F1 {:5.1}",
            pct(self.value_accuracy),
            pct(self.value_f1)
        )
    }
}

/// Score `system` against `gold`; misses come in document and offset order.
pub fn score(gold: &[Mark], system: &[Mark]) -> (Scores, Vec<Miss>) {
    let mut used = vec![false; system.len()];
    let mut strict = 0;
    let mut relaxed = 0;
    let mut right_type = 0;
    let mut right_value = 0;
    let mut misses = Vec::new();
    for g in gold {
        let exact = system
            .iter()
            .enumerate()
            .position(|(i, s)| !used[i] && s.doc == g.doc && s.start == g.start && s.end == g.end);
        let overlap = exact.or_else(|| {
            system
                .iter()
                .enumerate()
                .position(|(i, s)| !used[i] && s.doc == g.doc && s.start < g.end && g.start < s.end)
        });
        let Some(i) = overlap else {
            misses.push(Miss::Missed(g.clone()));
            continue;
        };
        used[i] = true;
        relaxed += 1;
        if exact.is_some() {
            strict += 1;
        }
        let s = &system[i];
        let type_ok = s.ttype == g.ttype;
        let value_ok = s.value == g.value;
        right_type += usize::from(type_ok);
        right_value += usize::from(value_ok);
        if !(type_ok && value_ok) {
            misses.push(Miss::Wrong {
                gold: g.clone(),
                system: s.clone(),
            });
        }
    }
    for (i, s) in system.iter().enumerate() {
        if !used[i] {
            misses.push(Miss::Spurious(s.clone()));
        }
    }
    misses.sort_by_key(|m| match m {
        Miss::Missed(x) | Miss::Spurious(x) | Miss::Wrong { gold: x, .. } => {
            (x.doc.clone(), x.start)
        }
    });
    let relaxed_prf = Prf::from_counts(relaxed, system.len(), gold.len());
    let type_accuracy = ratio(right_type, relaxed);
    let value_accuracy = ratio(right_value, relaxed);
    let scores = Scores {
        gold: gold.len(),
        system: system.len(),
        strict: Prf::from_counts(strict, system.len(), gold.len()),
        relaxed: relaxed_prf,
        type_accuracy,
        value_accuracy,
        type_f1: relaxed_prf.f1 * type_accuracy,
        value_f1: relaxed_prf.f1 * value_accuracy,
    };
    (scores, misses)
}

/// The result of scoring a whole annotated corpus.
pub struct Evaluation {
    pub scores: Scores,
    pub misses: Vec<Miss>,
    /// How many articles and bytes were tagged.
    pub articles: usize,
    pub bytes: usize,
}

/// Score the tagger on a corpus laid out like MEANTIME here: a folder with
/// `timex-gold.jsonl` (one gold TIMEX3 per line: `file`, `start`, `end` in characters,
/// `text`, `type`, `value`) and `annotated-regions.jsonl` (per article: `file`, the
/// annotated character range `start`..`end`, `published`). Every article is tagged with
/// its gold creation time, alone (no date borrowed from another article), and only
/// expressions inside its annotated range count.
pub fn evaluate_corpus(root: &Path) -> Result<Evaluation, String> {
    let regions = read_jsonl(&root.join("annotated-regions.jsonl"))?;
    let gold: Vec<Mark> = read_jsonl(&root.join("timex-gold.jsonl"))?
        .iter()
        .filter_map(gold_mark)
        .collect();
    let mut system = Vec::new();
    let mut bytes = 0;
    for r in &regions {
        let (Some(file), Some(start), Some(end), Some(published)) = (
            r["file"].as_str(),
            r["start"].as_u64(),
            r["end"].as_u64(),
            r["published"].as_str(),
        ) else {
            continue;
        };
        let path = root.join(file).to_string_lossy().into_owned();
        let date = NaiveDate::parse_from_str(published, "%Y-%m-%d")
            .map_err(|e| format!("{file}: bad published date: {e}"))?;
        let opts = IngestOptions {
            published: BTreeMap::from([(path.clone(), date)]),
            ..IngestOptions::default()
        };
        let articles = ingest(std::slice::from_ref(&path), &opts).map_err(|e| e.to_string())?;
        let analysis = crate::analyze_articles(articles, &Default::default());
        for a in &analysis.articles {
            bytes += a.article.text.len();
            for t in &a.timexes {
                let s = char_offset(&a.article.text, t.span.start);
                let e = char_offset(&a.article.text, t.span.end);
                if s >= start as usize && e <= end as usize {
                    system.push(Mark {
                        doc: file.to_string(),
                        start: s,
                        end: e,
                        text: t.text.clone(),
                        ttype: type_name(t.ttype).to_string(),
                        value: t.value.clone(),
                    });
                }
            }
        }
    }
    let (scores, misses) = score(&gold, &system);
    Ok(Evaluation {
        scores,
        misses,
        articles: regions.len(),
        bytes,
    })
}

fn type_name(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

fn read_jsonl(path: &Path) -> Result<Vec<Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

fn gold_mark(v: &Value) -> Option<Mark> {
    Some(Mark {
        doc: v["file"].as_str()?.to_string(),
        start: v["start"].as_u64()? as usize,
        end: v["end"].as_u64()? as usize,
        text: v["text"].as_str()?.to_string(),
        ttype: v["type"].as_str()?.to_string(),
        value: v["value"].as_str()?.to_string(),
    })
}

/// The character offset of a byte offset.
fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, value: &str) -> Mark {
        Mark {
            doc: "d".into(),
            start,
            end,
            text: String::new(),
            ttype: "DATE".into(),
            value: value.into(),
        }
    }

    #[test]
    fn perfect_tagging_scores_one() {
        let gold = vec![mark(0, 5, "2014"), mark(10, 20, "P6Y")];
        let (s, misses) = score(&gold, &gold);
        assert_eq!(s.strict.f1, 1.0);
        assert_eq!(s.value_f1, 1.0);
        assert!(misses.is_empty());
    }

    #[test]
    fn overlaps_count_as_relaxed_and_values_scale_f1() {
        let gold = vec![mark(0, 10, "2014-02-20"), mark(20, 30, "P6Y")];
        let system = vec![
            mark(3, 10, "2014-02-20"),
            mark(20, 30, "P5Y"),
            mark(40, 45, "2013"),
        ];
        let (s, misses) = score(&gold, &system);
        assert_eq!(s.strict.precision, 1.0 / 3.0);
        assert_eq!(s.relaxed.recall, 1.0);
        assert!((s.relaxed.precision - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(s.value_accuracy, 0.5);
        assert!((s.value_f1 - s.relaxed.f1 * 0.5).abs() < 1e-9);
        assert_eq!(misses.len(), 2);
    }
}
