// Tracking (SPEC §4): assignments once per session, custom events with the
// experiment context, the four sinks, Do-Not-Track, failing sinks.
const { edxTracker, init, run, segmentTracker, setContext, snowplowTracker, track, getExperimentData } = require('cohort-ab');
const { recordedEvents, stubExperiments } = require('cohort-ab/testing');

const SCHEMA = 'iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3';
const definitions = {
  experiments: [
    { name: 'pill_color', variants: ['control', 'red', 'blue'], weights: [0, 1, 0] },
    { name: 'off_one', state: 'off' },
    { name: 'excluding', variants: ['control', 'a'], exclude: [{ staff: true }] },
    { name: 'course_upsell', hash: 'edx', num_buckets: 2, overrides: { 1: { username: 'ada' } } },
  ],
};

let events;
let errors;
beforeEach(() => {
  events = [];
  errors = [];
  sessionStorage.clear();
  init({
    definitions,
    context: { actor: 'user:1', username: 'ada' },
    trackers: (e) => events.push(e),
    onError: (e) => errors.push(e),
    storage: sessionStorage,
  });
});
afterEach(() => {
  init({ trackers: [] });
  Object.defineProperty(navigator, 'doNotTrack', { value: null, configurable: true });
});

it('emits one assignment per experiment and key per session, with the experiment context', () => {
  const answer = run('pill_color');
  run('pill_color');
  getExperimentData('pill_color');
  expect(events).toEqual([
    {
      action: 'assignment',
      experiment: 'pill_color',
      variant: 'red',
      key: answer.key,
      context: { schema: SCHEMA, data: { experiment: 'pill_color', key: answer.key, variant: 'red' } },
      properties: {},
      bucket: 1,
    },
  ]);
  expect(sessionStorage.length).toBe(1);
});

it('counts an assignment per experiment and key, whatever variant it later gets (SPEC §4)', () => {
  const first = run('pill_color');
  // New definitions move everyone to blue: same experiment, same key.
  init({ definitions: { experiments: [{ ...definitions.experiments[0], weights: [0, 0, 1] }] } });
  const later = run('pill_color');
  expect([first.variant, later.variant, later.key]).toEqual(['red', 'blue', first.key]);
  expect(events.map((e) => e.variant)).toEqual(['red']);
});

it('remembers assignments across reloads of the page in the same session', () => {
  run('pill_color');
  // restoreExperiments forgets what this page has seen in memory, as a reload
  // would; sessionStorage still holds the assignment.
  require('cohort-ab/testing').restoreExperiments();
  events.length = 0;
  run('pill_color');
  expect(events).toEqual([]);
  sessionStorage.clear();
  require('cohort-ab/testing').restoreExperiments();
  run('pill_color');
  expect(events).toHaveLength(1);
});

it('emits a new assignment for another context', () => {
  run('pill_color');
  setContext({ actor: 'user:2' });
  run('pill_color');
  expect(events.map((e) => e.action)).toEqual(['assignment', 'assignment']);
  expect(events[0].key).not.toBe(events[1].key);
});

it('emits nothing for unknown, disabled and excluded answers', () => {
  run('nope');
  run('off_one');
  run('excluding', { staff: true });
  expect(events).toEqual([]);
});

it('sends stubbed assignments to the test recorder only', () => {
  stubExperiments({ pill_color: 'blue' });
  run('pill_color');
  expect(events).toEqual([]);
  expect(recordedEvents()).toEqual([expect.objectContaining({ action: 'assignment', variant: 'blue', bucket: 2 })]);
});

it('track() carries exactly the experiment context, and nothing without data', () => {
  const { key } = run('pill_color');
  events.length = 0;
  expect(track('pill_color', 'click_button', { label: 'pill', value: 3 })).toBe(true);
  expect(events).toEqual([
    expect.objectContaining({
      action: 'click_button',
      properties: { label: 'pill', value: 3 },
      context: { schema: SCHEMA, data: { experiment: 'pill_color', key, variant: 'red' } },
    }),
  ]);
  expect(Object.keys(events[0].context.data)).toEqual(['experiment', 'key', 'variant']);
  expect(track('nope', 'click')).toBe(false);
  expect(events).toHaveLength(1);
});

it('honours Do-Not-Track', () => {
  Object.defineProperty(navigator, 'doNotTrack', { value: '1', configurable: true });
  run('pill_color');
  track('pill_color', 'click');
  expect(events).toEqual([]);
  expect(recordedEvents()).toEqual([]);
});

