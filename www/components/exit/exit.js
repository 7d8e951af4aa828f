// Quick exit: the one place the page leaves itself.
//
// The exit link works on its own (no JavaScript, or the wasm failed): it opens the
// neutral site in the top window. With JavaScript, pressing it or pressing Shift three
// times hides everything at once and replaces this page in the history, so Back does
// not return here. Shift followed by a letter (typing a capital) never counts.
//
// Markup (hosts change the destination by changing the href):
//   <a class="exit" href="https://www.bbc.co.uk/weather" target="_top"
//      rel="noreferrer noopener" data-i18n="exit">Exit this page</a>

const PRESSES = 3;
const WITHIN_MS = 1500;

function leave(link) {
  document.documentElement.classList.add("leaving");
  document.title = "";
  const target = link.href;
  try {
    // Replace the whole tab, also when embedded in a council's page.
    window.top.location.replace(target);
  } catch {
    window.location.replace(target);
  }
}

/** Makes `link` (the page's exit link) leave instantly, and Shift three times anywhere
 * in the document do the same. */
export function installExit(link) {
  if (!link) return;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    leave(link);
  });
  let presses = [];
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    if (event.repeat) return;
    const now = performance.now();
    presses = presses.filter((t) => now - t < WITHIN_MS);
    presses.push(now);
    if (presses.length >= PRESSES) leave(link);
  }, true);
}
