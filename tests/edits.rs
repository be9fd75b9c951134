//! Edited copies prove the engine sees changed facts.
//!
//! Each test copies a set of articles into a fresh temporary folder, analyses it, then
//! changes exactly one fact in one copy (`str::replacen`, once, with an edit of the same
//! length so no other byte offset moves) and analyses it again. The edit must add
//! exactly one contradiction — the set of contradiction findings, each identified by
//! its kind and the file spans of its claims, grows by one — and that new finding must
//! hold the edited words. Nothing else in the folder changes between the two runs.

use factdiff::Options;
use factdiff::model::{Analysis, Finding, Verdict};
use std::collections::BTreeSet;
use std::path::Path;

const SEEDS: &str = "corpus";
const QUAKE: &str = "tests/fixtures/ecbplus/20-ecbplus";

/// A contradiction's identity: its kind and the (file, start, end) of every claim.
type Key = (String, Vec<(String, usize, usize)>);

/// One fact changed in one file.
struct Edit {
    file: &'static str,
    old: &'static str,
    new: &'static str,
    /// What the edited claim's mention must contain.
    mention: &'static str,
}

fn copy_articles(from: &str, files: Option<&[&str]>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(from);
    for entry in std::fs::read_dir(&src).expect("read fixture folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        if files.is_some_and(|keep| !keep.contains(&name)) {
            continue;
        }
        std::fs::copy(&path, dir.path().join(name)).expect("copy article");
    }
    dir
}

fn analyze(dir: &Path) -> Analysis {
    let input = dir.to_str().expect("utf-8 temp path").to_string();
    factdiff::analyze(&[input], &Options::default()).expect("analyses")
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
        .to_string()
}

fn key(a: &Analysis, f: &Finding) -> Key {
    let mut claims: Vec<(String, usize, usize)> = f
        .claims
        .iter()
        .map(|r| {
            let c = a.claim(*r);
            (
                file_name(&a.articles[c.article].article.path),
                c.span.start,
                c.span.end,
            )
        })
        .collect();
    claims.sort();
    (f.kind.as_str().to_string(), claims)
}

fn contradictions(a: &Analysis) -> Vec<&Finding> {
    a.findings
        .iter()
        .filter(|f| f.verdict == Verdict::Contradict)
        .collect()
}

/// Every contradiction, for failure messages.
fn dump(a: &Analysis) -> String {
    let mut out = String::new();
    for f in contradictions(a) {
        out += &format!("  {} · {}: {}\n", f.kind.as_str(), f.topic, f.explanation);
        for r in &f.claims {
            let c = a.claim(*r);
            out += &format!(
                "      {} {:?} = {}\n",
                file_name(&a.articles[c.article].article.path),
                c.mention,
                c.display
            );
        }
    }
    out
}

/// Apply `edit` to the copy in `dir`; return the byte range of the new words.
fn apply(dir: &Path, edit: &Edit) -> std::ops::Range<usize> {
    assert_eq!(edit.old.len(), edit.new.len(), "same-length edits only");
    let path = dir.join(edit.file);
    let text = std::fs::read_to_string(&path).expect("read copy");
    assert_eq!(
        text.matches(edit.old).count(),
        1,
        "{:?} occurs once in {}",
        edit.old,
        edit.file
    );
    let at = text.find(edit.old).expect("found");
    std::fs::write(&path, text.replacen(edit.old, edit.new, 1)).expect("write copy");
    at..at + edit.new.len()
}

