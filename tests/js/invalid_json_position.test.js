// Invalid JSON text given as definitions is placed as the native tool places
// it (SPEC §8, "errors that help"): "at byte B (line L, column C)". The
// expected positions come from the native tool itself, run on each text.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { init } = require('cohort-ab');
const { internal, nativeCli } = require('./paths');

const { jsonErrorIndex } = require(internal);
const where = /at byte \d+ \(line \d+, column \d+\)/;

function nativePosition(text) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-json-'));
  const file = path.join(dir, 'definitions.json');
  fs.writeFileSync(file, text);
  try {
    execFileSync(nativeCli, ['resolve', '--definitions', file, '--context', '{}'], { stdio: 'pipe' });
    return null;
  } catch (e) {
    return (String(e.stderr).match(where) || [null])[0];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function packagePosition(text) {
  const errors = [];
  init({ definitions: text, onError: (e) => errors.push(e) });
  init({ definitions: { experiments: [] } });
  const message = errors.find((e) => e.source === 'definitions')?.message ?? '';
  return (message.match(where) || [null])[0];
}

const corpus = [
  '{"experiments": [',
  '{"experiments": []} x',
  '{"experiments": [1 2]}',
  '{"a": tru}',
  '{"a": "x\u00e9\ny",}',
  '[1,2,]',
  '{"a":1e}',
  '{"a":-}',
  '{"a":01}',
  '{"a":1.}',
  '{"a":"\\x"}',
  '{"a":"\\u12g4"}',
  '{"a" 1}',
  '{"a":1,,"b":2}',
  '{"é": [01]}',
  '{"\u{1F600}": nul}',
  '\n\n  {"experiments":\n    [{"name": "a"}\n    {"name": "b"}]}',
  '{"a": "tab\there"}',
  '{a: 1}',
  "{'a': 1}",
  '',
  '   ',
  '{}}',
  '[[[[[[',
  '{"a": [1, {"b": [true, false, null, ]}]}',
];

it.each(corpus.map((text) => [JSON.stringify(text).slice(0, 60), text]))('places %s where the native tool does', (_, text) => {
  const expected = nativePosition(text);
  expect(expected).not.toBeNull();
  expect(packagePosition(text)).toBe(expected);
});

it('finds the place in a document nested 100,000 levels deep without exhausting the stack', () => {
  const text = '['.repeat(100_000) + '}';
  expect(jsonErrorIndex(text)).toBe(100_000);
  expect(packagePosition(text)).toBe('at byte 100001 (line 1, column 100001)');
});

it('calls every document JSON.stringify writes valid', () => {
  const values = [0, -0.5, 1e21, 'a"\\\n\u0001', [], {}, [[{}], { a: [null, true, false] }], { é: '\u{1F600}', n: -12.5e-7 }];
  for (const value of values) {
    expect(jsonErrorIndex(JSON.stringify(value))).toBe(-1);
    expect(jsonErrorIndex(JSON.stringify(value, null, 2))).toBe(-1);
  }
});
