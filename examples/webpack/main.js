// An experiment resolved in the browser, rendered by <gitlab-experiment>:
// nothing shows until the answer is final, then the variant's template.
import { init } from 'cohort-ab';
import 'cohort-ab/element';

init({
  definitions: { experiments: [{ name: 'pill_color', variants: ['control', 'red'], weights: [0, 1] }] },
  context: { actor: 'user:42' },
  onError: (error) => document.body.setAttribute('data-error', `${error.source}: ${error.message}`),
});
