// webpack 5 follows the package's new URL('…/cohort.wasm', import.meta.url)
// and emits the file as an asset: nothing to configure for it.
const path = require('node:path');

module.exports = {
  mode: 'production',
  entry: './main.js',
  experiments: { outputModule: true },
  output: { path: path.resolve(__dirname, 'dist'), filename: 'main.js', publicPath: '/dist/', clean: true, module: true },
};
