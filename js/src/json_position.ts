// Where JSON text stops being JSON: the UTF-16 index of the first character
// that cannot continue a JSON document (RFC 8259), or the text's length when
// it ends early. Only run after JSON.parse refused the text, whose messages
// do not always say where (V8: "Unexpected token '}', ... is not valid
// JSON"). No values are built; nesting is tracked with an explicit stack, so
// deep documents cannot exhaust the call stack.

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** The index of the first character that is not valid JSON; -1 when `text` is valid. */
export function jsonErrorIndex(text: string): number {
  const n = text.length;
  let i = 0;
  // Open containers: true for an object, false for an array.
  const open: boolean[] = [];
  const skipSpace = () => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  // Each returns false at the offending character, with i pointing at it.
  const literal = (word: string): boolean => {
    for (let k = 0; k < word.length; k++, i++) {
      if (i >= n || text.charCodeAt(i) !== word.charCodeAt(k)) return false;
    }
    return true;
  };
  const string = (): boolean => {
    i++; // the opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        i++;
        if (i >= n) return false;
        const e = text.charCodeAt(i);
        if (e === 0x75) {
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n || !isHex(text.charCodeAt(i))) return false;
          }
        } else if (!'"\\/bfnrt'.includes(text[i]!)) {
          return false;
        }
      }
      i++;
    }
    return false;
  };
  const number = (): boolean => {
    if (text.charCodeAt(i) === 0x2d) i++;
    if (i >= n) return false;
    if (text.charCodeAt(i) === 0x30) {
      i++;
    } else if (isDigit(text.charCodeAt(i))) {
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    } else {
      return false;
    }
    if (i < n && text.charCodeAt(i) === 0x2e) {
      i++;
      if (i >= n || !isDigit(text.charCodeAt(i))) return false;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    if (i < n && (text.charCodeAt(i) | 0x20) === 0x65) {
      i++;
      if (i < n && (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d)) i++;
      if (i >= n || !isDigit(text.charCodeAt(i))) return false;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
    }
    return true;
  };
  // Three states: a value is expected, an object key is expected, or a value
  // just ended. Containers are pushed when opened and popped when closed.
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipSpace();
    if (state === 'value') {
      if (i >= n) return n;
      const c = text.charCodeAt(i);
      if (c === 0x7b || c === 0x5b) {
        i++;
        skipSpace();
        if (i < n && text.charCodeAt(i) === (c === 0x7b ? 0x7d : 0x5d)) {
          i++;
          state = 'after';
        } else {
          open.push(c === 0x7b);
          state = c === 0x7b ? 'key' : 'value';
        }
        continue;
      }
      const ok = c === 0x22 ? string() : c === 0x74 ? literal('true') : c === 0x66 ? literal('false') : c === 0x6e ? literal('null') : number();
      if (!ok) return Math.min(i, n);
      state = 'after';
    } else if (state === 'key') {
      if (i >= n) return n;
      if (text.charCodeAt(i) !== 0x22 || !string()) return Math.min(i, n);
      skipSpace();
      if (i >= n) return n;
      if (text.charCodeAt(i) !== 0x3a) return i;
      i++;
      state = 'value';
    } else {
      if (open.length === 0) return i < n ? i : -1;
      if (i >= n) return n;
      const inObject = open[open.length - 1]!;
      const c = text.charCodeAt(i);
      if (c === 0x2c) {
        i++;
        state = inObject ? 'key' : 'value';
      } else if (c === (inObject ? 0x7d : 0x5d)) {
        open.pop();
        i++;
      } else {
        return i;
      }
    }
  }
}
