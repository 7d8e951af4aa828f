// Writes integrity hashes into the built site (dist/): SHA-384 of the wasm and data
// files into js/integrity.js (network.js checks every fetch against them), then of every
// module and stylesheet into the pages, as integrity attributes and a modulepreload per
// module, so the browser refuses any file that is not the one built.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const sri = (path) => `sha384-${createHash("sha384").update(readFileSync(join(dist, path))).digest("base64")}`;

const data = ["pkg/haven_bg.wasm", "data/directory.bin", "data/gazetteer.bin"];
writeFileSync(
  join(dist, "js/integrity.js"),
  `// Written by tools/integrity.mjs at build time.\nexport default ${JSON.stringify(Object.fromEntries(data.map((p) => [p, sri(p)])), null, 2)};\n`,
);

const modules = readdirSync(join(dist, "js")).filter((f) => f.endsWith(".js")).map((f) => `js/${f}`).concat(["pkg/haven.js"]);
for (const page of ["index.html", "safety.html"]) {
  let html = readFileSync(join(dist, page), "utf8");
  html = html.replace(/<link rel="modulepreload"[^>]*>\n?/g, "");
  const preloads = modules
    .map((m) => `<link rel="modulepreload" href="${m}" integrity="${sri(m)}">`)
    // The engine and data download alongside the scripts, not after them.
    .concat(page === "index.html" ? data.map((d) => `<link rel="preload" href="${d}" as="fetch" crossorigin="anonymous">`) : [])
    .join("\n");
  html = html.replace(/(<script type="module" src="([^"]+)")>/g, (_, open, src) => `${open} integrity="${sri(src)}">`);
  html = html.replace(/(<link rel="stylesheet" href="([^"]+)")>/g, (_, open, href) => `${open} integrity="${sri(href)}">`);
  html = html.replace("</head>", `${preloads}\n</head>`);
  writeFileSync(join(dist, page), html);
}
console.log(`integrity written for ${data.length} data files and ${modules.length} modules`);
