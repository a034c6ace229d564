// examples/vite (the element, no framework), examples/vite-vue and
// examples/vite-react: Vite's dev server, then `vite build` + `vite preview`,
// each loaded in headless Chromium.
//
//   node --test tests/examples/
import { after, before, describe, it } from 'node:test';
import { checkFirstRender, installExample, launchBrowser, npmRun, startServer } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const vite = (args, port, app) => startServer('npx', ['vite', ...args, '--host', '127.0.0.1', '--strictPort', '--port', String(port)], app);

for (const [name, port] of [
  ['vite', 5273],
  ['vite-vue', 5283],
  ['vite-react', 5293],
]) {
  describe(`examples/${name} from the packed package`, () => {
    let example;
    before(() => {
      example = installExample(name);
    });
    after(() => example?.cleanup());

    it('renders the variant first through the dev server', async () => {
      const server = await vite([], port, example.app);
      try {
        await checkFirstRender(browser, server.url);
      } finally {
        server.stop();
      }
    });

    it('renders the variant first from the production build', async () => {
      npmRun(example.app, 'build');
      const server = await vite(['preview'], port + 1, example.app);
      try {
        await checkFirstRender(browser, server.url);
      } finally {
        server.stop();
      }
    });
  });
}
