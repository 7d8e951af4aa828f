// A page's wording: which language and whether Easy Read, the text for a key, and the
// language's own forms of counts, dates, ages and distances. A page creates one and
// passes it to each component, so two views on one page (or a widget inside a host) never
// share state through a module.
//
// Counts: a key takes the plural category of {n} in the language (Intl.PluralRules), as
// key_one, key_few, key_other…; each language file has every category its language uses
// (tests/browser/plurals.test.mjs). Keys a language lacks fall back to English; Easy Read
// uses easy_<key> where there is one.

// Intl objects are slow to make (the browser's first takes 140 ms with the CPU slowed 4
// times, as in tools/measure-first-results.mjs) and a list of results writes hundreds of
// numbers: one of each per language and options.
const made = new Map();
function intl(Kind, locale, options = {}) {
  const key = `${Kind.name} ${locale} ${JSON.stringify(options)}`;
  if (!made.has(key)) made.set(key, new Kind(locale, options));
  return made.get(key);
}

/** Whether the browser can write the language's month names: some claim a language and
 * write "2026 M11 22" (Chromium for Punjabi), others lack it (Welsh, Albanian). */
const monthsKnown = new Map();
function knowsMonths(code) {
  if (!monthsKnown.has(code)) {
    const claimed = Intl.DateTimeFormat.supportedLocalesOf([code]).length > 0;
    const month = claimed && intl(Intl.DateTimeFormat, code, { month: "long", timeZone: "UTC" }).format(Date.UTC(2026, 10, 22));
    monthsKnown.set(code, claimed && /\p{L}{2}/u.test(month));
  }
  return monthsKnown.get(code);
}

/** `english`: { key: text }; `languages`: [{ code, name, rtl }], English first. */
export function createWording(english, languages) {
  const tables = { en: english };
  const shownCode = () => (tables[wording.language] ? wording.language : "en");
  // The locale for numbers and dates: British English for English (22 November 2026,
  // not November 22).
  const locale = () => (shownCode() === "en" ? "en-GB" : shownCode());
  const wording = {
    languages,
    language: "en",
    easyRead: false,

    /** The text for a key in the current language (Easy Read where it has its own).
     * Needs no `this`, so components can take it as `const { t } = wording`. */
    t(key, values = {}) {
      const code = shownCode();
      const table = tables[code];
      const pick = (tab, k) => (wording.easyRead && tab[`easy_${k}`]) || tab[k];
      const counted = typeof values.n === "number";
      const find = (tab, lang) => {
        if (!counted) return pick(tab, key);
        const category = intl(Intl.PluralRules, lang).select(values.n);
        return pick(tab, `${key}_${category}`) || pick(tab, `${key}_other`) || pick(tab, key);
      };
      let text = find(table, code) ?? find(english, "en") ?? key;
      for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, wording.number(value));
      return text;
    },

    /** The text for a key as nodes, each value isolated in a <bdi> so a name in another
     * direction (an English service name in Arabic text) keeps its punctuation in place. */
    nodes(key, values = {}) {
      const marked = Object.fromEntries(Object.keys(values).map((k) => [k, `\u0000${k}\u0000`]));
      const text = wording.t(key, { ...marked, ...(typeof values.n === "number" ? { n: values.n } : {}) });
      return text.split("\u0000").map((part, i) => {
        if (i % 2 === 0) return document.createTextNode(part);
        const bdi = document.createElement("bdi");
        bdi.textContent = wording.number(values[part]);
        return bdi;
      });
    },

    /** A number in the language's digits and separators; other values as they are. */
    number(value) {
      return typeof value === "number" ? intl(Intl.NumberFormat, locale()).format(value) : String(value);
    },

    /** A distance in miles, in the language's words ("3.2 miles", "5 milltir"): a
     * counted phrase of the language's own, since browsers lack some languages' units. */
    miles(value) {
      return wording.t("distance_miles", { n: Math.round(value * 10) / 10 });
    },

    /** A date the directory states (YYYY, YYYY-MM or YYYY-MM-DD) in the language:
     * Intl.DateTimeFormat where the browser knows the language, else the language's own
     * month names. */
    date(text) {
      const [y, m, d] = String(text).split("-").map(Number);
      if (!y) return String(text);
      const code = shownCode();
      if (knowsMonths(code)) {
        const options = d ? { dateStyle: "long" } : m ? { year: "numeric", month: "long" } : { year: "numeric" };
        return intl(Intl.DateTimeFormat, locale(), { ...options, calendar: "gregory", timeZone: "UTC" }).format(Date.UTC(y, (m || 1) - 1, d || 1));
      }
      const month = m ? wording.t("date_months").split(",")[m - 1]?.trim() : "";
      if (!m) return String(y);
      return wording.t(d ? "date_pattern" : "date_pattern_month", { day: String(d), month, year: String(y) });
    },

    /** How long ago a number of days is, in the language ("today", "19 days ago"). */
    daysAgo(days) {
      if (days === 0) return wording.t("days_today");
      if (days === 1) return wording.t("days_yesterday");
      return wording.t("days_ago", { n: days });
    },

    /** Chooses a language (an unknown code is English) and Easy Read. */
    choose(code, easyRead = wording.easyRead) {
      wording.language = languages.some((l) => l.code === code) ? code : "en";
      wording.easyRead = easyRead;
    },

    /** Makes the language's number, count and date formatters now: the browser's first
     * takes 140 ms on a slow phone (measured, CPU slowed 4 times), which is better spent
     * while the engine downloads than after Search. */
    prepare() {
      wording.number(1.5);
      wording.t("distance_miles", { n: 2 });
      wording.date("2026-01-01");
    },

    /** The language the words are shown in: the chosen one once its wording has
     * arrived, English until then. */
    shown() {
      return languages.find((l) => l.code === shownCode());
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
