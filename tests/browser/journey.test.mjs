// The whole journey as a survivor or a housing officer makes it: from a postcode with
// tap-to-call buttons, by keyboard alone, and the safety advice in the chosen language.
// Each component's own behaviour is tested in its folder (www/components/<name>/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, loaded } from "./harness.mjs";

const env = setup();
const { start } = env;

test("from a postcode: someone to talk to near them, with tap-to-call buttons", async () => {
  const { p, context, problems } = await start();
  await p.fill("#place", "hp20 1");
  await p.check("input[name=need][value=talk]");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const names = await p.locator("#results h3").allTextContents();
  assert.ok(names.includes("Aylesbury Women's Aid"), names.join(", "));
  assert.match(await p.locator("#summary").textContent(), /^\d+ services? within \d+ miles of HP20 1(, or by phone or online)?\./);
  assert.ok(await p.locator('#results a[href="tel:01296436827"]').count());
  assert.ok(await p.locator('.helplines a[href="tel:08082000247"]').isVisible());
  assert.equal(await p.evaluate(() => document.activeElement.id), "results-title", "focus moves to the results");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the whole search can be made with the keyboard alone, exit first in the tab order", async () => {
  const { p, context, problems } = await start();
  await loaded(p);
  const focused = () => p.evaluate(() => document.activeElement.id || document.activeElement.getAttribute("href") || document.activeElement.tagName);
  await p.keyboard.press("Tab");
  assert.equal(await focused(), "exit", "the first Tab reaches Exit this page");
  for (let i = 0; i < 20 && (await focused()) !== "place"; i++) await p.keyboard.press("Tab");
  assert.equal(await focused(), "place");
  await p.keyboard.type("Aylesbury");
  await p.keyboard.press("Escape");
  await p.keyboard.press("Tab");
  assert.equal(await p.evaluate(() => document.activeElement.value), "stay", "Tab moves to the chosen need");
  await p.keyboard.press("ArrowDown");
  await p.keyboard.press("ArrowDown");
  assert.equal(await p.evaluate(() => document.querySelector("input[name=need]:checked").value), "talk");
  for (let i = 0; i < 5 && (await p.evaluate(() => document.activeElement.type)) !== "submit"; i++) await p.keyboard.press("Tab");
  await p.keyboard.press("Enter");
  await p.waitForSelector("#results li");
  assert.equal(await focused(), "results-title", "focus moves to the results");
  await p.keyboard.press("Tab");
  assert.match(await focused(), /^(tel:|sms:|https:)/, "the next Tab reaches the first result's contact");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the safety advice is on the page in the chosen language, without leaving it", async () => {
  const { p, context, problems } = await start();
  await loaded(p);
  const url = p.url();
  await p.selectOption("#language", "pl");
  await p.click("#safety-online summary");
  const advice = await p.locator("#safety-online").innerText();
  assert.ok(advice.includes("999") && advice.includes("55"), advice);
  assert.ok(!advice.includes("private or incognito window"), "the advice is in Polish, not English");
  assert.ok(await p.locator('#safety-online a[href="safety.html"]').count(), "the English page is still linked");
  assert.equal(p.url(), url);
  assert.deepEqual(problems, []);
  await context.close();
});
