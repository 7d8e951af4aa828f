// Written by tools/build-page.mjs at build time from www/site.json: each file the
// network component fetches, { name: { path, integrity } }, in the order it fetches them.
export default {};
