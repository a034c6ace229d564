#!/usr/bin/env node
// Performance and size benchmark of the `cohort` package against its targets.
//
//   node js/bench/bench.mjs          (after `make js`)
//
// Prints ONE table: `measure | cohort | reference | target | met?`, then a
// summary line. Always exits 0 (benchmarks never fail the build), except 2
// when dist/ is missing.
//
// No dependencies: a plain timing loop on process.hrtime.bigint (warm-up and
// calibration, then several rounds; the median time per call is reported).
// The reference SDK is the devDependency @growthbook/growthbook.
//
// Sections:
//   1. run() per call: fresh contexts, repeated contexts, the current context,
//      against GrowthBook on an equivalent inline experiment (target: ≥ 3× faster).
//   2. getExperimentData(name) on pushed data against a plain object property read (target: within 3×).
//   3. Sizes of what a browser downloads: wasm + JS API + the element, gzip -9 (target ≤ 45 KB).
//   4. import + instantiate + 100 definitions in a fresh Node process (target ≤ 10 ms).
//   5. Memory over 1,000,000 answers for fresh contexts (target: flat), each
//      in a fresh child process so earlier sections do not disturb it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import v8 from 'node:v8';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const dist = join(pkg, 'dist');
const files = {
  nodeApi: join(dist, 'node', 'index.js'),
  browserApi: join(dist, 'browser', 'index.js'),
  wasm: join(dist, 'wasm', 'cohort.wasm'),
};
const nodeApiUrl = pathToFileURL(files.nodeApi).href;

// The definition every timing uses: 3 variants, 2 rules (an exclusion and a segment).
const DEFINITIONS = {
  experiments: [
    {
      name: 'bench',
      variants: ['control', 'a', 'b'],
      context_keys: ['id'],
      exclude: [{ country: { $eq: 'XX' } }],
      segments: [{ variant: 'a', when: { plan: 'gold' } }],
    },
  ],
};

