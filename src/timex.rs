//! timex stage
