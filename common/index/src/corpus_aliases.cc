#include "newsdex/corpus_aliases.h"

#include <algorithm>

#include "newsdex/lines.h"

namespace newsdex {
namespace {

const Facet* facet_named(std::string_view name) {
  for (const Facet& facet : schema_facets()) {
    if (facet.name == name) return &facet;
  }
  return nullptr;
}

std::string_view facet_name_of(FieldSource source) {
  for (const Facet& facet : schema_facets()) {
    if (facet.source == source) return facet.name;
  }
  return {};
}

}  // namespace

CorpusAliases CorpusAliases::parse(std::string_view text) {
  CorpusAliases aliases;
  while (!text.empty()) {
    std::string_view line = take_line(text);
    std::size_t first_tab = line.find('\t');
    std::size_t second_tab =
        line.find('\t', first_tab == std::string_view::npos ? 0 : first_tab + 1);
    if (second_tab == std::string_view::npos) continue;
    const Facet* facet = facet_named(line.substr(0, first_tab));
    if (facet == nullptr) continue;
    aliases.add(facet->source, std::string(line.substr(first_tab + 1, second_tab - first_tab - 1)),
                std::string(line.substr(second_tab + 1)));
  }
  return aliases;
}

std::string CorpusAliases::serialise() const {
  std::string text;
  for (const auto& [key, canonical] : canonical_) {
    text.append(facet_name_of(key.first)).append("\t").append(key.second);
    text.append("\t").append(canonical).append("\n");
  }
  return text;
}

void CorpusAliases::add(FieldSource source, std::string alias, std::string canonical) {
  if (alias.empty() || canonical.empty() || alias == canonical) return;
  canonical_[{source, std::move(alias)}] = std::move(canonical);
}

std::vector<CorpusAliases::Entry> CorpusAliases::entries() const {
  std::vector<Entry> entries;
  for (const auto& [key, canonical] : canonical_)
    entries.push_back({key.first, key.second, canonical});
  return entries;
}

const std::string& CorpusAliases::canonical(FieldSource source, const std::string& name) const {
  if (canonical_.empty()) return name;
  auto it = canonical_.find({source, name});
  return it == canonical_.end() ? name : it->second;
}

void CorpusAliases::canonicalise(FieldSource source, std::vector<std::string>& names) const {
  if (canonical_.empty()) return;
  std::vector<std::string> result;
  for (const std::string& name : names) {
    const std::string& resolved = canonical(source, name);
    if (std::find(result.begin(), result.end(), resolved) == result.end()) {
      result.push_back(resolved);
    }
  }
  names = std::move(result);
}

}  // namespace newsdex
