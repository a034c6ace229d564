// The answers: the pipeline's order (a stub, then pushed data the definition
// does not contradict, then the engine), tracking of the assignments they
// make, and a memo of those for the current context, kept until anything
// they depend on changes.
import type { CurrentContext } from './current_context.js';
import type { Definitions } from './definitions.js';
import type { Encoder } from './encode.js';
import { dataOf } from './experiment_data.js';
import { answerOf, encodeContext } from './inputs.js';
import { courseOf, describe, hasPage, isValidName, pushedNames, quickPushed, rawPushed, sanitizePushed, snapshotPublished } from './pushed.js';
import { changed, state } from './state.js';
import type { Tracking } from './tracking.js';
import type { Answer, CohortError, Context, ExperimentData, PublishedData } from './types.js';
import type { WasmEngine } from './wasm_engine.js';

/**
 * A table with no inherited names: an ordinary object (V8 keeps its keyed
 * reads fast, unlike a prototype-less one's) whose prototype has no
 * properties, so "constructor" or "__proto__" read as undefined.
 */
function NoInheritedNames(): void {}
NoInheritedNames.prototype = Object.create(null) as object;
const emptyTable = <T>(): Record<string, T | undefined> => new (NoInheritedNames as unknown as new () => Record<string, T | undefined>)();

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

export class Answers {
  /**
   * Answers by experiment name, in a table without inherited names: keyed
   * reads as fast as a plain object's (several times a Map's or a
   * prototype-less object's), and "constructor" or "__proto__" are names
   * like any other.
   */
  private memo = emptyTable<Memo>();
  /**
   * getExperimentData's own memo: the data of the memoized answers made
   * without a page (their only input that can change bumps the shared
   * version), made at `pagelessVersion`. One keyed read and one stamp, where
   * the answer memo needs its entry's stamp and kind checked too (measured
   * after run() had been called: 8.1 -> 6.1 ns a call, 3.4 -> 2.6 times a
   * plain property read).
   */
  private pagelessData = emptyTable<ExperimentData>();
  private pagelessVersion = -1;
  /** init's `published`: the stand-in for pushed data without a page. */
  private published: PublishedData | undefined;
  private clock: () => number = Date.now;
  private readonly reportedPushed = new WeakSet<object>();
  /** The shared state, held here: a property read is cheaper than the imported binding's. */
  private readonly shared = state;

  /** `engine` is the runtime's engine once loaded: until then answers come from stubs and pushed data only. */
  constructor(
    private readonly engine: () => WasmEngine | undefined,
    private readonly definitions: Definitions,
    private readonly context: CurrentContext,
    private readonly tracking: Tracking,
    private readonly report: (error: CohortError) => void,
  ) {}

  /** init's `published`, copied now: answers made from it stay memoized until the next init. */
  publish(value: unknown): void {
    this.published = snapshotPublished(value, this.report);
  }

  /**
   * init's `now`: the clock time-dependent rules (enrollment windows, a
   * sticky TTL) are evaluated against; read only for answers that depend on it.
   */
  setClock(now: () => number): void {
    this.clock = now;
  }

  /** Forget memoized answers. */
  forget(): void {
    this.memo = emptyTable<Memo>();
    this.pagelessData = emptyTable<ExperimentData>();
    this.pagelessVersion = -1;
  }

  /** Forget memoized answers and tell listeners: something they depend on changed. */
  invalidate(): void {
    this.forget();
    changed();
  }

  private variants(name: string): string[] | null {
    if (!this.engine()) return null;
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
    // Written straight into the engine's input buffer, when there is an engine.
    this.engine()?.target(encoder);
    const error = encodeContext(encoder, context);
    return this.resolve(name, rawPushed(name, this.published), error, encoder, courseOf(context));
  }

  /** getExperimentData: memoized per experiment until anything it depends on changes. */
  data(name: string): ExperimentData | undefined {
    if (typeof name !== 'string') return undefined;
    // The stamp first: with a page it never matches, and the read is skipped.
    if (this.pagelessVersion === this.shared.version) {
      const known = this.pagelessData[name];
      if (known !== undefined) return known;
    }
    const memo = this.current(name);
    // Only what the answer memo kept: a final answer.
    if (memo.pageless && memo.data !== undefined && this.memo[name] === memo) {
      if (this.pagelessVersion !== memo.stateVersion) {
        this.pagelessData = emptyTable<ExperimentData>();
        this.pagelessVersion = memo.stateVersion;
      }
      this.pagelessData[name] = memo.data;
    }
    return memo.data;
  }

  /** The memoized answer for `name` and the current context, made again when stale. */
  current(name: string): Memo {
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
    if (memo && memo.stateVersion !== state.version) this.forget();
    const answer = this.resolve(name, pushed, this.context.error, undefined, this.context.course);
    const fresh: Memo = { stateVersion: state.version, pageless: !hasPage(), pushed, answer, data: dataOf(answer) };
    // Answers before the engine is ready are provisional: do not keep them.
    if (this.engine()) this.memo[name] = fresh;
    return fresh;
  }

  private resolve(name: string, pushedRaw: unknown, contextError: string | undefined, context: Encoder | undefined, course: string | undefined): Answer {
    // 1. a stub (tests)
    const stub = state.stubs.get(name);
    if (stub !== undefined) {
      const engine = this.engine();
      const index = this.variants(name)?.indexOf(stub) ?? -1;
      // The key the context has for a loaded experiment, as resolver.cpp's stubs carry.
      const key = engine && contextError === undefined ? this.definitions.loaded.stubKey(engine, name, context) : '';
      const answer = answerOf(name, { variant: stub, key, reason: 'stubbed', tracked: true, variant_index: Math.max(index, 0) });
      // Decided here, not in the core: its assignment tracker is asked whether
      // this one is new (without an engine yet, every one is).
      if (engine?.isFirstAssignment(name, answer.key, course) ?? true) this.tracking.assignment(answer, course, false);
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
    const engine = this.engine();
    if (!engine) return answerOf(name, { reason: 'unknown' });
    const answer = this.definitions.loaded.answer(engine, name, context, this.clock);
    // A context the core refused (a skipped experiment was reported when it loaded).
    if (answer.reason === 'error' && context !== undefined && answer.error?.startsWith('context')) {
      this.report({ source: 'context', path: name, message: answer.error ?? 'invalid context' });
    }
    // The core flags the first of each assignment (an answer it did not give
    // is never tracked, so the flag of an earlier one is never read).
    if (answer.tracked && engine.firstAssignment) this.tracking.assignment(answer, course, true);
    return answer;
  }

  /** Names of every experiment with data: stubbed, pushed or defined. */
  names(): string[] {
    const names = new Set<string>(state.stubs.keys());
    for (const name of pushedNames(this.published)) names.add(name);
    if (this.engine()) {
      for (const name of this.definitions.loaded.names()) names.add(name);
    }
    return [...names];
  }
}
