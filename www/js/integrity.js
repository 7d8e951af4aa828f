// Replaced at build time by tools/integrity.mjs with the SHA-384 of each data file.
export default {};
