// A result card: its kind (with an Easy Read picture), where it is, whether it has space
// (only news when it is under a week old), and last a way in: its own contacts, its
// referral route in words with the helpline's button, or the helpline as the way in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setup, ROOT } from "../../../tests/browser/harness.mjs";

const env = setup();

async function search(p, place, need = "stay") {
  await p.fill("#place", place);
  await p.check(`input[name=need][value=${need}]`);
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
}

test("every card names its kind, with a picture for Easy Read, and says its source and when it was checked", async () => {
  const { p } = await env.start();
  await search(p, "Bedford", "talk");
  const cards = await p.locator("#results li.card").evaluateAll((items) => items.map((li) => ({
    kind: li.querySelector(".kind")?.textContent,
    icon: li.querySelector(".kind")?.dataset.icon,
    source: li.querySelector(".source")?.textContent,
  })));
  assert.ok(cards.length > 0);
  for (const card of cards) {
    assert.ok(card.kind && !card.kind.startsWith("kind_"), `a kind in words: ${card.kind}`);
    assert.match(card.icon, /^(house|people|shield|phone|talk|child|scales|person)$/);
    assert.match(card.source, /^Source: \S.*\. Checked \d{1,2} \w+ \d{4}\.$/);
  }
  const calls = await p.locator("#results a.call").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.ok(calls.length > 0 && calls.every((href) => /^(tel|sms):\+?\d+$/.test(href)), calls.join(", "));
});

for (const place of ["MK40 1AA", "Hereford", "Bexley", "Weston-super-Mare", "Cardiff"]) {
  test(`from ${place}, every place to stay ends with a way in: its own contact, or its route with a helpline to call`, async () => {
    const { p } = await env.start();
    await search(p, place);
    const cards = await p.locator("#results li.card").evaluateAll((items) => items.map((li) => ({
      name: li.querySelector("h3").textContent,
      last: li.querySelector(".way-in") === li.lastElementChild.previousElementSibling,
      calls: [...li.querySelectorAll(".way-in a")].map((a) => a.getAttribute("href")),
      words: li.querySelector(".way-in").textContent,
    })));
    assert.ok(cards.length > 0);
    for (const card of cards) {
      assert.ok(card.last, `${card.name}: the way in comes last, before its source`);
      assert.ok(card.calls.some((href) => /^(tel|sms):\d+$|^https:/.test(href)), `${card.name} has something to press: ${card.words}`);
      assert.doesNotMatch(card.words, /Call to ask about space/, "never an instruction to call without a number");
    }
    // A card whose source states neither contact nor route says the helpline is its way in.
    const bare = await p.locator("#results li.card", { hasText: "No contact details are listed for this service" }).count();
    const referred = await p.locator("#results li.card .referral", { hasText: /^Referral through/ }).count();
    assert.ok(bare + referred > 0, "the way in is said in words");
  });
}

test("a referral through a professional says so, names the helpline to ask and gives its button", async () => {
  const { p } = await env.start();
  await search(p, "Bexley");
  const card = p.locator("#results li.card", { hasText: "Example: Move-on flats" });
  assert.match(await card.locator(".referral").first().textContent(), /^Referral through a professional: ask the National Domestic Abuse Helpline or your IDVA\.$/);
  assert.equal(await card.locator(".way-in a.call").getAttribute("href"), "tel:08082000247");
});

/** The page opened on a day of the test's choosing (the device's clock says it). */
async function openOn(day) {
  const opened = await env.open({ viewport: { width: 360, height: 780 } });
  await opened.context.clock.setFixedTime(new Date(day));
  await opened.page.goto(env.server.url);
  await opened.page.waitForSelector("#search:not([hidden])");
  return opened;
}

test("space reported in the last week is news; older space is only the last known state, with its age", async () => {
  const fresh = await openOn("2026-11-24T12:00:00Z");
  await search(fresh.page, "Bedford");
  const card = fresh.page.locator("#results li.card", { hasText: "Example: Emergency accommodation" });
  assert.equal(await card.locator(".vacancy").textContent(), "Has space for 3 now (updated 2 days ago).");
  assert.match(await card.locator(".vacancy").getAttribute("class"), /available/);
  assert.match(await card.locator(".why").textContent(), /has space now/);

  const stale = await openOn("2026-12-11T12:00:00Z");
  await search(stale.page, "Bedford");
  const old = stale.page.locator("#results li.card", { hasText: "Example: Emergency accommodation" });
  assert.equal(await old.locator(".vacancy").textContent(), "Last known: space for 3, 19 days ago. Call to check.");
  assert.match(await old.locator(".vacancy").getAttribute("class"), /stale/);
  assert.equal(await old.locator(".vacancy").evaluate((el) => getComputedStyle(el).fontWeight), "400", "not bold");
  assert.doesNotMatch((await old.locator(".why").textContent().catch(() => "")) ?? "", /has space now/, "old space is not a match");
});

