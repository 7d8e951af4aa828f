// The survivor's finder: composes the components (www/components/) on this page's
// markup. Safety lives in them, each in one place: leaving (exit), every request
// (network); nothing is ever stored, so there is no storage code at all (tools/eslint
// forbids it), and the URL, title and history never change.

import { installExit } from "../components/exit/exit.js";
import { loadEngine } from "../components/network/network.js";
import { createWording } from "../components/wording/wording.js";
import { unpackTranslations } from "../components/wording/translations-file.js";
import { createLanguageSwitch } from "../components/language-switch/language-switch.js";
import { createHelplines, areaHelplines } from "../components/helplines/helplines.js";
import { showReady, showFailed, searchable } from "../components/page/ready.js";
import { createCheckedLine } from "../components/trust/checked.js";
import * as vocabulary from "../components/vocabulary.js";
import { createPlaceField, shortPlace } from "../components/place-field/place-field.js";
import { createHouseholdForm } from "../components/household-form/household-form.js";
import { createResultsList } from "../components/results-list/results-list.js";
import { embedOptions, startEmbedded } from "../components/embed/frame.js";
import { EN, LANGUAGES } from "./strings.js";

installExit(document.getElementById("exit"));
// What a council embedding the page chose (configuration only, never anything typed).
const options = embedOptions();
startEmbedded(options, { exit: document.getElementById("exit") });

const $ = (id) => document.getElementById(id);
const wording = createWording(EN, LANGUAGES);
const form = $("search");
const helplines = createHelplines(document.querySelector(".helplines"), wording);
// A "Did you mean …?" choice searches at once, as pressing Search would.
const place = createPlaceField($("place").closest("fieldset"), wording, { onPick: () => form.requestSubmit() });
// "Complex needs" is an assessment a worker makes, not something a survivor is asked to
// say of themselves; the professional view asks it.
const household = createHouseholdForm(form, wording, { needs: vocabulary.needs.filter((n) => n !== "complex_needs"), kinds: options.kinds });
const results = createResultsList($("results-section"), wording);
const checked = createCheckedLine($("checked"), wording);

function show({ finder, query, where }) {
  const response = finder.search(query);
  helplines.showFound(areaHelplines(finder, response));
  results.show(response, shortPlace(where.label), helplines.first());
}

// Everything on screen that [data-i18n] does not reach is reworded from what it shows
// (results, counts, errors), never searched again.
const languages = createLanguageSwitch(document.querySelector(".settings"), wording, {
  target: document.documentElement,
  onChange() {
    document.title = wording.t("brand");
    household.relabel();
    place.relabel();
    helplines.relabel();
    results.relabel();
    checked.relabel();
  },
});

async function submit(event, engine) {
  event.preventDefault();
  if (await search(engine)) results.focus();
}

/** Searches for what the form says; true once results show. */
async function search(engine) {
  place.close();
  // A new search takes the last one's results away first: an error never sits above
  // old results.
  results.clear();
  place.say(null);
  household.clearErrors();
  // Place names may still be arriving on a slow connection: say so rather than seem stuck.
  const waiting = setTimeout(() => results.waiting(), 200);
  let finder;
  try {
    finder = await searchable(engine);
  } catch {
    place.say("load_failed");
    return false;
  } finally {
    clearTimeout(waiting);
    results.clear();
  }
  const where = place.locate(finder);
  if (!where) return false;
  const query = household.query(where);
  const avoid = household.avoid();
  if (avoid) {
    const found = finder.geocode(avoid.text);
    if (!found) {
      household.avoidNotFound(avoid.text);
      return false;
    }
    query.avoid = [{ lat: found.lat, lon: found.lon, km: avoid.km }];
  }
  show({ finder, query, where });
  return true;
}

/** The council's area, when it embeds the page with one, is searched first (the results
 * show without taking the focus, so the council's page does not jump to them). */
async function showArea(engine, area) {
  const finder = await searchable(engine).catch(() => null);
  const found = finder?.geocode(area);
  if (!found || $("place").value.trim()) return;
  $("place").value = found.label;
  await search(engine);
}

function start() {
  const preferred = (navigator.language || "en").slice(0, 2);
  languages.choose(options.lang ?? preferred, false);
  const loading = loadEngine();
  // While the engine and data download (the page has nothing else to do).
  setTimeout(() => wording.prepare(), 0);
  loading.then(
    (engine) => {
      showReady(engine, { form, helplines, place, submit, checked });
      if (options.area) showArea(engine, options.area);
      // The other languages come last; until then a chosen language shows in English.
      engine.text
        .then((text) => {
          wording.addTranslations(unpackTranslations(text));
          if (wording.language !== "en") languages.choose(wording.language);
        })
        .catch(() => {})
        .finally(() => {
          // Nothing more will be requested (the tests wait for this).
          document.documentElement.dataset.loaded = "";
        });
    },
    (error) => showFailed(error, wording),
  );
}

start();
