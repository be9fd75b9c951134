#!/usr/bin/env python3
"""Check annotations.json against the cluster copies beside it.

Checks: the JSON parses; kinds and verdicts are from the allowed sets; every claim's
file exists in its cluster folder, its line exists, and its quote occurs verbatim on
that line; every fact has claims from at least two files; fact ids are unique within
a cluster; each trap pairs claims from the two halves of one topic. Prints counts.
Usage: python3 validate.py   (exit status 1 on any error)
"""
import json, os, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"count", "magnitude", "distance", "money", "percentage", "age", "date", "time",
         "duration", "ordinal", "score", "other"}
VERDICTS = {"agree", "contradict", "update"}
errors = []
_cache = {}

def lines_of(cluster, fname):
    key = (cluster, fname)
    if key not in _cache:
        path = os.path.join(HERE, cluster, fname)
        if not os.path.isfile(path):
            _cache[key] = None
        else:
            with open(path, encoding="utf-8", errors="replace") as fh:
                _cache[key] = fh.read().split("\n")
    return _cache[key]

def check_claim(where, cluster, c):
    for k in ("file", "line", "quote"):
        if k not in c:
            errors.append(f"{where}: claim lacks '{k}'")
            return
    lines = lines_of(cluster, c["file"])
    if lines is None:
        errors.append(f"{where}: no file {cluster}/{c['file']}")
        return
    n = c["line"]
    if not isinstance(n, int) or n < 1 or n > len(lines):
        errors.append(f"{where}: {c['file']} has no line {n}")
        return
    if c["quote"] not in lines[n - 1]:
        errors.append(f"{where}: quote {c['quote']!r} not on {cluster}/{c['file']}:{n}: {lines[n-1][:120]!r}")

with open(os.path.join(HERE, "annotations.json"), encoding="utf-8") as fh:
    data = json.load(fh)

for k in ("source", "guidelines", "clusters", "traps"):
    if k not in data:
        errors.append(f"top level lacks '{k}'")

verdicts = collections.Counter()
kinds = collections.Counter()
per_cluster = {}
for cl in data["clusters"]:
    name = cl["cluster"]
    if not os.path.isdir(os.path.join(HERE, name)):
        errors.append(f"cluster folder {name} missing")
    ids = set()
    for f in cl["facts"]:
        where = f"{name}/{f['id']}"
        if f["id"] in ids:
            errors.append(f"{where}: duplicate id")
        ids.add(f["id"])
        if f["verdict"] not in VERDICTS:
            errors.append(f"{where}: bad verdict {f['verdict']}")
        if f["kind"] not in KINDS:
            errors.append(f"{where}: bad kind {f['kind']}")
        for k in ("about", "note", "claims"):
            if not f.get(k):
                errors.append(f"{where}: empty '{k}'")
        files = {c["file"] for c in f["claims"]}
        if len(files) < 2:
            errors.append(f"{where}: claims from fewer than two files")
        for c in f["claims"]:
            check_claim(where, name, c)
        verdicts[f["verdict"]] += 1
        kinds[f["kind"]] += 1
    per_cluster[name] = collections.Counter(f["verdict"] for f in cl["facts"])

traps_per_topic = collections.Counter()
for i, t in enumerate(data["traps"]):
    where = f"trap {i} (topic {t['topic']})"
    cls = [c.get("cluster") for c in t["claims"]]
    if len(t["claims"]) < 2:
        errors.append(f"{where}: fewer than two claims")
    if len(set(cls)) < 2:
        errors.append(f"{where}: claims not from two different clusters")
    for c, cl in zip(t["claims"], cls):
        if cl is None or not cl.startswith(t["topic"] + "-"):
            errors.append(f"{where}: claim cluster {cl} not of topic {t['topic']}")
            continue
        check_claim(where, cl, c)
    traps_per_topic[t["topic"]] += 1
for cl in data["clusters"]:
    topic = cl["cluster"].split("-")[0]
    if traps_per_topic[topic] < 2:
        errors.append(f"topic {topic}: fewer than 2 traps")

for name, cnt in per_cluster.items():
    print(f"{name:12} facts={sum(cnt.values()):3}  " + "  ".join(f"{v}={cnt[v]}" for v in sorted(VERDICTS)))
print("total facts:", sum(verdicts.values()), dict(verdicts))
print("kinds:", dict(kinds))
print("claims:", sum(len(f["claims"]) for cl in data["clusters"] for f in cl["facts"]))
print("traps:", len(data["traps"]), dict(traps_per_topic))
if errors:
    print(f"\n{len(errors)} ERROR(S):")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("OK")
