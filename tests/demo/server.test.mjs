// The demo server and the query parser it shares with the page, with hostile
// input: only the listed files are ever served, bad parameters are named in a
// 400, and the page carries a strict Content-Security-Policy whose nonce is
// the pushed snippet's.
//
//   node --test tests/demo/
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contextFor, readQuery } from '../../demo/context.js';
import { contentSecurityPolicy } from '../../demo/page.mjs';
import { fileFor, serve } from '../../demo/server.mjs';

const query = (text) => readQuery(new URLSearchParams(text));

describe('readQuery', () => {
  it('defaults to local mode, user 42, the demo course, data pushed', () => {
    assert.deepEqual(query(''), { mode: 'local', user: '42', course: 'course-v1:edX+DemoX+2026', push: true, errors: [] });
  });

  it('reads every parameter', () => {
    const q = query('mode=pushed&user=007&course=&push=off');
    assert.deepEqual({ ...q }, { mode: 'pushed', user: '7', course: '', push: false, errors: [] });
  });

  for (const [text, param] of [
    ['mode=admin', 'mode'],
    ['mode=', 'mode'],
    ['user=-1', 'user'],
    ['user=1e3', 'user'],
    ['user=1234567890', 'user'],
    ['user=%E2%80%A842', 'user'],
    ['user=42%00', 'user'],
    ['course=<script>', 'course'],
    ['course=course-v1:a"b', 'course'],
    [`course=course-v1:${'x'.repeat(81)}`, 'course'],
    ['push=maybe', 'push'],
    ['user=1&user=2', 'user'],
    ['mode=local&mode=pushed', 'mode'],
  ]) {
    it(`names ${param} for ${text.slice(0, 40)} and keeps its default`, () => {
      const q = query(text);
      assert.deepEqual(q.errors.map((e) => e.param), [param]);
      assert.equal(q.user, '42');
    });
  }

  it('quotes at most 40 characters of a bad value', () => {
    const [error] = query(`mode=${'y'.repeat(100_000)}`).errors;
    assert.ok(error.message.length < 100, error.message);
  });

  it('builds the context GLEX and edX resolve', () => {
    assert.deepEqual(contextFor({ user: '3', course: '' }), { actor: 'user:3', username: 'learner3' });
    assert.deepEqual(contextFor({ user: '3', course: 'course-v1:x' }), { actor: 'user:3', username: 'learner3', course: 'course-v1:x' });
  });
});

describe('fileFor', () => {
  it('serves the listed files and the package build', () => {
    assert.match(fileFor('/demo.js'), /demo[/\\]demo\.js$/);
    assert.match(fileFor('/cohort/browser/index.js'), /js[/\\]dist[/\\]browser[/\\]index\.js$/);
    assert.match(fileFor('/cohort/wasm/cohort.wasm'), /js[/\\]dist[/\\]wasm[/\\]cohort\.wasm$/);
  });

  for (const path of [
    '/cohort/browser/../../package.json',
    '/cohort/browser/..%2f..%2fpackage.json',
    '/cohort/browser/.hidden.js',
    '/cohort/browser/a/b.js',
    '/cohort/browser/index.js\u0000',
    '/cohort/node/index.cjs',
    '/cohort/wasm/cohort_node.cjs',
    '/server.mjs',
    '/constructor',
    '/__proto__',
    '/../README.md',
    '/demo.js/',
  ]) {
    it(`refuses ${JSON.stringify(path)}`, () => assert.equal(fileFor(path), undefined));
  }
});

