// Native resolution speed, side by side with SPEC §9's target: one answer
// for an experiment with 3 variants and 2 rules in at most 250 ns.
#include <benchmark/benchmark.h>

#include <vector>

#include "cohort/conditions/re2_regex_engine.hpp"
#include "cohort/memory_sticky_store.hpp"
#include "cohort/resolver.hpp"

namespace cohort {
namespace {

constexpr const char* kDefinitions = R"({"experiments": [{
  "name": "pill_color",
  "variants": ["control", "red", "blue"],
  "percentage": 50,
  "weights": [0, 1, 1],
  "context_keys": ["actor"],
  "exclude": [{"created_days": {"$gt": 14}}],
  "segments": [{"variant": "red", "when": {"country": {"$in": ["NL", "BE"]}}}]
}]})";

constexpr std::size_t kPool = 4096;

std::vector<Context> fresh_contexts() {
  std::vector<Context> pool;
  pool.reserve(kPool);
  for (std::size_t i = 0; i < kPool; ++i) {
    Json value = Json::object();
    value["actor"] = "user:" + std::to_string(i);
    value["created_days"] = i % 20;
    value["country"] = i % 7 == 0 ? "NL" : "US";
    Error error;
    pool.push_back(*Context::from_json(std::move(value), error));
  }
  return pool;
}

std::shared_ptr<const Definitions> definitions() {
  static const Re2RegexEngine regex;
  LoadOptions options;
  options.regex = &regex;
  return Definitions::parse(kDefinitions, options).definitions;
}

// The Time column is the time per answer; the label puts the target beside it.
void set_target(benchmark::State& state) {
  state.SetLabel("target: <= 250 ns per answer");
}

// Resolves fresh contexts round-robin, so no answer comes from a warm cache
// line of the previous one.
void resolve_pool(benchmark::State& state, Resolver& resolver) {
  const auto pool = fresh_contexts();
  std::size_t i = 0;
  for (auto _ : state) {
    Answer a = resolver.resolve("pill_color", pool[i++ % kPool], 0);
    benchmark::DoNotOptimize(a);
  }
  set_target(state);
}

void BM_Resolve(benchmark::State& state) {
  Resolver resolver(definitions());
  resolve_pool(state, resolver);
}
BENCHMARK(BM_Resolve);

void BM_ResolveWithStickyStore(benchmark::State& state) {
  MemoryStickyStore store(kPool * 2);
  Resolver resolver(definitions(), {"", &store});
  resolve_pool(state, resolver);
}
BENCHMARK(BM_ResolveWithStickyStore);

// What the package's run() asks of the core for a fresh context: decode the
// encoded context into a reused Context, resolve, and store the answer in a
// sticky store smaller than the pool, so every answer also evicts one.
void BM_DecodeResolveAndEvict(benchmark::State& state) {
  std::vector<std::string> pool;
  for (const Context& context : fresh_contexts()) pool.emplace_back(context.encoded());
  MemoryStickyStore store(kPool / 4);
  Resolver resolver(definitions(), {"", &store});
  Error error;
  Context context = *Context::decode(pool[0], error);
  std::size_t i = 0;
  for (auto _ : state) {
    if (!context.assign(pool[i++ % kPool], error)) state.SkipWithError("decode failed");
    Answer a = resolver.resolve("pill_color", context, 0);
    benchmark::DoNotOptimize(a);
  }
  state.SetLabel("what run() with a fresh context asks of the core");
}
BENCHMARK(BM_DecodeResolveAndEvict);

void BM_ParseContextAndResolve(benchmark::State& state) {
  Resolver resolver(definitions());
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string text =
        R"({"actor": "user:)" + std::to_string(i++) + R"(", "created_days": 3, "country": "US"})";
    Error error;
    auto context = Context::parse(text, error);
    Answer a = resolver.resolve("pill_color", *context, 0);
    benchmark::DoNotOptimize(a);
  }
  state.SetLabel("includes JSON parsing of the context");
}
BENCHMARK(BM_ParseContextAndResolve);

// Loading 1,000 experiments that each hold a $regex segment: RE2 compiles
// every pattern once, at load. Reported per pattern (the hostile-input
// target: a few milliseconds for the whole document, not per pattern).
void BM_LoadThousandRegexConditions(benchmark::State& state) {
  std::string text = R"({"experiments": [)";
  for (int i = 0; i < 1000; ++i) {
    if (i > 0) text += ',';
    text += R"({"name": "r)" + std::to_string(i) +
            R"(", "variants": ["control", "a"], "segments": [{"variant": "a", "when": )" +
            R"({"email": {"$regex": "^user)" + std::to_string(i) +
            R"([a-z]+@example\\.(com|org)$"}}}]})";
  }
  text += "]}";
  static const Re2RegexEngine regex;
  LoadOptions options;
  options.regex = &regex;
  for (auto _ : state) {
    auto loaded = Definitions::parse(text, options);
    if (!loaded.definitions || loaded.definitions->all().size() != 1000) {
      state.SkipWithError(loaded.errors.empty() ? "the document did not load 1,000 experiments"
                                                : loaded.errors.front().describe().c_str());
      break;
    }
    benchmark::DoNotOptimize(loaded);
  }
  state.SetItemsProcessed(state.iterations() * 1000);
  state.SetLabel("1,000 patterns per load; items/s = patterns compiled per second");
}
BENCHMARK(BM_LoadThousandRegexConditions)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace cohort

BENCHMARK_MAIN();
