// The survivor's finder: wires the form to the engine. Safety lives elsewhere, each in
// one place: leaving (exit.js), every request (network.js); nothing is ever stored,
// so there is no storage code at all, and the URL, title and history never change.

import { installExit } from "./exit.js";
import { addTranslations, apply, t, LANGUAGES, language } from "./i18n.js";
import { loadEngine } from "./network.js";
import { renderHelplines, renderNationHelplines, renderResults } from "./results.js";

installExit();

const $ = (id) => document.getElementById(id);
const form = $("search");
const place = $("place");
const options = $("place-options");

// What each answer to "What do you need?" searches for.
const KINDS = {
  stay: ["refuge", "specialist_refuge", "dispersed", "second_stage", "emergency"],
  home: ["sanctuary"],
  talk: ["helpline", "advocacy", "outreach", "recovery"],
  children: ["children"],
  community: [],
  legal: ["legal", "hba_fm"],
};
const COMMUNITIES = ["black_minoritised", "south_asian", "east_asian", "mena", "latin_american", "eastern_european", "jewish", "muslim", "gypsy_roma_traveller", "migrant_women", "lgbt_plus", "trans", "deaf", "disabled", "learning_disability", "older_people", "young_people", "men"];
const SPOKEN = [["", "any_language"], ...LANGUAGES.filter((l) => l.code !== "en").map((l) => [l.code, l.name]), ["sgn", "British Sign Language"]];

// Two places far apart in each nation. A helpline that serves both, and no other
// nation, is that nation's own: shown to everyone until a search says which nation they
// are in (a screen of helplines would push the search below the fold on a phone).
const NATIONS = {
  england: [[51.507, -0.128], [53.801, -1.549]],
  wales: [[51.481, -3.179], [53.046, -2.993]],
  scotland: [[55.953, -3.189], [57.478, -4.224]],
  northern_ireland: [[54.597, -5.93], [54.997, -7.309]],
};

function nationalHelplines(finder) {
  const found = new Map();
  for (const [nation, points] of Object.entries(NATIONS)) {
    const serving = points.map(([lat, lon]) =>
      finder.search({ near: { lat, lon }, kinds: ["helpline"], limit: 50 }).results.filter((h) => h.matches.includes("coverage")),
    );
    for (const hit of serving[0].filter((h) => serving.every((list) => list.some((other) => other.id === h.id)))) {
      const entry = found.get(hit.id) ?? { hit, nations: [] };
      entry.nations.push(nation);
      found.set(hit.id, entry);
    }
  }
  return [...found.values()].filter((entry) => entry.nations.length === 1);
}

let last = null;
let nationHelplines = [];

function fillSelects() {
  const languageSelect = $("language");
  languageSelect.replaceChildren(...LANGUAGES.map((l) => new Option(l.name, l.code, false, l.code === language())));
  const want = $("want-language");
  const chosen = want.value;
  want.replaceChildren(...SPOKEN.map(([code, name]) => new Option(code ? name : t(name), code, false, code === chosen)));
  const community = $("community");
  const picked = community.value;
  community.replaceChildren(new Option(t("any_community"), ""), ...COMMUNITIES.map((c) => new Option(t(`community_${c}`), c, false, c === picked)));
}

function relabel() {
  apply($("language").value || language(), $("easy-read").checked);
  fillSelects();
  for (const li of $("children").children) labelChild(li);
  if (last) show(last.finder, last.query, last.where);
  else renderNationHelplines(nationHelplines);
}

function labelChild(li) {
  li.querySelector(".age-label").textContent = t("child_age");
  li.querySelector(".sex-label").textContent = t("child_sex");
  const [boy, girl] = li.querySelector("select.sex").options;
  boy.textContent = t("boy");
  girl.textContent = t("girl");
  li.querySelector("button").textContent = t("remove_child");
}

let childCount = 0;
function addChild() {
  childCount += 1;
  const li = document.createElement("li");
  const age = document.createElement("select");
  age.className = "age";
  age.id = `child-age-${childCount}`;
  for (let a = 0; a <= 17; a++) age.append(new Option(String(a), String(a)));
  const sex = document.createElement("select");
  sex.className = "sex";
  sex.id = `child-sex-${childCount}`;
  sex.append(new Option("", "boy"), new Option("", "girl"));
  const ageLabel = Object.assign(document.createElement("label"), { className: "age-label", htmlFor: age.id });
  const sexLabel = Object.assign(document.createElement("label"), { className: "sex-label", htmlFor: sex.id });
  const remove = Object.assign(document.createElement("button"), { type: "button", className: "secondary" });
  remove.addEventListener("click", () => li.remove());
  li.append(ageLabel, age, sexLabel, sex, remove);
  labelChild(li);
  $("children").append(li);
  age.focus();
}

function closeOptions() {
  options.hidden = true;
  place.setAttribute("aria-expanded", "false");
  place.removeAttribute("aria-activedescendant");
}

