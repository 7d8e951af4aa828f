// What every searching page does once the engine and directory are in, and what it waits
// for before a search. Once loaded: the loading line gives way to the form, the example
// banner shows if the directory holds examples, the helplines show each nation's own,
// the form searches, and the place field suggests once place names arrive (without them
// there are no suggestions; Search explains why).
//
// Markup: <p id="loading">, the form, <p id="examples" hidden>.

import { nationHelplines } from "../helplines/helplines.js";

export function showReady(engine, { form, helplines, place, submit }) {
  document.getElementById("loading").hidden = true;
  form.hidden = false;
  document.getElementById("examples").hidden = engine.finder.exampleCount === 0;
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
