//! Benchmarks of time expression tagging, with throughput in bytes of article text.
//!
//! Run with `cargo bench --bench timex` (add `-- tag/` or `-- analyze` to pick one
//! group). Every input is a file of this repository, so the figures do not depend on
//! anything outside it:
//!
//! * `tag/<seed>`: [`factdiff::timex::tag`] on each of the three articles in `corpus/`,
//!   cleaned, segmented and dated beforehand exactly as the pipeline does;
//! * `tag/ecbplus-fixtures`: the 22 ECB+ articles of `tests/fixtures/ecbplus/` read as
//!   one long article (ordinary news prose, few times);
//! * `tag/dense`: a paragraph written for this benchmark with a time expression every
//!   few words, repeated (each copy numbered, so none is dropped as a duplicate) to
//!   64 KB: the recognizers' worst case;
//! * `analyze_articles/corpus`: the whole pipeline after ingest on `corpus/`.

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use factdiff::model::{Analyzed, Article, Span};
use std::hint::black_box;
use std::path::Path;

/// A paragraph dense in time expressions of every kind the recognizers know.
const DENSE: &str = "\
On Monday, 20 February 2014, officials said the talks held yesterday would resume \
tomorrow morning, three days after the envoy arrived and two days before the drills \
begin in late March. The reunions, the first since 2010 and the largest in more than \
six years, run for five days from 20 February; last year's drills, which followed the \
test on 12 February, lasted six weeks, from September 15 to November 29. The annual \
exercises take place every spring, usually in the first quarter, and the 1950-53 war \
ended six decades ago, in July 1953. Later this month, on Friday at 3 p.m., the next \
round is due; the one after that, early next year or in the summer of 2015.\n\n";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Analyse the inputs (relative to the crate root) as `factdiff compare` would.
fn analysed(inputs: &[&str]) -> Vec<Analyzed> {
    let inputs: Vec<String> = inputs
        .iter()
        .map(|p| root().join(p).to_string_lossy().into_owned())
        .collect();
    factdiff::analyze(&inputs, &factdiff::Options::default())
        .expect("bench inputs analyse")
        .articles
}

/// One article holding `text`, run through the pipeline so it is cleaned, segmented
/// and dated as a file with that text would be.
fn analysed_text(name: &str, text: String) -> Analyzed {
    let article = Article {
        path: name.to_string(),
        body: Span::new(0, text.len()),
        text,
        title: None,
        source: None,
        url: None,
        published: None,
        encoding: None,
    };
    factdiff::analyze_articles(vec![article], &factdiff::Options::default())
        .articles
        .into_iter()
        .next()
        .expect("one article")
}

/// [`DENSE`] repeated to at least `bytes`, each copy numbered so that clean does not
/// drop the copies as duplicated lines.
fn dense_text(bytes: usize) -> String {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < bytes {
        i += 1;
        text.push_str(&format!("Report {i}. {DENSE}"));
    }
    text
}

/// The 22 ECB+ fixture articles, concatenated with blank lines between them.
fn ecbplus_text() -> String {
    fixture_text(&[
        "tests/fixtures/ecbplus/18-ecbplus",
        "tests/fixtures/ecbplus/20-ecbplus",
    ])
}

/// The twelve MEANTIME fixture articles (Wikinews), concatenated likewise.
fn meantime_text() -> String {
    fixture_text(&[
        "tests/fixtures/meantime/airbus",
        "tests/fixtures/meantime/apple",
        "tests/fixtures/meantime/gm",
        "tests/fixtures/meantime/stock",
    ])
}

fn fixture_text(folders: &[&str]) -> String {
    let mut files: Vec<_> = folders
        .iter()
        .flat_map(|d| std::fs::read_dir(root().join(d)).expect("fixture folder"))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("read fixture"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bench_tag(c: &mut Criterion) {
    let mut inputs: Vec<(String, Analyzed)> = analysed(&["corpus"])
        .into_iter()
        .map(|a| {
            let name = Path::new(&a.article.path).file_stem().map_or_else(
                || a.article.path.clone(),
                |s| s.to_string_lossy().into_owned(),
            );
            (name, a)
        })
        .collect();
    inputs.push((
        "ecbplus-fixtures".to_string(),
        analysed_text("ecbplus.txt", ecbplus_text()),
    ));
    inputs.push((
        "meantime-fixtures".to_string(),
        analysed_text("meantime.txt", meantime_text()),
    ));
    inputs.push((
        "dense".to_string(),
        analysed_text("dense.txt", dense_text(64 * 1024)),
    ));
    let mut group = c.benchmark_group("tag");
    for (name, a) in &inputs {
        let dct = a.article.published.as_ref().map(|p| p.date);
        group.throughput(Throughput::Bytes(a.article.text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), a, |b, a| {
            b.iter(|| factdiff::timex::tag(black_box(&a.article), black_box(&a.sentences), dct))
        });
    }
    group.finish();
}

fn bench_analyze(c: &mut Criterion) {
    let corpus = root().join("corpus").to_string_lossy().into_owned();
    let articles: Vec<Article> =
        factdiff::ingest::ingest(&[corpus], &Default::default()).expect("corpus/ reads");
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let opts = factdiff::Options::default();
    let mut group = c.benchmark_group("analyze_articles");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus", |b| {
        b.iter_batched(
            || articles.clone(),
            |articles| factdiff::analyze_articles(black_box(articles), &opts),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_tag, bench_analyze);
criterion_main!(benches);
