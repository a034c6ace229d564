// The context encoding the package writes from JavaScript objects and the
// one the native tool writes from JSON text give the same context keys, on
// thousands of generated contexts: nested objects and arrays, numbers such
// as -0, 1e21, 0.1, 5e-324 and 2^53+1, non-ASCII and astral text, escapes,
// keys in any order, and the reserved sticky_to and migrated_from. Keys are
// digests of the canonical form, so equal keys mean equal canonical forms.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { init, run } = require('cohort-ab');
const { nativeCli } = require('./paths');

// A small seeded generator (mulberry32), so a failure can be reproduced.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 5e-324, 1.7976931348623157e308, 2 ** 53 + 2, 123456789.125, -42.5, 1e300, 7];
// Well-formed text only: JSON.stringify writes a lone surrogate as an
// escape that is not valid JSON for the native parser.
const TEXTS = ['', 'a', 'ada', 'zoë', 'Ωμέγα', '日本語', '😀 astral', 'tab\there', 'quote"back\\slash', 'line\nbreak', '\u0001\u001f', 'user:42', '__proto__'];
const KEYS = ['actor', 'id', 'b', 'a', 'B', '_', 'é', '😀', 'sticky_to', 'migrated_from', 'x.y', '10', '2', 'constructor'];

function value(rand, depth) {
  const r = rand();
  if (depth > 3 || r < 0.35) return NUMBERS[Math.floor(rand() * NUMBERS.length)];
  if (r < 0.65) return TEXTS[Math.floor(rand() * TEXTS.length)];
  if (r < 0.72) return rand() < 0.5;
  if (r < 0.75) return null;
  if (r < 0.87) return Array.from({ length: Math.floor(rand() * 4) }, () => value(rand, depth + 1));
  return object(rand, depth + 1);
}

function object(rand, depth) {
  const out = {};
  const n = Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    const key = KEYS[Math.floor(rand() * KEYS.length)];
    if (key === '__proto__') continue;
    let v = value(rand, depth);
    // The reserved keys take what a context may hold there.
    if (key === 'sticky_to' && depth === 0) v = typeof v === 'string' && v !== '' ? v : { id: v };
    if (key === 'migrated_from' && depth === 0) v = object(rand, depth + 1);
    out[key] = v;
  }
  return out;
}

it('gives the same key as the native tool for 3,000 generated contexts, in every hashing of contexts', () => {
  const rand = generator(20261203);
  const contexts = Array.from({ length: 3000 }, () => object(rand, 0));
  const definitions = {
    experiments: [
      { name: 'whole', variants: ['control', 'a'] },
      { name: 'picked', variants: ['control', 'a'], context_keys: ['actor', 'é', 'b'] },
      { name: 'glex', variants: ['control', 'a'], hash: 'gitlab' },
    ],
  };
  const cases = contexts.flatMap((context, i) => definitions.experiments.map((e) => ({ name: `${i} ${e.name}`, experiment: e.name, context, expected: {} })));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-encoding-'));
  try {
    const file = path.join(dir, 'generated.json');
    fs.writeFileSync(file, JSON.stringify({ description: 'generated contexts', definitions, secret: 's', cases }));
    const native = new Map(
      execFileSync(nativeCli, ['vectors', '--answers', file], { encoding: 'utf8', maxBuffer: 1 << 28 })
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .map((line) => [line.case, line.answer]),
    );
    init({ definitions, secret: 's', onError: () => {} });
    let compared = 0;
    for (const c of cases) {
      const expected = native.get(c.name);
      const answer = run(c.experiment, c.context);
      // The key, and the variant it buckets to. The runner starts each case
      // afresh while the package's sticky store remembers across them (and
      // copies a variant along migrated_from), so remembered answers are
      // compared by key only.
      expect([c.name, answer.key]).toEqual([c.name, expected.key]);
      if (answer.reason !== 'cached') expect([c.name, answer.variant]).toEqual([c.name, expected.variant]);
      compared++;
    }
    expect(compared).toBe(9000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
