// WCAG 2.2 AA: axe finds no A or AA violation in any state of every page (the finder's
// states and the safety page), at 320 px and 1280 px wide, and nothing scrolls sideways
// at 320 px (reflow).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { setup, loaded } from "./harness.mjs";

const require = createRequire(new URL("../../tools/package.json", import.meta.url));
const { AxeBuilder } = require("@axe-core/playwright");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const env = setup();

const STATES = {
  "the start": async () => {},
  "suggestions open": async (p) => {
    await p.fill("#place", "Ayl");
    await p.waitForSelector("#place-options:not([hidden])");
  },
  "all options open": async (p) => {
    await p.click("#about summary");
    await p.click("#avoid summary");
    await p.click("#add-child");
  },
  "a place not found": async (p) => {
    await p.fill("#place", "Narnia");
    await p.click("button[type=submit]");
    await p.waitForSelector("#place-error:not(:empty)");
  },
  "results": async (p) => {
    await p.fill("#place", "Bexleyheath");
    await p.click("#about summary");
    await p.selectOption("#gender", "woman");
    await p.click("#add-child");
    await p.selectOption(".children li .age", "13");
    await p.click("button[type=submit]");
    await p.waitForSelector("#results li");
  },
  "results in Arabic, right to left": async (p) => {
    await p.selectOption("#language", "ar");
    await p.fill("#place", "Bedford");
    await p.click("button[type=submit]");
    await p.waitForSelector("#results li");
  },
  "Easy Read": async (p) => {
    await p.check("#easy-read");
  },
  "the safety advice open, in Farsi": async (p) => {
    await p.selectOption("#language", "fa");
    await p.click("#safety-online summary");
  },
  "Easy Read results": async (p) => {
    await p.check("#easy-read");
    await p.fill("#place", "Bedford");
    await p.click("button[type=submit]");
    await p.waitForSelector("#results li");
  },
};

async function check(p, width) {
  const { violations } = await new AxeBuilder({ page: p }).withTags(TAGS).analyze();
  const report = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
  assert.deepEqual(report, []);
  if (width === 320) {
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 320 px`);
  }
}

// Pages other than the finder's states: each opened as it is.
const PAGES = {
  "the safety page": { path: "safety.html" },
};

for (const width of [320, 1280]) {
  for (const [name, { path, ...options }] of Object.entries(PAGES)) {
    test(`no WCAG 2.2 A or AA violation at ${width} px: ${name}`, async () => {
      const { page: p } = await env.open({ viewport: { width, height: 800 }, ...options });
      await p.goto(`${env.server.url}${path}`);
      await check(p, width);
    });
  }
  for (const [name, reach] of Object.entries(STATES)) {
    test(`no WCAG 2.2 A or AA violation at ${width} px: ${name}`, async () => {
      const { page: p, context } = await env.open({ viewport: { width, height: 800 } });
      await p.goto(env.server.url);
      await p.waitForSelector("#search:not([hidden])");
      await loaded(p);
      await reach(p);
      await check(p, width);
      await context.close();
    });
  }
}
