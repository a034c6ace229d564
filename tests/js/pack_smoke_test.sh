#!/usr/bin/env bash
# Packs js/ with npm pack, installs the tarball into an empty folder and uses
# it there: with require, with import, the slot renderers, and from a Jest test written the way
# GitLab's frontend specs are (stub, then read) with no set-up file.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tarball="$(cd "$root/js" && npm pack --silent --pack-destination "$work" | tail -n 1)"
mkdir "$work/app"
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball"

node -e '
const { getExperimentData, init, run } = require("cohort-ab");
const { stubExperiments } = require("cohort-ab/testing");
init({ definitions: { experiments: [{ name: "e", variants: ["control", "a"], weights: [0, 1] }] }, context: { id: 1 } });
if (run("e").variant !== "a") throw new Error("require: local resolution failed");
stubExperiments({ my_experiment: "candidate" });
if (getExperimentData("my_experiment").variant !== "candidate") throw new Error("require: stub not read");
// The engine file is exported, for copy plugins and init({ wasm }).
const wasm = require.resolve("cohort-ab/cohort.wasm");
if (!require("fs").readFileSync(wasm).subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d]))) throw new Error("cohort-ab/cohort.wasm is not wasm");
console.log("require: ok");
'

node --input-type=module -e '
import { getExperimentData, init, run, ready } from "cohort-ab";
import { stubExperiments } from "cohort-ab/testing";
await ready;
init({ definitions: { experiments: [{ name: "e", variants: ["control", "a"], weights: [0, 1] }] }, context: { id: 1 } });
if (run("e").variant !== "a") throw new Error("import: local resolution failed");
stubExperiments({ my_experiment: "candidate" });
if (getExperimentData("my_experiment").variant !== "candidate") throw new Error("import: stub not read");
console.log("import: ok");
'

# The slot renderers: the element imports without a DOM (server rendering);
# the adapters find their peer (vue, react) where the app has it, here the
# project's own install through NODE_PATH.
NODE_PATH="$root/js/node_modules" node -e '
const { defineExperimentElement, EXPERIMENT_TAG } = require("cohort-ab/element");
if (defineExperimentElement() !== undefined || EXPERIMENT_TAG !== "gitlab-experiment") throw new Error("element: defined without a DOM");
const { GitlabExperiment } = require("cohort-ab/vue");
if (GitlabExperiment.name !== "GitlabExperiment") throw new Error("vue: no GitlabExperiment");
const { createElement } = require("react");
const { renderToString } = require("react-dom/server");
const { Experiment } = require("cohort-ab/react");
const { stubExperiments } = require("cohort-ab/testing");
stubExperiments({ pill_color: "red" });
const html = renderToString(createElement(Experiment, { name: "pill_color", variants: { control: "grey", red: "red" } }));
if (html !== "red") throw new Error(`react: rendered ${html}`);
console.log("element, vue, react: ok");
'

# TypeScript consumers, from the installed types: a CommonJS project
# (module node16, no "type": "module") reads the .d.cts of the require
# conditions, an ES module project the .d.ts.
mkdir ts-cjs ts-esm
cat > ts-cjs/main.ts <<'TS'
import { getExperimentData, init, run, type Answer } from 'cohort-ab';
import { stubExperiments } from 'cohort-ab/testing';
import { TRACKING_CONTEXT_SCHEMA } from 'cohort-ab/constants';
init({ definitions: { experiments: [] } });
const answer: Answer = run('e', { id: 1 });
stubExperiments({ e: 'candidate' });
export const shown: string = `${answer.variant} ${getExperimentData('e')?.variant ?? ''} ${TRACKING_CONTEXT_SCHEMA}`;
TS
cp ts-cjs/main.ts ts-esm/main.ts
echo '{"name": "ts-cjs", "private": true}' > ts-cjs/package.json
echo '{"name": "ts-esm", "private": true, "type": "module"}' > ts-esm/package.json
for project in ts-cjs ts-esm; do
  cat > "$project/tsconfig.json" <<'JSON'
{ "compilerOptions": { "module": "node16", "moduleResolution": "node16", "strict": true, "noEmit": true, "skipLibCheck": false, "types": [], "lib": ["ES2022", "DOM"], "typeRoots": [] }, "files": ["main.ts"] }
JSON
  ln -s ../node_modules "$project/node_modules"
  (cd "$project" && node "$root/js/node_modules/typescript/bin/tsc" -p tsconfig.json)
done
echo "typescript, CommonJS and ES module consumers: ok"

# Jest from the project's own install, run against the installed package;
# the folder has no set-up file, so the restore between tests is the package's.
cat > gitlab_style.test.js <<'JS'
const { getExperimentData, isExperimentVariant } = require('cohort-ab');
const { stubExperiments } = require('cohort-ab/testing');

describe('a component behind an experiment', () => {
  it('reads the stubbed variant', () => {
    stubExperiments({ my_experiment: 'candidate' });
    expect(getExperimentData('my_experiment')).toEqual({ experiment: 'my_experiment', variant: 'candidate' });
    expect(isExperimentVariant('my_experiment')).toBe(true);
  });

  it('starts the next test without the stub', () => {
    expect(getExperimentData('my_experiment')).toBeUndefined();
  });
});
JS
cat > jest.config.cjs <<'JS'
module.exports = {
  testEnvironment: 'jsdom',
  transform: {},
};
JS
NODE_PATH="$root/js/node_modules" node "$root/js/node_modules/jest/bin/jest.js" --rootDir . \
  --config jest.config.cjs --testEnvironment "$root/js/node_modules/jest-environment-jsdom" gitlab_style.test.js

