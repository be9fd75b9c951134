//! Score factdiff on the hand-annotated ECB+ clusters (see `eval/ecbplus/README.md`
//! and [`factdiff::evaluate`]):
//!
//! ```text
//! cargo run --release --example ecbplus_eval -- [PATH] [--facts] [--false-alarms]
//! ```
//!
//! `PATH` defaults to `eval/ecbplus`. Prints contradiction precision and recall,
//! agreement precision and recall, update accuracy, cross-half contradictions and trap
//! pairs taken; `--facts` adds every annotated fact with what the engine said, and
//! `--false-alarms` every contradiction that covers no annotated one.

use factdiff::evaluate::evaluate;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or("eval/ecbplus", String::as_str);
    let started = std::time::Instant::now();
    let scores = match evaluate(Path::new(root)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ecbplus_eval: {e}");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    if args.iter().any(|a| a == "--facts") {
        for (cluster, id, expected, said) in &scores.facts {
            let said = said.map_or("-", |v| v.as_str());
            let mark = if said == format!("{expected:?}").to_lowercase() {
                " "
            } else {
                "✗"
            };
            let _ = writeln!(out, "{mark} {cluster:<11} {id:<32} {expected:?} → {said}");
        }
    }
    if args.iter().any(|a| a == "--false-alarms") {
        for (cluster, why) in &scores.false_alarms {
            let _ = writeln!(out, "false alarm  {cluster:<11} {why}");
        }
    }
    let _ = writeln!(out, "{scores}");
    let _ = writeln!(
        out,
        "{} facts in {:.2} s",
        scores.facts.len(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
