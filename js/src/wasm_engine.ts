// The WebAssembly module without Emscripten glue: its imports (the host's
// RegExp for `$regex`) and a thin class over its exported C functions
// (wasm/src/exports.cpp). Strings cross as UTF-8 in the module's input
// buffer; answers come back as a binary record, everything else as one JSON
// envelope {status, value, errors, warnings}.
import type { Encoder } from './encode.js';
import { readUtf8, writeUtf8 } from './utf8.js';
import type { Answer, Reason } from './types.js';

/** An encoded context: its bytes, or the encoder that last wrote it (perhaps into the input buffer: `target`). */
export type EncodedContext = Encoder | Uint8Array;

/** A problem the core reported: a JSON Pointer and a message. */
export interface CoreError {
  path: string;
  message: string;
}

/** One loaded experiment: its name and variants, in document order. */
export interface LoadedExperiment {
  name: string;
  variants: string[];
  /** Its answers depend on the time (an enrollment window, or a sticky store with a TTL). */
  timed?: true;
}

/** What loading definitions reported. */
export interface LoadReport {
  experiments: LoadedExperiment[];
  /** Experiments skipped for an error: name -> the first error. */
  skipped: Record<string, string>;
  errors: CoreError[];
  warnings: CoreError[];
}

interface Envelope<T> {
  status: 'ok' | 'error';
  value: T;
  errors: CoreError[];
  warnings: CoreError[];
}

interface Exports {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  cohort_input(size: number): number;
  cohort_load(secretLength: number, definitionsLength: number, capacity: number, ttlMs: number): number;
  cohort_set_context(length: number): number;
  cohort_resolve(index: number, nameLength: number, contextLength: number, nowMs: number): number;
  cohort_key(index: number, contextLength: number): number;
  cohort_first_assignment(nameLength: number, keyLength: number, courseLength: number): number;
  cohort_forget_assignments(): void;
  [test: `cohort_test_${string}`]: ((...args: number[]) => number) | undefined;
}

const FLAG_EXCLUDED = 1;
const FLAG_TRACKED = 2;
const FLAG_VARIANT_TEXT = 4;
const FLAG_FIRST_ASSIGNMENT = 8;

/**
 * A 32-character key (the XXH3-128 digest most modes give) as a string: one
 * fromCharCode call with fixed arguments, three times faster than the
 * general decoder's apply over a subarray. Digests are ASCII; anything else
 * takes the general path.
 */
function hexKey(m: Uint8Array, p: number): string {
  let high = 0;
  for (let i = 0; i < 32; i++) high |= m[p + i]!;
  if (high >= 0x80) return readUtf8(m, p, 32);
  // prettier-ignore
  return String.fromCharCode(
    m[p]!, m[p + 1]!, m[p + 2]!, m[p + 3]!, m[p + 4]!, m[p + 5]!, m[p + 6]!, m[p + 7]!,
    m[p + 8]!, m[p + 9]!, m[p + 10]!, m[p + 11]!, m[p + 12]!, m[p + 13]!, m[p + 14]!, m[p + 15]!,
    m[p + 16]!, m[p + 17]!, m[p + 18]!, m[p + 19]!, m[p + 20]!, m[p + 21]!, m[p + 22]!, m[p + 23]!,
    m[p + 24]!, m[p + 25]!, m[p + 26]!, m[p + 27]!, m[p + 28]!, m[p + 29]!, m[p + 30]!, m[p + 31]!,
  );
}

/**
 * The engine `$regex` runs on (regex_re2.ts). Kept out of the module: it is
 * loaded only when definitions hold a `$regex`, so pages without one do
 * not download it.
 */
export interface RegexHost {
  /** A compiled pattern, or {error} when it is not valid. */
  compile(pattern: string, ignoreCase: boolean): unknown;
  /** RegExp.prototype.test's answer: a match anywhere in `text`. */
  test(compiled: unknown, text: string): boolean;
}

/** regex_compile's answer when no engine is loaded (the module reports it). */
const NO_ENGINE = -2;

