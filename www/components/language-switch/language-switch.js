// The language and Easy Read switch. Changing either rewords the page at once, without
// a request (a request would reveal the choice) and without reloading.
//
// Markup, inside `root`: a <select> for the language and an <input type="checkbox"> for
// Easy Read. `target` (the page's <html>, or a widget's root) gets the language, the
// direction and the "easy-read" class, and has every [data-i18n] inside it reworded.

import { part } from "../dom.js";

/** Shows `wording`'s language on `target`: lang, dir, the easy-read class and every
 * [data-i18n] text. Until its wording has arrived a language shows in English, and says
 * so to the browser and screen readers. */
export function applyWording(wording, target) {
  const shown = wording.shown();
  target.lang = shown.code;
  target.dir = shown.rtl ? "rtl" : "ltr";
  target.classList.toggle("easy-read", wording.easyRead);
  wording.label(target);
}

/** `onChange` runs after each change, to reword what [data-i18n] does not reach. */
export function createLanguageSwitch(root, wording, { target, onChange }) {
  const select = part(root, "select");
  const easyRead = part(root, "input[type=checkbox]");
  /** Chooses a language and Easy Read, and rewords the page. */
  function choose(code, easy = wording.easyRead) {
    wording.choose(code, easy);
    applyWording(wording, target);
    select.replaceChildren(...wording.languages.map((l) => new Option(l.name, l.code, false, l.code === wording.language)));
    onChange();
  }
  const change = () => choose(select.value || wording.language, easyRead.checked);
  select.addEventListener("change", change);
  easyRead.addEventListener("change", change);
  return { choose };
}
