// The survivor page's safety rules, checked before anything runs (make lint-page):
//   - nothing stays on the device: no storage, cookies, IndexedDB, caches, service
//     workers or history entries, and no geolocation or new windows, anywhere in www/;
//   - every request is made in one place: only components/network fetches;
//   - the one exception to both is the professional view's opt-in offline copy: only
//     components/offline may register a service worker or delete caches, and only
//     pro/sw.js (that worker, scoped to the professional view) may cache and fetch.
//   - the page says nothing to other pages but its height, from one place: only
//     components/embed may post a message (to the council's page it is embedded in);
// tests/lint/no-storage.test.mjs shows these rules reject code that breaks them.
// Run from the repository's root: tools/node_modules/.bin/eslint -c tools/eslint.config.mjs www

const STORES = ["localStorage", "sessionStorage", "indexedDB", "caches", "cookieStore", "openDatabase"];
const NOT_STORED = "The survivor's page stores nothing on the device (PRODUCT.md, safety principle 2).";
const ONE_PLACE = "Every request is made in components/network, so it never depends on what anyone types or chooses (safety principle 1).";

// Forbidden whatever object they are reached through (window.localStorage, self.caches,
// navigator.serviceWorker, document.cookie, an alias of any of them, or x["cookie"]).
const FORBIDDEN_PROPERTIES = [...STORES, "cookie", "serviceWorker", "geolocation", "storage", "pushState", "replaceState", "open", "sendBeacon"];
const property = (names) => `/^(${names.join("|")})$/`;

const globals = STORES.map((name) => ({ name, message: NOT_STORED })).concat({ name: "open", message: "The page never opens windows." });
const syntax = [
  { selector: `MemberExpression[computed=false][property.name=${property(FORBIDDEN_PROPERTIES)}]`, message: `${NOT_STORED} Nor does it open windows, beacon, write history or ask for a location.` },
  { selector: `MemberExpression[computed=true][property.value=${property(FORBIDDEN_PROPERTIES)}]`, message: NOT_STORED },
];
// Messages to other pages: only components/embed's height.
const ONE_MESSAGE = { selector: "MemberExpression[property.name=postMessage]", message: "The page tells a host only its height, in components/embed (nothing else ever leaves it)." };
syntax.push(ONE_MESSAGE);
const REQUESTERS = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "Worker", "SharedWorker"];

// What the offline copy needs, and nothing else: caches and the service worker.
const OFFLINE = ["caches", "serviceWorker"];
const offlineGlobals = globals.filter((g) => !OFFLINE.includes(g.name));
// The worker opens its cache (caches.open); a worker has no windows to open.
const offlineSyntax = (allowed) => {
  const names = property(FORBIDDEN_PROPERTIES.filter((p) => !allowed.includes(p)));
  return [
    { selector: `MemberExpression[computed=false][property.name=${names}]`, message: syntax[0].message },
    { selector: `MemberExpression[computed=true][property.value=${names}]`, message: NOT_STORED },
  ];
};

export default [
  {
    files: ["www/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error", noInlineConfig: true },
    rules: {
      "no-restricted-globals": ["error", ...globals],
      "no-restricted-syntax": ["error", ...syntax],
    },
  },
  {
    files: ["www/**/*.js"],
    ignores: ["www/components/network/**"],
    rules: {
      "no-restricted-globals": ["error", ...globals, ...REQUESTERS.map((name) => ({ name, message: ONE_PLACE }))],
      "no-restricted-syntax": ["error", ...syntax, { selector: "MemberExpression[property.name=fetch]", message: ONE_PLACE }, { selector: "ImportExpression", message: ONE_PLACE }],
    },
  },
  {
    files: ["www/components/offline/**/*.js"],
    rules: {
      "no-restricted-globals": ["error", ...offlineGlobals, ...REQUESTERS.map((name) => ({ name, message: ONE_PLACE }))],
      "no-restricted-syntax": ["error", ...offlineSyntax(OFFLINE), { selector: "MemberExpression[property.name=fetch]", message: ONE_PLACE }, { selector: "ImportExpression", message: ONE_PLACE }],
    },
  },
  {
    files: ["www/pro/sw.js"],
    rules: {
      "no-restricted-globals": ["error", ...offlineGlobals],
      "no-restricted-syntax": ["error", ...offlineSyntax([...OFFLINE, "open"])],
    },
  },
  {
    files: ["www/components/embed/**/*.js"],
    rules: {
      "no-restricted-globals": ["error", ...globals, ...REQUESTERS.map((name) => ({ name, message: ONE_PLACE }))],
      "no-restricted-syntax": ["error", ...syntax.filter((rule) => rule !== ONE_MESSAGE), { selector: "MemberExpression[property.name=fetch]", message: ONE_PLACE }, { selector: "ImportExpression", message: ONE_PLACE }],
    },
  },
];
