// Replaced at build time by tools/build-page.mjs with the SHA-384 of each data file.
export default {};
