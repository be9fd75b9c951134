//! Articles saved by news crawlers: news-please and newspaper write one JSON object
//! per article (`maintext` or `text`, `title`, `date_publish`, `source_domain`, `url`),
//! in a `.json` file each or one per line in a JSON Lines file.
//!
//! This module only reads the records; [`super`] turns them into articles like any
//! other file, so dates, titles and URLs follow the same rules.

use serde::Deserialize;

/// One crawled article, with the fields factdiff reads (any other is ignored).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Record {
    #[serde(default)]
    pub title: Option<String>,
    /// news-please's article text.
    #[serde(default)]
    pub maintext: Option<String>,
    /// newspaper's article text.
    #[serde(default)]
    pub text: Option<String>,
    /// "2017-02-16 12:34:00" (news-please) or an ISO 8601 date-time.
    #[serde(default, alias = "publish_date", alias = "date_published")]
    pub date_publish: Option<String>,
    #[serde(default)]
    pub source_domain: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

impl Record {
    /// The article text: `maintext`, else `text`, trimmed; `None` when both are empty.
    pub fn body(&self) -> Option<&str> {
        [&self.maintext, &self.text]
            .into_iter()
            .flatten()
            .map(|t| t.trim())
            .find(|t| !t.is_empty())
    }
}

/// The records of a JSON file: one object, or an array of objects.
pub fn from_json(text: &str) -> Result<Vec<Record>, String> {
    let value: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| json_problem(&e))?;
    match value {
        serde_json::Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| record(v).map_err(|p| format!("item {}: {p}", i + 1)))
            .collect(),
        v => record(v).map(|r| vec![r]),
    }
}

/// The records of a JSON Lines file with the 1-based line each is on; blank lines are
/// passed over.
pub fn from_json_lines(text: &str) -> Result<Vec<(usize, Record)>, String> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let value: serde_json::Value = serde_json::from_str(l)
                .map_err(|e| format!("line {}: {}", i + 1, json_problem(&e)))?;
            record(value)
                .map(|r| (i + 1, r))
                .map_err(|p| format!("line {}: {p}", i + 1))
        })
        .collect()
}

fn record(value: serde_json::Value) -> Result<Record, String> {
    if !value.is_object() {
        return Err("is not a JSON object (an article needs maintext or text)".into());
    }
    let r: Record = serde_json::from_value(value).map_err(|e| json_problem(&e))?;
    if r.body().is_none() {
        return Err("has no article text (maintext or text)".into());
    }
    Ok(r)
}

/// serde_json's message, lower-case first, without its position (given by the caller
/// as a line or item when it matters).
fn json_problem(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = text.split(" at line ").next().unwrap_or_default();
    format!("is not valid JSON: {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_please_and_newspaper_records_are_read() {
        let one = r#"{"title": "Quake", "maintext": "A quake hit.", "date_publish": "2017-02-16 12:34:00", "source_domain": "example.org", "url": "https://example.org/q", "language": "en"}"#;
        let r = &from_json(one).expect("record")[0];
        assert_eq!(r.body(), Some("A quake hit."));
        assert_eq!(r.date_publish.as_deref(), Some("2017-02-16 12:34:00"));
        let newspaper =
            r#"[{"title": "T", "text": " Body. ", "publish_date": "2017-02-16T12:34:00"}]"#;
        let r = &from_json(newspaper).expect("records")[0];
        assert_eq!(r.body(), Some("Body."));
        assert_eq!(r.date_publish.as_deref(), Some("2017-02-16T12:34:00"));
    }

    #[test]
    fn json_lines_keep_their_line_numbers() {
        let text = "{\"maintext\": \"One.\"}\n\n{\"text\": \"Two.\"}\n";
        let records = from_json_lines(text).expect("records");
        assert_eq!(
            records.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            vec![1, 3]
        );
    }

    #[test]
    fn bad_records_say_where_and_why() {
        assert!(
            from_json_lines("{\"maintext\": \"x\"}\n{oops\n")
                .unwrap_err()
                .starts_with("line 2: is not valid JSON")
        );
        assert_eq!(
            from_json("{\"title\": \"no body\"}").unwrap_err(),
            "has no article text (maintext or text)"
        );
        assert!(
            from_json("[1]")
                .unwrap_err()
                .starts_with("item 1: is not a JSON object")
        );
    }
}