/** The module's imports: `$regex` on the regex host, and what the C runtime asks for. */
function imports(engine: {
  text(at: number, length: number): string;
  bytes(): Uint8Array;
  memoryGrew(): void;
  regex: RegexHost | undefined;
}): WebAssembly.Imports {
  const regexes: unknown[] = [];
  const free: number[] = [];
  return {
    cohort: {
      regex_compile(pattern: number, length: number, ignoreCase: number): number {
        const host = engine.regex;
        if (!host) return NO_ENGINE;
        const re = host.compile(engine.text(pattern, length), ignoreCase !== 0);
        if (re !== null && typeof re === 'object' && 'error' in re) return -1;
        const id = free.length > 0 ? free.pop()! : regexes.length;
        regexes[id] = re;
        return id;
      },
      regex_test(id: number, text: number, length: number): number {
        try {
          return engine.regex!.test(regexes[id], engine.text(text, length)) ? 1 : 0;
        } catch {
          return 0;
        }
      },
      regex_release(id: number): void {
        regexes[id] = null;
        free.push(id);
      },
      // Decimal conversion (core/src/conditions/decimal_conversion.hpp): JavaScript's
      // own rules, so the module needs no strtod or printf. The literal is
      // ASCII the core validated; the digits written back are ASCII too.
      number_parse(text: number, length: number): number {
        return Number(engine.text(text, length));
      },
      number_shortest(positive: number, out: number, capacity: number): number {
        const text = positive.toExponential();
        const bytes = engine.bytes();
        const length = Math.min(text.length, capacity);
        for (let i = 0; i < length; i++) bytes[out + i] = text.charCodeAt(i);
        return length;
      },
    },
    // Called whenever the memory grew (its buffer changed): views are made anew.
    env: { emscripten_notify_memory_growth: () => engine.memoryGrew() },
    wasi_snapshot_preview1: {
      proc_exit(code: number): never {
        throw new WebAssembly.RuntimeError(`the engine stopped (exit ${code})`);
      },
    },
  };
}

/** The engine of one module instance. */
export class WasmEngine {
  private readonly exports: Exports;
  private u8 = new Uint8Array(0);
  private u32 = new Uint32Array(0);
  private dataView = new DataView(new ArrayBuffer(0));
  /** The views are of an older buffer (the memory grew since they were made). */
  private stale = true;
  private inputAt = 0;
  private inputSize = 0;
  private reasons: Reason[] = [];
  /** The `$regex` engine; undefined until loaded (browsers load it on demand). */
  regex: RegexHost | undefined;
  private variantsAt: string[][] = [];

  private constructor(instance: WebAssembly.Instance) {
    this.exports = instance.exports as unknown as Exports;
    this.exports._initialize?.();
  }

  /** Instantiates a compiled module synchronously (Node, Jest, workers). */
  static fromModule(module: WebAssembly.Module, regex?: RegexHost): WasmEngine {
    const late = WasmEngine.lateBinding();
    const engine = new WasmEngine(new WebAssembly.Instance(module, imports(late.view)));
    late.bind(engine);
    engine.regex = regex;
    return engine;
  }

  /** Instantiates asynchronously, as browsers require for a module this size. */
  static async instantiate(module: WebAssembly.Module, regex?: RegexHost): Promise<WasmEngine> {
    const late = WasmEngine.lateBinding();
    const engine = new WasmEngine(await WebAssembly.instantiate(module, imports(late.view)));
    late.bind(engine);
    engine.regex = regex;
    return engine;
  }

  /** What the imports see of the engine, which exists only after instantiation. */
  private static lateBinding() {
    let engine: WasmEngine | undefined;
    return {
      view: {
        text: (at: number, n: number) => engine!.text(at, n),
        bytes: () => engine!.bytes(),
        // Growth during instantiation comes before the engine exists; its views start stale anyway.
        memoryGrew: () => engine?.memoryGrew(),
        get regex() {
          return engine?.regex;
        },
      },
      bind: (e: WasmEngine) => {
        engine = e;
      },
    };
  }

  /** The text of `length` bytes of the module's memory at `at`. */
  text(at: number, length: number): string {
    return readUtf8(this.bytes(), at, length);
  }

  /** The module's memory grew: the next bytes() makes new views. */
  memoryGrew(): void {
    this.stale = true;
  }

