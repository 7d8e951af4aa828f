// Wording and direction. Every language is in strings.js, loaded with the page, so
// changing language makes no request (a request would reveal the choice).

import { STRINGS, LANGUAGES } from "./strings.js";

let current = "en";
let easy = false;

/** The text for a key in the current language (Easy Read where it has its own). */
export function t(key, values = {}) {
  const table = STRINGS[current] ?? STRINGS.en;
  const pick = (tab) => (easy && tab[`easy_${key}`]) || tab[key];
  let text = pick(table) ?? pick(STRINGS.en) ?? key;
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

export function language() {
  return current;
}

/** Applies a language (and Easy Read) to every [data-i18n] element and the document. */
export function apply(code, easyRead = easy) {
  current = LANGUAGES.some((l) => l.code === code) ? code : "en";
  easy = easyRead;
  const meta = LANGUAGES.find((l) => l.code === current);
  document.documentElement.lang = current;
  document.documentElement.dir = meta.rtl ? "rtl" : "ltr";
  document.documentElement.classList.toggle("easy-read", easy);
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.title = t("brand");
}

export { LANGUAGES };
