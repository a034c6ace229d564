// $regex and $regexi answer alike natively (RE2) and in the package (re2js
// through the module): the same patterns accepted, the same matches, on a
// corpus with the shapes that make backtracking engines exponential.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { init, run } = require('cohort-ab');
const { nativeCli } = require('./paths');

const patterns = [
  '^user-[0-9]+$',
  '@example\\.com$',
  '^(a+)+$',
  '(a|a)*$',
  '^(a|aa)+$',
  '(x+x+)+y',
  '(\\w+\\s?)*$',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '^\\d{3}-\\d{4}$',
  '[[:alpha:]]+',
  '\\bcat\\b',
  'colou?r',
  '^$',
  '.',
  '(?i)straße',
  'é',
  '[^\\x00-\\x7F]',
  '\\p{Greek}',
  'a{2,5}',
  '^.*$',
  '\\n',
  '(?s)a.b',
  '[a-c]{3}',
  '^(foo|bar|baz){2}$',
  // 81 states by the core's estimate: texts beyond 2^17 / 81 = 1,618 bytes do not match.
  '(.*a){20}',
  // The core refuses this one (5,005 states), RE2 these (back-references, look-around, possessive), on both sides.
  'a{1000}b{1000}c{1000}d{1000}e{1000}',
  // Within the work estimate (one state per class), but RE2 would compile
  // \p{L} 100 times (120,106 program states by the core's estimate): refused on both sides.
  '\\p{L}{1,100}',
  // 1,208 program states: accepted.
  '^\\p{L}+$',
  // RE2 refuses these (back-references, look-around, possessive), on both sides.
  '(a)\\1',
  '(?=x)',
  '(?<!y)z',
  'a++',
];
const inputs = [
  'user-42',
  'ada@example.com',
  'a'.repeat(30) + '!',
  'aaaa',
  'x'.repeat(40),
  'STRASSE straße',
  'Ωμέγα',
  'colour color',
  'the cat sat',
  '',
  'line\nbreak',
  'a\nb',
  'abcabc',
  'foobar',
  'café',
  '555-1234',
  'AbcXyz',
  'a'.repeat(1618),
  'a'.repeat(1619),
];

const experiments = patterns.flatMap((pattern, i) => [
  { name: `r${i}`, variants: ['control', 'in'], weights: [1, 0], segments: [{ variant: 'in', when: { s: { $regex: pattern } } }] },
  { name: `i${i}`, variants: ['control', 'in'], weights: [1, 0], segments: [{ variant: 'in', when: { s: { $regexi: pattern } } }] },
]);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-regex-'));
const file = path.join(dir, 'definitions.json');
fs.writeFileSync(file, JSON.stringify({ experiments }));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it.each(inputs.map((s) => [JSON.stringify(s).slice(0, 40), s]))('for %s every pattern answers as natively', (_label, s) => {
  init({ definitions: { experiments }, onError: () => {} });
  const native = execFileSync(nativeCli, ['resolve', '--definitions', file, '--context', JSON.stringify({ s })], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(native).toHaveLength(experiments.length);
  for (const expected of native) {
    const answer = run(expected.experiment, { s });
    expect([expected.experiment, answer.variant, answer.reason]).toEqual([expected.experiment, expected.variant, expected.reason]);
  }
});

it('refuses the same patterns on both sides', () => {
  const errors = [];
  init({ definitions: { experiments }, onError: (e) => errors.push(e) });
  const refused = [...new Set(errors.filter((e) => e.source === 'definitions').map((e) => Number(e.path.split('/')[2])))];
  // Each refused pattern skips its $regex and its $regexi experiment: the
  // refused ones are the two the core finds too costly and RE2's four.
  const costly = 'a{1000}b{1000}c{1000}d{1000}e{1000}';
  const tooLarge = '\\p{L}{1,100}';
  expect(refused.map((i) => patterns[Math.floor(i / 2)])).toEqual([
    costly,
    costly,
    tooLarge,
    tooLarge,
    '(a)\\1',
    '(a)\\1',
    '(?=x)',
    '(?=x)',
    '(?<!y)z',
    '(?<!y)z',
    'a++',
    'a++',
  ]);
});
