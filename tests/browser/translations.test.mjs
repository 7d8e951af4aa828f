// Every language offers every phrase the page uses, with the same {placeholders}, so no
// survivor meets a half-translated sentence or a raw "{n}". A counted phrase is written
// once per plural category (found_within_one, found_within_other in English); each
// language has the forms its own rules need (tests/browser/plurals.test.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";

const { EN, LANGUAGES } = await import(join(ROOT, "www/js/strings.js"));
const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CATEGORIES = /_(zero|one|two|few|many|other)$/;
// The English text a key translates: itself, or for a plural form the phrase's "other".
const english = (key) => EN[key] ?? (CATEGORIES.test(key) ? EN[key.replace(CATEGORIES, "_other")] : undefined);

for (const { code } of LANGUAGES.filter((l) => l.code !== "en")) {
  test(`${code} has every phrase, with the same placeholders as English`, () => {
    const table = JSON.parse(readFileSync(join(ROOT, "www/translations", `${code}.json`), "utf8"));
    // Plural forms are checked per language by plurals.test.mjs.
    assert.deepEqual(Object.keys(EN).filter((k) => !(k in table) && !CATEGORIES.test(k)), [], "phrases missing");
    assert.deepEqual(Object.keys(table).filter((k) => english(k) === undefined), [], "phrases English does not have");
    for (const [key, text] of Object.entries(table)) {
      assert.equal(typeof text, "string", key);
      assert.ok(text.trim().length > 0, `${key} is empty`);
      // A "one" form may leave the count out, as English "Show the hidden service" does.
      const expected = placeholders(english(key)).filter((p) => !(p === "n" && key.endsWith("_one") && !text.includes("{n}")));
      assert.deepEqual(placeholders(text), expected, `${key}: ${text}`);
    }
  });
}

// Every code in the page's vocabulary (www/components/vocabulary.js) has its wording in
// English and in every language, so a code added to the vocabulary (or to the engine's
// table that will replace it) cannot reach a survivor as a raw key.
const vocabulary = await import(join(ROOT, "www/components/vocabulary.js"));
// Each list's wording prefix ("" for codes that are their own key).
const WORDED = {
  kinds: "kind_", needs: "need_", communities: "community_", genders: "gender_", sexes: "", hideReasons: "hidden_by_",
  matchReasons: "match_", nations: "nation_", distanceBands: "", vacancyStatuses: "vacancy_",
};
const vocabularyKeys = Object.entries(WORDED).flatMap(([list, prefix]) =>
  vocabulary[list].map((entry) => `${prefix}${typeof entry === "string" ? entry : entry.code}`),
);

test("every code in the vocabulary has English wording", () => {
  // Numbers, referral routes (worded as whole sentences by the result card), and what
  // only the professional view shows, in English (tests/browser/pro.test.mjs).
  const unworded = ["kmPerMile", "vacancyFreshDays", "referrals", "criterionAnswers", "sorts"];
  assert.deepEqual(Object.keys(vocabulary).filter((list) => !(list in WORDED) && !unworded.includes(list)), [], "a list the test does not know how to word");
  assert.deepEqual(vocabularyKeys.filter((key) => !(key in EN)), []);
});

for (const { code } of LANGUAGES.filter((l) => l.code !== "en")) {
  test(`every code in the vocabulary has wording in ${code}`, () => {
    const table = JSON.parse(readFileSync(join(ROOT, "www/translations", `${code}.json`), "utf8"));
    assert.deepEqual(vocabularyKeys.filter((key) => !(key in table)), []);
  });
}

test("no phrase in any language puts two values side by side, as in 'space for 3 10 days ago'", () => {
  const tables = { en: EN };
  for (const { code } of LANGUAGES.filter((l) => l.code !== "en")) tables[code] = JSON.parse(readFileSync(join(ROOT, "www/translations", `${code}.json`), "utf8"));
  // A date's day, month and year stand together by design.
  const together = Object.entries(tables).flatMap(([code, table]) => Object.entries(table).filter(([key, text]) => !key.startsWith("date_pattern") && /\}\s*\{/.test(text)).map(([key, text]) => `${code} ${key}: ${text}`));
  assert.deepEqual(together, []);
});
