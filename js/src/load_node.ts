// Node and Jest, ES modules: the .wasm beside the package's dist/node is
// read and compiled synchronously, so the package works right after import
// with no async set-up. re2js is required (synchronously) only when
// definitions hold a `$regex`.
//
// The built-ins come from process.getBuiltinModule (Node 20.16 and later),
// not from `import … from 'node:fs'`: an ES import of a built-in makes V8
// build a module facade of all its exports, which for node:fs loads its
// streams too: 1.8 ms of a cold start, against 0.1 ms.
import { re2Host } from './regex_re2.js';
import type { WasmSource } from './types.js';
import type { RegexHost } from './wasm_engine.js';
import { WasmEngine } from './wasm_engine.js';

interface Builtins {
  'node:fs': typeof import('node:fs');
  'node:module': typeof import('node:module');
}

function builtin<K extends keyof Builtins>(id: K): Builtins[K] {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof host?.getBuiltinModule !== 'function') {
    throw new Error(`cohort-ab needs Node 20.16 or later (process.getBuiltinModule) to load ${id}`);
  }
  return host.getBuiltinModule(id) as Builtins[K];
}

/** Node compiles synchronously: the package is ready on import. */
export const LOADS_ASYNCHRONOUSLY = false;

export function loadModule(source?: WasmSource): WasmEngine | Promise<WasmEngine> {
  if (source instanceof WebAssembly.Module) return WasmEngine.fromModule(source);
  const bytes = builtin('node:fs').readFileSync(source ?? new URL('../wasm/cohort.wasm', import.meta.url));
  return WasmEngine.fromModule(new WebAssembly.Module(bytes));
}

export function loadRegex(): RegexHost | Promise<RegexHost> {
  return re2Host((builtin('node:module').createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS);
}
