//! End-to-end tests of the `factdiff` binary.
//!
//! Each test runs the built binary (`CARGO_BIN_EXE_factdiff`) on small articles
//! written to a fresh temporary folder, with stdout and stderr captured (so stdout is
//! never a terminal: colour is off unless `--color always`). Themes: the clap
//! definition, trouble (exit 2 with one `factdiff: ` line naming the file), a
//! successful `compare` and `claims`, JSON shape, determinism, `--output`, and a
//! closed pipe.

mod common;

use clap::CommandFactory;
use common::{assert_trouble, factdiff, s, stderr};
use factdiff::cli::Cli;
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const ARTICLE_A: &str = "\
Published: 13 February 2014

North and South Korea agreed on Wednesday to hold reunions of families separated by the 1950-53 Korean War.
The family reunions are due to begin on 20 February, four days before joint military drills start.
About 100 people from each side will take part in the reunions.
";

const ARTICLE_B: &str = "\
Published: 12 February 2014

South Korea said on Wednesday that family reunions will run for five days from 21 February.
The annual joint military drills will go ahead, officials in Seoul said.
";

/// A temporary folder holding the two seed articles.
fn two_articles() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, ARTICLE_A).expect("write a");
    std::fs::write(&b, ARTICLE_B).expect("write b");
    (dir, a, b)
}

fn assert_ran(out: &Output) {
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)),
        "exit {code:?}, stderr: {}",
        stderr(out)
    );
}

#[test]
fn cli_definition_is_valid() {
    Cli::command().debug_assert();
}

#[test]
fn missing_file_is_trouble() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-article.txt");
    assert_trouble(&factdiff(&["compare", s(&missing)]), s(&missing));
}

#[test]
fn empty_file_is_trouble() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    assert_trouble(&factdiff(&["compare", s(&empty)]), s(&empty));
}

#[test]
fn binary_file_is_trouble() {
    let dir = tempfile::tempdir().expect("tempdir");
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").expect("write");
    assert_trouble(&factdiff(&["compare", s(&binary)]), s(&binary));
}

#[test]
fn corrupt_utf8_is_trouble() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.txt");
    std::fs::write(
        &broken,
        b"Caf\xc3\xa9 owners said on Monday the talks \xe9 failed.\n",
    )
    .expect("write");
    assert_trouble(&factdiff(&["compare", s(&broken)]), s(&broken));
}

#[test]
fn folder_without_articles_is_trouble() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("notes.csv"), "a,b\n").expect("write");
    assert_trouble(&factdiff(&["compare", s(dir.path())]), s(dir.path()));
}

#[test]
fn bad_published_value_is_a_usage_error() {
    let (_dir, a, b) = two_articles();
    let bad = format!("{}=13/02/2014", s(&a));
    let out = factdiff(&["compare", s(&a), s(&b), "--published", &bad]);
    assert_trouble(&out, "--published");
    let out = factdiff(&["compare", s(&a), "--published", "no-equals-sign"]);
    assert_trouble(&out, "no-equals-sign");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let (_dir, a, _b) = two_articles();
    assert_trouble(&factdiff(&["compare", s(&a), "--bogus"]), "--bogus");
}

#[test]
fn missing_paths_is_a_usage_error() {
    assert_trouble(&factdiff(&["compare"]), "PATH");
}

