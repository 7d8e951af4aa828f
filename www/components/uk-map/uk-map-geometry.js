// The geometry of the UK map, with no DOM: Haven's land cells (data/uk-cells.txt) read,
// outlined as one SVG path, and points, circles and frames projected into the same
// viewBox. Everything is computed on the device from data the page already holds.
//
// Projection: equirectangular, north up. One degree of latitude is 120 viewBox units
// (a 0.1° row is 12) and one degree of longitude 70 (a 0.1° column is 7): 70/120 is
// cos(54.3°), the middle of Great Britain, so shapes and circles are true there and
// within about 10% from Cornwall to Caithness. Whole-number cell edges keep the path short.

/** Degrees of a cell's side, and the corner cell (0, 0) counts from. */
const CELL = 0.1;
const SOUTH = 49;
const WEST = -9;
/** The viewBox's top edge (61°N, above Shetland) and units per degree. */
const NORTH = 61;
const PER_LAT = 120;
const PER_LON = 70;
const COL_UNITS = PER_LON * CELL;
const ROW_UNITS = PER_LAT * CELL;
const TOP_ROW = Math.round((NORTH - SOUTH) / CELL);

/** Kilometres in a degree of latitude. */
export const KM_PER_DEGREE = 111.2;
/** A zoomed map never shows less than this across, so a single town keeps its setting. */
export const MIN_SPAN_KM = 100;

// The land the cells cover (Scilly to Shetland, Fermanagh to Lowestoft), with a cell to
// spare: the whole-UK frame. Zoomed frames may also reach the Channel Islands, whose
// services a directory may hold though their postcodes have no cells.
const UK = { south: 49.7, north: 61, west: -8.3, east: 1.9 };
const LIMIT = { ...UK, south: 49.1 };

const LINE = /^\s*(\d+)\s*:((?:\s+\d+-\d+)*)\s*$/;

/** Reads the `ROW: a-b c-d …` lines of data/uk-cells.txt into [{ row, runs: [[a, b], …] }],
 * rows in order, each row's runs sorted and merged. Lines starting with # and blank lines
 * are skipped; any other line that is not of that form is refused, naming its number. */
export function parseCells(text) {
  const rows = new Map();
  String(text).split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const where = `uk-cells line ${i + 1}`;
    const m = LINE.exec(line);
    if (!m) throw new Error(`${where}: expected "ROW: a-b c-d …" (whole numbers), found "${line.slice(0, 60)}"`);
    const row = Number(m[1]);
    if (rows.has(row)) throw new Error(`${where}: row ${row} is already on line ${rows.get(row).line}`);
    const runs = m[2].trim().split(/\s+/).filter(Boolean).map((run) => run.split("-").map(Number));
    const backwards = runs.find(([a, b]) => a > b);
    if (backwards) throw new Error(`${where}: the run ${backwards.join("-")} ends before it starts`);
    rows.set(row, { line: i + 1, runs: mergeRuns(runs) });
  });
  return [...rows].sort(([a], [b]) => a - b).map(([row, { runs }]) => ({ row, runs }));
}

