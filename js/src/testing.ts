// `cohort-ab/testing`: GitLab's stubExperiments for Jest and Vitest, restored
// automatically after each test, and the recorder of tracking events.
import { isValidName, describe } from './pushed.js';
import { changed, state } from './state.js';
import type { TrackingEvent } from './types.js';

// Tracking events are recorded for recordedEvents() once this module is
// loaded; pages that never load it build no events nobody receives.
state.recording = true;

export interface StubError {
  path: string;
  message: string;
}

/**
 * Forces variants: `stubExperiments({ my_experiment: 'candidate' })`. Stubs
 * win over everything else and last until `restoreExperiments()`, which runs
 * after each test by itself. Bad entries are skipped and returned.
 */
export function stubExperiments(experiments: Record<string, string> = {}): StubError[] {
  const errors: StubError[] = [];
  if (experiments === null || typeof experiments !== 'object' || Array.isArray(experiments)) {
    errors.push({ path: '', message: `expected an object of experiment names to variants, got ${describe(experiments)}` });
  } else {
    let names: string[] = [];
    try {
      names = Object.keys(experiments);
    } catch (e) {
      errors.push({ path: '', message: `the experiments could not be listed (${e instanceof Error ? e.message : 'a throwing Proxy'})` });
    }
    for (const name of names) {
      let variant: unknown;
      try {
        variant = (experiments as Record<string, unknown>)[name];
      } catch {
        errors.push({ path: name, message: 'the variant could not be read' });
        continue;
      }
      if (!isValidName(name)) errors.push({ path: name, message: 'expected a non-empty experiment name' });
      else if (!isValidName(variant)) errors.push({ path: name, message: `expected a variant name, got ${describe(variant)}` });
      else {
        state.stubs.set(name, variant);
        rememberStub(name, variant);
      }
    }
  }
  // To onError, never to the console: GitLab's helper accepts any value silently.
  for (const e of errors) state.report?.({ source: 'stubs', path: e.path, message: e.message });
  changed();
  return errors;
}

/**
 * Where stubs are made, scoped the way Jest and Vitest scope hooks: a stub
 * made in a test or a beforeEach belongs to that test and is undone after
 * it (what the block stubbed before comes back); a stub made in a beforeAll
 * or a describe body belongs to that describe block and is undone after its
 * last hook, or at the file's end when the block is not known
 * (describe.each/only/skip with globals, a describe body without them).
 */
const scope = {
  inTest: false,
  testStubs: new Set<string>(),
  /** The blocks being run, outermost (the file) first, each with its stubs. */
  blocks: [{ stubs: new Map<string, string>() }] as Block[],
  /** Vitest without globals: the file's task tree, where running blocks are found. */
  file: undefined as RunnerTask | undefined,
  /** Vitest without globals: makes `close` run after the block's own afterAll hooks. */
  closeAfter: undefined as ((suite: RunnerTask, close: () => void) => boolean) | undefined,
};

interface Block {
  stubs: Map<string, string>;
  /** The runner's suite, for blocks found in the task tree. */
  suite?: RunnerTask;
}

/** What this module reads of Vitest's tasks (RunnerTestSuite, RunnerTestCase). */
interface RunnerTask {
  type?: string;
  tasks?: RunnerTask[];
  suite?: RunnerTask;
  result?: { hooks?: Record<string, string> };
}

/** The variant the enclosing blocks stub for `name`, if any. */
function blockStub(name: string): string | undefined {
  for (let i = scope.blocks.length - 1; i >= 0; i--) {
    const variant = scope.blocks[i]!.stubs.get(name);
    if (variant !== undefined) return variant;
  }
  return undefined;
}

function rememberStub(name: string, variant: string): void {
  if (scope.inTest) scope.testStubs.add(name);
  else currentBlock().stubs.set(name, variant);
}

/** The block a stub made outside a test belongs to: the innermost one running. */
function currentBlock(): Block {
  const suite = runningBeforeAll(scope.file);
  let block = suite && scope.blocks.find((b) => b.suite === suite);
  if (suite && !block) {
    const own: Block = { stubs: new Map(), suite };
    if (scope.closeAfter?.(suite, () => closeBlock(own))) scope.blocks.push((block = own));
  }
  return block ?? scope.blocks[scope.blocks.length - 1]!;
}

/** The deepest suite under `task` whose beforeAll hooks are running now. */
function runningBeforeAll(task: RunnerTask | undefined): RunnerTask | undefined {
  for (const child of task?.tasks ?? []) {
    if (child.type !== 'suite') continue;
    const deeper = runningBeforeAll(child);
    if (deeper) return deeper;
    if (child.result?.hooks?.beforeAll === 'run') return child;
  }
  return undefined;
}

/** After a block's last hook: what it stubbed goes, what encloses it comes back. */
function closeBlock(block: Block): void {
  const index = scope.blocks.lastIndexOf(block);
  if (index > 0) scope.blocks.splice(index, 1);
  undoStubs(block.stubs.keys());
  changed();
}

