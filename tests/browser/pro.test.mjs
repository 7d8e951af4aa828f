// The professional view as a housing officer uses it: a household placed far from two
// places to avoid, each result's criteria row, the shortlist printed and downloaded, the
// opt-in offline copy (and that it never reaches the survivor page), accessibility, and
// the same requests whatever is searched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { setup, loaded, requestsOf, ROOT } from "./harness.mjs";

const require = createRequire(new URL("../../tools/package.json", import.meta.url));
const { AxeBuilder } = require("@axe-core/playwright");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

const env = setup();

async function openPro(viewport = { width: 1280, height: 900 }, options = {}) {
  const opened = await env.open({ viewport, ...options });
  await opened.page.goto(`${env.server.url}pro/`);
  await opened.page.waitForSelector("#search:not([hidden])");
  await loaded(opened.page);
  return opened;
}

/** A mother with a son of 13 who uses a wheelchair, anywhere at least 50 miles from
 * Bedford and Luton, with the services that fail a need listed too. */
async function placeFarAway(p) {
  await p.click("#add-child");
  await p.selectOption("#children li:last-child .age", "13");
  await p.check("input[name=needs][value=wheelchair]");
  await p.fill("#avoid-zones li:nth-child(1) .avoid-place", "Bedford");
  await p.click("#add-avoid");
  await p.fill("#avoid-zones li:nth-child(2) .avoid-place", "Luton");
  await p.check("input[name=where][value=anywhere]");
  await p.selectOption("#min-miles", "50");
  await p.check("#include-failing");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li.card");
}

const cards = (p) =>
  p.$$eval("#results > li.card", (lis) =>
    lis.map((li) => ({
      name: li.querySelector("h3").textContent,
      where: li.querySelector(".where").textContent,
      greyed: li.classList.contains("hidden-card"),
      criteria: Object.fromEntries([...li.querySelectorAll(".criterion")].map((c) => [c.textContent.replace(/^. /, "").split(": ")[0], c.className.replace("criterion criterion-", "")])),
    })),
  );

test("a household placed at least 50 miles from two places to avoid gets nothing near either", async () => {
  const { page: p } = await openPro();
  await placeFarAway(p);
  const summary = await p.textContent("#summary");
  assert.match(summary, /at least 50 miles from every place to avoid/);
  assert.match(summary, /near a place to avoid are not listed/);
  const found = await cards(p);
  assert.ok(found.length > 0);
  for (const card of found) {
    assert.doesNotMatch(card.where, /Bedford|Luton|Central Bedfordshire|Milton Keynes/, `${card.name} is near a place to avoid`);
    assert.doesNotMatch(card.where, /Under 5 miles/);
  }
  // The map draws both places to avoid and numbers each result as the list does.
  assert.equal(await p.locator("#map .uk-map-avoid").count(), 2);
  assert.match(await p.getAttribute("#map svg", "aria-label"), /2 places to avoid/);
  // The community services are those for someone living in Bedford (the first place
  // to avoid), listed apart.
  assert.match(await p.textContent("#community-summary"), /Bedford/);
  assert.ok((await p.locator("#community-results > li.card").count()) > 0);
});

