// Finishes the built site in dist/ (after `make build` has copied www/ there and written
// the wasm and data files):
//   1. merges www/translations/*.json into data/translations.json;
//   2. writes the SHA-384 of the wasm and data files into js/integrity.js (network.js
//      checks every fetch against them);
//   3. bundles each page's modules, the wasm-bindgen glue included, into one minified
//      module with esbuild: on a slow connection every extra file costs a round trip
//      (see tools/measure-first-results.mjs);
//   4. adds integrity attributes to the pages' script and stylesheet, and preloads for
//      the engine and data, so they download alongside the script, not after it;
//   5. writes a Brotli copy of every text and data file for servers that send it.
// Usage: node tools/build-page.mjs [dist]
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const require = createRequire(import.meta.url);
const esbuild = require("esbuild");

const dist = process.argv[2] ?? "dist";
const sri = (path) => `sha384-${createHash("sha384").update(readFileSync(join(dist, path))).digest("base64")}`;

// 1. Every language in one file, fetched whole on every visit.
const translations = {};
for (const file of readdirSync(join(dist, "translations")).sort()) {
  translations[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(join(dist, "translations", file), "utf8"));
}
writeFileSync(join(dist, "data/translations.json"), JSON.stringify(translations));
rmSync(join(dist, "translations"), { recursive: true });

// 2. What network.js checks each download against.
const data = ["pkg/haven_bg.wasm", "data/directory.bin", "data/gazetteer.bin", "data/translations.json"];
writeFileSync(
  join(dist, "js/integrity.js"),
  `// Written by tools/build-page.mjs at build time.\nexport default ${JSON.stringify(Object.fromEntries(data.map((p) => [p, sri(p)])), null, 2)};\n`,
);

// 3. One module per page.
const pages = { "index.html": "js/app.js", "safety.html": "js/safety.js" };
const sources = readdirSync(join(dist, "js"));
const built = esbuild.buildSync({
  entryPoints: Object.values(pages).map((p) => join(dist, p)),
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  legalComments: "none",
  write: false,
  outdir: join(dist, "js"),
  logLevel: "error",
});
for (const file of sources) rmSync(join(dist, "js", file));
for (const out of built.outputFiles) writeFileSync(out.path, out.contents);

// 4. Integrity on what each page loads, and preloads for what the survivor's page fetches.
for (const [page, script] of Object.entries(pages)) {
  let html = readFileSync(join(dist, page), "utf8");
  html = html.replace(/<link rel="modulepreload"[^>]*>\n?/g, "");
  html = html.replace(/(<script type="module" src="([^"]+)")>/g, (_, open, src) => `${open} integrity="${sri(src)}">`);
  html = html.replace(/(<link rel="stylesheet" href="([^"]+)")>/g, (_, open, href) => `${open} integrity="${sri(href)}">`);
  if (page === "index.html") {
    // The engine and the data the first search needs start downloading with the
    // script. The other languages are fetched after them (network.js), unpreloaded, so
    // they never compete with the first results.
    const preloads = data
      .filter((d) => d !== "data/translations.json")
      .map((d) => `<link rel="preload" href="${d}" as="fetch" crossorigin="anonymous" fetchpriority="high">`);
    html = html.replace("</head>", `${preloads.join("\n")}\n</head>`);
  }
  if (!html.includes(`src="${script}"`)) throw new Error(`${page} does not load ${script}`);
  writeFileSync(join(dist, page), html);
}

// 5. Brotli copies, served by tools/serve.py (and any host set up for them).
const COMPRESS = new Set([".html", ".js", ".css", ".wasm", ".bin", ".json"]);
function compressAll(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) compressAll(path);
    else if (COMPRESS.has(extname(name))) {
      const br = brotliCompressSync(readFileSync(path), { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 } });
      writeFileSync(`${path}.br`, br);
    }
  }
}
compressAll(dist);

console.log(`page built: ${Object.keys(pages).length} pages bundled, integrity for ${data.length} data files, ${Object.keys(translations).length} translations`);
