#!/usr/bin/env bash
# First results of this tree against an earlier commit, on the same machine: the two are
# measured in alternating rounds (tools/measure-first-results.mjs), so the machine's drift
# (about 0.2 s between runs of one build) falls on both, and every run is pooled into one
# median per query. Run after `make build`.
# Usage: tools/compare-first-results.sh REV [rounds=3] [runs per round=5]
set -euo pipefail
rev=${1:?usage: tools/compare-first-results.sh REV [rounds] [runs]}
rounds=${2:-3}
runs=${3:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
git -C "$here" worktree add --detach "$work/base" "$rev" >/dev/null
trap 'git -C "$here" worktree remove --force "$work/base"; rm -rf "$work"' EXIT
echo "building $rev in $work/base"
make -C "$work/base" build >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
for round in $(seq "$rounds"); do
  for tree in base here; do
    dir=$here
    [ "$tree" = base ] && dir=$work/base
    (cd "$dir" && node tools/measure-first-results.mjs "$runs" 2>/dev/null) | sed "s/^/$tree /" | tee -a "$work/runs"
  done
done
# Each line: TREE first results for "PLACE" ... (t1, t2, … s); pool the runs per tree and place.
echo
awk -v rev="$rev" '
  { tree = $1; match($0, /"[^"]*"/); place = substr($0, RSTART, RLENGTH)
    match($0, /\(([0-9., ]+) s\)/); split(substr($0, RSTART + 1, RLENGTH - 4), t, ", ")
    for (i in t) { key = tree SUBSEP place; n[key]++; v[key, n[key]] = t[i] + 0 }
    places[place] = 1 }
  function median(key,   i, j, x, m) {
    m = n[key]; for (i = 1; i <= m; i++) a[i] = v[key, i]
    for (i = 2; i <= m; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return a[int((m + 1) / 2)] }
  END { for (p in places) printf "first results for %s, %d runs each: this tree %.2f s, %s %.2f s\n", p, n["here" SUBSEP p], median("here" SUBSEP p), rev, median("base" SUBSEP p) }
' "$work/runs"
