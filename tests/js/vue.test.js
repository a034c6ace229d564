// `cohort-ab/vue`: GitlabExperiment, the drop-in for GitLab's
// gitlab_experiment.vue. The first block ports GitLab's own
// spec/frontend/experimentation/components/gitlab_experiment_spec.js (its
// expected texts), once with data in window.gon.experiment as that spec sets
// it and once in window.gl.experiments, where GitLab pushes it today. The
// rest covers what the drop-in adds: it renders again when stubs or the
// context change, lets go of its subscription on unmount, and treats a
// variant name as data, never as markup or as an inherited property.
const fs = require('node:fs');
const { h, nextTick } = require('vue');
const { mount } = require('@vue/test-utils');
const { GitlabExperiment } = require('cohort-ab/vue');
const { getExperimentVariant, init, setContext } = require('cohort-ab');
const { stubExperiments } = require('cohort-ab/testing');
const { exampleDefinitions } = require('./paths');
const { nativeAnswer } = require('./native_cli');

const definitions = fs.readFileSync(exampleDefinitions, 'utf8');

// GitLab's spec: its default props and slots.
const defaultProps = { name: 'experiment_name' };
const defaultSlots = {
  candidate: '<p>Candidate</p>',
  control: '<p>Control</p>',
};

// The package's shared state lives under this registered symbol (js/README.md,
// "Several copies"); its listeners are the subscriptions of mounted components.
const listenerCount = () => globalThis[Symbol.for('cohort.state.v1')].listeners.size;

const native = nativeAnswer;

let wrappers;
const createComponent = (propsData = defaultProps, slots = defaultSlots) => {
  const wrapper = mount(GitlabExperiment, { props: propsData, slots });
  wrappers.push(wrapper);
  return wrapper;
};
const unmount = (wrapper) => {
  wrapper.unmount();
  wrappers = wrappers.filter((w) => w !== wrapper);
};

beforeEach(() => {
  wrappers = [];
  init({ definitions: { experiments: [] }, context: {}, published: {}, storage: null, onError: () => {} });
});

afterEach(() => {
  for (const wrapper of wrappers) wrapper.unmount();
  delete window.gl;
  delete window.gon;
});

describe.each([
  [
    'window.gon.experiment',
    (variant) => {
      window.gon = { experiment: { experiment_name: { variant } } };
    },
  ],
  [
    'window.gl.experiments',
    (variant) => {
      window.gl = { experiments: { experiment_name: { variant } } };
    },
  ],
])('GitLab spec, with data in %s', (_source, mockVariant) => {
  describe('when variant and experiment is set', () => {
    it('renders control when it is the active variant', () => {
      mockVariant('control');
      expect(createComponent().text()).toBe('Control');
    });

    it('renders candidate when it is the active variant', () => {
      mockVariant('candidate');
      expect(createComponent().text()).toBe('Candidate');
    });
  });

  describe('when variant or experiment is not set', () => {
    it('renders the control slot when no variant is defined', () => {
      mockVariant(undefined);
      expect(createComponent().text()).toBe('Control');
    });

    it('renders nothing when behavior is not set for variant', () => {
      mockVariant('non-existing-variant');
      const wrapper = createComponent(defaultProps, { control: '<p>First</p>', other: '<p>Other</p>' });
      expect(wrapper.text()).toBe('');
    });

    it('renders nothing when there are no slots', () => {
      mockVariant('control');
      expect(createComponent(defaultProps, {}).text()).toBe('');
    });
  });
});

describe('beyond GitLab', () => {
  it('renders the control slot when there is no data at all', () => {
    // getExperimentVariant gives 'control' without data (GitLab's utils).
    expect(getExperimentVariant('experiment_name')).toBe('control');
    expect(createComponent().text()).toBe('Control');
  });

  it('renders again when stubExperiments changes the variant after mount', async () => {
    const wrapper = createComponent();
    expect(wrapper.text()).toBe('Control');
    stubExperiments({ experiment_name: 'candidate' });
    await nextTick();
    expect(wrapper.text()).toBe('Candidate');
    stubExperiments({ experiment_name: 'control' });
    await nextTick();
    expect(wrapper.text()).toBe('Control');
  });

  it('renders the local answer and renders again when setContext changes it', async () => {
    // Two users whose pill_color variants differ, as the native tool resolves them.
    const first = native('pill_color', { actor: 'user:1' });
    const second = native('pill_color', { actor: 'user:5' });
    expect(first.variant).not.toBe(second.variant);

    init({ definitions, context: { actor: 'user:1' }, storage: null, onError: () => {} });
    const slots = { control: '<p>control</p>', red: '<p>red</p>', blue: '<p>blue</p>' };
    const wrapper = createComponent({ name: 'pill_color' }, slots);
    expect(wrapper.text()).toBe(first.variant);

    setContext({ actor: 'user:5' });
    await nextTick();
    expect(wrapper.text()).toBe(second.variant);
  });

  it('unsubscribes on unmount: no render and no error on later changes', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    const before = listenerCount();
    const control = jest.fn(() => h('p', 'Control'));
    const candidate = jest.fn(() => h('p', 'Candidate'));
    const wrapper = createComponent(defaultProps, { control, candidate });
    expect(control).toHaveBeenCalledTimes(1);
    expect(listenerCount()).toBe(before + 1);

    unmount(wrapper);
    expect(listenerCount()).toBe(before);
    expect(() => stubExperiments({ experiment_name: 'candidate' })).not.toThrow();
    await nextTick();
    expect(candidate).not.toHaveBeenCalled();
    expect(control).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('renders nothing, and no <img>, for a variant name that is markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    window.gl = { experiments: { experiment_name: { experiment: 'experiment_name', variant: hostile } } };
    // The pushed variant is taken as it is (a valid name of 1 to 256 characters)...
    expect(getExperimentVariant('experiment_name')).toBe(hostile);
    const wrapper = createComponent();
    // ...and, as GitLab's component, a variant without a slot renders nothing.
    expect(wrapper.text()).toBe('');
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.html()).not.toContain('<img');
  });

  // Only own properties are read (js/README.md, "Bad input"): an inherited
  // name is a plain variant without a slot, so nothing renders, as for
  // GitLab's 'non-existing-variant'.
  const rendersNothingFor = (variant) => {
    stubExperiments({ experiment_name: variant });
    expect(getExperimentVariant('experiment_name')).toBe(variant);
    let wrapper;
    expect(() => {
      wrapper = createComponent();
    }).not.toThrow();
    expect(wrapper.text()).toBe('');
  };

  // Vue's slots object inherits from Object.prototype: only own slots count.
  it.each(['hasOwnProperty', '__proto__', 'toString', 'constructor', 'valueOf'])('renders nothing for the inherited name %s', rendersNothingFor);

  it('renders nothing for a pushed variant named constructor', () => {
    window.gl = { experiments: { experiment_name: { experiment: 'experiment_name', variant: 'constructor' } } };
    expect(createComponent().text()).toBe('');
  });
});
