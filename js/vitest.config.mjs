// Vitest runs tests/js/*.vitest.mjs against the built ES modules, without
// globals, to check cohort/testing restores stubs there too.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const dist = (file) => fileURLToPath(new URL(`./dist/node/${file}`, import.meta.url));

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../tests/js', import.meta.url)),
    include: ['**/*.vitest.mjs'],
    globals: false,
  },
  resolve: {
    alias: [
      { find: /^cohort\/testing$/, replacement: dist('testing.js') },
      { find: /^cohort$/, replacement: dist('index.js') },
    ],
  },
});