/// Copy, analyse, edit, analyse again; exactly one new contradiction holds the edit.
fn assert_edit_contradicts(from: &str, files: Option<&[&str]>, edit: Edit) {
    let dir = copy_articles(from, files);
    let before = analyze(dir.path());
    let range = apply(dir.path(), &edit);
    let after = analyze(dir.path());

    let old: BTreeSet<Key> = contradictions(&before)
        .iter()
        .map(|f| key(&before, f))
        .collect();
    let new: Vec<&Finding> = contradictions(&after)
        .into_iter()
        .filter(|f| !old.contains(&key(&after, f)))
        .collect();
    let report = format!(
        "editing {:?} → {:?} in {}\nbefore:\n{}after:\n{}",
        edit.old,
        edit.new,
        edit.file,
        dump(&before),
        dump(&after)
    );
    // Exactly the edited fact turns into contradictions: one about the edited words
    // themselves, and any other only about values derived from that sentence ("four
    // days before the exercises begin" moves with the date it counts from).
    assert!(
        !new.is_empty(),
        "the edit makes a new contradiction; {report}"
    );
    let edited_line = |f: &Finding| {
        f.claims.iter().any(|r| {
            let c = after.claim(*r);
            file_name(&after.articles[c.article].article.path) == edit.file
                && after.articles[c.article].sentences[c.sentence].span.start <= range.start
                && range.end <= after.articles[c.article].sentences[c.sentence].span.end
        })
    };
    assert!(
        new.iter().all(|f| edited_line(f)),
        "every new contradiction involves the edited sentence; {report}"
    );
    assert_eq!(
        contradictions(&after).len(),
        contradictions(&before).len() + new.len(),
        "no old contradiction disappears; {report}"
    );
    let holds_edit = new.iter().any(|f| {
        f.claims.iter().any(|r| {
            let c = after.claim(*r);
            file_name(&after.articles[c.article].article.path) == edit.file
                && c.span.start < range.end
                && range.start < c.span.end
                && c.mention.contains(edit.mention)
        })
    });
    assert!(
        holds_edit,
        "a new contradiction holds the edited mention {:?}; {report}",
        edit.mention
    );
}

#[test]
fn unedited_seed_corpus_has_no_contradiction() {
    let dir = copy_articles(SEEDS, None);
    let a = analyze(dir.path());
    assert!(
        contradictions(&a).is_empty(),
        "contradictions:\n{}",
        dump(&a)
    );
}

#[test]
fn edited_reunion_date_contradicts() {
    assert_edit_contradicts(
        SEEDS,
        None,
        Edit {
            file: "bbc-kerry-visits-seoul.txt",
            old: "due to begin on 20 February",
            new: "due to begin on 22 February",
            mention: "22 February",
        },
    );
}

#[test]
fn edited_partition_year_contradicts() {
    assert_edit_contradicts(
        SEEDS,
        None,
        Edit {
            file: "bbc-kerry-visits-seoul.txt",
            old: "in 1953",
            new: "in 1958",
            mention: "1958",
        },
    );
}

#[test]
fn edited_last_reunion_year_contradicts() {
    assert_edit_contradicts(
        SEEDS,
        None,
        Edit {
            file: "bbc-koreas-hold-high-level-talks.txt",
            old: "The last such reunions took place in 2010",
            new: "The last such reunions took place in 2008",
            mention: "2008",
        },
    );
}

#[test]
fn edited_record_year_contradicts() {
    // "the highest-level meeting … since 2011" against "talks in six years" (2008):
    // the talks article also says "more than six years", but its own other claims do
    // not hide the disagreement with the Kerry article.
    assert_edit_contradicts(
        SEEDS,
        None,
        Edit {
            file: "bbc-koreas-hold-high-level-talks.txt",
            old: "have held since 2007",
            new: "have held since 2011",
            mention: "since 2011",
        },
    );
}

#[test]
fn edited_drill_offset_contradicts() {
    // "four days before the exercises begin" → nine: the drills now start on
    // 1 March, after the reunions they are said to coincide with.
    assert_edit_contradicts(
        SEEDS,
        None,
        Edit {
            file: "bbc-kerry-visits-seoul.txt",
            old: "four days before the annual",
            new: "nine days before the annual",
            mention: "nine days before",
        },
    );
}

/// A count: the seeds state no count in two articles, so two articles of the quake
/// cluster that both put the toll at ten, 20_3 ("killing 10 people") and 20_11 ("10
/// people were killed"); 20_3 now says 14.
///
/// Only these two are copied: across the whole cluster the "10 people" of 20_3 already
/// sits in a contradiction (20_6, an early report, says "three people" were killed), so
/// an edit there cannot add a new one.
#[test]
fn edited_death_toll_contradicts() {
    assert_edit_contradicts(
        QUAKE,
        Some(&["20_3.txt", "20_11.txt"]),
        Edit {
            file: "20_3.txt",
            old: "killing 10 people",
            new: "killing 14 people",
            mention: "14",
        },
    );
}
