//! compare stage
