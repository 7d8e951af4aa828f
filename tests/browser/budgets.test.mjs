// Size budgets from PRODUCT.md, measured on what `make build` puts in dist/ (gzip -9;
// 1 KB = 1024 bytes). The figures are printed so the README can quote them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
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

test("the page, its scripts and the wasm together are at most 120 KB gzipped", () => {
  const scripts = readdirSync(join(dist, "js")).filter((f) => f.endsWith(".js")).map((f) => `js/${f}`);
  const files = ["index.html", "haven.css", ...scripts, "pkg/haven.js", "pkg/haven_bg.wasm"];
  const total = files.reduce((sum, f) => sum + gzipped(f), 0);
  console.log(`page + scripts + wasm (${files.join(", ")}): ${kb(total)} gzipped`);
  assert.ok(total <= 120 * 1024, `the page is ${kb(total)}`);
});

test("the gazetteer is at most 250 KB gzipped", () => {
  const gazetteer = gzipped("data/gazetteer.bin");
  console.log(`gazetteer: ${kb(gazetteer)} gzipped`);
  assert.ok(gazetteer <= 250 * 1024, `the gazetteer is ${kb(gazetteer)}`);
});
