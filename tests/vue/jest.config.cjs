// The package's Vue component under the Jest set-ups GitLab-style apps use:
//   vue3-jest: @vue/vue3-jest compiles single-file components, <script setup>
//              and the Options API, with babel-jest (Jest 29, its peer);
//   vue-compat: the same components on @vue/compat, as GitLab runs Vue 3;
//   vue2:      Vue 2.7 with @vue/test-utils 1.
// Both run against the built package (js/dist), each with one copy of Vue.
const path = require('node:path');

const dist = path.join(__dirname, '..', '..', 'js', 'dist', 'node');
const cohort = {
  '^cohort-ab$': path.join(dist, 'index.cjs'),
  '^cohort-ab/(testing|vue|gitlab-experiment)$': path.join(dist, '$1.cjs'),
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
  // The package resolves re2js from its own node_modules; keep it there.
  modulePaths: [path.join(__dirname, 'node_modules')],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'vue3-jest',
      testMatch: ['<rootDir>/vue3/**/*.test.js'],
      transform: { '^.+\\.vue$': '@vue/vue3-jest', '^.+\\.js$': 'babel-jest' },
      moduleFileExtensions: ['js', 'vue', 'json'],
      moduleNameMapper: { ...cohort, '^vue$': '<rootDir>/node_modules/vue/index.js' },
    },
    {
      ...common,
      displayName: 'vue-compat',
      // GitLab's Jest suite runs Vue 3 through @vue/compat: the same
      // single-file components, with `vue` resolving to the compat build.
      testMatch: ['<rootDir>/vue3/**/*.test.js', '<rootDir>/compat/**/*.test.js'],
      setupFilesAfterEnv: ['<rootDir>/compat/setup.js'],
      transform: { '^.+\\.vue$': '@vue/vue3-jest', '^.+\\.js$': 'babel-jest' },
      moduleFileExtensions: ['js', 'vue', 'json'],
      moduleNameMapper: {
        ...cohort,
        '^vue$': '<rootDir>/node_modules/@vue/compat/index.js',
        // @vue/compat's CommonJS build requires entities 4 without declaring
        // it; the copy @vue/compiler-core depends on is that one.
        '^entities/lib/(.*)$': '<rootDir>/node_modules/@vue/compiler-core/node_modules/entities/lib/$1',
      },
    },
    {
      ...common,
      displayName: 'vue2',
      testMatch: ['<rootDir>/vue2/**/*.test.js'],
      moduleNameMapper: {
        ...cohort,
        '^vue$': '<rootDir>/node_modules/vue2/dist/vue.runtime.common.js',
        '^@vue/test-utils$': '<rootDir>/node_modules/vue-test-utils1',
      },
    },
  ],
};
