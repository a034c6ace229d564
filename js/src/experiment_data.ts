import type { Answer, ExperimentData } from './types.js';

/** An array of keys, copied and frozen; pushed data of another shape is passed through as given (as GitLab does). */
function frozenKeys(keys: unknown): string[] {
  return (Array.isArray(keys) ? Object.freeze([...(keys as unknown[])]) : keys) as string[];
}

/** What getExperimentData shows of an answer: only assignments and pushed data have data. */
export function dataOf(answer: Answer): ExperimentData | undefined {
  if (!answer.tracked && answer.reason !== 'published') return undefined;
  return Object.freeze({
    experiment: answer.experiment,
    ...(answer.key !== '' ? { key: answer.key } : {}),
    variant: answer.variant,
    ...(answer.migration_keys !== undefined ? { migration_keys: frozenKeys(answer.migration_keys) } : {}),
  });
}