function suggest(finder) {
  const answers = place.value.trim() ? finder.suggest(place.value, 6) : [];
  options.replaceChildren(...answers.map((a, i) => {
    const li = document.createElement("li");
    li.id = `place-option-${i}`;
    li.setAttribute("role", "option");
    li.textContent = a.label;
    li.addEventListener("mousedown", (e) => {
      e.preventDefault();
      place.value = a.label.split(",")[0];
      closeOptions();
    });
    return li;
  }));
  options.hidden = answers.length === 0;
  place.setAttribute("aria-expanded", String(answers.length > 0));
}

function moveOption(step) {
  const items = [...options.children];
  if (!items.length) return;
  const current = items.findIndex((li) => li.getAttribute("aria-selected") === "true");
  const next = (current + step + items.length) % items.length;
  items.forEach((li, i) => li.setAttribute("aria-selected", String(i === next)));
  place.setAttribute("aria-activedescendant", items[next].id);
}

function query(where) {
  const kinds = KINDS[form.elements.need.value] ?? [];
  const gender = $("gender").value;
  const children = [...$("children").children].map((li) => ({ age: Number(li.querySelector(".age").value), sex: li.querySelector(".sex").value }));
  const needs = [...form.querySelectorAll("input[name=needs]:checked")].map((c) => c.value);
  const spoken = $("want-language").value;
  const community = $("community").value;
  return {
    near: { lat: where.lat, lon: where.lon },
    kinds: form.elements.need.value === "community" && !community ? ["specialist_refuge"] : kinds,
    household: { adults: gender ? [{ gender }] : [], children },
    needs,
    languages: spoken ? [spoken] : [],
    communities: community ? [community] : [],
    limit: 25,
  };
}

function show(finder, q, where) {
  const response = finder.search(q);
  renderResults(response, where.label);
  const helplines = finder.search({ near: q.near, kinds: ["helpline"], limit: 10 });
  renderHelplines(helplines.results.filter((h) => h.distance_band === "serves_your_area"));
  $("results-section").hidden = false;
}

async function submit(event, engine) {
  event.preventDefault();
  closeOptions();
  // Place names may still be arriving on a slow connection: say so rather than seem stuck.
  let shownWaiting = false;
  const waiting = setTimeout(() => {
    shownWaiting = true;
    $("summary").textContent = t("loading");
    $("results-section").hidden = false;
  }, 200);
  let finder;
  try {
    finder = await engine.gazetteer;
  } catch {
    $("place-error").textContent = t("load_failed");
    return;
  } finally {
    clearTimeout(waiting);
    if (shownWaiting && !last) $("results-section").hidden = true;
  }
  $("place-error").textContent = "";
  $("avoid-error").textContent = "";
  const where = finder.geocode(place.value);
  if (!where) {
    $("place-error").textContent = t("not_found", { text: place.value.trim() });
    place.setAttribute("aria-invalid", "true");
    place.focus();
    return;
  }
  place.removeAttribute("aria-invalid");
  const q = query(where);
  const avoidText = $("avoid-place").value.trim();
  if (avoidText) {
    const avoid = finder.geocode(avoidText);
    if (!avoid) {
      $("avoid-error").textContent = t("avoid_not_found", { text: avoidText });
      $("avoid-place").focus();
      return;
    }
    q.avoid = [{ lat: avoid.lat, lon: avoid.lon, km: Number($("avoid-miles").value) * 1.609344 }];
  }
  last = { finder, query: q, where };
  show(finder, q, where);
  $("results-title").setAttribute("tabindex", "-1");
  $("results-title").focus();
}

function start() {
  const preferred = (navigator.language || "en").slice(0, 2);
  apply(LANGUAGES.some((l) => l.code === preferred) ? preferred : "en");
  fillSelects();
  $("language").addEventListener("change", relabel);
  $("easy-read").addEventListener("change", relabel);
  $("add-child").addEventListener("click", addChild);
  loadEngine().then(
    (engine) => {
      $("loading").hidden = true;
      form.hidden = false;
      $("examples").hidden = engine.finder.exampleCount === 0;
      // Once the gazetteer is in, so these eight searches never delay a first search.
      engine.gazetteer
        .catch(() => null)
        .then(() => {
          nationHelplines = nationalHelplines(engine.finder);
          if (!last) renderNationHelplines(nationHelplines);
        });
      form.addEventListener("submit", (e) => submit(e, engine));
      engine.gazetteer.then((finder) => {
        place.addEventListener("input", () => suggest(finder));
        place.addEventListener("keydown", (e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            moveOption(e.key === "ArrowDown" ? 1 : -1);
          } else if (e.key === "Escape") {
            closeOptions();
          } else if (e.key === "Enter" && place.getAttribute("aria-activedescendant")) {
            e.preventDefault();
            place.value = $(place.getAttribute("aria-activedescendant")).textContent.split(",")[0];
            closeOptions();
          }
        });
        place.addEventListener("blur", closeOptions);
      }, () => {}); // Without place names there are no suggestions; Search explains why.
      // The other languages come last; until then a chosen language shows in English.
      engine.translations
        .then((tables) => {
          addTranslations(tables);
          if (language() !== "en") relabel();
        })
        .catch(() => {})
        .finally(() => {
          // Nothing more will be requested (the tests wait for this).
          document.documentElement.dataset.loaded = "";
        });
    },
    () => {
      $("loading").textContent = t("load_failed");
    },
  );
}

start();
