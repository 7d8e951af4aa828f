// The criteria row of a result on the professional view: for each criterion the
// household brings (a response's `criteria`), whether the service meets it, fails it or
// does not say. Each answer is in words and a symbol, never colour alone; "not stated"
// is never drawn as a match.

import { el } from "../dom.js";

const SYMBOL = { meets: "✓", fails: "✗", unknown: "?" };

/** A criterion's name, as a professional would write it ("Boys' ages", "NRPF"). */
export function criterionLabel(code, wording) {
  return wording.t(`criterion_${code}`);
}

/** An answer in words ("Meets", "Does not meet", "Not stated: ask"). */
export function answerLabel(answer, wording) {
  return wording.t(`answer_${answer}`);
}

/** `hit.criteria` as a <ul class="criteria">, or null when the household brings none. */
export function criteriaRow(hit, wording) {
  const entries = Object.entries(hit.criteria ?? {});
  if (!entries.length) return null;
  return el(
    "ul",
    { class: "criteria", "aria-label": wording.t("criteria_title") },
    ...entries.map(([code, answer]) =>
      el("li", { class: `criterion criterion-${answer}` },
        el("span", { class: "symbol", "aria-hidden": "true", text: SYMBOL[answer] ?? "?" }),
        " ",
        el("span", { text: `${criterionLabel(code, wording)}: ${answerLabel(answer, wording)}` }),
      ),
    ),
  );
}
