// The current context: the one setContext or init({context}) gave, encoded
// once for the engine, with its course (edX) and why it cannot be used when
// it cannot. Answers for it are memoized (answers.ts) until it changes.
import { Encoder } from './encode.js';
import { encodeContext } from './inputs.js';
import { courseOf } from './pushed.js';
import type { CohortError, Context } from './types.js';
import type { CoreError, WasmEngine } from './wasm_engine.js';

export class CurrentContext {
  /**
   * The buffer every context is written to. Answers for a context given to
   * run() are resolved from it before the next write; the current context
   * is copied out of it, so that write does not change it.
   */
  readonly encoder = new Encoder();
  /** The current context, encoded; undefined for the empty context. */
  private bytes: Uint8Array | undefined;
  /** Why the context cannot be used: answers are errors until a good one is set. */
  error: string | undefined;
  /** The course of the current context (edX), if any. */
  course: string | undefined;

  constructor(private readonly report: (error: CohortError) => void) {}

  /**
   * Makes `context` the current one. False when it cannot be encoded (the
   * problem reported): the engine keeps the last good one, unused.
   */
  set(context: Context): boolean {
    const error = encodeContext(this.encoder, context);
    if (error !== undefined) {
      this.error = error;
      this.report({ source: 'context', path: '', message: this.error });
      return false;
    }
    this.bytes = this.encoder.written().slice();
    this.error = undefined;
    this.course = courseOf(context);
    return true;
  }

  /** Hands the current context to the engine, whose refusal becomes the context's error. */
  apply(engine: WasmEngine | undefined): void {
    if (!engine || this.error !== undefined || !this.bytes) return;
    const errors: CoreError[] = engine.setContext(this.bytes);
    if (errors.length > 0) {
      const e = errors[0]!;
      this.error = `context${e.path}: ${e.message}`;
      this.report({ source: 'context', path: e.path, message: e.message });
    }
  }
}
