// GitLab's `~/experimentation/utils`, answer for answer.
import { runtime } from './runtime.js';
import { callHandler } from './handlers.js';
import { experimentContext } from './tracking.js';
import type { ExperimentContext, ExperimentData, VariantHandlers } from './types.js';

import { CANDIDATE_VARIANT, DEFAULT_VARIANT } from './constants.js';

export { CANDIDATE_VARIANT, DEFAULT_VARIANT };

/**
 * `{experiment, key, variant, migration_keys?}` for `name`, or undefined:
 * stubs first, then server-pushed data (window.gl.experiments, read at call
 * time; window.gon.experiment; init's `published`), then local resolution.
 * The object is frozen: it is shared by every caller until the answer changes.
 */
export function getExperimentData(name: string): ExperimentData | undefined {
  return runtime().data(name);
}

/** The Snowplow context of every experiment with data, for attaching to events. */
export function getAllExperimentContexts(): ExperimentContext[] {
  const r = runtime();
  const contexts: ExperimentContext[] = [];
  for (const name of r.names()) {
    const data = r.data(name);
    if (data) contexts.push(experimentContext(data));
  }
  return contexts;
}

/** True when `name`'s variant is `variant` ('candidate' by default). */
export function isExperimentVariant(name: string, variant: string = CANDIDATE_VARIANT): boolean {
  return getExperimentData(name)?.variant === variant;
}

/** The variant of `name`, or 'control' when there is no data. */
export function getExperimentVariant(name: string): string {
  return getExperimentData(name)?.variant || DEFAULT_VARIANT;
}

function own<T>(handlers: VariantHandlers<T>, name: string): (() => T) | undefined {
  try {
    if (!Object.prototype.hasOwnProperty.call(handlers, name)) return undefined;
    const handler = handlers[name];
    return typeof handler === 'function' ? handler : undefined;
  } catch {
    return undefined; // a throwing getter or Proxy trap: no handler
  }
}

/**
 * Calls the handler of the assigned variant and returns its result:
 * `use`/`control` for control, `try`/`candidate` for candidate, the variant's
 * own name otherwise. A variant without a handler runs control's handler, and
 * so does one whose handler throws (reported to onError, never rethrown).
 */
export function experiment<T>(name: string, handlers: VariantHandlers<T>): T | undefined {
  if (handlers === null || typeof handlers !== 'object') return undefined;
  const variant = getExperimentVariant(name);
  const control = own(handlers, 'use') ?? own(handlers, 'control');
  if (variant !== DEFAULT_VARIANT) {
    const handler = variant === CANDIDATE_VARIANT ? (own(handlers, 'try') ?? own(handlers, 'candidate')) : own(handlers, variant);
    const tried = handler && callHandler(name, variant, handler);
    if (tried && !tried.failed) return tried.value;
  }
  return control ? callHandler(name, DEFAULT_VARIANT, control).value : undefined;
}
