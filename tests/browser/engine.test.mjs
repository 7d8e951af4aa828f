// The wasm engine in a real browser: the page searches through it, and its JavaScript
// API keeps the contract the CLI's JSON defines.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, setup } from "./harness.mjs";

const env = setup();

test("the page runs a search through the wasm and lists the results", async () => {
  const { page, log, context } = await env.open({ url: env.server.url });
  await page.waitForSelector("#search:not([hidden])");
  await page.fill("#place", "hp20 1");
  await page.check("input[name=need][value=talk]");
  await page.click("button[type=submit]");
  await page.waitForSelector("#results li");
  const items = await page.locator("#results li").allTextContents();
  assert.ok(items.some((t) => t.includes("Aylesbury Women's Aid")), items.join("\n"));
  assert.ok(await page.locator('a[href="tel:08082000247"]').count() > 0, "the national helpline has a tap-to-call link");
  assert.equal(await page.locator("#examples").isVisible(), true, "the example banner shows");
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.console, []);
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(origin)), [], "no request leaves the origin");
  await context.close();
});

test("finder.search returns exactly what haven search --json prints", async () => {
  const { page, context } = await env.open({ url: env.server.url });
  const fromWasm = await page.evaluate(async () => {
    const { default: init, Finder } = await import("./pkg/haven.js");
    await init();
    const bytes = new Uint8Array(await (await fetch("data/directory.bin")).arrayBuffer());
    const finder = Finder.load(bytes);
    finder.loadGazetteer(new Uint8Array(await (await fetch("data/gazetteer.bin")).arrayBuffer()));
    return finder.search({
      near: "DA6 7", kinds: ["refuge", "specialist_refuge"], radius_km: 300,
      household: { adults: [{ gender: "woman" }], children: [{ age: 13, sex: "boy" }] }, limit: 10,
    });
  });
  const cli = JSON.parse(execFileSync(join(ROOT, "target/release/haven"), [
    "search", "--bundle", join(ROOT, "dist/data/directory.bin"), "--near", "DA6 7",
    "--kind", "refuge", "--kind", "specialist_refuge", "--radius-km", "300",
    "--adult", "woman", "--child", "13:boy", "--limit", "10", "--json",
  ]).toString());
  assert.deepEqual(fromWasm, cli);
  assert.equal(cli.hidden.boys_age, 1);
  await context.close();
});

test("a bad bundle and a bad query field throw Errors that say what is wrong", async () => {
  const { page, context } = await env.open({ url: env.server.url });
  const messages = await page.evaluate(async () => {
    const { default: init, Finder } = await import("./pkg/haven.js");
    await init();
    const caught = (f) => { try { f(); return "no error"; } catch (e) { return `${e instanceof Error}: ${e.message}`; } };
    const bytes = new Uint8Array(await (await fetch("data/directory.bin")).arrayBuffer());
    const finder = Finder.load(bytes);
    return [
      caught(() => Finder.load(new Uint8Array([1, 2, 3]))),
      caught(() => Finder.load(new TextEncoder().encode("NOTHAVENxxxxxxxxxxxxxxxx"))),
      caught(() => finder.search({ near: { lat: 52, lon: 0 }, kinds: ["castle"] })),
      caught(() => finder.search({ near: { lat: 52, lon: 0 }, household: { children: [{ age: 3, sex: "dog" }] } })),
      caught(() => finder.search({ near: { lat: 95, lon: 0 } })),
      caught(() => finder.search({ near: { lat: 52, lon: 0 }, colour: "blue" })),
      caught(() => finder.search("Bedford")),
    ];
  });
  assert.match(messages[0], /^true: not a Haven directory bundle: expected at least 20 bytes, found 3/);
  assert.match(messages[1], /^true: not a Haven directory bundle: expected it to start with "HAVENDIR"/);
  assert.match(messages[2], /^true: query\.kinds\[0\]: unknown kind "castle"/);
  assert.match(messages[3], /^true: query\.household\.children\[0\]\.sex: unknown child sex "dog"/);
  assert.match(messages[4], /^true: query\.near: expected lat within ±90/);
  assert.match(messages[5], /^true: query\.colour: unknown field/);
  assert.match(messages[6], /^true: query: expected an object/);
  await context.close();
});

