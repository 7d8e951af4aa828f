// Every request the pages make is the list in www/site.json, in its order, and every page
// carries the Content-Security-Policy written there (the server adds frame-ancestors).
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup, loaded, requestsOf, SITE } from "../../../tests/browser/harness.mjs";

const env = setup();
const asPaths = (urls) => urls.map((u) => u.replace(env.server.url, "/"));

test("the survivor page requests exactly the files www/site.json lists for it, in that order", async () => {
  const { page, log } = await env.open({ url: env.server.url });
  await loaded(page);
  assert.deepEqual(asPaths(log.requests), requestsOf("index.html"));
});

test("the safety page requests only itself, its stylesheet and its script", async () => {
  const { page, log } = await env.open({ url: `${env.server.url}safety.html` });
  await page.waitForLoadState("networkidle");
  assert.deepEqual(asPaths(log.requests), requestsOf("safety.html"));
});

test("every page carries the policy of www/site.json, and the server sends it with frame-ancestors", async () => {
  const meta = Object.entries(SITE.policy).map(([directive, sources]) => `${directive} ${sources}`).join("; ");
  const header = Object.entries({ ...SITE.policy, ...SITE.headerOnlyPolicy }).map(([directive, sources]) => `${directive} ${sources}`).join("; ");
  assert.match(meta, /form-action 'none'/);
  assert.match(meta, /'wasm-unsafe-eval'/);
  for (const page of Object.keys(SITE.pages)) {
    const response = await fetch(`${env.server.url}${page}`);
    assert.equal(response.headers.get("content-security-policy"), header, page);
    const html = await response.text();
    const carried = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(carried, [meta], page);
  }
});
