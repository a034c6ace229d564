import type { Answer, ExperimentData } from './types.js';

/** What getExperimentData shows of an answer: only assignments and pushed data have data. */
export function dataOf(answer: Answer): ExperimentData | undefined {
  if (!answer.tracked && answer.reason !== 'published') return undefined;
  return Object.freeze({
    experiment: answer.experiment,
    ...(answer.key !== '' ? { key: answer.key } : {}),
    variant: answer.variant,
    ...(answer.migration_keys ? { migration_keys: Object.freeze([...answer.migration_keys]) as string[] } : {}),
  });
}
