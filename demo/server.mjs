// Serves the demo on 127.0.0.1 (PORT, 8080 by default; 0 picks a free port):
// the page, its script and style, the example definitions, and the browser
// build of the `cohort` package. Nothing is fetched from anywhere else.
//
//   node demo/server.mjs          then open the printed address
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readQuery } from './context.js';
import { renderPage } from './page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const options = {
  cli: process.env.COHORT_CLI ?? join(root, 'build', 'native-release', 'native', 'cohort'),
  definitions: join(root, 'native', 'examples', 'definitions.json'),
  manifest: join(root, 'js', 'dist', 'browser', 'manifest.json'),
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** Fixed files: URL path -> file. */
const FILES = {
  '/demo.js': join(here, 'demo.js'),
  '/demo.css': join(here, 'demo.css'),
  '/context.js': join(here, 'context.js'),
  '/why.js': join(here, 'why.js'),
  '/favicon.svg': join(here, 'favicon.svg'),
  '/definitions.json': options.definitions,
};
/** The package's browser build: /cohort/browser/NAME and /cohort/wasm/NAME, plain names only. */
const PACKAGE_FILE = /^\/cohort\/(browser|wasm)\/([A-Za-z0-9_-]+\.(?:js|mjs|wasm))$/;

/** The file a URL path names, or undefined: nothing outside the lists above is ever read. */
export function fileFor(pathname) {
  if (Object.prototype.hasOwnProperty.call(FILES, pathname)) return FILES[pathname];
  const m = PACKAGE_FILE.exec(pathname);
  return m ? join(root, 'js', 'dist', m[1], m[2]) : undefined;
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function send(res, status, type, body, extra = {}) {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

function typeOf(file) {
  const dot = file.lastIndexOf('.');
  return TYPES[file.slice(dot)] ?? 'application/octet-stream';
}

/** Only this server's own loopback names: a page elsewhere cannot rebind a hostname to it. */
function hostAllowed(req) {
  const port = req.socket.localPort;
  return [`127.0.0.1:${port}`, `localhost:${port}`].includes(req.headers.host ?? '');
}

export async function handle(req, res) {
  if (!hostAllowed(req)) {
    send(res, 421, 'text/plain; charset=utf-8', 'this server answers only for 127.0.0.1 and localhost\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', `${req.method} is not served; use GET\n`, { Allow: 'GET, HEAD' });
    return;
  }
  let url;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    send(res, 400, 'text/plain; charset=utf-8', 'bad request target\n');
    return;
  }
  if (url.pathname === '/' || url.pathname === '/index.html') {
    const query = readQuery(url.searchParams);
    if (query.errors.length > 0) {
      const lines = query.errors.map((e) => `query parameter ${e.param}: ${e.message}`);
      send(res, 400, 'text/plain; charset=utf-8', `${lines.join('\n')}\n`);
      return;
    }
    try {
      const { html, csp } = await renderPage(join(here, 'index.html'), query, options);
      send(res, 200, TYPES['.html'], html, { 'Content-Security-Policy': csp });
    } catch (e) {
      send(res, 500, 'text/plain; charset=utf-8', `${e.message}\n`);
    }
    return;
  }
  const file = fileFor(url.pathname);
  if (file === undefined) {
    send(res, 404, 'text/plain; charset=utf-8', `not found: ${url.pathname.slice(0, 200)}\n`);
    return;
  }
  try {
    send(res, 200, typeOf(file), await readFile(file));
  } catch {
    send(res, 404, 'text/plain; charset=utf-8', `not built: ${url.pathname} (run make demo, which builds js/dist)\n`);
  }
}

/**
 * How long a connection may take: headers within 5 s, a whole request within
 * 10 s, and an idle connection (keep-alive or silent) is closed after 5 s, so
 * slow or idle clients (slowloris) cannot hold connections open for Node's
 * default of a minute or more. Node checks these every `checkIntervalMs`.
 */
export const TIMEOUTS = { headersMs: 5_000, requestMs: 10_000, idleMs: 5_000, checkIntervalMs: 1_000 };

/** Starts the server; resolves to its address once listening. */
export function serve(port = Number(process.env.PORT ?? 8080), timeouts = TIMEOUTS) {
  const options = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.idleMs,
    connectionsCheckingInterval: timeouts.checkIntervalMs,
  };
  const server = createServer(options, (req, res) => {
    handle(req, res).catch((e) => send(res, 500, 'text/plain; charset=utf-8', `${e.message}\n`));
  });
  // A connection that sends nothing at all is closed after the idle time too.
  server.setTimeout(timeouts.idleMs, (socket) => socket.destroy());
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://127.0.0.1:${actual}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = process.env.PORT ?? '8080';
  if (!/^[0-9]{1,5}$/.test(port) || Number(port) > 65535) {
    console.error(`demo/server.mjs: PORT must be a port number (0-65535), got ${JSON.stringify(port)}`);
    process.exit(2);
  }
  serve(Number(port)).then(
    ({ url }) => console.log(`Cohort demo: ${url} (local resolution) and ${url}?mode=pushed (server-pushed data); Ctrl-C stops it`),
    (e) => {
      console.error(`demo/server.mjs: cannot listen on 127.0.0.1:${port}: ${e.message}`);
      process.exit(2);
    },
  );
}
