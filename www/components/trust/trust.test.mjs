// Trust in the directory, as a survivor sees it: the page says when its directory was
// checked, uses only files signed by the publisher's keys, and when it refuses one still
// gives 999, 55 and the national helplines it carries itself (each nation's own).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setup, loaded, ROOT } from "../../../tests/browser/harness.mjs";

const env = setup();
const HAVEN = join(ROOT, "target/release/haven");
const DEV_KEY = join(ROOT, "target/keys/development.key");
let dir;
const haven = (...args) => execFileSync(HAVEN, args, { stdio: ["ignore", "pipe", "pipe"] }).toString();
const served = (file) => readFileSync(join(ROOT, "dist/data", file));

before(() => {
  dir = mkdtempSync(join(tmpdir(), "haven-trust-"));
  haven("keygen", "--out", join(dir, "stranger"));
  haven("build", join(ROOT, "data/directory.json"), "--out", join(dir, "stranger.bin"), "--sign", join(dir, "stranger.key"));
  haven("gazetteer", "--out", join(dir, "stranger-gazetteer.bin"), "--sign", join(dir, "stranger.key"));
  // One Bedford record last checked against its source 18 months ago.
  const directory = JSON.parse(readFileSync(join(ROOT, "data/directory.json"), "utf8"));
  directory.services.find((s) => s.id === "bedford-refuge-stonewater").source.verified_on = "2025-06-01";
  writeFileSync(join(dir, "old.json"), JSON.stringify(directory));
  haven("build", join(dir, "old.json"), "--out", join(dir, "old.bin"), "--sign", DEV_KEY);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The survivor page at 360×740 with `file` (under data/) answered by `bytes`. */
async function pageWith(replacements = {}, { clock, init } = {}) {
  const { page, context } = await env.open({ viewport: { width: 360, height: 740 } });
  if (clock) await context.clock.setFixedTime(new Date(clock));
  if (init) await page.addInitScript(init);
  for (const [file, bytes] of Object.entries(replacements)) {
    await page.route(`**/data/${file}`, (route) => route.fulfill({ status: 200, contentType: "application/octet-stream", body: bytes }));
  }
  await page.goto(env.server.url);
  await loaded(page);
  return page;
}

/** What a refused directory leaves: the refusal said, no search, and the calls the page carries. */
async function assertRefused(p, why) {
  assert.equal((await p.locator("#loading").textContent()).trim(), "The directory could not be checked. The search could not load. You can still call the helplines above.", why);
  assert.ok(await p.locator("#search").isHidden(), `${why}: no search over a refused directory`);
  assert.ok(await p.locator("#checked").isHidden(), `${why}: no date for it either`);
  for (const call of ['.helplines .emergency a[href="tel:999"]', '.helplines a[href="tel:08082000247"]']) {
    assert.ok(await p.locator(call).isVisible(), `${why}: ${call} is still there`);
  }
  // Each nation's own line, carried by the page, behind "Helplines for Wales, Scotland, NI".
  const more = p.locator(".helplines details.more");
  assert.equal((await more.locator("summary").textContent()).trim(), "Helplines for Wales, Scotland, NI", why);
  await more.locator("summary").click();
  for (const [nation, tel] of [["Wales", "tel:08088010800"], ["Scotland", "tel:08000271234"], ["Northern Ireland", "tel:08088021414"]]) {
    const call = more.locator(`a.call[href="${tel}"]`);
    assert.ok(await call.isVisible(), `${why}: ${nation}'s helpline ${tel} is still there`);
    assert.match(await call.textContent(), new RegExp(`, ${nation}: `), why);
  }
  assert.match(await p.locator(".helplines .emergency").textContent(), /press 55/, why);
}

test("the page says when its directory was checked, from the directory's own seal, in the reader's language", async () => {
  const seal = haven("verify", join(ROOT, "dist/data/directory.bin"), "--key", join(ROOT, "target/keys/development.pub"));
  const [, y, m, d] = seal.match(/ on (\d{4})-(\d\d)-(\d\d);/);
  const p = await pageWith();
  const english = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(+y, m - 1, +d));
  assert.equal(await p.locator("#checked").textContent(), `Directory checked on ${english}.`);
  assert.ok(await p.locator("#checked").isVisible());
  await p.selectOption("#language", "pl");
  const polish = new Intl.DateTimeFormat("pl", { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(+y, m - 1, +d));
  assert.ok((await p.locator("#checked").textContent()).includes(polish), await p.locator("#checked").textContent());
});

test("a directory signed by someone else's key is refused, and 999, 55 and the national helpline stay", async () => {
  const p = await pageWith({ "directory.bin": readFileSync(join(dir, "stranger.bin")) });
  await assertRefused(p, "another key");
});

test("a directory changed after it was signed is refused", async () => {
  const signature = Buffer.from(served("directory.bin"));
  signature[signature.length - 1] ^= 0x01;
  await assertRefused(await pageWith({ "directory.bin": signature }), "a changed signature");
  const payload = Buffer.from(served("directory.bin"));
  payload[5000] ^= 0x01;
  await assertRefused(await pageWith({ "directory.bin": payload }), "a changed byte of the directory");
});

test("an expired directory is refused on a device whose date is past its expiry", async () => {
  const expires = haven("verify", join(ROOT, "dist/data/directory.bin"), "--key", join(ROOT, "target/keys/development.pub")).match(/expires (\S+) /)[1];
  const after = new Date(`${expires}T12:00:00`);
  after.setDate(after.getDate() + 1);
  await assertRefused(await pageWith({}, { clock: after }), "expired");
});

test("a browser without Ed25519 in WebCrypto checks the signature itself, and still refuses a changed one", async () => {
  // As an older browser answers: importKey does not know the algorithm.
  const withoutEd25519 = () => {
    const importKey = crypto.subtle.importKey.bind(crypto.subtle);
    globalThis.refusedEd25519 = 0;
    crypto.subtle.importKey = (format, key, algorithm, ...rest) => {
      if ((algorithm?.name ?? algorithm) !== "Ed25519") return importKey(format, key, algorithm, ...rest);
      globalThis.refusedEd25519 += 1;
      return Promise.reject(new DOMException("Algorithm: Unrecognized name", "NotSupportedError"));
    };
  };
  const p = await pageWith({}, { init: withoutEd25519 });
  assert.equal(await p.evaluate(() => globalThis.refusedEd25519), 3, "WebCrypto was asked for Ed25519 for each signed file, and said no");
  assert.match(await p.locator("#checked").textContent(), /^Directory checked on /);
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const changed = Buffer.from(served("directory.bin"));
  changed[changed.length - 1] ^= 0x01;
  await assertRefused(await pageWith({ "directory.bin": changed }, { init: withoutEd25519 }), "changed, checked without WebCrypto's Ed25519");
});

test("place names signed by someone else's key are not used, and the search says place names could not load", async () => {
  const p = await pageWith({ "gazetteer.bin": readFileSync(join(dir, "stranger-gazetteer.bin")) });
  assert.match(await p.locator("#checked").textContent(), /^Directory checked on /, "the directory itself is fine");
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForFunction(() => /could not load/.test(document.querySelector("#place").closest("fieldset").textContent));
  assert.equal(await p.locator("#results li").count(), 0, "no results from unchecked place names");
});

test("a service not checked against its source for over a year says it may be out of date", async () => {
  const p = await pageWith({ "directory.bin": readFileSync(join(dir, "old.bin")) });
  await p.fill("#place", "Bedford");
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li");
  const card = p.locator("#results li.card", { hasText: "Stonewater" }).first();
  assert.match(await card.locator(".source").textContent(), /Checked 1 June 2025\. May be out of date\./);
  const fresh = p.locator("#results li.card", { hasNotText: "Stonewater" }).first();
  assert.doesNotMatch(await fresh.locator(".source").textContent(), /out of date/);
});