#[test]
fn help_and_version_exit_zero() {
    let out = factdiff(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("compare"));
    let out = factdiff(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn compare_json_has_the_documented_fields() {
    let (_dir, a, b) = two_articles();
    let out = factdiff(&["compare", s(&a), s(&b), "--format", "json"]);
    assert_ran(&out);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(doc["schema_version"], 1);
    let articles = doc["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 2);
    for key in [
        "path",
        "title",
        "published",
        "published_from",
        "published_evidence",
        "sentences",
        "claims",
        "dropped",
    ] {
        assert!(articles[0].get(key).is_some(), "article lacks {key}");
    }
    let paths: Vec<&str> = articles.iter().filter_map(|a| a["path"].as_str()).collect();
    assert!(
        paths.contains(&s(&a)) && paths.contains(&s(&b)),
        "{paths:?}"
    );
    for f in doc["findings"].as_array().expect("findings") {
        for key in ["verdict", "kind", "topic", "explanation", "claims"] {
            assert!(f.get(key).is_some(), "finding lacks {key}");
        }
        for c in f["claims"].as_array().expect("claims") {
            for key in ["path", "line", "sentence", "mention", "span", "value"] {
                assert!(c.get(key).is_some(), "claim lacks {key}");
            }
        }
    }
    let summary = &doc["summary"];
    for key in [
        "articles",
        "claims",
        "findings",
        "contradictions",
        "inconsistencies",
        "agreements",
    ] {
        assert!(summary[key].is_u64(), "summary lacks {key}");
    }
    let conflicts = summary["contradictions"].as_u64().unwrap_or(0)
        + summary["inconsistencies"].as_u64().unwrap_or(0);
    let expected = if conflicts > 0 { 1 } else { 0 };
    assert_eq!(
        out.status.code(),
        Some(expected),
        "exit code follows the findings"
    );
}

#[test]
fn published_on_the_command_line_wins() {
    let (_dir, a, b) = two_articles();
    let given = format!("{}=2014-02-14", s(&a));
    let out = factdiff(&[
        "compare",
        s(&a),
        s(&b),
        "--format",
        "json",
        "--published",
        &given,
    ]);
    assert_ran(&out);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let article = doc["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .find(|x| x["path"] == s(&a))
        .expect("article a");
    assert_eq!(article["published"], "2014-02-14");
    assert_eq!(article["published_from"], "cli");
}

#[test]
fn compare_text_ends_with_the_summary() {
    let (_dir, a, b) = two_articles();
    let out = factdiff(&["compare", s(&a), s(&b)]);
    assert_ran(&out);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!text.contains('\u{1b}'), "no colour into a pipe");
    let last = text.lines().last().expect("a summary line");
    assert!(last.starts_with("2 articles, "), "{last}");
    assert!(text.contains(s(&a)) && text.contains(s(&b)));
}

#[test]
fn color_always_wins_over_a_pipe_and_no_color() {
    let (_dir, a, b) = two_articles();
    let out = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(["compare", s(&a), s(&b), "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert_ran(&out);
    assert!(out.stdout.contains(&0x1b), "ANSI with --color always");
}

#[test]
fn output_is_deterministic() {
    let (_dir, a, b) = two_articles();
    let text = ["compare", s(&a), s(&b), "--verbose", "--width", "72"];
    let json = ["compare", s(&a), s(&b), "--format", "json"];
    for (format, args) in [("text", &text[..]), ("json", &json[..])] {
        let one = factdiff(args);
        let two = factdiff(args);
        assert_ran(&one);
        assert_eq!(one.stdout, two.stdout, "{format} differs between runs");
        assert_eq!(one.status.code(), two.status.code());
    }
}

#[test]
fn claims_lists_every_article() {
    let (_dir, a, b) = two_articles();
    let out = factdiff(&["claims", s(&a), s(&b), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(doc["schema_version"], 1);
    let articles = doc["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 2);
    for article in articles {
        for key in ["path", "published", "published_from", "claims"] {
            assert!(article.get(key).is_some(), "article lacks {key}");
        }
        for c in article["claims"].as_array().expect("claims") {
            for key in [
                "line", "kind", "topic", "mention", "span", "value", "actors", "places", "sentence",
            ] {
                assert!(c.get(key).is_some(), "claim lacks {key}");
            }
        }
    }
    let text = factdiff(&["claims", s(&a), s(&b)]);
    assert_eq!(text.status.code(), Some(0));
}

#[test]
fn output_file_gets_the_whole_report() {
    let (dir, a, b) = two_articles();
    let report = dir.path().join("report.json");
    let out = factdiff(&[
        "compare",
        s(&a),
        s(&b),
        "--format",
        "json",
        "-o",
        s(&report),
    ]);
    assert_ran(&out);
    assert!(out.stdout.is_empty());
    let written = std::fs::read(&report).expect("report written");
    let direct = factdiff(&["compare", s(&a), s(&b), "--format", "json"]);
    assert_eq!(written, direct.stdout);
    let leftovers = std::fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(leftovers, 3, "no temporary file left behind");
}

#[test]
fn output_into_a_missing_folder_is_trouble() {
    let (dir, a, b) = two_articles();
    let report = dir.path().join("no-such-folder").join("report.txt");
    let out = factdiff(&["compare", s(&a), s(&b), "--output", s(&report)]);
    assert_trouble(&out, s(&report));
}

#[test]
fn closed_pipe_exits_zero_quietly() {
    let (_dir, a, b) = two_articles();
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(["compare", s(&a), s(&b), "--verbose"])
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert!(out.stderr.is_empty(), "quiet: {}", stderr(&out));
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = factdiff(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains("factdiff"), "{shell}");
        assert!(
            script.contains("no-cluster"),
            "{shell}: every option is completed"
        );
    }
    let out = factdiff(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(".TH factdiff 1"), "{page}");
    for sub in ["compare", "claims", "timex", "stories", "completions"] {
        assert!(page.contains(sub), "the man page lists {sub}");
    }
    assert_trouble(&factdiff(&["completions", "tcsh"]), "tcsh");
}
