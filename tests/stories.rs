//! `factdiff stories` on both halves of an ECB+ topic: two different events of one
//! kind (two quakes on one island years apart, two office shootings), which must come
//! out as different stories (issue 4), read through the JSON the command prints.

mod common;

use common::{factdiff, folder};
use std::collections::{BTreeMap, BTreeSet};

/// Topics whose two halves are both in the repository: (`N-ecb`, `N-ecbplus`).
const TOPICS: [(&str, &str); 7] = [
    (
        "tests/fixtures/ecbplus/18-ecb",
        "tests/fixtures/ecbplus/18-ecbplus",
    ),
    ("eval/ecbplus/8-ecb", "eval/ecbplus/8-ecbplus"),
    ("eval/ecbplus/14-ecb", "eval/ecbplus/14-ecbplus"),
    ("eval/ecbplus/18-ecb", "eval/ecbplus/18-ecbplus"),
    ("eval/ecbplus/20-ecb", "eval/ecbplus/20-ecbplus"),
    ("eval/ecbplus/21-ecb", "eval/ecbplus/21-ecbplus"),
    ("eval/ecbplus/24-ecb", "eval/ecbplus/24-ecbplus"),
];

/// The stories of `factdiff stories --format json` on the given folders: for each,
/// the folders its articles are in, and how many articles it has.
fn stories(folders: &[&str]) -> Vec<(BTreeSet<String>, usize)> {
    let mut args = vec!["stories", "--format", "json"];
    args.extend(folders);
    let out = factdiff(&args);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    doc["stories"]
        .as_array()
        .expect("stories")
        .iter()
        .map(|story| {
            assert!(story["id"].is_u64() && story["label"].is_string());
            let articles = story["articles"].as_array().expect("articles");
            let folders = articles
                .iter()
                .map(|a| folder(a.as_str().expect("path")))
                .collect();
            (folders, articles.len())
        })
        .collect()
}

#[test]
fn no_story_mixes_the_two_halves_of_a_topic() {
    for (ecb, ecbplus) in TOPICS {
        let found = stories(&[ecb, ecbplus]);
        for (folders, _) in &found {
            assert_eq!(
                folders.len(),
                1,
                "{ecb} + {ecbplus}: a story mixes {folders:?}"
            );
        }
        // Each half is still mostly one story, not split article by article.
        let mut largest: BTreeMap<&str, usize> = BTreeMap::new();
        let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
        for (folders, n) in &found {
            let f = folders.first().expect("a folder").as_str();
            let f = if f == ecb { ecb } else { ecbplus };
            *sizes.entry(f).or_default() += n;
            let l = largest.entry(f).or_default();
            *l = (*l).max(*n);
        }
        for (f, n) in &sizes {
            assert!(
                2 * largest[f] > *n,
                "{f}: largest story {} of {n} articles",
                largest[f]
            );
        }
    }
}

/// The undated half of topic 20 (a quake on Qeshm island, the year never stated)
/// against the dated one (another quake there, November 2005): each is one story
/// but for two short pieces of the dated half.
#[test]
fn the_two_qeshm_quakes_are_two_stories() {
    let found = stories(&[TOPICS[4].0, TOPICS[4].1]);
    let ecb: Vec<usize> = found
        .iter()
        .filter(|(f, _)| f.contains(TOPICS[4].0))
        .map(|(_, n)| *n)
        .collect();
    assert_eq!(ecb, vec![5]);
    assert!(found.len() <= 3, "{found:?}");
}
