// Every case of tests/vectors/*.json through the WebAssembly engine (its test
// build, for the stubs, pushed data and sticky entries some cases set up in
// the core), compared with the expected fields and, whole answer for whole
// answer, with what the native build prints (`cohort vectors --answers`).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { nativeCli, vectorsDir } = require('./paths');

const { testEngine, encoded } = require('./test_engine');

const files = fs.readdirSync(vectorsDir).filter((f) => f.endsWith('.json')).sort();

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

describe.each(files)('%s', (file) => {
  const vector = JSON.parse(fs.readFileSync(path.join(vectorsDir, file), 'utf8'));
  const native = new Map(
    execFileSync(nativeCli, ['vectors', '--answers', path.join(vectorsDir, file)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((line) => [line.case, line.answer]),
  );

  it.each(vector.cases.map((c) => [c.name, c]))('%s', (_name, c) => {
    const answer = runCase(vector, c);
    expect(answer).toMatchObject(c.expected);
    // Bit for bit: the same JSON text, field order included.
    expect(JSON.stringify(answer)).toBe(JSON.stringify(native.get(c.name)));
  });
});

it('covers every case of every vector file', () => {
  const total = files.reduce((n, f) => n + JSON.parse(fs.readFileSync(path.join(vectorsDir, f), 'utf8')).cases.length, 0);
  expect(total).toBeGreaterThanOrEqual(83);
});