test("the criteria row says, for this household, what a service meets, fails and does not say", async () => {
  const { page: p } = await openPro();
  await placeFarAway(p);
  const found = await cards(p);
  // Takes wheelchairs but boys only up to 12; takes boys of 13 but not wheelchairs; and
  // a refuge whose source says neither.
  const womens = found.find((c) => c.name === "Example: Women's refuge");
  const mixed = found.find((c) => c.name === "Example: Refuge for men and women");
  const silent = found.find((c) => c.name.startsWith("West Mercia Women's Aid refuge"));
  assert.ok(womens && mixed && silent, found.map((c) => c.name).join(", "));
  assert.equal(womens.criteria["Wheelchair access"], "meets");
  assert.equal(womens.criteria["Boys' ages"], "fails");
  assert.equal(mixed.criteria["Wheelchair access"], "fails");
  assert.equal(mixed.criteria["Boys' ages"], "meets");
  assert.ok(womens.greyed && mixed.greyed, "a service that fails a need is greyed");
  const text = (name) => p.locator("#results > li.card", { hasText: name }).first().textContent();
  assert.match(await text("Example: Women's refuge"), /Does not meet: Boys' ages/);
  assert.match(await text("Example: Refuge for men and women"), /Does not meet: Wheelchair access/);
  assert.equal(silent.criteria["Wheelchair access"], "unknown");
  assert.equal(silent.criteria["Boys' ages"], "unknown");
  assert.equal(silent.greyed, false, "not knowing does not grey a service");
  assert.ok(found.indexOf(womens) > found.indexOf(silent), "failing services come last");
  // Unknown is never shown as a match, in words as well as in the symbol.
  assert.match(await p.locator("#results > li.card", { hasText: "West Mercia Women's Aid refuge" }).first().locator(".criterion-unknown").first().textContent(), /not stated, ask/);
});

test("the CSV download holds one row per shortlisted service, the criteria as columns", async () => {
  const { page: p } = await openPro();
  await placeFarAway(p);
  const buttons = p.locator("#results .shortlist-toggle");
  await buttons.nth(0).click();
  await buttons.nth(1).click();
  const shortlisted = await p.$$eval(".shortlist ol > li h3", (hs) => hs.map((h) => h.textContent));
  assert.equal(shortlisted.length, 2);
  const [download] = await Promise.all([p.waitForEvent("download"), p.click(".shortlist .csv")]);
  assert.equal(download.suggestedFilename(), "haven-shortlist.csv");
  const text = readFileSync(await download.path(), "utf8");
  const lines = text.split("\r\n").filter(Boolean);
  assert.equal(lines.length, 3, text);
  const header = lines[0].split(",");
  for (const column of ["Service", "Adults' gender", "Takes children", "Boys' ages", "Household size", "Wheelchair access", "Source", "Checked on"]) {
    assert.ok(header.includes(column), `${column} in ${header}`);
  }
  const names = lines.slice(1).map((l) => (l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(",")[0]));
  assert.deepEqual(names, shortlisted);
});

test("printed on A4, only the shortlist shows, with the notice that refuge details are confidential", async () => {
  const { page: p } = await openPro();
  await placeFarAway(p);
  await p.locator("#results .shortlist-toggle").first().click();
  await p.emulateMedia({ media: "print" });
  await p.setViewportSize({ width: 794, height: 1123 });
  assert.equal(await p.isVisible("#search"), false, "the form is not printed");
  assert.equal(await p.isVisible("#results-section"), false, "the results are not printed");
  assert.equal(await p.isVisible(".helplines"), false);
  assert.equal(await p.isVisible(".shortlist .csv"), false, "nor are the buttons");
  assert.match(await p.textContent(".shortlist .confidential"), /Confidential: refuge locations and details must not be shared/);
  assert.ok(await p.isVisible(".shortlist .confidential"));
  const width = await p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 794, `the printout is ${width} px wide, wider than A4`);
  await p.screenshot({ path: `${process.env.SHOTS ?? "/tmp"}/pro-print-a4.png` });
});

test("kept for offline use, the view answers a search with the network cut; removed, it leaves nothing", async () => {
  const { page: p, context } = await openPro();
  await p.click(".offline .keep");
  await p.waitForFunction(() => document.querySelector(".offline [role=status]").textContent.startsWith("Kept on this device"));
  await context.setOffline(true);
  await p.reload();
  await p.waitForSelector("#search:not([hidden])");
  await p.fill("#place", "Hereford");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li.card");
  assert.match(await p.textContent("#summary"), /Hereford/);
  await context.setOffline(false);
  await p.click(".offline .remove");
  await p.waitForFunction(() => document.querySelector(".offline [role=status]").textContent.startsWith("Removed"));
  const left = await p.evaluate(async () => ({ workers: (await navigator.serviceWorker.getRegistrations()).length, caches: await caches.keys() }));
  assert.deepEqual(left, { workers: 0, caches: [] });
});

test("the survivor page is never controlled by a service worker and stores nothing, even after the view was kept offline", async () => {
  const { page: pro, context } = await openPro();
  await pro.click(".offline .keep");
  await pro.waitForFunction(() => document.querySelector(".offline [role=status]").textContent.startsWith("Kept on this device"));
  const cachedBefore = await pro.evaluate(async () => (await (await caches.open("haven-pro-v1")).keys()).map((r) => r.url));
  const p = await context.newPage();
  await p.goto(env.server.url);
  await loaded(p);
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const state = await p.evaluate(async () => ({
    controlled: navigator.serviceWorker.controller !== null,
    registration: (await navigator.serviceWorker.getRegistration("/")) !== undefined,
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    databases: (await indexedDB.databases()).length,
    cached: (await (await caches.open("haven-pro-v1")).keys()).map((r) => r.url),
  }));
  assert.deepEqual({ ...state, cached: undefined }, { controlled: false, registration: false, local: 0, session: 0, cookie: "", databases: 0, cached: undefined });
  assert.deepEqual(state.cached, cachedBefore, "the survivor page added nothing to the offline copy");
  assert.ok(!state.cached.some((url) => url === env.server.url || url.includes("/js/app.js")), "nor is it in it");
  await pro.click(".offline .remove");
  await pro.waitForFunction(() => document.querySelector(".offline [role=status]").textContent.startsWith("Removed"));
});

