// react-dom 18.3.1's server renderer encodes text into 2048-byte views; when a multi-byte
// character (most Vietnamese letters take 2–3 bytes in UTF-8) does not fit in the end of a view,
// it sends the whole view anyway, its unused tail still zero (upstream react-dom-server,
// writeStringChunk: `writeToDestination(destination, currentView)` after a short `encodeInto`).
// No byte of valid UTF-8 text is 0x00 except U+0000 itself, which HTML forbids and which no text
// of ours holds (PostgreSQL text cannot store it): dropping every 0x00 byte removes exactly that
// padding and can never cut a character in two.

/** The chunk without its 0x00 bytes; the same object when it has none (the common case). */
export function withoutNulBytes(chunk: Uint8Array): Uint8Array {
  let at = chunk.indexOf(0);
  if (at < 0) return chunk;
  const out = new Uint8Array(chunk.length);
  let n = 0;
  let from = 0;
  while (at >= 0) {
    out.set(chunk.subarray(from, at), n);
    n += at - from;
    from = at + 1;
    at = chunk.indexOf(0, from);
  }
  out.set(chunk.subarray(from), n);
  n += chunk.length - from;
  return out.subarray(0, n);
}
