// Every case of tests/vectors/*.json through the WebAssembly engine, compared
// with the expected fields and, whole answer for whole answer, with what the
// native build prints for the same case (`cohort vectors --answers`).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { nativeCli, nodeWasm, vectorsDir } = require('./paths');

const createCohortModule = require(nodeWasm);
const wasm = createCohortModule();

const files = fs.readdirSync(vectorsDir).filter((f) => f.endsWith('.json')).sort();

function timestamp(value) {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : Date.parse(value);
}

// Runs one case the way native/vectors/vector_runner.cpp does: a fresh
// engine per case, then stubs, published data and sticky entries.
function runCase(vector, c) {
  const engine = new wasm.Engine();
  const report = JSON.parse(engine.load(JSON.stringify(vector.definitions), vector.secret ?? '', 10000, 0));
  expect(report.errors).toEqual([]);
  const now = timestamp(vector.now);
  for (const [name, variant] of Object.entries(c.stubs ?? {})) engine.stub(name, variant);
  for (const [name, data] of Object.entries(c.published ?? {})) engine.publish(name, data.variant ?? '', data.key ?? '');
  for (const entry of c.sticky ?? []) {
    expect(JSON.parse(engine.remember(c.experiment, JSON.stringify(entry.context ?? {}), entry.variant ?? 'control', now))).toEqual([]);
  }
  const text = engine.resolve(c.experiment, JSON.stringify(c.context ?? {}), now);
  engine.delete();
  return text;
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
    const text = runCase(vector, c);
    const answer = JSON.parse(text);
    expect(answer).toMatchObject(c.expected);
    // Bit for bit: the same JSON text, field order included.
    expect(text).toBe(JSON.stringify(native.get(c.name)));
  });
});

it('covers every case of every vector file', () => {
  const total = files.reduce((n, f) => n + JSON.parse(fs.readFileSync(path.join(vectorsDir, f), 'utf8')).cases.length, 0);
  expect(total).toBeGreaterThanOrEqual(83);
});
