// GitLab's client layer (~/experimentation/utils and the stubExperiments
// helper of its Jest specs), behaviour by behaviour. Expected values follow
// GitLab's own utils_spec.js and experimentation_helper.js.
const {
  experiment,
  getAllExperimentContexts,
  getExperimentData,
  getExperimentVariant,
  init,
  isExperimentVariant,
  TRACKING_CONTEXT_SCHEMA,
} = require('cohort-ab');
const { stubExperiments } = require('cohort-ab/testing');

const SCHEMA = 'iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3';

afterEach(() => {
  delete window.gl;
  delete window.gon;
  init({ published: {}, definitions: { experiments: [] }, context: {} });
});

describe('getExperimentData', () => {
  it('returns the stubbed variant, as GitLab specs read it', () => {
    stubExperiments({ my_experiment: 'candidate' });
    expect(getExperimentData('my_experiment')).toEqual({ experiment: 'my_experiment', variant: 'candidate' });
  });

  it('is undefined without data', () => {
    expect(getExperimentData('nothing_here')).toBeUndefined();
  });

  it('reads window.gl.experiments at call time and keeps only GitLab fields', () => {
    expect(getExperimentData('abc')).toBeUndefined();
    window.gl = { experiments: { abc: { experiment: 'abc', key: 'k1', variant: 'candidate', extra: 1, migration_keys: ['old'] } } };
    expect(getExperimentData('abc')).toStrictEqual({ experiment: 'abc', key: 'k1', variant: 'candidate', migration_keys: ['old'] });
    window.gl.experiments.abc = { experiment: 'abc', key: 'k2', variant: 'control' };
    expect(getExperimentData('abc')).toStrictEqual({ experiment: 'abc', key: 'k2', variant: 'control' });
  });

  it('passes migration_keys through as given, whatever its shape, as GitLab picks it', () => {
    // GitLab's getExperimentData picks experiment, key, variant and
    // migration_keys and checks none of them.
    for (const keys of ['k', 7, null, { old: 1 }, ['a', 2, null], Array.from({ length: 100 }, (_, i) => `k${i}`)]) {
      window.gl = { experiments: { abc: { experiment: 'abc', key: 'k1', variant: 'candidate', migration_keys: keys } } };
      expect(getExperimentData('abc')).toStrictEqual({ experiment: 'abc', key: 'k1', variant: 'candidate', migration_keys: keys });
    }
  });

  it('reads the legacy window.gon.experiment, and window.gl wins over it', () => {
    window.gon = { experiment: { abc: { experiment: 'abc', key: 'gon', variant: 'blue' } } };
    expect(getExperimentData('abc')).toEqual({ experiment: 'abc', key: 'gon', variant: 'blue' });
    window.gl = { experiments: { abc: { experiment: 'abc', key: 'gl', variant: 'red' } } };
    expect(getExperimentData('abc')).toEqual({ experiment: 'abc', key: 'gl', variant: 'red' });
  });

  it('reads data given to init({published}) when the page pushed none', () => {
    init({ published: { abc: { experiment: 'abc', key: 'k', variant: 'candidate' } } });
    expect(getExperimentData('abc')).toEqual({ experiment: 'abc', key: 'k', variant: 'candidate' });
  });

  it('lets stubs win over pushed data', () => {
    window.gl = { experiments: { abc: { experiment: 'abc', key: 'k', variant: 'control' } } };
    stubExperiments({ abc: 'candidate' });
    expect(getExperimentData('abc')).toEqual({ experiment: 'abc', variant: 'candidate' });
  });

  it('ignores a pushed variant that the loaded definition no longer has', () => {
    init({
      definitions: { experiments: [{ name: 'abc', variants: ['control', 'red'], weights: [0, 1] }] },
      context: { actor: 'user:1' },
    });
    window.gl = { experiments: { abc: { experiment: 'abc', key: 'k', variant: 'green' } } };
    expect(getExperimentData('abc')).toMatchObject({ experiment: 'abc', variant: 'red' });
  });
});

