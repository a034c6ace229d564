// createEngine: engines of their own for servers, sharing nothing with the
// page-wide API or with each other; the context comes with each call.
const { createEngine, getExperimentData, init, run } = require('cohort-ab');
const { recordedEvents, stubExperiments } = require('cohort-ab/testing');
const { nativeCli, exampleDefinitions } = require('./paths');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const document = { experiments: [{ name: 'pill_color', variants: ['control', 'red', 'blue'], weights: [0, 1, 1], context_keys: ['actor'] }] };

it('answers per request context, as the native tool does for the same definitions', () => {
  const definitions = fs.readFileSync(exampleDefinitions, 'utf8');
  const engine = createEngine({ definitions });
  for (const context of [
    { actor: 'user:1', username: 'ada' },
    { actor: 'user:2', username: 'bob', course: 'course-v1:edX+DemoX+2026' },
  ]) {
    const native = execFileSync(nativeCli, ['resolve', '--definitions', exampleDefinitions, '--context', JSON.stringify(context)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    for (const expected of native) expect(engine.run(expected.experiment, context)).toEqual(expected);
  }
});

it('shares nothing with the page-wide API or with another engine', () => {
  const events = [];
  const a = createEngine({ definitions: document, trackers: (e) => events.push(e) });
  const b = createEngine({ definitions: { experiments: [] } });
  init({ definitions: { experiments: [] }, context: { actor: 'user:1' } });
  stubExperiments({ pill_color: 'blue' }); // the page's stub: not the engines'
  const answer = a.run('pill_color', { actor: 'user:1' });
  expect(answer.reason).toBe('split');
  expect(b.run('pill_color', { actor: 'user:1' }).reason).toBe('unknown');
  expect(run('pill_color').variant).toBe('blue');
  // Assignments go to the engine's trackers only, once per engine session.
  a.run('pill_color', { actor: 'user:1' });
  expect(events.map((e) => [e.experiment, e.variant])).toEqual([['pill_color', answer.variant]]);
  // The page's recorder holds the page's stubbed assignment only.
  expect(recordedEvents().map((e) => [e.experiment, e.variant, e.key])).toEqual([['pill_color', 'blue', '']]);
  a.stub('pill_color', 'control');
  expect(a.run('pill_color', { actor: 'user:1' })).toMatchObject({ variant: 'control', reason: 'stubbed' });
  expect(getExperimentData('pill_color')).toEqual({ experiment: 'pill_color', variant: 'blue' });
  a.stub('pill_color', undefined);
  expect(a.getExperimentData('pill_color', { actor: 'user:1' })).toEqual({ experiment: 'pill_color', key: answer.key, variant: answer.variant });
});

it('reports bad input to its own onError and answers control', () => {
  const errors = [];
  const engine = createEngine({ definitions: '{"experiments": [', onError: (e) => errors.push(e) });
  expect(errors).toEqual([expect.objectContaining({ source: 'definitions' })]);
  expect(engine.run('pill_color', { actor: 1 })).toMatchObject({ variant: 'control', reason: 'unknown' });
  engine.load(document);
  const cyclic = { actor: 'user:1' };
  cyclic.self = cyclic;
  expect(engine.run('pill_color', cyclic)).toMatchObject({ variant: 'control', reason: 'error' });
  expect(errors.at(-1)).toMatchObject({ source: 'context', path: 'pill_color' });
});
