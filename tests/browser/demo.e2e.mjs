// The demo page in headless Chromium (Debian's, driven by playwright-core):
// the variant each <gitlab-experiment> shows equals what the native `cohort
// resolve` prints for the page's context, in both modes; control when the
// server pushes nothing; no control-then-variant swap seen by a
// MutationObserver installed before any page script; no console error or
// CSP violation; stubs, the context switcher and the tracking log work.
// Writes build/e2e/demo.png and build/e2e/timing.json (navigation to first
// rendered variant).
//
//   node --test tests/browser/
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serve } from '../../demo/server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = join(root, 'build', 'e2e');
const cli = process.env.COHORT_CLI ?? join(root, 'build', 'native-release', 'native', 'cohort');
const definitions = join(root, 'native', 'examples', 'definitions.json');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const requireFromPackage = createRequire(join(root, 'js', 'package.json'));
const { chromium } = requireFromPackage('playwright-core');

const EXPERIMENTS = ['pill_color', 'course_upsell_banner', 'pipeline_editor_walkthrough', 'dark_mode'];
const USERS = ['1', '2', '3', '5', '42', '1000'];

/** What `cohort resolve` prints for `context`: experiment -> answer. */
function resolveNatively(context) {
  const lines = execFileSync(cli, ['resolve', '--definitions', definitions, '--context', context], { encoding: 'utf8' });
  return Object.fromEntries(
    lines
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((answer) => [answer.experiment, answer]),
  );
}

// Runs in the page before any of its scripts: records every variant rendered
// into a <gitlab-experiment>, and removed from one, with its time since
// navigation started; and every CSP violation.
function watchRenders() {
  const record = { renders: [], removals: [], violations: [] };
  window.__e2e = record;
  const shown = (node) => node.nodeType === 1 && node.hasAttribute('data-shown');
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.target.localName !== 'gitlab-experiment') continue;
      const experiment = m.target.getAttribute('name');
      for (const n of m.addedNodes) {
        if (shown(n)) record.renders.push({ experiment, variant: n.getAttribute('data-shown'), t: performance.now() });
      }
      for (const n of m.removedNodes) {
        if (shown(n)) record.removals.push({ experiment, variant: n.getAttribute('data-shown') });
      }
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('securitypolicyviolation', (e) => record.violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
}

let server;
let base;
let browser;
let profile;
/** Per page load: navigation start -> first rendered variant, and -> the page's last byte. */
const timings = { local: [], pushed: [] };

before(async () => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: install Debian's chromium (.ci/setup does) or set CHROMIUM`);
  }
  ({ server, url: base } = await serve(0));
  profile = mkdtempSync(join(tmpdir(), 'cohort-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1100, height: 900 },
  });
  await browser.addInitScript(watchRenders);
});

after(async () => {
  await browser?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(
    Object.entries(timings)
      .filter(([, runs]) => runs.length > 0)
      .map(([mode, runs]) => {
        const first = runs.map((r) => r.firstRender);
        return [
          mode,
          {
            page_loads: runs.length,
            first_render_median_ms: median(first),
            first_render_min_ms: Math.min(...first),
            first_render_max_ms: Math.max(...first),
            html_received_median_ms: median(runs.map((r) => r.responseEnd)),
          },
        ];
      }),
  );
  writeFileSync(join(out, 'timing.json'), `${JSON.stringify(summary, null, 2)}\n`);
  for (const [mode, s] of Object.entries(summary)) {
    console.log(
      `navigation -> first rendered variant, ${mode} mode: median ${s.first_render_median_ms.toFixed(1)} ms ` +
        `(min ${s.first_render_min_ms.toFixed(1)}, max ${s.first_render_max_ms.toFixed(1)}, ${s.page_loads} page loads; ` +
        `page HTML received at ${s.html_received_median_ms.toFixed(1)} ms)`,
    );
  }
});

/** Console errors, page errors and failed requests of each page. */
const problemsOf = new WeakMap();

