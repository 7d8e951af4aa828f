// A page that breaks every rule of tools/eslint.config.mjs, for tests/lint/no-storage.test.mjs
// (linted as if it were www/components/example/stores-things.js).
localStorage.setItem("place", "Bedford");
sessionStorage.clear();
indexedDB.open("searches");
caches.open("pages");
document.cookie = "seen=1";
navigator.serviceWorker.register("sw.js");
navigator.geolocation.getCurrentPosition(() => {});
window.localStorage.getItem("place");
const w = window;
w["sessionStorage"].clear();
history.pushState({}, "", "?q=Bedford");
window.open("https://example.org");
fetch("data/directory.bin");
navigator.sendBeacon("/log", "Bedford");
window.parent.postMessage({ typed: "Bedford" }, "*");
