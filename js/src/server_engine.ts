// createEngine: an engine of its own, for servers (server-side rendering in
// Node) and anywhere one page-wide state does not fit. It shares nothing
// with the page runtime or with other engines: its own WebAssembly
// instance, definitions, stubs, trackers and session memory. The context is
// given with each call, so one engine answers concurrent requests.
import { loadModule, loadRegex } from '#cohort-load';
import { Encoder } from './encode.js';
import { dataOf } from './experiment_data.js';
import { answerOf, encodeContext, definitionsOrNone, isThenable, readOptions, usesRegex } from './inputs.js';
import { LoadedDefinitions } from './loaded.js';
import { courseOf, describe, isValidName, thrownText } from './pushed.js';
import { Tracking } from './tracking.js';
import type { Answer, CohortError, Context, DefinitionsDocument, ExperimentData, Tracker, WasmSource } from './types.js';
import type { WasmEngine } from './wasm_engine.js';

export interface EngineOptions {
  /** A definitions document, as an object or JSON text. */
  definitions?: DefinitionsDocument | string;
  /** Mixed into every context key so keys cannot be recomputed from ids. */
  secret?: string;
  /** Sticky store bounds: entries kept (least recently used dropped) and lifetime. */
  sticky?: { capacity?: number; ttlMs?: number };
  /** Sinks for assignment events, once per (experiment, key, variant, course) and engine. */
  trackers?: Tracker | Tracker[];
  /** Receives every input problem; nothing is written to the console. */
  onError?: (error: CohortError) => void;
  /** The clock, in epoch milliseconds. */
  now?: () => number;
  /** Where the engine's .wasm is (see InitOptions.wasm). */
  wasm?: WasmSource;
}

export interface CohortEngine {
  /** Resolves once the engine is instantiated (at once in Node). */
  readonly ready: Promise<void>;
  /** The full answer for `name` and this request's `context`. */
  run(name: string, context: Context): Answer;
  /** GitLab's `{experiment, key, variant, migration_keys?}` for an assignment, else undefined. */
  getExperimentData(name: string, context: Context): ExperimentData | undefined;
  /** Replaces the definitions (the sticky store starts empty again). */
  load(definitions: DefinitionsDocument | string): void;
  /** Forces `variant` for `name` in this engine only (tests); undefined removes the stub. */
  stub(name: string, variant: string | undefined): void;
}

class Engine implements CohortEngine {
  readonly ready: Promise<void>;
  private engine: WasmEngine | undefined;
  private defs = new LoadedDefinitions();
  private definitions: Uint8Array | undefined;
  private readonly encoder = new Encoder();
  private readonly stubs = new Map<string, string>();
  private readonly tracking: Tracking;
  private readonly clock: () => number;

  constructor(private readonly options: EngineOptions) {
    this.clock = typeof options.now === 'function' ? options.now : Date.now;
    this.tracking = new Tracking((e) => this.report(e), false);
    this.tracking.configure(options.trackers, null);
    if (options.definitions !== undefined) this.setDefinitions(options.definitions);
    let loaded: WasmEngine | Promise<WasmEngine>;
    try {
      loaded = loadModule(options.wasm);
    } catch (e) {
      loaded = Promise.reject(e);
    }
    if (isThenable(loaded)) {
      this.ready = Promise.resolve(loaded).then(
        (engine) => this.attach(engine),
        (e: unknown) => {
          this.report({ source: 'engine', path: '', message: `the WebAssembly engine could not be loaded: ${thrownText(e)}` });
          return Promise.reject(e);
        },
      );
      this.ready.catch(() => undefined); // reported above
    } else {
      this.attach(loaded);
      this.ready = Promise.resolve();
    }
  }

  reportProblem(error: CohortError): void {
    this.report(error);
  }

  private report(error: CohortError): void {
    try {
      this.options.onError?.(error);
    } catch {
      // onError is the caller's code; its failure must not reach the request.
    }
  }

