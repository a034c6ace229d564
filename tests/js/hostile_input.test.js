// Hostile pushed data, stubs, contexts and definitions (SPEC §8): the answer
// is control (or the data is skipped), onError names what was wrong and
// where, nothing throws into rendering code, and no prototype is polluted.
const { getAllExperimentContexts, getExperimentData, getExperimentVariant, init, run, setContext } = require('cohort-ab');
const { stubExperiments } = require('cohort-ab/testing');

let errors;
beforeEach(() => {
  errors = [];
  init({ onError: (e) => errors.push(e), definitions: { experiments: [] }, context: {}, published: {} });
});
afterEach(() => {
  delete window.gl;
  delete window.gon;
  expect({}.polluted).toBeUndefined();
  expect(Object.prototype.variant).toBeUndefined();
});

describe('pushed data', () => {
  it.each([
    ['a string entry', 'candidate', 'expected an object'],
    ['an array', ['candidate'], 'expected an object'],
    ['a missing variant', { experiment: 'abc', key: 'k' }, 'variant: expected a string'],
    ['a numeric variant', { experiment: 'abc', variant: 7 }, 'variant: expected a string'],
    ['a variant of 100 kB', { experiment: 'abc', variant: 'x'.repeat(100_000) }, 'a string of 100000 characters'],
    ['another experiment name', { experiment: 'other', variant: 'candidate' }, 'experiment: expected "abc"'],
  ])('%s: no data, control, and one report', (_what, entry, message) => {
    window.gl = { experiments: { abc: entry } };
    expect(getExperimentData('abc')).toBeUndefined();
    expect(getExperimentVariant('abc')).toBe('control');
    expect(getExperimentVariant('abc')).toBe('control');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: 'published', path: 'abc' });
    expect(errors[0].message).toContain(message);
  });

  it('takes a null entry for no entry', () => {
    window.gl = { experiments: { abc: null } };
    expect(getExperimentData('abc')).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('never reads inherited properties: __proto__, constructor, toString', () => {
    window.gl = { experiments: JSON.parse('{"__proto__": {"variant": "candidate", "polluted": true}}') };
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(() => getExperimentData(name)).not.toThrow();
    }
    expect(getExperimentData('constructor')).toBeUndefined();
    expect(getExperimentData('toString')).toBeUndefined();
    expect({}.polluted).toBeUndefined();
  });

  it('survives window.gl.experiments that is not an object, or throws when read', () => {
    for (const experiments of ['x', 42, null, true, []]) {
      window.gl = { experiments };
      expect(getExperimentData('abc')).toBeUndefined();
      expect(getAllExperimentContexts()).toEqual([]);
    }
    window.gl = {};
    Object.defineProperty(window.gl, 'experiments', {
      get() {
        throw new Error('hostile getter');
      },
    });
    expect(getExperimentData('abc')).toBeUndefined();
    expect(getAllExperimentContexts()).toEqual([]);
    window.gl = {
      experiments: new Proxy(
        {},
        {
          ownKeys() {
            throw new Error('trap');
          },
          getOwnPropertyDescriptor() {
            throw new Error('trap');
          },
        },
      ),
    };
    expect(getExperimentData('abc')).toBeUndefined();
    expect(getAllExperimentContexts()).toEqual([]);
  });

  it('bounds a huge payload: 100,000 entries, only the first 1,000 listed', () => {
    const experiments = {};
    for (let i = 0; i < 100_000; i += 1) experiments[`e${i}`] = { experiment: `e${i}`, variant: 'candidate' };
    window.gl = { experiments };
    expect(getExperimentData('e99999')).toEqual({ experiment: 'e99999', variant: 'candidate' });
    expect(getAllExperimentContexts()).toHaveLength(1000);
  });
});

