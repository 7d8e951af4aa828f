// Help now: 999, the national helpline and each nation's own, before any search; after
// a search, the helplines that serve the searched area.
//
// Markup (in the page, so it shows without JavaScript and if the engine fails):
//   <aside class="helplines"> … <ul><li>… <a class="call" href="{{helpline.tel}}">…</a></li></ul></aside>
// The build writes the national helpline's number there from its record in the
// directory (www/site.json's fallbackHelpline); this reads it from the first call link in
// the list. Other helplines with that number are not shown twice.

import { el, part } from "../dom.js";
import { phoneHref } from "../result-card/result-card.js";

const digits = (number) => number.replace(/\D/g, "");

/** Each nation's own helplines, [{ hit, nations }], from the engine's list of the
 * helplines that cover a whole nation. A helpline covering several nations (or the whole
 * UK) is no one nation's own, so it is left out: before a search the page shows one
 * short row, one button a nation. */
export function nationHelplines(finder) {
  const found = new Map();
  for (const { nation, helplines } of finder.nationHelplines()) {
    for (const hit of helplines) {
      const entry = found.get(hit.id) ?? { hit, nations: [] };
      entry.nations.push(nation);
      found.set(hit.id, entry);
    }
  }
  return [...found.values()].filter((entry) => entry.nations.length === 1);
}

/** The helplines that serve the area a search `response` is for (its council area, the
 * area's nation and the whole UK), from the engine without a second search. */
export function areaHelplines(finder, response) {
  return response.area ? finder.areaHelplines(response.area.code) : [];
}

/** Help now, in `root` (the aside). */
export function createHelplines(root, { t }) {
  const list = part(root, "ul");
  const national = digits(part(list, "a.call[href^='tel:']").getAttribute("href"));
  const callable = (hit) => hit.phones.length > 0 && !hit.phones.some((p) => digits(p.number) === national);
  return {
    /** Before a search: each nation's own helplines (from nationHelplines) as one row of
     * buttons named by nation, so they do not push the search off a phone's first
     * screen. The helpline's name completes the button's accessible name. */
    showNations(entries) {
      for (const old of list.querySelectorAll("li.nation")) old.remove();
      const links = entries.filter((e) => callable(e.hit)).map(({ hit, nations }) => {
        const phone = hit.phones[0];
        const text = `${nations.map((n) => t(`nation_${n}`)).join(", ")} ${phone.number}`;
        return el("a", { class: "call", href: phoneHref(phone), text, "aria-label": `${text}, ${hit.name}` });
      });
      if (links.length) list.append(el("li", { class: "nation" }, ...links));
    },
    /** After a search: the helplines that serve the searched area (from areaHelplines)
     * take the place of every nation's. */
    showFound(hits) {
      for (const old of list.querySelectorAll("li.found, li.nation")) old.remove();
      for (const hit of hits.filter(callable)) {
        const phone = hit.phones[0];
        list.append(el("li", { class: "found" }, el("span", { text: `${hit.name} ` }), el("a", { class: "call", href: phoneHref(phone), text: `${t("call")} ${phone.number}` })));
      }
    },
  };
}
