// Node resolution with the `browser` condition, so the package's browser
// build is bundled; the on-demand $regex engine stays a chunk of its own.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve({ browser: true })],
};
