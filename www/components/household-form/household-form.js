// What the search asks besides the place: what they need, who is coming (an adult's
// gender, children's ages and sexes), needs, a language and a community, and an area to
// avoid; and the query the engine is given for them.
//
// Markup, inside `root` (the search form): radios named "need" (values: the journeys in
// vocabulary.kinds, and "community"), <select id="gender">, <ul class="children">,
// <button id="add-child">, <div data-list="needs">, <select id="want-language">,
// <select id="community">, and the area to avoid: #avoid-place, #avoid-miles and
// #avoid-error. The gender options and needs checkboxes are drawn from the vocabulary.

import { el, part } from "../dom.js";
import * as vocabulary from "../vocabulary.js";
import { today } from "../today.js";

/** The kinds that answer a need ("community": the chosen community's services of every
 * kind, or specialist refuges if none is chosen; "any": every kind a survivor asks for,
 * which leaves out services for people who abuse). */
function kindsFor(need, community) {
  if (need === "community" && !community) return ["specialist_refuge"];
  if (need === "community" || need === "any") return vocabulary.kinds.filter((k) => k.journey !== null).map((k) => k.code);
  return vocabulary.kinds.filter((k) => k.journey === need).map((k) => k.code);
}

/** Words a child's row (after a change of language). */
export function labelChild(li, { t }) {
  li.querySelector(".age-label").textContent = t("child_age");
  li.querySelector(".sex-label").textContent = t("child_sex");
  const [boy, girl] = li.querySelector("select.sex").options;
  boy.textContent = t("boy");
  girl.textContent = t("girl");
  li.querySelector("button").textContent = t("remove_child");
}

let rows = 0;
/** A child's row (age 0 to 17, boy or girl, and a remove button) appended to `list`,
 * with its age chosen focused. */
export function addChild(list, wording) {
  rows += 1;
  const age = el("select", { class: "age", id: `child-age-${rows}` });
  for (let a = 0; a <= 17; a++) age.append(new Option(String(a), String(a)));
  const sex = el("select", { class: "sex", id: `child-sex-${rows}` }, new Option("", "boy"), new Option("", "girl"));
  const remove = el("button", { type: "button", class: "secondary" });
  const li = el("li", {}, el("label", { class: "age-label", for: age.id }), age, el("label", { class: "sex-label", for: sex.id }), sex, remove);
  remove.addEventListener("click", () => li.remove());
  labelChild(li, wording);
  list.append(li);
  age.focus();
}

/** The children in `list`, as the query's household.children. */
export function childrenOf(list) {
  return [...list.children].map((li) => ({ age: Number(li.querySelector(".age").value), sex: li.querySelector(".sex").value }));
}

/** The household form in `root` (the search form). `needs` are the needs it asks about:
 * every need the engine knows unless a page asks about fewer. `kinds`, when given (a
 * council embedding the page chose them), are the only kinds searched: a need that none
 * of them answers is not offered. */
export function createHouseholdForm(root, wording, { needs = vocabulary.needs, kinds = null } = {}) {
  const { t } = wording;
  const among = (list) => (kinds ? list.filter((k) => kinds.includes(k)) : list);
  const kindsOf = (need, chosen) => {
    const answer = among(kindsFor(need, chosen));
    // "community" with no community chosen means specialist refuges; if those are not
    // offered, the community's other services still are.
    return answer.length ? answer : among(kindsFor("any", chosen));
  };
  if (kinds) {
    const radios = [...root.querySelectorAll("input[name=need]")];
    for (const radio of radios) radio.closest("label").hidden = among(kindsFor(radio.value, "any")).length === 0;
    const shown = radios.filter((r) => !r.closest("label").hidden);
    if (shown.length && !shown.some((r) => r.checked)) shown[0].checked = true;
  }
  const gender = part(root, "#gender");
  const children = part(root, ".children");
  const spoken = part(root, "#want-language");
  const community = part(root, "#community");
  const avoidPlace = part(root, "#avoid-place");
  const avoidMiles = part(root, "#avoid-miles");
  const avoidError = part(root, "#avoid-error");
  // The area-to-avoid message, kept so a change of language rewords it.
  let avoidMessage = null;
  const showAvoid = () => {
    avoidError.replaceChildren(...(avoidMessage ? wording.nodes("avoid_not_found", { text: avoidMessage }) : []));
  };

  /** Rewords what the page's [data-i18n] labels do not reach (after a language change). */
  function relabel() {
    const chosen = spoken.value;
    const languages = [["", "any_language"], ...wording.languages.filter((l) => l.code !== "en").map((l) => [l.code, l.name]), ["sgn", "British Sign Language"]];
    spoken.replaceChildren(...languages.map(([code, name]) => new Option(code ? name : t(name), code, false, code === chosen)));
    const picked = community.value;
    community.replaceChildren(new Option(t("any_community"), ""), ...vocabulary.communities.map((c) => new Option(t(`community_${c}`), c, false, c === picked)));
    for (const li of children.children) labelChild(li, wording);
    showAvoid();
  }

  const option = (value, key) => el("option", { value, "data-i18n": key, text: t(key) });
  gender.replaceChildren(option("", "gender_any"), ...vocabulary.genders.map((g) => option(g, `gender_${g}`)));
  part(root, "[data-list=needs]").replaceChildren(...needs.map((n) =>
    el("label", {}, el("input", { type: "checkbox", name: "needs", value: n }), " ", el("span", { "data-i18n": `need_${n}`, text: t(`need_${n}`) })),
  ));
  part(root, "#add-child").addEventListener("click", () => addChild(children, wording));
  relabel();

  return {
    relabel,
    /** The engine's query for a search near `where` ({ lat, lon }), without the area to avoid. */
    query(where) {
      const need = root.elements.need.value;
      const chosen = community.value;
      return {
        near: { lat: where.lat, lon: where.lon },
        kinds: kindsOf(need, chosen),
        household: {
          adults: gender.value ? [{ gender: gender.value }] : [],
          children: childrenOf(children),
        },
        needs: [...root.querySelectorAll("input[name=needs]:checked")].map((c) => c.value),
        languages: spoken.value ? [spoken.value] : [],
        communities: chosen ? [chosen] : [],
        limit: 25,
        // The day on this device: a vacancy older than a week is only the last known state.
        today: today(),
      };
    },
    /** The area to avoid as typed ({ text, km }), or null when none is given. */
    avoid() {
      const text = avoidPlace.value.trim();
      return text ? { text, km: Number(avoidMiles.value) * vocabulary.kmPerMile } : null;
    },
    /** Says the area to avoid was not found, next to its field. */
    avoidNotFound(text) {
      avoidMessage = text;
      showAvoid();
      avoidPlace.focus();
    },
    clearErrors() {
      avoidMessage = null;
      showAvoid();
    },
  };
}
