// The professional view: composes the shared components (exit, network, helplines, place
// field, result card, wording) with its own (the household form, criteria row, map,
// shortlist, offline copy). Nothing is stored unless someone asks for the offline copy;
// the shortlist lives in this page's memory only; every request is the fixed list in
// www/site.json, whatever is searched.

import { installExit } from "../components/exit/exit.js";
import { loadEngine } from "../components/network/network.js";
import { createWording } from "../components/wording/wording.js";
import { createHelplines, areaHelplines } from "../components/helplines/helplines.js";
import { showReady, showFailed, searchable } from "../components/page/ready.js";
import { createCheckedLine } from "../components/trust/checked.js";
import { createPlaceField, shortPlace } from "../components/place-field/place-field.js";
import { resultCard } from "../components/result-card/result-card.js";
import { criteriaRow, criterionLabel } from "../components/criteria-row/criteria-row.js";
import { createShortlist } from "../components/shortlist/shortlist.js";
import { createOffline } from "../components/offline/offline.js";
import { createUkMap } from "../components/uk-map/uk-map.js";
import { el } from "../components/dom.js";
import { createProForm } from "./household.js";
import { embedOptions, startEmbedded, framed, focusHere } from "../components/embed/frame.js";
import { EN } from "./strings.js";
import LANGUAGES from "../components/wording/languages.js";

installExit(document.getElementById("exit"));
// What a council embedding the view chose (configuration only, never anything typed).
const options = embedOptions();
startEmbedded(options, { exit: document.getElementById("exit") });

const $ = (id) => document.getElementById(id);
const wording = createWording(EN, LANGUAGES);
const { t } = wording;
const form = $("search");
// The page's [data-i18n] texts in this view's words (the shared markup's included).
wording.label(document.body);
document.title = `${t("title")}: ${t("brand")}`;
const helplines = createHelplines(document.querySelector(".helplines"), wording);
const place = createPlaceField($("place").closest(".near"), wording, { onPick: () => form.requestSubmit() });
const household = createProForm(form, wording, { kinds: options.kinds });
const shortlist = createShortlist(document.querySelector(".shortlist"), wording, { onChange: () => refreshButtons() });
// In another site's frame the offline copy would belong to that site's storage: the view
// stores nothing there, so it is not offered.
if (framed) document.querySelector(".offline").hidden = true;
else createOffline(document.querySelector(".offline"), wording);
let map = null;

/** The "Add to shortlist" button of a result, kept in step with the shortlist. */
function shortlistButton(hit, helpline) {
  const button = el("button", { type: "button", class: "secondary shortlist-toggle", "data-id": hit.id });
  button.addEventListener("click", () => {
    if (shortlist.has(hit.id)) shortlist.remove(hit.id);
    else shortlist.add(hit, helpline);
  });
  return button;
}
function refreshButtons() {
  for (const button of document.querySelectorAll(".shortlist-toggle")) {
    const on = shortlist.has(button.dataset.id);
    button.textContent = on ? t("shortlist_added") : t("shortlist_add");
    button.setAttribute("aria-pressed", String(on));
  }
}

function card(hit, helpline) {
  const fails = hit.fails ?? [];
  const failing = fails.length ? el("p", { class: "hidden-by", text: t("fails_intro", { list: fails.map((f) => criterionLabel(f, wording)).join(", ") }) }) : null;
  // What fails a stated need is for comparison only: it cannot be shortlisted.
  return resultCard(hit, wording, { helpline, greyed: fails.length > 0, extra: [criteriaRow(hit, wording), failing, fails.length ? null : shortlistButton(hit, helpline)] });
}

/** Finds a typed place, or says beside its field that nothing matches. */
function locate(finder, text, error, key) {
  const found = finder.geocode(text);
  if (!found) error.textContent = t(key, { text });
  return found;
}

