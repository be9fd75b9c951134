//! Bad and awkward input to the `factdiff` binary, beyond what `tests/cli.rs` covers.
//!
//! Each test runs the built binary (`CARGO_BIN_EXE_factdiff`) on files written to a
//! fresh temporary folder, with stdout and stderr captured. Trouble must exit 2, write
//! nothing to stdout and exactly one `factdiff: …` line to stderr naming the file or
//! option at fault (README, "Exit codes"): a bad file found inside a folder, a file of
//! blanks, UTF-16, one path given two publication dates, out-of-range or unknown option
//! values, a bad file next to a good one (no partial report). Awkward but valid input
//! (a UTF-8 byte-order mark, CRLF line ends) must still give spans that slice the file
//! to exactly the mention.

mod common;

use common::{assert_trouble, factdiff, s, stderr};
use serde_json::Value;

use std::process::Command;

const ARTICLE: &str = "\
Published: 13 February 2014

The family reunions are due to begin on 20 February, four days before joint military drills start.
The last such reunions took place in 2010.
";

/// A temporary folder with one good article, `a.txt`.
fn folder_with_article() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, ARTICLE).expect("write article");
    (dir, a)
}

#[test]
fn blank_file_is_trouble() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, " \n\n\t  \n").expect("write");
    assert_trouble(&factdiff(&["compare", s(&blank)]), s(&blank));
}

#[test]
fn utf16_file_is_trouble() {
    let dir = tempfile::tempdir().expect("tempdir");
    let utf16 = dir.path().join("utf16.txt");
    let mut bytes = vec![0xff, 0xfe];
    for unit in "Talks were held on Friday.\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).expect("write");
    assert_trouble(&factdiff(&["compare", s(&utf16)]), s(&utf16));
}

#[test]
fn binary_file_inside_a_folder_is_named() {
    let (dir, _a) = folder_with_article();
    let binary = dir.path().join("scan.md");
    std::fs::write(&binary, b"\0\x01\x02\x03 not text\0").expect("write");
    assert_trouble(&factdiff(&["compare", s(dir.path())]), s(&binary));
}

#[test]
fn corrupt_utf8_inside_a_folder_is_named_with_its_byte_offset() {
    let (dir, _a) = folder_with_article();
    let nested = dir.path().join("more");
    std::fs::create_dir(&nested).expect("mkdir");
    let broken = nested.join("broken.txt");
    std::fs::write(&broken, b"Caf\xc3\xa9 owners said the talks \xe9 failed.\n").expect("write");
    let out = factdiff(&["compare", s(dir.path())]);
    assert_trouble(&out, s(&broken));
    assert!(stderr(&out).contains("(byte 28)"), "{}", stderr(&out));
}

/// An article saved in a legacy character set is read, with a note, and its claims
/// quote the decoded text.
#[test]
fn a_latin1_article_is_decoded_and_noted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(
        &latin1,
        b"Published: 20 February 2014\nThe caf\xe9 festival in the Rue de l'\xc9glise is due to begin on 1 March.\n",
    )
    .expect("write");
    let out = factdiff(&["claims", s(&latin1), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not UTF-8, read as windows-1252"),
        "{}",
        stderr(&out)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["articles"][0]["encoding"], "windows-1252", "{v}");
    let claim = &v["articles"][0]["claims"][0];
    assert_eq!(claim["mention"], "1 March", "{v}");
    assert!(
        claim["topic"]
            .as_str()
            .is_some_and(|t| t.contains("caf\u{e9}")),
        "{v}"
    );
}

#[test]
fn a_bad_file_next_to_a_good_one_gives_no_partial_report() {
    let (dir, a) = folder_with_article();
    let missing = dir.path().join("missing.txt");
    for format in ["text", "json"] {
        let out = factdiff(&["compare", s(&a), s(&missing), "--format", format]);
        assert_trouble(&out, s(&missing));
    }
    let out = factdiff(&["claims", s(&a), s(&missing)]);
    assert_trouble(&out, s(&missing));
}

