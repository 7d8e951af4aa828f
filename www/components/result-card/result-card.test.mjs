// A result card names its kind (with an Easy Read picture), offers tap-to-call links and
// says what its information was checked against, and when.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "../../../tests/browser/harness.mjs";

const env = setup();

test("every card names its kind, with a picture for Easy Read, and says what it was checked against", async () => {
  const { p } = await env.start();
  await p.fill("#place", "Bedford");
  await p.check("input[name=need][value=talk]");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const cards = await p.locator("#results li.card").evaluateAll((items) => items.map((li) => ({
    kind: li.querySelector(".kind")?.textContent,
    icon: li.querySelector(".kind")?.dataset.icon,
    source: li.querySelector(".source")?.textContent,
  })));
  assert.ok(cards.length > 0);
  for (const card of cards) {
    assert.ok(card.kind && !card.kind.startsWith("kind_"), `a kind in words: ${card.kind}`);
    assert.match(card.icon, /^(house|people|shield|phone|talk|child|scales|person)$/);
    assert.match(card.source, /^Checked \S+ against: \S/);
  }
  const calls = await p.locator("#results a.call").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.ok(calls.length > 0 && calls.every((href) => /^(tel|sms):\+?\d+$/.test(href)), calls.join(", "));
});
