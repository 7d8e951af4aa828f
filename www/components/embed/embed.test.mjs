// The widget on a council's page, on another origin (and another site): the demonstration
// council (tools/serve.py --demo, demo/) embeds it the documented ways, with a mock
// analytics script that records everything it can see. A search in the widget works and
// the host learns nothing but heights; exit leaves the whole tab; a strict host policy and
// a right-to-left host work; nothing is requested anywhere else.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { setup, serve } from "../../../tests/browser/harness.mjs";

const require = createRequire(new URL("../../../tools/package.json", import.meta.url));
const { AxeBuilder } = require("@axe-core/playwright");

const NEUTRAL = "https://www.bbc.co.uk/weather";
const env = setup({ demo: true });

/** The council's `page` at `viewport`, once the widget's form shows: { p, frame, context }. */
async function council(page = "index.html", viewport = { width: 1280, height: 900 }) {
  const { page: p, context, log } = await env.open({ viewport });
  await context.route("https://www.bbc.co.uk/**", (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><p>Weather</p>" }));
  await p.goto(env.server.demoUrl + page);
  const frame = await (await p.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector("#search:not([hidden])");
  return { p, frame, context, log };
}

/** Types `place` into the widget key by key, as a person would, and searches. */
async function search(p, frame, place) {
  await frame.fill("#place", "");
  await frame.click("#place");
  await p.keyboard.type(place, { delay: 10 });
  await frame.waitForTimeout(300);
  await p.keyboard.press("Escape");
  await p.keyboard.press("Enter");
  await frame.waitForFunction((typed) => document.querySelector("#summary")?.textContent.includes(typed), place.split(" ")[0]);
}

const saw = (p) => p.evaluate(() => window.analyticsSaw);

test("a search in the widget works and the council's analytics sees no keystroke, field or search text", async () => {
  const { p, frame } = await council();
  await search(p, frame, "MK40 1AA");
  assert.ok(await frame.locator("#results > li").count() > 0, "results in the widget");
  const seen = await saw(p);
  const text = JSON.stringify(seen).toLowerCase();
  for (const secret of ["mk40", "1aa"]) assert.ok(!text.includes(secret), `the host saw "${secret}": ${text.slice(0, 400)}`);
  assert.deepEqual(seen.filter((e) => ["keydown", "keyup", "keypress", "input", "beforeinput", "change", "paste", "submit"].includes(e.what) && e.type === undefined), [], "keyboard or form events reached the host");
  assert.ok(seen.some((e) => e.what === "read the frame" && e.outcome === "could not read it"), "the host tried to read the frame");
  assert.ok(!seen.some((e) => e.what === "read the frame" && e.outcome !== "could not read it"), "the host read the frame");
  // Nothing is stored inside the widget either (where the browser gives a frame of
  // another site storage at all).
  const stored = await frame.evaluate(() => {
    const size = (get) => {
      try {
        return get().length;
      } catch {
        return 0;
      }
    };
    return [size(() => document.cookie), size(() => localStorage), size(() => sessionStorage)];
  });
  assert.deepEqual(stored, [0, 0, 0]);
  // The search is in neither address.
  assert.ok(!frame.url().toLowerCase().includes("mk40") && !p.url().toLowerCase().includes("mk40"));
});

test("the only messages the host receives are the widget's height, and the frame takes it", async () => {
  const { p, frame } = await council();
  await search(p, frame, "Hereford");
  await p.waitForTimeout(500);
  const messages = (await saw(p)).filter((e) => e.what === "message");
  assert.ok(messages.length > 0);
  for (const m of messages) {
    assert.equal(m.origin, new URL(env.server.url).origin);
    assert.deepEqual(Object.keys(m.data).sort(), ["haven", "height"]);
    assert.equal(m.data.haven, "height");
    assert.equal(typeof m.data.height, "number");
  }
  const last = messages.at(-1).data.height;
  const [shown, window_] = await p.locator("iframe").evaluate((f) => [f.getBoundingClientRect().height, window.innerHeight]);
  // As tall as the widget, up to the window: then it scrolls inside, its exit on screen.
  assert.ok(last > window_, "the results are taller than the window");
  assert.equal(shown, window_);
  const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(Math.abs(inner - last) <= 1, "the height is the widget's own");
});

test("embed.js takes heights only from the widget, and only in their one shape", async () => {
  const { p, frame } = await council();
  await p.waitForTimeout(500);
  const height = () => p.locator("iframe").evaluate((f) => f.style.height);
  const before = await height();
  // From the host itself (another origin than Haven's): ignored.
  await p.evaluate(() => window.postMessage({ haven: "height", height: 123 }, "*"));
  // From the widget, but not only a height: ignored.
  await frame.evaluate(() => parent.postMessage({ haven: "height", height: 124, extra: 1 }, "*"));
  await frame.evaluate(() => parent.postMessage({ haven: "height", height: "125" }, "*"));
  await frame.evaluate(() => parent.postMessage({ haven: "height", height: -1 }, "*"));
  await p.waitForTimeout(200);
  assert.equal(await height(), before);
  await frame.evaluate(() => parent.postMessage({ haven: "height", height: 321.2 }, "*"));
  await p.waitForFunction(() => document.querySelector("iframe").style.height === "322px");
});

test("while results are read in a widget taller than the phone's screen, its exit stays on screen", async () => {
  const { p, frame } = await council("index.html", { width: 360, height: 740 });
  await p.locator("iframe").scrollIntoViewIfNeeded();
  const before = await p.evaluate(() => window.scrollY);
  await search(p, frame, "Hereford");
  // Search moves the focus to the results inside the widget without scrolling the
  // council's page, which would take the widget's exit off screen.
  assert.equal(await p.evaluate(() => window.scrollY), before);
  assert.ok(await frame.evaluate(() => document.activeElement.id === "results-title"));
  const shown = await frame.locator("#exit").boundingBox();
  assert.ok(shown && shown.y >= -1, `exit at ${JSON.stringify(shown)}`);
  await frame.locator("#results > li").last().scrollIntoViewIfNeeded();
  await p.locator("iframe").scrollIntoViewIfNeeded();
  const exit = await frame.locator("#exit").boundingBox();
  assert.ok(exit && exit.y >= -1 && exit.y + exit.height <= 741, `exit at ${JSON.stringify(exit)}`);
});

test("the frame is cross-origin, sandboxed to what the widget needs, and sends no referrer", async () => {
  const { p } = await council();
  const attributes = await p.locator("iframe").evaluate((f) => ({ sandbox: f.getAttribute("sandbox"), allow: f.getAttribute("allow"), referrer: f.referrerPolicy, title: f.title, src: f.src }));
  assert.equal(new URL(attributes.src).origin, new URL(env.server.url).origin);
  assert.equal(attributes.sandbox, "allow-scripts allow-same-origin allow-forms allow-top-navigation");
  assert.match(attributes.allow, /geolocation 'none'/);
  assert.equal(attributes.referrer, "no-referrer");
  assert.match(attributes.title, /domestic abuse/i);
  assert.equal(new URL(attributes.src).searchParams.get("area"), "E06000055");
});

async function expectLeft(p) {
  await p.waitForURL(NEUTRAL, { timeout: 5000 });
  await p.goBack().catch(() => {});
  assert.ok(!p.url().startsWith(env.server.demoUrl), `Back returned to ${p.url()}`);
}

test("exit by the widget's button replaces the whole council page, and Back does not return to it", async () => {
  const { p, frame } = await council();
  await search(p, frame, "Bedford");
  await frame.click("#exit");
  await expectLeft(p);
});

test("exit by Shift three times inside the widget replaces the whole council page", async () => {
  const { p, frame } = await council();
  await frame.click("#place");
  for (let i = 0; i < 3; i++) await p.keyboard.press("Shift");
  await expectLeft(p);
});

test("a call button inside the widget reaches the phone, and a service's website opens in the whole tab", async () => {
  const { p, frame, context } = await council();
  await context.route(/^https:\/\/www\.nationaldahelpline\.org\.uk\//, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Helpline</title>" }));
  const calls = [];
  await frame.click('a.web[href^="https://www.nationaldahelpline.org.uk"]:visible >> nth=0');
  await p.waitForURL(/^https:\/\/www\.nationaldahelpline\.org\.uk\//);
  // A call, on a page of its own: headless Chromium has no app for tel: and, once asked,
  // takes no more clicks on that page.
  const again = await council();
  again.p.on("request", (r) => r.url().startsWith("tel:") && calls.push(r.url()));
  await again.frame.click("a.call >> nth=0");
  await again.p.waitForTimeout(300);
  assert.deepEqual(calls, ["tel:999"]);
  assert.ok(again.p.url().startsWith(env.server.demoUrl), "a call leaves the page where it is");
});

test("the council's own exit button still works with the widget on its page", async () => {
  const { p } = await council();
  await p.click("#leave");
  await p.waitForURL(NEUTRAL, { timeout: 5000 });
});

test("a host whose policy allows only Haven's origin for scripts and frames shows a working widget", async () => {
  const { p, frame } = await council("strict.html");
  const response = await p.request.get(env.server.demoUrl + "strict.html");
  assert.match(response.headers()["content-security-policy"], /script-src 'self' http:\/\/127\.0\.0\.1:\d+; frame-src http:\/\/127\.0\.0\.1:\d+/);
  await search(p, frame, "Hereford");
  assert.ok(await frame.locator("#results > li").count() > 0);
});

test("a right-to-left host shows the widget in its language, right to left, at full width", async () => {
  const { p, frame } = await council("rtl.html", { width: 360, height: 780 });
  await frame.waitForFunction(() => document.documentElement.lang === "ar" && document.documentElement.dir === "rtl");
  const [outer, inner] = await Promise.all([p.locator(".widget").evaluate((w) => w.clientWidth), p.locator("iframe").evaluate((f) => f.getBoundingClientRect().width)]);
  assert.ok(Math.abs(outer - inner) <= 1, `frame ${inner} px in a ${outer} px column`);
  // The accent is made readable: the host's own colour passes, unchanged.
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent").trim()), "#2a4d69");
});

test("the plain iframe form works, with its options as URL parameters", async () => {
  const { p, frame } = await council("iframe.html");
  await frame.waitForFunction(() => document.querySelector("#place").value === "Bedford");
  await search(p, frame, "Hereford");
  assert.ok(await frame.locator("#results > li").count() > 0);
});

test("the professional view embeds too: the council's area is where the household lives now, and nothing offers storage", async () => {
  const { p, frame } = await council("professional.html");
  await frame.waitForFunction(() => document.querySelector("#lives-now").value === "Bedford");
  assert.equal(await frame.locator(".offline").isHidden(), true);
  assert.equal(await p.locator("iframe").getAttribute("sandbox"), "allow-scripts allow-same-origin allow-forms allow-top-navigation allow-modals allow-downloads");
  await frame.fill("#place", "Hereford");
  await frame.click("#search button[type=submit]");
  await frame.waitForSelector("#results > li");
  // The browser refuses a service worker to a sandboxed frame of another site; either way none is there.
  assert.equal(await frame.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length, () => 0)), 0);
});

test("nothing is requested anywhere but Haven, the council and the exit's destination", async () => {
  const { p, frame, log } = await council();
  await search(p, frame, "MK40 1AA");
  await frame.click("#exit");
  await p.waitForURL(NEUTRAL);
  const allowed = new Set([new URL(env.server.url).origin, new URL(env.server.demoUrl).origin, new URL(NEUTRAL).origin]);
  const elsewhere = log.requests.filter((url) => !url.startsWith("data:") && !allowed.has(new URL(url).origin));
  assert.deepEqual(elsewhere, []);
  // And no request Haven gets carries what was searched.
  assert.deepEqual(log.requests.filter((url) => /mk40/i.test(url)), []);
});

test("axe finds no WCAG A or AA violation inside the widget, before and after a search, at 320 and 1280 px", async () => {
  for (const width of [320, 1280]) {
    const { p, frame } = await council("index.html", { width, height: 800 });
    await search(p, frame, "Hereford");
    const { violations } = await new AxeBuilder({ page: p }).include("iframe").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), [], `at ${width} px`);
  }
});

test("a deployment that names its councils is not framed by any other site", async () => {
  const listed = await serve({ demo: true, env: { HAVEN_FRAME_ANCESTORS: "https://www.council.gov.uk" } });
  try {
    const response = await fetch(listed.url);
    assert.match(response.headers.get("content-security-policy"), /frame-ancestors https:\/\/www\.council\.gov\.uk(;|$)/);
    const { page: p } = await env.open({ expectConsole: [`error: Framing '${listed.url}' violates the following Content Security Policy directive: "frame-ancestors https://www.council.gov.uk". The request has been blocked.\n`] });
    await p.goto(listed.demoUrl);
    const frame = await (await p.waitForSelector("iframe")).contentFrame();
    await p.waitForTimeout(1500);
    assert.equal(await frame.locator("#search").count(), 0, "the widget showed on a site the deployment does not name");
  } finally {
    listed.stop();
  }
});
