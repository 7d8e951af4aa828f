// Finishes the built site in dist/ (after `make build` has copied www/ there and written
// the wasm and data files). www/site.json says what each page loads and requests, and
// the Content-Security-Policy; from it this:
//   1. merges www/translations/*.json into data/translations.txt (laid out by
//      components/wording/translations-file.js);
//   2. writes each file components/network fetches, with its SHA-384 unless it is signed,
//      into components/network/files.js (network.js checks every fetch against them),
//      and the publisher's public keys into components/trust/keys.js (the signed files
//      are checked against them, so they can be published again without a new page);
//   3. bundles each page's script, its components and the wasm-bindgen glue included,
//      into one minified module, and its stylesheet, each component's @imported, into
//      one minified stylesheet, with esbuild: on a slow connection every extra file costs
//      a round trip (see tools/measure-first-results.mjs); then removes the sources
//      (components' tests included) from dist/;
//   4. includes each component's markup where a page asks ({{include:…}}), drops the pages' comments and indentation, writes the policy into each page as a meta tag (frame-ancestors, which a meta
//      tag cannot carry, is sent only as a header by tools/serve.py), adds integrity
//      attributes to its script and stylesheet, and preloads for the engine and data, so
//      they download alongside the script, not after it;
//   and bundles each of site.json's "scripts" (what other sites load: embed.js) into one
//   classic script;
//   5. writes a Brotli copy of every text and data file for servers that send it.
// Usage: node tools/build-page.mjs DIST KEY.pub... (the key the data was signed with
// first, then any other the pages must trust: docs/signing.md)
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, readdirSync, rmSync, statSync, mkdirSync } from "node:fs";
import { join, extname, dirname, relative } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

import { packTranslations } from "../www/components/wording/translations-file.js";
import LANGUAGES from "../www/components/wording/languages.js";
import { phoneHref } from "../www/components/contact-links/contact-links.js";

const require = createRequire(import.meta.url);
const esbuild = require("esbuild");

const [dist = "dist", ...keyFiles] = process.argv.slice(2);
const site = JSON.parse(readFileSync(new URL("../www/site.json", import.meta.url), "utf8"));
const sri = (path) => `sha384-${createHash("sha384").update(readFileSync(join(dist, path))).digest("base64")}`;
/** The policy as a meta tag carries it (tools/serve.py adds headerOnlyPolicy). */
const policy = Object.entries(site.policy).map(([directive, sources]) => `${directive} ${sources}`).join("; ");
rmSync(join(dist, "site.json"), { force: true });

// 1. Every language in one file, fetched whole on every visit.
const translations = {};
for (const file of readdirSync(join(dist, "translations")).sort()) {
  translations[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(join(dist, "translations", file), "utf8"));
}
writeFileSync(join(dist, "data/translations.txt"), packTranslations(translations, LANGUAGES));
rmSync(join(dist, "translations"), { recursive: true });

// 2. What components/network fetches, in order, and the hash each unsigned one must have.
const files = Object.fromEntries(site.fetches.map((f) => [f.name, f.signed ? { path: f.path } : { path: f.path, integrity: sri(f.path) }]));
// The keys, as `haven keygen` writes them (name = "…", public = "64 hex digits").
const keys = keyFiles.map((file) => {
  const text = readFileSync(file, "utf8");
  const field = (name) => text.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m"))?.[1];
  const key = { name: field("name"), key: field("public") };
  if (!key.name || !/^[0-9a-f]{64}$/.test(key.key ?? "")) throw new Error(`${file}: expected a Haven public key (name = "…" and public = "64 hex digits"), as haven keygen writes`);
  return key;
});
if (!keys.length) throw new Error("expected the publisher's public keys after the dist folder (node tools/build-page.mjs dist KEY.pub…): the signed files cannot be checked without them");
writeFileSync(
  join(dist, "components/trust/keys.js"),
  `// Written by tools/build-page.mjs at build time.\nexport default ${JSON.stringify(keys, null, 2)};\n`,
);
writeFileSync(
  join(dist, "components/network/files.js"),
  `// Written by tools/build-page.mjs at build time from www/site.json.\nexport default ${JSON.stringify(files, null, 2)};\n`,
);

