import type { CohortError, TrackingEvent } from './types.js';

/**
 * State shared by every copy of the package loaded in one realm (the ESM and
 * CommonJS builds, `cohort-ab` and `cohort-ab/testing`): kept on globalThis under
 * the package's one registered symbol, so a stub set through one copy is seen
 * by all, and all use one runtime (one engine).
 */
export interface SharedState {
  /** experiment name -> stubbed variant */
  stubs: Map<string, string>;
  /** Bumped on every change that can change an answer. */
  version: number;
  /** Called after every such change (re-rendering). */
  listeners: Set<() => void>;
  /** Every tracking event emitted, for `recordedEvents()`. */
  recorded: TrackingEvent[];
  /** True once the testing helpers are loaded: only then are events recorded. */
  recording: boolean;
  /** Run by restoreExperiments (the runtime forgets its session memory). */
  resets: Set<() => void>;
  /** The runtime's onError, for problems found outside it (bad stubs). */
  report?: (error: CohortError) => void;
  /** The page-wide runtime (runtime.ts), created by the first copy that needs it. */
  runtime?: object;
}

const KEY = Symbol.for('cohort.state.v1');
const holder = globalThis as unknown as Record<symbol, SharedState | undefined>;

export const state: SharedState = (holder[KEY] ??= {
  stubs: new Map(),
  version: 0,
  listeners: new Set(),
  recorded: [],
  recording: false,
  resets: new Set(),
});

/** Records that answers may have changed and tells every listener. */
export function changed(): void {
  state.version += 1;
  for (const listener of [...state.listeners]) {
    try {
      listener();
    } catch {
      // A listener is rendering code of its own; one failing must not stop the rest.
    }
  }
}

/** Calls `listener` after every change of stubs, context, definitions or data. */
export function subscribe(listener: () => void): () => void {
  state.listeners.add(listener);
  return () => state.listeners.delete(listener);
}

/** The most events kept for `recordedEvents()`; older ones are dropped. */
export const MAX_RECORDED_EVENTS = 10_000;

export function record(event: TrackingEvent): void {
  if (!state.recording) return;
  state.recorded.push(event);
  if (state.recorded.length > MAX_RECORDED_EVENTS) state.recorded.shift();
}
