// Hostile values thrown at every Finder method in a real browser: each answers with an
// Error naming what is wrong, or a sensible answer, and never traps the wasm. Afterwards
// a normal search still answers, on the same Finder and on a new one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./harness.mjs";

const env = setup();

test("at least 100 hostile values at every Finder method each get an Error or an answer, and searching still works after them all", async () => {
  const { page, context } = await env.open({ url: env.server.url });
  const report = await page.evaluate(async () => {
    const { default: init, Finder, readSeal } = await import("./pkg/haven.js");
    await init();
    const fetchBytes = async (path) => new Uint8Array(await (await fetch(path)).arrayBuffer());
    const directory = await fetchBytes("data/directory.bin");
    const gazetteer = await fetchBytes("data/gazetteer.bin");
    const vacancies = await fetchBytes("data/vacancies.bin");
    const finder = Finder.load(directory);
    finder.loadGazetteer(gazetteer);

    const cyclic = { near: "Bedford" };
    cyclic.self = cyclic;
    const household = { adults: [] };
    household.adults.push(household);
    let deep = {};
    for (let i = 0; i < 10000; i++) deep = { x: deep };
    let deepList = [];
    for (let i = 0; i < 10000; i++) deepList = [deepList];
    const throwing = { get near() { throw new Error("a getter that throws"); } };
    const proxy = new Proxy({}, { ownKeys() { throw new Error("a proxy that throws"); } });
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const huge = new Array(1e6).fill("refuge");
    const values = [
      undefined, null, true, false, 0, -0, 1, -1, 42, 1.5, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE,
      10n, -1n, 2n ** 64n, Symbol("s"), Symbol.iterator, () => 1, function named() {}, class K {},
      "", " ", "Bedford", "MK40 1AA", "x".repeat(10_000), "x".repeat(1_000_001), "\u0000", "\u202e", "\ud800", "🙂".repeat(500), "<script>", "1e999,0",
      [], [[]], [1, 2, 3], huge, deepList, [cyclic], new Uint8Array(0), new Uint8Array(10), new Uint8Array(100_000), new Int16Array(4), new ArrayBuffer(8), new DataView(new ArrayBuffer(8)),
      {}, cyclic, { household }, deep, { a: deep }, { kinds: deepList }, { kinds: huge }, throwing, proxy, revoked, new Date(), /re/, new Map(), new Set(), Object.create(null),
      { near: NaN }, { near: { lat: NaN, lon: NaN } }, { near: { lat: 90, lon: 0 } }, { near: { lat: 0, lon: 0 } }, { near: { lat: -0.467, lon: 52.136 } }, { near: { lat: 1e308, lon: -1e308 } },
      { near: "Bedford", limit: 10n }, { near: "Bedford", limit: -1 }, { near: "Bedford", limit: 1e9 }, { near: "Bedford", limit: 0.5 }, { near: "Bedford", limit: "10" }, { near: "Bedford", limit: Symbol("l") },
      { near: "Bedford", radius_km: -5 }, { near: "Bedford", radius_km: Infinity }, { near: "Bedford", kinds: ["castle"] }, { near: "Bedford", kinds: "refuge" }, { near: "Bedford", kinds: [1, 2] },
      { near: "Bedford", avoid: new Array(100_000).fill({ lat: 52, lon: -0.4, km: 5 }) }, { near: "Bedford", avoid: [{ place: "Luton", km: NaN }] }, { near: "Bedford", avoid: [{}] },
      { near: "Bedford", household: { adults: new Array(1000).fill({ gender: "woman" }) } }, { near: "Bedford", household: { children: [{ age: -1, sex: "boy" }] } },
      { near: "Bedford", household: { children: [{ age: 1e10, sex: "boy" }] } }, { near: "Bedford", household: 5 }, { near: "Bedford", text: "x".repeat(5000) },
      { near: "Bedford", today: "not a date" }, { near: "Bedford", today: 20261201 }, { near: "Bedford", sort: "cheapest" }, { near: "Bedford", include_failing: "yes" },
      { near: "Bedford", min_distance_km: 80 }, { near: "Bedford", unknown: deep }, { near: "Bedford", needs: [null] }, { near: "Bedford", languages: ["klingon"] },
      { near: "Bedford", communities: [{}] }, { near: "" }, { near: "Jersey" }, { near: "MK99" }, { near: "x".repeat(150) },
      { near: "Bedford", __proto__: { limit: 5 } }, JSON.parse('{"__proto__": {"near": 1}}'),
    ];

    const outcome = (call) => {
      try {
        const answer = call();
        return { ok: true, answer };
      } catch (error) {
        return { ok: false, isError: error instanceof Error, message: String(error?.message ?? error) };
      }
    };
    const methods = {
      "Finder.load": (v) => Finder.load(v),
      readSeal: (v) => readSeal(v),
      search: (v) => finder.search(v),
      geocode: (v) => finder.geocode(v),
      suggest: (v) => finder.suggest(v, 8),
      "suggest limit": (v) => finder.suggest("Bed", v),
      didYouMean: (v) => finder.didYouMean(v, 3),
      "didYouMean limit": (v) => finder.didYouMean("Aylesbry", v),
      areaHelplines: (v) => finder.areaHelplines(v),
      loadGazetteer: (v) => finder.loadGazetteer(v),
      loadVacancies: (v) => finder.loadVacancies(v),
    };
    const problems = [];
    let calls = 0;
    for (const [name, method] of Object.entries(methods)) {
      for (const [i, value] of values.entries()) {
        calls += 1;
        const result = outcome(() => method(value));
        if (!result.ok && !result.isError) problems.push(`${name}(#${i}) threw a non-Error: ${result.message}`);
        if (!result.ok && /unreachable|out of bounds|recursive use|call stack|RuntimeError/i.test(result.message)) problems.push(`${name}(#${i}) trapped: ${result.message}`);
        if (!result.ok && result.message.length > 500) problems.push(`${name}(#${i}) said too much: ${result.message.slice(0, 80)}…`);
        if (result.ok && JSON.stringify(result.answer ?? null)?.includes("NaN")) problems.push(`${name}(#${i}) answered NaN`);
      }
      // The gazetteer and vacancies went through hostile bytes: put the real ones back.
      finder.loadGazetteer(gazetteer);
    }
    finder.loadVacancies(vacancies);
    const named = (call) => outcome(call).message;
    const after = finder.search({ near: "Bedford", kinds: ["refuge"], limit: 5 });
    const fresh = Finder.load(directory);
    fresh.loadGazetteer(gazetteer);
    return {
      calls,
      problems,
      afterCount: after.results.length,
      freshCount: fresh.search({ near: "MK40 1AA", limit: 5 }).results.length,
      geocodeAfter: finder.geocode("Aylesbury")?.label,
      messages: {
        cyclic: named(() => finder.search(cyclic)),
        deepKinds: named(() => finder.search({ near: "Bedford", kinds: deepList })),
        bigint: named(() => finder.search({ near: "Bedford", limit: 10n })),
        geocode42: named(() => finder.geocode(42)),
        suggest42: named(() => finder.suggest(42, 8)),
        getter: named(() => finder.search(throwing)),
        load: named(() => Finder.load("not bytes")),
        paris: named(() => finder.search({ near: { lat: 48.857, lon: 2.352 } })),
      },
    };
  });
  assert.ok(report.calls >= 100 * 11, `${report.calls} calls`);
  assert.deepEqual(report.problems, []);
  assert.equal(report.afterCount > 0, true, "the same Finder still searches");
  assert.equal(report.freshCount > 0, true, "a new Finder still loads and searches");
  assert.match(report.geocodeAfter ?? "", /^Aylesbury/);
  const m = report.messages;
  assert.match(m.cyclic, /^query\.self(\.self)*: expected values nested at most 8 deep/, m.cyclic);
  assert.match(m.deepKinds, /^query\.kinds(\[0\])*: expected values nested at most 8 deep/, m.deepKinds);
  assert.equal(m.bigint, "query.limit: expected a number, text, true or false, a list or an object, found a BigInt");
  assert.equal(m.geocode42, "text: expected text, found the number 42");
  assert.equal(m.suggest42, "prefix: expected text, found the number 42");
  assert.equal(m.getter, "query.near: reading it threw: a getter that throws");
  assert.equal(m.load, "bytes: expected the file's bytes as a Uint8Array, found text");
  assert.match(m.paris, /^query\.near: expected a point in the UK or its waters/);
  await context.close();
});