/** Sorted runs, with overlapping or touching ones joined, so each cell is in one run. */
function mergeRuns(runs) {
  const merged = [];
  for (const [a, b] of [...runs].sort((p, q) => p[0] - q[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Whether the point {lat, lon} falls in a land cell (cells as parseCells gives them). */
export function landAt(cells, { lat, lon }) {
  const row = Math.floor((lat - SOUTH) / CELL);
  const col = Math.floor((lon - WEST) / CELL);
  const found = cells.find((r) => r.row === row);
  return Boolean(found && found.runs.some(([a, b]) => col >= a && col <= b));
}

/** A point {lat, lon} in viewBox units {x, y}, x east and y south. */
export function project({ lat, lon }) {
  return { x: (lon - WEST) * PER_LON, y: (NORTH - lat) * PER_LAT };
}

/** The radius in viewBox units of a circle `km` kilometres across the ground. */
export function circleRadius(km) {
  return (km / KM_PER_DEGREE) * PER_LAT;
}

/** The pieces of runs `a` that runs `b` do not cover (both sorted and merged). */
function subtract(a, b) {
  const out = [];
  for (const [s, e] of a) {
    let from = s;
    for (const [bs, be] of b) {
      if (be < from || bs > e) continue;
      if (bs > from) out.push([from, bs - 1]);
      from = be + 1;
    }
    if (from <= e) out.push([from, e]);
  }
  return out;
}

/** The land as one SVG path `d`: the outline of every run's rectangle, traced so that
 * the rectangles' shared edges vanish (rectangles, one per run, would be about twice the
 * size and could not be stroked as a coast), with the holes inside the land filled.
 * Each outline is a simple loop going the same way round; commands are relative h and
 * v, in whole units. */
export function landPath(cells) {
  const byRow = new Map(cells.map((r) => [r.row, r.runs]));
  // Directed edges in grid corners (column, row line), land on the left walking north-up.
  const edges = new Map();
  const add = (x0, y0, x1, y1) => {
    const key = `${x0},${y0}`;
    if (!edges.has(key)) edges.set(key, []);
    edges.get(key).push([x1, y1]);
  };
  for (const { row, runs } of cells) {
    for (const [a, b] of runs) {
      add(a, row + 1, a, row); // west side, southwards
      add(b + 1, row, b + 1, row + 1); // east side, northwards
    }
    for (const [s, e] of subtract(runs, byRow.get(row - 1) ?? [])) add(s, row, e + 1, row); // south coast, eastwards
    for (const [s, e] of subtract(runs, byRow.get(row + 1) ?? [])) add(e + 1, row + 1, s, row + 1); // north coast, westwards
  }
  const toX = (col) => col * COL_UNITS;
  const toY = (line) => (TOP_ROW - line) * ROW_UNITS;
  // A corner where two pieces of land touch diagonally has two ways on. Outlines start
  // elsewhere, so each is walked whole before it closes.
  const touching = (key) => edges.get(key).length > 1;
  const starts = [...edges.keys()].sort((a, b) => touching(a) - touching(b));
  let d = "";
  let at = null; // where the last outline started: a closed path's current point
  for (const start of starts) {
    const outs = edges.get(start);
    while (outs.length) {
      const [sx, sy] = start.split(",").map(Number);
      const steps = [];
      let [x, y, dx, dy, area] = [sx, sy, 0, 0, 0];
      do {
        // At a touching corner, turn left: keep to the land walked round, so the
        // diagonal does not join the two pieces and every outline is a simple loop.
        const ways = edges.get(`${x},${y}`);
        const turn = ([nx, ny]) => dx * Math.sign(ny - y) - dy * Math.sign(nx - x);
        ways.sort((p, q) => turn(p) - turn(q));
        const [nx, ny] = ways.pop();
        [dx, dy] = [Math.sign(nx - x), Math.sign(ny - y)];
        area += x * (ny - y);
        const step = nx !== x ? ["h", nx - x] : ["v", ny - y];
        const last = steps[steps.length - 1];
        // A west or east side is one row tall: sides in line become one command.
        if (last && last[0] === step[0] && Math.sign(last[1]) === Math.sign(step[1])) last[1] += step[1];
        else steps.push(step);
        [x, y] = [nx, ny];
      } while (x !== sx || y !== sy);
      // An outline going the other way round is a hole: a loch, a moor or a forest
      // with no postcode. The map is an outline of the UK, so holes are land too.
      if (area <= 0) continue;
      const [px, py] = [toX(sx), toY(sy)];
      d += at ? `m${pair(px - at[0], py - at[1])}` : `M${pair(px, py)}`;
      at = [px, py];
      // The last side is the one back to the start, which z draws.
      for (const [cmd, n] of steps.slice(0, -1)) d += cmd + num(cmd === "h" ? n * COL_UNITS : -n * ROW_UNITS);
      d += "z";
    }
  }
  return d;
}

/** A number for path data (whole units; -0 written as 0). */
const num = (n) => String(Math.round(n) || 0);
/** Two numbers, a space between them only where no minus sign separates them. */
const pair = (a, b) => `${num(a)}${num(b).startsWith("-") ? "" : " "}${num(b)}`;

/** A box [x0, y0, x1, y1] in viewBox units from a lat/lon box. */
const box = ({ south, north, west, east }) => {
  const sw = project({ lat: south, lon: west });
  const ne = project({ lat: north, lon: east });
  return [sw.x, ne.y, ne.x, sw.y];
};

/** The viewBox {x, y, width, height, viewBox} to draw: the whole UK when `points` is
 * empty, otherwise zoomed to fit every point [{lat, lon, km?}] (a point with `km` is a
 * circle of that radius, fitted whole) with a margin. A zoomed frame is never under
 * MIN_SPAN_KM across either way, never more than twice as long one way as the other (a
 * strip is no map), and never reaches beyond the UK. */
export function frame(points = []) {
  const placed = points.filter((p) => p && Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const [lx0, ly0, lx1, ly1] = box(LIMIT);
  if (!placed.length) return toFrame(box(UK));
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of placed) {
    const { x, y } = project(p);
    const r = Number.isFinite(p.km) && p.km > 0 ? circleRadius(p.km) : 0;
    [x0, y0, x1, y1] = [Math.min(x0, x - r), Math.min(y0, y - r), Math.max(x1, x + r), Math.max(y1, y + r)];
  }
  // A margin so markers and circle edges are not cut at the border.
  const margin = Math.max(0.08 * Math.max(x1 - x0, y1 - y0), circleRadius(8));
  const min = circleRadius(MIN_SPAN_KM);
  const w = Math.max(x1 - x0 + 2 * margin, min);
  const h = Math.max(y1 - y0 + 2 * margin, min);
  const width = Math.max(w, h / 2);
  const height = Math.max(h, width / 2);
  const [sx, sy] = [fit((x0 + x1) / 2, width, lx0, lx1), fit((y0 + y1) / 2, height, ly0, ly1)];
  return toFrame([sx[0], sy[0], sx[1], sy[1]]);
}

/** The span of `size` about `centre`, moved inside [lo, hi], or all of it when too big. */
function fit(centre, size, lo, hi) {
  if (size >= hi - lo) return [lo, hi];
  const start = Math.min(Math.max(centre - size / 2, lo), hi - size);
  return [start, start + size];
}

/** A frame from a box, widened to whole units so nothing inside is cut. */
function toFrame([x0, y0, x1, y1]) {
  const x = Math.floor(x0);
  const y = Math.floor(y0);
  const width = Math.ceil(x1) - x;
  const height = Math.ceil(y1) - y;
  return { x, y, width, height, viewBox: `${x} ${y} ${width} ${height}` };
}

/** Results as markers: those at the same point (confidential services share their
 * council area's) become one, [{ lat, lon, numbers: [3, 5], labels }], numbers in order.
 * Results with no point (a helpline, a service by phone) have no marker. */
export function markers(results = []) {
  const byPoint = new Map();
  for (const r of results) {
    if (!r || !Number.isFinite(r.lat) || !Number.isFinite(r.lon)) continue;
    // Points equal to 5 decimals (about a metre) are one point.
    const key = `${r.lat.toFixed(5)},${r.lon.toFixed(5)}`;
    if (!byPoint.has(key)) byPoint.set(key, { lat: r.lat, lon: r.lon, numbers: [], labels: [] });
    const group = byPoint.get(key);
    group.numbers.push(r.number);
    group.labels.push(r.label ?? "");
  }
  for (const group of byPoint.values()) {
    const order = group.numbers.map((n, i) => i).sort((a, b) => group.numbers[a] - group.numbers[b]);
    group.numbers = order.map((i) => group.numbers[i]);
    group.labels = order.map((i) => group.labels[i]);
  }
  return [...byPoint.values()];
}
