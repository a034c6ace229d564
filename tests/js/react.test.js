// `cohort-ab/react`: <Experiment name variants={{ control, red }} /> and the
// useExperimentVariant hook. The variant comes from GitLab's
// getExperimentVariant (stubs, then window.gl / window.gon, then local
// resolution; 'control' without data); the component renders that variant's
// entry, control's when the variant has none, and nothing when neither
// exists. Local answers are checked against the native `cohort resolve`.
// Plain CommonJS without a JSX transform: elements come from createElement.
const fs = require('node:fs');
const { createElement } = require('react');
const { act, render, renderHook } = require('@testing-library/react');
const { renderToString } = require('react-dom/server');
const { Experiment, useExperimentVariant } = require('cohort-ab/react');
const { getExperimentVariant, init, setContext } = require('cohort-ab');
const { stubExperiments } = require('cohort-ab/testing');
const { exampleDefinitions } = require('./paths');
const { nativeAnswer } = require('./native_cli');

const definitions = fs.readFileSync(exampleDefinitions, 'utf8');
const variants = { control: 'Control', candidate: 'Candidate' };

// The package's shared state lives under this registered symbol (js/README.md,
// "Several copies"); its listeners are the subscriptions of mounted components.
const listenerCount = () => globalThis[Symbol.for('cohort.state.v1')].listeners.size;

const native = nativeAnswer;

const renderExperiment = (props) => render(createElement(Experiment, { name: 'experiment_name', variants, ...props }));

beforeEach(() => {
  init({ definitions: { experiments: [] }, context: {}, published: {}, storage: null, onError: () => {} });
});

afterEach(() => {
  // @testing-library/react unmounts what it rendered after each test by itself.
  delete window.gl;
  delete window.gon;
});

describe('Experiment', () => {
  it('renders control with no data', () => {
    // GitLab's getExperimentVariant: 'control' without data.
    expect(getExperimentVariant('experiment_name')).toBe('control');
    expect(renderExperiment().container.textContent).toBe('Control');
  });

  it.each([
    [
      'window.gl.experiments',
      (variant) => {
        window.gl = { experiments: { experiment_name: { experiment: 'experiment_name', variant } } };
      },
    ],
    [
      'window.gon.experiment',
      (variant) => {
        window.gon = { experiment: { experiment_name: { variant } } };
      },
    ],
  ])('renders the variant pushed in %s', (_source, push) => {
    push('candidate');
    expect(renderExperiment().container.textContent).toBe('Candidate');
  });

  it('renders the stubbed variant', () => {
    stubExperiments({ experiment_name: 'candidate' });
    expect(renderExperiment().container.textContent).toBe('Candidate');
  });

  it('renders the local answer that `cohort resolve` gives for the user', () => {
    const expected = native('pill_color', { actor: 'user:1' }).variant;
    init({ definitions, context: { actor: 'user:1' }, storage: null, onError: () => {} });
    const { container } = renderExperiment({ name: 'pill_color', variants: { control: 'control', red: 'red', blue: 'blue' } });
    expect(container.textContent).toBe(expected);
  });

  it('renders again when a stub changes the variant', () => {
    const { container } = renderExperiment();
    expect(container.textContent).toBe('Control');
    act(() => {
      stubExperiments({ experiment_name: 'candidate' });
    });
    expect(container.textContent).toBe('Candidate');
    act(() => {
      stubExperiments({ experiment_name: 'control' });
    });
    expect(container.textContent).toBe('Control');
  });

  it('renders again when setContext changes the local answer', () => {
    // Two users whose pill_color variants differ, as the native tool resolves them.
    const first = native('pill_color', { actor: 'user:1' }).variant;
    const second = native('pill_color', { actor: 'user:5' }).variant;
    expect(first).not.toBe(second);

    init({ definitions, context: { actor: 'user:1' }, storage: null, onError: () => {} });
    const { container } = renderExperiment({ name: 'pill_color', variants: { control: 'control', red: 'red', blue: 'blue' } });
    expect(container.textContent).toBe(first);
    act(() => {
      setContext({ actor: 'user:5' });
    });
    expect(container.textContent).toBe(second);
  });

  it('calls a function entry to make the assigned variant, and only that one', () => {
    stubExperiments({ experiment_name: 'red' });
    const control = jest.fn(() => 'Control');
    const red = jest.fn(() => createElement('b', null, 'Red'));
    const { container } = renderExperiment({ variants: { control, red } });
    expect(container.innerHTML).toBe('<b>Red</b>');
    expect(red).toHaveBeenCalled();
    expect(control).not.toHaveBeenCalled();
  });

  it("falls back to control's entry when the variant has none", () => {
    stubExperiments({ experiment_name: 'purple' });
    expect(renderExperiment().container.textContent).toBe('Control');
  });

  it("takes an undefined entry for no entry, and falls back to control's", () => {
    stubExperiments({ experiment_name: 'candidate' });
    expect(renderExperiment({ variants: { control: 'Control', candidate: undefined } }).container.textContent).toBe('Control');
  });

  it('takes the first entry for control when none is named control, and renders nothing with no entries', () => {
    // The rule of SPEC §5's element, shared by the adapters (js/README.md).
    stubExperiments({ experiment_name: 'purple' });
    expect(renderExperiment({ variants: { candidate: 'Candidate', other: 'Other' } }).container.textContent).toBe('Candidate');
    expect(renderExperiment({ variants: {} }).container.innerHTML).toBe('');
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'control'],
    ['a number', 42],
    ['an array', ['Control']],
  ])('renders nothing, without throwing, for variants that are %s', (_what, hostile) => {
    let container;
    expect(() => {
      ({ container } = renderExperiment({ variants: hostile }));
    }).not.toThrow();
    expect(container.innerHTML).toBe('');
  });

  it("renders control's entry when the variant's function entry throws, and reports it once", () => {
    const errors = [];
    init({ onError: (e) => errors.push(e) });
    stubExperiments({ experiment_name: 'candidate' });
    const broken = () => {
      throw new Error('broken entry');
    };
    let container;
    expect(() => {
      ({ container } = renderExperiment({ variants: { control: () => 'Control', candidate: broken } }));
    }).not.toThrow();
    expect(container.textContent).toBe('Control');
    expect(errors).toEqual([{ source: 'handler', path: 'experiment_name', message: 'the handler of variant "candidate" threw: broken entry' }]);
  });

  it.each(['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__'])(
    "never uses an inherited property as the entry of variant %s: renders control's",
    (variant) => {
      stubExperiments({ experiment_name: variant });
      expect(getExperimentVariant('experiment_name')).toBe(variant);
      expect(renderExperiment({ variants: { control: 'C' } }).container.textContent).toBe('C');
    },
  );

  it("uses an own '__proto__' entry, and works with variants without a prototype", () => {
    stubExperiments({ experiment_name: '__proto__' });
    // JSON.parse makes '__proto__' an own property, not the prototype.
    expect(renderExperiment({ variants: JSON.parse('{"control": "C", "__proto__": "P"}') }).container.textContent).toBe('P');
    const bare = Object.assign(Object.create(null), { control: 'C' });
    expect(renderExperiment({ variants: bare }).container.textContent).toBe('C');
  });

  it('renders control, and no <img>, for a pushed variant name that is markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    window.gl = { experiments: { experiment_name: { experiment: 'experiment_name', variant: hostile } } };
    // The pushed variant is taken as it is (a valid name of 1 to 256 characters)...
    expect(getExperimentVariant('experiment_name')).toBe(hostile);
    // ...and has no entry, so control's renders; the name never becomes markup.
    const { container } = renderExperiment();
    expect(container.textContent).toBe('Control');
    expect(container.querySelector('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('unsubscribes on unmount: later changes neither render nor throw', () => {
    const before = listenerCount();
    const candidate = jest.fn(() => 'Candidate');
    const { unmount } = renderExperiment({ variants: { control: 'Control', candidate } });
    expect(listenerCount()).toBe(before + 1);
    unmount();
    expect(listenerCount()).toBe(before);
    expect(() =>
      act(() => {
        stubExperiments({ experiment_name: 'candidate' });
      }),
    ).not.toThrow();
    expect(candidate).not.toHaveBeenCalled();
  });
});

