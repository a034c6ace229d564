// Where the suites find the shared files and the builds they compare.
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
module.exports = {
  root,
  vectorsDir: path.join(root, 'tests', 'vectors'),
  // GrowthBook's cases.json is not part of the repository: beside it, or where COHORT_CONFORMANCE_FILE says.
  conformanceFile: process.env.COHORT_CONFORMANCE_FILE || path.join(root, '..', 'shared', 'conformance', 'growthbook-cases.json'),
  // The test build of the module (test exports included) and the wrapper that drives it.
  testWasm: path.join(root, 'build', 'wasm', 'wasm', 'cohort_test.wasm'),
  internal: path.join(root, 'js', 'dist', 'node', 'internal.cjs'),
  nativeCli: path.join(root, 'build', 'native-release', 'native', 'cohort'),
  exampleDefinitions: path.join(root, 'native', 'examples', 'definitions.json'),
};
