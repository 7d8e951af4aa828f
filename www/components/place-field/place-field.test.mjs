// The place field: an unknown place explained beside it, type-ahead from the keyboard, and
// what Search says while place names are arriving or if they cannot load.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, loaded } from "../../../tests/browser/harness.mjs";

const env = setup();
const { start } = env;

test("a place that does not exist is explained next to the field", async () => {
  const { p, context } = await start();
  await p.fill("#place", "Narnia");
  await p.click("button[type=submit]");
  assert.match(await p.locator("#place-error").textContent(), /No postcode or town matches "Narnia"/);
  assert.equal(await p.getAttribute("#place", "aria-invalid"), "true");
  assert.equal(await p.locator("#results-section").isHidden(), true);
  await context.close();
});

test("type-ahead suggests places and can be used from the keyboard", async () => {
  const { p, context } = await start();
  await loaded(p);
  await p.click("#place");
  await p.keyboard.type("Aylesb");
  await p.waitForSelector("#place-options:not([hidden])");
  assert.equal(await p.getAttribute("#place", "aria-expanded"), "true");
  await p.keyboard.press("ArrowDown");
  await p.keyboard.press("Enter");
  assert.equal(await p.inputValue("#place"), "Aylesbury");
  await context.close();
});

test("a search made while place names are still arriving says so, then shows results", async () => {
  const { page: p, context } = await env.open({ viewport: { width: 360, height: 780 } });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await p.route("**/data/gazetteer.bin", async (route) => {
    await held;
    await route.continue();
  });
  await p.goto(env.server.url);
  await p.waitForSelector("#search:not([hidden])");
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForFunction(() => document.getElementById("summary").textContent.startsWith("Loading"));
  release();
  await p.waitForSelector("#results li");
  assert.match(await p.locator("#summary").textContent(), /near Bedford/);
  await context.close();
});

test("if place names cannot load, Search says so and the helplines stay", async () => {
  const { page: p, context } = await env.open({ viewport: { width: 360, height: 780 }, expectConsole: ["error: Failed to load resource: net::ERR_FAILED"] });
  const errors = [];
  p.on("pageerror", (e) => errors.push(String(e)));
  await p.route("**/data/gazetteer.bin", (route) => route.abort());
  await p.goto(env.server.url);
  await p.waitForSelector("#search:not([hidden])");
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForFunction(() => document.getElementById("place-error").textContent.includes("could not load"));
  assert.equal(await p.locator("#results-section").isHidden(), true);
  assert.ok(await p.locator('.helplines a[href="tel:08082000247"]').isVisible());
  assert.deepEqual(errors, [], "no uncaught errors");
  await context.close();
});
