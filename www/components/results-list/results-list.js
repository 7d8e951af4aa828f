// The results of a search: a summary, what the filters hid and why (counted per reason),
// and a card for each service.
//
// Markup: a <section hidden> holding a heading, <p role="status"> (the summary),
// <p class="hint"> (what was hidden) and <ol class="results">.

import { part } from "../dom.js";
import { resultCard } from "../result-card/result-card.js";

export function createResultsList(root, wording) {
  const { t } = wording;
  const heading = part(root, "h2");
  const summary = part(root, "[role=status]");
  const hiddenNote = part(root, "p.hint");
  const list = part(root, "ol.results");
  return {
    /** Shows a response (finder.search's answer) for a place called `placeLabel`. */
    show(response, placeLabel) {
      const n = response.results.length;
      list.replaceChildren(...response.results.map((hit) => resultCard(hit, wording)));
      summary.textContent = n ? t("found", { n, place: placeLabel }) : t("none_found");
      const hidden = Object.entries(response.hidden).map(([reason, count]) => t(`hidden_${reason}`, { n: count }));
      hiddenNote.textContent = hidden.length ? `${t("hidden_intro")} ${hidden.join("; ")}.` : "";
      root.hidden = false;
    },
    /** Says the search is waiting (for place names still arriving). */
    waiting() {
      summary.textContent = t("loading");
      root.hidden = false;
    },
    hide() {
      root.hidden = true;
    },
    /** Moves focus to the heading, as after a search. */
    focus() {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    },
  };
}
