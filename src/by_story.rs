//! The two-pass run behind [`Retain::Findings`](crate::Retain::Findings): memory
//! bounded by the largest story and by what the report shows, not by the input.
//!
//! * **Pass 1, survey.** Every file is read once, a [`ReadChunk`](crate::ReadChunk) at
//!   a time, and each article cleaned, split, dated and time-tagged (both cores). What
//!   is kept is what grouping needs: the article's metadata without its text, a small
//!   profile of the days it mentions (for date inference) and its story features as
//!   interned numbers. Then dates are inferred, the undated articles' features counted
//!   with their new dates, and the articles grouped into stories; the features go.
//! * **Pass 2, compare.** Stories are taken in order, whole, a batch of at least a
//!   chunk's articles at a time, the stories of a batch side by side (both cores):
//!   their files are read again, their claims read, aligned and compared story by
//!   story, and each article then keeps only the claims a report of findings shows
//!   (those in a finding, and its dates when a timeline is drawn) and the sentences
//!   they are in.
//!
//! Invariants: the result is the one [`Retain::Claims`](crate::Retain::Claims) gives,
//! byte for byte in every report of findings, whatever the chunk or thread count
//! (`tests/scale.rs`). Claims of two stories are never compared, so each story,
//! aligned and compared on its own, finds what the whole run finds in it; its
//! articles are in path order as in the run, so ties break alike, and findings that
//! tie in the final (stable) sort share a first claim, so a story. A second read that
//! does not give the text of the first (a file changed in between) is an error, never
//! a silently different report.
//!
//! What stays O(input): each article's metadata (path, title, date and its evidence,
//! drop counts), kept for the report's list of articles in the very records the run
//! returns (filled in place by pass 2, never copied); the findings with the claims
//! and sentences they show; during pass 1 only, the date profiles, the features
//! (packed, a few bytes each), the vocabulary and the grouping's own index and
//! similarities ([`stories`]). An
//! input that cannot be read twice (standard input, a file of several crawled
//! articles, articles handed over in memory) keeps its text until its story is
//! compared.

use crate::model::{Analysis, Analyzed, Article, ClaimKind, ClaimRef, Finding};
use crate::{Error, Grouping, Options, Source, align, clean, compare, extract, published};
use crate::{segment, stories, timex};
use rayon::prelude::*;
use std::hash::{Hash, Hasher};

/// Run every stage in two passes (see the module documentation).
/// With `dates`, articles keep their date claims as well as those in findings.
pub(crate) fn run(
    mut source: impl Source + Sync,
    opts: &Options,
    dates: bool,
) -> Result<Analysis, Error> {
    let files = source.files();
    // Every file is read twice: the progress counts both reads.
    opts.progress.start(2 * files);
    let (surveyed, vocabulary) = survey(&mut source, opts)?;
    let (articles, findings) = compare_by_story(&source, surveyed, vocabulary, opts, dates)?;
    opts.progress.finish();
    Ok(Analysis {
        articles,
        findings,
        skipped: source.into_skipped(),
    })
}

/// Where pass 2 finds an article's text again.
#[derive(Clone, Copy, Debug)]
enum Origin {
    /// The only article of the source's file `file`, whose text had `len` bytes and
    /// the given hash: read again, and checked.
    File { file: usize, len: usize, hash: u64 },
    /// Its text is kept (standard input, a file of several articles, articles given
    /// in memory).
    Kept,
}

/// What pass 1 keeps of an article.
struct Surveyed {
    /// Metadata and final date; the text only when [`Origin::Kept`].
    article: Article,
    origin: Origin,
    /// For date inference; emptied once dates are inferred.
    profile: timex::dct::Profile,
    /// For story grouping; counted once the article's date is final.
    features: Option<stories::Features>,
    /// No date was known before inference: features are counted after it.
    undated: bool,
}

