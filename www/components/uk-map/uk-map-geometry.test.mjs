// The UK map's geometry: Haven's land cells read and outlined, and the frame, circles and
// points that the professional view's map draws over them. No browser needed:
//   node --test www/components/uk-map/uk-map-geometry.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCells, landAt, landPath, project, circleRadius, frame, markers, KM_PER_DEGREE, MIN_SPAN_KM } from "./uk-map-geometry.js";

const TEXT = readFileSync(fileURLToPath(new URL("../../../data/uk-cells.txt", import.meta.url)), "utf8");
const CELLS = parseCells(TEXT);
const PLACES = {
  Bedford: { lat: 52.136, lon: -0.467 },
  Luton: { lat: 51.879, lon: -0.417 },
  Cardiff: { lat: 51.481, lon: -3.179 },
  Edinburgh: { lat: 55.953, lon: -3.189 },
  Belfast: { lat: 54.597, lon: -5.93 },
  London: { lat: 51.507, lon: -0.128 },
  Shetland: { lat: 60.3, lon: -1.3 },
  Scilly: { lat: 49.9, lon: -6.3 },
};

/** Whether a frame shows a point. */
function shows(f, point) {
  const { x, y } = project(point);
  return x >= f.x && x <= f.x + f.width && y >= f.y && y <= f.y + f.height;
}

/** The vertical sides [x, y0, y1] of a path of only M, m, h, v and z: all that a ray
 * going east can cross, so all the nonzero fill rule needs. */
function verticalSides(d) {
  const sides = [];
  let [cx, cy, sx, sy] = [0, 0, 0, 0];
  for (const [, cmd, args] of d.matchAll(/([MmhvZz])([^MmhvZz]*)/g)) {
    const n = args.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    if (cmd === "M") [cx, cy, sx, sy] = [n[0], n[1], n[0], n[1]];
    else if (cmd === "m") [cx, cy] = [sx + n[0], sy + n[1]], [sx, sy] = [cx, cy];
    else if (cmd === "h") cx += n[0];
    else if (cmd === "v") sides.push([cx, cy, (cy += n[0])]);
    else {
      if (cx === sx && cy !== sy) sides.push([cx, cy, sy]);
      [cx, cy] = [sx, sy];
    }
  }
  return sides;
}

/** How many times the outlines wind round a point (the nonzero fill rule). */
function winding(sides, { x, y }) {
  let turns = 0;
  for (const [sx, y0, y1] of sides) if (sx > x && Math.min(y0, y1) < y && Math.max(y0, y1) > y) turns += Math.sign(y1 - y0);
  return turns;
}

test("the real land cells put land at Bedford, Cardiff, Edinburgh and Belfast", () => {
  for (const place of ["Bedford", "Cardiff", "Edinburgh", "Belfast"]) assert.ok(landAt(CELLS, PLACES[place]), place);
});

test("the North Sea and the Atlantic are not land", () => {
  assert.equal(landAt(CELLS, { lat: 55, lon: 3 }), false, "North Sea");
  assert.equal(landAt(CELLS, { lat: 57.5, lon: -8.9 }), false, "Atlantic, west of the Hebrides");
  assert.equal(landAt(CELLS, { lat: 50.5, lon: -8 }), false, "Atlantic, south-west of Cornwall");
});