  /** The module's memory as bytes (a fresh view after the memory grew). */
  bytes(): Uint8Array {
    // The growth notice, not a comparison of buffers: reading memory.buffer
    // on every answer measured several percent of run().
    if (this.stale) {
      this.stale = false;
      this.u8 = new Uint8Array(this.exports.memory.buffer);
      this.u32 = new Uint32Array(this.exports.memory.buffer);
      this.dataView = new DataView(this.exports.memory.buffer);
    }
    return this.u8;
  }

  /** The input buffer, at least `size` bytes. */
  private input(size: number): number {
    if (size > this.inputSize) {
      this.inputSize = Math.max(size, 2 * this.inputSize, 4096);
      this.inputAt = this.exports.cohort_input(this.inputSize);
    }
    this.bytes();
    return this.inputAt;
  }

  /**
   * Points `encoder`'s next write at the input buffer, where `resolve` and
   * `keyOf` read a context in place: writing it there rather than copying
   * it in was 5% of run() with a fresh context.
   */
  target(encoder: Encoder): void {
    const at = this.input(4096);
    encoder.into(this.u8, this.dataView, at, this.inputSize);
  }

  /**
   * Puts the context `encoded` last wrote at the start of the input buffer,
   * unless it is there already (`target`); returns its length.
   */
  private placeContext(encoded: EncodedContext): number {
    if (!(encoded instanceof Uint8Array) && encoded.bytes === this.u8 && encoded.start === this.inputAt) return encoded.length;
    const [length] = this.write([this.own(encoded)]);
    return length!;
  }

  /** The bytes of `encoded`, in memory of their own (input() may move the input buffer they were written to). */
  private own(encoded: EncodedContext): Uint8Array {
    if (encoded instanceof Uint8Array) return encoded;
    return encoded.bytes.buffer === this.exports.memory.buffer ? encoded.written().slice() : encoded.written();
  }

  /** Writes `parts` back to back into the input buffer; returns each one's byte length. */
  private write(parts: (string | Uint8Array)[]): number[] {
    let room = 0;
    for (const p of parts) room += typeof p === 'string' ? 3 * p.length : p.length;
    let at = this.input(room);
    const lengths: number[] = [];
    for (const p of parts) {
      if (typeof p === 'string') {
        const end = writeUtf8(p, this.u8, at);
        lengths.push(end - at);
        at = end;
      } else {
        this.u8.set(p, at);
        lengths.push(p.length);
        at += p.length;
      }
    }
    return lengths;
  }

  private envelope<T>(at: number): Envelope<T> {
    const bytes = this.bytes();
    const length = this.u32[at >> 2]!;
    return JSON.parse(readUtf8(bytes, at + 4, length)) as Envelope<T>;
  }

  /** Compiles an encoded definitions document, replacing the loaded one. */
  load(definitions: Uint8Array, secret: string, stickyCapacity: number, stickyTtlMs: number): LoadReport {
    const [secretLength, definitionsLength] = this.write([secret, definitions]);
    const result = this.envelope<{ experiments: LoadedExperiment[]; skipped: Record<string, string>; reasons: Reason[] }>(
      this.exports.cohort_load(secretLength!, definitionsLength!, stickyCapacity, stickyTtlMs),
    );
    this.reasons = result.value.reasons;
    this.variantsAt = result.value.experiments.map((e) => e.variants);
    return { experiments: result.value.experiments, skipped: result.value.skipped, errors: result.errors, warnings: result.warnings };
  }

  /** Makes an encoded context the current one; returns its problems. */
  setContext(encoded: Uint8Array): CoreError[] {
    const [length] = this.write([encoded]);
    return this.envelope<null>(this.exports.cohort_set_context(length!)).errors;
  }

  /**
   * Whether the last answer `resolve` gave is an assignment to emit: tracked
   * and, for the core's assignment tracker (core/include/cohort/
   * assignment_tracker.hpp), the first for its experiment, key and course
   * this session. Read right after `resolve`.
   */
  firstAssignment = false;

  /**
   * Asks the core's assignment tracker about an assignment decided outside
   * it (a stub): true the first time this session, and remembers it.
   */
  isFirstAssignment(name: string, key: string, course: string | undefined): boolean {
    const [nameLength, keyLength, courseLength] = this.write([name, key, course ?? '']) as [number, number, number];
    return this.exports.cohort_first_assignment(nameLength, keyLength, courseLength) !== 0;
  }

