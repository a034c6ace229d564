// Whether a definitions document needs the `$regex` engine: the loaders fetch
// re2js only when it does. Decided on the document's bytes by looking for
// "$regex" (which "$regexi" starts with); a false alarm only loads the engine
// for nothing, a miss would answer a `$regex` condition without one.
const { internal } = require('./paths');

const { usesRegex } = require(internal);
const bytes = (text) => new Uint8Array(Buffer.from(text, 'utf8'));

test('finds $regex and $regexi wherever they are, the last bytes included', () => {
  expect(usesRegex(bytes('{"s":{"$regex":"^a"}}'))).toBe(true);
  expect(usesRegex(bytes('{"s":{"$regexi":"^a"}}'))).toBe(true);
  expect(usesRegex(bytes('$regex'))).toBe(true);
  expect(usesRegex(bytes('xx$regex'))).toBe(true);
  expect(usesRegex(bytes('$$regex'))).toBe(true);
  expect(usesRegex(bytes(`${'{"$eq":1}'.repeat(2000)}{"$regex":"a"}`))).toBe(true);
});

test('other operators, a cut-off name and no $ at all are not $regex', () => {
  expect(usesRegex(bytes(''))).toBe(false);
  expect(usesRegex(bytes('$'))).toBe(false);
  expect(usesRegex(bytes('$rege'))).toBe(false);
  expect(usesRegex(bytes('xx$rege'))).toBe(false);
  expect(usesRegex(bytes('{"a":{"$eq":"regex"},"b":{"$in":["$","regex"]}}'))).toBe(false);
  expect(usesRegex(bytes('{"$Regex":"a","$REGEX":"b"}'))).toBe(false);
  expect(usesRegex(bytes('regex'.repeat(1000)))).toBe(false);
});
