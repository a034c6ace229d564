// Every case of tests/vectors/*.json twice, compared with the expected fields
// and, whole answer for whole answer, with what the native build prints
// (`cohort vectors --answers`):
//  - through the package's public API (init, stubExperiments, run), so its
//    own steps 1-2 (stubs, pushed data) are held to the same expectations as
//    resolver.cpp; the cases that seed the sticky store are left to the
//    second way, since no public call writes a chosen sticky entry;
//  - through the WebAssembly engine's test build, which sets stubs, pushed
//    data and sticky entries in the core itself.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { nativeCli, vectorsDir } = require('./paths');

const { testEngine, encoded } = require('./test_engine');
const { init, run } = require('cohort-ab');
const { restoreExperiments, stubExperiments } = require('cohort-ab/testing');

const files = fs
  .readdirSync(vectorsDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function timestamp(value) {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : Date.parse(value);
}

// Runs one case the way native/vectors/vector_runner.cpp does: a fresh
// engine per case, then stubs, published data and sticky entries, then the
// context written by the package's own encoder.
function runCase(vector, c) {
  const engine = testEngine();
  const report = engine.load(encoded(vector.definitions), vector.secret ?? '', 10000, 0);
  expect(report.errors).toEqual([]);
  const index = report.experiments.findIndex((e) => e.name === c.experiment);
  const now = timestamp(vector.now);
  for (const [name, variant] of Object.entries(c.stubs ?? {})) engine.test('stub')(...engine.testWrite([name, variant]));
  for (const [name, data] of Object.entries(c.published ?? {})) {
    engine.test('publish')(...engine.testWrite([name, data.variant ?? '', data.key ?? '']));
  }
  for (const entry of c.sticky ?? []) {
    const [contextLength, variantLength] = engine.testWrite([encoded(entry.context ?? {}), entry.variant ?? 'control']);
    expect(engine.testEnvelope(engine.test('remember')(index, contextLength, variantLength, now))).toEqual([]);
  }
  return engine.resolve(index, c.experiment, encoded(c.context ?? {}), now);
}

// One case through the public API: a fresh document per case (which also
// empties the sticky store), the vector's secret and clock, the case's
// pushed data and stubs, then run() with its context.
function runPublic(vector, c) {
  restoreExperiments();
  const errors = [];
  const published = Object.fromEntries(Object.entries(c.published ?? {}).map(([name, data]) => [name, { experiment: name, ...data }]));
  init({
    definitions: vector.definitions,
    secret: vector.secret ?? '',
    now: () => timestamp(vector.now),
    published,
    storage: null,
    onError: (e) => errors.push(e),
  });
  if (c.stubs) stubExperiments(c.stubs);
  const answer = run(c.experiment, c.context ?? {});
  // Warnings about the document are the vector's own (deliberately bad
  // enrollment bounds); a refused context is reported exactly when the
  // answer is an error.
  expect(errors.filter((e) => e.source === 'definitions' && !e.message.startsWith('warning:'))).toEqual([]);
  expect(errors.some((e) => e.source === 'context')).toBe(answer.reason === 'error');
  return answer;
}

describe.each(files)('%s', (file) => {
  const vector = JSON.parse(fs.readFileSync(path.join(vectorsDir, file), 'utf8'));
  const native = new Map(
    execFileSync(nativeCli, ['vectors', '--answers', path.join(vectorsDir, file)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((line) => [line.case, line.answer]),
  );

  const viaApi = vector.cases.filter((c) => c.sticky === undefined);
  it.each(viaApi.map((c) => [c.name, c]))('public API: %s', (_name, c) => {
    const answer = runPublic(vector, c);
    expect(answer).toMatchObject(c.expected);
    expect(JSON.stringify(answer)).toBe(JSON.stringify(native.get(c.name)));
  });

  it.each(vector.cases.map((c) => [c.name, c]))('engine: %s', (_name, c) => {
    const answer = runCase(vector, c);
    expect(answer).toMatchObject(c.expected);
    // Bit for bit: the same JSON text, field order included.
    expect(JSON.stringify(answer)).toBe(JSON.stringify(native.get(c.name)));
  });
});

it('covers every case of every vector file, all but the sticky-store set-ups through the public API', () => {
  const cases = files.flatMap((f) => JSON.parse(fs.readFileSync(path.join(vectorsDir, f), 'utf8')).cases);
  expect(cases.length).toBeGreaterThanOrEqual(83);
  expect(cases.filter((c) => c.sticky !== undefined)).toHaveLength(3);
});
