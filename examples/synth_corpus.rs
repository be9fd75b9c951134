//! Build a large synthetic news corpus from real articles, for benchmarks:
//!
//! ```text
//! cargo run --release --example synth_corpus -- --articles N [--seed S] --out DIR SOURCE...
//! ```
//!
//! Every folder under the `SOURCE`s that holds `.txt` files is taken as one source
//! story (an ECB+ topic half such as `20-ecbplus`, a MEANTIME folder). Synthetic stories
//! are drawn from them until `N` articles are written, each into its own folder
//! `DIR/sNNNNN/`. A synthetic story takes 3 to 12 of its source's articles and rewrites
//! them all the same way, so that they still tell one story and differ from every
//! other copy of the same source:
//!
//! * re-dated: every year from 1900 to 2099 moved by the same number of years, every
//!   month name moved by the same number of months;
//! * re-numbered: every other whole number from 2 to 9999 multiplied by the same
//!   factor; in about one article in five one number is then changed again, so that
//!   the copies contradict each other now and then;
//! * renamed: every capitalized word inside a sentence (a name, most often) replaced
//!   by a made-up name fixed for the story, and half the other words of four letters
//!   or more (which half is fixed for the story) too, so that two copies of one source
//!   article in different stories are no more alike than two articles of one story;
//! * years inside other words (URLs) moved as well;
//! * trimmed: each sentence after the first kept with probability 0.85.
//!
//! The same sources, `N` and seed always give the same files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ran", "tes", "vu", "bel", "dor", "fi", "gan", "hu", "jel", "ko", "lam",
    "ne", "pra", "qui", "ros", "sa", "tor", "ul", "ven", "wy", "zen",
];

struct Args {
    articles: usize,
    seed: u64,
    out: PathBuf,
    sources: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1).collect()) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("synth_corpus: {e}");
            eprintln!("usage: synth_corpus --articles N [--seed S] --out DIR SOURCE...");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok((stories, bytes)) => {
            println!(
                "{} articles in {stories} stories, {:.1} MB, in {}",
                args.articles,
                bytes as f64 / 1e6,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse(raw: Vec<String>) -> Result<Args, String> {
    let mut args = Args {
        articles: 0,
        seed: 1,
        out: PathBuf::new(),
        sources: Vec::new(),
    };
    let mut it = raw.into_iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--articles" => {
                args.articles = value("--articles")?
                    .parse()
                    .map_err(|_| "--articles needs a number")?
            }
            "--seed" => {
                args.seed = value("--seed")?
                    .parse()
                    .map_err(|_| "--seed needs a number")?
            }
            "--out" => args.out = PathBuf::from(value("--out")?),
            _ => args.sources.push(PathBuf::from(a)),
        }
    }
    if args.articles == 0 || args.out.as_os_str().is_empty() || args.sources.is_empty() {
        return Err("--articles, --out and at least one SOURCE are required".into());
    }
    Ok(args)
}

/// Write the corpus; the number of stories and of bytes written.
fn run(args: &Args) -> Result<(usize, usize), String> {
    let mut stories: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for s in &args.sources {
        collect(s, &mut stories)?;
    }
    let sources: Vec<Vec<String>> = stories.into_values().filter(|v| !v.is_empty()).collect();
    if sources.is_empty() {
        return Err("no .txt articles under the sources".into());
    }
    if args.out.exists() {
        return Err(format!(
            "{}: already exists; remove it first",
            args.out.display()
        ));
    }
    let mut rng = fastrand::Rng::with_seed(args.seed);
    let (mut written, mut story, mut bytes) = (0, 0, 0);
    while written < args.articles {
        let source = &sources[rng.usize(..sources.len())];
        let plan = Plan::new(&mut rng, story);
        let mut picked: Vec<&String> = source.iter().collect();
        rng.shuffle(&mut picked);
        let take = rng
            .usize(3..=12)
            .min(picked.len())
            .min(args.articles - written);
        let dir = args.out.join(format!("s{story:05}"));
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for (k, text) in picked.into_iter().take(take).enumerate() {
            let body = plan.rewrite(text, &mut rng);
            let path = dir.join(format!("{k:02}.txt"));
            std::fs::write(&path, &body).map_err(|e| format!("{}: {e}", path.display()))?;
            bytes += body.len();
            written += 1;
        }
        story += 1;
    }
    Ok((story, bytes))
}

/// Every folder's `.txt` files (read as text), folder by folder in path order.
fn collect(dir: &Path, into: &mut BTreeMap<PathBuf, Vec<String>>) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, into)?;
        } else if p.extension().is_some_and(|x| x == "txt") {
            let bytes = std::fs::read(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            into.entry(dir.to_path_buf())
                .or_default()
                .push(String::from_utf8_lossy(&bytes).into_owned());
        }
    }
    Ok(())
}

