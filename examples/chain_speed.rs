//! Time the per-article stages (ingest → clean → segment → publication date → timex →
//! extract) on one thread over a folder of articles, and print bytes per second for
//! each stage and for the whole chain:
//!
//! ```text
//! cargo run --release --example chain_speed -- [--rounds N] PATH...
//! ```
//!
//! Each article is run through the chain in turn, exactly as the pipeline runs it
//! before stories are grouped (no date inference across articles). The figures are
//! the best of `N` rounds (default 5), the usual way to see through a loaded machine;
//! bytes are those of the articles' text. Use it on a corpus too big for `cargo bench`
//! (the ECB+ folder in `../shared`, say), or under `valgrind --tool=callgrind` with
//! `--rounds 1` for instruction counts.

use factdiff::model::{Article, DateSource, Sentence};
use factdiff::{clean, extract, ingest, segment, timex};
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The names of the timed stages, in order.
const STAGES: [&str; 6] = ["ingest", "clean", "segment", "dct", "timex", "extract"];

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let rounds = match args.iter().position(|a| a == "--rounds") {
        Some(i) => {
            let n = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(5);
            args.drain(i..(i + 2).min(args.len()));
            n
        }
        None => 5,
    };
    if args.is_empty() {
        eprintln!("usage: chain_speed [--rounds N] PATH...");
        return ExitCode::from(2);
    }
    let opts = ingest::IngestOptions::default();
    let files = match ingest::ingest(&args, &opts) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("chain_speed: {e}");
            return ExitCode::from(2);
        }
    };
    let bytes: usize = files.iter().map(|a| a.text.len()).sum();
    let paths: Vec<String> = files.iter().map(|a| a.path.clone()).collect();
    // One untimed pass first, so that every lazily built regex and table is ready.
    warm_up(&paths, &opts);
    let mut best = [Duration::MAX; 6];
    for _ in 0..rounds {
        let times = round(&paths, &opts);
        for (b, t) in best.iter_mut().zip(times) {
            *b = (*b).min(t);
        }
    }
    report(files.len(), bytes, &best);
    ExitCode::SUCCESS
}

/// One pass over every article, untimed.
fn warm_up(paths: &[String], opts: &ingest::IngestOptions) {
    let mut t = [Duration::ZERO; 6];
    for path in paths {
        for article in &mut ingest::ingest(std::slice::from_ref(path), opts).expect("ingest") {
            chain(article, &mut t);
        }
    }
}

/// One pass over every article; the time spent in each stage. Never inlined, so that
/// `valgrind --tool=callgrind --toggle-collect=chain_speed::round` counts only the
/// timed passes.
#[inline(never)]
fn round(paths: &[String], opts: &ingest::IngestOptions) -> [Duration; 6] {
    let mut t = [Duration::ZERO; 6];
    for path in paths {
        let start = Instant::now();
        let mut articles = ingest::ingest(std::slice::from_ref(path), opts).expect("ingest");
        t[0] += start.elapsed();
        for article in &mut articles {
            chain(article, &mut t);
        }
    }
    t
}

/// The stages after ingest for one article, each timed into `t`.
fn chain(article: &mut Article, t: &mut [Duration; 6]) {
    let mut lap = Instant::now();
    let mut split = |i: usize, t: &mut [Duration; 6]| {
        t[i] += lap.elapsed();
        lap = Instant::now();
    };
    let cleaned = clean::clean(article);
    split(1, t);
    let sentences: Vec<Sentence> = segment::segment(article, &cleaned);
    split(2, t);
    let url_or_none = article
        .published
        .as_ref()
        .is_none_or(|p| p.from == DateSource::Url);
    if url_or_none && let Some(p) = timex::dct::from_text(article) {
        article.published = Some(p);
    }
    split(3, t);
    let date = article.published.as_ref().map(|p| p.date);
    let timexes = timex::tag(article, &sentences, date);
    split(4, t);
    black_box(extract::extract(0, article, &sentences, &timexes));
    split(5, t);
}

/// Print MB/s (10^6 bytes) and MiB/s per stage and for the chain.
fn report(articles: usize, bytes: usize, best: &[Duration; 6]) {
    println!("{articles} articles, {bytes} bytes, one thread, best round");
    let rate = |d: Duration| bytes as f64 / d.as_secs_f64();
    for (name, d) in STAGES.iter().zip(best) {
        println!(
            "{name:<8} {:>9.2} ms {:>8.1} MB/s {:>8.1} MiB/s",
            d.as_secs_f64() * 1e3,
            rate(*d) / 1e6,
            rate(*d) / (1 << 20) as f64
        );
    }
    let total: Duration = best.iter().sum();
    println!(
        "{:<8} {:>9.2} ms {:>8.1} MB/s {:>8.1} MiB/s",
        "chain",
        total.as_secs_f64() * 1e3,
        rate(total) / 1e6,
        rate(total) / (1 << 20) as f64
    );
}
