//! Errors and exit codes, in one place.
//!
//! Exit codes follow `diff`: 0 when no contradiction was found, 1 when contradictions or
//! internal inconsistencies were found, 2 for trouble (bad input, bad flag, I/O). An
//! error is never reported as 1.

use std::fmt;

/// Exit code when the sources agree (or nothing could be compared).
pub const EXIT_CLEAN: u8 = 0;
/// Exit code when at least one contradiction or inconsistency was found.
pub const EXIT_CONFLICTS: u8 = 1;
/// Exit code for any error.
pub const EXIT_TROUBLE: u8 = 2;

/// What went wrong, always tied to the file it concerns when there is one.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory that could not be used as input.
    #[error("{path}: {problem}")]
    Input { path: String, problem: String },
    /// A bad command-line value that clap could not catch.
    #[error("{0}")]
    Usage(String),
    /// Writing the report failed.
    #[error("{path}: {source}")]
    Output {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn input(path: impl fmt::Display, problem: impl fmt::Display) -> Self {
        Error::Input {
            path: path.to_string(),
            problem: problem.to_string(),
        }
    }
    /// Every error exits 2.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Input { .. } | Error::Usage(_) | Error::Output { .. } => EXIT_TROUBLE,
        }
    }
}
