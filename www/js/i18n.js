// Wording and direction. English ships with the page; the other languages arrive in one
// file after the directory and gazetteer (see network.js), so a language chosen before
// then shows in English until they do, and changing language never makes a request
// (a request would reveal the choice).

import { EN, LANGUAGES } from "./strings.js";

const STRINGS = { en: EN };
let current = "en";
let easy = false;

/** The text for a key in the current language (Easy Read where it has its own). */
export function t(key, values = {}) {
  const table = STRINGS[current] ?? EN;
  const pick = (tab, k) => (easy && tab[`easy_${k}`]) || tab[k];
  const lang = STRINGS[current] ? current : "en";
  const plural = typeof values.n === "number" ? `${key}_${new Intl.PluralRules(lang).select(values.n)}` : null;
  const find = (tab) => (plural && pick(tab, plural)) || pick(tab, key);
  let text = (STRINGS[current] ? find(table) : null) ?? find(EN) ?? key;
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

export function language() {
  return current;
}

/** Adds the other languages' tables ({ code: { key: text } }); unknown codes are ignored. */
export function addTranslations(tables) {
  for (const { code } of LANGUAGES) {
    if (code !== "en" && tables[code] && typeof tables[code] === "object") STRINGS[code] = tables[code];
  }
}

/** Applies a language (and Easy Read) to every [data-i18n] element and the document. */
export function apply(code, easyRead = easy) {
  current = LANGUAGES.some((l) => l.code === code) ? code : "en";
  easy = easyRead;
  // Until its wording has arrived a language shows in English, and says so to the
  // browser and screen readers.
  const shown = LANGUAGES.find((l) => l.code === (STRINGS[current] ? current : "en"));
  document.documentElement.lang = shown.code;
  document.documentElement.dir = shown.rtl ? "rtl" : "ltr";
  document.documentElement.classList.toggle("easy-read", easy);
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.title = t("brand");
}

export { LANGUAGES };
