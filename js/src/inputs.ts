// What the package takes in before the engine sees it: contexts and
// definitions written in the value encoding (with the checks JavaScript can
// make first), fetch Responses, and the answers made without the engine.
import { Encoder, EncodeError } from './encode.js';
import { jsonErrorIndex } from './json_position.js';
import { describe, thrownText } from './pushed.js';
import type { Answer, CohortError } from './types.js';

/** Largest encoded context accepted from JavaScript (the core checks again). */
const MAX_CONTEXT_BYTES = 64 * 1024;

export function answerOf(experiment: string, fields: Partial<Answer>): Answer {
  return {
    experiment,
    variant: 'control',
    key: '',
    reason: 'unknown',
    excluded: false,
    tracked: false,
    variant_index: 0,
    ...fields,
  };
}

interface ResponseLike {
  ok: boolean;
  status: number;
  statusText?: string;
  url?: string;
  json(): Promise<unknown>;
}

/** A fetch Response (what `fetch(url)` resolves to), recognised by shape so it works across realms. */
export function isResponse(value: unknown): value is ResponseLike {
  try {
    const r = value as Partial<ResponseLike> | null;
    return r !== null && typeof r === 'object' && typeof r.json === 'function' && typeof r.status === 'number' && typeof r.ok === 'boolean';
  } catch {
    return false;
  }
}

/** The JSON body of a definitions Response, or why there is none. */
export function responseBody(response: ResponseLike): Promise<unknown> {
  if (!response.ok) {
    const where = response.url ? ` for ${response.url}` : '';
    return Promise.reject(new Error(`the definitions request answered ${response.status} ${response.statusText ?? ''}`.trimEnd() + where));
  }
  return response.json().catch((e: unknown) => Promise.reject(new Error(`the definitions response is not JSON (${thrownText(e)})`)));
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false; // a throwing `then` getter: not a promise, and written as JSON it fails with a report
  }
}

/**
 * Encodes a context into `encoder` (core/README.md, "Value encoding");
 * returns what is wrong with it, if anything.
 */
export function encodeContext(encoder: Encoder, value: unknown): string | undefined {
  try {
    if (!encoder.encode(value)) return `context: expected a JSON value, got ${describe(value)}`;
  } catch (e) {
    const why = e instanceof EncodeError ? e.message : thrownText(e);
    return `context: could not be written as JSON (${why})`;
  }
  if (encoder.length > MAX_CONTEXT_BYTES) return `context: ${encoder.length} bytes; the limit is ${MAX_CONTEXT_BYTES}`;
  return undefined;
}

/** The largest encoded definitions document the core accepts (SPEC §8); larger ones are refused before copying. */
const MAX_DEFINITIONS_BYTES = 16 * 1024 * 1024;
/** True when an encoded document may hold a `$regex` or `$regexi` operator. */
export function usesRegex(bytes: Uint8Array): boolean {
  const needle = [0x24, 0x72, 0x65, 0x67, 0x65, 0x78]; // "$regex"
  // indexOf finds each '$' natively: this runs once per load, before V8 has
  // compiled the package's code, where a loop over every byte of a
  // 100-definition document cost about a millisecond.
  outer: for (let i = bytes.indexOf(0x24); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(0x24, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * JSON.parse's complaint about `text`, placed as the native tool places it:
 * "invalid JSON at byte B (line L, column C): why", B the 1-based UTF-8
 * offset of the first character that cannot be JSON and C counted in bytes
 * too. The host's message, whose position (when it gives one) is in UTF-16
 * units, is kept as the why.
 */
export function invalidJson(text: string, message: string): string {
  const index = jsonErrorIndex(text);
  if (index < 0) return `invalid JSON: ${message}`;
  const why = message.replace(/\s*(?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/, '');
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const line = 1 + countNewlines(text, lineStart);
  const byte = utf8Length(text, 0, index) + 1;
  const column = utf8Length(text, lineStart, index) + 1;
  return `invalid JSON at byte ${byte} (line ${line}, column ${column}): ${why}`;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** UTF-8 bytes of text[from, to) (a lone surrogate counts as U+FFFD, 3 bytes). */
function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * A definitions document (an object, or JSON text parsed with the host's
 * JSON.parse) in the value encoding, or the problem that stops it.
 */
export function encodeDefinitions(encoder: Encoder, value: unknown): { bytes?: Uint8Array; error?: CohortError } {
  const problem = (message: string, path = ''): { error: CohortError } => ({ error: { source: 'definitions', path, message } });
  let document = value;
  if (typeof value === 'string') {
    try {
      document = JSON.parse(value) as unknown;
    } catch (e) {
      return problem(invalidJson(value, e instanceof Error ? e.message : thrownText(e)));
    }
  }
  try {
    if (!encoder.encode(document, true)) return problem(`definitions: expected a JSON value, got ${describe(value)}`);
  } catch (e) {
    if (e instanceof EncodeError) return problem(e.message, e.path);
    return problem(`definitions: could not be written as JSON (${thrownText(e)})`);
  }
  if (encoder.length > MAX_DEFINITIONS_BYTES) {
    return problem(`the document is ${encoder.length} bytes encoded; the limit is ${MAX_DEFINITIONS_BYTES}`);
  }
  return { bytes: encoder.written().slice() };
}

const OPTION_NAMES = ['definitions', 'context', 'published', 'secret', 'storage', 'trackers', 'onError', 'sticky', 'now', 'wasm'] as const;

/**
 * The options an init or createEngine call gave, read once into a plain
 * object: an options object whose getters or Proxy traps throw loses the
 * fields it cannot give, and says which, instead of throwing at the caller.
 */
export function readOptions<T extends object>(options: unknown, problems: string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const name of OPTION_NAMES) {
    let value: unknown;
    try {
      value = (options as Record<string, unknown>)[name];
    } catch (e) {
      problems.push(`init: the option "${name}" could not be read (${thrownText(e)})`);
      continue;
    }
    if (value === undefined) continue;
    if (name === 'sticky' && value !== null && typeof value === 'object') {
      const sticky: Record<string, unknown> = {};
      for (const field of ['capacity', 'ttlMs']) {
        try {
          sticky[field] = (value as Record<string, unknown>)[field];
        } catch (e) {
          problems.push(`init: sticky.${field} could not be read (${thrownText(e)})`);
        }
      }
      value = sticky;
    }
    out[name] = value;
  }
  return out as Partial<T>;
}

/**
 * The encoded document for `value`, or, after reporting why it cannot be
 * used, the encoded empty document: what both the page runtime and
 * createEngine load.
 */
export function definitionsOrNone(value: unknown, report: (error: CohortError) => void): Uint8Array {
  const { bytes, error } = encodeDefinitions(new Encoder(), value);
  if (error) report(error);
  return bytes ?? encodeDefinitions(new Encoder(), { experiments: [] }).bytes!;
}
