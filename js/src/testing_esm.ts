// The ES module build of `cohort-ab/testing`: Vitest without globals has no
// afterEach on globalThis, so register the restore hook through its module.
export * from './testing.js';
import { installHooks } from './testing.js';

const hooks = globalThis as { afterEach?: unknown; process?: { env?: Record<string, string | undefined> } };
if (typeof hooks.afterEach !== 'function' && hooks.process?.env?.VITEST) {
  installHooks(await import('vitest'));
}
