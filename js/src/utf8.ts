// UTF-8 to and from wasm memory without TextEncoder/TextDecoder, which some
// hosts lack (older jsdom) and which cost more than a loop for the short
// ASCII text that crosses on every answer.

/**
 * Writes `text` as UTF-8 at `at`; returns the position after it. The caller
 * guarantees room for 3 bytes per UTF-16 unit. Lone surrogates become
 * U+FFFD, as TextEncoder writes them.
 */
export function writeUtf8(text: string, bytes: Uint8Array, at: number): number {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes[at++] = c;
    } else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          bytes[at++] = 0xf0 | (c >> 18);
          bytes[at++] = 0x80 | ((c >> 12) & 0x3f);
          bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
          bytes[at++] = 0x80 | (c & 0x3f);
          continue;
        }
        c = 0xfffd;
      }
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[at++] = 0x80 | (c & 0x3f);
    }
  }
  return at;
}

/** The UTF-8 text of `length` bytes at `at`; malformed bytes read as U+FFFD. */
export function readUtf8(bytes: Uint8Array, at: number, length: number): string {
  const end = at + length;
  let out = '';
  let i = at;
  // ASCII, the common case (keys, variants), in chunks: fromCharCode takes
  // many arguments at once.
  while (i < end) {
    let j = i;
    while (j < end && j - i < 1024 && bytes[j]! < 0x80) j++;
    if (j > i) {
      out += String.fromCharCode.apply(null, bytes.subarray(i, j) as unknown as number[]);
      i = j;
      continue;
    }
    const b = bytes[i]!;
    const need = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (need < 0 || i + need >= end) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = b & (0x3f >> need);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
