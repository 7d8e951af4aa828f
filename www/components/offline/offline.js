// Opt-in offline use of the professional view: the one place in www/ that may register a
// service worker or touch caches (tools/eslint.config.mjs allows it here and in
// pro/sw.js only). Nothing happens until someone presses "Keep Haven on this device";
// "Remove from this device" unregisters the worker and deletes its caches. The worker's
// scope is the professional view's folder, so the survivor page is never controlled by
// it, and the survivor page never loads this file.
//
// Markup, inside `root`: <p role="status">, <button class="keep">, <button class="remove">.

import { part } from "../dom.js";

// The caches pro/sw.js makes are named from this, so removal can find every one.
export const CACHE_PREFIX = "haven-pro-";

export function createOffline(root, wording) {
  const { t } = wording;
  const status = part(root, "[role=status]");
  const keep = part(root, ".keep");
  const remove = part(root, ".remove");
  const workers = navigator.serviceWorker;
  let state = "off";

  function render() {
    status.textContent = t(`offline_${state}`);
    keep.hidden = state === "on" || state === "unsupported";
    remove.hidden = state !== "on";
    keep.disabled = state === "working";
  }

  async function refresh() {
    if (!workers) {
      state = "unsupported";
    } else {
      const registration = await workers.getRegistration("./");
      state = registration ? "on" : "off";
    }
    render();
  }

  keep.addEventListener("click", async () => {
    state = "working";
    render();
    try {
      const registration = await workers.register("sw.js", { scope: "./" });
      const worker = registration.installing ?? registration.waiting ?? registration.active;
      // Installed means every file is cached (pro/sw.js caches them before it installs).
      if (worker && worker.state !== "activated") {
        await new Promise((resolve, reject) => {
          worker.addEventListener("statechange", () => {
            if (worker.state === "activated") resolve();
            if (worker.state === "redundant") reject(new Error("the offline copy could not be made"));
          });
        });
      }
      state = "on";
    } catch {
      state = "failed";
    }
    render();
  });

  remove.addEventListener("click", async () => {
    state = "working";
    render();
    const registration = await workers.getRegistration("./");
    await registration?.unregister();
    for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
    state = "removed";
    render();
  });

  refresh();
  return { relabel: render };
}
