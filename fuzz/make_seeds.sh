#!/usr/bin/env bash
# Rebuild the committed seed corpus (fuzz/corpus/<target>/) from the seed articles in
# corpus/ and a few ECB+ sentences from tests/fixtures/ecbplus/ (CC BY 3.0: see that
# folder's README). Run from anywhere; it replaces fuzz/corpus/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root=..
ecb=$root/tests/fixtures/ecbplus
out=corpus
rm -rf "$out"
mkdir -p "$out"/{front_matter,clean_segment,timex,extract,compare_two,quantity}

# The three seed articles, whole.
for f in "$root"/corpus/*.txt; do
    name=$(basename "$f" .txt)
    for t in front_matter clean_segment timex extract quantity; do
        cp "$f" "$out/$t/$name.txt"
    done
done

# ECB+: front matter plus the first lines (headline, dateline, lead sentence).
for f in 18-ecbplus/18_1 18-ecbplus/18_6 20-ecbplus/20_1 20-ecbplus/20_5 20-ecbplus/20_7; do
    name=ecb-$(basename "$f")
    head -n 8 "$ecb/$f.txt" >"$out/front_matter/$name.txt"
    # Body sentences only (after the closing ---), for the text targets.
    awk 'n >= 2 { print } /^---$/ { n++ }' "$ecb/$f.txt" | head -n 6 >"$out/clean_segment/$name.txt"
    cp "$out/clean_segment/$name.txt" "$out/timex/$name.txt"
    cp "$out/clean_segment/$name.txt" "$out/extract/$name.txt"
done

# Front matter edge cases: BOM, CRLF, quoted values, ISO datetime, URL dates.
printf '\xef\xbb\xbf---\r\ntitle: "Quake hits Qeshm"\r\npublished: 2005-11-27T10:00:00Z\r\n---\r\nA quake killed 10 people on Sunday.\r\n' \
    >"$out/front_matter/bom-crlf.txt"
printf -- "---\nsource: 'www.theguardian.com'\nurl: https://www.theguardian.com/world/2004/jul/29/iran\n---\nTen dead\n\nThe quake struck on 27 November, officials said.\n" \
    >"$out/front_matter/url-named-date.txt"
printf -- "---\nurl: http://user@example.com:80/news/20130702/story.html\ndate: 2013-7-2\n---\n" \
    >"$out/front_matter/url-numeric-date.txt"
printf -- "---\npublished: 31 February\n---\nbody\n" >"$out/front_matter/bad-date.txt"

# Two articles per input, as compare_two splits it in the middle: both cut to the same
# byte length (at most 2500), so each half is one article.
pair() {
    local a=$1 b=$2 name=$3 n
    n=$(($(wc -c <"$a") < $(wc -c <"$b") ? $(wc -c <"$a") : $(wc -c <"$b")))
    n=$((n < 2500 ? n : 2500))
    { head -c "$n" "$a"; head -c "$n" "$b"; } >"$out/compare_two/$name.txt"
}
pair "$root/corpus/bbc-kerry-visits-seoul.txt" "$root/corpus/bbc-koreas-hold-high-level-talks.txt" kerry-talks
pair "$root/corpus/korea-us-discuss-coordination.txt" "$root/corpus/bbc-kerry-visits-seoul.txt" coordination-kerry
pair "$ecb/20-ecbplus/20_1.txt" "$ecb/20-ecbplus/20_8.txt" ecb-20_1-20_8
pair "$ecb/18-ecbplus/18_1.txt" "$ecb/18-ecbplus/18_5.txt" ecb-18_1-18_5

# Quantities: the time-expression seeds (whole articles and ECB+ sentences) and one
# line holding every form the parser reads.
cp "$out"/timex/* "$out/quantity/"
printf 'A 6.1-magnitude quake 10 kilometers (6 miles) deep, $15bn, 45 per cent, Kafoury, 63, and 2 mn-euro.\n' \
    >"$out/quantity/forms.txt"
