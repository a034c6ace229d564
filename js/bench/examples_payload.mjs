#!/usr/bin/env node
// What each example app makes a browser download, beside the same app built
// with GrowthBook's SDK: every example of examples/ with a browser bundle is
// installed from the packed package and built with its own tool (production
// builds), then loaded in headless Chromium; every script and .wasm the page
// fetched is counted, gzip -9. The GrowthBook twin is the same app with its
// entry replaced by one that runs the same experiment with GrowthBook and
// renders the same markup.
//
//   make bench-examples      (after make js; installs each app, a few minutes)
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { installExample, launchBrowser, npmRun, serveStatic } from '../../tests/examples/harness.mjs';

const here = new URL('.', import.meta.url).pathname;
const gbVersion = JSON.parse(readFileSync(join(here, '..', 'node_modules', '@growthbook', 'growthbook', 'package.json'), 'utf8')).version;

// The experiment and the markup every example renders, with GrowthBook.
const RUN = `const gb = new GrowthBook({ attributes: { id: 'user:42' } });
const { value } = gb.run({ key: 'pill_color', variations: ['control', 'red'], weights: [0, 1], hashAttribute: 'id' });`;
const PLAIN_TWIN = `import { GrowthBook } from '@growthbook/growthbook';
${RUN}
document.getElementById('app').innerHTML = value === 'red' ? '<button class="pill red">red pill</button>' : '<button class="pill">grey pill</button>';
`;
const TWINS = {
  vite: { 'main.js': PLAIN_TWIN },
  webpack: { 'main.js': PLAIN_TWIN },
  esbuild: { 'main.js': PLAIN_TWIN },
  // GrowthBook's ES build reads process.env.NODE_ENV, which a Rollup app
  // replaces at build time (as esbuild, Vite and webpack do by themselves).
  rollup: {
    'main.js': PLAIN_TWIN,
    'rollup.config.js': `import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';

export default {
  input: 'main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [replace({ preventAssignment: true, 'process.env.NODE_ENV': JSON.stringify('production') }), nodeResolve({ browser: true })],
};
`,
  },
  'vite-vue': {
    'main.js': `import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
`,
    'App.vue': `<script setup>
import { GrowthBook } from '@growthbook/growthbook';
${RUN}
</script>

<template>
  <button v-if="value === 'red'" class="pill red">red pill</button>
  <button v-else class="pill">grey pill</button>
</template>
`,
  },
  'vite-react': {
    'main.jsx': `import { GrowthBook } from '@growthbook/growthbook';
import { createRoot } from 'react-dom/client';
${RUN}
function App() {
  return value === 'red' ? <button className="pill red">red pill</button> : <button className="pill">grey pill</button>;
}
createRoot(document.getElementById('app')).render(<App />);
`,
  },
};

/** What a twin installs besides GrowthBook. */
const TWIN_DEPENDENCIES = { rollup: ['@rollup/plugin-replace@6'] };

/** Where the built page is served from: Vite builds into dist/, the others beside index.html. */
const servedDir = (name, app) => (name.startsWith('vite') ? join(app, 'dist') : app);

/** Loads the page; returns the gzip -9 bytes of every script and .wasm it fetched, and their count. */
async function payload(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  const bodies = [];
  page.on('response', (r) => {
    if (/\.(m?js|wasm)(\?|$)/.test(r.url())) bodies.push(r.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(url);
  try {
    await page.waitForFunction(() => document.getElementById('app')?.textContent.includes('pill'), null, { timeout: 30_000 });
  } catch (e) {
    throw new Error(`${url} rendered nothing: ${problems.join('; ') || e.message}`);
  }
  await page.waitForLoadState('networkidle');
  await page.close();
  const files = await Promise.all(bodies);
  return { gzip: files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0), files: files.length };
}

async function measure(browser, name, twin) {
  const example = installExample(name);
  try {
    if (twin) {
      const dependencies = [`@growthbook/growthbook@${gbVersion}`, ...(TWIN_DEPENDENCIES[name] ?? [])];
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...dependencies], { cwd: example.app, stdio: 'pipe' });
      for (const [file, text] of Object.entries(TWINS[name])) writeFileSync(join(example.app, file), text);
    }
    rmSync(join(example.app, 'dist'), { recursive: true, force: true });
    npmRun(example.app, 'build');
    const server = await serveStatic(servedDir(name, example.app));
    try {
      return await payload(browser, server.url);
    } finally {
      server.stop();
    }
  } finally {
    example.cleanup();
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const browser = await launchBrowser();
const rows = [];
try {
  const only = process.env.EXAMPLES?.split(',');
  for (const name of Object.keys(TWINS).filter((n) => !only || only.includes(n))) {
    process.stderr.write(`examples: ${name}…\n`);
    const ours = await measure(browser, name, false);
    const theirs = await measure(browser, name, true);
    rows.push([name, `${kb(ours.gzip)} (${ours.files} files)`, `${kb(theirs.gzip)} (${theirs.files} files)`, `${(ours.gzip / theirs.gzip).toFixed(2)}×`]);
  }
} finally {
  await browser.close();
}
const header = ['example (production build)', 'Cohort: JS + wasm fetched, gzip -9', `GrowthBook ${gbVersion}, same app`, 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of rows) console.log(line(r));
console.log('(the Node server example sends HTML only: no script, no wasm)');
