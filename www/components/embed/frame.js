// The widget's side of embedding (the host's side is embed.js, beside this file). A page
// is a widget when it is shown in another site's frame; the options a council gives
// (embed.js's data- attributes, or a plain <iframe>'s URL parameters) are configuration
// only, read once from this page's address, which never holds anything typed.
//
// In a frame the page:
//   - tells the host its height, and nothing else, ever: {haven: "height", height};
//   - opens other sites' links in the whole tab (most refuse to be framed; a new tab
//     would outlive Exit), as the exit does (components/exit);
//   - takes the council's accent colour, made dark enough to read on white.

import LANGUAGES from "../wording/languages.js";
import * as vocabulary from "../vocabulary.js";

/** Whether this page is inside another page (a council's, through embed.js or an iframe). */
export const framed = (() => {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
})();

const MAX_AREA = 100;

/** An accent colour as #rgb or #rrggbb, or null. */
function hexColour(text) {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text ?? "");
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

// WCAG 2 relative luminance and contrast.
const linear = (c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
export const contrastOnWhite = (rgb) => 1.05 / (luminance(rgb) + 0.05);

/** The colour as given, darkened until it reads on white at 4.5:1 (WCAG AA for text):
 * links and headings use it, so a council's pale brand colour must not make them faint. */
export function readableAccent(text) {
  let rgb = hexColour(text);
  if (!rgb) return null;
  while (contrastOnWhite(rgb) < 4.5) rgb = rgb.map((c) => Math.floor(c * 0.9));
  return `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** The exit's destination if `text` is a web address (http or https), else null: never
 * a script, data or file URL. */
function webAddress(text) {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** The options in `search` (this page's query string), each checked; anything not
 * recognised is left out, so a mistyped option shows the page as it would be without it.
 * { area, kinds, lang, accent, exit }: area a GSS code or place (shown first); kinds the
 * vocabulary's kind codes to search among; lang a language the page offers. */
export function embedOptions(search = window.location.search) {
  const params = new URLSearchParams(search);
  const area = params.get("area")?.trim().slice(0, MAX_AREA) || null;
  const known = new Set(vocabulary.kinds.map((k) => k.code));
  const kinds = (params.get("kinds") ?? "").split(",").map((k) => k.trim()).filter((k) => known.has(k));
  const lang = params.get("lang");
  return {
    area,
    kinds: kinds.length ? kinds : null,
    lang: LANGUAGES.some((l) => l.code === lang) ? lang : null,
    accent: readableAccent(params.get("accent")),
    exit: webAddress(params.get("exit")),
  };
}

/** Whether `link` goes to another site: those open in the whole tab when framed, while
 * Haven's own pages stay in the frame. Calls and texts are left as they are: they open
 * the phone's own app, not a page. */
function leavesHaven(link) {
  try {
    const url = new URL(link.href);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin !== window.location.origin;
  } catch {
    return false;
  }
}

/** Focuses `element` (the results' heading, after a search), scrolling only this page:
 * in a frame, scrolling the council's page too would take the widget's exit off screen. */
export function focusHere(element) {
  if (!framed) {
    element.focus();
    return;
  }
  element.focus({ preventScroll: true });
  const bar = document.querySelector(".bar")?.getBoundingClientRect().height ?? 0;
  window.scrollBy(0, element.getBoundingClientRect().top - bar - 8);
}

/** The page's height, as the host needs it to show the whole page without a scrollbar. */
function height() {
  return Math.ceil(document.documentElement.getBoundingClientRect().height);
}

/** Applies `options` (from embedOptions) to the page: the accent colour and the exit's
 * destination always (a council may link to the page with them too); when framed, the
 * height messages and whole-tab links. */
export function startEmbedded(options, { exit }) {
  if (options.accent) document.documentElement.style.setProperty("--accent", options.accent);
  if (options.exit && exit) exit.href = options.exit;
  if (!framed) return;
  document.documentElement.classList.add("embedded");
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (link && !link.target && leavesHaven(link)) link.target = "_top";
  }, true);
  let sent = 0;
  const report = () => {
    const now = height();
    if (now === sent) return;
    sent = now;
    // The host's origin is not known here (no referrer is sent, by design); a height is
    // all this ever says, and the host sees the frame's size anyway.
    window.parent.postMessage({ haven: "height", height: now }, "*");
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}
