// Vitest with globals, using the global describe as such suites do: a stub
// made in beforeAll lasts for its block and is gone after it, as under Jest.
import { getExperimentData } from 'cohort-ab';
import { stubExperiments } from 'cohort-ab/testing';

describe('a block that stubs in beforeAll', () => {
  beforeAll(() => {
    stubExperiments({ prompt: 'candidate' });
  });

  it('sees the stub in its first test', () => {
    expect(getExperimentData('prompt')).toEqual({ experiment: 'prompt', variant: 'candidate' });
  });

  it('and in the next', () => {
    expect(getExperimentData('prompt')).toEqual({ experiment: 'prompt', variant: 'candidate' });
  });
});

describe('the block after it', () => {
  it('no longer sees the stub', () => {
    expect(getExperimentData('prompt')).toBeUndefined();
  });
});
