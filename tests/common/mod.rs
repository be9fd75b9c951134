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
