// Every language offers every phrase the page uses, with the same {placeholders}, so no
// survivor meets a half-translated sentence or a raw "{n}".
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";

const { EN, LANGUAGES } = await import(join(ROOT, "www/js/strings.js"));
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const { code } of LANGUAGES.filter((l) => l.code !== "en")) {
  test(`${code} has every phrase, with the same placeholders as English`, () => {
    const table = JSON.parse(readFileSync(join(ROOT, "www/translations", `${code}.json`), "utf8"));
    assert.deepEqual(Object.keys(EN).filter((k) => !(k in table)), [], "phrases missing");
    assert.deepEqual(Object.keys(table).filter((k) => !(k in EN)), [], "phrases English no longer has");
    for (const [key, text] of Object.entries(table)) {
      assert.equal(typeof text, "string", key);
      assert.ok(text.trim().length > 0, `${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(EN[key]), `${key}: ${text}`);
    }
  });
}
