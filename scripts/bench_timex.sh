#!/usr/bin/env bash
# Throughput of `factdiff timex` on a large generated corpus.
#
#   scripts/bench_timex.sh [RUNS]        (default: 3 runs per format)
#
# Builds the release binary, then writes a corpus of at least 50 MB and 20 000 files
# under target/bench-corpus/ (ignored by git) by copying, round-robin, the articles of
# corpus/ and, when ../shared/corpora/meantime exists, its Wikinews .txt files. Copies
# are byte-identical to their source; each lands in its own file, 1 000 per folder.
# The corpus is reused while its recipe is unchanged (see target/bench-corpus/RECIPE).
#
# Then times `factdiff timex target/bench-corpus --format FORMAT --output /dev/null`
# for json and timeml (RUNS times each) and prints wall time, MB/s, files/s and, when
# /usr/bin/time is there, peak memory; the run of median time is reported.
# Set FACTDIFF_BENCH_MB / FACTDIFF_BENCH_FILES to change the corpus size.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

runs=${1:-3}
min_bytes=$(( ${FACTDIFF_BENCH_MB:-50} * 1000 * 1000 ))
min_files=${FACTDIFF_BENCH_FILES:-20000}
out=target/bench-corpus
bin=target/release/factdiff

cargo build --release --quiet

# ---------------------------------------------------------------- the corpus
sources=(corpus/*.txt)
if [[ -d ../shared/corpora/meantime ]]; then
    while IFS= read -r -d '' f; do
        sources+=("$f")
    done < <(find ../shared/corpora/meantime -name '*.txt' -print0 | LC_ALL=C sort -z)
fi

recipe="min_bytes=$min_bytes min_files=$min_files sources=${#sources[@]}
$(cksum "${sources[@]}")"
if [[ -f $out/RECIPE && "$(cat "$out/RECIPE")" == "$recipe" ]]; then
    echo "reusing $out"
else
    echo "writing $out from ${#sources[@]} source articles ..."
    rm -rf "$out"
    mkdir -p "$out"
    contents=()
    sizes=()
    names=()
    for f in "${sources[@]}"; do
        IFS= read -r -d '' text < "$f" || true   # keeps every byte, trailing newlines too
        contents+=("$text")
        sizes+=("$(wc -c < "$f")")
        name=${f##*/}
        names+=("${name// /_}")
    done
    bytes=0
    n=0
    while (( bytes < min_bytes || n < min_files )); do
        i=$(( n % ${#sources[@]} ))
        printf -v dir '%s/%03d' "$out" $(( n / 1000 ))
        if (( n % 1000 == 0 )); then
            mkdir -p "$dir"
        fi
        printf -v path '%s/%05d-%s' "$dir" "$n" "${names[$i]}"
        printf '%s' "${contents[$i]}" > "$path"
        bytes=$(( bytes + sizes[i] ))
        n=$(( n + 1 ))
    done
    printf '%s' "$recipe" > "$out/RECIPE"
fi
files=$(find "$out" -name '*.txt' | wc -l)
bytes=$(find "$out" -name '*.txt' -print0 | xargs -0 cat | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "corpus: $files files, $mb MB; machine: $(nproc) cores ($(uname -m))"

# ---------------------------------------------------------------- the runs
have_time=false
[[ -x /usr/bin/time ]] && have_time=true

# Runs one timing; prints "SECONDS PEAK_KB" (PEAK_KB is - without /usr/bin/time).
one_run() {
    local format=$1 log
    log=$(mktemp)
    if $have_time; then
        /usr/bin/time -v "$bin" timex "$out" --format "$format" --output /dev/null 2> "$log"
        awk -F': ' '
            /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
            /Maximum resident set size/ { kb = $2 }
            END { printf "%.2f %s\n", s, kb }' "$log"
    else
        local start end
        start=$(date +%s.%N)
        "$bin" timex "$out" --format "$format" --output /dev/null
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f -\n", b - a }'
    fi
    rm -f "$log"
}

for format in json timeml; do
    results=()
    for (( r = 1; r <= runs; r++ )); do
        results+=("$(one_run "$format")")
    done
    median=$(printf '%s\n' "${results[@]}" | sort -n | awk -v m=$(( (runs + 1) / 2 )) 'NR == m')
    read -r secs peak <<< "$median"
    awk -v f="$format" -v s="$secs" -v b="$bytes" -v n="$files" -v k="$peak" -v r="$runs" 'BEGIN {
        mem = (k == "-") ? "n/a" : sprintf("%.0f MB", k / 1024)
        printf "timex --format %-6s  %6.2f s  %6.2f MB/s  %8.0f files/s  peak memory %s  (median of %d)\n",
            f, s, b / 1e6 / s, n / s, mem, r
    }'
done
