// Browsers: the glue and the .wasm beside it are fetched and compiled
// asynchronously (and cached by the browser); `await ready` before first use.
// The glue is imported dynamically, so a page that renders from stubs or
// pushed data does not wait for it to download.
import type { CohortModule } from './engine.js';

export function loadModule(): CohortModule | Promise<CohortModule> {
  return import('../wasm/cohort_web.mjs').then((glue) => glue.default());
}
