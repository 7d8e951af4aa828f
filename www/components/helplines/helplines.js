// Help now: 999 (with the ways to reach it without voice or hearing), the helpline to
// call first, and the others behind one "More helplines" line so they never push the
// search off a phone's first screen. Before a search the first is the national helpline
// and "More" holds each nation's own; after one, the searched area's helplines in the
// engine's order: the nation's own first, then those for everyone, then those for one
// group, then general lines.
//
// Markup (in the page, so it shows without JavaScript and if the engine fails):
//   <aside class="helplines"> … <details class="no-voice"> <li data-service="ID">… </details>
//   <ul class="first"><li class="fallback">… <a class="call" href="{{helpline.tel}}">…</a></li></ul>
//   <details class="more"><summary>…</summary><ul> each nation's own </ul></details> </aside>
// The build writes the national helpline's number, each nation's own helpline, and the
// 999 routes' sources, from their records in the directory; this script replaces them
// with the engine's once it loads.

import { el, part } from "../dom.js";
import { contactItems, phoneHref } from "../contact-links/contact-links.js";

/** Each nation's own helplines, [{ hit, nations }], from the engine's list of the
 * helplines that cover a whole nation. A helpline covering several nations (or the whole
 * UK) is no one nation's own, so it is left out. */
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
 * area's nation and the whole UK), most relevant first, from the engine without a
 * second search. */
export function areaHelplines(finder, response) {
  return response.area ? finder.areaHelplines(response.area.code) : [];
}

const digits = (number) => number.replace(/\D/g, "");
const reachable = (hit) => hit.phones.length > 0 || Boolean(hit.chat || hit.video || hit.email);

/** Help now, in `root` (the aside). */
export function createHelplines(root, wording) {
  const { t } = wording;
  const first = part(root, "ul.first");
  const fallback = part(first, "li.fallback");
  const more = part(root, "details.more");
  const summary = part(more, "summary");
  const list = part(more, "ul");
  // The 999 routes are in their own box; they are not listed again.
  const emergency = new Set([...root.querySelectorAll("[data-service]")].map((li) => li.dataset.service));
  // Null until the engine gives its helplines: until then the markup's own (the build's
  // from the directory) stand, and stay if the engine or the directory never arrives.
  let state = null;

  /** One helpline: its name, every route its record states, and its source. */
  function entry(hit) {
    const source = el("p", { class: "source" }, t("source_label"), " ", el("bdi", { text: hit.source }));
    return el("li", {}, el("p", { class: "name", dir: "auto", text: hit.name }), el("ul", { class: "contacts" }, ...contactItems(hit, wording)), source);
  }

  /** A nation's own helpline before a search: one button naming the service and the
   * nation ("Live Fear Free Helpline, Wales: 0808 80 10 800"), then its other routes. */
  function nationEntry({ hit, nations }) {
    const nation = nations.map((n) => t(`nation_${n}`)).join(", ");
    const [phone, ...others] = hit.phones;
    const items = contactItems({ ...hit, phones: others }, wording);
    if (phone) {
      const text = t("nation_helpline", { name: hit.name, nation, number: phone.number });
      items.unshift(el("li", {}, el("a", { class: "call", href: phoneHref(phone), "data-icon": "phone", dir: "auto", text })));
    }
    return el("li", {}, el("ul", { class: "contacts" }, ...items));
  }

  function render() {
    if (!state) return;
    // From here the summary says what this script lists, not the markup's default.
    summary.removeAttribute("data-i18n");
    for (const old of first.querySelectorAll("li:not(.fallback)")) old.remove();
    const { nations, found } = state;
    if (found) {
      const hits = found.filter((hit) => !emergency.has(hit.id) && reachable(hit));
      // The first is the most relevant one with a number to call.
      const top = hits.find((hit) => hit.phones.length > 0);
      const rest = hits.filter((hit) => hit !== top);
      // The area's first helpline takes the national one's place (it is often the same).
      if (top) {
        fallback.remove();
        first.append(entry(top));
      } else if (!fallback.isConnected) first.prepend(fallback);
      list.replaceChildren(...rest.map(entry));
      summary.textContent = t("more_helplines", { count: rest.length });
      more.hidden = rest.length === 0;
    } else {
      if (!fallback.isConnected) first.prepend(fallback);
      // Each nation's button names its service: "Live Fear Free Helpline, Wales: 0808 80 10 800".
      // The page's own line (the national helpline) is not listed twice.
      const national = digits(fallback.querySelector("a.call").getAttribute("href"));
      const shown = nations.filter(({ hit }) => reachable(hit) && !hit.phones.some((p) => digits(p.number) === national));
      list.replaceChildren(...shown.map(nationEntry));
      summary.textContent = t("more_helplines_nations");
      more.hidden = shown.length === 0;
    }
  }

  return {
    /** Before a search: the national helpline first, each nation's own (from
     * nationHelplines) under "More helplines". */
    showNations(entries) {
      state = { nations: entries, found: null };
      render();
    },
    /** After a search: the helplines that serve the searched area (from areaHelplines,
     * most relevant first) take the place of every nation's. */
    showFound(hits) {
      state = { nations: state?.nations ?? [], found: hits };
      render();
    },
    /** The helpline to call first now: the searched area's most relevant, or null before
     * a search (the page's national helpline). */
    first() {
      return state?.found?.find((hit) => !emergency.has(hit.id) && hit.phones.length > 0) ?? null;
    },
    /** Rewords what [data-i18n] does not reach. */
    relabel: render,
  };
}
