// The results of a search: a summary that says what the results are (how many, and
// within what distance: never "near" for what is far), a card for each service (those
// that meet everything first, then those with something not known), and the services
// the filters hid, which can be shown, greyed, each with its reason.
//
// Markup: a <section hidden> holding a heading, <p role="status"> (the summary),
// <ol class="results">, and <div class="hidden-services" hidden> with a <p>, the
// <button> that shows them and their <ol>.

import { part } from "../dom.js";
import { focusHere } from "../embed/frame.js";
import { resultCard } from "../result-card/result-card.js";

// The farthest band among results with premises, and the distance it is within.
const WITHIN = { under_5_miles: 5, "5_to_15_miles": 15, "15_to_40_miles": 40 };
const BANDS = ["under_5_miles", "5_to_15_miles", "15_to_40_miles", "over_40_miles"];

/** What the results are, as a summary key and its values. */
function summarise(response, place) {
  const n = response.results.length;
  if (!n) return { key: "none_found", values: {} };
  const located = response.results.filter((h) => h.distance_band !== "serves_your_area");
  if (!located.length) return { key: "found_remote", values: { n, place } };
  const farthest = BANDS[Math.max(...located.map((h) => BANDS.indexOf(h.distance_band)))];
  if (!(farthest in WITHIN)) return { key: "found_far", values: { n, place } };
  const key = located.length < n ? "found_within_or_remote" : "found_within";
  return { key, values: { n, place, miles: WITHIN[farthest] } };
}

export function createResultsList(root, wording) {
  const { t } = wording;
  const heading = part(root, "h2");
  const summary = part(root, "[role=status]");
  const list = part(root, "ol.results");
  const hiddenBox = part(root, ".hidden-services");
  const hiddenNote = part(hiddenBox, "p");
  const toggle = part(hiddenBox, "button");
  const hiddenList = part(hiddenBox, "ol");
  // What is on screen, so a change of language rewords all of it.
  let shown = null;

  function render() {
    if (!shown) return;
    const { response, place, helpline } = shown;
    const { key, values } = summarise(response, place);
    const distance = values.miles ? { distance: wording.miles(values.miles) } : {};
    const parts = [...wording.nodes(key, { ...values, ...distance })];
    const unsure = response.results.filter((h) => h.unknown.length > 0).length;
    // With one result, its card says what is not known.
    if (unsure && response.results.length > 1) parts.push(" ", t("found_unsure", { n: unsure }));
    summary.replaceChildren(...parts);
    list.replaceChildren(...response.results.map((hit) => resultCard(hit, wording, { helpline })));
    const hidden = response.hidden_results ?? [];
    hiddenBox.hidden = hidden.length === 0;
    hiddenNote.textContent = hidden.length ? t("hidden_note", { n: hidden.length }) : "";
    const open = toggle.getAttribute("aria-expanded") === "true";
    toggle.textContent = open ? t("hide_hidden") : t("show_hidden", { n: hidden.length });
    hiddenList.hidden = !open;
    hiddenList.replaceChildren(...(open ? hidden.map((hit) => resultCard(hit, wording)) : []));
  }

  toggle.addEventListener("click", () => {
    toggle.setAttribute("aria-expanded", String(toggle.getAttribute("aria-expanded") !== "true"));
    render();
  });

  return {
    /** Shows a response (finder.search's answer) for a place called `place` ("Hereford",
     * "MK40 1"); `helpline` is the area's first helpline, the way in for a card with no
     * other. */
    show(response, place, helpline = null) {
      shown = { response, place, helpline };
      toggle.setAttribute("aria-expanded", "false");
      root.hidden = false;
      render();
    },
    /** Says the search is waiting (for place names still arriving). */
    waiting() {
      shown = null;
      list.replaceChildren();
      hiddenBox.hidden = true;
      summary.textContent = t("loading");
      root.hidden = false;
    },
    /** Takes every result away: before a new search, and when a search fails. */
    clear() {
      shown = null;
      summary.replaceChildren();
      list.replaceChildren();
      hiddenList.replaceChildren();
      hiddenBox.hidden = true;
      root.hidden = true;
    },
    /** Rewords what is on screen in the current language. */
    relabel: render,
    /** Moves focus to the heading, as after a search. */
    focus() {
      heading.setAttribute("tabindex", "-1");
      focusHere(heading);
    },
  };
}
