//! Crawler output (news-please / newspaper JSON and JSON Lines) and standard input.

mod common;

use common::{assert_trouble, factdiff, json_of, s, stderr, with_stdin};
use serde_json::Value;

const JSONL: &str = "tests/fixtures/crawler/varnel.jsonl";
const JSON: &str = "tests/fixtures/crawler/varnel-wire.json";

#[test]
fn each_json_line_is_an_article_with_its_metadata() {
    let doc = json_of(&["compare", JSONL, "--format", "json"]);
    let articles = doc["articles"].as_array().expect("articles");
    let paths: Vec<&str> = articles.iter().filter_map(|a| a["path"].as_str()).collect();
    assert_eq!(
        paths,
        [
            format!("{JSONL}:1"),
            format!("{JSONL}:2"),
            format!("{JSONL}:3")
        ]
    );
    assert_eq!(articles[0]["title"], "Flood sweeps Varnel valley, 12 dead");
    assert_eq!(articles[0]["published"], "2021-07-14");
    assert_eq!(articles[0]["published_from"], "metadata");
    assert_eq!(articles[0]["published_time"], "09:30");
    assert_eq!(
        articles[2]["published"], "2021-07-14",
        "newspaper's publish_date"
    );
    // The sources agree on the toll of 12, found in two different records.
    let findings = doc["findings"].as_array().expect("findings");
    let toll = findings
        .iter()
        .find(|f| f["kind"] == "count" && f["topic"].as_str().is_some_and(|t| t.contains("killed")))
        .expect("a finding on the toll");
    let sources: std::collections::BTreeSet<&str> = toll["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["path"].as_str())
        .collect();
    assert!(sources.len() >= 2, "{toll}");
}

#[test]
fn a_json_file_is_one_article() {
    let doc = json_of(&["claims", JSON, "--format", "json"]);
    let articles = doc["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["path"], JSON);
}

#[test]
fn standard_input_is_read_as_text_or_json_lines() {
    let text = b"Talks between the two sides were held on 20 February 2014 in Lomira.\n";
    let out = with_stdin(&["claims", "-", "--format", "json"], text);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["articles"][0]["path"], "-");
    let lines = std::fs::read(JSONL).expect("fixture");
    let out = with_stdin(&["compare", "-", "--format", "json"], &lines);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["articles"].as_array().expect("articles").len(), 3);
    assert_eq!(doc["articles"][1]["path"], "-:2");
}

#[test]
fn a_broken_line_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.jsonl");
    std::fs::write(&path, "{\"maintext\": \"Talks opened.\"}\n{broken\n").expect("write");
    assert_trouble(
        &factdiff(&["compare", s(&path)]),
        "line 2: is not valid JSON",
    );
    std::fs::write(&path, "{\"title\": \"only a title\"}\n").expect("write");
    assert_trouble(
        &factdiff(&["compare", s(&path)]),
        "line 1: has no article text",
    );
    let before = std::fs::read(&path).expect("read");
    let _ = factdiff(&["compare", s(&path)]);
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "inputs are never modified"
    );
}

#[test]
fn other_json_in_a_folder_is_passed_over_with_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("package.json"), "{\"name\": \"x\"}\n").expect("write");
    std::fs::copy(JSON, dir.path().join("wire.json")).expect("copy");
    let out = factdiff(&["claims", s(dir.path()), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("package.json: skipped: not a crawled article"),
        "{}",
        stderr(&out)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(doc["articles"].as_array().expect("articles").len(), 1);
}

#[test]
fn input_format_overrides_the_extension() {
    let doc = json_of(&["claims", JSON, "--input-format", "text", "--format", "json"]);
    let a = &doc["articles"][0];
    assert_eq!(a["path"], JSON);
    assert!(
        a["published"].is_null(),
        "read as text, the JSON keys are just words: {a}"
    );
}
