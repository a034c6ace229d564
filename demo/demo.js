// The demo page: the context switcher, "why am I seeing this", the stub
// panel and the tracking log around the <gitlab-experiment> elements of
// index.html. Everything shown is set through textContent: no data becomes
// markup (the page runs under Trusted Types).
import { getExperimentData, init, run, setContext, subscribe, track } from '/cohort/browser/index.js';
import { RENDER_EVENT } from '/cohort/browser/element.js';
import { restoreExperiments, stubExperiments } from '/cohort/browser/testing.js';
import { COURSES, contextFor, readQuery } from '/context.js';
import { why } from '/why.js';

const $ = (selector) => document.querySelector(selector);
const query = readQuery(new URLSearchParams(location.search));
const experiments = [...document.querySelectorAll('gitlab-experiment')].map((e) => e.getAttribute('name'));

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showError(error) {
  $('#errors').append(element('li', `${error.source} ${error.path}: ${error.message}`));
}

function logEvent(event) {
  const item = element('li');
  item.dataset.action = event.action;
  item.dataset.experiment = event.experiment;
  item.append(
    element('strong', event.action),
    ` ${event.experiment} → ${event.variant} (bucket ${event.bucket}${event.course ? `, ${event.course}` : ''}) `,
    element('code', JSON.stringify(event.context)),
  );
  $('#events').prepend(item);
}

// 1. Resolution: definitions fetched in local mode (the elements wait for
//    them), none in pushed mode (GitLab's frontend: window.gl.experiments only).
for (const e of query.errors) showError({ source: 'query', path: e.param, message: e.message });
const context = contextFor(query);
init({
  ...(query.mode === 'local'
    ? {
        definitions: fetch('/definitions.json').then((r) => {
          if (!r.ok) throw new Error(`/definitions.json: HTTP ${r.status}`);
          return r.json();
        }),
      }
    : {}),
  context,
  trackers: logEvent,
  onError: showError,
});

// 2. The mode and the context form.
document.body.dataset.mode = query.mode;
$(`#mode-${query.mode}`).setAttribute('aria-current', 'page');
$('#mode-note').textContent =
  query.mode === 'local'
    ? 'Variants are resolved in the browser, by the WebAssembly engine, from /definitions.json.'
    : query.push
      ? 'Variants come from window.gl.experiments, written into the page by `cohort publish` on the server.'
      : 'The server pushed no data: every experiment falls back to control.';
$('#mode-field').value = query.mode;
$('#user-field').value = query.user;
for (const course of COURSES) {
  const option = element('option', course || '(no course)');
  option.value = course;
  $('#course-field').append(option);
}
$('#course-field').value = query.course;
$('#push-label').hidden = query.mode !== 'pushed';
$('#push-field').checked = !query.push;
$('#push-value').value = query.push ? 'on' : 'off';
$('#push-field').addEventListener('change', () => {
  $('#push-value').value = $('#push-field').checked ? 'off' : 'on';
});
$('#context-json').textContent = JSON.stringify(context);

$('#context-form').addEventListener('submit', (event) => {
  if (query.mode !== 'local') return; // pushed mode: the server publishes for the new context
  event.preventDefault();
  const next = readQuery(new URLSearchParams(new FormData(event.target)));
  if (next.errors.length > 0) {
    for (const e of next.errors) showError({ source: 'query', path: e.param, message: e.message });
    return;
  }
  const nextContext = contextFor(next);
  setContext(nextContext);
  $('#context-json').textContent = JSON.stringify(nextContext);
  history.replaceState(null, '', `?mode=local&user=${encodeURIComponent(next.user)}&course=${encodeURIComponent(next.course)}`);
});

// 3. "Why am I seeing this": the answer's variant and reason, kept current.
function explain(name) {
  const shown = document.querySelector(`gitlab-experiment[name="${CSS.escape(name)}"]`);
  if (!shown || shown.renderedVariant === undefined) return; // not rendered yet
  const answer = run(name);
  document.querySelector(`[data-variant-of="${CSS.escape(name)}"]`).textContent = answer.variant;
  document.querySelector(`[data-why-of="${CSS.escape(name)}"]`).textContent =
    `${answer.reason}: ${why(answer.reason)}${getExperimentData(name) ? '' : ' (no experiment data)'}`;
}
document.addEventListener(RENDER_EVENT, (event) => explain(event.detail.experiment));
subscribe(() => experiments.forEach(explain));
experiments.forEach(explain); // those rendered before this module ran (pushed data, at once)

// 4. The stub panel: one select per experiment, with its templates' variants.
const stubSelects = new Map();
for (const name of experiments) {
  const label = element('label', `${name} `);
  const select = element('select');
  select.dataset.stub = name;
  const none = element('option', '(no stub)');
  none.value = '';
  select.append(none);
  for (const t of document.querySelectorAll(`gitlab-experiment[name="${CSS.escape(name)}"] > template[data-variant]`)) {
    const option = element('option', t.dataset.variant);
    option.value = t.dataset.variant;
    select.append(option);
  }
  select.addEventListener('change', applyStubs);
  stubSelects.set(name, select);
  label.append(select);
  $('#stub-controls').append(label);
}
function applyStubs() {
  const stubs = {};
  for (const [name, select] of stubSelects) if (select.value !== '') stubs[name] = select.value;
  restoreExperiments();
  stubExperiments(stubs);
}
$('#clear-stubs').addEventListener('click', () => {
  for (const select of stubSelects.values()) select.value = '';
  restoreExperiments();
});

// 5. A custom tracking event: clicking the pill.
$('#experiments').addEventListener('click', (event) => {
  if (event.target.closest('.pill')) track('pill_color', 'click_pill', { label: 'demo' });
});
