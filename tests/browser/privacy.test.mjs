// Nothing leaves the device and nothing stays on it: no request to another origin; the
// same requests in the same order whatever is searched, and none once the data has
// loaded; no cookies, storage, IndexedDB, caches or service workers afterwards; the URL,
// title and history never carry a search.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, loaded, requestsOf } from "./harness.mjs";

const env = setup();

async function journey(place, avoid, options = {}) {
  const { page: p, context } = await env.open();
  const requests = [];
  p.on("request", (r) => requests.push(r.url().replace(env.server.url, "/")));
  await p.goto(env.server.url);
  await p.waitForSelector("#search:not([hidden])");
  await loaded(p);
  const settled = requests.length;
  const startUrl = p.url();
  const historyLength = await p.evaluate(() => history.length);
  await p.fill("#place", place);
  await p.waitForTimeout(50);
  if (options.need) await p.check(`input[name=need][value=${options.need}]`);
  if (options.language) await p.selectOption("#language", options.language);
  if (options.easyRead) await p.check("#easy-read");
  if (avoid) {
    await p.click("#avoid summary");
    await p.fill("#avoid-place", avoid);
  }
  await p.click("button[type=submit]");
  await p.waitForSelector("#results li, #summary:not(:empty)");
  const after = {
    url: p.url(),
    title: await p.title(),
    history: await p.evaluate(() => history.length),
    storage: await p.evaluate(async () => ({
      cookies: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
      workers: (await navigator.serviceWorker.getRegistrations()).length,
    })),
    cookieJar: (await context.cookies()).length,
  };
  await context.close();
  return { requests, settled, startUrl, historyLength, after };
}

test("the same requests, in the same order, whatever is searched and in any language, all to this origin", async () => {
  const a = await journey("MK40 1AA", null);
  const b = await journey("Newport, Isle of Wight", "Luton", { need: "talk", language: "ur", easyRead: true });
  assert.deepEqual(a.requests, b.requests);
  assert.ok(a.requests.every((u) => u.startsWith("/")), a.requests.join("\n"));
  for (const file of requestsOf("index.html")) {
    assert.equal(a.requests.filter((u) => u === file).length, 1, `${file} is downloaded once (the preload is reused): ${a.requests.join(", ")}`);
  }
  assert.equal(a.requests.at(-1), "/data/translations.txt", "the other languages come last, whichever is chosen");
});

test("no request at all once the directory, gazetteer and languages have loaded", async () => {
  const run = await journey("Aylesbury", "Bedford");
  assert.equal(run.requests.length, run.settled, `requests after loading: ${run.requests.slice(run.settled).join(", ")}`);
});

test("nothing is stored and the search never reaches the URL, title or history", async () => {
  const run = await journey("BT1 5GS", null);
  assert.deepEqual(run.after.storage, { cookies: "", local: 0, session: 0, idb: 0, caches: 0, workers: 0 });
  assert.equal(run.after.cookieJar, 0);
  assert.equal(run.after.url, run.startUrl);
  assert.ok(!/BT1|5GS/i.test(run.after.title));
  assert.equal(run.after.history, run.historyLength);
});
