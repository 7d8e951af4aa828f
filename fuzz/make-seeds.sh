#!/usr/bin/env bash
# Regenerates the seed corpus under fuzz/corpus/ from the starter data, the standard's
# examples and a council feed fixture. Run after a file format changes
# (fuzz/tests/seeds.rs fails when a binary seed no longer reads).
set -euo pipefail
cd "$(dirname "$0")/.."
haven=target/release/haven
cargo build --release --bin haven -q
c=fuzz/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$c" && mkdir -p "$c"/{bundle,vacancies,gazetteer,haven_json,oruk,place_text,query}

# Haven JSON: three starter records (a refuge by area, a helpline, an outreach service),
# and the whole starter directory.
python3 - "$tmp/three.json" <<'PY'
import json, sys
d = json.load(open("data/directory.json"))
kinds, picked = set(), []
for s in d["services"]:
    if s.get("kind") not in kinds:
        kinds.add(s.get("kind")); picked.append(s)
    if len(picked) == 3: break
d["services"] = picked
json.dump(d, open(sys.argv[1], "w"), indent=1, ensure_ascii=False)
PY
cp "$tmp/three.json" $c/haven_json/three-records.json
cp data/directory.json $c/haven_json/starter.json

# Bundles: the three records sealed, and signed with a throwaway key.
$haven build "$tmp/three.json" --out $c/bundle/sealed.bin >/dev/null
$haven keygen --out "$tmp/seed" --name "Seed corpus" >/dev/null
$haven build "$tmp/three.json" --out $c/bundle/signed.bin --sign "$tmp/seed.key" >/dev/null

# Vacancies over the whole starter directory, and the gazetteer.
$haven build data/directory.json --out "$tmp/starter.bin" >/dev/null
$haven vacancies data/vacancies.csv --bundle "$tmp/starter.bin" --out $c/vacancies/starter.bin --sign "$tmp/seed.key" >/dev/null
$haven gazetteer --out $c/gazetteer/builtin.bin >/dev/null

# ORUK: the standard's examples, a council's page, and a feed with its mapping.
o=tests/fixtures/oruk
cp $o/service_full.json $o/service_list.json $o/domestic_abuse_services.json $c/oruk/
cp $o/council/oruk3-page.json $o/council/oruk3-record.json $c/oruk/
{ cat $o/council/mapping.toml; printf '\n---\n'; cat $o/council/outpost-page-0.json; } > $c/oruk/mapping-and-feed.txt

# What survivors type, one per file.
i=0
for place in "MK40 1AA" "mk401aa" "MK40" "MK99" "BT1 1AA" "Bedford" "bedfrod" "Newport" \
  "Armagh City, Banbridge and Craigavon" "Llanfair" "St Albans" "E06000055" "52.136,-0.467" \
  "-0.467,52.136" "nan,nan" "Ynys Môn" "Na h-Eileanan Siar" "L1" "  SW1A   2AA " "Hull"; do
  i=$((i + 1)); printf '%s' "$place" > "$c/place_text/$(printf %02d $i).txt"
done

# Queries, from the smallest to every field.
q=$c/query
echo '{"near": "Bedford"}' > $q/place.json
echo '{"near": {"lat": 52.136, "lon": -0.467}, "limit": 3}' > $q/point.json
echo '{"near": "MK40 1AA", "radius_km": 30, "kinds": ["refuge", "dispersed"], "avoid": [{"lat": 52.0, "lon": -0.5, "km": 10}, {"place": "Luton", "km": 5}], "household": {"adults": [{"gender": "woman", "trans": true, "age": 34}], "children": [{"age": 13, "sex": "boy"}]}, "needs": ["wheelchair"], "languages": ["pl"], "communities": ["south_asian"], "text": "aid", "limit": 5}' > $q/every-field.json
echo '{"near": null, "avoid": [{"place": "Leeds", "km": 20}], "min_distance_km": 80, "kinds": ["refuge"], "include_failing": true, "sort": "distance"}' > $q/far-away.json
ls -R $c | head -50
