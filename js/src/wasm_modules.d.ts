// The Emscripten outputs the build copies to dist/wasm (see build.mjs).
declare module '*/cohort_node.cjs' {
  import type { CohortModule } from './engine.js';
  /** Synchronous instantiation: returns the module itself. */
  const createCohortModule: () => CohortModule;
  export default createCohortModule;
}

declare module '*/cohort_web.mjs' {
  import type { CohortModule } from './engine.js';
  /** Asynchronous instantiation, fetching cohort_web.wasm beside this file. */
  const createCohortModule: () => Promise<CohortModule>;
  export default createCohortModule;
}
