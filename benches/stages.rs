//! One benchmark per pipeline stage, with throughput in bytes of article text, on the
//! articles of this repository (the seeds in `corpus/` and the 60 ECB+ articles of
//! `tests/fixtures/ecbplus/`, five stories together):
//!
//! ```text
//! cargo bench --bench stages            # all stages
//! cargo bench --bench stages -- extract # one
//! ```
//!
//! Each stage gets exactly the input the pipeline gives it, built once beforehand:
//! `ingest` reads the files; `clean`, `segment`, `timex` and `extract` run on every
//! article in turn, one thread; `stories`, `align` and `compare` on the whole set;
//! `report` renders the JSON report into memory. `pipeline` is all of them, as
//! `factdiff compare` runs them (both cores). `per_article` is the per-article chain
//! the speed target is set for (ingest → clean → segment → publication date → timex →
//! extract), one article at a time on one thread, from the file on.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factdiff::model::Analyzed;
use factdiff::{Options, align, clean, compare, extract, ingest, segment, stories, timex};
use std::hint::black_box;
use std::path::Path;

fn inputs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["corpus", "tests/fixtures/ecbplus"]
        .iter()
        .map(|p| root.join(p).to_string_lossy().into_owned())
        .collect()
}

fn stages(c: &mut Criterion) {
    let opts = Options::default();
    let inputs = inputs();
    let analysis = factdiff::analyze(&inputs, &opts).expect("bench inputs analyse");
    let articles: &[Analyzed] = &analysis.articles;
    let bytes: usize = articles.iter().map(|a| a.article.text.len()).sum();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("ingest", |b| {
        b.iter(|| ingest::ingest(black_box(&inputs), &opts.ingest).expect("ingest"))
    });
    g.bench_function("clean", |b| {
        b.iter(|| {
            for a in articles {
                black_box(clean::clean(&a.article));
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for a in articles {
                black_box(segment::segment(&a.article, &a.cleaned));
            }
        })
    });
    g.bench_function("timex", |b| {
        b.iter(|| {
            for a in articles {
                let date = a.article.published.as_ref().map(|p| p.date);
                black_box(timex::tag(&a.article, &a.sentences, date));
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for (i, a) in articles.iter().enumerate() {
                black_box(extract::extract(i, &a.article, &a.sentences, &a.timexes));
            }
        })
    });
    let paths: Vec<String> = articles.iter().map(|a| a.article.path.clone()).collect();
    g.bench_function("per_article", |b| {
        b.iter(|| {
            for path in &paths {
                black_box(per_article(path, &opts.ingest));
            }
        })
    });
    g.bench_function("stories", |b| {
        b.iter(|| stories::stories(black_box(articles)))
    });
    let groups = align::align(articles, &opts.align);
    g.bench_function("align", |b| {
        b.iter(|| align::align(black_box(articles), &opts.align))
    });
    g.bench_function("compare", |b| {
        b.iter(|| compare::compare(black_box(articles), &groups))
    });
    g.bench_function("report", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(1 << 20);
            factdiff::report::json::render(&analysis, false, &mut out).expect("render");
            out
        })
    });
    g.bench_function("pipeline", |b| {
        b.iter(|| factdiff::analyze(black_box(&inputs), &opts).expect("analyse"))
    });
    g.finish();
}

/// One article through every per-article stage, as `factdiff` runs them before
/// grouping stories: its claims.
fn per_article(path: &str, opts: &ingest::IngestOptions) -> Vec<factdiff::model::Claim> {
    let mut claims = Vec::new();
    for mut article in ingest::ingest(&[path.to_string()], opts).expect("ingest") {
        let cleaned = clean::clean(&article);
        let sentences = segment::segment(&article, &cleaned);
        let url_or_none = article
            .published
            .as_ref()
            .is_none_or(|p| p.from == factdiff::model::DateSource::Url);
        if url_or_none && let Some(p) = timex::dct::from_text(&article) {
            article.published = Some(p);
        }
        let date = article.published.as_ref().map(|p| p.date);
        let timexes = timex::tag(&article, &sentences, date);
        claims.extend(extract::extract(0, &article, &sentences, &timexes));
    }
    claims
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = stages
}
criterion_main!(benches);
