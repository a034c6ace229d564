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

/**
 * A reusable, growable buffer holding the last value written: its own, or,
 * for the next value only, a region of someone else's memory (`into`: the
 * engine's input buffer, so an answer's context is written where the
 * module reads it, with no copy). The value is `bytes[start, start + length)`.
 */
export class Encoder {
  bytes: Uint8Array;
  private view: DataView;
  /** Where the value begins in `bytes`: 0 in the encoder's own buffer. */
  start = 0;
  /** Where the next byte goes; `limit` is the end of the room there is. */
  private pos = 0;
  private limit: number;
  private own = new Uint8Array(1024);
  private ownView = new DataView(this.own.buffer);
  private targeted = false;
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
  constructor() {
    this.bytes = this.own;
    this.view = this.ownView;
    this.limit = this.own.length;
  }

  /** Bytes of the last value written. */
  get length(): number {
    return this.pos - this.start;
  }

  /** The last value written, as a view (valid until the next write). */
  written(): Uint8Array {
    return this.bytes.subarray(this.start, this.pos);
  }

  /**
   * Writes the next value (only that one) into `bytes` at `at`, within
   * `capacity` bytes; a value that does not fit moves to the encoder's own
   * buffer, so `bytes` is then not written past `at + capacity`.
   */
  into(bytes: Uint8Array, view: DataView, at: number, capacity: number): void {
    this.bytes = bytes;
    this.view = view;
    this.start = at;
    this.limit = at + capacity;
    this.targeted = true;
  }

  encode(value: unknown, strict = false): boolean {
    if (!this.targeted) {
      this.bytes = this.own;
      this.view = this.ownView;
      this.start = 0;
      this.limit = this.own.length;
    }
    this.targeted = false;
    this.pos = this.start;
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
    if (this.pos + n <= this.limit) return;
    // Out of room: what is written moves to the start of a buffer of the
    // encoder's own (positions held across a write are relative to start).
    const length = this.pos - this.start;
    let size = this.own.length;
    while (size < length + n) size *= 2;
    if (size !== this.own.length || this.bytes !== this.own) {
      const bigger = size === this.own.length ? this.own : new Uint8Array(size);
      bigger.set(this.bytes.subarray(this.start, this.pos));
      this.own = bigger;
      this.ownView = new DataView(bigger.buffer);
    }
    this.bytes = this.own;
    this.view = this.ownView;
    this.start = 0;
    this.pos = length;
    this.limit = this.own.length;
  }

  private u32At(at: number, n: number): void {
    this.view.setUint32(at, n, true);
  }

  private text(s: string): void {
    this.room(4 + 3 * s.length);
    const start = this.pos + 4;
    const end = writeUtf8(s, this.bytes, start);
    this.u32At(this.pos, end - start);
    this.pos = end;
  }

  private tag(t: number): void {
    this.room(1);
    this.bytes[this.pos++] = t;
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
        this.bytes[this.pos] = NUMBER;
        this.view.setFloat64(this.pos + 1, value, true);
        this.pos += 9;
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
    // Relative to this.start: a member's write may move the value (room()).
    const header = this.pos - this.start;
    this.room(9);
    this.pos += 9;
    let count = 0;
    if (Array.isArray(value)) {
      this.bytes[this.start + header] = ARRAY;
      const n = value.length;
      for (let i = 0; i < n; i++) {
        if (this.strict) this.at.push(String(i));
        if (!this.value(value[i], String(i), depth + 1)) this.tag(NULL);
        if (this.strict) this.at.pop();
        count++;
      }
    } else {
      this.bytes[this.start + header] = OBJECT;
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) {
        const at = this.pos - this.start;
        this.text(k);
        if (this.strict) this.at.push(k);
        if (this.value(record[k], k, depth + 1)) count++;
        else this.pos = this.start + at; // left out, as JSON.stringify leaves it out
        if (this.strict) this.at.pop();
      }
    }
    const at = this.start + header;
    this.u32At(at + 1, count);
    this.u32At(at + 5, this.pos - at - 9);
    this.open.pop();
    return true;
  }
}