/// A deterministic hash of an article's text, to tell that a second read gives the
/// text of the first.
fn text_hash(text: &str) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Pass 1: read every file once; return its articles in path order with their final
/// dates and their stories' features, and the vocabulary that counted them.
fn survey(
    source: &mut (impl Source + Sync),
    opts: &Options,
) -> Result<(Vec<Surveyed>, stories::Vocabulary), Error> {
    let files = source.files();
    let chunk = opts.chunk.0.max(1);
    let mut vocabulary = stories::Vocabulary::default();
    // One article a file, mostly: reserved at once, the list is not copied as it grows.
    let mut surveyed = Vec::with_capacity(files);
    for first in (0..files).step_by(chunk) {
        let range = first..files.min(first + chunk);
        let n = range.len();
        let mut read = Vec::new();
        for file in range {
            let articles = source.read(file..file + 1)?;
            let once = articles.len() == 1 && source.rereadable(file);
            read.extend(articles.into_iter().map(|a| {
                let origin = match once {
                    true => Origin::File {
                        file,
                        len: a.text.len(),
                        hash: text_hash(&a.text),
                    },
                    false => Origin::Kept,
                };
                (a, origin)
            }));
        }
        surveyed.extend(survey_chunk(read, &mut vocabulary, opts));
        opts.progress.steps(n);
    }
    // Path order, as in the one-pass run (a stable sort).
    surveyed.sort_by(|a, b| a.article.path.cmp(&b.article.path));
    infer_dates(&mut surveyed);
    count_undated(&*source, &mut surveyed, &mut vocabulary, opts)?;
    Ok((surveyed, vocabulary))
}

/// Whether story features are needed at all.
fn grouped(opts: &Options) -> bool {
    opts.grouping == Grouping::Stories
}

/// An article's own stages as far as its times (both cores, results in file order),
/// keeping its metadata, date profile and, once dated, its features.
fn survey_chunk(
    read: Vec<(Article, Origin)>,
    vocabulary: &mut stories::Vocabulary,
    opts: &Options,
) -> Vec<Surveyed> {
    let counted: Vec<(Surveyed, Option<stories::Counts>)> = read
        .into_par_iter()
        .map(|(article, origin)| {
            let analyzed = crate::read_times(article);
            let date = published(&analyzed.article);
            let profile = timex::dct::Profile::of(date, &analyzed.timexes);
            let counts = (date.is_some() && grouped(opts)).then(|| stories::counts(&analyzed));
            let surveyed = Surveyed {
                article: without_text(analyzed.article, origin),
                origin,
                profile,
                features: None,
                undated: date.is_none(),
            };
            (surveyed, counts)
        })
        .collect();
    intern(counted, vocabulary)
}

/// Give each article its interned features, in order (ids are assigned in order, so
/// deterministically).
fn intern(
    counted: Vec<(Surveyed, Option<stories::Counts>)>,
    vocabulary: &mut stories::Vocabulary,
) -> Vec<Surveyed> {
    counted
        .into_iter()
        .map(|(mut s, counts)| {
            if let Some(c) = counts {
                s.features = Some(vocabulary.intern(c));
            }
            s
        })
        .collect()
}

/// The article without its text when the text can be read again.
fn without_text(mut article: Article, origin: Origin) -> Article {
    if let Origin::File { .. } = origin {
        article.text = String::new();
    }
    article
}

/// Give undated articles a date inferred from the others (in path order).
fn infer_dates(surveyed: &mut [Surveyed]) {
    let inferred = {
        let dated: Vec<timex::dct::Dated> = surveyed
            .iter()
            .map(|s| timex::dct::Dated {
                path: &s.article.path,
                published: published(&s.article),
                profile: &s.profile,
            })
            .collect();
        timex::dct::infer(&dated)
    };
    for (s, p) in surveyed.iter_mut().zip(inferred) {
        if let Some(p) = p {
            s.article.published = Some(p);
        }
        // Read by nothing after inference.
        s.profile = timex::dct::Profile::default();
    }
}

/// Count the features of the articles that waited for date inference, with the date
/// inferred (or none), reading their files again a chunk at a time.
fn count_undated(
    source: &(impl Source + Sync),
    surveyed: &mut [Surveyed],
    vocabulary: &mut stories::Vocabulary,
    opts: &Options,
) -> Result<(), Error> {
    if !grouped(opts) {
        return Ok(());
    }
    let mut waiting: Vec<&mut Surveyed> = surveyed.iter_mut().filter(|s| s.undated).collect();
    for chunk in waiting.chunks_mut(opts.chunk.0.max(1)) {
        let counts: Vec<stories::Counts> = chunk
            .par_iter()
            .map(|s| {
                let article = with_text(source, &s.article, s.origin)?;
                Ok(stories::counts(&read_times_dated(article)))
            })
            .collect::<Result<_, Error>>()?;
        for (s, c) in chunk.iter_mut().zip(counts) {
            s.features = Some(vocabulary.intern(c));
        }
    }
    Ok(())
}