test("a malformed line is refused, naming its line number", () => {
  assert.throws(() => parseCells("# cells\n8: 26-26\n9: 26-x\n"), /line 3: expected "ROW: a-b/);
  assert.throws(() => parseCells("8: 26-26 30\n"), /line 1/);
  assert.throws(() => parseCells("8: 26-26\n\n8: 27-27\n"), /line 3: row 8 is already on line 1/);
  assert.throws(() => parseCells("8: 30-26\n"), /line 1: the run 30-26 ends before it starts/);
});

test("comments and blank lines are skipped, and overlapping runs become one", () => {
  assert.deepEqual(parseCells("# a note\n\n9: 5-6 1-2 3-4 4-5 8-9\n8:\n"), [{ row: 8, runs: [] }, { row: 9, runs: [[1, 6], [8, 9]] }]);
});

test("London is drawn east of Cardiff and south of Edinburgh", () => {
  const [london, cardiff, edinburgh] = ["London", "Cardiff", "Edinburgh"].map((p) => project(PLACES[p]));
  assert.ok(london.x > cardiff.x, "east is right");
  assert.ok(london.y > edinburgh.y, "north is up");
});

test("the whole-UK frame shows Shetland, the Scilly Isles and Belfast", () => {
  const uk = frame();
  for (const place of ["Shetland", "Scilly", "Belfast"]) assert.ok(shows(uk, PLACES[place]), place);
  assert.deepEqual(frame([]), uk, "no points is the whole UK");
  assert.equal(uk.viewBox, `${uk.x} ${uk.y} ${uk.width} ${uk.height}`);
});

test("a frame fitted to Bedford and Luton zooms in, but still shows at least 100 km across", () => {
  const uk = frame();
  const f = frame([PLACES.Bedford, PLACES.Luton]);
  assert.ok(shows(f, PLACES.Bedford) && shows(f, PLACES.Luton));
  assert.ok(f.width < uk.width / 3 && f.height < uk.height / 3, `zoomed in: ${f.viewBox}`);
  assert.ok(f.width >= circleRadius(MIN_SPAN_KM) && f.height >= circleRadius(MIN_SPAN_KM), `at least ${MIN_SPAN_KM} km: ${f.viewBox}`);
  assert.ok(f.width < circleRadius(150) && f.height < circleRadius(150), `not much more than the minimum: ${f.viewBox}`);
});

test("a frame fits a place to avoid whole, with its circle", () => {
  const f = frame([{ ...PLACES.Bedford, km: 30 }, PLACES.Edinburgh]);
  const r = 30 / KM_PER_DEGREE;
  for (const edge of [{ lat: PLACES.Bedford.lat - r, lon: PLACES.Bedford.lon }, { lat: PLACES.Bedford.lat + r, lon: PLACES.Bedford.lon }]) {
    assert.ok(shows(f, edge), `the circle's edge at ${edge.lat}`);
  }
  assert.ok(shows(f, PLACES.Edinburgh));
});

test("a frame never reaches beyond the UK, even for a wide circle on Shetland", () => {
  // The UK's edge: 61°N (above Shetland) and 1.9°E (past Lowestoft).
  const edge = project({ lat: 61, lon: 1.9 });
  const f = frame([{ ...PLACES.Shetland, km: 120 }]);
  assert.ok(f.y >= Math.floor(edge.y) && f.x + f.width <= Math.ceil(edge.x), `${f.viewBox} within 61°N, 1.9°E`);
  assert.ok(shows(f, PLACES.Shetland));
  const far = frame([{ lat: 70, lon: 20 }, { lat: 40, lon: -20 }]);
  assert.ok(far.width <= frame().width + 1 && far.y >= 0, `points far outside the UK still frame only the UK: ${far.viewBox}`);
});

test("points without a place (a helpline) leave the frame to the others", () => {
  assert.deepEqual(frame([{ lat: null, lon: null }, PLACES.Bedford]), frame([PLACES.Bedford]));
  assert.deepEqual(frame([{ lat: null, lon: null }]), frame());
});

test("a 10 km circle reaches a point 10 km north of its centre", () => {
  const north = { lat: PLACES.Bedford.lat + 10 / KM_PER_DEGREE, lon: PLACES.Bedford.lon };
  const [a, b] = [project(PLACES.Bedford), project(north)];
  assert.ok(Math.abs(Math.hypot(b.x - a.x, b.y - a.y) - circleRadius(10)) < 1e-9);
  assert.ok(circleRadius(10) > 0 && Math.abs(circleRadius(20) - 2 * circleRadius(10)) < 1e-9);
});

const PATH = landPath(CELLS);
test(`the land path fills every land cell and its enclosed holes but no sea, in ${PATH.length} characters (under 12 KB)`, () => {
  assert.ok(PATH.length < 12000, `${PATH.length} characters`);
  assert.match(PATH, /^M[\d -]+[hvmz\d -]*z$/, "only M, m, h, v and z, in whole units");
  // Cells from 48°N to 62°N, 10°W to 3°E. The sea is what can be reached from the edge
  // without crossing land (a diagonal gap between two land cells lets the sea through).
  const [rows, cols] = [[-10, 130], [-10, 120]];
  const centre = (row, col) => ({ lat: 49 + (row + 0.5) / 10, lon: -9 + (col + 0.5) / 10 });
  const sea = new Set();
  const queue = [[rows[0], cols[0]]];
  while (queue.length) {
    const [row, col] = queue.pop();
    const key = `${row}:${col}`;
    if (row < rows[0] || row >= rows[1] || col < cols[0] || col >= cols[1] || sea.has(key) || landAt(CELLS, centre(row, col))) continue;
    sea.add(key);
    for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]]) queue.push([row + dr, col + dc]);
  }
  const sides = verticalSides(PATH);
  const wrong = [];
  let holes = 0;
  for (let row = rows[0]; row < rows[1]; row += 1) {
    for (let col = cols[0]; col < cols[1]; col += 1) {
      const turns = winding(sides, project(centre(row, col)));
      assert.ok(Math.abs(turns) <= 1, "no cell is covered twice");
      if ((turns !== 0) === sea.has(`${row}:${col}`)) wrong.push(`${row}:${col}`);
      if (turns !== 0 && !landAt(CELLS, centre(row, col))) holes += 1;
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(holes > 0 && holes < 200, `${holes} cells with no postcode inside the land are filled`);
});

test("the land path of no cells is empty, and of one cell is one rectangle", () => {
  assert.equal(landPath([]), "");
  assert.equal(landPath(parseCells("0: 0-0")), "M0 1428v12h7v-12z");
});

test("two services sharing their council area's point become one marker numbered 3, 5", () => {
  const area = { lat: 52.1, lon: -0.45 };
  const groups = markers([
    { ...area, number: 5, label: "Refuge B" },
    { ...PLACES.Luton, number: 1, label: "Outreach" },
    { lat: null, lon: null, number: 2, label: "Helpline" },
    { ...area, number: 3, label: "Refuge A" },
  ]);
  assert.deepEqual(groups.map((g) => g.numbers), [[3, 5], [1]]);
  assert.deepEqual(groups[0].labels, ["Refuge A", "Refuge B"], "labels follow their numbers");
});

test("a ring of land is drawn as one filled square, and two cells touching at a corner as two squares", () => {
  assert.equal(landPath(parseCells("0: 0-2\n1: 0-0 2-2\n2: 0-2")), landPath(parseCells("0: 0-2\n1: 0-2\n2: 0-2")));
  const corner = landPath(parseCells("0: 0-0\n1: 1-1"));
  assert.deepEqual(corner.split("z").filter(Boolean).map((loop) => loop.match(/[hv]/g).length), [3, 3], corner);
});