  /**
   * The context key experiment `index` gives an encoded context (or the
   * current one), without resolving: what a stubbed answer carries.
   */
  keyOf(index: number, encoded: EncodedContext | undefined): string {
    const contextLength = encoded ? this.placeContext(encoded) : 0;
    const at = this.exports.cohort_key(index, contextLength);
    return readUtf8(this.bytes(), at + 4, this.u32[at >> 2]!);
  }

  /** Forgets the session's assignments (a test's restore). */
  forgetAssignments(): void {
    this.exports.cohort_forget_assignments();
  }

  /**
   * The answer for experiment `index` of the loaded document (or `name` when
   * the index is -1), for an encoded context or, when none, the current one.
   */
  resolve(index: number, name: string, encoded: EncodedContext | undefined, nowMs: number): Answer {
    let nameLength = 0;
    let contextLength = 0;
    if (index < 0) {
      [nameLength, contextLength] = this.write([name, encoded ? this.own(encoded) : new Uint8Array(0)]) as [number, number];
    } else if (encoded) {
      contextLength = this.placeContext(encoded);
    }
    const at = this.exports.cohort_resolve(index < 0 ? 0xffffffff : index, nameLength, contextLength, nowMs);
    return this.answer(at + 4, name, index);
  }

  private answer(at: number, name: string, index: number): Answer {
    const u8 = this.bytes();
    const w = at >> 2;
    const u32 = this.u32;
    const variantIndex = u32[w]!;
    const flags = u32[w + 2]!;
    this.firstAssignment = (flags & FLAG_FIRST_ASSIGNMENT) !== 0;
    const keyLength = u32[w + 3]!;
    const migrations = u32[w + 4]!;
    const errorLength = u32[w + 5]!;
    let p = at + 24;
    const key = keyLength === 32 ? hexKey(u8, p) : readUtf8(u8, p, keyLength);
    p += keyLength;
    let migrationKeys: string[] | undefined;
    if (migrations > 0) {
      migrationKeys = [];
      for (let i = 0; i < migrations; i++) {
        const n = u8[p]! | (u8[p + 1]! << 8) | (u8[p + 2]! << 16) | (u8[p + 3]! << 24);
        migrationKeys.push(readUtf8(u8, p + 4, n));
        p += 4 + n;
      }
    }
    const error = errorLength > 0 ? readUtf8(u8, p, errorLength) : undefined;
    p += errorLength;
    let variant: string;
    if (flags & FLAG_VARIANT_TEXT) {
      const n = u8[p]! | (u8[p + 1]! << 8) | (u8[p + 2]! << 16) | (u8[p + 3]! << 24);
      variant = readUtf8(u8, p + 4, n);
    } else {
      variant = this.variantsAt[index]![variantIndex]!;
    }
    const answer: Answer = {
      experiment: name,
      variant,
      key,
      reason: this.reasons[u32[w + 1]!]!,
      excluded: (flags & FLAG_EXCLUDED) !== 0,
      tracked: (flags & FLAG_TRACKED) !== 0,
      variant_index: variantIndex,
    };
    if (migrationKeys) answer.migration_keys = migrationKeys;
    if (error !== undefined) answer.error = error;
    return answer;
  }

  // ------------------------------------------------------------------------
  // The test build's exports (cohort_test.wasm); absent from the shipped module.

  /** Export `cohort_test_<name>` of the test build. */
  test(name: string): (...args: number[]) => number {
    const fn = this.exports[`cohort_test_${name}`];
    if (typeof fn !== 'function') throw new Error(`cohort_test_${name} is only in the test build`);
    return fn;
  }

  /** Writes `parts` into the input buffer for a test export; returns their byte lengths. */
  testWrite(parts: (string | Uint8Array)[]): number[] {
    return this.write(parts);
  }

  /** The text result at `at` of a test export. */
  testText(at: number): string {
    const u8 = this.bytes();
    return readUtf8(u8, at + 4, this.u32[at >> 2]!);
  }

  /** The envelope at `at` of a test export. */
  testEnvelope(at: number): CoreError[] {
    return this.envelope<null>(at).errors;
  }
}
