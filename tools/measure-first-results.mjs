// Measures how long a survivor waits for first results on a slow phone connection:
// Chrome DevTools' "Slow 4G" profile (562.5 ms latency, 180 KB/s down, 84 KB/s up) with
// the CPU slowed 4 times, from a cold start (fresh browser context, nothing cached).
//
// The "user" is a script in the page that types the place and presses Search the moment
// the form appears, so the figure is the page's own: from navigation start to the first
// result in the list, on the page's clock. Driving the page from Playwright instead adds
// its polling and actionability checks (about 0.3 s under the CPU slowdown), which is
// reported alongside as wall-clock time.
//
// Each run is also split, on the page's Resource Timing, into the time until the HTML has
// arrived, the time until the last file the first results needed had arrived, and the rest
// (starting the engine, decoding, searching, drawing); and the bytes those files took on
// the wire, compressed as the server sends them (tools/serve.py: the build's Brotli copies).
// Usage: node tools/measure-first-results.mjs [runs]   (after `make build`)
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const require = createRequire(new URL("../tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const runs = Number(process.argv[2] ?? 5);
const queries = ["MK40 1", "Bedford"];
const port = 8000 + Math.floor(Math.random() * 900);
const server = spawn("python3", [fileURLToPath(new URL("serve.py", import.meta.url))], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.on("data", (d) => String(d).includes("served") && resolve()));

// Runs in the page before its own scripts: submits as soon as the form shows, and notes
// when the first result is in the list. After Search it watches the list alone: watching
// the whole page cost the page 90 ms of its own figure while the results were drawn.
function user(place) {
  new MutationObserver((_, observer) => {
    const form = document.getElementById("search");
    if (!form || form.hidden) return;
    observer.disconnect();
    const list = document.getElementById("results");
    new MutationObserver((__, watching) => {
      if (!list.querySelector("li")) return;
      window.__firstResults = performance.now();
      watching.disconnect();
    }).observe(list, { childList: true });
    window.__submitted = performance.now();
    document.getElementById("place").value = place;
    form.requestSubmit();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const place of queries) {
  const page_ = [];
  const wall = [];
  const parts = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    await page.addInitScript(user, place);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__firstResults, null, { timeout: 60000, polling: 50 });
    wall.push(Date.now() - started);
    const run = await page.evaluate(() => {
      const first = window.__firstResults;
      const [html] = performance.getEntriesByType("navigation");
      const needed = performance.getEntriesByType("resource").filter((r) => r.responseEnd <= first);
      const lastFile = Math.max(html.responseEnd, ...needed.map((r) => r.responseEnd));
      return {
        first,
        html: html.responseEnd,
        files: lastFile - html.responseEnd,
        rest: first - lastFile,
        count: needed.length,
        names: needed.map((r) => new URL(r.name).pathname.slice(1)).sort(),
        bytes: html.encodedBodySize + needed.reduce((sum, r) => sum + r.encodedBodySize, 0),
      };
    });
    page_.push(run.first);
    parts.push(run);
    await context.close();
  }
  const s = (ms) => (ms / 1000).toFixed(2);
  console.log(
    `first results for "${place}" on Slow 4G with 4x CPU slowdown, ${runs} runs: median ${s(median(page_))} s ` +
      `(${page_.map(s).join(", ")} s); wall clock including Playwright ${s(median(wall))} s`,
  );
  const part = (key) => s(median(parts.map((p) => p[key])));
  const files = median(parts.map((p) => p.count));
  const bytes = median(parts.map((p) => p.bytes));
  console.log(
    `  of which (medians): HTML arrived ${part("html")} s; the ${files} files after it ${part("files")} s ` +
      `(${(bytes / 1024).toFixed(0)} KB on the wire with the HTML); engine, search and drawing ${part("rest")} s`,
  );
  console.log(`  the files: ${parts[0].names.join(", ")}`);
}
await browser.close();
server.kill();
