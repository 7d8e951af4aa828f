# Pools the runs of tools/measure-first-results.mjs, each line prefixed by its tree
# ("here" or "base"), into one median per tree and place, and prints the two side by side
# (base named by -v label=...). Each run's line: TREE first results for "PLACE" ...
# (t1, t2, … s); the lines that split a run are left out.
# Used by compare-first-results.sh and measure-signature-cost.sh.
  /first results for/ { tree = $1; match($0, /"[^"]*"/); place = substr($0, RSTART, RLENGTH)
    match($0, /\(([0-9., ]+) s\)/); split(substr($0, RSTART + 1, RLENGTH - 4), t, ", ")
    for (i in t) { key = tree SUBSEP place; n[key]++; v[key, n[key]] = t[i] + 0 }
    places[place] = 1 }
  function median(key,   i, j, x, m) {
    m = n[key]; for (i = 1; i <= m; i++) a[i] = v[key, i]
    for (i = 2; i <= m; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return a[int((m + 1) / 2)] }
  END { for (p in places) printf "first results for %s, %d runs each: this tree %.2f s, %s %.2f s\n", p, n["here" SUBSEP p], median("here" SUBSEP p), label, median("base" SUBSEP p) }
