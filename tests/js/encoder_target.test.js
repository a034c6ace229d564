// The encoder writes an answer's context straight into the engine's input
// buffer (Encoder.into, WasmEngine.target). A value that does not fit moves
// to the encoder's own buffer part-way through; either way the bytes must
// be the ones an untargeted write gives, and nothing past the room given
// may be touched. The keys of contexts larger than the input buffer are
// checked against the native tool, which never sees the package's encoder.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { init, run } = require('cohort-ab');
const { internal, nativeCli } = require('./paths');

const { Encoder } = require(internal);

// Contexts whose writes move at every kind of position: inside a long
// string, inside nested objects and arrays, just before a member that is
// left out (undefined), after a toJSON.
const long = 'x'.repeat(5000);
const contexts = [
  {},
  { id: 'user-1', country: 'US' },
  { a: long },
  { before: 1, a: long, after: { deep: [long, { b: long }] } },
  { nested: { gone: undefined, more: [1, 'é😀', null, true] }, big: long, then: undefined, last: 'z' },
  { when: new Date(0), list: Array.from({ length: 300 }, (_, i) => ({ i, s: `v${i}` })), tail: undefined },
  { n: [0, -0, 1e21, 0.1, 5e-324], s: long.slice(0, 90) },
];

function plain(value) {
  const e = new Encoder();
  expect(e.encode(value)).toBe(true);
  return Buffer.from(e.written());
}

describe('an encoder targeted at memory that is not its own', () => {
  for (const [i, context] of contexts.entries()) {
    it(`writes context ${i} as an untargeted write does, and nothing past its room`, () => {
      for (const room of [0, 9, 64, 100, 6000, 50_000]) {
        const memory = new Uint8Array(room + 200).fill(0xa5);
        const e = new Encoder();
        e.into(memory, new DataView(memory.buffer), 100, room);
        expect(e.encode(context)).toBe(true);
        expect(Buffer.from(e.written()).equals(plain(context))).toBe(true);
        expect(e.length).toBe(plain(context).length);
        // Outside [100, 100 + room): untouched.
        expect(memory.subarray(0, 100).every((b) => b === 0xa5)).toBe(true);
        expect(memory.subarray(100 + room).every((b) => b === 0xa5)).toBe(true);
        // The next write, not targeted, is the encoder's own again.
        e.encode({ k: 1 });
        expect(e.written().buffer).not.toBe(memory.buffer);
        expect(Buffer.from(e.written()).equals(plain({ k: 1 }))).toBe(true);
      }
    });
  }
});

it('gives contexts larger than the input buffer the keys the native tool gives them', () => {
  const definitions = { experiments: [{ name: 'whole', variants: ['control', 'a'] }] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cohort-target-'));
  try {
    const file = path.join(dir, 'definitions.json');
    fs.writeFileSync(file, JSON.stringify(definitions));
    init({ definitions, storage: null, onError: () => {} });
    for (const [i, context] of contexts.slice(1).entries()) {
      const json = JSON.stringify(context);
      const native = JSON.parse(execFileSync(nativeCli, ['resolve', '--definitions', file, '--context', json, '--experiment', 'whole'], { encoding: 'utf8' }));
      // Alternating with a small context, so each big one follows a write in place.
      expect(run('whole', { id: `small-${i}` }).reason).toBe('split');
      expect(run('whole', context).key).toBe(native.key);
      expect(run('whole', JSON.parse(json)).key).toBe(native.key);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    init({ definitions: { experiments: [] } });
  }
});
