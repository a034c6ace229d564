// Node and Jest: the wasm is embedded and compiled synchronously, so the
// package works right after require/import with no async set-up.
import createCohortModule from '../wasm/cohort_node.cjs';
import type { CohortModule } from './engine.js';

export function loadModule(): CohortModule | Promise<CohortModule> {
  return createCohortModule();
}
