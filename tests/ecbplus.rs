//! Whole reports on real news, pinned by snapshots, and checked for sanity.
//!
//! Three inputs: the seed corpus (`corpus/`) and two ECB+ clusters copied unmodified
//! into `tests/fixtures/ecbplus/` (see the README there: CC BY 3.0, Cybulska & Vossen,
//! LREC 2014). Each is given to the built binary as a relative folder path, with the
//! crate root as the working directory, so every path in the output is relative and the
//! same on every machine.
//!
//! For each input:
//! * the text report (`--color never --width 100`) and the JSON report are snapshots in
//!   the top-level `snapshots/` folder (review changes with `cargo insta review`);
//! * the JSON parses, and every claim of every finding points into its file: `span`
//!   slices the file to exactly `mention`, the `sentence` stands in the file at `line`
//!   and holds the span;
//! * two runs give the same bytes, and naming the files one by one in reverse order
//!   gives the same findings (compared as a set of verdict, kind, topic and claims; the
//!   explanation and labels follow the article order and are left out).
//!
//! Remember that `tests/fixtures/ecbplus/` itself holds a README.md, which factdiff
//! would read as an article: always pass a cluster folder.

mod common;

use common::snapshot;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

const SEEDS: &str = "corpus";
const QUAKE: &str = "tests/fixtures/ecbplus/20-ecbplus";
const SHOOTING: &str = "tests/fixtures/ecbplus/18-ecbplus";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Run the binary from the crate root with relative paths.
fn factdiff(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run factdiff");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "factdiff {args:?} exited {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn text_report(folder: &str) -> String {
    let out = factdiff(&["compare", folder, "--color", "never", "--width", "100"]);
    String::from_utf8(out.stdout).expect("utf-8 text report")
}

fn json_report(inputs: &[&str]) -> String {
    let mut args = vec!["compare"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["--format", "json"]);
    String::from_utf8(factdiff(&args).stdout).expect("utf-8 JSON report")
}

fn parse(json: &str) -> Value {
    serde_json::from_str(json).expect("the JSON report parses")
}

/// The articles of a folder, as `folder/name`, sorted.
fn files_in(folder: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(folder))
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().into_string().expect("utf-8"))
        .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
        .map(|n| format!("{folder}/{n}"))
        .collect();
    files.sort();
    files
}

fn snapshot_text(name: &str, folder: &str) {
    let description = format!("factdiff compare {folder} --color never --width 100");
    snapshot(name, description, &text_report(folder));
}

fn snapshot_json(name: &str, folder: &str) {
    let description = format!("factdiff compare {folder} --format json");
    snapshot(name, description, &json_report(&[folder]));
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

fn as_str<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} is a string: {v}"))
}

fn as_usize(v: &Value) -> usize {
    v.as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or_else(|| panic!("a byte offset: {v}"))
}

