// The JSON Schema the package ships for definitions documents accepts every
// document of the shared vectors and the example, and refuses the mistakes
// the loader reports (a misspelt field, a wrong type, a bad enum value).
const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020').default;
const { root, vectorsDir, exampleDefinitions } = require('./paths');

const schema = JSON.parse(fs.readFileSync(path.join(root, 'js', 'schema', 'definitions.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const documents = [
  ...fs
    .readdirSync(vectorsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(fs.readFileSync(path.join(vectorsDir, f), 'utf8')).definitions]),
  ['native/examples/definitions.json', JSON.parse(fs.readFileSync(exampleDefinitions, 'utf8'))],
];

it.each(documents)('accepts %s', (_name, document) => {
  expect(validate(document) ? [] : validate.errors).toEqual([]);
});

it.each([
  ['a misspelt field', { experiments: [{ name: 'e', variant: ['control', 'a'] }] }],
  ['a wrong type', { experiments: [{ name: 'e', percentage: '50' }] }],
  ['an unknown hash mode', { experiments: [{ name: 'e', hash: 'md5' }] }],
  ['a document without experiments', { experiment: [] }],
  ['a segment without a condition', { experiments: [{ name: 'e', segments: [{ variant: 'a' }] }] }],
])('refuses %s', (_what, document) => {
  expect(validate(document)).toBe(false);
});

it('ships in the package and is exported', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'js', 'package.json'), 'utf8'));
  expect(pkg.files).toContain('schema');
  expect(pkg.exports['./schema/definitions.schema.json']).toBe('./schema/definitions.schema.json');
});
