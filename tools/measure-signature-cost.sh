#!/usr/bin/env bash
# What checking the signatures costs a survivor's first results: the page `make build`
# wrote against the same page with the signature check taken out (components/trust's
# WebCrypto or @noble/ed25519 step; the seal is still read, as the engine needs it), in
# alternating rounds of tools/measure-first-results.mjs on the same machine. The two
# differ in nothing else, so the difference is the check's own time, not the bytes its
# code and the seals add (those are in budgets.test.mjs's page total). Run after
# `make build`; dist/ is left as it is.
# Usage: tools/measure-signature-cost.sh [rounds=3] [runs per round=5]
set -euo pipefail
rounds=${1:-3}
runs=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$here/dist/index.html" ] || { echo "measure-signature-cost: expected a built dist/; run make build first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The unchecked copy: the built site with www/ copied over it again and the check passed
# over, rebuilt as `make build` finishes a page.
cp -r "$here/dist" "$work/unchecked"
cp -r "$here/www/." "$work/unchecked/"
trust=$work/unchecked/components/trust/trust.js
check='await signatureMatches(hexBytes(key.key), signature, signed)'
grep -qF "$check" "$trust" || { echo "measure-signature-cost: expected '$check' in components/trust/trust.js; update this script" >&2; exit 1; }
# Still referred to, so the bundle keeps every byte of the check's code (a plain `true`
# would let esbuild drop @noble/ed25519, 3 KB, and time the bytes as well).
sed -i "s|$check|(await Promise.resolve(true) \|\| $check)|" "$trust"
# The keys make build trusts (a key more or less does not change the check's time).
shopt -s nullglob
node "$here/tools/build-page.mjs" "$work/unchecked" "$here"/target/keys/*.pub "$here"/keys/*.pub >/dev/null
for round in $(seq "$rounds"); do
  for tree in base here; do
    root=$here/dist
    [ "$tree" = base ] && root=$work/unchecked
    (cd "$here" && HAVEN_DIST=$root node tools/measure-first-results.mjs "$runs" 2>/dev/null) | sed "s/^/$tree /" | tee -a "$work/runs"
  done
done
echo
awk -v label="without the signature check" -f "$here/tools/pool-first-results.awk" "$work/runs"
