// A stand-in for what council pages carry (analytics, tag managers, session replay): it
// records every event and every change it can see, reads every frame it can reach, and
// lists it all on the page, so anyone can watch what a host learns from the widget.
// The browser tests read the same record (window.analyticsSaw).
(() => {
  const saw = [];
  window.analyticsSaw = saw;
  const list = () => document.getElementById("analytics-log");
  const record = (what, detail) => {
    saw.push({ what, ...detail });
    const li = document.createElement("li");
    li.textContent = `${what}: ${JSON.stringify(detail)}`;
    // Newest first, so what happens while someone uses the widget is in view.
    list()?.prepend(li);
  };
  const EVENTS = ["keydown", "keyup", "keypress", "beforeinput", "input", "change", "paste", "click", "pointerdown", "focusin", "submit", "message", "blur", "focus"];
  for (const type of EVENTS) {
    window.addEventListener(type, (event) => {
      const target = event.target;
      const detail = { target: target?.tagName?.toLowerCase?.() ?? (target === window ? "window" : String(target)) };
      if (event.key !== undefined) detail.key = event.key;
      if (target && "value" in target && typeof target.value === "string") detail.value = target.value;
      if (type === "message") Object.assign(detail, { origin: event.origin, data: event.data });
      record(type, detail);
    }, true);
  }
  // Session replay: every change to the page once it has loaded (but its own list).
  document.addEventListener("DOMContentLoaded", () => {
    new MutationObserver((changes) => {
      for (const change of changes) {
        if (list()?.contains(change.target)) continue;
        record("change", { type: change.type, target: change.target.nodeName?.toLowerCase(), attribute: change.attributeName ?? undefined });
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  // And whatever any frame's document holds, if it can be reached.
  const tried = new Map();
  setInterval(() => {
    for (const frame of document.querySelectorAll("iframe")) {
      let text = null;
      try {
        text = frame.contentDocument?.body?.innerText ?? null;
      } catch (error) {
        text = null;
      }
      const outcome = text === null ? "could not read it" : text.slice(0, 200);
      if (tried.get(frame) !== outcome) {
        tried.set(frame, outcome);
        record("read the frame", { src: frame.src, outcome });
      }
    }
  }, 500);
})();
