#!/usr/bin/env bash
# Whole-process benchmark of `factdiff compare --cluster` from three articles to a
# hundred thousand, and a plot of time against corpus size:
#
#   scripts/bench_scale.sh [SHARED]      (SHARED defaults to ../shared)
#
# Inputs, smallest first:
#   seeds            corpus/ (3 articles)
#   ecb-cluster      SHARED/corpora/ecbplus/20-ecbplus (one ECB+ cluster)
#   ecbplus-all      SHARED/corpora/ecbplus (all 773 files of topics 1-35)
#   synth-N          synthetic corpora of N = 1000 … 100000 articles, written under
#                    target/synth/N by `cargo run --release --example synth_corpus`
#                    (seed 1) from SHARED/corpora/ecbplus and SHARED/corpora/meantime;
#                    rebuilt only when missing.
# Each run is `factdiff compare --cluster --format json --output /dev/null` under
# /usr/bin/time; the script prints wall time, MB/s, articles/s and peak memory with
# the machine's core count, writes them to target/bench-scale/results.tsv, and draws
# target/bench-scale/scale.svg (wall time against articles, both axes logarithmic).
# Set FACTDIFF_SCALE_SIZES to change the synthetic sizes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

shared=${1:-../shared}
sizes=${FACTDIFF_SCALE_SIZES:-"1000 2500 5000 10000 20000 50000 100000"}
out=target/bench-scale
bin=target/release/factdiff
mkdir -p "$out"
cargo build --release --quiet --bin factdiff --example synth_corpus

inputs=("seeds:corpus")
[[ -d $shared/corpora/ecbplus ]] && inputs+=("ecb-cluster:$shared/corpora/ecbplus/20-ecbplus" "ecbplus-all:$shared/corpora/ecbplus")
for n in $sizes; do
    if [[ ! -d target/synth/$n ]]; then
        target/release/examples/synth_corpus --articles "$n" --seed 1 --out "target/synth/$n" \
            "$shared/corpora/ecbplus" "$shared/corpora/meantime" >&2
    fi
    inputs+=("synth-$n:target/synth/$n")
done

echo "factdiff compare --cluster on $(nproc) cores ($(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs))"
printf 'input\tarticles\tMB\tseconds\tMB/s\tarticles/s\tpeak MB\n' | tee "$out/results.tsv"
for entry in "${inputs[@]}"; do
    name=${entry%%:*}
    path=${entry#*:}
    files=$(find "$path" -type f \( -name '*.txt' -o -name '*.md' \) | wc -l)
    bytes=$(find "$path" -type f \( -name '*.txt' -o -name '*.md' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
    /usr/bin/time -f '%e %M' -o "$out/time.txt" \
        "$bin" compare --cluster --format json --output /dev/null "$path" || [[ $? -eq 1 ]]
    read -r secs kb < <(tail -n 1 "$out/time.txt")
    awk -v n="$name" -v f="$files" -v b="$bytes" -v s="$secs" -v k="$kb" 'BEGIN {
        t = (s > 0 ? s : 0.01);
        printf "%s\t%d\t%.1f\t%.2f\t%.1f\t%.0f\t%.0f\n", n, f, b / 1e6, s, b / 1e6 / t, f / t, k / 1024 }' \
        | tee -a "$out/results.tsv"
done

python3 - "$out/results.tsv" "$out/scale.svg" <<'PY'
import math, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])][1:]
pts = [(int(r[1]), float(r[3]), r[0]) for r in rows if r[0].startswith("synth-")]
if len(pts) < 2:
    sys.exit(0)
W, H, L, B = 640, 420, 70, 50
xs = [math.log10(p[0]) for p in pts]
ys = [math.log10(max(p[1], 0.01)) for p in pts]
x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
y0, y1 = math.floor(min(ys)), math.ceil(max(ys))
X = lambda v: L + (v - x0) / (x1 - x0) * (W - L - 20)
Y = lambda v: H - B - (v - y0) / (y1 - y0) * (H - B - 20)
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>']
for e in range(x0, x1 + 1):
    svg.append(f'<line x1="{X(e):.1f}" y1="20" x2="{X(e):.1f}" y2="{H-B}" stroke="#ddd"/>')
    svg.append(f'<text x="{X(e):.1f}" y="{H-B+18}" text-anchor="middle">{10**e:,}</text>')
for e in range(y0, y1 + 1):
    svg.append(f'<line x1="{L}" y1="{Y(e):.1f}" x2="{W-20}" y2="{Y(e):.1f}" stroke="#ddd"/>')
    svg.append(f'<text x="{L-6}" y="{Y(e)+4:.1f}" text-anchor="end">{10**e:g} s</text>')
# Linear growth through the smallest point, for reference.
n0, t0 = pts[0][0], pts[0][1]
svg.append(f'<line x1="{X(math.log10(n0)):.1f}" y1="{Y(math.log10(t0)):.1f}" x2="{X(x1):.1f}" '
           f'y2="{Y(math.log10(t0 * 10**x1 / n0)):.1f}" stroke="#999" stroke-dasharray="4 4"/>')
path = " ".join(f"{X(x):.1f},{Y(y):.1f}" for x, y in zip(xs, ys))
svg.append(f'<polyline points="{path}" fill="none" stroke="#1f77b4" stroke-width="2"/>')
for x, y, p in zip(xs, ys, pts):
    svg.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="4" fill="#1f77b4"><title>{p[0]} articles: {p[1]} s</title></circle>')
svg.append(f'<text x="{(L+W-20)/2}" y="{H-12}" text-anchor="middle">articles (synthetic corpora, log scale)</text>')
svg.append(f'<text x="16" y="{(H-B)/2}" transform="rotate(-90 16 {(H-B)/2})" text-anchor="middle">wall time, factdiff compare --cluster</text>')
svg.append(f'<text x="{W-24}" y="34" text-anchor="end" fill="#999">dashed: linear growth</text>')
svg.append("</svg>")
open(sys.argv[2], "w").write("\n".join(svg) + "\n")
PY
echo "plot: $out/scale.svg"
