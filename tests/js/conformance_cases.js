// GrowthBook's conformance cases through the WebAssembly build: conditions
// through the engine's segments, the bucketing primitives directly. Loaded by
// conformance.test.js only when the cases file is present.
const fs = require('node:fs');
const { conformanceFile } = require('./paths');
const { testEngine, encoded } = require('./test_engine');

const wasm = testEngine();
const NONE = 0xffffffff;
/** Calls test export `name` with `texts` written to the input buffer, then `numbers`. */
const call = (name, texts, ...numbers) => wasm.test(name)(...wasm.testWrite(texts), ...numbers);
const cases = JSON.parse(fs.readFileSync(conformanceFile, 'utf8'));

// GrowthBook compares these sections to 8 decimals.
const round = (x) => Math.round(x * 1e8) / 1e8;

describe('evalCondition', () => {
  it('has every case', () => expect(cases.evalCondition).toHaveLength(248));
  it.each(cases.evalCondition.map((c, i) => [i, c[0], c]))('%i %s', (_i, _name, [, condition, attributes, expected, groups]) => {
    const result = call('eval_condition', [JSON.stringify(condition), JSON.stringify(attributes), JSON.stringify(groups ?? {})]);
    expect(result).toBe(expected ? 1 : 0);
  });

  // The same conditions as segments of a loaded experiment, as pages use
  // them. Loading is stricter than evalCondition in one way: an unknown
  // saved group is reported and skips the experiment (core/README.md).
  const engine = testEngine();
  it.each(cases.evalCondition.map((c, i) => [i, c[0], c]))('%i %s, as a segment', (_i, _name, [, condition, attributes, expected, groups]) => {
    const definitions = {
      experiments: [{ name: 'c', variants: ['control', 'in'], weights: [0, 1], segments: [{ variant: 'in', when: condition }] }],
      saved_groups: groups ?? {},
    };
    const report = engine.load(encoded(definitions), '', 10, 0);
    const answer = engine.resolve(report.experiments.length > 0 ? 0 : -1, 'c', encoded(attributes), 0);
    if (report.errors.some((e) => e.message.startsWith('unknown saved group'))) {
      expect(answer.reason).toBe('unknown');
    } else {
      expect(answer.reason === 'segment').toBe(expected);
    }
  });
});

describe('bucketing', () => {
  it.each(cases.hash.map((c) => [c[0], c[1], c[2], c[3]]))('hash(%j, %j, %j) = %j', (seed, value, version, expected) => {
    const actual = call('hash', [seed, value], version);
    if (expected === null) expect(actual).toBeNaN();
    else expect(round(actual)).toBe(round(expected));
  });

  it.each(cases.getBucketRange)('getBucketRange %s', (_name, [n, coverage, weights], expected) => {
    const actual = JSON.parse(
      wasm.testText(wasm.test('bucket_ranges')(n, coverage, weights === undefined ? NONE : wasm.testWrite([JSON.stringify(weights)])[0])),
    );
    expect(actual.map((r) => r.map(round))).toEqual(expected.map((r) => r.map(round)));
  });

  it.each(cases.chooseVariation)('chooseVariation %s', (_name, n, ranges, expected) => {
    expect(wasm.test('choose_variation')(n, wasm.testWrite([JSON.stringify(ranges)])[0])).toBe(expected);
  });

  it.each(cases.getEqualWeights)('getEqualWeights(%j)', (n, expected) => {
    expect(JSON.parse(wasm.testText(wasm.test('equal_weights')(n))).map(round)).toEqual(expected.map(round));
  });

  it.each(cases.inNamespace)('inNamespace %s', (_name, id, [ns, start, end], expected) => {
    expect(call('in_namespace', [id, ns], start, end) === 1).toBe(expected);
  });

  it('runs every case of each section', () => {
    expect([cases.hash, cases.getBucketRange, cases.chooseVariation, cases.getEqualWeights, cases.inNamespace].map((s) => s.length)).toEqual([
      15, 13, 13, 6, 16,
    ]);
  });
});
