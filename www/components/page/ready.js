// What every searching page does once the engine and directory are in, and what it waits
// for before a search. Once loaded: the loading line gives way to the form, the example
// banner shows if the directory holds examples, the helplines show each nation's own,
// the form searches, and the place field suggests once place names arrive (without them
// there are no suggestions; Search explains why), and the directory's date shows. If the
// engine or the directory cannot load, or the directory is refused (components/trust),
// the loading line says which; what the page carries itself (999, 55, the national
// helplines) stays.
//
// Markup: <p id="loading">, the form, <p id="examples" hidden>, <p id="checked" hidden>.

import { nationHelplines } from "../helplines/helplines.js";

export function showReady(engine, { form, helplines, place, submit, checked }) {
  document.getElementById("loading").hidden = true;
  form.hidden = false;
  document.getElementById("examples").hidden = engine.finder.exampleCount === 0;
  checked.show(engine.seal);
  helplines.showNations(nationHelplines(engine.finder));
  form.addEventListener("submit", (event) => submit(event, engine));
  engine.gazetteer.then((finder) => place.suggestFrom(finder), () => {});
}

/** The finder to search with: once place names and the day's vacancy updates are in, so
 * no result shows a vacancy older than the day's (both are preloaded and arrive
 * together; a failed update fetch leaves the directory's own). Rejects when place names
 * cannot load. */
export async function searchable(engine) {
  const finder = await engine.gazetteer;
  await engine.vacancies;
  return finder;
}

/** What the loading line says when loading failed (`error` from components/network):
 * a refused directory, or one that could not load. Nothing more will be requested. */
export function showFailed(error, wording) {
  const loading = document.getElementById("loading");
  // Each part is relabelled when the language changes ([data-i18n]).
  const keys = error?.refused ? ["directory_refused", "load_failed"] : ["load_failed"];
  const parts = keys.map((key) => Object.assign(document.createElement("span"), { textContent: wording.t(key) }));
  parts.forEach((part, i) => (part.dataset.i18n = keys[i]));
  loading.removeAttribute("data-i18n");
  loading.replaceChildren(...parts.flatMap((part) => [part, " "]));
  loading.classList.add("failed");
  document.documentElement.dataset.loaded = "";
}
