//! Saved web pages as input: the article's text and metadata, never the boilerplate.

mod common;

use common::{factdiff, json_of};
use serde_json::Value;

const HERALD: &str = "tests/fixtures/html/valley-herald.html";
const OSK: &str = "tests/fixtures/html/osk-daily.html";

#[test]
fn metadata_comes_from_the_page() {
    let doc = json_of(&["compare", HERALD, OSK, "--format", "json"]);
    let articles = doc["articles"].as_array().expect("articles");
    let osk = &articles[0];
    let herald = &articles[1];
    assert_eq!(herald["path"], HERALD);
    assert_eq!(herald["title"], "Flood sweeps Varnel valley, 12 dead");
    assert_eq!(herald["published"], "2021-07-14", "JSON-LD datePublished");
    assert_eq!(herald["published_from"], "metadata");
    assert_eq!(herald["published_time"], "09:30");
    assert_eq!(herald["encoding"], "UTF-8");
    assert_eq!(osk["published"], "2021-07-15", "article:published_time");
    assert_eq!(
        osk["encoding"], "windows-1252",
        "the charset the page declares"
    );
    assert_eq!(osk["title"], "Varnel flood toll rises to 15");
}

#[test]
fn boilerplate_never_becomes_claims() {
    let doc = json_of(&["claims", HERALD, OSK, "--format", "json"]);
    let mut mentions = Vec::new();
    for a in doc["articles"].as_array().expect("articles") {
        for c in a["claims"].as_array().expect("claims") {
            mentions.push(format!("{} | {}", c["mention"], c["sentence"]));
        }
    }
    assert!(
        mentions.len() >= 8,
        "the articles' own claims are read: {mentions:#?}"
    );
    // Words only the navigation, scripts, styles, related links, comments and
    // footers hold.
    for outside in [
        "5 matches",
        "44",
        "9 May 2019",
        "3 March 2020",
        "99 balloons",
        "60 years",
        "2 April 2020",
        "8 months",
        "50 people",
        "90 dead",
        "20 ambulances",
        "8,000",
        "3 €",
        "1999",
        "All rights",
    ] {
        assert!(
            mentions.iter().all(|m| !m.contains(outside)),
            "{outside:?} comes from boilerplate: {mentions:#?}"
        );
    }
    let accented = mentions.iter().any(|m| m.contains("café owners"));
    assert!(accented, "windows-1252 decoded: {mentions:#?}");
}

#[test]
fn a_folder_of_pages_is_read_and_standard_input_is_sniffed() {
    let doc = json_of(&["claims", "tests/fixtures/html", "--format", "json"]);
    assert_eq!(doc["articles"].as_array().expect("articles").len(), 2);
    let page = std::fs::read(HERALD).expect("fixture");
    let out = common::with_stdin(&["claims", "-", "--format", "json"], &page);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        doc["articles"][0]["published_from"], "metadata",
        "read as a page"
    );
}

#[test]
fn a_page_with_no_article_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.html");
    std::fs::write(&path, "<html><body><nav>Home | News</nav></body></html>").expect("write");
    let out = factdiff(&["compare", path.to_str().expect("utf-8")]);
    common::assert_trouble(&out, "no article text found in the page");
}