describe('useExperimentVariant', () => {
  it("is 'control' with no data", () => {
    const { result } = renderHook(() => useExperimentVariant('experiment_name'));
    expect(result.current).toBe('control');
  });

  it('gives the pushed variant, verbatim', () => {
    window.gl = { experiments: { experiment_name: { experiment: 'experiment_name', variant: 'candidate' } } };
    const { result } = renderHook(() => useExperimentVariant('experiment_name'));
    expect(result.current).toBe('candidate');
  });

  it('follows stubs', () => {
    const { result } = renderHook(() => useExperimentVariant('experiment_name'));
    act(() => {
      stubExperiments({ experiment_name: 'candidate' });
    });
    expect(result.current).toBe('candidate');
  });

  it('gives the local answer and follows setContext', () => {
    const first = native('pill_color', { actor: 'user:1' }).variant;
    const second = native('pill_color', { actor: 'user:5' }).variant;
    init({ definitions, context: { actor: 'user:1' }, storage: null, onError: () => {} });
    const { result } = renderHook(() => useExperimentVariant('pill_color'));
    expect(result.current).toBe(first);
    act(() => {
      setContext({ actor: 'user:5' });
    });
    expect(result.current).toBe(second);
  });

  it('reads the new experiment when the name changes', () => {
    stubExperiments({ a: 'red', b: 'blue' });
    const { result, rerender } = renderHook(({ name }) => useExperimentVariant(name), { initialProps: { name: 'a' } });
    expect(result.current).toBe('red');
    rerender({ name: 'b' });
    expect(result.current).toBe('blue');
  });
});

describe('bad names and server rendering', () => {
  it.each([[undefined], [42], [''], [{}]])('a name of %p renders control, reported once, never a throw', (name) => {
    const errors = [];
    init({ onError: (e) => errors.push(e) });
    const { container, rerender } = render(createElement(Experiment, { name, variants }));
    rerender(createElement(Experiment, { name, variants: { ...variants } }));
    expect(container.textContent).toBe('Control');
    expect(errors.filter((e) => e.message.includes('experiment name'))).toHaveLength(1);
  });

  it('renders a stubbed variant on the server, and nothing for a local answer the client cannot have yet', () => {
    init({ definitions, context: { actor: 'user:1' } });
    expect(renderToString(createElement(Experiment, { name: 'pill_color', variants: { control: 'C', red: 'R', blue: 'B' } }))).toBe('');
    stubExperiments({ pill_color: 'blue' });
    expect(renderToString(createElement(Experiment, { name: 'pill_color', variants: { control: 'C', red: 'R', blue: 'B' } }))).toBe('B');
  });
});
