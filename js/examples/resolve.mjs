// The package in a few lines, run by `make demo`: load the example
// definitions, set a context, read every experiment the GitLab way.
import { readFileSync } from 'node:fs';
import { getExperimentData, getExperimentVariant, init, run } from '../dist/node/index.js';

const definitions = readFileSync(new URL('../../native/examples/definitions.json', import.meta.url), 'utf8');
const context = JSON.parse(process.argv[2] ?? '{"actor": "user:42"}');

init({ definitions, context, trackers: (event) => console.log('track', event.action, JSON.stringify(event.context)) });

for (const name of ['pill_color', 'course_upsell_banner', 'pipeline_editor_walkthrough', 'dark_mode']) {
  const answer = run(name);
  console.log(`${name}: ${getExperimentVariant(name)} (${answer.reason})`, JSON.stringify(getExperimentData(name) ?? null));
}