describe('contentSecurityPolicy', () => {
  it('allows no eval, no inline code but the nonce, and requires Trusted Types', () => {
    const csp = contentSecurityPolicy('abc');
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'|\*/);
    assert.match(csp, /script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'/);
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
  });
});

describe('the server', () => {
  let server;
  let base;
  before(async () => ({ server, url: base } = await serve(0)));
  after(() => server.close());

  it('answers a bad query with 400 naming every bad parameter', async () => {
    const res = await fetch(`${base}?mode=x&user=abc`);
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /query parameter mode: /);
    assert.match(body, /query parameter user: /);
  });

  it('serves the page with a fresh nonce, the same in the CSP and on the pushed snippet', async () => {
    const res = await fetch(`${base}?mode=pushed&user=3`);
    assert.equal(res.status, 200);
    const csp = res.headers.get('content-security-policy');
    const [, nonce] = /'nonce-([^']+)'/.exec(csp);
    const html = await res.text();
    assert.ok(html.includes(`<script nonce="${nonce}">window.gl = window.gl || {}; window.gl.experiments = {`), 'nonced snippet');
    const again = await fetch(`${base}?mode=pushed&user=3`);
    assert.notEqual(/'nonce-([^']+)'/.exec(again.headers.get('content-security-policy'))[1], nonce);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });

  it('pushes nothing in local mode or with push=off', async () => {
    for (const q of ['mode=local&user=3', 'mode=pushed&user=3&push=off']) {
      const html = await (await fetch(`${base}?${q}`)).text();
      assert.doesNotMatch(html, /window\.gl\.experiments =/, q);
    }
  });

  it('preloads every module the page imports, and the engine and definitions in local mode only', async () => {
    const hrefs = (html, rel) => [...html.matchAll(new RegExp(`<link rel="${rel}" href="([^"]+)"`, 'g'))].map((m) => m[1]);
    const local = await (await fetch(`${base}?mode=local`)).text();
    const modules = hrefs(local, 'modulepreload');
    for (const file of ['/cohort/browser/index.js', '/cohort/browser/element.js', '/cohort/browser/testing.js', '/context.js', '/why.js']) {
      assert.ok(modules.includes(file), `${file} preloaded`);
    }
    assert.ok(modules.some((href) => /^\/cohort\/browser\/chunk-/.test(href)), 'the shared chunks preloaded');
    for (const href of modules) assert.equal((await fetch(new URL(href, base), { method: 'HEAD' })).status, 200, href);
    assert.deepEqual(hrefs(local, 'preload'), ['/cohort/wasm/cohort.wasm', '/definitions.json']);
    const pushed = await (await fetch(`${base}?mode=pushed`)).text();
    assert.deepEqual(hrefs(pushed, 'preload'), []);
    assert.ok(!hrefs(pushed, 'preload').includes('/cohort/wasm/cohort.wasm'));
  });

  it('answers only for its loopback names (no DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = (host) =>
      new Promise((resolve, reject) => {
        const req = request(base, { headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end();
      });
    const port = new URL(base).port;
    assert.equal(await status(`localhost:${port}`), 200);
    assert.equal(await status(`evil.example:${port}`), 421);
    assert.equal(await status('127.0.0.1'), 421);
  });

  it('serves wasm as application/wasm, refuses other methods and unknown paths', async () => {
    assert.equal((await fetch(`${base}cohort/wasm/cohort.wasm`, { method: 'HEAD' })).headers.get('content-type'), 'application/wasm');
    assert.equal((await fetch(base, { method: 'POST', body: 'x' })).status, 405);
    assert.equal((await fetch(`${base}cohort/browser/..%2f..%2fpackage.json`)).status, 404);
    assert.equal((await fetch(`${base}etc/passwd`)).status, 404);
  });
});

describe('slow and idle connections', () => {
  const short = { headersMs: 300, requestMs: 600, idleMs: 300, checkIntervalMs: 100 };
  let server;
  let port;
  before(async () => {
    ({ server } = await serve(0, short));
    port = server.address().port;
  });
  after(() => server.close());

  // Resolves when the server closes the connection; the test's own timeout
  // fails it if the server never does.
  const closedByServer = (send) =>
    new Promise((resolve, reject) => {
      import('node:net').then(({ connect }) => {
        const socket = connect(port, '127.0.0.1', () => send(socket));
        let received = '';
        socket.on('data', (chunk) => (received += chunk));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
    });

  it('closes a connection whose headers never finish (slowloris)', { timeout: 10_000 }, async () => {
    await closedByServer((socket) => socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: 1\r\n'));
  });

  it('closes a connection that sends nothing', { timeout: 10_000 }, async () => {
    assert.equal(await closedByServer(() => {}), '');
  });

  it('still answers a prompt request, then closes the idle keep-alive connection', { timeout: 10_000 }, async () => {
    const received = await closedByServer((socket) => socket.write(`GET /definitions.json HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
    assert.match(received, /^HTTP\/1\.1 200 /);
  });
});
