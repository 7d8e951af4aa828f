// Every request the page makes, in one place. They never depend on what anyone types or
// chooses: the same files, in the same order, on every visit, and nothing after them.
// Each is checked against the hash written at build time (see tools/integrity.mjs).

import integrity from "./integrity.js";

async function fetchBytes(path) {
  // The page preloads these files; the same mode and integrity let the fetch reuse them.
  const response = await fetch(path, { integrity: integrity[path] });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Loads the engine and the directory; then, without waiting, the gazetteer. */
export async function loadEngine() {
  const { default: init, Finder } = await import("../pkg/haven.js");
  await init({ module_or_path: fetch("pkg/haven_bg.wasm", { integrity: integrity["pkg/haven_bg.wasm"] }) });
  const finder = Finder.load(await fetchBytes("data/directory.bin"));
  const gazetteer = fetchBytes("data/gazetteer.bin").then((bytes) => {
    finder.loadGazetteer(bytes);
    return finder;
  });
  return { finder, gazetteer };
}
