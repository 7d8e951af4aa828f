// Measures how long a survivor waits for first results on a slow phone connection:
// Chrome DevTools' "Slow 4G" profile (562.5 ms latency, 180 KB/s down, 84 KB/s up) with
// the CPU slowed 4 times. The clock runs from navigation until the first result is on
// screen, typing a postcode and pressing Search as soon as the form appears.
// Usage: node tools/measure-first-results.mjs [runs]   (after `make build`)
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const require = createRequire(new URL("../tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const runs = Number(process.argv[2] ?? 5);
const port = 8000 + Math.floor(Math.random() * 900);
const server = spawn("python3", [fileURLToPath(new URL("serve.py", import.meta.url))], { env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.on("data", (d) => String(d).includes("served") && resolve()));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
});
const times = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: 180000, uploadThroughput: 84375 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "commit" });
  await page.waitForSelector("#search:not([hidden])", { timeout: 60000 });
  await page.fill("#place", "MK40 1");
  await page.click("button[type=submit]");
  await page.waitForSelector("#results li", { timeout: 60000 });
  times.push(Date.now() - started);
  await context.close();
}
await browser.close();
server.kill();
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`first results on Slow 4G with 4x CPU slowdown, ${runs} runs: median ${(median / 1000).toFixed(2)} s (${times.map((t) => (t / 1000).toFixed(2)).join(", ")} s)`);
