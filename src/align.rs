//! align stage
