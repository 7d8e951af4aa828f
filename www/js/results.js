// Drawing results and helplines. Only textContent is used, never HTML, so nothing in
// a directory can inject markup.

import { t } from "./i18n.js";

const KM_PER_MILE = 1.609344;

// Easy Read's picture for each kind of service (drawn in haven.css).
const KIND_ICONS = {
  refuge: "house", specialist_refuge: "people", dispersed: "house", sanctuary: "shield", second_stage: "house",
  emergency: "house", helpline: "phone", advocacy: "talk", outreach: "talk", children: "child", recovery: "talk",
  legal: "scales", perpetrator: "person", hba_fm: "shield",
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter(Boolean));
  return node;
}

function daysSince(isoDate) {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  const now = Date.now();
  return Math.max(0, Math.floor((now - then) / 86400000));
}

function contactLinks(hit) {
  const links = [];
  for (const phone of hit.phones) {
    const digits = phone.number.replace(/[^\d+]/g, "");
    const scheme = phone.sms ? "sms" : "tel";
    const label = `${t(phone.sms ? "text" : "call")} ${phone.number}`;
    const extra = [phone.twenty_four_seven ? t("open_24h") : phone.hours, phone.free ? t("free_call") : ""].filter(Boolean).join(", ");
    links.push(el("li", {}, el("a", { class: "call", href: `${scheme}:${digits}`, text: label }), extra ? el("span", { class: "hint", text: ` ${extra}` }) : null));
  }
  if (hit.web && /^https?:\/\//.test(hit.web)) {
    links.push(el("li", {}, el("a", { class: "web", href: hit.web, target: "_blank", rel: "noreferrer noopener", text: t("website") })));
  }
  if (hit.email) links.push(el("li", {}, el("a", { class: "web", href: `mailto:${hit.email}`, text: `${t("email")} ${hit.email}` })));
  return links.length ? el("ul", { class: "contacts" }, ...links) : null;
}

function where(hit) {
  const area = hit.area_name ?? "";
  const distance = hit.distance_km === null ? t(hit.distance_band) : t("miles", { n: (hit.distance_km / KM_PER_MILE).toFixed(1) });
  if (hit.confidential) return `${t("confidential", { area })} ${distance}.`;
  if (hit.distance_band === "serves_your_area") return distance;
  return `${t("in_area", { area })}. ${distance}.`;
}

function vacancy(hit) {
  if (!hit.vacancy) return null;
  const days = daysSince(hit.vacancy.updated_at);
  const status = t(`vacancy_${hit.vacancy.status}`) + (hit.vacancy.units_free ? ` (${hit.vacancy.units_free})` : "");
  const age = days === 0 ? t("updated_today") : days === 1 ? t("updated_yesterday") : t("updated_days", { n: days });
  return el("p", { class: `vacancy ${hit.vacancy.status}`, text: `${status}, ${age}` });
}

function card(hit) {
  const why = hit.matches.filter((m) => m !== "remote").map((m) => t(`match_${m}`));
  return el(
    "li",
    { class: "card" },
    el("h3", { text: hit.name }),
    hit.example ? el("p", { class: "badge", text: t("example_badge") }) : null,
    el("p", { class: "kind", text: t(`kind_${hit.kind}`), "data-icon": KIND_ICONS[hit.kind] ?? "list" }),
    el("p", { class: "where", text: where(hit) }),
    vacancy(hit),
    why.length ? el("p", { class: "why", text: `${t("why")} ${why.join(", ")}` }) : null,
    hit.description ? el("p", { text: hit.description }) : null,
    hit.hours ? el("p", { class: "hint", text: hit.hours }) : null,
    contactLinks(hit),
    el("p", { class: "source", text: t("source", { date: hit.verified_on, source: hit.source }) }),
  );
}

/** Shows a response: the list, a summary and what the filters hid. */
export function renderResults(response, placeLabel) {
  document.getElementById("results").replaceChildren(...response.results.map(card));
  document.getElementById("summary").textContent = response.results.length
    ? t("found", { n: response.results.length, place: placeLabel })
    : t("none_found");
  const hidden = Object.entries(response.hidden).map(([reason, n]) => t(`hidden_${reason}`, { n }));
  document.getElementById("hidden-note").textContent = hidden.length ? `${t("hidden_intro")} ${hidden.join("; ")}.` : "";
}

const NDAH = "08082000247";

function helplineItem(hit, label, className) {
  const phone = hit.phones[0];
  const digits = phone.number.replace(/[^\d+]/g, "");
  return el("li", { class: className }, el("span", { text: `${label} ` }), el("a", { class: "call", href: `${phone.sms ? "sms" : "tel"}:${digits}`, text: `${t("call")} ${phone.number}` }));
}

const callable = (hit) => hit.phones.length > 0 && !hit.phones.some((p) => p.number.replace(/\D/g, "") === NDAH);

/** Before a search: each nation's own helplines ([{ hit, nations }], from
 * nationalHelplines in app.js), as one row of buttons named by nation so they do not
 * push the search off a phone's first screen. The helpline's name completes the button's
 * accessible name. */
export function renderNationHelplines(entries) {
  const list = document.getElementById("helpline-list");
  for (const old of list.querySelectorAll("li.nation")) old.remove();
  const links = entries.filter((e) => callable(e.hit)).map(({ hit, nations }) => {
    const phone = hit.phones[0];
    const text = `${nations.map((n) => t(`nation_${n}`)).join(", ")} ${phone.number}`;
    const href = `${phone.sms ? "sms" : "tel"}:${phone.number.replace(/[^\d+]/g, "")}`;
    return el("a", { class: "call", href, text, "aria-label": `${text}, ${hit.name}` });
  });
  if (links.length) list.append(el("li", { class: "nation" }, ...links));
}

/** After a search: the helplines that serve the searched area (its nation's and local
 * ones) take the place of every nation's. */
export function renderHelplines(hits) {
  const list = document.getElementById("helpline-list");
  for (const old of list.querySelectorAll("li.found, li.nation")) old.remove();
  for (const hit of hits.filter(callable)) list.append(helplineItem(hit, hit.name, "found"));
}
