//! `factdiff timeline`: the dated events of all articles in time order.

mod common;

use common::{factdiff, s, stderr};

fn run(args: &[&str]) -> String {
    let out = factdiff(args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn seeds_timeline_snapshot() {
    let text = run(&["timeline", "corpus", "--color", "never"]);
    common::snapshot(
        "seeds_timeline",
        "factdiff timeline corpus --color never".into(),
        &text,
    );
}

#[test]
fn events_come_in_time_order_with_disputes_marked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "---\npublished: 2014-02-13\n---\nTalks on the harvest levy are due to begin on 20 February in Lomira, officials said.\nThe Lomira council met on 11 February.\n",
    )
    .expect("write");
    std::fs::write(
        &b,
        "---\npublished: 2014-02-13\n---\nTalks on the harvest levy will begin on 22 February in Lomira, the council said.\n",
    )
    .expect("write");
    let text = run(&["timeline", s(&a), s(&b), "--color", "never"]);
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with("2014-")).collect();
    assert_eq!(rows.len(), 2, "{text}");
    assert!(
        rows[0].starts_with("2014-02-11    "),
        "earliest first, one source: {text}"
    );
    assert!(
        rows[1].starts_with("2014-02-20  ≠ "),
        "the dispute is marked: {text}"
    );
    assert!(
        rows[1].contains("2014-02-20") && rows[1].contains("[2014-02-22]"),
        "{text}"
    );
    assert!(
        text.ends_with("2 dated events, 1 stated by more than one source, 1 in dispute\n"),
        "{text}"
    );
    let coloured = run(&["timeline", s(&a), s(&b), "--color", "always"]);
    assert!(coloured.contains("\u{1b}["), "colour on request");
}