/// Every claim of every finding points into its file.
fn assert_claims_point_into_files(folder: &str) {
    let doc = parse(&json_report(&[folder]));
    let findings = doc["findings"].as_array().expect("findings");
    let mut checked = 0;
    for f in findings {
        for c in f["claims"].as_array().expect("claims") {
            let path = as_str(c, "path");
            let mention = as_str(c, "mention");
            let sentence = as_str(c, "sentence");
            let line = as_usize(&c["line"]);
            let span = c["span"].as_array().expect("span");
            assert_eq!(span.len(), 2, "span is [start, end): {c}");
            let (start, end) = (as_usize(&span[0]), as_usize(&span[1]));
            assert!(
                Path::new(path).is_relative(),
                "{path} is relative, as given"
            );
            let text = std::fs::read_to_string(root().join(path)).expect("read article");
            assert_eq!(
                text.get(start..end),
                Some(mention),
                "{path} [{start}, {end}) is the mention"
            );
            let holder = text
                .match_indices(sentence)
                .map(|(at, _)| at)
                .find(|&at| at <= start && end <= at + sentence.len());
            let at = holder.unwrap_or_else(|| {
                panic!("{path}: the sentence holding [{start}, {end}) is in the file: {sentence:?}")
            });
            assert_eq!(
                line_of(&text, at),
                line,
                "{path}: {mention:?} is in a sentence starting on line {}",
                line_of(&text, at)
            );
            let mention_line = line_of(&text, start);
            let last_line = line + sentence.matches('\n').count();
            assert!(
                (line..=last_line).contains(&mention_line),
                "{path}:{line}: {mention:?} is on line {mention_line}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "{folder}: no claim in any finding");
}

/// Two runs give the same bytes, text and JSON.
fn assert_deterministic(folder: &str) {
    assert_eq!(text_report(folder), text_report(folder), "{folder}: text");
    assert_eq!(
        json_report(&[folder]),
        json_report(&[folder]),
        "{folder}: JSON"
    );
}

/// A finding as a value independent of the article order.
type FindingKey = (String, String, String, Vec<String>);

fn finding_set(doc: &Value) -> BTreeSet<FindingKey> {
    doc["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let mut claims: Vec<String> = f["claims"]
                .as_array()
                .expect("claims")
                .iter()
                .map(|c| {
                    format!(
                        "{}:{} {}..{} {:?} = {} ({})",
                        as_str(c, "path"),
                        c["line"],
                        c["span"][0],
                        c["span"][1],
                        as_str(c, "mention"),
                        as_str(c, "value"),
                        c["derivation"]
                    )
                })
                .collect();
            claims.sort();
            (
                as_str(f, "verdict").to_string(),
                as_str(f, "kind").to_string(),
                as_str(f, "topic").to_string(),
                claims,
            )
        })
        .collect()
}

fn show(keys: &BTreeSet<FindingKey>) -> String {
    keys.iter()
        .map(|(v, k, t, cs)| format!("  {v} {k} · {t}\n      {}\n", cs.join("\n      ")))
        .collect()
}

/// Naming the files one by one in reverse order gives the same findings.
fn assert_order_independent(folder: &str) {
    let forward = parse(&json_report(&[folder]));
    let mut files = files_in(folder);
    files.reverse();
    let names: Vec<&str> = files.iter().map(String::as_str).collect();
    let backward = parse(&json_report(&names));
    let published = |doc: &Value| -> BTreeSet<String> {
        doc["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|a| format!("{} {} {}", a["path"], a["published"], a["published_from"]))
            .collect()
    };
    let (a, b) = (finding_set(&forward), finding_set(&backward));
    assert!(
        a == b,
        "{folder}: the findings change with the input order\nonly in folder order:\n{}only in \
         reverse order:\n{}",
        show(&a.difference(&b).cloned().collect()),
        show(&b.difference(&a).cloned().collect())
    );
    assert_eq!(
        published(&forward),
        published(&backward),
        "{folder}: publication dates follow the input order"
    );
    assert_eq!(forward["summary"], backward["summary"], "{folder}: summary");
}

// ---------------------------------------------------------------------------------
// The seed corpus.

#[test]
fn seeds_text_snapshot() {
    snapshot_text("seeds_text", SEEDS);
}

#[test]
fn seeds_json_snapshot() {
    snapshot_json("seeds_json", SEEDS);
}

#[test]
fn seeds_claims_point_into_files() {
    assert_claims_point_into_files(SEEDS);
}

#[test]
fn seeds_output_is_deterministic() {
    assert_deterministic(SEEDS);
}

#[test]
fn seeds_findings_do_not_depend_on_input_order() {
    assert_order_independent(SEEDS);
}

// ---------------------------------------------------------------------------------
// ECB+ 20-ecbplus: the Qeshm island earthquake, 27 November 2005.

#[test]
fn quake_text_snapshot() {
    snapshot_text("ecbplus_20_text", QUAKE);
}

#[test]
fn quake_json_snapshot() {
    snapshot_json("ecbplus_20_json", QUAKE);
}

#[test]
fn quake_claims_point_into_files() {
    assert_claims_point_into_files(QUAKE);
}

#[test]
fn quake_output_is_deterministic() {
    assert_deterministic(QUAKE);
}

#[test]
fn quake_findings_do_not_depend_on_input_order() {
    assert_order_independent(QUAKE);
}

// ---------------------------------------------------------------------------------
// ECB+ 18-ecbplus: the office shooting near Detroit, 9 April 2007.

#[test]
fn shooting_text_snapshot() {
    snapshot_text("ecbplus_18_text", SHOOTING);
}

#[test]
fn shooting_json_snapshot() {
    snapshot_json("ecbplus_18_json", SHOOTING);
}

#[test]
fn shooting_claims_point_into_files() {
    assert_claims_point_into_files(SHOOTING);
}

#[test]
fn shooting_output_is_deterministic() {
    assert_deterministic(SHOOTING);
}

#[test]
fn shooting_findings_do_not_depend_on_input_order() {
    assert_order_independent(SHOOTING);
}

// ---------------------------------------------------------------------------------
// ECB+ 24-ecbplus: the Casty jewellery heist in Paris, 9 September 2013 (only
// agreements).

const HEIST: &str = "tests/fixtures/ecbplus/24-ecbplus";

#[test]
fn heist_text_snapshot() {
    snapshot_text("ecbplus_24_text", HEIST);
}

#[test]
fn heist_agrees_throughout() {
    let doc = parse(&json_report(&[HEIST]));
    assert_eq!(doc["summary"]["contradictions"], 0, "{}", doc["summary"]);
    assert!(
        as_usize(&doc["summary"]["agreements"]) >= 5,
        "{}",
        doc["summary"]
    );
}

// ---------------------------------------------------------------------------------
// ECB+ 8-ecbplus: the bomb at a bank in Athens during the 2010 riots (an update).

const BANK: &str = "tests/fixtures/ecbplus/8-ecbplus";

#[test]
fn bank_text_snapshot() {
    snapshot_text("ecbplus_8_text", BANK);
}

/// The two articles of the update (12 injured, later 18): the whole cluster also holds
/// a true contradiction (the same agency text gives the stocks' fall as 5.4% and as
/// 3.9%), which rightly exits 1.
const BANK_UPDATE: [&str; 2] = [
    "tests/fixtures/ecbplus/8-ecbplus/8_3.txt",
    "tests/fixtures/ecbplus/8-ecbplus/8_8.txt",
];

#[test]
fn bank_has_an_update_that_does_not_raise_the_exit_code() {
    let doc = parse(&json_report(&[BANK]));
    assert!(
        as_usize(&doc["summary"]["updates"]) >= 1,
        "{}",
        doc["summary"]
    );
    let doc = parse(&json_report(&BANK_UPDATE));
    assert!(
        as_usize(&doc["summary"]["updates"]) >= 1,
        "{}",
        doc["summary"]
    );
    let out = factdiff(&["compare", BANK_UPDATE[0], BANK_UPDATE[1]]);
    assert_eq!(out.status.code(), Some(0));
}

// ---------------------------------------------------------------------------------
// Both halves of topic 18 together: two office shootings, in Vancouver (undated) and
// near Detroit (April 2007). No contradiction may pair a claim of one with a claim of
// the other.

const OTHER_SHOOTING: &str = "tests/fixtures/ecbplus/18-ecb";

#[test]
fn mixed_halves_never_contradict_across() {
    let doc = parse(&json_report(&[OTHER_SHOOTING, SHOOTING]));
    for f in doc["findings"].as_array().expect("findings") {
        if f["verdict"] != "contradict" {
            continue;
        }
        let halves: BTreeSet<&str> = f["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .map(|c| {
                let path = as_str(c, "path");
                if path.contains("/18-ecb/") {
                    "ecb"
                } else {
                    "ecbplus"
                }
            })
            .collect();
        assert_eq!(halves.len(), 1, "a contradiction across halves: {f}");
    }
}

/// `factdiff stories` on both halves of topic 18: no story mixes the two shootings,
/// and the JSON lists every article once.
#[test]
fn stories_keep_the_two_shootings_apart() {
    let out = factdiff(&["stories", OTHER_SHOOTING, SHOOTING, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let doc = parse(&String::from_utf8_lossy(&out.stdout));
    let stories = doc["stories"].as_array().expect("stories");
    let mut seen = BTreeSet::new();
    for s in stories {
        let halves: BTreeSet<&str> = s["articles"]
            .as_array()
            .expect("articles")
            .iter()
            .map(|p| {
                let p = p.as_str().expect("path");
                assert!(seen.insert(p.to_string()), "{p} listed twice");
                if p.contains("/18-ecb/") {
                    "ecb"
                } else {
                    "ecbplus"
                }
            })
            .collect();
        assert_eq!(halves.len(), 1, "a story mixes the halves: {s}");
    }
    assert_eq!(
        seen.len(),
        files_in(OTHER_SHOOTING).len() + files_in(SHOOTING).len()
    );
    let text = factdiff(&["stories", OTHER_SHOOTING, SHOOTING]);
    let report = String::from_utf8_lossy(&text.stdout);
    assert!(
        report.ends_with(&format!(
            "{} articles in {} stories\n",
            seen.len(),
            stories.len()
        )),
        "{report}"
    );
}
