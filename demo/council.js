// The council's own quick exit, as many council pages have: it must keep working with
// the widget on the page.
document.getElementById("leave")?.addEventListener("click", () => {
  window.location.replace("https://www.bbc.co.uk/weather");
});
