//! Real-news behaviour on small made-up articles: updates over time, attribution of
//! contradicting values, and event identity (a background event is not the story's).

mod common;

use common::{factdiff, s, stderr};
use serde_json::Value;
use std::path::PathBuf;

/// Write `(name, text)` articles into a fresh folder.
fn articles(files: &[(&str, &str)]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = files
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).expect("write");
            p
        })
        .collect();
    (dir, paths)
}

fn compare_json(paths: &[PathBuf]) -> (Option<i32>, Value) {
    let mut args = vec!["compare", "--format", "json"];
    args.extend(paths.iter().map(|p| s(p)));
    let out = factdiff(&args);
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("json: {e}; stderr: {}", stderr(&out)));
    (out.status.code(), v)
}

fn findings(v: &Value) -> &[Value] {
    v["findings"].as_array().map_or(&[], Vec::as_slice)
}

fn verdicts(v: &Value) -> Vec<(String, String)> {
    findings(v)
        .iter()
        .map(|f| {
            (
                f["verdict"].as_str().unwrap_or("").to_string(),
                f["explanation"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

const EARLY: &str = "Published: 1 July 2013 09:10\n\n\
A gunman opened fire at a shopping centre in Westbrook on Monday, killing one person, police said.\n";
const LATE: &str = "Published: 1 July 2013 17:45\n\n\
A gunman opened fire at a shopping centre in Westbrook on Monday, killing four people, police said.\n";

#[test]
fn a_toll_rising_through_the_day_is_an_update_not_a_contradiction() {
    let (_dir, paths) = articles(&[("early.txt", EARLY), ("late.txt", LATE)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(0), "{v}");
    let found = verdicts(&v);
    let update = found
        .iter()
        .find(|(verdict, _)| verdict == "update")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(
        update
            .1
            .contains("1 (2013-07-01 09:10) → 4 (2013-07-01 17:45)"),
        "{update:?}"
    );
    assert_eq!(v["summary"]["updates"], 1, "{v}");
    assert_eq!(v["summary"]["contradictions"], 0, "{v}");
    let text = factdiff(&["compare", s(&paths[0]), s(&paths[1])]);
    let report = String::from_utf8_lossy(&text.stdout);
    assert!(report.contains("update  count"), "{report}");
    assert!(report.contains("1 update,"), "{report}");
}

#[test]
fn different_tolls_at_the_same_time_contradict() {
    let same_time = LATE.replace("17:45", "09:10");
    let (_dir, paths) = articles(&[("a.txt", EARLY), ("b.txt", &same_time)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(1), "{v}");
    assert!(verdicts(&v).iter().any(|(x, _)| x == "contradict"), "{v}");
}

#[test]
fn a_falling_toll_is_an_update_only_when_marked_as_a_revision() {
    let lower = "Published: 2 July 2013\n\n\
A gunman opened fire at a shopping centre in Westbrook on Monday, killing three people, police said.\n";
    let (_dir, paths) = articles(&[("a.txt", LATE), ("b.txt", lower)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(
        code,
        Some(1),
        "a lower later toll, unexplained, contradicts: {v}"
    );
    let revised = "Published: 2 July 2013\n\n\
A gunman opened fire at a shopping centre in Westbrook on Monday, killing three people, police said, correcting an initially reported toll.\n";
    let (_dir2, paths) = articles(&[("a.txt", LATE), ("b.txt", revised)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(0), "{v}");
    assert!(verdicts(&v).iter().any(|(x, _)| x == "update"), "{v}");
}

#[test]
fn contradicting_authorities_are_both_named() {
    let a = "Published: 27 November 2005\n\n\
An earthquake struck the island of Qeshm on Sunday, killing at least 10 people, according to Iranian state media.\n";
    let b = "Published: 27 November 2005\n\n\
An earthquake struck the island of Qeshm on Sunday, killing three people, the U.S. Geological Survey said.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(1), "{v}");
    let found = verdicts(&v);
    let clash = found
        .iter()
        .find(|(verdict, _)| verdict == "contradict")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(clash.1.contains("per Iranian state media"), "{clash:?}");
    assert!(clash.1.contains("per U.S. Geological Survey"), "{clash:?}");
    let claims = v["findings"][0]["claims"].as_array().expect("claims");
    let sources: Vec<&str> = claims
        .iter()
        .filter_map(|c| c["attributed_to"].as_str())
        .collect();
    assert_eq!(sources.len(), 2, "{v}");
    assert!(
        claims
            .iter()
            .all(|c| c["event"]["label"] == "earthquake in Qeshm"
                && c["event"]["time"] == "2005-11-27"),
        "{v}"
    );
}

#[test]
fn a_background_quake_is_never_compared_with_the_story() {
    let a = "Published: 27 November 2005\n\n\
An earthquake struck the island of Qeshm on Sunday, killing 10 people.\n";
    let b = "Published: 27 November 2005\n\n\
An earthquake struck the island of Qeshm on Sunday.\n\
In February, a quake in the town of Zarand killed 612 people.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(0), "{v}");
    assert!(verdicts(&v).iter().all(|(x, _)| x != "contradict"), "{v}");
}

#[test]
fn undated_weekdays_agree_and_different_ones_are_never_compared() {
    let a = "A strong earthquake shook the island of Qeshm on Sunday, injuring five people.\n";
    let b = "An earthquake jolted the island of Qeshm on Sunday and damaged houses.\n";
    let c = "An earthquake jolted the island of Qeshm on Monday and damaged houses.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(0), "{v}");
    let found = verdicts(&v);
    assert!(
        found
            .iter()
            .any(|(x, why)| x == "agree" && why.contains("Sunday")),
        "{found:?}"
    );
    let (_dir2, paths) = articles(&[("a.txt", a), ("c.txt", c)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(0), "{v}");
}

#[test]
fn counts_of_things_without_a_role_agree_but_never_contradict() {
    let a = "Published: 10 April 2007\n\nA gunman opened fire at an office in Troy.\nPolice found three live shells in his car.\n";
    let b = "Published: 10 April 2007\n\nA gunman opened fire at an office in Troy.\nInvestigators found three shells in the car.\n";
    let c = "Published: 10 April 2007\n\nA gunman opened fire at an office in Troy.\nInvestigators found two shells in the car.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (_, v) = compare_json(&paths);
    assert!(
        verdicts(&v)
            .iter()
            .any(|(x, why)| x == "agree" && why.contains('3')),
        "{v}"
    );
    let (_dir2, paths) = articles(&[("a.txt", a), ("c.txt", c)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(
        code,
        Some(0),
        "different counts of things may be different things: {v}"
    );
}

#[test]
fn the_flagship_magnitude_clash_is_one_contradiction_naming_its_sources() {
    let a = "Published: 27 November 2005\n\nA 5.9-magnitude earthquake struck the island of Qeshm on Sunday, killing 10 people, according to Iranian state media.\n";
    let b = "Published: 27 November 2005\n\nAn earthquake measuring magnitude-5.9 shook the island of Qeshm on Sunday, killing 10 people.\n\
Iran's seismological centre measured magnitude-5.9, but the U.S. Geological Survey said it was a magnitude-6.1 temblor.\n\
An aftershock measuring 3.8 on the Richter scale followed on Monday.\n\
A magnitude-6.0 quake can cause considerable damage.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(1), "{v}");
    let magnitudes: Vec<&Value> = findings(&v)
        .iter()
        .filter(|f| f["kind"] == "magnitude")
        .collect();
    assert_eq!(magnitudes.len(), 1, "one magnitude fact: {magnitudes:?}");
    let m = magnitudes[0];
    assert_eq!(m["verdict"], "contradict", "{m}");
    let values: Vec<&str> = m["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["value"].as_str())
        .collect();
    assert!(
        values.contains(&"5.9") && values.contains(&"6.1"),
        "{values:?}"
    );
    assert!(
        !values.contains(&"3.8") && !values.contains(&"6.0"),
        "{values:?}"
    );
}

#[test]
fn distances_agree_within_their_conversion_and_estimate() {
    let a = "Published: 27 November 2005\n\nThe quake struck at about 58km (36 miles) south-west of Bandar Abbas.\n";
    let b = "Published: 27 November 2005\n\nThe quake's epicentre was 35 miles southwest of Bandar Abbas, the USGS said.\n";
    let c = "Published: 27 November 2005\n\nThe quake's epicentre was 90 miles southwest of Bandar Abbas.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(0), "{v}");
    assert!(verdicts(&v).iter().any(|(x, _)| x == "agree"), "{v}");
    let (_dir2, paths) = articles(&[("a.txt", a), ("c.txt", c)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(1), "{v}");
}

#[test]
fn clock_times_agree_when_they_overlap_and_never_contradict() {
    let a =
        "Published: 14 December 2008\n\nThe shooting began at about 4 p.m. at the office party.\n";
    let b =
        "Published: 14 December 2008\n\nThe shooting began around 4:10 p.m. at the office party.\n";
    let c = "Published: 14 December 2008\n\nThe shooting began at 6 p.m. at the office party.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (_, v) = compare_json(&paths);
    assert!(
        findings(&v)
            .iter()
            .any(|f| f["kind"] == "clock" && f["verdict"] == "agree"),
        "{v}"
    );
    let (_dir2, paths) = articles(&[("a.txt", a), ("c.txt", c)]);
    let (_, v) = compare_json(&paths);
    assert!(findings(&v).iter().all(|f| f["kind"] != "clock"), "{v}");
}

#[test]
fn a_verb_dates_its_own_event() {
    let a = "Published: 14 December 2008\n\nA gunman opened fire at an office party in Vancouver on Friday.\nThe suspect was charged with murder on Saturday, police said.\n";
    let b = "Published: 14 December 2008\n\nA man who opened fire at an office party in Vancouver was charged Saturday.\n";
    let c = "Published: 14 December 2008\n\nA man who opened fire at an office party in Vancouver was charged Sunday.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(0), "{v}");
    assert!(
        findings(&v).iter().any(|f| {
            f["verdict"] == "agree"
                && f["explanation"]
                    .as_str()
                    .is_some_and(|e| e.contains("2008-12-13"))
        }),
        "{v}"
    );
    let (_dir2, paths) = articles(&[("a.txt", a), ("c.txt", c)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(1), "charged Saturday vs Sunday: {v}");
}

#[test]
fn today_a_day_off_is_read_as_time_zones() {
    let a = "Published: 10 April 2007\n\nA gunman killed one person in the attack this morning at a Detroit office, authorities said.\n";
    let b = "Published: 10 April 2007\n\nA gunman killed one person in the Monday morning attack at a Detroit office.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(0), "{v}");
    assert!(
        verdicts(&v)
            .iter()
            .any(|(x, why)| x == "agree" && why.contains("time zones")),
        "{v}"
    );
}

#[test]
fn a_duration_of_an_event_is_about_that_event() {
    let a = "Published: 14 December 2008\n\nThe gunman surrendered after two hours of negotiations with police.\n";
    let b = "Published: 14 December 2008\n\nHe gave himself up to officers after about two hours of negotiations.\n";
    let (_dir, paths) = articles(&[("a.txt", a), ("b.txt", b)]);
    let (_, v) = compare_json(&paths);
    assert!(
        findings(&v)
            .iter()
            .any(|f| f["kind"] == "duration" && f["verdict"] == "agree"),
        "{v}"
    );
}

#[test]
fn directions_from_one_place_contradict_across_sides_and_agree_next_door() {
    let south = "Published: 3 May 2021\n\n\
A strong earthquake struck 40 km south of Marvale on Monday, officials said.\n";
    let west = "Published: 3 May 2021\n\n\
A strong earthquake struck 25 miles west of Marvale on Monday, the agency said.\n";
    let south_west = "Published: 3 May 2021\n\n\
A strong earthquake struck south-west of Marvale on Monday, residents said.\n";
    let (_dir, paths) = articles(&[("s.txt", south), ("w.txt", west)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(1), "{v}");
    let clash = findings(&v)
        .iter()
        .find(|f| f["kind"] == "direction")
        .unwrap_or_else(|| panic!("a direction finding: {v}"));
    assert_eq!(clash["verdict"], "contradict");
    assert_eq!(clash["topic"], "direction from Marvale");
    assert_eq!(
        clash["explanation"],
        "south of Marvale per officials vs west of Marvale per agency: 90° apart, not one side of the place"
    );
    let (_dir, paths) = articles(&[("s.txt", south), ("sw.txt", south_west)]);
    let (code, v) = compare_json(&paths);
    assert_eq!(code, Some(0), "{v}");
    assert!(
        findings(&v)
            .iter()
            .any(|f| f["kind"] == "direction" && f["verdict"] == "agree"),
        "{v}"
    );
}
