// Every signed file the page uses (the directory, the gazetteer, the day's vacancies) is
// checked here first, in one place, by the rule `haven verify` keeps (src/trust.rs): the
// engine reads its seal (and refuses a damaged file), the seal must name one of the
// publisher's keys in ./keys.js and not have expired on the device's date, and then the
// browser checks the signature with WebCrypto Ed25519. A browser without Ed25519 in
// WebCrypto checks it with @noble/ed25519 instead (3.2 KB gzipped, bundled, so every
// visit still makes the same requests). A refused file throws; the page then says so and
// keeps what it carries itself (999, 55 and the national helpline).

import { verifyAsync } from "@noble/ed25519";
import keys from "./keys.js";
import { today } from "../today.js";

const hexBytes = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

async function signatureMatches(publicKey, signature, signed) {
  try {
    const key = await crypto.subtle.importKey("raw", publicKey, { name: "Ed25519" }, false, ["verify"]);
    return await crypto.subtle.verify({ name: "Ed25519" }, key, signature, signed);
  } catch (error) {
    // Only a browser that lacks the algorithm falls back; any other failure refuses.
    if (error?.name !== "NotSupportedError") return false;
    return verifyAsync(signature, signed, publicKey).catch(() => false);
  }
}

/** Checks `bytes` with the engine's `readSeal`; resolves to the seal ({ kind, madeOn,
 * expiresOn, signer }) of an intact file signed by one of `trusted` and not expired on
 * `on` (YYYY-MM-DD), or rejects with an Error saying why it was refused. */
export async function checked(readSeal, bytes, trusted = keys, on = today()) {
  const seal = readSeal(bytes);
  if (!seal?.signer) throw new Error(`${seal?.kind ?? "the file"} is not signed`);
  const key = trusted.find((k) => k.key === seal.publicKey);
  if (!key) throw new Error(`${seal.kind} is signed by "${seal.signer}" (key ${seal.publicKey.slice(0, 16)}), which is not a trusted key`);
  // ISO dates compare as text.
  if (on > seal.expiresOn) throw new Error(`${seal.kind} expired on ${seal.expiresOn} (made on ${seal.madeOn}; today is ${on})`);
  const signature = bytes.slice(seal.signedLength, seal.signedLength + 64);
  const signed = bytes.subarray(0, seal.signedLength);
  if (!(await signatureMatches(hexBytes(key.key), signature, signed))) {
    throw new Error(`${seal.kind} has been altered since "${seal.signer}" signed it: the signature does not match its contents`);
  }
  return seal;
}
