#!/usr/bin/env bash
# Pathological inputs must take time in proportion to their size, never hang:
#
#   scripts/bench_limits.sh
#
# 1. one 50 MB file that is a single line of prose (with --max-line-length raised so
#    that it is read at all: by default such a line is refused at once);
# 2. 100 000 tiny articles in one folder.
# The single line is timed with `factdiff compare` and `factdiff timex`, the tiny files
# with `factdiff timex` (comparing 100 000 unrelated articles as one story is not what
# `compare` is for: grouping a pile into stories comes first). The figures go to stdout
# with the machine's core count. Generated inputs live under target/bench-limits/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cargo build --release --quiet
bin=target/release/factdiff
out=target/bench-limits
mkdir -p "$out"

if [[ ! -f $out/one-line.txt ]]; then
    python3 - "$out/one-line.txt" <<'PY'
import sys
s = "The talks were held on Friday, 20 February 2014, and at least 10 people were killed since 2010. "
with open(sys.argv[1], "w") as f:
    f.write(s * (50_000_000 // len(s)))
PY
fi
if [[ ! -d $out/tiny ]]; then
    mkdir -p "$out/tiny"
    python3 - "$out/tiny" <<'PY'
import os, sys
root = sys.argv[1]
for i in range(100_000):
    d = os.path.join(root, f"{i // 1000:03}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"{i:06}.txt"), "w") as f:
        f.write(f"Story {i}\nThe meeting on Friday drew {i % 97 + 2} delegates.\n")
PY
fi

timed() {
    local label=$1
    shift
    local TIMEFORMAT="%R"
    local seconds
    seconds=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || true
    printf '%-40s %8s s\n' "$label" "$seconds"
}

echo "machine: $(nproc) cores"
timed "timex, 50 MB single line" "$bin" timex "$out/one-line.txt" --max-line-length 64M --max-file-size 64M --format json
timed "compare, 50 MB single line" "$bin" compare "$out/one-line.txt" --max-line-length 64M --max-file-size 64M
timed "timex, 100 000 tiny files" "$bin" timex "$out/tiny" --format json
