// The native `cohort` tool as the reference the JavaScript suites compare to.
const { execFileSync } = require('node:child_process');
const { exampleDefinitions, nativeCli } = require('./paths');

/** The answer `cohort resolve` prints for `experiment` in `context`, with the example definitions. */
function nativeAnswer(experiment, context) {
  const out = execFileSync(nativeCli, ['resolve', '--definitions', exampleDefinitions, '--context', JSON.stringify(context), '--experiment', experiment], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim());
}

module.exports = { nativeAnswer };
