// The professional view's form: the household (adults with gender and trans, children
// with age and sex, needs, language, community), the kinds of accommodation, where (near
// a place within a radius, or anywhere at least N miles from every place to avoid), the
// places to avoid (each a postcode or town with its distance), and the order; read into
// the engine's query. Children's rows are the survivor form's own.

import { el, part } from "../components/dom.js";
import * as vocabulary from "../components/vocabulary.js";
import { addChild, childrenOf, labelChild } from "../components/household-form/household-form.js";
import { today } from "../components/today.js";

const miles = (value) => Number(value) * vocabulary.kmPerMile;

/** The view's form in `form`. `kinds`, when given (a council embedding the view chose
 * them), are the only kinds of accommodation offered. */
export function createProForm(form, wording, { kinds = null } = {}) {
  const { t } = wording;
  const adults = part(form, "#adults");
  const children = part(form, "#children");
  const zones = part(form, "#avoid-zones");
  const spoken = part(form, "#want-language");
  const community = part(form, "#community");
  let rows = 0;

  function adultRow() {
    rows += 1;
    const gender = el("select", { class: "gender", id: `adult-gender-${rows}` },
      ...vocabulary.genders.map((g) => new Option(t(`gender_${g}`), g)));
    const trans = el("input", { type: "checkbox", class: "trans", id: `adult-trans-${rows}` });
    const remove = el("button", { type: "button", class: "secondary", text: t("remove_adult") });
    const li = el("li", {},
      el("label", { for: gender.id, text: t("adult_gender") }), gender,
      el("label", { class: "check", for: trans.id }, trans, " ", t("adult_trans")), remove);
    remove.addEventListener("click", () => li.remove());
    adults.append(li);
    return gender;
  }

  function zoneRow() {
    rows += 1;
    const place = el("input", { type: "text", class: "avoid-place", id: `avoid-place-${rows}`, spellcheck: "false", autocapitalize: "off", "aria-describedby": `avoid-error-${rows}` });
    const distance = el("select", { class: "avoid-miles", id: `avoid-miles-${rows}` },
      ...[1, 5, 10, 25, 50].map((m) => new Option(String(m), String(m), false, m === 10)));
    const remove = el("button", { type: "button", class: "secondary", text: t("remove_avoid") });
    const li = el("li", {},
      el("label", { for: place.id, text: t("avoid_zone_place") }), place,
      el("label", { for: distance.id, text: t("avoid_zone_miles") }), distance, remove,
      el("p", { class: "error", role: "alert", id: `avoid-error-${rows}` }));
    remove.addEventListener("click", () => li.remove());
    zones.append(li);
    return place;
  }

  const check = (name, value, label) =>
    el("label", {}, el("input", { type: "checkbox", name, value }), " ", el("span", { text: label }));
  part(form, "[data-list=needs]").replaceChildren(...vocabulary.needs.map((n) => check("needs", n, t(`criterion_${n}`))));
  const offered = vocabulary.kinds.filter((k) => k.accommodation || k.code === "sanctuary");
  const chosen = offered.filter((k) => kinds?.includes(k.code));
  const stays = chosen.length ? chosen : offered;
  part(form, "[data-list=kinds]").replaceChildren(...stays.map((k) => check("kinds", k.code, t(`kind_${k.code}`))));
  for (const box of form.querySelectorAll("input[name=kinds]")) box.checked = chosen.length > 0 || box.value !== "sanctuary";
  spoken.replaceChildren(new Option(t("any_language"), ""), ...wording.languages.filter((l) => l.code !== "en").map((l) => new Option(l.name, l.code)), new Option("British Sign Language", "sgn"));
  community.replaceChildren(new Option(t("any_community"), ""), ...vocabulary.communities.map((c) => new Option(t(`community_${c}`), c)));
  part(form, "#sort").replaceChildren(...vocabulary.sorts.map((s) => new Option(t(`sort_${s}`), s)));
  part(form, "#add-adult").addEventListener("click", () => adultRow().focus());
  part(form, "#add-child").addEventListener("click", () => addChild(children, wording));
  part(form, "#add-avoid").addEventListener("click", () => zoneRow().focus());
  const near = part(form, ".near");
  const anywhere = part(form, ".anywhere");
  for (const radio of form.elements.where) {
    radio.addEventListener("change", () => {
      near.hidden = form.elements.where.value !== "near";
      anywhere.hidden = !near.hidden;
    });
  }
  adultRow();
  zoneRow();
  for (const li of children.children) labelChild(li, wording);

  return {
    /** "near" or "anywhere". */
    where: () => form.elements.where.value,
    /** The places to avoid as typed: [{ text, km, error }] (`error` is where to say it
     * was not found). */
    zones: () => [...zones.children]
      .map((li) => ({ text: li.querySelector(".avoid-place").value.trim(), km: miles(li.querySelector(".avoid-miles").value), error: li.querySelector(".error"), input: li.querySelector(".avoid-place") }))
      .filter((z) => z.text),
    clearErrors() {
      for (const p of form.querySelectorAll(".error")) if (p.id !== "place-error") p.textContent = "";
    },
    /** The query, without where it is from and what to avoid (the page finds those). */
    query() {
      const radius = part(form, "#radius").value;
      const anywhereMode = form.elements.where.value === "anywhere";
      return {
        kinds: [...form.querySelectorAll("input[name=kinds]:checked")].map((c) => c.value),
        household: {
          adults: [...adults.children].map((li) => ({ gender: li.querySelector(".gender").value, trans: li.querySelector(".trans").checked })),
          children: childrenOf(children),
        },
        needs: [...form.querySelectorAll("input[name=needs]:checked")].map((c) => c.value),
        languages: spoken.value ? [spoken.value] : [],
        communities: community.value ? [community.value] : [],
        ...(anywhereMode ? { min_distance_km: miles(part(form, "#min-miles").value) } : radius ? { radius_km: miles(radius) } : {}),
        sort: part(form, "#sort").value,
        include_failing: part(form, "#include-failing").checked,
        limit: 50,
        today: today(),
      };
    },
    /** Miles of the radius or minimum, as chosen. */
    miles: () => Number(part(form, form.elements.where.value === "anywhere" ? "#min-miles" : "#radius").value) || null,
  };
}
