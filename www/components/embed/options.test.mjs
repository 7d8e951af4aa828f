// The options a council gives the widget (embed.js's data- attributes, passed as URL
// parameters): each checked, anything unrecognised left out, and a pale accent made
// readable. Plain functions, tested without a browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { embedOptions, readableAccent, contrastOnWhite } from "./frame.js";

test("a council's options are read from the widget's address", () => {
  const options = embedOptions("?area=E06000055&kinds=refuge,outreach&lang=cy&accent=%23005ea5&exit=https%3A%2F%2Fwww.gov.uk%2F");
  assert.deepEqual(options, { area: "E06000055", kinds: ["refuge", "outreach"], lang: "cy", accent: "#005ea5", exit: "https://www.gov.uk/" });
});

test("without options the widget is the survivor page as it is", () => {
  assert.deepEqual(embedOptions(""), { area: null, kinds: null, lang: null, accent: null, exit: null });
});

test("unknown kinds and languages, bad colours and non-web exits are left out", () => {
  const options = embedOptions("?kinds=refugees,,refuge&lang=xx&accent=red&exit=javascript:alert(1)");
  assert.deepEqual(options.kinds, ["refuge"]);
  assert.equal(options.lang, null);
  assert.equal(options.accent, null);
  assert.equal(options.exit, null);
  assert.equal(embedOptions("?exit=data:text/html,hi").exit, null);
  assert.equal(embedOptions("?kinds=refugees").kinds, null);
});

test("a long area is cut to 100 characters rather than refused", () => {
  assert.equal(embedOptions(`?area=${"a".repeat(500)}`).area.length, 100);
});

test("a pale accent is darkened until text in it reads on white at 4.5 to 1, and a dark one is kept", () => {
  for (const pale of ["#ffdd00", "#fff", "#7fb3e0", "#00ff00"]) {
    const made = readableAccent(pale);
    const rgb = [1, 3, 5].map((i) => parseInt(made.slice(i, i + 2), 16));
    assert.ok(contrastOnWhite(rgb) >= 4.5, `${pale} became ${made}`);
  }
  assert.equal(readableAccent("#1d70b8"), "#1d70b8");
  assert.equal(readableAccent("#000"), "#000000");
});
