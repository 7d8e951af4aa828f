// The household form's choices reach the search: an area to avoid hides what lies in it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "../../../tests/browser/harness.mjs";

const env = setup();
const { start } = env;

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
  await p.click(".hidden-services button");
  const hidden = p.locator("#hidden-results li", { hasText: "South Asian women's refuge" });
  assert.match(await hidden.textContent(), /Hidden: in or near the area you are avoiding/);
  await context.close();
});
