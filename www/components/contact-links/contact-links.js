// The ways into a service its record states: call and text buttons, web chat, a video
// route, email and its website. One home for them, used by the result cards and Help
// now. Every link opens in this tab (a new tab would outlive Exit) and sends no referrer.

import { el } from "../dom.js";

/** The href that calls (or texts) a phone: { number, sms }. */
export function phoneHref(phone) {
  return `${phone.sms ? "sms" : "tel"}:${phone.number.replace(/[^\d+]/g, "")}`;
}

const web = (address) => typeof address === "string" && /^https?:\/\//.test(address);

/** A call (or text) button for `phone`, with its hours and whether it is free beside it. */
export function phoneLink(phone, { t }) {
  const label = `${t(phone.sms ? "text" : "call")} ${phone.number}`;
  const extra = [phone.twenty_four_seven ? t("open_24h") : phone.hours, phone.free ? t("free_call") : ""].filter(Boolean).join(", ");
  const link = el("a", { class: "call", href: phoneHref(phone), "data-icon": phone.sms ? "text" : "phone", text: label });
  return extra ? [link, el("span", { class: "hint", dir: "auto", text: ` ${extra}` })] : [link];
}

/** The routes `service` (a search result) states, as <li>s: phones first, then chat,
 * video, email and website. */
export function contactItems(service, wording) {
  const { t } = wording;
  const items = service.phones.map((phone) => el("li", {}, ...phoneLink(phone, wording)));
  const link = (cls, icon, href, text) => el("li", {}, el("a", { class: cls, href, rel: "noreferrer", "data-icon": icon, text }));
  if (web(service.chat)) items.push(link("web", "chat", service.chat, t("chat")));
  if (web(service.video)) items.push(link("web", "video", service.video, t("video")));
  if (service.email) items.push(link("web", "email", `mailto:${service.email}`, `${t("email")} ${service.email}`));
  if (web(service.web)) items.push(link("web", "web", service.web, t("website")));
  return items;
}

/** The routes as a list, or null when the record states none. */
export function contactList(service, wording) {
  const items = contactItems(service, wording);
  return items.length ? el("ul", { class: "contacts" }, ...items) : null;
}
