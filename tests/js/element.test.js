// The <gitlab-experiment> custom element (cohort/element) under jsdom: which
// template it renders (SPEC §5 "Slot rendering"), that it renders nothing
// before the answer is final and never control first, that it follows stubs,
// context and attribute changes, and that no data becomes markup.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { init, setContext } = require('cohort-ab');
const { stubExperiments } = require('cohort-ab/testing');
const { EXPERIMENT_TAG, RENDER_EVENT, defineExperimentElement } = require('cohort-ab/element');
const { exampleDefinitions, root } = require('./paths');
const { nativeAnswer } = require('./native_cli');

const definitions = fs.readFileSync(exampleDefinitions, 'utf8');

const nativeVariant = (name, context) => nativeAnswer(name, context).variant;

/** <gitlab-experiment name=…> with one <template data-variant=v><p data-shown=v>v</p></template> per variant. */
function experimentElement(name, variants) {
  const element = document.createElement(EXPERIMENT_TAG);
  if (name !== null) element.setAttribute('name', name);
  for (const variant of variants) {
    const template = document.createElement('template');
    template.setAttribute('data-variant', variant);
    const p = document.createElement('p');
    p.setAttribute('data-shown', variant);
    p.textContent = variant;
    template.content.appendChild(p);
    element.appendChild(template);
  }
  return element;
}

/** What the element shows: the data-shown of each rendered child, in order. */
function shown(element) {
  return Array.from(element.querySelectorAll(':scope > [data-shown]')).map((p) => p.getAttribute('data-shown'));
}

/** Every data-shown added under `element`, in order, as a MutationObserver sees them. */
function watchAdditions(element) {
  const added = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) if (node.nodeType === 1 && node.hasAttribute('data-shown')) added.push(node.getAttribute('data-shown'));
    }
  });
  observer.observe(element, { childList: true });
  return added;
}

const flushObservers = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  init({ definitions: { experiments: [] }, published: {}, context: {}, storage: null, onError: () => {} });
});

afterEach(() => {
  document.body.replaceChildren();
  delete window.gl;
  delete window.gon;
});

describe('which template it renders', () => {
  it("renders control's template when there is no data", () => {
    const element = experimentElement('pill_color', ['control', 'red', 'blue']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['control']);
    expect(element.renderedVariant).toBe('control');
  });

  it('renders the pushed variant from window.gl.experiments', () => {
    window.gl = { experiments: { pill_color: { experiment: 'pill_color', key: 'abc', variant: 'red' } } };
    const element = experimentElement('pill_color', ['control', 'red', 'blue']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['red']);
  });

  it("renders control's template when the variant has no template", () => {
    stubExperiments({ pill_color: 'green' });
    const element = experimentElement('pill_color', ['control', 'red']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['control']);
  });

  it('takes the first template for control when none is named after it', () => {
    stubExperiments({ pill_color: 'green' });
    const element = experimentElement('pill_color', ['red', 'blue']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['red']);
  });

  it("names control after the definition: edX's bucket 0", () => {
    // course_upsell_banner has num_buckets 2: variants "0" (control) and "1".
    // Without a course it is still resolved; with enrollment before the
    // start (2026-01-01) it is excluded: control, with no data.
    init({ definitions });
    setContext({ username: 'ada', course: 'course-v1:edX+DemoX+2026', enrollment_created: '2025-06-01T00:00:00Z' });
    const element = experimentElement('course_upsell_banner', ['1', '0']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['0']);
  });

  it('renders nothing when it has no templates', () => {
    stubExperiments({ pill_color: 'green' });
    const element = experimentElement('pill_color', []);
    document.body.appendChild(element);
    expect(element.childNodes).toHaveLength(0);
    expect(element.renderedVariant).toBeUndefined();
  });

  it('keeps its templates inert and renders a copy after them', () => {
    stubExperiments({ pill_color: 'red' });
    const element = experimentElement('pill_color', ['control', 'red']);
    document.body.appendChild(element);
    expect(element.querySelectorAll('template')).toHaveLength(2);
    expect(element.lastElementChild.getAttribute('data-shown')).toBe('red');
    expect(element.querySelector('template[data-variant="red"]').content.childNodes).toHaveLength(1);
  });

  it('shows the same variant as `cohort resolve` for a local context', () => {
    init({ definitions });
    for (const user of [1, 2, 3, 5]) {
      const context = { actor: `user:${user}` };
      setContext(context);
      const element = experimentElement('pill_color', ['control', 'red', 'blue']);
      document.body.appendChild(element);
      expect(shown(element)).toEqual([nativeVariant('pill_color', context)]);
      element.remove();
    }
  });

  it('announces each render with the experiment and variant', () => {
    stubExperiments({ pill_color: 'green' });
    const element = experimentElement('pill_color', ['control', 'red']);
    const events = [];
    document.body.addEventListener(RENDER_EVENT, (e) => events.push(e.detail));
    document.body.appendChild(element);
    expect(events).toEqual([{ experiment: 'pill_color', variant: 'green', rendered: 'control' }]);
  });
});

