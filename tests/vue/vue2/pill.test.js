// Vue 2.7 (GitLab's own component is Vue 2 code), with @vue/test-utils 1:
// named scoped slots, as Vue 2 render functions pass them.
const { mount } = require('@vue/test-utils');
const Vue = require('vue');
const { GitlabExperiment } = require('cohort-ab/vue');
const { stubExperiments } = require('cohort-ab/testing');

const slots = {
  control: () => Vue.h('p', 'grey pill'),
  candidate: () => Vue.h('p', 'red pill'),
};

it('runs on Vue 2.7', () => {
  expect(Vue.version).toMatch(/^2\.7\./);
});

it('renders the slot of the stubbed variant', () => {
  stubExperiments({ pill_color: 'candidate' });
  const wrapper = mount(GitlabExperiment, { propsData: { name: 'pill_color' }, scopedSlots: slots });
  expect(wrapper.text()).toBe('red pill');
});

it('renders control without data, and again when a stub arrives', async () => {
  const wrapper = mount(GitlabExperiment, { propsData: { name: 'pill_color' }, scopedSlots: slots });
  expect(wrapper.text()).toBe('grey pill');
  stubExperiments({ pill_color: 'candidate' });
  await Vue.nextTick();
  expect(wrapper.text()).toBe('red pill');
});
