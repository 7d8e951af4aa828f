// Every language offers every phrase the page uses, with the same {placeholders}, so no
// survivor meets a half-translated sentence or a raw "{n}". A phrase may add plural
// forms (hidden_children_few) where the language needs them.
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
    // English's own plural forms (found_one) are optional: each language has its own.
    const base = (key) => key.replace(/_(zero|one|two|few|many)$/, "");
    assert.deepEqual(Object.keys(EN).filter((k) => !(k in table) && base(k) === k), [], "phrases missing");
    assert.deepEqual(Object.keys(table).filter((k) => !(base(k) in EN)), [], "phrases English does not have");
    for (const [key, text] of Object.entries(table)) {
      assert.equal(typeof text, "string", key);
      assert.ok(text.trim().length > 0, `${key} is empty`);
      assert.deepEqual(placeholders(text), placeholders(EN[base(key)]), `${key}: ${text}`);
    }
  });
}
