// What a definitions load left in the engine, as the package needs it
// around the engine: each experiment's index and variants, and the
// experiments skipped for an error.
import { answerOf } from './inputs.js';
import type { Encoder } from './encode.js';
import type { Answer, CohortError } from './types.js';
import type { LoadReport, WasmEngine } from './wasm_engine.js';

export class LoadedDefinitions {
  private readonly index: Map<string, number>;
  private readonly variantLists: string[][];
  private readonly timed: boolean[];
  private readonly skipped: Map<string, string>;

  /** What a load left, its errors and warnings reported (source `definitions`). */
  static from(report: LoadReport, sink: (error: CohortError) => void): LoadedDefinitions {
    for (const e of report.errors) sink({ source: 'definitions', path: e.path, message: e.message });
    for (const e of report.warnings) sink({ source: 'definitions', path: e.path, message: `warning: ${e.message}` });
    return new LoadedDefinitions(report);
  }

  constructor(report?: LoadReport) {
    this.index = new Map(report?.experiments.map((e, i) => [e.name, i]) ?? []);
    this.variantLists = report?.experiments.map((e) => e.variants) ?? [];
    this.timed = report?.experiments.map((e) => e.timed === true) ?? [];
    this.skipped = new Map(Object.entries(report?.skipped ?? {}));
  }

  /** The loaded experiments' names, in document order. */
  names(): IterableIterator<string> {
    return this.index.keys();
  }

  /**
   * The key a stub of `name` carries, as resolver.cpp's stubs do: the
   * context key when the experiment is loaded, otherwise empty.
   */
  stubKey(engine: WasmEngine, name: string, context: Encoder | undefined): string {
    const i = this.index.get(name);
    return i === undefined ? '' : engine.keyOf(i, context);
  }

  /** The variants of `name`, or null when it is not loaded. */
  variants(name: string): string[] | null {
    const i = this.index.get(name);
    return i === undefined ? null : this.variantLists[i]!;
  }

  /**
   * Steps 3–9 of the pipeline: the engine's answer for a loaded experiment
   * (for the context `context` last wrote, or the engine's current one); `unknown`, or
   * `error` for an experiment skipped for an error (SPEC §8), otherwise.
   * The clock is read only for an experiment whose answers depend on it.
   */
  answer(engine: WasmEngine, name: string, context: Encoder | undefined, clock: () => number): Answer {
    const i = this.index.get(name);
    if (i !== undefined) return engine.resolve(i, name, context, this.timed[i] ? clock() : 0);
    const error = this.skipped.get(name);
    return answerOf(name, error === undefined ? { reason: 'unknown' } : { reason: 'error', error });
  }
}
