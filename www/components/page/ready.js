// What every searching page does once the engine and directory are in: the loading line
// gives way to the form, the example banner shows if the directory holds examples, the
// helplines show each nation's own, the form searches, and the place field suggests once
// place names arrive (without them there are no suggestions; Search explains why).
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
