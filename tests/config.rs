//! The config file: `factdiff.toml` in the current folder or `--config FILE`, and
//! `factdiff config`.

mod common;

use common::{assert_trouble, s, stderr};
use std::path::Path;
use std::process::{Command, Output};

fn factdiff_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("run factdiff")
}

fn last_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// Two articles dating one event that only a synonym table says is the same.
fn two_articles(dir: &Path) {
    let a = "---\npublished: 2014-02-13\n---\nThe referendum in Lomira is due to be held on 20 February, officials said.\n";
    let b = "---\npublished: 2014-02-13\n---\nThe vote in Lomira will be held on 22 February, the council said.\n";
    std::fs::write(dir.join("a.txt"), a).expect("write");
    std::fs::write(dir.join("b.txt"), b).expect("write");
}

#[test]
fn synonyms_from_the_config_file_in_the_folder_join_claims() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_articles(dir.path());
    let before = factdiff_in(dir.path(), &["compare", "a.txt", "b.txt"]);
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    assert!(
        last_line(&before).contains("0 findings"),
        "{}",
        last_line(&before)
    );
    std::fs::write(
        dir.path().join("factdiff.toml"),
        "synonyms = [[\"referendum\", \"vote\"]]\n",
    )
    .expect("write");
    let after = factdiff_in(dir.path(), &["compare", "a.txt", "b.txt"]);
    assert_eq!(
        after.status.code(),
        Some(1),
        "now a contradiction: {}",
        stderr(&after)
    );
    assert!(
        last_line(&after).contains("1 contradiction"),
        "{}",
        last_line(&after)
    );
}

#[test]
fn an_explicit_config_overrides_the_folder_and_sets_thresholds() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_articles(dir.path());
    std::fs::write(
        dir.path().join("factdiff.toml"),
        "synonyms = [[\"referendum\", \"vote\"]]\n",
    )
    .expect("write");
    let strict = dir.path().join("strict.toml");
    std::fs::write(&strict, "[thresholds]\nsame_story = 1.0\n").expect("write");
    let out = factdiff_in(
        dir.path(),
        &["compare", "a.txt", "b.txt", "--config", s(&strict)],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "the folder's synonyms are not read"
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("stories  0: a  ·  1: b"),
        "same_story 1.0 splits them: {text}"
    );
}

#[test]
fn a_bad_config_is_one_line_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    two_articles(dir.path());
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[thresholds]\nsame_story = \"high\"\n").expect("write");
    let out = factdiff_in(dir.path(), &["compare", "a.txt", "--config", s(&bad)]);
    assert_trouble(&out, "bad.toml: line 2:");
    let out = factdiff_in(
        dir.path(),
        &["compare", "a.txt", "--config", "missing.toml"],
    );
    assert_trouble(&out, "missing.toml: no such config file");
}

#[test]
fn config_prints_the_defaults_and_the_file_in_use() {
    let dir = tempfile::tempdir().expect("tempdir");
    let defaults = factdiff_in(dir.path(), &["config", "--default"]);
    assert_eq!(defaults.status.code(), Some(0));
    let text = String::from_utf8_lossy(&defaults.stdout).into_owned();
    assert!(
        text.contains("[thresholds]") && text.contains("same_story = 0.25"),
        "{text}"
    );
    assert!(text.contains("\"North Korea\""), "built-in aliases listed");
    // The printed defaults are themselves a valid config file.
    std::fs::write(dir.path().join("factdiff.toml"), &text).expect("write");
    let in_use = factdiff_in(dir.path(), &["config"]);
    assert_eq!(in_use.status.code(), Some(0), "{}", stderr(&in_use));
    assert!(String::from_utf8_lossy(&in_use.stdout).contains("from factdiff.toml"));
}
