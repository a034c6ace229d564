// A test file that imports only cohort/testing and cohort/element, as a
// component spec might: the runtime is then created by the element's first
// render, while the engine loads synchronously and tells listeners, which
// ask for the runtime again. Exactly one runtime must come of it.
const { stubExperiments } = require('cohort-ab/testing');
require('cohort-ab/element');

const shared = () => globalThis[Symbol.for('cohort.state.v1')];

it('creates one runtime and renders', () => {
  const element = document.createElement('gitlab-experiment');
  element.setAttribute('name', 'pill_color');
  for (const variant of ['control', 'red']) {
    const template = document.createElement('template');
    template.setAttribute('data-variant', variant);
    template.content.append(variant);
    element.append(template);
  }
  document.body.append(element);
  // Each runtime registers one reset with the shared state (runtime.ts).
  expect(shared().resets.size).toBe(1);
  expect(element.renderedVariant).toBe('control');
  stubExperiments({ pill_color: 'red' });
  expect(element.renderedVariant).toBe('red');
  expect(shared().resets.size).toBe(1);
});
