// Placeholder page: loads the directory into the wasm engine and searches it.
// Nothing typed or chosen here leaves the page.
import init, { Finder } from "./pkg/haven.js";

const exit = document.querySelector(".exit");
exit.addEventListener("click", (event) => {
  event.preventDefault();
  document.body.hidden = true;
  location.replace(exit.href);
});

const status = document.getElementById("status");
const list = document.getElementById("results");

async function load() {
  await init();
  const response = await fetch("data/directory.bin");
  const finder = Finder.load(new Uint8Array(await response.arrayBuffer()));
  document.getElementById("examples").hidden = finder.exampleCount === 0;
  return finder;
}

const ready = load();

// The gazetteer is its own file, fetched after the directory so the page is usable
// sooner; the same request happens on every visit, whatever is typed.
const gazetteer = ready.then(async (finder) => {
  const response = await fetch("data/gazetteer.bin");
  finder.loadGazetteer(new Uint8Array(await response.arrayBuffer()));
  return finder;
});

const place = document.getElementById("place");
place.addEventListener("input", async () => {
  const finder = await gazetteer;
  const options = finder.suggest(place.value, 8).map((answer) => {
    const option = document.createElement("option");
    option.value = answer.label;
    return option;
  });
  document.getElementById("suggestions").replaceChildren(...options);
});

document.getElementById("search").addEventListener("submit", async (event) => {
  event.preventDefault();
  const finder = await gazetteer;
  const kinds = document.getElementById("kind").value.split(",").filter(Boolean);
  const where = finder.geocode(place.value);
  if (!where) {
    status.textContent = `No postcode or town matches "${place.value}".`;
    list.replaceChildren();
    return;
  }
  const response = finder.search({ near: { lat: where.lat, lon: where.lon }, kinds, limit: 20 });
  list.replaceChildren(...response.results.map((hit) => {
    const item = document.createElement("li");
    const where = hit.distance_km === null ? hit.distance_band.replaceAll("_", " ") : `${hit.distance_km} km`;
    item.textContent = `${hit.name} (${hit.kind.replaceAll("_", " ")}, ${where})`;
    for (const phone of hit.phones) {
      const link = document.createElement("a");
      link.href = `tel:${phone.number.replaceAll(" ", "")}`;
      link.textContent = ` Call ${phone.number}`;
      item.append(link);
    }
    return item;
  }));
  status.textContent = `${response.results.length} services found near ${where.label}.`;
});
