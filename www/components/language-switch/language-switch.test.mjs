// The language and Easy Read switch: every language renders, right to left where due,
// without reloading; Easy Read adds pictures and shorter words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setup, loaded, ROOT } from "../../../tests/browser/harness.mjs";

const { EN } = await import(join(ROOT, "www/js/strings.js"));
const env = setup();
/** The words a language's file gives a key (English's own for en). */
const wordsOf = (code, key) => (code === "en" ? EN : JSON.parse(readFileSync(join(ROOT, "www/translations", `${code}.json`), "utf8")))[key];
const { start } = env;

for (const [code, rtl] of [["en", false], ["cy", false], ["pl", false], ["ur", true], ["pa", false], ["bn", false], ["ar", true], ["fa", true], ["sq", false], ["ro", false]]) {
  test(`the page renders in ${code}${rtl ? ", right to left" : ""}, without reloading`, async () => {
    const { p, context, problems } = await start();
    await loaded(p);
    const url = p.url();
    await p.selectOption("#language", code);
    assert.equal(await p.getAttribute("html", "lang"), code);
    assert.equal(await p.getAttribute("html", "dir"), rtl ? "rtl" : "ltr");
    // Each says what the language's own file says, not a raw key nor another language.
    for (const [selector, key] of [["#exit", "exit"], ["button[type=submit]", "search"], ["h1", "title"], ["#place-label, label[for=place]", "place_label"]]) {
      const shown = (await p.locator(selector).first().textContent()).trim();
      const expected = wordsOf(code, key);
      assert.ok(typeof expected === "string", `${code} gives ${key}`);
      assert.equal(shown, expected.trim(), `${selector} in ${code}`);
      if (code !== "en") assert.notEqual(shown, EN[key], `${selector} is not left in English`);
    }
    const box = await p.locator("#exit").boundingBox();
    assert.ok(box && box.y === 0, "exit stays at the top");
    assert.equal(p.url(), url, "no reload and nothing in the URL");
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("Easy Read puts a picture beside each choice and result, and uses shorter words", async () => {
  const { p, context, problems } = await start();
  const picture = (selector) => p.locator(selector).first().evaluate((node) => getComputedStyle(node, "::before").backgroundImage);
  assert.equal(await picture('[data-i18n="need_stay"]'), "none", "no pictures until asked for");
  await p.check("#easy-read");
  assert.equal(await p.locator("h1").textContent(), "Find help");
  assert.equal(await p.locator('[data-i18n="need_stay"]').textContent(), "Somewhere safe to live");
  for (const selector of ['[data-i18n="need_stay"]', '[data-i18n="need_legal"]', "button[type=submit]", "#helplines-title", "a.call"]) {
    assert.match(await picture(selector), /^url\("data:image\/svg\+xml/, `${selector} has a picture`);
  }
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  assert.match(await picture("#results .kind"), /^url\("data:image\/svg\+xml/, "each result's kind has a picture");
  assert.deepEqual(problems, []);
  await context.close();
});

test("switching language rewords everything on screen, errors and counts included", async () => {
  const { p, context, problems } = await start();
  await loaded(p);
  await p.fill("#place", "zzzz");
  await p.click("button[type=submit]");
  await p.waitForSelector("#place-error:not(:empty)");
  const english = await p.locator("#place-error").textContent();
  await p.selectOption("#language", "ar");
  const arabic = await p.locator("#place-error").textContent();
  assert.notEqual(arabic, english, "the error is reworded");
  assert.ok(arabic.includes("zzzz"));
  await p.selectOption("#language", "pl");
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const polish = await p.locator("#summary").textContent();
  await p.selectOption("#language", "en");
  const back = await p.locator("#summary").textContent();
  assert.notEqual(back, polish);
  assert.match(back, /^\d+ services/, "the count is in English again");
  assert.match(await p.locator("#results .kind").first().textContent(), /^[A-Z][a-z]/, "and so are the cards");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Staying safe online says, in every language, that sites opened from here stay in the browser's history", async () => {
  const { p, context, problems } = await start();
  await loaded(p);
  const seen = new Set();
  for (const code of ["en", "cy", "pl", "ur", "pa", "bn", "ar", "fa", "sq", "ro"]) {
    await p.selectOption("#language", code);
    const text = await p.locator('[data-i18n="safety_visited"]').textContent();
    assert.ok(text.trim().length > 20, code);
    seen.add(text);
  }
  assert.equal(seen.size, 10, "each language has its own words");
  assert.deepEqual(problems, []);
  await context.close();
});
