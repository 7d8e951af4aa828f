// Shared set-up for the browser tests (in tests/browser/ and each component's folder):
// serve dist/ on a free loopback port and drive Debian's Chromium through playwright-core
// (which never downloads a browser of its own). Every page a test opens comes from
// env.open(), which records its console and page errors; after each test they must be
// empty (or exactly the console messages the test said it expects).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import net from "node:net";
import assert from "node:assert/strict";
import { before, after, afterEach } from "node:test";

const require = createRequire(new URL("../../tools/package.json", import.meta.url));
const { chromium } = require("playwright-core");

export const ROOT = new URL("../../", import.meta.url).pathname;

/** www/site.json: each page, what it requests, and the Content-Security-Policy. */
export const SITE = JSON.parse(readFileSync(join(ROOT, "www/site.json"), "utf8"));

/** Every file `page` requests, in order, as paths from the site's root ("/" for index.html). */
export function requestsOf(page) {
  const { script, style, fetches } = SITE.pages[page];
  const path = (name) => `/${SITE.fetches.find((f) => f.name === name).path}`;
  return [`/${page.replace(/index\.html$/, "")}`, `/${style}`, `/${script}`, ...fetches.map(path)];
}

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

/** Starts tools/serve.py on a free port; resolves to { url, stop }. With `demo`, also
 * the demonstration council's site on another (`demoUrl`, http://localhost:PORT/: another
 * origin, and another site, from Haven's http://127.0.0.1). `env` adds to the server's
 * environment (HAVEN_FRAME_ANCESTORS). */
export async function serve({ demo = false, env = {} } = {}) {
  const port = await freePort();
  const demoPort = demo ? await freePort() : null;
  const child = spawn("python3", [join(ROOT, "tools/serve.py"), ...(demo ? ["--demo"] : [])], {
    env: { ...process.env, ...env, PORT: String(port), ...(demo ? { DEMO_PORT: String(demoPort) } : {}) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => chunk.toString().includes("served") && resolve());
    child.on("exit", (code) => reject(new Error(`serve.py exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, demoUrl: demo ? `http://localhost:${demoPort}/` : null, stop: () => child.kill() };
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

/** Starts the server (with `serverOptions`, as serve() takes them) and Chromium before a
 * file's tests and stops them after; the
 * returned object holds them as `server` and `chromium`, and opens pages with
 * `env.open(options)`: a new context (Playwright's options, e.g. viewport) with one page
 * that records console messages, page errors and requests, at `options.url` if given.
 * After each test every page opened in it is closed, and its console and page errors
 * must be empty, or the console's distinct messages exactly `options.expectConsole`
 * (["error: …"]): a blocked file is logged once per attempt, and whether its preload
 * and its fetch count as one attempt or two depends on timing. */
export function setup(serverOptions = {}) {
  const env = {};
  let opened = [];
  before(async () => {
    env.server = await serve(serverOptions);
    env.chromium = await browser();
  });
  afterEach(async () => {
    const pages = opened;
    opened = [];
    for (const { context } of pages) await context.close().catch(() => {});
    for (const { log, expectConsole, url } of pages) {
      assert.deepEqual(log.errors, [], `page errors on ${url}`);
      assert.deepEqual([...new Set(log.console)], expectConsole, `console messages on ${url}`);
    }
  });
  after(async () => {
    await env.chromium?.close();
    env.server?.stop();
  });
  env.open = async ({ url, expectConsole = [], ...contextOptions } = {}) => {
    const context = await env.chromium.newContext(contextOptions);
    const page = await context.newPage();
    const log = { console: [], errors: [], requests: [] };
    page.on("console", (m) => log.console.push(`${m.type()}: ${m.text()}`));
    page.on("pageerror", (e) => log.errors.push(String(e)));
    page.on("request", (r) => log.requests.push(r.url()));
    opened.push({ context, log, expectConsole, url: url ?? "a page" });
    if (url) await page.goto(url);
    return { page, context, log };
  };
  /** The survivor page at `viewport`, once its search form shows; `problems` collects
   * its console messages and page errors. */
  env.start = async (viewport = { width: 360, height: 780 }) => {
    const { page: p, context } = await env.open({ viewport });
    const problems = [];
    p.on("console", (m) => problems.push(`${m.type()}: ${m.text()}`));
    p.on("pageerror", (e) => problems.push(String(e)));
    await p.goto(env.server.url);
    await p.waitForSelector("#search:not([hidden])");
    return { p, context, problems };
  };
  return env;
}

/** Waits until the page has fetched everything it ever will (network.js's last file). */
export async function loaded(page) {
  await page.waitForSelector("html[data-loaded]", { state: "attached" });
}