# GitLab's own module paths, through the moduleNameMapper block js/README.md
# documents (read from the README, so the block is what is tested), under a
# set-up that fails on any console.warn/console.error as GitLab's does.
node -e '
const fs = require("fs");
const readme = fs.readFileSync(process.argv[1], "utf8");
const block = readme.split("<!-- gitlab-aliases:jest -->")[1].split("```js")[1].split("```")[0];
const config = {};
new Function("module", block)({ set exports(v) { Object.assign(config, v); } });
if (Object.keys(config.moduleNameMapper ?? {}).length !== 4) throw new Error("README: the Jest alias block has not four aliases");
config.testEnvironment = "jsdom";
config.transform = {};
config.setupFilesAfterEach = undefined;
config.setupFilesAfterEnv = ["<rootDir>/console_fails.js"];
config.testEnvironmentOptions = { customExportConditions: ["node", "require", "default"] };
fs.writeFileSync("jest.gitlab.config.cjs", "module.exports = " + JSON.stringify(config, null, 2) + ";\n");
' "$root/js/README.md"
cat > console_fails.js <<'JS'
// As GitLab's test environment: any console.warn or console.error fails the test.
for (const method of ['warn', 'error']) {
  console[method] = (...args) => {
    throw new Error(`unexpected console.${method}: ${args.join(' ')}`);
  };
}
JS
cat > gitlab_paths.test.js <<'JS'
const { getAllExperimentContexts, getExperimentData, isExperimentVariant } = require('~/experimentation/utils');
const { CANDIDATE_VARIANT, TRACKING_CONTEXT_SCHEMA } = require('~/experimentation/constants');
const { stubExperiments } = require('helpers/experimentation_helper');
const GitlabExperiment = require('~/experimentation/components/gitlab_experiment.vue').default;
const { mount } = require('@vue/test-utils');
const { h } = require('vue');

afterEach(() => {
  delete window.gl;
  delete window.gon;
});

describe('stubbed in beforeAll', () => {
  beforeAll(() => {
    stubExperiments({ enable_prompt: CANDIDATE_VARIANT });
  });

  it('is seen by the first test', () => {
    expect(isExperimentVariant('enable_prompt')).toBe(true);
  });

  it('and by the next', () => {
    expect(getExperimentData('enable_prompt')).toEqual({ experiment: 'enable_prompt', variant: 'candidate' });
  });
});

it('reads window.gl.experiments and the legacy window.gon.experiment', () => {
  window.gon = { experiment: { legacy: { experiment: 'legacy', key: 'k0', variant: 'control' } } };
  window.gl = { experiments: { pushed: { experiment: 'pushed', key: 'k1', variant: 'candidate', migration_keys: 'as-given' } } };
  expect(getExperimentData('legacy')).toEqual({ experiment: 'legacy', key: 'k0', variant: 'control' });
  expect(getExperimentData('pushed')).toEqual({ experiment: 'pushed', key: 'k1', variant: 'candidate', migration_keys: 'as-given' });
  expect(getAllExperimentContexts().map((c) => c.schema)).toEqual([TRACKING_CONTEXT_SCHEMA, TRACKING_CONTEXT_SCHEMA]);
  expect(TRACKING_CONTEXT_SCHEMA).toBe('iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3');
});

it('renders the slot of the stubbed variant through the aliased component', () => {
  stubExperiments({ pill_color: 'candidate' });
  const wrapper = mount(GitlabExperiment, {
    props: { name: 'pill_color' },
    slots: { control: () => h('p', 'control'), candidate: () => h('p', 'candidate') },
  });
  expect(wrapper.text()).toBe('candidate');
});

it('accepts any stub value without writing to the console', () => {
  expect(() => stubExperiments({ undefined: undefined })).not.toThrow();
  expect(getExperimentData('undefined')).toBeUndefined();
});
JS
NODE_PATH="$root/js/node_modules" node "$root/js/node_modules/jest/bin/jest.js" --rootDir . \
  --config jest.gitlab.config.cjs --testEnvironment "$root/js/node_modules/jest-environment-jsdom" gitlab_paths.test.js
# The webpack resolve.alias block of js/README.md, with webpack 5 itself:
# GitLab's module paths bundle and run (the engine file is emitted beside
# the bundle).
npm install --no-audit --no-fund --silent webpack@5 vue@3
cat > gitlab_code.mjs <<'JS'
import { getExperimentData, init } from '~/experimentation/utils';
import { TRACKING_CONTEXT_SCHEMA } from '~/experimentation/constants';
import GitlabExperiment from '~/experimentation/components/gitlab_experiment.vue';
init({ definitions: { experiments: [{ name: 'e', variants: ['control', 'candidate'], weights: [0, 1] }] }, context: { id: 1 } });
console.log(getExperimentData('e').variant, TRACKING_CONTEXT_SCHEMA, GitlabExperiment.name);
JS
NODE_PATH="$root/js/node_modules" node -e '
const fs = require("fs");
const block = fs.readFileSync(process.argv[1], "utf8").split("// webpack.config.js")[1].split("```")[0];
const documented = {};
new Function("module", block)(documented);
const config = { ...documented.exports, mode: "development", target: "node", devtool: false,
  entry: "./gitlab_code.mjs", output: { path: `${process.cwd()}/webpack-dist`, filename: "out.cjs" } };
require(`${process.cwd()}/node_modules/webpack`)(config, (err, stats) => {
  if (err || stats.hasErrors()) {
    console.error(String(err || stats.toString("errors-only")));
    process.exit(1);
  }
});
' "$root/js/README.md"
out="$(node webpack-dist/out.cjs)"
[ "$out" = "candidate iglu:com.gitlab/gitlab_experiment/jsonschema/1-0-3 GitlabExperiment" ] || { echo "webpack aliases: printed $out"; exit 1; }
echo "webpack aliases: ok"

echo "npm pack smoke test: ok"
