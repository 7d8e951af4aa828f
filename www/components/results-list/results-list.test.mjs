// The results list says how many services the filters hid, and why.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "../../../tests/browser/harness.mjs";

const env = setup();
const { start } = env;

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
  const refuge = p.locator("#results li", { hasText: "Bexley refuge (Solace Women's Aid)" });
  assert.match(await refuge.textContent(), /Address kept private\. In Bexley\./);
  assert.doesNotMatch(await refuge.textContent(), /\d+\.\d miles away/, "a confidential service shows no distance figure");
  assert.deepEqual(problems, []);
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
