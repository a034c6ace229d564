// `$regex` in linear time: RE2's syntax and semantics in JavaScript (re2js,
// a port of RE2/J), the same engine the native build links. Any pattern and
// any input match in time linear in their sizes, so no definitions file can
// block the page, and native and WebAssembly answers agree. The loaders load
// re2js only for definitions that hold a `$regex` (its code is larger than
// the rest of the package).
import type { RE2JS } from 're2js';
import type { RegexHost } from './wasm_engine.js';

/** The regex host over re2js's RE2JS class, however it was loaded. */
export function re2Host(re2: typeof RE2JS): RegexHost {
  return {
    compile(pattern, ignoreCase) {
      try {
        return re2.compile(pattern, ignoreCase ? re2.CASE_INSENSITIVE : 0);
      } catch (e) {
        return { error: e instanceof Error ? e.message : 'invalid regular expression' };
      }
    },
    test(compiled, text) {
      return (compiled as RE2JS).matcher(text).find();
    },
  };
}
