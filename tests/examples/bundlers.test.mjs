// examples/webpack, examples/esbuild and examples/rollup: each built with its
// own build script from the packed package, served as static files (the
// .wasm as application/wasm) and loaded in headless Chromium.
//
//   node --test tests/examples/
import { after, before, describe, it } from 'node:test';
import { checkFirstRender, installExample, launchBrowser, npmRun, serveStatic } from './harness.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const name of ['webpack', 'esbuild', 'rollup']) {
  describe(`examples/${name} from the packed package`, () => {
    let example;
    before(() => {
      example = installExample(name);
    });
    after(() => example?.cleanup());

    it('builds with its own script and renders the variant first', async () => {
      npmRun(example.app, 'build');
      const server = await serveStatic(example.app);
      try {
        await checkFirstRender(browser, server.url);
      } finally {
        server.stop();
      }
    });
  });
}
