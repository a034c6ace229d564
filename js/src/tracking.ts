import { thrownText } from './pushed.js';
import { dataOf } from './experiment_data.js';
import { record, state } from './state.js';
import type { Answer, CohortError, ExperimentData, KeyValueStorage, Tracker, TrackingEvent } from './types.js';

import { TRACKING_CONTEXT_SCHEMA } from './constants.js';

export { TRACKING_CONTEXT_SCHEMA };

const SESSION_PREFIX = 'cohort.assigned:';

/** The experiment context of `data`: exactly {experiment, key, variant, migration_keys?}. */
export function experimentContext(data: ExperimentData) {
  return { schema: TRACKING_CONTEXT_SCHEMA, data: { ...data } };
}

let doNotTrackSeen = false;
let doNotTrackAt = -1;

/**
 * True when the browser asks not to be tracked. Read again whenever the
 * shared state changes: in Node the missing navigator global costs more to
 * look up than an answer.
 */
function doNotTrackNow(): boolean {
  if (doNotTrackAt !== state.version) {
    doNotTrackSeen = doNotTrack();
    doNotTrackAt = state.version;
  }
  return doNotTrackSeen;
}

/** True when the browser asks not to be tracked. */
export function doNotTrack(): boolean {
  const g = globalThis as {
    navigator?: { doNotTrack?: unknown; msDoNotTrack?: unknown; globalPrivacyControl?: unknown };
    doNotTrack?: unknown;
  };
  const yes = (v: unknown) => v === '1' || v === 'yes' || v === true;
  try {
    return yes(g.navigator?.doNotTrack) || yes(g.navigator?.msDoNotTrack) || yes(g.doNotTrack);
  } catch {
    return false;
  }
}

function defaultStorage(): KeyValueStorage | null {
  try {
    const w = globalThis as { sessionStorage?: KeyValueStorage };
    return w.sessionStorage ?? null;
  } catch {
    return null; // sessionStorage access throws in sandboxed frames
  }
}

/**
 * Emits tracking events to the sinks: assignments once per session for each
 * (experiment, key, course), custom events always. Honours Do-Not-Track.
 * A sink that throws is reported and the others still run. Which assignment
 * is the first this session is the core's decision (its AssignmentTracker,
 * which flags it in the answer); this class only remembers it across
 * reloads, in sessionStorage.
 */
export class Tracking {
  private sinks: Tracker[] = [];
  private storage: KeyValueStorage | null = defaultStorage();

  /** `recorded`: events also go to the page's test recorder (recordedEvents()); engines of their own keep theirs. */
  constructor(
    private readonly report: (error: CohortError) => void,
    private readonly recorded = true,
  ) {}

  configure(trackers: Tracker | Tracker[] | undefined, storage: KeyValueStorage | null | undefined) {
    if (trackers !== undefined) {
      const list = Array.isArray(trackers) ? trackers : [trackers];
      this.sinks = list.filter((t): t is Tracker => typeof t === 'function');
      if (this.sinks.length !== list.length) {
        this.report({ source: 'tracker', path: '', message: 'trackers: expected functions; the others were ignored' });
      }
    }
    if (storage !== undefined) this.storage = storage;
  }

  /**
   * An assignment (a tracked answer) the core found to be the first of its
   * (experiment, key, course) in this page; emitted unless an earlier page
   * of the session did. `toSinks` false sends it to the test recorder only.
   * The event is built only when someone receives it.
   */
  assignment(answer: Answer, course: string | undefined, toSinks: boolean): void {
    if (doNotTrackNow()) return;
    if (toSinks && this.storage !== null && this.seenEarlier(`${SESSION_PREFIX}${answer.experiment}:${answer.key}:${course ?? ''}`)) return;
    if (!(this.recorded && state.recording) && (!toSinks || this.sinks.length === 0)) return;
    const data = dataOf(answer)!;
    this.emit(
      {
        action: 'assignment',
        experiment: answer.experiment,
        variant: answer.variant,
        key: answer.key,
        context: experimentContext(data),
        properties: {},
        bucket: answer.variant_index,
        ...(course !== undefined ? { course } : {}),
      },
      toSinks,
    );
  }

  /** A custom event for an experiment the context takes part in. */
  custom(data: ExperimentData, action: string, properties: Record<string, unknown>, bucket: number, course?: string) {
    if (doNotTrack()) return;
    this.emit(
      {
        action,
        experiment: data.experiment,
        variant: data.variant,
        key: data.key ?? '',
        context: experimentContext(data),
        properties: { ...properties },
        bucket,
        ...(course !== undefined ? { course } : {}),
      },
      true,
    );
  }

  /** True when an earlier page of this session emitted `id`; remembers it otherwise. */
  private seenEarlier(id: string): boolean {
    if (!this.storage) return false;
    try {
      if (this.storage.getItem(id) !== null) return true;
      this.storage.setItem(id, '1');
    } catch (e) {
      // Full or blocked storage: de-duplicate in memory for this page only.
      this.report({ source: 'storage', path: id, message: `session storage failed: ${thrownText(e)}` });
      this.storage = null;
    }
    return false;
  }

  private emit(event: TrackingEvent, toSinks: boolean): void {
    if (this.recorded) record(event);
    if (!toSinks) return;
    for (const sink of this.sinks) {
      try {
        sink(event);
      } catch (e) {
        this.report({ source: 'tracker', path: event.experiment, message: `a tracker threw: ${thrownText(e)}` });
      }
    }
  }
}
