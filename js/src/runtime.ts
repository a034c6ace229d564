import { EngineLoading } from './engine_loading.js';
import { CurrentContext } from './current_context.js';
import { Definitions } from './definitions.js';
import { answerOf, encodeContext, readOptions } from './inputs.js';
import type { WasmEngine } from './wasm_engine.js';
import { courseOf, describe, hasPage, isValidName, quickPushed, rawPushed, sanitizePushed, snapshotPublished, pushedNames, thrownText } from './pushed.js';
import { changed, state } from './state.js';
import { dataOf } from './experiment_data.js';
import { Tracking } from './tracking.js';
import type { Answer, CohortError, Context, ExperimentData, InitOptions, PublishedData } from './types.js';

interface Memo {
  /**
   * The shared state's version when it was made. Every change an answer can
   * depend on bumps it: the runtime's own (invalidate() calls changed()) and
   * other copies' stubs alike, so it is the one stamp to check.
   */
  stateVersion: number;
  /**
   * Made without a page: the pushed data could only come from init's
   * `published`, a copy that changes only with the next init.
   */
  pageless: boolean;
  pushed: unknown;
  answer: Answer;
  data: ExperimentData | undefined;
}

/**
 * One runtime per page (or Node realm): the WebAssembly engine, the
 * definitions and context it holds, pushed data, tracking, and a memo of
 * answers for the current context.
 */
