# Two commands for a fresh machine:
#   make demo   builds everything and runs the cohort tool on the example
#   make test   builds every preset the suite runs under and runs every test
# Both install missing Debian packages first (.ci/setup).

EXAMPLE_DEFINITIONS := native/examples/definitions.json
EXAMPLE_CONTEXT     := {"actor": "user:42", "username": "ada", "course": "course-v1:edX+DemoX+2026"}

.PHONY: all setup build demo test test-release test-asan bench format clean

all: build

setup:
	@.ci/setup

build: setup
	cmake --preset native-release
	cmake --build --preset native-release

demo: build
	build/native-release/native/cohort resolve --definitions $(EXAMPLE_DEFINITIONS) \
	  --context '$(EXAMPLE_CONTEXT)'

test: test-release test-asan

test-release: build
	ctest --preset native-release --parallel 2

test-asan: setup
	cmake --preset native-asan
	cmake --build --preset native-asan
	ctest --preset native-asan --parallel 2

bench: build
	build/native-release/native/cohort-bench

format:
	clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	rm -rf build