function requireDist() {
  const missing = Object.values(files).filter((f) => !existsSync(f));
  if (missing.length > 0) {
    console.error(`bench: ${missing.map((f) => relative(pkg, f)).join(', ')} missing; run make js first`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------
// Child modes (spawned by the main run; see sections 4 and 5)
// ---------------------------------------------------------------------------

/** Section 5 in a fresh process: 1M run() calls for fresh contexts; prints JSON. */
async function childMemory() {
  const exposeGc = () => {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc');
  };
  const gc = exposeGc();
  const { init, run } = await import(nodeApiUrl);
  const errors = [];
  // A tracker, so every assignment event is built and delivered.
  let emitted = 0;
  const trackers = [() => emitted++];
  init({ definitions: DEFINITIONS, sticky: { capacity: 10_000 }, storage: null, trackers, onError: (e) => errors.push(e) });
  // The wasm linear memory (the sticky store, the core's assignment tracker)
  // is not reachable from the package, so its growth shows in RSS only.
  const sample = () => {
    gc();
    gc();
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
  };
  const N = 1_000_000;
  const samples = {};
  let tracked = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const a = run('bench', { id: 'u' + i, country: 'US', plan: 'free' });
    if (a.tracked) tracked++;
    if (i + 1 === 100_000) samples.at100k = sample();
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  samples.at1M = sample();
  // The last 1,000 contexts again: the session already has those assignments.
  const before = emitted;
  for (let i = N - 1000; i < N; i++) run('bench', { id: 'u' + i, country: 'US', plan: 'free' });
  const repeated = emitted - before;
  process.stdout.write(JSON.stringify({ ...samples, tracked, emitted: before, repeated, ms, errors: errors.length }));
}

/** Section 4 in a fresh process: import + instantiate + init with 100 definitions; prints JSON. */
async function childStartup() {
  const definitions = {
    experiments: Array.from({ length: 100 }, (_, i) => ({
      name: `exp_${i}`,
      variants: ['control', 'a', 'b'],
      context_keys: ['id'],
      exclude: [{ country: { $eq: 'XX' } }],
    })),
  };
  const errors = [];
  const t0 = performance.now();
  const { init, run } = await import(nodeApiUrl);
  await init({ definitions, onError: (e) => errors.push(e) });
  const t1 = performance.now();
  // Check after the clock stopped that the definitions really loaded.
  const loaded = definitions.experiments.filter((d) => run(d.name, { id: 'x' }).reason === 'split').length;
  process.stdout.write(JSON.stringify({ ms: t1 - t0, loaded, errors: errors.length }));
}

/**
 * A cold start in a fresh process, ours or GrowthBook's: import, 100
 * experiments, the first answer. Prints {ms}.
 */
async function childColdStart(which) {
  const experiments = Array.from({ length: 100 }, (_, i) => ({
    name: `exp_${i}`,
    variants: ['control', 'a', 'b'],
    context_keys: ['id'],
    exclude: [{ country: { $eq: 'XX' } }],
  }));
  const t0 = performance.now();
  let variant;
  if (which === 'growthbook') {
    const { GrowthBook } = await import('@growthbook/growthbook');
    const gb = new GrowthBook({ attributes: { id: 'x', country: 'US' } });
    const inline = experiments.map((e) => ({ key: e.name, variations: e.variants, hashAttribute: 'id', condition: { country: { $ne: 'XX' } } }));
    variant = gb.run(inline[50]).value;
  } else {
    const { init, run } = await import(nodeApiUrl);
    init({ definitions: { experiments } });
    variant = run('exp_50', { id: 'x', country: 'US' }).variant;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, variant }));
}

// ---------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------

/** Progress goes to stderr, so stdout holds the table alone. */
const progress = (what) => process.stderr.write(`bench: ${what}…\n`);

let sink = 0; // every benchmark body adds to it, so no loop can be optimized away

/**
 * Median nanoseconds per call of `body(n)`, which must run n calls and return
 * a number derived from their results. Warm-up (which also calibrates n so a
 * round takes about `roundMs`), then `rounds` timed rounds.
 */
function measure(body, { warmupMs = 300, rounds = 9, roundMs = 100 } = {}) {
  let n = 256;
  let batchNs = 0;
  const warmupEnd = process.hrtime.bigint() + BigInt(warmupMs) * 1_000_000n;
  for (;;) {
    const t0 = process.hrtime.bigint();
    sink += body(n);
    batchNs = Number(process.hrtime.bigint() - t0);
    if (batchNs < 10e6) n *= 2;
    else if (process.hrtime.bigint() >= warmupEnd) break;
  }
  n = Math.max(1, Math.round((n * roundMs * 1e6) / batchNs));
  const perCall = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    sink += body(n);
    perCall.push(Number(process.hrtime.bigint() - t0) / n);
  }
  perCall.sort((a, b) => a - b);
  return perCall[perCall.length >> 1];
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

const rows = [];
const fmtNs = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(1)} ns`);
const fmtBytes = (b) => (Math.abs(b) >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`);
const fmtSigned = (b) => `${b >= 0 ? '+' : '-'}${fmtBytes(Math.abs(b))}`;
/** met: true, false, or null for a row that has no target (information). */
function row(measure, cohort, reference, target, met, note = '') {
  rows.push({ measure, cohort, reference, target, met: met === null ? 'info' : met ? `yes${note}` : `NO${note}`, scored: met });
}

