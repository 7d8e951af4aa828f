// The place field: an unknown place explained beside it, type-ahead from the keyboard, and
// what Search says while place names are arriving or if they cannot load.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, loaded } from "../../../tests/browser/harness.mjs";

const env = setup();
const { start } = env;

test("a place that does not exist is explained next to the field", async () => {
  const { p, context } = await start();
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  assert.equal(await p.getAttribute("#place", "aria-invalid"), null, "a found place is not marked wrong");
  await p.fill("#place", "Narnia");
  await p.click("button[type=submit]");
  assert.match(await p.locator("#place-error").textContent(), /No postcode or town matches "Narnia"/);
  assert.equal(await p.getAttribute("#place", "aria-invalid"), "true");
  // The error is not read as an answer for Narnia: Bedford's results go with it.
  assert.equal(await p.locator("#results-section").isHidden(), true, "Bedford's results are gone");
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
  assert.match(await p.locator("#summary").textContent(), /Bedford/);
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
  assert.ok(await p.locator('.helplines a[href="tel:08082000247"]').isVisible());
  assert.deepEqual(errors, [], "no uncaught errors");
  await context.close();
});

test("a misspelt town gets 'Did you mean …?' from the device, and taking it searches", async () => {
  const { p, context, problems } = await start();
  await loaded(p);
  const requests = [];
  p.on("request", (r) => requests.push(r.url()));
  for (const [typed, meant] of [["Aylesbry", "Aylesbury"], ["Edinburough", "Edinburgh"], ["Cardif", "Cardiff"], ["Peterbourgh", "Peterborough"], ["Middlesborough", "Middlesbrough"]]) {
    await p.fill("#place", typed);
    await p.click("button[type=submit]");
    await p.waitForSelector("#place-error .suggestion");
    assert.match(await p.locator("#place-error").textContent(), /Did you mean:/);
    assert.equal(await p.locator("#place-error .suggestion").first().textContent(), meant, typed);
  }
  await p.fill("#place", "Aylesbry");
  await p.click("button[type=submit]");
  await p.click("#place-error .suggestion");
  await p.waitForSelector("#results li");
  assert.equal(await p.inputValue("#place"), "Aylesbury");
  assert.match(await p.locator("#summary").textContent(), /Aylesbury/);
  assert.deepEqual(requests, [], "no request for any of it");
  assert.deepEqual(problems, []);
  await context.close();
});

test("suggestions read as people say places, close when a tap or focus leaves, and never take a tap meant for a choice", async () => {
  const { page: p, context } = await env.open({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await p.goto(env.server.url);
  await loaded(p);
  await p.click("#place");
  await p.keyboard.type("Herefor");
  await p.waitForSelector("#place-options:not([hidden])");
  const labels = await p.locator("#place-options li").allTextContents();
  assert.ok(labels.includes("Hereford, Herefordshire"), labels.join(" | "));
  assert.ok(labels.every((l) => !l.includes(", County of")), labels.join(" | "));
  const radio = p.locator("input[name=need][value=talk]");
  await radio.evaluate((el) => el.scrollIntoView({ block: "center" }));
  assert.equal(await p.locator("#place-options").isHidden(), false, "scrolling leaves them open");
  const box = await radio.boundingBox();
  await p.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  assert.equal(await radio.isChecked(), true, "the tap reached the choice");
  assert.equal(await p.locator("#place-options").isHidden(), true, "and the suggestions closed");
  assert.equal(await p.inputValue("#place"), "Herefor", "no suggestion was taken by it");
  await p.click("#place");
  await p.keyboard.type("d");
  await p.keyboard.press("Backspace");
  await p.waitForSelector("#place-options:not([hidden])");
  await p.keyboard.press("Tab");
  assert.equal(await p.locator("#place-options").isHidden(), true, "focus leaving closes them");
  await context.close();
});