describe('stubs', () => {
  // Nothing may reach the console: test set-ups such as GitLab's fail a test on it.
  const consoleCalls = [];
  beforeEach(() => {
    consoleCalls.length = 0;
    for (const method of ['log', 'info', 'warn', 'error', 'debug']) {
      jest.spyOn(console, method).mockImplementation((...args) => consoleCalls.push([method, ...args]));
    }
  });
  afterEach(() => {
    jest.restoreAllMocks();
    expect(consoleCalls).toEqual([]);
  });

  it('reports a bad entry to onError only, and accepts undefined as GitLab does', () => {
    expect(() => stubExperiments({ undefined: undefined })).not.toThrow();
    expect(errors).toEqual([{ source: 'stubs', path: 'undefined', message: expect.stringContaining('expected a variant name') }]);
    expect(getExperimentData('undefined')).toBeUndefined();
  });

  it('writes nothing anywhere when no onError is set', () => {
    init({ onError: null });
    expect(() => stubExperiments({ a: 5 })).not.toThrow();
    window.gl = { experiments: { abc: 'candidate' } };
    expect(getExperimentData('abc')).toBeUndefined();
    init({ onError: (e) => errors.push(e) });
  });

  it.each([
    ['a string', 'candidate'],
    ['null', null],
    ['an array', ['a']],
  ])('%s instead of an object is reported, not thrown', (_what, stubs) => {
    expect(stubExperiments(stubs)).toEqual([expect.objectContaining({ path: '', message: expect.stringContaining('expected an object') })]);
    expect(getExperimentData('a')).toBeUndefined();
  });

  it('skips bad entries and keeps the good ones', () => {
    const problems = stubExperiments({ good: 'candidate', number: 5, empty: '', nested: { variant: 'x' } });
    expect(problems.map((p) => p.path)).toEqual(['number', 'empty', 'nested']);
    expect(getExperimentData('good')).toEqual({ experiment: 'good', variant: 'candidate' });
    expect(getExperimentData('number')).toBeUndefined();
  });

  it('treats a __proto__ key as a name, never as a prototype', () => {
    stubExperiments(JSON.parse('{"__proto__": "candidate"}'));
    expect(getExperimentData('__proto__')).toEqual({ experiment: '__proto__', variant: 'candidate' });
    expect({}.variant).toBeUndefined();
  });
});

