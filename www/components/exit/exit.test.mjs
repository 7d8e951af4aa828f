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
  // Every line the page carries itself: 999, the national helpline and each nation's own.
  await p.locator(".helplines details.more summary").click();
  for (const tel of ["tel:999", "tel:08082000247", "tel:08088010800", "tel:08000271234", "tel:08088021414"]) {
    assert.ok(await p.locator(`.helplines a[href="${tel}"]`).first().isVisible(), `${tel} is still there`);
  }
  await p.keyboard.press("Shift");
  await p.keyboard.press("Shift");
  await p.keyboard.press("Shift");
  await expectLeft(p, context);
});

test("exit from inside an embedding page replaces the whole tab, and Back returns to neither the council's page nor Haven", async () => {
  // The "council" page is another origin served from this machine (Chromium will not
  // let a page with no address frame a loopback one).
  const council = http.createServer((_, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<title>Council</title><iframe src="${env.server.url}" width="400" height="600" title="Find support"></iframe>`);
  });
  await new Promise((resolve) => council.listen(0, "127.0.0.1", resolve));
  const { page: p, context } = await page();
  // A page before the council's, so Back has somewhere to go: after a push it would be
  // the council's page (with Haven in it), after a replace this one.
  await p.goto("about:blank");
  const councilUrl = `http://localhost:${council.address().port}/domestic-abuse`;
  await p.goto(councilUrl);
  const frame = await (await p.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector("#search:not([hidden])");
  await frame.click("#exit");
  await p.waitForURL(NEUTRAL);
  await p.goBack();
  assert.equal(p.url(), "about:blank", "Back skips the council's page and Haven");
  assert.equal(p.frames().length, 1, "no frame of Haven came back");
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

/** Every word and control a person can see, whose box meets the exit's: those not
 * hidden, inside the viewport, and not scrolled under the exit's bar (which is opaque:
 * what passes beneath it is out of sight, not covered by the exit). */
async function coveredByExit(p) {
  return p.evaluate(() => {
    const exit = document.getElementById("exit").getBoundingClientRect();
    const bar = document.querySelector(".bar").getBoundingClientRect();
    const meets = (r) => r.width > 0 && r.height > 0 && r.left < exit.right && r.right > exit.left && r.top < exit.bottom && r.bottom > exit.top;
    const found = [];
    const controls = document.querySelectorAll("a, button, input, select, summary, label, [role=option]");
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT) });
    while (walker.nextNode()) texts.push(walker.currentNode);
    const boxes = [...[...controls].map((el) => [el, el.getBoundingClientRect()]), ...texts.flatMap((t) => {
      const range = document.createRange();
      range.selectNodeContents(t);
      return [...range.getClientRects()].map((r) => [t.parentElement, r]);
    })];
    for (const [el, r] of boxes) {
      if (el.closest("#exit") || !el.checkVisibility?.({ visibilityProperty: true })) continue;
      if (el.closest(".bar") && !el.closest("#exit")) {
        // The brand clips its own text (to an ellipsis): its box is what shows.
        if (meets(el.getBoundingClientRect())) found.push(`${el.tagName} in the bar: ${el.textContent.trim().slice(0, 30)}`);
        continue;
      }
      // What has scrolled beneath the bar is out of sight: only the part below it shows.
      const top = Math.max(r.top, bar.bottom);
      const shown = { left: r.left, right: r.right, top, bottom: r.bottom, width: r.width, height: r.bottom - top };
      if (shown.height > 0 && meets(shown)) found.push(`${el.tagName}: ${el.textContent.trim().slice(0, 30)}`);
    }
    return found;
  });
}

for (const width of [320, 360, 1280]) {
  for (const lang of ["en", "ar"]) {
    test(`at ${width} px${lang === "ar" ? ", right to left," : ""} the exit covers no word or control: at the top, with suggestions open, after an error and after results, scrolled anywhere`, async () => {
      const { p, context, problems } = await start({ width, height: 740 });
      await loaded(p);
      if (lang !== "en") await p.selectOption("#language", lang);
      const everywhere = async (state) => {
        const height = await p.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y < height; y += 200) {
          await p.evaluate((top) => window.scrollTo(0, top), y);
          assert.deepEqual(await coveredByExit(p), [], `${state}, scrolled to ${y}`);
        }
        await p.evaluate(() => window.scrollTo(0, 0));
      };
      await everywhere("at the top");
      await p.click("#place");
      await p.keyboard.type("Bed");
      await p.waitForSelector("#place-options:not([hidden])");
      assert.deepEqual(await coveredByExit(p), [], "with suggestions open");
      await p.keyboard.press("Escape");
      await p.fill("#place", "zzzz");
      await p.click("button[type=submit]");
      await p.waitForSelector("#place-error:not(:empty)");
      await everywhere("after an error");
      await p.fill("#place", "Bedford");
      await p.click("button[type=submit]");
      await p.waitForSelector("#results li");
      await everywhere("after results");
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test("the professional view leaves the same way: Shift three times, and Back does not return", async () => {
  const { page: p, context } = await page();
  await p.goto(`${env.server.url}pro/`);
  await p.waitForSelector("#search:not([hidden])");
  await p.fill("#place", "Bedford");
  await p.keyboard.press("Shift");
  await p.keyboard.press("Shift");
  await p.keyboard.press("Shift");
  await expectLeft(p, context);
});