/// How one synthetic story rewrites its articles.
struct Plan {
    story: usize,
    years: i32,
    months: usize,
    factor: u64,
}

impl Plan {
    fn new(rng: &mut fastrand::Rng, story: usize) -> Plan {
        Plan {
            story,
            years: rng.i32(-12..=12),
            months: rng.usize(0..12),
            factor: rng.u64(2..=4),
        }
    }

    fn rewrite(&self, text: &str, rng: &mut fastrand::Rng) -> String {
        let perturb = rng.usize(0..5) == 0;
        let mut changed_one = false;
        let mut out = String::with_capacity(text.len());
        let mut lines = text.lines().peekable();
        // Front matter is kept line for line, only its dates moved.
        if lines.peek().is_some_and(|l| l.trim_end() == "---") {
            out.push_str("---\n");
            lines.next();
            for line in lines.by_ref() {
                out.push_str(&redate_inside(line, self.years));
                out.push('\n');
                if line.trim_end() == "---" {
                    break;
                }
            }
        }
        for (li, line) in lines.enumerate() {
            if li > 0 && rng.f32() > 0.85 {
                continue;
            }
            let words: Vec<(&str, &str, &str)> = line.split_inclusive(' ').map(parts).collect();
            for (wi, &(head, core, tail)) in words.iter().enumerate() {
                let near_month = |k: Option<usize>| {
                    k.and_then(|k| words.get(k))
                        .is_some_and(|(_, w, _)| month_word(w))
                };
                let day = near_month(wi.checked_sub(1)) || near_month(Some(wi + 1));
                let change = perturb && !changed_one && !day;
                out.push_str(head);
                out.push_str(&self.word(core, wi, day, change, &mut changed_one));
                out.push_str(tail);
            }
            out.push('\n');
        }
        out
    }

    /// `day` says the word stands beside a month name ("March 8", "8 March"): a day of
    /// the month is kept as it is.
    fn word(
        &self,
        w: &str,
        position: usize,
        day: bool,
        perturb: bool,
        changed: &mut bool,
    ) -> String {
        if let Some(m) = MONTHS.iter().position(|m| *m == w) {
            return MONTHS[(m + self.months) % 12].to_string();
        }
        if let Ok(n) = w.parse::<u64>() {
            if w.len() == 4 && (1900..2100).contains(&n) {
                return (n as i32 + self.years).to_string();
            }
            if (2..10_000).contains(&n) && !w.starts_with('0') && !(day && n <= 31) {
                let mut v = n * self.factor;
                if perturb {
                    v += 1;
                    *changed = true;
                }
                return v.to_string();
            }
            return w.to_string();
        }
        let long_word = w.chars().count() >= 4 && w.chars().all(char::is_alphabetic);
        if long_word {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if position > 0 && capital {
                return self.name(w);
            }
            if !capital && self.seed_of(w).is_multiple_of(2) {
                return self.name(w).to_lowercase();
            }
            return w.to_string();
        }
        redate_inside(w, self.years)
    }

    /// A number fixed for `w` in this story.
    fn seed_of(&self, w: &str) -> u64 {
        hash(w) ^ (self.story as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// A made-up name for `w`, the same for every article of the story.
    fn name(&self, w: &str) -> String {
        let mut rng = fastrand::Rng::with_seed(self.seed_of(w) >> 1);
        let mut s: String = (0..rng.usize(2..=3))
            .map(|_| SYLLABLES[rng.usize(..SYLLABLES.len())])
            .collect();
        s[..1].make_ascii_uppercase();
        s
    }
}

/// A word split into leading punctuation, the word, and what follows it.
fn parts(word: &str) -> (&str, &str, &str) {
    let core = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let tail = &word[core.len()..];
    let lead = core.len()
        - core
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let (head, core) = core.split_at(lead);
    (head, core, tail)
}

/// A month name or its usual abbreviation ("Mar", "Sept").
fn month_word(w: &str) -> bool {
    MONTHS
        .iter()
        .any(|m| w.len() >= 3 && m.starts_with(w) || *m == w)
}

/// `w` with every run of four digits that reads as a year from 1900 to 2099 moved by
/// `years` (`/2013/3/8/` in a URL).
fn redate_inside(w: &str, years: i32) -> String {
    let mut out = String::with_capacity(w.len());
    let mut rest = w;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..start]);
        let digits = rest[start..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(rest.len() - start, |n| n);
        let run = &rest[start..start + digits];
        match run.parse::<i32>() {
            Ok(y) if digits == 4 && (1900..2100).contains(&y) => {
                out.push_str(&(y + years).to_string())
            }
            _ => out.push_str(run),
        }
        rest = &rest[start + digits..];
    }
    out.push_str(rest);
    out
}

/// FNV-1a: a hash of a word that is the same on every machine and run.
fn hash(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}
