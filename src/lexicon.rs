//! lexicon stage
