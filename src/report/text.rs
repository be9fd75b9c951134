//! Text report.
use crate::model::Analysis;
use std::io::{self, Write};

/// Options for the terminal report.
#[derive(Clone, Debug)]
pub struct TextOptions {
    /// Emit ANSI colour and bold.
    pub color: bool,
    /// Hide agreements.
    pub only_conflicts: bool,
    /// Also list what clean dropped and where publication dates came from.
    pub verbose: bool,
    /// Wrap width in columns.
    pub width: usize,
}

/// Render the diff-style report.
pub fn render(analysis: &Analysis, opts: &TextOptions, out: &mut dyn Write) -> io::Result<()> {
    let _ = (analysis, opts, out);
    unimplemented!("text report")
}
