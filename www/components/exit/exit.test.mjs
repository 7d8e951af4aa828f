// "Exit this page": by button, by Shift three times (never by Shift and a letter), from
// inside results, without JavaScript, with the wasm blocked, from inside a frame; Back
// never returns to the page; and it stays on screen, uncovered, at 200% zoom and above
// an on-screen keyboard.
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { setup, loaded } from "../../../tests/browser/harness.mjs";

const NEUTRAL = "https://www.bbc.co.uk/weather";
const env = setup();
const { start } = env;

/** A page whose requests to the neutral site are answered locally (no network here). */
async function page(options = {}, block = null) {
  const { context, page: p } = await env.open(options);
  await context.route("https://www.bbc.co.uk/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><p>Weather</p>" }));
  if (block) await context.route(block, (route) => route.abort());
  return { context, page: p };
}

async function ready(p) {
  await p.goto(env.server.url);
  await p.waitForSelector("#search:not([hidden])");
}

async function expectLeft(p, context) {
  await p.waitForURL(NEUTRAL, { timeout: 5000 });
  assert.equal(p.url(), NEUTRAL);
  await p.goBack().catch(() => {});
  assert.ok(!p.url().startsWith(env.server.url), `Back returned to ${p.url()}`);
  await context.close();
}

test("the exit button leaves at once and Back does not return", async () => {
  const { page: p, context } = await page();
  await ready(p);
  await p.click("#exit");
  await expectLeft(p, context);
});

test("pressing Shift three times exits", async () => {
  const { page: p, context } = await page();
  await ready(p);
  await p.keyboard.press("Shift");
  await p.keyboard.press("Shift");
  await p.keyboard.press("Shift");
  await expectLeft(p, context);
});

test("Shift with letters, as in typing capitals, never exits", async () => {
  const { page: p, context } = await page();
  await ready(p);
  await p.click("#place");
  for (const letter of ["M", "K", "A", "B"]) await p.keyboard.press(`Shift+${letter}`);
  await p.waitForTimeout(300);
  assert.equal(p.url(), env.server.url);
  assert.equal(await p.inputValue("#place"), "MKAB");
  await context.close();
});

test("exit works from inside the results, the content hiding at once", async () => {
  const { page: p, context } = await page();
  await ready(p);
  await p.fill("#place", "Aylesbury");
  await p.check("input[name=need][value=talk]");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li a");
  await p.focus("#results li a");
  // Read the page in the same task as the presses: hidden before any navigation.
  const visibility = await p.evaluate(() => {
    for (let i = 0; i < 3; i++) document.activeElement.dispatchEvent(new KeyboardEvent("keydown", { key: "Shift", bubbles: true }));
    return getComputedStyle(document.body).visibility;
  });
  assert.equal(visibility, "hidden");
  await expectLeft(p, context);
});

test("exit is a real link that works with JavaScript disabled", async () => {
  const { page: p, context } = await page({ javaScriptEnabled: false });
  await p.goto(env.server.url);
  assert.equal(await p.getAttribute("#exit", "href"), NEUTRAL);
  assert.equal(await p.getAttribute("#exit", "target"), "_top");
  await p.click("#exit");
  await p.waitForURL(NEUTRAL);
  await context.close();
});

test("exit still works when the wasm cannot load, and the helplines stay usable", async () => {
  const { page: p, context } = await page({ expectConsole: ["error: Failed to load resource: net::ERR_FAILED"] }, "**/*.wasm");
  await p.goto(env.server.url);
  await p.waitForFunction(() => document.getElementById("loading").textContent.includes("could not load"));
  assert.ok(await p.locator('.helplines a[href="tel:999"]').isVisible());
  await p.keyboard.press("Shift");
  await p.keyboard.press("Shift");
  await p.keyboard.press("Shift");
  await expectLeft(p, context);
});

test("exit from inside an embedding page replaces the whole tab", async () => {
  // The "council" page is another origin served from this machine (Chromium will not
  // let a page with no address frame a loopback one).
  const council = http.createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<title>Council</title><iframe src="${env.server.url}" width="400" height="600" title="Find support"></iframe>`);
  });
  await new Promise((resolve) => council.listen(0, "127.0.0.1", resolve));
  const { page: p, context } = await page();
  await p.goto(`http://localhost:${council.address().port}/domestic-abuse`);
  const frame = await (await p.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector("#search:not([hidden])");
  await frame.click("#exit");
  await p.waitForURL(NEUTRAL);
  await context.close();
  council.close();
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
