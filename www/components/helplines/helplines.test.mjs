// Help now: every nation's own helpline before a search, the searched nation's after.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setup, loaded, ROOT, SITE } from "../../../tests/browser/harness.mjs";

const env = setup();
const { start } = env;

test("before a search every nation's own helpline is one tap away, each button naming its service; after one, the searched nation's comes first", async () => {
  const { p, context, problems } = await start({ width: 360, height: 740 });
  await loaded(p);
  const helplines = () => p.locator(".helplines a.call").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  const before = await helplines();
  for (const number of ["tel:999", "tel:08082000247", "tel:08088010800", "tel:08000271234", "tel:08088021414"]) {
    assert.ok(before.includes(number), `${number} before a search: ${before}`);
  }
  assert.equal(before.filter((n) => n === "tel:08082000247").length, 1, "the national helpline is listed once");
  await p.click(".helplines details.more summary");
  assert.equal(await p.textContent('a[href="tel:08088010800"]'), "Live Fear Free Helpline, Wales: 0808 80 10 800");
  await p.fill("#place", "Cardiff");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const first = p.locator(".helplines ul.first > li:not([hidden])").first();
  assert.match(await first.textContent(), /^Live Fear Free Helpline/, "Wales' own helpline comes first");
  assert.ok(await first.locator('a[href="tel:08088010800"]').isVisible(), "and its call button is on screen");
  const after = await helplines();
  assert.ok(!after.includes("tel:08000271234") && !after.includes("tel:08088021414"), `other nations' go: ${after}`);
  assert.ok(after.includes("tel:999"), "999 stays");
  // Then the domestic-abuse lines for everyone, then those for one group, then general lines.
  const order = await p.locator(".helplines details.more > ul > li .name").allTextContents();
  const at = (name) => order.findIndex((n) => n.startsWith(name));
  assert.ok(at("Men's Advice Line") >= 0 && at("Samaritans") > at("Men's Advice Line"), order.join(" | "));
  assert.ok(at("Galop") < at("Samaritans"), order.join(" | "));
  assert.deepEqual(problems, []);
  await context.close();
});

test("Help now keeps the search on a phone's first screen: exit, 999 and 55, the national helpline and the place field", async () => {
  for (const [lang, easy] of [["en", false], ["cy", false], ["ar", false], ["en", true]]) {
    const { p, context, problems } = await start({ width: 360, height: 740 });
    await loaded(p);
    if (lang !== "en") await p.selectOption("#language", lang);
    if (easy) await p.check("#easy-read");
    const bottom = (selector) => p.locator(selector).first().evaluate((el) => el.getBoundingClientRect().bottom);
    for (const selector of ["#exit", ".helplines .emergency a.call", ".helplines ul.first a.call", "#place"]) {
      assert.ok((await bottom(selector)) <= 740, `${lang}${easy ? " Easy Read" : ""}: ${selector} ends at ${await bottom(selector)}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("Cannot speak or hear? says how to reach 999 without voice, each way with its source in the directory", async () => {
  const { p, context, problems } = await start();
  await loaded(p);
  await p.click(".no-voice summary");
  const box = p.locator(".no-voice");
  const text = await box.innerText();
  assert.match(text, /register/, "emergencySMS needs registering first");
  assert.match(text, /999 BSL/);
  assert.match(text, /does not tell the police where you are/, "what 55 does not do");
  assert.match(text, /18000/);
  const directory = JSON.parse(readFileSync(join(ROOT, "data/directory.json"), "utf8"));
  for (const li of await box.locator("li[data-service]").all()) {
    const id = await li.getAttribute("data-service");
    const record = directory.services.find((s) => s.id === id);
    assert.ok(record?.source?.name, "each way is a record with a source");
    assert.ok((await li.locator(".source").textContent()).includes(record.source.name));
  }
  assert.equal(await box.locator("a.web").getAttribute("href"), directory.services.find((s) => s.id === "999-bsl").video);
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
