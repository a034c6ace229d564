// The test build of the module (build/wasm/wasm/cohort_test.wasm), driven
// through the package's own wrapper: the shipped exports plus stubs, pushed
// data and sticky entries in the core, and GrowthBook's primitives.
const fs = require('node:fs');
const { internal, testWasm } = require('./paths');

const { WasmEngine, Encoder, loadRegex } = require(internal);
const module_ = new WebAssembly.Module(fs.readFileSync(testWasm));

/** A fresh instance of the test build. */
function testEngine() {
  return WasmEngine.fromModule(module_, loadRegex());
}

/** The encoding of a context, as the package writes it. */
function encoded(context) {
  const encoder = new Encoder();
  if (!encoder.encode(context)) throw new Error('context has no JSON form');
  return encoder.bytes.slice(0, encoder.length);
}

module.exports = { testEngine, encoded };
