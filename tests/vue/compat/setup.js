// As GitLab's Jest environment: @vue/compat configured, and any
// console.warn or console.error fails the test that caused it.
const { configureCompat } = require('vue');

// @vue/test-utils mounts through a root of its own with a Vue 3 render
// function; GitLab's set-up opts that API in the same way.
configureCompat({ RENDER_FUNCTION: false });

for (const method of ['warn', 'error']) {
  // eslint-disable-next-line no-console
  console[method] = (...args) => {
    throw new Error(`unexpected console.${method}: ${args.join(' ')}`);
  };
}
