// The shortlist's CSV is RFC 4180 and holds one row per service with the criteria as
// columns, made on the device.
import { test } from "node:test";
import assert from "node:assert/strict";
import { csvField, csvText, shortlistRows } from "./shortlist-csv.js";
import criteria from "../criteria-row/criteria-row.strings.js";
import shortlist from "./shortlist.strings.js";
import card from "../result-card/result-card.strings.js";

const EN = { ...criteria, ...shortlist, ...card };
const wording = { t: (key) => EN[key] ?? key };

/** RFC 4180 read back: quoted fields may hold commas, quotes (doubled) and line breaks. */
function parse(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  return rows;
}

const hit = (id, name, criteriaAnswers, extra = {}) => ({
  id, name, kind: "refuge", area_name: "Bedford", distance_band: "15_to_40_miles", confidential: true,
  phones: [{ number: "01234 567890" }], web: null, email: null, referral: ["professional"],
  vacancy: { status: "available", units_free: 2, updated_at: "2026-11-30" }, criteria: criteriaAnswers,
  source: "Bedford Borough Council, strategy", source_date: "2021", verified_on: "2026-11-22", ...extra,
});

test("a field with a comma, a quote or a line break is quoted, its quotes doubled", () => {
  assert.equal(csvField("plain"), "plain");
  assert.equal(csvField('Women\'s Aid, "Bedford"'), '"Women\'s Aid, ""Bedford"""');
  assert.equal(csvField("two\nlines"), '"two\nlines"');
  assert.equal(csvField(null), "");
  assert.equal(csvText([["a", "b"], ["c", "d"]]), "a,b\r\nc,d\r\n", "lines end CRLF");
});

test("a field a spreadsheet would run as a formula is written as text", () => {
  assert.equal(csvField("=HYPERLINK(\"x\")"), '"\'=HYPERLINK(""x"")"');
  assert.equal(csvField("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvField("+44 808 2000 247"), "+44 808 2000 247", "a phone number stays as it is");
});

test("one row per shortlisted service, with every criterion any search brought as a column", () => {
  const hits = [
    hit("a", "Refuge, \"A\"", { boys_age: "meets", wheelchair: "unknown" }),
    hit("b", "Refuge B", { boys_age: "fails", pets: "meets" }, { fails: ["boys_age"], vacancy: null }),
  ];
  const rows = parse(csvText(shortlistRows(hits, wording)));
  assert.equal(rows.length, 3);
  const [header, a, b] = rows;
  assert.ok(rows.every((r) => r.length === header.length), "every row has every column");
  const col = (name) => header.indexOf(name);
  assert.deepEqual([a[col("Service")], b[col("Service")]], ['Refuge, "A"', "Refuge B"]);
  assert.equal(a[col("Boys' ages")], "meets");
  assert.equal(b[col("Boys' ages")], "does not meet");
  assert.equal(a[col("Wheelchair access")], "not stated, ask");
  assert.equal(a[col("Pets")], "", "a criterion this search did not bring is left empty");
  assert.equal(b[col("Does not meet")], "Boys' ages");
  assert.equal(a[col("Units free")], "2");
  assert.equal(b[col("Vacancy")], "");
  assert.equal(a[col("Haven id")], "a");
});
