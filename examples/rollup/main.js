// An experiment resolved in the browser, rendered by <gitlab-experiment>.
// Rollup does not emit the package's cohort.wasm: the build script copies
// it into dist/, and init says where it is.
import { init } from 'cohort-ab';
import 'cohort-ab/element';

init({
  wasm: '/dist/cohort.wasm',
  definitions: { experiments: [{ name: 'pill_color', variants: ['control', 'red'], weights: [0, 1] }] },
  context: { actor: 'user:42' },
  onError: (error) => document.body.setAttribute('data-error', `${error.source}: ${error.message}`),
});
