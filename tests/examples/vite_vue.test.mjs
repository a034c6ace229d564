// examples/vite-vue: Vite's dev server, then
// `vite build` + `vite preview`, each loaded in headless Chromium.
//
//   node --test tests/examples/
import { after, before, describe, it } from 'node:test';
import { checkFirstRender, installExample, launchBrowser, npmRun, startServer } from './harness.mjs';

let example;
let browser;
before(async () => {
  example = installExample('vite-vue');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  example?.cleanup();
});

describe('examples/vite-vue from the packed package', () => {
  it('renders the variant first through the dev server', async () => {
    const server = await startServer('npx', ['vite', '--host', '127.0.0.1', '--strictPort', '--port', '5283'], example.app);
    try {
      await checkFirstRender(browser, server.url);
    } finally {
      server.stop();
    }
  });

  it('renders the variant first from the production build', async () => {
    npmRun(example.app, 'build');
    const server = await startServer('npx', ['vite', 'preview', '--host', '127.0.0.1', '--strictPort', '--port', '5284'], example.app);
    try {
      await checkFirstRender(browser, server.url);
    } finally {
      server.stop();
    }
  });
});
