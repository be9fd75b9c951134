//! JSON report.
use crate::model::Analysis;
use std::io::{self, Write};

/// Render the stable JSON document.
pub fn render(analysis: &Analysis, only_conflicts: bool, out: &mut dyn Write) -> io::Result<()> {
    let _ = (analysis, only_conflicts, out);
    unimplemented!("json report")
}