#[test]
fn one_path_with_two_publication_dates_is_a_usage_error() {
    let (_dir, a) = folder_with_article();
    let first = format!("{}=2014-02-13", s(&a));
    let second = format!("{}=2014-02-14", s(&a));
    let out = factdiff(&[
        "compare",
        s(&a),
        "--published",
        &first,
        "--published",
        &second,
    ]);
    assert_trouble(&out, s(&a));
}

#[test]
fn width_below_20_is_a_usage_error() {
    let (_dir, a) = folder_with_article();
    for width in ["19", "0", "-5", "wide"] {
        assert_trouble(&factdiff(&["compare", s(&a), "--width", width]), width);
    }
    let out = factdiff(&["compare", s(&a), "--width", "20"]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "--width 20 is allowed: {}",
        stderr(&out)
    );
}

#[test]
fn unknown_option_values_are_usage_errors() {
    let (_dir, a) = folder_with_article();
    assert_trouble(&factdiff(&["compare", s(&a), "--format", "xml"]), "xml");
    assert_trouble(
        &factdiff(&["compare", s(&a), "--color", "sometimes"]),
        "sometimes",
    );
    assert_trouble(
        &factdiff(&["compare", s(&a), "--only", "agreements"]),
        "agreements",
    );
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    assert_trouble(&factdiff(&["frobnicate"]), "frobnicate");
}

/// README: "Every error is one line on standard error … and nothing is written to
/// standard output." A bare `factdiff` is a usage error like any other.
#[test]
fn no_subcommand_is_a_one_line_usage_error() {
    assert_trouble(&factdiff(&[]), "factdiff");
}

#[test]
fn output_into_a_folder_is_trouble() {
    let (dir, a) = folder_with_article();
    let out = factdiff(&["compare", s(&a), "--output", s(dir.path())]);
    assert_trouble(&out, s(dir.path()));
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        1,
        "nothing left behind"
    );
}

/// A byte-order mark and CRLF line ends are valid input; spans stay exact.
#[test]
fn bom_and_crlf_keep_exact_spans() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bom = dir.path().join("bom.txt");
    let crlf = dir.path().join("crlf.txt");
    std::fs::write(&bom, format!("\u{feff}{ARTICLE}")).expect("write");
    std::fs::write(&crlf, ARTICLE.replace('\n', "\r\n")).expect("write");
    for path in [&bom, &crlf] {
        let out = factdiff(&["claims", s(path), "--format", "json"]);
        assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
        let doc: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
        let article = &doc["articles"][0];
        assert_eq!(article["published"], "2014-02-13", "{}", s(path));
        let text = std::fs::read_to_string(path).expect("read");
        let claims = article["claims"].as_array().expect("claims");
        assert!(
            claims.iter().any(|c| c["mention"] == "20 February"),
            "{}: {claims:?}",
            s(path)
        );
        for c in claims {
            let start = c["span"][0].as_u64().expect("start") as usize;
            let end = c["span"][1].as_u64().expect("end") as usize;
            assert_eq!(text.get(start..end), c["mention"].as_str(), "{}", s(path));
            let line = text[..start].matches('\n').count() + 1;
            assert_eq!(c["line"].as_u64(), Some(line as u64), "{}: {c}", s(path));
            let sentence = c["sentence"].as_str().expect("sentence");
            assert!(!sentence.contains('\r'), "{}: {sentence:?}", s(path));
        }
    }
}

#[test]
fn a_file_over_the_size_limit_is_trouble_not_a_wait() {
    let (_dir, a) = folder_with_article();
    let out = factdiff(&["compare", s(&a), "--max-file-size", "100"]);
    assert_trouble(&out, "--max-file-size");
    assert!(stderr(&out).contains(s(&a)));
    let fine = factdiff(&["compare", s(&a), "--max-file-size", "1M"]);
    assert_ne!(fine.status.code(), Some(2), "{}", stderr(&fine));
}

