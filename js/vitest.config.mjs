// Vitest runs tests/js/*.vitest.mjs against the built ES modules, twice:
// without globals (cohort/testing registers its hooks through the vitest
// module) and with them (through globalThis, as under Jest).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const dist = (file) => fileURLToPath(new URL(`./dist/node/${file}`, import.meta.url));
const root = fileURLToPath(new URL('../tests/js', import.meta.url));
const alias = [
  { find: /^cohort-ab\/testing$/, replacement: dist('testing.js') },
  { find: /^cohort-ab$/, replacement: dist('index.js') },
];

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'no-globals', root, include: ['**/*.vitest.mjs'], globals: false } },
      { resolve: { alias }, test: { name: 'globals', root, include: ['**/*.vitest.mjs', '**/*.globals-vitest.mjs'], globals: true } },
    ],
  },
});
