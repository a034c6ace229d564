import { Answers } from './answers.js';
import { EngineLoading } from './engine_loading.js';
import { CurrentContext } from './current_context.js';
import { Definitions } from './definitions.js';
import { readOptions } from './inputs.js';
import type { WasmEngine } from './wasm_engine.js';
import { describe, thrownText } from './pushed.js';
import { state } from './state.js';
import { Tracking } from './tracking.js';
import type { Answer, CohortError, Context, ExperimentData, InitOptions } from './types.js';

/**
 * One runtime per page (or Node realm): the WebAssembly engine and what
 * connects it to the owners of the rest: the definitions (definitions.ts),
 * the current context (current_context.ts), the answers and their memo
 * (answers.ts), tracking; init hands each its options, problems go to
 * onError.
 */
export class Runtime {
  private engine: WasmEngine | undefined;
  /** The engine could not be loaded: answers are final (control) without it. */
  private failed = false;
  private readonly context = new CurrentContext((e) => this.report(e));
  private onError: ((error: CohortError) => void) | undefined;
  readonly tracking = new Tracking((e) => this.report(e));

  constructor() {
    state.resets.add(() => this.reset());
    state.report = (error) => this.report(error);
  }

  /** Resolves once the engine is instantiated; rejects (reported, never unhandled) if it cannot be. */
  get ready(): Promise<void> {
    return this.loading.loaded;
  }

  private readonly loading = new EngineLoading(
    (engine) => this.attach(engine),
    (e) => this.fail(e),
  );

  private readonly definitions = new Definitions(
    () => this.engine,
    this.loading,
    (e) => this.report(e),
    () => this.invalidate(),
  );

  private readonly answers = new Answers(
    () => this.engine,
    this.definitions,
    this.context,
    this.tracking,
    (e) => this.report(e),
  );

  /** Loads the engine (engine_loading.ts); called once the runtime is registered. */
  start(): void {
    this.loading.start();
  }

  private attach(engine: WasmEngine): void {
    this.engine = engine;
    this.failed = false;
    this.definitions.load();
    this.context.apply(engine);
    this.invalidate();
  }

  private fail(e: unknown): Error {
    const error = e instanceof Error ? e : new Error(thrownText(e));
    this.failed = true;
    this.report({ source: 'engine', path: '', message: `the WebAssembly engine could not be loaded: ${error.message}` });
    this.invalidate();
    return error;
  }

  /**
   * True once the answer for `name` is final: the engine is ready (or failed
   * to load) and no promised definitions are on their way, or the answer is
   * decided without the engine (decidedEarly). Slot renderers show nothing
   * before that, so they never show control and then swap.
   */
  settled(name: string): boolean {
    if ((this.engine || this.failed) && this.definitions.arrived) return true;
    return this.decidedEarly(name);
  }

  /**
   * True when the answer for `name` is decided without the engine: by a stub
   * (stubs win over everything), or by pushed data when no definitions were
   * given or promised; definitions could overrule pushed data (a variant the
   * definition lacks is ignored), so with them it waits for the engine.
   */
  decidedEarly(name: string): boolean {
    const reason = this.answers.current(name).answer.reason;
    return reason === 'stubbed' || (reason === 'published' && !this.definitions.given);
  }

  report(error: CohortError): void {
    try {
      // Without onError a problem is dropped: library code never writes to
      // the console, which test set-ups commonly turn into failures.
      if (this.onError) this.onError(error);
    } catch {
      // onError is the caller's code; its failure must not reach rendering either.
    }
  }

  init(given: InitOptions = {}): Promise<void> {
    if (given === null || typeof given !== 'object') {
      this.report({ source: 'definitions', path: '', message: `init: expected an options object, got ${describe(given)}` });
      return this.ready;
    }
    const problems: string[] = [];
    const options = readOptions<InitOptions>(given, problems);
    if (options.onError !== undefined) this.onError = typeof options.onError === 'function' ? options.onError : undefined;
    for (const message of problems) this.report({ source: 'definitions', path: '', message });
    if (options.wasm !== undefined) this.loading.setSource(options.wasm);
    if (typeof options.now === 'function') this.answers.setClock(options.now);
    this.tracking.configure(options.trackers, options.storage);
    let reload = this.definitions.configure(options);
    const promised = this.definitions.promised(options.definitions);
    if (promised) return this.definitions.awaitDocument(promised, () => this.init({ ...options, definitions: undefined }));
    if (options.definitions !== undefined) {
      this.definitions.give(options.definitions);
      reload = true;
    }
    if (options.published !== undefined) this.answers.publish(options.published);
    if (reload) this.definitions.load();
    if (options.context !== undefined) this.setContext(options.context);
    else this.invalidate();
    return this.ready;
  }

  setContext(context: Context): void {
    if (this.context.set(context)) this.context.apply(this.engine);
    this.invalidate();
  }

  /** Forget memoized answers: something they depend on changed. */
  invalidate(): void {
    this.answers.invalidate();
  }

  /** Forget session de-duplication and memoized answers (test isolation). */
  reset(): void {
    this.engine?.forgetAssignments();
    this.answers.forget();
  }

  /** The control variant of `name`: its definition's first variant, or 'control'. */
  controlVariant(name: string): string {
    return this.answers.controlVariant(name);
  }

  /** The full answer for `name`: for `context`, or the current context when omitted. */
  run(name: string, context?: Context): Answer {
    return this.answers.run(name, context);
  }

  /**
   * getExperimentData: memoized per experiment until anything it depends on
   * changes. On its fast path V8 inlines this call, the answers' data() and
   * current() into the caller, so the memo's owner costs one property read.
   */
  data(name: string): ExperimentData | undefined {
    return this.answers.data(name);
  }

  /** Names of every experiment with data: stubbed, pushed or defined. */
  names(): string[] {
    return this.answers.names();
  }

  /** The course of the current context (edX), if any. */
  currentCourse(): string | undefined {
    return this.context.course;
  }

  /** Low-level access for the shared vectors: the engine once ready. */
  wasmEngine(): WasmEngine | undefined {
    return this.engine;
  }
}

/** This copy's reference to the shared runtime, so later calls skip the global lookup. */
let mine: Runtime | undefined;

/** The runtime of this realm, created on first use and shared by every copy of the package. */
export function runtime(): Runtime {
  if (mine !== undefined) return mine;
  // Shared through the one registered global (state.ts), as the stubs are.
  let r = state.runtime as Runtime | undefined;
  if (!r) {
    r = new Runtime();
    state.runtime = r; // before start(): loading tells listeners, which call runtime()
    mine = r;
    r.start();
  }
  mine = r;
  return r;
}
