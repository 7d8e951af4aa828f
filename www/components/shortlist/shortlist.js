// The shortlist: services a professional picked from results, held only in this page's
// memory (gone on exit or reload; nothing is stored or uploaded), printed on A4 with a
// confidentiality notice (shortlist.css), or downloaded as CSV made on the device.
//
// Markup, inside `root` (<section class="shortlist">): <h2>, <p class="note">,
// <p role="status">, <ol class="results">, <p class="confidential">, <p class="printed">
// and the buttons .print, .csv and .clear.

import { el, part } from "../dom.js";
import { resultCard } from "../result-card/result-card.js";
import { criteriaRow } from "../criteria-row/criteria-row.js";
import { csvText, shortlistRows } from "./shortlist-csv.js";

export function createShortlist(root, wording, { onChange = () => {} } = {}) {
  const { t } = wording;
  const status = part(root, "[role=status]");
  const list = part(root, "ol");
  const printed = part(root, ".printed");
  const buttons = [".print", ".csv", ".clear"].map((s) => part(root, s));
  /** id → { hit, helpline }, in the order added (the helpline is the way in for a card
   * with no other, as in the results). */
  const picked = new Map();
  const hits = () => [...picked.values()].map((p) => p.hit);

  function render() {
    status.textContent = picked.size ? t("shortlist_count", { n: picked.size }) : t("shortlist_empty");
    list.replaceChildren(...[...picked.values()].map(({ hit, helpline }) => {
      const remove = el("button", { type: "button", class: "secondary remove", text: t("shortlist_remove", { name: hit.name }) });
      remove.addEventListener("click", () => shortlist.remove(hit.id));
      return resultCard(hit, wording, { helpline, extra: [criteriaRow(hit, wording), remove] });
    }));
    for (const button of buttons) button.disabled = picked.size === 0;
    printed.textContent = t("shortlist_printed", { date: wording.date(new Date().toISOString().slice(0, 10)) });
    onChange();
  }

  const [print, csv, clear] = buttons;
  print.addEventListener("click", () => window.print());
  csv.addEventListener("click", () => {
    const blob = new Blob([csvText(shortlistRows(hits(), wording))], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = el("a", { href: url, download: t("shortlist_file"), hidden: "" });
    document.body.append(link);
    link.click();
    link.remove();
    // After the download has started; the file never leaves the device.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  });
  clear.addEventListener("click", () => {
    picked.clear();
    render();
  });

  const shortlist = {
    has: (id) => picked.has(id),
    hits,
    add(hit, helpline = null) {
      picked.set(hit.id, { hit, helpline });
      render();
    },
    remove(id) {
      picked.delete(id);
      render();
    },
    relabel: render,
  };
  render();
  return shortlist;
}
