// The file the page downloads says everything each language's own file says: whatever
// the pack leaves out, wording.t() finds the same words, for every key, in plain words and
// in Easy Read, for every count.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../tests/browser/harness.mjs";
import { packTranslations, unpackTranslations } from "./translations-file.js";
import { createWording } from "./wording.js";

const { EN, LANGUAGES } = await import(join(ROOT, "www/js/strings.js"));
const others = LANGUAGES.filter((l) => l.code !== "en");
const tables = Object.fromEntries(others.map(({ code }) => [code, JSON.parse(readFileSync(join(ROOT, "www/translations", `${code}.json`), "utf8"))]));
const COUNTS = [0, 1, 2, 3, 5, 11, 22, 100];

function wordingWith(translations, code, easyRead) {
  const wording = createWording(EN, LANGUAGES);
  wording.addTranslations(translations);
  wording.choose(code, easyRead);
  return wording;
}

test("every language reads the same from the downloaded file as from its own file, plain and Easy Read", () => {
  const shipped = unpackTranslations(packTranslations(tables, LANGUAGES));
  assert.deepEqual(Object.keys(shipped).sort(), Object.keys(tables).sort());
  const phrases = [...new Set(Object.values(tables).flatMap(Object.keys).map((k) => k.replace(/^easy_/, "").replace(/_(zero|one|two|few|many|other)$/, "")))];
  for (const { code } of others) {
    for (const easyRead of [false, true]) {
      const own = wordingWith(tables, code, easyRead);
      const fromFile = wordingWith(shipped, code, easyRead);
      for (const phrase of phrases) {
        for (const values of [{}, ...COUNTS.map((n) => ({ n }))]) {
          assert.equal(fromFile.t(phrase, values), own.t(phrase, values), `${code}${easyRead ? " Easy Read" : ""}: ${phrase} ${JSON.stringify(values)}`);
        }
      }
    }
  }
});

test("the downloaded file is smaller than the languages' own files together", () => {
  const packed = Buffer.byteLength(packTranslations(tables, LANGUAGES));
  const own = Buffer.byteLength(JSON.stringify(tables));
  assert.ok(packed < own, `${packed} bytes packed, ${own} as JSON`);
});

test("a text on two lines is refused, naming the language and key", () => {
  assert.throws(() => packTranslations({ cy: { brand: "Dod o hyd\ni gymorth" } }, LANGUAGES), /translations\/cy\.json: "brand" must be text on one line/);
});

test("a file cut short is refused, saying how many lines were expected and found", () => {
  const text = packTranslations({ cy: { brand: "Dod o hyd i gymorth", search: "Chwilio" } }, LANGUAGES);
  assert.deepEqual(unpackTranslations(text), { cy: { brand: "Dod o hyd i gymorth", search: "Chwilio" } });
  assert.throws(() => unpackTranslations(text.split("\n").slice(0, -1).join("\n")), /expected 1 languages of 2 keys \(6 lines\), found 5 lines/);
  assert.throws(() => unpackTranslations("<html>"), /expected the number of keys on line 2, found "nothing"/);
});
