// Node and Jest, CommonJS: as load_node.ts, locating the .wasm from the
// bundle's own folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { re2Host } from './regex_re2.js';
import type { WasmSource } from './types.js';
import type { RegexHost } from './wasm_engine.js';
import { WasmEngine } from './wasm_engine.js';

declare const __dirname: string;
declare const require: (id: string) => unknown;

/** Node compiles synchronously: the package is ready on require. */
export const LOADS_ASYNCHRONOUSLY = false;

export function loadModule(source?: WasmSource): WasmEngine | Promise<WasmEngine> {
  if (source instanceof WebAssembly.Module) return WasmEngine.fromModule(source);
  const bytes = readFileSync(source ?? join(__dirname, '..', 'wasm', 'cohort.wasm'));
  return WasmEngine.fromModule(new WebAssembly.Module(bytes));
}

export function loadRegex(): RegexHost | Promise<RegexHost> {
  return re2Host((require('re2js') as typeof import('re2js')).RE2JS);
}