describe('contexts and definitions', () => {
  const definitions = { experiments: [{ name: 'e', variants: ['control', 'a'], weights: [0, 1] }] };

  it('a context that cannot be written as JSON gives control with reason error', () => {
    init({ definitions });
    const cyclic = { id: 1 };
    cyclic.self = cyclic;
    expect(() => setContext(cyclic)).not.toThrow();
    expect(run('e')).toMatchObject({ variant: 'control', reason: 'error' });
    expect(errors.at(-1)).toMatchObject({ source: 'context' });
    setContext({ id: 1 });
    expect(run('e')).toMatchObject({ variant: 'a', reason: 'split' });
  });

  it('a context over the size limit gives control with reason error', () => {
    init({ definitions });
    setContext({ blob: 'x'.repeat(200_000) });
    expect(run('e')).toMatchObject({ variant: 'control', reason: 'error' });
    expect(errors.at(-1).message).toContain('limit');
  });

  it('a definitions document over 16 MiB is refused before it reaches the module, whose memory does not grow', () => {
    const memory = () => globalThis[Symbol.for('cohort.state.v1')].runtime.wasmEngine().exports.memory.buffer.byteLength;
    init({ definitions });
    const before = memory();
    const big = { experiments: definitions.experiments, padding: 'x'.repeat(17 * 1024 * 1024) };
    for (const given of [big, JSON.stringify(big)]) {
      errors.length = 0;
      init({ definitions: given });
      expect(errors).toEqual([{ source: 'definitions', path: '', message: expect.stringMatching(/ bytes encoded; the limit is 16777216$/) }]);
      expect(memory()).toBe(before);
    }
    init({ definitions });
    setContext({ id: 1 });
    expect(run('e')).toMatchObject({ variant: 'a', reason: 'split' });
  });

  it('a number no double can hold is reported with its path, not an abort of the module', () => {
    // JSON.parse reads 1e309 as Infinity, which the package refuses in definitions.
    init({ definitions: '{"experiments": [{"name": "e", "variants": ["control", "a"], "percentage": 1e309}]}' });
    expect(errors.at(-1)).toMatchObject({ source: 'definitions', path: '/experiments/0/percentage' });
    expect(errors.at(-1).message).toContain('Infinity does not fit a double');
    init({ definitions: { experiments: [{ name: 'e', variants: ['control', 'a'], weights: [1, Number.NaN] }] } });
    expect(errors.at(-1)).toMatchObject({ source: 'definitions', path: '/experiments/0/weights/1' });
    expect(run('e')).toMatchObject({ variant: 'control' });
    // The module still works afterwards.
    init({ definitions });
    setContext({ id: 1 });
    expect(run('e')).toMatchObject({ variant: 'a', reason: 'split' });
  });

  it('invalid definitions text is reported with what the JSON parser found', () => {
    init({ definitions: '{"experiments": [}' });
    expect(errors.at(-1)).toMatchObject({ source: 'definitions', path: '' });
    // Where, as the native tool says it ('}' is the 18th byte), and what.
    expect(errors.at(-1).message).toMatch(/^invalid JSON at byte 18 \(line 1, column 18\): .*'\}'/);
  });

  it('a context the core rejects gives control with the core path', () => {
    init({ definitions });
    expect(run('e', [1, 2, 3])).toMatchObject({ variant: 'control', reason: 'error' });
    expect(run('e', { sticky_to: 5, id: 1 })).toMatchObject({ reason: 'split' });
  });

  it('a bad definition is skipped with its path and the others load', () => {
    init({
      definitions: {
        experiments: [
          { name: 'bad', weights: ['x', 1] },
          { name: 'good', variants: ['control', 'a'], weights: [0, 1] },
        ],
      },
      context: { id: 1 },
    });
    expect(errors).toEqual([expect.objectContaining({ source: 'definitions', path: '/experiments/0/weights/0' })]);
    // SPEC §8: a skipped experiment answers control with reason error, as the CLI does.
    expect(run('bad')).toMatchObject({ variant: 'control', reason: 'error', error: expect.stringContaining('/experiments/0/weights/0') });
    expect(run('good')).toMatchObject({ variant: 'a' });
  });

  it('definitions that are not JSON are reported, and nothing is defined', () => {
    init({ definitions: '{"experiments": [', context: { id: 1 } });
    expect(errors[0]).toMatchObject({ source: 'definitions', message: expect.stringContaining('invalid JSON') });
    expect(run('good')).toMatchObject({ reason: 'unknown' });
  });

  it('patterns that make a backtracking engine exponential run in linear time, with RE2 answers', () => {
    // A backtracking engine takes seconds (then hours) on these inputs; RE2
    // (re2js in the package, RE2 natively) answers at once. Without a match
    // the context is in the split (variant a); with one it is excluded.
    const hostile = [
      ['^(a+)+$', `${'a'.repeat(40)}!`, false],
      ['(a|a)*$', `${'a'.repeat(28)}!`, true],
      ['^(a|aa)+$', `${'a'.repeat(5000)}b`, false],
      ['(x+x+)+y', 'x'.repeat(5000), false],
    ];
    for (const [pattern, email, matches] of hostile) {
      init({
        definitions: { experiments: [{ name: 'redos', variants: ['control', 'a'], weights: [0, 1], exclude: [{ email: { $regex: pattern } }] }] },
        context: { email },
      });
      expect(run('redos')).toMatchObject(matches ? { reason: 'excluded' } : { reason: 'split', variant: 'a' });
    }
    expect(errors).toEqual([]);
  });

  it('patterns RE2 does not accept (back-references, look-around) are reported and skip the experiment', () => {
    for (const pattern of ['(a)\\1', '(?=x)a', '(?<!x)a']) {
      errors.length = 0;
      init({ definitions: { experiments: [{ name: 'r', variants: ['control', 'a'], exclude: [{ email: { $regex: pattern } }] }] } });
      expect(errors[0]).toMatchObject({ source: 'definitions', path: '/experiments/0/exclude/0/email/$regex' });
      expect(errors[0].message).toContain('RE2 syntax');
      expect(run('r')).toMatchObject({ variant: 'control', reason: 'error' });
    }
  });

  it('bad experiment names and options never throw', () => {
    expect(run(undefined)).toMatchObject({ reason: 'error' });
    expect(run({})).toMatchObject({ reason: 'error' });
    expect(getExperimentData(null)).toBeUndefined();
    expect(() => init(null)).not.toThrow();
    expect(() => init({ trackers: ['not a function'] })).not.toThrow();
  });
});

describe('code of the caller that throws', () => {
  const definitions = { experiments: [{ name: 'e', variants: ['control', 'a'], weights: [0, 1] }] };
  const hostileCourse = () =>
    Object.defineProperty({ id: 1 }, 'course', {
      enumerable: false,
      get() {
        throw new Error('no course');
      },
    });

  it('a context whose course getter throws still gets its answer', () => {
    init({ definitions });
    let answer;
    expect(() => (answer = run('e', hostileCourse()))).not.toThrow();
    expect(answer).toMatchObject({ variant: 'a', reason: 'split' });
    expect(() => setContext(hostileCourse())).not.toThrow();
    expect(run('e')).toMatchObject({ variant: 'a' });
  });

  it.each([
    ['Object.create(null)', () => Object.create(null)],
    [
      'an object whose toString throws',
      () => ({
        toString: () => {
          throw new Error('no');
        },
      }),
    ],
  ])('a tracker or storage throwing %s is reported, not rethrown', (_what, value) => {
    const storage = {
      getItem: () => null,
      setItem: () => {
        throw value();
      },
    };
    init({
      definitions,
      context: { id: 2 },
      storage,
      trackers: () => {
        throw value();
      },
    });
    expect(() => run('e')).not.toThrow();
    expect(() => getExperimentData('e')).not.toThrow();
    expect(errors.map((e) => e.source)).toEqual(expect.arrayContaining(['storage', 'tracker']));
    init({ trackers: [], storage: null });
  });

  it("a handler of experiment() that throws is reported once, and control's handler answers", () => {
    const { experiment } = require('cohort-ab');
    init({ definitions, context: { id: 3 } }); // weights [0, 1]: every key gets 'a'
    const handlers = {
      use: () => 'control view',
      a: () => {
        throw Object.create(null);
      },
    };
    let shown;
    expect(() => (shown = experiment('e', handlers))).not.toThrow();
    expect(shown).toBe('control view');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: 'handler', path: 'e' });
    expect(errors[0].message).toContain('the handler of variant "a" threw');
    const broken = () => {
      throw new Error('broken view');
    };
    expect(experiment('e', { use: broken, a: broken })).toBeUndefined();
    expect(errors.slice(1).map((e) => e.message)).toEqual([
      'the handler of variant "a" threw: broken view',
      'the handler of variant "control" threw: broken view',
    ]);
  });
});

