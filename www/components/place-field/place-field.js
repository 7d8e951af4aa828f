// A postcode-or-town field with suggestions from the gazetteer: an ARIA 1.2 combobox
// (arrow keys move through the suggestions, Enter takes one, Escape closes them) and the
// field's message, with "Did you mean …?" for a misspelt town. Everything comes from the
// engine on this device: typing never makes a request.
//
// The suggestions sit in the page's flow, above what follows, and close when focus or a
// tap leaves the field; a tap elsewhere closes them only after it has landed, so the
// choice it was meant for still gets it.
//
// Markup: inside `root`, <input id="…" role="combobox" aria-controls="…">, the
// <ul role="listbox" hidden> it controls, and <p class="error" role="alert">.

import { el, part } from "../dom.js";

const placeName = (label) => label.split(",")[0];

export function createPlaceField(root, wording, { onPick = () => {} } = {}) {
  const { t } = wording;
  const input = part(root, "input[role=combobox]");
  const options = part(root, "[role=listbox]");
  const error = part(root, ".error");
  const combo = input.parentElement;
  // What the message says, kept as keys so a change of language rewords it.
  let message = null;

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
    const typed = input.value.trim();
    const answers = typed ? finder.suggest(input.value, 6) : [];
    // Nothing to offer once the field already says the one place suggested.
    const settled = answers.length === 1 && placeName(answers[0].label).toLowerCase() === typed.toLowerCase();
    const shown = settled ? [] : answers;
    options.replaceChildren(...shown.map((a, i) => {
      const li = el("li", { id: `${input.id}-option-${i}`, role: "option", dir: "auto", text: a.label });
      // Keep focus in the field while the option is pressed; take it on the click.
      li.addEventListener("mousedown", (e) => e.preventDefault());
      li.addEventListener("click", () => {
        take(a.label);
        input.focus();
      });
      return li;
    }));
    options.hidden = shown.length === 0;
    input.setAttribute("aria-expanded", String(shown.length > 0));
  }

  function move(step) {
    const items = [...options.children];
    if (!items.length) return;
    const current = items.findIndex((li) => li.getAttribute("aria-selected") === "true");
    const next = (current + step + items.length) % items.length;
    items.forEach((li, i) => li.setAttribute("aria-selected", String(i === next)));
    input.setAttribute("aria-activedescendant", items[next].id);
  }

  function render() {
    if (!message) {
      error.replaceChildren();
      return;
    }
    const { key, values, suggestions = [] } = message;
    const parts = [...wording.nodes(key, values)];
    if (suggestions.length) {
      parts.push(" ", t("did_you_mean"), " ");
      suggestions.forEach((label, i) => {
        const button = el("button", { type: "button", class: "secondary suggestion", dir: "auto", text: placeName(label) });
        button.addEventListener("click", () => {
          take(label);
          onPick();
        });
        parts.push(button, i < suggestions.length - 1 ? " " : "");
      });
    }
    error.replaceChildren(...parts.filter((p) => p !== ""));
  }

  // A pointer pressed outside: the field loses focus now, but the list stays until the
  // tap has landed (its click), so the control under the finger does not move away.
  let pointing = false;
  document.addEventListener("pointerdown", (e) => {
    pointing = !combo.contains(e.target);
  }, true);
  document.addEventListener("click", (e) => {
    if (!combo.contains(e.target)) close();
    pointing = false;
  });
  input.addEventListener("focusout", (e) => {
    if (!pointing && !combo.contains(e.relatedTarget)) close();
  });

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
    },
    /** Geocodes the field with `finder`: the place ({ lat, lon, label }), or null after
     * saying, next to the field, that nothing matches, with the nearest names the
     * gazetteer holds ("Did you mean Aylesbury?"). */
    locate(finder) {
      const typed = input.value.trim();
      const where = typed ? finder.geocode(input.value) : undefined;
      if (!where) {
        const suggestions = typed && typeof finder.didYouMean === "function" ? finder.didYouMean(typed, 3).map((a) => a.label) : [];
        message = typed ? { key: "not_found", values: { text: typed }, suggestions } : { key: "no_place", values: {} };
        render();
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return null;
      }
      input.removeAttribute("aria-invalid");
      return where;
    },
    /** Shows a message by its key (or, with null, clears it) next to the field. */
    say(key, values = {}) {
      message = key ? { key, values } : null;
      render();
    },
    /** Rewords the message in the current language. */
    relabel: render,
  };
}

/** The place as people say it in a sentence: "Hereford", "MK40 1". */
export function shortPlace(label) {
  return placeName(label);
}
