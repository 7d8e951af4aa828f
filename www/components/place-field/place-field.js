// A postcode-or-town field with suggestions from the gazetteer: an ARIA 1.2 combobox
// (arrow keys move through the suggestions, Enter takes one, Escape closes them) and the
// field's error message. Suggestions come from the engine on this device: typing never
// makes a request.
//
// Markup: inside `root`, <input id="…" role="combobox" aria-controls="…">, the
// <ul role="listbox" hidden> it controls, and <p class="error" role="alert">.

import { part } from "../dom.js";

const placeName = (label) => label.split(",")[0];

export function createPlaceField(root, { t }) {
  const input = part(root, "input[role=combobox]");
  const options = part(root, "[role=listbox]");
  const error = part(root, ".error");

  function close() {
    options.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function take(label) {
    input.value = placeName(label);
    close();
  }

  function suggest(finder) {
    const answers = input.value.trim() ? finder.suggest(input.value, 6) : [];
    options.replaceChildren(...answers.map((a, i) => {
      const li = document.createElement("li");
      li.id = `${input.id}-option-${i}`;
      li.setAttribute("role", "option");
      li.textContent = a.label;
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        take(a.label);
      });
      return li;
    }));
    options.hidden = answers.length === 0;
    input.setAttribute("aria-expanded", String(answers.length > 0));
  }

  function move(step) {
    const items = [...options.children];
    if (!items.length) return;
    const current = items.findIndex((li) => li.getAttribute("aria-selected") === "true");
    const next = (current + step + items.length) % items.length;
    items.forEach((li, i) => li.setAttribute("aria-selected", String(i === next)));
    input.setAttribute("aria-activedescendant", items[next].id);
  }

  return {
    close,
    /** Offers suggestions from `finder` (once it has its gazetteer) as the field is typed in. */
    suggestFrom(finder) {
      input.addEventListener("input", () => suggest(finder));
      input.addEventListener("keydown", (e) => {
        const active = input.getAttribute("aria-activedescendant");
        if (e.key === "ArrowDown" || e.key === "ArrowUp") {
          e.preventDefault();
          move(e.key === "ArrowDown" ? 1 : -1);
        } else if (e.key === "Escape") {
          close();
        } else if (e.key === "Enter" && active) {
          e.preventDefault();
          take([...options.children].find((li) => li.id === active).textContent);
        }
      });
      input.addEventListener("blur", close);
    },
    /** Geocodes the field with `finder`: the place ({ lat, lon, label }), or null after
     * saying, next to the field, that nothing matches. */
    locate(finder) {
      const where = finder.geocode(input.value);
      if (!where) {
        error.textContent = t("not_found", { text: input.value.trim() });
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return null;
      }
      input.removeAttribute("aria-invalid");
      return where;
    },
    /** Shows a message (or, with "", clears it) next to the field. */
    say(text) {
      error.textContent = text;
    },
  };
}
