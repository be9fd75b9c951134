//! Counts of what was sent for: "called in an additional six engines", "dispatched
//! 200 troops", "brought in a further four crews".
//!
//! Emergency and security news counts the units sent to the scene, and says so with a
//! verb of summoning before the number. Those counts get the role "sent", so the same
//! reinforcement told in two words ("called a further four appliances") is compared,
//! while a count with no role is compared only when it agrees.

/// The role of counted things sent for.
pub(crate) const SENT: &str = "sent";

/// Verbs that summon by themselves.
const SUMMON: &[&str] = &[
    "sent",
    "send",
    "sends",
    "sending",
    "dispatched",
    "dispatch",
    "dispatching",
    "deployed",
    "deploy",
    "deploying",
    "summoned",
    "mobilised",
    "mobilized",
];

/// Verbs that summon only with "in" or a word of more ("called in", "called a
/// further"): "called" alone names ("a group called ...").
const SUMMON_WITH_PARTICLE: &[&str] = &["called", "call", "calls", "calling", "brought", "drafted"];

/// Words between the verb and the number that say more were sent.
const MORE: &[&str] = &["additional", "further", "extra", "more", "another"];

/// True when `before` (the text before a number) ends with a verb of summoning and at
/// most three small words: "called in an additional", "dispatched".
pub(super) fn follows_summons(before: &str) -> bool {
    let filler = |w: &str| matches!(w, "a" | "an" | "in" | "out" | "up") || MORE.contains(&w);
    // The last four words, last first, in lower case (borrowed when they are so
    // already, as most are: this is asked before every number).
    let last = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .map(crate::lexicon::lowercase);
    // "in" or "more" between the verb and the number makes a particle verb summon.
    let mut particle = false;
    for w in last {
        let w = &*w;
        if !filler(w) {
            return SUMMON.contains(&w) || particle && SUMMON_WITH_PARTICLE.contains(&w);
        }
        particle |= w == "in" || MORE.contains(&w);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::follows_summons;

    #[test]
    fn summons_needs_a_verb_of_sending_right_before() {
        assert!(follows_summons("The coastguard dispatched"));
        assert!(follows_summons("Crews then called in an additional"));
        assert!(follows_summons("The chief called a further"));
        assert!(follows_summons("They brought in"));
        assert!(!follows_summons("A charity called"));
        assert!(!follows_summons("They brought"));
        assert!(!follows_summons("Police said"));
    }
}
