// Vitest without globals: cohort/testing registers its restore hook through
// the vitest module itself, so stubs never leak into the next test.
import { beforeAll, describe, expect, it } from 'vitest';
import { getExperimentData } from 'cohort-ab';
import { stubExperiments } from 'cohort-ab/testing';

describe('stubs under Vitest', () => {
  it('are read in the test that sets them', () => {
    stubExperiments({ my_experiment: 'candidate' });
    expect(getExperimentData('my_experiment')).toEqual({ experiment: 'my_experiment', variant: 'candidate' });
  });

  it('are gone in the next test', () => {
    expect(getExperimentData('my_experiment')).toBeUndefined();
  });
});

describe('a stub made in beforeAll under Vitest', () => {
  beforeAll(() => {
    stubExperiments({ prompt: 'candidate' });
  });

  it('is seen by the first test', () => {
    expect(getExperimentData('prompt')).toEqual({ experiment: 'prompt', variant: 'candidate' });
  });

  it('and by the next', () => {
    stubExperiments({ mine: 'candidate' });
    expect(getExperimentData('prompt')).toEqual({ experiment: 'prompt', variant: 'candidate' });
  });

  it("while a test's own stub is gone after it", () => {
    expect(getExperimentData('mine')).toBeUndefined();
  });
});
