//! Score factdiff's time expression tagger on a TimeML-annotated corpus laid out like
//! MEANTIME in this project's shared corpora: a folder with `timex-gold.jsonl` (one gold
//! TIMEX3 per line: `file`, `start`, `end` in characters, `text`, `type`, `value`) and
//! `annotated-regions.jsonl` (per article: `file`, the annotated character range
//! `start`..`end`, and `published`, the document creation time).
//!
//! ```text
//! cargo run --release --example timex_eval -- PATH [--misses]
//! ```
//!
//! Every article is tagged with its gold creation time given as `--published`, and only
//! expressions inside its annotated range are scored. Prints strict and relaxed
//! P/R/F1, type and value F1 (TempEval-3), and with `--misses` every disagreement.

use factdiff::ingest::{self, IngestOptions};
use factdiff::timex::eval::{Mark, score};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(root) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: timex_eval PATH [--misses]");
        return ExitCode::from(2);
    };
    let show_misses = args.iter().any(|a| a == "--misses");
    match run(Path::new(root), show_misses) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("timex_eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(root: &Path, show_misses: bool) -> Result<(), String> {
    let regions = read_jsonl(&root.join("annotated-regions.jsonl"))?;
    let gold_lines = read_jsonl(&root.join("timex-gold.jsonl"))?;
    let gold: Vec<Mark> = gold_lines.iter().filter_map(gold_mark).collect();
    let mut system = Vec::new();
    let mut bytes = 0usize;
    let started = std::time::Instant::now();
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
        let date = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d")
            .map_err(|e| format!("{file}: bad published date: {e}"))?;
        let opts = IngestOptions {
            published: BTreeMap::from([(path.clone(), date)]),
        };
        let articles =
            ingest::ingest(std::slice::from_ref(&path), &opts).map_err(|e| e.to_string())?;
        let analysis = factdiff::analyze_articles(articles, &Default::default());
        for a in &analysis.articles {
            bytes += a.article.text.len();
            for t in &a.timexes {
                let (s, e) = (
                    char_offset(&a.article.text, t.span.start),
                    char_offset(&a.article.text, t.span.end),
                );
                if s >= start as usize && e <= end as usize {
                    system.push(Mark {
                        doc: file.to_string(),
                        start: s,
                        end: e,
                        text: t.text.clone(),
                        ttype: serde_json::to_value(t.ttype)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default(),
                        value: t.value.clone(),
                    });
                }
            }
        }
    }
    let elapsed = started.elapsed();
    let (scores, misses) = score(&gold, &system);
    // A closed pipe (`| head`) ends the listing quietly.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{scores}");
    let _ = writeln!(
        out,
        "{} articles, {:.1} KB in {:.2} s (whole pipeline, one thread)",
        regions.len(),
        bytes as f64 / 1024.0,
        elapsed.as_secs_f64()
    );
    if show_misses {
        let _ = writeln!(out);
        for m in misses {
            if writeln!(out, "{m}").is_err() {
                break;
            }
        }
    }
    Ok(())
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
