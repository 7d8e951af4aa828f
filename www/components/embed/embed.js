// The snippet a council's web team pastes, served as /embed.js (the build makes it one
// small classic script):
//   <script src="https://HAVEN-ORIGIN/embed.js" async></script>
// It puts Haven right after itself in a cross-origin frame, so the host page's scripts
// (analytics, tag managers, session replay) cannot see what is typed in it, and sizes the
// frame from the one message the widget sends: its height (up to the window's). docs/embedding.md explains
// every option and attribute.

(() => {
  const script = document.currentScript;
  if (!script || !script.src) return;
  const origin = new URL(script.src).origin;
  const options = script.dataset;
  const professional = options.view === "professional";
  // Configuration only: the widget never puts anything typed in its address.
  const params = new URLSearchParams();
  for (const name of ["area", "kinds", "lang", "accent", "exit"]) {
    if (options[name]) params.set(name, options[name]);
  }
  const query = params.toString();
  const frame = document.createElement("iframe");
  frame.src = `${origin}/${professional ? "pro/" : ""}${query ? `?${query}` : ""}`;
  frame.title = options.title || (professional ? "Haven for professionals: find refuge and safe accommodation" : "Haven: find domestic abuse support");
  // Scripts and its own origin (to load its engine and data), its search form, and
  // navigating the whole tab (Exit, by button or Shift three times, and links to
  // services' own sites); the professional view also prints and downloads its shortlist.
  // Nothing else: no popups, no access to the host.
  frame.setAttribute("sandbox", `allow-scripts allow-same-origin allow-forms allow-top-navigation${professional ? " allow-modals allow-downloads" : ""}`);
  // No powerful feature, even where a browser would grant one to a frame by default.
  frame.setAttribute("allow", "geolocation 'none'; camera 'none'; microphone 'none'; display-capture 'none'; payment 'none'; usb 'none'; serial 'none'; hid 'none'; clipboard-read 'none'; fullscreen 'none'");
  frame.referrerPolicy = "no-referrer";
  // Through the style object, which a host's strict style-src allows (a style attribute
  // in markup it would not).
  Object.assign(frame.style, { display: "block", width: "100%", height: "40rem", border: "0" });
  script.after(frame);
  // The frame grows with the widget up to the window's height, then scrolls inside
  // itself: so the widget's exit button, at the top of its own scrolling, stays on screen
  // while results are read (on a phone there is no Shift key).
  const MAX = 100000;
  let wanted = 0;
  const size = () => {
    if (wanted) frame.style.height = `${Math.min(wanted, Math.max(window.innerHeight, 320))}px`;
  };
  window.addEventListener("resize", size);
  window.addEventListener("message", (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const data = event.data;
    // Only {haven: "height", height: N}, exactly.
    if (!data || typeof data !== "object" || Object.keys(data).length !== 2 || data.haven !== "height") return;
    const height = data.height;
    if (typeof height !== "number" || !Number.isFinite(height) || height < 0 || height > MAX) return;
    wanted = Math.ceil(height);
    size();
  });
})();
