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
const { getExperimentData, init, run } = require("cohort");
const { stubExperiments } = require("cohort/testing");
init({ definitions: { experiments: [{ name: "e", variants: ["control", "a"], weights: [0, 1] }] }, context: { id: 1 } });
if (run("e").variant !== "a") throw new Error("require: local resolution failed");
stubExperiments({ my_experiment: "candidate" });
if (getExperimentData("my_experiment").variant !== "candidate") throw new Error("require: stub not read");
console.log("require: ok");
'

node --input-type=module -e '
import { getExperimentData, init, run, ready } from "cohort";
import { stubExperiments } from "cohort/testing";
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
const { defineExperimentElement, EXPERIMENT_TAG } = require("cohort/element");
if (defineExperimentElement() !== undefined || EXPERIMENT_TAG !== "gitlab-experiment") throw new Error("element: defined without a DOM");
const { GitlabExperiment } = require("cohort/vue");
if (GitlabExperiment.name !== "GitlabExperiment") throw new Error("vue: no GitlabExperiment");
const { createElement } = require("react");
const { renderToString } = require("react-dom/server");
const { Experiment } = require("cohort/react");
const { stubExperiments } = require("cohort/testing");
stubExperiments({ pill_color: "red" });
const html = renderToString(createElement(Experiment, { name: "pill_color", variants: { control: "grey", red: "red" } }));
if (html !== "red") throw new Error(`react: rendered ${html}`);
console.log("element, vue, react: ok");
'

# Jest from the project's own install, run against the installed package;
# the folder has no set-up file, so the restore between tests is the package's.
cat > gitlab_style.test.js <<'JS'
const { getExperimentData, isExperimentVariant } = require('cohort');
const { stubExperiments } = require('cohort/testing');

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
echo "npm pack smoke test: ok"
