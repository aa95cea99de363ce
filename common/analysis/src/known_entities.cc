#include "newsdex/known_entities.h"

#include <cctype>
#include <stdexcept>
#include <string>

#include "newsdex/embedded_data.h"
#include "newsdex/lines.h"
#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

std::vector<std::string_view> fields_of(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

EntityType class_named(std::string_view name, std::size_t line_number) {
  if (name == "person") return EntityType::kPerson;
  if (name == "place") return EntityType::kPlace;
  if (name == "org") return EntityType::kOrganization;
  if (name == "none") return EntityType::kMisc;
  throw std::runtime_error("known entities line " + std::to_string(line_number) +
                           ": unknown class '" + std::string(name) + "'");
}

}  // namespace

std::string entity_key(std::string_view name) {
  std::string key;
  bool space = false;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (is_loose_word_byte(u)) {
      if (space && !key.empty()) key += ' ';
      space = false;
      key += ascii_lower(c);
    } else if (c != '.') {  // "U.S." and "US" are one name
      space = true;
    }
  }
  return key;
}

KnownEntities KnownEntities::parse(std::string_view tsv) {
  KnownEntities known;
  std::size_t line_number = 0;
  while (!tsv.empty()) {
    std::string_view line = take_line(tsv);
    ++line_number;
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.front() == '#') continue;
    const std::vector<std::string_view> fields = fields_of(line);
    const EntityType type = class_named(fields[0], line_number);
    if (fields.size() < 2 || entity_key(fields[1]).empty()) {
      throw std::runtime_error("known entities line " + std::to_string(line_number) + ": no name");
    }
    // A "none" line is a list of things, each its own; an entity's forms share its name.
    for (std::size_t i = 1; i < fields.size(); ++i) {
      if (i == 1 || type == EntityType::kMisc) {
        known.entities_.push_back({type, std::string(fields[i])});
      }
      const std::string key = entity_key(fields[i]);
      if (key.empty()) continue;
      if (!known.by_key_.emplace(key, known.entities_.size() - 1).second) {
        throw std::runtime_error("known entities line " + std::to_string(line_number) + ": '" +
                                 std::string(fields[i]) + "' is given twice");
      }
    }
  }
  return known;
}

void KnownEntities::add_unknown_things(std::string_view tsv) {
  const KnownEntities things = parse(tsv);
  for (const auto& [key, index] : things.by_key_) {
    const KnownEntity& thing = things.entities_[index];
    if (thing.type != EntityType::kMisc || by_key_.contains(key)) continue;
    entities_.push_back(thing);
    by_key_.emplace(key, entities_.size() - 1);
  }
}

const KnownEntities& KnownEntities::shipped() {
  static const KnownEntities known = [] {
    KnownEntities list = parse(embedded::known_entities());
    list.add_unknown_things(embedded::works());  // film titles, generated
    return list;
  }();
  return known;
}

const KnownEntity* KnownEntities::find(std::string_view key) const {
  const auto it = by_key_.find(std::string(key));
  return it == by_key_.end() ? nullptr : &entities_[it->second];
}

}  // namespace newsdex
