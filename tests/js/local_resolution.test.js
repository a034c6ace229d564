// Local resolution through the package agrees with the native tool: the
// answers `cohort resolve` prints for the example definitions are the
// answers run() gives for the same context.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { getExperimentData, init, run, setContext } = require('cohort-ab');
const { exampleDefinitions, nativeCli } = require('./paths');

const definitions = fs.readFileSync(exampleDefinitions, 'utf8');
const contexts = [
  { actor: 'user:42', username: 'ada', course: 'course-v1:edX+DemoX+2026' },
  { actor: 'user:7', username: 'grace' },
  { actor: 'user:1000', username: 'linus', course: 'course-v1:edX+Other+2025', staff: true },
  {},
];

function native(context) {
  return execFileSync(nativeCli, ['resolve', '--definitions', exampleDefinitions, '--context', JSON.stringify(context)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

beforeEach(() => init({ definitions, storage: null, onError: () => {} }));

it.each(contexts.map((c) => [JSON.stringify(c), c]))('for %s every answer equals the native one', (_label, context) => {
  setContext(context);
  const expected = native(context);
  expect(expected.length).toBeGreaterThan(0);
  for (const answer of expected) {
    expect(run(answer.experiment, context)).toEqual(answer);
    // Asked again for the current context: the sticky store may answer now
    // (reason cached), with the same variant and key.
    expect(run(answer.experiment)).toMatchObject({ variant: answer.variant, key: answer.key });
  }
});

it('getExperimentData shows the local assignment in GitLab shape', () => {
  setContext(contexts[0]);
  const answer = run('pill_color');
  expect(getExperimentData('pill_color')).toEqual({ experiment: 'pill_color', key: answer.key, variant: answer.variant });
  expect(Object.isFrozen(getExperimentData('pill_color'))).toBe(true);
});

it('a context with keys in another order gets the same answers', () => {
  const reordered = Object.fromEntries(Object.entries(contexts[0]).reverse());
  const { variant, key } = run('pill_color', contexts[0]);
  expect(run('pill_color', reordered)).toMatchObject({ variant, key });
});

it('answers the same after the module memory grew (a large document loaded in between)', () => {
  const small = { experiments: [{ name: 'grow', variants: ['control', 'a', 'b'], context_keys: ['id'] }] };
  init({ definitions: small });
  const before = run('grow', { id: 'u1' });
  const memory = () => globalThis[Symbol.for('cohort.state.v1')].runtime.wasmEngine().exports.memory.buffer.byteLength;
  const size = memory();
  // 9,000 more experiments with long $in lists: several MiB encoded, more
  // than the memory held, so it grows and every view of it is made anew.
  const plans = Array.from({ length: 60 }, (_, i) => `plan-${i}`);
  const large = {
    experiments: [
      ...small.experiments,
      ...Array.from({ length: 9_000 }, (_, i) => ({ name: `filler_${i}`, variants: ['control', 'x'], exclude: [{ plan: { $in: plans } }] })),
    ],
  };
  init({ definitions: large });
  expect(memory()).toBeGreaterThan(size);
  expect(run('filler_8999', { id: 'u1' }).reason).toBe('split');
  const after = run('grow', { id: 'u1' });
  expect([after.variant, after.key, after.reason]).toEqual([before.variant, before.key, 'split']);
});
