/** Why an answer is what it is: one per answer, in the order of the pipeline. */
export type Reason = 'stubbed' | 'published' | 'unknown' | 'disabled' | 'cached' | 'excluded' | 'forced' | 'segment' | 'gate' | 'split' | 'error';

/** The full answer of the resolution pipeline, field for field as the core writes it. */
export interface Answer {
  experiment: string;
  variant: string;
  /** The context key: a digest, never a raw id. Empty when none applies. */
  key: string;
  reason: Reason;
  excluded: boolean;
  /** True when this answer counts as an assignment to be tracked. */
  tracked: boolean;
  /** Index of `variant` in the definition's variants; 0 is control. */
  variant_index: number;
  migration_keys?: string[];
  error?: string;
}

/** What GitLab's `getExperimentData` returns. */
export interface ExperimentData {
  experiment: string;
  key?: string;
  variant: string;
  migration_keys?: string[];
}

/** The Snowplow context attached to experiment events. */
export interface ExperimentContext {
  schema: string;
  data: ExperimentData;
}

/** A context: who or what is being assigned, e.g. `{ actor: 'user:42' }`. */
export type Context = Record<string, unknown>;

/** Server-pushed data, as `window.gl.experiments` holds it. */
export type PublishedData = Record<string, ExperimentData>;

/** Something that went wrong with an input; the bad entry was skipped. */
export interface CohortError {
  /** Which input: definitions, context, published, stubs, tracker, storage; the engine itself; or a handler of experiment() that threw. */
  source: 'definitions' | 'context' | 'published' | 'stubs' | 'tracker' | 'storage' | 'engine' | 'handler';
  /** Where in that input (a JSON Pointer or an experiment name); '' for all of it. */
  path: string;
  message: string;
}

/** One tracking event, as every sink receives it. */
export interface TrackingEvent {
  /** `assignment` when a context is assigned; otherwise the action given to `track`. */
  action: string;
  experiment: string;
  variant: string;
  key: string;
  /** The GitLab experiment context, exactly {schema, data: {experiment, key, variant, migration_keys?}}. */
  context: ExperimentContext;
  /** Properties given to `track` (label, property, value…); {} for assignments. */
  properties: Record<string, unknown>;
  /** The bucket: the variant's index (edX bucket number). */
  bucket: number;
  /** The `course` of the context, when it has one (edX). */
  course?: string;
}

/** A tracking sink. A sink that throws is reported to onError and skipped. */
export type Tracker = (event: TrackingEvent) => void;

/** Where once-per-session de-duplication is remembered (sessionStorage in a browser). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Options of `init`; every field is optional and replaces what was set before. */
/** A MongoDB-style condition, as GrowthBook's evalCondition reads it. */
export type Condition = Record<string, unknown>;

/** One experiment of a definitions document (schema/definitions.schema.json). */
export interface ExperimentDefinition {
  name: string;
  description?: string;
  /** The first is control. Default: ['control', 'candidate']. */
  variants?: string[];
  /** edX's buckets "0"…"n-1", instead of variants. */
  num_buckets?: number;
  state?: 'off' | 'conditional' | 'on';
  percentage?: number;
  actors?: (string | number)[];
  /** One per variant, control included. */
  weights?: number[];
  hash?: 'xxh3' | 'gitlab' | 'edx' | 'fnv1a_v1' | 'fnv1a_v2';
  seed?: string;
  context_keys?: string[];
  exclude?: Condition[];
  /** Variant index or name -> condition; the lowest matching index wins. */
  overrides?: Record<string, Condition>;
  segments?: { variant: string | number; when: Condition }[];
  enrollment?: { start?: string | number | null; end?: string | number | null };
  /** [id, start, end]: the slice of the namespace this experiment takes. */
  namespace?: [string, number, number];
  course_aware?: boolean;
  experiment_id?: number;
}

/** What init({ definitions }) and createEngine load, as the package's JSON Schema describes it. */
export type DefinitionsDocument = { experiments: ExperimentDefinition[]; saved_groups?: Record<string, unknown[]> } | ExperimentDefinition[];

export interface InitOptions {
  /**
   * A definitions document ({experiments, saved_groups} or an array), as an
   * object or JSON text, a fetch Response, or a promise of one of those:
   * slot renderers wait for it instead of showing control first.
   */
  definitions?: DefinitionsDocument | string | Response | PromiseLike<DefinitionsDocument | string | Response>;
  /** The current context. */
  context?: Context;
  /** Server-pushed data, used when `window.gl.experiments` has no entry. */
  published?: PublishedData;
  /** Mixed into every context key so keys cannot be recomputed from ids. */
  secret?: string;
  /** Once-per-session de-duplication of assignment events; sessionStorage by default in a browser. */
  storage?: KeyValueStorage | null;
  /** Sinks for tracking events; a bare function is the callback sink. */
  trackers?: Tracker | Tracker[];
  /** Receives every input problem; without it they are dropped (nothing is written to the console). */
  onError?: (error: CohortError) => void;
  /** Sticky store bounds: entries kept (least recently used dropped) and lifetime. */
  sticky?: { capacity?: number; ttlMs?: number };
  /** The clock, in epoch milliseconds (tests). */
  now?: () => number;
  /**
   * Where the engine's `.wasm` is, when a bundler or a CDN puts it somewhere
   * else than beside the package's loader: a URL (browsers; relative to the
   * page), a file path or file URL (Node), or an already compiled
   * `WebAssembly.Module`. The file is exported as `cohort-ab/cohort.wasm`.
   * Given in the first `init`, before the engine loads, it is the only file
   * fetched; given later, the engine is loaded again from it.
   */
  wasm?: WasmSource;
}

/** See InitOptions.wasm. */
export type WasmSource = string | URL | WebAssembly.Module;

/** Handlers for `experiment()`: `use`/`control` for control, `try`/`candidate` for candidate. */
export interface VariantHandlers<T> {
  use?: () => T;
  control?: () => T;
  try?: () => T;
  candidate?: () => T;
  [variant: string]: (() => T) | undefined;
}
