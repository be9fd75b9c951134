//! End-to-end tests of `factdiff timex`.
//!
//! Each test runs the built binary (`CARGO_BIN_EXE_factdiff`) from the crate root on the
//! seed articles in `corpus/` (or on small articles in a fresh temporary folder), with
//! stdout and stderr captured, so stdout is never a terminal and colour is off.
//!
//! Themes: every format succeeds with exit 0 and nothing on stderr; the JSON has the
//! promised fields and every span slices its file to exactly `text`; the TimeML output
//! gives each file back byte for byte once the tags are removed; the text listing
//! counts what the JSON lists; the TimeML of one seed article is a snapshot in the
//! top-level `snapshots/` folder (review changes with `cargo insta review`); trouble
//! exits 2 with one `factdiff: ` line; `--published` re-anchors; and the shortened
//! pipeline behind `timex` gives the same dates and expressions as `factdiff::analyze`.

use factdiff::model::{Analysis, Published, Timex};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

const KERRY: &str = "corpus/bbc-kerry-visits-seoul.txt";

fn factdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run factdiff")
}

/// Stdout of a run that must succeed with exit 0 and say nothing on stderr.
fn ok(args: &[&str]) -> String {
    let out = factdiff(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "factdiff {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "stderr: {:?}", out.stderr);
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("read")
}

/// The `.txt` files of `corpus/`, as the binary names them.
fn corpus_files() -> Vec<String> {
    let mut files: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
            .expect("corpus/")
            .map(|e| {
                e.expect("entry")
                    .file_name()
                    .into_string()
                    .expect("utf-8 name")
            })
            .filter(|n| n.ends_with(".txt"))
            .map(|n| format!("corpus/{n}"))
            .collect();
    files.sort();
    files
}

/// Remove TIMEX3 tags (opening, closing and empty) and decode `&lt;`, `&gt;`, `&amp;`.
fn strip_timex3(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest
        .find("<TIMEX3")
        .into_iter()
        .chain(rest.find("</TIMEX3>"))
        .min()
    {
        out.push_str(&rest[..i]);
        let close = rest[i..].find('>').expect("a tag ends");
        rest = &rest[i + close + 1..];
    }
    out.push_str(rest);
    assert!(
        !out.contains('<') && !out.contains('>'),
        "only escaped brackets remain"
    );
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Split multi-article TimeML into (path, inner content) per `<TimeML>` element.
fn timeml_documents(s: &str) -> Vec<(String, String)> {
    let mut docs = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let head = rest.strip_prefix("<TimeML path=\"").unwrap_or_else(|| {
            panic!(
                "a <TimeML> element starts here: {:?}",
                &rest[..rest.len().min(80)]
            )
        });
        let q = head.find("\">").expect("path attribute ends");
        let path = head[..q].replace("&amp;", "&");
        let body = &head[q + 2..];
        let end = body.find("</TimeML>\n").expect("element closes");
        docs.push((path, body[..end].to_string()));
        rest = &body[end + "</TimeML>\n".len()..];
        if !rest.is_empty() {
            rest = rest
                .strip_prefix('\n')
                .expect("a blank line between articles");
        }
    }
    docs
}

#[test]
fn json_lists_every_expression_with_its_span() {
    let out = ok(&["timex", "corpus/", "--format", "json"]);
    assert!(out.starts_with("{\n  \"schema_version\": 1,\n"));
    assert!(out.ends_with("}\n"));
    let v: Value = serde_json::from_str(&out).expect("valid JSON");
    let timexes = v["timexes"].as_array().expect("timexes is an array");
    assert!(
        timexes.len() >= 20,
        "the seed corpus has many times: {}",
        timexes.len()
    );
    let mut files = BTreeMap::new();
    let mut order = Vec::new();
    for t in timexes {
        let obj = t.as_object().expect("object");
        for field in [
            "path",
            "span",
            "text",
            "type",
            "value",
            "mod",
            "line",
            "published",
        ] {
            assert!(obj.contains_key(field), "{field} missing in {t}");
        }
        let path = t["path"].as_str().expect("path").to_string();
        let text = files.entry(path.clone()).or_insert_with(|| read(&path));
        let (start, end) = (
            t["span"][0].as_u64().expect("start") as usize,
            t["span"][1].as_u64().expect("end") as usize,
        );
        assert!(start < end, "{t}");
        assert_eq!(text.get(start..end), t["text"].as_str(), "{t}");
        let line = text[..start].matches('\n').count() + 1;
        assert_eq!(t["line"], line, "{t}");
        assert!(
            ["DATE", "TIME", "DURATION", "SET"].contains(&t["type"].as_str().expect("type")),
            "{t}"
        );
        assert!(
            t["mod"].is_null()
                || t["mod"]
                    .as_str()
                    .is_some_and(|m| m.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        );
        assert!(!t["value"].as_str().expect("value").is_empty(), "{t}");
        if order.last() != Some(&path) {
            assert!(!order.contains(&path), "articles are not interleaved");
            order.push(path);
        }
    }
    assert_eq!(order, corpus_files(), "articles in analysis (path) order");
    for path in &order {
        let starts: Vec<u64> = timexes
            .iter()
            .filter(|t| t["path"] == path.as_str())
            .map(|t| t["span"][0].as_u64().expect("start"))
            .collect();
        assert!(starts.is_sorted(), "{path}: expressions in span order");
    }
    let kerry: Vec<&Value> = timexes.iter().filter(|t| t["path"] == KERRY).collect();
    assert!(kerry.iter().all(|t| t["published"] == "2014-02-13"));
    assert!(
        kerry
            .iter()
            .any(|t| t["text"] == "20 February" && t["value"] == "2014-02-20"),
        "the reunions' start date is tagged"
    );
    assert!(
        timexes.iter().any(|t| t["mod"] == "MORE_THAN"),
        "\"more than six years\" keeps its modifier"
    );
}

#[test]
fn timeml_gives_every_file_back() {
    let out = ok(&["timex", "corpus/", "--format", "timeml"]);
    let docs = timeml_documents(&out);
    let paths: Vec<&String> = docs.iter().map(|(p, _)| p).collect();
    assert_eq!(paths, corpus_files().iter().collect::<Vec<_>>());
    for (path, body) in &docs {
        assert_eq!(
            strip_timex3(body),
            read(path),
            "{path}: text outside the tags changed"
        );
        assert!(body.contains("<TIMEX3 tid=\"t1\" "), "{path}");
    }
    for path in corpus_files() {
        let one = ok(&["timex", &path, "--format", "timeml"]);
        assert!(!one.contains("<TimeML"), "one article is not wrapped");
        assert_eq!(
            strip_timex3(&one).as_bytes(),
            read(&path).as_bytes(),
            "{path}"
        );
    }
}

#[test]
fn timeml_numbers_tags_and_states_the_creation_time() {
    let out = ok(&["timex", KERRY, "--format", "timeml"]);
    assert!(out.starts_with(
        "<TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2014-02-13\" functionInDocument=\"CREATION_TIME\"/>"
    ));
    let tags = out.matches("<TIMEX3 tid=").count();
    assert_eq!(
        tags,
        out.matches("</TIMEX3>").count() + 1,
        "t0 is the only empty tag"
    );
    for n in 1..tags {
        assert_eq!(
            out.matches(&format!("<TIMEX3 tid=\"t{n}\" ")).count(),
            1,
            "t{n}"
        );
    }
    assert!(out.contains(">20 February</TIMEX3>"));
}

#[test]
fn timeml_of_one_article_is_a_snapshot() {
    let out = ok(&["timex", KERRY, "--format", "timeml"]);
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        description => format!("factdiff timex {KERRY} --format timeml"),
        omit_expression => true,
    }, {
        insta::assert_snapshot!("timex_kerry_timeml", out);
    });
}

