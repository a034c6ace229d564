// Browsers: the .wasm beside the package's dist/browser is fetched once,
// compiled while it streams in (when served as application/wasm) and
// instantiated asynchronously; `await ready` before first use. The `$regex`
// engine is a separate chunk, fetched only for definitions that use it.
import type { WasmSource } from './types.js';
import type { RegexHost } from './wasm_engine.js';
import { re2Host } from './regex_re2.js';
import { WasmEngine } from './wasm_engine.js';

async function compile(url: URL): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    throw new Error(`fetching ${url.href} answered ${response.status} ${response.statusText}`.trim());
  }
  if (type.startsWith('application/wasm') && typeof WebAssembly.compileStreaming === 'function') {
    return WebAssembly.compileStreaming(response);
  }
  const bytes = await response.arrayBuffer();
  const magic = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (magic.length < 4 || magic[0] !== 0 || magic[1] !== 0x61 || magic[2] !== 0x73 || magic[3] !== 0x6d) {
    throw new Error(`${url.href} is not WebAssembly (content type ${type || 'none'}): check that the server sends the package's cohort.wasm`);
  }
  return WebAssembly.compile(bytes);
}

/** Browsers instantiate asynchronously, one microtask after import at the earliest, so a first init({wasm}) decides the file. */
export const LOADS_ASYNCHRONOUSLY = true;

export function loadModule(source?: WasmSource): WasmEngine | Promise<WasmEngine> {
  if (source instanceof WebAssembly.Module) return WasmEngine.instantiate(source);
  const base = typeof document !== 'undefined' ? document.baseURI : undefined;
  let url: URL;
  try {
    url = source === undefined ? new URL('../wasm/cohort.wasm', import.meta.url) : new URL(source, base);
  } catch {
    return Promise.reject(
      new Error(`the engine's URL ${String(source ?? "beside the package's loader")} is not a URL; give init({ wasm }) the URL of cohort-ab/cohort.wasm`),
    );
  }
  const compiled = source === undefined ? compile(url).catch((e: unknown) => besideThePackage(url, e)) : compile(url);
  return compiled.then((module) => WasmEngine.instantiate(module));
}

/**
 * Vite's dev server pre-bundles dependencies into node_modules/.vite/deps,
 * so the file beside the loader is not there (it answers with the page).
 * The package's own copy is: try it before giving up, so the default set-up
 * works. Any other failure stands.
 */
function besideThePackage(tried: URL, error: unknown): Promise<WebAssembly.Module> {
  if (!tried.pathname.includes('/node_modules/.vite/')) return Promise.reject(error);
  const own = new URL('/node_modules/cohort-ab/dist/wasm/cohort.wasm', tried);
  return compile(own).catch(() => Promise.reject(error));
}

export function loadRegex(): RegexHost | Promise<RegexHost> {
  return import('re2js').then((m) => re2Host(m.RE2JS));
}
