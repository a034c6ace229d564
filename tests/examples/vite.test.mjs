// examples/vite, built the way a team adopting the package builds it: the
// package packed with npm pack, installed with the example's own
// dependencies into a fresh folder, then served by Vite's dev server and by
// `vite build` + `vite preview`, each loaded in headless Chromium. The
// variant must be the first thing rendered in <gitlab-experiment>, with no
// console error, no page error and no failed request.
//
//   node --test tests/examples/
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { chromium } = createRequire(join(root, 'js', 'package.json'))('playwright-core');
const work = mkdtempSync(join(tmpdir(), 'cohort-vite-'));
const app = join(work, 'app');
let browser;

before(async () => {
  execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: join(root, 'js'), stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  cpSync(join(root, 'examples', 'vite'), app, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.includes('/dist') });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(work, tarball)], { cwd: app, stdio: 'pipe' });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent'], { cwd: app, stdio: 'pipe' });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs `npx vite ...args` in the app until it prints its local URL; returns it and a stop function. */
function serve(args) {
  const child = spawn('npx', ['vite', ...args, '--host', '127.0.0.1', '--strictPort'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`vite ${args.join(' ')} did not start: ${out}`)), 60_000);
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
    child.on('exit', (code) => reject(new Error(`vite exited with ${code}: ${out}`)));
  });
}

async function check(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  await page.addInitScript(() => {
    window.__renders = [];
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.target.localName !== 'gitlab-experiment') continue;
        // What the element renders, not its own templates as the parser adds them.
        for (const n of m.addedNodes) if (n.nodeType === 1 && n.localName !== 'template') window.__renders.push(n.textContent);
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__renders.length > 0 || document.body.hasAttribute('data-error'), null, { timeout: 30_000 });
  const result = await page.evaluate(() => ({ renders: window.__renders, error: document.body.getAttribute('data-error') }));
  await page.close();
  assert.equal(result.error, null);
  assert.deepEqual(result.renders, ['red pill'], 'the variant is the first and only thing rendered');
  assert.deepEqual(problems, []);
}

describe('examples/vite from the packed package', () => {
  it('renders the variant first through the dev server', async () => {
    const server = await serve(['--port', '5273']);
    try {
      await check(server.url);
    } finally {
      server.stop();
    }
  });

  it('renders the variant first from the production build', async () => {
    execFileSync('npx', ['vite', 'build'], { cwd: app, stdio: 'pipe' });
    const server = await serve(['preview', '--port', '5274']);
    try {
      await check(server.url);
    } finally {
      server.stop();
    }
  });
});
