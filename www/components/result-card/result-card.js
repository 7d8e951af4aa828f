// One service in a list of results: its name, kind, where it is (a band, never a
// distance, for a confidential one), vacancy, why it matches and what is not known, what
// it does, and last the way in: its own contacts, its referral route in words, or the
// helpline that is the way in when the record states neither. Then its source.

import { el } from "../dom.js";
import * as vocabulary from "../vocabulary.js";
import { contactList, phoneLink } from "../contact-links/contact-links.js";
import { daysSince } from "../today.js";

// Easy Read's picture for each kind of service (drawn in
// components/language-switch/language-switch.css); a kind without one shows a list.
const KIND_ICONS = {
  refuge: "house", specialist_refuge: "people", dispersed: "house", sanctuary: "shield", second_stage: "house",
  emergency: "house", helpline: "phone", advocacy: "talk", outreach: "talk", children: "child", recovery: "talk",
  legal: "scales", perpetrator: "person", hba_fm: "shield",
};

// A record not checked against its source for this long may be out of date.
const OUT_OF_DATE_DAYS = 365;

function where(hit, wording) {
  const { t } = wording;
  let distance;
  if (hit.distance_km === null || wording.easyRead) distance = t(hit.distance_band);
  else distance = t("miles_away", { distance: wording.miles(hit.distance_km / vocabulary.kmPerMile) });
  if (hit.distance_band === "serves_your_area") return [distance];
  const area = hit.area_name ?? "";
  return [...wording.nodes(hit.confidential ? "confidential" : "in_area", { area }), " ", distance];
}

function vacancy(hit, wording) {
  const { t } = wording;
  const v = hit.vacancy;
  if (!v) return null;
  const days = daysSince(v.updated_at);
  const age = wording.daysAgo(days);
  const units = v.units_free ?? "";
  if (v.status === "unknown") return el("p", { class: "vacancy", text: t("vacancy_unknown") });
  if (days > vocabulary.vacancyFreshDays) {
    // Old news is only what was last known: never a match, never green.
    const key = v.status === "available" ? (units === "" ? "vacancy_last_space" : "vacancy_last_units") : "vacancy_last_full";
    return el("p", { class: "vacancy stale", text: t(key, { units, age }) });
  }
  const key = v.status === "available" ? (units === "" ? "vacancy_space" : "vacancy_units") : "vacancy_full_now";
  return el("p", { class: `vacancy ${v.status}`, text: t(key, { units, age }) });
}

/** How to get in, when the record's own contacts are not all of it: its referral route
 * in words, with the helpline's button where the route goes through one; or, with no
 * contact and no route, the helpline as the way in, saying so. */
function wayIn(hit, wording, helpline, hasContacts) {
  const { t } = wording;
  const helplineButton = () => (helpline?.phones?.[0] ? el("p", {}, ...phoneLink(helpline.phones[0], wording)) : null);
  const name = helpline?.name ?? t("ndah_name");
  const routes = hit.referral ?? [];
  const parts = [];
  // Through a professional (who may be the helpline's worker) or through a helpline:
  // one sentence, since both start with the same call.
  if (routes.includes("professional")) parts.push(el("p", { class: "referral" }, ...wording.nodes("referral_professional", { helpline: name })));
  else if (routes.includes("helpline")) parts.push(el("p", { class: "referral" }, ...wording.nodes("referral_helpline", { helpline: name })));
  if (routes.includes("council")) parts.push(el("p", { class: "referral", text: t("referral_council") }));
  if (routes.includes("self") && hasContacts) parts.push(el("p", { class: "referral", text: t("referral_self") }));
  const throughHelpline = routes.includes("professional") || routes.includes("helpline");
  if (!hasContacts && !throughHelpline) {
    parts.push(el("p", { class: "referral" }, ...wording.nodes("way_in_helpline", { helpline: name })));
  }
  if (!hasContacts || throughHelpline) parts.push(helplineButton());
  return parts;
}

/** A search result (one of finder.search's `results`, or `hidden_results`) as an
 * <li class="card">, worded by a Wording. `helpline` is the searched area's first
 * helpline (a result of the same shape): the way in when a card has no other. A page
 * adds its own parts (`extra`, before the way in), and greys a card (`greyed`) that
 * fails what was asked. */
export function resultCard(hit, wording, { helpline = null, extra = [], greyed = false } = {}) {
  const { t } = wording;
  const why = hit.matches.filter((m) => m !== "remote").map((m) => t(`match_${m}`));
  const unknown = (hit.unknown ?? []).map((u) => t(`unknown_${u}`));
  const contacts = hit.hidden_by ? null : contactList(hit, wording);
  const source = [t("source_label"), " ", el("bdi", { text: hit.source })];
  if (hit.source_date) source.push(` (${wording.date(hit.source_date)})`);
  source.push(". ", t("checked_on", { date: wording.date(hit.verified_on) }));
  if (daysSince(hit.verified_on) > OUT_OF_DATE_DAYS) source.push(" ", el("strong", { class: "out-of-date", text: t("out_of_date") }));
  return el(
    "li",
    { class: hit.hidden_by || greyed ? "card hidden-card" : unknown.length ? "card unsure" : "card" },
    el("h3", { dir: "auto", text: hit.name }),
    hit.hidden_by ? el("p", { class: "hidden-by", text: t(`hidden_by_${hit.hidden_by}`) }) : null,
    hit.example ? el("p", { class: "badge", text: t("example_badge") }) : null,
    el("p", { class: "kind", text: t(`kind_${hit.kind}`), "data-icon": KIND_ICONS[hit.kind] ?? "list" }),
    el("p", { class: "where" }, ...where(hit, wording)),
    vacancy(hit, wording),
    why.length ? el("p", { class: "why", text: `${t("why")} ${why.join(", ")}` }) : null,
    unknown.length ? el("p", { class: "unknown", "data-icon": "ask", text: t("unknown_intro", { list: unknown.join(", ") }) }) : null,
    hit.description ? el("p", { dir: "auto", text: hit.description }) : null,
    hit.hours ? el("p", { class: "hint", dir: "auto", text: hit.hours }) : null,
    ...extra,
    hit.hidden_by ? null : el("div", { class: "way-in" }, contacts, ...wayIn(hit, wording, helpline, contacts !== null)),
    el("p", { class: "source" }, ...source),
  );
}