/// The article with its text: kept, or read again from its file (`origin`) and
/// checked to be the text the first read gave.
fn with_text(
    source: &(impl Source + Sync),
    article: &Article,
    origin: Origin,
) -> Result<Article, Error> {
    let Origin::File { file, len, hash } = origin else {
        return Ok(article.clone());
    };
    let changed = || Error::input(&article.path, "changed while factdiff was reading it");
    let mut again = source.read_again(file)?;
    let Some(a) = again
        .pop()
        .filter(|a| again.is_empty() && a.path == article.path)
    else {
        return Err(changed());
    };
    if a.text.len() != len || text_hash(&a.text) != hash {
        return Err(changed());
    }
    Ok(Article {
        text: a.text,
        ..article.clone()
    })
}

/// Clean, segment and time-tag an article whose date is final. The same as the
/// first reading's stages once the date is known: cleaning and splitting do not
/// look at the date.
fn read_times_dated(article: Article) -> Analyzed {
    let cleaned = clean::clean(&article);
    let sentences = segment::segment(&article, &cleaned);
    let timexes = timex::tag(&article, &sentences, published(&article));
    let mut a = Analyzed::with_claims(article, Vec::new());
    a.cleaned = cleaned;
    a.sentences = sentences;
    a.timexes = timexes;
    a
}

/// Pass 2: group the surveyed articles into stories, then read, align and compare a
/// batch of whole stories at a time (the stories of a batch side by side on every
/// core). Returns the articles in path order, each holding what the reports of
/// findings read, and the findings in report order.
fn compare_by_story(
    source: &(impl Source + Sync),
    mut surveyed: Vec<Surveyed>,
    vocabulary: stories::Vocabulary,
    opts: &Options,
    dates: bool,
) -> Result<(Vec<Analyzed>, Vec<Finding>), Error> {
    let story_of = group(&mut surveyed, vocabulary, opts);
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, &story) in story_of.iter().enumerate() {
        if members.len() <= story {
            members.resize_with(story + 1, Vec::new);
        }
        members[story].push(i);
    }
    // The result, filled in place: each article holds its metadata until its story
    // is compared, then what the reports read.
    let (mut articles, origins): (Vec<Analyzed>, Vec<Origin>) = surveyed
        .into_iter()
        .map(|s| (Analyzed::with_claims(s.article, Vec::new()), s.origin))
        .unzip();
    let mut findings = Vec::new();
    let chunk = opts.chunk.0.max(1);
    let mut batch: Vec<Vec<(usize, Analyzed)>> = Vec::new();
    let mut taken = 0;
    for (k, story) in members.iter().enumerate() {
        // Members are in path order already.
        batch.push(
            story
                .iter()
                .map(|&i| (i, std::mem::replace(&mut articles[i], placeholder())))
                .collect(),
        );
        taken += story.len();
        if taken < chunk && k + 1 < members.len() {
            continue;
        }
        let compared: Vec<Compared> = std::mem::take(&mut batch)
            .into_par_iter()
            .map(|story| compare_story(source, story, &origins, &story_of, opts, dates))
            .collect::<Result<_, Error>>()?;
        for (analyzed, found) in compared {
            findings.extend(found);
            for (i, a) in analyzed {
                articles[i] = a;
            }
        }
        opts.progress.steps(taken);
        taken = 0;
    }
    compare::sort(&mut findings);
    Ok((articles, findings))
}

/// What stands in an article's place while its story is compared: nothing on the heap.
fn placeholder() -> Analyzed {
    Analyzed::with_claims(Article::from_text("", ""), Vec::new())
}

/// A story's articles as the reports need them, with their places in the run, and
/// its findings.
type Compared = (Vec<(usize, Analyzed)>, Vec<Finding>);

