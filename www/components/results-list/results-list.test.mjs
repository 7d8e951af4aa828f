// The results list: a summary that says what the results are (never "near" for what is
// far), those that meet everything first, the services a filter hid shown on request,
// greyed with their reasons, and nothing left over from the last search.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, loaded } from "../../../tests/browser/harness.mjs";

const env = setup();
const { start } = env;

async function search(p, place, need = "stay") {
  await p.fill("#place", place);
  await p.check(`input[name=need][value=${need}]`);
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
}

test("from a town, a mother with a boy of 13 can see which refuges were hidden and why", async () => {
  const { p, context, problems } = await start();
  await p.fill("#place", "Bexleyheath");
  await p.click("#about summary");
  await p.selectOption("#gender", "woman");
  await p.click("#add-child");
  await p.selectOption(".children li .age", "13");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  assert.match(await p.locator(".hidden-services p").textContent(), /^Your choices hid \d+ services?\.$/);
  const toggle = p.locator(".hidden-services button");
  assert.match(await toggle.textContent(), /^Show the (\d+ )?hidden services?$/);
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  const hidden = p.locator("#hidden-results li.hidden-card", { hasText: "Example: Women's refuge" });
  assert.match(await hidden.locator(".hidden-by").textContent(), /^Hidden: does not take boys as old as yours\.$/);
  assert.notEqual(await hidden.evaluate((el) => getComputedStyle(el).color), await p.locator("#results li.card").first().evaluate((el) => getComputedStyle(el).color), "greyed");
  const refuge = p.locator("#results li", { hasText: "Bexley refuge (Solace Women's Aid)" });
  assert.match(await refuge.textContent(), /Address kept private\. In Bexley\./);
  assert.doesNotMatch(await refuge.textContent(), /\d+\.\d miles away/, "a confidential service shows no distance figure");
  assert.deepEqual(problems, []);
  await context.close();
});

test("not knowing does not hide: a refuge not confirmed wheelchair accessible is listed after those that are, to ask about", async () => {
  const { p, context, problems } = await start();
  await search(p, "Bedford");
  const before = await p.locator("#results li.card").allTextContents();
  await p.click("#about summary");
  await p.check("input[name=needs][value=wheelchair]");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const cards = await p.locator("#results li.card").evaluateAll((items) => items.map((li) => ({ name: li.querySelector("h3").textContent, unsure: li.classList.contains("unsure"), note: li.querySelector(".unknown")?.textContent ?? "" })));
  const stonewater = cards.find((c) => c.name === "Bedford refuge (Stonewater)");
  assert.ok(stonewater?.unsure, "listed, marked as not known");
  assert.equal(stonewater.note, "Not known: wheelchair access. Ask when you call.");
  const firstUnsure = cards.findIndex((c) => c.unsure);
  assert.ok(cards.slice(firstUnsure).every((c) => c.unsure), "those that meet everything come first");
  assert.ok(cards.findIndex((c) => c.name === "Example: Women's refuge") < firstUnsure, "the confirmed refuge first, though farther away");
  assert.match(await p.locator("#summary").textContent(), /some of what you asked is not known/);
  // Failing a stated criterion hides.
  assert.ok(!cards.some((c) => c.name === "Example: South Asian women's refuge"));
  await p.click(".hidden-services button");
  assert.match(await p.locator("#hidden-results li", { hasText: "Example: South Asian women's refuge" }).textContent(), /Hidden: says it is not wheelchair accessible\./);
  // The filter narrows and loses nothing: what it shows and what it hid are what the same
  // search showed without it, and the count it states is the count it lists.
  const hidden = await p.locator("#hidden-results li").count();
  assert.ok(hidden > 0 && cards.length < before.length, `${cards.length} shown of ${before.length}`);
  assert.equal(cards.length + hidden, before.length, "every service is either shown or listed as hidden");
  assert.match(await p.locator(".hidden-services p.hint").textContent(), new RegExp(`^Your choices hid ${hidden} services?\\.$`));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the summary says what the results are: within how many miles, or some farther, never 'near' for what is far", async () => {
  const { p, context, problems } = await start();
  await search(p, "MK40 1", "legal");
  const summary = await p.locator("#summary").textContent();
  assert.doesNotMatch(summary, /near/i, summary);
  assert.match(summary, /^\d+ services? (within \d+ miles of MK40 1|for MK40 1\. (It is|Some are) more than 40 miles away|that serves? MK40 1 by phone or online)/, summary);
  await search(p, "Cardiff");
  const far = await p.locator("#summary").textContent();
  assert.match(far, /^\d+ services for Cardiff\. Some are more than 40 miles away\./, far);
  await search(p, "Hereford", "talk");
  assert.match(await p.locator("#summary").textContent(), /^\d+ services within \d+ miles of Hereford, or by phone or online\./);
  assert.doesNotMatch(await p.locator(".hidden-services").textContent(), /nearby/i);
  assert.deepEqual(problems, []);
  await context.close();
});

test("counts read right in Polish and Arabic, and the summary never falls back to English", async () => {
  for (const code of ["pl", "ar", "cy"]) {
    const { p, context, problems } = await start();
    await loaded(p);
    await p.selectOption("#language", code);
    await search(p, "Hereford", "talk");
    const summary = await p.locator("#summary").textContent();
    assert.doesNotMatch(summary, /services|within|miles/, `${code}: ${summary}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("a new search clears the last one first: an error replaces the results, never sits above them", async () => {
  const { p, context, problems } = await start();
  await search(p, "Cardiff");
  await p.fill("#place", "zzzz");
  await p.click("button[type=submit]");
  await p.waitForSelector("#place-error:not(:empty)");
  assert.equal(await p.locator("#results-section").isHidden(), true, "the old results are gone");
  assert.equal(await p.locator("#results li").count(), 0);
  await search(p, "Bedford");
  assert.equal(await p.locator("#place-error").textContent(), "", "and the error goes with the next search");
  assert.deepEqual(problems, []);
  await context.close();
});

test("'Any kind of help' lists every kind of service a survivor asks for", async () => {
  const { p, context, problems } = await start();
  await search(p, "Bedford", "any");
  const kinds = new Set(await p.locator("#results .kind").allTextContents());
  assert.ok(kinds.size >= 4, [...kinds].join(", "));
  assert.ok(!kinds.has("Help to change behaviour"), "services for people who abuse are not a survivor's search");
  assert.deepEqual(problems, []);
  await context.close();
});

test("someone to talk to in Cardiff: Wales' own helpline first, domestic-abuse lines before general ones like Samaritans", async () => {
  const { p, context, problems } = await start();
  await search(p, "Cardiff", "talk");
  const names = await p.locator("#results li.card h3").allTextContents();
  const at = (name) => names.findIndex((n) => n.startsWith(name));
  assert.equal(at("Live Fear Free Helpline"), 0, names.join(" | "));
  assert.ok(at("Samaritans") > at("Men's Advice Line") && at("Samaritans") > at("Galop"), names.join(" | "));
  assert.deepEqual(problems, []);
  await context.close();
});
