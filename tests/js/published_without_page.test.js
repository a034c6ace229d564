/**
 * @jest-environment node
 */
// init({published}) without a page (Node, server-side rendering): the data
// is copied when init is called (js/README.md), so answers made from it stay
// valid until the next init({published}).
const { getExperimentData, init } = require('cohort-ab');
const { stubExperiments, restoreExperiments } = require('cohort-ab/testing');

const entry = (variant) => ({ experiment: 'abc', key: 'k', variant });

beforeEach(() => {
  init({ definitions: { experiments: [] }, published: {} });
});

it('has no window here, so published is the only pushed data', () => {
  expect(typeof window).toBe('undefined');
  init({ published: { abc: entry('red') } });
  expect(getExperimentData('abc')).toEqual(entry('red'));
});

it('reads the published object when init is called, not afterwards', () => {
  const published = { abc: entry('red') };
  init({ published });
  expect(getExperimentData('abc')?.variant).toBe('red');
  published.abc = entry('blue');
  published.other = { experiment: 'other', key: 'k', variant: 'x' };
  expect(getExperimentData('abc')?.variant).toBe('red');
  expect(getExperimentData('other')).toBeUndefined();
  init({ published });
  expect(getExperimentData('abc')?.variant).toBe('blue');
  expect(getExperimentData('other')?.variant).toBe('x');
});

it('leaves out an entry behind a throwing getter and keeps the others', () => {
  const published = { abc: entry('red') };
  Object.defineProperty(published, 'bad', {
    enumerable: true,
    get() {
      throw new Error('hostile');
    },
  });
  expect(() => init({ published })).not.toThrow();
  expect(getExperimentData('bad')).toBeUndefined();
  expect(getExperimentData('abc')?.variant).toBe('red');
});

it('takes __proto__ and constructor as plain names, never inherited ones', () => {
  const published = JSON.parse('{"__proto__": {"experiment": "__proto__", "key": "k", "variant": "p"}}');
  init({ published });
  expect(getExperimentData('__proto__')?.variant).toBe('p');
  expect(getExperimentData('constructor')).toBeUndefined();
  expect(getExperimentData('toString')).toBeUndefined();
});

it('reads at most 10,000 published entries, and says so', () => {
  const errors = [];
  const published = {};
  for (let i = 0; i <= 10_000; i++) published[`e${i}`] = { experiment: `e${i}`, key: 'k', variant: 'v' };
  init({ published, onError: (e) => errors.push(e) });
  expect(errors).toEqual([{ source: 'published', path: '', message: 'holds 10001 entries; only the first 10000 are read' }]);
  expect(getExperimentData('e9999')?.variant).toBe('v');
  expect(getExperimentData('e10000')).toBeUndefined();
  // Listing stays within its own cap of 1,000 per source.
  expect(require('cohort-ab').getAllExperimentContexts()).toHaveLength(1_000);
});

it('answers a repeated read as the first: after a stub, a restore, a new init, and for inherited names', () => {
  init({ published: { abc: entry('red') } });
  for (let i = 0; i < 3; i++) {
    expect(getExperimentData('constructor')).toBeUndefined();
    expect(getExperimentData('__proto__')).toBeUndefined();
    expect(getExperimentData('hasOwnProperty')).toBeUndefined();
    expect(getExperimentData('abc')?.variant).toBe('red');
  }
  stubExperiments({ abc: 'blue' });
  expect(getExperimentData('abc')?.variant).toBe('blue');
  expect(getExperimentData('abc')?.variant).toBe('blue');
  restoreExperiments();
  expect(getExperimentData('abc')?.variant).toBe('red');
  init({ published: { abc: entry('green') } });
  expect(getExperimentData('abc')?.variant).toBe('green');
  expect(getExperimentData('abc')?.variant).toBe('green');
});
