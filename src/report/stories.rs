//! The grouping of articles into stories, for `factdiff stories`, as text or JSON.
//!
//! Text: per story a header `story N  LABEL  (K articles)`, then one indented line per
//! article path. JSON: `{"schema_version": 1, "stories": [{"id", "label",
//! "articles": [path, …]}]}`.
//!
//! Invariants: stories in the order of their numbers (each story's first article in
//! analysis order), articles in analysis order within a story; the label is the title
//! of the story's first article that has one, else its path.

use super::{SCHEMA_VERSION, one_line};
use crate::model::{Analysis, Analyzed};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    stories: Vec<StoryOut<'a>>,
}

#[derive(Serialize)]
struct StoryOut<'a> {
    id: usize,
    label: String,
    articles: Vec<&'a str>,
}

/// The stories with their articles, in story order.
fn stories(analysis: &Analysis) -> Vec<StoryOut<'_>> {
    let mut by_story: BTreeMap<usize, Vec<&Analyzed>> = BTreeMap::new();
    for a in &analysis.articles {
        by_story.entry(a.story).or_default().push(a);
    }
    by_story
        .into_iter()
        .map(|(id, members)| StoryOut {
            id,
            label: members
                .iter()
                .find_map(|a| a.article.title.clone())
                .unwrap_or_else(|| members[0].article.path.clone()),
            articles: members.iter().map(|a| a.article.path.as_str()).collect(),
        })
        .collect()
}

/// Render the stories as text.
pub fn render_text(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let all = stories(analysis);
    for s in &all {
        let n = s.articles.len();
        let noun = if n == 1 { "article" } else { "articles" };
        writeln!(out, "story {}  {}  ({n} {noun})", s.id, one_line(&s.label))?;
        for path in &s.articles {
            writeln!(out, "  {path}")?;
        }
    }
    writeln!(
        out,
        "{} articles in {} stories",
        analysis.articles.len(),
        all.len()
    )
}

/// Render the stories as one JSON document with a trailing newline.
pub fn render_json(analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        stories: stories(analysis),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(io::Error::other)?;
    writeln!(out)
}
