//! Behaviour on a terminal, checked through a pseudo-terminal (`script` from
//! util-linux): the pager for long reports, `--no-pager`, and colour; and plain bytes
//! when piped or with `NO_COLOR`.

mod common;

use common::factdiff;
use factdiff::cli::pager_command;
use std::process::Command;

/// Run a shell command line on a pseudo-terminal of `rows` lines; `None` when `script`
/// is not installed.
fn on_terminal(rows: u16, line: &str) -> Option<String> {
    let bin = env!("CARGO_BIN_EXE_factdiff");
    let script = format!(
        "stty rows {rows} cols 100; {}",
        line.replace("factdiff", bin)
    );
    let out = Command::new("script")
        .args(["-qec", &script, "/dev/null"])
        .env_remove("NO_COLOR")
        .env_remove("LESS")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn a_long_report_on_a_terminal_goes_through_the_pager() {
    let pager = "PAGER='sed s/^/PAGED:/'";
    let Some(paged) = on_terminal(10, &format!("{pager} factdiff compare corpus")) else {
        eprintln!("note: no `script` command; the terminal test is skipped");
        return;
    };
    assert!(
        paged
            .lines()
            .all(|l| l.starts_with("PAGED:") || l.trim().is_empty()),
        "{paged}"
    );
    assert!(
        paged.contains("\u{1b}["),
        "colour kept for the pager: {paged}"
    );
    let direct =
        on_terminal(10, &format!("{pager} factdiff compare corpus --no-pager")).expect("script");
    assert!(!direct.contains("PAGED:"), "--no-pager: {direct}");
    let short = on_terminal(500, &format!("{pager} factdiff compare corpus")).expect("script");
    assert!(
        !short.contains("PAGED:"),
        "a report that fits is not paged: {short}"
    );
    let none = on_terminal(10, "PAGER= factdiff compare corpus").expect("script");
    assert!(
        !none.contains("PAGED:") && none.contains("3 articles"),
        "{none}"
    );
}

#[test]
fn piped_or_no_color_output_has_no_escape_codes() {
    let piped = factdiff(&["compare", "corpus"]);
    assert!(!piped.stdout.contains(&0x1b), "piped output is plain");
    let Some(tty) = on_terminal(500, "NO_COLOR=1 factdiff compare corpus") else {
        return;
    };
    assert!(
        tty.contains("3 articles") && !tty.contains('\u{1b}'),
        "NO_COLOR: {tty}"
    );
    let coloured = on_terminal(500, "factdiff compare corpus").expect("script");
    assert!(
        coloured.contains('\u{1b}'),
        "colour on a terminal: {coloured}"
    );
}

#[test]
fn pager_choice_follows_the_environment() {
    assert_eq!(pager_command(None).as_deref(), Some("less -R"));
    assert_eq!(pager_command(Some("most".into())).as_deref(), Some("most"));
    assert_eq!(pager_command(Some(String::new())), None);
    assert_eq!(pager_command(Some("cat".into())), None);
}

#[test]
fn a_progress_bar_shows_on_a_terminal_for_many_articles_only() {
    let Some(many) = on_terminal(
        500,
        "factdiff compare tests/fixtures/ecbplus corpus -o /dev/null",
    ) else {
        return;
    };
    assert!(
        many.contains("reading") && many.contains("articles"),
        "{many}"
    );
    let few = on_terminal(500, "factdiff compare corpus -o /dev/null").expect("script");
    assert!(!few.contains("reading"), "three articles: no bar: {few}");
    let piped = factdiff(&[
        "compare",
        "tests/fixtures/ecbplus",
        "corpus",
        "-o",
        "/dev/null",
    ]);
    assert!(
        piped.stderr.is_empty(),
        "no bar when stderr is not a terminal"
    );
}
