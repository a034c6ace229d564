// The `cohort-ab` package: GitLab's experimentation API, local resolution in
// WebAssembly, tracking. See the package README for the contract. This file
// only re-exports: each concept lives in a module of its own.
export { init, ready, run, setContext, track } from './api.js';
export {
  CANDIDATE_VARIANT,
  DEFAULT_VARIANT,
  experiment,
  getAllExperimentContexts,
  getExperimentData,
  getExperimentVariant,
  isExperimentVariant,
} from './gitlab_api.js';
export { edxTracker, segmentTracker, snowplowTracker } from './sinks.js';
export type { EdxTrackerOptions, SegmentAnalytics, StructEvent } from './sinks.js';
export { TRACKING_CONTEXT_SCHEMA, doNotTrack } from './tracking.js';
export { subscribe } from './state.js';
export { createEngine } from './server_engine.js';
export type { CohortEngine, EngineOptions } from './server_engine.js';
export type * from './types.js';
