// The page's vocabulary is the engine's: www/components/vocabulary.js is what
// tools/write-vocabulary.mjs writes from `haven vocabulary --json`, so a code added in
// Rust reaches the page (and translations.test.mjs then asks for its wording).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";
import { vocabularyModule } from "../../tools/write-vocabulary.mjs";

test("the page's vocabulary is the one the engine prints (run make vocabulary if not)", () => {
  const table = JSON.parse(execFileSync(join(ROOT, "target/release/haven"), ["vocabulary", "--json"]).toString());
  assert.equal(readFileSync(join(ROOT, "www/components/vocabulary.js"), "utf8"), vocabularyModule(table));
});

test("every need the engine can filter on is one the page can word and a response can name", async () => {
  const vocabulary = await import(join(ROOT, "www/components/vocabulary.js"));
  for (const need of vocabulary.needs) {
    assert.ok(vocabulary.hideReasons.includes(need), `${need} can hide a service`);
    assert.ok(vocabulary.matchReasons.includes(need), `${need} can be why a service matches`);
  }
});
