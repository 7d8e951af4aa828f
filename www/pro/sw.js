// The professional view's service worker, registered only when someone asks for offline
// use (components/offline). Its scope is this folder: the survivor page is never
// controlled by it. It caches the view, the engine and the data on install, and answers
// from the network first (so vacancies stay fresh), from the cache when offline.

const CACHE = "haven-pro-v1";
// Everything the view requests (www/site.json's fetches for pro/index.html), from here.
const FILES = ["./", "pro.js", "pro.css", "../pkg/haven_bg.wasm", "../data/directory.bin", "../data/vacancies.bin", "../data/gazetteer.bin", "../data/uk-cells.txt"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") return;
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        }
        return response;
      })
      .catch(() => caches.match(event.request, { ignoreSearch: true }).then((cached) => cached ?? Response.error())),
  );
});
