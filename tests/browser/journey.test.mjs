// The whole journey as a survivor or a housing officer makes it: from a postcode and
// from a town, with filters, an area to avoid and the explanation of what was hidden;
// and every language renders, right to left where due.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, loaded } from "./harness.mjs";

const env = setup();

async function start(viewport = { width: 360, height: 780 }) {
  const context = await env.chromium.newContext({ viewport });
  const p = await context.newPage();
  const problems = [];
  p.on("console", (m) => problems.push(`${m.type()}: ${m.text()}`));
  p.on("pageerror", (e) => problems.push(String(e)));
  await p.goto(env.server.url);
  await p.waitForSelector("#search:not([hidden])");
  return { p, context, problems };
}

test("from a postcode: someone to talk to near them, with tap-to-call buttons", async () => {
  const { p, context, problems } = await start();
  await p.fill("#place", "hp20 1");
  await p.check("input[name=need][value=talk]");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const names = await p.locator("#results h3").allTextContents();
  assert.ok(names.includes("Aylesbury Women's Aid"), names.join(", "));
  assert.match(await p.locator("#summary").textContent(), /near HP20 1, Buckinghamshire/);
  assert.ok(await p.locator('#results a[href="tel:01296436827"]').count());
  assert.ok(await p.locator('.helplines a[href="tel:08082000247"]').isVisible());
  assert.equal(await p.evaluate(() => document.activeElement.id), "results-title", "focus moves to the results");
  assert.deepEqual(problems, []);
  await context.close();
});

test("before a search every nation's own helpline is on screen; after one, the searched nation's", async () => {
  const { p, context, problems } = await start();
  await loaded(p);
  const helplines = () => p.locator(".helplines a.call").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const before = await helplines();
  for (const number of ["tel:999", "tel:08082000247", "tel:08088010800", "tel:08000271234", "tel:08088021414"]) {
    assert.ok(before.includes(number), `${number} before a search: ${before}`);
  }
  assert.match(await p.getAttribute('a[href="tel:08088010800"]', "aria-label"), /^Wales 0808 80 10 800, Live Fear Free Helpline$/);
  await p.fill("#place", "Cardiff");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const after = await helplines();
  assert.ok(after.includes("tel:08088010800"), `Wales' helpline stays: ${after}`);
  assert.ok(!after.includes("tel:08000271234") && !after.includes("tel:08088021414"), `other nations' go: ${after}`);
  assert.ok(after.includes("tel:999") && after.includes("tel:08082000247"), "999 and the national helpline stay");
  assert.deepEqual(problems, []);
  await context.close();
});

test("from a town, a mother with a boy of 13 learns which refuges are hidden and why", async () => {
  const { p, context, problems } = await start();
  await p.fill("#place", "Bexleyheath");
  await p.click("#about summary");
  await p.selectOption("#gender", "woman");
  await p.click("#add-child");
  await p.selectOption(".children li .age", "13");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  assert.match(await p.locator("#hidden-note").textContent(), /1 does not take boys as old as yours/);
  const refuge = p.locator("#results li", { hasText: "Bexley refuge (Solace)" });
  assert.match(await refuge.textContent(), /Address kept private\. In Bexley\./);
  assert.doesNotMatch(await refuge.textContent(), /\d+\.\d miles away/, "a confidential service shows no distance figure");
  assert.deepEqual(problems, []);
  await context.close();
});

test("avoiding a town hides the refuge placed in it, and says so", async () => {
  const { p, context } = await start();
  await p.fill("#place", "Luton");
  await p.click("#avoid summary");
  await p.fill("#avoid-place", "Bedford");
  await p.selectOption("#avoid-miles", "5");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const names = await p.locator("#results h3").allTextContents();
  assert.ok(!names.some((n) => n.includes("South Asian women's refuge")), names.join(", "));
  assert.match(await p.locator("#hidden-note").textContent(), /in or near the area you are avoiding/);
  await context.close();
});

test("a needs filter narrows the results and says what it hid", async () => {
  const { p, context } = await start();
  await p.fill("#place", "Bedford");
  await p.click("#about summary");
  await p.check("input[name=needs][value=wheelchair]");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  assert.match(await p.locator("#hidden-note").textContent(), /not confirmed wheelchair accessible/);
  await context.close();
});

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

for (const [code, rtl] of [["en", false], ["cy", false], ["pl", false], ["ur", true], ["pa", false], ["bn", false], ["ar", true], ["fa", true], ["sq", false], ["ro", false]]) {
  test(`the page renders in ${code}${rtl ? ", right to left" : ""}, without reloading`, async () => {
    const { p, context, problems } = await start();
    await loaded(p);
    const url = p.url();
    await p.selectOption("#language", code);
    assert.equal(await p.getAttribute("html", "lang"), code);
    assert.equal(await p.getAttribute("html", "dir"), rtl ? "rtl" : "ltr");
    const exit = await p.locator("#exit").textContent();
    const search = await p.locator("button[type=submit]").textContent();
    if (code !== "en") {
      assert.notEqual(exit, "Exit this page", "the exit control is translated");
      assert.notEqual(search, "Search");
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

test("exit stays on screen at 200% zoom and while scrolled through results", async () => {
  const { p, context } = await start({ width: 180, height: 390 });
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const box = await p.locator("#exit").boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 390, `exit is at ${JSON.stringify(box)}`);
  const onTop = await p.evaluate(() => {
    const r = document.getElementById("exit").getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest("#exit") !== null;
  });
  assert.ok(onTop, "nothing covers the exit control");
  await context.close();
});

test("exit stays on screen and uncovered with the on-screen keyboard open and suggestions showing", async () => {
  // A phone keyboard leaves about 330 px of a 780 px screen; Chromium shrinks the
  // viewport to what is left, as this one does.
  const { p, context } = await start({ width: 360, height: 330 });
  await loaded(p);
  await p.click("#place");
  await p.keyboard.type("Bed");
  await p.waitForSelector("#place-options:not([hidden])");
  const state = await p.evaluate(() => {
    const r = document.getElementById("exit").getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { top: r.top, bottom: r.bottom, uncovered: top?.closest("#exit") !== null, scrolled: window.scrollY };
  });
  assert.ok(state.scrolled > 0, "the field scrolled into view, as it does above a keyboard");
  assert.ok(state.top >= 0 && state.bottom <= 330, `exit is at ${JSON.stringify(state)}`);
  assert.ok(state.uncovered, "nothing covers the exit control");
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

test("a search made while place names are still arriving says so, then shows results", async () => {
  const context = await env.chromium.newContext({ viewport: { width: 360, height: 780 } });
  const p = await context.newPage();
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
  const context = await env.chromium.newContext({ viewport: { width: 360, height: 780 } });
  const p = await context.newPage();
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