/// Read, align and compare the articles of one story (`taken`, in path order with
/// their places in the run, their texts where `origins` say); return them as the
/// reports need them and their findings, both with the run's article numbers. Claims of two stories are never
/// compared, so this is what the whole run finds in the story, in the same order.
fn compare_story(
    source: &(impl Source + Sync),
    taken: Vec<(usize, Analyzed)>,
    origins: &[Origin],
    story_of: &[usize],
    opts: &Options,
    dates: bool,
) -> Result<Compared, Error> {
    let places: Vec<usize> = taken.iter().map(|(i, _)| *i).collect();
    let mut story: Vec<Analyzed> = taken
        .into_par_iter()
        .enumerate()
        .map(|(local, (i, slot))| {
            let mut a = read_times_dated(with_text(source, &slot.article, origins[i])?);
            a.claims = extract::extract(local, &a.article, &a.sentences, &a.timexes);
            a.story = story_of[i];
            Ok(a)
        })
        .collect::<Result<_, Error>>()?;
    let groups = align::align(&story, &opts.align);
    let mut findings = compare::compare(&story, &groups);
    findings.extend(compare::self_check(&story));
    keep_shown_claims(&mut story, &mut findings, dates);
    story.iter_mut().for_each(Analyzed::compact);
    for (a, &i) in story.iter_mut().zip(&places) {
        a.claims.iter_mut().for_each(|c| c.article = i);
    }
    for r in findings.iter_mut().flat_map(|f| f.claims.iter_mut()) {
        r.article = places[r.article];
    }
    Ok((places.into_iter().zip(story).collect(), findings))
}

/// Number each article with its story, and drop the features, which pass 2 does not
/// need (taken out in place: a copy of the articles would cost more than grouping).
fn group(surveyed: &mut [Surveyed], vocabulary: stories::Vocabulary, opts: &Options) -> Vec<usize> {
    match opts.grouping {
        Grouping::Stories => {
            let features = surveyed
                .iter_mut()
                .map(|s| s.features.take().unwrap_or_default())
                .collect();
            let dates: Vec<_> = surveyed.iter().map(|s| published(&s.article)).collect();
            stories::group(vocabulary, features, &dates, &opts.stories)
        }
        Grouping::OneStory => vec![0; surveyed.len()],
    }
}

/// Drop the claims no report of findings shows: those in no finding, except, with
/// `dates`, dates (the timelines draw every date). References in the findings follow
/// the claims' new places.
fn keep_shown_claims(batch: &mut [Analyzed], findings: &mut [Finding], dates: bool) {
    let mut keep: Vec<Vec<bool>> = batch
        .iter()
        .map(|a| {
            a.claims
                .iter()
                .map(|c| dates && c.kind == ClaimKind::Date)
                .collect()
        })
        .collect();
    for r in findings.iter().flat_map(|f| &f.claims) {
        keep[r.article][r.claim] = true;
    }
    let moved: Vec<Vec<Option<usize>>> = batch
        .iter_mut()
        .zip(&keep)
        .map(|(a, k)| a.keep_claims(k))
        .collect();
    for r in findings.iter_mut().flat_map(|f| f.claims.iter_mut()) {
        if let Some(claim) = moved[r.article][r.claim] {
            *r = ClaimRef {
                article: r.article,
                claim,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Retain;
    use chrono::NaiveDate;

    /// Two files, each one article; file 0 reads differently the second time when
    /// `changes` is set.
    struct Files {
        changes: bool,
    }

    fn article(file: usize, dead: u32) -> Article {
        let day = NaiveDate::from_ymd_opt(2014, 2, 20).expect("date");
        let text = format!("At least {dead} people died in the fire on Monday.\n");
        Article::from_text(&format!("{file}.txt"), &text).published_on(day)
    }

    impl Source for Files {
        fn files(&self) -> usize {
            2
        }
        fn read(&mut self, files: std::ops::Range<usize>) -> Result<Vec<Article>, Error> {
            Ok(files.map(|f| article(f, 12)).collect())
        }
        fn rereadable(&self, _file: usize) -> bool {
            true
        }
        fn read_again(&self, file: usize) -> Result<Vec<Article>, Error> {
            let dead = if self.changes && file == 0 { 14 } else { 12 };
            Ok(vec![article(file, dead)])
        }
        fn into_skipped(self) -> Vec<crate::model::Skipped> {
            Vec::new()
        }
    }

    fn opts() -> Options {
        Options {
            retain: Retain::Findings { dates: false },
            ..Options::default()
        }
    }

    #[test]
    fn a_file_read_twice_gives_its_claims_once() {
        let analysis = run(Files { changes: false }, &opts(), false).expect("run");
        assert_eq!(analysis.articles.len(), 2);
        assert!(analysis.articles.iter().all(|a| a.claim_count() > 0));
        assert!(!analysis.findings.is_empty());
    }

    #[test]
    fn a_file_changed_between_the_reads_is_an_error() {
        let files = Files { changes: true };
        let e = run(files, &opts(), false).expect_err("changed");
        assert!(
            e.to_string()
                .contains("changed while factdiff was reading it"),
            "{e}"
        );
    }
}
