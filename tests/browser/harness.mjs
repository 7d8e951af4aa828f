// Shared set-up for the browser tests: serve dist/ on a free loopback port and drive
// Debian's Chromium through playwright-core (which never downloads a browser of its own).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import net from "node:net";
import { before, after } from "node:test";

const require = createRequire(new URL("../../tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");

export const ROOT = new URL("../../", import.meta.url).pathname;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts tools/serve.py on a free port; resolves to { url, stop }. */
export async function serve() {
  const port = await freePort();
  const child = spawn("python3", [join(ROOT, "tools/serve.py")], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => chunk.toString().includes("served") && resolve());
    child.on("exit", (code) => reject(new Error(`serve.py exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/** Launches headless Chromium with no background traffic. Playwright's launch() gives
 * every browser a fresh, temporary profile of its own. */
export async function browser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/** Opens a page that records console messages, page errors and every request. */
export async function open(b, url, options = {}) {
  const context = await b.newContext(options);
  const page = await context.newPage();
  const log = { console: [], errors: [], requests: [] };
  page.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("request", (r) => log.requests.push(r.url()));
  await page.goto(url);
  return { page, context, log };
}

/** Starts the server and Chromium before a file's tests and stops them after; the
 * returned object holds them as `server` and `chromium`. */
export function setup() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.chromium = await browser();
  });
  after(async () => {
    await env.chromium?.close();
    env.server?.stop();
  });
  return env;
}

/** Waits until the page has fetched everything it ever will (network.js's last file). */
export async function loaded(page) {
  await page.waitForSelector("html[data-loaded]", { state: "attached" });
}
