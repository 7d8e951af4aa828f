// One service in a list of results: its name, kind, where it is (a band, never a
// distance, for a confidential one), vacancy, why it matches, contacts and source.

import { el } from "../dom.js";
import * as vocabulary from "../vocabulary.js";

// Easy Read's picture for each kind of service (drawn in
// components/language-switch/language-switch.css); a kind without one shows a list.
const KIND_ICONS = {
  refuge: "house", specialist_refuge: "people", dispersed: "house", sanctuary: "shield", second_stage: "house",
  emergency: "house", helpline: "phone", advocacy: "talk", outreach: "talk", children: "child", recovery: "talk",
  legal: "scales", perpetrator: "person", hba_fm: "shield",
};

/** The href that calls (or texts) a phone: { number, sms }. */
export function phoneHref(phone) {
  return `${phone.sms ? "sms" : "tel"}:${phone.number.replace(/[^\d+]/g, "")}`;
}

function daysSince(isoDate) {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  const now = Date.now();
  return Math.max(0, Math.floor((now - then) / 86400000));
}

function contactLinks(hit, t) {
  const links = [];
  for (const phone of hit.phones) {
    const label = `${t(phone.sms ? "text" : "call")} ${phone.number}`;
    const extra = [phone.twenty_four_seven ? t("open_24h") : phone.hours, phone.free ? t("free_call") : ""].filter(Boolean).join(", ");
    links.push(el("li", {}, el("a", { class: "call", href: phoneHref(phone), text: label }), extra ? el("span", { class: "hint", text: ` ${extra}` }) : null));
  }
  if (hit.web && /^https?:\/\//.test(hit.web)) {
    links.push(el("li", {}, el("a", { class: "web", href: hit.web, target: "_blank", rel: "noreferrer noopener", text: t("website") })));
  }
  if (hit.email) links.push(el("li", {}, el("a", { class: "web", href: `mailto:${hit.email}`, text: `${t("email")} ${hit.email}` })));
  return links.length ? el("ul", { class: "contacts" }, ...links) : null;
}

function where(hit, t) {
  const area = hit.area_name ?? "";
  const distance = hit.distance_km === null ? t(hit.distance_band) : t("miles", { n: (hit.distance_km / vocabulary.kmPerMile).toFixed(1) });
  if (hit.confidential) return `${t("confidential", { area })} ${distance}.`;
  if (hit.distance_band === "serves_your_area") return distance;
  return `${t("in_area", { area })}. ${distance}.`;
}

function vacancy(hit, t) {
  if (!hit.vacancy) return null;
  const days = daysSince(hit.vacancy.updated_at);
  const status = t(`vacancy_${hit.vacancy.status}`) + (hit.vacancy.units_free ? ` (${hit.vacancy.units_free})` : "");
  const age = days === 0 ? t("updated_today") : days === 1 ? t("updated_yesterday") : t("updated_days", { n: days });
  return el("p", { class: `vacancy ${hit.vacancy.status}`, text: `${status}, ${age}` });
}

/** A search result (one of finder.search's `results`) as an <li class="card">, worded by
 * a Wording. */
export function resultCard(hit, { t }) {
  const why = hit.matches.filter((m) => m !== "remote").map((m) => t(`match_${m}`));
  return el(
    "li",
    { class: "card" },
    el("h3", { text: hit.name }),
    hit.example ? el("p", { class: "badge", text: t("example_badge") }) : null,
    el("p", { class: "kind", text: t(`kind_${hit.kind}`), "data-icon": KIND_ICONS[hit.kind] ?? "list" }),
    el("p", { class: "where", text: where(hit, t) }),
    vacancy(hit, t),
    why.length ? el("p", { class: "why", text: `${t("why")} ${why.join(", ")}` }) : null,
    hit.description ? el("p", { text: hit.description }) : null,
    hit.hours ? el("p", { class: "hint", text: hit.hours }) : null,
    contactLinks(hit, t),
    el("p", { class: "source", text: t("source", { date: hit.verified_on, source: hit.source }) }),
  );
}
