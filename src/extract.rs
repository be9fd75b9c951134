//! extract stage
