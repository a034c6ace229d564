// The definitions the engine runs: the latest document given to init (the
// latest wins, also over one promised earlier and still on its way), the
// options it loads with (secret, sticky), the `$regex` engine a document may
// need, and what its last load left in the engine.
import { loadRegex } from '#cohort-load';
import type { EngineLoading } from './engine_loading.js';
import { LoadedDefinitions } from './loaded.js';
import { definitionsOrNone, isResponse, isThenable, responseBody, usesRegex } from './inputs.js';
import { thrownText } from './pushed.js';
import type { CohortError, InitOptions } from './types.js';
import type { WasmEngine } from './wasm_engine.js';

export class Definitions {
  /** Counts definitions documents given to `init`; the latest one wins. */
  private seq = 0;
  /** The number of a promised document not yet arrived, if the latest is one. */
  private awaitedSeq: number | undefined;
  /** The `$regex` engine is on its way (browsers fetch it on demand); answers wait for it. */
  private regexPending = false;
  /** The `$regex` engine could not be loaded: definitions load without it. */
  private regexFailed = false;
  private bytes: Uint8Array | undefined;
  private secret = '';
  private sticky = { capacity: 10_000, ttlMs: 0 };
  /** What the last load left in the engine: names, variants, skipped experiments. */
  loaded = new LoadedDefinitions();

  /**
   * `engine` is the runtime's engine once loaded; `loading` is how `ready`
   * waits for the `$regex` engine too; `invalidate` is told when a document
   * or the `$regex` engine arrives later and answers may change.
   */
  constructor(
    private readonly engine: () => WasmEngine | undefined,
    private readonly loading: EngineLoading,
    private readonly report: (error: CohortError) => void,
    private readonly invalidate: () => void,
  ) {}

  /** True once a document was given or promised: it could overrule pushed data. */
  get given(): boolean {
    return this.seq !== 0;
  }

  /** True when no promised document and no `$regex` engine are on their way. */
  get arrived(): boolean {
    return this.awaitedSeq !== this.seq && !this.regexPending;
  }

  /** init's `secret` and `sticky`; true when either was given, so the document loads again. */
  configure(options: InitOptions): boolean {
    let reload = false;
    if (options.secret !== undefined) {
      this.secret = typeof options.secret === 'string' ? options.secret : String(options.secret);
      reload = true;
    }
    if (options.sticky !== undefined) {
      this.sticky = {
        capacity: Number(options.sticky?.capacity ?? this.sticky.capacity),
        ttlMs: Number(options.sticky?.ttlMs ?? this.sticky.ttlMs),
      };
      reload = true;
    }
    return reload;
  }

  /**
   * init's `definitions` when they are still to come: a promise, a fetch
   * Response (init({definitions: await fetch(url)})), read for its JSON body.
   */
  promised(definitions: unknown): PromiseLike<unknown> | undefined {
    if (isResponse(definitions)) return responseBody(definitions);
    return isThenable(definitions) ? definitions : undefined;
  }

  /** A document given now; the caller loads it (after the rest of init). */
  give(value: unknown): void {
    this.seq += 1; // a document still on its way is now stale
    this.set(value);
  }

  /**
   * A promised document: `rest` (init's other options) runs at once, the
   * document loads when it arrives, unless a later one was given meanwhile.
   */
  awaitDocument(definitions: PromiseLike<unknown>, rest: () => Promise<void>): Promise<void> {
    const seq = ++this.seq;
    this.awaitedSeq = seq;
    const now = rest();
    // A promise of a Response (init({definitions: fetch(url)})) is read for its JSON body too.
    const arrived = Promise.resolve(definitions)
      .then((value) => (isResponse(value) ? responseBody(value) : value))
      .catch((e: unknown) => {
        this.report({ source: 'definitions', path: '', message: `the definitions promise was rejected: ${thrownText(e)}` });
        return { experiments: [] };
      });
    const done = Promise.all([now.catch(() => undefined), arrived]).then(([, value]) => {
      // A document given to a later init wins over this one.
      if (seq === this.seq) {
        this.awaitedSeq = undefined;
        this.set(value);
        this.load();
      }
      this.invalidate();
      return this.loading.loaded;
    });
    done.catch(() => undefined); // reported through onError; awaiting it still sees the rejection
    return done;
  }

  private set(value: unknown): void {
    this.bytes = definitionsOrNone(value, this.report);
  }

  /** Loads the latest document into the engine, once both are there (and the `$regex` engine if it needs one). */
  load(): void {
    const engine = this.engine();
    if (!engine || this.bytes === undefined || this.regexPending) return;
    if (!engine.regex && !this.regexFailed && usesRegex(this.bytes) && !this.awaitRegex(engine)) {
      return;
    }
    const report = engine.load(this.bytes, this.secret, this.sticky.capacity, this.sticky.ttlMs);
    this.loaded = LoadedDefinitions.from(report, this.report);
  }

  /**
   * Loads the `$regex` engine: at once in Node (true: load the definitions
   * now), or fetched in browsers, after which the definitions load (false).
   */
  private awaitRegex(engine: WasmEngine): boolean {
    let host: ReturnType<typeof loadRegex>;
    try {
      host = loadRegex();
    } catch (e) {
      host = Promise.reject(e);
    }
    if (!isThenable(host)) {
      engine.regex = host;
      return true;
    }
    this.regexPending = true;
    const arrived = Promise.resolve(host).then(
      (regex) => {
        engine.regex = regex;
      },
      (e: unknown) => {
        this.regexFailed = true;
        this.report({ source: 'engine', path: '', message: `the $regex engine could not be loaded: ${thrownText(e)}` });
      },
    );
    const done = arrived.then(() => {
      this.regexPending = false;
      this.load();
      this.invalidate();
    });
    // `ready` waits for it too; a failure was reported above, never unhandled.
    this.loading.waitFor(done);
    return false;
  }
}
