# Two commands for a fresh machine:
#   make demo   builds everything, resolves the example definitions with the
#               cohort tool and with the npm package (WebAssembly), then serves
#               the demo page on 127.0.0.1 (port 8080 unless PORT is set)
#   make test   builds every preset the suite runs under and runs every test,
#               the end-to-end tests in headless Chromium included
# Both install missing Debian packages first (.ci/setup), and the npm
# packages of js/ from its package-lock.json.

EXAMPLE_DEFINITIONS := native/examples/definitions.json
EXAMPLE_CONTEXT     := {"actor": "user:42", "username": "ada", "course": "course-v1:edX+DemoX+2026"}

# Debian's emcc runs its JavaScript optimizer with node and needs Debian's
# acorn, which lives outside the default module path.
EMSCRIPTEN_ENV := NODE_PATH=/usr/share/nodejs

.PHONY: all setup build wasm js demo test test-release test-asan test-js test-browser test-fuzz fuzz fuzz-build bench bench-examples format test-format test-tidy clean

all: build

setup:
	@.ci/setup

build: setup
	cmake --preset native-release
	cmake --build --preset native-release

wasm: setup
	$(EMSCRIPTEN_ENV) emcmake cmake --preset wasm
	$(EMSCRIPTEN_ENV) cmake --build --preset wasm

js/node_modules/.package-lock.json: js/package.json js/package-lock.json
	cd js && npm install --no-audit --no-fund

# The Vue component under @vue/vue3-jest (Jest 29) and Vue 2.7: a project
# of its own, since those need other versions than js/ uses.
tests/vue/node_modules/.package-lock.json: tests/vue/package.json tests/vue/package-lock.json
	cd tests/vue && npm install --no-audit --no-fund

js: wasm js/node_modules/.package-lock.json
	cd js && npm run build

demo: build js
	build/native-release/native/cohort resolve --definitions $(EXAMPLE_DEFINITIONS) \
	  --context '$(EXAMPLE_CONTEXT)'
	node js/examples/resolve.mjs '$(EXAMPLE_CONTEXT)'
	node demo/server.mjs

test: test-format test-tidy test-release test-asan test-js test-browser test-fuzz

# The code is formatted as committed: clang-format (the project's
# .clang-format) on the C++, prettier (js/.prettierrc.json) on the package's
# sources, the tests' JavaScript and the demo. `make format` fixes both.
test-format: setup js/node_modules/.package-lock.json
	clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')
	cd js && npm run --silent format:check

# clang-tidy (the checks of .clang-tidy: bugs and performance traps, every
# finding an error) on the core and the tool, from the `tidy` preset's
# compile database (Clang, no precompiled headers; configured, not built).
test-tidy: SHELL := /bin/bash
test-tidy: .SHELLFLAGS := -o pipefail -c
test-tidy: setup
	cmake --preset tidy > /dev/null
	git ls-files 'core/src/*.cpp' 'native/cohort/*.cpp' | xargs -P 2 -n 4 clang-tidy -p build/tidy --quiet 2>&1 \
	  | { grep -v '^[0-9]* warnings\? generated\.$$' || true; }

test-release: build
	ctest --preset native-release --parallel 2

test-asan: setup
	cmake --preset native-asan
	cmake --build --preset native-asan
	ctest --preset native-asan --parallel 2

# Jest under jsdom against the built package, the Vue component under
# @vue/vue3-jest and Vue 2.7 (tests/vue), the type check of the .d.ts,
# the snippets of js/README.md and an npm pack installed into an empty
# folder. Needs the native build for the native-vs-WebAssembly comparisons.
test-js: build js tests/vue/node_modules/.package-lock.json
	cd js && npm run typecheck
	cd js && npm test
	cd tests/vue && npm test
	node --test tests/js/readme_snippets.test.mjs
	tests/js/pack_smoke_test.sh

# The demo server with hostile input, then the demo page in headless Chromium
# (Debian's, installed by .ci/setup): writes build/e2e/demo.png and
# build/e2e/timing.json. Then every app of examples/ installed from the
# packed package, built with its own tool and loaded in Chromium: Vite (the
# element, Vue 3, React 18; dev server and production build), webpack,
# esbuild, Rollup, and a Node server using createEngine.
test-browser: build js
	node --test tests/demo/server.test.mjs
	node --test tests/browser/demo.e2e.mjs
	node --test tests/examples/

# libFuzzer harnesses (tests/fuzz) under ASan+UBSan, on seeds from the
# shared vectors: `make fuzz SECONDS=600` for a long run; make test runs
# each for FUZZ_TEST_SECONDS and fails on any finding (the input is kept in
# build/fuzz/crashes/).
SECONDS ?= 60
FUZZ_TEST_SECONDS := 8
FUZZ_HARNESSES := definitions context condition time
FUZZ_RUN = mkdir -p build/fuzz/crashes && python3 tests/fuzz/seeds.py build/fuzz/corpus && \
  for h in $(FUZZ_HARNESSES); do \
    build/fuzz/tests/fuzz/$${h}_fuzz -max_total_time=$(1) -timeout=5 -rss_limit_mb=2048 \
      -artifact_prefix=build/fuzz/crashes/$${h}- -print_final_stats=1 build/fuzz/corpus/$$h \
      tests/fuzz/regressions/$$h || exit 1; \
  done

fuzz-build: setup
	cmake --preset fuzz
	cmake --build --preset fuzz

fuzz: fuzz-build
	$(call FUZZ_RUN,$(SECONDS))

test-fuzz: fuzz-build
	$(call FUZZ_RUN,$(FUZZ_TEST_SECONDS))

bench: build js
	build/native-release/native/cohort-bench
	node js/bench/bench.mjs

# What each example app downloads in Chromium, beside the same app built with
# GrowthBook (installs every example from the packed package: a few minutes).
bench-examples: js
	node js/bench/examples_payload.mjs

format: js/node_modules/.package-lock.json
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')
	cd js && npm run --silent format

clean:
	rm -rf build js/dist
