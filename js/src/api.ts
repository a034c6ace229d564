// The package's own page-wide calls (beyond GitLab's API, gitlab_api.ts):
// readiness, set-up, the full answer, custom events.
import { runtime } from './runtime.js';
import { isValidName } from './pushed.js';
import type { Answer, Context, InitOptions } from './types.js';

/**
 * Resolves once the WebAssembly engine is instantiated: at once in Node and
 * Jest (the package is usable right after import); in a browser, await it
 * (or `init`) before the first local resolution.
 */
export const ready: Promise<void> = runtime().ready;

/** Sets definitions, context, pushed data, secret, storage, trackers, onError. */
export function init(options?: InitOptions): Promise<void> {
  return runtime().init(options);
}

/** Replaces the current context; answers for it are resolved again. */
export function setContext(context: Context): void {
  runtime().setContext(context);
}

/** The full answer of SPEC §3 for `name` and `context` (the current context when omitted). */
export function run(name: string, context?: Context): Answer {
  return runtime().run(name, context);
}

/**
 * Emits a custom event for `name` with the experiment context
 * {experiment, key, variant, migration_keys?}. Returns false, emitting
 * nothing, when the current context has no data for `name`.
 */
export function track(name: string, action: string, properties: Record<string, unknown> = {}): boolean {
  const r = runtime();
  if (!isValidName(name) || typeof action !== 'string' || action === '') {
    r.report({ source: 'tracker', path: String(name), message: 'track: expected an experiment name and an action' });
    return false;
  }
  const data = r.data(name);
  if (!data) return false;
  const props = properties !== null && typeof properties === 'object' ? properties : {};
  r.tracking.custom(data, action, props, r.run(name).variant_index, r.currentCourse());
  return true;
}