#[test]
fn text_lists_the_same_expressions_as_json() {
    let text = ok(&["timex", "corpus/", "--color", "never"]);
    let json: Value =
        serde_json::from_str(&ok(&["timex", "corpus/", "--format", "json"])).expect("JSON");
    let n = json["timexes"].as_array().expect("array").len();
    assert!(
        text.ends_with(&format!("\n3 articles, {n} time expressions\n")),
        "{text}"
    );
    assert!(text.starts_with(&format!("{KERRY}  published 2014-02-13 (text)\n")));
    for path in corpus_files() {
        assert_eq!(
            text.lines()
                .filter(|l| l.starts_with(&format!("{path}  ")))
                .count(),
            1
        );
    }
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("  ")).collect();
    assert_eq!(rows.len(), n);
    for (row, t) in rows.iter().zip(json["timexes"].as_array().expect("array")) {
        let line = t["line"].as_u64().expect("line");
        assert!(
            row.trim_start().starts_with(&format!("{line}:")),
            "{row} vs {t}"
        );
        assert!(row.contains(t["type"].as_str().expect("type")), "{row}");
        assert!(row.contains(t["value"].as_str().expect("value")), "{row}");
        assert!(
            row.ends_with(&format!(
                "\"{}\"",
                t["text"]
                    .as_str()
                    .expect("text")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            )),
            "{row}"
        );
    }
    assert!(!text.contains('\u{1b}'));
    let colored = ok(&["timex", "corpus/", "--color", "always"]);
    assert!(colored.contains('\u{1b}'));
    let json_colored = ok(&["timex", "corpus/", "--format", "json", "--color", "always"]);
    assert!(!json_colored.contains('\u{1b}'), "JSON is never coloured");
}

