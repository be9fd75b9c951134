#!/usr/bin/env bash
# Fuzz one target: fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On a stable toolchain RUSTC_BOOTSTRAP=1
# lets it use the nightly-only flags it needs (-Zsanitizer=address). New inputs go to
# fuzz/work/TARGET (ignored by git); the committed seeds in fuzz/corpus/TARGET are only
# read. Crashes land in fuzz/artifacts/TARGET.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
target=${1:?usage: fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...]}
seconds=${2:-600}
shift $(($# < 2 ? $# : 2))
mkdir -p "work/$target"
export RUSTC_BOOTSTRAP=1
# One worker thread in the per-article stages: one core per fuzzer, reproducible runs.
export RAYON_NUM_THREADS=${RAYON_NUM_THREADS:-1}
exec nice cargo fuzz run "$target" "work/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 "$@"
