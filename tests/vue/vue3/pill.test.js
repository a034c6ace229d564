// Single-file components compiled by @vue/vue3-jest, stubbed the way
// GitLab's specs stub: the slot of the stubbed variant renders.
import { mount } from '@vue/test-utils';
import { nextTick } from 'vue';
import { stubExperiments } from 'cohort-ab/testing';
import ScriptSetupPill from './ScriptSetupPill.vue';
import OptionsPill from './OptionsPill.vue';

describe.each([
  ['<script setup>', ScriptSetupPill],
  ['the Options API', OptionsPill],
])('a component written with %s', (_form, Component) => {
  it('renders the slot of the stubbed variant', () => {
    stubExperiments({ pill_color: 'candidate' });
    expect(mount(Component).text()).toBe('red pill');
  });

  it('renders control without data, and again when a stub arrives', async () => {
    const wrapper = mount(Component);
    expect(wrapper.text()).toBe('grey pill');
    stubExperiments({ pill_color: 'candidate' });
    await nextTick();
    expect(wrapper.text()).toBe('red pill');
  });
});