export class Runtime {
  private engine: WasmEngine | undefined;
  /** The engine could not be loaded: answers are final (control) without it. */
  private failed = false;
  /**
   * Answers by experiment name. A plain object: its keyed reads are several
   * times faster than a Map's or a prototype-less object's, and inherited
   * names ("constructor") simply fail the memo's checks.
   */
  private memo: Record<string, Memo | undefined> = {};
  private readonly context = new CurrentContext((e) => this.report(e));
  private published: PublishedData | undefined;
  private onError: ((error: CohortError) => void) | undefined;
  private clock: () => number = Date.now;
  private readonly reportedPushed = new WeakSet<object>();
  readonly tracking = new Tracking((e) => this.report(e));
  /** The shared state, held here: a property read is cheaper than the imported binding's. */
  private readonly shared = state;

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
    const reason = this.current(name).answer.reason;
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
    if (typeof options.now === 'function') this.clock = options.now;
    this.tracking.configure(options.trackers, options.storage);
    let reload = this.definitions.configure(options);
    const promised = this.definitions.promised(options.definitions);
    if (promised) return this.definitions.awaitDocument(promised, () => this.init({ ...options, definitions: undefined }));
    if (options.definitions !== undefined) {
      this.definitions.give(options.definitions);
      reload = true;
    }
    if (options.published !== undefined) this.published = snapshotPublished(options.published, (e) => this.report(e));
    if (reload) this.definitions.load();
    if (options.context !== undefined) this.setContext(options.context);
    else this.invalidate();
    return this.ready;
  }

  setContext(context: Context): void {
    if (this.context.set(context)) this.context.apply(this.engine);
    this.invalidate();
  }

  private forgetAnswers(): void {
    this.memo = {};
  }

  /** Forget memoized answers: something they depend on changed. */
  invalidate(): void {
    this.forgetAnswers();
    changed();
  }

  /** Forget session de-duplication and memoized answers (test isolation). */
  reset(): void {
    this.engine?.forgetAssignments();
    this.forgetAnswers();
  }

  private variants(name: string): string[] | null {
    if (!this.engine) return null;
    return this.definitions.loaded.variants(name);
  }

  /** The control variant of `name`: its definition's first variant, or 'control'. */
  controlVariant(name: string): string {
    if (!isValidName(name)) return 'control';
    return this.variants(name)?.[0] ?? 'control';
  }

  private pushedData(name: string, raw: unknown): ExperimentData | undefined {
    const report = (error: CohortError) => {
      // Report a bad entry once, not on every read of it.
      if (raw !== null && typeof raw === 'object') {
        if (this.reportedPushed.has(raw)) return;
        this.reportedPushed.add(raw);
      }
      this.report(error);
    };
    return sanitizePushed(name, raw, report);
  }

  /** The full answer for `name`: for `context`, or the current context when omitted. */
  run(name: string, context?: Context): Answer {
    if (!isValidName(name)) {
      this.report({ source: 'context', path: '', message: `experiment name: expected a non-empty string, got ${describe(name)}` });
      return answerOf(typeof name === 'string' ? name : '', { reason: 'error', error: 'invalid experiment name' });
    }
    if (context === undefined) return this.current(name).answer;
    const encoder = this.context.encoder;
    const error = encodeContext(encoder, context);
    return this.resolve(name, rawPushed(name, this.published), error, encoder.bytes.subarray(0, encoder.length), courseOf(context));
  }

  /** getExperimentData: memoized per experiment until anything it depends on changes. */
  data(name: string): ExperimentData | undefined {
    if (typeof name !== 'string') return undefined;
    return this.current(name).data;
  }

  private current(name: string): Memo {
    const memo = this.memo[name];
    // The fast path: nothing changed and the pushed entry is the same object.
    if (memo !== undefined && memo.stateVersion === this.shared.version && (memo.pageless || quickPushed(name, this.published) === memo.pushed)) {
      return memo;
    }
    return this.refresh(name, memo);
  }

  /** The slow path of current(): resolves again and remembers the answer. */
  private refresh(name: string, memo: Memo | undefined): Memo {
    const pushed = rawPushed(name, this.published);
    if (memo !== undefined && memo.stateVersion === state.version && memo.pushed === pushed) {
      return memo;
    }
    if (memo && memo.stateVersion !== state.version) this.forgetAnswers();
    const answer = this.resolve(name, pushed, this.context.error, undefined, this.context.course);
    const fresh: Memo = { stateVersion: state.version, pageless: !hasPage(), pushed, answer, data: dataOf(answer) };
    // Answers before the engine is ready are provisional: do not keep them.
    // '__proto__' would set the memo object's prototype: that name is not memoized.
    if (this.engine && name !== '__proto__') this.memo[name] = fresh;
    return fresh;
  }

  private resolve(name: string, pushedRaw: unknown, contextError: string | undefined, context: Uint8Array | undefined, course: string | undefined): Answer {
    // 1. a stub (tests)
    const stub = state.stubs.get(name);
    if (stub !== undefined) {
      const index = this.variants(name)?.indexOf(stub) ?? -1;
      // The key the context has for a loaded experiment, as resolver.cpp's stubs carry.
      const key = this.engine && contextError === undefined ? this.definitions.loaded.stubKey(this.engine, name, context) : '';
      const answer = answerOf(name, { variant: stub, key, reason: 'stubbed', tracked: true, variant_index: Math.max(index, 0) });
      // Decided here, not in the core: its assignment tracker is asked whether
      // this one is new (without an engine yet, every one is).
      if (this.engine?.isFirstAssignment(name, answer.key, course) ?? true) this.tracking.assignment(answer, course, false);
      return answer;
    }
    // 2. server-pushed data, unless the definition no longer has its variant
    const pushed = this.pushedData(name, pushedRaw);
    if (pushed) {
      const variants = this.variants(name);
      if (variants === null || variants.includes(pushed.variant)) {
        return answerOf(name, {
          variant: pushed.variant,
          key: pushed.key ?? '',
          reason: 'published',
          variant_index: Math.max(variants?.indexOf(pushed.variant) ?? 0, 0),
          ...(pushed.migration_keys !== undefined ? { migration_keys: pushed.migration_keys } : {}),
        });
      }
    }
    // 3-9. local resolution in the core
    if (contextError !== undefined) return answerOf(name, { reason: 'error', error: contextError });
    if (!this.engine) return answerOf(name, { reason: 'unknown' });
    const answer = this.definitions.loaded.answer(this.engine, name, context, this.clock());
    // A context the core refused (a skipped experiment was reported when it loaded).
    if (answer.reason === 'error' && context !== undefined && answer.error?.startsWith('context')) {
      this.report({ source: 'context', path: name, message: answer.error ?? 'invalid context' });
    }
    // The core flags the first of each assignment (an answer it did not give
    // is never tracked, so the flag of an earlier one is never read).
    if (answer.tracked && this.engine.firstAssignment) this.tracking.assignment(answer, course, true);
    return answer;
  }

  /** Names of every experiment with data: stubbed, pushed or defined. */
  names(): string[] {
    const names = new Set<string>(state.stubs.keys());
    for (const name of pushedNames(this.published)) names.add(name);
    if (this.engine) {
      for (const name of this.definitions.loaded.names()) names.add(name);
    }
    return [...names];
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
