// Size budgets from PRODUCT.md, measured on what `make build` puts in dist/ (gzip -9;
// 1 KB = 1024 bytes). The figures are printed so the README can quote them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";

const dist = join(ROOT, "dist");
const gzipped = (path) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

test("the wasm is at most 80 KB gzipped", () => {
  const wasm = gzipped("pkg/haven_bg.wasm");
  console.log(`wasm: ${kb(wasm)} gzipped`);
  assert.ok(wasm <= 80 * 1024, `wasm is ${kb(wasm)}`);
});

test("the page, its script and the wasm together are at most 120 KB gzipped", () => {
  // What the survivor's page loads to run: the HTML, its stylesheet and script (read from
  // the page, so nothing it loads is missed) and the wasm.
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const linked = [...html.matchAll(/<(?:script[^>]*src|link rel="stylesheet"[^>]*href)="([^"]+)"/g)].map((m) => m[1]);
  const files = ["index.html", ...linked, "pkg/haven_bg.wasm"];
  const total = files.reduce((sum, f) => sum + gzipped(f), 0);
  console.log(`page + script + wasm (${files.join(", ")}): ${kb(total)} gzipped`);
  assert.ok(linked.some((f) => f.endsWith(".js")), `the page loads a script: ${linked}`);
  assert.ok(total <= 120 * 1024, `the page is ${kb(total)}`);
});

test("the other languages' wording is at most 40 KB gzipped", () => {
  const translations = gzipped("data/translations.txt");
  console.log(`translations (9 languages): ${kb(translations)} gzipped`);
  assert.ok(translations <= 40 * 1024, `the translations are ${kb(translations)}`);
});

test("the gazetteer is at most 250 KB gzipped", () => {
  const gazetteer = gzipped("data/gazetteer.bin");
  console.log(`gazetteer: ${kb(gazetteer)} gzipped`);
  assert.ok(gazetteer <= 250 * 1024, `the gazetteer is ${kb(gazetteer)}`);
});

test("embed.js, the council's snippet, is at most 3 KB gzipped", () => {
  const embed = gzipped("embed.js");
  console.log(`embed.js: ${kb(embed)} gzipped`);
  assert.ok(embed <= 3 * 1024, `embed.js is ${kb(embed)}`);
});
