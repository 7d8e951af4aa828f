// Every request the page makes, in one place. They never depend on what anyone types or
// chooses: the same files, in the same order, on every visit, and nothing after them.
// Which files, and in what order, is www/site.json's "fetches" (the build writes them,
// with their SHA-384, into files.js). The page preloads the engine and data (see
// tools/build-page.mjs), and each file is checked here against its SHA-384: Chromium
// ignores integrity on fetch preloads, so the check is done on the bytes, and the
// preloaded download is reused. The signed files (the directory, the gazetteer, the
// day's vacancies) are checked against the publisher's keys instead (components/trust),
// so they can be published again without rebuilding the page.

import files from "./files.js";
import { checked } from "../trust/trust.js";

// Where the site's files are from this page: "" for a page at the root, "../" for one a
// folder down (the professional view), as its <html data-root> says.
const ROOT = document.documentElement.dataset.root ?? "";

function base64(buffer) {
  let text = "";
  for (const byte of new Uint8Array(buffer)) text += String.fromCharCode(byte);
  return btoa(text);
}

async function fetchBytes({ path, integrity }) {
  const response = await fetch(ROOT + path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  const bytes = await response.arrayBuffer();
  if (integrity && `sha384-${base64(await crypto.subtle.digest("SHA-384", bytes))}` !== integrity) {
    throw new Error(`${path} is not the file this page was built with`);
  }
  return new Uint8Array(bytes);
}

/** Loads the engine and the directory, and checks the directory's signature (a refused
 * directory rejects with an Error whose `refused` is true); then, without waiting, the
 * gazetteer and the
 * day's vacancy updates (`vacancies` settles once they are applied: a newer update
 * replaces the directory's own, and without the file the directory's stand; both are
 * preloaded, so a search that waits for them waits no longer than for the gazetteer).
 * `after` names the file fetched once the gazetteer is in, whether or not it
 * loaded: the other languages' wording on the survivor page, the land cells of the map
 * on the professional view. Every visit to a page makes these requests in this order,
 * whatever anyone types or chooses. */
export async function loadEngine({ after = "translations" } = {}) {
  const { default: init, Finder, readSeal } = await import("../../pkg/haven.js");
  const [wasm, directory] = await Promise.all([fetchBytes(files.engine), fetchBytes(files.directory)]);
  await init({ module_or_path: wasm });
  // Each signed file is used only once its signature checks (the gazetteer and the
  // vacancies as they arrive, so the first search waits for nothing more than before).
  // The gazetteer's and vacancies' checks start before the directory's is done, so the
  // three run side by side (WebCrypto works off the main thread).
  const signed = (bytes) => checked(readSeal, bytes).then(() => bytes);
  const placeNames = fetchBytes(files.gazetteer).then(signed);
  const updates = fetchBytes(files.vacancies).then(signed);
  // Handled below once the directory is in; if it is refused, nobody waits for them.
  placeNames.catch(() => {});
  updates.catch(() => {});
  const seal = await checked(readSeal, directory).catch((error) => {
    throw Object.assign(new Error(error.message), { refused: true });
  });
  const finder = Finder.load(directory);
  const gazetteer = placeNames.then((bytes) => {
    finder.loadGazetteer(bytes);
    return finder;
  });
  const vacancies = updates
    .then((bytes) => finder.loadVacancies(bytes))
    // A missing, damaged or refused update file leaves the directory's own vacancies.
    .catch(() => null);
  const text = Promise.all([gazetteer.catch(() => null), vacancies])
    .then(() => fetchBytes(files[after]))
    .then((bytes) => new TextDecoder().decode(bytes));
  return { finder, seal, gazetteer, vacancies, text };
}