  private attach(engine: WasmEngine): void {
    this.engine = engine;
    this.loadDefinitions();
  }

  private setDefinitions(value: unknown): void {
    this.definitions = definitionsOrNone(value, (e) => this.report(e));
  }

  private loadDefinitions(): void {
    if (!this.engine || this.definitions === undefined) return;
    if (!this.engine.regex && usesRegex(this.definitions)) {
      // Synchronous where the engine is (Node); browsers fetch it first.
      const host = loadRegex();
      if (isThenable(host)) {
        const engine = this.engine;
        host.then(
          (regex) => {
            engine.regex = regex;
            this.loadDefinitions();
          },
          (e: unknown) => this.report({ source: 'engine', path: '', message: `the $regex engine could not be loaded: ${thrownText(e)}` }),
        );
        return;
      }
      this.engine.regex = host;
    }
    const sticky = this.options.sticky ?? {};
    const report = this.engine.load(this.definitions, String(this.options.secret ?? ''), Number(sticky.capacity ?? 10_000), Number(sticky.ttlMs ?? 0));
    this.defs = LoadedDefinitions.from(report, (e) => this.report(e));
  }

  load(definitions: DefinitionsDocument | string): void {
    this.setDefinitions(definitions);
    this.loadDefinitions();
  }

  stub(name: string, variant: string | undefined): void {
    if (!isValidName(name)) return this.report({ source: 'stubs', path: '', message: `expected an experiment name, got ${describe(name)}` });
    if (variant === undefined) this.stubs.delete(name);
    else if (isValidName(variant)) this.stubs.set(name, variant);
    else this.report({ source: 'stubs', path: name, message: `expected a variant name, got ${describe(variant)}` });
  }

  run(name: string, context: Context): Answer {
    if (!isValidName(name)) return answerOf(typeof name === 'string' ? name : '', { reason: 'error', error: 'invalid experiment name' });
    if (this.engine) this.engine.target(this.encoder);
    const contextError = encodeContext(this.encoder, context);
    const stub = this.stubs.get(name);
    if (stub !== undefined) {
      const index = this.defs.variants(name)?.indexOf(stub) ?? -1;
      // The key the context has for a loaded experiment, as resolver.cpp's stubs carry.
      const key = this.engine && contextError === undefined ? this.defs.stubKey(this.engine, name, this.encoder) : '';
      return answerOf(name, { variant: stub, key, reason: 'stubbed', tracked: true, variant_index: Math.max(index, 0) });
    }
    if (contextError !== undefined) {
      this.report({ source: 'context', path: name, message: contextError });
      return answerOf(name, { reason: 'error', error: contextError });
    }
    if (!this.engine) return answerOf(name, { reason: 'unknown' });
    const answer = this.defs.answer(this.engine, name, this.encoder, this.clock);
    if (answer.reason === 'error' && answer.error?.startsWith('context')) {
      this.report({ source: 'context', path: name, message: answer.error });
    }
    // The core flags the first of each assignment (an answer it did not give
    // is never tracked, so the flag of an earlier one is never read).
    if (answer.tracked && this.engine.firstAssignment) this.tracking.assignment(answer, courseOf(context), true);
    return answer;
  }

  getExperimentData(name: string, context: Context): ExperimentData | undefined {
    return dataOf(this.run(name, context));
  }
}

/**
 * An engine of its own: `createEngine({ definitions })` once per process (or
 * per definitions version), then `engine.run(name, requestContext)` per
 * request. Nothing is shared with the page-wide API or other engines.
 */
export function createEngine(options: EngineOptions = {}): CohortEngine {
  const problems: string[] = [];
  const read = options !== null && typeof options === 'object' ? readOptions<EngineOptions>(options, problems) : {};
  const engine = new Engine(read);
  for (const message of problems) engine.reportProblem({ source: 'definitions', path: '', message });
  return engine;
}
