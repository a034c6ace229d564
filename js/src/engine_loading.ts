// How the page-wide runtime gets its WebAssembly engine: synchronously in
// Node and Jest (ready right after import), asynchronously in browsers, from
// the file beside the package's loader or the one init({wasm}) names, again
// when a later init names another. `loaded` is what `ready` returns; its
// rejection is always handled here, so a failed load is never unhandled.
import { LOADS_ASYNCHRONOUSLY, loadModule } from '#cohort-load';
import { isThenable } from './inputs.js';
import type { WasmSource } from './types.js';
import type { WasmEngine } from './wasm_engine.js';

export class EngineLoading {
  /** Resolves once the engine is instantiated (and whatever else `waitFor` added); rejects if it cannot be. */
  loaded: Promise<void> = Promise.resolve();
  /** The file the engine comes from; undefined: beside the package's loader. */
  private source: WasmSource | undefined;
  /** A load has begun: a new source loads the engine again. */
  private begun = false;

  /**
   * `attach` receives each engine loaded; `fail` is told why one could not
   * be, and returns the error `loaded` rejects with.
   */
  constructor(
    private readonly attach: (engine: WasmEngine) => void,
    private readonly fail: (e: unknown) => Error,
  ) {}

  /**
   * Loads the engine. Separate from the constructor because in Node it loads
   * synchronously and the runtime tells listeners, whose code asks for the
   * runtime again: it must be registered by then.
   */
  start(): void {
    if (LOADS_ASYNCHRONOUSLY) {
      // One microtask later: an init({wasm}) right after import decides the file.
      this.loaded = Promise.resolve().then(() => this.load());
      this.loaded.catch(() => undefined);
    } else {
      this.load();
    }
  }

  /** init({wasm}): a source given after loading began loads the engine again from it. */
  setSource(source: WasmSource): void {
    this.source = source;
    if (!this.begun) return;
    if (LOADS_ASYNCHRONOUSLY) {
      this.loaded = this.loaded.catch(() => undefined).then(() => this.load());
      this.loaded.catch(() => undefined);
    } else {
      this.load();
    }
  }

  /** Makes `loaded` (and so `ready`) wait for `done` too; its failure was reported by whoever made it. */
  waitFor(done: Promise<void>): void {
    this.loaded = this.loaded.then(() => done);
    this.loaded.catch(() => undefined);
  }

  /** Synchronous in Node, where it returns nothing; a promise in browsers. */
  private load(): Promise<void> | void {
    this.begun = true;
    let loaded: WasmEngine | Promise<WasmEngine>;
    try {
      loaded = loadModule(this.source);
    } catch (e) {
      const failure = Promise.reject(this.fail(e));
      failure.catch(() => undefined);
      if (LOADS_ASYNCHRONOUSLY) return failure;
      this.loaded = failure;
      return;
    }
    if (isThenable(loaded)) {
      return Promise.resolve(loaded).then(
        (engine) => this.attach(engine),
        (e: unknown) => Promise.reject(this.fail(e)),
      );
    }
    this.attach(loaded);
  }
}