#[test]
fn runs_are_deterministic_and_output_goes_to_a_file() {
    for format in ["text", "json", "timeml"] {
        let one = ok(&["timex", "corpus/", "--format", format]);
        let two = ok(&["timex", "corpus/", "--format", format]);
        assert_eq!(one, two, "{format}");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("t.json");
    let file = file.to_str().expect("utf-8 path");
    let printed = ok(&["timex", "corpus/", "--format", "json", "--output", file]);
    assert!(printed.is_empty());
    let written = std::fs::read_to_string(file).expect("written");
    assert_eq!(written, ok(&["timex", "corpus/", "--format", "json"]));
}

#[test]
fn published_re_anchors_relative_times() {
    let given = format!("{KERRY}=2014-03-13");
    let out = ok(&["timex", KERRY, "--format", "json", "--published", &given]);
    let v: Value = serde_json::from_str(&out).expect("JSON");
    let t = v["timexes"].as_array().expect("array");
    assert!(t.iter().all(|t| t["published"] == "2014-03-13"));
    let later = t
        .iter()
        .find(|t| t["text"] == "later this month")
        .expect("tagged");
    assert_eq!(later["value"], "2014-03");
    let timeml = ok(&["timex", KERRY, "--format", "timeml", "--published", &given]);
    assert!(timeml.starts_with("<TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2014-03-13\""));
}

#[test]
fn trouble_exits_2_with_one_line() {
    let out = factdiff(&["timex", "corpus/no-such-file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("factdiff: corpus/no-such-file.txt: "),
        "{err}"
    );
    for args in [&["timex", "corpus/", "--format", "xml"][..], &["timex"][..]] {
        let out = factdiff(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("factdiff: ") && err.lines().count() == 1,
            "{err}"
        );
    }
    let out = factdiff(&["compare", "corpus/", "--format", "timeml"]);
    assert_eq!(out.status.code(), Some(2), "timeml is only a timex format");
}

#[test]
fn article_without_times_and_without_date() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("plain.txt");
    std::fs::write(&a, "Officials met & talked <quietly> about \"the plan\".\n").expect("write");
    let a = a.to_str().expect("utf-8 path");
    let text = ok(&["timex", a]);
    assert!(
        text.contains("publication date unknown\n  (no time expressions)\n"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&ok(&["timex", a, "--format", "json"])).expect("JSON");
    assert_eq!(json["timexes"], serde_json::json!([]));
    let timeml = ok(&["timex", a, "--format", "timeml"]);
    assert_eq!(
        timeml,
        "Officials met &amp; talked &lt;quietly&gt; about \"the plan\".\n"
    );
}

/// Only what `timex` shows: each article's path, date (with its source) and times.
fn dates_and_times(a: &Analysis) -> Vec<(&str, Option<&Published>, &[Timex])> {
    a.articles
        .iter()
        .map(|x| {
            (
                x.article.path.as_str(),
                x.article.published.as_ref(),
                x.timexes.as_slice(),
            )
        })
        .collect()
}

#[test]
fn timex_pipeline_matches_analyze() {
    for inputs in [
        vec!["corpus".to_string()],
        vec!["tests/fixtures/ecbplus/18-ecbplus".to_string()],
        vec!["tests/fixtures/ecbplus/20-ecbplus".to_string()],
        vec![
            KERRY.to_string(),
            "corpus/bbc-koreas-hold-high-level-talks.txt".to_string(),
        ],
    ] {
        let inputs: Vec<String> = inputs
            .iter()
            .map(|p| {
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(p)
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        let opts = factdiff::Options::default();
        let full = factdiff::analyze(&inputs, &opts).expect("analyze");
        let short = factdiff::analyze_timexes(&inputs, &opts).expect("analyze_timexes");
        assert_eq!(
            dates_and_times(&full),
            dates_and_times(&short),
            "{inputs:?}"
        );
        assert!(short.findings.is_empty());
    }
}
