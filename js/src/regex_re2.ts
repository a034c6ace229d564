// `$regex` in linear time: RE2's syntax and semantics in JavaScript (re2js,
// a port of RE2/J), the same engine the native build links. Any pattern and
// any input match in time linear in their sizes, so no definitions file can
// block the page, and native and WebAssembly answers agree.
import { RE2JS } from 're2js';
import type { RegexHost } from './wasm_engine.js';

export const re2Host: RegexHost = {
  compile(pattern, ignoreCase) {
    try {
      return RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
    } catch (e) {
      return { error: e instanceof Error ? e.message : 'invalid regular expression' };
    }
  },
  test(compiled, text) {
    return (compiled as RE2JS).matcher(text).find();
  },
};
