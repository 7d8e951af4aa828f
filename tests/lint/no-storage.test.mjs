// The lint rule that keeps storage, cookies, service workers, geolocation, history
// entries, new windows and requests out of the survivor page's code really rejects them
// (make lint-page runs it on www/ and this test).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
const require = createRequire(join(ROOT, "tools/package.json"));
const { ESLint } = require("eslint");
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, "tools/eslint.config.mjs") });
const lint = async (code, path) => (await eslint.lintText(code, { filePath: join(ROOT, path) }))[0].messages;
const fixture = readFileSync(join(ROOT, "tests/lint/stores-things.js"), "utf8");

test("every use of storage, cookies, workers, geolocation, history, windows and requests in a component is an error", async () => {
  const messages = await lint(fixture, "www/components/example/stores-things.js");
  const lines = fixture.split("\n");
  const flagged = new Set(messages.filter((m) => m.severity === 2).map((m) => m.line));
  const expected = lines.flatMap((line, i) => (line && !line.startsWith("//") && !line.startsWith("const w") ? [i + 1] : []));
  assert.deepEqual(expected.filter((line) => !flagged.has(line)).map((line) => lines[line - 1]), [], "lines the rule let through");
});

test("localStorage alone is rejected, with the safety principle as the reason", async () => {
  const [message, ...rest] = await lint('localStorage.setItem("place", "Bedford");\n', "www/js/app.js");
  assert.equal(rest.length, 0);
  assert.equal(message.ruleId, "no-restricted-globals");
  assert.match(message.message, /stores nothing on the device/);
});

test("the network component may fetch; nothing else may", async () => {
  assert.deepEqual(await lint('fetch("data/directory.bin");\n', "www/components/network/network.js"), []);
  assert.equal((await lint('fetch("data/directory.bin");\n', "www/components/result-card/result-card.js")).length, 1);
});

test("the page's own code passes", async () => {
  const results = await eslint.lintFiles([join(ROOT, "www")]);
  assert.deepEqual(results.filter((r) => r.messages.length).map((r) => `${r.filePath}: ${r.messages.map((m) => m.message).join("; ")}`), []);
});

test("only the embed component may post a message to another page", async () => {
  const post = 'window.parent.postMessage({ haven: "height", height: 900 }, "*");\n';
  assert.deepEqual(await lint(post, "www/components/embed/frame.js"), []);
  const [message] = await lint(post, "www/js/app.js");
  assert.match(message.message, /only its height/);
});
