//! The report formats for people other than the terminal user: Markdown for editors,
//! JSON Lines for pipelines, schema.org ClaimReview for publishing.

mod common;

use common::{assert_trouble, factdiff, snapshot};
use serde_json::Value;

const SEEDS: &str = "corpus";
/// A cluster with contradictions between sources (topic 20, ECB+ half).
const CONTRADICTIONS: &str = "tests/fixtures/ecbplus/20-ecbplus";
const REVIEW_URL: &str = "https://checks.example.org/2014/koreas";

fn run(args: &[&str]) -> String {
    let out = factdiff(args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

fn snapshot_format(name: &str, folder: &str, format: &str, extra: &[&str]) {
    let mut args = vec!["compare", folder, "--format", format];
    args.extend(extra);
    snapshot(name, args.join(" "), &run(&args));
}

#[test]
fn markdown_snapshots() {
    snapshot_format("seeds_markdown", SEEDS, "markdown", &[]);
    snapshot_format("ecbplus_20_markdown", CONTRADICTIONS, "markdown", &[]);
}

#[test]
fn jsonl_snapshots() {
    snapshot_format("seeds_jsonl", SEEDS, "jsonl", &[]);
}

#[test]
fn claimreview_snapshots() {
    let extra = [
        "--review-url",
        REVIEW_URL,
        "--review-author",
        "Example Checks",
    ];
    snapshot_format("seeds_claimreview", SEEDS, "claimreview", &extra);
    snapshot_format(
        "ecbplus_20_claimreview",
        CONTRADICTIONS,
        "claimreview",
        &extra,
    );
}

#[test]
fn markdown_has_a_section_per_conflict_with_links_to_lines() {
    let md = run(&["compare", CONTRADICTIONS, "--format", "markdown"]);
    let doc: Value =
        serde_json::from_str(&run(&["compare", CONTRADICTIONS, "--format", "json"])).expect("json");
    let conflicts = doc["summary"]["contradictions"].as_u64().expect("count")
        + doc["summary"]["inconsistencies"].as_u64().expect("count");
    assert!(conflicts > 0);
    let sections = md
        .lines()
        .filter(|l| l.starts_with("## ") && l.contains(". contradict"))
        .count();
    assert_eq!(sections as u64, conflicts, "{md}");
    let table_rows = md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains(" | agree |"))
        .count();
    assert_eq!(
        table_rows as u64,
        doc["summary"]["agreements"].as_u64().expect("count")
    );
    assert!(
        md.contains("20-ecbplus/") && md.contains("#L"),
        "links to file lines"
    );
    assert!(md.contains("**"), "claims in bold");
}

#[test]
fn jsonl_is_the_json_findings_one_per_line() {
    let lines = run(&["compare", CONTRADICTIONS, "--format", "jsonl"]);
    let doc: Value =
        serde_json::from_str(&run(&["compare", CONTRADICTIONS, "--format", "json"])).expect("json");
    let findings = doc["findings"].as_array().expect("findings");
    let parsed: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(&parsed, findings);
    let only = run(&[
        "compare",
        CONTRADICTIONS,
        "--format",
        "jsonl",
        "--only",
        "contradictions",
    ]);
    assert!(
        only.lines()
            .all(|l| l.contains("\"verdict\":\"contradict\""))
    );
}

#[test]
fn claimreview_has_the_fields_google_requires() {
    let out = run(&[
        "compare",
        CONTRADICTIONS,
        "--format",
        "claimreview",
        "--review-url",
        REVIEW_URL,
    ]);
    let reviews: Value = serde_json::from_str(&out).expect("json");
    let reviews = reviews.as_array().expect("an array");
    assert_eq!(reviews.len(), 7, "one per contradiction");
    for r in reviews {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        let url = r["url"].as_str().expect("url");
        assert!(url.starts_with(REVIEW_URL) && url.contains("#finding-"));
        let claim = r["claimReviewed"].as_str().expect("claimReviewed");
        assert!(!claim.is_empty() && claim.chars().count() <= 75, "{claim}");
        assert_eq!(r["reviewRating"]["@type"], "Rating");
        assert_eq!(
            r["reviewRating"]["alternateName"],
            "Contradicted by other sources"
        );
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        let appearance = r["itemReviewed"]["appearance"]
            .as_array()
            .expect("appearance");
        assert!(
            appearance.len() >= 2,
            "a contradiction has two sources: {r}"
        );
        assert!(r.get("author").is_none());
    }
    let urls: std::collections::BTreeSet<&str> =
        reviews.iter().filter_map(|r| r["url"].as_str()).collect();
    assert_eq!(urls.len(), reviews.len(), "each review has its own url");
}

#[test]
fn claimreview_without_a_review_url_is_a_usage_error() {
    let out = factdiff(&["compare", SEEDS, "--format", "claimreview"]);
    assert_trouble(&out, "--review-url");
}
