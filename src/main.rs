//! The `factdiff` binary: parse the command line, run, exit.
//!
//! Everything else lives in the library ([`factdiff::cli`]) so it can be tested;
//! this file only maps results to exit codes and prints the one-line error.

use clap::Parser;
use factdiff::cli::{self, Cli};
use factdiff::error::EXIT_TROUBLE;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    share_heaps();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    match cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            complain(&cli::error_line(&e));
            ExitCode::from(e.exit_code())
        }
    }
}

/// Let every thread allocate from two heaps. glibc gives each thread that allocates
/// its own heap (up to eight per core) and keeps what a thread frees in that heap for
/// it: over a long `--cluster` run the worker threads' heaps each hold their own
/// high-water mark, and a hundred thousand articles peaked a fifth higher.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn share_heaps() {
    // SAFETY: mallopt only sets an allocator parameter, and runs before any other
    // thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Other allocators keep no per-thread heaps to bound.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn share_heaps() {}

/// Help and version go where clap puts them; usage errors become one line, exit 2.
fn clap_exit(e: &clap::Error) -> ExitCode {
    match cli::usage_line(e) {
        Some(line) => {
            complain(&line);
            ExitCode::from(EXIT_TROUBLE)
        }
        None => {
            let code = if e.use_stderr() { EXIT_TROUBLE } else { 0 };
            // Nothing useful to do if printing help fails (e.g. a closed pipe).
            let _ = e.print();
            ExitCode::from(code)
        }
    }
}

fn complain(line: &str) {
    // stderr may be closed; the exit code still says what happened.
    let _ = writeln!(std::io::stderr(), "factdiff: {line}");
}