test("the gazetteer loads lazily and answers as haven geocode does", async () => {
  const { page, context, log } = await env.open({ url: env.server.url });
  const result = await page.evaluate(async () => {
    const { default: init, Finder } = await import("./pkg/haven.js");
    await init();
    const finder = Finder.load(new Uint8Array(await (await fetch("data/directory.bin")).arrayBuffer()));
    const before = [finder.hasGazetteer, finder.geocode("MK40 1") === undefined];
    let withoutGazetteer;
    try { finder.search({ near: "Bedford" }); } catch (e) { withoutGazetteer = e.message; }
    finder.loadGazetteer(new Uint8Array(await (await fetch("data/gazetteer.bin")).arrayBuffer()));
    let badBytes;
    try { finder.loadGazetteer(new Uint8Array(30)); } catch (e) { badBytes = e.message; }
    const started = performance.now();
    for (let i = 0; i < 200; i++) finder.suggest("Ayl", 8);
    const suggestMs = (performance.now() - started) / 200;
    let nowhere;
    try { finder.search({ near: "Narnia" }); } catch (e) { nowhere = e.message; }
    return {
      before, withoutGazetteer, badBytes, nowhere, suggestMs,
      newport: finder.geocode("Newport"),
      nothing: finder.geocode("🙂"),
      suggestions: finder.suggest("Ayl", 3).map((a) => a.label),
      avoided: finder.search({ near: "Aylesbury", avoid: [{ place: "Bedford", km: 10 }], kinds: ["specialist_refuge"] }).hidden,
    };
  });
  assert.deepEqual(result.before, [false, true]);
  assert.match(result.withoutGazetteer, /^query\.near: postcodes and place names need the gazetteer/);
  assert.match(result.badBytes, /not a Haven gazetteer/);
  assert.match(result.nowhere, /^query\.near: no postcode or place matches "Narnia"/);
  const cli = JSON.parse(execFileSync(join(ROOT, "target/release/haven"), ["geocode", "Newport", "--json"]).toString());
  assert.deepEqual(result.newport, cli);
  assert.equal(result.newport.candidates.length, 6);
  assert.equal(result.nothing, undefined);
  assert.equal(result.suggestions[0], "Aylesbury, Buckinghamshire");
  assert.deepEqual(result.avoided, { avoid: 1 });
  console.log(`suggest("Ayl", 8) in the browser: ${result.suggestMs.toFixed(3)} ms`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("finder.nationHelplines lists the helplines whose coverage names a whole nation", async () => {
  const { page } = await env.open({ url: env.server.url });
  const lists = await page.evaluate(async () => {
    const { default: init, Finder } = await import("./pkg/haven.js");
    await init();
    const finder = Finder.load(new Uint8Array(await (await fetch("data/directory.bin")).arrayBuffer()));
    return finder.nationHelplines().map(({ nation, helplines }) => [nation, helplines.map((h) => h.id)]);
  });
  const byNation = Object.fromEntries(lists);
  assert.deepEqual(Object.keys(byNation), ["england", "wales", "scotland", "northern_ireland"]);
  assert.ok(byNation.england.includes("national-domestic-abuse-helpline"));
  assert.ok(byNation.wales.includes("live-fear-free-helpline"));
  assert.ok(!Object.values(byNation).flat().includes("samaritans"), "a UK-wide line is no one nation's own");
});

test("finder.areaHelplines lists what a helpline search in that area would, without searching", async () => {
  const { page } = await env.open({ url: env.server.url });
  const [cardiff, bucks] = await page.evaluate(async () => {
    const { default: init, Finder } = await import("./pkg/haven.js");
    await init();
    const finder = Finder.load(new Uint8Array(await (await fetch("data/directory.bin")).arrayBuffer()));
    return [{ lat: 51.481, lon: -3.179 }, { lat: 51.815, lon: -0.81 }].map((near) => {
      const response = finder.search({ near, kinds: ["helpline"], limit: 50 });
      return {
        searched: response.results.filter((h) => h.distance_band === "serves_your_area").map((h) => h.id),
        listed: finder.areaHelplines(response.area.code).map((h) => h.id),
      };
    });
  });
  assert.deepEqual(cardiff.listed, cardiff.searched);
  assert.ok(cardiff.listed.includes("live-fear-free-helpline"));
  assert.deepEqual(bucks.listed, bucks.searched);
  assert.ok(bucks.listed.includes("rsass-asian-womens-helpline"));
});

test("finder.loadVacancies lays the day's vacancies over the directory and says what it did", async () => {
  const { page } = await env.open({ url: env.server.url });
  const seen = await page.evaluate(async () => {
    const { default: init, Finder } = await import("./pkg/haven.js");
    await init();
    const finder = Finder.load(new Uint8Array(await (await fetch("data/directory.bin")).arrayBuffer()));
    const updates = new Uint8Array(await (await fetch("data/vacancies.bin")).arrayBuffer());
    const refuge = () => finder
      .search({ near: { lat: 51.346, lon: -2.977 }, kinds: ["refuge"], today: "2026-12-01", limit: 50 })
      .results.find((h) => h.id === "example-refuge-north-somerset");
    const before = refuge();
    const first = finder.loadVacancies(updates);
    const after = refuge();
    const again = finder.loadVacancies(updates);
    let error = "no error";
    try { finder.loadVacancies(new Uint8Array(await (await fetch("data/directory.bin")).arrayBuffer())); } catch (e) { error = `${e instanceof Error}: ${e.message}`; }
    return { before, first, after, again, error };
  });
  assert.equal(seen.before.vacancy.status, "full");
  assert.deepEqual(seen.first, { applied: 3, older: 0, unknown: 0 });
  assert.deepEqual(seen.after.vacancy, { status: "available", units_free: 1, updated_at: "2026-11-30" });
  assert.ok(seen.after.matches.includes("vacancy"), seen.after.matches.join(", "));
  assert.deepEqual(seen.again, { applied: 0, older: 3, unknown: 0 }, "the same file twice changes nothing");
  assert.match(seen.error, /^true: not a Haven vacancy updates file: expected it to start with "HAVENVAC", found "HAVENDIR"/);
});