// 3. One module and one stylesheet per page; nothing else of the sources stays.
const pages = Object.entries(site.pages);
const built = esbuild.buildSync({
  entryPoints: [...new Set(pages.flatMap(([, p]) => [p.script, p.style]))].map((p) => join(dist, p)),
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  legalComments: "none",
  write: false,
  outbase: dist,
  outdir: dist,
  // The packages a component imports (@noble/ed25519) are the tools' own.
  nodePaths: [new URL("node_modules", import.meta.url).pathname],
  logLevel: "error",
});
// A component's markup (components/<name>/<name>.html), which a page includes as
// {{include:components/<name>/<name>.html}}: written once, shown without JavaScript.
const partials = {};
for (const name of readdirSync(join(dist, "components"))) {
  const file = `components/${name}/${name}.html`;
  try {
    partials[file] = readFileSync(join(dist, file), "utf8");
  } catch {
    // This component has no markup of its own.
  }
}
// Scripts other sites load (embed.js, the council's snippet): one classic script each, with
// no module syntax, since a host pastes a plain <script async>.
const standalone = Object.entries(site.scripts ?? {}).map(([out, source]) => {
  const [file] = esbuild.buildSync({ entryPoints: [join(dist, source)], bundle: true, minify: true, format: "iife", target: "es2020", legalComments: "none", write: false, logLevel: "error" }).outputFiles;
  return { path: join(dist, out), contents: file.contents };
});
rmSync(join(dist, "js"), { recursive: true });
rmSync(join(dist, "components"), { recursive: true });
// Each page's folder keeps only its page, its bundles (written next) and its service
// worker, if it has one.
for (const folder of new Set(["", ...pages.map(([page]) => dirname(page)).filter((d) => d !== ".")])) {
  for (const name of readdirSync(join(dist, folder))) {
    if (name.endsWith(".css") || (folder && name.endsWith(".js") && name !== "sw.js")) rmSync(join(dist, folder, name));
  }
}
for (const out of [...built.outputFiles, ...standalone]) {
  mkdirSync(dirname(out.path), { recursive: true });
  writeFileSync(out.path, out.contents);
}

// The helpline a page shows without JavaScript, or when the directory cannot load: its
// number comes from the directory's own record (which names its source), so the number
// lives in one place. A page writes {{helpline.number}} and {{helpline.tel}}.
const directory = JSON.parse(readFileSync(new URL("../data/directory.json", import.meta.url), "utf8"));
const fallback = directory.services.find((s) => s.id === site.fallbackHelpline);
const fallbackNumber = fallback?.phones?.[0]?.number;
if (!fallbackNumber || !fallback.source) {
  throw new Error(`www/site.json's fallbackHelpline "${site.fallbackHelpline}" must be a service in data/directory.json with a phone and a source`);
}

// Each nation's own helpline, in the page itself ({{nation-helplines}}), so a survivor in
// Wales, Scotland or Northern Ireland whose page cannot load or trust its directory still
// has their nation's line: a helpline whose coverage is that one nation, with a phone
// and a source, as the engine's nationHelplines() chooses them.
const escape = (text) => String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;");
const sourceOf = (record) => `${record.source.name}${record.source.date ? ` (${record.source.date})` : ""}`;
const nationNames = { wales: "Wales", scotland: "Scotland", northern_ireland: "Northern Ireland" };
const nationLines = Object.entries(nationNames).map(([nation, name]) => {
  const own = directory.services.filter((s) => s.kind === "helpline" && !s.general && !s.example && s.coverage?.length === 1 && s.coverage[0] === nation && s.phones?.length && s.source);
  if (own.length === 0) throw new Error(`data/directory.json has no helpline covering ${name} alone with a phone and a source: the pages carry each nation's own`);
  return own.map((record) => {
    const [phone] = record.phones;
    return `<li><ul class="contacts"><li><a class="call" href="${phoneHref(phone)}" data-icon="${phone.sms ? "text" : "phone"}" dir="auto"><bdi>${escape(record.name)}</bdi>, <span data-i18n="nation_${nation}">${name}</span>: ${escape(phone.number)}</a></li></ul>` +
      `<p class="source"><span data-i18n="source_label">Source:</span> <bdi>${escape(sourceOf(record))}</bdi></p></li>`;
  }).join("\n");
}).join("\n");

