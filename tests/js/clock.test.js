// The clock (init's `now`) is what enrollment windows and a sticky store's
// TTL are evaluated against; it is read for answers that depend on it and
// only for those (js/DECISIONS.md, "The clock").
const { init, run } = require('cohort-ab');

const definitions = {
  experiments: [
    { name: 'windowed', variants: ['control', 'a'], enrollment: { start: '2026-01-01T00:00:00Z', end: '2026-03-01T00:00:00Z' } },
    { name: 'plain', variants: ['control', 'a'] },
  ],
};
const inside = Date.parse('2026-02-01T00:00:00Z');
const after = Date.parse('2026-03-01T00:00:00Z');

let time = inside;
let reads = 0;
const now = () => {
  reads++;
  return time;
};

beforeEach(() => {
  time = inside;
  reads = 0;
});

it('is read for an experiment with an enrollment window, which it decides', () => {
  init({ definitions, now, storage: null, sticky: { capacity: 0 }, onError: () => {} });
  expect(run('windowed', { id: 'u1' }).reason).toBe('split');
  expect(reads).toBe(1);
  time = after; // the window's end is exclusive; capacity 0: no sticky store to remember u1
  expect(run('windowed', { id: 'u1' }).reason).toBe('excluded');
  expect(reads).toBe(2);
});

it('is not read for an experiment whose answers do not depend on it', () => {
  init({ definitions, now, storage: null, sticky: { capacity: 100, ttlMs: 0 }, onError: () => {} });
  for (let i = 0; i < 10; i++) expect(run('plain', { id: `u${i}` }).reason).toBe('split');
  expect(reads).toBe(0);
});

it('is read for every experiment when sticky entries expire, and expires them', () => {
  init({ definitions, now, storage: null, sticky: { capacity: 100, ttlMs: 1000 }, onError: () => {} });
  expect(run('plain', { id: 'u1' }).reason).toBe('split');
  time += 999;
  expect(run('plain', { id: 'u1' }).reason).toBe('cached');
  time += 1; // 1000 ms after it was stored: expired
  expect(run('plain', { id: 'u1' }).reason).toBe('split');
  expect(reads).toBe(3);
  init({ sticky: { capacity: 10_000, ttlMs: 0 }, now: Date.now });
});
