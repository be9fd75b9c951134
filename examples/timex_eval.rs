//! Score factdiff's time expression tagger on a TimeML-annotated corpus laid out like
//! MEANTIME in this project's shared corpora (see
//! [`factdiff::timex::eval::evaluate_corpus`] for the layout):
//!
//! ```text
//! cargo run --release --example timex_eval -- PATH [--misses]
//! ```
//!
//! Prints strict and relaxed P/R/F1 and type and value F1 (TempEval-3), the time it
//! took, and with `--misses` every disagreement.

use factdiff::timex::eval::evaluate_corpus;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(root) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: timex_eval PATH [--misses]");
        return ExitCode::from(2);
    };
    let started = std::time::Instant::now();
    let eval = match evaluate_corpus(Path::new(root)) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("timex_eval: {e}");
            return ExitCode::from(2);
        }
    };
    let elapsed = started.elapsed();
    // A closed pipe (`| head`) ends the listing quietly.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", eval.scores);
    let _ = writeln!(
        out,
        "{} articles, {:.1} KB in {:.2} s (whole pipeline, one thread)",
        eval.articles,
        eval.bytes as f64 / 1024.0,
        elapsed.as_secs_f64()
    );
    if args.iter().any(|a| a == "--misses") {
        let _ = writeln!(out);
        for m in eval.misses {
            if writeln!(out, "{m}").is_err() {
                break;
            }
        }
    }
    ExitCode::SUCCESS
}
