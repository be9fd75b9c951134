//! The HTML report: its snapshot, and the page as a real browser (headless Chromium)
//! renders it.
//!
//! The browser test needs `chromium` (or `chromium-browser`) on the PATH; `.ci/run`
//! installs it. Without one it is skipped with a note, except under CI (`CI` set),
//! where a missing browser fails the test.

mod common;

use common::{factdiff, stderr};
use std::path::PathBuf;
use std::process::Command;

fn html_report(folder: &str) -> String {
    let out = factdiff(&["compare", folder, "--format", "html"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn seeds_html_snapshot() {
    common::snapshot(
        "seeds_html",
        "factdiff compare corpus --format html".into(),
        &html_report("corpus"),
    );
}

#[test]
fn the_page_is_self_contained() {
    let page = html_report("tests/fixtures/ecbplus/20-ecbplus");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script"), "no script needed");
    assert!(
        !page.contains("<link") && !page.contains("src=\""),
        "no external asset"
    );
    assert!(
        page.contains("<svg") && page.contains("<circle"),
        "an inline timeline"
    );
    assert_eq!(
        page.matches("<section class=\"finding contradict\"")
            .count(),
        7
    );
    assert!(page.contains("<mark>"), "claims highlighted");
}

fn browser() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|d| d.join(name))
                    .find(|p| p.is_file())
            })
        })
}

/// The text a browser shows for a DOM: tags dropped, entities of the report decoded,
/// whitespace collapsed.
fn visible_text(dom: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in dom.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_headless_browser_renders_the_seed_report() {
    let Some(chromium) = browser() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs chromium (.ci/run installs it)"
        );
        eprintln!("note: no chromium on the PATH; the browser test is skipped");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("report.html");
    std::fs::write(&page, html_report("corpus")).expect("write");
    let url = format!("file://{}", page.display());
    let headless = |extra: &[String]| {
        Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
            ])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .args(extra)
            .arg(&url)
            .output()
            .expect("run chromium")
    };
    let dom = headless(&["--dump-dom".to_string()]);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let text = visible_text(&String::from_utf8_lossy(&dom.stdout));
    assert!(text.contains("factdiff report"), "{text}");
    assert!(
        text.contains("3 articles, 46 claims, 9 findings: 0 contradictions, 1 inconsistency"),
        "{text}"
    );
    assert!(
        text.contains("INCONSISTENT") || text.contains("inconsistent"),
        "{text}"
    );
    assert!(text.contains("\"six-week\" (P6W) is 38–46 days"), "{text}");
    assert!(
        text.contains("earlier (1950–)"),
        "the timeline's axis: {text}"
    );
    let shot = dir.path().join("shot.png");
    let out = headless(&[
        format!("--screenshot={}", shot.display()),
        "--window-size=1100,1400".to_string(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 20_000,
        "a real picture"
    );
}