describe('definitions given as a fetch Response', () => {
  const document = { experiments: [{ name: 'e', variants: ['control', 'a'], weights: [0, 1] }] };
  // What fetch(url) resolves to, as far as the package looks at it.
  const response = (status, body) => ({
    ok: status >= 200 && status < 300,
    status,
    statusText: status === 200 ? 'OK' : 'Not Found',
    url: 'https://example.test/definitions.json',
    json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
  });

  it('reads the JSON body of a Response, or of a promise of one', async () => {
    await init({ definitions: response(200, document), context: { id: 1 } });
    expect(run('e')).toMatchObject({ variant: 'a', reason: 'split' });
    await init({ definitions: Promise.resolve(response(200, document)), context: { id: 1 } });
    expect(run('e')).toMatchObject({ variant: 'a', reason: 'split' });
    expect(errors).toEqual([]);
  });

  it('reports a failed request with its status and URL, and a body that is not JSON', async () => {
    await init({ definitions: response(404, ''), context: { id: 1 } }).catch(() => undefined);
    expect(errors.at(-1)).toMatchObject({ source: 'definitions' });
    expect(errors.at(-1).message).toContain('404 Not Found for https://example.test/definitions.json');
    await init({ definitions: response(200, '<!doctype html>'), context: { id: 1 } }).catch(() => undefined);
    expect(errors.at(-1).message).toContain('not JSON');
    expect(run('e')).toMatchObject({ variant: 'control' });
  });
});

describe('the engine file (init({ wasm }))', () => {
  const fs = require('node:fs');
  const wasmFile = require('node:path').join(require('./paths').root, 'js', 'dist', 'wasm', 'cohort.wasm');
  const document = { experiments: [{ name: 'e', variants: ['control', 'a'], weights: [0, 1] }] };

  it('loads from a compiled module or a path, answers from it, and reports a missing file once', () => {
    init({ wasm: new WebAssembly.Module(fs.readFileSync(wasmFile)), definitions: document, context: { id: 1 } });
    expect(run('e')).toMatchObject({ variant: 'a', reason: 'split' });
    init({ wasm: wasmFile });
    expect(run('e')).toMatchObject({ variant: 'a', reason: 'split' });
    expect(errors).toEqual([]);
    init({ wasm: `${wasmFile}.missing` });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: 'engine' });
    expect(errors[0].message).toContain('cohort.wasm.missing');
    // The engine that loaded keeps answering (from its sticky store now).
    expect(run('e')).toMatchObject({ variant: 'a', reason: 'cached' });
  });
});

describe('options, stubs and handlers behind throwing Proxies', () => {
  const { createEngine, experiment } = require('cohort-ab');
  const { stubExperiments } = require('cohort-ab/testing');
  const trap = () => {
    throw new Error('trap');
  };
  const hostile = () => new Proxy({}, { get: trap, ownKeys: trap, has: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap });

  it('never throw, and say what could not be read', () => {
    expect(() => init(hostile())).not.toThrow();
    expect(errors.some((e) => e.message.includes('could not be read'))).toBe(true);
    expect(() => init({ sticky: hostile(), onError: (e) => errors.push(e) })).not.toThrow();
    expect(() => stubExperiments(hostile())).not.toThrow();
    expect(errors.some((e) => e.source === 'stubs')).toBe(true);
    expect(experiment('x', hostile())).toBeUndefined();
    expect(() => createEngine(hostile())).not.toThrow();
    expect(run('x', hostile())).toMatchObject({ variant: 'control', reason: 'error' });
  });
});