// 4. The policy, integrity on what each page loads, and preloads for what it fetches.
for (const [page, { script: scriptPath, style: stylePath, fetches, root = "" }] of pages) {
  let html = readFileSync(join(dist, page), "utf8").replace(/\{\{include:([\w./-]+)\}\}\n?/g, (_, file) => {
    if (!(file in partials)) throw new Error(`${page}: {{include:${file}}} names no component markup; expected one of ${Object.keys(partials).join(", ")}`);
    return partials[file];
  });
  // The page names its script and stylesheet from where it is.
  const script = relative(dirname(page), scriptPath);
  const style = relative(dirname(page), stylePath);
  if (root && !html.includes(`<html lang="en" dir="ltr" data-root="${root}">`)) {
    throw new Error(`${page} is ${root} from the site's root: its <html> must say data-root="${root}" (components/network fetches from there)`);
  }
  html = html.replaceAll("{{nation-helplines}}", nationLines);
  html = html.replaceAll("{{helpline.number}}", fallbackNumber).replaceAll("{{helpline.tel}}", phoneHref({ number: fallbackNumber }));
  // {{source:ID}} and {{video:ID}}: a record's source (with its date) and video route,
  // so what the page says of a service names where it comes from.
  html = html.replace(/\{\{(source|video):([\w-]+)\}\}/g, (_, field, id) => {
    const record = directory.services.find((s) => s.id === id);
    const value = field === "source" ? record?.source?.name && sourceOf(record) : record?.video;
    if (!value) throw new Error(`${page}: {{${field}:${id}}} needs a service "${id}" with a ${field} in data/directory.json`);
    return escape(value);
  });
  if (html.includes("{{")) throw new Error(`${page}: an unknown {{placeholder}}; expected {{include:FILE}}, {{nation-helplines}}, {{helpline.number}}, {{helpline.tel}}, {{source:ID}} or {{video:ID}}`);
  for (const [what, path] of [["script", `<script type="module" src="${script}">`], ["stylesheet", `<link rel="stylesheet" href="${style}">`]]) {
    if (!html.includes(path)) throw new Error(`${page} does not load the ${what} www/site.json gives it: ${path}`);
  }
  const referrer = '<meta name="referrer" content="no-referrer">\n';
  if (!html.includes(referrer) || html.includes(`http-equiv="Content-Security-Policy"`)) {
    throw new Error(`${page}: expected ${referrer.trim()} and no policy of its own (the build writes it from www/site.json)`);
  }
  html = html.replace(referrer, `${referrer}<meta http-equiv="Content-Security-Policy" content="${policy}">\n`);
  html = html.replace(/<link rel="modulepreload"[^>]*>\n?/g, "");
  // Comments and indentation are for whoever edits the page, not for those who load it
  // (a line's leading spaces only ever sit between tags, where any whitespace shows as one
  // space or none).
  html = html.replace(/<!--[\s\S]*?-->\n?/g, "").replace(/\n[ \t]+/g, "\n");
  const fromPage = (src) => join(dirname(page), src);
  html = html.replace(/(<script type="module" src="([^"]+)")>/g, (_, open, src) => `${open} integrity="${sri(fromPage(src))}">`);
  html = html.replace(/(<link rel="stylesheet" href="([^"]+)")>/g, (_, open, href) => `${open} integrity="${sri(fromPage(href))}">`);
  // The engine and the data the first search needs start downloading with the script.
  // What comes after them (the other languages, the map's land) is fetched unpreloaded
  // (components/network), so it never competes with the first results.
  const unknown = fetches.filter((name) => !site.fetches.some((f) => f.name === name));
  if (unknown.length) throw new Error(`${page} fetches ${unknown.join(", ")}, which www/site.json's fetches do not list`);
  const preloads = site.fetches
    .filter((f) => f.preload && fetches.includes(f.name))
    .map((f) => `<link rel="preload" href="${root}${f.path}" as="fetch" crossorigin="anonymous" fetchpriority="high">`);
  if (preloads.length) html = html.replace("</head>", `${preloads.join("\n")}\n</head>`);
  writeFileSync(join(dist, page), html);
}

// 5. Brotli copies, served by tools/serve.py (and any host set up for them).
const COMPRESS = new Set([".html", ".js", ".css", ".wasm", ".bin", ".json", ".txt"]);
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

console.log(`page built: ${pages.length} pages bundled, integrity for ${site.fetches.filter((f) => !f.signed).length} fetched files, ${site.fetches.filter((f) => f.signed).length} signed files checked against ${keys.map((k) => `"${k.name}"`).join(", ")}, ${Object.keys(translations).length} translations`);