/** Puts back what the enclosing blocks stub for each of `names`, or nothing. */
function undoStubs(names: Iterable<string>): void {
  for (const name of names) {
    const before = blockStub(name);
    if (before === undefined) state.stubs.delete(name);
    else state.stubs.set(name, before);
  }
}

/** Removes every stub and forgets the recorded events. */
export function restoreExperiments(): void {
  state.stubs.clear();
  for (const block of scope.blocks) block.stubs.clear();
  scope.testStubs.clear();
  forgetTest();
}

/** Every tracking event emitted since the last restore, oldest first. */
export function recordedEvents(): TrackingEvent[] {
  return [...state.recorded];
}

/** After a test: its stubs, recorded events and session memory go. */
function forgetTest(): void {
  state.recorded.length = 0;
  for (const reset of state.resets) reset();
  changed();
}

function afterTest(): void {
  undoStubs(scope.testStubs);
  scope.testStubs.clear();
  scope.inTest = false;
  forgetTest();
}

type Hook = (fn: () => void) => void;
type Describe = ((name: unknown, fn: unknown, ...rest: unknown[]) => unknown) & Record<string, unknown>;
interface Runner {
  beforeEach?: unknown;
  afterEach?: unknown;
  beforeAll?: unknown;
  afterAll?: unknown;
  describe?: unknown;
}

/**
 * Wraps the runner's global `describe` so each block opens a scope for the
 * stubs its beforeAll hooks make and closes it after its last hook.
 */
function scopeBlocks(runner: Runner): void {
  const original = runner.describe as Describe;
  const beforeAll = runner.beforeAll as Hook;
  const afterAll = runner.afterAll as Hook;
  const wrapped = function describe(this: unknown, name: unknown, fn: unknown, ...rest: unknown[]) {
    if (typeof fn !== 'function') return original.call(this, name, fn, ...rest);
    return original.call(
      this,
      name,
      function block(this: unknown, ...args: unknown[]) {
        const own: Block = { stubs: new Map() };
        beforeAll(() => {
          scope.blocks.push(own);
        });
        const result = (fn as (...a: unknown[]) => unknown).apply(this, args);
        afterAll(() => closeBlock(own));
        return result;
      },
      ...rest,
    );
  } as Describe;
  Object.assign(wrapped, original); // describe.each, .only, .skip: scoped to the file
  try {
    runner.describe = wrapped;
  } catch {
    // a read-only describe: its blocks' stubs last until the file ends
  }
}

/** Registers the scoping hooks with a test runner's hook functions. */
export function installHooks(hooks: Runner, global = false): void {
  if (typeof hooks.afterEach !== 'function') return;
  if (typeof hooks.beforeEach === 'function') {
    (hooks.beforeEach as Hook)(() => {
      scope.inTest = true;
    });
  }
  (hooks.afterEach as Hook)(afterTest);
  if (typeof hooks.afterAll === 'function') (hooks.afterAll as Hook)(restoreExperiments);
  if (global && typeof hooks.describe === 'function' && typeof hooks.beforeAll === 'function' && typeof hooks.afterAll === 'function') {
    scopeBlocks(hooks);
  }
}

interface VitestModule extends Runner {
  TestRunner?: { getSuiteHooks?: unknown };
}

/**
 * Vitest, with or without globals: a describe imported from `vitest` is not
 * ours to wrap, so the block a beforeAll stub belongs to is found in the
 * task tree the file's beforeAll hands over, and closed by a hook added to
 * that block's afterAll (`TestRunner.getSuiteHooks`, Vitest 4.1 and later;
 * before that, the stub lasts until the file ends).
 */
export function scopeVitestBlocks(vitest: VitestModule): void {
  if (typeof vitest.beforeAll !== 'function') return;
  // No declared parameters: Vitest reads a hook's first parameter as a
  // fixtures pattern, and hands the file task as the first argument before
  // 4.0, the second since.
  (vitest.beforeAll as Hook)(function captureFile() {
    // eslint-disable-next-line prefer-rest-params
    scope.file = Array.prototype.find.call(arguments, (a: RunnerTask | null) => Array.isArray(a?.tasks)) as RunnerTask | undefined;
  });
  const getSuiteHooks = vitest.TestRunner?.getSuiteHooks as ((suite: RunnerTask) => { afterAll?: unknown } | undefined) | undefined;
  if (typeof getSuiteHooks !== 'function') return;
  scope.closeAfter = (suite, close) => {
    const afterAll = getSuiteHooks(suite)?.afterAll;
    if (!Array.isArray(afterAll)) return false;
    afterAll.unshift(close); // afterAll hooks run last-registered first: this one runs after the block's own
    return true;
  };
}

// Jest (and Vitest with globals) expose the hooks on globalThis: every file
// that imports this module is scoped, with no set-up file.
installHooks(globalThis as Runner, true);
