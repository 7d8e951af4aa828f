// The other languages' wording as the page downloads it (data/translations.txt), written
// by tools/build-page.mjs from www/translations/<code>.json and read by the page.
//
// Every visitor downloads every language, whichever they choose (a request must never
// depend on a choice), so the file is laid out for gzip: the keys once, not once per
// language, then each language's texts in key order, one per line; languages that share
// a script next to each other; and no text that wording.t() would find anyway (a plural
// form the same as the language's "other", an Easy Read text the same as the plain one).
// On the 9 languages this took the file from 50.4 KB gzipped (one JSON object per
// language) to 41.7 KB; tests/browser/budgets.test.mjs prints the figure.
//
//   line 1        the language codes, space-separated
//   line 2        the number of keys, N
//   next N lines  the keys
//   then          N lines per language, in the order of line 1; an empty line is a key
//                 the language does not give (English is shown)

const PLURAL = /^(.*)_(zero|one|two|few|many)$/;

/** Keys in an order that puts the texts of one message together (its plural forms and
 * its Easy Read) so gzip finds what they share. */
function keyOrder(a, b) {
  const base = (k) => k.replace(/^easy_/, "");
  return base(a) < base(b) ? -1 : base(a) > base(b) ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** A text wording.t() would not need, because it falls back to the same words. */
function redundant(table, key) {
  const plural = key.match(PLURAL);
  if (plural && table[`${plural[1]}_other`] === table[key]) return true;
  return key.startsWith("easy_") && table[key.slice(5)] === table[key];
}

/** The file's text for `tables` ({ code: { key: text } }); `languages` ([{ code, name }])
 * orders them by name, which groups those sharing a script (Latin, Arabic, Bengali,
 * Gurmukhi). Throws on a text the layout cannot hold. */
export function packTranslations(tables, languages) {
  const codes = languages
    .filter(({ code }) => tables[code])
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ code }) => code);
  const keys = [...new Set(codes.flatMap((code) => Object.keys(tables[code])))].sort(keyOrder);
  const lines = [codes.join(" "), String(keys.length), ...keys];
  for (const code of codes) {
    for (const key of keys) {
      const text = tables[code][key];
      if (text !== undefined && (typeof text !== "string" || /[\n\r]/.test(text))) {
        throw new Error(`translations/${code}.json: "${key}" must be text on one line, found ${JSON.stringify(text)}`);
      }
      lines.push(text === undefined || redundant(tables[code], key) ? "" : text);
    }
  }
  return lines.join("\n");
}

/** The tables ({ code: { key: text } }) in the file's text. Throws if the text is not
 * laid out as packTranslations writes it. */
export function unpackTranslations(text) {
  const lines = String(text).split("\n");
  const codes = lines[0] ? lines[0].split(" ") : [];
  const count = Number(lines[1]);
  if (!/^\d+$/.test(lines[1] ?? "")) {
    throw new Error(`translations: expected the number of keys on line 2, found ${JSON.stringify(lines[1] ?? "nothing")}`);
  }
  const expected = 2 + count * (1 + codes.length);
  if (lines.length !== expected) {
    throw new Error(`translations: expected ${codes.length} languages of ${count} keys (${expected} lines), found ${lines.length} lines`);
  }
  const keys = lines.slice(2, 2 + count);
  const tables = {};
  codes.forEach((code, i) => {
    const start = 2 + count * (1 + i);
    const table = {};
    keys.forEach((key, k) => {
      if (lines[start + k]) table[key] = lines[start + k];
    });
    tables[code] = table;
  });
  return tables;
}