function printTable() {
  const head = { measure: 'measure', cohort: 'cohort', reference: 'reference', target: 'target', met: 'met?' };
  const cols = Object.keys(head);
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(...[head, ...rows].map((r) => String(r[c]).length))]));
  const line = (r) => cols.map((c) => String(r[c]).padEnd(width[c])).join(' | ');
  console.log(line(head));
  console.log(cols.map((c) => '-'.repeat(width[c])).join('-|-'));
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main() {
  requireDist();
  const { init, run, getExperimentData } = await import(nodeApiUrl);
  const { GrowthBook, GrowthBookClient } = await import('@growthbook/growthbook');
  const gbVersion = JSON.parse(readFileSync(join(pkg, 'node_modules', '@growthbook', 'growthbook', 'package.json'), 'utf8')).version;
  const errors = [];
  const onError = (e) => errors.push(e);

  // --- 1. run() -------------------------------------------------------------
  progress('1/5 run() timings');
  const POOL = 4096; // power of two: i & (POOL - 1)
  const contexts = Array.from({ length: POOL }, (_, i) => ({ id: `user-${i}`, country: 'US', plan: 'free' }));

  // Fresh contexts. The pool is cycled, so the sticky store is kept smaller
  // than the pool (LRU, capacity 1024 < 4096): every call is a miss, resolved
  // in full (reason 'split'), and stored, evicting the oldest entry.
  init({ definitions: DEFINITIONS, sticky: { capacity: 1024 }, storage: null, onError });
  const fresh = (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += run('bench', contexts[i & (POOL - 1)]).variant_index;
    return acc;
  };
  sink += fresh(POOL);
  const freshReason = run('bench', contexts[0]).reason;
  const oursFresh = measure(fresh);

  // Repeated contexts: the same pool with the sticky store holding it all,
  // so every call after the first pass is a sticky hit (reason 'cached').
  init({ sticky: { capacity: 10_000 } });
  sink += fresh(POOL);
  const cachedReason = run('bench', contexts[0]).reason;
  const oursCached = measure(fresh);

  // The current context: init({context}) once, then run('bench') repeatedly.
  init({ context: contexts[0] });
  const current = (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += run('bench').variant_index;
    return acc;
  };
  const oursCurrent = measure(current);

  // GrowthBook on the equivalent inline experiment. Its experiment has one
  // rule (the condition standing for our exclusion); ours also evaluates the
  // segment rule, so the comparison leans in GrowthBook's favour.
  const experiment = {
    key: 'bench',
    variations: ['control', 'a', 'b'],
    condition: { country: { $ne: 'XX' } },
    hashAttribute: 'id',
  };

  // (a) GrowthBook class, one instance. In 1.8.0 setAttributes is `async`,
  // but with no stickyBucketService and no remoteEval its body never awaits:
  // the attributes are assigned synchronously before it returns (a resolved
  // promise). So `gb.setAttributes(ctx); gb.run(exp)` is the public,
  // synchronous-in-effect path: fair, since it neither builds an instance per
  // call (which would charge GrowthBook for its constructor) nor skips the work
  // a real attribute change does (_render, auto-experiments). The promise it
  // allocates is the price of its own API, as our JSON round trip is ours.
  const gb = new GrowthBook({ attributes: contexts[0] });
  const gbFresh = (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      gb.setAttributes(contexts[i & (POOL - 1)]);
      acc += gb.run(experiment).variationId;
    }
    return acc;
  };
  const refFresh = measure(gbFresh);

  // (b) GrowthBookClient.runInlineExperiment(exp, {attributes}): GrowthBook's
  // own stateless multi-user path, a context per call like our run(name,
  // context), with no promise and no instance state: the fastest fair reference.
  const gbc = new GrowthBookClient({});
  const gbcFresh = (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += gbc.runInlineExperiment(experiment, { attributes: contexts[i & (POOL - 1)] }).variationId;
    }
    return acc;
  };
  const refClient = measure(gbcFresh);

  // (c) GrowthBook with fixed attributes, for the current-context row.
  const gbFixed = new GrowthBook({ attributes: contexts[0] });
  const gbCurrent = (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += gbFixed.run(experiment).variationId;
    return acc;
  };
  const refCurrent = measure(gbCurrent);

  const speedup = (ref, ours) => ref / ours;
  const sx = (x) => `${x.toFixed(2)}×`;
  {
    const s = speedup(refFresh, oursFresh);
    row(
      `run() fresh ctx [${freshReason}] vs GrowthBook ${gbVersion} setAttributes+run`,
      fmtNs(oursFresh),
      fmtNs(refFresh),
      '≥ 3× faster',
      s >= 3,
      ` (${sx(s)})`,
    );
    const s2 = speedup(refClient, oursFresh);
    row(`run() fresh ctx [${freshReason}] vs GrowthBookClient.runInlineExperiment`, fmtNs(oursFresh), fmtNs(refClient), '≥ 3× faster', s2 >= 3, ` (${sx(s2)})`);
    const s3 = speedup(refClient, oursCached);
    row(`run() repeated ctx [${cachedReason}] vs runInlineExperiment`, fmtNs(oursCached), fmtNs(refClient), '(info)', null);
    rows[rows.length - 1].met = `info (${sx(s3)})`;
    const s4 = speedup(refCurrent, oursCurrent);
    row('run() current ctx (memo) vs GrowthBook run, fixed attrs', fmtNs(oursCurrent), fmtNs(refCurrent), '(info)', null);
    rows[rows.length - 1].met = `info (${sx(s4)})`;
  }

  // --- 2. getExperimentData vs a plain property read ------------------------
  progress('2/5 getExperimentData');
  // Pushed data, as GitLab's server writes it into the page (init's
  // `published` stands for window.gl.experiments in Node).
  init({
    definitions: DEFINITIONS,
    context: contexts[0],
    sticky: { capacity: 10_000 },
    published: { bench: { experiment: 'bench', key: 'abc123', variant: 'a' } },
  });
  const data = getExperimentData('bench');
  if (!data) throw new Error('getExperimentData("bench") returned undefined');
  const plain = { bench: { ...data } };
  // Names come from an array indexed by the loop counter, so neither loop can
  // hoist the lookup; both bodies are otherwise identical.
  const names = Array.from({ length: 8 }, () => ['ben', 'ch'].join(''));
  const gedLoop = (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += getExperimentData(names[i & 7]).variant.length;
    return acc;
  };
  const plainLoop = (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += plain[names[i & 7]].variant.length;
    return acc;
  };
  const oursData = measure(gedLoop);
  const refData = measure(plainLoop);
  {
    const ratio = oursData / refData;
    row('getExperimentData() on pushed data vs plain obj[name] read', fmtNs(oursData), fmtNs(refData), 'within 3×', ratio <= 3, ` (${sx(ratio)})`);
  }

  // The slowest single answer a $regex can provoke: shapes that make a
  // backtracking engine exponential, on attributes up to the context limit.
  {
    const patterns = [
      '(a|aa)*b',
      '(x+x+)+y',
      '^(a+)+$',
      '(a|a)*$',
      '(.*a){20}',
      '([a-z]*)*[0-9]',
      '(\\w+\\s?)*$',
      'a{1,1000}b{1,1000}c',
      '(?i)(A|a)*B',
      '((a*)*)*b',
      // Every state live at every character (anchored, and the literal the
      // prefilter looks for present): the linear engine's own worst case.
      '^(?:[a-z]*){30}x$',
      `^${'[a-z]*'.repeat(20)}x$`,
    ];
    // Five shapes at lengths around the core's work bound (pattern states
    // x text bytes <= 2^17: about 1,600 bytes for (.*a){20}) and at the
    // context's limit.
    const shapes = [(n) => 'a'.repeat(n), (n) => 'x'.repeat(n), (n) => `${'a'.repeat(n - 1)}!`, (n) => `${'a'.repeat(n - 2)}x!`, (n) => 'ab '.repeat(n / 3)];
    const inputs = [300, 1_500, 6_000, 15_000, 60_000].flatMap((n) => shapes.map((shape) => shape(n)));
    // Each pair is timed on a freshly loaded pattern (its matcher's state
    // cold, as a page's first test of it), three times; the median of the
    // three is the pair's figure, so one garbage collection or the process's
    // first compile of the matcher's code does not stand for the pattern.
    const definitionsFor = (pattern) => ({
      experiments: [{ name: 'r', variants: ['control', 'in'], weights: [1, 0], segments: [{ variant: 'in', when: { s: { $regex: pattern } } }] }],
    });
    const coldMs = (pattern, text, trials) => {
      const times = [];
      for (let trial = 0; trial < trials; trial++) {
        init({ definitions: definitionsFor(pattern) });
        run('r', { s: 'warm' });
        const t0 = process.hrtime.bigint();
        sink += run('r', { s: text }).variant_index;
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      return median(times);
    };
    const pairs = [];
    for (const pattern of patterns) {
      for (const text of inputs) pairs.push({ pattern, text, ms: coldMs(pattern, text, 3) });
    }
    // The slowest of 300 medians of 3 is biased upward by noise (the same
    // build gave 2.0 to 5.2 ms on one day): the five slowest pairs are timed
    // again, 9 cold trials each, and the slowest of those medians stands.
    pairs.sort((a, b) => b.ms - a.ms);
    let worst = { ms: 0, what: '' };
    for (const { pattern, text } of pairs.slice(0, 5)) {
      const ms = coldMs(pattern, text, 9);
      if (ms > worst.ms) worst = { ms, what: `${pattern} on ${text.length} characters` };
    }
    row(
      'slowest run() a $regex can provoke (12 ReDoS shapes x 25 inputs of 300 to 60,000 characters; the 5 slowest medians of 3 cold timed again, median of 9)',
      `${worst.ms.toFixed(1)} ms`,
      worst.what,
      '≤ 5 ms (a few ms)',
      worst.ms <= 5,
    );
  }

  // --- 3. Sizes -------------------------------------------------------------
  progress('3/5 sizes');
  const size = (f) => {
    const raw = readFileSync(f);
    return { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
  };
  const sWasm = size(files.wasm);
  // The API is index.js and the chunks it imports (dist/browser/manifest.json),
  // each downloaded and compressed on its own.
  const manifest = JSON.parse(readFileSync(join(dist, 'browser', 'manifest.json'), 'utf8'));
  const apiFiles = [files.browserApi, ...manifest['index.js'].map((f) => join(dist, 'browser', f))];
  const sApi = apiFiles.map(size).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }));
  const sizeRow = (label, s) => row(`size ${label} (raw / gzip -9)`, `${fmtBytes(s.raw)} / ${fmtBytes(s.gz)}`, '', '(part of total)', null);
  // What <gitlab-experiment> adds on top of the API: element.js and its chunks the API lacks.
  const extra = ['element.js', ...manifest['element.js'].filter((f) => !manifest['index.js'].includes(f))];
  const sElement = extra.map((f) => size(join(dist, 'browser', f))).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }));
  sizeRow('dist/wasm/cohort.wasm', sWasm);
  sizeRow(`dist/browser/index.js + ${apiFiles.length - 1} chunks (API and loader)`, sApi);
  sizeRow('dist/browser/element.js beyond the API', sElement);
  {
    // Chunks no entry imports statically: the $regex engine, fetched only
    // for definitions that use $regex.
    // (The manifest also lists the dynamically imported chunk, under its own
    // name with no imports: esbuild counts it as an entry of the build.)
    const entries = Object.entries(manifest).filter(([entry]) => !entry.startsWith('chunk-'));
    const statics = new Set(entries.flatMap(([entry, deps]) => [entry, ...deps]));
    const onDemand = readdirSync(join(dist, 'browser')).filter((f) => f.endsWith('.js') && !statics.has(f));
    if (onDemand.length > 0) {
      const s = onDemand.map((f) => size(join(dist, 'browser', f))).reduce((a, b) => ({ raw: a.raw + b.raw, gz: a.gz + b.gz }));
      row('size $regex engine, fetched on demand (raw / gzip -9)', `${fmtBytes(s.raw)} / ${fmtBytes(s.gz)}`, '', '(info: only with $regex)', null);
      rows[rows.length - 1].met = 'info';
    }
  }
  {
    const total = sWasm.gz + sApi.gz + sElement.gz;
    row('size browser total gzip (wasm + API + element)', `${fmtBytes(total)} (${total} B)`, '', '≤ 45 KB (46080 B)', total <= 46080);
  }

  // --- 4. import + instantiate + 100 definitions, fresh process ---------------
  // 15 processes each: on a 2-core VM one fresh process's start-up varies by
  // ±30% (its own background compilers compete with it), and 5 let a single
  // slow one move the median by a millisecond.
  const STARTUP_ROUNDS = 15;
  progress(`4/5 start-up (${STARTUP_ROUNDS} fresh processes, then ${2 * STARTUP_ROUNDS} alternating with GrowthBook)`);
  const startups = [];
  let startupNote = '';
  for (let i = 0; i < STARTUP_ROUNDS; i++) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-startup'], { encoding: 'utf8' });
    try {
      const r = JSON.parse(child.stdout);
      startups.push(r.ms);
      if (r.loaded !== 100 || r.errors !== 0) startupNote = ` [loaded ${r.loaded}/100, ${r.errors} errors]`;
    } catch {
      startupNote = ` [child failed: ${(child.stderr || '').trim().split('\n')[0]}]`;
    }
  }
  if (startups.length > 0) {
    const ms = median(startups);
    const range = `min ${Math.min(...startups).toFixed(1)}, max ${Math.max(...startups).toFixed(1)}`;
    row(`import+instantiate+init(100 defs), Node, median of ${startups.length}${startupNote}`, `${ms.toFixed(2)} ms`, range, '≤ 10 ms', ms <= 10);
  } else {
    row(`import+instantiate+init(100 defs)${startupNote}`, 'n/a', '', '≤ 10 ms', false);
  }

  // Cold start, ours and GrowthBook's, in alternating fresh processes.
  {
    const times = { cohort: [], growthbook: [] };
    for (let i = 0; i < STARTUP_ROUNDS; i++) {
      for (const which of ['cohort', 'growthbook']) {
        const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-cold', which], { encoding: 'utf8', cwd: pkg });
        try {
          times[which].push(JSON.parse(child.stdout).ms);
        } catch {
          // a failed child leaves its sample out
        }
      }
    }
    if (times.cohort.length > 0 && times.growthbook.length > 0) {
      const ours = median(times.cohort);
      const ref = median(times.growthbook);
      row(
        `cold start: import + 100 experiments + first answer, fresh process, median of ${times.cohort.length} each`,
        `${ours.toFixed(2)} ms`,
        `${ref.toFixed(2)} ms (GrowthBook)`,
        'no slower',
        ours <= ref,
        ` (${sx(ref / ours)})`,
      );
    }
  }

  // --- 5. Memory over 1,000,000 answers, fresh process ------------------------
  progress('5/5 memory over 1M answers (fresh process; the longest part)');
  // "Flat": between 100k and 1M answers, the JS heap after GC grows by less
  // than 8 MB and the RSS by less than 32 MB (the sticky store is bounded at
  // 10,000 entries, so nothing should grow with the number of contexts).
  const memory = () => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child-memory'], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    try {
      return JSON.parse(child.stdout);
    } catch {
      return { failed: (child.stderr || '').trim().split('\n').slice(0, 3).join(' / ') };
    }
  };
  const mem = memory();
  if (mem.failed) {
    row('memory over 1M fresh answers', 'n/a', mem.failed, 'flat', false);
  } else {
    const dRss = mem.at1M.rss - mem.at100k.rss;
    const dHeap = mem.at1M.heapUsed - mem.at100k.heapUsed;
    const flat = dHeap < 8 * 1024 * 1024 && dRss < 32 * 1024 * 1024;
    row(
      'memory 1M fresh answers, sticky 10k, storage null: RSS 100k→1M',
      fmtSigned(dRss),
      `${fmtBytes(mem.at100k.rss)} → ${fmtBytes(mem.at1M.rss)}`,
      'flat (< +32 MB)',
      flat,
    );
    row('  JS heap after GC, 100k→1M', fmtSigned(dHeap), `${fmtBytes(mem.at100k.heapUsed)} → ${fmtBytes(mem.at1M.heapUsed)}`, 'flat (< +8 MB)', flat);
    row(
      '  assignment events: 1M fresh / the last 1,000 again',
      `${mem.emitted} / ${mem.repeated}`,
      `${mem.tracked} tracked`,
      'each once',
      mem.emitted === mem.tracked && mem.repeated === 0,
    );
    row('  1M run() calls, wall time', `${(mem.ms / 1000).toFixed(2)} s`, `${fmtNs((mem.ms * 1e6) / 1e6)}/call`, '(info)', null);
  }

  // --- Report ----------------------------------------------------------------
  printTable();
  const scored = rows.filter((r) => r.scored === true || r.scored === false);
  const met = scored.filter((r) => r.scored === true).length;
  const failed = scored.filter((r) => r.scored === false).map((r) => r.measure.trim());
  if (errors.length > 0) console.log(`(${errors.length} cohort errors reported during the run; first: ${JSON.stringify(errors[0])})`);
  console.log(
    `summary: ${met}/${scored.length} targets met` +
      (failed.length ? `; not met: ${failed.join('; ')}` : '') +
      ` (node ${process.version}, ${process.arch}; checksum ${sink})`,
  );
}

const mode = process.argv[2];
try {
  if (mode === '--child-startup') await childStartup();
  else if (mode === '--child-cold') await childColdStart(process.argv[3]);
  else if (mode === '--child-memory') await childMemory();
  else await main();
} catch (e) {
  // Benchmarks never fail the build: report and exit 0.
  console.error(`bench: ${e?.stack ?? e}`);
}
process.exitCode = mode === undefined ? 0 : process.exitCode;
