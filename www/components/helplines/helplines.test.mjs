// Help now: every nation's own helpline before a search, the searched nation's after.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setup, loaded, ROOT, SITE } from "../../../tests/browser/harness.mjs";

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

test("without JavaScript each page's helpline is the directory's own record, with a source", async () => {
  const directory = JSON.parse(readFileSync(join(ROOT, "data/directory.json"), "utf8"));
  const record = directory.services.find((s) => s.id === SITE.fallbackHelpline);
  assert.ok(record?.source?.name, "the fallback helpline's record names its source");
  const number = record.phones[0].number;
  for (const page of Object.keys(SITE.pages)) {
    const { page: p } = await env.open({ url: `${env.server.url}${page}`, javaScriptEnabled: false });
    const link = p.locator(`a.call[href="tel:${number.replace(/\D/g, "")}"]`).first();
    assert.ok(await link.isVisible(), `${page} shows ${number} with JavaScript off`);
    assert.match(await link.textContent(), new RegExp(number));
  }
});
