#!/usr/bin/env bash
# Print one digest per folder of the JSON that `factdiff claims`, `timex` and `compare`
# give on it, so that a change meant to be invisible (a speed-up, a refactor) can be
# checked to leave every output byte-identical:
#
#     scripts/output_digest.sh FOLDER... > before.txt   # on the old build
#     scripts/output_digest.sh FOLDER... > after.txt    # on the new build
#     diff before.txt after.txt
#
# Uses target/release/factdiff (run `cargo build --release` first), or $FACTDIFF.
set -euo pipefail
bin=${FACTDIFF:-target/release/factdiff}
for dir in "$@"; do
    for cmd in claims timex compare; do
        sum=$("$bin" "$cmd" --format json "$dir" 2>&1 | md5sum | cut -c1-32) || true
        printf '%s  %s %s\n' "$sum" "$cmd" "$dir"
    done
done
