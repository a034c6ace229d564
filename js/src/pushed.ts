import { state } from './state.js';
import type { CohortError, ExperimentData, PublishedData } from './types.js';

/** Longest experiment name, variant or key accepted from pushed data or stubs. */
export const MAX_NAME_LENGTH = 256;
/** The most pushed entries `getAllExperimentContexts` looks at. */
export const MAX_PUSHED_ENTRIES = 1_000;
/** Entries of init({published}) copied; beyond this they are left out (and reported). */
export const MAX_PUBLISHED_ENTRIES = 10_000;

type Report = (error: CohortError) => void;

interface PushedWindow {
  gl?: { experiments?: unknown };
  gon?: { experiment?: unknown };
}

/** The page's window, looked up again whenever the shared state changes (init, stubs). */
let seenWindow: PushedWindow | undefined;
let seenAt = -1;

function pageWindow(): PushedWindow | undefined {
  // A global that does not exist costs more to look up than the rest of
  // getExperimentData (Node, SSR), so the answer is kept until state changes.
  if (seenAt !== state.version) {
    seenWindow = typeof window === 'undefined' ? undefined : (window as unknown as PushedWindow);
    seenAt = state.version;
  }
  return seenWindow;
}

/** True when there is a page (a `window`) whose pushed data to read. */
export function hasPage(): boolean {
  return pageWindow() !== undefined;
}

/**
 * init's `published`, copied when it is given: its own enumerable entries
 * (the first MAX_PUBLISHED_ENTRIES), in
 * an object without a prototype (so `__proto__` is a plain name). An entry
 * behind a throwing getter is left out; a non-object gives none. Unlike the
 * page's `window.gl.experiments`, which is read at every call as GitLab
 * does, this does not change until the next init({published}), so answers
 * made without a page stay valid until then.
 */
export function snapshotPublished(value: unknown, report: Report): PublishedData | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const copy = Object.create(null) as Record<string, unknown>;
  try {
    const names = Object.keys(value);
    if (names.length > MAX_PUBLISHED_ENTRIES) {
      report({ source: 'published', path: '', message: `holds ${names.length} entries; only the first ${MAX_PUBLISHED_ENTRIES} are read` });
    }
    const n = Math.min(names.length, MAX_PUBLISHED_ENTRIES);
    for (let i = 0; i < n; i++) {
      const name = names[i]!;
      try {
        copy[name] = (value as Record<string, unknown>)[name];
      } catch {
        // left out, as a missing entry
      }
    }
  } catch {
    // a hostile object whose keys cannot be listed contributes nothing
  }
  return copy as PublishedData;
}

/** Own property `name` of `holder`, never one inherited (`__proto__`, `constructor`…). */
export function ownEntry(holder: unknown, name: string): unknown {
  if (holder === null || typeof holder !== 'object') return undefined;
  try {
    return Object.prototype.hasOwnProperty.call(holder, name) ? (holder as Record<string, unknown>)[name] : undefined;
  } catch {
    return undefined; // a throwing getter or Proxy trap
  }
}

/** The raw entry for `name`: window.gl.experiments, then window.gon.experiment, then `fallback`. */
export function rawPushed(name: string, fallback: unknown): unknown {
  const w = pageWindow();
  let entry: unknown;
  if (w) {
    try {
      entry = ownEntry(w.gl?.experiments, name) ?? ownEntry(w.gon?.experiment, name);
    } catch {
      entry = undefined;
    }
  }
  return entry ?? ownEntry(fallback, name);
}

/**
 * What rawPushed would find, read without checking that each entry is an
 * own property: the fast path of getExperimentData. Only trusted when it is
 * the very value rawPushed returned before (then it was an own property).
 */
export function quickPushed(name: string, fallback: unknown): unknown {
  const w = pageWindow();
  try {
    const entry = (w?.gl?.experiments as Record<string, unknown> | undefined)?.[name] ?? (w?.gon?.experiment as Record<string, unknown> | undefined)?.[name];
    if (entry !== undefined) return entry;
    return fallback === null || typeof fallback !== 'object' ? undefined : (fallback as Record<string, unknown>)[name];
  } catch {
    return null; // a throwing getter: never the remembered value, so the careful path runs
  }
}

