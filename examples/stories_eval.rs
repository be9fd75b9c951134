//! Score the grouping of articles into stories against a folder layout where each
//! folder holds one story (as in ECB+, where `20-ecb` and `20-ecbplus` are the two
//! halves of topic 20, two different stories):
//!
//! ```text
//! cargo run --release --example stories_eval -- [--exhaustive | --rare-keys] PATH...
//! ```
//!
//! `--exhaustive` scores every pair of articles sharing a feature, `--rare-keys` only
//! pairs sharing a rare one (what runs of more than
//! [`factdiff::stories::EXHAUSTIVE_UP_TO`] articles do); by default the run size
//! decides.
//!
//! Prints B-cubed precision, recall and F1 (Bagga & Baldwin 1998): for each article,
//! the share of its predicted story that is in its gold story (precision) and the share
//! of its gold story that is in its predicted story (recall), averaged over articles.

use factdiff::Options;
use factdiff::stories::{Candidates, StoryOptions, stories_with};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let how = if args.iter().any(|a| a == "--exhaustive") {
        Candidates::Exhaustive
    } else if args.iter().any(|a| a == "--rare-keys") {
        Candidates::RareKeys
    } else {
        Candidates::Auto
    };
    let inputs: Vec<String> = args.into_iter().filter(|a| !a.starts_with("--")).collect();
    if inputs.is_empty() {
        eprintln!("usage: stories_eval PATH...");
        return ExitCode::from(2);
    }
    let started = std::time::Instant::now();
    let analysis = match factdiff::analyze_timexes(&inputs, &Options::default()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("stories_eval: {e}");
            return ExitCode::from(2);
        }
    };
    let stories = stories_with(&analysis.articles, &StoryOptions::finding(how));
    let items: Vec<(String, usize)> = analysis
        .articles
        .iter()
        .zip(stories)
        .map(|(a, story)| (gold(&a.article.path), story))
        .collect();
    let (p, r) = factdiff::evaluate::bcubed(&items);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let gold_stories = items
        .iter()
        .map(|(g, _)| g)
        .collect::<std::collections::BTreeSet<_>>();
    let predicted = items
        .iter()
        .map(|(_, s)| s)
        .collect::<std::collections::BTreeSet<_>>();
    println!(
        "{} articles: {} stories found, {} in the folders; B-cubed P {p:.3} R {r:.3} F1 {f:.3} ({:.2} s)",
        items.len(),
        predicted.len(),
        gold_stories.len(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// The gold story of an article: the folder it is in.
fn gold(path: &str) -> String {
    Path::new(path)
        .parent()
        .map_or_else(String::new, |p| p.display().to_string())
}
