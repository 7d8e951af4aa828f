// A page's wording: which language and whether Easy Read, and the text for a key. A page
// creates one and passes it to each component, so two views on one page (or a widget
// inside a host) never share state through a module.
//
// A key with a plural category after it (found_one) is used when {n} takes that form in
// the language (Intl.PluralRules); the plain key serves every other count. Keys a
// language lacks fall back to English; Easy Read uses easy_<key> where there is one.

/** `english`: { key: text }; `languages`: [{ code, name, rtl }], English first. */
export function createWording(english, languages) {
  const tables = { en: english };
  const wording = {
    languages,
    language: "en",
    easyRead: false,

    /** The text for a key in the current language (Easy Read where it has its own).
     * Needs no `this`, so components can take it as `const { t } = wording`. */
    t(key, values = {}) {
      const table = tables[wording.language];
      const pick = (tab, k) => (wording.easyRead && tab[`easy_${k}`]) || tab[k];
      const plural = typeof values.n === "number" ? `${key}_${new Intl.PluralRules(table ? wording.language : "en").select(values.n)}` : null;
      const find = (tab) => (plural && pick(tab, plural)) || pick(tab, key);
      let text = (table ? find(table) : null) ?? find(english) ?? key;
      for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, String(value));
      return text;
    },

    /** Chooses a language (an unknown code is English) and Easy Read. */
    choose(code, easyRead = wording.easyRead) {
      wording.language = languages.some((l) => l.code === code) ? code : "en";
      wording.easyRead = easyRead;
    },

    /** The language the words are shown in: the chosen one once its wording has
     * arrived, English until then. */
    shown() {
      return languages.find((l) => l.code === (tables[wording.language] ? wording.language : "en"));
    },

    /** Adds the other languages' tables ({ code: { key: text } }); unknown codes are ignored. */
    addTranslations(more) {
      for (const { code } of languages) {
        if (code !== "en" && more[code] && typeof more[code] === "object") tables[code] = more[code];
      }
    },

    /** Writes the text of every [data-i18n] element inside `root`. */
    label(root) {
      for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = wording.t(el.dataset.i18n);
    },
  };
  return wording;
}
