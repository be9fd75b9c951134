//! Renderers: each writes an [`Analysis`](crate::model::Analysis) to any `Write`.
pub mod json;
pub mod text;
