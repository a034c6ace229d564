// examples/node-server: createEngine in a plain Node HTTP server, the page
// rendered on the server per request and loaded in headless Chromium over
// HTTP on 127.0.0.1.
//
//   node --test tests/examples/
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkFirstRender, installExample, launchBrowser, startServer } from './harness.mjs';

let example;
let browser;
let server;
before(async () => {
  example = installExample('node-server');
  browser = await launchBrowser();
  server = await startServer('node', ['server.mjs'], example.app);
});
after(async () => {
  server?.stop();
  await browser?.close();
  example?.cleanup();
});

describe('examples/node-server from the packed package', () => {
  it('renders the variant on the server, the first thing the page shows', async () => {
    await checkFirstRender(browser, server.url);
  });

  it('answers concurrent requests each with its own context, and pushes the answer as GitLab does', async () => {
    const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => fetch(`${server.url}?user=${i}`).then((r) => r.text())));
    const keys = pages.map((html) => JSON.parse(html.match(/experiments: \{ pill_color: (.*) \} \};<\/script>/)[1]).key);
    assert.equal(new Set(keys).size, 20, 'one key per user');
    for (const html of pages) assert.match(html, /<div id="app"><button class="pill red">red pill<\/button><\/div>/);
  });
});
