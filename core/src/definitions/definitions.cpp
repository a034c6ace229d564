#include "cohort/definitions/definitions.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "cohort/json/json_text.hpp"
#include "cohort/json/value_json.hpp"
#include "definitions/definition_parser.hpp"
#include "definitions/enum_names.hpp"
#include "sorting.hpp"

namespace cohort {

LoadResult Definitions::load(Value document, const LoadOptions& options) {
  LoadResult result;
  DefinitionParser parser(options, result.errors, result.warnings);
  result.definitions = parser.parse(document);
  result.skipped = std::move(parser.skipped);
  return result;
}

LoadResult Definitions::decode(std::string_view encoded, const LoadOptions& options) {
  const std::size_t max_bytes = options.limits.max_document_bytes;
  std::string problem;
  if (encoded.size() > max_bytes) {
    problem = "the document is " + std::to_string(encoded.size()) + " bytes; the limit is " +
              std::to_string(max_bytes);
  } else {
    problem = check_encoding(encoded, options.limits.max_depth);
  }
  if (!problem.empty()) {
    LoadResult result;
    result.definitions = std::make_shared<Definitions>();
    result.errors.push_back({"", problem});
    return result;
  }
  return load(Value(reinterpret_cast<const unsigned char*>(encoded.data())), options);
}

LoadResult Definitions::load(const Json& document, const LoadOptions& options) {
  const std::string encoded = encode_json(document);
  return load(Value(reinterpret_cast<const unsigned char*>(encoded.data())), options);
}

LoadResult Definitions::parse(std::string_view text, const LoadOptions& options) {
  // Straight from the text into the value encoding, with no DOM: a large
  // document (16 MiB of saved groups) costs a small multiple of its size.
  Error error;
  Errors duplicates;
  const auto encoded = parse_json_text_encoded(text, options.limits.max_document_bytes,
                                               options.limits.max_depth, error, &duplicates);
  if (!encoded) {
    LoadResult result;
    result.definitions = std::make_shared<Definitions>();
    result.errors.push_back(std::move(error));
    return result;
  }
  // The text's size was checked against the limit; its encoding may be
  // larger ({} is 9 bytes encoded) and is well formed by construction.
  LoadResult result = load(Value(reinterpret_cast<const unsigned char*>(encoded->data())), options);
  result.warnings.insert(result.warnings.begin(), duplicates.begin(), duplicates.end());
  return result;
}

Definitions::Definitions(std::vector<Definition> experiments,
                         std::shared_ptr<const std::string> saved_groups)
    : experiments_(std::move(experiments)), saved_groups_(std::move(saved_groups)) {
  by_name_.resize(experiments_.size());
  for (std::uint32_t i = 0; i < by_name_.size(); ++i) by_name_[i] = i;
  sort_stable(by_name_, [this](std::uint32_t a, std::uint32_t b) {
    return experiments_[a].name < experiments_[b].name;
  });
}

const Definition* Definitions::find(std::string_view name) const {
  const auto it = std::lower_bound(
      by_name_.begin(), by_name_.end(), name,
      [this](std::uint32_t i, std::string_view n) { return experiments_[i].name < n; });
  if (it == by_name_.end() || experiments_[*it].name != name) return nullptr;
  return &experiments_[*it];
}

bool Definition::has_actor(std::string_view id) const {
  return std::binary_search(actors.begin(), actors.end(), id, std::less<>());
}

std::optional<std::size_t> Definition::index_of(std::string_view variant) const {
  for (std::size_t i = 0; i < variants.size(); ++i) {
    if (variants[i] == variant) return i;
  }
  return std::nullopt;
}

std::string_view to_string(State state) {
  return name_of(kStateNames, state);
}

std::string_view to_string(HashMode mode) {
  return name_of(kHashModeNames, mode);
}

}  // namespace cohort
