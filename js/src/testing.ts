// `cohort/testing`: GitLab's stubExperiments for Jest and Vitest, restored
// automatically after each test, and the recorder of tracking events.
import { isValidName, describe } from './pushed.js';
import { changed, state } from './state.js';
import type { TrackingEvent } from './types.js';

// Tracking events are recorded for recordedEvents() once this module is
// loaded; pages that never load it build no events nobody receives.
state.recording = true;

export interface StubError {
  path: string;
  message: string;
}

/**
 * Forces variants: `stubExperiments({ my_experiment: 'candidate' })`. Stubs
 * win over everything else and last until `restoreExperiments()`, which runs
 * after each test by itself. Bad entries are skipped and returned.
 */
export function stubExperiments(experiments: Record<string, string> = {}): StubError[] {
  const errors: StubError[] = [];
  if (experiments === null || typeof experiments !== 'object' || Array.isArray(experiments)) {
    errors.push({ path: '', message: `expected an object of experiment names to variants, got ${describe(experiments)}` });
  } else {
    for (const name of Object.keys(experiments)) {
      const variant = (experiments as Record<string, unknown>)[name];
      if (!isValidName(name)) errors.push({ path: name, message: 'expected a non-empty experiment name' });
      else if (!isValidName(variant)) errors.push({ path: name, message: `expected a variant name, got ${describe(variant)}` });
      else state.stubs.set(name, variant);
    }
  }
  // To onError, never to the console: GitLab's helper accepts any value silently.
  for (const e of errors) state.report?.({ source: 'stubs', path: e.path, message: e.message });
  changed();
  return errors;
}

/** Removes every stub and forgets the recorded events. */
export function restoreExperiments(): void {
  state.stubs.clear();
  state.recorded.length = 0;
  for (const reset of state.resets) reset();
  changed();
}

/** Every tracking event emitted since the last restore, oldest first. */
export function recordedEvents(): TrackingEvent[] {
  return [...state.recorded];
}

// Jest (and Vitest with globals) expose afterEach: restore after every test
// of each file that imports this module, with no set-up file.
const hooks = globalThis as { afterEach?: (fn: () => void) => void };
if (typeof hooks.afterEach === 'function') hooks.afterEach(restoreExperiments);
