// Jest runs the suites in tests/js against the built package (dist/), under
// jsdom, with no set-up file: `cohort-ab/testing` registers its own afterEach.
const path = require('node:path');

module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/../tests/js'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '\\.vitest\\.'],
  modulePaths: [path.join(__dirname, 'node_modules')],
  moduleNameMapper: {
    '^cohort-ab$': '<rootDir>/dist/node/index.cjs',
    '^cohort-ab/(testing|element|vue|gitlab-experiment|react|constants)$': '<rootDir>/dist/node/$1.cjs',
  },
  // Vue and its test utils resolve to their CommonJS builds, as in Node.
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
};
