// Vitest without globals: cohort/testing registers its restore hook through
// the vitest module itself, so stubs never leak into the next test.
import { describe, expect, it } from 'vitest';
import { getExperimentData } from 'cohort';
import { stubExperiments } from 'cohort/testing';

describe('stubs under Vitest', () => {
  it('are read in the test that sets them', () => {
    stubExperiments({ my_experiment: 'candidate' });
    expect(getExperimentData('my_experiment')).toEqual({ experiment: 'my_experiment', variant: 'candidate' });
  });

  it('are gone in the next test', () => {
    expect(getExperimentData('my_experiment')).toBeUndefined();
  });
});
