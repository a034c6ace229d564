// The ES module build of `cohort/testing`: Vitest without globals has no
// afterEach on globalThis, so register the restore hook through its module.
export * from './testing.js';
import { restoreExperiments } from './testing.js';

const hooks = globalThis as { afterEach?: unknown; process?: { env?: Record<string, string | undefined> } };
if (typeof hooks.afterEach !== 'function' && hooks.process?.env?.VITEST) {
  const vitest = (await import('vitest')) as { afterEach: (fn: () => void) => void };
  vitest.afterEach(restoreExperiments);
}