#[test]
fn a_line_over_the_length_limit_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("long.txt");
    std::fs::write(&f, format!("Title\n{}\n", "word ".repeat(100))).expect("write");
    let out = factdiff(&["compare", s(&f), "--max-line-length", "64"]);
    assert_trouble(&out, "line 2 is 500 bytes");
    let sizes = factdiff(&["compare", s(&f), "--max-line-length", "64x"]);
    assert_trouble(&sizes, "--max-line-length");
}

/// A FIFO, a broken link and a link loop met while walking a folder are passed over
/// with a warning each and counted in the report; the articles are still compared.
#[cfg(unix)]
#[test]
fn odd_entries_in_a_folder_are_skipped_with_warnings() {
    let (dir, _a) = folder_with_article();
    let root = dir.path();
    std::fs::write(root.join("b.txt"), ARTICLE).expect("write b");
    let fifo = root.join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("dangling.txt")).expect("link");
    std::fs::create_dir(root.join("sub")).expect("sub");
    std::os::unix::fs::symlink(root, root.join("sub").join("loop")).expect("loop");

    let out = factdiff(&["compare", s(root), "--format", "json"]);
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 3, "{err}");
    assert!(
        err.lines().all(|l| l.starts_with("factdiff: warning: ")),
        "{err}"
    );
    assert!(
        err.contains("pipe.txt: skipped: not a regular file"),
        "{err}"
    );
    assert!(
        err.contains("dangling.txt: skipped: cannot be read"),
        "{err}"
    );
    assert!(
        err.contains("loop: skipped: a link to a folder already read"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["skipped"], 3);
    assert_eq!(v["summary"]["articles"], 2);
    assert_eq!(v["skipped"].as_array().map(Vec::len), Some(3));

    let text = factdiff(&["compare", s(root)]);
    let stdout = String::from_utf8_lossy(&text.stdout);
    assert!(
        stdout
            .trim_end()
            .ends_with("3 inputs skipped (see the warnings)"),
        "{stdout}"
    );
}

#[test]
fn a_one_byte_file_is_an_article_with_nothing_to_compare() {
    let dir = tempfile::tempdir().expect("tempdir");
    let one = dir.path().join("one.txt");
    std::fs::write(&one, "x").expect("write");
    let out = factdiff(&["compare", s(&one)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("1 article, 0 claims"), "{stdout}");
}

#[test]
fn a_file_named_on_the_command_line_that_is_missing_is_trouble_even_beside_good_ones() {
    let (_dir, a) = folder_with_article();
    let gone = a.with_file_name("gone.txt");
    let out = factdiff(&["compare", s(&a), s(&gone)]);
    assert_trouble(&out, "gone.txt");
}

/// A FIFO named on the command line is read to its end, as `<(curl …)` needs.
#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("piped");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        // Opening a FIFO for writing waits for the reader: factdiff.
        std::thread::spawn(move || std::fs::write(fifo, ARTICLE).expect("write fifo"))
    };
    let out = factdiff(&["claims", s(&fifo), "--format", "json"]);
    writer.join().expect("writer");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let claims = v["articles"][0]["claims"].as_array().expect("claims");
    assert!(claims.iter().any(|c| c["value"] == "2014-02-20"), "{v}");
}

#[test]
fn a_failed_run_leaves_no_output_file_and_keeps_an_old_one() {
    let (dir, a) = folder_with_article();
    let missing = dir.path().join("missing.txt");
    for format in ["text", "json", "markdown", "html", "jsonl"] {
        let report = dir.path().join(format!("report.{format}"));
        let run = || {
            factdiff(&[
                "compare",
                s(&a),
                s(&missing),
                "--format",
                format,
                "-o",
                s(&report),
            ])
        };
        assert_trouble(&run(), s(&missing));
        assert!(!report.exists(), "{format}: no file from a failed run");
        std::fs::write(&report, "the previous report\n").expect("write");
        assert_trouble(&run(), s(&missing));
        assert_eq!(
            std::fs::read_to_string(&report).expect("read"),
            "the previous report\n",
            "{format}: the old report stays whole"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}