describe('getAllExperimentContexts', () => {
  it('wraps every experiment with data in the experiment schema, in order', () => {
    stubExperiments({ abc: 'candidate', def: 'control', ghi: 'blue' });
    expect(TRACKING_CONTEXT_SCHEMA).toBe(SCHEMA);
    expect(getAllExperimentContexts()).toEqual([
      { schema: SCHEMA, data: { experiment: 'abc', variant: 'candidate' } },
      { schema: SCHEMA, data: { experiment: 'def', variant: 'control' } },
      { schema: SCHEMA, data: { experiment: 'ghi', variant: 'blue' } },
    ]);
  });

  it('returns an empty array without experiments', () => {
    expect(getAllExperimentContexts()).toEqual([]);
  });

  it('includes pushed data with only its GitLab fields', () => {
    window.gl = { experiments: { abc: { experiment: 'abc', key: 'k', variant: 'candidate', secret: 'x' } } };
    expect(getAllExperimentContexts()).toEqual([{ schema: SCHEMA, data: { experiment: 'abc', key: 'k', variant: 'candidate' } }]);
  });
});

describe('isExperimentVariant', () => {
  it.each([
    [{ abc: 'candidate' }, ['abc'], true],
    [{ abc: 'candidate' }, ['abc', 'candidate'], true],
    [{ abc: 'control' }, ['abc'], false],
    [{ abc: 'blue' }, ['abc', 'blue'], true],
    [{ abc: 'blue' }, ['abc', 'red'], false],
    [{}, ['abc'], false],
    [{}, ['abc', 'control'], false],
  ])('with stubs %j and arguments %j it is %s', (stubs, args, expected) => {
    stubExperiments(stubs);
    expect(isExperimentVariant(...args)).toBe(expected);
  });
});

describe('getExperimentVariant', () => {
  it('returns the variant, or control without data', () => {
    stubExperiments({ abc: 'blue' });
    expect(getExperimentVariant('abc')).toBe('blue');
    expect(getExperimentVariant('missing')).toBe('control');
  });

  it('falls back to control for an empty pushed variant', () => {
    window.gl = { experiments: { abc: { experiment: 'abc', variant: '' } } };
    expect(getExperimentVariant('abc')).toBe('control');
  });
});

describe('experiment', () => {
  const handlers = () => ({
    use: jest.fn(() => 'use'),
    control: jest.fn(() => 'control'),
    try: jest.fn(() => 'try'),
    candidate: jest.fn(() => 'candidate'),
    blue: jest.fn(() => 'blue'),
  });

  it.each([
    ['control', { use: 'use' }],
    ['candidate', { try: 'try' }],
    ['blue', { blue: 'blue' }],
  ])('for %s calls the matching handler and returns its result', (variant, expected) => {
    stubExperiments({ abc: variant });
    const h = handlers();
    const [name, result] = Object.entries(expected)[0];
    expect(experiment('abc', h)).toBe(result);
    expect(h[name]).toHaveBeenCalledTimes(1);
    for (const other of Object.keys(h).filter((k) => k !== name)) expect(h[other]).not.toHaveBeenCalled();
  });

  it('accepts control and candidate as the names of use and try', () => {
    stubExperiments({ abc: 'candidate' });
    expect(experiment('abc', { control: () => 'c', candidate: () => 'cand' })).toBe('cand');
    stubExperiments({ abc: 'control' });
    expect(experiment('abc', { control: () => 'c', candidate: () => 'cand' })).toBe('c');
  });

  it('runs control when there is no data', () => {
    expect(experiment('none', { use: () => 'c', try: () => 't' })).toBe('c');
  });

  it('runs control, not a throw, when the variant has no handler', () => {
    stubExperiments({ abc: 'purple' });
    expect(experiment('abc', { use: () => 'c', try: () => 't' })).toBe('c');
    expect(experiment('abc', {})).toBeUndefined();
  });

  it('never calls inherited properties as handlers', () => {
    stubExperiments({ abc: 'constructor' });
    expect(experiment('abc', { use: () => 'c' })).toBe('c');
    stubExperiments({ abc: 'toString' });
    expect(experiment('abc', { use: () => 'c' })).toBe('c');
  });
});
