// Browsers: the .wasm beside the module is fetched and compiled
// asynchronously (and cached by the browser); `await ready` before first use.
import createCohortModule from '../wasm/cohort_web.mjs';
import type { CohortModule } from './engine.js';

export function loadModule(): CohortModule | Promise<CohortModule> {
  return createCohortModule();
}
