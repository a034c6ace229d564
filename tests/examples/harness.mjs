// What every example test does, the way a team adopting the package would:
// the package packed with npm pack, the example copied to a fresh folder and
// installed there with its own dependencies, built or served with its own
// tool, then loaded in headless Chromium. The page must render the assigned
// variant ("red pill") as the first and only content of #app, with no
// console error, no page error and no failed request.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const { chromium } = createRequire(join(root, 'js', 'package.json'))('playwright-core');

/** The text every example renders for the assigned variant. */
export const VARIANT_TEXT = 'red pill';

/** Packs the package and installs examples/<name> with it into a fresh folder; returns the app's folder and a cleanup. */
export function installExample(name) {
  const work = mkdtempSync(join(tmpdir(), `cohort-${name}-`));
  const app = join(work, 'app');
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(root, 'js'), stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  cpSync(join(root, 'examples', name), app, { recursive: true, filter: (src) => !src.includes('node_modules') && !/\/dist(\/|$)/.test(src) });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(work, tarball)], { cwd: app, stdio: 'pipe' });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: app, stdio: 'pipe' });
  return { app, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

/** Runs the app's npm script `name` to completion. */
export function npmRun(app, name) {
  execFileSync('npm', ['run', '--silent', name], { cwd: app, stdio: 'pipe' });
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
}

/**
 * Starts `command args` in `cwd` (detached, so its whole group can be
 * stopped) and waits until it prints an http://127.0.0.1:PORT/ URL.
 */
export function startServer(command, args, cwd, env = {}) {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} did not start: ${out}`)), 60_000);
    const onData = (chunk) => {
      out += chunk;
      const m = out.replace(/\x1b\[[0-9;]*m/g, '').match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], stop: () => process.kill(-child.pid) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${command} exited with ${code}: ${out}`)));
  });
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** A static file server over `dir` on 127.0.0.1, as a production host would serve a build. */
export function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() }));
  });
}

/**
 * Loads `url` and asserts that the text of #app, each time it changes, is
 * only ever the variant's: nothing before it (no control first), nothing
 * after it, and no console error, page error or failed request.
 */
export async function checkFirstRender(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.addInitScript(() => {
    window.__renders = [];
    // Every change of what #app shows, from the parser's first insertions on.
    new MutationObserver(() => {
      const app = document.getElementById('app');
      const text = app ? app.textContent.trim().replace(/\s+/g, ' ') : '';
      if (text !== '' && text !== window.__renders.at(-1)) window.__renders.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__renders.length > 0 || document.body?.hasAttribute('data-error'), null, { timeout: 30_000 });
  // Long enough for a late swap to show, were there one.
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => ({ renders: window.__renders, error: document.body.getAttribute('data-error') }));
  await page.close();
  assert.equal(result.error, null);
  assert.deepEqual(result.renders, [VARIANT_TEXT], 'the variant is the first and only thing rendered');
  assert.deepEqual(problems, []);
}