/** A fresh page whose console errors, page errors and failed requests are recorded. */
async function openPage() {
  const page = await browser.newPage();
  const problems = [];
  problemsOf.set(page, problems);
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Leaving a page for the next user cancels what it still loads (the
    // favicon, the engine in pushed mode): that is the test's doing.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return page;
}

/** Loads `query`, waits until every experiment shows a variant; returns what the page shows and recorded. */
async function load(page, query) {
  const response = await page.goto(`${base}?${query}`);
  assert.equal(response.status(), 200, `GET /?${query}`);
  await page.waitForFunction(
    (names) =>
      names.every(
        (n) =>
          document.querySelector(`gitlab-experiment[name="${n}"]`)?.renderedVariant !== undefined &&
          document.querySelector(`[data-why-of="${n}"]`)?.textContent !== '',
      ),
    EXPERIMENTS,
  );
  return page.evaluate(() => ({
    context: document.querySelector('#context-json').textContent,
    shown: Object.fromEntries(
      [...document.querySelectorAll('gitlab-experiment')].map((e) => [
        e.getAttribute('name'),
        [...e.querySelectorAll(':scope > [data-shown]')].map((n) => n.dataset.shown),
      ]),
    ),
    why: Object.fromEntries([...document.querySelectorAll('[data-why-of]')].map((n) => [n.dataset.whyOf, n.textContent])),
    record: window.__e2e,
    responseEnd: performance.getEntriesByType('navigation')[0].responseEnd,
  }));
}

/** Every experiment rendered exactly once, and nothing removed: no swap. */
function assertRenderedOnce(record, query) {
  for (const name of EXPERIMENTS) {
    const renders = record.renders.filter((r) => r.experiment === name).map((r) => r.variant);
    assert.equal(renders.length, 1, `${query}: ${name} rendered ${JSON.stringify(renders)}; expected one render and no swap`);
  }
  assert.deepEqual(record.removals, [], `${query}: removed after rendering`);
}

function assertNoProblems(page, record, query) {
  assert.deepEqual(record.violations, [], `${query}: CSP violations`);
  assert.deepEqual(problemsOf.get(page), [], `${query}: console errors`);
}

for (const mode of ['local', 'pushed']) {
  describe(`${mode} mode`, () => {
    it('shows, for each user, the variants `cohort resolve` prints, rendered once each', async () => {
      const page = await openPage();
      for (const user of USERS) {
        const query = `mode=${mode}&user=${user}`;
        const { context, shown, why, record, responseEnd } = await load(page, query);
        const expected = resolveNatively(context);
        for (const name of EXPERIMENTS) {
          assert.deepEqual(shown[name], [expected[name].variant], `${query}: ${name} for ${context}`);
          const reason = mode === 'pushed' ? 'published' : expected[name].reason;
          assert.match(why[name], new RegExp(`^${reason}:`), `${query}: why ${name}`);
        }
        assertRenderedOnce(record, query);
        assertNoProblems(page, record, query);
        const firstRender = Math.min(...record.renders.map((r) => r.t));
        timings[mode].push({ firstRender, responseEnd });
      }
      await page.close();
    });
  });
}

describe('pushed mode without the engine', () => {
  it('renders the pushed variants while the engine never arrives', async () => {
    const page = await openPage();
    await page.route(`${base}cohort/wasm/**`, () => {}); // held forever: the engine never loads
    await page.goto(`${base}?mode=pushed&user=1`);
    await page.waitForFunction((n) => document.querySelectorAll('gitlab-experiment [data-shown]').length === n, EXPERIMENTS.length);
    const { shown, context } = await page.evaluate(() => ({
      context: document.querySelector('#context-json').textContent,
      shown: Object.fromEntries([...document.querySelectorAll('gitlab-experiment')].map((e) => [e.getAttribute('name'), e.renderedVariant])),
    }));
    const expected = resolveNatively(context);
    assert.deepEqual(shown, Object.fromEntries(EXPERIMENTS.map((name) => [name, expected[name].variant])));
    await page.close();
  });
});

describe('when the engine cannot load', () => {
  it('reports it once to onError, with the URL and the status, shows control and throws nothing', async () => {
    const page = await openPage();
    await page.route(`${base}cohort/wasm/**`, (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html>' }));
    await page.goto(`${base}?mode=local&user=1`);
    await page.waitForFunction((n) => document.querySelectorAll('gitlab-experiment [data-shown]').length === n, EXPERIMENTS.length);
    const errors = await page.evaluate(() => [...document.querySelectorAll('#errors li')].map((li) => li.textContent));
    const engineErrors = errors.filter((e) => e.startsWith('engine'));
    assert.equal(engineErrors.length, 1, JSON.stringify(errors));
    assert.match(engineErrors[0], /cohort\/wasm\/cohort\.wasm answered 404/);
    assert.deepEqual(problemsOf.get(page).filter((p) => p.startsWith('page error')), []);
    await page.close();
  });

  it('fetches the engine once, preload included, when it loads', async () => {
    const page = await openPage();
    const wasm = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(r.url());
    });
    await load(page, 'mode=local&user=1');
    assert.equal(wasm.length, 1, JSON.stringify(wasm));
    await page.close();
  });
});

describe('$regex in the browser', () => {
  it('fetches the linear-time engine only for definitions that use it, and answers as RE2 natively does', async () => {
    const page = await openPage();
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await load(page, 'mode=local&user=1');
    const chunksBefore = new Set(fetched.filter((f) => f.startsWith('/cohort/browser/')));
    const definitions = {
      experiments: [
        { name: 'staff', variants: ['control', 'on'], weights: [0, 1], segments: [{ variant: 'on', when: { email: { $regex: '@example\\.com$' } } }] },
        { name: 'redos', variants: ['control', 'on'], weights: [0, 1], exclude: [{ email: { $regex: '^(a+)+$' } }] },
      ],
    };
    const contexts = [{ id: 1, email: 'ada@example.com' }, { id: 2, email: `${'a'.repeat(40)}!` }];
    const answers = await page.evaluate(
      async ({ definitions, contexts }) => {
        const cohort = await import('/cohort/browser/index.js');
        const errors = [];
        await cohort.init({ definitions, onError: (e) => errors.push(e) });
        const pick = (a) => ({ variant: a.variant, reason: a.reason, key: a.key });
        return { errors, answers: contexts.map((c) => ['staff', 'redos'].map((name) => pick(cohort.run(name, c)))) };
      },
      { definitions, contexts },
    );
    assert.deepEqual(answers.errors, []);
    const regexChunks = fetched.filter((f) => f.startsWith('/cohort/browser/') && !chunksBefore.has(f));
    assert.equal(regexChunks.length, 1, `one chunk fetched on demand: ${regexChunks}`);
    // The native tool (RE2) gives the same answers for the same definitions.
    const dir = mkdtempSync(join(tmpdir(), 'cohort-regex-'));
    const file = join(dir, 'definitions.json');
    writeFileSync(file, JSON.stringify(definitions));
    contexts.forEach((context, i) => {
      const lines = execFileSync(cli, ['resolve', '--definitions', file, '--context', JSON.stringify(context)], { encoding: 'utf8' });
      const native = lines.trim().split('\n').map((l) => JSON.parse(l)).map((a) => ({ variant: a.variant, reason: a.reason, key: a.key }));
      assert.deepEqual(answers.answers[i], native, JSON.stringify(context));
    });
    rmSync(dir, { recursive: true, force: true });
    await page.close();
  });
});

describe('pushed mode without data', () => {
  it('shows control everywhere, the first template standing for control of numbered buckets', async () => {
    const page = await openPage();
    const { shown, record } = await load(page, 'mode=pushed&push=off');
    assert.deepEqual(shown, { pill_color: ['control'], course_upsell_banner: ['0'], pipeline_editor_walkthrough: ['control'], dark_mode: ['control'] });
    assertRenderedOnce(record, 'push=off');
    assertNoProblems(page, record, 'push=off');
    await page.close();
  });

  it('turns no pushed data into markup', async () => {
    const page = await openPage();
    // Hostile data in window.gl.experiments before the page runs (the server pushes none).
    await page.addInitScript(() => {
      window.gl = {
        experiments: {
          pill_color: { experiment: 'pill_color', variant: '<img src=x onerror="window.__xss=1">' },
          dark_mode: { experiment: 'dark_mode', variant: '"]<script>window.__xss=1</script>' },
        },
      };
    });
    const { shown, record } = await load(page, 'mode=pushed&push=off');
    assert.deepEqual(shown.pill_color, ['control']);
    assert.deepEqual(shown.dark_mode, ['control']);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, main script').length), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assertNoProblems(page, record, 'hostile pushed data');
    await page.close();
  });
});

describe('an element defined while the page is still being parsed', () => {
  it('waits for its last template instead of rendering control first', async () => {
    // A page of our own: pushed "red", the element's module loaded async, and
    // a script that stalls the parser between the control and red templates.
    const page = await openPage();
    await page.route(`${base}parse-stall`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>stall</title>
<script>window.gl = { experiments: { pill_color: { experiment: 'pill_color', variant: 'red' } } };</script>
<script type="module" async src="/cohort/browser/element.js"></script>
<gitlab-experiment name="pill_color">
  <template data-variant="control"><b data-shown="control">control</b></template>
  <script src="/stall.js"></script>
  <template data-variant="red"><b data-shown="red">red</b></template>
</gitlab-experiment>`,
      }),
    );
    await page.route(`${base}stall.js`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 700));
      await route.fulfill({ contentType: 'text/javascript', body: 'window.stalled = true;' });
    });
    await page.goto(`${base}parse-stall`);
    await page.waitForFunction(() => document.querySelector('gitlab-experiment')?.renderedVariant !== undefined);
    const record = await page.evaluate(() => window.__e2e);
    assert.deepEqual(record.renders.map((r) => r.variant), ['red']);
    assert.deepEqual(record.removals, []);
    assert.equal(await page.evaluate(() => window.stalled), true);
    await page.close();
  });
});

describe('interaction', () => {
  it('a stub re-renders the element, clearing it goes back; the context switcher re-resolves', async () => {
    const page = await openPage();
    await load(page, 'mode=local&user=2');
    const pill = () => page.evaluate(() => document.querySelector('gitlab-experiment[name="pill_color"]').renderedVariant);
    const before = await pill();
    const forced = before === 'blue' ? 'red' : 'blue';
    await page.selectOption('select[data-stub="pill_color"]', forced);
    assert.equal(await pill(), forced);
    assert.match(await page.textContent('[data-why-of="pill_color"]'), /^stubbed:/);
    await page.click('#clear-stubs');
    assert.equal(await pill(), before);

    for (const user of ['3', '5']) {
      await page.fill('#user-field', user);
      await page.selectOption('#course-field', '');
      await page.click('#context-form button[type="submit"]');
      const context = await page.textContent('#context-json');
      assert.equal(JSON.parse(context).actor, `user:${user}`);
      assert.equal(await pill(), resolveNatively(context).pill_color.variant, `after switching to user ${user}`);
    }
    assertNoProblems(page, await page.evaluate(() => window.__e2e), 'stubs and context switching');
    await page.close();
  });

  it('logs assignments and custom events with their experiment context; screenshot', async () => {
    const page = await openPage();
    const { context } = await load(page, 'mode=local&user=1');
    const expected = resolveNatively(context).pill_color;
    await page.click('gitlab-experiment[name="pill_color"] .pill');
    const events = await page.$$eval('#events li', (items) =>
      items.map((li) => ({ action: li.dataset.action, experiment: li.dataset.experiment, context: li.querySelector('code').textContent })),
    );
    const assignment = events.find((e) => e.action === 'assignment' && e.experiment === 'pill_color');
    const click = events.find((e) => e.action === 'click_pill');
    const data = { experiment: 'pill_color', key: expected.key, variant: expected.variant };
    const schema = 'iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3';
    assert.deepEqual(JSON.parse(assignment.context), { schema, data });
    assert.deepEqual(JSON.parse(click.context), { schema, data });
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, 'demo.png'), fullPage: true });
    assertNoProblems(page, await page.evaluate(() => window.__e2e), 'tracking log');
    await page.close();
  });
});
