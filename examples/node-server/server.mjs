// Server-side rendering with one engine for every request: createEngine
// holds the definitions; each request brings its own context, so concurrent
// requests never share state. The page gets the variant's markup and, as
// GitLab pushes it, the answer in window.gl.experiments for client code.
//
//   node server.mjs            (PORT=8080 node server.mjs for a fixed port)
import { createServer } from 'node:http';
import { createEngine } from 'cohort-ab';

const engine = createEngine({
  definitions: { experiments: [{ name: 'pill_color', variants: ['control', 'red'], weights: [0, 1] }] },
  secret: process.env.COHORT_SECRET ?? 'example-secret',
  onError: (e) => process.stderr.write(`cohort: ${e.source}${e.path}: ${e.message}\n`),
});

const PILLS = { control: '<button class="pill">grey pill</button>', red: '<button class="pill red">red pill</button>' };

// Pushed data goes into a <script>: keep "</script>" and friends out of it.
const inlineJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

function page(request) {
  const user = new URL(request.url, 'http://localhost').searchParams.get('user') ?? '42';
  const context = { actor: `user:${user}` };
  const data = engine.getExperimentData('pill_color', context);
  const pill = PILLS[data?.variant] ?? PILLS.control;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Cohort on a Node server</title>
    <link rel="icon" href="data:," />
    <script>window.gl = { experiments: { pill_color: ${inlineJson(data ?? null)} } };</script>
  </head>
  <body>
    <div id="app">${pill}</div>
  </body>
</html>
`;
}

const server = createServer((request, response) => {
  if (new URL(request.url, 'http://localhost').pathname !== '/') {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(page(request));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${server.address().port}/`);
});