it('a throwing sink is reported and never breaks rendering or the other sinks', () => {
  const after = [];
  init({
    trackers: [
      () => {
        throw new Error('sink down');
      },
      (e) => after.push(e),
    ],
  });
  expect(() => run('pill_color')).not.toThrow();
  expect(run('pill_color').variant).toBe('red');
  expect(after).toHaveLength(1);
  expect(errors).toEqual([expect.objectContaining({ source: 'tracker', message: expect.stringContaining('sink down') })]);
});

it('Snowplow gets a structured event with the experiment context', () => {
  const trackStructEvent = jest.fn();
  init({ trackers: snowplowTracker(trackStructEvent) });
  const { key } = run('pill_color');
  track('pill_color', 'click', { label: 'pill', property: 'p', value: 2, ignored: true });
  expect(trackStructEvent.mock.calls.map((c) => c[0])).toEqual([
    { category: 'pill_color', action: 'assignment', context: [{ schema: SCHEMA, data: { experiment: 'pill_color', key, variant: 'red' } }] },
    {
      category: 'pill_color',
      action: 'click',
      label: 'pill',
      property: 'p',
      value: 2,
      context: [{ schema: SCHEMA, data: { experiment: 'pill_color', key, variant: 'red' } }],
    },
  ]);
});

it('Segment gets Experiment Viewed for assignments and the action for custom events', () => {
  const analytics = { track: jest.fn() };
  init({ trackers: segmentTracker(analytics) });
  const { key } = run('pill_color');
  track('pill_color', 'click', { label: 'pill' });
  expect(analytics.track.mock.calls).toEqual([
    ['Experiment Viewed', { experiment_name: 'pill_color', variation_name: 'red', variation_id: 1, key, nonInteraction: 1 }],
    ['click', { label: 'pill', experiment: 'pill_color', variant: 'red', key }],
  ]);
});

it('edX gets edx.bi.experiment.user.bucketed once per session per course', () => {
  const analytics = { track: jest.fn() };
  init({
    trackers: edxTracker({ appLabel: 'experiments', site: 'courses.example.org', analytics }),
    context: { username: 'ada', course: 'course-v1:edX+DemoX+2026' },
  });
  run('course_upsell');
  run('course_upsell');
  setContext({ username: 'ada', course: 'course-v1:edX+Other+2026' });
  run('course_upsell');
  track('course_upsell', 'click');
  expect(analytics.track.mock.calls).toEqual([
    [
      'edx.bi.experiment.user.bucketed',
      {
        site: 'courses.example.org',
        app_label: 'experiments',
        experiment: 'course_upsell',
        course_id: 'course-v1:edX+DemoX+2026',
        bucket: 1,
        is_staff: false,
        nonInteraction: 1,
      },
    ],
    [
      'edx.bi.experiment.user.bucketed',
      {
        site: 'courses.example.org',
        app_label: 'experiments',
        experiment: 'course_upsell',
        course_id: 'course-v1:edX+Other+2026',
        bucket: 1,
        is_staff: false,
        nonInteraction: 1,
      },
    ],
  ]);
});

it('falls back to memory when session storage throws', () => {
  const broken = {
    getItem() {
      throw new Error('SecurityError');
    },
    setItem() {},
  };
  init({ storage: broken });
  run('pill_color');
  run('pill_color');
  expect(events).toHaveLength(1);
  expect(errors).toEqual([expect.objectContaining({ source: 'storage' })]);
});

it('keeps the most recent assignments in memory and forgets the oldest beyond 10,000', () => {
  // No storage: only the in-memory de-duplication is left.
  init({ storage: null });
  const assign = (i) => run('pill_color', { actor: `user:${i}` });
  for (let i = 0; i < 12_000; i += 1) assign(i);
  expect(events).toHaveLength(12_000);
  events.length = 0;
  // The 5,000 most recent are remembered: none of them emits again.
  for (let i = 7_000; i < 12_000; i += 1) assign(i);
  expect(events).toHaveLength(0);
  // One seen long ago was forgotten, so it emits once more, and only once.
  assign(0);
  assign(0);
  expect(events).toHaveLength(1);
  // One remembered earlier and seen again stays remembered while others arrive.
  assign(11_999);
  for (let i = 20_000; i < 24_000; i += 1) assign(i);
  events.length = 0;
  assign(11_999);
  expect(events).toHaveLength(0);
});
