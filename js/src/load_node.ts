// Node and Jest, ES modules: the .wasm beside the package's dist/node is
// read and compiled synchronously, so the package works right after import
// with no async set-up. re2js is required (synchronously) only when
// definitions hold a `$regex`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { re2Host } from './regex_re2.js';
import type { WasmSource } from './types.js';
import type { RegexHost } from './wasm_engine.js';
import { WasmEngine } from './wasm_engine.js';

/** Node compiles synchronously: the package is ready on import. */
export const LOADS_ASYNCHRONOUSLY = false;

export function loadModule(source?: WasmSource): WasmEngine | Promise<WasmEngine> {
  if (source instanceof WebAssembly.Module) return WasmEngine.fromModule(source);
  const bytes = readFileSync(source ?? new URL('../wasm/cohort.wasm', import.meta.url));
  return WasmEngine.fromModule(new WebAssembly.Module(bytes));
}

export function loadRegex(): RegexHost | Promise<RegexHost> {
  return re2Host((createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS);
}