function show(finder, { query, response, community, zones, where, miles }) {
  const accommodation = response.results;
  const failing = accommodation.filter((h) => (h.fails ?? []).length > 0).length;
  const helpline = areaHelplines(finder, response)[0] ?? null;
  const n = accommodation.length - failing;
  const distance = miles ? wording.miles(miles) : t("any_distance");
  const summary = [n ? t(where ? "pro_found_near" : "pro_found_anywhere", { n, miles: distance, place: where ? shortPlace(where.label) : "" }) : t("pro_none")];
  if (failing) summary.push(t("pro_found_failing", { n: failing }));
  const avoided = response.hidden.avoid ?? 0;
  if (avoided) summary.push(t("pro_hidden_avoid", { n: avoided }));
  $("summary").textContent = summary.join(" ");
  $("results").replaceChildren(...accommodation.map((hit) => card(hit, helpline)));
  map?.show({
    avoid: zones.map((z) => ({ lat: z.lat, lon: z.lon, km: z.km, label: z.text })),
    area: where && query.radius_km ? { lat: where.lat, lon: where.lon, km: query.radius_km, label: shortPlace(where.label) } : null,
    results: accommodation.filter((h) => h.area_point).map((h) => ({ ...h.area_point, label: h.name, number: accommodation.indexOf(h) + 1 })),
  });
  const area = community.response.area?.name ?? community.label;
  const services = community.response.results;
  $("community-summary").textContent = services.length ? t("community_for", { n: services.length, area }) : t("community_none", { area });
  $("community-results").replaceChildren(...services.map((hit) => card(hit, helpline)));
  refreshButtons();
  helplines.showFound(areaHelplines(finder, community.response));
  $("results-section").hidden = false;
}

async function submit(event, engine) {
  event.preventDefault();
  place.close();
  place.say(null);
  household.clearErrors();
  $("results-section").hidden = true;
  let finder;
  try {
    finder = await searchable(engine);
  } catch {
    place.say("load_failed");
    return;
  }
  const query = household.query();
  const zones = [];
  for (const zone of household.zones()) {
    const found = locate(finder, zone.text, zone.error, "avoid_zone_not_found");
    if (!found) return zone.input.focus();
    zones.push({ ...zone, lat: found.lat, lon: found.lon });
  }
  query.avoid = zones.map((z) => ({ lat: z.lat, lon: z.lon, km: z.km }));
  let where = null;
  if (household.where() === "near") {
    where = place.locate(finder);
    if (!where) return;
    query.near = { lat: where.lat, lon: where.lon };
  } else if (!zones.length) {
    $("anywhere-error").textContent = t("anywhere_needs_avoid");
    return $("add-avoid").focus();
  }
  // Community services cover where the household lives now: the place given, else the
  // first place to avoid, else the destination.
  const livesNow = $("lives-now").value.trim();
  let home = zones[0] ?? where;
  if (livesNow) {
    home = locate(finder, livesNow, $("lives-now-error"), "lives_now_not_found");
    if (!home) return $("lives-now").focus();
  }
  const response = finder.search(query);
  const kinds = ["advocacy", "outreach", "children", "legal", "hba_fm", "recovery"];
  const community = { response: finder.search({ near: { lat: home.lat, lon: home.lon }, kinds, radius_km: 40, limit: 20, today: query.today }), label: home.text ?? home.label };
  show(finder, { query, response, community, zones, where, miles: household.miles() });
  $("results-title").setAttribute("tabindex", "-1");
  focusHere($("results-title"));
}

function start() {
  const loading = loadEngine({ after: "cells" });
  loading.then(
    (engine) => {
      showReady(engine, { form, helplines, place, submit, checked: createCheckedLine($("checked"), wording) });
      // A council's area is where its households live now: their community services.
      if (options.area) {
        searchable(engine)
          .then((finder) => {
            const found = finder.geocode(options.area);
            if (found && !$("lives-now").value.trim()) $("lives-now").value = found.label;
          })
          .catch(() => {});
      }
      engine.text
        .then((cells) => {
          map = createUkMap($("map"), wording, cells);
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
