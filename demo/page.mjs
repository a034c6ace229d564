// The demo page as the server sends it: index.html with a fresh nonce, the
// Content-Security-Policy that goes with it, and in pushed mode the
// `window.gl.experiments` snippet printed by the native `cohort publish`.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { contextFor } from './context.js';

/**
 * No inline script but the nonced snippet, no eval (WebAssembly compiles
 * under 'wasm-unsafe-eval', which allows nothing else), no inline style, and
 * Trusted Types: no string can become markup through innerHTML and the like.
 */
export function contentSecurityPolicy(nonce) {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** Runs `cohort publish` for the query's context; resolves to the <script> snippet it prints. */
export function publish(cli, definitions, query) {
  return new Promise((resolve, reject) => {
    const context = JSON.stringify(contextFor(query));
    execFile(cli, ['publish', '--definitions', definitions, '--context', context], { timeout: 10_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`cohort publish failed: ${(stderr || error.message).trim()}`));
        return;
      }
      const snippet = stdout.trim();
      if (!snippet.startsWith('<script>') || !snippet.endsWith('</script>')) {
        reject(new Error('cohort publish printed something other than one <script> element'));
        return;
      }
      resolve(snippet);
    });
  });
}

/** The package entries demo.js imports, and demo.js's own modules. */
const ENTRIES = ['index.js', 'element.js', 'testing.js'];
const OWN_MODULES = ['/context.js', '/why.js'];
const FILE_NAME = /^[A-Za-z0-9_-]+\.js$/;

/** What local resolution needs before its first render, fetched from the start. */
const LOCAL_PRELOADS = [
  '<link rel="preload" href="/cohort/wasm/cohort.wasm" as="fetch" crossorigin>',
  '<link rel="preload" href="/definitions.json" as="fetch" crossorigin>',
];

/**
 * <link rel=modulepreload> for every module demo.js needs, from the
 * package's dist/browser/manifest.json: the browser fetches them all at once
 * instead of discovering them one import level at a time. In local mode also
 * the engine and the definitions, which pushed mode does not wait for.
 */
export async function preloads(manifestFile, mode) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  } catch {
    return ''; // not built: the page then reports the missing modules itself
  }
  const files = new Set(ENTRIES);
  for (const entry of ENTRIES) for (const file of manifest[entry] ?? []) files.add(file);
  const hrefs = [...[...files].filter((f) => FILE_NAME.test(f)).map((f) => `/cohort/browser/${f}`), ...OWN_MODULES];
  const links = hrefs.map((href) => `<link rel="modulepreload" href="${href}">`);
  if (mode === 'local') links.push(...LOCAL_PRELOADS);
  return links.join('\n  ');
}

/** `{ html, csp }` for the query: the page with its nonce and, in pushed mode with push on, the data. */
export async function renderPage(templateFile, query, { cli, definitions, manifest }) {
  const nonce = randomBytes(16).toString('base64');
  let pushed = '';
  if (query.mode === 'pushed' && query.push) {
    const snippet = await publish(cli, definitions, query);
    pushed = `<script nonce="${nonce}">${snippet.slice('<script>'.length)}`;
  }
  const template = await readFile(templateFile, 'utf8');
  // Only the pushed snippet is put into the page; the page script reads the
  // query itself and never turns it into markup.
  const links = await preloads(manifest, query.mode);
  const html = template.replace('<!-- preloads -->', () => links).replace('<!-- pushed experiments -->', () => pushed);
  return { html, csp: contentSecurityPolicy(nonce) };
}
