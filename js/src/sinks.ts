import type { Tracker, TrackingEvent } from './types.js';

/** The Snowplow structured event `trackStructEvent` takes (@snowplow/browser-tracker). */
export interface StructEvent {
  category: string;
  action: string;
  label?: string;
  property?: string;
  value?: number;
  context?: Array<{ schema: string; data: unknown }>;
}

/** Segment's `analytics` object, or anything with its `track`. */
export interface SegmentAnalytics {
  track(event: string, properties?: Record<string, unknown>): unknown;
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Snowplow, as GitLab tracks experiments: category is the experiment name,
 * `label`/`property`/`value` come from the event's properties, and the
 * experiment context rides along. Pass `trackStructEvent` from
 * @snowplow/browser-tracker (or a function of the same shape).
 */
export function snowplowTracker(trackStructEvent: (event: StructEvent) => void): Tracker {
  return (event: TrackingEvent) => {
    const p = event.properties;
    const struct: StructEvent = { category: event.experiment, action: event.action, context: [event.context] };
    if (text(p.label) !== undefined) struct.label = text(p.label);
    if (text(p.property) !== undefined) struct.property = text(p.property);
    if (number(p.value) !== undefined) struct.value = number(p.value);
    trackStructEvent(struct);
  };
}

/**
 * Segment: an assignment is Segment's standard "Experiment Viewed" event;
 * a custom event is tracked under its action with its properties and the
 * experiment's name, variant and key.
 */
export function segmentTracker(analytics?: SegmentAnalytics): Tracker {
  return (event: TrackingEvent) => {
    const target = analytics ?? (globalThis as { analytics?: SegmentAnalytics }).analytics;
    if (!target) return;
    if (event.action === 'assignment') {
      target.track('Experiment Viewed', {
        experiment_name: event.experiment,
        variation_name: event.variant,
        variation_id: event.bucket,
        key: event.key,
        nonInteraction: 1,
      });
      return;
    }
    target.track(event.action, {
      ...event.properties,
      experiment: event.experiment,
      variant: event.variant,
      key: event.key,
    });
  };
}

export interface EdxTrackerOptions {
  /** Django app label of the flag's namespace (edX `waffle_namespace.name`). */
  appLabel: string;
  /** The site's domain; defaults to the page's host. */
  site?: string;
  /** Whether the user is staff. */
  isStaff?: boolean;
  /** Segment's analytics; defaults to window.analytics. */
  analytics?: SegmentAnalytics;
}

/**
 * Open edX's `edx.bi.experiment.user.bucketed` event, sent for assignments
 * only (custom events are not edX's), once per session per course.
 */
export function edxTracker(options: EdxTrackerOptions): Tracker {
  return (event: TrackingEvent) => {
    if (event.action !== 'assignment') return;
    const target = options.analytics ?? (globalThis as { analytics?: SegmentAnalytics }).analytics;
    if (!target) return;
    const site = options.site ?? (globalThis as { location?: { host?: string } }).location?.host ?? '';
    target.track('edx.bi.experiment.user.bucketed', {
      site,
      app_label: options.appLabel,
      experiment: event.experiment,
      course_id: event.course ?? null,
      bucket: event.bucket,
      is_staff: options.isStaff ?? false,
      nonInteraction: 1,
    });
  };
}
