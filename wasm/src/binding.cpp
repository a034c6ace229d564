// The Embind declaration of what JavaScript sees: one class, strings in and
// JSON text out. Names follow JavaScript's conventions; nothing else here.
#include <emscripten/bind.h>

#include "engine.hpp"

EMSCRIPTEN_BINDINGS(cohort) {
  using cohort::wasm::Engine;
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("load", &Engine::load)
      .function("setContext", &Engine::set_context)
      .function("resolve", &Engine::resolve)
      .function("resolveAll", &Engine::resolve_all)
      .function("stub", &Engine::stub)
      .function("clearStubs", &Engine::clear_stubs)
      .function("publish", &Engine::publish)
      .function("clearPublished", &Engine::clear_published)
      .function("remember", &Engine::remember)
      .function("variants", &Engine::variants);
}
