// Stubs are scoped the way Jest scopes hooks, as GitLab's specs expect: one
// made in beforeAll is seen by every test of its block (EE's merge-request
// widget prompt spec stubs that way); one made in a test or a beforeEach is
// undone after that test, and what the block stubbed comes back.
const { getExperimentData, getExperimentVariant } = require('cohort-ab');
const { stubExperiments } = require('cohort-ab/testing');

describe('a stub made in beforeAll', () => {
  beforeAll(() => {
    stubExperiments({ enable_feature_prompt: 'candidate' });
  });

  it('is seen by the first test of the block', () => {
    expect(getExperimentVariant('enable_feature_prompt')).toBe('candidate');
  });

  it('and by every later one', () => {
    expect(getExperimentData('enable_feature_prompt')).toEqual({ experiment: 'enable_feature_prompt', variant: 'candidate' });
  });

  it('can be overridden by a test for itself', () => {
    stubExperiments({ enable_feature_prompt: 'control' });
    expect(getExperimentVariant('enable_feature_prompt')).toBe('control');
  });

  it('comes back after the test that overrode it', () => {
    expect(getExperimentVariant('enable_feature_prompt')).toBe('candidate');
  });
});

describe('after the block that stubbed in beforeAll', () => {
  it('its stub is gone', () => {
    expect(getExperimentData('enable_feature_prompt')).toBeUndefined();
  });
});

describe('nested blocks', () => {
  beforeAll(() => {
    stubExperiments({ nested: 'outer' });
  });

  describe('an inner block stubbing the same experiment', () => {
    beforeAll(() => {
      stubExperiments({ nested: 'inner' });
    });

    it('sees its own stub', () => {
      expect(getExperimentVariant('nested')).toBe('inner');
    });
  });

  it("sees the outer block's stub again after the inner block", () => {
    expect(getExperimentVariant('nested')).toBe('outer');
  });
});

describe('stubs made in beforeEach and in tests', () => {
  beforeEach(() => {
    stubExperiments({ each_time: 'candidate' });
  });

  it('are seen in the test', () => {
    stubExperiments({ only_here: 'candidate' });
    expect(getExperimentVariant('each_time')).toBe('candidate');
    expect(getExperimentVariant('only_here')).toBe('candidate');
  });

  it("are undone after it: the test's own stub is gone, the beforeEach one made again", () => {
    expect(getExperimentData('only_here')).toBeUndefined();
    expect(getExperimentVariant('each_time')).toBe('candidate');
  });
});
