//! Helpers shared by the tests that run the built binary.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Run the built `factdiff` with colour settings from the environment removed.
pub fn factdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("run factdiff")
}

/// The folder an article is in.
pub fn folder(path: &str) -> String {
    Path::new(path)
        .parent()
        .expect("parent")
        .display()
        .to_string()
}

/// A temporary path as the `&str` the command line takes.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit 2, nothing on stdout, exactly one stderr line `factdiff: …` containing `needle`.
pub fn assert_trouble(out: &Output, needle: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.ends_with('\n'), "{err:?}");
    assert!(err.starts_with("factdiff: "), "{err:?}");
    assert!(err.contains(needle), "{err:?} should name {needle:?}");
}

/// Assert `contents` against `snapshots/NAME.snap`, with `description` (the command
/// that made it) in the snapshot's header.
pub fn snapshot(name: &str, description: String, contents: &str) {
    insta::with_settings!({
        snapshot_path => "../../snapshots",
        prepend_module_to_snapshot => false,
        description => description,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, contents);
    });
}

/// Run the built `factdiff` with `input` on standard input.
pub fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn factdiff");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write standard input");
    child.wait_with_output().expect("wait for factdiff")
}

/// Run the built `factdiff`, expect exit 0 or 1, and parse its standard output as JSON.
pub fn json_of(args: &[&str]) -> serde_json::Value {
    let out = factdiff(args);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("json on standard output")
}
