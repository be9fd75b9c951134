//! Where something lies seen from a named place: "55 km south of Lorvan", "struck
//! west of Lorvan", "the epicentre was north-east of Lorvan".
//!
//! Agencies place an epicentre, a crash or a fire by a compass point from the nearest
//! town, and two reports that put it on different sides of that town cannot both be
//! right, whatever distance each gives. A direction is a bearing in degrees; two
//! bearings agree when they are at most [`SAME_SIDE`] apart, since a point told as
//! "south" by one outlet is "south-west" for another that rounds less.
//! Only a capitalized name right after "of" or "from" anchors a direction: "south of
//! the border" names no place to be on a side of.

use super::{SentenceCtx, Word, blank_claim};
use crate::clues::{Clue, Has, clue};
use crate::model::{Aspect, Claim, ClaimKind, Span, Topic, Value};

/// Degrees two bearings may differ by and still be one direction told two ways: a
/// neighbouring point of the eight-point compass ("south" and "south-west").
pub const SAME_SIDE: u16 = 45;

/// The eight compass points and their bearings, clockwise from north. Both the joined
/// and the hyphenated forms are written ("southwest", "south-west").
const POINTS: &[(&str, u16)] = &[
    ("north", 0),
    ("northeast", 45),
    ("north-east", 45),
    ("east", 90),
    ("southeast", 135),
    ("south-east", 135),
    ("south", 180),
    ("southwest", 225),
    ("south-west", 225),
    ("west", 270),
    ("northwest", 315),
    ("north-west", 315),
];

/// The name of a bearing, as the report shows it.
pub fn bearing_name(degrees: u16) -> &'static str {
    POINTS
        .iter()
        .find(|(name, d)| *d == degrees && !name.contains('-'))
        .map_or("?", |(name, _)| name)
}

/// True when two bearings are on one side: at most [`SAME_SIDE`] degrees apart,
/// going round whichever way is shorter.
pub fn same_side(a: u16, b: u16) -> bool {
    let d = a.abs_diff(b) % 360;
    d.min(360 - d) <= SAME_SIDE
}

/// Clue bit of a compass point: each holds one of these words, in any case.
const COMPASS: u64 = 1 << 62;

/// What a direction needs ([`crate::clues`]): most sentences name no compass point,
/// and the sentence's clues (found anyway) tell so without a walk over its words.
pub(super) fn clues() -> Vec<Clue> {
    ["north", "south", "east", "west"]
        .into_iter()
        .map(|w| clue(w, COMPASS))
        .collect()
}

/// The direction claims of a sentence: a compass point, "of" or "from", then a
/// capitalized place name ("north-west of Port Ellis").
pub(super) fn directions(ctx: &SentenceCtx, has: Has) -> Vec<Claim> {
    if !has.all(COMPASS) {
        return Vec::new();
    }
    let w = &ctx.words;
    (0..w.len())
        .filter_map(|i| direction_at(ctx, w, i))
        .collect()
}

/// The direction claim of word `i`, if it starts one. Asked of every word of every
/// sentence, so the next word ("of", "from") is tested before the compass points.
fn direction_at(ctx: &SentenceCtx, w: &[Word], i: usize) -> Option<Claim> {
    if !matches!(&*w.get(i + 1)?.lower, "of" | "from") {
        return None;
    }
    let degrees = POINTS
        .iter()
        .find(|(name, _)| *name == &*w[i].lower)
        .map(|(_, d)| *d)?;
    let place = place_after(w, i + 2)?;
    let name = place.iter().map(|p| p.text).collect::<Vec<_>>();
    let name = name.join(" ");
    let name = name.trim_end_matches("'s").trim_end_matches("’s");
    let last = place.last()?;
    let span = Span::new(w[i].start, last.end);
    let mut tokens = vec!["direction".to_string(), name.to_lowercase()];
    tokens.sort();
    let topic = Topic {
        label: format!("direction from {name}"),
        head: format!("direction {}", name.to_lowercase()),
        tokens,
        aspect: Aspect::Whole,
    };
    let mut c = blank_claim(
        ClaimKind::Direction,
        span,
        ctx.text,
        Value::Bearing(degrees),
        format!("{} of {name}", bearing_name(degrees)),
        topic,
    );
    c.places = vec![name.to_string()];
    Some(c)
}

/// The capitalized words of a place name starting at word `i` ("Port Ellis"), at most
/// three; none when word `i` is not capitalized.
fn place_after<'w, 'a>(w: &'w [Word<'a>], i: usize) -> Option<&'w [Word<'a>]> {
    let capitalized = |x: &Word| {
        x.text.chars().next().is_some_and(char::is_uppercase)
            && x.text.chars().any(char::is_lowercase)
    };
    let n = w[i.min(w.len())..]
        .iter()
        .take(3)
        .take_while(|x| capitalized(x))
        .count();
    (n > 0).then(|| &w[i..i + n])
}

#[cfg(test)]
mod tests {
    use super::super::one_line_claims;
    use super::*;
    use chrono::NaiveDate;

    fn found(text: &str) -> Vec<(String, String, String)> {
        let date = NaiveDate::from_ymd_opt(2019, 3, 8).unwrap();
        one_line_claims(text, date)
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Direction)
            .map(|c| (c.topic.label, c.display, c.mention))
            .collect()
    }

    #[test]
    fn a_compass_point_of_a_named_place_is_a_direction() {
        assert_eq!(
            found("The quake struck 40 km south-west of Port Ellis on Friday."),
            vec![(
                "direction from Port Ellis".to_string(),
                "southwest of Port Ellis".to_string(),
                "south-west of Port Ellis".to_string()
            )]
        );
        assert_eq!(
            found("The epicentre lay north from Lorvan, officials said.")[0].1,
            "north of Lorvan"
        );
    }

    #[test]
    fn no_named_place_no_direction() {
        assert!(found("The fire spread south of the river on Friday.").is_empty());
        assert!(found("Troops moved into southern Lorvan on Friday.").is_empty());
        assert!(found("The south of the city flooded.").is_empty());
    }

    #[test]
    fn neighbouring_points_are_one_side() {
        assert!(same_side(180, 225));
        assert!(same_side(0, 315));
        assert!(same_side(45, 0));
        assert!(!same_side(180, 270));
        assert!(!same_side(0, 270));
        assert!(!same_side(90, 180));
    }
}
