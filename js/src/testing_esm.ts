// The ES module build of `cohort-ab/testing`. Under Vitest, the vitest
// module gives what globalThis may not: the hooks when globals are off, and
// the task tree that scopes beforeAll stubs to describe blocks imported
// from it.
export * from './testing.js';
import { installHooks, scopeVitestBlocks } from './testing.js';

const hooks = globalThis as { afterEach?: unknown; process?: { env?: Record<string, string | undefined> } };
if (hooks.process?.env?.VITEST) {
  const vitest = await import('vitest');
  if (typeof hooks.afterEach !== 'function') installHooks(vitest);
  scopeVitestBlocks(vitest);
}
