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
echo
awk -v label="$rev" -f "$here/tools/pool-first-results.awk" "$work/runs"
