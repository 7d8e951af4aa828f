// Written by tools/build-page.mjs at build time: the publisher's public keys, [{ name,
// key }] (key: 64 hex digits), from the .pub of the key `make build` signs with and every
// keys/*.pub (more than one while a key is rotated: docs/signing.md).
export default [];