export function isValidName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME_LENGTH;
}

/**
 * Checks one pushed entry and copies the fields GitLab's client keeps
 * (experiment, key, variant, migration_keys). Returns undefined, after
 * reporting why, for anything unusable.
 */
export function sanitizePushed(name: string, entry: unknown, report: Report): ExperimentData | undefined {
  if (entry === undefined) return undefined;
  const problem = (message: string) => {
    report({ source: 'published', path: name, message });
    return undefined;
  };
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    return problem(`expected an object {experiment, key, variant}, got ${describe(entry)}`);
  }
  let variant: unknown;
  let key: unknown;
  let experiment: unknown;
  let migrationKeys: unknown;
  try {
    variant = ownEntry(entry, 'variant');
    key = ownEntry(entry, 'key');
    experiment = ownEntry(entry, 'experiment');
    migrationKeys = ownEntry(entry, 'migration_keys');
  } catch {
    return problem('the entry could not be read');
  }
  if (!isValidName(variant)) {
    return problem(`variant: expected a string of 1 to ${MAX_NAME_LENGTH} characters, got ${describe(variant)}`);
  }
  if (experiment !== undefined && experiment !== name) {
    return problem(`experiment: expected "${name}", got ${describe(experiment)}`);
  }
  const data: ExperimentData = { experiment: name, variant };
  if (key !== undefined && key !== null) {
    if (!isValidName(key)) return problem(`key: expected a string of 1 to ${MAX_NAME_LENGTH} characters, got ${describe(key)}`);
    data.key = key;
  }
  // GitLab keeps migration_keys whatever it holds (lodash's pick), so it is
  // passed through as given: an array is copied, anything else kept as is.
  if (migrationKeys !== undefined) {
    data.migration_keys = Array.isArray(migrationKeys) ? ([...(migrationKeys as unknown[])] as string[]) : (migrationKeys as string[]);
  }
  // GitLab's order of fields: experiment, key, variant, migration_keys.
  return {
    experiment: data.experiment,
    ...(data.key !== undefined ? { key: data.key } : {}),
    variant: data.variant,
    ...(data.migration_keys !== undefined ? { migration_keys: data.migration_keys } : {}),
  };
}

/** The names of every pushed entry (gl first, then gon, then `fallback`), bounded. */
export function pushedNames(fallback: unknown): string[] {
  const names = new Set<string>();
  const add = (holder: unknown) => {
    if (holder === null || typeof holder !== 'object') return;
    try {
      for (const name of Object.keys(holder)) {
        if (names.size >= MAX_PUSHED_ENTRIES) return;
        names.add(name);
      }
    } catch {
      // a hostile object whose keys cannot be listed contributes nothing
    }
  };
  const w = pageWindow();
  if (w) {
    try {
      add(w.gl?.experiments);
      add(w.gon?.experiment);
    } catch {
      // window.gl or window.gon behind a throwing getter
    }
  }
  add(fallback);
  return [...names];
}

/**
 * `String(thrown)`, for messages about something that threw: never throws
 * itself, even for values String() cannot convert (Object.create(null), a
 * Proxy, an object whose toString throws).
 */
export function thrownText(thrown: unknown): string {
  try {
    return String(thrown);
  } catch {
    return Array.isArray(thrown) ? 'an array' : typeof thrown === 'object' ? 'an object' : typeof thrown;
  }
}

/** A course read from a context: only a string counts, and a throwing getter means none. */
export function courseOf(context: unknown): string | undefined {
  try {
    const course = (context as { course?: unknown } | null)?.course;
    return typeof course === 'string' ? course : undefined;
  } catch {
    return undefined;
  }
}

/** A short description of a bad value for error messages (never the whole value). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}
