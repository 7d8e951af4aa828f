// The professional view's map: the UK drawn on the device from Haven's own land cells,
// with no tiles and no request. It shows the places to avoid (dashed red circles), the
// search area (a blue ring) and each result as a marker numbered as in the list beside
// it, at the point it is given: for a confidential service, its council area's published
// point, never finer. The map is one picture to assistive technology, named in words
// (how many places to avoid and results); the list carries the details, so the marks
// themselves are hidden from it. Marks are told apart by shape (dashes, rings, numbers),
// not only colour (uk-map.css).
//
// Markup: createUkMap appends to its container an <svg class="uk-map" role="img"> and a
// key, <ul class="uk-map-key" aria-hidden="true">, saying what each mark means.

import { el } from "../dom.js";
import { parseCells, landPath, project, circleRadius, frame, markers } from "./uk-map-geometry.js";

const SVG = "http://www.w3.org/2000/svg";

/** An SVG element with attributes (`text` sets its textContent) and children: the map's
 * only way to make nodes, so a label from the directory is never read as markup. */
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, String(v));
  }
  node.append(...children.filter(Boolean));
  return node;
}

/** Tenths of a unit are finer than a pixel at any zoom the frame allows. */
const round = (n) => Math.round(n * 10) / 10;
const placed = (p) => Boolean(p) && Number.isFinite(p.lat) && Number.isFinite(p.lon);

/** A marker's radius as a share of the frame's longer side: about 8 to 16 px from a
 * 360 px phone to a desktop, whatever the zoom. */
const MARKER = 0.022;
/** A digit's width in ems (bold system fonts), to size a marker holding several numbers. */
const DIGIT_EM = 0.62;

/** Creates the map in `container`. `wording` is the page's Wording; `cellsText` is
 * data/uk-cells.txt as the page fetched it (a malformed file throws, naming its line). */
export function createUkMap(container, wording, cellsText) {
  const { t } = wording;
  // The land is the same for every search: traced once, moved between renders.
  const land = svg("path", { class: "uk-map-land", d: landPath(parseCells(cellsText)) });
  const map = svg("svg", { class: "uk-map", role: "img", focusable: "false" });
  const key = el("ul", { class: "uk-map-key", "aria-hidden": "true" });
  container.append(map, key);
  // What is on the map, so a change of language rewords it.
  let shown = { avoid: [], area: null, results: [] };

  /** The map in words: what it shows, counted. */
  function summary(avoid, area, results) {
    if (!avoid.length && !area && !results.length) return t("map_uk");
    const details = [];
    if (avoid.length) details.push(t("map_avoid", { n: avoid.length }));
    if (area) details.push(t("map_area"));
    details.push(t("map_results", { n: results.length }));
    return t("map_summary", { details: details.join(t("map_separator")) });
  }

  function circle(className, place, title) {
    const { x, y } = project(place);
    return svg(
      "circle",
      { class: className, cx: round(x), cy: round(y), r: round(circleRadius(place.km)), fill: "none" },
      place.label ? svg("title", { text: title }) : null,
    );
  }

  /** One marker: a disc, or a pill for several numbers ("3, 5"), with a tooltip naming
   * each result for a mouse user. */
  function marker(group, size) {
    const { x, y } = project(group);
    const text = group.numbers.map((n) => wording.number(n)).join(t("map_separator"));
    const fontSize = size * 1.15;
    const width = Math.max(2 * size, text.length * DIGIT_EM * fontSize + size);
    const names = group.numbers.map((n, i) => (group.labels[i] ? t("map_result", { number: n, label: group.labels[i] }) : wording.number(n)));
    return svg(
      "g",
      { class: "uk-map-result", transform: `translate(${round(x)} ${round(y)})` },
      svg("title", { text: names.join("\n") }),
      svg("rect", { x: round(-width / 2), y: round(-size), width: round(width), height: round(2 * size), rx: round(size) }),
      svg("text", { "text-anchor": "middle", dy: "0.35em", "font-size": round(fontSize), text }),
    );
  }

  function keyItem(kind, words) {
    return el("li", {}, el("span", { class: `uk-map-swatch uk-map-swatch-${kind}` }), words);
  }

  function render() {
    const avoid = (shown.avoid ?? []).filter((z) => placed(z) && z.km > 0);
    const area = placed(shown.area) && shown.area.km > 0 ? shown.area : null;
    const groups = markers(shown.results ?? []);
    const results = (shown.results ?? []).filter(placed);
    const view = frame([...avoid, ...(area ? [area] : []), ...results]);
    const size = Math.max(view.width, view.height) * MARKER;
    const words = summary(avoid, area, results);
    map.setAttribute("viewBox", view.viewBox);
    map.setAttribute("aria-label", words);
    map.replaceChildren(
      svg("title", { text: words }),
      svg("desc", { text: t("map_note") }),
      svg(
        "g",
        { "aria-hidden": "true" },
        land,
        ...avoid.map((z) => circle("uk-map-avoid", z, t("map_avoid_zone", { label: z.label }))),
        area ? circle("uk-map-area", area, t("map_search_area", { label: area.label })) : null,
        // Drawn last to first, so where markers overlap the lower number is on top.
        ...groups.reverse().map((g) => marker(g, size)),
      ),
    );
    const items = [
      avoid.length ? keyItem("avoid", t("map_key_avoid")) : null,
      area ? keyItem("area", t("map_key_area")) : null,
      groups.length ? keyItem("result", t("map_key_result")) : null,
    ];
    key.replaceChildren(...items.filter(Boolean));
    key.hidden = key.childElementCount === 0;
  }

  render();
  return {
    /** Shows places to avoid [{lat, lon, km, label}], the search area {lat, lon, km,
     * label} or null, and results [{lat, lon, label, number}] (number: the result's
     * place in the list; one with no point, such as a helpline, has no marker), zoomed
     * to fit them all. */
    show({ avoid = [], area = null, results = [] } = {}) {
      shown = { avoid, area, results };
      render();
    },
    /** Shows the UK alone again, with nothing marked. */
    clear() {
      shown = { avoid: [], area: null, results: [] };
      render();
    },
    /** Rewords the map in the wording's current language. */
    relabel() {
      render();
    },
  };
}
