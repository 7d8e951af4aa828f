// Help now: every nation's own helpline before a search, the searched nation's after.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, loaded } from "../../../tests/browser/harness.mjs";

const env = setup();
const { start } = env;

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
