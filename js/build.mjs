// Builds the package from src/ and the Emscripten outputs of the wasm preset:
//   dist/wasm/     cohort.wasm: one module for Node (compiled synchronously) and browsers
//   dist/node/     index, testing, element, vue, react: .js (ESM; index whole, the rest sharing chunks) and .cjs
//   dist/browser/  the same entries as ES modules with shared chunks (asynchronous wasm),
//                  and manifest.json: each entry's static imports, for modulepreload
//   dist/types/    .d.ts from tsc
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wasmBuild = process.env.COHORT_WASM_DIR ?? join(here, '..', 'build', 'wasm', 'wasm');
const dist = join(here, 'dist');

// cohort_test.wasm (the test build) stays in the build tree: never shipped.
const outputs = [['cohort.wasm', 'cohort.wasm']];
for (const [from] of outputs) {
  if (!existsSync(join(wasmBuild, from))) {
    console.error(`build.mjs: ${join('build', 'wasm', 'wasm', from)} is missing; build the wasm preset first (make wasm)`);
    process.exit(2);
  }
}
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'wasm'), { recursive: true });
for (const [from, to] of outputs) copyFileSync(join(wasmBuild, from), join(dist, 'wasm', to));

const common = {
  bundle: true,
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  // re2js: a dependency in Node, resolved from node_modules; bundled (as a
  // chunk fetched on demand) for browsers.
  external: ['vitest', 'vue', 'react', 'node:*'],
};
/**
 * dist/browser/manifest.json: for each entry, every file it imports
 * statically (transitively), so a server can send <link rel=modulepreload>
 * for all of them at once instead of the browser discovering them level by
 * level. Paths are relative to dist/browser.
 */
function preloadManifest(metafile) {
  const outputs = metafile.outputs;
  const local = (path) => relative(join(dist, 'browser'), resolve(here, path));
  const manifest = {};
  for (const [path, output] of Object.entries(outputs)) {
    if (!output.entryPoint) continue;
    const seen = new Set();
    const visit = (file) => {
      for (const imp of outputs[file]?.imports ?? []) {
        if (imp.kind !== 'import-statement' || imp.external || seen.has(imp.path)) continue;
        seen.add(imp.path);
        visit(imp.path);
      }
    };
    visit(path);
    manifest[local(path)] = [...seen].map(local).sort();
  }
  return manifest;
}

const loader = (which) => ({ '#cohort-load': join(here, 'src', `load_${which}.ts`) });
// The test build's wrapper, for the repository's tests only (not in exports).
const internal = { internal: 'src/internal.ts' };

// One entry per export of package.json. The browser build's entries share
// chunks, so `cohort`, `cohort/element` and the adapters download one copy
// of the runtime. In Node the package root is one whole file (each file
// Node imports costs its module loader about 0.2 ms: 4 files were 0.57 ms
// more than 1, median of 12 fresh processes), like every CommonJS file; the
// other ES entries share chunks among themselves. Copies meet through
// globalThis (state.ts) and run one runtime.
const adapters = {
  element: 'src/element.ts',
  vue: 'src/vue.ts',
  'gitlab-experiment': 'src/gitlab_experiment.ts',
  react: 'src/react.ts',
  constants: 'src/constants.ts',
};
// Node parses every file it imports before running it: without whitespace
// and with shorter syntax the import of the package is 0.6 ms faster (7.1 ->
// 6.5 ms, median of 12 fresh processes). Names are kept, so stack traces
// still name the package's functions.
const nodeMinify = { minifyWhitespace: true, minifySyntax: true };
const nodeEsm = {
  ...common,
  outdir: join(dist, 'node'),
  format: 'esm',
  platform: 'neutral',
  alias: loader('node'),
  ...nodeMinify,
  external: [...common.external, 're2js'],
};
await build({ ...nodeEsm, entryPoints: { index: 'src/index.ts' } });
await build({
  ...nodeEsm,
  entryPoints: { testing: 'src/testing_esm.ts', ...adapters },
  splitting: true,
  chunkNames: 'chunk-[hash]',
});
await build({
  ...common,
  entryPoints: { index: 'src/index.ts', testing: 'src/testing.ts', ...adapters, ...internal },
  outdir: join(dist, 'node'),
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'node',
  alias: loader('node_cjs'),
  ...nodeMinify,
  external: [...common.external, 're2js'],
});
const browser = await build({
  ...common,
  entryPoints: { index: 'src/index.ts', testing: 'src/testing.ts', ...adapters },
  outdir: join(dist, 'browser'),
  format: 'esm',
  splitting: true,
  chunkNames: 'chunk-[hash]',
  platform: 'browser',
  minify: true,
  alias: loader('browser'),
  metafile: true,
});
writeFileSync(join(dist, 'browser', 'manifest.json'), `${JSON.stringify(preloadManifest(browser.metafile), null, 2)}\n`);

execFileSync(
  process.execPath,
  [join(here, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--emitDeclarationOnly', '--outDir', join(dist, 'types')],
  { cwd: here, stdio: 'inherit' },
);

// The same declarations as .d.cts for the `require` conditions: TypeScript
// consumers compiling to CommonJS (module node16 without "type": "module")
// read these, whose relative imports point at .d.cts files too.
const types = join(dist, 'types');
for (const file of readdirSync(types).filter((f) => f.endsWith('.d.ts'))) {
  const text = readFileSync(join(types, file), 'utf8').replace(/(from\s+['"]\.\/[\w-]+)\.js(['"])/g, '$1.cjs$2');
  writeFileSync(join(types, file.replace(/\.d\.ts$/, '.d.cts')), text);
}
