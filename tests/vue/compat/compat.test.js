// @vue/compat, as GitLab's Jest suite runs Vue 3: the component answers
// through Vue 2-style scoped slots given by a compat-mode parent.
import { mount } from '@vue/test-utils';
import * as Vue from 'vue';
import { GitlabExperiment } from 'cohort-ab/gitlab-experiment';
import { stubExperiments } from 'cohort-ab/testing';

it('runs on @vue/compat', () => {
  expect(Vue.compatUtils).toBeDefined();
});

it('renders the named slot of the stubbed variant from a Vue 2-style render function', () => {
  stubExperiments({ pill_color: 'candidate' });
  const Parent = {
    // A Vue 2 component, as GitLab's are: its render function takes `h`.
    compatConfig: { MODE: 2, RENDER_FUNCTION: 'suppress-warning' },
    render(h) {
      return h(GitlabExperiment, {
        props: { name: 'pill_color' },
        scopedSlots: { control: () => h('p', 'grey pill'), candidate: () => h('p', 'red pill') },
      });
    },
  };
  expect(mount(Parent).text()).toBe('red pill');
});