test("the survivor page's script never mentions service workers or caches", () => {
  const bundle = readFileSync(new URL("../../dist/js/app.js", import.meta.url), "utf8");
  assert.doesNotMatch(bundle, /serviceWorker|caches\./);
});

test("the view's requests are the same whatever is searched, all to this origin", async () => {
  const run = async (search) => {
    const { page: p, log } = await openPro();
    await search(p);
    return log.requests.map((u) => u.replace(env.server.url, "/"));
  };
  const far = await run(placeFarAway);
  const near = await run(async (p) => {
    await p.fill("#place", "Cardiff");
    await p.click("button[type=submit]");
    await p.waitForSelector("#results li.card");
  });
  assert.deepEqual(far, requestsOf("pro/index.html"));
  assert.deepEqual(near, far);
});

for (const width of [320, 1280]) {
  test(`no WCAG 2.2 A or AA violation on the professional view at ${width} px, before and after a search`, async () => {
    const { page: p } = await openPro({ width, height: 800 });
    const check = async () => {
      const { violations } = await new AxeBuilder({ page: p }).withTags(TAGS).analyze();
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`), []);
      if (width === 320) {
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `the view scrolls sideways by ${overflow} px`);
      }
    };
    await check();
    await placeFarAway(p);
    await p.locator("#results .shortlist-toggle").first().click();
    await check();
  });
}

test("the day's vacancy updates replace the directory's own on both pages, and without them the directory's stand", async () => {
  const vacancyOf = async (p, name) => p.locator("li.card", { hasText: name }).first().locator(".vacancy").textContent();
  const { page: survivor } = await env.open({ url: env.server.url, viewport: { width: 360, height: 740 } });
  await loaded(survivor);
  await survivor.fill("#place", "Weston-super-Mare");
  await survivor.click("button[type=submit]");
  await survivor.waitForSelector("#results li");
  // The directory says full (18 November); the update says space for 1 (30 November).
  const updated = await vacancyOf(survivor, "Example: Women's refuge");
  assert.match(updated, /space for 1/);
  assert.doesNotMatch(updated, /full/i);
  const { page: pro } = await openPro();
  await pro.fill("#place", "Hereford");
  await pro.click("button[type=submit]");
  await pro.waitForSelector("#results li.card");
  assert.match(await vacancyOf(pro, "Example: Refuge for men and women"), /full/i, "the update says full on 1 December");
  const { page: without } = await env.open({ viewport: { width: 360, height: 740 }, expectConsole: ["error: Failed to load resource: net::ERR_FAILED"] });
  await without.route("**/data/vacancies.bin", (route) => route.abort());
  await without.goto(env.server.url);
  await loaded(without);
  await without.fill("#place", "Weston-super-Mare");
  await without.click("button[type=submit]");
  await without.waitForSelector("#results li");
  assert.match(await vacancyOf(without, "Example: Women's refuge"), /full/i, "the directory's own vacancy");
});

test("the view words every criterion, answer and order the engine can give", async () => {
  const vocabulary = await import(`${ROOT}www/components/vocabulary.js`);
  const { EN } = await import(`${ROOT}www/pro/strings.js`);
  // Where a service is, whether it covers the area and the words searched are not
  // criteria of a household.
  const criteria = vocabulary.hideReasons.filter((r) => !["avoid", "coverage", "text"].includes(r));
  const keys = [...criteria.map((c) => `criterion_${c}`), ...vocabulary.criterionAnswers.map((a) => `answer_${a}`), ...vocabulary.sorts.map((s) => `sort_${s}`), ...vocabulary.referrals.map((r) => `csv_referral_${r}`), ...vocabulary.vacancyStatuses.map((v) => `csv_vacancy_${v}`)];
  assert.deepEqual(keys.filter((k) => !(k in EN)), []);
});
