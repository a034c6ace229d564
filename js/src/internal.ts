// For the repository's own tests only (dist/node/internal.cjs, not in the
// package's exports): the engine wrapper, to drive the test build of the
// module, and the context writer.
export { WasmEngine } from './wasm_engine.js';
export { Encoder } from './encode.js';
export { re2Host } from './regex_re2.js';
export { loadRegex } from './load_node_cjs.js';
export { jsonErrorIndex } from './json_position.js';
export { usesRegex } from './inputs.js';