describe('when it renders', () => {
  it('renders nothing until promised definitions arrive, then the variant with no control before it', async () => {
    // user:1 is in the red variant of pill_color, by `cohort resolve`.
    const context = { actor: 'user:1' };
    const expected = nativeVariant('pill_color', context);
    expect(expected).not.toBe('control');
    let deliver;
    const arrived = init({ definitions: new Promise((resolve) => (deliver = resolve)), context });
    const element = experimentElement('pill_color', ['control', 'red', 'blue']);
    const added = watchAdditions(element);
    document.body.appendChild(element);
    await flushObservers();
    expect(shown(element)).toEqual([]);
    deliver(JSON.parse(definitions));
    await arrived;
    await flushObservers();
    expect(shown(element)).toEqual([expected]);
    expect(added).toEqual([expected]);
  });

  it('with definitions on their way, pushed data waits for them: the definition may overrule it', async () => {
    // SPEC §3: a pushed variant the definition lacks is ignored. pill_color
    // has no "green", so user:1 gets the local answer (`cohort resolve`);
    // "blue" exists, so the pushed answer stands. One render each.
    const context = { actor: 'user:1' };
    let deliver;
    const arrived = init({ definitions: new Promise((resolve) => (deliver = resolve)), context });
    window.gl = {
      experiments: {
        pill_color: { experiment: 'pill_color', variant: 'green' },
        dark_mode: { experiment: 'dark_mode', variant: 'dark' },
      },
    };
    const overruled = experimentElement('pill_color', ['control', 'red', 'blue', 'green']);
    const kept = experimentElement('dark_mode', ['control', 'dark']);
    const added = [watchAdditions(overruled), watchAdditions(kept)];
    document.body.append(overruled, kept);
    expect([shown(overruled), shown(kept)]).toEqual([[], []]);
    deliver(JSON.parse(definitions));
    await arrived;
    await flushObservers();
    expect(added).toEqual([[nativeVariant('pill_color', context)], ['dark']]);
  });

  it('a rejected definitions promise is reported and the element settles on control', async () => {
    const errors = [];
    const done = init({ definitions: Promise.reject(new Error('offline')), onError: (e) => errors.push(e) });
    const element = experimentElement('pill_color', ['control', 'red']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual([]);
    await done;
    expect(shown(element)).toEqual(['control']);
    expect(errors).toEqual([expect.objectContaining({ source: 'definitions', message: expect.stringContaining('offline') })]);
  });

  it('renders when templates are added after it is connected', async () => {
    stubExperiments({ pill_color: 'red' });
    const element = experimentElement('pill_color', []);
    document.body.appendChild(element);
    expect(shown(element)).toEqual([]);
    element.append(...experimentElement('pill_color', ['control', 'red']).children);
    await flushObservers();
    expect(shown(element)).toEqual(['red']);
  });
});

describe('rendering again', () => {
  it('follows stubs: a new variant replaces the old one, restoring goes back to control', () => {
    const { restoreExperiments } = require('cohort-ab/testing');
    const element = experimentElement('pill_color', ['control', 'red', 'blue']);
    document.body.appendChild(element);
    stubExperiments({ pill_color: 'red' });
    expect(shown(element)).toEqual(['red']);
    stubExperiments({ pill_color: 'blue' });
    expect(shown(element)).toEqual(['blue']);
    restoreExperiments();
    expect(shown(element)).toEqual(['control']);
  });

  it('follows the context', () => {
    init({ definitions });
    // By `cohort resolve`: user:2 sees control (gate), user:3 red.
    const a = { actor: 'user:2' };
    const b = { actor: 'user:3' };
    expect(nativeVariant('pill_color', a)).not.toBe(nativeVariant('pill_color', b));
    setContext(a);
    const element = experimentElement('pill_color', ['control', 'red', 'blue']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual([nativeVariant('pill_color', a)]);
    setContext(b);
    expect(shown(element)).toEqual([nativeVariant('pill_color', b)]);
  });

  it('follows its name attribute', () => {
    stubExperiments({ first: 'red', second: 'blue' });
    const element = experimentElement('first', ['control', 'red', 'blue']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['red']);
    element.setAttribute('name', 'second');
    expect(shown(element)).toEqual(['blue']);
  });

  it('leaves rendered content alone when the answer did not change', () => {
    stubExperiments({ pill_color: 'red' });
    const element = experimentElement('pill_color', ['control', 'red']);
    document.body.appendChild(element);
    const first = element.lastElementChild;
    stubExperiments({ unrelated: 'x' });
    setContext({ actor: 'user:9' });
    expect(element.lastElementChild).toBe(first);
  });

  it('stops listening once removed, and renders again when put back', () => {
    const element = experimentElement('pill_color', ['control', 'red']);
    document.body.appendChild(element);
    element.remove();
    stubExperiments({ pill_color: 'red' });
    expect(shown(element)).toEqual(['control']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['red']);
  });
});

describe('hostile input', () => {
  const hostile = [
    '<img src=x onerror="window.__xss = 1">',
    '"]<script>window.__xss = 1</script>',
    'control"], template[data-variant="red',
    '__proto__',
    'x'.repeat(10_000),
  ];

  it.each(hostile.map((v) => [v.slice(0, 40), v]))('a pushed variant %j becomes no markup and shows control', (_label, variant) => {
    window.gl = { experiments: { pill_color: { experiment: 'pill_color', variant } } };
    const element = experimentElement('pill_color', ['control', 'red']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['control']);
    expect(document.querySelector('img, script')).toBeNull();
    expect(window.__xss).toBeUndefined();
  });

  it('a stubbed hostile variant is only compared, never parsed', () => {
    stubExperiments({ pill_color: hostile[0] });
    const element = experimentElement('pill_color', ['control']);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['control']);
    expect(document.querySelector('img')).toBeNull();
  });

  it('an element without a name shows control and reports it once', () => {
    const errors = [];
    init({ onError: (e) => errors.push(e) });
    const element = experimentElement(null, ['control', 'red']);
    document.body.appendChild(element);
    stubExperiments({ anything: 'red' });
    expect(shown(element)).toEqual(['control']);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('without a name');
  });

  it('a non-template child or a template without data-variant is ignored', () => {
    stubExperiments({ pill_color: 'red' });
    const element = experimentElement('pill_color', ['control']);
    const fake = document.createElement('div');
    fake.setAttribute('data-variant', 'red');
    const bare = document.createElement('template');
    element.append(fake, bare);
    document.body.appendChild(element);
    expect(shown(element)).toEqual(['control']);
  });
});

describe('defining the element', () => {
  it('is defined on import, once', () => {
    expect(customElements.get(EXPERIMENT_TAG)).toBeDefined();
    expect(defineExperimentElement()).toBe(customElements.get(EXPERIMENT_TAG));
  });

  it('can be defined under another tag', () => {
    const Other = defineExperimentElement('my-experiment');
    expect(customElements.get('my-experiment')).toBe(Other);
    expect(Other).not.toBe(customElements.get(EXPERIMENT_TAG));
  });

  it('imports in Node without a DOM and defines nothing', () => {
    const script = "const m = require('./js/dist/node/element.cjs'); console.log(String(m.defineExperimentElement()));";
    expect(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }).trim()).toBe('undefined');
  });
});
