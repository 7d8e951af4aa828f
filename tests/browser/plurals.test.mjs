// Counts read right in every language: each counted phrase has a form for every plural
// category the language's rules use (Intl.PluralRules: Arabic and Welsh six, Polish four),
// and the page's wording picks the right one for 0, 1, 2, 3, 5, 11, 22 and 100.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";

const { EN, LANGUAGES } = await import(join(ROOT, "www/js/strings.js"));
const { createWording } = await import(join(ROOT, "www/components/wording/wording.js"));
const COUNTS = [0, 1, 2, 3, 5, 11, 22, 100];
// Every counted phrase: English writes it as <phrase>_one and <phrase>_other.
const counted = Object.keys(EN).filter((k) => k.endsWith("_other")).map((k) => k.slice(0, -"_other".length));
const tables = Object.fromEntries(LANGUAGES.filter((l) => l.code !== "en").map(({ code }) => [code, JSON.parse(readFileSync(join(ROOT, "www/translations", `${code}.json`), "utf8"))]));

test("the page has counted phrases to check", () => {
  assert.ok(counted.includes("found_within") && counted.includes("show_hidden"), counted.join(", "));
});

for (const { code } of LANGUAGES) {
  const table = code === "en" ? EN : tables[code];
  const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
  test(`${code} has every plural form its language needs (${categories.join(", ")})`, () => {
    const missing = counted.flatMap((phrase) => categories.filter((c) => !(`${phrase}_${c}` in table)).map((c) => `${phrase}_${c}`));
    assert.deepEqual(missing, []);
  });

  test(`${code} words each count with the form its rules choose`, () => {
    const wording = createWording(EN, LANGUAGES);
    wording.addTranslations(tables);
    wording.choose(code);
    const rules = new Intl.PluralRules(code);
    for (const phrase of counted) {
      for (const n of COUNTS) {
        const text = wording.t(phrase, { n, distance: "15", place: "Cardiff" });
        const form = table[`${phrase}_${rules.select(n)}`];
        assert.ok(form, `${phrase}_${rules.select(n)}`);
        assert.equal(text, form.replaceAll("{n}", new Intl.NumberFormat(code === "en" ? "en-GB" : code).format(n)).replaceAll("{distance}", "15").replaceAll("{place}", "Cardiff"));
        assert.doesNotMatch(text, /\{\w+\}/, `${code} ${phrase} ${n}: ${text}`);
      }
    }
  });
}
