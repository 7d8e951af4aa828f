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

// Every code in the page's vocabulary (www/components/vocabulary.js) has its wording in
// English and in every language, so a code added to the vocabulary (or to the engine's
// table that will replace it) cannot reach a survivor as a raw key.
const vocabulary = await import(join(ROOT, "www/components/vocabulary.js"));
// Each list's wording prefix ("" for codes that are their own key).
const WORDED = {
  kinds: "kind_", needs: "need_", communities: "community_", genders: "gender_", sexes: "", hideReasons: "hidden_",
  matchReasons: "match_", nations: "nation_", distanceBands: "", vacancyStatuses: "vacancy_",
};
const vocabularyKeys = Object.entries(WORDED).flatMap(([list, prefix]) =>
  vocabulary[list].map((entry) => `${prefix}${typeof entry === "string" ? entry : entry.code}`),
);

test("every code in the vocabulary has English wording", () => {
  assert.deepEqual(Object.keys(vocabulary).filter((list) => !(list in WORDED) && list !== "kmPerMile"), [], "a list the test does not know how to word");
  assert.deepEqual(vocabularyKeys.filter((key) => !(key in EN)), []);
});

for (const { code } of LANGUAGES.filter((l) => l.code !== "en")) {
  test(`every code in the vocabulary has wording in ${code}`, () => {
    const table = JSON.parse(readFileSync(join(ROOT, "www/translations", `${code}.json`), "utf8"));
    assert.deepEqual(vocabularyKeys.filter((key) => !(key in table)), []);
  });
}
