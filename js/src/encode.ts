// The value encoding of core/README.md, written from JavaScript values with
// JSON.stringify's rules, so a context means what its JSON text would:
// toJSON is called, undefined, functions and symbols are left out of
// objects and are null in arrays, NaN and ±Infinity are null, boxed
// primitives are unwrapped; a cycle or a BigInt is an error.
import { writeUtf8 } from './utf8.js';

const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const NUMBER = 3;
const STRING = 4;
const ARRAY = 5;
const OBJECT = 6;

/** Deeper than this, the writer stops (the core's own limit is far lower). */
const MAX_DEPTH = 256;

/** A value that cannot be written, with the reason and, in strict mode, where. */
export class EncodeError extends Error {
  constructor(
    message: string,
    readonly path = '',
  ) {
    super(message);
  }
}

/** A reusable, growable buffer holding the last value written. */
export class Encoder {
  bytes = new Uint8Array(1024);
  private view = new DataView(this.bytes.buffer);
  length = 0;
  private readonly open: object[] = [];

  /** JSON Pointer tokens of where the writer is; kept only in strict mode. */
  private readonly at: string[] = [];
  private strict = false;

  /**
   * Writes `value`; returns false when it has no JSON form (undefined, a
   * function). `strict` (definitions): a number JSON cannot hold (NaN,
   * ±Infinity, as JSON.parse reads 1e309) is an error naming its JSON
   * Pointer, rather than null.
   */
  encode(value: unknown, strict = false): boolean {
    this.length = 0;
    // Empty unless the last write threw; setting a length is not free.
    if (this.open.length !== 0) this.open.length = 0;
    if (this.at.length !== 0) this.at.length = 0;
    this.strict = strict;
    return this.value(value, '', 0);
  }

  private pointer(): string {
    return this.at.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
  }

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }

  private u32At(at: number, n: number): void {
    this.view.setUint32(at, n, true);
  }

  private text(s: string): void {
    this.room(4 + 3 * s.length);
    const start = this.length + 4;
    const end = writeUtf8(s, this.bytes, start);
    this.u32At(this.length, end - start);
    this.length = end;
  }

  private tag(t: number): void {
    this.room(1);
    this.bytes[this.length++] = t;
  }

  private value(input: unknown, key: string, depth: number): boolean {
    let value = input;
    if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') value = toJSON.call(value, key);
    }
    if (value instanceof Number) value = Number(value);
    else if (value instanceof String) value = String(value);
    else if (value instanceof Boolean) value = value.valueOf();
    switch (typeof value) {
      case 'string':
        this.tag(STRING);
        this.text(value);
        return true;
      case 'number':
        if (!Number.isFinite(value)) {
          if (this.strict) throw new EncodeError(`number out of range: ${String(value)} does not fit a double`, this.pointer());
          this.tag(NULL);
          return true;
        }
        this.room(9);
        this.bytes[this.length] = NUMBER;
        this.view.setFloat64(this.length + 1, value, true);
        this.length += 9;
        this.text(String(value));
        return true;
      case 'boolean':
        this.tag(value ? TRUE : FALSE);
        return true;
      case 'bigint':
        throw new EncodeError('a BigInt has no JSON form');
      case 'object':
        if (value === null) {
          this.tag(NULL);
          return true;
        }
        return this.structured(value, depth);
      default:
        return false; // undefined, function, symbol
    }
  }

  private structured(value: object, depth: number): boolean {
    if (depth >= MAX_DEPTH) throw new EncodeError(`nested deeper than ${MAX_DEPTH} levels`, this.pointer());
    if (this.open.includes(value)) throw new EncodeError('it contains itself (a cycle)', this.pointer());
    this.open.push(value);
    const start = this.length;
    this.room(9);
    this.length += 9;
    let count = 0;
    if (Array.isArray(value)) {
      this.bytes[start] = ARRAY;
      const n = value.length;
      for (let i = 0; i < n; i++) {
        if (this.strict) this.at.push(String(i));
        if (!this.value(value[i], String(i), depth + 1)) this.tag(NULL);
        if (this.strict) this.at.pop();
        count++;
      }
    } else {
      this.bytes[start] = OBJECT;
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) {
        const at = this.length;
        this.text(k);
        if (this.strict) this.at.push(k);
        if (this.value(record[k], k, depth + 1)) count++;
        else this.length = at; // left out, as JSON.stringify leaves it out
        if (this.strict) this.at.pop();
      }
    }
    this.u32At(start + 1, count);
    this.u32At(start + 5, this.length - start - 9);
    this.open.pop();
    return true;
  }
}
