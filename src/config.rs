//! The config file: thresholds, synonym groups and actor aliases a newsroom sets once.
//!
//! Read from `--config FILE`, else from `factdiff.toml` in the current folder when there
//! is one. Every key is optional; what is not set keeps its built-in value, and the
//! synonym groups and aliases given are added to (and consulted before) the built-in
//! ones. `factdiff config --default` prints the built-in values in this format:
//!
//! ```toml
//! [thresholds]
//! min_similarity = 0.3       # least Dice similarity of two claims' topic words
//! max_anchor_gap_days = 30   # claims of articles further apart are other events
//! same_story = 0.25          # least similarity of two groups of articles in one story
//!
//! synonyms = [["drills", "exercises", "manoeuvres"]]
//!
//! [aliases]
//! "pyongyang" = "North Korea"
//! ```

use crate::error::Error;
use crate::{Options, lexicon};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file looked for in the current folder when `--config` is not given.
pub const DEFAULT_FILE: &str = "factdiff.toml";

/// The contents of a config file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub thresholds: Thresholds,
    /// Groups of words for one thing; each word folds to the group's first.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
    /// Alias (any case) → canonical actor.
    #[serde(default)]
    pub aliases: BTreeMap<String, String>,
}

/// The numbers that decide what is compared with what.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// Least Dice similarity of two claims' topic words for them to be aligned (0–1).
    pub min_similarity: f64,
    /// Claims of articles published further apart than this many days are about
    /// different situations (unless both state fixed history).
    pub max_anchor_gap_days: i64,
    /// Least average similarity of two groups of articles about one story (0–1).
    pub same_story: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        let align = crate::align::AlignOptions::default();
        Thresholds {
            min_similarity: align.min_similarity,
            max_anchor_gap_days: align.max_anchor_gap_days,
            same_story: crate::stories::SAME_STORY,
        }
    }
}

impl Config {
    /// The config to use: `explicit` (which must exist), else [`DEFAULT_FILE`] in the
    /// current folder if it exists, else the built-ins. Also says which file was read.
    pub fn load(explicit: Option<&Path>) -> Result<(Config, Option<PathBuf>), Error> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None if Path::new(DEFAULT_FILE).is_file() => PathBuf::from(DEFAULT_FILE),
            None => return Ok((Config::default(), None)),
        };
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| {
            let problem = match e.kind() {
                std::io::ErrorKind::NotFound => "no such config file".to_string(),
                _ => format!("cannot read the config file: {e}"),
            };
            Error::input(&shown, problem)
        })?;
        let config = Config::parse(&text).map_err(|p| Error::input(&shown, p))?;
        Ok((config, Some(path)))
    }

    /// Parse and check a config file's text; the problem as one line.
    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let message = e.message().trim().replace('\n', " ");
            match line {
                Some(l) => format!("line {l}: {message}"),
                None => message,
            }
        })?;
        config.check()?;
        Ok(config)
    }

    fn check(&self) -> Result<(), String> {
        let t = &self.thresholds;
        for (name, v) in [
            ("min_similarity", t.min_similarity),
            ("same_story", t.same_story),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!(
                    "thresholds.{name} must be between 0 and 1, not {v}"
                ));
            }
        }
        if t.max_anchor_gap_days < 0 {
            return Err("thresholds.max_anchor_gap_days must not be negative".into());
        }
        if let Some(g) = self.synonyms.iter().find(|g| g.len() < 2) {
            return Err(format!("a synonym group needs two words or more: {g:?}"));
        }
        if let Some((a, _)) = self
            .aliases
            .iter()
            .find(|(a, c)| a.trim().is_empty() || c.trim().is_empty())
        {
            return Err(format!("alias {a:?} and its actor must not be empty"));
        }
        Ok(())
    }

    /// Set the thresholds in `opts` and add the tables to the lexicon (for the rest of
    /// the process: call before reading any article).
    pub fn apply(&self, opts: &mut Options) {
        opts.align.min_similarity = self.thresholds.min_similarity;
        opts.align.max_anchor_gap_days = self.thresholds.max_anchor_gap_days;
        opts.stories.same_story = self.thresholds.same_story;
        // Installing twice (a second run in one process) keeps the first tables.
        let _ = lexicon::install(lexicon::Tables {
            synonyms: self.synonyms.clone(),
            aliases: self
                .aliases
                .iter()
                .map(|(a, c)| (a.trim().to_lowercase(), c.trim().to_string()))
                .collect(),
        });
    }

    /// The built-in thresholds, synonym groups and aliases, as a config file.
    pub fn builtin() -> Config {
        Config {
            thresholds: Thresholds::default(),
            synonyms: lexicon::SYNONYMS
                .iter()
                .map(|g| g.iter().map(|w| w.to_string()).collect())
                .collect(),
            aliases: lexicon::ACTOR_ALIASES
                .iter()
                .map(|(a, c)| (a.to_string(), c.to_string()))
                .collect(),
        }
    }

    /// This config as TOML with a header saying what it is.
    pub fn to_toml(&self, header: &str) -> Result<String, String> {
        let body = toml::to_string(self).map_err(|e| e.to_string())?;
        Ok(format!("{header}\n{body}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_optional_and_defaults_hold() {
        let c = Config::parse("").expect("empty config");
        assert_eq!(c, Config::default());
        let c = Config::parse("[thresholds]\nsame_story = 0.4\n").expect("one key");
        assert_eq!(c.thresholds.same_story, 0.4);
        assert_eq!(
            c.thresholds.min_similarity,
            Thresholds::default().min_similarity
        );
    }

    #[test]
    fn tables_are_read() {
        let text = "synonyms = [[\"parley\", \"talks\"]]\n[aliases]\n\"the hermit kingdom\" = \"North Korea\"\n";
        let c = Config::parse(text).expect("tables");
        assert_eq!(
            c.synonyms,
            vec![vec!["parley".to_string(), "talks".to_string()]]
        );
        assert_eq!(c.aliases["the hermit kingdom"], "North Korea");
    }

    #[test]
    fn problems_are_one_line_with_the_line_number() {
        let e = Config::parse("[thresholds]\nsame_story = \"high\"\n").unwrap_err();
        assert!(e.starts_with("line 2: "), "{e}");
        assert!(!e.contains('\n'));
        let e = Config::parse("[thresholds]\nsimilarity = 0.5\n").unwrap_err();
        assert!(e.contains("similarity"), "{e}");
        let e = Config::parse("[thresholds]\nsame_story = 1.5\n").unwrap_err();
        assert!(e.contains("between 0 and 1"), "{e}");
        assert!(Config::parse("synonyms = [[\"alone\"]]\n").is_err());
    }

    #[test]
    fn the_builtins_round_trip() {
        let text = Config::builtin().to_toml("# built-in").expect("serializes");
        assert_eq!(Config::parse(&text).expect("parses"), Config::builtin());
    }
}