test("a service's website, chat and email open in this tab, sending no referrer, so Exit leaves nothing open", async () => {
  const { p } = await env.start();
  await search(p, "Cardiff", "talk");
  const links = await p.locator("#results a.web, .helplines a.web").evaluateAll((as) => as.map((a) => ({ href: a.getAttribute("href"), target: a.getAttribute("target"), rel: a.getAttribute("rel") })));
  assert.ok(links.length > 0);
  for (const link of links) {
    assert.equal(link.target, null, `${link.href} opens in this tab`);
    assert.match(link.rel ?? "", /noreferrer/, link.href);
  }
});

test("every result shows the text, chat, email and video routes its record states", async () => {
  const { p } = await env.start();
  await search(p, "Cardiff", "talk");
  const lff = p.locator("#results li.card", { hasText: "Live Fear Free Helpline" }).first();
  assert.ok(await lff.locator('a[href^="sms:"]').count(), "Live Fear Free's text number");
  const childline = p.locator("#results li.card", { hasText: "Childline" }).first();
  assert.ok(await childline.locator('a[data-icon="chat"]').count(), "Childline's web chat");
  await p.click("#about summary");
  await p.check("input[name=needs][value=bsl]");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const bsl = p.locator("#results li.card", { hasText: "999 BSL" }).first();
  assert.ok(await bsl.locator('a[data-icon="video"]').count(), "999 BSL's video route");
  assert.match(await bsl.locator(".why").textContent(), /without voice/);
});

test("dates are in the reader's language and English names keep their punctuation inside Arabic", async () => {
  const { p } = await env.start();
  await p.waitForSelector("html[data-loaded]", { state: "attached" });
  await p.selectOption("#language", "ar");
  await search(p, "Bedford", "talk");
  const source = p.locator("#results li.card .source").first();
  const checked = await source.textContent();
  assert.ok(checked.includes(new Intl.DateTimeFormat("ar", { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(2026, 11, 1))), checked);
  assert.ok(await source.locator("bdi").count(), "the source's English name is isolated");
  assert.equal(await p.locator("#results li.card h3").first().getAttribute("dir"), "auto");
  assert.equal(await p.locator("#results li.card p[dir=auto]").first().getAttribute("dir"), "auto", "descriptions take their own direction");
});

test("a checked date names its month in Welsh, Albanian and Punjabi too, where browsers lack or half-know the language", async () => {
  const { p } = await env.start();
  await p.waitForSelector("html[data-loaded]", { state: "attached" });
  await search(p, "Bedford", "talk");
  for (const code of ["cy", "sq", "pa"]) {
    await p.selectOption("#language", code);
    const months = JSON.parse(readFileSync(join(ROOT, "www/translations", `${code}.json`), "utf8")).date_months.split(",").map((m) => m.trim());
    const sources = await p.locator("#results li.card .source").allTextContents();
    for (const source of sources) {
      assert.doesNotMatch(source, /M\d|\b\d{4}-\d\d/, `${code}: ${source}`);
      assert.ok(months.some((m) => source.includes(m)), `${code}: a month name in ${source}`);
    }
  }
});

test("Easy Read reaches the cards: short sentences, a picture beside each action, distances in words", async () => {
  const { p } = await env.start();
  await p.check("#easy-read");
  await search(p, "Bedford");
  const picture = (locator) => locator.evaluate((node) => getComputedStyle(node, "::before").backgroundImage);
  for (const action of await p.locator("#results .way-in a").all()) {
    assert.match(await picture(action), /^url\("data:image\/svg\+xml/, `${await action.textContent()} has a picture`);
  }
  const where = await p.locator("#results .where").allTextContents();
  assert.ok(where.every((w) => !/\d+\.\d/.test(w)), `no decimal distances: ${where.join(" | ")}`);
  assert.ok(where.some((w) => /five|fifteen|forty/i.test(w)), where.join(" | "));
});
