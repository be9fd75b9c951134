//! Score the grouping of articles into stories against a folder layout where each
//! folder holds one story (as in ECB+, where `20-ecb` and `20-ecbplus` are the two
//! halves of topic 20, two different stories):
//!
//! ```text
//! cargo run --release --example stories_eval -- [--exhaustive | --rare-keys] [--topics] PATH...
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
//!
//! `--topics` runs each topic on its own instead, as `factdiff stories N-ecb N-ecbplus`
//! would (a topic is the folder name up to its last `-`: `20-ecb` and `20-ecbplus` are
//! topic 20), and prints, per topic, the stories found, the articles in a story that
//! mixes folders and B-cubed F1, then how many topics came out with no story mixing
//! their folders.

use factdiff::Options;
use factdiff::stories::{Candidates, StoryOptions, stories_with};
use std::collections::{BTreeMap, BTreeSet};
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
    let args_topics = args.iter().any(|a| a == "--topics");
    let inputs: Vec<String> = args.into_iter().filter(|a| !a.starts_with("--")).collect();
    if inputs.is_empty() {
        eprintln!("usage: stories_eval PATH...");
        return ExitCode::from(2);
    }
    if args_topics {
        return topics(&inputs, how);
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
    let (p, r, f) = scores(&items);
    let gold_stories = items.iter().map(|(g, _)| g).collect::<BTreeSet<_>>();
    let predicted = items.iter().map(|(_, s)| s).collect::<BTreeSet<_>>();
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

/// B-cubed precision, recall and F1 of (gold, predicted) stories.
fn scores(items: &[(String, usize)]) -> (f64, f64, f64) {
    let (p, r) = factdiff::evaluate::bcubed(items);
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Each topic's folders run together (the folders under each input, grouped by the
/// name before their last `-`), scored one by one.
fn topics(inputs: &[String], how: Candidates) -> ExitCode {
    let mut by_topic: BTreeMap<(u64, String), Vec<String>> = BTreeMap::new();
    for input in inputs {
        let Ok(dir) = std::fs::read_dir(input) else {
            eprintln!("stories_eval: {input}: not a folder");
            return ExitCode::from(2);
        };
        for entry in dir.flatten().filter(|e| e.path().is_dir()) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let topic = name.rsplit_once('-').map_or(name.as_str(), |(t, _)| t);
            let key = (topic.parse().unwrap_or(u64::MAX), topic.to_string());
            by_topic
                .entry(key)
                .or_default()
                .push(entry.path().display().to_string());
        }
    }
    let opts = Options {
        stories: StoryOptions::finding(how),
        ..Options::default()
    };
    let (mut separated, mut mixed_articles, mut all, mut f_sum) = (0, 0, 0, 0.0);
    for ((_, topic), mut folders) in by_topic {
        folders.sort();
        let analysis = match factdiff::analyze_stories(&folders, &opts) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("stories_eval: {e}");
                return ExitCode::from(2);
            }
        };
        let items: Vec<(String, usize)> = analysis
            .articles
            .iter()
            .map(|a| (gold(&a.article.path), a.story))
            .collect();
        let mixed = mixed(&items);
        let (_, _, f) = scores(&items);
        let found = items.iter().map(|(_, s)| s).collect::<BTreeSet<_>>().len();
        println!(
            "topic {topic:>4}: {:>3} articles, {found:>2} stories, {mixed:>2} in mixed stories, F1 {f:.3}",
            items.len()
        );
        separated += usize::from(mixed == 0);
        mixed_articles += mixed;
        all += 1;
        f_sum += f;
    }
    println!(
        "{separated}/{all} topics with no story mixing folders; {mixed_articles} articles in mixed stories; mean F1 {:.3}",
        f_sum / all.max(1) as f64
    );
    ExitCode::SUCCESS
}

/// How many articles are in a predicted story holding articles of two or more folders.
fn mixed(items: &[(String, usize)]) -> usize {
    let mut folders: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (g, s) in items {
        folders.entry(*s).or_default().insert(g);
    }
    items.iter().filter(|(_, s)| folders[s].len() > 1).count()
}
